"""The catalog: every table kurils reads, each read, checked and cross-checked once.

A :class:`Catalog` is given, for each table, ``None`` (the shipped file), a path
or a (Geo)DataFrame. The first time something asks for a table the catalog reads
it, validates it against its schema (:mod:`kurils.data.schema`), runs the checks
that tie it to the other tables (:mod:`kurils.data.integrity`) and keeps the
result. Every caller gets a copy: what one caller does to a frame never reaches
the next.

:func:`shipped` is the process's catalog of the shipped data (one per data
folder); the ``load_*`` functions are thin wrappers over it, or over a catalog
of the user's tables, which reuses the shipped catalog's work for everything
that none of the user's tables goes into.

Examples
--------
>>> cat = Catalog()
>>> islands = cat.island_table()
>>> islands.loc[0, "name_en"] = "changed"   # a copy: the catalog keeps its own
>>> cat.island_table().loc[0, "name_en"]
'Shumshu'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from ..errors import KurilsDataError
from . import _resources, schema, trust
from .polygons import validate_geometry
from .reading import describe, read_geometry, read_table
from .user_islands import check_islands_frame
from .validate import DATE_DTYPE, as_dates, validate_table
from .vocabulary import SHIPPED_INTACT

__all__ = ["FILES", "Catalog", "catalog", "shipped"]

T = TypeVar("T")
PathOrFrame = str | os.PathLike | pd.DataFrame | None

#: The tables a catalog can be given (its keyword arguments), and the shipped
#: file each one stands in for.
FILES = {
    "geometry": _resources.GEOMETRY,
    "islands": _resources.ISLANDS,
    "sources": _resources.SOURCES,
    "island_units": _resources.ISLAND_UNITS,
    "admin_units": _resources.ADMIN_UNITS,
    "places": _resources.PLACES,
    "events": _resources.EVENTS,
    "borders": _resources.BORDERS,
    "population_1945": _resources.POPULATION_1945,
    "scenarios": _resources.SCENARIOS,
    "zones": _resources.ZONES,
    "rocks": _resources.ROCKS,
}

#: The tables each product is made from. A catalog given some tables of its own
#: takes from the shipped catalog every product that is made from none of them.
MADE_FROM = {
    "sources": {"sources"},
    "source_ids": {"sources"},
    "island_table": {"islands", "sources"},
    "island_units": {"island_units", "islands", "sources"},
    "island_polygons": {"geometry", "islands", "sources"},
    "admin_units": {"admin_units", "island_units", "islands", "sources"},
    "places": {"places", "islands", "sources"},
    "events": {"events", "islands", "sources"},
    "population_1945": {"population_1945", "islands", "sources"},
    "borders": {"borders", "events", "islands", "sources"},
    "scenarios": {"scenarios", "sources"},
    "zones": {"zones"},
    "rocks": {"rocks"},
    **{f"raw:{name}": {name} for name in FILES},
}


def _handed_out(value):
    """A deep copy of a kept frame (0.4 ms for the islands; a shallow one shares
    ``.geometry.values``, copy-on-write or not); anything else kept is immutable."""
    return value.copy() if isinstance(value, pd.DataFrame) else value


class Catalog:
    """Every kurils table, each read, validated and cross-checked once.

    Parameters
    ----------
    **tables : path, DataFrame or None
        A user's file or frame for any of :data:`FILES` (``geometry``,
        ``islands``, ``sources``, ...; ``sources`` may also be a
        :class:`pandas.Index` of known source ids); the shipped file otherwise.

    Notes
    -----
    A table is read when first asked for. A bad table raises
    :class:`kurils.KurilsDataError` naming the file or frame, the column and the
    rows, then and on every later request (nothing bad is kept).

    Examples
    --------
    Your own places (``kurils.Catalog``), checked against the shipped islands:

    >>> mine = Catalog().places().head(3).drop(columns="geometry")
    >>> mine.loc[0, "name_en"] = "My village"
    >>> Catalog(places=mine).places()[["name_en", "island_id"]].head(1)
          name_en   island_id
    0  My village  paramushir
    >>> Catalog(places=mine.assign(island_id="atlantis")).places()
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: <DataFrame>: unknown island_id: atlantis
    """

    def __init__(self, **tables: PathOrFrame | pd.Index) -> None:
        unknown = sorted(set(tables) - set(FILES))
        if unknown:
            raise TypeError(
                f"unknown tables: {', '.join(unknown)}; a catalog takes "
                f"{', '.join(FILES)}"
            )
        self._given = {k: v for k, v in tables.items() if v is not None}
        self._kept: dict[str, object] = {}
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        given = ", ".join(f"{k}={self.where(k)!r}" for k in self._given)
        return f"Catalog({given})" if given else "Catalog(shipped)"

    def intact(self, name: str) -> bool:
        """Whether ``name`` is the shipped file, unchanged since the build (its
        hash is the manifest's): what the build checked need not be checked again."""
        return name not in self._given and _resources.intact(FILES[name])

    def where(self, name: str) -> str:
        """How error messages name table ``name``: its file, or ``<DataFrame>``."""
        return describe(self._given.get(name), FILES[name])

    # -- memory ---------------------------------------------------------------
    def _product(self, key: str, make=None, made_from=None):
        """The kept product ``key``: made once by ``make(catalog)`` (by default
        the method ``_make_<key>``), or taken from the shipped catalog when it
        is made from none of this catalog's own tables."""
        with self._lock:
            if key not in self._kept:
                made_from = MADE_FROM[key] if made_from is None else made_from
                if self._given and not set(made_from) & self._given.keys():
                    value = shipped()._product(key, make, made_from)
                else:
                    with trust.trusting(lambda: all(map(self.intact, made_from))):
                        value = (make or getattr(Catalog, f"_make_{key}"))(self)
                self._kept[key] = value
            return self._kept[key]

    def derived(
        self, key: str, make: Callable[[Catalog], T], made_from: Iterable[str]
    ) -> T:
        """A product of the layers above, made once from this catalog's tables.

        ``make(catalog)`` is called the first time ``key`` is asked for;
        ``made_from`` names the tables (of :data:`FILES`) that go into it, so
        that a catalog of a user's tables takes it from the shipped catalog
        when none of them does. Frames are handed out as copies.
        """
        return _handed_out(self._product(key, make, tuple(made_from)))

    def _read(self, name: str) -> tuple[pd.DataFrame, str]:
        read = lambda cat: read_table(cat._given.get(name), FILES[name])  # noqa: E731
        return self._product(f"raw:{name}", read)

    def raw(self, name: str) -> pd.DataFrame:
        """Table ``name`` as read, all text, unmarked (checked in full if handed in)."""
        table = self._read(name)[0].copy()
        table.attrs.pop(SHIPPED_INTACT, None)
        return table

    def _validated(self, name: str, rules, cited=(), what=None):
        """Table ``name`` as read, validated against ``rules``, the source ids
        in its ``cited`` columns checked; and how messages name it."""
        df, where = self._read(name)
        table = validate_table(df, rules, where)
        known = self._product("source_ids") if cited else ()
        for col in cited:
            label = what or f"source id in {col!r}"
            trust.check_references(table[col], known, label, where)
        return table, where

    # -- the tables -----------------------------------------------------------
    def sources(self) -> pd.DataFrame:
        """The bibliography, indexed by ``source_id`` (see :func:`kurils.load_sources`)."""
        return _handed_out(self._product("sources"))

    def _make_sources(self) -> pd.DataFrame:
        if isinstance(self._given.get("sources"), pd.Index):
            raise TypeError("this catalog was given source ids, not a sources table")
        table, where = self._validated("sources", schema.SOURCES)
        trust.check_urls(table, ["url", "archive_url"], where, "source_id")
        return table.set_index("source_id")

    def source_ids(self) -> pd.Index:
        """The ids every ``*_source`` column may cite (an Index: immutable)."""
        return self._product("source_ids")

    def _make_source_ids(self) -> pd.Index:
        given = self._given.get("sources")
        return given if isinstance(given, pd.Index) else self._product("sources").index

    def island_table(self) -> pd.DataFrame:
        """The island attributes, no geometry (see :func:`kurils.load_island_table`)."""
        return _handed_out(self._product("island_table"))

    def _make_island_table(self) -> pd.DataFrame:
        table, where = self._validated(
            "islands",
            schema.ISLANDS,
            sorted({s for s, _ in schema.ISLANDS.facts.values()}),
        )
        trust.check_claims(table, where)
        disputed = table["status"].eq("disputed")
        trust.check_one_series(table, disputed, "population", where, "island_id")
        return table

    def island_units(self) -> pd.DataFrame:
        """Which island belongs to which unit (see :func:`kurils.load_island_units`)."""
        return _handed_out(self._product("island_units"))

    def _make_island_units(self) -> pd.DataFrame:
        links, where = self._validated(
            "island_units", schema.ISLAND_UNITS, ["source"], "source id"
        )
        ids = self._product("island_table")["island_id"]
        trust.check_references(links["island_id"], ids, "island_id", where)
        return links

    def island_polygons(self) -> gpd.GeoDataFrame:
        """The island table joined to its polygons, in table order, EPSG:4326."""
        return _handed_out(self._product("island_polygons"))

    def _make_island_polygons(self) -> gpd.GeoDataFrame:
        table = self._product("island_table")
        gdf, where = read_geometry(self._given.get("geometry"), FILES["geometry"])
        # the shipped file, unchanged since the build checked it, is valid (OGC):
        # the check (a third of load_islands()) is for anything else
        gdf = validate_geometry(gdf, where, validity=not self.intact("geometry"))
        in_table = f"island_id (not in {self.where('islands')})"
        trust.check_references(gdf["island_id"], table["island_id"], in_table, where)
        missing = sorted(set(table["island_id"]) - set(gdf["island_id"]))
        if missing:
            raise KurilsDataError(
                where, f"no geometry for island_id: {', '.join(missing)}"
            )
        geom = gdf.set_index("island_id").geometry
        out = gpd.GeoDataFrame(
            table, geometry=geom.loc[table["island_id"]].values, crs="EPSG:4326"
        )
        trust.check_anchors(out, where)
        return out

    def admin_units(self) -> pd.DataFrame:
        """The units' table, its links checked both ways (no geometry)."""
        return _handed_out(self._product("admin_units"))

    def _make_admin_units(self) -> pd.DataFrame:
        table, _ = self._validated(
            "admin_units", schema.ADMIN_UNITS, ("source", "population_source")
        )
        links, at = self._product("island_units"), self.where("island_units")
        trust.check_references(links["unit_id"], table["unit_id"], "unit_id", at)
        empty = sorted(set(table["unit_id"]) - set(links["unit_id"]))
        if empty:
            raise KurilsDataError(at, f"units without islands: {', '.join(empty)}")
        return table

    def places(self) -> gpd.GeoDataFrame:
        """Towns, villages and capes as points (see :func:`kurils.load_places`)."""
        return _handed_out(self._product("places"))

    def _make_places(self) -> gpd.GeoDataFrame:
        table, where = self._validated(
            "places", schema.PLACES, ("coord_source", "population_source")
        )
        on_island = table.loc[table["island_id"].notna(), "island_id"]
        ids = self._product("island_table")["island_id"]
        trust.check_references(on_island, ids, "island_id", where)
        trust.check_in_region(table, where)
        points = gpd.points_from_xy(table["lon"], table["lat"])
        return gpd.GeoDataFrame(table, geometry=points, crs="EPSG:4326")

    def events(self) -> pd.DataFrame:
        """The timeline, dates as ``datetime64[ns]`` (see :func:`kurils.events`)."""
        return _handed_out(self._product("events"))

    def _make_events(self) -> pd.DataFrame:
        table, where = self._validated("events", schema.EVENTS, ["source"], "source id")
        for col in schema.EVENTS.dates:  # validate_table checked them
            table[col] = as_dates(table[col])
        if not table["date"].is_monotonic_increasing:
            raise KurilsDataError(where, "events are not in date order")
        trust.check_transfers(table, self._product("island_table"), where)
        return table.reset_index(drop=True)

    def population_1945(self) -> pd.DataFrame:
        """The Japanese residents of 1945 (see :func:`kurils.load_population_1945`)."""
        return _handed_out(self._product("population_1945"))

    def _make_population_1945(self) -> pd.DataFrame:
        table, where = self._validated(
            "population_1945", schema.POPULATION_1945, ["source"], "source id"
        )
        islands = self._product("island_table")
        ids = islands["island_id"]
        trust.check_references(table["island_ids"], ids, "island_id", where, ";")
        trust.check_groups_1945(table, islands, where)
        return table

    def borders(self) -> pd.DataFrame:
        """The borders' table with the dates, source and year of their events
        (the lines themselves are drawn by :func:`kurils.load_borders`)."""
        return _handed_out(self._product("borders"))

    def _make_borders(self) -> pd.DataFrame:
        table, where = self._validated("borders", schema.BORDERS)
        timeline = self._product("events")
        for col in ("event_id", "ended_by"):
            trust.check_references(table[col], timeline["event_id"], "event_id", where)
        ev = timeline.set_index("event_id")
        table["valid_from"] = table["event_id"].map(ev["date"]).astype(DATE_DTYPE)
        table["valid_to"] = table["ended_by"].map(ev["date"]).astype(DATE_DTYPE)
        table["source"] = table["event_id"].map(ev["source"])
        table["year"] = table["event_id"].map(ev["year"])
        return table

    def scenarios(self) -> pd.DataFrame:
        """The shipped settlement scenarios' table (see :func:`kurils.scenarios`)."""
        return _handed_out(self._product("scenarios"))

    def _make_scenarios(self) -> pd.DataFrame:
        table, where = self._validated("scenarios", schema.SCENARIOS)
        unknown = sorted(set(table["source"]) - set(self._product("source_ids")))
        if unknown:
            raise KurilsDataError(where, f"unknown source id: {', '.join(unknown)}")
        return table

    def zones(self) -> gpd.GeoDataFrame:
        """The shipped scenarios' precomputed maritime zones, as read."""
        return _handed_out(self._product("zones"))

    def _make_zones(self) -> gpd.GeoDataFrame:
        return read_geometry(self._given.get("zones"), FILES["zones"])[0]

    def rocks(self) -> gpd.GeoDataFrame:
        """The rocks ``islands.gpkg`` leaves out, and the context land, as read."""
        return _handed_out(self._product("rocks"))

    def _make_rocks(self) -> gpd.GeoDataFrame:
        return read_geometry(self._given.get("rocks"), FILES["rocks"])[0]

    # -- a user's islands -----------------------------------------------------
    def user_islands(
        self, islands: gpd.GeoDataFrame, where: str = "<islands>", validity: bool = True
    ) -> gpd.GeoDataFrame:
        """A user's islands for a map, figure, zones or export, checked as this
        catalog checks its own (see :func:`kurils.domain.islands.check_user_islands`)."""
        return check_islands_frame(islands, where, validity)


@cache
def _shipped(root) -> Catalog:
    # keyed by the data folder, as the manifest is: two folders, two catalogs
    return Catalog()


def shipped() -> Catalog:
    """The process's catalog of the shipped data (made on first use).

    Examples
    --------
    >>> shipped() is shipped()
    True
    """
    return _shipped(_resources.data_root())


def catalog(**tables: PathOrFrame | pd.Index) -> Catalog:
    """The catalog of these tables: the shipped one when every table is None.

    Examples
    --------
    >>> catalog(sources=None) is shipped()
    True
    """
    given = {k: v for k, v in tables.items() if v is not None}
    return Catalog(**given) if given else shipped()
