"""Exports: every layer read back with pyogrio, RFC 7946 checked, types, atomicity."""

from __future__ import annotations

import importlib
import json
import sqlite3
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

import kurils
from kurils.cli import main

ex = importlib.import_module(
    "kurils.export"
)  # the module; kurils.export is the function

NAMES = [x.name for x in ex.LAYERS]

# columns that must come out as integers and as dates (where a layer has them)
INTEGERS = {"year", "population", "population_year", "status_year", "area_year"}
INTEGERS |= {"people", "households", "population_moved", "residents_1945_moved"}
DATES = {"date", "effective_date", "valid_from", "valid_to", "accessed"}


def _kinds(frame: pd.DataFrame) -> tuple[set, set]:
    """The frame's integer and date columns: what the export must keep so."""
    ints = {c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c])}
    days = {c for c in frame.columns if pd.api.types.is_datetime64_dtype(frame[c])}
    return ints, days


@pytest.fixture(scope="module")
def expected():
    islands = kurils.load_islands()
    return {x.name: x.load(islands) for x in ex.LAYERS}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    return {
        fmt: kurils.export(root / ("kurils.gpkg" if fmt == "gpkg" else fmt), fmt)
        for fmt in ex.FORMATS
    }


def _check_types(info: dict, layer: str, frame: pd.DataFrame) -> None:
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    ints, days = _kinds(frame)
    for name, dtype in types.items():
        if name in ints:
            assert dtype == "int64", (layer, name, dtype)
        elif name in days:
            assert dtype == "datetime64[D]", (layer, name, dtype)
        else:
            assert dtype in {"object", "float64"}, (layer, name, dtype)


def _check_text_columns(df: pd.DataFrame, layer: str) -> None:
    for name in df.columns:
        if df[name].dtype == object and name != "geometry":
            kinds = {type(v).__name__ for v in df[name] if v is not None}
            assert kinds <= {"str"}, (layer, name, kinds)


def test_the_layers_have_the_integer_and_date_columns_we_expect(expected):
    for name, frame in expected.items():
        ints, days = _kinds(frame)
        kinds = {str(frame[c].dtype) for c in ints | days}
        assert INTEGERS & set(frame.columns) - {"population_year"} <= ints, name
        assert DATES & set(frame.columns) == days, (name, kinds)
    assert "population_year" in _kinds(expected["islands"])[0]


def test_gpkg_has_every_layer_named_and_typed(exports, expected):
    path = exports["gpkg"]
    assert [name for name, _ in pyogrio.list_layers(path)] == NAMES
    with sqlite3.connect(path) as db:
        assert db.execute("pragma application_id").fetchone()[0] == 0x47504B47
        assert db.execute("pragma user_version").fetchone()[0] == 10200  # GPKG 1.2
        kinds = dict(db.execute("select table_name, data_type from gpkg_contents"))
    assert kinds["sources"] == "attributes" and kinds["islands"] == "features"
    for name in NAMES:
        info = pyogrio.read_info(path, layer=name)
        _check_types(info, name, expected[name])
        back = pyogrio.read_dataframe(path, layer=name)
        want = expected[name]
        assert len(back) == len(want) and info["features"] == len(want)
        _check_text_columns(back, name)
        if isinstance(want, gpd.GeoDataFrame):
            assert back.crs.to_epsg() == 4326
            same = shapely.equals(back.geometry.values, want.geometry.values)
            assert (same | want.geometry.isna().to_numpy()).all(), name
    islands = pyogrio.read_dataframe(path, layer="islands").set_index("island_id")
    assert (
        islands.loc["iturup", "population_year"]
        == expected["islands"].set_index("island_id").loc["iturup", "population_year"]
    )
    events = pyogrio.read_dataframe(path, layer="events")
    assert str(events.loc[0, "date"].date()) == "1855-02-07"
    assert pyogrio.read_info(path, layer="islands")["dataset_metadata"][
        "LICENSE"
    ].startswith("kurils data export")


def test_licence_is_written_beside_every_export(exports):
    for fmt, path in exports.items():
        licence = (
            path.with_name("kurils.LICENSE.txt")
            if fmt == "gpkg"
            else path / "LICENSE.txt"
        ).read_text("utf-8")
        assert "ODbL" in licence and "CC BY-SA 4.0" in licence, fmt
        assert "© OpenStreetMap contributors" in licence
        assert f"kurils {kurils.__version__}" in licence


def _coordinates(geometry) -> list:
    """Every position of a GeoJSON geometry, numbers kept as their JSON text."""
    if geometry is None:
        return []
    stack, out = [geometry["coordinates"]], []
    while stack:
        item = stack.pop()
        if isinstance(item[0], list):
            stack.extend(item)
        else:
            out.append(item)
    return out


def test_geojson_is_rfc7946(exports, expected):
    folder = exports["geojson"]
    assert sorted(p.name for p in folder.glob("*.geojson")) == sorted(
        f"{n}.geojson" for n in NAMES
    )
    for name in NAMES:
        path = folder / f"{name}.geojson"
        doc = json.loads(path.read_text("utf-8"), parse_float=str)
        assert "crs" not in doc and doc["type"] == "FeatureCollection"
        assert len(doc["features"]) == len(expected[name])
        decimals = 0
        for feature in doc["features"]:
            for lon, lat in _coordinates(feature["geometry"]):
                decimals = max(
                    decimals, len(lon.partition(".")[2]), len(lat.partition(".")[2])
                )
                assert -180 <= float(lon) <= 180 and -90 <= float(lat) <= 90
            if feature["geometry"] and "Polygon" in feature["geometry"]["type"]:
                polygons = feature["geometry"]["coordinates"]
                if feature["geometry"]["type"] == "Polygon":
                    polygons = [polygons]
                for rings in polygons:
                    xy = [np.array(r, dtype=float) for r in rings]
                    assert shapely.is_ccw(shapely.linearrings(xy[0]))  # exterior
                    assert not any(
                        shapely.is_ccw(shapely.linearrings(h)) for h in xy[1:]
                    )
        assert decimals <= 7, name
        back = pyogrio.read_dataframe(path)
        assert len(back) == len(expected[name])
        _check_text_columns(back, name)
    events = json.loads((folder / "events.geojson").read_text("utf-8"))
    assert events["features"][0]["properties"]["date"] == "1855-02-07"
    assert isinstance(events["features"][0]["properties"]["year"], int)


def test_geojson_islands_match_the_data_within_rounding(exports, expected):
    back = pyogrio.read_dataframe(exports["geojson"] / "islands.geojson")
    want = expected["islands"].geometry.values
    # 7 decimals of a degree are 1 cm: the outlines are the same within that
    assert shapely.equals_exact(back.geometry.values, want, tolerance=1e-7).all()


def test_csv_carries_wkt_and_field_types(exports, expected):
    folder = exports["csv"]
    for name in NAMES:
        path = folder / f"{name}.csv"
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert len(table) == len(expected[name])
        if isinstance(expected[name], gpd.GeoDataFrame):
            wkt = shapely.from_wkt(table["WKT"].replace("", None))
            assert shapely.equals(wkt, expected[name].geometry.values).sum() == (
                expected[name].geometry.notna().sum()
            )
        info = pyogrio.read_info(path)  # the .csvt beside it gives GDAL the types
        _check_types(
            {"fields": info["fields"][info["fields"] != "WKT"],
             "dtypes": info["dtypes"][info["fields"] != "WKT"]},
            name, expected[name],
        )  # fmt: skip


def test_geoparquet_reads_back(exports, expected):
    folder = exports["parquet"]
    import pyarrow.parquet as pq

    for name in NAMES:
        path = folder / f"{name}.parquet"
        want = expected[name]
        if isinstance(want, gpd.GeoDataFrame):
            back = gpd.read_parquet(path)
            geo = json.loads(pq.read_metadata(path).metadata[b"geo"])
            assert geo["primary_column"] == "geometry"
            assert back.crs.to_epsg() == 4326
            same = shapely.equals(back.geometry.values, want.geometry.values)
            assert (same | want.geometry.isna().to_numpy()).all(), name
        else:
            back = pd.read_parquet(path)
        assert len(back) == len(want)
        schema = pq.read_schema(path)
        ints, days = _kinds(want)
        for col in days:
            assert str(schema.field(col).type) == "date32[day]", (name, col)
        for col in ints:
            assert str(schema.field(col).type) == "int64", (name, col)


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_exports_are_deterministic(exports, tmp_path, fmt):
    again = kurils.export(tmp_path / exports[fmt].name, fmt)
    first = exports[fmt]
    if fmt == "gpkg":
        assert again.read_bytes() == first.read_bytes()
    else:
        for p in first.iterdir():
            assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def _failing_layers(monkeypatch):
    def boom(islands):
        raise RuntimeError("disk full")

    broken = list(ex.LAYERS)
    broken.insert(3, ex.Layer("broken", boom, None))
    monkeypatch.setattr(ex, "LAYERS", tuple(broken))


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_a_failed_export_leaves_nothing_and_keeps_the_old_one(
    tmp_path, monkeypatch, fmt
):
    out = tmp_path / ("k.gpkg" if fmt == "gpkg" else "k")
    _failing_layers(monkeypatch)
    with pytest.raises(RuntimeError, match="disk full"):
        kurils.export(out, fmt)
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temp folder
    monkeypatch.undo()
    kurils.export(out, fmt, layers=["places"])
    before = sorted(p.name for p in tmp_path.rglob("*"))
    _failing_layers(monkeypatch)
    with pytest.raises(RuntimeError):
        kurils.export(out, fmt)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_folder_that_is_not_an_export_is_not_replaced(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work")
    with pytest.raises(FileExistsError, match="not a kurils export"):
        kurils.export(mine, "geojson")
    assert [p.name for p in mine.iterdir()] == ["thesis.txt"]
    with pytest.raises(IsADirectoryError):
        kurils.export(mine, "gpkg")
    with pytest.raises(ValueError, match="unknown format"):
        kurils.export(tmp_path / "x.shp", "shp")
    with pytest.raises(ValueError, match="unknown layers: atlantis"):
        kurils.export(tmp_path / "x.gpkg", layers=["atlantis"])
    with pytest.raises(ValueError, match="unknown layers: none given"):
        kurils.export(tmp_path / "x.gpkg", layers=[])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    with pytest.raises(ImportError, match=r"pip install 'kurils\[export\]'"):
        kurils.export(tmp_path / "pq", "parquet")
    assert list(tmp_path.iterdir()) == []


def test_a_gis_table_of_mixed_objects_is_refused(tmp_path):
    frame = pd.DataFrame({"x": ["a", 1]})
    with pytest.raises(TypeError, match="column 'x' mixes text with int"):
        ex._fields(frame, "mine")


def test_cli_export(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--layers", "places,events"]) == 0
    assert (
        "wrote kurils.gpkg (gpkg; licence in kurils.LICENSE.txt)"
        in capsys.readouterr().out
    )
    assert [n for n, _ in pyogrio.list_layers("kurils.gpkg")] == ["places", "events"]
    assert main(["export", "--format", "csv", "--out", "c", "--layers", "sources"]) == 0
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [
        "LICENSE.txt",
        "sources.csv",
        "sources.csvt",
    ]
    assert main(["export", "--out", "nowhere/k.gpkg"]) == 1
    assert "folder does not exist" in capsys.readouterr().err
    assert main(["export", "--layers", "atlantis"]) == 2
    assert "unknown layers: atlantis" in capsys.readouterr().err
