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
