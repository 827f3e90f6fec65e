"""Polygons checked: CRS, emptiness, type, validity and extent, naming the features.

The geometry half of the checks of :mod:`kurils.data.validate`: a user's file or
frame of polygons gets the same checks, and the same messages, as the shipped one.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from ..errors import KurilsDataError
from .schema import REGION_BOUNDS
from .validate import _listing, _missing

__all__ = ["validate_geometry"]

_GEOGRAPHIC = ("EPSG:4326", "OGC:CRS84")


def validate_geometry(
    gdf: gpd.GeoDataFrame,
    source: str,
    id_column: str = "island_id",
    validity: bool = True,
) -> gpd.GeoDataFrame:
    """Check CRS, emptiness, type, validity and extent of polygon data.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons with an ``id_column``.
    source : str
        File name or description, used in error messages.
    id_column : str, default "island_id"
    validity : bool, default True
        Check that polygons are valid (OGC). Outlines simplified for drawing
        need not be: a renderer fills them all the same.

    Returns
    -------
    geopandas.GeoDataFrame
        ``gdf`` with every geometry as a MultiPolygon.

    Raises
    ------
    KurilsDataError
        If the CRS is missing or not EPSG:4326/OGC:CRS84; if a geometry is null,
        empty, not polygonal or invalid; if coordinates fall outside
        :data:`kurils.data.schema.REGION_BOUNDS` (a sign of swapped lon/lat); if the id
        column is missing, empty or duplicated.
    """
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf:
        raise KurilsDataError(source, "not a GeoDataFrame with a geometry column")
    if id_column not in gdf.columns:
        raise KurilsDataError(source, f"missing columns: {id_column}")
    ids = gdf[id_column]
    if _missing(ids).any():
        raise KurilsDataError(
            source, f"empty {id_column} on {int(_missing(ids).sum())} features"
        )
    dup = ids[ids.duplicated()]
    if len(dup):
        raise KurilsDataError(
            source, f"duplicate {id_column}: {_listing(sorted(set(dup)))}"
        )
    if gdf.crs is None:
        raise KurilsDataError(source, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    if gdf.crs.to_string() not in _GEOGRAPHIC and gdf.crs.to_epsg() != 4326:
        raise KurilsDataError(
            source,
            f"CRS is {gdf.crs.to_string()}, expected EPSG:4326 (lon/lat, WGS 84); "
            "reproject with .to_crs(4326)",
        )
    geoms = gdf.geometry.values
    null = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if null.any():
        raise KurilsDataError(
            source, f"null or empty geometry for: {_listing(ids[null])}"
        )
    kinds = shapely.get_type_id(geoms)
    polygonal = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
    if not polygonal.all():
        raise KurilsDataError(
            source, f"geometry is not a (Multi)Polygon for: {_listing(ids[~polygonal])}"
        )
    valid = shapely.is_valid(geoms) if validity else np.ones(len(geoms), bool)
    if not valid.all():
        reasons = [
            f"{i} ({r})"
            for i, r in zip(
                ids[~valid], shapely.is_valid_reason(geoms[~valid]), strict=True
            )
        ]
        raise KurilsDataError(source, f"invalid geometry: {_listing(reasons)}")
    minx, miny, maxx, maxy = REGION_BOUNDS
    b = shapely.bounds(geoms)
    outside = (b[:, 0] < minx) | (b[:, 1] < miny) | (b[:, 2] > maxx) | (b[:, 3] > maxy)
    if outside.any():
        raise KurilsDataError(
            source,
            f"coordinates outside the region lon {minx}..{maxx}, lat {miny}..{maxy} "
            f"for: {_listing(ids[outside])} (are longitude and latitude swapped?)",
        )
    out = gdf.copy()
    single = kinds == 3
    if single.any():
        out.loc[single, out.geometry.name] = shapely.multipolygons(
            shapely.get_parts(geoms[single]), indices=np.arange(int(single.sum()))
        )
    return out
