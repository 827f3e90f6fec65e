"""The map's two live controls in headless Chromium: the view switch and the
time slider, as the page's work per step, against one frame (16.7 ms).

Run with ``.venv/bin/python benchmarks/interactions.py [--repeat N]`` after
``make test``; ``benchmarks/run.py`` adds its rows to the report. A step is
timed in the page, twice:

- *handler*: ``performance.now()`` around what the browser runs for the input
  (the radio button's click, the slider's ``input`` event), synchronously;
- *work*: the renderer's main-thread CPU time (Chromium's ``TaskDuration``
  metric in thread ticks) from just before the input until two animation
  frames after it: the handler, and the style, layout and paint of the frame
  that shows it. Thread CPU time, not wall time: the machine is shared.

The floor is the same *work* measured for no input at all (the page waiting
two frames), in the same page, alternately with the steps.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from run import CHROMIUM, Ratios

FRAME_MS = 1000 / 60
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]  # fmt: skip

# one view radio button, clicked (the layer control's handler runs at once)
VIEW = """(i) => {
    const radios = [...document.querySelectorAll(
        '.leaflet-control-layers input[type=radio]')];
    const t = performance.now();
    radios[i % radios.length].click();
    return performance.now() - t;
}"""
# the slider moved to value v (the input event a drag fires)
SLIDE = """(v) => {
    const input = document.querySelector('.kurils-slider input');
    const t = performance.now();
    input.value = v;
    input.dispatchEvent(new Event('input'));
    return performance.now() - t;
}"""
FRAMES = (
    "() => new Promise(r => requestAnimationFrame(() =>"
    " requestAnimationFrame(() => r(0))))"
)


def _work(cdp) -> float:
    """The page's main-thread CPU time so far (ms)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration") * 1000


def steps(path: Path, script: str, values: list, repeat: int) -> dict[str, Ratios]:
    """Each step's handler time and work, and the idle frames' work, over
    ``repeat`` passes through ``values`` (one page load)."""
    from playwright.sync_api import sync_playwright

    out = {"handler": Ratios(), "work": Ratios()}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page(viewport={"width": 1280, "height": 860})
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
        )
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_timeout(500)  # the opening fitBounds animation ends
        page.evaluate(FRAMES)
        for _ in range(repeat):
            for value in values:
                before = _work(cdp)
                page.evaluate(FRAMES)
                idle = _work(cdp) - before
                before = _work(cdp)
                handler = page.evaluate(script, value)
                page.evaluate(FRAMES)
                work = _work(cdp) - before
                out["handler"].add(handler, FRAME_MS)
                out["work"].add(work, idle)
        b.close()
    return out


def view_switch(path: Path, repeat: int) -> dict[str, Ratios]:
    """Switching between the four points of view, round and round."""
    return steps(path, VIEW, [1, 2, 3, 0], repeat)


def slider(path: Path, repeat: int, n: int = 24) -> dict[str, Ratios]:
    """The time slider moved to ``n`` days spread over its range, in turn."""
    import kurils

    timeline = kurils.events()
    first, last = timeline["date"].iloc[0], timeline["date"].iloc[-1]
    days = (last - first).days
    return steps(path, SLIDE, [round(days * k / (n - 1)) for k in range(n)], repeat)


def rows(default: Path, history: Path, repeat: int) -> list[str]:
    """The report's rows: each control's work per step against its idle
    frames, and its handler against one frame."""
    out = []
    for name, got in (
        ("view switch (default map)", view_switch(default, repeat)),
        ("time slider step (`--history`)", slider(history, repeat)),
    ):
        work, handler = got["work"], got["handler"]
        per_frame = [v / FRAME_MS for v, _ in work.pairs]
        out.append(
            f"| Chromium: {name}, main-thread work to its next frame | "
            f"{work.cell('ms', digits=1)} | two idle frames of the same page |"
        )
        out.append(
            f"| Chromium: {name}, that work in frames (16.7 ms) | "
            f"**{statistics.median(per_frame):.2f}** ({min(per_frame):.2f}–"
            f"{max(per_frame):.2f}) | handler alone: "
            f"{statistics.median(v for v, _ in handler.pairs):.1f} ms | one frame |"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import kurils

    folder = Path(tempfile.mkdtemp())
    default = kurils.save_map(kurils.build_map(), folder / "default.html")
    history = kurils.save_map(kurils.build_map(history=True), folder / "history.html")
    print("| measure | ratio to floor, median (min–max) | measured / floor (medians) | floor |")  # fmt: skip
    print("|---|---|---|---|")
    print("\n".join(rows(default, history, args.repeat)))


if __name__ == "__main__":
    main()
