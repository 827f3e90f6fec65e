"""The notebooks run offline, and the map they show works in a browser."""

from __future__ import annotations

import base64
import html
import re
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def _execute(path: Path, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "commit notebooks without outputs"
    )
    start = time.perf_counter()
    # cwd outside the repo: the kernel imports the installed kurils, files land in tmp
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
    ).execute()
    print(f"{path.name}: {time.perf_counter() - start:.1f} s")
    # run from notebooks/ as a user does, it would leave these files in the repository
    assert sorted(p.name for p in cwd.iterdir()) == [], f"{path.name} left files"
    return nb


def _errors(nb) -> list:
    return [
        o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]


@pytest.fixture(scope="module")
def quickstart(tmp_path_factory) -> nbformat.NotebookNode:
    """01_quickstart, executed once for the tests that look at its outputs."""
    return _execute(NOTEBOOKS[0], tmp_path_factory.mktemp("nb"))


def test_quickstart_runs(quickstart):
    assert NOTEBOOKS[0].stem == "01_quickstart"
    assert _errors(quickstart) == []


def _figure_cells(nb) -> list:
    return [c for c in nb.cells if "kurils.figure(" in c.source]


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path):
    nb = _execute(path, tmp_path)
    assert _errors(nb) == []
    for cell in _figure_cells(nb):
        # in a fresh kernel (no %matplotlib inline): the figure itself, as an image
        pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, cell.source
        png = base64.b64decode(pngs[0]["data"]["image/png"])
        assert png.startswith(b"\x89PNG") and len(png) > 50_000


def test_a_notebook_shows_a_figure():
    """The check above is not vacuous: notebook 02 draws one."""
    assert any(_figure_cells(nbformat.read(p, as_version=4)) for p in NOTEBOOKS)


def _map_pages(nb) -> list[str]:
    pages = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            page = out.get("data", {}).get("text/html", "")
            match = re.search(r'<iframe srcdoc="(.*?)"', page, flags=re.S)
            if match:
                pages.append(html.unescape(match[1]))
    return pages


def test_quickstart_shows_offline_maps(quickstart):
    pages = _map_pages(quickstart)
    assert len(pages) == 2
    for page in pages:
        assert not re.search(r"<script[^>]+src=", page)
        assert not re.search(r"<link[^>]+href=", page)


@pytest.mark.browser
def test_notebook_map_opens_in_browser(quickstart, browser, tmp_path, output_dir):
    """Take the map out of the executed notebook and open it with no network."""
    page_file = tmp_path / "from_notebook.html"
    page_file.write_text(_map_pages(quickstart)[0], encoding="utf-8")
    requests, errors = [], []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page = browser.new_page(viewport={"width": 1000, "height": 700})
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.route("**/*", route)
    page.goto(page_file.as_uri())
    page.wait_for_selector("path.leaflet-interactive")
    assert page.locator("path.leaflet-interactive").count() > 30
    page.screenshot(path=str(output_dir / "notebook_map.png"))
    page.close()
    assert requests == [] and errors == []


def test_quickstart_exports_and_reads_back_a_geopackage(quickstart):
    """The quick start exports every layer and reads the GeoPackage back."""
    cells = [c for c in quickstart.cells if "kurils.export(" in c.get("source", "")]
    assert len(cells) == 1
    text = "".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for o in cells[0]["outputs"]
    )
    for layer in ("'islands'", "'admin_units'", "'maritime_zones'", "'sources'"):
        assert layer in text
    assert "shumshu" in text and "占守島" in text  # the islands layer, read back
