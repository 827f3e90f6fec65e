"""Stored results (``geodata/derived.gpkg``) and the GDAL-free GeoPackage reader.

The treaty lines and the maritime zones as drawn are computed at data-build time
and read back by key (:mod:`kurils.data.derived`). These tests recompute every
stored result with today's code and data and compare them byte for byte; check
that the shipped data computes nothing; and that other coasts are computed, not
given a stored answer.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

import kurils
from kurils import drawing
from kurils.data import _resources, derived
from kurils.data.gpkg import read_gpkg
from kurils.data.reading import read_geometry
from kurils.domain import borders
from kurils.web import zones_layer

REPO = Path(__file__).resolve().parents[1]


def _build_script():
    """``geodata/build_derived.py``, whose record() lists what is stored."""
    path = REPO / "geodata" / "build_derived.py"
    if not path.exists():
        pytest.skip("needs the source tree")
    sys.path.insert(0, str(path.parent))  # the script imports build.py beside it
    try:
        spec = importlib.util.spec_from_file_location("build_derived", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def test_every_stored_result_is_what_the_code_computes_today():
    """Recomputed afresh, every result the loaders and maps ask for is stored,
    byte for byte, and nothing else is: rebuild with geodata/build_derived.py
    when this fails."""
    found = _build_script().record()
    stored = derived._stored()
    assert sorted(found) == sorted(stored), "run geodata/build_derived.py"
    for key, (kind, geom) in found.items():
        assert shapely.to_wkb(stored[key]) == shapely.to_wkb(geom), kind


def test_shipped_data_computes_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("computed, not read from derived.gpkg")

    monkeypatch.setattr(borders, "median_line", refuse)
    monkeypatch.setattr(zones_layer, "_draw", refuse)
    monkeypatch.setattr(zones_layer, "_polygons", refuse)
    monkeypatch.setattr(drawing, "_drawn", refuse)  # the outlines, simplified
    lines = kurils.load_borders()
    assert len(lines) == 5 and not lines.geometry.is_empty.any()
    kurils.build_map()  # today's zones and the sea both claim
    kurils.build_map(scenario="four_groups")


def test_other_coasts_are_computed(islands, monkeypatch):
    """Urup moved 0.01° east: a new key, so the Shimoda line is computed again
    (and comes out different), never taken from the store."""
    calls = []
    real = borders.median_line

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(borders, "median_line", counting)
    moved = islands.copy()
    urup = moved["island_id"] == "urup"
    moved.loc[urup, "geometry"] = moved.loc[urup].geometry.translate(xoff=0.01)
    mine = kurils.load_borders(moved, border_ids=["shimoda_1855"])
    assert len(calls) == 1
    shipped = kurils.load_borders(border_ids=["shimoda_1855"])
    assert len(calls) == 1  # the shipped coasts: read
    assert not mine.geometry.iloc[0].equals(shipped.geometry.iloc[0])


def test_key_tells_inputs_apart():
    p, q = shapely.Point(0, 0), shapely.Point(0, 1e-12)
    assert derived.key("k", (p,)) != derived.key("k", (q,))
    assert derived.key("k", (p, q)) != derived.key("k", (q, p))
    assert derived.key("k", ("ab", "c")) != derived.key("k", ("a", "bc"))
    assert derived.key("k/1", (p,)) != derived.key("k/2", (p,))


@pytest.mark.parametrize(
    "name", ["islands.gpkg", "rocks.gpkg", "zones.gpkg", derived.DERIVED]
)
def test_gpkg_reader_reads_as_pyogrio_does(name, data_dir):
    """The sqlite3 reader gives the frame pyogrio gives: columns, dtypes, values,
    CRS and every geometry's WKB."""
    path = data_dir / name
    ours, theirs = read_gpkg(path), pyogrio.read_dataframe(path)
    assert_geodataframe_equal(ours, theirs)
    pd.testing.assert_frame_equal(
        pd.DataFrame(ours.drop(columns="geometry")),
        pd.DataFrame(theirs.drop(columns="geometry")),
        check_exact=True,
    )
    assert list(shapely.to_wkb(ours.geometry.values)) == list(
        shapely.to_wkb(theirs.geometry.values)
    )


def test_gpkg_reader_keeps_rows_asked_for(data_dir):
    every = read_gpkg(data_dir / "zones.gpkg")
    some = read_gpkg(data_dir / "zones.gpkg", where={"scenario_id": "status_quo"})
    expected = every[every["scenario_id"] == "status_quo"].reset_index(drop=True)
    assert_geodataframe_equal(some, expected)


def test_a_broken_shipped_file_goes_to_pyogrio_s_message(tmp_path, monkeypatch):
    """Not a GeoPackage: the reader refuses, and the loader reports what pyogrio
    says, as before."""
    bad = tmp_path / "islands.gpkg"
    bad.write_bytes(b"not a database at all")
    with pytest.raises((sqlite3.Error, ValueError)):
        read_gpkg(bad)
    real = _resources.shipped
    monkeypatch.setattr(
        _resources,
        "shipped",
        lambda name: bad if name == "islands.gpkg" else real(name),
    )
    with pytest.raises(kurils.KurilsDataError, match="cannot read as a vector file"):
        read_geometry(None, "islands.gpkg")


def test_shipped_areas_are_what_the_computation_gives(data_dir):
    """For the shipped polygons unchanged since the build (same hash as the
    manifest), load_islands() takes the areas from the manifest: they are what
    the computation gives."""
    from kurils.domain.measurement import area_km2

    assert _resources.intact("islands.gpkg")
    islands = kurils.load_islands()
    computed = area_km2(islands).round(2)
    assert list(islands["area_km2"]) == list(computed)
    assert islands["area_km2"].dtype == computed.dtype


@pytest.mark.parametrize(
    "name,table",
    [
        ("attributes/admin_units.csv", "ADMIN_UNITS"),
        ("attributes/borders.csv", "BORDERS"),
        ("attributes/events.csv", "EVENTS"),
        ("attributes/islands.csv", "ISLANDS"),
        ("attributes/island_units.csv", "ISLAND_UNITS"),
        ("attributes/places.csv", "PLACES"),
        ("attributes/population_1945.csv", "POPULATION_1945"),
        ("attributes/scenarios.csv", "SCENARIOS"),
        ("attributes/sources.csv", "SOURCES"),
    ],
)
def test_shipped_tables_pass_every_check_they_skip(name, table):
    """A shipped table whose hash matches the manifest is typed without its checks
    (read_table marks it): here it goes through every check, and both ways give
    the same frame. A DataFrame a caller hands in is never marked."""
    from kurils.data import schema, vocabulary
    from kurils.data.reading import read_table
    from kurils.data.validate import validate_table

    rules = getattr(schema, table)
    df, where = read_table(None, name)
    assert df.attrs.get(vocabulary.SHIPPED_INTACT) is True
    trusted = validate_table(df, rules, where)
    full = df.copy()
    full.attrs.clear()
    checked = validate_table(full, rules, where)
    pd.testing.assert_frame_equal(trusted, checked, check_exact=True)
    assert trusted.attrs == {} == checked.attrs
    again, _ = read_table(df, name)  # handed in as a frame: checked in full
    assert vocabulary.SHIPPED_INTACT not in again.attrs


def test_a_marked_frame_from_a_caller_is_still_checked():
    from kurils.data import vocabulary
    from kurils.data.reading import read_table

    df, _ = read_table(None, "attributes/islands.csv")
    df.loc[1, "island_id"] = df.loc[0, "island_id"]  # a check a trusted file skips
    with pytest.raises(kurils.KurilsDataError, match="duplicate island_id"):
        kurils.load_island_table(attributes=df)  # the mark does not come along
    assert df.attrs.get(vocabulary.SHIPPED_INTACT) is True


def test_a_raw_table_handed_out_carries_no_mark():
    """Catalog.raw hands out a shipped table as read, without read_table's mark:
    a caller's edited copy is checked in full by validate_table, its numbers
    too (a marked table is only typed: a non-number would become NaN)."""
    from kurils.data import schema, vocabulary
    from kurils.data.catalog import Catalog
    from kurils.data.validate import validate_table

    raw = Catalog().raw("places")
    assert vocabulary.SHIPPED_INTACT not in raw.attrs
    raw.loc[1, "population"] = "many"
    with pytest.raises(kurils.KurilsDataError, match="'population' has non-numeric"):
        validate_table(raw, schema.PLACES, "<places>")
