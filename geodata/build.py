"""Build ``geodata/islands.gpkg`` from OpenStreetMap land polygons.

Run from the repository root (needs the ``build-data`` extra)::

    .venv/bin/pip install roaring-landmask==0.11.0
    .venv/bin/python geodata/build.py

Source: the OpenStreetMap land polygons bundled in the PyPI package
``roaring-landmask`` 0.11.0 (``Shapes.wkb(LandmaskProvider.Osm)``), © OpenStreetMap
contributors, ODbL 1.0. The output is a derived database and is licensed ODbL 1.0.

What the script does, and why:

1. Loads the world land polygons once (about 8 s, 1 GB) and keeps those that touch
   the region box, so nobody has to repeat that to use kurils.
2. Cuts the context land: Sakhalin at 50°N (the 1905-1945 border, needed by the
   points of view and the history) and the Eurasia polygon down to the southern tip
   of Kamchatka.
3. Gives each polygon an ``island_id`` by a checked rule: the polygon that contains
   the island's anchor point from ``attributes/islands.csv`` (a cited point on the
   island). The build fails if an anchor is in the sea, if two ids land on one
   polygon, or if an unnamed polygon larger than ``MAX_UNNAMED_KM2`` lies within
   ``NEAR_CHAIN_KM`` of a Kuril island (a missing island).
4. Groups unnamed rocks within ``ROCK_GROUP_KM`` of a named island into that island's
   MultiPolygon; drops the rest and records what was dropped (count and area).
5. Simplifies (topology preserving; Kurils finer than context land), snaps to a
   1e-5° grid (about 1 m), orients exterior rings counter-clockwise, and writes a
   GeoPackage 1.2 (read in under 10 ms, where the same data as GeoJSON takes 50 ms
   to parse). Writes ``manifest.json``, whose per-island vertex counts and areas
   make every geometry change show up in a text diff.

The output is deterministic: the same source gives byte-identical files (the
GeoPackage timestamp is pinned with ``OGR_CURRENT_DATE``; no spatial index).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np
import pyproj
import shapely

HERE = Path(__file__).resolve().parent
ATTRIBUTES = HERE / "attributes"
OUT = HERE / "islands.gpkg"
MANIFEST = HERE / "manifest.json"

SOURCE_PACKAGE = "roaring-landmask==0.11.0"
REGION = (139.0, 41.3, 157.6, 54.5)  # lon/lat: Hokkaido to Kamchatka, all Sakhalin
KAMCHATKA_TIP = (155.4, 50.8, 157.6, 51.5)  # the part of Eurasia kept as context
SAKHALIN_SPLIT_LAT = 50.0
ROCK_GROUP_KM = 2.0
NEAR_CHAIN_KM = 20.0
MAX_UNNAMED_KM2 = 0.5
# Tolerances in degrees. Kurils: ~5 m, well under a zoom-12 OSM tile pixel (~27 m at
# 45°N), so coastlines still line up with the tiles. Context land: ~20 m.
SIMPLIFY_KURILS = 0.00006
SIMPLIFY_CONTEXT = 0.00025
GRID = 1e-5
EQUAL_AREA = "EPSG:6933"
FIXED_DATE = "2026-01-01T00:00:00Z"  # GeoPackage last_change: pinned for byte-identity  # WGS 84 / NSIDC EASE-Grid 2.0 Global, equal-area

_to_metric = pyproj.Transformer.from_crs("EPSG:4326", EQUAL_AREA, always_xy=True)


def metric(geom):
    return shapely.transform(
        geom, lambda c: np.column_stack(_to_metric.transform(c[:, 0], c[:, 1]))
    )


def area_km2(geom) -> float:
    return metric(geom).area / 1e6


def read_anchors() -> list[dict]:
    with open(ATTRIBUTES / "islands.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [
        {
            "island_id": r["island_id"],
            "group": r["group"],
            "point": shapely.Point(float(r["anchor_lon"]), float(r["anchor_lat"])),
        }
        for r in rows
    ]


def load_world_parts() -> np.ndarray:
    """Every land polygon of the source (about 8 s and 1 GB: call it once)."""
    from roaring_landmask import LandmaskProvider, Shapes

    world = shapely.from_wkb(Shapes.new(LandmaskProvider.Osm).wkb(LandmaskProvider.Osm))
    return shapely.get_parts(world)


def load_source_polygons(parts: np.ndarray | None = None) -> np.ndarray:
    """The source polygons that touch ``REGION``, in the source's order."""
    parts = load_world_parts() if parts is None else parts
    box = shapely.box(*REGION)
    hits = shapely.STRtree(parts).query(box, predicate="intersects")
    return parts[np.sort(hits)]


def cut_context(polys: np.ndarray) -> list:
    """Clip Eurasia to Kamchatka's tip and split Sakhalin at 50°N."""
    out = []
    for p in polys:
        if area_km2(p) > 1e6:  # Eurasia: keep only the southern tip of Kamchatka
            tip = shapely.intersection(p, shapely.box(*KAMCHATKA_TIP))
            out.extend(shapely.get_parts(tip))
            continue
        minx, miny, maxx, maxy = p.bounds
        if miny < SAKHALIN_SPLIT_LAT < maxy and area_km2(p) > 50_000:  # Sakhalin
            south = shapely.box(minx - 1, miny - 1, maxx + 1, SAKHALIN_SPLIT_LAT)
            north = shapely.box(minx - 1, SAKHALIN_SPLIT_LAT, maxx + 1, maxy + 1)
            out.extend(shapely.get_parts(shapely.intersection(p, south)))
            out.extend(shapely.get_parts(shapely.intersection(p, north)))
            continue
        out.append(p)
    return [p for p in out if p.geom_type == "Polygon" and not p.is_empty]


def assign(polys: list, anchors: list[dict]) -> tuple[dict, dict, dict, list]:
    """Assign polygons to island ids by anchor point; group or drop the rest.

    Returns the geometry of each island, the source indices grouped into each,
    the report, and the indices of the rocks dropped near the chain (shipped
    apart by ``build_rocks.py`` for the maritime zones).
    """
    tree = shapely.STRtree(polys)
    owner: dict[int, str] = {}
    errors = []
    for a in anchors:
        hits = tree.query(a["point"], predicate="within")
        if len(hits) != 1:
            errors.append(f"{a['island_id']}: anchor {a['point'].wkt} is on no polygon")
            continue
        i = int(hits[0])
        if i in owner:
            errors.append(f"{a['island_id']} and {owner[i]} anchor on the same polygon")
        owner[i] = a["island_id"]
    if errors:
        sys.exit("build failed:\n  " + "\n  ".join(errors))

    members = {iid: [] for iid in owner.values()}
    for i, iid in owner.items():
        members[iid].append(i)
    groups = {a["island_id"]: a["group"] for a in anchors}
    metric_polys = [metric(p) for p in polys]
    named = sorted(owner)
    named_tree = shapely.STRtree([metric_polys[i] for i in named])
    kuril_idx = [k for k, i in enumerate(named) if groups[owner[i]] != "context"]
    kuril_tree = shapely.STRtree([metric_polys[named[k]] for k in kuril_idx])
    dropped = {"count": 0, "area_km2": 0.0, "largest_km2": 0.0}
    dropped_idx = []
    dropped_far = {"count": 0, "area_km2": 0.0}
    grouped = {"count": 0, "area_km2": 0.0}
    for i, p in enumerate(metric_polys):
        if i in owner:
            continue
        a = p.area / 1e6
        near = named_tree.query_nearest(p, max_distance=ROCK_GROUP_KM * 1000)
        if len(near):
            # Ties are broken by the smallest index, so the result is deterministic.
            members[owner[named[int(min(near))]]].append(i)
            grouped["count"] += 1
            grouped["area_km2"] += a
            continue
        near_chain = kuril_tree.query_nearest(p, max_distance=NEAR_CHAIN_KM * 1000)
        if len(near_chain) and a > MAX_UNNAMED_KM2:
            c = shapely.centroid(polys[i])
            sys.exit(
                f"build failed: unnamed land of {a:.2f} km² at {c.x:.4f},{c.y:.4f} "
                f"near the chain; add it to attributes/islands.csv"
            )
        if not len(
            near_chain
        ):  # Honshu, Rishiri, Moneron...: outside the map's subject
            dropped_far["count"] += 1
            dropped_far["area_km2"] += a
            continue
        dropped["count"] += 1
        dropped_idx.append(i)
        dropped["area_km2"] += a
        dropped["largest_km2"] = max(dropped["largest_km2"], a)
    geoms = {
        iid: shapely.multipolygons([polys[i] for i in sorted(idx)])
        for iid, idx in members.items()
    }
    report = {
        "grouped_rocks": {k: round(v, 3) for k, v in grouped.items()},
        "dropped_near_chain": {k: round(v, 3) for k, v in dropped.items()},
        "dropped_elsewhere_in_box": {k: round(v, 3) for k, v in dropped_far.items()},
    }
    return geoms, members, report, dropped_idx


def finish(geom, kuril: bool):
    tol = SIMPLIFY_KURILS if kuril else SIMPLIFY_CONTEXT
    g = shapely.simplify(geom, tol, preserve_topology=True)
    g = shapely.set_precision(g, GRID)
    g = shapely.orient_polygons(g, exterior_cw=False)  # RFC 7946: CCW exteriors
    if g.geom_type == "Polygon":
        g = shapely.multipolygons([g])
    assert g.is_valid and not g.is_empty, "simplification broke a geometry"
    return g


def finish_multipolygon(g):
    """A valid MultiPolygon with counter-clockwise exteriors (RFC 7946)."""
    if not g.is_valid:
        g = shapely.make_valid(g)
    polys = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon"]
    if not polys:
        return shapely.MultiPolygon()
    return shapely.orient_polygons(shapely.MultiPolygon(polys), exterior_cw=False)


def write_gpkg(
    ids: list[str], geoms: list, path: Path, layer: str = "islands", columns=None
) -> None:
    """Write ``island_id`` (+ ``columns``) + geometry rows as a deterministic
    GeoPackage 1.2."""
    import geopandas as gpd

    table = {"island_id": ids, **(columns or {})}
    write_frame(gpd.GeoDataFrame(table, geometry=geoms, crs="EPSG:4326"), path, layer)


def write_frame(gdf, path: Path, layer: str) -> None:
    """Write a GeoDataFrame as a deterministic GeoPackage 1.2 (pinned timestamp,
    no spatial index)."""
    import pyogrio

    path.unlink(missing_ok=True)
    old = os.environ.get("OGR_CURRENT_DATE")
    os.environ["OGR_CURRENT_DATE"] = FIXED_DATE
    try:
        pyogrio.write_dataframe(
            gdf, path, layer=layer, driver="GPKG", VERSION="1.2", SPATIAL_INDEX="NO"
        )
    finally:
        if old is None:
            del os.environ["OGR_CURRENT_DATE"]
        else:
            os.environ["OGR_CURRENT_DATE"] = old


def main() -> None:
    anchors = read_anchors()
    order = [a["island_id"] for a in anchors]
    groups = {a["island_id"]: a["group"] for a in anchors}
    polys = cut_context(load_source_polygons())
    geoms, _, report, _ = assign(polys, anchors)
    final = [finish(geoms[iid], kuril=groups[iid] != "context") for iid in order]
    write_gpkg(order, final, OUT)
    per_island = {
        iid: {
            "vertices": int(shapely.get_num_coordinates(g)),
            "parts": len(g.geoms),
            "area_km2": round(area_km2(g), 2),
        }
        for iid, g in zip(order, final, strict=True)
    }
    update_manifest(per_island, report)
    print(json.dumps(report, indent=1))
    vertices = sum(v["vertices"] for v in per_island.values())
    print(f"wrote {OUT.name}: {len(final)} features, {vertices} vertices")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def update_manifest(per_island: dict, report: dict) -> None:
    """Rewrite the manifest entry of islands.gpkg and of every table."""
    entries = {}
    entries[OUT.name] = {
        "kind": "geometry",
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors",
        "source": f"OpenStreetMap land polygons via PyPI {SOURCE_PACKAGE}",
        "build": "geodata/build.py",
        "crs": "EPSG:4326",
        "format": "GeoPackage 1.2, layer islands",
        "rows": len(per_island),
        "columns": ["island_id"],
        "geometry_type": "MultiPolygon",
        "vertices": sum(v["vertices"] for v in per_island.values()),
        "islands": per_island,
        "simplify_degrees": {"kurils": SIMPLIFY_KURILS, "context": SIMPLIFY_CONTEXT},
        "grid_degrees": GRID,
        **report,
        "sha256": sha256(OUT),
    }
    entries.update(table_entries())
    write_manifest(entries)


# The table entries and the file format are shared with scripts/refresh_manifest.py,
# which refreshes them after a CSV edit without this 1 GB rebuild.


def table_entry(path: Path) -> dict:
    """The manifest entry of one attribute table: licence, header, rows, hash."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        n = sum(1 for _ in reader)  # records, not lines: quoted fields may span lines
    return {
        "kind": "table",
        "licence": "CC-BY-SA-4.0",
        "attribution": "kurils contributors; per-row sources in attributes/sources",
        "source": "compiled from the sources listed in attributes/sources.csv",
        "rows": n,
        "columns": header,
        "geometry_type": None,
        "sha256": sha256(path),
    }


def table_entries() -> dict[str, dict]:
    """Entries of every ``attributes/*.csv``, keyed by their path under geodata/."""
    return {
        f"attributes/{path.name}": table_entry(path)
        for path in sorted(ATTRIBUTES.glob("*.csv"))
    }


def manifest_bytes(entries: dict) -> bytes:
    """The manifest file's exact bytes: sorted keys, so equal entries give equal
    files and a change shows up as a small text diff."""
    return (json.dumps(entries, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_manifest(entries: dict) -> None:
    """Write ``entries`` over the manifest's current ones, with every table's entry
    refreshed; entries that other build scripts own (rocks, zones) are kept."""
    old = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    MANIFEST.write_bytes(manifest_bytes({**old, **table_entries(), **entries}))


if __name__ == "__main__":
    main()
