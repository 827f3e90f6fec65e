"""The bibliography: every source id that a kurils fact cites."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

import pandas as pd

from ..data import _resources
from ..data.catalog import FILES, catalog, shipped
from ..data.provenance import check_cited
from ..i18n import TITLE_SOURCES

__all__ = ["check_bibliography", "load_sources", "source_ids"]


def load_sources(data: str | os.PathLike | pd.DataFrame | None = None) -> pd.DataFrame:
    """Load the sources table that every fact's ``*_source`` column points into.

    Parameters
    ----------
    data : path or DataFrame, optional
        A user's own sources table; by default the shipped ``sources.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per source, indexed by ``source_id``, with columns ``title``,
        ``publisher``, ``url`` (the original publisher's address), ``year``,
        ``accessed``, ``licence`` and ``archive_url`` (a copy where the text was
        read, if not at ``url``).

    Raises
    ------
    KurilsDataError
        If the table is missing, unreadable, or breaks :data:`kurils.data.schema.SOURCES`;
        if a URL is not http(s) or is given twice (two ids for one document).

    Examples
    --------
    >>> sources = load_sources()
    >>> sources.loc["osm_land_polygons", "licence"]
    'ODbL 1.0'
    """
    return catalog(sources=data).sources()


def source_ids(sources: str | os.PathLike | pd.DataFrame | pd.Index | None) -> pd.Index:
    """The known source ids of a sources argument (path, frame, Index or None:
    the shipped table's), as its catalog has them."""
    return catalog(sources=sources).source_ids()


def check_bibliography(
    sources: str | os.PathLike | pd.DataFrame | None = None,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> None:
    """Raise unless every source id is cited by some table, in a column or a note.

    A source counts as cited when its id appears as a word anywhere in a citing
    table: in a ``source`` / ``*_source`` column, or in a note that names it as an
    alternative; the sources of the view titles' wording
    (:data:`kurils.i18n.TITLE_SOURCES`) count as cited too. With the defaults this checks the shipped bibliography against the
    shipped tables (:data:`kurils.data._resources.CITING_TABLES`).

    Parameters
    ----------
    sources : path or DataFrame, optional
        The bibliography; by default the shipped ``sources.csv``.
    tables : mapping of name to DataFrame, optional
        The tables that cite it; by default every shipped table.

    Raises
    ------
    KurilsDataError
        Naming the sources file and the ids that no table cites (and, through
        :func:`load_sources`, duplicate or non-http(s) URLs).

    Examples
    --------
    >>> check_bibliography()  # the shipped data: every source is cited
    """
    cat = catalog(sources=sources)
    known = cat.source_ids()
    if tables is None:
        name = {file: name for name, file in FILES.items()}
        tables = {n: shipped().raw(name[n]) for n in _resources.CITING_TABLES}
    words = {sid for ids in TITLE_SOURCES.values() for sid in ids}
    for table in tables.values():
        for column in table.columns:
            text = table[column].dropna().astype(str)
            words.update(*(re.findall(r"[A-Za-z0-9_]+", t) for t in text))
    check_cited(known, words & set(known), cat.where("sources"))
