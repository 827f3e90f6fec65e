"""The history's layers: islands coloured by who held them, and the events."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from ..data.validate import (
    check_references,
)
from ..domain.history import iso_date
from ..drawing import for_map
from ..errors import KurilsDataError
from ..i18n import name_column, name_columns, text
from ..style import (
    FILL_OPACITY,
    HISTORY_PALETTE,
)
from .escape import escape_text
from .geojson import circle, land_layer, tooltip_layer
from .layer_checks import checked
from .popups import citations, each, island_search

__all__ = ["events_layer", "holdings_layer"]


@checked
def holdings_layer(
    islands: gpd.GeoDataFrame,
    periods: pd.DataFrame,
    *,
    date=None,
    lang: str = "en",
    fill_opacity: float = FILL_OPACITY,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Islands coloured by who held them on ``date`` (by default the first day).

    Each feature carries all its ``periods`` (``[since, holder, event]``), so a
    time slider can recolour it without redrawing; the tooltip lists them.

    Parameters
    ----------
    islands : GeoDataFrame
        As returned by :func:`kurils.load_islands`.
    periods : DataFrame
        As returned by :func:`kurils.domain.history.holdings`.
    date : date or ISO str, optional
    """
    gdf = for_map(islands)
    check_references(
        pd.Series(gdf["island_id"]), set(periods["island_id"]),
        "island_id (no holding period)", "<islands>",
    )  # fmt: skip
    col = name_column(lang)
    when = iso_date(date if date is not None else periods["since"].min())
    by_island = {
        iid: [
            [iso_date(r.since), r.held_by, r.basis, r.basis_title]
            for r in grp.itertuples()
        ]
        for iid, grp in periods.groupby("island_id", sort=False)
    }

    def holder_at(spans: list) -> str:
        return [h for since, h, _, _ in spans if since <= when][-1]

    def tooltip(r) -> str:
        spans = by_island[r["island_id"]]
        name_ = escape_text(r[col] if pd.notna(r[col]) else r["name_en"])
        rows = "".join(
            f"<br>{escape_text(since)}: {escape_text(text('holder_' + h, lang))}"
            f" <small>({escape_text(title)})</small>"
            for since, h, _, title in spans
        )
        return f"<b>{name_}</b>{rows}"

    spans = gdf["island_id"].map(by_island)
    out = gpd.GeoDataFrame(
        {
            "island_id": gdf["island_id"].map(escape_text),
            "search": island_search(gdf),
            "tooltip": each(gdf, tooltip),
            "periods": spans.map(lambda ss: [[s, h] for s, h, _, _ in ss]),
            "fill": spans.map(lambda ss: HISTORY_PALETTE[holder_at(ss)]),
        },
        geometry=gdf.geometry.values,
        crs=4326,
    )
    return land_layer(
        out,
        ["island_id", "search", "tooltip", "periods", "fill"],
        name=escape_text(name or text("islands", lang)),
        show=show,
        fill_opacity=fill_opacity,
    )


@checked
def events_layer(
    timeline: pd.DataFrame,
    *,
    lang: str = "en",
    sources: pd.DataFrame,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Where each treaty was signed or each event happened, with a sourced popup.

    Raises
    ------
    KurilsDataError
        For a timeline none of whose events has a place (``place_lon``,
        ``place_lat``): a layer needs something to mark.
    """
    ev = timeline.dropna(subset=["place_lon", "place_lat"])
    if ev.empty:
        raise KurilsDataError(
            "<events>", "no event has a place to mark (place_lon, place_lat empty)"
        )
    title = ev[f"title_{lang}"].fillna(ev["title_en"])
    cite = citations(sources)

    def popup(r) -> str:
        titles = " · ".join(
            escape_text(r[c]) for c in name_columns("title") if pd.notna(r[c])
        )
        return (
            f"<b>{escape_text(iso_date(r['date']))} — {escape_text(r['place_en'])}</b><br>{titles}"
            f"<br>{escape_text(r['summary_en'])}<br><small>{cite(r['source'], r['year'])}</small>"
        )

    out = gpd.GeoDataFrame(
        {
            "event_id": ev["event_id"].map(escape_text),
            "date": ev["date"].map(iso_date),
            "tooltip": [
                f"{escape_text(iso_date(d))} {escape_text(t)}"
                for d, t in zip(ev["date"], title, strict=True)
            ],
            "popup": each(ev, popup),
        },
        geometry=gpd.points_from_xy(ev["place_lon"].round(4), ev["place_lat"].round(4)),
        crs=4326,
    )
    return tooltip_layer(
        out,
        ["event_id", "date", "tooltip", "popup"],
        name=escape_text(name or text("layer_events", lang)),
        show=show,
        popup_width=360,
        marker=circle(radius=6, weight=2, fill_color="#F0E442"),
    )
