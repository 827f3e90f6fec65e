"""The sdist is the whole project: `make test` passes from its unpacked folder.

The file list comes from hatchling's own sdist builder (what `python -m build
--sdist` packs, without packing it), so these tests take a fraction of a second.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sdist() -> set[str]:
    sdist_builder = pytest.importorskip("hatchling.builders.sdist")
    builder = sdist_builder.SdistBuilder(str(REPO))
    return {f.distribution_path for f in builder.recurse_included_files()}


def _files(folder: str, pattern: str = "*") -> set[str]:
    return {
        p.relative_to(REPO).as_posix()
        for p in (REPO / folder).rglob(pattern)
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_sdist_holds_what_make_test_needs(sdist):
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # the folders `make test` lints, and what its pytest run reads
    linted = re.search(r"ruff check ([^\n]+)", make)[1].split()
    assert {"kurils", "tests", "scripts", "benchmarks"} <= set(linted)
    needed = {"Makefile", "pyproject.toml", "README.md", "LICENSE", ".ci/run"}
    for folder in linted:
        needed |= _files(folder, "*.py")
    needed |= _files("notebooks", "*.ipynb")  # executed by tests/test_notebooks.py
    needed |= _files("geodata") - _files("geodata", "*.pyc")  # data, build, manifest
    needed |= _files("kurils") - _files("kurils", "*.pyc")  # static assets, fonts
    # images the README shows (PyPI and the unpacked sdist show the same page)
    needed |= set(re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", readme))
    assert "docs/map-neutral-en.png" in needed
    missing = sorted(needed - sdist)
    assert not missing, f"the sdist lacks {missing}: add them to pyproject.toml"


def test_sdist_holds_every_tracked_file(sdist):
    """In a git checkout: everything git tracks ships in the sdist."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout (e.g. an unpacked sdist)")
    res = subprocess.run(
        [git, "ls-files", "-z"], cwd=REPO, capture_output=True, text=True
    )
    if res.returncode != 0:
        pytest.skip(f"git ls-files failed: {res.stderr.strip()}")
    tracked = set(res.stdout.split("\0")) - {""}
    missing = sorted(p for p in tracked - sdist if (REPO / p).is_file())
    assert not missing, f"the sdist lacks {missing}: add them to pyproject.toml"
