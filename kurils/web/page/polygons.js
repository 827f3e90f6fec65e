// Leaflet draws a polygon in three passes over its vertices, each making
// objects: _project turns every LatLng into a Point and extends a Bounds with
// it, _clipPoints clips every ring point by point (marking each point with its
// side), and _simplifyPoints drops each point within smoothFactor pixels of
// the last one kept, then simplifies the rest (Douglas-Peucker). At the
// opening view the islands' 25,000 vertices come down to 4,400.
// Here a polygon's projected rings are numbers (a Float64Array each, x and y in
// turn), made with Leaflet's own arithmetic. A ring wholly inside the drawn
// area, which Leaflet's clipPolygon would return as it went in, is simplified
// on these numbers, and only the points kept become Points; any other ring is
// clipped and simplified by Leaflet as before. The same points in the same
// order: the same SVG (tests/test_clip.py compares them).
window.kurils = window.kurils || {};
kurils.polygons = function () {
    var proto = L.Polygon.prototype;
    if (proto._projectLeaflet) { return; }  // a second page script on the page
    proto._projectLeaflet = proto._project;
    // Leaflet's _project writes _rings and fills it; its _clipPoints and any
    // other reader get Points, made from the numbers on first read
    Object.defineProperty(proto, "_rings", {
        get: function () {
            var xy = this._kurilsXY;
            if (!xy) { return this._kurilsRings; }
            for (var i = 0; i < xy.length; i++) { ringPoints(this, i); }
            return this._kurilsPoints;
        },
        set: function (rings) {
            this._kurilsXY = this._kurilsPoints = null;
            this._kurilsRings = rings;
        },
        configurable: true
    });
    proto._project = function () {
        var map = this._map;
        if (!plain(map)) { return this._projectLeaflet(); }
        var rings = [];
        flat(this._latlngs, rings);
        var made = rings.map(function (ring) { return project(map, ring); });
        this._rings = null;
        this._kurilsXY = made.map(function (ring) { return ring.xy; });
        this._kurilsBoxes = made;
        var box = made.reduce(function (all, ring) {
            return {minX: Math.min(ring.minX, all.minX), minY: Math.min(ring.minY, all.minY),
                    maxX: Math.max(ring.maxX, all.maxX), maxY: Math.max(ring.maxY, all.maxY)};
        }, {minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity});
        if (this._bounds.isValid() && box.minX <= box.maxX) {
            this._rawPxBounds = new L.Bounds([box.minX, box.minY], [box.maxX, box.maxY]);
            this._updateBounds();
        }
    };
    // Polyline's _convertLatLngs (Polygon's calls it) on a flat array of
    // LatLngs, as the page's paths are decoded: the same copy, and the bounds
    // extended once by the points' box rather than point by point.
    var line = L.Polyline.prototype, convert = line._convertLatLngs;
    line._convertLatLngsLeaflet = convert;
    line._convertLatLngs = function (latlngs) {
        if (!L.LineUtil.isFlat(latlngs)) { return convert.call(this, latlngs); }
        var out = new Array(latlngs.length);
        var s = Infinity, w = Infinity, n = -Infinity, e = -Infinity;
        for (var i = 0; i < latlngs.length; i++) {
            var ll = latlngs[i];
            if (!(ll instanceof L.LatLng)) { return convert.call(this, latlngs); }
            out[i] = ll;
            s = Math.min(ll.lat, s);
            w = Math.min(ll.lng, w);
            n = Math.max(ll.lat, n);
            e = Math.max(ll.lng, e);
        }
        if (out.length) { this._bounds.extend(new L.LatLngBounds([s, w], [n, e])); }
        return out;
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
    // _clipPoints and _simplifyPoints in one: the parts Leaflet draws
    proto._kurilsParts = function () {
        var bounds = this._renderer._bounds, w = this.options.weight;
        var pad = new L.Point(w, w);
        bounds = new L.Bounds(bounds.min.subtract(pad), bounds.max.add(pad));
        this._parts = [];
        if (!this._pxBounds || !this._pxBounds.intersects(bounds)) { return; }
        var smooth = this.options.smoothFactor, xy = this._kurilsXY;
        for (var i = 0; i < xy.length; i++) {
            var part = inside(this._kurilsBoxes[i], bounds) ? simplified(xy[i], smooth) : L.LineUtil.simplify(
                L.PolyUtil.clipPolygon(ringPoints(this, i), bounds, true), smooth);
            if (part.length) { this._parts.push(part); }
        }
    };

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

    // The flat rings of nested LatLng arrays, in the order _projectLatlngs takes them.
    function flat(latlngs, out) {
        if (latlngs[0] instanceof L.LatLng) { out.push(latlngs); return; }
        for (var i = 0; i < latlngs.length; i++) { flat(latlngs[i], out); }
    }

    // A ring's layer points, as map.latLngToLayerPoint computes each: the
    // projection, the transformation at the map's scale, rounded, less the pixel
    // origin; and the box that holds them (as a Bounds extended point by point).
    function project(map, ring) {
        var crs = map.options.crs, proj = crs.projection, t = crs.transformation;
        var scale = crs.scale(map._zoom), origin = map.getPixelOrigin();
        var mercator = proj === L.Projection.SphericalMercator;
        var d = Math.PI / 180, max = proj.MAX_LATITUDE, R = proj.R;
        var xy = new Float64Array(2 * ring.length);
        var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (var i = 0; i < ring.length; i++) {
            var px, py, ll = ring[i];
            if (mercator) {  // SphericalMercator.project's arithmetic, without its Point
                var sin = Math.sin(Math.max(Math.min(max, ll.lat), -max) * d);
                px = R * ll.lng * d;
                py = R * Math.log((1 + sin) / (1 - sin)) / 2;
            } else {
                var p = proj.project(ll);
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

    // Ring i of a layer as Points, made once a projection.
    function ringPoints(layer, i) {
        var made = layer._kurilsPoints || (layer._kurilsPoints = []);
        return made[i] || (made[i] = points(layer._kurilsXY[i]));
    }

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
    // segment first-last if it is farther than the tolerance, then the same
    // on both sides of it.
    function peucker(r, keep, sq, first, last) {
        var max = 0, index = 0;
        var x1 = r[2 * first], y1 = r[2 * first + 1], x2 = r[2 * last], y2 = r[2 * last + 1];
        for (var i = first + 1; i <= last - 1; i++) {
            var d = segment(r[2 * i], r[2 * i + 1], x1, y1, x2, y2);
            if (d > max) { index = i; max = d; }
        }
        if (max > sq) {
            keep[index] = 1;
            peucker(r, keep, sq, first, index);
            peucker(r, keep, sq, index, last);
        }
    }

    // The squared distance from a point to a segment, as Leaflet's
    // _sqClosestPointOnSegment computes it.
    function segment(px, py, x, y, x2, y2) {
        var dx = x2 - x, dy = y2 - y, dot = dx * dx + dy * dy;
        if (dot > 0) {
            var t = ((px - x) * dx + (py - y) * dy) / dot;
            if (t > 1) {
                x = x2;
                y = y2;
            } else if (t > 0) {
                x += dx * t;
                y += dy * t;
            }
        }
        dx = px - x;
        dy = py - y;
        return dx * dx + dy * dy;
    }
};
