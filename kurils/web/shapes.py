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

__all__ = ["ALPHABET", "PathTable", "encode_path", "shared"]

#: 32 digits that end a number, then 32 that say another five bits follow:
#: letters, digits, ``-`` and ``.``, nothing that JSON, HTML or a template
#: would read (no quote, ``<``, ``&``, backslash or brace), nor the ``_``
#: before the ids that kurils.web.offline renumbers.
ALPHABET = string.digits + string.ascii_letters + "-."
_DIGITS = np.frombuffer(ALPHABET.encode("ascii"), np.uint8)
_DECIMALS = (3, 4, 5, 6, 7)


def _decimals(xy: np.ndarray) -> int:
    """The fewest decimals (3..7) that write every coordinate exactly."""
    for d in _DECIMALS:
        if np.array_equal(np.rint(xy * 10**d) / 10**d, xy):
            return d
    return _DECIMALS[-1]


def _xy(coords) -> np.ndarray:
    """A path's longitudes and latitudes, as an (n, 2) array (n may be 0)."""
    xy = np.asarray(coords, dtype=float)
    return np.ascontiguousarray((xy.reshape(0, 2) if xy.size == 0 else xy)[:, :2])


def encode_path(coords) -> str:
    """One path (``[[lon, lat], ...]``) as text: the number of decimals, then
    the zigzag-folded steps, five bits a character (see the module's text).
    An empty path is the number of decimals alone."""
    xy = _xy(coords)
    d = _decimals(xy)
    q = np.rint(xy * 10**d).astype(np.int64)
    step = np.diff(q, axis=0, prepend=np.zeros((1, 2), np.int64)).ravel()
    z = ((step << 1) ^ (step >> 63)).astype(np.uint64)  # 0, -1, 1, -2 -> 0, 1, 2, 3
    groups = np.ones(len(z), np.int64)
    for k in range(1, 13):  # 64 bits are 13 groups of five
        groups += z >= np.uint64(32**k)
    first = np.repeat(np.cumsum(groups) - groups, groups)
    at = np.arange(groups.sum()) - first  # each character's group in its number
    value = np.repeat(z, groups)
    chunk = (value >> (5 * at).astype(np.uint64)) & np.uint64(31)
    more = at < np.repeat(groups, groups) - 1
    chars = _DIGITS[chunk.astype(np.int64) + 32 * more]
    return str(d) + chars.tobytes().decode("ascii")


class PathTable:
    """The paths of one page, each once, numbered in the order first added."""

    def __init__(self) -> None:
        self._ids: dict[bytes, int] = {}
        self._paths: list[str] = []

    def add(self, coords) -> int:
        """The number of path ``coords``, adding it if it is new."""
        xy = _xy(coords)
        key = xy.tobytes()
        if key not in self._ids:
            self._ids[key] = len(self._paths)
            self._paths.append(encode_path(xy))
        return self._ids[key]

    @property
    def paths(self) -> tuple[str, ...]:
        """Every path, encoded, in order (a tuple: the table's own list stays its)."""
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
