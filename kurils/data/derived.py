"""Geometry computed from the shipped data, stored at data-build time.

Some results depend only on geometry that never changes for the shipped data:
the treaty lines (a Voronoi diagram of two coasts each, about 50 ms a line), the
outlines of the islands and districts as the map draws them (simplified and
rounded, about 40 ms) and the maritime zones as drawn (simplified, and the sea
both sides claim, about 250 ms). ``geodata/derived.gpkg`` holds each such result under a key:
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
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from types import MappingProxyType

import shapely

from . import _resources
from .gpkg import read_gpkg

__all__ = ["DERIVED", "key", "recording", "remembered", "remembered_each"]

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
    (result,) = remembered_each(kind, [inputs], lambda rows: [compute()])
    return result


def remembered_each(
    kind: str,
    inputs: Sequence[tuple],
    compute: Callable[[list[int]], Sequence[shapely.Geometry]],
) -> list[shapely.Geometry]:
    """:func:`remembered` for many inputs at once: ``compute(rows)`` gets the
    positions of those without a stored result, and returns theirs in that order
    (so a vectorised computation runs once, on what is missing).

    Examples
    --------
    >>> import shapely
    >>> points = [shapely.Point(0, 0), shapely.Point(5, 5)]
    >>> out = remembered_each(
    ...     "example/1", [(p,) for p in points], lambda rows: [points[i].buffer(1) for i in rows]
    ... )
    >>> [round(g.centroid.x) for g in out]
    [0, 5]
    """
    keys = [key(kind, i) for i in inputs]
    if _recorder is not None:
        found = list(compute(list(range(len(keys)))))
        _recorder.update((k, (kind, g)) for k, g in zip(keys, found, strict=True))
        return found
    found = [_stored().get(k) for k in keys]
    missing = [i for i, g in enumerate(found) if g is None]
    if missing:
        for i, g in zip(missing, compute(missing), strict=True):
            found[i] = g
    return found


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
