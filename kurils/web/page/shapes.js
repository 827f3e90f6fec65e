// The page's geometry, each path once (kurils.web.shapes in Python): the paths
// are decoded here, to numbers. A feature whose geometry is {type: "Paths",
// of, paths} becomes the polygon or line Leaflet would make of its GeoJSON,
// made of these numbers (kurils.shape, polygons.js), and gets its GeoJSON
// geometry back when anything reads it: every style, tooltip, popup, search
// and the view switch see plain GeoJSON.
window.kurils = window.kurils || {};
kurils.paths = function (alphabet, encoded) {
    var digit = new Uint8Array(128);  // by character code (the alphabet is ASCII)
    for (var i = 0; i < alphabet.length; i++) { digit[alphabet.charCodeAt(i)] = i; }
    // a path: {ll: latitude, longitude, latitude..., box: [south, west, north, east]}
    function decode(text) {
        var scale = Math.pow(10, +text.charAt(0));
        var ll = new Float64Array(text.length - 1);  // room for the most numbers
        var x = 0, y = 0, axis = 0, n = 0, unit = 1, m = 0;
        var s = Infinity, w = Infinity, north = -Infinity, e = -Infinity;
        for (var i = 1; i < text.length; i++) {
            var c = digit[text.charCodeAt(i)];
            n += (c % 32) * unit;  // no bit operators: a number may pass 32 bits
            if (c >= 32) { unit *= 32; continue; }
            var step = n % 2 ? -(n + 1) / 2 : n / 2;  // unfold the zigzag
            n = 0; unit = 1;
            if (axis === 0) {
                x += step;
            } else {
                y += step;
                var lat = y / scale, lng = x / scale;  // as coordsToLatLng reads [x, y]
                ll[m++] = lat;
                ll[m++] = lng;
                s = Math.min(lat, s);
                w = Math.min(lng, w);
                north = Math.max(lat, north);
                e = Math.max(lng, e);
            }
            axis = 1 - axis;
        }
        return {ll: ll.subarray(0, m), box: [s, w, north, e]};
    }
    // each path decoded when a feature first needs it (a hidden layer's, when
    // the layer is shown); features that draw the same path share its numbers,
    // which are only read (each shape makes its own LatLngs: polygons.js)
    var paths = [];
    function nested(numbers) {
        if (typeof numbers !== "number") { return numbers.map(nested); }
        return paths[numbers] || (paths[numbers] = decode(encoded[numbers]));
    }
    function positions(p) {  // GeoJSON's, as the paths were written
        if (!p.ll) { return p.map(positions); }
        var out = new Array(p.ll.length / 2);
        for (var i = 0; i < out.length; i++) { out[i] = [p.ll[2 * i + 1], p.ll[2 * i]]; }
        return out;
    }
    function geometry(g) {
        return g && g.type === "Paths" ? {type: g.of, coordinates: positions(nested(g.paths))} : g;
    }
    // feature.geometry, made plain GeoJSON when first read (or set)
    function plainly(feature, g) {
        function value(v) {
            Object.defineProperty(feature, "geometry",
                {value: v, writable: true, enumerable: true, configurable: true});
            return v;
        }
        Object.defineProperty(feature, "geometry", {
            get: function () { return value(geometry(g)); },
            set: value, enumerable: true, configurable: true
        });
    }
    // Leaflet's addData for one such feature, its layer the one geometryToLayer
    // makes, of the decoded paths
    var kinds = {LineString: L.Polyline, MultiLineString: L.Polyline,
                 Polygon: L.Polygon, MultiPolygon: L.Polygon};
    function direct(layer, feature) {
        var g = feature && feature.type === "Feature" && feature.geometry;
        return g && g.type === "Paths" && kinds.hasOwnProperty(g.of) &&
            !layer.options.coordsToLatLng;
    }
    function addPaths(layer, feature) {
        var g = feature.geometry, options = layer.options;
        plainly(feature, g);
        if (options.filter && !options.filter(feature)) { return layer; }
        var shape = kurils.shape(kinds[g.of], nested(g.paths), options);
        shape.feature = feature;
        shape.defaultOptions = shape.options;
        layer.resetStyle(shape);
        if (options.onEachFeature) { options.onEachFeature(feature, shape); }
        return layer.addLayer(shape);
    }
    var proto = L.GeoJSON.prototype;
    var addData = proto.addData, onAdd = proto.onAdd, eachLayer = proto.eachLayer;
    // A layer hidden when the page opens (option kurilsDefer) keeps its data
    // and builds its features the first time it is added to the map, or the
    // first time anything asks for them (eachLayer, getLayers, setStyle,
    // getBounds...): the page opens without building what it does not show.
    function build(layer) {
        var waiting = layer._kurilsWaiting;
        if (!layer.options.kurilsDefer || layer._kurilsBuilt) { return; }
        layer._kurilsBuilt = true;
        layer._kurilsWaiting = null;
        (waiting || []).forEach(function (data) { layer.addData(data); });
    }
    function built(method) {
        return function () {
            build(this);
            return method.apply(this, arguments);
        };
    }
    L.GeoJSON.include({
        addData: function (data) {
            if (this.options.kurilsDefer && !this._kurilsBuilt) {
                (this._kurilsWaiting = this._kurilsWaiting || []).push(data);
                return this;
            }
            if (direct(this, data)) { return addPaths(this, data); }
            if (data && data.type === "Feature") {
                data.geometry = geometry(data.geometry);
            } else {
                data = geometry(data);
            }
            return addData.call(this, data);
        },
        onAdd: built(onAdd),
        eachLayer: built(eachLayer),
        getBounds: built(proto.getBounds),
        getLayer: built(proto.getLayer),
        hasLayer: built(proto.hasLayer),
        clearLayers: built(proto.clearLayers),
        setStyle: built(proto.setStyle),
        bringToFront: built(proto.bringToFront),
        bringToBack: built(proto.bringToBack)
        // not invoke: the layer control gives every overlay a z-index
        // (setZIndex), which paths and markers do not have
    });
    kurils.polygons();  // polygons.js
};

