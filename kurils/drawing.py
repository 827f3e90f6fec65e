"""Geometry made ready for drawing: reprojected, specks dropped, simplified, rounded.

Shared by the renderers: every web layer and the printed figures draw these
outlines (measured by ``benchmarks/``), so the map and the figure show the same
coastline.
"""

from __future__ import annotations

import weakref

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .data.derived import remembered_each
from .domain.measurement import EQUAL_AREA_CRS

__all__ = ["MAP_PRECISION", "MAP_TOLERANCE", "MIN_PART_M2", "for_map"]

#: Simplification tolerance for drawing (degrees, ~30-45 m) and coordinate grid
#: (~10 m): together well under the 100 m coastline error allowed on the map.
MAP_TOLERANCE = 0.0004
MAP_PRECISION = 1e-4
#: Rocks smaller than this (m²) are not drawn: under one OSM zoom-12 pixel
#: (~27 m at 45°N), yet they are most of the vertices of the context land.
MIN_PART_M2 = 1000.0


def _kept_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polygon parts of each row and their row numbers, without parts under
    :data:`MIN_PART_M2` (a row's largest part is always kept)."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    area = gpd.GeoSeries(parts, crs=4326).to_crs(EQUAL_AREA_CRS).area.to_numpy()
    largest = pd.Series(area).groupby(owner).transform("max").to_numpy()
    keep = (area >= MIN_PART_M2) | (area == largest)
    return parts[keep], owner[keep]


_EMPTY = shapely.MultiPolygon()


def _regroup(parts: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """One MultiPolygon per row from its parts (empty for a row without any)."""
    return shapely.multipolygons(parts, indices=owner, out=np.full(n, _EMPTY, object))


def _drop_specks(geoms: np.ndarray) -> np.ndarray:
    """Drop polygon parts under :data:`MIN_PART_M2`, keeping each row's largest."""
    return _regroup(*_kept_parts(geoms), len(geoms))


def _simplify_parts(
    parts: np.ndarray, owner: np.ndarray, tolerance: float
) -> np.ndarray:
    """Simplify each part alone, then together where that made parts overlap.

    Simplified alone, a part can come to cross another part of the same row (a
    spit cut short over a rock beside it). Simplifying a whole row at once keeps
    them apart, but checks every part against every other; here only the parts
    caught overlapping are simplified again, together, as one geometry, until
    no new overlap appears (parts that already touched are not counted).
    """
    out = shapely.simplify(parts, tolerance, preserve_topology=True)
    together = np.zeros(len(parts), bool)
    for _ in range(_REJOIN_ROUNDS):
        i, j = shapely.STRtree(out).query(out)  # boxes first: cheap
        pair = (i < j) & (owner[i] == owner[j])
        i, j = i[pair], j[pair]
        shapely.prepare(out[i])  # the large part is tested against many rocks
        hit = shapely.intersects(out[i], out[j])
        i, j = i[hit], j[hit]
        new = ~shapely.intersects(parts[i], parts[j]) & ~(together[i] & together[j])
        if not new.any():
            return out
        together[i[new]] = together[j[new]] = True
        for row in np.unique(owner[together]):
            sel = np.flatnonzero(together & (owner == row))
            joint = shapely.multipolygons(parts[sel])
            out[sel] = shapely.get_parts(
                shapely.simplify(joint, tolerance, preserve_topology=True)
            )
    return out


def _simplify_polygons(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Drop specks, then simplify: a row of few parts as one geometry, a row of
    many part by part (:func:`_simplify_parts`), so time stays linear in parts."""
    parts, owner = _kept_parts(geoms)
    count = np.bincount(owner, minlength=len(geoms))
    many = count[owner] > _WHOLE_ROW_MAX_PARTS
    simplified = parts.copy()
    simplified[many] = _simplify_parts(parts[many], owner[many], tolerance)
    rows = _regroup(simplified, owner, len(geoms))
    few = count <= _WHOLE_ROW_MAX_PARTS
    rows[few] = shapely.simplify(rows[few], tolerance, preserve_topology=True)
    return rows


def _drawn(geoms: np.ndarray, polygons: bool, tolerance: float) -> np.ndarray:
    """Distinct geometries simplified and rounded for drawing."""
    if polygons:
        geoms = _simplify_polygons(geoms, tolerance)
    else:
        geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
    # Round rather than set_precision(): snapping to a grid "repairs" narrow spits
    # away (350 m lost on Hokkaido's Notsuke spit); for drawing, rounding is enough.
    digits = round(-np.log10(MAP_PRECISION))
    return shapely.transform(geoms, lambda xy: np.round(xy, digits))


# Up to this many parts, simplifying a row as one geometry (which checks every
# part against every other) is as fast as part by part; every shipped island has
# fewer, and part by part gives the same coordinates for them (tested).
_WHOLE_ROW_MAX_PARTS = 256
# Rounds of re-simplifying overlapping parts together; each round only grows the
# groups, and one round was enough for every shipped island.
_REJOIN_ROUNDS = 5


# The geometries for_map() returned, by identity and tolerance: a frame made only
# of these needs no second pass. A mark in ``attrs`` would not do: pandas carries
# attrs through to_crs() and copies, whose geometries are new objects.
_PREPARED: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


def _prepared(gdf: gpd.GeoDataFrame, tolerance: float) -> bool:
    """Whether every geometry of ``gdf`` is one for_map() returned (in EPSG:4326)."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        return False
    return all(
        g is None or _PREPARED.get((id(g), tolerance)) is g for g in gdf.geometry.values
    )


def for_map(
    gdf: gpd.GeoDataFrame, tolerance: float = MAP_TOLERANCE
) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326, drop specks, simplify and round for drawing.

    Polygon parts under :data:`MIN_PART_M2` are dropped first. Simplification
    is GEOS's topology-preserving Douglas-Peucker (``tolerance`` in degrees), with
    every part of a row kept apart from the others. For a row of up to
    ``_WHOLE_ROW_MAX_PARTS`` parts (every shipped island) it runs on the row as
    one geometry; that also checks every part against every other, so for more
    parts (a user's coastline of 80,000 rocks took minutes) each part is
    simplified alone and only the parts that came to overlap are simplified
    again together: the time grows linearly with the number of parts, and the
    coordinates are the same as the whole-row way for the shipped islands
    (tested; ``benchmarks/scale.py`` measures the time). The drawn outline is
    within 47 m of the shipped one (Hausdorff, per-island UTM; ``benchmarks/run.py``).

    Idempotent and cheap the second time: a frame whose geometries are all
    those a call returned (same objects, EPSG:4326) is returned as it is, so a
    map can prepare its islands once and hand them to every builder. Anything
    else (reprojected, copied, or edited geometries) is prepared again.

    Examples
    --------
    >>> import kurils
    >>> islands = for_map(kurils.load_islands())
    >>> for_map(islands) is islands
    True
    >>> again = for_map(for_map(islands).to_crs(3857))  # degrees again, not metres
    >>> bool((again.total_bounds.round() == islands.total_bounds.round()).all())
    True
    """
    if _prepared(gdf, tolerance):
        return gdf
    out = gdf.to_crs(4326) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf
    # Rows often repeat a geometry (three Japanese villages claim all of Iturup):
    # each distinct one is prepared once.
    rows = np.asarray(out.geometry.values)
    codes, _ = pd.factorize(shapely.to_wkb(rows), use_na_sentinel=False)
    geoms = rows[np.unique(codes, return_index=True)[1]]
    polygons = bool(np.isin(shapely.get_type_id(geoms), (3, 6)).all())
    # Each row's outcome depends on that row alone: for the shipped islands and
    # districts it was stored at data-build time (kurils.data.derived; ~60 ms)
    drawn = remembered_each(
        "for_map/1",
        [(g, polygons, tolerance, MIN_PART_M2, MAP_PRECISION) for g in geoms],
        lambda todo: _drawn(geoms[todo], polygons, tolerance),
    )
    geoms = np.array(drawn, dtype=object)
    out = out.set_geometry(geoms[codes])
    out = out[~out.geometry.is_empty].copy()
    for g in out.geometry.values:
        if g is not None:
            _PREPARED[(id(g), tolerance)] = g
    return out
