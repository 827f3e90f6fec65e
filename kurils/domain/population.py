"""The Japanese population of the four groups in 1945, before the Soviet occupation."""

from __future__ import annotations

import os

import pandas as pd

from ..data import _resources, schema
from ..data.reading import read_table
from ..data.validate import check_references, validate_table
from ..errors import KurilsDataError
from .islands import load_island_table
from .sources import source_ids

__all__ = ["load_population_1945"]

PathOrFrame = str | os.PathLike | pd.DataFrame | None


def load_population_1945(
    data: PathOrFrame = None, sources: PathOrFrame | pd.Index = None
) -> pd.DataFrame:
    """Load the Japanese residents of Iturup, Kunashir, Shikotan and the Habomai.

    One row per group: people and households on 15 August 1945, as counted by the
    Chishima and Habomai Islands Residents' Association and published by Japan's
    Cabinet Office and Ministry of Foreign Affairs (the row's ``source``).

    Parameters
    ----------
    data : path or DataFrame, optional
        A user's own table; by default the shipped ``population_1945.csv``.
    sources : path, DataFrame or Index, optional
        The sources table that ``source`` cites.

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`kurils.data.schema.POPULATION_1945`; ``island_ids`` is a
        ``;``-separated list of ``island_id`` values of :func:`kurils.load_islands`.

    Raises
    ------
    KurilsDataError
        For a bad table, an unknown source or island id, or groups that do not
        cover each disputed island exactly once.

    Examples
    --------
    >>> pop = load_population_1945()
    >>> pop.set_index("group_id").loc["habomai", ["people", "households"]].tolist()
    [5281, 852]
    >>> int(pop["people"].sum()), int(pop["households"].sum())
    (17291, 3124)
    """
    df, where = read_table(data, _resources.POPULATION_1945)
    table = validate_table(df, schema.POPULATION_1945, where)
    known = source_ids(sources)
    check_references(table["source"], known, "source id", where)
    islands = load_island_table(sources=known)
    check_references(table["island_ids"], islands["island_id"], "island_id", where, ";")
    listed = table["island_ids"].str.split(";").explode().str.strip()
    disputed = islands.loc[islands["status"].eq("disputed"), "island_id"]
    twice = sorted(set(listed[listed.duplicated()]))
    missing = sorted(set(disputed) - set(listed))
    extra = sorted(set(listed) - set(disputed))
    if twice or missing or extra:
        raise KurilsDataError(
            where,
            "island_ids must list each disputed island exactly once: "
            f"twice {twice or '-'}, missing {missing or '-'}, not disputed {extra or '-'}",
        )
    return table
