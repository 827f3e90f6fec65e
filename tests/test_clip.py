"""The page projects a polygon's rings to numbers, and copies, rather than
clips, the rings that lie wholly inside the drawn area, keeping only the points
Leaflet's simplifying would keep (kurils/web/page/polygons.js): every SVG path
is the one Leaflet's own projection, clipping and simplifying draw, at the
opening view and at others; and Leaflet's clipping and simplifying, given the
page's projection (its rings read back as Points), draw the same. Each shape is
the one Leaflet makes of its feature's GeoJSON: the same LatLngs and bounds,
its own LatLngs (none shared with a shape that draws the same path), the same
bounds object before and after its LatLngs are made, and its LatLngs in place
when Leaflet's init hooks run (Leaflet.draw's editing); and the page projects as
Leaflet does where a class or the projection does it its own way."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# every polygon's SVG path, drawn by the page, then by Leaflet alone, then by
# the page's projection and Leaflet's clipping and simplifying, then by the
# page again; and
# whether the page drew each from numbers
_BOTH = """([m, view]) => {
    if (view) { m.setView(view[0], view[1], {animate: false}); }
    const polygons = [];
    m.eachLayer(l => { if (l instanceof L.Polygon && l._path) polygons.push(l); });
    const fast = polygons.map(l => !!l._kurilsXY);
    const drawn = () => polygons.map(l => l._path.getAttribute('d'));
    const proto = L.Polygon.prototype;
    const ours = [proto._project, proto._update];
    const leaflet = [proto._projectLeaflet, proto._updateLeaflet];
    const draw = ([project, update]) => {
        [proto._project, proto._update] = [project, update];
        polygons.forEach(l => l.redraw());
        return drawn();
    };
    const before = drawn();
    const alone = draw(leaflet);
    const mixed = draw([ours[0], leaflet[1]]);
    return [fast, before, alone, mixed, draw(ours)];
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
def test_the_page_draws_every_polygon_as_leaflet_draws_it(
    open_page, default_file, view
):
    page = open_page(default_file)
    try:
        page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
        page.page.get_by_text("Russian administration (districts)", exact=True).click()
        fast, ours, leaflet, mixed, again = page.page.evaluate(_BOTH, [page.map, view])
        assert len(ours) > 40 and all(ours) and all(fast)
        assert ours == leaflet == mixed == again
        assert page.errors == []
    finally:
        page.close()


# each drawn line and polygon: its bounds as made from the page's paths, then
# its LatLngs and bounds once read, then those Leaflet makes of its feature's
# GeoJSON geometry (read back from the paths)
_LATLNGS = """(m) => {
    const shapes = [];
    m.eachLayer(l => { if (l instanceof L.Polyline && l.feature) shapes.push(l); });
    const bounds = shapes.map(l => l.getBounds().toBBoxString());
    const flat = l => JSON.stringify([l.getLatLngs(), l.getBounds().toBBoxString()]);
    return [bounds, shapes.map(flat), shapes.map(l => flat(L.GeoJSON.geometryToLayer(l.feature))),
            shapes.map(l => l.feature.geometry.type)];
}"""


def test_the_page_makes_each_shape_as_leaflet_makes_it_of_geojson(
    open_page, default_file
):
    page = open_page(default_file)
    try:
        page.page.get_by_text("Russian administration (districts)", exact=True).click()
        bounds, ours, leaflet, kinds = page.page.evaluate(_LATLNGS, page.map)
        assert len(ours) > 30 and ours == leaflet
        assert bounds == [json.loads(shape)[1] for shape in leaflet]
        assert {"MultiPolygon", "LineString"} <= set(kinds)
        assert page.errors == []
    finally:
        page.close()


# each drawn line and polygon, read as anything may read it: whether its
# LatLngs are its own (no LatLng object in two shapes, as when Leaflet makes
# each shape of its own GeoJSON positions: Leaflet.draw moves a vertex in
# place), whether getBounds() is the same object before and after its LatLngs
# are made, and how many paths the page gave to more than one shape
_OWN = """(m) => {
    const shapes = [];
    m.eachLayer(l => { if (l instanceof L.Polyline && l.feature) shapes.push(l); });
    const paths = new Map();
    shapes.forEach(l => [l._kurilsPaths].flat(3).forEach(p => {
        if (p) paths.set(p, (paths.get(p) || 0) + 1);
    }));
    const bounds = shapes.map(l => l.getBounds());
    const latlngs = shapes.map(l => l.getLatLngs().flat(3));
    const kept = shapes.every((l, i) => l.getBounds() === bounds[i]);
    const all = latlngs.flat();
    return [[...paths.values()].filter(n => n > 1).length, kept, all.length,
            new Set(all).size];
}"""


def test_each_shape_has_its_own_latlngs_and_bounds(open_page, default_file):
    page = open_page(default_file)
    try:
        page.page.get_by_text("Maritime zones (illustration)", exact=True).click()
        page.page.get_by_text("Russian administration (districts)", exact=True).click()
        shared_paths, kept, latlngs, distinct = page.page.evaluate(_OWN, page.map)
        assert shared_paths > 0  # paths that two shapes draw: the case in point
        assert kept
        assert latlngs > 10_000 and distinct == latlngs
        assert page.errors == []
    finally:
        page.close()


# Leaflet.draw (a plugin kurils inlines) gives each line and polygon an editing
# handler when it is made (an init hook), which keeps the shape's LatLngs: its
# vertex markers are those LatLngs
_EDITING = """(m) => {
    const shapes = [];
    m.eachLayer(l => { if (l instanceof L.Polyline && l.feature) shapes.push(l); });
    const own = shapes.filter(l => l.editing.latlngs[0] === l.getLatLngs()).length;
    // a polygon of one ring (Leaflet.draw edits no multipolygon)
    const polygon = shapes.find(l => l instanceof L.Polygon && l.getLatLngs().length === 1 &&
                                     L.LineUtil.isFlat(l.getLatLngs()[0]));
    polygon.options.editing = {};
    polygon.options.original = {};
    polygon.editing.enable();
    const markers = polygon.editing._verticesHandlers[0]._markers.length;
    return [shapes.length, own, markers, polygon._defaultShape().length];
}"""


def test_leaflet_draw_edits_the_shapes_latlngs(open_page, tmp_path):
    from folium import plugins

    import kurils

    m = kurils.build_map()
    plugins.Draw().add_to(m)
    page = open_page(kurils.save_map(m, tmp_path / "draw.html"))
    try:
        shapes, own, markers, vertices = page.page.evaluate(_EDITING, page.map)
        assert shapes > 10 and own == shapes
        assert markers == vertices > 3
        assert page.errors == []
    finally:
        page.close()


# a polygon of a class that projects its LatLngs its own way (_projectLatlngs),
# drawn by the page, then by Leaflet's own _project
_SUBCLASS = """(m) => {
    const Shifted = L.Polygon.extend({_projectLatlngs: function (latlngs, rings, bounds) {
        L.Polygon.prototype._projectLatlngs.call(this, latlngs, rings, bounds);
        rings.forEach(ring => ring.forEach(p => { p.x += 10; }));
    }});
    const shape = new Shifted([[43.9, 145.5], [44.2, 145.9], [43.8, 146.1]]).addTo(m);
    const ours = shape._path.getAttribute('d');
    const proto = L.Polygon.prototype, project = proto._project;
    proto._project = proto._projectLeaflet;
    shape.redraw();
    proto._project = project;
    return [ours, shape._path.getAttribute('d')];
}"""


def test_a_polygon_class_projecting_its_own_way_is_drawn_as_leaflet_draws_it(
    open_page, default_file
):
    page = open_page(default_file)
    try:
        ours, leaflet = page.page.evaluate(_SUBCLASS, page.map)
        assert ours == leaflet
        assert page.errors == []
    finally:
        page.close()


# every polygon's SVG path with SphericalMercator's project replaced (a plugin's
# own projection arithmetic), drawn by the page, then by Leaflet's own _project
_PROJECTION = """(m) => {
    const mercator = L.Projection.SphericalMercator, project = mercator.project;
    mercator.project = function (latlng) { return project.call(this, latlng).add([20000, 0]); };
    const polygons = [];
    m.eachLayer(l => { if (l instanceof L.Polygon && l._path) polygons.push(l); });
    const drawn = () => polygons.map(l => { l.redraw(); return l._path.getAttribute('d'); });
    const ours = drawn();
    const proto = L.Polygon.prototype, own = proto._project;
    proto._project = proto._projectLeaflet;
    const leaflet = drawn();
    proto._project = own;
    mercator.project = project;
    return [ours, leaflet];
}"""


def test_a_projection_of_its_own_is_drawn_as_leaflet_draws_it(open_page, default_file):
    page = open_page(default_file)
    try:
        ours, leaflet = page.page.evaluate(_PROJECTION, page.map)
        assert len(ours) > 10 and ours == leaflet
        assert page.errors == []
    finally:
        page.close()
