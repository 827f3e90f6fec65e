"""Compose the layers into one dispute map: views, legend, controls, attribution."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element
from folium.template import Template

from ..domain.admin_units import admin_units_for
from ..domain.borders import DEFAULT_LINES, borders_for
from ..domain.history import check_date, events, iso_date, periods_of
from ..domain.islands import check_user_islands, load_island_units, load_islands
from ..domain.places import load_places
from ..domain.population import load_population_1945
from ..domain.scenarios import Scenario
from ..domain.sources import load_sources
from ..domain.stakes import stakes
from ..domain.views import VIEWS
from ..i18n import LANGS, text, title
from ..style import (
    FILL_OPACITY,
    FILL_OPACITY_OVER_TILES,
    HISTORY_PALETTE,
    LINES,
    SEA,
)
from .controls import (
    Attribution,
    IslandSearch,
    Layout,
    Legend,
    Stacking,
    TimeSlider,
    ViewSwitch,
    page_file,
)
from .escape import escape_text
from .layers import for_map, holdings_layer, islands_layer, stripe_pattern
from .legend import attribution_html, history_legend, scenario_legend, views_legend
from .offline import KurilsMap, Page
from .plugins import Fullscreen, GroupedLayerControl
from .registry import LAYERS, MapData, below_land, web_layers
from .scenario_layer import scenario_layer
from .scenario_switch import add_switch, requested, scenario_radios, switch_base
from .tiles import ALIASES, tile_options

__all__ = ["TILES", "build_map"]

#: Short names of online basemaps; ``tiles=`` also takes any xyzservices provider.
TILES = ALIASES


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


def _slider_options(timeline: pd.DataFrame, lang: str) -> dict:
    """The slider's data: from the first event to the last (not today: the same
    data give the same page every day), the palette, and each event's title
    (escaped: the slider shows it with innerHTML)."""
    title_ = timeline[f"title_{lang}"].fillna(timeline["title_en"])
    return {
        "first": iso_date(timeline["date"].iloc[0]),
        "last": iso_date(timeline["date"].iloc[-1]),
        "palette": HISTORY_PALETTE,
        "events": [
            [iso_date(d), escape_text(t)]
            for d, t in zip(timeline["date"], title_, strict=True)
        ],
    }


def _map_data(
    lang: str,
    islands,
    date,
    history: bool,
    scenario: Scenario | None = None,
    switch: tuple[Scenario, ...] = (),
) -> tuple[MapData, pd.DataFrame]:
    """Every table the map draws, each read and checked once (a user's islands
    too), the islands simplified once for every layer; and the island-unit
    links the islands' popups cite."""
    # every loader reads through the shipped catalog: each table read once
    timeline = events()
    if date is not None:
        date = check_date(date, timeline)
    user = islands is not None
    links = load_island_units()
    islands = check_user_islands(islands) if user else load_islands()
    units = for_map(admin_units_for(islands))
    # treaty lines come from the shipped coastlines when the user's may lack a side
    borders = borders_for(
        None if user else islands,
        # today's map draws two lines: compute only those
        border_ids=None if (date is not None or history) else DEFAULT_LINES,
    )
    data = MapData(
        lang=lang,
        mode="history"
        if history
        else "scenarios"
        if switch
        else "scenario"
        if scenario is not None
        else "views"
        if date is None
        else "date",
        scenario=scenario,
        scenarios=switch,
        date=date,
        islands=for_map(islands),
        units=units,
        borders=borders,
        places=load_places(),
        timeline=timeline,
        sources=load_sources(),
    )
    return data, links


def _chain_frame(islands: gpd.GeoDataFrame) -> list[list[float]]:
    """[[south, west], [north, east]] of the chain (all the land if none)."""
    kurils = islands[islands["group"] != "context"]
    minx, miny, maxx, maxy = (kurils if len(kurils) else islands).total_bounds
    return [[round(float(v), 4) for v in c] for c in ([miny, minx], [maxy, maxx])]


def _new_map(islands: gpd.GeoDataFrame, page_title: str) -> KurilsMap:
    """An empty map in its page, with the page's own styles, and no view yet:
    the page frames the chain to the screen (kurils.web.controls.Layout), and
    Leaflet draws the layers only then, once, rather than at a first zoom and
    again at the framed one (the page loads in about 0.7 of the time)."""
    (south, west), (north, east) = _chain_frame(islands)
    fig = Page(title=page_title)
    m = KurilsMap(
        location=[(south + north) / 2, (west + east) / 2],
        tiles=None,
        zoom_start=None,  # no view: Layout sets it
        control_scale=True,
        zoom_snap=0.25,
        min_zoom=2,
        max_zoom=13,
    )
    fig.add_child(m)
    style = f":root {{ --kurils-sea: {SEA}; }}\n{page_file('kurils.css')}"
    fig.header.add_child(Element(f"<style>{style}</style>"), name="kurils_css")
    return m


def _tile_layer(basemap: dict | None, lang: str) -> folium.TileLayer | None:
    """The online basemap asked for, if any (never loaded unless asked for)."""
    if basemap is None:
        return None
    return folium.TileLayer(
        **basemap,
        name=escape_text(text("layer_tiles", lang)),
        overlay=True,
        show=True,
    )


def _base_layer(data: MapData, links, view: str, fill_opacity: float):
    """The islands: by holder in each point of view (with the hatching pattern
    of disputed land), or by who held them on the map's day."""
    if data.mode == "scenario":
        base = scenario_layer(
            data.islands, data.scenario, lang=data.lang, fill_opacity=fill_opacity
        )
        return base, None
    if data.mode == "scenarios":
        return switch_base(data, fill_opacity), None
    if data.mode != "views":
        periods = periods_of(data.timeline, data.islands)
        base = holdings_layer.__wrapped__(
            data.islands,
            periods,
            date=data.date,
            lang=data.lang,
            fill_opacity=fill_opacity,
        )
        return base, None
    pattern = stripe_pattern()
    base = islands_layer.__wrapped__(
        data.islands,
        view=view,
        lang=data.lang,
        sources=data.sources,
        units=data.units.set_index("unit_id"),
        links=links,
        pattern=pattern,
        groups=load_population_1945(),
        fill_opacity=fill_opacity,
    )
    return base, pattern


def _view_groups(m: KurilsMap, lang: str, view: str) -> list:
    """One empty layer per point of view: the layer control's radio buttons."""
    groups = []
    for v in VIEWS:
        name = escape_text(text(f"view_{v}", lang))
        groups.append((folium.FeatureGroup(name=name, show=v == view).add_to(m), v))
    return groups


def _layer_control(
    lang: str, views: list, overlays: list, key: str = "group_view"
) -> _LayerControl:
    """The points of view or the scenarios (exclusive: ``key`` names them) and
    the layers; folded on small screens, open on others
    (kurils.web.controls.Layout decides in the page)."""
    groups = {}
    view_group = escape_text(text(key, lang))
    if views:
        groups[view_group] = [fg for fg, _ in views]
    groups[escape_text(text("group_layers", lang))] = overlays
    return _LayerControl(
        groups,
        exclusive_groups=False,
        exclusiveGroups=[view_group] if views else [],
        collapsed=True,
    )


def _find_and_fullscreen(m: KurilsMap, base, lang: str) -> None:
    # leaflet-search shows its texts with innerHTML: escaped
    IslandSearch(
        base.geojson,
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


def build_map(
    view: str = "neutral",
    lang: str = "en",
    islands: gpd.GeoDataFrame | None = None,
    tiles: str | None = None,
    date=None,
    history: bool = False,
    scenario: Scenario | str | None = None,
    scenarios=None,
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
    tiles : str or xyzservices.TileProvider, optional
        Add an online basemap (needs network when viewed): ``"osm"`` or any
        xyzservices provider name, such as ``"Esri.WorldImagery"`` (see
        :func:`kurils.web.tiles.tile_names`), with its attribution. Default: none, the map
        draws land and sea from the shipped data and works offline.
    date : str (YYYY-MM-DD) or date, optional
        Draw the map as it stood on that day: who held each island, the borders
        in force (see :mod:`kurils.domain.history`). Points of view do not apply.
    history : bool, default False
        Add a time slider from 1855 to today that recolours the islands by holder
        and shows the borders in force, and the treaties and events as markers.
    scenario : kurils.Scenario or str, optional
        A settlement scenario (or a shipped one's id, see :func:`kurils.domain.scenarios`):
        the islands by who would hold them, its maritime zones, the line of any cut
        and, in the legend, what changes hands (:func:`kurils.domain.stakes`).
    scenarios : True or list of kurils.Scenario or str, optional
        A page switching between scenarios (``True``: the shipped ones), each
        with its holders, zones, cut line and stakes table (see
        :mod:`kurils.web.scenario_switch`); ``scenario`` is the one shown first.

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
    basemap = tile_options(tiles) if tiles is not None else None  # fails early
    if date is not None and history:
        raise ValueError("give either date= or history=True, not both")

    scenario, switch = requested(scenario, scenarios, date, history)
    data, links = _map_data(lang, islands, date, history, scenario, switch)
    m = _new_map(data.islands, title(view, lang))
    tile_layer = _tile_layer(basemap, lang)
    if tile_layer is not None:
        tile_layer.add_to(m)
    # lighter land over a basemap, which shows through
    fill_opacity = FILL_OPACITY if tile_layer is None else FILL_OPACITY_OVER_TILES
    base, pattern = _base_layer(data, links, view, fill_opacity)
    if pattern is not None:
        pattern.add_to(m)  # rendered before the islands, whatever the initial view
    base.add_to(m)
    built = web_layers(data)
    for layer in built.values():
        layer.add_to(m)
    views = _view_groups(m, lang, view) if data.mode == "views" else []
    if switch:
        views = scenario_radios(m, switch, lang, scenario)
    overlays = ([tile_layer] if tile_layer is not None else []) + list(built.values())
    key = "group_scenario" if switch else "group_view"
    layer_control = _layer_control(lang, views, overlays, key).add_to(m)
    _find_and_fullscreen(m, base, lang)
    if below_land(built) and not switch:  # the switch stacks its own layers
        Stacking(m, below_land(built)).add_to(m)
    if switch:
        add_switch(m, data, base.geojson, views, built, fill_opacity)
    elif views:
        lines = [x for x in LAYERS if x.legend and x.id in built]
        Legend(views_legend(data.islands, lang, lines), text("legend", lang)).add_to(m)
        style = {"fillOpacity": fill_opacity, "outline": LINES["outline"].color}
        style["weight"], style["initial"] = LINES["outline"].width, view
        ViewSwitch(m, base.geojson, pattern, views, style).add_to(m)
    elif scenario is not None:
        lines = [x for x in LAYERS if x.legend and x.id in built]
        html = scenario_legend(scenario, stakes([scenario]).iloc[0], lang, lines)
        Legend(html, text("legend", lang)).add_to(m)
    else:
        Legend(history_legend(lang, data.date), text("legend", lang)).add_to(m)
    if history:
        options = _slider_options(data.timeline, lang)
        TimeSlider(m, base.geojson, built["borders"].geojson, options).add_to(m)
    Attribution(attribution_html(lang)).add_to(m)
    frame, scroll = _chain_frame(data.islands), bool(switch)
    Layout(layer_control, frame, scroll_legend=scroll).add_to(m)  # last: it measures
    return m
