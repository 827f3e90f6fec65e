"""The words and ranges kurils' tables may use: states, groups, statuses,
units, holders, the region's bounds and the limits on values.

Declared once here; :mod:`kurils.data.schema` builds every table's rules from them.
"""

from __future__ import annotations

__all__ = [
    "COUNTRIES",
    "GROUPS",
    "HOLDERS_HISTORY",
    "JAPAN_VIEWS",
    "JP_MUNICIPALITIES",
    "MAX_TEXT",
    "POPULATION",
    "REGION_BOUNDS",
    "RU_DISTRICTS",
    "STATUSES",
    "YEARS",
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
#: The years a fact may refer to (a year in the future is refused against today's
#: date), and the range of a population count.
YEARS = (1800, 2100)
POPULATION = (0, 10_000_000)

#: Who can hold land in the history: ISO 3166 alpha-3 codes, with ``SUN`` for the
#: USSR (its ISO 3166-1 code until 1992) and ``JOINT`` for Sakhalin 1855-1875,
#: left undivided ("mixed residence") by the Treaty of Shimoda.
HOLDERS_HISTORY = frozenset({"JPN", "RUS", "SUN", "JOINT"})
