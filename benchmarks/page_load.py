"""The map pages in headless Chromium against a page that holds only Leaflet.

Run with ``.venv/bin/python benchmarks/page_load.py [--repeat N] [pages...]``
after ``make test`` (Chromium from ``apt-get install chromium``). Writes the
default map, the ``--history`` map and a Leaflet-only page (Leaflet's pinned
JS and CSS inline, one polygon) to a temporary folder and loads them in turn,
interleaved in one browser, so that other work on the machine weighs on all
of them alike.
A load is timed as ``benchmarks/run.py`` times it (from navigation to two
animation frames after ``load``, network blocked), one run of each page a
round. Prints each page's size, its median and its ratio to the Leaflet-only
page's median, with min-max over the runs.
Further HTML files given on the command line are measured alongside.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import chromium


def leaflet_only(folder: Path) -> Path:
    static = files("kurils.web") / "static" / "leaflet"
    js = (static / "leaflet.js").read_text("utf-8")
    css = (static / "leaflet.inline.css").read_text("utf-8")
    path = folder / "leaflet-only.html"
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style>'
        f"<script>{js}</script><style>html,body,#m{{width:100%;height:100%;"
        'margin:0}</style></head><body><div id="m"></div><script>'
        'var m = L.map("m").setView([47, 151], 5);'
        "L.polygon([[43, 145], [44, 146], [44, 145]]).addTo(m);</script></body></html>",
        encoding="utf-8",
    )
    return path


def written(folder: Path) -> tuple[Path, dict[str, Path]]:
    """The Leaflet-only page, and the default and ``--history`` maps by file
    name, written to ``folder``."""
    import kurils

    maps = {"default.html": {}, "history.html": {"history": True}}
    for name, options in maps.items():
        kurils.save_map(kurils.build_map(**options), folder / name)
    return leaflet_only(folder), {name: folder / name for name in maps}


def load_times(paths: list[Path], repeat: int) -> dict[Path, list[float]]:
    """Each page's load times (ms), ``repeat`` rounds of all pages in turn
    (the order reversed each round) in one browser, after a first load of the
    first page: a browser's first page pays its start-up, which would count
    against whichever page came first."""
    times: dict[Path, list[float]] = {p: [] for p in paths}
    with chromium() as load:
        load(paths[0])
        for i in range(repeat):
            for path in paths if i % 2 else paths[::-1]:
                times[path].append(load(path) * 1000)
    return times


def command_line(doc: str) -> tuple[int, Path, dict[str, Path], list[Path]]:
    """A page benchmark's arguments (``--repeat N`` and further pages) and its
    pages, written (:func:`written`): repeat, floor, maps, further pages."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args()
    floor, maps = written(Path(tempfile.mkdtemp()))
    return args.repeat, floor, maps, args.pages


def main() -> None:
    repeat, floor, maps, more = command_line(__doc__)
    paths = [floor, *maps.values(), *more]
    times = load_times(paths, repeat)
    base = statistics.median(times[floor])
    print("| page | bytes | load (median) | / Leaflet only (min-max) |")
    print("|---|---|---|---|")
    for path, ts in times.items():
        ratios = [t / base for t in ts]
        print(
            f"| {path.name} | {path.stat().st_size:,} | {statistics.median(ts):.0f} ms "
            f"| {statistics.median(ts) / base:.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |"
        )


if __name__ == "__main__":
    main()
