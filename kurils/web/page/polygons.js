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
        var box = {minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity};
        var xy = rings.map(function (ring) { return project(map, ring, box); });
        this._rings = null;
        this._kurilsXY = xy;
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
    // _clipPoints and _simplifyPoints in one: the parts Leaflet draws
    proto._kurilsParts = function () {
        var bounds = this._renderer._bounds, w = this.options.weight;
        var pad = new L.Point(w, w);
        bounds = new L.Bounds(bounds.min.subtract(pad), bounds.max.add(pad));
        this._parts = [];
        if (!this._pxBounds || !this._pxBounds.intersects(bounds)) { return; }
        var smooth = this.options.smoothFactor, xy = this._kurilsXY;
        for (var i = 0; i < xy.length; i++) {
            var part = inside(xy[i], bounds) ? simplified(xy[i], smooth) : L.LineUtil.simplify(
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
    // origin. ``box`` grows to hold them (as a Bounds extended point by point).
    function project(map, ring, box) {
        var crs = map.options.crs, proj = crs.projection, t = crs.transformation;
        var scale = crs.scale(map._zoom), origin = map.getPixelOrigin();
        var out = new Float64Array(2 * ring.length);
        for (var i = 0; i < ring.length; i++) {
            var p = proj.project(ring[i]);
            var x = Math.round(scale * (t._a * p.x + t._b)) - origin.x;
            var y = Math.round(scale * (t._c * p.y + t._d)) - origin.y;
            out[2 * i] = x;
            out[2 * i + 1] = y;
            box.minX = Math.min(x, box.minX);
            box.maxX = Math.max(x, box.maxX);
            box.minY = Math.min(y, box.minY);
            box.maxY = Math.max(y, box.maxY);
        }
        return out;
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

    // Whether every point lies within bounds (a point is outside only past a
    // bound, as Leaflet's _getBitCode has it).
    function inside(xy, bounds) {
        var min = bounds.min, max = bounds.max;
        for (var i = 0; i < xy.length; i += 2) {
            var x = xy[i], y = xy[i + 1];
            if (x < min.x || x > max.x || y < min.y || y > max.y) { return false; }
        }
        return true;
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
