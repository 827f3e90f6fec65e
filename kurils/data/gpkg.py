"""Read kurils' own GeoPackages with the standard library's sqlite3, not GDAL.

A GeoPackage is an SQLite database whose geometry column holds a short header
and then standard WKB (OGC 12-128r18, section 2.1.3). For the files kurils ships
(one feature table, text and real columns, EPSG:4326) reading them this way gives
the same frame as ``pyogrio.read_dataframe`` (tested), without loading GDAL:
pyogrio's import alone adds about 50 MB to a process's memory and 20 ms to its
start, for files of a few hundred features. A user's file, and a shipped file that
does not open this way, still go through pyogrio (:mod:`kurils.reading`), with its
error messages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

__all__ = ["read_gpkg"]

# Bytes of the envelope after the 8-byte header, by the envelope code in bits 1-3
# of the flags byte (none; xy; xyz; xym; xyzm).
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _wkb(blob: bytes) -> bytes:
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    return blob[8 + _ENVELOPE[(blob[3] >> 1) & 7] :]


def read_gpkg(path: Path, where: dict | None = None) -> gpd.GeoDataFrame:
    """The feature table of a GeoPackage that has one, in feature-id order.

    Parameters
    ----------
    path : Path
        The GeoPackage (opened read-only).
    where : dict, optional
        Keep only the rows whose columns equal these values (``{"scenario_id":
        "status_quo"}``), read from the database without the others.

    Returns
    -------
    geopandas.GeoDataFrame
        A fresh index, the table's columns (text as strings, reals as floats)
        and ``geometry``, in the layer's CRS.

    Raises
    ------
    sqlite3.Error, ValueError
        When the file is not such a GeoPackage (or has several feature tables).

    Examples
    --------
    >>> from kurils.data import _resources
    >>> with _resources.as_file(_resources.shipped("islands.gpkg")) as path:
    ...     islands = read_gpkg(path)
    >>> islands.crs.to_epsg(), islands.geometry.geom_type.unique().tolist()
    (4326, ['MultiPolygon'])
    """
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        ((layer, geom, org, srs),) = con.execute(
            "SELECT g.table_name, g.column_name, s.organization,"
            " s.organization_coordsys_id FROM gpkg_geometry_columns AS g"
            " JOIN gpkg_spatial_ref_sys AS s ON s.srs_id = g.srs_id"
        ).fetchall()
        if org.upper() != "EPSG":
            raise ValueError(f"CRS {org}:{srs}: only EPSG codes are read here")
        info = con.execute(f'PRAGMA table_info("{layer}")').fetchall()
        (fid,) = [r[1] for r in info if r[5]]  # the feature id: the primary key
        columns = [r[1] for r in info if r[1] not in (fid, geom)]
        select = ", ".join(f'"{c}"' for c in [geom, *columns])
        where = where or {}
        test = " AND ".join(f'"{c}" = ?' for c in where) or "1"
        rows = con.execute(
            f'SELECT {select} FROM "{layer}" WHERE {test} ORDER BY "{fid}"',
            tuple(where.values()),
        ).fetchall()
    finally:
        con.close()
    frame = pd.DataFrame(
        {c: [r[i] for r in rows] for i, c in enumerate(columns, start=1)},
        columns=columns,
    )
    geoms = shapely.from_wkb([None if r[0] is None else _wkb(r[0]) for r in rows])
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=f"EPSG:{srs}")
