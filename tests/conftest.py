"""Shared fixtures. Tests run against the installed package (see the Makefile)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

import kurils


@pytest.fixture(scope="session")
def islands():
    return kurils.load_islands()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The installed copy of geodata/ (a real directory: wheels install unzipped)."""
    return Path(str(files("kurils") / "geodata"))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave artefacts worth looking at (screenshots, maps)."""
    out = Path(__file__).parent / "output"
    out.mkdir(exist_ok=True)
    return out
