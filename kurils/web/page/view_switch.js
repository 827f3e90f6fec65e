// Points of view: restyle the islands when a view's radio button is chosen,
// and show that view's part of the legend. The styles come from the page's
// data (kurils.style), never from this file.
window.kurils = window.kurils || {};
kurils.viewSwitch = function (map, islands, pattern, views, o) {
    function style(view) {
        return function (feature) {
            var p = feature.properties;
            return {fillColor: p["fill_" + view], fillOpacity: o.fillOpacity,
                    color: o.outline, weight: o.weight,
                    dashArray: p.dash || null,
                    fillPattern: p["hatch_" + view] ? pattern : null};
        };
    }
    function show(view) {
        islands.options.style = style(view);  // resetStyle() after a hover uses it
        islands.setStyle(style(view));
        var parts = document.querySelectorAll(".kurils-legend [data-view]");
        for (var i = 0; i < parts.length; i++) {
            parts[i].style.display = parts[i].getAttribute("data-view") === view ? "" : "none";
        }
        map.getContainer().setAttribute("data-kurils-view", view);
    }
    map.on("overlayadd", function (e) {
        for (var i = 0; i < views.length; i++) {
            if (e.layer === views[i][0]) { show(views[i][1]); }
        }
    });
    show(o.initial);
};
