// The page's geometry, each path once (kurils.web.shapes in Python): the paths
// are decoded here, and a feature whose geometry is {type: "Paths", of, paths}
// gets its GeoJSON geometry back just before Leaflet draws it, so every style,
// tooltip, popup, search and the view switch see plain GeoJSON.
window.kurils = window.kurils || {};
kurils.paths = function (alphabet, encoded) {
    var digit = {};
    for (var i = 0; i < alphabet.length; i++) { digit[alphabet.charAt(i)] = i; }
    function decode(text) {
        var scale = Math.pow(10, +text.charAt(0));
        var out = [], xy = [0, 0], axis = 0, n = 0, unit = 1;
        for (var i = 1; i < text.length; i++) {
            var c = digit[text.charAt(i)];
            n += (c % 32) * unit;  // no bit operators: a number may pass 32 bits
            if (c >= 32) { unit *= 32; continue; }
            xy[axis] += n % 2 ? -(n + 1) / 2 : n / 2;  // unfold the zigzag
            n = 0; unit = 1;
            if (axis === 1) { out.push([xy[0] / scale, xy[1] / scale]); }
            axis = 1 - axis;
        }
        return out;
    }
    // features that draw the same path share its array: Leaflet only reads it
    var paths = encoded.map(decode);
    function nested(numbers) {
        return typeof numbers === "number" ? paths[numbers] : numbers.map(nested);
    }
    function geometry(g) {
        return g && g.type === "Paths" ? {type: g.of, coordinates: nested(g.paths)} : g;
    }
    var addData = L.GeoJSON.prototype.addData;
    L.GeoJSON.include({
        addData: function (data) {
            if (data && data.type === "Feature") {
                data.geometry = geometry(data.geometry);
            } else {
                data = geometry(data);
            }
            return addData.call(this, data);
        }
    });
};
