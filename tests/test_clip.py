"""The page copies, rather than clips, a polygon's rings that lie wholly inside
the drawn area (kurils/web/page/shapes.js, clipInside): every SVG path is the
one Leaflet's own clipping draws, at the opening view and at others."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# every polygon's SVG path, drawn with the page's clipping, then with Leaflet's
_BOTH = """([m, view]) => {
    if (view) { m.setView(view[0], view[1], {animate: false}); }
    const polygons = [];
    m.eachLayer(l => { if (l instanceof L.Polygon && l._path) polygons.push(l); });
    const drawn = () => polygons.map(l => l._path.getAttribute('d'));
    const proto = L.Polygon.prototype, ours = proto._clipPoints;
    const before = drawn();
    proto._clipPoints = proto._clipPointsLeaflet;
    polygons.forEach(l => l.redraw());
    const leaflet = drawn();
    proto._clipPoints = ours;
    polygons.forEach(l => l.redraw());
    return [before, leaflet, drawn()];
}"""


@pytest.mark.parametrize(
    "view",
    [
        None,  # the opening view: the chain framed
        [[45.0, 148.0], 9],  # Iturup's coast, cut by the map's edges
        [[43.6, 145.6], 11],  # the Habomai islets close up
        [[47.0, 151.0], 3],  # far out
        [[43.0, 142.0], 7],  # Hokkaido across the edges
    ],
)
def test_the_page_draws_every_polygon_as_leaflet_clips_it(
    open_page, default_file, view
):
    page = open_page(default_file)
    try:
        page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
        page.page.get_by_text("Russian administration (districts)", exact=True).click()
        ours, leaflet, again = page.page.evaluate(_BOTH, [page.map, view])
        assert len(ours) > 40 and all(ours)
        assert ours == leaflet == again
        assert page.errors == []
    finally:
        page.close()
