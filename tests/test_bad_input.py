"""Every bad input of issue 11's list: one KurilsDataError naming the frame or
file, the column and the rows; never a raw error, never a silently wrong page."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kurils
from kurils import KurilsDataError

FEW = ["iturup", "kunashir", "hokkaido"]


@pytest.fixture
def mine(islands):
    out = islands[islands["island_id"].isin(FEW)].copy()
    for col in ("area_km2", "area_km2_quoted", "population", "population_year"):
        out[col] = out[col].astype(object)
    return out


BAD_VALUES = [
    ("area_km2", "big", "non-numeric"),
    ("area_km2_quoted", "about 3000", "non-numeric"),
    ("population", "many", "non-numeric"),
    ("population", "nan", "non-numeric"),
    ("population", np.inf, "outside"),
    ("population", -5, "outside"),
    ("population", 2.5, "whole numbers"),
    ("population", 10**30, "outside"),
    ("area_km2", -1.0, "outside"),
    ("area_km2", np.inf, "outside"),
    ("population_year", 3000, "outside"),
    ("name_en", "x" * 10_001, "longer than 10,000"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_VALUES)
@pytest.mark.parametrize("entry", ["build_map", "figure"])
def test_bad_values_in_a_users_islands(mine, entry, column, value, message):
    mine.loc[mine["island_id"] == "iturup", column] = value
    with pytest.raises(KurilsDataError) as err:
        getattr(kurils, entry)(islands=mine)
    text = str(err.value)
    assert text.startswith("<islands>: ") and repr(column) in text and message in text
    assert "row 1: iturup" in text  # the row, by number and id


def test_islands_that_match_no_unit_make_a_map_without_those_layers(islands):
    for subset in (
        islands[islands["island_id"] == "hokkaido"],
        islands.assign(island_id="my_" + islands["island_id"]),
    ):
        page = kurils.render_html(kurils.build_map(islands=subset))
        assert "Russian administration" not in page  # no districts to draw


def test_an_empty_frame_is_a_clear_error(islands):
    with pytest.raises(KurilsDataError, match=r"^<islands>: no rows$"):
        kurils.build_map(islands=islands.iloc[:0])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda g: g.drop(columns="v"), "missing columns: v"),
        (lambda g: g.drop(columns="island_id"), "missing columns: island_id"),
        (lambda g: g.assign(v=np.nan), "column 'v' has no values"),
        (lambda g: g.assign(v="lots"), "column 'v' has non-numeric values"),
        (
            lambda g: g.to_crs(3857).set_crs(4326, allow_override=True),
            "outside the region",
        ),
        (lambda g: g.set_crs(None, allow_override=True), "no CRS"),
    ],
)
def test_bad_choropleth_frames(islands, make, message):
    frame = make(islands.assign(v=range(len(islands))))
    with pytest.raises(KurilsDataError, match=f"^<choropleth frame>: .*{message}"):
        kurils.choropleth_layer(frame, "v")


def test_sovereignty_at_nat_is_a_value_error():
    with pytest.raises(ValueError, match="no date given"):
        kurils.sovereignty_at(pd.NaT)


def test_a_geopackage_with_several_layers(islands, tmp_path):
    path = tmp_path / "two.gpkg"
    islands[["island_id", "geometry"]].to_file(path, layer="coast")
    islands[["island_id", "geometry"]].to_file(path, layer="other")
    with pytest.raises(KurilsDataError, match="2 layers \\(coast, other\\)") as err:
        kurils.load_islands(path)
    assert str(path) in str(err.value) and "'islands'" in str(err.value)
    islands[["island_id", "geometry"]].to_file(path, layer="islands")
    assert len(kurils.load_islands(path)) == len(islands)  # read by name


def _islands_csv(data_dir) -> list[str]:
    text = (data_dir / "attributes" / "islands.csv").read_text(encoding="utf-8")
    return text.splitlines()


def test_messages_blame_the_file_at_fault(data_dir, tmp_path):
    lines = _islands_csv(data_dir)
    header_only = tmp_path / "header.csv"
    header_only.write_text(lines[0] + "\n", encoding="utf-8")
    with pytest.raises(KurilsDataError, match=f"^{header_only}: no rows"):
        kurils.load_islands(attributes=header_only)
    padded = tmp_path / "padded.csv"
    padded.write_text("\n".join([lines[0], " " + lines[1], *lines[2:]]) + "\n")
    with pytest.raises(KurilsDataError, match=f"^{padded}: .*spaces.*row 1"):
        kurils.load_islands(attributes=padded)
    quoted = tmp_path / "quote.csv"
    quoted.write_text(
        "\n".join([lines[0], lines[1], lines[2].replace(",", ',"', 1), *lines[3:]])
    )
    with pytest.raises(KurilsDataError, match=f'^{quoted}: row 2: .*quote \\(\\"\\)'):
        kurils.load_islands(attributes=quoted)


def test_area_of_bad_geometries_is_a_clear_error(islands):
    """kurils.area_km2 of no CRS, of invalid geometry, of a string: one
    KurilsDataError (no CRS was geopandas' ValueError, a string an
    AttributeError, and a bow-tie polygon measured 0 km² without a word)."""
    import shapely

    few = islands[islands["island_id"].isin(FEW)].reset_index(drop=True)
    with pytest.raises(KurilsDataError, match="<GeoDataFrame>: no CRS"):
        kurils.area_km2(few.set_crs(None, allow_override=True))
    bowtie = shapely.Polygon([(145, 43), (146, 44), (146, 43), (145, 44)])
    bad = few.set_geometry(
        [bowtie if i == 1 else g for i, g in enumerate(few.geometry)]
    )
    with pytest.raises(
        KurilsDataError, match="<GeoDataFrame>: invalid geometry on row 2"
    ):
        kurils.area_km2(bad)
    with pytest.raises(KurilsDataError, match="<str>: expected a GeoSeries"):
        kurils.area_km2("iturup")
