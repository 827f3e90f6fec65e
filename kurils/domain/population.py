"""The Japanese population of the four groups in 1945, before the Soviet occupation."""

from __future__ import annotations

import os

import pandas as pd

from ..data.catalog import catalog

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
    return catalog(population_1945=data, sources=sources).population_1945()
