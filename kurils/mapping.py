"""Compose the layers into one dispute map: views, legend, controls, attribution."""

from __future__ import annotations

from dataclasses import replace

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from folium.plugins import Fullscreen, GroupedLayerControl, Search
from jinja2 import Template

from . import schema
from .admin_units import load_admin_units
from .borders import DEFAULT_LINES, load_borders
from .errors import KurilsDataError
from .escape import escape_text
from .history import check_date, events, holdings
from .i18n import LANGS, text
from .islands import load_island_units, load_islands
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
from .measurement import area_km2
from .offline import KurilsFigure, KurilsMap
from .places import load_places
from .sources import load_sources
from .validate import validate_geometry, validate_table
from .views import BORDER_STYLES, HISTORY_PALETTE, HOLDERS, PALETTE, VIEWS, holders

__all__ = ["TILES", "build_map"]

#: Online basemaps offered with ``tiles=`` (never loaded unless asked for).
TILES = {
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
}

_CSS = """
<style>
.folium-map.leaflet-container { background: #bcd7ea; }
.leaflet-container { font-family: "Noto Sans", "Noto Sans CJK JP", "DejaVu Sans", sans-serif; }
.kurils-label { position: absolute; transform: translate(-50%, -50%); white-space: nowrap;
  font-size: 12px; font-weight: 600; color: #1a1a1a; pointer-events: none;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
.kurils-legend { background: rgba(255,255,255,0.92); padding: 8px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font-size: 12px; line-height: 1.5; max-width: 300px; }
.kurils-legend h4 { margin: 0 0 4px; font-size: 13px; }
.kurils-slider.kurils-legend { max-width: 460px; }
.kurils-legend i { display: inline-block; width: 18px; height: 12px; margin-right: 6px;
  vertical-align: -2px; border: 1px solid #333; }
.kurils-legend i.dashed { border: 2px dashed #333; background: #fff; }
.kurils-legend i.line { height: 0; border: 0; border-top: 3px dashed #000; vertical-align: 3px; }
.kurils-popup table { border-collapse: collapse; margin-top: 4px; }
.kurils-popup th { text-align: left; padding: 2px 6px 2px 0; vertical-align: top; font-weight: 600; }
.kurils-popup td { padding: 2px 0; vertical-align: top; }
</style>
"""


class _ViewSwitch(MacroElement):
    """Restyles the islands when a point-of-view radio button is chosen, and
    shows that view's part of the legend."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this.map.get_name() }};
            var islands = {{ this.geojson.get_name() }};
            var pattern = {{ this.pattern.get_name() }};
            var views = [{% for fg, v in this.views %}[{{ fg.get_name() }}, {{ v|tojson }}]{{ "," if not loop.last }}{% endfor %}];
            function style(view) {
                return function(feature) {
                    var p = feature.properties;
                    return {fillColor: p["fill_" + view], fillOpacity: {{ this.fill_opacity }},
                            color: {{ this.outline|tojson }}, weight: 1,
                            dashArray: p.dash || null,
                            fillPattern: p["hatch_" + view] ? pattern : null};
                };
            }
            function show(view) {
                islands.options.style = style(view);  // resetStyle() after a hover uses it
                islands.setStyle(style(view));
                var parts = document.querySelectorAll(".kurils-legend [data-view]");
                for (var i = 0; i < parts.length; i++) {
                    parts[i].style.display = parts[i].getAttribute("data-view") === view ? "" : "none";
                }
                map.getContainer().setAttribute("data-kurils-view", view);
            }
            map.on("overlayadd", function(e) {
                for (var i = 0; i < views.length; i++) {
                    if (e.layer === views[i][0]) { show(views[i][1]); }
                }
            });
            show({{ this.initial|tojson }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, m, geojson, pattern, views, initial, fill_opacity):
        super().__init__()
        self._name = "ViewSwitch"
        self.map, self.geojson, self.pattern = m, geojson, pattern
        self.views, self.initial, self.fill_opacity = views, initial, fill_opacity
        self.outline = PALETTE["outline"]


class _Legend(MacroElement):
    """A Leaflet control holding one legend per view; only the active one shows."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "kurils-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html = html


class _Attribution(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.prefix|tojson }});
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.html|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "Attribution"
        self.prefix = (
            '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>'
        )
        self.html = html


class _IslandSearch(Search):
    """folium's Search, matching anywhere in a name (not only at its start) and
    keeping the map's own styles when a result is found."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = new L.Control.Search({
                layer: {{ this.layer.get_name() }},
                propertyName: {{ this.search_label|tojson }},
                initial: false,
                collapsed: {{ this.collapsed|tojson }},
                textPlaceholder: {{ this.placeholder|tojson }},
                textErr: {{ this.text_err|tojson }},
                textCancel: {{ this.text_cancel|tojson }},
                position: {{ this.position|tojson }},
                marker: false,
                moveToLocation: function(latlng, title, map) {
                    map.fitBounds(latlng.layer.getBounds(), {maxZoom: 10});
                }
            });
            {{ this.get_name() }}.on("search:locationfound", function(e) {
                // the popup is bound to the whole GeoJSON layer: a click on the
                // island, passed up to it, opens the island's own popup
                e.layer.fire("click", {latlng: e.layer.getCenter()}, true);
            });
            {{ this._parent.get_name() }}.addControl({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, layer, lang: str, **kwargs):
        super().__init__(layer, **kwargs)
        # leaflet-search shows these with innerHTML
        self.text_err = escape_text(text("not_found", lang))
        self.text_cancel = escape_text(text("cancel", lang))


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
                f"background: repeating-linear-gradient(-45deg, {PALETTE['stripe']} 0 3px, "
                f"{PALETTE['disputed']} 3px 6px);"
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
        parts.append(
            f'<div data-view="{view}"><h4>{escape_text(text("view_shown", lang))}: '
            f"{escape_text(text('view_' + view, lang))}</h4>"
            + "<br>".join(rows)
            + "</div>"
        )
    title = f"<h4>{escape_text(text('title', lang))}</h4>"
    return title + "".join(parts)


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


class _TimeSlider(MacroElement):
    """A slider from the first event to today: recolours the islands by holder,
    shows the borders in force, and names the latest event."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this.map.get_name() }};
            var islands = {{ this.islands.get_name() }};
            var borders = {{ this.borders.get_name() }};
            var palette = {{ this.palette|tojson }};
            var events = {{ this.events|tojson }};
            var first = Date.parse({{ this.first|tojson }});
            var day = 86400000;
            var last = Math.round((Date.parse({{ this.today|tojson }}) - first) / day);
            var baseStyle = islands.options.style;
            var lines = [];
            borders.eachLayer(function(l) { lines.push(l); });
            var control = L.control({position: "bottomleft"});
            control.onAdd = function() {
                var div = L.DomUtil.create("div", "kurils-slider kurils-legend");
                div.innerHTML = '<input type="range" min="0" step="1" style="width: 420px;">'
                    + '<div><b class="kurils-slider-date"></b> <span class="kurils-slider-event"></span></div>';
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            control.addTo(map);
            var input = control.getContainer().querySelector("input");
            input.max = last;
            input.value = 0;
            function iso(v) { return new Date(first + v * day).toISOString().slice(0, 10); }
            function holderAt(periods, d) {
                var h = null;
                for (var i = 0; i < periods.length; i++) { if (periods[i][0] <= d) { h = periods[i][1]; } }
                return h;
            }
            function show(v) {
                var d = iso(v);
                islands.options.style = function(f) {
                    var s = baseStyle(f);
                    s.fillColor = palette[holderAt(f.properties.periods, d)] || "#ffffff";
                    return s;
                };
                islands.setStyle(islands.options.style);
                lines.forEach(function(l) {
                    var p = l.feature.properties;
                    var on = p.valid_from <= d && (!p.valid_to || d < p.valid_to);
                    if (on && !borders.hasLayer(l)) { borders.addLayer(l); }
                    if (!on && borders.hasLayer(l)) { borders.removeLayer(l); }
                });
                var latest = "";
                for (var i = 0; i < events.length; i++) { if (events[i][0] <= d) { latest = events[i][1]; } }
                var box = control.getContainer();
                box.querySelector(".kurils-slider-date").textContent = d;
                box.querySelector(".kurils-slider-event").innerHTML = latest;
                map.getContainer().setAttribute("data-kurils-date", d);
            }
            input.addEventListener("input", function() { show(+input.value); });
            show(0);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, m, islands, borders, timeline, first, lang):
        super().__init__()
        self._name = "TimeSlider"
        self.map, self.islands, self.borders = m, islands, borders
        self.palette = HISTORY_PALETTE
        title = timeline[f"title_{lang}"].fillna(timeline["title_en"])
        # escaped: the slider sets the event title with innerHTML
        self.events = [
            [str(d), escape_text(t)]
            for d, t in zip(timeline["date"], title, strict=True)
        ]
        self.first = first
        # the last event, not today: the same data give the same page every day
        self.today = str(timeline["date"].iloc[-1])


def _attribution_html(sources) -> str:
    osm = sources.loc["osm_land_polygons"]
    return (
        "Coastlines &copy; "
        '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">'
        f"OpenStreetMap</a> contributors ({escape_text(osm['licence'])}) &middot; "
        "facts: kurils (CC BY-SA 4.0) from MOFA, GSI, Wikipedia et al., "
        "sources in popups; code licences in the page source"
    )


# What the map reads from a user's islands, checked like the loaders check files.
_MAP_ISLANDS = replace(
    schema.ISLANDS,
    name="map islands",
    # the names, groups, holders and status: the first columns of ISLANDS
    columns=schema.ISLANDS.columns[: schema.ISLANDS.columns.index("japan_view") + 1],
    integer=(),
    number=(),
    facts={},
    ranges={},
    required=(
        "island_id",
        "name_en",
        "group",
        "administered_by",
        "claimed_by",
        "status",
    ),
)


def _check_islands(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A user's GeoDataFrame: the columns and values the map reads, valid geometry
    in the region, unique ids; any CRS (reprojected, as explore() does)."""
    where = "<islands>"
    if not isinstance(islands, gpd.GeoDataFrame):
        raise KurilsDataError(where, "expected a GeoDataFrame")
    if islands.crs is None:
        raise KurilsDataError(where, "no CRS; expected EPSG:4326 (lon/lat, WGS 84)")
    validate_table(
        pd.DataFrame(islands.drop(columns=islands.geometry.name)), _MAP_ISLANDS, where
    )
    out = validate_geometry(islands.to_crs(4326).reset_index(drop=True), where)
    for col in [c for c in schema.ISLANDS.columns if c not in out.columns]:
        out[col] = None  # optional facts the user's table does not have
    if "area_km2" not in out.columns:
        out["area_km2"] = area_km2(out).round(2)
    return out


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
        _check_islands(islands)
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
    fig = KurilsFigure(title=text("title", lang))
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
    fig.header.add_child(Element(_CSS), name="kurils_css")
    fill_opacity = 0.85
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
        fill_opacity = 0.55  # let the basemap show through

    present = borders[borders["kind"] != "proposed"]
    if date is not None or history:
        periods = holdings(timeline, islands)
        isl = holdings_layer(
            islands, periods, date=date, lang=lang, fill_opacity=fill_opacity
        )
        if date is not None:
            on = present["valid_from"].map(lambda d: d <= date) & present[
                "valid_to"
            ].map(lambda d: d is None or pd.isna(d) or date < d)
            lines = [
                borders_layer(
                    present[on],
                    lang=lang,
                    sources=sources,
                    name=text("layer_borders", lang),
                )
            ]
        else:  # the slider shows the lines in force: not the 1956 proposal
            lines = [
                borders_layer(
                    present,
                    lang=lang,
                    sources=sources,
                    name=text("layer_borders", lang),
                )
            ]
    else:
        pattern = stripe_pattern()
        pattern.add_to(m)  # rendered before the islands, whatever the initial view
        isl = islands_layer(
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
            borders_layer(
                borders[borders["border_id"] == "shimoda_1855"],
                lang=lang,
                sources=sources,
                name=text("layer_shimoda", lang),
            ),
            borders_layer(
                borders[borders["kind"] == "line_of_control"],
                lang=lang,
                sources=sources,
                name=text("layer_control", lang),
            ),
        ]
    isl.add_to(m)
    overlays = [
        districts_layer(units[units["country"] == "RUS"], lang=lang, sources=sources),
        claims_layer(units[units["country"] == "JPN"], lang=lang, sources=sources),
        *lines,
        labels_layer(islands, lang=lang),
        places_layer(places, lang=lang, sources=sources),
    ]
    if history:
        overlays.append(events_layer(timeline, lang=lang, sources=sources))
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
    _IslandSearch(
        isl.geojson,
        lang,
        search_label="search",
        geom_type="Polygon",
        placeholder=text("search", lang),
        position="topleft",
        collapsed=True,
    ).add_to(m)
    Fullscreen(
        position="topleft",
        title=escape_text(text("fullscreen", lang)),
        title_cancel=escape_text(text("exit_fullscreen", lang)),
    ).add_to(m)
    if view_groups:
        _Legend(_legend_html(islands, lang, has_borders=len(borders) > 0)).add_to(m)
        _ViewSwitch(m, isl.geojson, pattern, view_groups, view, fill_opacity).add_to(m)
    else:
        first = str(timeline["date"].iloc[0])
        _Legend(_history_legend_html(lang, date)).add_to(m)
    if history:
        _TimeSlider(m, isl.geojson, lines[0].geojson, timeline, first, lang).add_to(m)
    _Attribution(_attribution_html(sources)).add_to(m)
    # leave room for the expanded layer control on the right
    m.fit_bounds(
        [[miny, minx], [maxy, maxx]],
        padding_top_left=(10, 10),
        padding_bottom_right=(330, 130 if history else 40),  # the slider, bottom left
    )
    return m
