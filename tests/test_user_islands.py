"""A user's own islands are checked in one place, the data layer, for every
consumer (map, figure, ...): kurils.domain.islands.check_user_islands."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import kurils
from kurils import KurilsDataError
from kurils.data import catalog as catalog_module
from kurils.data import schema
from kurils.domain.islands import check_user_islands
from kurils.domain.scenarios import equal_land_cut


def test_checked_islands_are_completed_in_lon_lat(islands):
    mine = islands[islands.status == "disputed"].to_crs(3857)
    # only the columns a map reads: names, group, holders, status, Japan's view
    drawn = schema.ISLANDS.columns[: schema.ISLANDS.columns.index("japan_view") + 1]
    mine = mine[[*drawn, "geometry"]]
    before = mine.copy()
    out = check_user_islands(mine)
    assert out.crs.to_epsg() == 4326
    assert list(out.index) == list(range(len(mine)))
    assert set(schema.ISLANDS.columns) <= set(out.columns)
    assert out["population"].isna().all()  # absent from the user's frame
    expected = islands.set_index("island_id").loc[out.island_id, "area_km2"]
    assert np.abs(out["area_km2"].to_numpy() - expected.to_numpy()).max() < 0.02
    pd.testing.assert_frame_equal(mine, before)  # the user's frame is untouched


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda g: pd.DataFrame(g), "mine.gpkg: expected a GeoDataFrame"),
        (lambda g: g.set_crs(None, allow_override=True), "mine.gpkg: no CRS"),
        (lambda g: g.drop(columns="status"), "mine.gpkg: missing columns: status"),
        (
            lambda g: g.assign(name_en=""),
            "mine.gpkg: .*name_en",
        ),
        (lambda g: g.assign(japan_view="CHN"), "'japan_view' has values outside"),
    ],
)
def test_bad_user_islands_name_the_frame(islands, make, message):
    with pytest.raises(KurilsDataError, match=message):
        check_user_islands(make(islands.copy()), where="mine.gpkg")


def test_default_name_in_messages(islands):
    with pytest.raises(KurilsDataError, match=r"^<islands>: missing columns: group"):
        check_user_islands(gpd.GeoDataFrame(islands.drop(columns="group")))


# Every public entry point that takes islands checks them the one way; the
# renderers (map, figure, export) call the unchecked internals, once checked.
ENTRIES = {
    "sovereignty_at": lambda g: kurils.sovereignty_at("2000-01-01", islands=g),
    "holdings": lambda g: kurils.holdings(islands=g),
    "load_admin_units": lambda g: kurils.load_admin_units(islands=g),
    "load_borders": lambda g: kurils.load_borders(islands=g),
    "Scenario.validate": lambda g: kurils.scenarios()[1].validate(g),
    "equal_land_cut": lambda g: equal_land_cut(g),
}
_BOWTIE = shapely.Polygon([(147, 44), (148, 45), (148, 44), (147, 45)])
BAD_FRAMES = [
    (lambda g: g.drop(columns="status"), r"missing columns: status$"),
    (
        lambda g: g.assign(status=g["status"].where(g.index != 3, "maybe")),
        r"column 'status' has values outside .*: maybe \(row 4: antsiferov\)$",
    ),
    (
        lambda g: g.assign(island_id=g["island_id"].where(g.index != 0, "iturup")),
        r"duplicate island_id: iturup$",
    ),
    (lambda g: g.set_crs(None, allow_override=True), r"no CRS"),
    (  # metres labelled as degrees
        lambda g: g.to_crs(3857).set_crs(4326, allow_override=True),
        r"coordinates outside the region .* for: shumshu, ",
    ),
    (
        lambda g: g.set_geometry([_BOWTIE, *g.geometry.iloc[1:]], crs=4326),
        r"invalid geometry: shumshu \(Self-intersection",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD_FRAMES)
@pytest.mark.parametrize("entry", list(ENTRIES))
def test_every_entry_point_checks_a_users_islands(islands, entry, make, message):
    with pytest.raises(KurilsDataError, match=r"^<islands>: " + message):
        ENTRIES[entry](make(islands.copy()))


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_islands_unknown_to_the_tables_are_a_data_error(islands, entry):
    """Ids the shipped tables do not know: a KurilsDataError naming the table
    that needs them (never a bare KeyError), or, for the units that are drawn
    from the islands present, no unit at all."""
    mine = islands.assign(island_id="my_" + islands["island_id"])
    if entry == "load_admin_units":
        assert len(ENTRIES[entry](mine)) == 0
        return
    if entry == "holdings":  # the group tokens still name the four groups
        mine = mine[mine["group"] == "context"]
    with pytest.raises(KurilsDataError, match=r"island_id|no holder ever given"):
        ENTRIES[entry](mine)


def test_a_users_islands_in_another_crs_give_lon_lat(islands):
    mine = islands.to_crs(3857)
    held = kurils.sovereignty_at("2000-01-01", islands=mine)
    assert held.crs.to_epsg() == 4326
    expected = kurils.sovereignty_at("2000-01-01")
    assert held["held_by"].tolist() == expected["held_by"].tolist()
    lines = kurils.load_borders(islands=mine, border_ids=["shimoda_1855"])
    assert 148.9 < lines.geometry.iloc[0].centroid.x < 149.4


@pytest.mark.parametrize("entry", ["build_map", "figure"])
def test_a_map_or_figure_checks_the_islands_once(islands, entry, monkeypatch):
    calls = []
    real = catalog_module.check_islands_frame

    def counting(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("where"))
        return real(*args, **kwargs)

    monkeypatch.setattr(catalog_module, "check_islands_frame", counting)
    getattr(kurils, entry)(islands=islands[islands["status"] == "disputed"])
    assert calls == ["<islands>"]


def test_holdings_check_an_island_table_too(islands):
    table = pd.DataFrame(islands.drop(columns="geometry"))
    assert kurils.holdings(islands=table).equals(kurils.holdings())
    with pytest.raises(KurilsDataError, match=r"^<islands>: missing columns: status"):
        kurils.holdings(islands=table.drop(columns="status"))


@pytest.mark.parametrize("entry", ["holdings", "sovereignty_at", "load_admin_units"])
@pytest.mark.parametrize("not_a_frame", ["nope", 3, ["iturup"]])
def test_islands_that_are_no_frame_are_refused(entry, not_a_frame):
    """A string, a number or a list for ``islands=``: one KurilsDataError."""
    args = ("1960-01-01",) if entry == "sovereignty_at" else ()
    with pytest.raises(KurilsDataError, match=r"^<islands>: expected a "):
        getattr(kurils, entry)(*args, islands=not_a_frame)


def test_a_unit_of_islands_that_meet_is_their_union(islands):
    """A unit's polygon collects its islands' parts when no two meet; a user's
    islands that overlap or touch are dissolved instead (a valid polygon, the
    area of the union, not the sum)."""
    from kurils.domain.admin_units import admin_units_for

    mine = islands.copy()
    base = shapely.box(146.0, 43.0, 146.2, 43.2)
    # two islands of one unit made squares that overlap
    unit = kurils.load_island_units().query("unit_id == 'yuzhno_kurilsky'")
    first, second = unit["island_id"].iloc[:2]
    at = mine.index[mine["island_id"].isin([first, second])]
    mine.loc[at[0], "geometry"] = base
    mine.loc[at[1], "geometry"] = shapely.affinity.translate(base, 0.1)  # overlaps
    units = admin_units_for(check_user_islands(mine)).set_index("unit_id")
    shape = units.loc["yuzhno_kurilsky", "geometry"]
    assert shape.is_valid
    union = shapely.union(base, shapely.affinity.translate(base, 0.1))
    assert shapely.equals(
        shapely.intersection(shape, shapely.box(145.9, 42.9, 146.4, 43.3)), union
    )
    apart = admin_units_for(check_user_islands(islands)).set_index("unit_id")
    expected = shapely.get_num_geometries(
        islands[islands["island_id"].isin(unit["island_id"])].geometry.values
    ).sum()
    assert (
        shapely.get_num_geometries(apart.loc["yuzhno_kurilsky", "geometry"]) == expected
    )
