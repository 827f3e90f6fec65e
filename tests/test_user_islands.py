"""A user's own islands are checked in one place, the data layer, for every
consumer (map, figure, ...): kurils.domain.islands.check_user_islands."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from kurils import KurilsDataError
from kurils.data import schema
from kurils.domain.islands import check_user_islands


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
