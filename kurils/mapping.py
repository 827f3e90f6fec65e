"""Compose the layers into one dispute map: views, legend, controls, attribution."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element
from folium.plugins import Fullscreen, GroupedLayerControl

from .admin_units import load_admin_units
from .borders import DEFAULT_LINES, load_borders
from .controls import (
    Attribution,
    IslandSearch,
    Legend,
    TimeSlider,
    ViewSwitch,
    page_file,
)
from .escape import escape_text
from .history import check_date, events, holdings
from .i18n import LANGS, text, title
from .islands import check_user_islands, load_island_units, load_islands
from .layers import (
    borders_layer,
    claims_layer,
    districts_layer,
    events_layer,
    for_map,
    holdings_layer,
    islands_layer,
    labels_layer,
    places_layer,
    stripe_pattern,
)
from .offline import KurilsMap, Page
from .places import load_places
from .sources import load_sources
from .style import (
    FILL_OPACITY,
    FILL_OPACITY_OVER_TILES,
    HATCH,
    HISTORY_PALETTE,
    LINES,
    PALETTE,
    SEA,
)
from .views import BORDER_STYLES, HOLDERS, VIEWS, holders

__all__ = ["TILES", "build_map"]

#: Online basemaps offered with ``tiles=`` (never loaded unless asked for).
TILES = {
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
}


class _LayerControl(GroupedLayerControl):
    """GroupedLayerControl that hides layers in the control's own order (folium
    keeps them in a set, whose order changes from run to run)."""

    def render(self, **kwargs):
        hidden = set(self.layers_untoggle)
        self.layers_untoggle = [
            name
            for group in self.grouped_overlays.values()
            for name in group.values()
            if name in hidden
        ]
        super().render(**kwargs)


def _legend_html(islands: gpd.GeoDataFrame, lang: str, has_borders: bool) -> str:
    parts = []
    for view in VIEWS:
        present = [h for h in HOLDERS if h in set(holders(islands, view))]
        rows = []
        for h in present:
            swatch = (
                f"background: repeating-linear-gradient({HATCH['angle']}deg, "
                f"{HATCH['color']} 0 {HATCH['width']}px, "
                f"{HATCH['space_color']} {HATCH['width']}px {2 * HATCH['width']}px);"
                if h == "disputed"
                else f"background: {PALETTE[h]};"
            )
            rows.append(
                f'<i style="{swatch}"></i>{escape_text(text("holder_" + h, lang))}'
            )
        rows.append(f'<i class="dashed"></i>{escape_text(text("dashed", lang))}')
        if has_borders:
            rows.append(
                f'<i class="line"></i>{escape_text(text("layer_shimoda", lang))}'
            )
            colour = BORDER_STYLES["line_of_control"]["color"]
            rows.append(
                f'<i class="line" style="border-top-color: {colour};"></i>'
                f"{escape_text(text('layer_control', lang))}"
            )
        # each view's title in that side's own terms (kurils.i18n.title)
        parts.append(
            f'<div data-view="{view}"><h4>{escape_text(title(view, lang))}</h4>'
            f"<h4>{escape_text(text('view_shown', lang))}: "
            f"{escape_text(text('view_' + view, lang))}</h4>"
            + "<br>".join(rows)
            + "</div>"
        )
    return "".join(parts)


def _history_legend_html(lang: str, date) -> str:
    head = (
        f'{escape_text(text("on_date", lang))}: <span class="kurils-date">{escape_text(date)}</span>'
        if date is not None
        else escape_text(text("history", lang))
    )
    rows = [
        f'<i style="background: {HISTORY_PALETTE[h]};"></i>{escape_text(text("holder_" + h, lang))}'
        for h in ("JPN", "RUS", "SUN", "JOINT")
    ]
    for kind, style in BORDER_STYLES.items():
        if kind == "proposed":  # never in force: not on the slider or a day's map
            continue
        rows.append(
            f'<i class="line" style="border-top: 3px dashed {style["color"]};"></i>'
            f"{escape_text(text('kind_' + kind, lang))}"
        )
    return f"<h4>{escape_text(text('title', lang))}</h4><h4>{head}</h4>" + "<br>".join(
        rows
    )


def _slider_options(timeline: pd.DataFrame, first: str, lang: str) -> dict:
    """The slider's data: from the first event to the last (not today: the same
    data give the same page every day), the palette, and each event's title
    (escaped: the slider shows it with innerHTML)."""
    title_ = timeline[f"title_{lang}"].fillna(timeline["title_en"])
    return {
        "first": first,
        "last": str(timeline["date"].iloc[-1]),
        "palette": HISTORY_PALETTE,
        "events": [
            [str(d), escape_text(t)]
            for d, t in zip(timeline["date"], title_, strict=True)
        ],
    }


def _attribution_html(sources) -> str:
    osm = sources.loc["osm_land_polygons"]
    return (
        "Coastlines &copy; "
        '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">'
        f"OpenStreetMap</a> contributors ({escape_text(osm['licence'])}) &middot; "
        "facts: kurils (CC BY-SA 4.0) from MOFA, GSI, Wikipedia et al., "
        "sources in popups; code licences in the page source"
    )


def build_map(
    view: str = "neutral",
    lang: str = "en",
    islands: gpd.GeoDataFrame | None = None,
    tiles: str | None = None,
    date=None,
    history: bool = False,
) -> KurilsMap:
    """Build the layered dispute map.

    Parameters
    ----------
    view : {"neutral", "de_facto", "japan", "russia"}, default "neutral"
        The point of view shown when the map opens; the other views stay one
        click away in the layer control.
    lang : {"en", "ru", "ja"}, default "en"
        Language of labels, layer names, legend and popups.
    islands : GeoDataFrame, optional
        A user's own (edited) islands, e.g. from :func:`kurils.load_islands`; any
        CRS. Default: the shipped islands.
    tiles : {"osm"}, optional
        Add an online basemap (needs network when viewed). Default: none, the map
        draws land and sea from the shipped data and works offline.
    date : str (YYYY-MM-DD) or date, optional
        Draw the map as it stood on that day: who held each island, the borders
        in force (see :mod:`kurils.history`). Points of view do not apply.
    history : bool, default False
        Add a time slider from 1855 to today that recolours the islands by holder
        and shows the borders in force, and the treaties and events as markers.

    Returns
    -------
    KurilsMap
        A :class:`folium.Map` that displays inline in Jupyter (offline) and can be
        saved as one self-contained file with :func:`kurils.save_map`.

    Raises
    ------
    ValueError
        For an unknown view, language or tile name, or a date kurils' history does
        not cover (before 1855-02-07, in the future, not YYYY-MM-DD).
    KurilsDataError
        For a user GeoDataFrame without the columns the map needs.

    Examples
    --------
    >>> m = build_map(view="japan", lang="ja")
    >>> sorted(c["name"] for c in m.to_dict()["children"].values())[:3]
    ['Attribution', 'FeatureGroup', 'FeatureGroup']
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    if tiles is not None and tiles not in TILES:
        raise ValueError(f"unknown tiles {tiles!r}; choose one of {', '.join(TILES)}")
    if date is not None and history:
        raise ValueError("give either date= or history=True, not both")

    sources = load_sources()
    known = sources.index  # handed on, so the sources table is read once
    timeline = events(sources=known)
    if date is not None:
        date = check_date(date, timeline)
    user = islands is not None
    links = load_island_units(sources=known)  # read once, handed to both loaders
    islands = (
        check_user_islands(islands)
        if user
        else load_islands(sources=known, island_units=links)
    )
    units = for_map(
        load_admin_units(islands=islands, island_units=links, sources=known)
    )
    # treaty lines come from the shipped coastlines when the user's may lack a side
    borders = load_borders(
        None if user else islands,
        sources=known,
        timeline=timeline,
        # the default map draws two lines: compute only those
        border_ids=None if (date is not None or history) else DEFAULT_LINES,
    )
    islands = for_map(islands)  # simplified once, for every layer
    unit_table = units.set_index("unit_id")
    places = load_places(sources=known)

    kurils = islands[islands["group"] != "context"]
    (minx, miny, maxx, maxy) = (kurils if len(kurils) else islands).total_bounds
    fig = Page(title=title(view, lang))
    m = KurilsMap(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        tiles=None,
        zoom_start=5,
        control_scale=True,
        zoom_snap=0.25,
        min_zoom=2,
        max_zoom=13,
    )
    fig.add_child(m)
    style = f":root {{ --kurils-sea: {SEA}; }}\n{page_file('kurils.css')}"
    fig.header.add_child(Element(f"<style>{style}</style>"), name="kurils_css")
    fill_opacity = FILL_OPACITY
    tile_layer = None
    if tiles is not None:
        url, attr = TILES[tiles]
        tile_layer = folium.TileLayer(
            url,
            attr=attr,
            name=escape_text(text("layer_tiles", lang)),
            overlay=True,
            show=True,
        ).add_to(m)
        fill_opacity = FILL_OPACITY_OVER_TILES  # let the basemap show through

    present = borders[borders["kind"] != "proposed"]
    if date is not None or history:
        periods = holdings(timeline, islands)
        isl = holdings_layer.__wrapped__(
            islands, periods, date=date, lang=lang, fill_opacity=fill_opacity
        )
        if date is not None:
            on = present["valid_from"].map(lambda d: d <= date) & present[
                "valid_to"
            ].map(lambda d: d is None or pd.isna(d) or date < d)
            lines = [
                borders_layer.__wrapped__(
                    present[on],
                    lang=lang,
                    sources=sources,
                    name=text("layer_borders", lang),
                )
            ]
        else:  # the slider shows the lines in force: not the 1956 proposal
            lines = [
                borders_layer.__wrapped__(
                    present,
                    lang=lang,
                    sources=sources,
                    name=text("layer_borders", lang),
                )
            ]
    else:
        pattern = stripe_pattern()
        pattern.add_to(m)  # rendered before the islands, whatever the initial view
        isl = islands_layer.__wrapped__(
            islands,
            view=view,
            lang=lang,
            sources=sources,
            units=unit_table,
            links=links,
            pattern=pattern,
            fill_opacity=fill_opacity,
        )
        lines = [
            borders_layer.__wrapped__(
                borders[borders["border_id"] == "shimoda_1855"],
                lang=lang,
                sources=sources,
                name=text("layer_shimoda", lang),
            ),
            borders_layer.__wrapped__(
                borders[borders["kind"] == "line_of_control"],
                lang=lang,
                sources=sources,
                name=text("layer_control", lang),
            ),
        ]
    isl.add_to(m)
    # a user's islands may match no district or no claimed municipality
    ru, jp = (units[units["country"] == c] for c in ("RUS", "JPN"))
    overlays = [
        *(
            [districts_layer.__wrapped__(ru, lang=lang, sources=sources)]
            if len(ru)
            else []
        ),
        *(
            [claims_layer.__wrapped__(jp, lang=lang, sources=sources)]
            if len(jp)
            else []
        ),
        *lines,
        labels_layer.__wrapped__(islands, lang=lang),
        places_layer.__wrapped__(places, lang=lang, sources=sources),
    ]
    if history:
        overlays.append(events_layer.__wrapped__(timeline, lang=lang, sources=sources))
    for layer in overlays:
        layer.add_to(m)
    groups = {}
    view_groups = []
    if date is None and not history:
        for v in VIEWS:
            fg = folium.FeatureGroup(
                name=escape_text(text(f"view_{v}", lang)), show=v == view
            )
            fg.add_to(m)
            view_groups.append((fg, v))
        groups[escape_text(text("group_view", lang))] = [fg for fg, _ in view_groups]
    groups[escape_text(text("group_layers", lang))] = (
        [tile_layer] if tile_layer else []
    ) + overlays
    _LayerControl(
        groups,
        exclusive_groups=False,
        exclusiveGroups=[escape_text(text("group_view", lang))] if view_groups else [],
        collapsed=False,
    ).add_to(m)
    # leaflet-search shows its texts with innerHTML: escaped
    IslandSearch(
        isl.geojson,
        {
            "collapsed": True,
            "placeholder": text("search", lang),
            "position": "topleft",
            "textErr": escape_text(text("not_found", lang)),
            "textCancel": escape_text(text("cancel", lang)),
        },
    ).add_to(m)
    Fullscreen(
        position="topleft",
        title=escape_text(text("fullscreen", lang)),
        title_cancel=escape_text(text("exit_fullscreen", lang)),
    ).add_to(m)
    if view_groups:
        Legend(_legend_html(islands, lang, has_borders=len(borders) > 0)).add_to(m)
        ViewSwitch(
            m,
            isl.geojson,
            pattern,
            view_groups,
            {
                "initial": view,
                "fillOpacity": fill_opacity,
                "outline": LINES["outline"].color,
                "weight": LINES["outline"].width,
            },
        ).add_to(m)
    else:
        first = str(timeline["date"].iloc[0])
        Legend(_history_legend_html(lang, date)).add_to(m)
    if history:
        TimeSlider(
            m, isl.geojson, lines[0].geojson, _slider_options(timeline, first, lang)
        ).add_to(m)
    Attribution(_attribution_html(sources)).add_to(m)
    # leave room for the expanded layer control on the right
    m.fit_bounds(
        [[miny, minx], [maxy, maxx]],
        padding_top_left=(10, 10),
        padding_bottom_right=(330, 130 if history else 40),  # the slider, bottom left
    )
    return m
