"""A user's own islands, checked as the shipped ones are, for every consumer.

A map, a figure, the zones and the layer builders take a user's GeoDataFrame of
islands; :meth:`kurils.data.catalog.Catalog.user_islands` checks it here, once,
the same way for all of them.
"""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pandas as pd

from ..errors import KurilsDataError
from . import integrity, schema
from .polygons import validate_geometry
from .validate import validate_table

__all__ = ["check_islands_frame", "check_islands_table"]


def check_islands_frame(
    islands: gpd.GeoDataFrame, where: str = "<islands>", validity: bool = True
) -> gpd.GeoDataFrame:
    """A user's islands, checked as the loaders check files.

    The frame needs the columns of :data:`kurils.data.schema.MAP_ISLANDS_REQUIRED`;
    every other column of :data:`kurils.data.schema.ISLANDS` it has (and ``area_km2``)
    gets the loaders' checks: numbers, ranges, vocabularies, claims. Any CRS
    (reprojected, as ``explore()`` does); polygons in the region, valid unless
    ``validity`` is False (outlines simplified for drawing); unique ids.

    Returns
    -------
    geopandas.GeoDataFrame
        A checked copy in EPSG:4326 with a fresh index, typed columns and every
        column of :data:`kurils.data.schema.ISLANDS` (missing optional facts as None);
        ``area_km2`` if the frame had it.
    """
    if not isinstance(islands, gpd.GeoDataFrame):
        raise KurilsDataError(where, "expected a GeoDataFrame")
    if islands.crs is None:
        raise KurilsDataError(where, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    table = check_islands_table(islands.drop(columns=islands.geometry.name), where)
    geoms = islands.geometry.to_crs(4326).reset_index(drop=True)
    out = validate_geometry(
        gpd.GeoDataFrame(table, geometry=geoms.values, crs=4326),
        where,
        validity=validity,
    )
    for col in [c for c in schema.ISLANDS.columns if c not in out.columns]:
        out[col] = None  # optional facts the user's table does not have
    return out


def check_islands_table(table: pd.DataFrame, where: str = "<islands>") -> pd.DataFrame:
    """A user's island attributes (no geometry), checked as
    :func:`check_islands_frame` checks them: a checked, typed copy with a
    fresh index."""
    if not isinstance(table, pd.DataFrame):
        raise KurilsDataError(where, "expected a DataFrame or a GeoDataFrame")
    table = pd.DataFrame(table)
    rules = schema.ISLANDS.restricted(table.columns, schema.MAP_ISLANDS_REQUIRED)
    if "area_km2" in table:  # derived, but a user's frame may carry its own
        rules = replace(
            rules,
            columns=(*rules.columns, "area_km2"),
            number=(*rules.number, "area_km2"),
            ranges={**rules.ranges, "area_km2": (0, 100_000)},
        )
    table = validate_table(table.reset_index(drop=True), rules, where)
    integrity.check_claims(table, where)
    return table
