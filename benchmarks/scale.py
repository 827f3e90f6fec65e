"""How the map's simplification scales with the number of polygon parts.

Run with ``.venv/bin/python benchmarks/scale.py`` after ``make install``. Prints a
Markdown report (``--out FILE`` also writes it). Not a test: numbers to read.

An island of N rocks (jagged 20-gon rocks about 130 m across, each above the
1,000 m² drawing threshold, on a grid in open sea east of Iturup) is prepared for
drawing by ``kurils.web.layers.for_map``. Its time is compared with a floor measured in
the same run on the same parts: ``shapely.simplify(parts, preserve_topology=False)``
(Douglas-Peucker on each part, no topology checks, no speck test, no rounding). A
ratio that stays flat as N grows means time linear in parts; before the change it
grew with N (4k / 16k / 83k parts: 1.1 / 9 / 206 s). Last, the whole map is built
and saved with 100,000 such rocks added to Iturup, as a user's own coastline.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

import kurils
from kurils.web.layers import MAP_TOLERANCE, for_map

SIZES = (4_000, 16_000, 83_000, 100_000)
WHOLE_UP_TO = 16_000  # the former simplification took 206 s at 83,000 parts
VERTICES = 20  # per rock
RADIUS_DEG = 0.0006  # latitude degrees: about 67 m


def rocks(n: int, seed: int = 0) -> np.ndarray:
    """``n`` jagged rocks on a grid in a 0.8° x 0.5° box of open Pacific."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    i = np.arange(n)
    x = 149.3 + (i % side) * 0.8 / side
    y = 44.4 + (i // side) * 0.5 / side
    angle = np.linspace(0, 2 * np.pi, VERTICES, endpoint=False)
    r = RADIUS_DEG * (1 + 0.3 * rng.random((n, VERTICES)))
    xs = x[:, None] + r * np.cos(angle) / np.cos(np.radians(45))
    ys = y[:, None] + r * np.sin(angle)
    ring = np.stack([xs, ys], -1)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def best(f, repeat: int) -> tuple[float, float]:
    """Median wall and CPU time of ``f()`` (seconds); CPU time is the steadier on a
    shared machine."""
    wall, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        f()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def scaling(repeat: int) -> list[dict]:
    rows = []
    for n in SIZES:
        parts = rocks(n)
        frame = gpd.GeoDataFrame(
            {"island_id": ["x"]}, geometry=[shapely.multipolygons(parts)], crs=4326
        )
        floor = best(
            lambda p=parts: shapely.simplify(p, MAP_TOLERANCE, preserve_topology=False),
            repeat,
        )
        # a copy each time: for_map returns a frame it prepared itself unchanged
        kurils_s = best(lambda f=frame: for_map(f.copy()), repeat)
        # the former way, one geometry per island: only where it ends in seconds
        whole = (
            best(
                lambda p=parts: shapely.simplify(
                    shapely.multipolygons(p), MAP_TOLERANCE, preserve_topology=True
                ),
                1,
            )
            if n <= WHOLE_UP_TO
            else None
        )
        rows.append({"parts": n, "floor": floor, "for_map": kurils_s, "whole": whole})
    return rows


def whole_map() -> dict:
    islands = kurils.load_islands()
    i = islands.index[islands.island_id == "iturup"][0]
    extra = rocks(SIZES[-1])
    own = shapely.get_parts(islands.geometry[i])
    islands.loc[i, "geometry"] = shapely.multipolygons(np.concatenate([own, extra]))
    out = Path(tempfile.mkdtemp()) / "rocks.html"
    t, cpu = time.perf_counter(), time.process_time()
    m = kurils.build_map(islands=islands)
    built = time.perf_counter() - t
    t2 = time.perf_counter()
    kurils.save_map(m, out)
    saved, cpu = time.perf_counter() - t2, time.process_time() - cpu
    return {
        "rocks": len(extra),
        "build_s": built,
        "save_s": saved,
        "cpu_s": cpu,
        "for_map": best(lambda: for_map(islands.copy()), 1),
        "mb": out.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = [
        "| parts | floor CPU (simplify, no topology) | for_map CPU | ratio | "
        "for_map wall | before: one geometry, CPU |",
        "|---|---|---|---|---|---|",
    ]
    for r in scaling(args.repeat):
        before = f"{r['whole'][1]:.3f} s" if r["whole"] else "not run"
        lines.append(
            f"| {r['parts']:,} | {r['floor'][1]:.3f} s | {r['for_map'][1]:.3f} s "
            f"| {r['for_map'][1] / r['floor'][1]:.1f} | {r['for_map'][0]:.3f} s "
            f"| {before} |"
        )
    w = whole_map()
    lines += [
        "",
        f"Whole map with {w['rocks']:,} rocks added to Iturup: build_map "
        f"{w['build_s']:.2f} s, save_map {w['save_s']:.2f} s: {w['cpu_s']:.2f} s "
        f"of CPU for both; page {w['mb']:.2f} MB. for_map of these islands alone "
        f"(build_map calls it on the islands and on the districts): "
        f"{w['for_map'][1]:.2f} s of CPU.",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
