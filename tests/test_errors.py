"""Bad input of every kind gives one documented error naming the file."""

from __future__ import annotations

import json
import shutil

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import kurils
from kurils import KurilsDataError


@pytest.fixture
def geo(islands, tmp_path):
    """The shipped geometry as a GeoJSON document, and a function to save it."""
    path = tmp_path / "mine.geojson"
    doc = json.loads(islands[["island_id", "geometry"]].to_json())

    def save(d=doc):
        path.write_text(json.dumps(d), encoding="utf-8")
        return path

    return doc, save


@pytest.fixture
def table(data_dir, tmp_path):
    path = tmp_path / "mine.csv"
    df = pd.read_csv(
        data_dir / "attributes" / "islands.csv", dtype=str, keep_default_na=False
    )

    def save(d=df):
        d.to_csv(path, index=False)
        return path

    return df, save


def raises(match, path=None):
    pattern = (str(path).replace("\\", "\\\\") + ": .*" if path else "") + match
    return pytest.raises(KurilsDataError, match=pattern)


def test_missing_file(tmp_path):
    path = tmp_path / "nope.geojson"
    with raises("file not found", path):
        kurils.load_islands(path)
    with raises("file not found", tmp_path / "nope.csv"):
        kurils.load_islands(attributes=tmp_path / "nope.csv")


@pytest.mark.parametrize(
    "content", [b"", b'{"type": "FeatureCollection", "feat', b"\x00\x01garbage"]
)
def test_corrupt_geometry_file(tmp_path, content):
    path = tmp_path / "broken.geojson"
    path.write_bytes(content)
    with raises("cannot read", path):
        kurils.load_islands(path)
    assert path.read_bytes() == content  # loses nothing


def test_corrupt_table(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xff\xfe\x00binary\x00")
    with raises("cannot read as UTF-8 CSV", path):
        kurils.load_islands(attributes=path)


def test_bad_coordinates_give_null_geometry(geo):
    doc, save = geo
    doc["features"][0]["geometry"]["coordinates"] = "oops"
    path = save()
    with raises("null or empty geometry for: shumshu", path):
        kurils.load_islands(path)


def test_user_geojson_file_loads(geo):
    doc, save = geo
    assert len(kurils.load_islands(save())) == len(doc["features"])


def test_wrong_crs(islands, tmp_path):
    path = tmp_path / "mercator.gpkg"
    islands[["island_id", "geometry"]].to_crs(3857).to_file(path)
    with raises("CRS is EPSG:3857, expected EPSG:4326", path):
        kurils.load_islands(path)
    no_crs = islands[["island_id", "geometry"]].set_crs(None, allow_override=True)
    with raises("no CRS"):
        kurils.load_islands(no_crs)


def test_invalid_geometry(islands):
    bad = islands[["island_id", "geometry"]].copy()
    bowtie = shapely.Polygon([(146, 43), (146.1, 43.1), (146.1, 43), (146, 43.1)])
    bad.loc[bad.island_id == "zelyony", "geometry"] = bowtie
    with raises("invalid geometry: zelyony .Self-intersection"):
        kurils.load_islands(bad)


def test_swapped_lon_lat(islands):
    swapped = islands[["island_id", "geometry"]].copy()
    swapped["geometry"] = swapped.geometry.map(
        lambda g: shapely.transform(g, lambda c: c[:, ::-1])
    )
    with raises("outside the region .* swapped"):
        kurils.load_islands(swapped)


def test_duplicate_and_unknown_island_id(islands):
    gdf = islands[["island_id", "geometry"]].copy()
    dup = gdf.copy()
    dup.loc[dup.island_id == "kunashir", "island_id"] = "iturup"
    with raises("duplicate island_id: iturup"):
        kurils.load_islands(dup)
    unknown = gdf.copy()
    unknown.loc[unknown.island_id == "kunashir", "island_id"] = "atlantis"
    with raises("unknown island_id .not in .*islands.csv.: atlantis"):
        kurils.load_islands(unknown)
    with raises("no geometry for island_id: kunashir"):
        kurils.load_islands(gdf[gdf.island_id != "kunashir"])


def test_mislabelled_polygons(islands):
    """Swapping two ids is caught by the cited anchor points."""
    gdf = islands[["island_id", "geometry"]].copy()
    ids = gdf.island_id.replace({"iturup": "kunashir", "kunashir": "iturup"})
    with raises("anchor point is not on the island's polygon: iturup, kunashir"):
        kurils.load_islands(gdf.assign(island_id=ids))


def test_missing_columns(table, islands):
    df, save = table
    path = save(df.drop(columns=["name_ja", "status"]))
    with raises("missing columns: name_ja, status", path):
        kurils.load_islands(attributes=path)
    with raises("missing columns: island_id"):
        kurils.load_islands(islands[["geometry"]])


def test_values_outside_vocabulary(table):
    df, save = table
    df.loc[df.island_id == "iturup", "administered_by"] = "Russia"
    path = save(df)
    with raises("'administered_by' has values outside .*: Russia", path):
        kurils.load_islands(attributes=path)


def test_fact_without_source(table):
    df, save = table
    df.loc[df.island_id == "iturup", "area_source"] = ""
    path = save(df)
    with raises("'area_km2_quoted' given without 'area_source' for: iturup", path):
        kurils.load_islands(attributes=path)


def test_unknown_source_id(table):
    df, save = table
    df.loc[df.island_id == "iturup", "population_source"] = "my_memory"
    path = save(df)
    with raises("unknown source id in 'population_source': my_memory", path):
        kurils.load_islands(attributes=path)


def test_non_numeric_value(table):
    df, save = table
    df.loc[df.island_id == "iturup", "population"] = "lots"
    with raises("'population' has non-numeric values: lots"):
        kurils.load_islands(attributes=save(df))


def test_unknown_country_and_unit(tmp_path, data_dir):
    with raises("'XX' is not one of"):
        kurils.load_admin_units("XX")
    links = pd.read_csv(data_dir / "attributes" / "island_units.csv", dtype=str)
    links.loc[0, "island_id"] = "atlantis"
    path = tmp_path / "links.csv"
    links.to_csv(path, index=False)
    with raises("unknown island_id: atlantis", path):
        kurils.load_admin_units(island_units=path)


def test_user_geodataframe_is_accepted(islands):
    """A valid user GeoDataFrame, as a Polygon layer, loads like the shipped file."""
    gdf = islands[["island_id", "geometry"]].copy()
    gdf["geometry"] = gdf.geometry.map(lambda g: max(g.geoms, key=lambda p: p.area))
    out = kurils.load_islands(gdf)
    assert set(out.geom_type) == {"MultiPolygon"}
    assert len(out) == len(islands)


def test_error_is_documented_value_error():
    assert issubclass(KurilsDataError, ValueError)
    assert "Raises" in kurils.load_islands.__doc__


def test_loading_changes_no_file(data_dir, tmp_path):
    """Loading only reads: a user's file is byte-identical afterwards."""
    path = tmp_path / "a.gpkg"
    shutil.copy(data_dir / "islands.gpkg", path)
    kurils.load_islands(path)
    assert path.read_bytes() == (data_dir / "islands.gpkg").read_bytes()
    assert isinstance(gpd.read_file(path), gpd.GeoDataFrame)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("population", "-5", "'population' has values outside 0..1e\\+07: -5"),
        ("population", "50000000", "'population' has values outside"),
        ("area_km2_quoted", "inf", "'area_km2_quoted' has values outside"),
        ("area_km2_quoted", "-100", "'area_km2_quoted' has values outside"),
        ("population_year", "3025", "'population_year' has values outside 1800..20"),
        ("anchor_lat", "147.3", "'anchor_lat' has values outside"),  # swapped lon/lat
    ],
)
def test_values_out_of_range(table, column, value, message):
    df, save = table
    df.loc[df.island_id == "iturup", column] = value
    with raises(message):
        kurils.load_islands(attributes=save(df))


def test_status_must_match_claims(table):
    df, save = table
    df.loc[df.island_id == "iturup", "claimed_by"] = "RUS"
    with raises("status must be 'disputed' exactly where more than one state claims"):
        kurils.load_islands(attributes=save(df))
    df, save = table
    df.loc[df.island_id == "hokkaido", "administered_by"] = "RUS"
    with raises("administered_by not among claimed_by for: hokkaido"):
        kurils.load_islands(attributes=save(df))


def test_places_are_checked(data_dir, tmp_path):
    places = pd.read_csv(
        data_dir / "attributes" / "places.csv", dtype=str, keep_default_na=False
    )
    path = tmp_path / "places.csv"
    bad = places.copy()
    bad.loc[0, "island_id"] = "atlantis"
    bad.to_csv(path, index=False)
    with raises("unknown island_id: atlantis", path):
        kurils.load_places(path)
    bad = places.copy()
    bad.loc[0, ["lon", "lat"]] = [
        "140.0",
        "35.0",
    ]  # Honshu, but said to be on Paramushir
    bad.to_csv(path, index=False)
    with raises("coordinates outside the region for: severo_kurilsk", path):
        kurils.load_places(path)


def test_wrong_kind_of_argument():
    with raises("expected a file path or a DataFrame"):
        kurils.load_sources(["a"])
