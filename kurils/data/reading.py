"""Read geometry files and attribute tables, turning every failure into one error.

A "data argument" throughout kurils is one of: ``None`` (the shipped file), a path
to a user's file, or an in-memory (Geo)DataFrame. These helpers resolve all three.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..errors import KurilsDataError
from . import _resources
from .gpkg import read_gpkg
from .vocabulary import SHIPPED_INTACT

__all__ = ["describe", "read_geometry", "read_table"]

PathLike = str | os.PathLike


def describe(data, shipped: str) -> str:
    if data is None:
        return f"kurils/geodata/{shipped}"
    if isinstance(data, (str, os.PathLike)):
        return os.fspath(data)
    return f"<{type(data).__name__}>"


def read_table(
    data: PathLike | pd.DataFrame | None, shipped: str
) -> tuple[pd.DataFrame, str]:
    """Read a CSV table (all columns as text) and say where it came from.

    Parameters
    ----------
    data : path, DataFrame or None
        A user's CSV file or DataFrame; None reads the shipped ``shipped`` file.
    shipped : str
        Name of the shipped file under ``geodata/``.

    Returns
    -------
    (pandas.DataFrame, str)
        The table and its description for error messages.
    """
    source = describe(data, shipped)
    if isinstance(data, pd.DataFrame):
        df = data.copy()
        df.attrs.pop(SHIPPED_INTACT, None)  # only the shipped file is trusted
        return df, source
    if data is not None and not isinstance(data, (str, os.PathLike)):
        raise KurilsDataError(source, "expected a file path or a DataFrame")
    try:
        if data is None:
            raw = _resources.shipped(shipped).read_bytes()
        else:
            raw = Path(data).read_bytes()
        text = raw.decode("utf-8-sig")
        if "\x00" in text:
            raise ValueError("contains NUL bytes; not a CSV text file")
        _check_records(text, source)
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        if data is None:
            entry = _resources.manifest().get(shipped)
            if entry is not None and _resources.sha256(raw) == entry["sha256"]:
                df.attrs[SHIPPED_INTACT] = True
    except KurilsDataError:
        raise
    except FileNotFoundError:
        raise KurilsDataError(source, "file not found") from None
    except (
        OSError,
        UnicodeDecodeError,
        ValueError,
        csv.Error,
        pd.errors.ParserError,
    ) as e:
        raise KurilsDataError(source, f"cannot read as UTF-8 CSV: {e}") from e
    return df, source


def _check_records(text: str, source: str) -> None:
    """Every record has the header's number of fields and fits on one line.

    A stray or unclosed quote shifts or swallows fields; pandas pads a short
    record with empty values, which would be reported as an empty column.
    """
    records = csv.reader(io.StringIO(text))
    header = next(records, [])
    for number, fields in enumerate(records, start=1):
        if any("\n" in f or "\r" in f for f in fields):
            problem = "a value spans lines"
        elif fields and len(fields) != len(header):
            problem = f"{len(fields)} fields where the header has {len(header)}"
        else:
            continue
        raise KurilsDataError(
            source, f'row {number}: {problem}: an unclosed or stray quote (")?'
        )


def read_geometry(
    data: PathLike | gpd.GeoDataFrame | None, shipped: str
) -> tuple[gpd.GeoDataFrame, str]:
    """Read a vector file (GeoJSON, GeoPackage, ...) into a GeoDataFrame.

    Null geometries are kept (pyogrio only warns about unreadable ones), so that
    :func:`kurils.data.validate.validate_geometry` can name the features.
    """
    source = describe(data, shipped)
    if isinstance(data, gpd.GeoDataFrame):
        return data.copy(), source
    if data is not None and not isinstance(data, (str, os.PathLike)):
        raise KurilsDataError(source, "expected a file path or a GeoDataFrame")
    try:
        if data is None:
            with _resources.as_file(_resources.shipped(shipped)) as path:
                gdf = _read_shipped(path)
        else:
            if not Path(data).is_file():
                raise KurilsDataError(source, "file not found")
            gdf = _read_vector(data)
    except KurilsDataError:
        raise
    except Exception as e:  # pyogrio raises DataSourceError, GEOSException, ...
        raise KurilsDataError(source, f"cannot read as a vector file: {e}") from e
    return gdf, source


def _read_shipped(path) -> gpd.GeoDataFrame:
    """A shipped GeoPackage, read without GDAL (:mod:`kurils.data.gpkg`); one that
    does not read that way goes to pyogrio, which says what is wrong with it."""
    try:
        return read_gpkg(path)
    except (sqlite3.Error, ValueError):
        return _read_vector(path)


#: The layer kurils reads from a file that holds several (its own GeoPackage's).
LAYER = "islands"


def _read_vector(path) -> gpd.GeoDataFrame:
    # GDAL is loaded for a user's file only: the import alone adds ~50 MB of memory
    import pyogrio

    layers = [str(name) for name in pyogrio.list_layers(path)[:, 0]]
    if len(layers) > 1 and LAYER not in layers:
        raise KurilsDataError(
            os.fspath(path),
            f"{len(layers)} layers ({', '.join(layers)}) and none named "
            f"{LAYER!r}, the one kurils reads",
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gdf = pyogrio.read_dataframe(path, layer=LAYER if len(layers) > 1 else None)
    problems = [str(w.message) for w in caught if "geometry" in str(w.message).lower()]
    if problems:
        raise ValueError(problems[0])
    return gdf
