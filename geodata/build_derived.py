"""Build ``geodata/derived.gpkg``: results computed from the shipped geometry, stored.

Run last, after the other build scripts and after installing kurils with the fresh
data (``make data`` does all of it; on its own it takes a few seconds)::

    .venv/bin/python geodata/build_derived.py

It runs kurils' own code under :func:`kurils.data.derived.recording`: every
treaty line of ``borders.csv`` (:func:`kurils.load_borders`), and the maps
(today's, and each shipped scenario's), which simplify the islands, districts
and maritime zones for drawing and overlay the sea both sides claim. Each result is written
under its key (the SHA-256 of what is computed and of its inputs), so that the
loaders find it instead of computing it; any other input (a user's islands) is
computed as before. Rerun it whenever islands.gpkg, zones.gpkg or one of those
methods changes: ``tests/test_derived.py`` fails until then.

Deterministic: the same inputs give a byte-identical GeoPackage 1.2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import kurils  # noqa: E402
from kurils.data.derived import DERIVED, recording  # noqa: E402

import build  # noqa: E402

OUT = HERE / DERIVED


def record() -> dict:
    """Every stored computation the loaders and the maps make for the shipped data:
    ``{key: (kind, geometry)}``."""
    with recording() as found:
        kurils.load_borders()
        kurils.build_map()
        for s in kurils.scenarios():
            kurils.build_map(scenario=s.id)
    return found


def frame(found: dict) -> gpd.GeoDataFrame:
    keys = sorted(found)
    return gpd.GeoDataFrame(
        {"key": keys, "kind": [found[k][0] for k in keys]},
        geometry=[found[k][1] for k in keys],
        crs="EPSG:4326",
    )


def main() -> None:
    out = frame(record())
    build.write_frame(out, OUT, "derived")
    build.write_manifest({OUT.name: manifest_entry(out)})
    print(out.drop(columns="geometry").value_counts("kind").to_string())


def manifest_entry(out: gpd.GeoDataFrame) -> dict:
    return {
        "kind": "geometry",
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors (coastlines); kurils contributors",
        "source": "computed by kurils from islands.gpkg and zones.gpkg (treaty "
        "lines; islands, districts and maritime zones as drawn), each under the "
        "SHA-256 of its inputs",
        "build": "geodata/build_derived.py",
        "crs": "EPSG:4326",
        "format": "GeoPackage 1.2, layer derived",
        "rows": len(out),
        "columns": [c for c in out.columns if c != "geometry"],
        "geometry_type": "Geometry",
        "geometry_types": sorted(set(out.geom_type)),
        "vertices": int(out.geometry.count_coordinates().sum()),
        "sha256": build.sha256(OUT),
    }


if __name__ == "__main__":
    main()
