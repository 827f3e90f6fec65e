"""The islands: polygons joined to their names, status, units and sourced facts."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..data import _resources, schema
from ..data.provenance import check_one_series
from ..data.reading import describe, read_geometry, read_table
from ..data.validate import (
    check_references,
    validate_geometry,
    validate_table,
)
from ..errors import KurilsDataError
from .measurement import area_km2
from .sources import source_ids

__all__ = [
    "check_user_islands",
    "load_island_table",
    "load_island_units",
    "load_islands",
]

PathOrFrame = str | os.PathLike | pd.DataFrame | None


def _source_columns(table: schema.TableSchema) -> list[str]:
    return sorted({src for src, _ in table.facts.values()})


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
    """
    known = source_ids(sources)
    if attributes is None:  # the shipped table never changes: parse it once
        return _shipped_island_table(tuple(known)).copy()
    return _island_table(attributes, known)


@cache
def _shipped_island_table(known: tuple) -> pd.DataFrame:
    return _island_table(None, pd.Index(known))


def _island_table(attributes: PathOrFrame, known: pd.Index) -> pd.DataFrame:
    df, where = read_table(attributes, _resources.ISLANDS)
    table = validate_table(df, schema.ISLANDS, where)
    for col in _source_columns(schema.ISLANDS):
        check_references(table[col], known, f"source id in {col!r}", where)
    _check_claims(table, where)
    disputed = table["status"].eq("disputed")
    check_one_series(table, disputed, "population", where, "island_id")
    return table


def _check_claims(table: pd.DataFrame, where: str) -> None:
    """The administrator claims the island; disputed exactly where two states do."""
    claims = table["claimed_by"].str.split(";")
    lacking = [
        a not in c for a, c in zip(table["administered_by"], claims, strict=True)
    ]
    if any(lacking):
        raise KurilsDataError(
            where,
            f"administered_by not among claimed_by for: {', '.join(table.loc[lacking, 'island_id'])}",
        )
    contested = claims.map(len) > 1
    wrong = contested != table["status"].eq("disputed")
    if wrong.any():
        raise KurilsDataError(
            where,
            "status must be 'disputed' exactly where more than one state claims the "
            f"island: {', '.join(table.loc[wrong, 'island_id'])}",
        )


def check_user_islands(
    islands: gpd.GeoDataFrame, where: str = "<islands>", validity: bool = True
) -> gpd.GeoDataFrame:
    """A user's islands, checked as the loaders check files, for a map or figure.

    The frame needs the columns of :data:`kurils.data.schema.MAP_ISLANDS_REQUIRED`;
    every other column of :data:`kurils.data.schema.ISLANDS` it has (and ``area_km2``)
    gets the loaders' checks: numbers, ranges, vocabularies, claims. Any CRS
    (reprojected, as ``explore()`` does); polygons in the region, valid unless
    ``validity`` is False (outlines simplified for drawing); unique ids.

    Returns
    -------
    geopandas.GeoDataFrame
        A checked copy in EPSG:4326 with a fresh index, typed columns, every
        column of :data:`kurils.data.schema.ISLANDS` (missing optional facts as None)
        and ``area_km2`` (computed if absent).

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
    if not isinstance(islands, gpd.GeoDataFrame):
        raise KurilsDataError(where, "expected a GeoDataFrame")
    if islands.crs is None:
        raise KurilsDataError(where, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    table = pd.DataFrame(islands.drop(columns=islands.geometry.name))
    rules = schema.ISLANDS.restricted(table.columns, schema.MAP_ISLANDS_REQUIRED)
    if "area_km2" in table:  # derived, but a user's frame may carry its own
        rules = replace(
            rules,
            columns=(*rules.columns, "area_km2"),
            number=(*rules.number, "area_km2"),
            ranges={**rules.ranges, "area_km2": (0, 100_000)},
        )
    table = validate_table(table.reset_index(drop=True), rules, where)
    _check_claims(table, where)
    geoms = islands.geometry.to_crs(4326).reset_index(drop=True)
    out = validate_geometry(
        gpd.GeoDataFrame(table, geometry=geoms.values, crs=4326),
        where,
        validity=validity,
    )
    for col in [c for c in schema.ISLANDS.columns if c not in out.columns]:
        out[col] = None  # optional facts the user's table does not have
    if "area_km2" not in table:
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
    df, where = read_table(data, _resources.ISLAND_UNITS)
    links = validate_table(df, schema.ISLAND_UNITS, where)
    check_references(links["source"], source_ids(sources), "source id", where)
    return links


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
    known = source_ids(sources)  # read once, used by both tables
    table = load_island_table(attributes, known)
    gdf, where = read_geometry(geometry, _resources.GEOMETRY)
    # the shipped file, unchanged since the build checked it, is valid (OGC): the
    # check (a third of this function's time) is for anything else
    shipped = geometry is None and _resources.intact(_resources.GEOMETRY)
    gdf = validate_geometry(gdf, where, validity=not shipped)
    check_references(
        gdf["island_id"],
        table["island_id"],
        f"island_id (not in {describe(attributes, _resources.ISLANDS)})",
        where,
    )
    missing = sorted(set(table["island_id"]) - set(gdf["island_id"]))
    if missing:
        raise KurilsDataError(where, f"no geometry for island_id: {', '.join(missing)}")
    geom = gdf.set_index("island_id").geometry
    out = gpd.GeoDataFrame(
        table, geometry=geom.loc[table["island_id"]].values, crs="EPSG:4326"
    )
    _check_anchors(out, where)
    links = load_island_units(island_units, known)
    check_references(
        links["island_id"],
        table["island_id"],
        "island_id",
        describe(island_units, _resources.ISLAND_UNITS),
    )
    for col, wanted in (
        ("ru_district", schema.RU_DISTRICTS),
        ("jp_municipality", schema.JP_MUNICIPALITIES),
    ):
        mine = links[links["unit_id"].isin(wanted)]
        out[col] = out["island_id"].map(
            mine.groupby("island_id", sort=False)["unit_id"].agg(";".join)
        )
    out["area_km2"] = _areas(out, shipped)
    return out[[*schema.ISLANDS.columns, *schema.ISLANDS_DERIVED, "geometry"]]


def _areas(islands: gpd.GeoDataFrame, shipped: bool) -> pd.Series:
    """Each island's area in km² (2 decimals), computed in the equal-area CRS; for
    the shipped file, unchanged since the build, the build's own figures from the
    manifest (the same computation, tested), which spares reprojecting it."""
    if not shipped:
        return area_km2(islands).round(2)
    built = _resources.manifest()[_resources.GEOMETRY]["islands"]
    return islands["island_id"].map(lambda i: built[i]["area_km2"]).astype(float)


def _check_anchors(gdf: gpd.GeoDataFrame, where: str) -> None:
    """Each island's cited anchor point must lie in its own polygon.

    This catches a geometry file whose ids were shuffled or mislabelled.
    """
    inside = shapely.contains_xy(
        gdf.geometry.values, gdf["anchor_lon"].to_numpy(), gdf["anchor_lat"].to_numpy()
    )
    if not np.all(inside):
        bad = ", ".join(gdf.loc[~inside, "island_id"])
        raise KurilsDataError(
            where, f"anchor point is not on the island's polygon: {bad}"
        )
