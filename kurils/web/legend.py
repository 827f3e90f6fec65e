"""The legend and the attribution line of the map, as escaped HTML, in any language.

The views' legend gives, for each point of view, its title in that side's own
terms, the holders it shows (swatches from :mod:`kurils.style`) and the rows
of the line layers declared in :mod:`kurils.web.registry`; the history's gives the
holders of the history palette and the kinds of line.
"""

from __future__ import annotations

import geopandas as gpd

from ..domain.views import BORDER_STYLES, HOLDERS, VIEWS, holders
from ..i18n import text, title
from ..style import (
    HATCH,
    HISTORY_PALETTE,
    PALETTE,
)
from .escape import escape_text
from .registry import Layer

__all__ = ["attribution_html", "history_legend", "scenario_legend", "views_legend"]


def views_legend(islands: gpd.GeoDataFrame, lang: str, lines: list[Layer]) -> str:
    """One part per point of view (the page shows the active one): its title,
    the holders present in it, the dashed outline and the ``lines`` layers."""
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


def history_legend(lang: str, date) -> str:
    """The history's legend: the day (or "history"), its holders and lines."""
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


def attribution_html(lang: str) -> str:
    """The page's attribution line, short (it shares the bottom edge with the
    scale bar), in ``lang``; licences of the code are in the page source."""
    osm = (
        '<a href="https://www.openstreetmap.org/copyright" target="_blank" '
        'rel="noopener">OpenStreetMap</a>'
    )
    return escape_text(text("attribution_web", lang)).replace("&#123;osm&#125;", osm)


def scenario_legend(scenario, stakes_row, lang: str, lines: list[Layer]) -> str:
    """A scenario's legend: its title, description and source, what changes
    hands (:func:`kurils.web.scenario_layer.stakes_html`), the holders and lines."""
    from .scenario_layer import stakes_html

    title_ = getattr(scenario, f"title_{lang}", "") or scenario.title_en
    rows = [
        f'<i style="background: {PALETTE[h]};"></i>{escape_text(text("holder_" + h, lang))}'
        for h in ("RUS", "JPN")
    ]
    rows.append(f'<i class="dashed"></i>{escape_text(text("scenario_moved", lang))}')
    rows += [layer.legend_row(lang) for layer in lines]
    return (
        f"<h4>{escape_text(title_)}</h4><small>{escape_text(scenario.description)}"
        f"</small><h4>{escape_text(text('stakes_title', lang))}</h4>"
        + stakes_html(stakes_row, lang)
        + "<br>"
        + "<br>".join(rows)
    )
