"""Maritime zones of each holder, computed from the shipped coastlines.

What is drawn, and how (illustrations, **not legal boundaries**):

- **Zones.** ``territorial_sea`` (coast to 12 nm), ``contiguous_zone`` (12 to
  24 nm) and ``eez`` (12 to 200 nm, so it contains the contiguous zone, as in
  UNCLOS Art. 33 and 55-57); 1 nm = 1,852 m. ``territorial_sea`` + ``eez`` is
  all the sea within 200 nm, which is what Marine Regions' EEZ polygons hold.
- **Baselines.** Normal baselines only: distances are measured from the
  coastline of the shipped OpenStreetMap land polygons. The straight baselines
  that the USSR declared in 1984 around the Kurils (kept by Russia) and any
  Japanese straight baselines are **not** applied; nor are internal waters
  (bays, the waters behind straight baselines), so every bay is sea here.
- **Rocks.** Every land polygon of the source generates a full zone, also the
  ~50 rocks that ``islands.gpkg`` leaves out (``rocks.gpkg``). Under UNCLOS
  Art. 121(3) a rock that cannot sustain habitation has a territorial sea but no
  EEZ. Measured here: with the ~50 rocks, the sea that changes hands is
  larger by 3.9 % (territorial sea) and 3.8 % (EEZ) for the 1956 Declaration
  and by 1.0 % and 1.9 % for the four groups; treating them as Art. 121(3)
  rocks would remove much of that.
- **Distances.** Each island (or rock group) is buffered in its own azimuthal
  equidistant projection centred on it, so distances from its coast are true
  to within the projection's scale error (< 0.2 % up to 600 km from the
  centre); the arcs are polygons of 32 segments a quadrant (at most 111 m
  inside a 200 nm arc). A buffer in degrees, Web Mercator or an equal-area
  projection would be wrong by tens of percent at 200 nm.
- **Median lines.** Each holder's zones end at the equidistance line against
  the other holders' coasts: coastlines sampled every 500 m, merged by holder,
  and cut into Voronoi cells (``shapely.voronoi_polygons(ordered=True)``) in
  one azimuthal equidistant plane centred on the disputed islands; the cells of
  one holder's samples are its side. A point on the line is equidistant from
  both coasts to within tens of metres near the islands (sampling) and about
  0.2 % of the distance far out (the plane's scale error).
- **Study window.** Zones are clipped to 139-163°E, 40-51.5°N. Land inside it
  that ``islands.gpkg`` does not ship (northern Honshu, Rishiri, Rebun, Moneron,
  the Russian mainland coast of the Tatar Strait, Kamchatka beyond its tip) is in
  ``rocks.gpkg`` as context land, with its holder. Coasts outside the window
  (Korea, mainland Russia north of 51.5°N, the rest of Honshu) are not modelled,
  so the totals per holder are for the window only; what changes hands between
  scenarios lies far from its edges.
- **Areas** are computed in :data:`kurils.EQUAL_AREA_CRS`, on the unsimplified
  zones. The shipped zones (``zones.gpkg``) are simplified by 0.001° (about
  100 m) and drawn without holes or parts under about 1.7 km² (rocks in a
  territorial sea), for size; their ``area_km2`` is that of the unsimplified zone.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import shapely

from ..data.catalog import shipped
from ..errors import KurilsDataError
from .measurement import EQUAL_AREA_CRS
from .zones import (
    METHOD,
    NAUTICAL_MILE_M,
    ZONE_WINDOW,
    ZONES,
    compute_zones,
    land_units,
    split_island,
)

__all__ = [
    "METHOD",
    "NAUTICAL_MILE_M",
    "ZONES",
    "ZONE_WINDOW",
    "changed_hands",
    "compute_zones",
    "land_units",
    "load_zones",
    "maritime_zones",
    "split_island",
]


def changed_hands(zones: gpd.GeoDataFrame, base: gpd.GeoDataFrame) -> list[float]:
    """Per row of ``zones``: km² of it that ``base`` gives to another holder.

    Both frames have ``zone``, ``holder`` and a geometry (EPSG:4326); areas in
    :data:`kurils.EQUAL_AREA_CRS`.
    """
    z, b = zones.to_crs(EQUAL_AREA_CRS), base.to_crs(EQUAL_AREA_CRS)
    out = []
    for row in z.itertuples():
        other = b[(b["zone"] == row.zone) & (b["holder"] != row.holder)].geometry
        hit = shapely.intersection(row.geometry, shapely.union_all(other.values))
        out.append(round(float(shapely.area(hit)) / 1e6, 2))
    return out


def load_zones(scenario_id: str | None = None) -> gpd.GeoDataFrame:
    """The shipped zones of the shipped scenarios (precomputed at data-build time).

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326: ``scenario_id``, ``zone``, ``holder``, ``area_km2`` (of the
        unsimplified zone), ``changed_km2`` (the part of this zone that the status
        quo gives to another holder) and the geometry, simplified by 0.001°.

    Examples
    --------
    >>> z = load_zones("status_quo")
    >>> sorted(z.zone.unique())
    ['contiguous_zone', 'eez', 'territorial_sea']
    """
    gdf = shipped().zones()
    if scenario_id is not None:
        if scenario_id not in set(gdf["scenario_id"]):
            raise KurilsDataError(
                shipped().where("zones"),
                f"no shipped zones for {scenario_id!r}",
            )
        gdf = gdf[gdf["scenario_id"] == scenario_id].reset_index(drop=True)
    gdf.attrs["method"] = METHOD
    return gdf


def maritime_zones(
    holdings=None, islands=None, progress: Callable[[str], None] | None = None
) -> gpd.GeoDataFrame:
    """Territorial sea, contiguous zone and EEZ of each holder, as illustrations.

    The method and its limits are in the module notes (``help(kurils.domain.maritime)``)
    and in ``.attrs["method"]``: normal baselines (no 1984 Soviet straight
    baselines, no Japanese baselines, no internal waters), every rock a full
    zone, median lines against the other side's coasts, land removed, clipped to
    139-163°E, 40-51.5°N. These are **not legal boundaries**.

    Parameters
    ----------
    holdings : kurils.Scenario or mapping island_id -> ISO3, optional
        Who holds which island; islands not named keep today's holder. None is
        the status quo. A shipped scenario (unchanged) is read from the shipped
        zones at once; anything else is computed (10-40 s, progress on stderr
        after 2 s, or to ``progress``).
    islands : GeoDataFrame, optional
        As :func:`kurils.load_islands` returns; the shipped islands by default.
    progress : callable, optional
        Called with a short message at each step of a computation.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one row per zone and holder: ``zone``, ``holder``,
        ``area_km2`` (EPSG:6933) and the geometry.

    Raises
    ------
    KurilsDataError
        For an unknown island id or a holdings value of the wrong kind.

    Examples
    --------
    >>> zones = maritime_zones()
    >>> bool(zones.set_index(["holder", "zone"]).area_km2.loc["JPN", "territorial_sea"] > 0)
    True
    >>> "not legal boundaries" in zones.attrs["method"].lower()
    True
    """
    shipped_id = _shipped_id(holdings) if islands is None else None
    if shipped_id is not None:
        z = load_zones(shipped_id)
        return z.drop(columns=["scenario_id", "changed_km2"]).assign(
            area_km2=z["area_km2"]
        )
    return compute_zones(holdings, islands, progress)


def _shipped_id(holdings) -> str | None:
    """The id of the shipped scenario whose holders and cuts ``holdings`` has
    (its zones are the shipped ones, whatever its id or title), if any."""
    if holdings is None:
        return "status_quo"
    if not hasattr(holdings, "holders"):
        return None
    from .scenarios import scenarios

    for s in scenarios():
        if dict(s.holders) == dict(holdings.holders) and s.cuts == holdings.cuts:
            return s.id
    return None
