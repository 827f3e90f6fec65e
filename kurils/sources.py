"""The bibliography: every source id that a kurils fact cites."""

from __future__ import annotations

import os

import pandas as pd

from . import _resources, schema
from .reading import read_table
from .validate import validate_table

__all__ = ["load_sources", "source_ids"]


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
        ``publisher``, ``url``, ``year``, ``accessed`` and ``licence``.

    Raises
    ------
    KurilsDataError
        If the table is missing, unreadable, or breaks :data:`kurils.schema.SOURCES`.

    Examples
    --------
    >>> sources = load_sources()
    >>> sources.loc["osm_land_polygons", "licence"]
    'ODbL 1.0'
    """
    df, where = read_table(data, _resources.SOURCES)
    return validate_table(df, schema.SOURCES, where).set_index("source_id")


def source_ids(sources: str | os.PathLike | pd.DataFrame | pd.Index | None) -> pd.Index:
    """The known source ids: from a sources argument, or an index already loaded.

    Loaders pass an index along so that one call reads the sources table once.
    """
    if isinstance(sources, pd.Index):
        return sources
    return load_sources(sources).index
