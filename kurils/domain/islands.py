"""The islands: polygons joined to their names, status, units and sourced facts."""

from __future__ import annotations

import os

import geopandas as gpd
import pandas as pd

from ..data import _resources, schema
from ..data.catalog import Catalog, catalog, shipped
from .measurement import area_km2

__all__ = [
    "check_user_islands",
    "load_island_table",
    "load_island_units",
    "load_islands",
]

PathOrFrame = str | os.PathLike | pd.DataFrame | None


def load_island_table(
    attributes: PathOrFrame = None, sources: PathOrFrame = None
) -> pd.DataFrame:
    """Load and validate the island attribute table (no geometry).

    Parameters
    ----------
    attributes : path or DataFrame, optional
        A user's own ``islands.csv``; by default the shipped one.
    sources : path or DataFrame, optional
        The sources table that the ``*_source`` columns cite.

    Returns
    -------
    pandas.DataFrame
        One row per island, columns as in :data:`kurils.data.schema.ISLANDS`.

    Examples
    --------
    >>> import kurils
    >>> table = kurils.load_island_table()
    >>> table.set_index("island_id").loc["iturup", ["name_ja", "status"]].tolist()
    ['択捉島', 'disputed']
    """
    return catalog(islands=attributes, sources=sources).island_table()


def check_user_islands(
    islands: gpd.GeoDataFrame, where: str = "<islands>", validity: bool = True
) -> gpd.GeoDataFrame:
    """A user's islands, checked as the loaders check files, for a map or figure.

    The catalog checks them (:meth:`kurils.data.catalog.Catalog.user_islands`:
    which columns, which checks, in
    :func:`kurils.data.user_islands.check_islands_frame`); here they get their
    ``area_km2``, computed (in :data:`kurils.EQUAL_AREA_CRS`) if absent.

    Returns
    -------
    geopandas.GeoDataFrame
        A checked copy in EPSG:4326 with a fresh index, typed columns, every
        column of :data:`kurils.data.schema.ISLANDS` (missing optional facts as
        None) and ``area_km2``.

    Examples
    --------
    >>> import kurils
    >>> mine = kurils.load_islands().head(3)
    >>> mine.loc[0, "population"] = -5
    >>> check_user_islands(mine)
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: <islands>: column 'population' has values outside 0..1e+07: -5 (row 1: shumshu)
    """
    out = shipped().user_islands(islands, where, validity)
    if "area_km2" not in out:
        out["area_km2"] = area_km2(out).round(2)
    return out


def load_island_units(
    data: PathOrFrame = None, sources: PathOrFrame = None
) -> pd.DataFrame:
    """Load the island-to-unit table: which island belongs to which unit.

    Each row links one island to one Russian district or one claimed Japanese
    municipality, with the source and year of that fact.

    Examples
    --------
    >>> links = load_island_units()
    >>> sorted(links.loc[links.island_id == "iturup", "unit_id"])
    ['kurilsky', 'rubetsu_village', 'shana_village', 'shibetoro_village']
    """
    return catalog(island_units=data, sources=sources).island_units()


def load_islands(
    geometry: str | os.PathLike | gpd.GeoDataFrame | None = None,
    attributes: PathOrFrame = None,
    sources: PathOrFrame = None,
    island_units: PathOrFrame = None,
) -> gpd.GeoDataFrame:
    """Load every Kuril island, and the context land, as attributed polygons.

    Parameters
    ----------
    geometry : path or GeoDataFrame, optional
        Polygons with an ``island_id`` column in EPSG:4326 (any format GDAL reads);
        by default the shipped ``islands.gpkg``.
    attributes : path or DataFrame, optional
        Island attribute table; by default the shipped ``attributes/islands.csv``.
    sources : path or DataFrame, optional
        Sources table; by default the shipped ``attributes/sources.csv``.
    island_units : path or DataFrame, optional
        Island-to-unit table; by default the shipped ``attributes/island_units.csv``.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one row per island in chain order (north to south, then the
        context land), MultiPolygon geometry. Columns: the attribute columns of
        :data:`kurils.data.schema.ISLANDS` (names in English, Russian, Japanese and
        romaji; ``alt_names``; ``group``; ``administered_by``, ``claimed_by``
        (ISO 3166 alpha-3, ``;``-separated), ``status``, ``japan_view``; quoted
        area and population each with source and year), then the derived columns
        :data:`kurils.data.schema.ISLANDS_DERIVED`: ``ru_district`` and
        ``jp_municipality`` (``unit_id`` values from ``island_units.csv``,
        ``;``-separated) and ``area_km2``, computed from the geometry in
        :data:`kurils.EQUAL_AREA_CRS`.

    Raises
    ------
    KurilsDataError
        For any bad input: missing or corrupt file, wrong CRS, invalid geometry,
        coordinates outside the region, duplicate or unknown ``island_id``, an island
        without geometry, missing columns, values outside the vocabulary, facts
        without source or year, or an island whose anchor point is not inside its
        polygon.

    Examples
    --------
    >>> islands = load_islands()
    >>> islands.crs.to_epsg()
    4326
    >>> disputed = islands[islands.status == "disputed"]
    >>> disputed.set_index("island_id").loc["iturup", ["name_ja", "administered_by", "claimed_by"]].tolist()
    ['択捉島', 'RUS', 'JPN;RUS']
    >>> round(float(disputed.area_km2.sum()))  # the four groups together
    4994
    """
    given = catalog(
        geometry=geometry,
        islands=attributes,
        sources=sources,
        island_units=island_units,
    )
    return islands_of(given)


#: The tables the islands are made from (see :meth:`Catalog.derived`).
_MADE_FROM = ("geometry", "islands", "sources", "island_units")


def islands_of(cat: Catalog) -> gpd.GeoDataFrame:
    """The islands of a catalog (made once per catalog, handed out as a copy)."""
    return cat.derived("islands", _islands, _MADE_FROM)


def _islands(cat: Catalog) -> gpd.GeoDataFrame:
    """The polygons with their units' columns and their area."""
    out = cat.island_polygons()
    links = cat.island_units()
    for col, wanted in (
        ("ru_district", schema.RU_DISTRICTS),
        ("jp_municipality", schema.JP_MUNICIPALITIES),
    ):
        mine = links[links["unit_id"].isin(wanted)]
        out[col] = out["island_id"].map(
            mine.groupby("island_id", sort=False)["unit_id"].agg(";".join)
        )
    out["area_km2"] = _areas(out, cat)
    return out[[*schema.ISLANDS.columns, *schema.ISLANDS_DERIVED, "geometry"]]


def _areas(islands: gpd.GeoDataFrame, cat: Catalog) -> pd.Series:
    """Each island's area in km² (2 decimals), computed in the equal-area CRS; for
    the shipped file, unchanged since the build, the build's own figures from the
    manifest (the same computation, tested), which spares reprojecting it."""
    if not cat.intact("geometry"):
        return area_km2(islands).round(2)
    built = _resources.manifest()[_resources.GEOMETRY]["islands"]
    return islands["island_id"].map(lambda i: built[i]["area_km2"]).astype(float)
