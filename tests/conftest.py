"""Shared fixtures. Tests run against the installed package (see the Makefile)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kurils
from kurils import _resources


@pytest.fixture(scope="session")
def islands():
    return kurils.load_islands()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The data kurils reads: the installed copy of geodata/ (a real directory:
    wheels install unzipped), or the repository's in a checkout."""
    return Path(str(_resources.data_root()))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave artefacts worth looking at (screenshots, maps)."""
    out = Path(__file__).parent / "output"
    out.mkdir(exist_ok=True)
    return out


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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
