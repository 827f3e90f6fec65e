"""Where the shipped data lives: ``kurils/geodata`` inside the installed package.

The repository keeps the data in ``geodata/`` at its root; the wheel build copies it
to ``kurils/geodata`` (``force-include`` in ``pyproject.toml``), so the package
always finds it with :mod:`importlib.resources`, installed or not zipped.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from .errors import KurilsDataError

__all__ = ["as_file", "data_root", "manifest", "sha256", "shipped"]

GEOMETRY = "islands.gpkg"
ISLANDS = "attributes/islands.csv"
ADMIN_UNITS = "attributes/admin_units.csv"
ISLAND_UNITS = "attributes/island_units.csv"
PLACES = "attributes/places.csv"
BORDERS = "attributes/borders.csv"
EVENTS = "attributes/events.csv"
SOURCES = "attributes/sources.csv"
SCENARIOS = "attributes/scenarios.csv"


def data_root() -> Traversable:
    return files("kurils") / "geodata"


def shipped(name: str) -> Traversable:
    """Return the shipped data file ``name`` (a path relative to ``geodata/``)."""
    path = data_root() / name
    if not path.is_file():
        raise KurilsDataError(
            f"kurils/geodata/{name}",
            "shipped data file is missing from the installed package; reinstall kurils",
        )
    return path


@cache
def manifest() -> dict:
    """The shipped data manifest: licence, source, rows, columns, hash per file."""
    return json.loads(shipped("manifest.json").read_text(encoding="utf-8"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
