"""A user's numbers per island, as a layer on the dispute map."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from ..data.polygons import validate_geometry
from ..data.schema import TableSchema
from ..data.validate import validate_table
from ..drawing import for_map
from ..errors import KurilsDataError
from ..i18n import name_column
from .escape import escape_text
from .geojson import tooltip_layer

__all__ = ["choropleth_layer"]


def choropleth_layer(
    gdf: gpd.GeoDataFrame,
    column: str,
    *,
    lang: str = "en",
    cmap: str = "viridis",
    fill_opacity: float = 0.75,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """A user's numbers per island, coloured on top of the dispute layers.

    Colours are computed here with a matplotlib colormap (linear from the
    column's minimum to its maximum); the tooltip shows the island's name in
    ``lang`` and the value, both escaped. Rows with no value are not drawn.

    Examples
    --------
    >>> import kurils, pandas as pd
    >>> islands = kurils.load_islands()
    >>> survey = pd.DataFrame({"island_id": ["iturup", "kunashir"], "responses": [120, 95]})
    >>> layer = choropleth_layer(islands.merge(survey), "responses", name="Survey")
    >>> m = kurils.build_map()
    >>> _ = layer.add_to(m)
    """
    from matplotlib import colormaps
    from matplotlib.colors import Normalize, to_hex

    gdf = _check_choropleth(gdf, column)
    if cmap not in colormaps:
        raise ValueError(f"unknown colormap {cmap!r}; see matplotlib.colormaps")
    gdf = for_map(gdf.dropna(subset=[column]))
    values = gdf[column]
    norm = Normalize(vmin=float(values.min()), vmax=float(values.max()))
    colours = [to_hex(colormaps[cmap](norm(v))) for v in values]
    col = name_column(lang)
    label = gdf[col].fillna(gdf["name_en"]) if col in gdf else gdf["island_id"]
    out = gpd.GeoDataFrame(
        {
            "island_id": gdf["island_id"].map(escape_text),
            "colour": colours,
            "tooltip": "<b>"
            + label.map(escape_text)
            + "</b><br>"
            + escape_text(column)
            + ": "
            + values.map(lambda v: escape_text(f"{v:,}")),
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return tooltip_layer(
        out,
        ["island_id", "colour", "tooltip"],
        name=escape_text(name or column),
        show=show,
        style_function=lambda f: {
            "fillColor": f["properties"]["colour"],
            "fillOpacity": fill_opacity,
            "color": "#000000",
            "weight": 1,
        },
    )


def _check_choropleth(gdf: gpd.GeoDataFrame, column: str) -> gpd.GeoDataFrame:
    """A user's frame for :func:`choropleth_layer`, checked as the loaders check
    files: island polygons in the region, numbers (at least one) in ``column``."""
    where = "<choropleth frame>"
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise KurilsDataError(where, "expected a GeoDataFrame")
    if gdf.crs is None:
        raise KurilsDataError(where, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    rules = TableSchema(
        name="choropleth",
        columns=("island_id", column),
        key=("island_id",),
        number=(column,),
        required=("island_id",),
    )
    table = pd.DataFrame(gdf.drop(columns=gdf.geometry.name)).reset_index(drop=True)
    table = validate_table(table, rules, where)
    if table[column].isna().all():
        raise KurilsDataError(where, f"column {column!r} has no values")
    geoms = gdf.geometry.to_crs(4326).reset_index(drop=True)
    out = gpd.GeoDataFrame(table, geometry=geoms.values, crs=4326)
    return validate_geometry(out, where)
