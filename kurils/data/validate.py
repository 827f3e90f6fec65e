"""Checks that turn bad data into one clear :class:`~kurils.errors.KurilsDataError`.

Every loader runs these on shipped and user data alike, so a user's own file or
table gets the same checks and the same error messages as the shipped one.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd

from ..errors import KurilsDataError
from .numbers import _numbers, _typed
from .rows import _listing, _rows
from .schema import MAX_TEXT, TableSchema
from .vocabulary import SHIPPED_INTACT

__all__ = [
    "DATE_DTYPE",
    "as_dates",
    "check_references",
    "validate_frame",
    "validate_table",
]

#: The dtype of every date column kurils returns (1677 to 2262 fits the history).
DATE_DTYPE = "datetime64[ns]"


def _is_text_dtype(dtype) -> bool:
    return pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)


def _is_text(series: pd.Series) -> bool:
    return _is_text_dtype(series.dtype)


def _blank_to_na(series: pd.Series) -> pd.Series:
    """Empty or whitespace-only text becomes a missing value."""
    if not _is_text(series):
        return series
    text = series.to_numpy(dtype=object)
    blank = np.fromiter(
        (isinstance(v, str) and not v.strip() for v in text), bool, len(text)
    )
    return series.mask(blank) if blank.any() else series


def _blanks_to_na(frame: pd.DataFrame, columns) -> None:
    """:func:`_blank_to_na` of each of ``columns``, in place: the blanks of all
    the text columns found in one pass, and only columns with one rewritten."""
    dtypes = frame.dtypes
    text = [c for c in columns if _is_text_dtype(dtypes[c])]
    if not text:
        return
    values = frame[text].to_numpy(dtype=object).ravel()
    blank = np.fromiter(
        (isinstance(v, str) and not v.strip() for v in values), bool, len(values)
    ).reshape(len(frame), len(text))
    for j in np.flatnonzero(blank.any(axis=0)):
        frame[text[j]] = frame[text[j]].mask(blank[:, j])


def _missing(series: pd.Series) -> pd.Series:
    return _blank_to_na(series).isna()


def validate_table(df: pd.DataFrame, schema: TableSchema, source: str) -> pd.DataFrame:
    """Check ``df`` against ``schema`` and return it with typed columns.

    Parameters
    ----------
    df : pandas.DataFrame
        The table, as read (all columns text).
    schema : kurils.data.schema.TableSchema
    source : str
        File name or description, used in error messages.

    Returns
    -------
    pandas.DataFrame
        A copy with empty strings as missing values, integer columns as ``Int64``
        and number columns as ``float64``; extra columns are kept.

    Raises
    ------
    KurilsDataError
        For missing columns, empty required values, duplicate keys, values that are
        not numbers, values outside the vocabulary, and facts without source/year.

    Examples
    --------
    >>> import pandas as pd
    >>> from kurils.data.schema import SOURCES
    >>> bad = pd.DataFrame({"source_id": ["a"], "title": ["A"]})
    >>> validate_table(bad, SOURCES, "mine.csv")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: mine.csv: missing columns: publisher, url, year, accessed, licence, archive_url
    """
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise KurilsDataError(source, f"missing columns: {', '.join(missing)}")
    if df.empty:
        raise KurilsDataError(source, "no rows")
    out = df.copy()
    dtypes = out.dtypes
    for col in schema.columns:  # a category's values, as plain values
        if isinstance(dtypes[col], pd.CategoricalDtype):
            out[col] = out[col].astype(object)
    # the shipped file the tests checked (read_table's mark): typed, not re-checked
    trusted = out.attrs.pop(SHIPPED_INTACT, None) is True
    _blanks_to_na(out, schema.columns)
    if not trusted:
        _check_text(out, schema, source)
    # From here on, a missing value is simply NA.
    for col in schema.required:
        if out[col].isna().any():
            raise KurilsDataError(
                source,
                f"column {col!r} is empty on {_rows(out, out[col].isna(), schema)}",
            )
    if not trusted:
        _check_keys(out, schema, source)
    for col in (*schema.integer, *schema.number):
        if trusted:  # the checks' result is known: only the conversion remains
            out[col] = _typed(out[col], col in schema.integer)
        else:
            out[col] = _numbers(out, col, schema, source)
    if not trusted:
        _check_values(out, schema, source)
    return out


def _check_values(out: pd.DataFrame, schema: TableSchema, source: str) -> None:
    """Dates are dates, values in their vocabulary, facts with source and year."""
    for col in schema.dates:
        bad = out[col].notna() & ~out[col].map(_is_date)
        if bad.any():
            raise KurilsDataError(
                source,
                f"column {col!r} has values that are not dates (YYYY-MM-DD): "
                f"{_listing(out.loc[bad, col])} ({_rows(out, bad, schema)})",
            )
    for col, allowed in schema.vocab.items():
        items = out[col].dropna().astype(str)
        if col in schema.lists:
            items = items.str.split(";").explode()
        outside = items[~items.isin(allowed)]
        if len(outside):
            rows = out.index.isin(outside.index)
            raise KurilsDataError(
                source,
                f"column {col!r} has values outside {sorted(allowed)}: "
                f"{_listing(sorted(set(outside)))} ({_rows(out, rows, schema)})",
            )
    for value_col, (source_col, year_col) in schema.facts.items():
        present = out[value_col].notna()
        for col in (source_col, year_col):
            if col is None:
                continue
            lacking = present & (out[col].isna() if col in out else True)
            if lacking.any():
                raise KurilsDataError(
                    source,
                    f"{value_col!r} given without {col!r} for: "
                    f"{_listing(out.loc[lacking, schema.key[0]])} ({_rows(out, lacking)})",
                )


def _check_text(out: pd.DataFrame, schema: TableSchema, source: str) -> None:
    """No value longer than :data:`kurils.data.schema.MAX_TEXT` characters
    (every text column's values looked at in one pass)."""
    text = [c for c, dtype in out.dtypes.items() if _is_text_dtype(dtype)]
    values = out[text].to_numpy(dtype=object)
    long = np.fromiter(
        (isinstance(v, str) and len(v) > MAX_TEXT for v in values.ravel()),
        bool,
        values.size,
    ).reshape(values.shape)
    for j in np.flatnonzero(long.any(axis=0))[:1]:  # the first, as column by column
        raise KurilsDataError(
            source,
            f"column {text[j]!r} has text longer than {MAX_TEXT:,} characters "
            f"({_rows(out, long[:, j], schema)})",
        )


def _check_keys(out: pd.DataFrame, schema: TableSchema, source: str) -> None:
    """Keys are unique and carry no surrounding white space (" iturup" is not
    "iturup": a typo that would only show up as an unknown id elsewhere)."""
    for col in schema.key:
        text = out[col].astype(str)
        padded = out[col].notna() & (text != text.str.strip())
        if padded.any():
            raise KurilsDataError(
                source,
                f"column {col!r} has values with leading or trailing spaces: "
                f"{_listing(map(repr, out.loc[padded, col]))} ({_rows(out, padded)})",
            )
    dup = out[list(schema.key)].duplicated(keep=False)
    if dup.any():
        keys = _listing(
            sorted(
                {
                    "/".join(map(str, k))
                    for k in out.loc[dup, list(schema.key)].itertuples(index=False)
                }
            )
        )
        raise KurilsDataError(source, f"duplicate {'/'.join(schema.key)}: {keys}")


def _is_date(value) -> bool:
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value is not pd.NaT
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def as_dates(values: pd.Series) -> pd.Series:
    """A checked column of dates (ISO text, dates, Timestamps) as :data:`DATE_DTYPE`,
    midnight of each day, ``NaT`` where there is none.

    Examples
    --------
    >>> as_dates(pd.Series(["1855-02-07", None])).tolist()
    [Timestamp('1855-02-07 00:00:00'), NaT]
    """
    days = [pd.Timestamp(v).normalize() if pd.notna(v) else pd.NaT for v in values]
    return pd.Series(pd.to_datetime(days), index=values.index).astype(DATE_DTYPE)


def validate_frame(
    frame: pd.DataFrame,
    schema: TableSchema,
    where: str,
    required: tuple[str, ...],
    read: tuple[str, ...] = (),
    index: str | None = None,
) -> pd.DataFrame:
    """A frame handed to a map or figure builder, checked as a file would be.

    The ``required`` columns must be there and never empty, the ``read`` ones
    there; every column of ``schema`` that the frame has gets its checks.

    Parameters
    ----------
    frame : DataFrame or GeoDataFrame
    schema : kurils.data.schema.TableSchema
    where : str
        How error messages name the frame, e.g. ``"<borders>"``.
    required, read : tuple of str
    index : str, optional
        The column the frame is indexed by (``sources`` by ``source_id``); by
        default the index is dropped (a user's index never reaches a page).

    Returns
    -------
    DataFrame or GeoDataFrame
        A checked, typed copy, with a fresh index or indexed by ``index``.

    Examples
    --------
    >>> import pandas as pd
    >>> from kurils.data.schema import SOURCES
    >>> sources = pd.DataFrame({"title": ["A"], "year": ["soon"]},
    ...                        index=pd.Index(["a"], name="source_id"))
    >>> validate_frame(sources, SOURCES, "<sources>", ("source_id",), index="source_id")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: <sources>: column 'year' has non-numeric values: soon (row 1: a)
    """
    if not isinstance(frame, pd.DataFrame):
        raise KurilsDataError(
            where, f"expected a DataFrame, not {type(frame).__name__}"
        )
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    table = pd.DataFrame(frame.drop(columns=geometry) if geometry else frame)
    table = table.reset_index(drop=index is None)
    rules = schema.restricted(table.columns, required, read)
    checked = validate_table(table, rules, where)
    if index is not None:
        checked = checked.set_index(index)
    if geometry is None:
        return checked
    if frame.crs is None:
        raise KurilsDataError(where, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    return gpd.GeoDataFrame(checked, geometry=frame.geometry.values, crs=frame.crs)


def check_references(
    values: pd.Series, known, what: str, source: str, sep: str | None = None
) -> None:
    """Raise unless every non-empty value (or ``sep``-separated item) is ``known``.

    Examples
    --------
    >>> import pandas as pd
    >>> check_references(pd.Series(["iturup", "atlantis"]), {"iturup"}, "island_id", "t.csv")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: t.csv: unknown island_id: atlantis
    """
    items = values.dropna()
    if sep:
        items = items.str.split(sep).explode().str.strip()
    unknown = sorted(set(items) - set(known))
    if unknown:
        raise KurilsDataError(source, f"unknown {what}: {_listing(unknown)}")
