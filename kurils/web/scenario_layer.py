"""A settlement scenario on the web map: the islands by who would hold them (an
island cut in two drawn as its two parts), the cut line, and what changes hands.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from ..domain.scenarios import Scenario, scenario_islands
from ..i18n import name_column, text
from ..style import LINES, PALETTE
from .escape import escape_text
from .geojson import land_layer, tooltip_layer

__all__ = [
    "cut_layer",
    "holder_line",
    "moved_line",
    "scenario_islands",
    "scenario_layer",
    "stakes_html",
]


def holder_line(scenario: Scenario, holder: str, lang: str) -> str:
    """An island's tooltip line under ``scenario``: its title and the holder
    (escaped HTML), on the scenario's page and on the switch's.

    Examples
    --------
    >>> s = Scenario("mine", "Mine & yours", holders={})
    >>> holder_line(s, "JPN", "ja")
    'Mine &amp; yours: 日本'
    """
    title = escape_text(getattr(scenario, f"title_{lang}") or scenario.title_en)
    return f"{title}: {escape_text(text('holder_' + holder, lang))}"


def moved_line(lang: str) -> str:
    """The tooltip's mark of land that changes hands (escaped HTML)."""
    return f"<br><i>{escape_text(text('scenario_moved', lang))}</i>"


def scenario_layer(
    islands: gpd.GeoDataFrame,
    scenario: Scenario,
    *,
    lang: str = "en",
    fill_opacity: float = 0.85,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """The islands coloured by who would hold them under ``scenario``; land that
    changes hands outlined dashed. ``islands`` are prepared for drawing."""
    gdf = scenario_islands(islands, scenario)
    col = name_column(lang)
    tip = [
        f"<b>{escape_text(n if pd.notna(n) else e)}</b><br>"
        + holder_line(scenario, h, lang)
        + (moved_line(lang) if m else "")
        for n, e, h, m in zip(
            gdf[col], gdf["name_en"], gdf["holder"], gdf["moved"], strict=True
        )
    ]
    out = gpd.GeoDataFrame(
        {
            "island_id": gdf["island_id"].map(escape_text),
            "search": gdf["island_id"].map(escape_text),
            "fill": gdf["holder"].map(PALETTE),
            "dash": gdf["moved"].map(
                {True: LINES["outline_disputed"].dash_array(), False: ""}
            ),
            "tooltip": tip,
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return land_layer(
        out,
        ["island_id", "search", "fill", "dash", "tooltip"],
        name=escape_text(name or text("islands", lang)),
        show=show,
        fill_opacity=fill_opacity,
    )


def cut_layer(
    scenario: Scenario, *, lang: str = "en", name: str | None = None, show: bool = True
) -> folium.FeatureGroup | None:
    """The scenario's cut lines (None when it cuts no island)."""
    if not scenario.cuts:
        return None
    tip = escape_text(text("layer_cut", lang))
    out = gpd.GeoDataFrame(
        {"tooltip": [tip] * len(scenario.cuts)},
        geometry=[c.line for c in scenario.cuts],
        crs=4326,
    )
    line = LINES["cut"].leaflet()
    return tooltip_layer(
        out,
        ["tooltip"],
        name=escape_text(name or text("layer_cut", lang)),
        show=show,
        style_function=lambda f: line,
    )


def stakes_html(row: pd.Series, lang: str) -> str:
    """What changes hands under one scenario (a row of :func:`kurils.domain.stakes`),
    as legend rows: land, territorial sea, EEZ, people, settlements."""
    km2 = text("km2", lang)
    rows = [
        (text("stakes_land", lang), f"{row['land_moved_km2']:,.0f} {km2}"),
        (text("stakes_sea", lang), f"{row['territorial_sea_moved_km2']:,.0f} {km2}"),
        (text("stakes_eez", lang), f"{row['eez_moved_km2']:,.0f} {km2}"),
        (
            text("stakes_people", lang),
            f"{int(row['population_moved']):,} ({row['population_year']})",
        ),
        (
            text("stakes_settlements", lang),
            ", ".join(str(row["settlements_moved"]).split(";"))
            if row["settlements_moved"]
            else "—",
        ),
    ]
    return "<br>".join(f"{escape_text(k)}: {escape_text(v)}" for k, v in rows)
