"""The one gate between a layer's frame and the page: GeoJSON features with only
the properties a layer needs, numbered (never keyed by a user's index), no
brace in any text; and the shape every kurils layer shares (a named
FeatureGroup holding one GeoJson with a tooltip and, maybe, a popup).
"""

from __future__ import annotations

import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry
from branca.element import Element, Figure

from ..style import HIGHLIGHT_WIDTH, LINES
from .controls import _json, page_file
from .links import LinkTable, linked
from .shapes import ALPHABET, PathTable, shared

__all__ = ["GeoJson", "circle", "geojson_data", "land_layer", "tooltip_layer"]

# shapely geometries whose mapping _mappings writes itself
_PARTS = {"Polygon", "MultiPolygon", "LineString", "MultiLineString"}
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def _brace_free(value):
    """``value`` with every brace in its text as an HTML character reference."""
    if isinstance(value, str):
        return value.translate(_BRACES)
    if isinstance(value, list):
        return [_brace_free(v) for v in value]
    return value


def _parts(parts: np.ndarray, part_of: np.ndarray, n: int) -> list[list[tuple]]:
    """For each of ``n`` shapes, its ``parts`` (those of shape ``part_of``), each
    written as the tuple of its paths (a polygon's rings; a line alone), each
    path a tuple of ``(x, y)`` tuples."""
    polygonal = shapely.get_type_id(parts) == 3
    rings, ring_of = shapely.get_rings(parts[polygonal], return_index=True)
    paths: list[list] = [[] if p else [parts[k]] for k, p in enumerate(polygonal)]
    for ring, k in zip(rings, np.flatnonzero(polygonal)[ring_of], strict=True):
        paths[k].append(ring)
    flat = [path for part in paths for path in part]
    coords = shapely.get_coordinates(flat).tolist()
    ends = np.cumsum(shapely.get_num_coordinates(flat)).tolist()
    starts = [0, *ends][: len(ends)]
    written = [
        tuple(map(tuple, coords[a:b])) for a, b in zip(starts, ends, strict=True)
    ]
    shapes: list[list[tuple]] = [[] for _ in range(n)]
    at = 0
    for part, shape in zip(paths, part_of.tolist(), strict=True):
        shapes[shape].append(tuple(written[at : at + len(part)]))
        at += len(part)
    return shapes


def _mappings(shapes: np.ndarray) -> list[dict | None]:
    """``shapely.geometry.mapping`` of each shape (None for a missing or empty
    one, as geopandas writes it): the same tuples (and lists), the coordinates
    of every ring and line taken from shapely's arrays in a few calls for all
    the shapes, rather than point by point.

    Examples
    --------
    >>> from shapely.geometry import LineString, MultiPolygon, Polygon, mapping
    >>> hole = [(0.2, 0.2), (0.5, 0.2), (0.5, 0.5)]
    >>> square = Polygon([(0, 0), (1, 0), (1, 1), (0, 0)], [hole])
    >>> shapes = [square, MultiPolygon([square, square]), LineString(hole)]
    >>> _mappings(np.array(shapes + [None])) == [*map(mapping, shapes), None]
    True
    """
    out: list[dict | None] = [None] * len(shapes)
    fast = [
        i
        for i, s in enumerate(shapes)
        if s and s.geom_type in _PARTS and shapely.get_coordinate_dimension(s) == 2
    ]
    parts, part_of = shapely.get_parts(shapes[fast], return_index=True)
    if shapely.is_empty(parts).any():  # shapely writes one as ((),): let it write all
        fast, parts, part_of = [], parts[:0], part_of[:0]
    for i, written in zip(fast, _parts(parts, part_of, len(fast)), strict=True):
        kind = shapes[i].geom_type
        coordinates = {
            "MultiPolygon": written,
            "Polygon": written[0],
            "MultiLineString": tuple(w[0] for w in written),
            "LineString": written[0][0],
        }[kind]
        out[i] = {"type": kind, "coordinates": coordinates}
    done = set(fast)
    for i, s in enumerate(shapes):
        if s and i not in done:  # points, 3D, collections: as shapely writes them
            out[i] = shapely.geometry.mapping(s)
    return out


def geojson_data(gdf: gpd.GeoDataFrame, keep: list[str]) -> dict:
    """A FeatureCollection of only the ``keep`` properties (keeps the page small).

    This is the gate every layer's data passes. Features are numbered 0..n-1, so a
    frame's index (a user's values) never reaches the page; and no text property
    carries a brace (text meant as HTML is escaped already; braces anywhere else
    become character references), so that even a page that a plain folium map
    renders twice (branca's Jinja pass, see :mod:`kurils.web.offline`) keeps it text.
    """
    frame = gdf[[*keep, gdf.geometry.name]].reset_index(drop=True)
    shapes = frame.geometry.to_numpy()
    # what geopandas' __geo_interface__ writes (missing values as null, each
    # feature's bbox), in whole-column steps: the geometries, which shapely's
    # `mapping` writes one coordinate at a time, from each ring's array at once
    # (`_mappings`); the properties from one object array, not row by row
    props = frame[keep]
    values = props.to_numpy(dtype=object, copy=True)
    values[pd.isna(props).to_numpy(dtype=bool)] = None  # (n, 0): no properties
    features = []
    for number, (row, shape, mapped) in enumerate(
        zip(values, shapes, _mappings(shapes), strict=True)
    ):
        features.append(
            {
                "id": str(number),
                "type": "Feature",
                "properties": {
                    k: _brace_free(v) for k, v in zip(keep, row, strict=True)
                },
                # as geopandas: no geometry for a missing or empty one
                "geometry": mapped if shape else None,
                "bbox": shape.bounds if shape else None,
            }
        )
    bbox = tuple(frame.total_bounds.tolist())
    return {"type": "FeatureCollection", "features": features, "bbox": bbox}


# folium writes an element named in a style as "{{'name'}}", for branca's second
# Jinja pass; kurils pages make no second pass (kurils.web.offline.single_pass).
_ELEMENT_REF = re.compile(r"\{\{'([A-Za-z_][A-Za-z0-9_]*)'\}\}")


class _Shared(Element):
    """What the page's layers share: the table of their paths
    (:class:`~kurils.web.shapes.PathTable`) and of their links
    (:class:`~kurils.web.links.LinkTable`), with the scripts that read them
    (``kurils/web/page/shapes.js``, ``links.js``), in the page's head. branca
    writes the head after rendering the map, so every layer has added its
    paths and links by the time this is written."""

    NAME = "kurils_shared"

    def __init__(self) -> None:
        super().__init__()
        self.paths, self.links = PathTable(), LinkTable()

    def render(self, **kwargs) -> str:
        paths = f"kurils.paths({_json(ALPHABET)}, {_json(list(self.paths.paths))});"
        out = f"<script>{page_file('polygons.js')}{page_file('shapes.js')}{paths}</script>"
        if self.links.urls:
            links = f"kurils.links({_json(list(self.links.urls))});"
            out += f"<script>{page_file('links.js')}{links}</script>"
        return out


def _shared(figure: Figure) -> _Shared:
    """The shared tables of ``figure``'s page, added to its head on first use
    (:class:`kurils.web.offline.Page` starts each render with new ones)."""
    shared = figure.header._children.get(_Shared.NAME)
    if not isinstance(shared, _Shared):
        shared = _Shared()
        figure.header.add_child(shared, name=_Shared.NAME)
    return shared


class GeoJson(folium.GeoJson):
    """folium.GeoJson that writes each path once per page, and whose styles may
    name an element (the disputed-land pattern) in a page rendered in one pass,
    or in two.

    In a page (a branca Figure) the layer's lines and polygons are written as
    numbers of paths in the page's table (:mod:`kurils.web.shapes`): a coastline
    that five layers draw is in the page once; so is each source's link
    (:mod:`kurils.web.links`). ``data`` itself stays as it was.
    The style keys are JSON that kurils computes (colours, numbers, a pattern);
    the element reference in them is written out as the element's name.
    """

    #: Build the features only when the layer is first shown (True), at once
    #: (False), or when hidden as the page opens (None: this layer or a layer
    #: holding it has ``show=False``).
    defer: bool | None = None

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if not (self.embed and isinstance(figure, Figure)):
            super().render(**kwargs)
            return
        plain, options, tables = self.data, self.options, _shared(figure)
        self.data = linked(shared(plain, tables.paths), tables.links)
        if self._deferred():  # kurils/web/page/shapes.js builds it when shown
            self.options = {**options, "kurilsDefer": True}
        try:
            super().render(**kwargs)
        finally:
            self.data, self.options = plain, options

    def _deferred(self) -> bool:
        """Whether the page builds this layer's features only when first shown:
        as :attr:`defer` says, or if it is hidden as the page opens."""
        if self.defer is not None:
            return self.defer
        layer = self
        while isinstance(layer, folium.map.Layer):
            if not layer.show:
                return True
            layer = layer._parent
        return False

    @property
    def style_map(self) -> dict:
        return self._style_map

    @style_map.setter
    def style_map(self, mapping: dict) -> None:
        def ref(style: str) -> str:
            return _ELEMENT_REF.sub(r"\1", style)

        self._style_map = {
            ref(k): ref(v) if k == "default" else v for k, v in mapping.items()
        }


def tooltip_layer(
    gdf: gpd.GeoDataFrame,
    keep: list[str],
    *,
    name: str,
    show: bool,
    control: bool = True,
    tooltip_style: str = "",
    popup_width: int | None = None,
    first: tuple = (),
    **geojson_options,
) -> folium.FeatureGroup:
    """The shape every kurils layer shares: a FeatureGroup named ``name`` (already
    escaped) holding one GeoJson of the ``keep`` properties, whose ``tooltip``
    property (escaped HTML) is the tooltip and, with ``popup_width``, whose
    ``popup`` property is the popup. The GeoJson is also ``group.geojson``.
    Elements in ``first`` (a fill pattern its style names) come before it."""
    group = folium.FeatureGroup(name=name, show=show, control=control)
    for element in first:
        element.add_to(group)
    popup = (
        folium.GeoJsonPopup(["popup"], labels=False, max_width=popup_width)
        if popup_width
        else None
    )
    group.geojson = GeoJson(
        geojson_data(gdf, keep),
        tooltip=folium.GeoJsonTooltip(
            ["tooltip"], labels=False, sticky=True, style=tooltip_style
        ),
        popup=popup,
        **geojson_options,
    ).add_to(group)
    return group


def circle(radius: int, weight: int, fill_color: str) -> folium.CircleMarker:
    return folium.CircleMarker(
        radius=radius,
        weight=weight,
        color="#000000",
        fill=True,
        fill_color=fill_color,
        fill_opacity=1,
    )


def land_layer(
    gdf: gpd.GeoDataFrame,
    keep: list[str],
    *,
    name: str,
    show: bool,
    fill_opacity: float,
    fill: str = "fill",
    dash: str = "dash",
) -> folium.FeatureGroup:
    """Islands filled by their ``fill`` property (a colour), outlined, dashed
    where ``dash`` (if kept) says; a base layer, out of the layer control."""
    outline = LINES["outline"].leaflet()
    dashed = dash in keep
    return tooltip_layer(
        gdf,
        keep,
        name=name,
        show=show,
        control=False,
        style_function=lambda f: {
            **outline,
            "fillColor": f["properties"][fill],
            "fillOpacity": fill_opacity,
            "dashArray": (f["properties"][dash] or None) if dashed else None,
        },
        highlight_function=lambda f: {"weight": HIGHLIGHT_WIDTH},
        zoom_on_click=False,
        smooth_factor=0.5,
    )
