"""The in-page scenario switch in a real browser (Debian's Chromium): choosing a
scenario recolours the islands, cuts Iturup for the equal split, swaps the
maritime zones and the cut line, and fills the stakes table; user text in a
scenario's title shows literally and never runs."""

from __future__ import annotations

import dataclasses

import pytest

import kurils
from kurils.domain.maritime import split_island
from kurils.style import LINES, PALETTE, ZONE_OPACITY

pytestmark = pytest.mark.browser

# 11 km east of Shikotan: territorial sea; 250 km south-east: an EEZ
SHIKOTAN_SEA, OPEN_SEA = (43.80, 147.05), (42.5, 149.0)


@pytest.fixture(scope="module")
def switch_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("switch") / "scenarios.html"
    return kurils.save_map(kurils.build_map(scenarios=True), path)


@pytest.fixture
def page(open_page, switch_file):
    p = open_page(switch_file)
    yield p
    p.close()


def _fills(page, island_id: str) -> list[str]:
    """The fill of every drawn feature of ``island_id`` (a cut island: two)."""
    return page.page.evaluate(
        """(id) => {
            const out = [];
            for (const k of Object.keys(window)) {
                const g = window[k];
                if (!k.startsWith('geo_json_') || !g.eachLayer) continue;
                g.eachLayer(l => {
                    if (l.feature.properties.island_id === id && l._path)
                        out.push([l._path.getAttribute('fill'),
                                  l._path.getAttribute('stroke-dasharray')]);
                });
            }
            return out;
        }""",
        island_id,
    )


def _table(page) -> dict[str, str]:
    rows = page.page.locator(".kurils-legend table.kurils-stakes tr")
    return {
        rows.nth(i).locator("th").text_content(): rows.nth(i)
        .locator("td")
        .text_content()
        for i in range(rows.count())
    }


def _sea_at(page, lat: float, lon: float) -> list[tuple[str, float]]:
    """(fill, fill opacity) of the zone paths under a point of the sea, top first."""
    x, y = page.point_of(lat, lon)
    found = page.page.evaluate(
        """([x, y]) => document.elementsFromPoint(x, y)
            .filter(e => e.tagName === 'path')
            .map(e => [e.getAttribute('fill'), e.getAttribute('fill-opacity')])""",
        [x, y],
    )
    return [(fill, float(opacity)) for fill, opacity in found]


def _cut_lines(page) -> int:
    colour = LINES["cut"].color
    return page.page.locator(f'.leaflet-overlay-pane path[stroke="{colour}"]').count()


def _choose(page, title: str) -> None:
    page.page.get_by_text(title, exact=True).click()


def test_switching_scenarios_updates_colours_zones_and_the_table(page, output_dir):
    shipped = {s.id: s for s in kurils.scenarios()}
    stakes = kurils.stakes().set_index("scenario_id")
    # the page opens on the status quo: all Russian, nothing dashed, no cut
    assert _fills(page, "shikotan") == [[PALETTE["RUS"], None]]
    table = _table(page)
    assert table["Land to Russia"] == "4,994 km²"
    assert table["Residents"] == "0" and table["EEZ"] == "0 km²"
    # the territorial sea drawn stronger than an EEZ
    assert _sea_at(page, *SHIKOTAN_SEA)[0] == (
        PALETTE["RUS"],
        ZONE_OPACITY["territorial_sea"],
    )
    assert _sea_at(page, *OPEN_SEA)[0] == (PALETTE["RUS"], ZONE_OPACITY["eez"])
    assert _cut_lines(page) == 0

    _choose(page, shipped["declaration_1956"].title_en)
    dash = LINES["outline_disputed"].dash_array()
    assert _fills(page, "shikotan") == [[PALETTE["JPN"], dash]]
    assert _fills(page, "kunashir") == [[PALETTE["RUS"], None]]
    sea = _sea_at(page, *SHIKOTAN_SEA)
    assert sea[0] == (PALETTE["JPN"], ZONE_OPACITY["territorial_sea"])
    assert PALETTE["RUS"] not in {fill for fill, _ in sea}
    row = stakes.loc["declaration_1956"]
    table = _table(page)
    assert table["Residents"] == f"{row.population_moved:,} ({row.population_year})"
    assert table["Settlements"] == "Malokurilskoye"
    assert table["Territorial sea"] == f"{row.territorial_sea_moved_km2:,.0f} km²"
    assert "Rosstat" in table["Residents: source"]
    legend = page.page.locator(".kurils-legend .kurils-scenario-title")
    assert legend.text_content() == shipped["declaration_1956"].title_en

    _choose(page, shipped["equal_land"].title_en)
    # Iturup in two parts, the south-west one Japan's (dashed: it changes hands)
    assert sorted(_fills(page, "iturup")) == sorted(
        [[PALETTE["JPN"], dash], [PALETTE["RUS"], None]]
    )
    assert _cut_lines(page) == 1
    table = _table(page)
    assert table["Land to Japan"] == table["Land to Russia"] == "2,497 km²"
    unplaced = stakes.loc["equal_land", "population_unplaced"]
    assert unplaced > 0 and table[next(k for k in table if "Not counted" in k)] == (
        f"{unplaced:,}"
    )
    # each part is under the pointer above the zones, and a search finds it
    iturup = kurils.load_islands().set_index("island_id").geometry["iturup"]
    for part in split_island(iturup, shipped["equal_land"].cuts[0].line):
        inside = part.representative_point()
        x, y = page.point_of(inside.y, inside.x)
        page.page.mouse.move(x - 30, y - 30)
        page.page.mouse.move(x, y)
        page.page.locator(".leaflet-tooltip", has_text="択捉島").wait_for(timeout=2000)
    page.page.locator(".leaflet-control-search .search-button").click()
    box = page.page.locator(".leaflet-control-search input.search-input")
    box.fill("Etorofu")
    box.dispatch_event("keyup")  # what typing fires; fill() alone does not
    assert "Iturup" in page.page.locator(".search-tip").first.inner_text()
    page.page.screenshot(path=str(output_dir / "scenario_switch_equal_land.png"))

    _choose(page, shipped["status_quo"].title_en)  # and back: one Iturup, no line
    assert _fills(page, "iturup") == [[PALETTE["RUS"], None]]
    assert _cut_lines(page) == 0
    assert page.errors == [] and page.requests == []


def test_a_users_scenario_title_shows_literally_and_never_runs(open_page, tmp_path):
    """A user's scenario (holdings as the 1956 Declaration, so its zones are the
    shipped ones) titled with markup and script: shown as typed."""
    title = '<img src=x onerror="window.__xss=1">${window.__xss=2}{{ 7*7 }}'
    base = {s.id: s for s in kurils.scenarios()}["declaration_1956"]
    mine = dataclasses.replace(base, id=title, title_en=title, description=title)
    path = kurils.save_map(
        kurils.build_map(scenarios=["status_quo", mine], scenario=mine),
        tmp_path / "mine.html",
    )
    p = open_page(path)
    try:
        shown = p.page.locator(".kurils-legend .kurils-scenario-title").text_content()
        assert shown == title
        desc = p.page.locator(".kurils-legend .kurils-scenario-description")
        assert desc.text_content() == title
        assert p.page.evaluate("window.__xss") is None
        assert _fills(p, "shikotan") == [
            [PALETTE["JPN"], LINES["outline_disputed"].dash_array()]
        ]
        assert p.errors == []
    finally:
        p.close()


def test_the_stakes_table_speaks_the_page_language(open_page, tmp_path):
    """Japanese: the table's labels from kurils.i18n, the settlements by their
    Japanese names (places.csv), the numbers as in kurils.stakes()."""
    from kurils.i18n import text

    path = kurils.save_map(
        kurils.build_map(scenarios=["two_plus_alpha"], lang="ja"),
        tmp_path / "ja.html",
    )
    p = open_page(path)
    try:
        table = _table(p)
        row = kurils.stakes(kurils.scenarios()[2:3]).iloc[0]
        km2 = text("km2", "ja")
        assert table[text("stakes_land_jpn", "ja")] == f"{row.land_jpn_km2:,.0f} {km2}"
        places = kurils.load_places().set_index("name_en")
        names = [
            places.name_ja[n] if isinstance(places.name_ja[n], str) else n
            for n in row.settlements_moved.split(";")
        ]
        assert table[text("stakes_settlements", "ja")] == ", ".join(names)
        assert p.errors == []
    finally:
        p.close()


def test_island_tooltips_give_the_chosen_scenarios_holder(page, islands):
    """Today's administrator and claimants, and the holder under the chosen
    scenario (and whether the land changes hands), in the page's language."""
    shipped = {s.id: s for s in kurils.scenarios()}
    at = islands.set_index("island_id").loc["shikotan", ["anchor_lat", "anchor_lon"]]
    tip = page.tooltip_at(*at, "Shikotan")
    assert "Administered by: Russia" in tip
    assert f"{shipped['status_quo'].title_en}: Russia" in tip
    assert "changes hands" not in tip
    _choose(page, shipped["declaration_1956"].title_en)
    tip = page.tooltip_at(*at, "Shikotan")
    assert "Administered by: Russia" in tip
    assert f"{shipped['declaration_1956'].title_en}: Japan" in tip
    assert "changes hands" in tip
    # the equal split: each part of Iturup under its own holder
    _choose(page, shipped["equal_land"].title_en)
    iturup = islands.set_index("island_id").geometry["iturup"]
    cut = shipped["equal_land"].cuts[0]
    for part, holder in zip(
        split_island(iturup, cut.line), ("Japan", "Russia"), strict=True
    ):
        inside = part.representative_point()
        tip = page.tooltip_at(inside.y, inside.x, "Iturup")
        assert f"{shipped['equal_land'].title_en}: {holder}" in tip
    assert page.zones_under_land()  # the scenario's zones, swapped in, under
    assert page.errors == []


def test_a_scenario_page_keeps_the_islands_above_its_zones(open_page, tmp_path):
    """``kurils map --scenario``: the zones are drawn after the islands, and
    again when switched off and on; a hover over Shikotan shows the island."""
    s = {s.id: s for s in kurils.scenarios()}["declaration_1956"]
    path = kurils.save_map(kurils.build_map(scenario=s.id), tmp_path / "one.html")
    p = open_page(path)
    try:
        at = kurils.load_islands().set_index("island_id").loc["shikotan"]
        for clicks in (0, 2):
            for _ in range(clicks):
                p.page.get_by_text("Maritime zones (illustration)", exact=True).click()
            tip = p.tooltip_at(at.anchor_lat, at.anchor_lon, "Shikotan")
            assert f"{s.title_en}: Japan" in tip and "Territorial sea" not in tip
            assert p.zones_under_land()
        assert p.errors == []
    finally:
        p.close()


def test_scenarios_sharing_a_title_each_keep_a_radio_button(open_page, tmp_path):
    """A user's scenario titled as a shipped one: the layer control keys its
    radio buttons by name, so the second was dropped (and the first's button
    showed the second); now it is numbered, and each button shows its own."""
    shipped = {s.id: s for s in kurils.scenarios()}
    quo = shipped["status_quo"].title_en
    mine = dataclasses.replace(shipped["declaration_1956"], id="mine", title_en=quo)
    path = kurils.save_map(
        kurils.build_map(scenarios=["status_quo", mine, "status_quo"]),
        tmp_path / "same_title.html",
    )
    p = open_page(path)
    try:
        radios = p.page.locator(".leaflet-control-layers label:has(input[type=radio])")
        assert radios.all_text_contents() == [f" {quo}", f" {quo} (2)"]
        radios.nth(1).click()
        shown = p.page.locator(".folium-map").get_attribute("data-kurils-scenario")
        assert shown == "1"
        assert _fills(p, "shikotan")[0][0] == PALETTE["JPN"]
        radios.nth(0).click()
        assert _fills(p, "shikotan")[0][0] == PALETTE["RUS"]
        assert p.errors == []
    finally:
        p.close()
