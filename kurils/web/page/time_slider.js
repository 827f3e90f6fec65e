// The time slider: from the first event to the last, recolours the islands by
// who held them that day, shows the lines in force and names the latest event.
window.kurils = window.kurils || {};
kurils.timeSlider = function (map, islands, borders, o) {
    var day = 86400000;
    var first = Date.parse(o.first);
    var last = Math.round((Date.parse(o.last) - first) / day);
    var baseStyle = islands.options.style;
    var lines = [];
    borders.eachLayer(function (l) { lines.push(l); });
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
        var div = L.DomUtil.create("div", "kurils-slider kurils-legend");
        div.innerHTML = '<input type="range" min="0" step="1">'
            + '<div><b class="kurils-slider-date"></b> <span class="kurils-slider-event"></span></div>';
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    control.addTo(map);
    var input = control.getContainer().querySelector("input");
    input.max = last;
    input.value = 0;
    function iso(v) { return new Date(first + v * day).toISOString().slice(0, 10); }
    function holderAt(periods, d) {
        var h = null;
        for (var i = 0; i < periods.length; i++) { if (periods[i][0] <= d) { h = periods[i][1]; } }
        return h;
    }
    function show(v) {
        var d = iso(v);
        islands.options.style = function (f) {
            var s = baseStyle(f);
            s.fillColor = o.palette[holderAt(f.properties.periods, d)] || "#ffffff";
            return s;
        };
        islands.setStyle(islands.options.style);
        lines.forEach(function (l) {
            var p = l.feature.properties;
            var on = p.valid_from <= d && (!p.valid_to || d < p.valid_to);
            if (on && !borders.hasLayer(l)) { borders.addLayer(l); }
            if (!on && borders.hasLayer(l)) { borders.removeLayer(l); }
        });
        var latest = "";
        for (var i = 0; i < o.events.length; i++) { if (o.events[i][0] <= d) { latest = o.events[i][1]; } }
        var box = control.getContainer();
        box.querySelector(".kurils-slider-date").textContent = d;
        box.querySelector(".kurils-slider-event").innerHTML = latest;  // escaped by kurils
        map.getContainer().setAttribute("data-kurils-date", d);
    }
    input.addEventListener("input", function () { show(+input.value); });
    show(0);
};
