"""Online basemaps: osm and every xyzservices provider, with their attribution."""

from __future__ import annotations

import pytest
import xyzservices

import kurils
from kurils.cli import main
from kurils.web.tiles import tile_names, tile_options

ESRI = "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}"


def test_any_provider_name_gives_its_url_and_attribution():
    page = kurils.render_html(kurils.build_map(tiles="Esri.WorldImagery"))
    assert ESRI in page
    assert "Tiles \\u0026copy; Esri" in page  # the provider's attribution, as JSON
    assert tile_options("esri worldimagery")["tiles"] == ESRI  # names as xyzservices


def test_osm_stays_and_keeps_its_attribution():
    o = tile_options("osm")
    assert o["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap</a> contributors" in o["attr"]


def test_providers_that_need_a_key():
    with pytest.raises(ValueError, match=r"Thunderforest\.Landscape need an API key"):
        kurils.build_map(tiles="Thunderforest.Landscape")
    keyed = xyzservices.providers.Thunderforest.Landscape(apikey="k123")
    assert "apikey=k123" in tile_options(keyed)["tiles"]
    assert "apikey=k456" in tile_options("Thunderforest.Landscape", key="k456")["tiles"]


def test_unknown_tiles():
    with pytest.raises(ValueError, match=r"unknown tiles 'google'.*kurils tiles"):
        kurils.build_map(tiles="google")


def test_cli_lists_and_uses_providers(tmp_path, capsys):
    assert main(["tiles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "osm  = OpenStreetMap.Mapnik" in lines
    assert "Esri.WorldImagery" in lines
    assert "Thunderforest.Landscape  (needs --tiles-key)" in lines
    assert len(lines) == len(tile_names()) + 1 > 500
    out = tmp_path / "esri.html"
    assert main(["map", "--tiles", "Esri.WorldImagery", "--out", str(out)]) == 0
    assert ESRI in out.read_text("utf-8")
    assert main(["map", "--tiles", "nowhere.Nothing", "--out", str(out)]) == 2
    assert "unknown tiles 'nowhere.Nothing'" in capsys.readouterr().err
