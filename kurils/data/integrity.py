"""How the tables must agree: the checks beyond one column's schema.

:mod:`kurils.data.validate` checks a table against its schema, column by column.
These check what only the rows together, or two tables together, can say: who
claims an island, that each island's cited anchor lies on its own polygon, that
the 1945 groups cover the disputed islands once, that places lie in the region,
that the timeline's transfers name known land and holders. The catalog runs each
once per table (:mod:`kurils.data.catalog`).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import KurilsDataError
from . import schema

__all__ = [
    "check_anchors",
    "check_claims",
    "check_groups_1945",
    "check_in_region",
    "check_transfers",
    "transfer_targets",
]


def check_claims(table: pd.DataFrame, where: str) -> None:
    """The administrator claims the island; disputed exactly where two states do.

    Examples
    --------
    >>> t = pd.DataFrame({"island_id": ["a"], "administered_by": ["RUS"],
    ...                   "claimed_by": ["JPN"], "status": ["undisputed"]})
    >>> check_claims(t, "t.csv")
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: t.csv: administered_by not among claimed_by for: a
    """
    claims = table["claimed_by"].str.split(";")
    lacking = [
        a not in c for a, c in zip(table["administered_by"], claims, strict=True)
    ]
    if any(lacking):
        raise KurilsDataError(
            where,
            f"administered_by not among claimed_by for: {', '.join(table.loc[lacking, 'island_id'])}",
        )
    contested = claims.map(len) > 1
    wrong = contested != table["status"].eq("disputed")
    if wrong.any():
        raise KurilsDataError(
            where,
            "status must be 'disputed' exactly where more than one state claims the "
            f"island: {', '.join(table.loc[wrong, 'island_id'])}",
        )


def check_anchors(gdf: gpd.GeoDataFrame, where: str) -> None:
    """Each island's cited anchor point must lie in its own polygon.

    This catches a geometry file whose ids were shuffled or mislabelled.
    """
    inside = shapely.contains_xy(
        gdf.geometry.values, gdf["anchor_lon"].to_numpy(), gdf["anchor_lat"].to_numpy()
    )
    if not np.all(inside):
        bad = ", ".join(gdf.loc[~inside, "island_id"])
        raise KurilsDataError(
            where, f"anchor point is not on the island's polygon: {bad}"
        )


def check_groups_1945(table: pd.DataFrame, islands: pd.DataFrame, where: str) -> None:
    """The 1945 groups list each disputed island exactly once, and nothing else."""
    listed = table["island_ids"].str.split(";").explode().str.strip()
    disputed = islands.loc[islands["status"].eq("disputed"), "island_id"]
    twice = sorted(set(listed[listed.duplicated()]))
    missing = sorted(set(disputed) - set(listed))
    extra = sorted(set(listed) - set(disputed))
    if twice or missing or extra:
        raise KurilsDataError(
            where,
            "island_ids must list each disputed island exactly once: "
            f"twice {twice or '-'}, missing {missing or '-'}, not disputed {extra or '-'}",
        )


def check_in_region(table: pd.DataFrame, where: str) -> None:
    """Places on an island lie in the region; others (Shimoda, where the 1855
    treaty was signed) only on the globe."""
    on_island = table["island_id"].notna()
    minx, miny, maxx, maxy = schema.REGION_BOUNDS
    inside = table["lon"].between(minx, maxx) & table["lat"].between(miny, maxy)
    on_globe = table["lon"].between(-180, 180) & table["lat"].between(-90, 90)
    bad = (on_island & ~inside) | ~on_globe
    if bad.any():
        raise KurilsDataError(
            where,
            f"coordinates outside the region for: {', '.join(table.loc[bad, 'place_id'])}"
            " (are longitude and latitude swapped?)",
        )


def transfer_targets(islands: pd.DataFrame) -> dict[str, list[str]]:
    """What a ``TARGET`` of a transfer names: a group token or an ``island_id``.

    ``four_groups`` (the islands disputed today), ``kurils_north`` (the Greater
    Kuril islands from Urup north), ``lesser_kuril``; anything else is an island.

    Examples
    --------
    >>> t = pd.DataFrame({"island_id": ["urup", "shikotan"], "status": ["undisputed", "disputed"],
    ...                   "group": ["greater_kuril", "lesser_kuril"]})
    >>> transfer_targets(t)["four_groups"], transfer_targets(t)["urup"]
    (['shikotan'], ['urup'])
    """
    ids = islands["island_id"]
    greater = islands["group"].eq("greater_kuril")
    return {
        "four_groups": list(ids[islands["status"].eq("disputed")]),
        "kurils_north": list(ids[greater & islands["status"].eq("undisputed")]),
        "lesser_kuril": list(ids[islands["group"].eq("lesser_kuril")]),
        **{i: [i] for i in ids},
    }


def check_transfers(table: pd.DataFrame, islands: pd.DataFrame, where: str) -> None:
    """Every ``TARGET>HOLDER`` item of the timeline names known land and holder."""
    targets = transfer_targets(islands)
    for row in table.dropna(subset=["transfers"]).itertuples():
        for item in row.transfers.split(";"):
            target, _, holder = item.partition(">")
            if target not in targets or holder not in schema.HOLDERS_HISTORY:
                raise KurilsDataError(where, f"{row.event_id}: bad transfer {item!r}")
