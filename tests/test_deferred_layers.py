"""Layers hidden when the page opens build their features only when first shown
(kurils/web/page/shapes.js, option ``kurilsDefer`` written by
:class:`kurils.web.geojson.GeoJson`): nothing of theirs is built at load, and
once switched on they draw every feature, once, with the rest of the page
(search, view switch, stacking) working as before."""

from __future__ import annotations

import folium

import kurils
from kurils.web import layers
from kurils.web.offline import render_html

# each GeoJSON layer of the page: [name, deferred, features built, on the map]
_LAYERS = """() => Object.keys(window)
    .filter(k => k.startsWith('geo_json_') && window[k] instanceof L.GeoJSON)
    .map(k => [k, !!window[k].options.kurilsDefer,
               Object.keys(window[k]._layers).length, !!window[k]._map])"""

_DISTRICT_COLOURS = ["#009E73", "#CC79A7", "#56B4E9"]


def _strokes(page) -> list[str]:
    return page.page.evaluate(
        """() => [...document.querySelectorAll('.leaflet-overlay-pane path')]
            .map(p => p.getAttribute('stroke'))"""
    )


def test_layers_hidden_at_load_build_nothing_until_shown(page):
    layers = page.page.evaluate(_LAYERS)
    deferred = [x for x in layers if x[1]]
    # the districts, Japan's claim and the maritime zones: all hidden at load
    assert len(deferred) == 3
    assert all(built == 0 and not on_map for _, _, built, on_map in deferred)
    # every layer shown at load is built as before, and only those are deferred
    shown = [x for x in layers if not x[1]]
    assert shown and all(built > 0 and on_map for _, _, built, on_map in shown)
    assert not set(_DISTRICT_COLOURS) & set(_strokes(page))
    assert page.errors == []


def test_a_hidden_layer_switched_on_draws_its_features_once(page, islands):
    districts = "Russian administration (districts)"
    page.page.get_by_text(districts, exact=True).click()
    strokes = _strokes(page)
    assert all(strokes.count(c) == 1 for c in _DISTRICT_COLOURS), strokes
    # off and on again: the same features, not built a second time
    page.page.get_by_text(districts, exact=True).click()
    assert not set(_DISTRICT_COLOURS) & set(_strokes(page))
    page.page.get_by_text(districts, exact=True).click()
    assert sorted(_strokes(page)) == sorted(strokes)
    built = {k: n for k, d, n, _ in page.page.evaluate(_LAYERS) if d}
    assert sorted(built.values()) == [0, 0, 3]  # the claims and zones: still none
    # its tooltip opens over the land it draws
    row = islands.set_index("island_id").loc["paramushir"]
    tip = page.tooltip_at(row.anchor_lat, row.anchor_lon, "Severo-Kurilsky")
    assert "Severo-Kurilsk" in tip
    assert page.errors == []


def test_search_and_view_switch_work_with_layers_shown_later(page):
    page.page.get_by_text("Japan's claim (municipalities)", exact=True).click()
    page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
    assert all(n > 0 for _, d, n, on in page.page.evaluate(_LAYERS) if d and on)
    page.page.get_by_text("Japan's position", exact=True).click()
    fill = page.island_js("iturup", "layer._path.getAttribute('fill')")
    assert fill == kurils.domain.views.PALETTE["JPN"]
    assert page.zones_under_land()
    page.page.locator(".leaflet-control-search .search-button").click()
    box = page.page.locator(".leaflet-control-search input.search-input")
    box.fill("Etorofu")
    box.dispatch_event("keyup")  # what typing fires; fill() alone does not
    page.page.locator(".search-tip").first.click()
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Iturup" in popup.inner_text()
    assert page.errors == []


def test_a_deferred_layer_asked_for_its_features_builds_them_undrawn(page):
    """Whatever reads a hidden layer's features (eachLayer, getLayers,
    setStyle...) gets them all, built then, and drawn only when shown."""
    got = page.page.evaluate(
        """() => {
            const k = Object.keys(window).find(k => k.startsWith('geo_json_')
                && window[k] instanceof L.GeoJSON && window[k].options.kurilsDefer);
            const layer = window[k];
            const n = layer.getLayers().length;
            return [n, layer.getLayers().filter(l => l._path && l._path.isConnected).length,
                    layer.getBounds().isValid()];
        }"""
    )
    assert got[0] > 0 and got[1] == 0 and got[2]


def test_a_hidden_kurils_layer_on_a_plain_folium_map(open_page, islands, tmp_path):
    """A user's folium map (its LayerControl, rendered as ``m.save`` would,
    made offline) with a kurils layer hidden at load: nothing of it built
    until it is switched on, then every feature drawn."""
    m = folium.Map(tiles=None, location=[45, 148], zoom_start=5)
    survey = islands.assign(responses=range(len(islands)))
    kurils.choropleth_layer(survey, "responses", name="shown").add_to(m)
    kurils.choropleth_layer(survey, "responses", name="hidden", show=False).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    path = tmp_path / "plain.html"
    path.write_text(render_html(m), encoding="utf-8")
    p = open_page(path)
    try:
        drawn = p.page.locator(".leaflet-overlay-pane path")
        before = drawn.count()
        layers = p.page.evaluate(_LAYERS)
        assert [(d, n) for _, d, n, _ in layers] == [(False, before), (True, 0)]
        p.page.get_by_text("hidden", exact=True).click()
        assert drawn.count() == 2 * before
        assert p.errors == []
    finally:
        p.close()


def test_only_layers_hidden_at_load_are_deferred():
    html = render_html(kurils.build_map(history=True))
    # the history page hides the districts and Japan's claim
    assert html.count('"kurilsDefer": true') == 2
    units = kurils.load_admin_units()
    units = units[units["country"] == "RUS"]
    sources = kurils.load_sources()
    shown = layers.districts_layer(units, sources=sources, show=True)
    hidden = layers.districts_layer(units, sources=sources, show=False)
    assert not shown.geojson._deferred() and hidden.geojson._deferred()
    hidden.geojson.defer = False  # a caller may have it built at load
    assert not hidden.geojson._deferred()
