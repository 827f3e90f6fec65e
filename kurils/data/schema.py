"""The documented schema of every kurils table: columns, types and vocabularies.

Each table is described by a :class:`TableSchema`; the validators in
:mod:`kurils.data.validate` check files and data frames against these, and the loaders
document their output with them.

The rule "every fact has a source and a year" is part of the schema: ``facts``
maps each value column to the columns that must hold its source and year whenever
the value is present.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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

#: States in the dispute, as ISO 3166-1 alpha-3 codes.
COUNTRIES = frozenset({"JPN", "RUS"})
#: ``group`` values: the two ridges of the chain, and context land.
GROUPS = frozenset({"greater_kuril", "lesser_kuril", "context"})
STATUSES = frozenset({"disputed", "undisputed"})
#: How Japan's government regards a piece of land: its own, Russia's, or of
#: undetermined status (southern Sakhalin, and Urup and the islands north of it).
JAPAN_VIEWS = frozenset({"JPN", "RUS", "undetermined"})
#: Russian districts of Sakhalin Oblast that administer the chain (``unit_id``).
RU_DISTRICTS = frozenset({"severo_kurilsky", "kurilsky", "yuzhno_kurilsky"})
#: Japanese municipalities that claim the four southern groups (``unit_id``).
JP_MUNICIPALITIES = frozenset(
    {
        "shikotan_village",
        "tomari_village",
        "ruyobetsu_village",
        "rubetsu_village",
        "shana_village",
        "shibetoro_village",
        "nemuro_city",
    }
)
#: lon/lat box every kurils geometry must fall in (swapped lon/lat fall outside).
REGION_BOUNDS = (135.0, 40.0, 160.0, 56.0)
#: The longest text (characters) one value may hold. The longest shipped value is
#: a note of about 1,200; a 1 MB name on every island made a 1.5 GB page that no
#: browser could open.
MAX_TEXT = 10_000

#: The mark (a key of ``DataFrame.attrs``) that :func:`kurils.data.reading.read_table`
#: puts on a shipped table whose bytes match the manifest's hash: the tests checked
#: that very file, so :func:`kurils.data.validate.validate_table` types it without
#: running its checks again. It never leaves validate_table, nor comes in with a
#: caller's DataFrame.
SHIPPED_INTACT = "kurils.shipped_intact"
_YEARS = (1800, 2100)  # "not in the future" is checked against today's date
_POPULATION = (0, 10_000_000)


@dataclass(frozen=True)
class TableSchema:
    """Columns, key, vocabularies and fact-source rules of one table."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    integer: tuple[str, ...] = ()
    number: tuple[str, ...] = ()
    vocab: dict[str, frozenset[str]] = field(default_factory=dict)
    #: columns holding ";"-separated lists, each item from the vocabulary
    lists: tuple[str, ...] = ()
    #: value column -> (source column, year column or None)
    facts: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: columns that must not be empty
    required: tuple[str, ...] = ()
    #: number column -> (lowest, highest) allowed value
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: columns holding dates (YYYY-MM-DD text, dates or timestamps)
    dates: tuple[str, ...] = ()

    def restricted(
        self, present, required: tuple[str, ...], read: tuple[str, ...] = ()
    ) -> TableSchema:
        """This schema for a user's frame: the ``required`` columns (never
        empty), the ``read`` ones (present, maybe empty), and those of the others
        that ``present`` holds, each with all its checks.

        Examples
        --------
        >>> s = ISLANDS.restricted(["island_id", "population", "note"], ("island_id",))
        >>> s.columns, s.integer, s.facts
        (('island_id', 'population', 'note'), ('population',), {})
        """
        wanted = {*self.key, *required, *read, *present}
        cols = tuple(c for c in self.columns if c in wanted)

        def keep(names):
            return tuple(n for n in names if n in cols)

        return replace(
            self,
            columns=cols,
            integer=keep(self.integer),
            number=keep(self.number),
            vocab={k: v for k, v in self.vocab.items() if k in cols},
            lists=keep(self.lists),
            # a fact is checked where the frame has its source column too
            facts={k: v for k, v in self.facts.items() if k in cols and v[0] in cols},
            required=required,
            ranges={k: v for k, v in self.ranges.items() if k in cols},
            dates=keep(self.dates),
        )


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
        "population": _POPULATION,
        "status_year": _YEARS,
        "area_year": _YEARS,
        "population_year": _YEARS,
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

#: Who can hold land in the history: ISO 3166 alpha-3 codes, with ``SUN`` for the
#: USSR (its ISO 3166-1 code until 1992) and ``JOINT`` for Sakhalin 1855-1875,
#: left undivided ("mixed residence") by the Treaty of Shimoda.
HOLDERS_HISTORY = frozenset({"JPN", "RUS", "SUN", "JOINT"})

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
    ranges={"people": _POPULATION, "households": _POPULATION, "year": (1945, 1945)},
)

# The frames the loaders return, as the map's layer builders read them: a user
# may hand in their own, checked the same way (kurils.data.validate.validate_frame).

#: :func:`kurils.load_admin_units`: the table plus its islands and area.
ADMIN_UNITS_LOADED = replace(
    ADMIN_UNITS,
    columns=(*ADMIN_UNITS.columns, "island_ids", "area_km2"),
    number=("area_km2",),
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
