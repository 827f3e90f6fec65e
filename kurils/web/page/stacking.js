// The order of the layers in the overlay pane: the sea below the land, the
// marked lines above it. Leaflet draws overlays in the order they were added,
// and a layer switched on (again) comes out on top: a maritime zone switched
// on, or drawn after the islands, would cover them, and a hover over an island
// would show the zone's tooltip. `below` go to the back (each group's parts in
// reverse, so that they keep their own order: the territorial sea over the
// EEZ), `above` to the front; again after every layer switched on. Returns
// the function that does it, for a control that adds layers itself.
window.kurils = window.kurils || {};
kurils.stack = function (map, below, above) {
    function toBack(layer) {
        if (layer.eachLayer) {
            var parts = [];
            layer.eachLayer(function (l) { parts.push(l); });
            parts.reverse().forEach(toBack);
        } else if (layer.bringToBack) {
            layer.bringToBack();
        }
    }
    function order() {
        below.forEach(function (l) { if (map.hasLayer(l)) { toBack(l); } });
        above.forEach(function (l) { if (map.hasLayer(l)) { l.bringToFront(); } });
    }
    map.on("overlayadd", order);
    order();
    return order;
};
