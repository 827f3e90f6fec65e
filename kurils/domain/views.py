"""Points of view: who each piece of land belongs to, as seen by each side.

This module decides *what* a view says, in pandas, with no folium: a holder per
row and a style per holder. The map modules only read the resulting columns.

Views
-----
``neutral``
    As most atlases: the four southern groups administered by Russia and claimed by
    Japan, drawn as disputed (hatched); everything else by its administrator.
``de_facto``
    Who administers each island, today. Disputed land keeps a dashed outline.
``japan``
    Japan's official position: the four groups are Japanese; southern Sakhalin and
    the Kurils from Urup to Shumshu, renounced in 1951 but never attributed by a
    treaty Japan signed, are of undetermined status (drawn white).
``russia``
    Russia's position: every island of the chain is Russian.
"""

from __future__ import annotations

import pandas as pd

from ..style import HISTORY_PALETTE, LINES, PALETTE

__all__ = [
    "BORDER_STYLES",
    "HISTORY_PALETTE",
    "HOLDERS",
    "PALETTE",
    "VIEWS",
    "holders",
    "style_columns",
]

VIEWS = ("neutral", "de_facto", "japan", "russia")

#: Holder categories a view can give a piece of land.
HOLDERS = ("RUS", "JPN", "disputed", "undetermined")

#: Leaflet path options of each border kind (from :data:`kurils.style.LINES`).
BORDER_STYLES = {
    kind: LINES[kind].leaflet()
    for kind in ("treaty_border", "line_of_control", "proposed")
}


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


def holders(islands: pd.DataFrame, view: str) -> pd.Series:
    """Who holds each row of ``islands`` in ``view``.

    Parameters
    ----------
    islands : DataFrame
        With ``administered_by``, ``claimed_by``, ``status`` and ``japan_view``.
    view : {"neutral", "de_facto", "japan", "russia"}

    Returns
    -------
    pandas.Series
        One of :data:`HOLDERS` per row.

    Examples
    --------
    >>> import kurils
    >>> islands = kurils.load_islands().set_index("island_id")
    >>> [holders(islands, v)["iturup"] for v in VIEWS]
    ['disputed', 'RUS', 'JPN', 'RUS']
    >>> holders(islands, "japan")[["urup", "sakhalin_south", "hokkaido"]].tolist()
    ['undetermined', 'undetermined', 'JPN']
    """
    _check_view(view)
    admin = islands["administered_by"].astype(str)
    claims = islands["claimed_by"].fillna("").astype(str)
    disputed = islands["status"].eq("disputed")
    if view == "neutral":
        return admin.mask(disputed, "disputed")
    if view == "de_facto":
        return admin
    if view == "russia":
        return admin.mask(claims.str.contains("RUS"), "RUS")
    # japan: Japan's claims first, then the land Japan regards as undetermined
    undetermined = islands["japan_view"].eq("undetermined").fillna(False)
    out = admin.mask(undetermined, "undetermined")
    return out.mask(claims.str.contains("JPN"), "JPN")


def style_columns(islands: pd.DataFrame, view: str) -> pd.DataFrame:
    """The style of every row in ``view`` as plain columns.

    Returns a frame with ``holder``, ``fill`` (hex colour), ``dash`` (a Leaflet
    ``dashArray`` or ""), and ``hatched`` (bool: draw the stripe pattern), so a
    style function only has to read properties.

    Examples
    --------
    >>> import kurils
    >>> islands = kurils.load_islands().set_index("island_id")
    >>> style_columns(islands, "neutral").loc["kunashir"].to_dict()
    {'holder': 'disputed', 'fill': '#E69F00', 'dash': '6 4', 'hatched': True}
    """
    holder = holders(islands, view)
    disputed = islands["status"].eq("disputed")
    return pd.DataFrame(
        {
            "holder": holder,
            "fill": holder.map(PALETTE),
            "dash": disputed.map(
                {True: LINES["outline_disputed"].dash_array(), False: ""}
            ),
            "hatched": holder.eq("disputed"),
        },
        index=islands.index,
    )
