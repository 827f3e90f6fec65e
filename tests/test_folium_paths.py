"""Every way a folium user writes a map gives the offline page, plugins included.

``m.save(...)``, ``m.get_root().save(...)`` and :func:`kurils.save_map` write the
same bytes; the folium plugins users add most (MarkerCluster, HeatMap, MiniMap,
MeasureControl, Draw, LocateControl) are inlined from the pinned copies in
kurils/web/static and initialise in Chromium with the network blocked; any other
plugin is refused by name, with the way to keep it online.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import folium
import pytest
from folium import plugins

import kurils

# points on Kunashir and Iturup, and one on Shikotan far from the others
POINTS = [(43.95, 145.65), (43.97, 145.70), (44.00, 145.75), (43.80, 146.75)]


def _cluster() -> plugins.MarkerCluster:
    cluster = plugins.MarkerCluster()
    for lat, lon in POINTS[:3]:
        folium.Marker([lat, lon]).add_to(cluster)
    return cluster


# plugin -> (a new instance, CSS selector of the element it must create)
PLUGINS = {
    "MarkerCluster": (_cluster, ".marker-cluster"),
    "HeatMap": (
        lambda: plugins.HeatMap([[lat, lon, 1.0] for lat, lon in POINTS]),
        "canvas.leaflet-heatmap-layer",
    ),
    "MiniMap": (plugins.MiniMap, ".leaflet-control-minimap"),
    "MeasureControl": (plugins.MeasureControl, ".leaflet-control-measure"),
    "Draw": (plugins.Draw, ".leaflet-draw-draw-polygon"),
    "LocateControl": (plugins.LocateControl, ".leaflet-control-locate a"),
}
# the npm package kurils inlines for each
PACKAGES = {
    "MarkerCluster": "leaflet.markercluster",
    "HeatMap": "leaflet.heat",
    "MiniMap": "leaflet-minimap",
    "MeasureControl": "leaflet-measure",
    "Draw": "leaflet-draw",
    "LocateControl": "leaflet.locatecontrol",
}
# the elements whose icon is a CSS background image: a data: URI, not a file
CSS_ICONS = {
    "MeasureControl": ".leaflet-control-measure-toggle",
    "Draw": ".leaflet-draw-draw-polygon",
    "LocateControl": ".leaflet-control-locate-location-arrow",
}


def _with_plugins(*names: str) -> kurils.KurilsMap:
    m = kurils.build_map()
    for name in names:
        PLUGINS[name][0]().add_to(m)
    return m


def _bare(name: str) -> kurils.KurilsMap:
    """A small map (no kurils layers) around the Southern Kurils with one plugin."""
    # max_zoom as build_map sets it: MarkerCluster needs one, and no tiles give it
    m = kurils.KurilsMap(location=[43.9, 145.9], zoom_start=8, tiles=None, max_zoom=13)
    PLUGINS[name][0]().add_to(m)
    if name == "MarkerCluster":  # a lone marker: drawn with Leaflet's default icon
        folium.Marker(POINTS[3]).add_to(m)
    return m


# --- save: folium's call, kurils' page --------------------------------------------


def test_every_save_writes_the_offline_page(tmp_path):
    """folium's two save calls and save_map give the same bytes, offline."""
    expected = kurils.save_map(_bare("Draw"), tmp_path / "a.html").read_bytes()
    _bare("Draw").save(tmp_path / "b.html")
    _bare("Draw").get_root().save(str(tmp_path / "c.html"))
    buf = io.BytesIO()
    _bare("Draw").save(buf, close_file=False)
    assert (tmp_path / "b.html").read_bytes() == expected
    assert (tmp_path / "c.html").read_bytes() == expected
    assert buf.getvalue() == expected
    assert not re.search(rb"<(script|link)[^>]+(src|href)=", expected)


def test_build_map_then_save(tmp_path):
    """What every folium user types, on the kurils map, after looking at it.

    Rendering twice used to add every layer's ``addTo`` line once more."""
    m = kurils.build_map()
    m._repr_html_()  # shown in Jupyter first
    m.save(tmp_path / "x.html")
    expected = kurils.render_html(kurils.build_map()).encode("utf-8")
    assert (tmp_path / "x.html").read_bytes() == expected


def test_save_closes_file_objects_as_folium_does(tmp_path):
    with open(tmp_path / "m.html", "wb") as f:
        _bare("Draw").save(f)
        assert f.closed
    assert (tmp_path / "m.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_map_made_by_hand_saves_offline(tmp_path):
    """Not only build_map's maps: any KurilsMap, and its root, save offline."""
    m = kurils.KurilsMap(tiles=None)
    assert m.save(tmp_path / "m.html") is None  # as folium's
    m.get_root().save(tmp_path / "root.html")
    for name in ("m.html", "root.html"):
        text = (tmp_path / name).read_text("utf-8")
        assert text.startswith("<!DOCTYPE html>") and "/* leaflet@1.9.3" in text


def test_unknown_plugin_is_named_and_save_is_atomic(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("previous version")
    m = kurils.KurilsMap(tiles=None)
    plugins.MousePosition().add_to(m)  # its JS is not shipped
    with pytest.raises(kurils.OfflineError) as err:
        m.save(target)
    assert "folium.plugins.MousePosition" in str(err.value)
    assert "offline=False" in str(err.value)
    assert target.read_text() == "previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    m.save(target, offline=False)  # the way out the message gives
    assert "L.Control.MousePosition.min.js" in target.read_text("utf-8")


# --- the common plugins -------------------------------------------------------------


@pytest.mark.parametrize("name", PLUGINS)
def test_common_plugin_is_inlined(name):
    page = kurils.render_html(_bare(name))
    assert f"/* {PACKAGES[name]}@" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page)
    assert page == kurils.render_html(_bare(name))  # deterministic


class _OfflinePage:
    """A page opened with every non-file request aborted and recorded."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.page = browser.new_page(viewport={"width": 1000, "height": 700})
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)
        # Chromium's performance hint when a canvas is read back often, as
        # Leaflet.heat (HeatMap) does on each redraw: advice, not a fault
        elif message.type == "warning" and not message.text.startswith(
            "Canvas2D: Multiple readback"
        ):
            self.warnings.append(message.text)

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def background(self, selector: str) -> str:
        return self.page.eval_on_selector(
            selector, "e => getComputedStyle(e).backgroundImage"
        )


@pytest.mark.browser
@pytest.mark.parametrize("name", PLUGINS)
def test_common_plugin_works_offline(name, browser, tmp_path, output_dir):
    path = tmp_path / f"{name}.html"
    _bare(name).save(path)
    p = _OfflinePage(browser, path)
    p.page.wait_for_selector(PLUGINS[name][1], state="attached", timeout=5000)
    if name in CSS_ICONS:
        css = p.background(CSS_ICONS[name])
        images = re.findall(r'url\("((?:[^"\\]|\\.)*)"\)', css)
        assert images and all(u.startswith("data:image/") for u in images)
    if name == "MarkerCluster":
        icon = p.page.locator("img.leaflet-marker-icon")
        assert icon.count() == 1  # the lone marker; the other three are clustered
        assert icon.get_attribute("src").startswith("data:image/png")
        assert icon.evaluate("i => i.complete && i.naturalWidth") == 25
    if name == "HeatMap":  # the heat was drawn: some pixels are not transparent
        drawn = p.page.eval_on_selector(
            "canvas.leaflet-heatmap-layer",
            "c => c.getContext('2d').getImageData(0, 0, c.width, c.height)"
            ".data.some((v, i) => i % 4 === 3 && v > 0)",
        )
        assert drawn
    p.page.screenshot(path=str(output_dir / f"plugin_{name}.png"))
    p.page.close()
    if name == "MiniMap":
        # the minimap's basemap is OpenStreetMap tiles: only those need the network
        assert p.requests and all(
            u.startswith("https://tile.openstreetmap.org/") for u in p.requests
        )
        assert all(e.startswith("Failed to load resource") for e in p.errors)
    else:
        assert p.requests == [] and p.errors == []
    assert p.warnings == []


@pytest.mark.browser
def test_kurils_map_with_every_common_plugin(browser, tmp_path):
    """The plugins next to kurils' own; and no console warning at all.

    Leaflet 1.9 warned "Deprecated include of L.Mixin.Events" on every kurils
    page: leaflet.pattern 0.1.0 (the only npm release) used the old mixin; the
    vendored copy is patched (see kurils/web/static/README.md)."""
    path = tmp_path / "all.html"
    _with_plugins(*(n for n in PLUGINS if n != "MiniMap")).save(path)
    p = _OfflinePage(browser, path)
    p.page.wait_for_selector("path.leaflet-interactive")
    for name, (_, selector) in PLUGINS.items():
        if name != "MiniMap":
            assert p.page.locator(selector).count() >= 1, name
    # the patched plugin still hatches the disputed islands
    # the disputed land's hatching, and the sea both claim (the zones layer)
    assert p.page.locator("svg pattern").count() == 2
    hatched = "p => (p.getAttribute('fill') || '').startsWith('url(#')"
    assert (
        p.page.locator("path.leaflet-interactive").evaluate_all(
            f"ps => ps.filter({hatched}).length"
        )
        >= 4
    )  # at least the four disputed groups' main islands
    p.page.close()
    assert p.warnings == [] and p.errors == [] and p.requests == []
