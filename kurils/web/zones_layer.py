"""The maritime zones on the web map: each side's territorial sea and EEZ as of
today, and the sea both sides claim. An illustration, not legal boundaries (how
the zones are computed, and their limits: :mod:`kurils.domain.maritime`)."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely

from ..data.derived import remembered
from ..i18n import text
from ..style import HATCH, LINES, PALETTE, ZONE_OPACITY
from .escape import escape_text
from .geojson import tooltip_layer
from .plugins import StripePattern

__all__ = ["DRAW_TOLERANCE", "claimed_by_both", "zones_layer"]

#: Zones are drawn simplified to this (degrees, about 2 km) on a 0.001° grid: at
#: the zoom where a 200 nm zone fits the screen a pixel is several km; their
#: areas are computed on the unsimplified zones.
DRAW_TOLERANCE = 0.02


#: Grid the drawn zones are snapped to (degrees).
DRAW_GRID = 1e-3


def _draw(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.set_precision(shapely.simplify(geom, DRAW_TOLERANCE), DRAW_GRID)


def _drawn(geoms) -> list:
    """Each zone simplified for drawing: for the shipped zones, as stored at
    data-build time (simplifying the EEZs takes ~100 ms), else computed."""
    return [
        remembered("zone_drawn/1", (g, DRAW_TOLERANCE, DRAW_GRID), lambda g=g: _draw(g))
        for g in gpd.GeoSeries(geoms).values
    ]


def _polygons(geom: shapely.Geometry) -> shapely.MultiPolygon:
    """The polygonal parts of an overlay (which may add stray lines and points)."""
    parts = shapely.get_parts(geom)
    return shapely.multipolygons([p for p in parts if p.geom_type == "Polygon"])


def claimed_by_both(
    today: gpd.GeoDataFrame, claim: gpd.GeoDataFrame
) -> shapely.Geometry:
    """The sea Russia holds today that Japan's claim (the four groups) would give
    Japan: the part of Russia's zones today inside Japan's zones of the claim."""
    rus = today[today["holder"] == "RUS"].geometry.values
    jpn = claim[claim["holder"] == "JPN"].geometry.values
    # stored at data-build time for the shipped zones (~150 ms), else computed
    return remembered(
        "claimed_by_both/1",
        (len(rus), *rus, *jpn, DRAW_TOLERANCE, DRAW_GRID),
        lambda: _polygons(
            shapely.intersection(
                shapely.union_all(_drawn(rus)), shapely.union_all(_drawn(jpn))
            )
        ),
    )


def zones_layer(
    zones: gpd.GeoDataFrame,
    both: shapely.Geometry | None = None,
    *,
    lang: str = "en",
    name: str | None = None,
    show: bool = False,
) -> folium.FeatureGroup:
    """Each holder's zones as of ``zones`` (``zone``, ``holder``, ``area_km2``),
    the territorial sea stronger than the EEZ, and ``both`` (the sea both sides
    claim) hatched, each with a tooltip naming it, its area and the caveat."""
    order = {"eez": 0, "contiguous_zone": 1, "territorial_sea": 2}  # wide first
    drawn = zones[zones["zone"].isin(ZONE_OPACITY)].copy()
    drawn = drawn.iloc[drawn["zone"].map(order).argsort(kind="stable")]
    caveat = escape_text(text("zones_caveat", lang))
    rows = pd.DataFrame(
        {
            "zone": drawn["zone"].to_numpy(),
            "colour": drawn["holder"].map(PALETTE).to_numpy(),
            "opacity": drawn["zone"].map(ZONE_OPACITY).to_numpy(),
            "tooltip": [
                f"<b>{escape_text(text('zone_' + z, lang))}</b> — "
                f"{escape_text(text('holder_' + h, lang))}<br>"
                f"{a:,.0f} {escape_text(text('km2', lang))}<br><small>{caveat}</small>"
                for z, h, a in zip(
                    drawn["zone"], drawn["holder"], drawn["area_km2"], strict=True
                )
            ],
        }
    )
    geoms = _drawn(drawn.geometry.values)
    if both is not None and not both.is_empty:
        rows.loc[len(rows)] = [
            "both",
            HATCH["color"],
            0.0,
            f"<b>{escape_text(text('zones_both', lang))}</b><br><small>{caveat}</small>",
        ]
        geoms.append(both)
    out = gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)
    line = LINES["zone_both"].leaflet()
    # the sea both claim, hatched as disputed land is, over the holders' colours
    hatch = StripePattern(
        angle=HATCH["angle"],
        weight=HATCH["width"] / 2,
        space_weight=HATCH["width"] * 2,
        color=HATCH["color"],
        opacity=0.8,
        space_opacity=0.0,
    )

    def style(feature: dict) -> dict:
        p = feature["properties"]
        if p["zone"] == "both":
            return {**line, "fillOpacity": 1.0, "fillPattern": hatch}
        return {
            "fillColor": p["colour"],
            "fillOpacity": p["opacity"],
            "color": p["colour"],
            "weight": 0.5,
        }

    return tooltip_layer(
        out,
        ["zone", "colour", "opacity", "tooltip"],
        name=escape_text(name or text("layer_zones", lang)),
        show=show,
        style_function=style,
        first=(hatch,),
    )
