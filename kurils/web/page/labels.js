// Island labels: one marker each, shown from its zoom on (small islands' names
// would run into each other further out), kept whole on screen (a name whose
// text would run off the map's edge is moved in), and the names always shown
// (large islands, context land) never over one another: they come largest
// first, and one that would overlap waits for a closer zoom. Small islands'
// names, shown only close up, are shown whatever they touch.
// All boxes are measured in one pass, then all labels placed: no layout per label.
window.kurils = window.kurils || {};
kurils.labels = function (map, group, labels) {
    var markers = labels.map(function (d) {
        var marker = L.marker([d[0], d[1]], {
            icon: L.divIcon({html: d[2], className: "kurils-label-icon", iconSize: [0, 0]}),
            interactive: false, keyboard: false
        }).addTo(group);
        return {marker: marker, minZoom: d[3]};
    });
    function overlaps(a, b) {
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }
    function inward(r, edge) {  // the shift that brings a box on the map wholly in
        if (r.right <= edge.left || r.left >= edge.right || r.bottom <= edge.top
            || r.top >= edge.bottom) { return [0, 0]; }  // off the map: its land is too
        return [Math.max(0, edge.left - r.left) - Math.max(0, r.right - edge.right),
                Math.max(0, edge.top - r.top) - Math.max(0, r.bottom - edge.bottom)];
    }
    function declutter() {
        var z = map.getZoom(), shown = [];
        var items = markers.map(function (m) {
            var el = m.marker.getElement();
            var label = el && el.firstChild;
            if (label) { label.style.marginLeft = label.style.marginTop = "0px"; }
            return {m: m, label: label, on: z >= m.minZoom};
        });
        var edge = map.getContainer().getBoundingClientRect();
        items.forEach(function (it) {  // read every box (one layout)
            if (it.on && it.label) { it.box = it.label.getBoundingClientRect(); }
        });
        items.forEach(function (it) {
            if (!it.box) { return; }
            it.shift = inward(it.box, edge);
            var r = {left: it.box.left + it.shift[0], right: it.box.right + it.shift[0],
                     top: it.box.top + it.shift[1], bottom: it.box.bottom + it.shift[1]};
            if (it.m.minZoom === 0) {
                it.on = !shown.some(function (s) { return overlaps(s, r); });
                if (it.on) { shown.push(r); }
            }
        });
        items.forEach(function (it) {  // then write every change
            if (it.shift) {
                it.label.style.marginLeft = it.shift[0] + "px";
                it.label.style.marginTop = it.shift[1] + "px";
            }
            it.m.marker.setOpacity(it.on ? 1 : 0);
        });
    }
    map.on("zoomend moveend resize", declutter);
    // once the labels are on the map (not when the map gets its view: the
    // layers are added after that), and each time the layer is shown again
    group.on("add", declutter);
};
