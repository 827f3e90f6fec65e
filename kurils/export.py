"""Take the data elsewhere: every layer as GeoPackage, GeoJSON, CSV or GeoParquet.

What goes out is :data:`LAYERS`, one ``(name, loader, geometry licence)`` entry a
layer, in that order; a new dataset (maritime zones, scenarios) is one more entry.
Each export carries the licence and attribution beside the data (``LICENSE.txt``)
and, for a GeoPackage, inside it too (dataset metadata).

Types are kept for GIS users: integers are integer fields, whole-day timestamps
are ``Date`` fields, text is text (a column of mixed Python objects is refused),
and coordinates are lon/lat on WGS 84. Outputs are deterministic (the same data
give the same bytes) and atomic (written beside the target, then moved into
place: a failure leaves the previous output, or nothing, and no temporary file).
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import pandas as pd
import shapely

from ._atomic import _cleanup_on_signals, replace_folder, staging_folder
from .data import _resources
from .data._resources import data_version
from .domain.admin_units import admin_units_for
from .domain.borders import borders_for
from .domain.history import events
from .domain.islands import load_islands
from .domain.maritime import maritime_zones
from .domain.places import load_places
from .domain.population import load_population_1945
from .domain.sources import load_sources
from .domain.stakes import stakes

__all__ = ["FORMATS", "LAYERS", "Layer", "export", "licence_text"]

ODBL = "ODbL-1.0"
CC_BY_SA = "CC-BY-SA-4.0"


class Layer(NamedTuple):
    """One exported layer: its name, its loader, the licence of its geometry.

    ``load`` is given the islands (loaded once for the whole export) and returns a
    (Geo)DataFrame.
    """

    name: str
    load: Callable[[gpd.GeoDataFrame], pd.DataFrame]
    geometry_licence: str | None  # None: a table without geometry


def _admin_units(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return admin_units_for(islands)  # both countries: see ``country``


def _places(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return load_places()


def _borders(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return borders_for(islands)


def _events(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    ev = events()
    where = gpd.points_from_xy(ev["place_lon"], ev["place_lat"])  # NaN: no place
    return gpd.GeoDataFrame(ev, geometry=where, crs="EPSG:4326")


def _sources(islands: gpd.GeoDataFrame) -> pd.DataFrame:
    out = load_sources().reset_index()
    out["accessed"] = pd.to_datetime(out["accessed"], format="%Y-%m-%d")
    return out


#: Every exported layer, in order. Geometry derived from the OpenStreetMap coastlines
#: is ODbL; points typed into the attribute tables are CC BY-SA, like all attributes.
LAYERS: tuple[Layer, ...] = (
    Layer("islands", lambda islands: islands, ODBL),
    Layer("admin_units", _admin_units, ODBL),
    Layer("places", _places, CC_BY_SA),
    Layer("borders", _borders, ODBL),  # median lines of the coastlines' straits
    Layer("events", _events, CC_BY_SA),
    # today's zones, shipped, computed from the same coastlines: ODbL
    Layer("maritime_zones", lambda islands: maritime_zones(), ODBL),
    # tables last (GeoPackage readers list feature layers first)
    Layer("population_1945", lambda islands: load_population_1945(), None),
    Layer("sources", _sources, None),
    Layer("scenarios", lambda islands: stakes(), None),  # what each moves
)

#: format -> (GDAL driver or None for GeoParquet, file suffix, dataset and layer options)
FORMATS: dict[str, tuple[str | None, str, dict, dict]] = {
    "gpkg": ("GPKG", ".gpkg", {"VERSION": "1.2"}, {"SPATIAL_INDEX": "NO"}),
    # RFC 7946: CRS84 without a crs member, right-hand rings, 7 decimals
    "geojson": ("GeoJSON", ".geojson", {}, {"RFC7946": "YES"}),
    "csv": ("CSV", ".csv", {}, {"GEOMETRY": "AS_WKT", "CREATE_CSVT": "YES"}),
    "parquet": (None, ".parquet", {}, {}),
}

# GeoPackage keeps a last-change time per layer: pinned, so the bytes do not change
_GPKG_DATE = "2026-01-01T00:00:00Z"
_MARKER = "kurils data export"  # first words of LICENSE.txt: a folder we may replace


def _day_columns(frame: pd.DataFrame) -> list[str]:
    """Timestamp columns that hold whole days only: exported as dates."""
    out = []
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_datetime64_dtype(col):
            days = col.dropna()
            if days.equals(days.dt.normalize()):
                out.append(name)
    return out


def _fields(frame: pd.DataFrame, where: str):
    """Column names, numpy arrays and null masks for OGR, with their proper types."""
    names, data, masks = [], [], []
    days = set(_day_columns(frame))
    for name in frame.columns:
        col = frame[name]
        if isinstance(col.dtype, gpd.array.GeometryDtype):
            continue
        mask = col.isna().to_numpy()
        if name in days:
            values = col.to_numpy().astype("datetime64[D]")  # OGR Date
        elif pd.api.types.is_datetime64_dtype(col) or pd.api.types.is_float_dtype(col):
            values = col.to_numpy()
        elif pd.api.types.is_bool_dtype(col) or pd.api.types.is_integer_dtype(col):
            values = col.to_numpy(dtype="int64", na_value=0)
        else:
            values = col.to_numpy(dtype=object, na_value=None)
            odd = {type(v).__name__ for v in values if v is not None} - {"str"}
            if odd:
                raise TypeError(
                    f"{where}: column {name!r} mixes text with {', '.join(sorted(odd))}"
                )
        names.append(name)
        data.append(values)
        masks.append(mask)
    return names, data, masks


def _geometry_type(geoms: gpd.GeoSeries) -> str:
    kinds = set(geoms.dropna().geom_type)
    if not kinds:
        return "Unknown"
    base = {k.removeprefix("Multi") for k in kinds}
    if len(base) > 1:
        return "GeometryCollection"
    return f"Multi{base.pop()}" if len(kinds) > 1 else kinds.pop()


def _write_ogr(frame: pd.DataFrame, path: Path, layer: str, fmt: str) -> None:
    from pyogrio.raw import write as _ogr_write  # GDAL: loaded for an export only

    driver, _, dataset_options, layer_options = FORMATS[fmt]
    names, data, masks = _fields(frame, layer)
    geometry = geometry_type = None
    if isinstance(frame, gpd.GeoDataFrame):
        geoms = frame.geometry.to_crs(4326)
        geometry = shapely.to_wkb(geoms.values, output_dimension=2)
        geometry_type = _geometry_type(geoms)
    with warnings.catch_warnings():
        # GDAL warns that a table in GeoJSON has no CRS: it is CRS84, as wanted
        warnings.filterwarnings("ignore", "No SRS set", RuntimeWarning)
        _ogr_write(
            str(path),
            geometry,
            data,
            names,
            field_mask=masks,
            layer=layer,
            driver=driver,
            geometry_type=geometry_type,
            crs="EPSG:4326" if geometry_type else None,
            promote_to_multi=bool(geometry_type and geometry_type.startswith("Multi")),
            dataset_options=dataset_options,
            layer_options=layer_options,
            dataset_metadata=_metadata() if fmt == "gpkg" else None,
            encoding="UTF-8",
        )


def _require_pyarrow() -> None:
    """Fail before any work if GeoParquet cannot be written."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ImportError(
            "GeoParquet export needs pyarrow: pip install 'kurils[export]'"
        ) from None


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    out = frame.copy()
    for name in _day_columns(out):  # pyarrow stores datetime.date as date32
        out[name] = pd.Series(
            [d.date() if pd.notna(d) else None for d in out[name]],
            index=out.index,
            dtype=object,
        )
    if isinstance(out, gpd.GeoDataFrame):
        out.to_crs(4326).to_parquet(path, index=False, compression="zstd")
    else:
        out.to_parquet(path, index=False, compression="zstd")


def _metadata() -> dict[str, str]:
    return {
        "TITLE": "kurils: the Kuril Islands dispute as sourced data",
        "LICENSE": licence_text(LAYERS),
    }


def licence_text(layers: Sequence[Layer] = LAYERS) -> str:
    """The licence and attribution of an export of ``layers``, as plain text.

    Examples
    --------
    >>> print(licence_text().splitlines()[0])
    kurils data export (kurils 0.1.0, data ...)
    """
    from . import __version__

    manifest = _resources.manifest()
    osm = manifest[_resources.GEOMETRY]
    odbl = [x.name for x in layers if x.geometry_licence == ODBL]
    cc = [x.name for x in layers if x.geometry_licence == CC_BY_SA]
    lines = [
        f"{_MARKER} (kurils {__version__}, data {data_version()})",
        f"Layers: {', '.join(x.name for x in layers)}.",
        "",
        f"Geometry of {', '.join(odbl)}: derived from {osm['source']},",
        f"{osm['attribution']}. Licence: {osm['licence']}, Open Database License",
        "(https://opendatacommons.org/licenses/odbl/1-0/). If you publicly use an",
        "adapted version of this database, you must also offer it under the ODbL.",
        "",
        f"Attributes of every layer{' and the points of ' + ', '.join(cc) if cc else ''}:",
        "compiled by the kurils contributors from the sources in the `sources`",
        "layer (each fact's *_source column names one). Licence: CC BY-SA 4.0",
        "(https://creativecommons.org/licenses/by-sa/4.0/). Attribution:",
        '"kurils contributors; © OpenStreetMap contributors".',
        "",
        "Coordinates: longitude/latitude on WGS 84 (EPSG:4326; CRS84 in GeoJSON).",
        "",
        "The shipped licence notes (kurils/geodata/LICENSE.md):",
        "",
        _resources.shipped("LICENSE.md").read_text(encoding="utf-8").strip(),
    ]
    return "\n".join(lines) + "\n"


@contextmanager
def _gdal_date() -> Iterator[None]:
    import pyogrio

    old = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _GPKG_DATE})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": old})


def _check_target(path: Path, fmt: str) -> None:
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder does not exist: {path.parent}")
    if fmt == "gpkg":
        if path.is_dir():
            raise IsADirectoryError(f"{path} is a folder; a GeoPackage is one file")
        return
    if path.exists() and not path.is_dir():
        raise FileExistsError(f"{path} is a file; a {fmt} export is a folder")
    if path.is_dir() and any(path.iterdir()):
        licence = path / "LICENSE.txt"
        if not (licence.is_file() and licence.read_text("utf-8").startswith(_MARKER)):
            raise FileExistsError(
                f"{path} is a folder that is not a kurils export: not replaced"
            )


def _move_into_place(stage: Path, path: Path, fmt: str) -> None:
    """Replace ``path`` by what was staged: the GeoPackage and its licence, or the
    whole folder."""
    if fmt == "gpkg":
        os.replace(stage / "LICENSE.txt", path.with_name(path.stem + ".LICENSE.txt"))
        os.replace(stage / "data.gpkg", path)
    else:
        replace_folder(stage, path)


def export(
    path: str | os.PathLike,
    format: str = "gpkg",
    layers: Sequence[str] | None = None,
) -> Path:
    """Write every kurils layer to ``path``, with its licence beside it.

    Parameters
    ----------
    path : path
        ``format="gpkg"``: the GeoPackage file (``kurils.gpkg``); its licence goes
        to ``kurils.LICENSE.txt`` beside it. Other formats: a folder, created or
        replaced (only if it is empty or an earlier kurils export), holding one
        file per layer and ``LICENSE.txt``.
    format : {"gpkg", "geojson", "csv", "parquet"}, default "gpkg"
        GeoPackage 1.2 with one named layer each (tables without geometry as
        attribute tables); RFC 7946 GeoJSON; CSV with the geometry as WKT in a
        ``WKT`` column (and a ``.csvt`` of field types); GeoParquet (needs
        ``pyarrow``: ``pip install 'kurils[export]'``).
    layers : list of str, optional
        Names from :data:`LAYERS`; default all.

    Returns
    -------
    pathlib.Path
        What was written (the file or the folder).

    Raises
    ------
    ValueError
        For an unknown format or layer name.
    ImportError
        For GeoParquet without pyarrow.
    OSError
        For a missing parent folder, or a target of the wrong kind.

    Examples
    --------
    >>> import pyogrio, tempfile
    >>> out = export(tempfile.mkdtemp() + "/kurils.gpkg")
    >>> [name for name, _ in pyogrio.list_layers(out)]
    ['islands', 'admin_units', 'places', 'borders', 'events', 'maritime_zones', 'population_1945', 'sources', 'scenarios']
    >>> info = pyogrio.read_info(out, layer="events")
    >>> types = dict(zip(info["fields"], info["dtypes"]))
    >>> types["date"], types["year"], types["title_ja"]
    ('datetime64[D]', 'int64', 'object')
    """
    if format not in FORMATS:
        raise ValueError(
            f"unknown format {format!r}; choose one of {', '.join(FORMATS)}"
        )
    chosen = [x for x in LAYERS if layers is None or x.name in layers]
    unknown = sorted(set(layers or ()) - {x.name for x in LAYERS})
    if unknown or not chosen:
        raise ValueError(
            f"unknown layers: {', '.join(unknown) or 'none given'}; "
            f"choose from {', '.join(x.name for x in LAYERS)}"
        )
    if format == "parquet":
        _require_pyarrow()
    path = Path(path)
    _check_target(path, format)
    suffix = FORMATS[format][1]
    # SIGTERM/SIGINT/SIGHUP unwind through the finally too, as for write_atomic
    with _cleanup_on_signals():
        stage = staging_folder(path)
        try:
            with _gdal_date():
                islands = load_islands()
                for x in chosen:
                    frame = x.load(islands)
                    name = "data.gpkg" if format == "gpkg" else x.name + suffix
                    if format == "parquet":
                        _write_parquet(frame, stage / name)
                    else:
                        _write_ogr(frame, stage / name, x.name, format)
            (stage / "LICENSE.txt").write_text(licence_text(chosen), encoding="utf-8")
            _move_into_place(stage, path, format)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return path
