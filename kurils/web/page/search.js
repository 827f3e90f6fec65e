// Search an island by any of its names. The names travel escaped in the data;
// they are decoded here (a textarea parses no markup), matched anywhere in the
// text without a regular expression, and shown with textContent.
window.kurils = window.kurils || {};
kurils.search = function (map, layer, o) {
    var decoder = document.createElement("textarea");
    layer.eachLayer(function (l) {
        decoder.innerHTML = l.feature.properties.search;
        l.feature.properties.search_text = decoder.value;
    });
    var control = new L.Control.Search({
        layer: layer,
        propertyName: "search_text",
        initial: false,
        collapsed: o.collapsed,
        textPlaceholder: o.placeholder,
        textErr: o.textErr,
        textCancel: o.textCancel,
        position: o.position,
        marker: false,
        filterData: function (typed, records) {
            var q = typed.toLowerCase(), found = {};
            for (var key in records) {
                if (key.toLowerCase().indexOf(q) >= 0) { found[key] = records[key]; }
            }
            return found;
        },
        buildTip: function (name) {
            var tip = L.DomUtil.create("li", "");
            tip.textContent = name;
            return tip;
        },
        moveToLocation: function (latlng, title, map) {
            map.fitBounds(latlng.layer.getBounds(), {maxZoom: 10});
        }
    });
    control.on("search:locationfound", function (e) {
        // the popup is bound to the whole GeoJSON layer: a click on the
        // island, passed up to it, opens the island's own popup
        e.layer.fire("click", {latlng: e.layer.getCenter()}, true);
    });
    map.addControl(control);
    return control;
};
