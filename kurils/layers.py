"""One builder per map layer, in the manner of ``GeoDataFrame.explore()``.

Each builder takes a GeoDataFrame (reprojected to EPSG:4326 here), ``name=`` and
``show=``, and returns a :class:`folium.FeatureGroup` that can be added to any map.
Colours and text are computed in pandas (:mod:`kurils.views`, :mod:`kurils.popups`)
into properties, so style functions only read a property, and every piece of text
is escaped before it reaches the page.
"""

from __future__ import annotations

import functools
import inspect
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from folium.plugins import StripePattern

from . import schema
from .controls import Labels
from .errors import KurilsDataError
from .escape import escape_text
from .i18n import name_column, name_columns, text
from .islands import check_user_islands
from .measurement import EQUAL_AREA_CRS
from .popups import cite, island_popup, island_search, island_tooltip
from .schema import TableSchema
from .style import (
    FILL_OPACITY,
    HATCH,
    HISTORY_PALETTE,
    LABEL_ALWAYS_KM2,
    LINES,
    PALETTE,
)
from .validate import (
    check_references,
    validate_frame,
    validate_geometry,
    validate_table,
)
from .views import BORDER_STYLES, VIEWS, style_columns

__all__ = [
    "MAP_PRECISION",
    "MAP_TOLERANCE",
    "borders_layer",
    "choropleth_layer",
    "claims_layer",
    "districts_layer",
    "events_layer",
    "for_map",
    "holdings_layer",
    "islands_layer",
    "labels_layer",
    "places_layer",
    "stripe_pattern",
]

#: Simplification tolerance for drawing (degrees, ~30-45 m) and coordinate grid
#: (~10 m): together well under the 100 m coastline error allowed on the map.
MAP_TOLERANCE = 0.0004
MAP_PRECISION = 1e-4
#: Islands under :data:`kurils.style.LABEL_ALWAYS_KM2` are named from this zoom on.
LABEL_SMALL_ZOOM = 7
#: Rocks smaller than this (m²) are not drawn: under one OSM zoom-12 pixel
#: (~27 m at 45°N), yet they are most of the vertices of the context land.
MIN_PART_M2 = 1000.0

# Okabe-Ito colours for the three Russian districts (distinct from the holders).
DISTRICT_COLOURS = {
    "severo_kurilsky": "#009E73",
    "kurilsky": "#CC79A7",
    "yuzhno_kurilsky": "#56B4E9",
}


_NAMES = name_columns()
_POPULATION = ("population", "population_source", "population_year")


def _sources(sources: pd.DataFrame) -> pd.DataFrame:
    return validate_frame(
        sources, schema.SOURCES, "<sources>", ("source_id",), ("title", "url"),
        index="source_id",
    )  # fmt: skip


def _units(where: str):
    def check(units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        read = (*_NAMES, "centre", *_POPULATION, "source", "year")
        return validate_frame(
            units, schema.ADMIN_UNITS_LOADED, where, ("unit_id", "island_ids"), read
        )

    return check


def _drawn_islands(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    # outlines simplified for drawing need not be valid polygons
    return check_user_islands(islands, validity=False)


#: How each frame a layer builder takes is checked, by argument name.
_CHECKS = {
    "islands": _drawn_islands,
    "sources": _sources,
    "districts": _units("<districts>"),
    "municipalities": _units("<municipalities>"),
    "units": lambda units: validate_frame(
        units, schema.ADMIN_UNITS_LOADED, "<units>", ("unit_id",), _NAMES,
        index="unit_id",
    ),
    "links": lambda links: validate_frame(
        links, schema.ISLAND_UNITS, "<links>", ("island_id", "unit_id"),
        ("source", "year"),
    ),
    "borders": lambda borders: validate_frame(
        borders, schema.BORDERS_LOADED, "<borders>", ("border_id", "name_en", "kind"),
        (*_NAMES, "note", "valid_from", "valid_to", "source", "year"),
    ),
    "periods": lambda periods: validate_frame(
        periods, schema.PERIODS, "<periods>", ("island_id", "held_by", "since"),
        ("basis_title",),
    ),
    "timeline": lambda timeline: validate_frame(
        timeline, schema.EVENTS, "<events>", ("event_id", "date", "title_en"),
        (*name_columns("title"), "summary_en", "place_en", "place_lon",
         "place_lat", "source", "year"),
    ),
    "groups": lambda groups: None if groups is None else validate_frame(
        groups, schema.POPULATION_1945, "<groups>", ("group_id", "island_ids"),
        name_columns(),
    ),
    "places": lambda places: validate_frame(
        places, schema.PLACES, "<places>", ("place_id", "name_en", "lon", "lat"),
        (*_NAMES, *_POPULATION, "coord_source"),
    ),
}  # fmt: skip


def _checked(builder):
    """Check every frame a layer builder is given, as the loaders check files
    (:data:`_CHECKS`): a user's bad frame is one KurilsDataError, never a raw
    error or a wrong page. The builder itself stays reachable as
    ``__wrapped__``, for :func:`kurils.build_map`, whose frames were checked once.
    """
    signature = inspect.signature(builder)

    @functools.wraps(builder)
    def checked(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            if name in _CHECKS:
                bound.arguments[name] = _CHECKS[name](value)
        return builder(*bound.args, **bound.kwargs)

    return checked


def _drop_specks(geoms: np.ndarray) -> np.ndarray:
    """Drop polygon parts under :data:`MIN_PART_M2`, keeping each row's largest."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    area = gpd.GeoSeries(parts, crs=4326).to_crs(EQUAL_AREA_CRS).area.to_numpy()
    largest = pd.Series(area).groupby(owner).transform("max").to_numpy()
    keep = (area >= MIN_PART_M2) | (area == largest)
    return shapely.multipolygons(parts[keep], indices=owner[keep])


def for_map(
    gdf: gpd.GeoDataFrame, tolerance: float = MAP_TOLERANCE
) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326, drop specks, simplify and round for drawing.

    Idempotent and cheap the second time: the result is marked in ``attrs``, so a
    map can prepare its islands once and hand them to every builder.
    """
    if gdf.attrs.get("kurils_for_map") == tolerance:
        return gdf
    out = gdf.to_crs(4326) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf
    geoms = out.geometry.values
    if np.isin(shapely.get_type_id(geoms), (3, 6)).all():
        geoms = _drop_specks(np.asarray(geoms))
    geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
    # Round rather than set_precision(): snapping to a grid "repairs" narrow spits
    # away (350 m lost on Hokkaido's Notsuke spit); for drawing, rounding is enough.
    digits = round(-np.log10(MAP_PRECISION))
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, digits))
    out = out.set_geometry(geoms)
    out = out[~out.geometry.is_empty].copy()
    out.attrs["kurils_for_map"] = tolerance
    return out


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def _brace_free(value):
    """``value`` with every brace in its text as an HTML character reference."""
    if isinstance(value, str):
        return value.translate(_BRACES)
    if isinstance(value, list):
        return [_brace_free(v) for v in value]
    return value


def _geojson(gdf: gpd.GeoDataFrame, keep: list[str]) -> dict:
    """A FeatureCollection of only the ``keep`` properties (keeps the page small).

    This is the gate every layer's data passes. Features are numbered 0..n-1, so a
    frame's index (a user's values) never reaches the page; and no text property
    carries a brace (text meant as HTML is escaped already; braces anywhere else
    become character references), so that even a page that a plain folium map
    renders twice (branca's Jinja pass, see :mod:`kurils.offline`) keeps it text.
    """
    data = gdf[[*keep, gdf.geometry.name]].reset_index(drop=True).__geo_interface__
    for feature in data["features"]:
        feature["properties"] = {
            k: _brace_free(v) for k, v in feature["properties"].items()
        }
    return data


# folium writes an element named in a style as "{{'name'}}", for branca's second
# Jinja pass; kurils pages make no second pass (kurils.offline.single_pass).
_ELEMENT_REF = re.compile(r"\{\{'([A-Za-z_][A-Za-z0-9_]*)'\}\}")


class _GeoJson(folium.GeoJson):
    """folium.GeoJson whose styles may name an element (the disputed-land
    pattern) in a page rendered in one pass, or in two.

    The style keys are JSON that kurils computes (colours, numbers, a pattern);
    the element reference in them is written out as the element's name.
    """

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


def _tooltip_layer(
    gdf: gpd.GeoDataFrame,
    keep: list[str],
    *,
    name: str,
    show: bool,
    control: bool = True,
    tooltip_style: str = "",
    popup_width: int | None = None,
    **geojson_options,
) -> folium.FeatureGroup:
    """The shape every kurils layer shares: a FeatureGroup named ``name`` (already
    escaped) holding one GeoJson of the ``keep`` properties, whose ``tooltip``
    property (escaped HTML) is the tooltip and, with ``popup_width``, whose
    ``popup`` property is the popup. The GeoJson is also ``group.geojson``."""
    group = folium.FeatureGroup(name=name, show=show, control=control)
    popup = (
        folium.GeoJsonPopup(["popup"], labels=False, max_width=popup_width)
        if popup_width
        else None
    )
    group.geojson = _GeoJson(
        _geojson(gdf, keep),
        tooltip=folium.GeoJsonTooltip(
            ["tooltip"], labels=False, sticky=True, style=tooltip_style
        ),
        popup=popup,
        **geojson_options,
    ).add_to(group)
    return group


def _circle(radius: int, weight: int, fill_color: str) -> folium.CircleMarker:
    return folium.CircleMarker(
        radius=radius,
        weight=weight,
        color="#000000",
        fill=True,
        fill_color=fill_color,
        fill_opacity=1,
    )


def stripe_pattern() -> StripePattern:
    """The hatching that marks disputed land (blue stripes over orange)."""
    return StripePattern(
        angle=HATCH["angle"],
        weight=HATCH["width"],
        space_weight=HATCH["width"],
        color=HATCH["color"],
        space_color=HATCH["space_color"],
        opacity=1,
        space_opacity=1,
    )


@_checked
def islands_layer(
    islands: gpd.GeoDataFrame,
    *,
    view: str = "neutral",
    lang: str = "en",
    sources: pd.DataFrame,
    units: pd.DataFrame,
    links: pd.DataFrame,
    pattern: StripePattern | None = None,
    groups: pd.DataFrame | None = None,
    fill_opacity: float = FILL_OPACITY,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Every island and the context land, coloured by holder in ``view``.

    Each feature carries ``fill_<view>`` and ``hatch_<view>`` for all four views,
    so the page can switch views without redrawing geometry.

    Parameters
    ----------
    islands : GeoDataFrame
        As returned by :func:`kurils.load_islands`.
    view : {"neutral", "de_facto", "japan", "russia"}
        The view drawn when the page opens.
    lang : {"en", "ru", "ja"}
    sources, units, links : DataFrame
        Sources (indexed by ``source_id``), admin units (indexed by ``unit_id``)
        and island-unit links, for the popups.
    pattern : StripePattern, optional
        Hatching for disputed land; one is made if not given.
    groups : DataFrame, optional
        Island groups (:func:`kurils.load_population_1945`), so that a group's
        name ("Habomai") finds its islands in the search box.
    name, show : layer name (escaped) and initial visibility.

    Returns
    -------
    folium.FeatureGroup
        Holding one ``folium.GeoJson`` with a tooltip, a popup and the search
        property ``search``. The GeoJson is also available as ``.geojson`` and the
        pattern as ``.pattern``.
    """
    gdf = for_map(islands)
    props = pd.DataFrame(index=gdf.index)
    props["island_id"] = gdf["island_id"].map(escape_text)
    props["search"] = island_search(gdf, groups)
    props["tooltip"] = island_tooltip(gdf, lang)
    props["popup"] = island_popup(gdf, lang, sources, units, links)
    keep = ["island_id", "search", "tooltip", "popup", "dash"]
    for v in VIEWS:
        style = style_columns(gdf, v)
        props[f"fill_{v}"] = style["fill"]
        props[f"hatch_{v}"] = style["hatched"]
        props["dash"] = style["dash"]
        keep += [f"fill_{v}", f"hatch_{v}"]
    gdf = gpd.GeoDataFrame(props, geometry=gdf.geometry.values, crs=4326)
    pattern = pattern or stripe_pattern()

    def style_function(feature: dict) -> dict:
        p = feature["properties"]
        style = {
            "fillColor": p[f"fill_{view}"],
            "fillOpacity": fill_opacity,
            **LINES["outline"].leaflet(),
            "dashArray": p["dash"] or None,
        }
        if p[f"hatch_{view}"]:
            style["fillPattern"] = pattern
        return style

    group = _tooltip_layer(
        gdf,
        keep,
        name=escape_text(name or text("islands", lang)),
        show=show,
        control=False,
        popup_width=420,
        style_function=style_function,
        highlight_function=lambda f: {"weight": 3},
        zoom_on_click=False,
        smooth_factor=0.5,
    )
    group.pattern = pattern
    return group


@_checked
def districts_layer(
    districts: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = False,
) -> folium.FeatureGroup:
    """Russia's administration: the three districts as outlined island groups."""
    gdf = for_map(districts)
    col = name_column(lang)
    label = gdf[col].fillna(gdf["name_en"]).map(escape_text)
    pop = gdf.apply(
        lambda r: (
            f"<br>{escape_text(text('population', lang))}: {int(r['population']):,} "
            f"<small>({cite(r['population_source'], r['population_year'], sources)})</small>"
            if pd.notna(r["population"])
            else ""
        ),
        axis=1,
    )
    src = gdf.apply(lambda r: cite(r["source"], r["year"], sources), axis=1)
    tip = "<b>" + label + "</b> — " + gdf["centre"].map(escape_text) + pop
    tip += "<br><small>" + src + "</small>"
    out = gpd.GeoDataFrame(
        {
            "unit_id": gdf["unit_id"],
            "tooltip": tip,
            "colour": gdf["unit_id"].map(DISTRICT_COLOURS).fillna(PALETTE["outline"]),
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return _tooltip_layer(
        out,
        ["unit_id", "tooltip", "colour"],
        name=escape_text(name or text("layer_districts", lang)),
        show=show,
        style_function=lambda f: {
            "color": f["properties"]["colour"],
            "weight": 3,
            "fillColor": f["properties"]["colour"],
            "fillOpacity": 0.25,
        },
        zoom_on_click=False,
    )


@_checked
def claims_layer(
    municipalities: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = False,
) -> folium.FeatureGroup:
    """Japan's claim: the municipalities, one outline per island group.

    Municipalities that share an island (Iturup's three villages, Kunashir's two)
    are drawn once, named together, since no open source has their boundaries.
    """
    gdf = for_map(municipalities)
    col = name_column(lang)
    gdf = gdf.assign(label=gdf[col].fillna(gdf["name_en"]))
    rows = []
    for ids, part in gdf.groupby("island_ids", sort=False):
        names = " / ".join(escape_text(n) for n in part["label"])
        pops = "; ".join(
            f"{escape_text(r.label)}: {int(r.population):,} "
            f"<small>({cite(r.population_source, r.population_year, sources)})</small>"
            for r in part.itertuples()
            if pd.notna(r.population)
        )
        src = "; ".join(
            sorted(
                {
                    cite(s, y, sources)
                    for s, y in zip(part["source"], part["year"], strict=True)
                }
            )
        )
        tip = f"<b>{names}</b>"
        if pops:
            tip += f"<br>{escape_text(text('population', lang))}: {pops}"
        tip += f"<br><small>{src}</small>"
        rows.append(
            {
                "island_ids": escape_text(ids),
                "tooltip": tip,
                "geometry": part.geometry.iloc[0],
            }
        )
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    return _tooltip_layer(
        out,
        ["island_ids", "tooltip"],
        name=escape_text(name or text("layer_claims", lang)),
        show=show,
        style_function=lambda f: {
            "color": PALETTE["JPN"],
            "weight": 3,
            "dashArray": "2 6",
            "fill": True,
            "fillOpacity": 0.0,
        },
        zoom_on_click=False,
    )


@_checked
def borders_layer(
    borders: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Borders and lines, styled by kind, with their treaty, dates and source.

    Each feature carries ``valid_from`` and ``valid_to`` (ISO dates, "" when
    open), which the time slider reads. The layer is named by its first border
    unless ``name`` is given.
    """
    gdf = borders.to_crs(4326)
    col = name_column(lang)
    label = gdf[col].fillna(gdf["name_en"]).map(escape_text)
    src = gdf.apply(lambda r: cite(r["source"], r["year"], sources), axis=1)
    note = gdf["note"].map(escape_text)
    tip = (
        "<b>"
        + label
        + "</b><br><small>"
        + src
        + "</small><br><small>"
        + note
        + "</small>"
    )
    iso = lambda s: s.map(lambda d: "" if d is None or pd.isna(d) else str(d))  # noqa: E731
    out = gpd.GeoDataFrame(
        {
            "border_id": gdf["border_id"].map(escape_text),
            "kind": gdf["kind"],
            "valid_from": iso(gdf["valid_from"]),
            "valid_to": iso(gdf["valid_to"]),
            "tooltip": tip,
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    first = label.iloc[0] if len(label) else ""
    return _tooltip_layer(
        out,
        ["border_id", "kind", "valid_from", "valid_to", "tooltip"],
        name=escape_text(name) if name else first,
        show=show,
        tooltip_style="max-width: 360px; white-space: normal;",
        style_function=lambda f: dict(BORDER_STYLES[f["properties"]["kind"]]),
    )


@_checked
def holdings_layer(
    islands: gpd.GeoDataFrame,
    periods: pd.DataFrame,
    *,
    date=None,
    lang: str = "en",
    fill_opacity: float = FILL_OPACITY,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Islands coloured by who held them on ``date`` (by default the first day).

    Each feature carries all its ``periods`` (``[since, holder, event]``), so a
    time slider can recolour it without redrawing; the tooltip lists them.

    Parameters
    ----------
    islands : GeoDataFrame
        As returned by :func:`kurils.load_islands`.
    periods : DataFrame
        As returned by :func:`kurils.history.holdings`.
    date : date or ISO str, optional
    """
    gdf = for_map(islands)
    check_references(
        pd.Series(gdf["island_id"]), set(periods["island_id"]),
        "island_id (no holding period)", "<islands>",
    )  # fmt: skip
    col = name_column(lang)
    when = str(date) if date is not None else str(periods["since"].min())
    by_island = {
        iid: [
            [str(r.since), r.held_by, r.basis, r.basis_title] for r in grp.itertuples()
        ]
        for iid, grp in periods.groupby("island_id", sort=False)
    }

    def holder_at(spans: list) -> str:
        return [h for since, h, _, _ in spans if since <= when][-1]

    def tooltip(r) -> str:
        spans = by_island[r["island_id"]]
        name_ = escape_text(r[col] if pd.notna(r[col]) else r["name_en"])
        rows = "".join(
            f"<br>{escape_text(since)}: {escape_text(text('holder_' + h, lang))}"
            f" <small>({escape_text(title)})</small>"
            for since, h, _, title in spans
        )
        return f"<b>{name_}</b>{rows}"

    spans = gdf["island_id"].map(by_island)
    out = gpd.GeoDataFrame(
        {
            "island_id": gdf["island_id"].map(escape_text),
            "search": island_search(gdf),
            "tooltip": gdf.apply(tooltip, axis=1),
            "periods": spans.map(lambda ss: [[s, h] for s, h, _, _ in ss]),
            "fill": spans.map(lambda ss: HISTORY_PALETTE[holder_at(ss)]),
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return _tooltip_layer(
        out,
        ["island_id", "search", "tooltip", "periods", "fill"],
        name=escape_text(name or text("islands", lang)),
        show=show,
        control=False,
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "fillOpacity": fill_opacity,
            **LINES["outline"].leaflet(),
        },
        highlight_function=lambda f: {"weight": 3},
        zoom_on_click=False,
        smooth_factor=0.5,
    )


@_checked
def events_layer(
    timeline: pd.DataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Where each treaty was signed or each event happened, with a sourced popup."""
    ev = timeline.dropna(subset=["place_lon", "place_lat"])
    title = ev[f"title_{lang}"].fillna(ev["title_en"])

    def popup(r) -> str:
        titles = " · ".join(
            escape_text(r[c]) for c in name_columns("title") if pd.notna(r[c])
        )
        return (
            f"<b>{escape_text(r['date'])} — {escape_text(r['place_en'])}</b><br>{titles}"
            f"<br>{escape_text(r['summary_en'])}<br><small>{cite(r['source'], r['year'], sources)}</small>"
        )

    out = gpd.GeoDataFrame(
        {
            "event_id": ev["event_id"].map(escape_text),
            "date": ev["date"].map(str),
            "tooltip": ev["date"].map(str).map(escape_text)
            + " "
            + title.map(escape_text),
            "popup": ev.apply(popup, axis=1),
        },
        geometry=gpd.points_from_xy(ev["place_lon"].round(4), ev["place_lat"].round(4)),
        crs=4326,
    )
    return _tooltip_layer(
        out,
        ["event_id", "date", "tooltip", "popup"],
        name=escape_text(name or text("layer_events", lang)),
        show=show,
        popup_width=360,
        marker=_circle(radius=6, weight=2, fill_color="#F0E442"),
    )


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
    return _tooltip_layer(
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


def _frame(islands: gpd.GeoDataFrame) -> shapely.Polygon:
    """The box around the chain (the map's frame): context land outside it is
    not where its name belongs."""
    chain = islands[islands["group"] != "context"]
    return shapely.box(*(chain if len(chain) else islands).total_bounds)


def _label_point(geom, group: str, frame: shapely.Polygon | None = None):
    """Where a name goes: the representative point (always on land) of the
    largest part; for context land (Hokkaido, Kamchatka), of the part inside
    the chain's frame, so the name is not cut by the edge of the map."""
    if group == "context" and frame is not None:
        inside = shapely.intersection(geom, frame)
        geom = inside if not inside.is_empty else geom
    parts = shapely.get_parts(geom)
    return max(parts, key=lambda p: p.area).representative_point()


@_checked
def labels_layer(
    islands: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    min_area_km2: float = 5.0,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Island names in ``lang`` (islands of at least ``min_area_km2``).

    Islands under :data:`LABEL_ALWAYS_KM2` are named from zoom
    :data:`LABEL_SMALL_ZOOM` on, where their names no longer run into each other
    (the Chirpoy islands, the Habomai islets).
    """
    col = name_column(lang)
    big = islands[islands["area_km2"] >= min_area_km2]
    frame = _frame(islands)
    points = [
        _label_point(g, c, frame)
        for g, c in zip(big.geometry, big["group"], strict=True)
    ]
    group = folium.FeatureGroup(
        name=escape_text(name or text("layer_labels", lang)), show=show
    )
    labels = [
        [
            round(p.y, 4),
            round(p.x, 4),
            f'<div class="kurils-label">{escape_text(label)}</div>',
            0 if area >= LABEL_ALWAYS_KM2 else LABEL_SMALL_ZOOM,
        ]
        for label, p, area in zip(
            big[col].fillna(big["name_en"]), points, big["area_km2"], strict=True
        )
    ]
    # the largest first: where names would overlap, the page keeps these
    labels = [labels[i] for i in np.argsort(-big["area_km2"].to_numpy(), kind="stable")]
    Labels(labels).add_to(group)
    return group


@_checked
def places_layer(
    places: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Settlements and capes as small circles with a sourced tooltip."""
    gdf = places.to_crs(4326)
    col = name_column(lang)

    def tip(r) -> str:
        label = r[col] if pd.notna(r[col]) else r["name_en"]
        others = " · ".join(escape_text(r[c]) for c in name_columns() if pd.notna(r[c]))
        out = f"<b>{escape_text(label)}</b><br>{others}"
        if pd.notna(r["population"]):
            out += (
                f"<br>{escape_text(text('population', lang))}: {int(r['population']):,} "
                f"<small>({cite(r['population_source'], r['population_year'], sources)})</small>"
            )
        return out + f"<br><small>{cite(r['coord_source'], None, sources)}</small>"

    out = gpd.GeoDataFrame(
        {
            "place_id": gdf["place_id"].map(escape_text),
            "tooltip": gdf.apply(tip, axis=1),
        },
        geometry=shapely.set_precision(gdf.geometry.values, MAP_PRECISION),
        crs=4326,
    )
    return _tooltip_layer(
        out,
        ["place_id", "tooltip"],
        name=escape_text(name or text("layer_places", lang)),
        show=show,
        marker=_circle(radius=4, weight=1, fill_color="#ffffff"),
    )
