"""The shipped islands: schema, geometry, joins and facts checked against sources."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import kurils
from kurils.data import schema

KURILS = ["greater_kuril", "lesser_kuril"]


def test_schema(islands):
    assert isinstance(islands, gpd.GeoDataFrame)
    assert islands.crs.to_epsg() == 4326
    expected = [*schema.ISLANDS.columns, *schema.ISLANDS_DERIVED, "geometry"]
    assert list(islands.columns) == expected
    assert islands.island_id.is_unique
    assert set(islands.geometry.geom_type) == {"MultiPolygon"}


def test_every_geometry_valid_and_in_region(islands):
    assert islands.geometry.is_valid.all()
    assert not islands.geometry.is_empty.any()
    minx, miny, maxx, maxy = islands.total_bounds
    assert 139 < minx < maxx < 158 and 41 < miny < maxy < 55


def test_chain_is_complete(islands):
    """Every main island from Shumshu to the Habomai islets, plus context land."""
    expected = {
        "shumshu",
        "atlasov",
        "paramushir",
        "onekotan",
        "shiashkotan",
        "matua",
        "rasshua",
        "ketoy",
        "simushir",
        "urup",
        "iturup",
        "kunashir",
        "shikotan",
        "zelyony",
        "polonsky",
        "tanfilyev",
        "yury",
        "anuchina",
        "hokkaido",
        "sakhalin_north",
        "sakhalin_south",
        "kamchatka",
    }
    assert expected <= set(islands.island_id)


def test_disputed_groups(islands):
    disputed = islands[islands.status == "disputed"]
    assert set(disputed.group) == set(KURILS)
    assert (disputed.administered_by == "RUS").all()
    assert (disputed.claimed_by == "JPN;RUS").all()
    assert {"iturup", "kunashir", "shikotan", "zelyony"} <= set(disputed.island_id)
    assert disputed.jp_municipality.notna().all()
    north = islands[islands.group.isin(KURILS) & (islands.status == "undisputed")]
    assert "urup" in set(north.island_id) and "shumshu" in set(north.island_id)
    assert north.jp_municipality.isna().all()
    assert islands.set_index("island_id").loc["hokkaido", "administered_by"] == "JPN"


def test_every_kuril_island_has_names_and_district(islands):
    kurils_only = islands[islands.group.isin(KURILS)]
    for col in ["name_en", "name_ru", "ru_district"]:
        assert kurils_only[col].notna().all(), col
    # A few satellite islets (Toporkovy, Ryponkicha, Aivazovskogo) have no Japanese
    # name in any source found; every island over 5 km² has all names.
    big = kurils_only[kurils_only.area_km2 > 5]
    for col in ["name_ja", "name_ja_romaji"]:
        assert big[col].notna().all(), col
    assert kurils_only.name_ru.str.contains("[А-Яа-я]").all()
    assert big.name_ja.str.contains("[\u3040-\u30ff\u4e00-\u9fff]").all()


def test_every_fact_has_source_and_year(islands):
    sources = kurils.load_sources()
    for value, (src, year) in schema.ISLANDS.facts.items():
        present = islands[value].notna()
        assert islands.loc[present, src].isin(sources.index).all(), value
        if year:
            assert islands.loc[present, year].between(1800, 2026).all(), value


# Published areas are generalised differently from OSM's coastline; small islets
# differ most (their area is mostly coastline). Tolerances: 5 % above 100 km², 15 %
# above 10 km², 40 % below that.
def _tolerance(area: float) -> float:
    return 0.05 if area > 100 else 0.15 if area > 10 else 0.40


def test_quoted_areas_agree_with_geometry(islands):
    quoted = islands.dropna(subset=["area_km2_quoted"])
    assert len(quoted) >= 10
    rel = (quoted.area_km2 - quoted.area_km2_quoted).abs() / quoted.area_km2_quoted
    limits = quoted.area_km2_quoted.map(_tolerance)
    bad = quoted.loc[rel > limits, ["island_id", "area_km2", "area_km2_quoted"]]
    assert bad.empty, bad.to_string()


def test_four_groups_total(islands):
    """Japan's government quotes about 5,003 km² for the four groups together."""
    total = islands.loc[islands.status == "disputed", "area_km2"].sum()
    assert total == pytest.approx(5003, rel=0.02)


def test_known_places_on_their_island(islands):
    """Each town lies on (or, given to whole minutes, within 1 km of) its island,
    and no other island is nearer."""
    places = kurils.load_places().dropna(subset=["island_id"])
    places = places[places.island_id.isin(islands.island_id)]
    assert {"yuzhno_kurilsk", "kurilsk", "severo_kurilsk"} <= set(places.place_id)
    metric = islands.set_index("island_id").geometry.to_crs(kurils.EQUAL_AREA_CRS)
    for place in places.to_crs(kurils.EQUAL_AREA_CRS).itertuples():
        d = metric.distance(place.geometry)
        assert d.idxmin() == place.island_id, place.place_id
        assert d.min() < 1000, place.place_id


def test_anchor_points_inside_own_polygon(islands):
    pts = gpd.points_from_xy(islands.anchor_lon, islands.anchor_lat)
    assert shapely.contains(islands.geometry.values, pts).all()


def test_lakes_and_lagoons_of_the_source_are_holes(islands):
    """OSM land polygons carry lagoons open to the coastline as interior rings."""
    holes = islands.geometry.map(lambda g: sum(len(p.interiors) for p in g.geoms))
    assert holes.sum() >= 1


def test_sakhalin_split_at_50n(islands):
    s = islands.set_index("island_id")
    assert s.loc["sakhalin_south"].geometry.bounds[3] == pytest.approx(50.0, abs=1e-4)
    assert s.loc["sakhalin_north"].geometry.bounds[1] == pytest.approx(50.0, abs=1e-4)


def test_island_table_alone_matches(islands):
    table = kurils.load_island_table()
    pd.testing.assert_series_equal(table.island_id, islands.island_id)
