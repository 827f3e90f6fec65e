"""Checks that turn bad data into one clear :class:`~kurils.errors.KurilsDataError`.

Every loader runs these on shipped and user data alike, so a user's own file or
table gets the same checks and the same error messages as the shipped one.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import KurilsDataError
from .schema import REGION_BOUNDS, TableSchema

__all__ = [
    "check_cited",
    "check_one_series",
    "check_references",
    "check_urls",
    "validate_geometry",
    "validate_table",
]

_GEOGRAPHIC = ("EPSG:4326", "OGC:CRS84")


def _listing(values, limit: int = 5) -> str:
    values = [str(v) for v in values]
    more = f" (+{len(values) - limit} more)" if len(values) > limit else ""
    return ", ".join(values[:limit]) + more


def _blank_to_na(series: pd.Series) -> pd.Series:
    """Empty or whitespace-only text becomes a missing value."""
    if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
        return series
    text = series.to_numpy(dtype=object)
    blank = np.fromiter(
        (isinstance(v, str) and not v.strip() for v in text), bool, len(text)
    )
    return series.mask(blank) if blank.any() else series


def _missing(series: pd.Series) -> pd.Series:
    return _blank_to_na(series).isna()


def validate_table(df: pd.DataFrame, schema: TableSchema, source: str) -> pd.DataFrame:
    """Check ``df`` against ``schema`` and return it with typed columns.

    Parameters
    ----------
    df : pandas.DataFrame
        The table, as read (all columns text).
    schema : kurils.schema.TableSchema
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
    >>> from kurils.schema import SOURCES
    >>> bad = pd.DataFrame({"source_id": ["a"], "title": ["A"]})
    >>> validate_table(bad, SOURCES, "mine.csv")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: mine.csv: missing columns: publisher, url, year, accessed, licence, archive_url
    """
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise KurilsDataError(source, f"missing columns: {', '.join(missing)}")
    out = df.copy()
    for col in schema.columns:
        out[col] = _blank_to_na(out[col])
    # From here on, a missing value is simply NA.
    for col in schema.required:
        if out[col].isna().any():
            rows = _listing(i + 2 for i in np.flatnonzero(out[col].isna()))
            raise KurilsDataError(source, f"column {col!r} is empty on rows {rows}")
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
    for col in (*schema.integer, *schema.number):
        values = pd.to_numeric(out[col], errors="coerce")
        bad = values.isna() & out[col].notna()
        if col in schema.integer:
            bad |= values.notna() & (values % 1 != 0)
        if bad.any():
            raise KurilsDataError(
                source,
                f"column {col!r} has non-numeric values: {_listing(out.loc[bad, col])}",
            )
        out[col] = (
            values.astype("Int64") if col in schema.integer else values.astype(float)
        )
        lo, hi = schema.ranges.get(col, (-np.inf, np.inf))
        if col.endswith("year"):
            hi = min(hi, dt.date.today().year)  # a fact cannot refer to the future
        finite = np.isfinite(values.astype(float).fillna(0))
        outside = values.notna() & ~(values.between(lo, hi) & finite)
        if outside.any():
            raise KurilsDataError(
                source,
                f"column {col!r} has values outside {lo:g}..{hi:g}: "
                f"{_listing(out.loc[outside, col])}",
            )
    for col, allowed in schema.vocab.items():
        values = out[col].dropna()
        if col in schema.lists:
            values = values.str.split(";").explode()
        bad = sorted(set(values) - allowed)
        if bad:
            raise KurilsDataError(
                source,
                f"column {col!r} has values outside {sorted(allowed)}: {_listing(bad)}",
            )
    for value_col, (source_col, year_col) in schema.facts.items():
        present = out[value_col].notna()
        for col in (source_col, year_col):
            if col is None:
                continue
            lacking = present & out[col].isna()
            if lacking.any():
                keys = _listing(out.loc[lacking, schema.key[0]])
                raise KurilsDataError(
                    source, f"{value_col!r} given without {col!r} for: {keys}"
                )
    return out


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


def validate_geometry(
    gdf: gpd.GeoDataFrame, source: str, id_column: str = "island_id"
) -> gpd.GeoDataFrame:
    """Check CRS, emptiness, type, validity and extent of polygon data.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons with an ``id_column``.
    source : str
        File name or description, used in error messages.
    id_column : str, default "island_id"

    Returns
    -------
    geopandas.GeoDataFrame
        ``gdf`` with every geometry as a MultiPolygon.

    Raises
    ------
    KurilsDataError
        If the CRS is missing or not EPSG:4326/OGC:CRS84; if a geometry is null,
        empty, not polygonal or invalid; if coordinates fall outside
        :data:`kurils.schema.REGION_BOUNDS` (a sign of swapped lon/lat); if the id
        column is missing, empty or duplicated.
    """
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf:
        raise KurilsDataError(source, "not a GeoDataFrame with a geometry column")
    if id_column not in gdf.columns:
        raise KurilsDataError(source, f"missing columns: {id_column}")
    ids = gdf[id_column]
    if _missing(ids).any():
        raise KurilsDataError(
            source, f"empty {id_column} on {int(_missing(ids).sum())} features"
        )
    dup = ids[ids.duplicated()]
    if len(dup):
        raise KurilsDataError(
            source, f"duplicate {id_column}: {_listing(sorted(set(dup)))}"
        )
    if gdf.crs is None:
        raise KurilsDataError(source, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    if gdf.crs.to_string() not in _GEOGRAPHIC and gdf.crs.to_epsg() != 4326:
        raise KurilsDataError(
            source,
            f"CRS is {gdf.crs.to_string()}, expected EPSG:4326 (lon/lat, WGS 84); "
            "reproject with .to_crs(4326)",
        )
    geoms = gdf.geometry.values
    null = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if null.any():
        raise KurilsDataError(
            source, f"null or empty geometry for: {_listing(ids[null])}"
        )
    kinds = shapely.get_type_id(geoms)
    polygonal = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
    if not polygonal.all():
        raise KurilsDataError(
            source, f"geometry is not a (Multi)Polygon for: {_listing(ids[~polygonal])}"
        )
    valid = shapely.is_valid(geoms)
    if not valid.all():
        reasons = [
            f"{i} ({r})"
            for i, r in zip(
                ids[~valid], shapely.is_valid_reason(geoms[~valid]), strict=True
            )
        ]
        raise KurilsDataError(source, f"invalid geometry: {_listing(reasons)}")
    minx, miny, maxx, maxy = REGION_BOUNDS
    b = shapely.bounds(geoms)
    outside = (b[:, 0] < minx) | (b[:, 1] < miny) | (b[:, 2] > maxx) | (b[:, 3] > maxy)
    if outside.any():
        raise KurilsDataError(
            source,
            f"coordinates outside the region lon {minx}..{maxx}, lat {miny}..{maxy} "
            f"for: {_listing(ids[outside])} (are longitude and latitude swapped?)",
        )
    out = gdf.copy()
    single = kinds == 3
    if single.any():
        out.loc[single, out.geometry.name] = shapely.multipolygons(
            shapely.get_parts(geoms[single]), indices=np.arange(int(single.sum()))
        )
    return out
