"""The offline map in a real browser: Debian's Chromium, driven by Playwright.

No network: every request that is not a local file is aborted and recorded, and a
test fails if any was made. Screenshots are left in tests/output/.
"""

from __future__ import annotations

import datetime as dt

import pytest

import kurils
from kurils.domain.views import HISTORY_PALETTE, PALETTE
from kurils.i18n import title
from kurils.web import registry

pytestmark = pytest.mark.browser


def test_offline_load_no_errors_no_requests(page, islands, output_dir):
    page.page.wait_for_timeout(300)
    assert page.errors == []
    assert page.requests == []
    paths = page.page.locator("path.leaflet-interactive").count()
    assert paths >= len(islands)  # every island drawn (plus lines)
    page.page.wait_for_timeout(600)  # let the zoom animation of fitBounds end
    page.page.screenshot(path=str(output_dir / "default_map.png"))


def test_every_layer_toggles(page):
    boxes = page.page.locator(".leaflet-control-layers-overlays input[type=checkbox]")
    # one per overlay the registry declares for today's map (kurils.web.registry)
    assert boxes.count() == sum("views" in x.modes for x in registry.LAYERS) == 7

    def drawn() -> int:
        return page.page.locator(
            ".leaflet-overlay-pane path, .leaflet-marker-pane > *"
        ).count()

    for i in range(boxes.count()):
        before = drawn()
        boxes.nth(i).click()
        after = drawn()
        assert after != before, f"layer {i} did not toggle"
        boxes.nth(i).click()
        assert drawn() == before


def test_hover_shows_tooltip(page, islands):
    row = islands.set_index("island_id").loc["iturup"]
    x, y = page.point_of(row.anchor_lat, row.anchor_lon)
    page.page.mouse.move(x - 30, y - 30)
    page.page.mouse.move(x, y)
    tip = page.page.locator(".leaflet-tooltip")
    tip.first.wait_for()
    assert "Iturup" in tip.first.inner_text() and "択捉島" in tip.first.inner_text()


def test_view_switch_changes_what_is_drawn(page):
    assert page.island_js("iturup", "layer._path.getAttribute('fill')").startswith(
        "url(#"
    )
    page.page.get_by_text("Japan's position", exact=True).click()
    assert (
        page.island_js("iturup", "layer._path.getAttribute('fill')") == PALETTE["JPN"]
    )
    assert (
        page.island_js("urup", "layer._path.getAttribute('fill')")
        == PALETTE["undetermined"]
    )
    legend = page.page.locator(".kurils-legend [data-view=japan]")
    assert legend.is_visible() and "Japan" in legend.inner_text()
    # each view's legend is titled in that side's own terms
    assert title("japan", "en") in legend.inner_text()
    assert title("neutral", "en") not in legend.inner_text()
    assert not page.page.locator(".kurils-legend [data-view=neutral]").is_visible()
    page.page.get_by_text("Russia's position", exact=True).click()
    assert (
        page.island_js("iturup", "layer._path.getAttribute('fill')") == PALETTE["RUS"]
    )
    # hovering resets to the current view's style, not the one the page opened with
    page.island_js("iturup", "(layer.fire('mouseover'), layer.fire('mouseout'), 0)")
    assert (
        page.island_js("iturup", "layer._path.getAttribute('fill')") == PALETTE["RUS"]
    )
    assert page.errors == []


PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "${window.__xss=2}",
    "`+(window.__xss=3)+`",
    "</script><script>window.__xss=4</script>",
    "back\\slash \\u0041 & 'quotes\"",
    "{{ 7*7 }} {# comment",  # branca re-renders scripts as Jinja templates
]


def test_payloads_show_literally_and_never_run(open_page, islands, tmp_path):
    mine = islands.copy()
    row = mine.island_id == "iturup"
    mine.loc[row, "name_en"] = " ".join(PAYLOADS)
    mine.loc[row, "alt_names"] = PAYLOADS[1]
    mine.loc[mine.island_id == "kunashir", "name_en"] = PAYLOADS[0]
    path = kurils.save_map(kurils.build_map(islands=mine), tmp_path / "evil.html")
    p = open_page(path)
    try:
        anchor = islands.set_index("island_id").loc["iturup"]
        x, y = p.point_of(anchor.anchor_lat, anchor.anchor_lon)
        p.page.mouse.move(x - 30, y - 30)
        p.page.mouse.move(x, y)
        tip = p.page.locator(".leaflet-tooltip").first
        tip.wait_for()
        shown = tip.inner_text()
        for payload in PAYLOADS:
            assert payload in shown
        p.page.mouse.click(x, y)
        popup = p.page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert PAYLOADS[0] in popup.inner_text()
        labels = p.page.locator(".kurils-label").all_inner_texts()
        assert PAYLOADS[0] in labels
        assert p.page.evaluate("window.__xss") is None
        assert "49" not in shown
        assert p.requests == []  # the <img src=x> never loaded
        assert p.errors == []
    finally:
        p.close()


def test_japanese_map_renders(open_page, tmp_path, output_dir):
    path = kurils.save_map(
        kurils.build_map(view="japan", lang="ja"), tmp_path / "ja.html"
    )
    p = open_page(path)
    try:
        assert "日本の立場" in p.page.locator(".kurils-legend").inner_text()
        assert "択捉島" in p.page.locator(".leaflet-marker-pane").inner_text()
        assert p.errors == [] and p.requests == []
        p.page.wait_for_timeout(600)
        p.page.screenshot(path=str(output_dir / "map_japan_ja.png"))
    finally:
        p.close()


@pytest.mark.parametrize("query", ["Etorofu", "Итуруп", "択捉"])
def test_search_finds_an_island_by_any_name(page, query):
    page.page.locator(".leaflet-control-search .search-button").click()
    box = page.page.locator(".leaflet-control-search input.search-input")
    box.fill(query)
    box.dispatch_event("keyup")  # what typing fires; fill() alone does not
    tip = page.page.locator(".search-tip").first
    tip.wait_for(timeout=5000)
    assert "Iturup" in tip.inner_text()
    tip.click()
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Iturup" in popup.inner_text() and "3,166.64" in popup.inner_text()


@pytest.mark.parametrize("query", ["Habomai", "歯舞", "Хабомаи"])
def test_search_finds_the_islets_of_a_group_by_its_name(page, query):
    page.page.locator(".leaflet-control-search .search-button").click()
    box = page.page.locator(".leaflet-control-search input.search-input")
    box.fill(query)
    box.dispatch_event("keyup")
    tips = page.page.locator(".search-tip")
    tips.first.wait_for(timeout=5000)
    found = tips.all_inner_texts()
    assert len(found) == 7  # the Habomai islets, each by its own name first
    assert any(t.startswith("Zelyony") for t in found)


_ODD_NAME = "O'Brien & Sons <Isle> {{ 7*7 }} a;b"


@pytest.fixture(scope="module")
def odd_name_map(islands, tmp_path_factory):
    """A map whose Iturup is named with characters HTML, JS and Jinja read."""
    mine = islands.copy()
    mine.loc[mine.island_id == "iturup", "name_en"] = _ODD_NAME
    folder = tmp_path_factory.mktemp("search")
    return kurils.save_map(kurils.build_map(islands=mine), folder / "s.html")


@pytest.mark.parametrize("query", ["O'Brien", "& Sons", "<", "{{", "a;b"])
def test_search_matches_and_shows_text_as_written(open_page, odd_name_map, query):
    name = _ODD_NAME
    p = open_page(odd_name_map)
    try:
        p.page.locator(".leaflet-control-search .search-button").click()
        box = p.page.locator(".leaflet-control-search input.search-input")
        box.fill(query)
        box.dispatch_event("keyup")
        tip = p.page.locator(".search-tip").first
        tip.wait_for(timeout=5000)
        assert tip.inner_text().startswith(name + " · ")
        tip.click()
        assert box.input_value().startswith(name + " · ")
        p.page.locator(".leaflet-popup-content").wait_for()
        assert p.errors == [] and p.requests == []
    finally:
        p.close()


def test_history_slider_recolours_and_switches_borders(open_page, tmp_path, output_dir):
    path = kurils.save_map(kurils.build_map(history=True), tmp_path / "history.html")
    p = open_page(path)
    try:
        slider = p.page.locator(".kurils-slider input[type=range]")
        first = "1855-02-07"

        def move_to(date: str) -> None:
            days = (dt.date.fromisoformat(date) - dt.date.fromisoformat(first)).days
            slider.evaluate(
                "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }",
                days,
            )
            assert (
                p.page.locator(".folium-map").get_attribute("data-kurils-date") == date
            )

        def fill(island: str) -> str:
            return p.island_js(island, "layer._path.getAttribute('fill')")

        def borders() -> set:
            return set(
                p.page.evaluate(
                    """() => { const out = [];
                    for (const k of Object.keys(window)) {
                        const g = window[k];
                        if (!k.startsWith('geo_json_') || !g.eachLayer) continue;
                        g.eachLayer(l => { const b = l.feature.properties.border_id;
                                           if (b && l._map) out.push(b); });
                    } return out; }"""
                )
            )

        move_to("1860-01-01")
        assert (
            fill("urup") == HISTORY_PALETTE["RUS"]
            and fill("iturup") == HISTORY_PALETTE["JPN"]
        )
        assert borders() == {"shimoda_1855"}
        move_to("1930-01-01")
        assert fill("urup") == HISTORY_PALETTE["JPN"]
        assert fill("sakhalin_south") == HISTORY_PALETTE["JPN"]
        assert borders() == {"st_petersburg_1875", "portsmouth_1905"}
        move_to("1950-01-01")
        assert fill("iturup") == HISTORY_PALETTE["SUN"]
        assert borders() == {"line_of_control_1945", "joint_declaration_1956"} - {
            "joint_declaration_1956"
        }
        assert "San Francisco" not in p.page.locator(".kurils-slider").inner_text()
        move_to("1956-10-19")
        assert "Joint Declaration" in p.page.locator(".kurils-slider").inner_text()
        assert borders() == {"line_of_control_1945"}  # the 1956 line never was in force
        p.page.wait_for_timeout(600)
        p.page.screenshot(path=str(output_dir / "history_1956.png"))
        move_to("1995-01-01")
        assert fill("iturup") == HISTORY_PALETTE["RUS"]
        move_to("1855-02-07")
        assert fill("sakhalin_south") == HISTORY_PALETTE["JOINT"]
        assert borders() == {"shimoda_1855"}
        assert p.errors == [] and p.requests == []
    finally:
        p.close()


def test_small_island_labels_appear_when_zoomed_in(page):
    def visible() -> list[str]:
        return page.page.evaluate(
            """() => [...document.querySelectorAll('.kurils-label-icon')]
                .filter(e => e.style.opacity !== '0').map(e => e.innerText)"""
        )

    page.page.wait_for_timeout(800)  # the opening fitBounds animation ends first
    overview = visible()
    assert "Iturup" in overview and "Brat Chirpoyev" not in overview
    zoom = "([m]) => (m.setView([46.5, 150.8], 8, {animate: false}), m.getZoom())"
    assert page.page.evaluate(zoom, [page.map]) == 8
    shown = visible()
    assert "Brat Chirpoyev" in shown, " | ".join(shown)


def test_maritime_zones_layer_is_off_then_drawn_with_the_sea_both_claim(page):
    paths = page.page.locator("path.leaflet-interactive")
    hatched = """() => [...document.querySelectorAll('path.leaflet-interactive')]
        .filter(p => (p.getAttribute('fill') || '').startsWith('url(#')).length"""
    before, hatched_before = paths.count(), page.page.evaluate(hatched)
    page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
    # each side's territorial sea and EEZ, and the hatched sea both claim
    assert paths.count() >= before + 5
    assert page.page.evaluate(hatched) == hatched_before + 1
    assert page.errors == []


def test_islands_stay_above_the_maritime_zones_switched_on(page, islands):
    """Switched on (after the islands were drawn), and off and on again, the
    zones stay under the islands: a hover over Shikotan shows its tooltip, not
    the territorial sea's around it (kurils/web/page/stacking.js)."""
    row = islands.set_index("island_id").loc["shikotan"]
    for clicks in (1, 2):  # on; then off and on again
        for _ in range(clicks):
            page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
        tip = page.tooltip_at(row.anchor_lat, row.anchor_lon, "Shikotan")
        assert "Administered by: Russia" in tip and "Territorial sea" not in tip
        assert page.zones_under_land()
    assert page.errors == []
