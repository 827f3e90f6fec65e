"""The number columns of a table: checked and typed.

A number is a number only if it is one (not text, not a bool), finite, within
the schema's range (a year not in the future) and, in an integer column, whole;
a column is converted only once all its values are known to fit.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..errors import KurilsDataError
from .rows import _listing, _rows
from .schema import TableSchema

__all__: list[str] = []


def _as_float(value) -> float | None:
    """A number as a float (NaN for a missing value), None for anything else."""
    if value is None or value is pd.NA or value is pd.NaT:
        return np.nan
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (float, np.floating)):
        return float(value)  # NaN: a missing number
    try:
        number = float(value)
    except OverflowError:
        return np.inf  # an int too large for a float: out of any range
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number  # "nan" as text is no number


def _typed(raw: pd.Series, integer: bool) -> pd.Series:
    """The number column ``raw`` converted as :func:`_numbers` converts it, for a
    table known to pass its checks (a shipped file the tests checked)."""
    values = pd.Series([_as_float(v) for v in raw], index=raw.index, dtype=float)
    return values.astype("Int64") if integer else values


def _numbers(
    out: pd.DataFrame, col: str, schema: TableSchema, source: str
) -> pd.Series:
    """The number column ``col`` checked and typed: numbers only, whole numbers
    for integer columns, finite and within the schema's range (years not in the
    future); converted only once it is known to fit."""
    raw = out[col]
    floats = [_as_float(v) for v in raw]  # not Series.map: it turns None to NaN
    # checked on numpy arrays: a table of a user's has these on every number column
    bad = np.array([v is None for v in floats], bool)
    if bad.any():
        raise KurilsDataError(
            source,
            f"column {col!r} has non-numeric values: {_listing(raw[bad])} "
            f"({_rows(out, bad, schema)})",
        )
    values = np.array(floats, float)
    lo, hi = schema.ranges.get(col, (-np.inf, np.inf))
    if col.endswith("year"):
        hi = min(hi, dt.date.today().year)  # a fact cannot refer to the future
    present = ~np.isnan(values)
    with np.errstate(invalid="ignore"):
        outside = present & ~(np.isfinite(values) & (values >= lo) & (values <= hi))
    if outside.any():
        raise KurilsDataError(
            source,
            f"column {col!r} has values outside {lo:g}..{hi:g}: "
            f"{_listing(raw[outside])} ({_rows(out, outside, schema)})",
        )
    typed = pd.Series(values, index=raw.index, dtype=float)
    if col in schema.integer:
        fractional = present & (values % 1 != 0)
        if fractional.any():
            raise KurilsDataError(
                source,
                f"column {col!r} must hold whole numbers, not: "
                f"{_listing(raw[fractional])} ({_rows(out, fractional, schema)})",
            )
        return typed.astype("Int64")
    return typed
