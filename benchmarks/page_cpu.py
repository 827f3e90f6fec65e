"""The CPU time Chromium's renderer spends loading the map pages, against a
page that holds only Leaflet.

Run with ``.venv/bin/python benchmarks/page_cpu.py [--repeat N] [pages...]``
after ``make test`` (Chromium from ``apt-get install chromium``). A page's
wall-clock load time (``benchmarks/page_load.py``) on a shared two-core machine
moves with everything else running on it; the renderer's CPU time moves much
less. Each load, from navigation to two animation frames after ``load``
(network blocked), is traced (Chrome's ``toplevel`` category) and the CPU time
of its tasks summed: on the renderer's main thread (parsing, scripts, style,
layout, paint) and on all its threads (with the JavaScript compilers, garbage
collection and rasterising in the background). The pages are loaded in turn,
reversing the order each round. Prints each page's medians and their ratios to
the Leaflet-only page's, with min-max over the rounds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from page_load import command_line
from run import CHROMIUM, Ratios

_TASKS = {"ThreadControllerImpl::RunTask", "ThreadPool_RunTask"}


def renderer_cpu(trace: dict) -> tuple[float, float]:
    """CPU seconds of the renderer's tasks in a trace: (main thread, all threads)."""
    events = trace["traceEvents"]
    names = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("name") == "thread_name"
    }
    renderers = {
        e["pid"]
        for e in events
        if e.get("name") == "process_name" and e["args"]["name"] == "Renderer"
    }
    main = every = 0.0
    for e in events:
        if e.get("ph") == "X" and e.get("name") in _TASKS and e["pid"] in renderers:
            seconds = e.get("tdur", 0) / 1e6
            every += seconds
            if names.get((e["pid"], e["tid"])) == "CrRendererMain":
                main += seconds
    return main, every


def cpu_loads(pages: dict[str, Path], n: int) -> dict[str, list[tuple[float, float]]]:
    """Each page's (main thread, all threads) CPU seconds over ``n`` rounds."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        for i in range(n + 1):  # the first round warms the browser
            order = list(pages.items())
            for name, path in order if i % 2 else order[::-1]:
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())  # fmt: skip
                browser.start_tracing(page=page, categories=["toplevel"])
                page.goto(path.as_uri(), wait_until="load")
                page.evaluate(
                    "() => new Promise(r => requestAnimationFrame(() =>"
                    " requestAnimationFrame(r)))"
                )
                trace = json.loads(browser.stop_tracing())
                page.close()
                if i:
                    out[name].append(renderer_cpu(trace))
        browser.close()
    return out


def cpu_ratios(
    pages: dict[str, Path], floor: Path, n: int
) -> dict[str, tuple[Ratios, Ratios]]:
    """Each page's renderer CPU (main thread, all threads) against ``floor``'s,
    loaded in the same rounds."""
    loads = cpu_loads({"floor": floor, **pages}, n)
    out = {}
    for name in pages:
        main, every = Ratios(), Ratios()
        for (m, a), (fm, fa) in zip(loads[name], loads["floor"], strict=True):
            main.add(m, fm)
            every.add(a, fa)
        out[name] = (main, every)
    return out


def main() -> None:
    repeat, floor, maps, more = command_line(__doc__)
    paths = maps | {str(p): p for p in more}
    print("| page | main thread / Leaflet only | main thread | all threads / Leaflet only | all threads |")  # fmt: skip
    print("|---|---|---|---|---|")
    for name, (main_thread, every) in cpu_ratios(paths, floor, repeat).items():
        print(f"| {name} | {main_thread.cell('ms', 1000, 0)} | {every.cell('ms', 1000, 0)} |")  # fmt: skip


if __name__ == "__main__":
    main()
