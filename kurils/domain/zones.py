"""The geometry behind :mod:`kurils.domain.maritime`: buffers, median lines, zones.

The method, its errors and its limits are described in :mod:`kurils.domain.maritime`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from ..data import schema
from ..data.catalog import shipped
from ..errors import KurilsDataError
from .measurement import EQUAL_AREA_CRS

__all__ = [
    "METHOD",
    "ZONES",
    "ZONE_WINDOW",
    "compute_zones",
    "land_units",
    "split_island",
]

NAUTICAL_MILE_M = 1852.0
#: Outer limit of each zone in nautical miles, from the coast (normal baseline).
ZONES = {"territorial_sea": 12, "contiguous_zone": 24, "eez": 200}
#: Where zones are drawn (lon/lat box); see the module notes.
ZONE_WINDOW = (139.0, 40.0, 163.0, 51.5)
#: Centre of the plane the median lines are drawn in: the disputed islands.
PLANE_CENTRE = (146.5, 44.5)
METHOD = (
    "Normal baselines (OSM coastline; 1984 Soviet straight baselines and Japanese "
    "baselines not applied; no internal waters); every rock has a full zone; "
    "buffers in per-island azimuthal equidistant projections; median lines from "
    "coastlines sampled every 500 m (Voronoi, merged by holder); zones clipped to "
    "139-163E, 40-51.5N; areas in EPSG:6933. Illustrations, not legal boundaries."
)
_COAST_STEP_M = 500.0  # coastline samples for the median lines
_EDGE_STEP_M = 2000.0  # straight edges densified before leaving a projection
_QUAD_SEGS = 32
_MERGE_M = 500.0  # first buffer step, parts merged (arcs of 4 segments: 10 m off)


def _aeqd(lon: float, lat: float) -> pyproj.CRS:
    return pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m"
    )


def _reproject(geom, src, dst):
    t = pyproj.Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(*xy.T)))


def split_island(geom, line) -> tuple:
    """Split ``geom`` by a straight ``line`` into its parts left and right of it.

    Left and right are as seen walking from the line's first point to its last.
    The line is extended far beyond its ends, so it must only cross the island.

    Examples
    --------
    >>> import shapely
    >>> left, right = split_island(shapely.box(0, 0, 4, 2), shapely.LineString([(1, -1), (1, 3)]))
    >>> left.area, right.area
    (2.0, 6.0)
    """
    (x0, y0), (x1, y1) = shapely.get_coordinates(line)[[0, -1]]
    d = np.array([x1 - x0, y1 - y0]) / np.hypot(x1 - x0, y1 - y0)
    n = np.array([-d[1], d[0]]) * 1e3  # to the left
    a, b = np.array([x0, y0]) - d * 1e3, np.array([x1, y1]) + d * 1e3
    half = shapely.Polygon([a, b, b + n, a + n])
    return shapely.intersection(geom, half), shapely.difference(geom, half)


def _holder_table(holdings, islands: gpd.GeoDataFrame) -> tuple[dict, tuple]:
    """island_id -> holder (status quo where not given), and the cuts."""
    holders = dict(zip(islands["island_id"], islands["administered_by"], strict=True))
    if holdings is None:
        return holders, ()
    if hasattr(holdings, "holders"):  # a kurils.Scenario, maybe made by hand
        from .scenarios import check_scenario  # scenarios imports this module

        check_scenario(holdings, islands)  # islands: checked by the caller
        return {**holders, **holdings.holders}, tuple(holdings.cuts)
    if isinstance(holdings, Mapping):
        unknown = sorted(str(k) for k in holdings if k not in holders)
        if unknown:
            raise KurilsDataError(
                "holdings", f"unknown island_id: {', '.join(unknown)}"
            )
        bad = [
            f"{k}: {v!r}"
            for k, v in holdings.items()
            if not (isinstance(v, str) and v in schema.COUNTRIES)
        ]
        if bad:
            raise KurilsDataError(
                "holdings",
                f"unknown holder: {', '.join(sorted(bad))} "
                f"(use {sorted(schema.COUNTRIES)})",
            )
        return {**holders, **holdings}, ()
    raise KurilsDataError(
        "holdings", "expected a Scenario or a mapping island_id -> holder"
    )


def land_units(holdings=None, islands=None, rocks=None) -> gpd.GeoDataFrame:
    """Every piece of land with its holder: islands (split where a scenario cuts
    one), the rocks and the context land of ``rocks.gpkg``.

    Examples
    --------
    >>> units = land_units()
    >>> sorted(units.holder.unique())
    ['JPN', 'RUS']
    """
    from .islands import check_user_islands, load_islands

    islands = load_islands() if islands is None else check_user_islands(islands)
    holders, cuts = _holder_table(holdings, islands)
    if rocks is None:
        rocks = shipped().rocks()
    land = pd.concat(
        [islands[["island_id", "geometry"]], rocks[["island_id", "geometry"]]],
        ignore_index=True,
    )
    land = land[land["island_id"].isin(holders)]
    rows = []
    cut_at = {c.island_id: c for c in cuts}
    for iid, geom in zip(land["island_id"], land.geometry, strict=True):
        if iid in cut_at:
            c = cut_at[iid]
            left, right = split_island(geom, c.line)
            rows += [(iid, c.left, left), (iid, c.right, right)]
        else:
            rows.append((iid, holders[iid], geom))
    out = gpd.GeoDataFrame(
        pd.DataFrame(rows, columns=["island_id", "holder", "geometry"]),
        geometry="geometry",
        crs="EPSG:4326",
    )
    out = out[~out.geometry.is_empty].reset_index(drop=True)
    out.attrs["cut_lines"] = [c.line for c in cuts]
    return out


def _buffers(units: gpd.GeoDataFrame, plane, report) -> dict:
    """holder -> {zone: union of the units' buffers, in the plane}.

    Each zone grows from the previous one (a buffer of a buffer by d1 then d2 is
    the buffer by d1 + d2). The first step buffers every part by 500 m and
    dissolves them, which merges the thousands of rocks along Hokkaido into a few
    polygons (GEOS is very slow at buffering many small parts far out). Before
    each step the outline is simplified by d/2000 (11 m at 12 nm, 185 m at 200 nm).
    """
    out: dict[str, dict] = {}
    for k, (holder, geom) in enumerate(
        zip(units["holder"], units.geometry, strict=True)
    ):
        for zone, ring in zip(
            ZONES, _unit_buffers(geom.wkb, plane.to_wkt()), strict=True
        ):
            out.setdefault(holder, {}).setdefault(zone, []).append(ring)
        if k % 10 == 9:
            report(f"buffered {k + 1} of {len(units)} pieces of land")
    return {
        h: {z: shapely.union_all(parts) for z, parts in zones.items()}
        for h, zones in out.items()
    }


@lru_cache(maxsize=128)
def _unit_buffers(wkb: bytes, plane_wkt: str) -> tuple:
    """The zones' outer limits around one piece of land, in the plane (cached:
    scenarios share most pieces; shapely geometries are immutable)."""
    geom = shapely.from_wkb(wkb)
    c = geom.centroid
    local, plane = _aeqd(c.x, c.y), pyproj.CRS.from_wkt(plane_wkt)
    parts = shapely.get_parts(_reproject(geom, "EPSG:4326", local))
    prev = shapely.union_all(shapely.buffer(parts, _MERGE_M, quad_segs=4))
    prev_d, out = _MERGE_M, []
    for nm in ZONES.values():  # in increasing distance
        d = nm * NAUTICAL_MILE_M
        prev = shapely.buffer(
            shapely.simplify(prev, d / 2000), d - prev_d, quad_segs=_QUAD_SEGS
        )
        prev_d = d
        out.append(_reproject(shapely.segmentize(prev, _EDGE_STEP_M), local, plane))
    return tuple(out)


def _land(units: gpd.GeoDataFrame, plane) -> dict:
    """holder -> its land in the plane, dissolved (the pieces do not overlap)."""
    out = {}
    for holder, group in units.groupby("holder"):
        parts = shapely.get_parts(_reproject(group.geometry.values, "EPSG:4326", plane))
        try:
            out[holder] = shapely.coverage_union_all(parts)
        except shapely.errors.GEOSException:
            out[holder] = shapely.union_all(parts)
    return out


def _sides(units: gpd.GeoDataFrame, plane, frame) -> dict:
    """holder -> the part of ``frame`` nearer its coast than any other's."""
    pts, labels = [], []
    cut = shapely.union_all(
        [
            _reproject(line, "EPSG:4326", plane)
            for line in units.attrs.get("cut_lines", [])
        ]
    )
    holders = sorted(units["holder"].unique())
    for holder, geom in zip(units["holder"], units.geometry, strict=True):
        g = _reproject(geom, "EPSG:4326", plane)
        xy = shapely.get_coordinates(shapely.segmentize(g.boundary, _COAST_STEP_M))
        if not cut.is_empty:  # a land border is no coast
            xy = xy[shapely.distance(cut, shapely.points(xy)) > 1.0]
        pts.append(xy)
        labels.append(np.full(len(xy), holders.index(holder)))
    xy, lab = np.round(np.vstack(pts)), np.concatenate(labels)  # 1 m grid
    xy, first = np.unique(xy, axis=0, return_index=True)
    lab = lab[first]
    if len(holders) == 1:
        return {holders[0]: frame}
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=frame, ordered=True)
    )
    out = {}
    for i, holder in enumerate(holders):
        mine = cells[lab == i]
        try:  # Voronoi cells tile the plane: a coverage union is much faster
            side = shapely.coverage_union_all(mine)
        except shapely.errors.GEOSException:  # ...unless near-degenerate cells
            side = shapely.union_all(shapely.make_valid(mine), grid_size=1.0)
        out[holder] = shapely.intersection(shapely.make_valid(side), frame)
    return out


def _reporter(progress: Callable[[str], None] | None) -> Callable[[str], None]:
    """Report steps to ``progress``; by default to stderr, once 2 s have passed."""
    start = time.perf_counter()

    def report(message: str) -> None:
        if progress is not None:
            progress(message)
        elif time.perf_counter() - start > 2.0:
            print(f"kurils: maritime zones: {message}", file=sys.stderr, flush=True)

    return report


#: Zones computed in this process for the shipped islands, by holdings (a page
#: and its stakes table ask for the same scenario's zones): a few at most.
_COMPUTED: dict[tuple, gpd.GeoDataFrame] = {}
_COMPUTED_MAX = 8


def _holdings_key(holdings) -> tuple | None:
    """What the zones depend on: holders and cuts (None: not remembered).

    Examples
    --------
    >>> _holdings_key({"shikotan": "JPN"}) == _holdings_key({"shikotan": "JPN"})
    True
    >>> _holdings_key(3) is None
    True
    """
    if holdings is None:
        return ((), ())
    holders = getattr(holdings, "holders", holdings)
    if not isinstance(holders, Mapping):
        return None
    cuts = tuple(
        (c.island_id, c.line.wkb, c.left, c.right)
        for c in getattr(holdings, "cuts", ())
    )
    try:
        return (tuple(sorted(dict(holders).items())), cuts)
    except TypeError:  # unorderable or unhashable values: computed, then refused
        return None


def remembered(key: tuple | None, compute: Callable[[], gpd.GeoDataFrame]):
    """``compute()``, or a copy of what it gave for ``key`` before in this
    process (a copy each time: a caller that changes it changes nothing here).

    Examples
    --------
    >>> calls = []
    >>> def compute():
    ...     calls.append(1)
    ...     return gpd.GeoDataFrame({"a": [1]})
    >>> first = remembered(("doctest",), compute)
    >>> first.loc[0, "a"] = 99
    >>> int(remembered(("doctest",), compute).loc[0, "a"]), len(calls)
    (1, 1)
    """
    if key is None:
        return compute()
    if key not in _COMPUTED:
        if len(_COMPUTED) >= _COMPUTED_MAX:
            _COMPUTED.pop(next(iter(_COMPUTED)))
        _COMPUTED[key] = compute().copy()
    return _COMPUTED[key].copy()


def compute_zones(
    holdings=None, islands=None, progress: Callable[[str], None] | None = None
) -> gpd.GeoDataFrame:
    """Compute the zones of every holder (tens of seconds); see :func:`maritime_zones`.

    For the shipped islands, a scenario's zones are computed once per process
    (:func:`remembered`): a map and its stakes table share them.
    """
    if islands is None:
        return remembered(
            _holdings_key(holdings), lambda: _compute(holdings, None, progress)
        )
    return _compute(holdings, islands, progress)


def _compute(holdings, islands, progress) -> gpd.GeoDataFrame:
    report = _reporter(progress)
    units = land_units(holdings, islands)
    plane = _aeqd(*PLANE_CENTRE)
    window = shapely.segmentize(shapely.box(*ZONE_WINDOW), 0.05)
    frame = _reproject(window, "EPSG:4326", plane)
    land = _land(units, plane)  # a holder's land lies on its own side of the line
    report(f"{len(units)} pieces of land; buffering")
    buffers = _buffers(units, plane, report)
    report("median lines")
    sides = _sides(units, plane, frame)
    rows = []
    for holder in sorted(buffers):
        z = {
            zone: shapely.intersection(b, sides[holder])
            for zone, b in buffers[holder].items()
        }
        z["territorial_sea"] = shapely.difference(z["territorial_sea"], land[holder])
        parts = {
            "territorial_sea": z["territorial_sea"],
            "contiguous_zone": shapely.difference(
                z["contiguous_zone"], z["territorial_sea"]
            ),
            "eez": shapely.difference(z["eez"], z["territorial_sea"]),
        }
        rows += [(zone, holder, g) for zone, g in parts.items()]
    report("reprojecting")
    # Snap to a 1 m grid first: zones that share a median line leave zero-width
    # slivers, which reprojection turns into self-intersections (and make_valid
    # then into lost area).
    geoms = [
        _reproject(
            shapely.segmentize(shapely.set_precision(g, 1.0), _EDGE_STEP_M),
            plane,
            "EPSG:4326",
        )
        for *_, g in rows
    ]
    out = gpd.GeoDataFrame(
        {"zone": [r[0] for r in rows], "holder": [r[1] for r in rows]},
        geometry=[
            g if g.is_valid else shapely.make_valid(g, method="structure")
            for g in geoms
        ],
        crs="EPSG:4326",
    )
    out["area_km2"] = out.geometry.to_crs(EQUAL_AREA_CRS).area / 1e6
    out.attrs["method"] = METHOD
    return out
