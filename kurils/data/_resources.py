"""Where the shipped data lives, in an installed wheel and in a source checkout.

The repository keeps the data in ``geodata/`` at its root. The wheel build copies it
to ``kurils/geodata`` (``force-include`` in ``pyproject.toml``), so an installed
package finds it with :mod:`importlib.resources`. An editable install
(``pip install -e .``) and a source checkout (``python``, ``pytest`` or Jupyter
started at the repository root import the source ``kurils/``) have no such copy:
there the data is the repository's own ``geodata/``, next to ``kurils/``.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from ..errors import KurilsDataError

__all__ = [
    "as_file",
    "candidates",
    "data_root",
    "data_version",
    "frozen",
    "intact",
    "manifest",
    "sha256",
    "shipped",
]

GEOMETRY = "islands.gpkg"
ISLANDS = "attributes/islands.csv"
ADMIN_UNITS = "attributes/admin_units.csv"
ISLAND_UNITS = "attributes/island_units.csv"
PLACES = "attributes/places.csv"
BORDERS = "attributes/borders.csv"
EVENTS = "attributes/events.csv"
SOURCES = "attributes/sources.csv"
POPULATION_1945 = "attributes/population_1945.csv"
SCENARIOS = "attributes/scenarios.csv"
#: The shipped scenarios' precomputed maritime zones, and the rocks and context
#: land that ``islands.gpkg`` leaves out (both built by ``make data``).
ZONES = "zones.gpkg"
ROCKS = "rocks.gpkg"
#: Every shipped table that cites sources (all but the bibliography itself).
CITING_TABLES = (
    ISLANDS,
    ADMIN_UNITS,
    ISLAND_UNITS,
    PLACES,
    BORDERS,
    EVENTS,
    POPULATION_1945,
    SCENARIOS,
)

#: The file that marks a data folder as complete: every build writes it last.
MANIFEST = "manifest.json"


def candidates() -> tuple[Traversable, ...]:
    """The data folders kurils looks in, in order: the wheel's copy, then the
    repository's ``geodata/`` beside the source ``kurils/`` package."""
    checkout = Path(__file__).parents[2] / "geodata"  # kurils/data/../../geodata
    return (files("kurils") / "geodata", checkout)


def data_root() -> Traversable:
    """Return the first data folder of :func:`candidates` that holds a manifest.

    Raises
    ------
    KurilsDataError
        When neither the installed copy nor a checkout's ``geodata/`` exists; the
        message names both paths.

    Examples
    --------
    >>> (data_root() / "manifest.json").is_file()
    True
    """
    found = [root for root in candidates() if (root / MANIFEST).is_file()]
    if not found:
        looked = " and ".join(str(root) for root in candidates())
        raise KurilsDataError(
            "kurils/geodata",
            f"no shipped data found: looked for {MANIFEST} in {looked}. An installed "
            "kurils carries the data in kurils/geodata (reinstall the wheel); a "
            "source checkout or editable install reads the repository's geodata/, "
            "which must sit beside the kurils/ folder",
        )
    return found[0]


def shipped(name: str) -> Traversable:
    """Return the shipped data file ``name`` (a path relative to ``geodata/``)."""
    root = data_root()
    path = root / name
    if not path.is_file():
        raise KurilsDataError(
            f"kurils/geodata/{name}",
            f"shipped data file is missing from {root} (its {MANIFEST} is there, so "
            "the data folder is incomplete)",
        )
    return path


def manifest() -> MappingProxyType:
    """The shipped data manifest: licence, source, rows, columns, hash per file.

    Returns a read-only view (nested mappings read-only, lists as tuples), so no
    caller can change what the next caller sees.

    Examples
    --------
    >>> entry = manifest()["attributes/sources.csv"]
    >>> entry["kind"], entry["columns"][:2]
    ('table', ('source_id', 'title'))
    >>> entry["kind"] = "oops"
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """
    return _manifest(data_root())


@cache
def _manifest(root: Traversable) -> MappingProxyType:
    # keyed by the folder, so a process that meets two data folders keeps them apart
    return frozen(json.loads((root / MANIFEST).read_text(encoding="utf-8")))


def frozen(value):
    """A read-only deep copy of parsed JSON: dicts become mapping proxies, lists
    tuples; strings, numbers and None are immutable already.

    Examples
    --------
    >>> f = frozen({"a": [1, {"b": 2}]})
    >>> f["a"]
    (1, mappingproxy({'b': 2}))
    """
    if isinstance(value, dict):
        return MappingProxyType({k: frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    return value


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def intact(name: str) -> bool:
    """Whether the shipped file ``name`` is the one the manifest describes (same
    SHA-256): the build validated it, so a loader need not check it again.

    Examples
    --------
    >>> intact("islands.gpkg")
    True
    """
    entry = manifest().get(name)
    path = Path(str(data_root() / name))
    if entry is None or not path.is_file():
        return False
    stat = path.stat()  # hashed once per version of the file, not on every load
    return _hash(str(path), stat.st_mtime_ns, stat.st_size) == entry["sha256"]


@cache
def _hash(path: str, mtime_ns: int, size: int) -> str:
    return sha256(Path(path).read_bytes())


def data_version() -> str:
    """The shipped data's fingerprint: 12 hex digits of the SHA-256 of the manifest's
    per-file hashes (in file order), so any change to any data file changes it."""
    files_ = manifest()
    return sha256("".join(files_[n]["sha256"] for n in sorted(files_)).encode())[:12]
