"""Print-quality static figures of the dispute (matplotlib; no folium).

The same views and languages as the web map, drawn in a Lambert conformal conic
projection fitted to the chain, with legend (:mod:`.legend`), scale bar, north
arrow and font (:mod:`.furniture`: Kurils Sans, so Japanese and Cyrillic render
on any machine), labels and the attribution line.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import geopandas as gpd
import matplotlib
import pandas as pd
import pyproj
import shapely
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.textpath import text_to_path

from .._atomic import write_atomic
from ..domain.borders import DEFAULT_LINES, borders_for
from ..domain.history import check_date, events, held_at
from ..domain.islands import check_user_islands, load_islands
from ..domain.scenarios import resolve_scenario, scenario_islands
from ..domain.views import HOLDERS, VIEWS, holders
from ..drawing import for_map
from ..i18n import LANGS, name_column, text, title
from ..style import HATCH, HISTORY_PALETTE, LABEL_ALWAYS_KM2, LINES, PALETTE, SEA
from ._inline import InlineFigure
from .furniture import FONT_FAMILY, font, north_arrow, register_font, scale_bar
from .legend import cut_handles, legend, line_handles

__all__ = ["FIGURE_CRS", "FONT_FAMILY", "figure", "plot", "save_figure"]

#: Lambert conformal conic fitted to the chain (standard parallels 44°N and 50°N).
FIGURE_CRS = (
    "+proj=lcc +lat_1=44 +lat_2=50 +lat_0=47 +lon_0=149 +datum=WGS84 +units=m +no_defs"
)
FIGSIZE = (8.27, 9.2)  # inches: the chain's frame is about square; fits A4 portrait
_FORMATS = {".png", ".svg", ".pdf"}

# Every text kurils draws is drawn as written, never as mathtext or LaTeX: the
# name "Itu $x^2$ rup" would get a superscript, and "$\frac{1}{$" would raise.
# Text objects read these when created, so plot() runs under them; the title
# belongs to the Axes, which may be older, so it is also given them directly.
_LITERAL = {"parse_math": False, "usetex": False}


def _check(view: str, lang: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")


def _label_alignment(ax, x: float, y: float, name: str, size: float) -> tuple:
    """Right of and above its point, unless the label would then cross the
    frame's right or top edge (カムチャツカ半島 at the top right): then left of
    it, or below. The text is measured in points as matplotlib lays it out (its
    advance width and height, from the font's metrics: about 0.3 ms a name, where
    the extent of its outline path took 8 ms) and scaled by the axes' size before
    layout; constrained layout only shrinks the axes a little, hence a 20 %
    margin."""
    width, height, _ = text_to_path.get_text_width_height_descent(
        name, font(size), ismath=False
    )
    fig_w, fig_h = ax.figure.get_size_inches()
    box = ax.get_position()
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    per_pt = max(
        (x1 - x0) / (box.width * fig_w * 72), (y1 - y0) / (box.height * fig_h * 72)
    )  # aspect "equal": one scale for x and y
    ha = "right" if x + 1.2 * width * per_pt > x1 else "left"
    va = "top" if y + 1.2 * height * per_pt > y1 else "bottom"
    return ha, va


def _lines(islands: gpd.GeoDataFrame | None, date) -> gpd.GeoDataFrame:
    """The lines drawn: the default map's two, or those in force on ``date``
    (as ``kurils map --date``: never the 1956 proposal)."""
    if date is None:
        return borders_for(islands, border_ids=DEFAULT_LINES)
    day = pd.Timestamp(check_date(date, events()))
    lines = borders_for(islands)
    live = (lines["valid_from"] <= day) & ~(lines["valid_to"] <= day)
    return lines[live & (lines["kind"] != "proposed")]


def _cuts(scenario) -> gpd.GeoDataFrame:
    """The scenario's cut lines, as lines of kind ``cut``."""
    lines = [c.line for c in scenario.cuts]
    return gpd.GeoDataFrame({"kind": ["cut"] * len(lines)}, geometry=lines, crs=4326)


def _holders(islands: gpd.GeoDataFrame, view: str, date, scenario) -> tuple:
    """Who holds each island (an array), the palette and the legend's order: in
    ``view`` today, on ``date`` in the history's colours, or under ``scenario``
    (``islands`` then from :func:`kurils.domain.scenarios.scenario_islands`)."""
    if scenario is not None:
        return islands["holder"].to_numpy(), PALETTE, ("RUS", "JPN")
    if date is None:
        return (
            holders(islands.reset_index(drop=True), view).to_numpy(),
            PALETTE,
            HOLDERS,
        )
    held = held_at(date, islands.reset_index(drop=True))
    return held["held_by"].to_numpy(), HISTORY_PALETTE, tuple(HISTORY_PALETTE)


def _draw_land(ax, gdf, holder, palette, order, disputed) -> None:
    """The land by holder (disputed land hatched), then the outlines (dashed
    where disputed)."""
    for h in order:
        sel = holder == h
        if not sel.any():
            continue
        hatched = h == "disputed"
        gdf[sel].plot(
            ax=ax,
            facecolor=palette[h],
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


def _frame(ax, gdf: gpd.GeoDataFrame, islands: gpd.GeoDataFrame) -> None:
    """The chain and its surroundings, without ticks."""
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


def _draw_labels(ax, gdf: gpd.GeoDataFrame, lang: str) -> None:
    """Names of the islands of at least LABEL_ALWAYS_KM2: at print scale the
    smaller ones (the Chirpoy pair, most Habomai islets) would overprint."""
    col = name_column(lang)
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    big = gdf[gdf["area_km2"].to_numpy() >= LABEL_ALWAYS_KM2]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for name, geom in zip(big[col].fillna(big["name_en"]), big.geometry, strict=True):
        p = max(shapely.get_parts(geom), key=lambda g: g.area).representative_point()
        if x0 < p.x < x1 and y0 < p.y < y1:
            ha, va = _label_alignment(ax, p.x, p.y, str(name), 6.5)
            ax.text(
                p.x,
                p.y,
                str(name),
                fontproperties=font(6.5),
                ha=ha,
                va=va,
                path_effects=halo,
                zorder=5,
                clip_on=True,
            )


@matplotlib.rc_context({f"text.{key}": value for key, value in _LITERAL.items()})
def plot(
    ax=None,
    *,
    view: str = "neutral",
    lang: str = "en",
    islands: gpd.GeoDataFrame | None = None,
    date=None,
    scenario=None,
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
    date : str (YYYY-MM-DD), datetime.date or pandas.Timestamp, optional
        Draw who held each island on that day (:func:`kurils.sovereignty_at`, in
        the history map's colours) and the lines in force; ``view`` then does not
        apply, as for ``kurils.build_map(date=...)``.
    scenario : kurils.Scenario or str, optional
        Draw who would hold each island under a settlement scenario (a shipped
        id, see :func:`kurils.domain.scenarios`): land that changes hands dashed, an
        island it cuts as its two parts, and the cut line.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        For an unknown view or language, or a date the history does not cover.

    Examples
    --------
    >>> ax = plot(view="japan", lang="ja")
    >>> ax.get_title()
    '北方領土問題：日本政府の立場'
    """
    _check(view, lang)
    register_font()
    if ax is None:
        ax = Figure(figsize=FIGSIZE, dpi=150).add_subplot()
    user = islands is not None
    islands = load_islands() if islands is None else check_user_islands(islands)
    if scenario is not None:
        if date is not None:
            raise ValueError("give a scenario or a date, not both")
        scenario = resolve_scenario(scenario)
        islands = scenario_islands(islands, scenario)
    crs = pyproj.CRS.from_user_input(FIGURE_CRS)
    # the web map's outlines (kurils.drawing: within 47 m of the shipped ones,
    # under a tenth of a pixel here); the shipped ones cost 85 ms more to draw
    gdf = for_map(islands).to_crs(crs)
    holder, palette, order = _holders(islands, view, date, scenario)
    # dashed: disputed today, or changing hands; nothing on a day of the history
    dashed = islands["moved"] if scenario else islands["status"].eq("disputed")
    ax.set_facecolor(SEA)
    _draw_land(ax, gdf, holder, palette, order, dashed.to_numpy() & (date is None))
    # the lines of the web map (the user's islands may lack a side: then the
    # shipped coastlines), or the scenario's cuts
    shown = _lines(None if user else islands, date) if scenario is None else None
    shown = _cuts(scenario) if scenario is not None else shown
    for kind, part in shown.to_crs(crs).groupby("kind"):
        part.plot(ax=ax, zorder=4, **LINES[kind].matplotlib())
    _frame(ax, gdf, islands)
    _draw_labels(ax, gdf, lang)
    present = [h for h in order if (holder == h).any()]
    if scenario is None:
        handles, heading = line_handles(shown, lang, date), title(view, lang)
    else:
        handles = cut_handles(shown, lang)
        heading = getattr(scenario, f"title_{lang}") or scenario.title_en
    shown_as = None if scenario is None else text("legend", lang)
    legend(ax, present, palette, handles, view, lang, date, shown_as)
    scale_bar(ax, lang)
    north_arrow(ax, crs, lang)
    ax.set_title(heading, fontproperties=font(13), **_LITERAL)
    ax.figure.text(
        0.01,
        0.005,
        text("attribution_print", lang),
        fontproperties=font(6),
        color=PALETTE["outline"],
    )
    return ax


def figure(
    view: str = "neutral",
    lang: str = "en",
    islands: gpd.GeoDataFrame | None = None,
    date=None,
    scenario=None,
) -> Figure:
    """A figure of the dispute in ``view`` and ``lang`` (fits A4 portrait), of
    the holdings on ``date``, or of a settlement ``scenario`` (see :func:`plot`).

    Examples
    --------
    >>> fig = figure(view="russia", lang="ru")
    >>> fig.axes[0].get_legend().get_title().get_text()
    'Показана: Позиция России'
    >>> figure(date="1930-01-01").axes[0].get_legend().get_title().get_text()
    'Holdings on: 1930-01-01'
    """
    # displays in a fresh Jupyter kernel, without %matplotlib inline
    fig = InlineFigure(figsize=FIGSIZE, dpi=150, layout="constrained")
    plot(
        fig.add_subplot(),
        view=view,
        lang=lang,
        islands=islands,
        date=date,
        scenario=scenario,
    )
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
