"""Benchmarks for kurils (not tests: numbers to read, not assertions).

Run after ``make test`` (which installs the package; Chromium from ``apt-get
install chromium``) and ``.venv/bin/pip install ".[bench]"`` (mapclassify, which
``explore()`` needs; playwright)::

    .venv/bin/python benchmarks/run.py             # prints a Markdown report
    .venv/bin/python benchmarks/run.py --readme    # also rewrites README's table

Every figure is a ratio to a floor measured in the same run, side by side (the
machine is shared and its load changes from minute to minute: the ratio is the
number to read). Each repeat runs the floor and the measured thing one after the
other; the report gives the median ratio and its min-max over the repeats.

Floors:

- commands (``kurils map``, ``map --history``, ``figure``, ``info``) and ``import
  kurils``: ``python -c "import geopandas, folium"``, wall time and peak RSS;
- ``load_islands()`` (first call, after ``import kurils``): reading the same
  GeoPackage with ``geopandas.read_file`` (after ``import geopandas``);
- headless Chromium, the default map drawn: a Leaflet-only page (Leaflet's
  pinned JS and CSS inline, one polygon: ``benchmarks/page_load.py``'s);
- page size: ``GeoDataFrame.explore()`` of the same polygons, made offline the
  same way (no tiles, no legend);
- the view switch and a time-slider step (``benchmarks/interactions.py``): the
  page's main-thread work from the input to its next frame, against two idle
  frames of the same page, and in frames of 16.7 ms.

Last, the coastline error of the map: the Hausdorff distance, in metres, between
each drawn outline and the shipped outline it was simplified from.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PY = sys.executable
KURILS = str(Path(PY).with_name("kurils"))
CHROMIUM = "/usr/bin/chromium"
README = Path(__file__).resolve().parents[1] / "README.md"
# The README's table sits between these two lines; --readme rewrites what is between.
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
# Run children outside the source tree, so that they import the installed package.
ELSEWHERE = tempfile.gettempdir()
FLOOR = [PY, "-c", "import geopandas, folium"]


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system) and peak resident memory (MB)
    of one child process."""
    t = time.perf_counter()
    child = subprocess.Popen(
        cmd, cwd=ELSEWHERE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{cmd} failed: {child.stderr.read().decode()}")
    child.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024  # kB on Linux


def timed(code: str) -> float:
    """A timing (s) printed by a fresh interpreter running ``code``."""
    out = subprocess.run(
        [PY, "-c", code], check=True, capture_output=True, text=True, cwd=ELSEWHERE
    )
    return float(out.stdout)


class Ratios:
    """Each repeat's ratio of a measure to its floor, and the medians of both."""

    def __init__(self) -> None:
        self.pairs: list[tuple[float, float]] = []

    def add(self, value: float, floor: float) -> None:
        self.pairs.append((value, floor))

    def cell(self, unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
        r = [v / f for v, f in self.pairs]
        v = statistics.median(v for v, _ in self.pairs) * scale
        f = statistics.median(f for _, f in self.pairs) * scale
        return (
            f"**{statistics.median(r):.2f}×** ({min(r):.2f}–{max(r):.2f}) | "
            f"{v:.{digits}f} {unit} / {f:.{digits}f} {unit}"
        )


def commands(tmp: Path, n: int) -> dict[str, tuple[Ratios, Ratios, Ratios]]:
    """Wall time, CPU time and peak RSS of each command against the import floor."""
    cmds = {
        "`import kurils`": [PY, "-c", "import kurils"],
        "`kurils map`": [KURILS, "map", "--out", str(tmp / "kurils.html")],
        "`kurils map --history`": [KURILS, "map", "--history", "--out", str(tmp / "h.html")],
        "`kurils figure`": [KURILS, "figure", "--out", str(tmp / "kurils.png")],
        "`kurils info`": [KURILS, "info"],
    }  # fmt: skip
    out = {name: (Ratios(), Ratios(), Ratios()) for name in cmds}
    run(FLOOR)  # warm the file cache once
    for _ in range(n):
        for name, cmd in cmds.items():
            floor = run(FLOOR)
            for ratios, value, base in zip(out[name], run(cmd), floor, strict=True):
                ratios.add(value, base)
    return out


def first_load(n: int) -> Ratios:
    """``load_islands()`` after ``import kurils`` against ``read_file`` of the
    same GeoPackage after ``import geopandas``, each in a fresh interpreter."""
    from kurils.data import _resources

    with _resources.as_file(_resources.shipped("islands.gpkg")) as path:
        floor_code = (
            "import time, geopandas; t = time.perf_counter();"
            f"geopandas.read_file({str(path)!r}); print(time.perf_counter() - t)"
        )
        code = (
            "import time, kurils; t = time.perf_counter(); kurils.load_islands();"
            "print(time.perf_counter() - t)"
        )
        r = Ratios()
        for _ in range(n):
            r.add(timed(code), timed(floor_code))
    return r


def explore_page(path: Path) -> None:
    """``explore()`` of the same polygons, made offline by the same inliner."""
    import kurils

    islands = kurils.load_islands()
    m = islands[["island_id", "name_en", "status", "geometry"]].explore(
        column="status",
        tiles=None,
        legend=False,  # its legend needs jQuery UI
    )
    path.write_text(kurils.render_html(m), encoding="utf-8")


@contextlib.contextmanager
def chromium() -> Iterator[Callable[[Path], float]]:
    """A headless Chromium, and a function that loads a page in it (network
    blocked) and returns the time (s) from navigation until the page has loaded
    and painted twice."""
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]  # fmt: skip
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=args)

        def load(path: Path) -> float:
            page = b.new_page(viewport={"width": 1280, "height": 860})
            page.route(
                "**/*",
                lambda r: (
                    r.continue_() if r.request.url.startswith("file:") else r.abort()
                ),
            )
            page.goto(path.as_uri(), wait_until="load")
            # scripts are inline and synchronous: the map is built by "load";
            # two animation frames later it has been painted
            t = page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() =>"
                " requestAnimationFrame(() => r(performance.now()))))"
            )
            assert page.locator("path.leaflet-interactive").count() > 0, path
            page.close()
            return t / 1000

        try:
            yield load
        finally:
            b.close()


def browser(pages: dict[str, Path], floor: Path, n: int) -> dict[str, Ratios]:
    """Each page's load time against ``floor``'s, loaded just before it."""
    out = {name: Ratios() for name in pages}
    with chromium() as load:
        load(floor)  # the first page of a browser pays its start-up
        for _ in range(n):
            for name, path in pages.items():
                f = load(floor)
                out[name].add(load(path), f)
    return out


def coastline_error() -> dict[str, float]:
    import geopandas as gpd
    import numpy as np
    import shapely

    import kurils
    from kurils.drawing import (
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
    return {
        "tolerance_deg": MAP_TOLERANCE,
        "grid_deg": MAP_PRECISION,
        "max_hausdorff_m": worst,
        "worst_island": worst_id,
        "parts_dropped": len(parts) - len(shapely.get_parts(kept)),
        "dropped_area_m2": float(area[dropped].sum()),
        "vertices_shipped": int(shapely.get_num_coordinates(islands.geometry.values).sum()),
        "vertices_drawn": int(shapely.get_num_coordinates(drawn).sum()),
    }  # fmt: skip


def report(n: int) -> str:
    tmp = Path(tempfile.mkdtemp())
    cmd = commands(tmp, n)
    load = first_load(n)
    from page_load import leaflet_only  # the same floor as page_load.py's

    floor = leaflet_only(tmp)
    explore_page(tmp / "explore.html")
    pages = {"default map": tmp / "kurils.html", "`--history` map": tmp / "h.html"}
    drawn = browser(pages, floor, n)
    from page_cpu import cpu_ratios

    cpu_drawn = cpu_ratios(pages, floor, n)
    from interactions import rows as interaction_rows

    live = interaction_rows(pages["default map"], pages["`--history` map"], n)
    err = coastline_error()
    mb = lambda p: p.stat().st_size / 1e6  # noqa: E731
    rows = [
        "| measure | ratio to floor, median (min–max) | measured / floor (medians) | floor |",
        "|---|---|---|---|",
    ]
    import_floor = '`python -c "import geopandas, folium"`'
    for name, (wall, cpu, _) in cmd.items():
        rows.append(f"| {name}: wall time | {wall.cell()} | {import_floor} |")
        rows.append(f"| {name}: CPU time | {cpu.cell()} | the same |")
    for name in ("`import kurils`", "`kurils map`", "`kurils figure`"):
        rows.append(
            f"| {name}: peak RSS | {cmd[name][2].cell('MB', digits=0)} | the same |"
        )
    rows.append(
        f"| `load_islands()`, first call after `import kurils` | "
        f"{load.cell('ms', 1000, 0)} | `geopandas.read_file` of islands.gpkg |"
    )
    for name, r in drawn.items():
        rows.append(
            f"| Chromium: {name} loaded and drawn | {r.cell()} | a Leaflet-only page |"
        )
        main, every = cpu_drawn[name]
        rows.append(
            f"| Chromium: {name}, renderer CPU, main thread | {main.cell('ms', 1000, 0)}"
            " | the same |"
        )
        rows.append(
            f"| Chromium: {name}, renderer CPU, all threads | {every.cell('ms', 1000, 0)}"
            " | the same |"
        )
    rows += live
    for name, path in pages.items():
        rows.append(
            f"| page size: {name} | **{mb(path) / mb(tmp / 'explore.html'):.2f}×** | "
            f"{mb(path):.2f} MB / {mb(tmp / 'explore.html'):.2f} MB | `explore()` of the islands |"
        )
    rows.append(
        f"| coastline error, drawn vs shipped (max Hausdorff, per-island UTM) | "
        f"{err['max_hausdorff_m']:.0f} m ({err['worst_island']}) | target ≤ 50 m | |"
    )
    rows.append(
        f"| vertices drawn / shipped | {err['vertices_drawn']:,} / "
        f"{err['vertices_shipped']:,} | rocks under 1,000 m² not drawn: "
        f"{err['parts_dropped']:,} ({err['dropped_area_m2'] / 1e6:.2f} km²) | |"
    )
    cores = os.cpu_count()
    return (
        "\n".join(rows)
        + f"\n\n{n} repeats, {dt.date.today().isoformat()}, {cores} cores, Python "
        f"{sys.version.split()[0]}; simplification {err['tolerance_deg']}° "
        f"(topology-preserving), coordinates on a {err['grid_deg']}° grid.\n"
    )  # fmt: skip


def rewrite_readme(table: str, readme: Path = README) -> None:
    """Put ``table`` between the README's markers (nothing else changes)."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r"\n.*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: no {START} ... {END} block")
    new = pattern.sub(lambda _: f"{START}\n{table}{END}", text)
    readme.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the report here")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--readme", action="store_true", help=f"rewrite the table in {README.name}"
    )
    args = parser.parse_args()
    table = report(args.repeat)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    if args.readme:
        rewrite_readme(table)
        print(f"rewrote the table in {README}")


if __name__ == "__main__":
    main()
