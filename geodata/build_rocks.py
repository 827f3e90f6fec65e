"""Build ``geodata/rocks.gpkg``: the land that ``islands.gpkg`` leaves out.

Run from the repository root after ``build.py`` (same ``build-data`` extra, same
source: OpenStreetMap land polygons in PyPI ``roaring-landmask`` 0.11.0, ODbL)::

    .venv/bin/python geodata/build_rocks.py

The maritime zones (``kurils.domain.maritime``) need every piece of land that generates
or bounds a zone, not only the named islands:

1. ``rock``: the polygons near the chain that ``build.py`` drops (farther than
   ``ROCK_GROUP_KM`` from a named island; about 50, 0.8 km²). Small as they are,
   they enlarge the sea that changes hands by 1.0-3.9 % (see kurils.domain.maritime).
2. ``context``: all other land of the source inside the zone window
   (``kurils.domain.maritime.ZONE_WINDOW``) that ``islands.gpkg`` does not ship: northern
   Honshu, Rishiri, Rebun, Teuri, Moneron, the Russian mainland coast of the
   Tatar Strait and Kamchatka beyond the shipped tip. They bound the zones of
   Hokkaido and Sakhalin.

Each polygon gets the ``island_id`` of the nearest shipped island (distance in
EPSG:6933), and so that island's holder in any scenario. One MultiPolygon per
(``kind``, ``island_id``); simplified like ``build.py`` (rocks as the Kurils,
context as context land), snapped to 1e-5°; a deterministic GeoPackage 1.2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import shapely

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # build.py, and kurils' constants

from kurils.domain.maritime import ZONE_WINDOW  # noqa: E402

import build  # noqa: E402

OUT = HERE / "rocks.gpkg"


def context_land(world: np.ndarray, shipped: set[bytes]) -> list:
    """Source land in the zone window that neither islands.gpkg nor the rocks hold.

    ``shipped`` holds the WKB of every source polygon already shipped (those that
    ``build.cut_context`` left whole).
    """
    window = shapely.box(*ZONE_WINDOW)
    tip = shapely.box(*build.KAMCHATKA_TIP)
    out = []
    for p in world[
        np.sort(shapely.STRtree(world).query(window, predicate="intersects"))
    ]:
        if p.wkb in shipped:
            continue
        if build.area_km2(p) > 1e6:  # Eurasia: all but the tip islands.gpkg holds
            p = shapely.difference(shapely.intersection(p, window), tip)
        elif shapely.bounds(p)[1] < build.SAKHALIN_SPLIT_LAT < shapely.bounds(p)[
            3
        ] and (build.area_km2(p) > 50_000):
            continue  # Sakhalin is shipped (cut in two, so not found by key)
        else:
            p = shapely.intersection(p, window)
        out.extend(q for q in shapely.get_parts(p) if q.geom_type == "Polygon")
    return out


def nearest_ids(polys: list, ids: list[str], geoms: list) -> list[str]:
    tree = shapely.STRtree([build.metric(g) for g in geoms])
    return [ids[int(tree.nearest(build.metric(p)))] for p in polys]


def main() -> None:
    anchors = build.read_anchors()
    order = [a["island_id"] for a in anchors]
    world = build.load_world_parts()
    polys = build.cut_context(build.load_source_polygons(world))
    geoms, members, _, dropped = build.assign(polys, anchors)
    shipped = {i for idx in members.values() for i in idx} | set(dropped)
    named = [geoms[i] for i in order]
    pieces = {
        "rock": [polys[i] for i in dropped],
        "context": context_land(world, {polys[i].wkb for i in shipped}),
    }
    rows = []
    for kind, found in pieces.items():
        near = nearest_ids(found, order, named)
        for iid in sorted(set(near), key=order.index):
            parts = [p for p, n in zip(found, near, strict=True) if n == iid]
            g = build.finish(shapely.multipolygons(parts), kuril=kind == "rock")
            rows.append((kind, iid, g, len(parts)))
    build.write_gpkg(
        [r[1] for r in rows],
        [r[2] for r in rows],
        OUT,
        layer="rocks",
        columns={"kind": [r[0] for r in rows]},
    )
    per_row = {
        f"{kind}/{iid}": {
            "polygons": n,
            "vertices": int(shapely.get_num_coordinates(g)),
            "area_km2": round(build.area_km2(g), 3),
        }
        for kind, iid, g, n in rows
    }
    build.write_manifest({OUT.name: manifest_entry(per_row)})
    for key, v in per_row.items():
        print(key, v)


def manifest_entry(per_row: dict) -> dict:
    return {
        "kind": "geometry",
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors",
        "source": f"OpenStreetMap land polygons via PyPI {build.SOURCE_PACKAGE}",
        "build": "geodata/build_rocks.py",
        "crs": "EPSG:4326",
        "format": "GeoPackage 1.2, layer rocks",
        "rows": len(per_row),
        "columns": ["island_id", "kind"],
        "geometry_type": "MultiPolygon",
        "vertices": sum(v["vertices"] for v in per_row.values()),
        "zone_window": list(ZONE_WINDOW),
        "groups": per_row,
        "sha256": build.sha256(OUT),
    }


if __name__ == "__main__":
    main()
