"""Benchmarks for kurils (not tests: numbers to read, not assertions).

Run with ``.venv/bin/python benchmarks/run.py`` after ``make test`` (which installs
the package; Chromium from ``apt-get install chromium``) and
``.venv/bin/pip install ".[bench]"`` (mapclassify, which ``explore()`` needs). Prints a Markdown
report; ``--out FILE`` also writes it.

Measured side by side, in one run, on the same islands:

1. ``kurils map`` wall time against ``python -c "import geopandas, folium"``,
   and kurils' own work inside the command (after those imports);
2. ``load_islands()`` time after ``import kurils``;
3. HTML size and headless-Chromium load time of the kurils map against
   ``GeoDataFrame.explore()`` of the same polygons (made offline the same way,
   with no tiles, so that both load with the network blocked);
4. the coastline error of the map: the Hausdorff distance, in metres, between each
   drawn outline and the shipped outline it was simplified from.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
KURILS = str(Path(PY).with_name("kurils"))
CHROMIUM = "/usr/bin/chromium"
# Run children outside the source tree, so that they import the installed package.
ELSEWHERE = tempfile.gettempdir()


def wall(cmd: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ELSEWHERE)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def in_process(code: str, repeat: int = 5) -> float:
    """Median of a timing printed by a fresh interpreter (seconds)."""
    run = lambda: subprocess.run(  # noqa: E731
        [PY, "-c", code], check=True, capture_output=True, text=True, cwd=ELSEWHERE
    )
    out = [float(run().stdout) for _ in range(repeat)]
    return statistics.median(out)


def browser_load(paths: dict[str, Path], repeat: int = 5) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
    ]
    result = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=args)
        for name, path in paths.items():
            times = []
            for _ in range(repeat):
                page = b.new_page(viewport={"width": 1280, "height": 860})
                page.route(
                    "**/*",
                    lambda r: (
                        r.continue_()
                        if r.request.url.startswith("file:")
                        else r.abort()
                    ),
                )
                page.goto(path.as_uri(), wait_until="load")
                # scripts are inline and synchronous: the map is built by "load";
                # two animation frames later it has been painted
                t = page.evaluate(
                    "() => new Promise(r => requestAnimationFrame(() =>"
                    " requestAnimationFrame(() => r(performance.now()))))"
                )
                assert page.locator("path.leaflet-interactive").count() > 0, name
                times.append(t / 1000)
                page.close()
            result[name] = statistics.median(times)
        b.close()
    return result


def coastline_error() -> dict[str, float]:
    import geopandas as gpd
    import numpy as np
    import shapely

    import kurils
    from kurils.web.drawing import (
        MAP_PRECISION,
        MAP_TOLERANCE,
        MIN_PART_M2,
        _drop_specks,
        for_map,
    )

    islands = kurils.load_islands()
    kept = _drop_specks(np.asarray(islands.geometry.values))
    drawn = for_map(islands).geometry.values
    worst, worst_id = 0.0, ""
    for iid, before, after in zip(islands.island_id, kept, drawn, strict=True):
        utm = gpd.GeoSeries([before], crs=4326).estimate_utm_crs()
        a, b = gpd.GeoSeries([before, after], crs=4326).to_crs(utm)
        d = shapely.hausdorff_distance(a.boundary, b.boundary)
        if d > worst:
            worst, worst_id = d, iid
    parts = shapely.get_parts(np.asarray(islands.geometry.values))
    area = gpd.GeoSeries(parts, crs=4326).to_crs(kurils.EQUAL_AREA_CRS).area
    dropped = area < MIN_PART_M2
    # specks that are an island's largest part are kept; count what is really dropped
    n_kept = len(shapely.get_parts(kept))
    return {
        "tolerance_deg": MAP_TOLERANCE,
        "grid_deg": MAP_PRECISION,
        "max_hausdorff_m": worst,
        "worst_island": worst_id,
        "parts_dropped": len(parts) - n_kept,
        "dropped_area_m2": float(area[dropped].sum()),
        "vertices_shipped": int(
            shapely.get_num_coordinates(islands.geometry.values).sum()
        ),
        "vertices_drawn": int(shapely.get_num_coordinates(drawn).sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    n = args.repeat
    tmp = Path(tempfile.mkdtemp())

    import_gf = wall([PY, "-c", "import geopandas, folium"], n)
    cli = wall([KURILS, "map", "--out", str(tmp / "kurils.html")], n)
    own = in_process(
        "import time, geopandas, folium, kurils, kurils.web.mapping, tempfile, os;"
        "t = time.perf_counter();"
        "kurils.save_map(kurils.build_map(), os.path.join(tempfile.mkdtemp(), 'm.html'));"
        "print(time.perf_counter() - t)",
        n,
    )
    load = in_process(
        "import time, kurils; t = time.perf_counter(); kurils.load_islands();"
        "print(time.perf_counter() - t)",
        n,
    )

    # explore() of the same polygons, made offline by the same inliner, no tiles
    import kurils

    islands = kurils.load_islands()
    m = islands[["island_id", "name_en", "status", "geometry"]].explore(
        column="status",
        tiles=None,
        legend=False,  # its legend needs jQuery UI
    )
    explore_html = tmp / "explore.html"
    explore_html.write_text(kurils.render_html(m), encoding="utf-8")
    kurils_html = tmp / "kurils.html"
    loads = browser_load({"kurils": kurils_html, "explore": explore_html}, n)
    err = coastline_error()

    mb = lambda p: p.stat().st_size / 1e6  # noqa: E731
    report = f"""\
| measure | kurils | reference |
|---|---|---|
| `kurils map` wall time vs `python -c "import geopandas, folium"` | {cli:.2f} s | {import_gf:.2f} s |
| kurils' own work in `kurils map` (build + save, after imports) | {own:.2f} s | import {import_gf:.2f} s |
| `load_islands()` after `import kurils` (fresh process) | {load * 1000:.0f} ms | target < 100 ms |
| HTML size, offline single file | {mb(kurils_html):.2f} MB | `explore()`: {mb(explore_html):.2f} MB |
| load and draw in headless Chromium (median of {n}) | {loads["kurils"]:.2f} s | `explore()`: {loads["explore"]:.2f} s |
| coastline error, drawn vs shipped outline (max Hausdorff) | {err["max_hausdorff_m"]:.0f} m ({err["worst_island"]}) | target ≤ 100 m |
| vertices drawn / shipped | {err["vertices_drawn"]:,} / {err["vertices_shipped"]:,} | |
| rocks under 1,000 m² not drawn | {err["parts_dropped"]:,} ({err["dropped_area_m2"] / 1e6:.3f} km²) | |

Simplification {err["tolerance_deg"]}° (topology-preserving), coordinates on a
{err["grid_deg"]}° grid. Machine: {subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()} cores, Python {sys.version.split()[0]}.
"""
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
