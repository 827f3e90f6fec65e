"""One builder per map layer, in the manner of ``GeoDataFrame.explore()``.

Each builder takes a GeoDataFrame (reprojected to EPSG:4326 here), ``name=`` and
``show=``, and returns a :class:`folium.FeatureGroup` that can be added to any map.
Colours and text are computed in pandas (:mod:`kurils.domain.views`, :mod:`kurils.web.popups`)
into properties, so style functions only read a property, and every piece of text
is escaped before it reaches the page.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely

from ..domain.history import iso_date
from ..domain.views import BORDER_STYLES, VIEWS, style_columns
from ..drawing import MAP_PRECISION, MAP_TOLERANCE, MIN_PART_M2, for_map
from ..i18n import name_column, name_columns, text
from ..style import (
    FILL_OPACITY,
    HATCH,
    HIGHLIGHT_WIDTH,
    LINES,
    PALETTE,
    UNIT_FILL_OPACITY,
    UNIT_LINE_WIDTH,
)
from .choropleth import choropleth_layer
from .escape import escape_text
from .geojson import circle, tooltip_layer
from .history_layers import events_layer, holdings_layer
from .labels import LABEL_SMALL_ZOOM, labels_layer
from .layer_checks import checked
from .plugins import StripePattern
from .popups import citations, each, island_popup, island_search, island_tooltip

__all__ = [
    "LABEL_SMALL_ZOOM",
    "MAP_PRECISION",
    "MAP_TOLERANCE",
    "MIN_PART_M2",
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

# Okabe-Ito colours for the three Russian districts (distinct from the holders).
DISTRICT_COLOURS = {
    "severo_kurilsky": "#009E73",
    "kurilsky": "#CC79A7",
    "yuzhno_kurilsky": "#56B4E9",
}


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


@checked
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

    group = tooltip_layer(
        gdf,
        keep,
        name=escape_text(name or text("islands", lang)),
        show=show,
        control=False,
        popup_width=420,
        style_function=style_function,
        highlight_function=lambda f: {"weight": HIGHLIGHT_WIDTH},
        zoom_on_click=False,
        smooth_factor=0.5,
    )
    group.pattern = pattern
    return group


@checked
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
    cite = citations(sources)
    population = escape_text(text("population", lang))

    def tip(r) -> str:
        name = escape_text(r[col] if pd.notna(r[col]) else r["name_en"])
        pop = (
            f"<br>{population}: {int(r['population']):,} "
            f"<small>({cite(r['population_source'], r['population_year'])})</small>"
            if pd.notna(r["population"])
            else ""
        )
        return (
            f"<b>{name}</b> — {escape_text(r['centre'])}{pop}"
            f"<br><small>{cite(r['source'], r['year'])}</small>"
        )

    out = gpd.GeoDataFrame(
        {
            "unit_id": gdf["unit_id"],
            "tooltip": each(gdf, tip),
            "colour": gdf["unit_id"].map(DISTRICT_COLOURS).fillna(PALETTE["outline"]),
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return tooltip_layer(
        out,
        ["unit_id", "tooltip", "colour"],
        name=escape_text(name or text("layer_districts", lang)),
        show=show,
        style_function=lambda f: {
            "color": f["properties"]["colour"],
            "weight": UNIT_LINE_WIDTH,
            "fillColor": f["properties"]["colour"],
            "fillOpacity": UNIT_FILL_OPACITY,
        },
        zoom_on_click=False,
    )


@checked
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
    cite = citations(sources)
    rows = []
    for ids, part in gdf.groupby("island_ids", sort=False):
        names = " / ".join(escape_text(n) for n in part["label"])
        pops = "; ".join(
            f"{escape_text(r.label)}: {int(r.population):,} "
            f"<small>({cite(r.population_source, r.population_year)})</small>"
            for r in part.itertuples()
            if pd.notna(r.population)
        )
        src = "; ".join(
            sorted(
                {cite(s, y) for s, y in zip(part["source"], part["year"], strict=True)}
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
    return tooltip_layer(
        out,
        ["island_ids", "tooltip"],
        name=escape_text(name or text("layer_claims", lang)),
        show=show,
        style_function=lambda f: {
            **LINES["claim"].leaflet(),
            "fill": True,
            "fillOpacity": 0.0,
        },
        zoom_on_click=False,
    )


@checked
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
    cite = citations(sources)
    rows = gdf.drop(columns=gdf.geometry.name).to_dict("records")
    label = [escape_text(r[col] if pd.notna(r[col]) else r["name_en"]) for r in rows]
    out = gpd.GeoDataFrame(
        {
            "border_id": [escape_text(r["border_id"]) for r in rows],
            "kind": [r["kind"] for r in rows],
            "valid_from": [iso_date(r["valid_from"]) for r in rows],
            "valid_to": [iso_date(r["valid_to"]) for r in rows],
            "tooltip": [
                f"<b>{name}</b><br><small>{cite(r['source'], r['year'])}</small>"
                f"<br><small>{escape_text(r['note'])}</small>"
                for name, r in zip(label, rows, strict=True)
            ],
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    first = label[0] if label else ""
    return tooltip_layer(
        out,
        ["border_id", "kind", "valid_from", "valid_to", "tooltip"],
        name=escape_text(name) if name else first,
        show=show,
        tooltip_style="max-width: 360px; white-space: normal;",
        style_function=lambda f: dict(BORDER_STYLES[f["properties"]["kind"]]),
    )


@checked
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
    cite = citations(sources)

    def tip(r) -> str:
        label = r[col] if pd.notna(r[col]) else r["name_en"]
        others = " · ".join(escape_text(r[c]) for c in name_columns() if pd.notna(r[c]))
        out = f"<b>{escape_text(label)}</b><br>{others}"
        if pd.notna(r["population"]):
            out += (
                f"<br>{escape_text(text('population', lang))}: {int(r['population']):,} "
                f"<small>({cite(r['population_source'], r['population_year'])})</small>"
            )
        return out + f"<br><small>{cite(r['coord_source'], None)}</small>"

    out = gpd.GeoDataFrame(
        {
            "place_id": gdf["place_id"].map(escape_text),
            "tooltip": each(gdf, tip),
        },
        geometry=shapely.set_precision(gdf.geometry.values, MAP_PRECISION),
        crs=4326,
    )
    return tooltip_layer(
        out,
        ["place_id", "tooltip"],
        name=escape_text(name or text("layer_places", lang)),
        show=show,
        marker=circle(radius=4, weight=1, fill_color="#ffffff"),
    )
