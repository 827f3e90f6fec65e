// Island labels: one marker each, shown from its zoom on (small islands' names
// would run into each other further out).
window.kurils = window.kurils || {};
kurils.labels = function (map, group, labels) {
    var markers = labels.map(function (d) {
        var marker = L.marker([d[0], d[1]], {
            icon: L.divIcon({html: d[2], className: "kurils-label-icon", iconSize: [0, 0]}),
            interactive: false, keyboard: false
        }).addTo(group);
        return [marker, d[3]];
    });
    function declutter() {
        var z = map.getZoom();
        markers.forEach(function (l) { l[0].setOpacity(z >= l[1] ? 1 : 0); });
    }
    map.on("zoomend", declutter);
    map.whenReady(declutter);
};
