"""Maritime zones: true distances, median lines, published extents, shipped file.

All but one test read the shipped zones (``zones.gpkg``); distances are checked
with pyproj.Geod (geodesic on WGS 84), independently of the projections the
zones were built in.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pyproj
import pytest
import shapely

import kurils
from kurils.domain.maritime import (
    NAUTICAL_MILE_M,
    ZONE_WINDOW,
    compute_zones,
    land_units,
)

GEOD = pyproj.Geod(ellps="WGS84")
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def zones():
    return kurils.maritime_zones()


@pytest.fixture(scope="module")
def coasts():
    """Each holder's coastline today, sampled every ~200 m (lon, lat)."""
    units = land_units()
    out = {}
    for holder, group in units.groupby("holder"):
        parts = shapely.get_parts(group.geometry.values)
        out[holder] = shapely.get_coordinates(
            shapely.segmentize(shapely.boundary(parts), 0.002)
        )
    return out


def nearest_km(points: np.ndarray, coast: np.ndarray) -> np.ndarray:
    """Geodesic distance (km) from each point to the nearest coast sample: the 512
    nearest candidates by a planar distance scaled at the point's latitude, then
    pyproj.Geod on those."""
    out = []
    for lon, lat in points:
        scale = np.cos(np.radians(lat))
        rough = np.hypot((coast[:, 0] - lon) * scale, coast[:, 1] - lat)
        near = coast[np.argpartition(rough, 512)[:512]]
        _, _, d = GEOD.inv(np.full(len(near), lon), np.full(len(near), lat), *near.T)
        out.append(d.min() / 1000)
    return np.array(out)


def outline(zones, holder: str) -> shapely.Geometry:
    """The outer edge of a holder's sea within 200 nm (territorial sea + EEZ): the
    exterior rings only (the holes are the coasts)."""
    sea = zones[(zones.holder == holder) & zones.zone.isin(["territorial_sea", "eez"])]
    parts = shapely.get_parts(shapely.union_all(sea.geometry.values, grid_size=1e-5))
    return shapely.union_all(shapely.get_exterior_ring(parts))


def test_eez_limit_is_200_nm_from_its_holders_coast(zones, coasts):
    """Points of the outer limit (away from median lines and the window edge)
    lie 200 nm (370.4 km) from the nearest coast of their holder, geodesic.

    Tolerance 0.5 km (0.14 %; measured: 3-222 m short of 200 nm): the shipped
    outline is simplified by ~100 m, the buffer arcs are inscribed polygons
    (<= 111 m inside), outlines were simplified by d/2000 before each buffer step
    (<= 185 m), and each island's azimuthal equidistant projection has a small
    scale error (< 0.1 % for these distances).
    """
    edge = outline(zones, "RUS")
    pts = shapely.get_coordinates(shapely.segmentize(edge, 0.05))
    w = shapely.box(*ZONE_WINDOW).exterior
    pts = pts[shapely.distance(w, shapely.points(pts)) > 0.1]
    own = nearest_km(pts, coasts["RUS"])
    other = nearest_km(pts, coasts["JPN"])
    on_limit = pts[other > own + 20]  # off the median line
    assert len(on_limit) > 100
    d = nearest_km(on_limit[:: max(1, len(on_limit) // 150)], coasts["RUS"])
    limit = 200 * NAUTICAL_MILE_M / 1000
    assert np.abs(d - limit).max() < 0.5, (d.min(), d.max())


def test_median_line_is_equidistant(zones, coasts):
    """Points of the JPN | RUS boundary within 200 nm are as far from Japan's
    coast as from Russia's, geodesic.

    Tolerance 0.5 km (measured: at most 233 m, from 2 km to 370 km out): coastline
    samples 500 m apart, the ~100 m simplification of the shipped zones, and the
    scale error of the one projection the Voronoi cells are drawn in (< 0.2 %
    within 600 km of the disputed islands)."""
    line = shapely.intersection(outline(zones, "JPN"), outline(zones, "RUS"))
    pts = shapely.get_coordinates(shapely.segmentize(line, 0.05))
    assert len(pts) > 50
    pts = pts[:: max(1, len(pts) // 120)]
    dj, dr = nearest_km(pts, coasts["JPN"]), nearest_km(pts, coasts["RUS"])
    assert (np.abs(dj - dr) < 0.5).all(), np.abs(dj - dr).max()


def test_disputed_sea_matches_marine_regions_extent():
    """The sea that changes hands if all four groups go to Japan, against the
    Marine Regions EEZ v11 polygon MRGID 48950 "Overlapping claim Kuril Islands:
    Japan / Russia" (Flanders Marine Institute 2019, doi:10.14284/386), whose
    bounding box is 145.23-151.04°E, 40.32-47.73°N (as listed by Global Fishing
    Watch's ocean-areas library, github.com/GlobalFishingWatch/frontend,
    libs/ocean-areas). No published area was found for it, nor for
    OpenStreetMap's relation 20388793 (the disputed marine boundary, 2026).

    Measured: 145.24-151.15°E, 40.24-47.68°N (223,258 km²). Tolerance 0.25° on
    each edge: Marine Regions measures from Russia's 1984 straight baselines and
    treats the waters behind them as internal, and uses its own median lines;
    kurils uses normal baselines and every rock a full zone, and its shipped
    zones are simplified by ~100 m.
    """
    z = kurils.domain.maritime.load_zones("four_groups")
    moved = z[(z.changed_km2 > 0) & z.zone.isin(["territorial_sea", "eez"])]
    sq = kurils.domain.maritime.load_zones("status_quo")
    rus = shapely.union_all(sq[sq.holder == "RUS"].geometry.values)
    jpn = shapely.union_all(moved[moved.holder == "JPN"].geometry.values)
    # simplified zones overlap in slivers along every median line: keep real areas
    claimed = shapely.union_all(
        [p for p in shapely.get_parts(shapely.intersection(jpn, rus)) if p.area > 0.01]
    )
    assert np.allclose(claimed.bounds, (145.23, 40.32, 151.04, 47.73), atol=0.25), (
        claimed.bounds
    )


def test_shipped_zones_load_fast_and_carry_the_method(zones):
    assert set(zones.zone) == {"territorial_sea", "contiguous_zone", "eez"}
    assert set(zones.holder) == {"JPN", "RUS"}
    assert "1984" in zones.attrs["method"] and "not legal" in zones.attrs["method"]
    assert zones.crs.to_epsg() == 4326 and zones.geometry.is_valid.all()


def test_a_shipped_scenario_reads_the_shipped_zones():
    """An unchanged shipped scenario is read, not computed; a changed one is not
    taken for the shipped one; a scenario with a shipped one's holders and cuts,
    under another id or title (a user's copy), has that one's zones."""
    four = {s.id: s for s in kurils.scenarios()}["four_groups"]
    start = time.perf_counter()
    z = kurils.maritime_zones(four)
    assert time.perf_counter() - start < 5
    shipped = kurils.domain.maritime.load_zones("four_groups")
    assert z.area_km2.tolist() == shipped.area_km2.tolist()
    assert kurils.domain.maritime._shipped_id(four) == "four_groups"
    other = kurils.Scenario(
        "four_groups", "x", holders={**four.holders, "kunashir": "RUS"}
    )
    assert kurils.domain.maritime._shipped_id(other) is None
    # Iturup kept by Russia: the holdings of "1956 plus Kunashir", not of four_groups
    plus = kurils.Scenario("mine", "x", holders={**four.holders, "iturup": "RUS"})
    assert kurils.domain.maritime._shipped_id(plus) == "two_plus_alpha"
    start = time.perf_counter()
    z = kurils.maritime_zones(plus)
    assert time.perf_counter() - start < 5
    two = kurils.domain.maritime.load_zones("two_plus_alpha")
    assert z.area_km2.tolist() == two.area_km2.tolist()


def test_zones_rebuild_byte_identically(data_dir, tmp_path):
    """Writing the shipped zones again gives the same bytes (pinned timestamp)."""
    path = REPO / "geodata" / "build.py"
    if not path.exists():
        pytest.skip("needs the source tree")
    spec = importlib.util.spec_from_file_location("build", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    gdf = pyogrio.read_dataframe(data_dir / "zones.gpkg")
    build.write_frame(gdf, tmp_path / "z.gpkg", "zones")
    assert (tmp_path / "z.gpkg").read_bytes() == (data_dir / "zones.gpkg").read_bytes()


def test_a_users_holdings_are_computed_on_demand_with_progress(islands):
    """The one on-demand computation: two islands, so it stays a few seconds.
    Kunashir to Japan, Shikotan to Russia: the median line runs between them."""
    two = islands[islands.island_id.isin(["kunashir", "shikotan"])]
    messages = []
    start = time.perf_counter()
    z = compute_zones({"kunashir": "JPN"}, islands=two, progress=messages.append)
    assert messages and time.perf_counter() - start < 60
    ts = z[z.zone == "territorial_sea"].set_index("holder").geometry
    assert shapely.intersects(ts["JPN"], shapely.Point(145.85, 44.05).buffer(0.3))
    assert not shapely.intersects(
        ts["JPN"], islands.set_index("island_id").geometry["shikotan"]
    )
    # neither side's territorial sea reaches past the line into the other's
    assert shapely.area(shapely.intersection(ts["JPN"], ts["RUS"])) < 1e-6


def test_a_scenarios_zones_are_computed_once_per_process(monkeypatch, islands):
    """A page and its stakes table ask for a user's scenario's zones: computed
    once (the computation replaced here by a stand-in that counts), handed out
    as copies; a user's own islands are always computed."""
    from kurils.domain import zones

    calls = []

    def stand_in(holdings, islands, progress):
        calls.append(holdings)
        return gpd.GeoDataFrame(
            {"zone": ["eez"], "holder": ["JPN"]},
            geometry=[shapely.box(146, 43, 147, 44)],
            crs="EPSG:4326",
        )

    monkeypatch.setattr(zones, "_compute", stand_in)
    monkeypatch.setattr(zones, "_COMPUTED", {})
    mine = kurils.Scenario("mine", "x", holders={"kunashir": "JPN"})
    first = zones.compute_zones(mine)
    first.loc[0, "zone"] = "changed"
    again = zones.compute_zones(dataclasses.replace(mine, id="other", title_en="y"))
    assert len(calls) == 1 and again.loc[0, "zone"] == "eez"
    zones.compute_zones({"kunashir": "JPN", "iturup": "JPN"})
    zones.compute_zones(mine, islands=islands)
    assert len(calls) == 3
