"""The page on every screen: phones, tablets, laptops and large monitors.

At each size the chain is framed inside the viewport and clear of every
control, no two controls overlap, named labels are not cut by the edge, and on
small screens the layer control and the legend start folded and open on a tap.
"""

from __future__ import annotations

import pytest

import kurils

pytestmark = pytest.mark.browser

# phones, a tablet, laptops, a monitor, and a notebook's inline map (940 wide,
# its iframe 60 % as high)
SIZES = [(360, 640), (390, 844), (768, 1024), (940, 564), (1280, 800), (1920, 1080)]
PHONE = (390, 844)


def _boxes(page) -> dict:
    """Bounding boxes (x0, y0, x1, y1) of the chain's frame and each control."""
    return page.evaluate(
        """([frame]) => {
            const key = Object.keys(window).find(k => k.startsWith('map_'));
            const m = window[key];
            const a = m.latLngToContainerPoint(frame[0]);
            const b = m.latLngToContainerPoint(frame[1]);
            const edge = m.getContainer().getBoundingClientRect();
            const chain = [Math.min(a.x, b.x) + edge.left, Math.min(a.y, b.y) + edge.top,
                           Math.max(a.x, b.x) + edge.left, Math.max(a.y, b.y) + edge.top];
            const controls = [...document.querySelectorAll('.leaflet-control')]
                .map(c => [c.className, c.getBoundingClientRect()])
                .filter(([, r]) => r.width > 0 && r.height > 0)
                .map(([n, r]) => [n, [r.left, r.top, r.right, r.bottom]]);
            return {chain, controls,
                    layout: m.getContainer().getAttribute('data-kurils-layout')};
        }""",
        [FRAME],
    )


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def _chain_frame():
    islands = kurils.load_islands()
    minx, miny, maxx, maxy = islands[islands.group != "context"].total_bounds
    return [[miny, minx], [maxy, maxx]]


FRAME = _chain_frame()


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    out = {}
    for lang in ("en", "ru", "ja"):
        out[lang] = kurils.save_map(
            kurils.build_map(lang=lang), folder / f"{lang}.html"
        )
    out["history"] = kurils.save_map(
        kurils.build_map(history=True), folder / "history.html"
    )
    out["scenarios"] = kurils.save_map(
        kurils.build_map(scenarios=True), folder / "scenarios.html"
    )
    return out


def _open(browser, path, size):
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height},
        has_touch=width < 800,
        is_mobile=width < 800,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("[data-kurils-layout]")
    return context, page, errors


@pytest.mark.parametrize(
    ("size", "lang"), [(s, "en") for s in SIZES] + [(PHONE, "ru"), (PHONE, "ja")]
)
def test_chain_framed_clear_of_controls(browser, maps, output_dir, size, lang):
    context, page, errors = _open(browser, maps[lang], size)
    try:
        width, height = size
        got = _boxes(page)
        x0, y0, x1, y1 = got["chain"]
        assert x0 >= -1 and y0 >= -1 and x1 <= width + 1 and y1 <= height + 1
        # useful: the chain fills most of the room in one direction at least
        assert (x1 - x0) >= 0.45 * width or (y1 - y0) >= 0.45 * height, got["chain"]
        for name, box in got["controls"]:
            assert not _overlap(got["chain"], box), (name, box, got["chain"])
        controls = got["controls"]
        for i, (a, box_a) in enumerate(controls):
            for b, box_b in controls[i + 1 :]:
                assert not _overlap(box_a, box_b), (a, b)
        small = width < 640 or height < 560
        assert got["layout"] == ("small" if small else "wide")
        expanded = page.locator(".leaflet-control-layers-expanded").count()
        legend_open = page.evaluate(
            "document.querySelector('.kurils-legend details').open"
        )
        if small:  # folded on a phone
            assert expanded == 0 and not legend_open
        elif size == (940, 564):  # a notebook: too low for both, the legend folds
            assert expanded == 1 and not legend_open
        else:
            assert expanded == 1 and legend_open
        _labels_not_cut(page, width, height)
        assert errors == []
        if size == PHONE:
            page.screenshot(path=str(output_dir / f"map_phone_{lang}.png"))
    finally:
        context.close()


def _labels_not_cut(page, width, height):
    """A label shown partly on screen is wholly on screen."""
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.kurils-label')]
            .filter(l => getComputedStyle(l.closest('.leaflet-marker-icon')).opacity !== '0')
            .map(l => { const r = l.getBoundingClientRect();
                        return [l.textContent, r.left, r.top, r.right, r.bottom]; })"""
    )
    for text, x0, y0, x1, y1 in boxes:
        if x1 > 0 and x0 < width and y1 > 0 and y0 < height:
            assert x0 >= -1 and y0 >= -1 and x1 <= width + 1 and y1 <= height + 1, text
    for i, a in enumerate(boxes):  # and no name is printed over another
        for b in boxes[i + 1 :]:
            assert not _overlap(a[1:], b[1:]), (a[0], b[0])
    assert len(boxes) >= 8  # the large islands stay named


def test_phone_controls_fold_and_open_by_touch(browser, maps):
    context, page, errors = _open(browser, maps["en"], PHONE)
    try:
        page.locator(".leaflet-control-layers-toggle").tap()
        assert page.locator(".leaflet-control-layers-expanded").count() == 1
        page.locator(".leaflet-container").tap(position={"x": 200, "y": 420})
        assert page.locator(".leaflet-control-layers-expanded").count() == 0
        page.locator(".kurils-legend summary").tap()
        assert page.evaluate("document.querySelector('.kurils-legend details').open")
        assert errors == []
    finally:
        context.close()


def test_phone_history_slider_fits_and_slides_by_touch(browser, maps):
    context, page, errors = _open(browser, maps["history"], PHONE)
    try:
        box = page.locator(".kurils-slider input").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0]
        assert box["y"] + box["height"] <= PHONE[1]
        page.touchscreen.tap(
            box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2
        )
        date = page.evaluate(
            "document.querySelector('.folium-map').getAttribute('data-kurils-date')"
        )
        assert date > "1900-01-01"
        assert errors == []
    finally:
        context.close()


# the smallest phone, the notebook, a laptop and a monitor (the other sizes lie
# between these for this page)
@pytest.mark.parametrize("size", [SIZES[0], SIZES[3], SIZES[4], SIZES[5]])
def test_scenario_switch_keeps_controls_apart_on_every_screen(
    browser, maps, output_dir, size
):
    """The scenario switch: the chain framed clear of the controls, and after
    choosing each scenario (its stakes table filled) no two controls overlap;
    on a phone the scenarios are chosen by touch in the folded layer control."""
    context, page, errors = _open(browser, maps["scenarios"], size)
    try:
        width, height = size
        got = _boxes(page)
        x0, y0, x1, y1 = got["chain"]
        assert x0 >= -1 and y0 >= -1 and x1 <= width + 1 and y1 <= height + 1
        for name, box in got["controls"]:
            assert not _overlap(got["chain"], box), (name, box, got["chain"])
        if size == SIZES[0]:
            page.screenshot(path=str(output_dir / "scenarios_phone_en.png"))
        radios = page.locator(".leaflet-control-layers input[type=radio]")
        assert radios.count() == len(kurils.scenarios())
        for k in range(radios.count()):
            if got["layout"] == "small":  # open the folded control, as a reader would
                page.locator(".leaflet-control-layers-toggle").tap()
                radios.nth(k).tap()
                page.locator(".leaflet-container").tap(
                    position={"x": width // 2, "y": height - 120}
                )
            else:
                radios.nth(k).click()
            controls = _boxes(page)["controls"]
            for i, (a, box_a) in enumerate(controls):
                for b, box_b in controls[i + 1 :]:
                    assert not _overlap(box_a, box_b), (k, a, b)
            rows = page.locator(".kurils-legend table.kurils-stakes tr").count()
            assert rows >= 8
            if got["layout"] == "wide" and size != (940, 564):
                # the table stays in view: the legend scrolls in the room left
                open_ = "document.querySelector('.kurils-legend details').open"
                assert page.evaluate(open_), k
        assert errors == []
    finally:
        context.close()
