"""The printed map's legend: the holders shown, then the lines (or a scenario's
land that changes hands and its cut), titled with the view, the day or the
scenario."""

from __future__ import annotations

import geopandas as gpd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..domain.history import check_date, events
from ..i18n import name_column, text
from ..style import HATCH, LINES, PALETTE
from .furniture import font

__all__ = ["cut_handles", "legend", "line_handles"]


def cut_handles(cuts: gpd.GeoDataFrame, lang: str) -> list:
    """Legend rows of a scenario: land that changes hands, and the cut line."""
    rows = [
        Patch(
            facecolor="white",
            edgecolor=PALETTE["outline"],
            linestyle=LINES["outline_disputed"].matplotlib()["linestyle"],
            label=text("scenario_moved", lang),
        )
    ]
    if len(cuts):
        rows.append(
            Line2D([], [], **LINES["cut"].matplotlib(), label=text("layer_cut", lang))
        )
    return rows


def line_handles(shown: gpd.GeoDataFrame, lang: str, date) -> list:
    """Legend rows for the lines: today's two by their layer names, or each line
    in force on ``date`` by its own name."""
    if date is None:
        return [
            Patch(
                facecolor="white",
                edgecolor=PALETTE["outline"],
                linestyle=LINES["outline_disputed"].matplotlib()["linestyle"],
                label=text("dashed", lang),
            ),
            Line2D(
                [],
                [],
                **LINES["treaty_border"].matplotlib(),
                label=text("layer_shimoda", lang),
            ),
            Line2D(
                [],
                [],
                **LINES["line_of_control"].matplotlib(),
                label=text("layer_control", lang),
            ),
        ]
    names = shown[name_column(lang)].fillna(shown["name_en"])
    return [
        Line2D([], [], **LINES[kind].matplotlib(), label=str(name))
        for kind, name in zip(shown["kind"], names, strict=True)
    ]


def legend(
    ax, present, palette, line_handles, view: str, lang: str, date, shown_as=None
) -> None:
    """The holders present, then the lines; titled with the view, the day, or
    ``shown_as``."""
    handles = [
        Patch(
            facecolor=palette[h],
            edgecolor=PALETTE["stripe"] if h == "disputed" else PALETTE["outline"],
            hatch=HATCH["print"] if h == "disputed" else None,
            linewidth=0.5,
            label=text("holder_" + h, lang),
        )
        for h in present
    ]
    shown_as = shown_as or (
        f"{text('view_shown', lang)}: {text('view_' + view, lang)}"
        if date is None
        else f"{text('on_date', lang)}: {check_date(date, events())}"
    )
    legend = ax.legend(
        handles=handles + line_handles,
        loc="lower right",
        prop=font(7.5),
        framealpha=0.92,
        title=shown_as,
        title_fontproperties=font(8),
    )
    legend.set_zorder(7)
