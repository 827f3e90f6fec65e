"""Settlements and landmarks, for labels and for checking the geometry."""

from __future__ import annotations

import os

import geopandas as gpd
import pandas as pd

from ..data import _resources, schema
from ..data.reading import read_table
from ..data.validate import check_references, validate_table
from ..errors import KurilsDataError
from .islands import load_island_table
from .sources import source_ids

__all__ = ["load_places"]


def load_places(
    data: str | os.PathLike | pd.DataFrame | None = None, sources=None
) -> gpd.GeoDataFrame:
    """Load towns, villages and capes as points.

    Parameters
    ----------
    data : path or DataFrame, optional
        A user's own places table; by default the shipped ``places.csv``.
    sources : path or DataFrame, optional
        Sources table for the ``*_source`` columns.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326 points, columns of :data:`kurils.data.schema.PLACES`.

    Raises
    ------
    KurilsDataError
        For a bad table, unknown source ids or coordinates outside the region.

    Examples
    --------
    >>> places = load_places()
    >>> places.set_index("place_id").loc["yuzhno_kurilsk", "island_id"]
    'kunashir'
    """
    df, where = read_table(data, _resources.PLACES)
    table = validate_table(df, schema.PLACES, where)
    known = source_ids(sources)
    for col in ("coord_source", "population_source"):
        check_references(table[col], known, f"source id in {col!r}", where)
    on_island = table["island_id"].notna()
    check_references(
        table.loc[on_island, "island_id"],
        load_island_table(sources=known)["island_id"],
        "island_id",
        where,
    )
    # Places on an island must lie in the region; others (Shimoda, where the 1855
    # treaty was signed) only on the globe.
    minx, miny, maxx, maxy = schema.REGION_BOUNDS
    inside = table["lon"].between(minx, maxx) & table["lat"].between(miny, maxy)
    on_globe = table["lon"].between(-180, 180) & table["lat"].between(-90, 90)
    bad = (on_island & ~inside) | ~on_globe
    if bad.any():
        raise KurilsDataError(
            where,
            f"coordinates outside the region for: {', '.join(table.loc[bad, 'place_id'])}"
            " (are longitude and latitude swapped?)",
        )
    return gpd.GeoDataFrame(
        table, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326"
    )
