"""Administrative units: Russia's districts and the Japanese municipalities claimed.

A unit's polygon is the union of the polygons of its islands (``island_units.csv``
says which). Neither side's internal boundaries inside an island are in any open
registry source, so a unit that shares an island with another (Iturup's three
pre-war villages, Kunashir's two) gets the whole island: those polygons overlap,
and the ``island_ids`` column says so.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..data import schema
from ..data.catalog import catalog
from ..errors import KurilsDataError
from .islands import check_user_islands, islands_of
from .measurement import valid_area_km2

__all__ = ["admin_units_for", "load_admin_units"]

PathOrFrame = str | os.PathLike | pd.DataFrame | None


def _apart(geoms) -> bool:
    """No two of ``geoms`` intersect (an R-tree of their boxes, then GEOS on the
    pairs whose boxes meet)."""
    first, second = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    return bool((first == second).all())


def _combine(geoms) -> shapely.MultiPolygon:
    """One MultiPolygon of disjoint islands; a real union only where they overlap
    (collecting parts is ~20x faster than dissolving thousands of rocks). Each
    island is valid (checked on loading), so their parts together are too when
    no two islands meet: 2 ms for the shipped units, where asking GEOS whether
    each collection is valid took 10; where two meet, GEOS decides."""
    collected = shapely.multipolygons(shapely.get_parts(geoms))
    if _apart(geoms) or collected.is_valid:
        return collected
    return shapely.union_all(geoms)


def load_admin_units(
    country: str | None = None,
    islands: gpd.GeoDataFrame | None = None,
    units: PathOrFrame = None,
    island_units: PathOrFrame = None,
    sources: PathOrFrame = None,
) -> gpd.GeoDataFrame:
    """Load the administrative units as dissolved island polygons.

    Parameters
    ----------
    country : {"RUS", "JPN"}, optional
        Only Russia's administering districts, or only the Japanese municipalities
        that claim the four southern groups. Default: both.
    islands : GeoDataFrame, optional
        Islands as returned by :func:`kurils.load_islands` (a user's frame is
        checked as a map's is: :func:`kurils.domain.islands.check_user_islands`);
        loaded if not given.
    units, island_units, sources : path or DataFrame, optional
        User tables in place of the shipped ``admin_units.csv``,
        ``island_units.csv`` and ``sources.csv``.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one row per unit: the columns of :data:`kurils.data.schema.ADMIN_UNITS`
        plus ``island_ids`` (``;``-separated, chain order) and ``area_km2``.

    Raises
    ------
    KurilsDataError
        For bad tables or islands, unknown ``unit_id``/``island_id``, a unit
        with no island, or an unknown ``country``.

    Examples
    --------
    >>> ru = load_admin_units("RUS")
    >>> ru[["unit_id", "island_ids"]].head(1).to_dict("records")  # doctest: +ELLIPSIS
    [{'unit_id': 'severo_kurilsky', 'island_ids': 'shumshu;atlasov;paramushir;...'}]
    >>> sorted(load_admin_units("JPN").unit_id)  # doctest: +NORMALIZE_WHITESPACE
    ['nemuro_city', 'rubetsu_village', 'ruyobetsu_village', 'shana_village',
     'shibetoro_village', 'shikotan_village', 'tomari_village']
    """
    if islands is not None:
        islands = check_user_islands(islands)
    return admin_units_for(islands, country, units, island_units, sources)


def admin_units_for(
    islands: gpd.GeoDataFrame | None,
    country: str | None = None,
    units: PathOrFrame = None,
    island_units: PathOrFrame = None,
    sources: PathOrFrame = None,
) -> gpd.GeoDataFrame:
    """:func:`load_admin_units` of islands already checked (a map's, a figure's,
    an export's), so that no frame is checked twice."""
    if country is not None and country not in schema.COUNTRIES:
        raise KurilsDataError(
            "country", f"{country!r} is not one of {sorted(schema.COUNTRIES)}"
        )
    cat = catalog(admin_units=units, island_units=island_units, sources=sources)
    table = cat.admin_units()  # checked against the links, both ways
    links = cat.island_units()
    if islands is None:
        islands = islands_of(cat)
    # A user's islands may be a subset: draw each unit from the islands present.
    links = links[links["island_id"].isin(islands["island_id"])]
    table = table[table["unit_id"].isin(links["unit_id"])]
    if country is not None:
        table = table[table["country"] == country]
    order = {iid: i for i, iid in enumerate(islands["island_id"])}
    geom = dict(zip(islands["island_id"], islands.geometry.values, strict=True))
    members_of: dict[str, list[str]] = {}
    for unit, iid in zip(links["unit_id"], links["island_id"], strict=True):
        members_of.setdefault(unit, []).append(iid)
    ids, shapes = [], []
    for unit in table["unit_id"]:
        members = sorted(members_of[unit], key=order.get)
        ids.append(";".join(members))
        shapes.append(_combine(np.array([geom[m] for m in members], dtype=object)))
    out = gpd.GeoDataFrame(
        table.assign(island_ids=ids).reset_index(drop=True),
        geometry=[
            g if g.geom_type == "MultiPolygon" else shapely.multipolygons([g])
            for g in shapes
        ],
        crs="EPSG:4326",
    )
    out["area_km2"] = valid_area_km2(out).round(2)  # _combine made them valid
    return out
