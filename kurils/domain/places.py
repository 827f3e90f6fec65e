"""Settlements and landmarks, for labels and for checking the geometry."""

from __future__ import annotations

import os

import geopandas as gpd
import pandas as pd

from ..data.catalog import catalog

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
    return catalog(places=data, sources=sources).places()
