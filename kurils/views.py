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

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies;
#: disputed land also differs by pattern (stripes) and a dashed outline, so the map
#: never relies on colour alone.
PALETTE = {
    "RUS": "#E69F00",  # orange
    "JPN": "#0072B2",  # blue
    "disputed": "#E69F00",  # orange fill under blue stripes
    "undetermined": "#F7F7F7",  # near white, as Japan's official maps draw it
    "outline": "#333333",
    "stripe": "#0072B2",
}


#: Colours of the history's holders (Okabe-Ito): the USSR in vermillion, apart
#: from Russia's orange; Sakhalin's undivided years in reddish purple.
HISTORY_PALETTE = {
    "JPN": PALETTE["JPN"],
    "RUS": PALETTE["RUS"],
    "SUN": "#D55E00",
    "JOINT": "#CC79A7",
}

#: Line styles of border kinds (Leaflet dashArray).
BORDER_STYLES = {
    "treaty_border": {"color": "#000000", "dashArray": "10 6", "weight": 3},
    "line_of_control": {"color": "#D55E00", "dashArray": "4 4", "weight": 3},
    "proposed": {"color": "#555555", "dashArray": "1 6", "weight": 3},
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
            "dash": disputed.map({True: "6 4", False: ""}),
            "hatched": holder.eq("disputed"),
        },
        index=islands.index,
    )
