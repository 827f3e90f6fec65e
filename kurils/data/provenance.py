"""Facts have sources: checks of the bibliography and of where a figure comes from.

A source's URL is the original publisher's (http or https, given once: a mirror
goes in ``archive_url``); every source is cited by some table; and the
populations of the disputed islands come from one series, or say why not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import KurilsDataError
from .validate import _blank_to_na, _listing

__all__ = ["check_cited", "check_one_series", "check_urls"]


def check_urls(table: pd.DataFrame, columns, source: str, key: str) -> None:
    """Raise unless every URL is http(s) with a host, and no URL is given twice.

    A URL given twice means two ids for one document (merge them); a URL that is
    not http(s), or whose host ends in a dot, cannot be followed the same way by
    every reader. Empty values are left to the schema's ``required`` rule.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"id": ["a", "b"], "url": ["https://x.org/1", "ftp://x.org/1"]})
    >>> check_urls(t, ["url"], "s.csv", "id")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: s.csv: column 'url' is not an http(s) URL for: b
    """
    for col in columns:
        text = _blank_to_na(table[col])
        parts = text.dropna().str.extract(r"^https?://([^/?#\s]+)", expand=False)
        bad = parts.isna() | parts.str.endswith(".")
        if bad.any():
            ids = _listing(table.loc[bad[bad].index, key])
            raise KurilsDataError(
                source, f"column {col!r} is not an http(s) URL for: {ids}"
            )
    urls = pd.concat([_blank_to_na(table[c]) for c in columns]).dropna()
    repeated = sorted(set(urls[urls.duplicated()]))
    if repeated:
        raise KurilsDataError(source, f"URL given more than once: {_listing(repeated)}")


def check_cited(known, cited, source: str) -> None:
    """Raise if a source id is cited by no table: a bibliography lists what is used.

    Examples
    --------
    >>> check_cited(["mofa", "blog"], {"mofa"}, "sources.csv")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: sources.csv: source ids cited by no table: blog
    """
    uncited = sorted(set(known) - set(cited))
    if uncited:
        raise KurilsDataError(
            source, f"source ids cited by no table: {_listing(uncited)}"
        )


def check_one_series(
    table: pd.DataFrame, rows: pd.Series, value: str, source: str, key: str
) -> None:
    """Raise if the ``rows`` give ``value`` from more than one series, unexplained.

    A series is one (``{value}_source``, ``{value}_year``) pair. Rows may differ from
    the series most rows use only if their ``note`` names their own source id next
    to the word "series", saying why (for example, that the main series has no
    figure for them). Figures from different sources or years are otherwise not
    comparable, and a map or table that sets them side by side misleads.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"id": ["a", "b", "c"], "population": [10, 20, 5],
    ...     "population_source": ["rosstat", "rosstat", "wiki"],
    ...     "population_year": [2021, 2021, 2018], "note": ["", "", ""]})
    >>> check_one_series(t, t["id"] != "", "population", "t.csv", "id")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: t.csv: 'population' of c is from another series than rosstat 2021 (a note on the row must name wiki and say why: 'series')
    """
    src, year = f"{value}_source", f"{value}_year"
    given = table[rows & table[value].notna()]
    if given.empty:
        return
    series = given[src].astype(str) + " " + given[year].astype(str)
    main = series.value_counts().index[0]
    notes = given["note"].fillna("").astype(str)
    explained = [
        "series" in note and sid in note
        for note, sid in zip(notes, given[src].astype(str), strict=True)
    ]
    odd = given[(series != main).to_numpy() & ~np.array(explained, dtype=bool)]
    if len(odd):
        raise KurilsDataError(
            source,
            f"{value!r} of {_listing(odd[key])} is from another series than {main} "
            f"(a note on the row must name {_listing(sorted(set(odd[src])))} "
            "and say why: 'series')",
        )
