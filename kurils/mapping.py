"""Compose the layers into one dispute map: views, legend, controls, attribution."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element
from folium.plugins import Fullscreen, GroupedLayerControl
from folium.template import Template

from .admin_units import load_admin_units
from .borders import DEFAULT_LINES, load_borders
from .controls import (
    Attribution,
    IslandSearch,
    Layout,
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
    for_map,
    holdings_layer,
    islands_layer,
    stripe_pattern,
)
from .offline import KurilsMap, Page
from .places import load_places
from .population import load_population_1945
from .registry import LAYERS, Layer, MapData, web_layers
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
    keeps them in a set, whose order changes from run to run), and keeps the
    control in a variable, which the page's layout folds and opens (folium's
    template, otherwise as folium 0.20 writes it, discards it)."""

    _template = Template(
        """
        {% macro script(this,kwargs) %}
            var {{ this.get_name() }} = L.control.groupedLayers(
                null,
                {
                    {%- for group_name, overlays in this.grouped_overlays.items() %}
                    {{ group_name|tojson }} : {
                        {%- for overlaykey, val in overlays.items() %}
                        {{ overlaykey|tojson }} : {{val}},
                        {%- endfor %}
                    },
                    {%- endfor %}
                },
                {{ this.options|tojavascript }},
            ).addTo({{this._parent.get_name()}});
            {%- for val in this.layers_untoggle %}
            {{ val }}.remove();
            {%- endfor %}
        {% endmacro %}
        """
    )

    def render(self, **kwargs):
        hidden = set(self.layers_untoggle)
        self.layers_untoggle = [
            name
            for group in self.grouped_overlays.values()
            for name in group.values()
            if name in hidden
        ]
        super().render(**kwargs)


def _legend_html(islands: gpd.GeoDataFrame, lang: str, lines: list[Layer]) -> str:
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
        rows += [layer.legend_row(lang) for layer in lines]
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


def _attribution_html(lang: str) -> str:
    """The page's attribution line, short (it shares the bottom edge with the
    scale bar), in ``lang``; licences of the code are in the page source."""
    osm = (
        '<a href="https://www.openstreetmap.org/copyright" target="_blank" '
        'rel="noopener">OpenStreetMap</a>'
    )
    return escape_text(text("attribution_web", lang)).replace("&#123;osm&#125;", osm)


def _map_data(lang: str, islands, date, history: bool) -> tuple[MapData, pd.DataFrame]:
    """Every table the map draws, each read and checked once (a user's islands
    too), the islands simplified once for every layer; and the island-unit
    links the islands' popups cite."""
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
        # today's map draws two lines: compute only those
        border_ids=None if (date is not None or history) else DEFAULT_LINES,
    )
    data = MapData(
        lang=lang,
        mode="history" if history else "views" if date is None else "date",
        date=date,
        islands=for_map(islands),
        units=units,
        borders=borders,
        places=load_places(sources=known),
        timeline=timeline,
        sources=sources,
    )
    return data, links


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

    data, links = _map_data(lang, islands, date, history)
    islands, date = data.islands, data.date
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

    if data.mode == "views":
        pattern = stripe_pattern()
        pattern.add_to(m)  # rendered before the islands, whatever the initial view
        isl = islands_layer.__wrapped__(
            islands,
            view=view,
            lang=lang,
            sources=data.sources,
            units=data.units.set_index("unit_id"),
            links=links,
            pattern=pattern,
            groups=load_population_1945(),
            fill_opacity=fill_opacity,
        )
    else:
        periods = holdings(data.timeline, islands)
        isl = holdings_layer.__wrapped__(
            islands, periods, date=date, lang=lang, fill_opacity=fill_opacity
        )
    isl.add_to(m)
    built = web_layers(data)
    overlays = list(built.values())
    for layer in overlays:
        layer.add_to(m)
    groups = {}
    view_groups = []
    if data.mode == "views":
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
    # folded on small screens, open on others: kurils.layout decides in the page
    layer_control = _LayerControl(
        groups,
        exclusive_groups=False,
        exclusiveGroups=[escape_text(text("group_view", lang))] if view_groups else [],
        collapsed=True,
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
        lines = [x for x in LAYERS if x.legend and x.id in built]
        Legend(_legend_html(islands, lang, lines), text("legend", lang)).add_to(m)
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
        Legend(_history_legend_html(lang, date), text("legend", lang)).add_to(m)
    if history:
        first = str(data.timeline["date"].iloc[0])
        TimeSlider(
            m,
            isl.geojson,
            built["borders"].geojson,
            _slider_options(data.timeline, first, lang),
        ).add_to(m)
    Attribution(_attribution_html(lang)).add_to(m)
    frame = [[round(float(v), 4) for v in c] for c in ([miny, minx], [maxy, maxx])]
    Layout(layer_control, frame).add_to(m)  # last: it measures the controls
    return m
