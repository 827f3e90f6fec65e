// Fit the page to its screen. On a small map the layer control and the legend
// fold (a tap opens them); then the chain is framed in the space the controls
// leave, measured, not guessed. Runs again when the map is resized.
window.kurils = window.kurils || {};
kurils.layout = function (map, layers, bounds, o) {
    var box = map.getContainer();
    var legend = box.querySelector(".kurils-legend details");
    function small() {
        return box.clientWidth < o.smallWidth || box.clientHeight < o.smallHeight;
    }
    function showLayers(open) {
        var c = layers._container;
        if (open) {
            layers._expand();
            // expanded for good: no folding when the pointer leaves or the map is tapped
            L.DomEvent.off(c, "mouseout", layers._collapse, layers);
            map.off("click", layers._collapse, layers);
        } else {
            layers._collapse();
            L.DomEvent.on(c, "mouseout", layers._collapse, layers);
            map.on("click", layers._collapse, layers);
        }
    }
    function sides() {
        var edge = box.getBoundingClientRect();
        var pad = {left: 0, right: 0, top: 0, bottom: 0};
        box.querySelectorAll(".leaflet-control").forEach(function (c) {
            var r = c.getBoundingClientRect();
            if (!r.width || !r.height) { return; }
            var corner = c.parentNode.className;
            if (corner.indexOf("leaflet-top") >= 0) {  // a column down one side
                if (corner.indexOf("leaflet-left") >= 0) {
                    pad.left = Math.max(pad.left, r.right - edge.left);
                } else {
                    pad.right = Math.max(pad.right, edge.right - r.left);
                }
            } else {  // a stack along the bottom
                pad.bottom = Math.max(pad.bottom, edge.bottom - r.top);
            }
        });
        return pad;
    }
    function collide() {  // do any two controls overlap (a low map, e.g. in a notebook)?
        var boxes = [];
        box.querySelectorAll(".leaflet-control").forEach(function (c) {
            var r = c.getBoundingClientRect();
            if (r.width && r.height) { boxes.push(r); }
        });
        return boxes.some(function (a, i) {
            return boxes.slice(i + 1).some(function (b) {
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            });
        });
    }
    function frame() {
        // the map has no view before the first frame (Leaflet draws nothing
        // until it has one); the layer control's _expand reads the size that
        // a view, or getSize(), measures
        map.getSize();
        var narrow = small();
        showLayers(!narrow);
        if (legend) { legend.open = !narrow; }
        // too low for both open: fold the legend first, then the layer control;
        // a page that asks (o.legendMinBody) lets the legend's body scroll in
        // the room left, and folds it only when that room is too small
        if (!narrow && legend && (o.legendMinBody
            ? !kurils.fitLegend(map, o.margin, o.legendMinBody) : collide())) {
            legend.open = false;
        }
        if (!narrow && collide()) { showLayers(false); }
        var pad = sides();
        map.fitBounds(bounds, {
            paddingTopLeft: [pad.left + o.margin, pad.top + o.margin],
            paddingBottomRight: [pad.right + o.margin, pad.bottom + o.margin],
            animate: false
        });
        box.setAttribute("data-kurils-layout", narrow ? "small" : "wide");
    }
    frame();
    map.on("resize", frame);
};

// The legend's body scrolls in the room left under the controls above it; false
// (nothing changed) when that room is under minBody CSS pixels.
kurils.fitLegend = function (map, margin, minBody) {
    var box = map.getContainer();
    var legend = box.querySelector(".kurils-legend");
    var details = legend && legend.querySelector("details");
    if (!details || !details.open) { return true; }
    var body = legend.querySelector(".kurils-legend-body");
    body.style.maxHeight = "";
    var mine = legend.getBoundingClientRect(), limit = null;
    box.querySelectorAll(".leaflet-control").forEach(function (c) {
        var r = c.getBoundingClientRect();
        var over = r.left < mine.right && mine.left < r.right &&
                   r.top < mine.bottom && mine.top < r.bottom;
        if (c !== legend && r.width && r.height && over) {
            limit = limit === null ? r.bottom : Math.max(limit, r.bottom);
        }
    });
    if (limit === null) { return true; }
    var room = body.clientHeight - (limit + margin - mine.top);
    if (room < minBody) { return false; }
    body.style.maxHeight = room + "px";
    return true;
};
