"""The schemas of the timeline: the events (``events.csv``), the borders they
drew (``borders.csv``, and as :func:`kurils.load_borders` returns them), the
periods of holding replayed from them (:func:`kurils.holdings`), and the
settlement scenarios that would change them (``scenarios.csv``). Re-exported by
:mod:`kurils.data.schema`, with every other table's.
"""

from __future__ import annotations

from dataclasses import replace

from .table_schema import TableSchema
from .vocabulary import COUNTRIES, HOLDERS_HISTORY

__all__ = ["BORDERS", "BORDERS_LOADED", "EVENTS", "PERIODS", "SCENARIOS"]

EVENTS = TableSchema(
    name="events",
    columns=(
        "event_id",
        "date",
        "effective_date",
        "kind",
        "title_en",
        "title_ru",
        "title_ja",
        "summary_en",
        "place_en",
        "place_lon",
        "place_lat",
        "transfers",
        "source",
        "year",
        "note",
    ),
    key=("event_id",),
    integer=("year",),
    number=("place_lon", "place_lat"),
    dates=("date", "effective_date"),
    vocab={
        "kind": frozenset(
            {
                "treaty",
                "declaration",
                "occupation",
                "decree",
                "summit",
                "statement",
                "other",
            }
        )
    },
    facts={"title_en": ("source", "year"), "transfers": ("source", "year")},
    required=("event_id", "date", "kind", "title_en", "source", "year"),
)


BORDERS = TableSchema(
    name="borders",
    columns=(
        "border_id",
        "name_en",
        "name_ru",
        "name_ja",
        "kind",
        "event_id",
        "ended_by",
        "side_a",
        "side_b",
        "min_lon",
        "min_lat",
        "max_lon",
        "max_lat",
        "note",
    ),
    key=("border_id",),
    number=("min_lon", "min_lat", "max_lon", "max_lat"),
    vocab={"kind": frozenset({"treaty_border", "line_of_control", "proposed"})},
    # a border's source and year are those of the event that drew it
    facts={"name_en": ("event_id", None)},
    required=(
        "border_id",
        "name_en",
        "kind",
        "event_id",
        "side_a",
        "side_b",
        "min_lon",
        "min_lat",
        "max_lon",
        "max_lat",
    ),
)

#: :func:`kurils.load_borders`: the table plus the dates, source and year of the
#: events that drew and ended each line.
BORDERS_LOADED = replace(
    BORDERS,
    columns=(*BORDERS.columns, "valid_from", "valid_to", "source", "year"),
    integer=("year",),
    dates=("valid_from", "valid_to"),
)

#: :func:`kurils.holdings`: who held each island from when, by which event.
PERIODS = TableSchema(
    name="periods",
    columns=(
        "island_id",
        "held_by",
        "since",
        "until",
        "basis",
        "basis_title",
        "source",
        "year",
    ),
    key=("island_id", "since"),
    integer=("year",),
    vocab={"held_by": HOLDERS_HISTORY},
    required=("island_id", "held_by", "since"),
    dates=("since", "until"),
)

#: Settlement scenarios (``scenarios.csv``): ``holders`` is ``TARGET>HOLDER`` items
#: as in ``events.csv`` (``four_groups``, ``lesser_kuril`` or an ``island_id``);
#: ``cut_line`` is a WKT LINESTRING (lon/lat) or ``equal_land`` (computed).
SCENARIOS = TableSchema(
    name="scenarios",
    columns=(
        "scenario_id",
        "title_en",
        "title_ru",
        "title_ja",
        "description",
        "holders",
        "cut_island",
        "cut_line",
        "cut_left",
        "cut_right",
        "source",
        "year",
        "note",
    ),
    key=("scenario_id",),
    integer=("year",),
    vocab={"cut_left": COUNTRIES, "cut_right": COUNTRIES},
    facts={"title_en": ("source", "year")},
    required=("scenario_id", "title_en", "description", "holders", "source", "year"),
)
