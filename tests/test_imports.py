"""What ``import kurils`` and each command load: module lists, not timings.

Each case runs in a fresh interpreter and reports ``sys.modules`` at its end. What
must not come back: ``requests`` loaded by ``kurils map`` (folium imports it for
GeoJSON from a URL; the command defers it, ``kurils.web.deferred``), folium's
plugin package (its ``__init__`` imports all ~35 plugins; kurils vendors the four
it uses, :mod:`kurils.web.plugins`), matplotlib for a map, folium for ``import
kurils``, a figure or ``kurils info``, and GDAL (pyogrio) for the shipped data.
The times these buy are in ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import folium
import pytest

from kurils import render_html

REPORT = (
    "\nimport json, sys"
    "\nreq = sys.modules.get('requests')"
    "\nprint(json.dumps({'modules': sorted(sys.modules),"
    " 'requests': None if req is None else type(req).__name__}))"
)


def loaded(code: str, cwd) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code + REPORT],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,  # outside the checkout: the installed package
    )
    report = json.loads(out.stdout.splitlines()[-1])
    report["modules"] = set(report["modules"])
    return report


def cli(args: list[str]) -> str:
    return f"from kurils.cli import main\nassert main({args!r}) == 0"


def top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_import_kurils_loads_no_drawing_library(tmp_path):
    mods = loaded("import kurils", tmp_path)["modules"]
    assert not top(mods) & {"folium", "branca", "jinja2", "matplotlib", "pyogrio"}
    # kurils.export is imported (``kurils.export`` is bound to its function, not
    # the module), but not GDAL, which it loads only to write
    assert "requests" not in mods


def test_load_islands_reads_the_shipped_data_without_gdal(tmp_path):
    mods = loaded("import kurils\nkurils.load_islands()", tmp_path)["modules"]
    assert "pyogrio" not in mods and "folium" not in mods


def test_map_loads_no_plugin_package_requests_or_matplotlib(tmp_path):
    out = tmp_path / "m.html"
    report = loaded(cli(["map", "--out", str(out)]), tmp_path)
    mods = report["modules"]
    assert out.stat().st_size > 0
    assert "folium" in mods  # the map is drawn by folium...
    assert "folium.plugins" not in mods  # ...without its plugin package
    assert not [m for m in mods if m.startswith("folium.plugins.")]
    # folium's `import requests` got the deferred module, never loaded
    assert report["requests"] == "_Deferred"
    assert not top(mods) & {"urllib3", "charset_normalizer", "idna"}
    assert not top(mods) & {"matplotlib", "PIL", "pyogrio"}


def test_history_map_loads_no_plugin_package(tmp_path):
    report = loaded(
        cli(["map", "--history", "--out", str(tmp_path / "h.html")]), tmp_path
    )
    assert "folium.plugins" not in report["modules"]
    assert report["requests"] == "_Deferred"


@pytest.mark.parametrize(
    "args",
    [["figure", "--out", "f.png"], ["info"], ["stakes"]],
    ids=["figure", "info", "stakes"],
)
def test_figure_and_info_load_no_folium(tmp_path, args):
    report = loaded(cli(args), tmp_path)
    assert not top(report["modules"]) & {"folium", "branca", "urllib3", "pyogrio"}
    assert report["requests"] == "_Deferred"  # the command's stand-in, unused


def test_figure_loads_matplotlib_info_does_not(tmp_path):
    fig = loaded(cli(["figure", "--out", "f.png"]), tmp_path)["modules"]
    info = loaded(cli(["info"]), tmp_path)["modules"]
    assert "matplotlib" in fig and "matplotlib" not in info


def test_deferred_requests_still_works_when_used(tmp_path):
    """The deferral is not a stub: anything that uses requests gets it."""
    code = (
        "from kurils.web.deferred import defer\n"
        "defer('requests')\n"
        "import folium.features, sys\n"
        "assert 'urllib3' not in sys.modules\n"
        "from requests import Session\n"  # loads it
        "assert 'urllib3' in sys.modules\n"
        "assert folium.features.requests.get is sys.modules['requests'].get\n"
        "assert type(sys.modules['requests']).__name__ == 'module'\n"
    )
    report = loaded(code, tmp_path)
    assert report["requests"] == "module"


def _page(element) -> str:
    """A map holding ``element`` (and two layers), as kurils renders it."""
    m = folium.Map(location=[45, 147], zoom_start=5, tiles=None)
    a = folium.FeatureGroup(name="a").add_to(m)
    b = folium.FeatureGroup(name="b").add_to(m)
    element(a, b).add_to(m)
    return render_html(m, offline=False)


@pytest.mark.parametrize(
    "name,make",
    [
        ("StripePattern", lambda cls, a, b: cls(angle=-45, color="#123456")),
        ("Fullscreen", lambda cls, a, b: cls(title="<b>", title_cancel="x")),
    ],
)
def test_vendored_plugins_render_as_folium_s(name, make):
    """kurils' copies give the page folium's own classes give, byte for byte."""
    from folium import plugins as upstream

    from kurils.web import plugins as vendored

    ours = _page(lambda a, b: make(getattr(vendored, name), a, b))
    theirs = _page(lambda a, b: make(getattr(upstream, name), a, b))
    assert ours == theirs
    assert getattr(vendored, name).__name__ == name


def test_vendored_grouped_control_is_folium_s():
    """Same state from the same groups (the map renders it with its own
    template), same assets."""
    from folium.plugins import GroupedLayerControl as Upstream

    from kurils.web.plugins import GroupedLayerControl

    def state(cls, exclusive):
        a, b = folium.FeatureGroup(name="a"), folium.FeatureGroup(name="b", show=False)
        for group in (a, b):
            group._id = group._name  # the same names in both
        c = cls({"g": [a, b], "h": [b]}, exclusive, collapsed=False)
        return c.options, c.grouped_overlays, c.layers_untoggle, a.control

    for exclusive in (True, False):
        assert state(GroupedLayerControl, exclusive) == state(Upstream, exclusive)
    assert GroupedLayerControl.default_js == Upstream.default_js
    assert GroupedLayerControl.default_css == Upstream.default_css


def test_vendored_search_assets_are_folium_s():
    from folium.plugins import Search

    from kurils.web.plugins import SEARCH_CSS, SEARCH_JS

    assert (SEARCH_JS, SEARCH_CSS) == (Search.default_js, Search.default_css)


def test_command_leaves_the_cycle_collector_as_it_was(tmp_path):
    """The command runs without the cycle collector and turns it back on."""
    import gc

    from kurils.cli import main

    assert gc.isenabled()
    assert main(["info"]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        assert main(["info"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
