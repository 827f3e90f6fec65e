"""The package surface: what ``dir(kurils)`` and ``__all__`` promise exists."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import kurils
from kurils.cli import main


def test_dir_lists_every_public_name_including_lazy_ones():
    names = dir(kurils)
    assert names == sorted(names)
    assert set(kurils.__all__) <= set(names)
    for lazy in ("build_map", "save_map", "choropleth_layer", "plot", "figure"):
        assert lazy in names
        assert callable(getattr(kurils, lazy))


def test_dir_does_not_import_folium_or_matplotlib():
    code = (
        "import sys, kurils; names = dir(kurils); "
        "print('build_map' in names, 'folium' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False", "False"]


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"kurils {kurils.__version__}\n"


def test_info_is_headed_and_counts_the_data(capsys, islands):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"kurils {kurils.__version__}, data version ")
    for heading in ("Islands: 37", "Tables", "Licences"):
        assert f"\n{heading}" in out, heading
    for (group, status), n in islands.groupby(["group", "status"]).size().items():
        assert re.search(rf"\n  {group}\s+{status}\s+{n}\n", out), (group, status)
    sources = kurils.load_sources()
    assert (
        f"{len(sources)} sources from {sources.publisher.nunique()} publishers" in out
    )
    assert "ODbL-1.0: © OpenStreetMap contributors" in out
    assert "CC-BY-SA-4.0" in out and "MIT" in out


def test_info_json(capsys, islands):
    assert main(["info", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    counts = s["islands"]["by_group_status"]
    assert sum(n for g in counts.values() for n in g.values()) == len(islands)
    assert s["islands"]["kuril"] == (islands.group != "context").sum()
    assert s["events"] == {
        "count": len(kurils.events()),
        "first": "1855-02-07",
        "last": "2022-03-21",
    }
    assert s["tables"]["sources"] == s["sources"]["count"] == len(kurils.load_sources())
    assert s["data_version"] == kurils.data._resources.data_version()
    assert len(s["data_version"]) == 12
    assert s["licences"]["geometry"]["licence"] == "ODbL-1.0"


def test_the_catalog_is_public():
    from kurils.data.catalog import Catalog

    assert kurils.Catalog is Catalog and "Catalog" in kurils.__all__
