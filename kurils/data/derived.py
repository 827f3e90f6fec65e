"""Geometry computed from the shipped data, stored at data-build time.

Some results depend only on geometry that never changes for the shipped data:
the treaty lines (a Voronoi diagram of two coasts each, about 50 ms a line) and
the maritime zones as the map draws them (simplified, and the sea both sides
claim, about 250 ms). ``geodata/derived.gpkg`` holds each such result under a key:
the SHA-256 of what was computed (its name) and of every input (WKB of each
geometry, the text of each parameter). :func:`remembered` hands out the stored
result when the key is there and computes it otherwise (a user's islands, a
changed method), so the result is the same either way. ``geodata/build_derived.py``
writes the file by running the map's and the loaders' own code under
:func:`recording`; ``tests/test_derived.py`` recomputes every stored result and
checks that the shipped data computes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from functools import cache
from types import MappingProxyType

import shapely

from . import _resources
from .gpkg import read_gpkg

__all__ = ["DERIVED", "key", "recording", "remembered"]

#: The shipped file of stored results (a GeoPackage, layer ``derived``).
DERIVED = "derived.gpkg"

_recorder: dict[str, tuple[str, shapely.Geometry]] | None = None


def key(kind: str, inputs: tuple) -> str:
    """The SHA-256 of a computation's name and of its inputs, in order.

    Geometries count by their WKB, anything else by its ``repr``; each part is
    length-prefixed, so no two different input lists give the same bytes.

    Examples
    --------
    >>> import shapely
    >>> a = key("buffer", (shapely.Point(0, 0), 1.0))
    >>> a == key("buffer", (shapely.Point(0, 0), 1.0)), a == key("buffer", (shapely.Point(0, 0), 2.0))
    (True, False)
    """
    h = hashlib.sha256()
    for part in (kind, *inputs):
        if isinstance(part, shapely.Geometry):
            data = shapely.to_wkb(part, byte_order=1)
        else:
            data = repr(part).encode()
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


@cache
def _stored() -> MappingProxyType:
    """key -> geometry, as shipped (read once; geometries are immutable)."""
    with _resources.as_file(_resources.shipped(DERIVED)) as path:
        frame = read_gpkg(path)
    return MappingProxyType(dict(zip(frame["key"], frame.geometry.values, strict=True)))


def remembered(
    kind: str, inputs: tuple, compute: Callable[[], shapely.Geometry]
) -> shapely.Geometry:
    """``compute()``, or its result stored for these inputs.

    Parameters
    ----------
    kind : str
        What is computed, with the version of its method (``"median_line/1"``):
        change the version when the method changes.
    inputs : tuple
        Everything the result depends on: geometries and parameters.
    compute : callable
        Computes the result (a shapely geometry) when none is stored.

    Examples
    --------
    >>> import shapely
    >>> remembered("example/1", (shapely.Point(0, 0),), lambda: shapely.Point(0, 0).buffer(1)).area > 3
    True
    """
    k = key(kind, inputs)
    if _recorder is not None:
        _recorder[k] = (kind, compute())
        return _recorder[k][1]
    found = _stored().get(k)
    return compute() if found is None else found


@contextlib.contextmanager
def recording() -> Iterator[dict[str, tuple[str, shapely.Geometry]]]:
    """Compute everything afresh and collect it, by key: ``{key: (kind, geometry)}``
    (what ``geodata/build_derived.py`` writes, and the tests compare)."""
    global _recorder
    previous, _recorder = _recorder, {}
    try:
        yield _recorder
    finally:
        _recorder = previous
