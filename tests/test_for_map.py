"""for_map: simplification part by part gives the same map; its memo cannot be fooled."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

import kurils
from kurils.drawing import (
    _WHOLE_ROW_MAX_PARTS,
    MAP_TOLERANCE,
    _kept_parts,
    _regroup,
    _simplify_parts,
    for_map,
)


def test_part_by_part_equals_whole_rows_on_the_shipped_islands(islands):
    """The shipped islands, forced through the many-parts path, give the same
    coordinates as simplifying each island as one geometry."""
    geoms = np.asarray(islands.geometry.values)
    parts, owner = _kept_parts(geoms)
    whole = shapely.simplify(
        _regroup(parts, owner, len(geoms)), MAP_TOLERANCE, preserve_topology=True
    )
    alone = shapely.simplify(parts, MAP_TOLERANCE, preserve_topology=True)
    # the data does exercise the repair: alone, some part crosses a neighbour
    i, j = shapely.STRtree(alone).query(alone, predicate="intersects")
    assert (
        (i < j) & (owner[i] == owner[j]) & ~shapely.intersects(parts[i], parts[j])
    ).any()
    by_part = _simplify_parts(parts, owner, MAP_TOLERANCE)
    for row in range(len(geoms)):
        expected = shapely.get_parts(whole[row])
        assert shapely.equals_exact(by_part[owner == row], expected, tolerance=0).all()


def _rocks(n: int) -> np.ndarray:
    """``n`` 12-gon rocks about 130 m across, 700 m apart, east of Iturup."""
    side = int(np.ceil(np.sqrt(n)))
    k = np.arange(n)
    angle = np.linspace(0, 2 * np.pi, 12, endpoint=False)
    r = 0.0006 * (1 + 0.3 * np.sin(7 * angle + k[:, None]))
    xs = 149.3 + (k % side)[:, None] * 0.009 + 1.4 * r * np.cos(angle)
    ys = 44.4 + (k // side)[:, None] * 0.006 + r * np.sin(angle)
    ring = np.stack([xs, ys], -1)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def test_an_island_of_many_rocks_is_simplified_part_by_part():
    rocks = _rocks(2 * _WHOLE_ROW_MAX_PARTS)
    frame = gpd.GeoDataFrame(
        {"island_id": ["x"]}, geometry=[shapely.multipolygons(rocks)], crs=4326
    )
    drawn = for_map(frame).geometry.iloc[0]
    expected = shapely.simplify(rocks, MAP_TOLERANCE, preserve_topology=True)
    expected = shapely.transform(expected, lambda xy: np.round(xy, 4))
    assert shapely.equals_exact(shapely.get_parts(drawn), expected, tolerance=0).all()


def test_memo_is_not_fooled_by_reprojection(islands):
    drawn = for_map(islands)
    assert for_map(drawn) is drawn  # prepared once, for every layer
    metres = drawn.to_crs(3857)
    again = for_map(metres)
    assert again.crs.to_epsg() == 4326
    np.testing.assert_allclose(again.total_bounds, drawn.total_bounds, atol=1e-3)


def test_memo_is_not_fooled_by_edits(islands):
    drawn = for_map(islands)
    edited = drawn.copy()
    i = edited.index[0]
    edited.loc[i, "geometry"] = islands.geometry[i]  # shipped, unsimplified
    redone = for_map(edited)
    assert redone is not edited
    assert shapely.equals_exact(redone.geometry[i], drawn.geometry[i], tolerance=0)
    # copies and subsets share the prepared geometry objects: no second pass
    copy, subset = drawn.copy(), drawn[drawn.group != "context"]
    assert for_map(copy) is copy and for_map(subset) is subset


def test_repeated_geometries_are_prepared_once(islands):
    """Three villages claim all of Iturup: one simplification serves all three."""
    units = for_map(kurils.load_admin_units("JPN")).set_index("unit_id")
    villages = units.loc[["rubetsu_village", "shana_village", "shibetoro_village"]]
    first, *others = villages.geometry
    assert all(g is first for g in others)
    iturup = for_map(islands[islands.island_id == "iturup"]).geometry.iloc[0]
    assert shapely.equals_exact(first, iturup, tolerance=0)
