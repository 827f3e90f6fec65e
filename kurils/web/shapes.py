"""Each geometry of a page once, in a compact text the page decodes.

Most of a map page is coordinates, and several layers draw the same coastlines
(the districts and the claimed municipalities are unions of islands; every view,
period and scenario draws the islands). A page's :class:`PathTable` holds each
*path* (a polygon ring or a line) once, whichever layers draw it; a layer's
features then carry, instead of their coordinates, the numbers of their paths
(:func:`shared`), and ``kurils/web/page/shapes.js`` rebuilds the GeoJSON in the page
before Leaflet draws it.

A path is written as its coordinates on the coarsest grid of 10⁻³ to 10⁻⁷
degrees that holds them exactly, as integer steps from the point before
(TopoJSON's delta encoding), each step zigzag-folded to a positive number and
written in base 32 with five bits a character, a second half of a 64-character
alphabet marking "more to come" (as Google's encoded polylines, with letters and
digits only). A step of under 16 grid units is one character, under 512 two: on
the map's 0.0001° grid a coastline vertex takes 3 to 4 characters instead of
the 19 of ``[145.1234,43.5678],``.

Exact, never approximate: a coordinate on a 10⁻³..10⁻⁷ grid comes back as the
same float64 (``q / 10**d`` in Python and in JavaScript is the correctly
rounded quotient); one on no such grid is rounded to 10⁻⁷° (about 1 cm).

Why not TopoJSON (PyPI ``topojson`` 2.2 and folium's ``TopoJson`` layer)?
Measured on the default map's polygons (islands, districts and claims, zones;
README, "How small the page is"): its topology, quantised to the same 0.0001°
grid, is 274 KB of JSON (arcs as number pairs) and took 0.71 s to build; the
page's table of the same polygons, and the two treaty lines, is 95 KB and is
built in about 30 ms. TopoJSON
shares arcs that only part of two rings have in common, which this table
does not (a cut island's half shares no path with the whole island); but
folium's ``TopoJson`` writes the whole topology into every layer that uses it
(losing the sharing across layers), loads topojson 1.6.9 from a CDN (one more
asset to vendor), and sets styles as a per-feature property: no
``highlight_function``, ``popup``, ``marker`` or ``zoom_on_click``, which the
kurils layers use. Here every folium option keeps working, because the layers
stay ``folium.GeoJson``.

Examples
--------
>>> import numpy as np
>>> encode_path(np.array([[145.5, 43.25], [145.5001, 43.2499]]))
'4MVVU2ETIq21'
>>> table = PathTable()
>>> ring = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}
>>> shared({"type": "Feature", "properties": {}, "geometry": ring}, table)
{'type': 'Feature', 'properties': {}, 'geometry': {'type': 'Paths', 'of': 'Polygon', 'paths': [0]}}
>>> table.add([[0, 0], [1, 0], [0, 1], [0, 0]]), table.paths
(0, ('300M-10L-1M-10L-1',))
"""

from __future__ import annotations

import string

import numpy as np

__all__ = ["ALPHABET", "PathTable", "encode_path", "encode_paths", "shared"]

#: 32 digits that end a number, then 32 that say another five bits follow:
#: letters, digits, ``-`` and ``.``, nothing that JSON, HTML or a template
#: would read (no quote, ``<``, ``&``, backslash or brace), nor the ``_``
#: before the ids that kurils.web.offline renumbers.
ALPHABET = string.digits + string.ascii_letters + "-."
_DIGITS = np.frombuffer(ALPHABET.encode("ascii"), np.uint8)
_DECIMALS = (3, 4, 5, 6, 7)


def _decimals(xys: list[np.ndarray], owner: np.ndarray) -> np.ndarray:
    """Each path's fewest decimals (3..7) that write all its coordinates exactly
    (``owner`` numbers the path of each point of the paths put end to end)."""
    xy = np.concatenate(xys)
    decimals = np.full(len(xys), _DECIMALS[-1], np.int64)
    open_ = np.ones(len(xys), bool)  # no decimals found for it yet
    for d in _DECIMALS[:-1]:
        exact = (np.rint(xy * 10**d) / 10**d == xy).all(axis=1)
        inexact = np.zeros(len(xys), bool)
        inexact[owner[~exact]] = True
        decimals[open_ & ~inexact] = d
        open_ &= inexact
    return decimals


def _xy(coords) -> np.ndarray:
    """A path's longitudes and latitudes, as an (n, 2) array (n may be 0)."""
    xy = np.asarray(coords, dtype=float)
    return np.ascontiguousarray((xy.reshape(0, 2) if xy.size == 0 else xy)[:, :2])


def encode_paths(paths: list) -> list[str]:
    """Paths (each ``[[lon, lat], ...]``) as text, each the number of its
    decimals, then its zigzag-folded steps, five bits a character (see the
    module's text); an empty path is the number of decimals alone. All paths in
    one pass of array operations: a page's several hundred paths, each encoded
    on its own, spent most of the time in numpy's per-call overhead.

    Examples
    --------
    >>> encode_paths([[[0, 0], [0.5, 0.25]], []])
    ['300EvQf', '3']
    """
    xys = [_xy(c) for c in paths]
    if not xys:
        return []
    n = np.array([len(xy) for xy in xys], np.int64)
    owner = np.repeat(np.arange(len(xys)), n)  # the path of each point
    decimals = _decimals(xys, owner)
    q = np.rint(np.concatenate(xys) * (10.0 ** decimals[owner])[:, None])
    q = q.astype(np.int64)
    before = np.zeros_like(q)  # each point's predecessor; none at a path's start
    before[1:] = q[:-1]
    before[(np.cumsum(n) - n)[n > 0]] = 0
    step = (q - before).ravel()
    z = ((step << 1) ^ (step >> 63)).astype(np.uint64)  # 0, -1, 1, -2 -> 0, 1, 2, 3
    groups = np.ones(len(z), np.int64)
    for k in range(1, 13):  # 64 bits are 13 groups of five
        over = z >= np.uint64(32**k)
        if not over.any():
            break  # nor any larger
        groups += over
    first = np.repeat(np.cumsum(groups) - groups, groups)
    at = np.arange(groups.sum()) - first  # each character's group in its number
    value = np.repeat(z, groups)
    chunk = (value >> (5 * at).astype(np.uint64)) & np.uint64(31)
    more = at < np.repeat(groups, groups) - 1
    text = _DIGITS[chunk.astype(np.int64) + 32 * more].tobytes().decode("ascii")
    chars = np.bincount(owner, groups.reshape(-1, 2).sum(axis=1), len(xys))
    chars = chars.astype(np.int64)  # bincount's weighted counts are floats
    ends = np.cumsum(chars)  # where each path's characters end
    return [
        f"{d}{text[start:end]}"
        for d, start, end in zip(
            decimals.tolist(), (ends - chars).tolist(), ends.tolist(), strict=True
        )
    ]


def encode_path(coords) -> str:
    """One path (``[[lon, lat], ...]``) as text: :func:`encode_paths` of it alone."""
    return encode_paths([coords])[0]


class PathTable:
    """The paths of one page, each once, numbered in the order first added;
    encoded together (:func:`encode_paths`) when :attr:`paths` is read."""

    def __init__(self) -> None:
        self._ids: dict[bytes, int] = {}
        self._paths: list[str] = []
        self._waiting: list[np.ndarray] = []  # added, not encoded yet

    def add(self, coords) -> int:
        """The number of path ``coords``, adding it if it is new."""
        xy = _xy(coords)
        key = xy.tobytes()
        if key not in self._ids:
            self._ids[key] = len(self._ids)
            self._waiting.append(xy)
        return self._ids[key]

    @property
    def paths(self) -> tuple[str, ...]:
        """Every path, encoded, in order (a tuple: the table's own list stays its)."""
        if self._waiting:
            self._paths += encode_paths(self._waiting)
            self._waiting = []
        return tuple(self._paths)


# GeoJSON geometry types whose coordinates are paths, and how deep the paths lie
_DEPTH = {"LineString": 0, "MultiLineString": 1, "Polygon": 1, "MultiPolygon": 2}


def _numbers(coords, depth: int, table: PathTable):
    if depth == 0:
        return table.add(coords)
    return [_numbers(c, depth - 1, table) for c in coords]


def _geometry(geometry, table: PathTable):
    if not isinstance(geometry, dict) or geometry.get("type") not in _DEPTH:
        return geometry  # points (a few numbers), collections, nulls: as they are
    kind = geometry["type"]
    paths = _numbers(geometry["coordinates"], _DEPTH[kind], table)
    return {"type": "Paths", "of": kind, "paths": paths}


def shared(data: dict, table: PathTable) -> dict:
    """``data`` (a FeatureCollection, a Feature or a geometry) with each line or
    polygon geometry replaced by ``{"type": "Paths", "of": <GeoJSON type>,
    "paths": <path numbers nested as the coordinates were>}``; its paths added
    to ``table``. ``data`` itself is left as it was."""
    kind = data.get("type")
    if kind == "FeatureCollection":
        return {**data, "features": [shared(f, table) for f in data["features"]]}
    if kind == "Feature":
        return {**data, "geometry": _geometry(data.get("geometry"), table)}
    return _geometry(data, table)
