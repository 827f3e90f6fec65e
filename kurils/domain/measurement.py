"""Measurements on kurils geometries."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

__all__ = ["EQUAL_AREA_CRS", "area_km2"]

#: Equal-area CRS used for every computed area (WGS 84 / NSIDC EASE-Grid 2.0 Global).
EQUAL_AREA_CRS = "EPSG:6933"


def area_km2(geoms: gpd.GeoSeries | gpd.GeoDataFrame) -> pd.Series:
    """Area of each geometry in km², computed in an equal-area projection.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> square = gpd.GeoSeries([shapely.box(146.0, 43.0, 146.1, 43.1)], crs=4326)
    >>> round(float(area_km2(square).iloc[0]), 1)
    90.5
    """
    return geoms.to_crs(EQUAL_AREA_CRS).area / 1e6
