"""The one exception type kurils raises for bad data."""

from __future__ import annotations

import os

__all__ = ["KurilsDataError"]


class KurilsDataError(ValueError):
    """Data that kurils cannot use: a missing, corrupt or invalid file or table.

    Raised by every loader and validator for bad input: a missing or corrupt file,
    a wrong or missing CRS, invalid or empty geometry, coordinates outside the
    region (often swapped longitude and latitude), duplicate or unknown
    ``island_id`` values, missing columns, values outside the allowed vocabulary,
    and facts without a source or year.

    Parameters
    ----------
    source : str or os.PathLike
        The file (or a description such as ``"<GeoDataFrame>"``) that is wrong.
    problem : str
        What is wrong with it, in one sentence.

    Attributes
    ----------
    source : str
    problem : str

    Examples
    --------
    >>> err = KurilsDataError("islands.csv", "missing columns: name_ja")
    >>> str(err)
    'islands.csv: missing columns: name_ja'
    >>> isinstance(err, ValueError)
    True
    """

    def __init__(self, source: str | os.PathLike, problem: str) -> None:
        self.source = os.fspath(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")
