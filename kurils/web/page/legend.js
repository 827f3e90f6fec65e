// The legend: a Leaflet control holding the HTML the page was given (escaped
// by kurils), folded under its title on small screens (see layout.js); with
// several views, only the active view's part shows.
window.kurils = window.kurils || {};
kurils.legend = function (map, html, title) {
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
        var div = L.DomUtil.create("div", "kurils-legend");
        var details = L.DomUtil.create("details", "", div);
        details.open = true;
        var summary = L.DomUtil.create("summary", "", details);
        summary.textContent = title;
        var body = L.DomUtil.create("div", "kurils-legend-body", details);
        body.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    legend.addTo(map);
    return legend;
};

kurils.attribution = function (map, prefix, html) {
    map.attributionControl.setPrefix(prefix);
    map.attributionControl.addAttribution(html);
};
