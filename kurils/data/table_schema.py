"""What a table's rules are: :class:`TableSchema` (columns, key, types,
vocabularies, the source and year of each fact), and its restriction to a
user's frame. Every table's own rules are in :mod:`kurils.data.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["TableSchema"]


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
        >>> from kurils.data.schema import ISLANDS
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
