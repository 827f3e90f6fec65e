"""The documented schema of every kurils table: columns, types and vocabularies.

Each table is a :class:`TableSchema` (:mod:`.table_schema`) built from the words
and ranges of :mod:`.vocabulary`; the timeline's tables (events, borders, periods,
scenarios) are in :mod:`.timeline_schema`; all are re-exported here.
:mod:`kurils.data.validate` checks files and frames against them, and the
loaders document their output so.

The rule "every fact has a source and a year" is part of the schema: ``facts``
maps each value column to the columns that must hold its source and year whenever
the value is present.
"""

from __future__ import annotations

from dataclasses import replace

from .table_schema import TableSchema
from .timeline_schema import BORDERS, BORDERS_LOADED, EVENTS, PERIODS, SCENARIOS
from .vocabulary import (
    COUNTRIES,
    GROUPS,
    HOLDERS_HISTORY,
    JAPAN_VIEWS,
    JP_MUNICIPALITIES,
    MAX_TEXT,
    POPULATION,
    REGION_BOUNDS,
    RU_DISTRICTS,
    STATUSES,
    YEARS,
)

__all__ = [
    "ADMIN_UNITS",
    "ADMIN_UNITS_LOADED",
    "BORDERS",
    "BORDERS_LOADED",
    "COUNTRIES",
    "EVENTS",
    "GROUPS",
    "HOLDERS_HISTORY",
    "ISLANDS",
    "ISLANDS_DERIVED",
    "ISLAND_UNITS",
    "JAPAN_VIEWS",
    "JP_MUNICIPALITIES",
    "MAP_ISLANDS_REQUIRED",
    "MAX_TEXT",
    "PERIODS",
    "PLACES",
    "POPULATION_1945",
    "REGION_BOUNDS",
    "RU_DISTRICTS",
    "SCENARIOS",
    "SOURCES",
    "STATUSES",
    "TableSchema",
]

ISLANDS = TableSchema(
    name="islands",
    columns=(
        "island_id",
        "name_en",
        "name_ru",
        "name_ja",
        "name_ja_romaji",
        "alt_names",
        "group",
        "administered_by",
        "claimed_by",
        "status",
        "japan_view",
        "anchor_lon",
        "anchor_lat",
        "anchor_source",
        "anchor_what",
        "names_source",
        "status_source",
        "status_year",
        "japan_view_source",
        "area_km2_quoted",
        "area_year",
        "area_source",
        "population",
        "population_year",
        "population_source",
        "note",
    ),
    key=("island_id",),
    integer=("status_year", "area_year", "population", "population_year"),
    number=("anchor_lon", "anchor_lat", "area_km2_quoted"),
    vocab={
        "group": GROUPS,
        "administered_by": COUNTRIES,
        "claimed_by": COUNTRIES,
        "status": STATUSES,
        "japan_view": JAPAN_VIEWS,
    },
    lists=("claimed_by",),
    facts={
        "name_en": ("names_source", None),
        "anchor_lon": ("anchor_source", None),
        "status": ("status_source", "status_year"),
        "administered_by": ("status_source", "status_year"),
        "claimed_by": ("status_source", "status_year"),
        "japan_view": ("japan_view_source", "status_year"),
        "area_km2_quoted": ("area_source", "area_year"),
        "population": ("population_source", "population_year"),
    },
    ranges={
        "anchor_lon": (REGION_BOUNDS[0], REGION_BOUNDS[2]),
        "anchor_lat": (REGION_BOUNDS[1], REGION_BOUNDS[3]),
        "area_km2_quoted": (1e-6, 100_000),
        "population": POPULATION,
        "status_year": YEARS,
        "area_year": YEARS,
        "population_year": YEARS,
    },
    required=(
        "island_id",
        "name_en",
        "name_ru",
        "group",
        "administered_by",
        "claimed_by",
        "status",
        "japan_view",
        "anchor_lon",
        "anchor_lat",
    ),
)

#: What a user's islands must have for a map or a figure (the rest is optional).
MAP_ISLANDS_REQUIRED = (
    "island_id",
    "name_en",
    "group",
    "administered_by",
    "claimed_by",
    "status",
)

#: Columns :func:`kurils.load_islands` adds to :data:`ISLANDS`: the units each island
#: belongs to (from ``island_units.csv``) and the area computed from the geometry.
ISLANDS_DERIVED = ("ru_district", "jp_municipality", "area_km2")

ADMIN_UNITS = TableSchema(
    name="admin_units",
    columns=(
        "unit_id",
        "country",
        "kind",
        "name_en",
        "name_ru",
        "name_ja",
        "name_ja_romaji",
        "parent",
        "centre",
        "role",
        "population",
        "population_year",
        "population_source",
        "source",
        "year",
        "note",
    ),
    key=("unit_id",),
    integer=("population", "population_year", "year"),
    vocab={
        "unit_id": RU_DISTRICTS | JP_MUNICIPALITIES,
        "country": COUNTRIES,
        "role": frozenset({"administering", "claimed"}),
    },
    facts={
        "name_en": ("source", "year"),
        "population": ("population_source", "population_year"),
    },
    required=("unit_id", "country", "kind", "name_en", "role"),
)

ISLAND_UNITS = TableSchema(
    name="island_units",
    columns=("island_id", "unit_id", "source", "year", "note"),
    key=("island_id", "unit_id"),
    integer=("year",),
    vocab={"unit_id": RU_DISTRICTS | JP_MUNICIPALITIES},
    facts={"unit_id": ("source", "year")},
    required=("island_id", "unit_id"),
)

PLACES = TableSchema(
    name="places",
    columns=(
        "place_id",
        "name_en",
        "name_ru",
        "name_ja",
        "name_ja_romaji",
        "kind",
        "island_id",
        "lon",
        "lat",
        "population",
        "population_year",
        "population_source",
        "coord_source",
        "note",
    ),
    key=("place_id",),
    integer=("population", "population_year"),
    number=("lon", "lat"),
    facts={
        "lon": ("coord_source", None),
        "population": ("population_source", "population_year"),
    },
    required=("place_id", "name_en", "kind", "lon", "lat"),
)

SOURCES = TableSchema(
    name="sources",
    columns=(
        "source_id",
        "title",
        "publisher",
        "url",
        "year",
        "accessed",
        "licence",
        "archive_url",
    ),
    key=("source_id",),
    integer=("year",),
    required=("source_id", "title", "url"),
)

#: The Japanese residents of the four groups on 15 August 1945, one row per group.
POPULATION_1945 = TableSchema(
    name="population_1945",
    columns=(
        "group_id",
        "name_en",
        "name_ru",
        "name_ja",
        "island_ids",
        "people",
        "households",
        "source",
        "year",
        "note",
    ),
    key=("group_id",),
    integer=("people", "households", "year"),
    vocab={"group_id": frozenset({"iturup", "kunashir", "shikotan", "habomai"})},
    facts={"people": ("source", "year"), "households": ("source", "year")},
    required=("group_id", "island_ids", "people", "households", "source", "year"),
    ranges={"people": POPULATION, "households": POPULATION, "year": (1945, 1945)},
)

# The frames the loaders return, as the map's layer builders read them: a user
# may hand in their own, checked the same way (kurils.data.validate.validate_frame).

#: :func:`kurils.load_admin_units`: the table plus its islands and area.
ADMIN_UNITS_LOADED = replace(
    ADMIN_UNITS,
    columns=(*ADMIN_UNITS.columns, "island_ids", "area_km2"),
    number=("area_km2",),
)
