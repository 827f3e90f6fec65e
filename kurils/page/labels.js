// Island labels: one marker each, shown from its zoom on (small islands' names
// would run into each other further out), kept whole on screen (a name whose
// text would run off the map's edge is moved in), and
// the names always shown (large islands, context land) never over one another:
// they come largest first, and one that would overlap waits for a closer zoom.
// Small islands' names, shown only close up, are shown whatever they touch.
window.kurils = window.kurils || {};
kurils.labels = function (map, group, labels) {
    var markers = labels.map(function (d) {
        var marker = L.marker([d[0], d[1]], {
            icon: L.divIcon({html: d[2], className: "kurils-label-icon", iconSize: [0, 0]}),
            interactive: false, keyboard: false
        }).addTo(group);
        return [marker, d[3]];
    });
    function keepInside(marker) {
        var label = marker.getElement() && marker.getElement().firstChild;
        if (!label) { return; }
        label.style.marginLeft = label.style.marginTop = "0px";
        var edge = map.getContainer().getBoundingClientRect();
        var r = label.getBoundingClientRect();
        if (r.right <= edge.left || r.left >= edge.right || r.bottom <= edge.top
            || r.top >= edge.bottom) { return; }  // wholly off the map: its land is too
        var dx = Math.max(0, edge.left - r.left) - Math.max(0, r.right - edge.right);
        var dy = Math.max(0, edge.top - r.top) - Math.max(0, r.bottom - edge.bottom);
        label.style.marginLeft = dx + "px";
        label.style.marginTop = dy + "px";
    }
    function overlaps(a, b) {
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }
    function declutter() {
        var z = map.getZoom(), shown = [];
        markers.forEach(function (l) {
            var on = z >= l[1];
            if (on) {
                keepInside(l[0]);
                var label = l[0].getElement() && l[0].getElement().firstChild;
                var r = label ? label.getBoundingClientRect() : null;
                if (l[1] === 0 && r) {
                    on = !shown.some(function (s) { return overlaps(s, r); });
                    if (on) { shown.push(r); }
                }
            }
            l[0].setOpacity(on ? 1 : 0);
        });
    }
    map.on("zoomend moveend resize", declutter);
    map.whenReady(declutter);
};
