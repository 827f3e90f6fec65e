"""Shared fixtures. Tests run against the installed package (see the Makefile)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import kurils
from kurils.data import _resources


@pytest.fixture(scope="session")
def islands():
    return kurils.load_islands()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The data kurils reads: the installed copy of geodata/ (a real directory:
    wheels install unzipped), or the repository's in a checkout."""
    return Path(str(_resources.data_root()))


class Venv:
    """A new, empty venv (no pip of its own: this environment's pip installs into
    it with ``--python``, no network)."""

    def __init__(self, path: Path):
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", path], check=True
        )
        self.python = path / "bin" / "python"
        purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        out = subprocess.run(
            [self.python, "-c", purelib], capture_output=True, text=True
        )
        self.site = Path(out.stdout.strip())

    def install(self, *args: str) -> subprocess.CompletedProcess:
        pip = [sys.executable, "-m", "pip", "--python", str(self.python), "install"]
        cmd = [*pip, "--quiet", "--no-deps", "--no-index", *args]
        return subprocess.run(cmd, capture_output=True, text=True)

    def see_dependencies(self) -> None:
        """Give the venv kurils' dependencies from this environment, through a .pth
        file sorted *after* what was installed (so a kurils installed into the
        venv wins over this environment's)."""
        deps = sysconfig.get_paths()["purelib"]
        (self.site / "zz_kurils_test_deps.pth").write_text(deps + "\n")


@pytest.fixture
def fresh_venv(tmp_path) -> Venv:
    return Venv(tmp_path / "venv")


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave artefacts worth looking at (screenshots, maps)."""
    out = Path(__file__).parent / "output"
    out.mkdir(exist_ok=True)
    return out


# KURILS_CHROMIUM: another browser binary (test_setup.py points it nowhere)
CHROMIUM = (
    os.environ.get("KURILS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; CI must have it, a laptop may skip."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class BrowserPage:
    """A page that records console errors and blocks and records remote requests."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 860})
        self.page = self.context.new_page()
        self.page.on(
            "console", lambda m: m.type == "error" and self.errors.append(m.text)
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("path.leaflet-interactive")
        self.map = self.page.evaluate_handle(
            "window[Object.keys(window).find(k => k.startsWith('map_'))]"
        )

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def island_js(self, island_id: str, expr: str):
        """Evaluate ``expr`` with ``layer`` bound to the island's Leaflet layer."""
        return self.page.evaluate(
            """([id, expr]) => {
                for (const k of Object.keys(window)) {
                    const g = window[k];
                    if (!k.startsWith('geo_json_') || !g.eachLayer) continue;
                    let found = null;
                    g.eachLayer(l => { if (l.feature.properties.island_id === id) found = l; });
                    if (found) return (new Function('layer', 'return ' + expr))(found);
                }
                return null;
            }""",
            [island_id, expr],
        )

    def point_of(self, lat: float, lon: float) -> tuple[float, float]:
        box = self.page.locator(".folium-map").bounding_box()
        p = self.page.evaluate(
            "([m, ll]) => m.latLngToContainerPoint(ll)", [self.map, [lat, lon]]
        )
        return box["x"] + p["x"], box["y"] + p["y"]

    def tooltip_at(self, lat: float, lon: float, has_text: str) -> str:
        """The text of the tooltip, showing ``has_text``, that a pointer coming
        to (lat, lon) from afar opens (a tooltip's text is made as it opens)."""
        x, y = self.point_of(lat, lon)
        self.page.mouse.move(x - 200, y + 200)
        self.page.mouse.move(x - 30, y - 30)
        self.page.mouse.move(x, y)
        tip = self.page.locator(".leaflet-tooltip", has_text=has_text)
        tip.first.wait_for(timeout=3000)
        return tip.first.inner_text()

    def zones_under_land(self) -> bool:
        """True if maritime zones are drawn and every one of them comes before
        (under) every island drawn, in the page's SVG."""
        return self.page.evaluate(
            """() => {
                const zones = [], land = [];
                for (const k of Object.keys(window)) {
                    const g = window[k];
                    if (!k.startsWith('geo_json_') || !g.eachLayer) continue;
                    g.eachLayer(l => {
                        if (!l._path || !l._map) return;
                        const p = l.feature.properties;
                        if ('zone' in p) zones.push(l._path);
                        else if ('island_id' in p) land.push(l._path);
                    });
                }
                const after = Node.DOCUMENT_POSITION_FOLLOWING;
                return zones.length > 0 && land.length > 0 && zones.every(
                    z => land.every(i => z.compareDocumentPosition(i) & after));
            }"""
        )

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def open_page(browser):
    """Opens a page in Chromium: ``open_page(path)`` is a :class:`BrowserPage`."""
    return lambda path: BrowserPage(browser, path)


@pytest.fixture(scope="session")
def default_file(tmp_path_factory) -> Path:
    """The default map, saved once per test process."""
    return kurils.save_map(
        kurils.build_map(), tmp_path_factory.mktemp("maps") / "kurils.html"
    )


@pytest.fixture
def page(open_page, default_file):
    """The default map open in Chromium (a module may define its own ``page``)."""
    p = open_page(default_file)
    yield p
    p.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Name every skipped test: ``-ra`` groups skips by reason and hides which."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    terminalreporter.section(f"skipped tests ({len(skipped)})", sep="-", yellow=True)
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        reason = reason.removeprefix("Skipped: ")
        terminalreporter.line(f"SKIPPED {report.nodeid}: {reason}")
