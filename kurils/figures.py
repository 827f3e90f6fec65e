"""Print-quality static figures of the dispute (matplotlib; no folium).

The same views and languages as the web map, drawn in a Lambert conformal conic
projection fitted to the chain, with legend, scale bar, north arrow, labels and
the attribution line. Text uses Kurils Sans, a subset of Noto Sans CJK JP shipped
with kurils (see ``kurils/fonts/OFL.txt``), so Japanese and Cyrillic render on any
machine; DejaVu Sans, then any installed Noto Sans CJK, are fallbacks for a
user's own names.
"""

from __future__ import annotations

import io
import os
from importlib.resources import as_file, files
from pathlib import Path

import geopandas as gpd
import matplotlib
import numpy as np
import pyproj
import shapely
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ._atomic import write_atomic
from ._inline_figure import InlineFigure
from .borders import DEFAULT_LINES, load_borders
from .i18n import LANGS, name_column, text, title
from .islands import check_user_islands, load_islands
from .style import HATCH, LABEL_ALWAYS_KM2, LINES, PALETTE, SEA
from .views import HOLDERS, VIEWS, holders

__all__ = ["FIGURE_CRS", "FONT_FAMILY", "figure", "plot", "save_figure"]

#: Lambert conformal conic fitted to the chain (standard parallels 44°N and 50°N).
FIGURE_CRS = (
    "+proj=lcc +lat_1=44 +lat_2=50 +lat_0=47 +lon_0=149 +datum=WGS84 +units=m +no_defs"
)
FONT_FAMILY = ["Kurils Sans", "DejaVu Sans", "Noto Sans CJK JP"]
_FONT_FILE = "KurilsSans-Regular.ttf"
FIGSIZE = (8.27, 9.2)  # inches: the chain's frame is about square; fits A4 portrait
_FORMATS = {".png", ".svg", ".pdf"}


def _register_font() -> None:
    if any(f.name == "Kurils Sans" for f in fontManager.ttflist):
        return
    with as_file(files("kurils") / "fonts" / _FONT_FILE) as path:
        fontManager.addfont(str(path))


def _font(size: float) -> FontProperties:
    return FontProperties(family=FONT_FAMILY, size=size)


def _check(view: str, lang: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")


def _scale_bar(ax, lang: str) -> None:
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
            fontproperties=_font(7),
            zorder=6,
        )


def _north_arrow(ax, crs: pyproj.CRS, lang: str) -> None:
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
        fontproperties=_font(9),
        zorder=6,
    )


def plot(
    ax=None,
    *,
    view: str = "neutral",
    lang: str = "en",
    islands: gpd.GeoDataFrame | None = None,
):
    """Draw the dispute on a matplotlib Axes.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Drawn in :data:`FIGURE_CRS` metres; a new figure is made if not given.
    view : {"neutral", "de_facto", "japan", "russia"}, default "neutral"
    lang : {"en", "ru", "ja"}, default "en"
    islands : GeoDataFrame, optional
        A user's own islands (as :func:`kurils.load_islands` returns); default the
        shipped ones.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot(view="japan", lang="ja")
    >>> ax.get_title()
    '北方領土問題：日本政府の立場'
    """
    _check(view, lang)
    _register_font()
    if ax is None:
        ax = Figure(figsize=FIGSIZE, dpi=150).add_subplot()
    user = islands is not None
    islands = load_islands() if islands is None else check_user_islands(islands)
    crs = pyproj.CRS.from_user_input(FIGURE_CRS)
    gdf = islands.to_crs(crs)
    holder = holders(islands.reset_index(drop=True), view).to_numpy()
    disputed = islands["status"].eq("disputed").to_numpy()

    ax.set_facecolor(SEA)
    for h in HOLDERS:
        sel = holder == h
        if not sel.any():
            continue
        hatched = h == "disputed"
        gdf[sel].plot(
            ax=ax,
            facecolor=PALETTE[h],
            edgecolor=PALETTE["stripe"] if hatched else "none",
            hatch=HATCH["print"] if hatched else None,
            linewidth=0,
            zorder=2,
        )
    for part, line in (
        (gdf[~disputed], LINES["outline"]),
        (gdf[disputed], LINES["outline_disputed"]),
    ):
        if len(part):  # a user's islands may all be disputed, or none
            part.boundary.plot(ax=ax, zorder=3, **line.matplotlib())
    # the lines of the default web map: the 1855 treaty line and today's line of
    # control (the user's islands may lack a side: then the shipped coastlines)
    shown = load_borders(None if user else islands, border_ids=DEFAULT_LINES)
    for kind, part in shown.to_crs(crs).groupby("kind"):
        part.plot(ax=ax, zorder=4, **LINES[kind].matplotlib())

    # frame: the chain and its surroundings
    chain = gdf[islands["group"].to_numpy() != "context"]
    minx, miny, maxx, maxy = (chain if len(chain) else gdf).total_bounds
    pad = 0.08 * max(maxx - minx, maxy - miny)
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")

    col = name_column(lang)
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    # at print scale, islands under 40 km² (the Chirpoy pair, most Habomai islets)
    # would print their names over each other
    big = gdf[gdf["area_km2"].to_numpy() >= LABEL_ALWAYS_KM2]
    for name, geom in zip(big[col].fillna(big["name_en"]), big.geometry, strict=True):
        p = max(shapely.get_parts(geom), key=lambda g: g.area).representative_point()
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        if x0 < p.x < x1 and y0 < p.y < y1:
            ax.text(
                p.x,
                p.y,
                str(name),
                fontproperties=_font(6.5),
                ha="left",
                va="bottom",
                path_effects=halo,
                zorder=5,
                clip_on=True,
            )

    present = [h for h in HOLDERS if (holder == h).any()]
    handles = [
        Patch(
            facecolor=PALETTE[h],
            edgecolor=PALETTE["stripe"] if h == "disputed" else PALETTE["outline"],
            hatch=HATCH["print"] if h == "disputed" else None,
            linewidth=0.5,
            label=text("holder_" + h, lang),
        )
        for h in present
    ]
    handles.append(
        Patch(
            facecolor="white",
            edgecolor=PALETTE["outline"],
            linestyle=LINES["outline_disputed"].matplotlib()["linestyle"],
            label=text("dashed", lang),
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            **LINES["treaty_border"].matplotlib(),
            label=text("layer_shimoda", lang),
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            **LINES["line_of_control"].matplotlib(),
            label=text("layer_control", lang),
        )
    )
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        prop=_font(7.5),
        framealpha=0.92,
        title=f"{text('view_shown', lang)}: {text('view_' + view, lang)}",
        title_fontproperties=_font(8),
    )
    legend.set_zorder(7)
    _scale_bar(ax, lang)
    _north_arrow(ax, crs, lang)
    ax.set_title(title(view, lang), fontproperties=_font(13))
    ax.figure.text(
        0.01,
        0.005,
        text("attribution_print", lang),
        fontproperties=_font(6),
        color=PALETTE["outline"],
    )
    return ax


def figure(
    view: str = "neutral", lang: str = "en", islands: gpd.GeoDataFrame | None = None
) -> Figure:
    """A figure of the dispute in ``view`` and ``lang`` (fits A4 portrait).

    Examples
    --------
    >>> fig = figure(view="russia", lang="ru")
    >>> fig.axes[0].get_legend().get_title().get_text()
    'Показана: Позиция России'
    """
    # displays in a fresh Jupyter kernel, without %matplotlib inline
    fig = InlineFigure(figsize=FIGSIZE, dpi=150, layout="constrained")
    plot(fig.add_subplot(), view=view, lang=lang, islands=islands)
    return fig


def save_figure(fig: Figure, path: str | os.PathLike) -> Path:
    """Save ``fig`` as PNG, SVG or PDF (by suffix), deterministically and atomically.

    Dates and random ids are left out of the files, so the same figure gives the
    same bytes; the file is written to a temporary name and moved into place.
    """
    path = Path(path)
    fmt = path.suffix.lower()
    if fmt not in _FORMATS:
        raise ValueError(f"unsupported format {path.suffix!r}; use .png, .svg or .pdf")
    metadata = {
        ".png": {"Software": None},
        ".svg": {"Date": None},
        ".pdf": {"CreationDate": None, "ModDate": None},
    }[fmt]
    buf = io.BytesIO()
    with matplotlib.rc_context(
        {"svg.hashsalt": "kurils", "svg.fonttype": "path", "pdf.fonttype": 42}
    ):
        fig.savefig(buf, format=fmt[1:], metadata=metadata)
    return write_atomic(path, buf.getvalue())
