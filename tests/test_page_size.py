"""The page's bytes (issue 10), without timing anything: the default map and the
history map within their budgets, each path of geometry in the page once
whichever layers draw it, and the compact geometry decoded in Chromium into
exactly the GeoJSON each layer was given. Timings are in benchmarks/."""

from __future__ import annotations

import html
import json
import re

import folium
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kurils
from kurils.web.geojson import GeoJson
from kurils.web.offline import render_html
from kurils.web.shapes import ALPHABET, PathTable, encode_path, shared

#: Bytes of the UTF-8 page: 1.17 MB and 1.08 MB before the geometry was shared.
BUDGET = {"default": 500_000, "history": 550_000}
_TABLE = re.compile(r"kurils\.paths\((\"[^\"]*\"), (\[[^\]]*\])\);</script>")


@pytest.fixture(scope="module")
def maps() -> dict:
    return {"default": kurils.build_map(), "history": kurils.build_map(history=True)}


@pytest.fixture(scope="module")
def pages(maps) -> dict[str, str]:
    return {k: render_html(m) for k, m in maps.items()}


def _geojson_layers(element) -> list[GeoJson]:
    found = [element] if isinstance(element, GeoJson) else []
    for child in element._children.values():
        found += _geojson_layers(child)
    return found


def _paths(geometry: dict) -> list:
    """Every path (ring or line) of a GeoJSON geometry, as a tuple of points."""
    depth = {"LineString": 0, "MultiLineString": 1, "Polygon": 1, "MultiPolygon": 2}
    if geometry is None or geometry["type"] not in depth:
        return []
    level = [geometry["coordinates"]]
    for _ in range(depth[geometry["type"]]):
        level = [c for coords in level for c in coords]
    return [tuple(tuple(float(v) for v in p[:2]) for p in path) for path in level]


@pytest.mark.parametrize("which", BUDGET)
def test_page_within_its_budget(pages, which):
    size = len(pages[which].encode("utf-8"))
    assert size <= BUDGET[which], f"{which} map: {size:,} bytes"


@pytest.mark.parametrize("which", BUDGET)
def test_each_path_is_in_the_page_once(maps, pages, which):
    page = pages[which]
    alphabet, table = (json.loads(g) for g in _TABLE.search(page).groups())
    assert alphabet == ALPHABET and len(_TABLE.findall(page)) == 1
    # every line and polygon of every layer is in the table, and only once
    drawn = {
        path
        for layer in _geojson_layers(maps[which])
        for feature in layer.data["features"]
        for path in _paths(feature["geometry"])
    }
    assert len(table) == len(set(table)) == len(drawn)
    assert not re.search(r'"type":"(Multi)?(Polygon|LineString)"', page)
    # the districts and claims draw the islands' coastlines: none is there twice
    assert len(drawn) < sum(
        len(_paths(f["geometry"]))
        for layer in _geojson_layers(maps[which])
        for f in layer.data["features"]
    )


def _decode(text: str) -> np.ndarray:
    """A second reading of the format (the page's is kurils/page/shapes.js)."""
    scale, numbers, n, unit = 10 ** int(text[0]), [], 0, 1
    for char in text[1:]:
        c = ALPHABET.index(char)
        n += (c % 32) * unit
        if c >= 32:
            unit *= 32
            continue
        numbers.append(-(n + 1) // 2 if n % 2 else n // 2)
        n, unit = 0, 1
    return np.cumsum(np.reshape(numbers, (-1, 2)), axis=0) / scale


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-1_800_000, 1_800_000), st.integers(-900_000, 900_000)),
        min_size=1,
        max_size=50,
    ),
    st.sampled_from([3, 4, 5, 6, 7]),
)
def test_paths_come_back_exactly(points, decimals):
    xy = np.array(points, dtype=float) / 10**decimals
    text = encode_path(xy)
    assert set(text) <= set(ALPHABET)
    assert int(text[0]) <= decimals
    assert np.array_equal(_decode(text), xy)


def test_coordinates_on_no_grid_move_under_a_centimetre():
    xy = np.array([[145.123456789, 43.987654321], [-179.99999999, -89.5]])
    assert np.abs(_decode(encode_path(xy)) - xy).max() <= 0.5e-7


def test_an_empty_path_is_stored_and_comes_back_empty():
    """A raw GeoJSON dict may hold an empty line (geopandas writes None)."""
    table = PathTable()
    line = {"type": "LineString", "coordinates": []}
    feature = {"type": "Feature", "properties": {}, "geometry": line}
    assert shared(feature, table)["geometry"]["paths"] == 0
    assert _decode(table.paths[0]).shape == (0, 2)


def test_a_path_drawn_twice_is_stored_once():
    table = PathTable()
    ring = [[145.0, 43.0], [145.1, 43.0], [145.0, 43.1], [145.0, 43.0]]
    assert table.add(ring) == table.add(np.array(ring)) == 0
    assert table.add(ring[::-1]) == 1 and len(table.paths) == 2


# Records every feature Leaflet is given, once Leaflet defines window.L; the
# page's decoder (kurils/web/page/shapes.js) makes the shapes of features whose
# geometry is paths straight from the decoded paths, and gives each such
# feature its GeoJSON geometry when it is read (tests/test_clip.py checks that
# each shape is the one Leaflet makes of that geometry)
_RECORD = """
window.kuriltest = new Set();
let leaflet;
Object.defineProperty(window, "L", {configurable: true, get: () => leaflet, set: (L) => {
    leaflet = L;
    const addData = L.GeoJSON.prototype.addData;
    L.GeoJSON.prototype.addData = function (data) {
        const kind = data && data.type;
        const features = kind === "FeatureCollection" ? data.features : kind === "Feature" ? [data] : [];
        features.forEach(f => window.kuriltest.add(f));
        return addData.call(this, data);
    };
}});
"""


def _given_to_leaflet(browser, html: str, tmp_path) -> list:
    """Every feature geometry Leaflet is given when ``html`` loads, and when
    each layer hidden at load builds its features (asked for its layers)."""
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(_RECORD)
    page.goto(path.as_uri())
    # one JSON text: playwright checks a returned structure value by value
    got = json.loads(
        page.evaluate(
            """() => {
            for (const k of Object.keys(window)) {
                if (window[k] instanceof L.GeoJSON) { window[k].getLayers(); }
            }
            return JSON.stringify([...window.kuriltest].map(f => f.geometry));
        }"""
        )
    )
    page.close()
    assert not errors
    return _canonical(got)


def _wanted(m) -> list:
    return _canonical(
        f["geometry"] for layer in _geojson_layers(m) for f in layer.data["features"]
    )


def _canonical(geometries) -> list:
    return sorted(json.dumps(_floats(g), sort_keys=True) for g in geometries)


@pytest.mark.browser
@pytest.mark.parametrize("which", BUDGET)
def test_leaflet_is_given_exactly_each_layers_geojson(
    browser, maps, pages, which, tmp_path
):
    assert _given_to_leaflet(browser, pages[which], tmp_path) == _wanted(maps[which])


@pytest.mark.browser
def test_a_kurils_layer_shares_its_paths_on_a_plain_folium_map(
    browser, islands, tmp_path
):
    """The sharing is the layers' own, not build_map's: a user's folium map with
    two kurils layers drawing the same islands holds their paths once."""
    m = folium.Map(tiles=None)
    survey = islands.assign(responses=range(len(islands)))
    for name in ("a", "b"):
        kurils.choropleth_layer(survey, "responses", name=name).add_to(m)
    html = render_html(m)
    table = json.loads(_TABLE.search(html)[2])
    assert (
        len(table)
        == len(set(table))
        == len(
            {
                p
                for f in _geojson_layers(m)[0].data["features"]
                for p in _paths(f["geometry"])
            }
        )
    )
    assert _given_to_leaflet(browser, html, tmp_path) == _wanted(m)


def _floats(value):
    """Numbers as floats and tuples as lists (JavaScript writes 145.0 as 145)."""
    if isinstance(value, (list, tuple)):
        return [_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _floats(v) for k, v in value.items()}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def test_a_stylesheet_writes_each_image_once(pages):
    for page in pages.values():
        for css in re.findall(r"<style>(.*?)</style>", page, flags=re.S):
            images = re.findall(r"data:image/[^\"')]+", css)
            assert len(images) == len(set(images))


@pytest.mark.browser
def test_an_image_written_once_still_shows_everywhere(browser, pages, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(pages["default"], encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    images = page.evaluate(
        """() => ['.search-button', '.search-cancel'].map(s => getComputedStyle(
            document.querySelector('.leaflet-control-search ' + s)).backgroundImage)"""
    )
    page.close()
    assert all(i.startswith('url("data:image/png;base64,') for i in images), images


@pytest.mark.browser
def test_a_link_written_once_opens_its_source(browser, maps, pages, tmp_path):
    """Iturup's popup cites its sources by number in the page; opened, each link
    goes where the popup's HTML said, in a new tab."""
    (islands,) = [
        layer
        for layer in _geojson_layers(maps["default"])
        if "popup" in layer.data["features"][0]["properties"]
    ]
    (iturup,) = [
        f["properties"]["popup"]
        for f in islands.data["features"]
        if f["properties"]["island_id"] == "iturup"
    ]
    want = [html.unescape(u) for u in re.findall(r'<a href="([^"]+)"', iturup)]
    assert len(want) >= 3 and "data-kurils-link" in pages["default"]
    path = tmp_path / "map.html"
    path.write_text(pages["default"], encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    got = page.evaluate(
        """() => {
            for (const k of Object.keys(window)) {
                if (!(window[k] instanceof L.GeoJSON)) continue;
                window[k].eachLayer(l => {
                    if (l.feature.properties.island_id === "iturup" && l.feature.properties.popup)
                        l.fire("click", {latlng: l.getCenter()}, true);
                });
            }
            return [...document.querySelectorAll(".leaflet-popup-content a")]
                .map(a => [a.getAttribute("href"), a.target, a.rel]);
        }"""
    )
    page.close()
    assert got == [[u, "_blank", "noopener"] for u in want]
