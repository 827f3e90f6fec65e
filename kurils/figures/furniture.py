"""What a printed map carries besides the map: kurils' font, the scale bar and
the north arrow.

Text uses Kurils Sans, a subset of Noto Sans CJK JP shipped with kurils (see
``kurils/figures/fonts/OFL.txt``); DejaVu Sans, then any installed Noto Sans CJK,
are fallbacks for a user's own names.
"""

from __future__ import annotations

from importlib.resources import as_file, files

import numpy as np
import pyproj
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import Rectangle

from ..i18n import text

__all__ = ["FONT_FAMILY", "font", "north_arrow", "register_font", "scale_bar"]

FONT_FAMILY = ["Kurils Sans", "DejaVu Sans", "Noto Sans CJK JP"]
_FONT_FILE = "KurilsSans-Regular.ttf"


def register_font() -> None:
    if any(f.name == "Kurils Sans" for f in fontManager.ttflist):
        return
    with as_file(files("kurils.figures") / "fonts" / _FONT_FILE) as path:
        fontManager.addfont(str(path))


def font(size: float) -> FontProperties:
    return FontProperties(family=FONT_FAMILY, size=size)


def scale_bar(ax, lang: str) -> None:
    """A 200 km bar in the lower left (the projection is conformal: lengths hold
    within a fraction of a per cent over the chain)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = 200_000
    x, y = x0 + 0.04 * (x1 - x0), y1 - 0.24 * (y1 - y0)  # open sea, below the arrow
    h = 0.008 * (y1 - y0)
    for i in range(4):
        ax.add_patch(
            Rectangle(
                (x + i * length / 4, y),
                length / 4,
                h,
                facecolor="#222" if i % 2 == 0 else "white",
                edgecolor="#222",
                lw=0.6,
                zorder=6,
            )
        )
    unit = text("km_unit", lang)
    for frac, label in ((0, "0"), (0.5, "100"), (1, f"200 {unit}")):
        ax.text(
            x + frac * length,
            y + 2.2 * h,
            label,
            ha="center",
            va="bottom",
            fontproperties=font(7),
            zorder=6,
        )


def north_arrow(ax, crs: pyproj.CRS, lang: str) -> None:
    """An arrow to true north at the arrow's own place (not grid north)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + 0.06 * (x1 - x0), y1 - 0.16 * (y1 - y0)
    to_geo = pyproj.Transformer.from_crs(crs, 4326, always_xy=True)
    to_map = pyproj.Transformer.from_crs(4326, crs, always_xy=True)
    lon, lat = to_geo.transform(x, y)
    nx, ny = to_map.transform(lon, lat + 0.5)
    d = np.array([nx - x, ny - y])
    d = d / np.hypot(*d) * 0.08 * (y1 - y0)
    ax.annotate(
        "",
        xy=(x + d[0], y + d[1]),
        xytext=(x, y),
        arrowprops={"arrowstyle": "-|>", "color": "#222", "lw": 1.5},
        zorder=6,
    )
    ax.text(
        x + 1.25 * d[0],
        y + 1.25 * d[1],
        text("north", lang),
        ha="center",
        va="bottom",
        fontproperties=font(9),
        zorder=6,
    )
