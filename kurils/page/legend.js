// The legend: a Leaflet control holding the HTML the page was given (escaped
// by kurils); with several views, only the active view's part shows.
window.kurils = window.kurils || {};
kurils.legend = function (map, html) {
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
        var div = L.DomUtil.create("div", "kurils-legend");
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        return div;
    };
    legend.addTo(map);
    return legend;
};

kurils.attribution = function (map, prefix, html) {
    map.attributionControl.setPrefix(prefix);
    map.attributionControl.addAttribution(html);
};
