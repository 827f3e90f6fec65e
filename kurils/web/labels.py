"""Island names on the map, placed on land and inside the chain's frame."""

from __future__ import annotations

import folium
import geopandas as gpd
import numpy as np
import shapely

from ..i18n import name_column, text
from ..style import (
    LABEL_ALWAYS_KM2,
)
from .controls import Labels
from .escape import escape_text
from .layer_checks import checked

__all__ = ["LABEL_SMALL_ZOOM", "labels_layer"]

#: Islands under :data:`kurils.style.LABEL_ALWAYS_KM2` are named from this zoom on.
LABEL_SMALL_ZOOM = 7


def _frame(islands: gpd.GeoDataFrame) -> shapely.Polygon:
    """The box around the chain (the map's frame): context land outside it is
    not where its name belongs."""
    chain = islands[islands["group"] != "context"]
    return shapely.box(*(chain if len(chain) else islands).total_bounds)


def _label_point(geom, group: str, frame: shapely.Polygon | None = None):
    """Where a name goes: the representative point (always on land) of the
    largest part; for context land (Hokkaido, Kamchatka), of the part inside
    the chain's frame, so the name is not cut by the edge of the map."""
    if group == "context" and frame is not None:
        inside = shapely.clip_by_rect(
            geom, *frame.bounds
        )  # no topology: drawn outlines need not be valid
        geom = inside if not inside.is_empty else geom
    parts = shapely.get_parts(geom)
    return max(parts, key=lambda p: p.area).representative_point()


@checked
def labels_layer(
    islands: gpd.GeoDataFrame,
    *,
    lang: str = "en",
    min_area_km2: float = 5.0,
    name: str | None = None,
    show: bool = True,
) -> folium.FeatureGroup:
    """Island names in ``lang`` (islands of at least ``min_area_km2``).

    Islands under :data:`LABEL_ALWAYS_KM2` are named from zoom
    :data:`LABEL_SMALL_ZOOM` on, where their names no longer run into each other
    (the Chirpoy islands, the Habomai islets).
    """
    col = name_column(lang)
    big = islands[islands["area_km2"] >= min_area_km2]
    frame = _frame(islands)
    points = [
        _label_point(g, c, frame)
        for g, c in zip(big.geometry, big["group"], strict=True)
    ]
    group = folium.FeatureGroup(
        name=escape_text(name or text("layer_labels", lang)), show=show
    )
    labels = [
        [
            round(p.y, 4),
            round(p.x, 4),
            f'<div class="kurils-label">{escape_text(label)}</div>',
            0 if area >= LABEL_ALWAYS_KM2 else LABEL_SMALL_ZOOM,
        ]
        for label, p, area in zip(
            big[col].fillna(big["name_en"]), points, big["area_km2"], strict=True
        )
    ]
    # the largest first: where names would overlap, the page keeps these
    labels = [labels[i] for i in np.argsort(-big["area_km2"].to_numpy(), kind="stable")]
    Labels(labels).add_to(group)
    return group
