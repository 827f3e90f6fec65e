// Leaflet's polygons and lines, drawn from numbers. Leaflet keeps a shape as
// LatLng objects and draws a polygon in passes over its vertices that each make
// objects: _project turns every LatLng into a Point and extends a Bounds with
// it, _clipPoints clips every ring point by point (marking each point with its
// side), and _simplifyPoints drops each point within smoothFactor pixels of
// the last one kept, then simplifies the rest (Douglas-Peucker). At the
// opening view the islands' 25,000 vertices come down to 4,400, and the page's
// first draw runs all of this once, before the JavaScript engine has compiled it.
// Here a shape made by kurils.shape keeps its paths as the page decoded them
// (a Float64Array of latitudes and longitudes each, and their box) and makes
// its LatLngs only when something reads them. A polygon's rings are projected
// to numbers with Leaflet's own arithmetic, clipped and simplified on them, and
// only the points kept become Points. The same points in the same order: the
// same SVG (tests/test_clip.py compares them with Leaflet's own).
window.kurils = window.kurils || {};

// A Leaflet shape (kind: L.Polygon or L.Polyline) of decoded paths ({ll, box}:
// latitude, longitude, latitude... and [south, west, north, east]), nested as
// the GeoJSON coordinates were: what new kind(LatLngs, options) would make.
// Made as Leaflet's class constructor makes it (options, initialize, then the
// init hooks), the paths given before the hooks run: a hook that reads the
// shape's LatLngs (Leaflet.draw's editing handler keeps them) gets its own.
kurils.shape = function (kind, paths, options) {
    var shape = L.Util.create(kind.prototype), box = [Infinity, Infinity, -Infinity, -Infinity];
    L.Util.setOptions(shape);
    shape.initialize([], options);
    (function each(p) {
        if (!p.ll) { p.forEach(each); return; }
        box = [Math.min(p.box[0], box[0]), Math.min(p.box[1], box[1]),
               Math.max(p.box[2], box[2]), Math.max(p.box[3], box[3])];
    })(paths);
    shape._kurilsPaths = paths;
    if (box[0] <= box[2]) {  // as _convertLatLngs extends the bounds point by point
        shape._bounds = new L.LatLngBounds([box[0], box[1]], [box[2], box[3]]);
    }
    shape.callInitHooks();
    return shape;
};

kurils.polygons = function () {
    var line = L.Polyline.prototype, proto = L.Polygon.prototype;
    if (proto._projectLeaflet) { return; }  // a second page script on the page
    // a shape's LatLngs, made from its paths the first time they are read
    // (getLatLngs, getCenter, toGeoJSON, Leaflet's own _project...); its
    // bounds stay the object getBounds() gave (the same corners: the box of
    // the same points), as in Leaflet, where only setLatLngs replaces them
    Object.defineProperty(line, "_latlngs", {
        get: function () {
            var paths = this._kurilsPaths, bounds = this._bounds;
            if (paths) {
                this._kurilsPaths = null;
                this._setLatLngs(latlngs(paths));
                this._bounds = bounds;
            }
            return this._kurilsLatLngs;
        },
        set: function (value) {
            this._kurilsPaths = null;
            this._kurilsLatLngs = value;
        },
        configurable: true
    });
    // Leaflet's _project writes _rings and fills it; its _clipPoints and any
    // other reader get Points, made from the numbers on first read
    Object.defineProperty(proto, "_rings", {
        get: function () {
            var xy = this._kurilsXY;
            if (!xy) { return this._kurilsRings; }
            if (!this._kurilsPoints) {
                this._kurilsPoints = xy.map(function (ring) { return points(ring.xy); });
            }
            return this._kurilsPoints;
        },
        set: function (rings) {
            this._kurilsXY = this._kurilsPoints = null;
            this._kurilsRings = rings;
        },
        configurable: true
    });
    proto._projectLeaflet = proto._project;
    var projectLatlngs = proto._projectLatlngs;
    var mercatorProject = L.Projection.SphericalMercator.project;  // inlined in project()
    proto._project = function () {
        var map = this._map;
        // Leaflet's own where a shape projects its LatLngs its own way (a
        // class that overrides _projectLatlngs) or the map does
        if (!plain(map) || this._projectLatlngs !== projectLatlngs) {
            return this._projectLeaflet();
        }
        var xy = rings(this).map(function (ring) { return project(map, ring); });
        this._rings = null;  // the setter forgets the last projection: before the new one
        this._kurilsXY = xy;
        var box = xy.reduce(function (all, ring) {
            return {minX: Math.min(ring.minX, all.minX), minY: Math.min(ring.minY, all.minY),
                    maxX: Math.max(ring.maxX, all.maxX), maxY: Math.max(ring.maxY, all.maxY)};
        }, {minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity});
        if (this._bounds.isValid() && box.minX <= box.maxX) {
            this._rawPxBounds = new L.Bounds([box.minX, box.minY], [box.maxX, box.maxY]);
            this._updateBounds();
        }
    };
    var clip = proto._clipPoints, simplify = proto._simplifyPoints;
    proto._updateLeaflet = proto._update;
    proto._update = function () {
        if (!this._map) { return; }
        if (this._kurilsXY && !this.options.noClip &&
            this._clipPoints === clip && this._simplifyPoints === simplify) {
            this._kurilsParts();
        } else {
            this._clipPoints();
            this._simplifyPoints();
        }
        this._updatePath();
    };
    // _clipPoints and _simplifyPoints in one: the parts Leaflet draws. A ring
    // wholly inside the drawn area comes out of Leaflet's clipPolygon as it
    // went in: it is not clipped.
    proto._kurilsParts = function () {
        var bounds = this._renderer._bounds, w = this.options.weight;
        var pad = new L.Point(w, w);
        bounds = new L.Bounds(bounds.min.subtract(pad), bounds.max.add(pad));
        this._parts = [];
        if (!this._pxBounds || !this._pxBounds.intersects(bounds)) { return; }
        var smooth = this.options.smoothFactor, xy = this._kurilsXY;
        for (var i = 0; i < xy.length; i++) {
            var ring = inside(xy[i], bounds) ? xy[i].xy : clipped(xy[i].xy, bounds);
            var part = simplified(ring, smooth);
            if (part.length) { this._parts.push(part); }
        }
    };

    // The LatLngs of nested paths, new for each shape: Leaflet keeps the
    // LatLng objects it is given (it copies only the arrays), and a shape's
    // LatLngs are its own to change (Leaflet.draw moves a vertex in place).
    function latlngs(paths) {
        if (!paths.ll) { return paths.map(latlngs); }
        var ll = paths.ll, out = new Array(ll.length / 2);
        for (var i = 0; i < out.length; i++) { out[i] = new L.LatLng(ll[2 * i], ll[2 * i + 1]); }
        return out;
    }

    // Whether the map turns a LatLng into a layer point as Leaflet's own code
    // does (a transformation of the CRS's projection), which project() repeats.
    function plain(map) {
        var crs = map.options.crs, t = crs.transformation;
        return map.latLngToLayerPoint === L.Map.prototype.latLngToLayerPoint &&
            map.project === L.Map.prototype.project &&
            crs.latLngToPoint === L.CRS.latLngToPoint &&
            t instanceof L.Transformation &&
            t._transform === L.Transformation.prototype._transform;
    }

    // A polygon's rings, in the order _projectLatlngs takes them, as numbers
    // ({ll, n}: latitudes and longitudes, and how many points are the ring's):
    // without the closing point, which Polygon's _convertLatLngs drops when it
    // equals the first; an empty ring is no ring.
    function rings(polygon) {
        var out = [];
        var paths = polygon._kurilsPaths;
        if (paths) {
            flatPaths(paths, out);
        } else {
            flatLatLngs(polygon._latlngs, out);
        }
        return out;
    }
    function flatPaths(paths, out) {
        if (!paths.ll) { paths.forEach(function (p) { flatPaths(p, out); }); return; }
        var ll = paths.ll, n = ll.length / 2;
        if (n >= 2 && Math.max(Math.abs(ll[0] - ll[2 * n - 2]),
                               Math.abs(ll[1] - ll[2 * n - 1])) <= 1e-9) {
            n--;  // LatLng.equals, within its margin
        }
        if (n) { out.push({ll: ll, n: n}); }
    }
    function flatLatLngs(latlngs, out) {
        if (!(latlngs[0] instanceof L.LatLng)) {
            latlngs.forEach(function (l) { flatLatLngs(l, out); });
            return;
        }
        var ll = new Float64Array(2 * latlngs.length);
        latlngs.forEach(function (l, i) { ll[2 * i] = l.lat; ll[2 * i + 1] = l.lng; });
        out.push({ll: ll, n: latlngs.length});
    }

    // A ring's layer points, as map.latLngToLayerPoint computes each: the
    // projection, the transformation at the map's scale, rounded, less the pixel
    // origin; and the box that holds them (as a Bounds extended point by point).
    function project(map, ring) {
        var crs = map.options.crs, proj = crs.projection, t = crs.transformation;
        var scale = crs.scale(map._zoom), origin = map.getPixelOrigin();
        var mercator = proj === L.Projection.SphericalMercator && proj.project === mercatorProject;
        var d = Math.PI / 180, max = proj.MAX_LATITUDE, R = proj.R;
        var ll = ring.ll, xy = new Float64Array(2 * ring.n);
        var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (var i = 0; i < ring.n; i++) {
            var px, py, lat = ll[2 * i], lng = ll[2 * i + 1];
            if (mercator) {  // SphericalMercator.project's arithmetic, without its Point
                var sin = Math.sin(Math.max(Math.min(max, lat), -max) * d);
                px = R * lng * d;
                py = R * Math.log((1 + sin) / (1 - sin)) / 2;
            } else {
                var p = proj.project(new L.LatLng(lat, lng));
                px = p.x;
                py = p.y;
            }
            var x = Math.round(scale * (t._a * px + t._b)) - origin.x;
            var y = Math.round(scale * (t._c * py + t._d)) - origin.y;
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
            minX = Math.min(x, minX);
            maxX = Math.max(x, maxX);
            minY = Math.min(y, minY);
            maxY = Math.max(y, maxY);
        }
        return {xy: xy, minX: minX, minY: minY, maxX: maxX, maxY: maxY};
    }

    // The points of xy (x, y, x, y...) as Points.
    function points(xy) {
        var out = new Array(xy.length / 2);
        for (var i = 0; i < out.length; i++) { out[i] = new L.Point(xy[2 * i], xy[2 * i + 1]); }
        return out;
    }

    // Whether every point of a ring (its box) lies within bounds (a point is
    // outside only past a bound, as Leaflet's _getBitCode has it).
    function inside(box, bounds) {
        return box.minX >= bounds.min.x && box.maxX <= bounds.max.x &&
            box.minY >= bounds.min.y && box.maxY <= bounds.max.y;
    }

    // L.PolyUtil.clipPolygon(points, bounds, true) on numbers (Sutherland-Hodgman:
    // the ring clipped by each edge of bounds in turn, left, top, right, bottom).
    // A point is past an edge as its _getBitCode has it: x < min.x is past the
    // left edge, else x > max.x past the right one (and so for y).
    function clipped(xy, bounds) {
        var min = bounds.min, max = bounds.max, edges = [1, 4, 2, 8];
        for (var k = 0; k < 4; k++) {
            var edge = edges[k], axis = edge < 4 ? 0 : 1, low = edge === 1 || edge === 4;
            var lo = axis ? min.y : min.x, hi = axis ? max.y : max.x;
            var n = xy.length / 2, out = [];
            var v = xy[2 * n - 2 + axis], bIn = !(low ? v < lo : !(v < lo) && v > hi);
            for (var i = 0, j = n - 1; i < n; j = i++) {
                var ax = xy[2 * i], ay = xy[2 * i + 1];
                v = axis ? ay : ax;
                var aIn = !(low ? v < lo : !(v < lo) && v > hi);
                if (aIn !== bIn) { crossing(xy[2 * j], xy[2 * j + 1], ax, ay, edge, min, max, out); }
                if (aIn) { out.push(ax, ay); }
                bIn = aIn;
            }
            xy = out;
        }
        return xy;
    }

    // Where segment a-b crosses the bound of edge, rounded (Leaflet's
    // _getEdgeIntersection, with the same arithmetic), added to out.
    function crossing(ax, ay, bx, by, edge, min, max, out) {
        var dx = bx - ax, dy = by - ay, x, y;
        if (edge & 8) {
            x = ax + dx * (max.y - ay) / dy;
            y = max.y;
        } else if (edge & 4) {
            x = ax + dx * (min.y - ay) / dy;
            y = min.y;
        } else if (edge & 2) {
            x = max.x;
            y = ay + dy * (max.x - ax) / dx;
        } else {
            x = min.x;
            y = ay + dy * (min.x - ax) / dx;
        }
        out.push(Math.round(x), Math.round(y));
    }

    // The Points L.LineUtil.simplify(points, smooth) returns, for the points
    // of xy: those farther than smooth pixels from the last one kept, and the
    // last (its _reducePoints), then those its _simplifyDP keeps of these.
    function simplified(xy, smooth) {
        var n = xy.length / 2;
        if (!smooth || !n) { return points(xy); }
        var sq = smooth * smooth, r = new Float64Array(xy.length), m = 1, last = 0;
        r[0] = xy[0];
        r[1] = xy[1];
        for (var i = 1; i < n; i++) {
            var dx = xy[2 * i] - r[2 * m - 2], dy = xy[2 * i + 1] - r[2 * m - 1];
            if (dx * dx + dy * dy > sq) {
                r[2 * m] = xy[2 * i];
                r[2 * m + 1] = xy[2 * i + 1];
                m++;
                last = i;
            }
        }
        if (last < n - 1) {
            r[2 * m] = xy[2 * n - 2];
            r[2 * m + 1] = xy[2 * n - 1];
            m++;
        }
        var keep = new Uint8Array(m), out = [];
        keep[0] = keep[m - 1] = 1;
        peucker(r, keep, sq, 0, m - 1);
        for (var j = 0; j < m; j++) {
            if (keep[j]) { out.push(new L.Point(r[2 * j], r[2 * j + 1])); }
        }
        return out;
    }

    // Leaflet's _simplifyDPStep on numbers: keep the point farthest from the
    // segment first-last if it is farther than the tolerance, then the same on
    // both sides of it. The squared distance to the segment is computed inline
    // as Leaflet's _sqClosestPointOnSegment computes it (a call a point would
    // cost more than the arithmetic in the page's first, uncompiled run).
    function peucker(r, keep, sq, first, last) {
        var max = 0, index = 0;
        var x1 = r[2 * first], y1 = r[2 * first + 1];
        var sx = r[2 * last] - x1, sy = r[2 * last + 1] - y1, dot = sx * sx + sy * sy;
        for (var i = first + 1; i <= last - 1; i++) {
            var px = r[2 * i], py = r[2 * i + 1], x = x1, y = y1;
            if (dot > 0) {
                var t = ((px - x) * sx + (py - y) * sy) / dot;
                if (t > 1) {
                    x = r[2 * last];
                    y = r[2 * last + 1];
                } else if (t > 0) {
                    x += sx * t;
                    y += sy * t;
                }
            }
            var d = (px - x) * (px - x) + (py - y) * (py - y);
            if (d > max) { index = i; max = d; }
        }
        if (max > sq) {
            keep[index] = 1;
            peucker(r, keep, sq, first, index);
            peucker(r, keep, sq, index, last);
        }
    }
};
