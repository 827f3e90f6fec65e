"""Build ``geodata/zones.gpkg``: the maritime zones of every shipped scenario.

Run after ``build.py`` and ``build_rocks.py`` and after installing kurils with
the fresh data (``make data`` does all of it)::

    .venv/bin/python geodata/build_zones.py

For each scenario of ``attributes/scenarios.csv`` the zones are computed by
``kurils.domain.maritime.compute_zones`` (method and limits in that module), then:

- ``changed_km2``: the part of each zone that the status quo gives to another
  holder, computed on the unsimplified zones in EPSG:6933;
- the geometry is simplified by ``SIMPLIFY`` degrees (about 100 m, topology
  preserving) and snapped to 1e-5°, so the file stays small and loads fast;
  ``area_km2`` stays that of the unsimplified zone.

Deterministic: the same inputs give a byte-identical GeoPackage 1.2.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from kurils.domain.maritime import METHOD, changed_hands, compute_zones  # noqa: E402
from kurils.domain.scenarios import scenarios  # noqa: E402

import build  # noqa: E402

OUT = HERE / "zones.gpkg"
SIMPLIFY = 0.001
# Holes (rocks in a territorial sea) and parts smaller than this are not drawn
# (degrees², about 1.7 km² at 45°N); area_km2 still counts them.
SPECK = 2e-4


def drop_specks(g):
    """Drop holes and parts smaller than ``SPECK`` (the file stays small)."""
    keep = []
    for p in shapely.get_parts(g):
        if p.geom_type != "Polygon" or p.area < SPECK:
            continue
        holes = [r for r in p.interiors if shapely.Polygon(r).area >= SPECK]
        keep.append(shapely.Polygon(p.exterior, holes))
    return shapely.MultiPolygon(keep) if keep else shapely.MultiPolygon()


EXACT = HERE.parent / "build" / "zones_exact.pkl"  # kept for --reuse (not shipped)


def compute_all() -> pd.DataFrame:
    """The unsimplified zones of every shipped scenario, with ``changed_km2``."""
    frames, base = [], None
    for s in scenarios():
        t = time.perf_counter()
        z = compute_zones(s, progress=lambda m, i=s.id: print(f"  {i}: {m}"))
        base = z if base is None else base  # status_quo comes first
        z.insert(0, "scenario_id", s.id)
        z["changed_km2"] = changed_hands(z, base)
        frames.append(z)
        print(f"{s.id}: {time.perf_counter() - t:.1f} s")
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    if "--reuse" in sys.argv and EXACT.exists():
        out = pd.read_pickle(EXACT)
    else:
        out = compute_all()
        EXACT.parent.mkdir(exist_ok=True)
        out.to_pickle(EXACT)
    empty = out[out.geometry.is_empty]
    if len(empty):
        print("empty zones:", empty[["scenario_id", "zone", "holder"]].values.tolist())
    out["area_km2"] = out["area_km2"].round(2)
    geoms = shapely.simplify(out.geometry.values, SIMPLIFY, preserve_topology=True)
    geoms = [drop_specks(g) for g in shapely.set_precision(geoms, build.GRID)]
    out = gpd.GeoDataFrame(
        out.drop(columns="geometry"),
        geometry=[build.finish_multipolygon(g) for g in geoms],
        crs="EPSG:4326",
    )
    build.write_frame(out, OUT, "zones")
    build.write_manifest({OUT.name: manifest_entry(out)})
    print(out.drop(columns="geometry").to_string())


def manifest_entry(out: gpd.GeoDataFrame) -> dict:
    return {
        "kind": "geometry",
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors (coastlines); kurils contributors",
        "source": "computed by kurils.domain.maritime from islands.gpkg and rocks.gpkg",
        "build": "geodata/build_zones.py",
        "crs": "EPSG:4326",
        "format": "GeoPackage 1.2, layer zones",
        "rows": len(out),
        "columns": [c for c in out.columns if c != "geometry"],
        "geometry_type": "MultiPolygon",
        "vertices": int(out.geometry.count_coordinates().sum()),
        "method": METHOD,
        "simplify_degrees": SIMPLIFY,
        "specks_dropped_below_deg2": SPECK,
        "areas_km2": {
            f"{r.scenario_id}/{r.zone}/{r.holder}": [r.area_km2, r.changed_km2]
            for r in out.itertuples()
        },
        "sha256": build.sha256(OUT),
    }


if __name__ == "__main__":
    main()
