// Settlement scenarios: when a scenario's radio button is chosen, recolour the
// islands (each feature carries fill_<k> and dash_<k> for scenario k; a
// feature without a fill is not drawn under k: the whole island that k cuts,
// or the parts of a cut k does not make), show that scenario's maritime zones
// and cut line (each part: [group, {k: child}, drawn above the islands]), add
// the scenario's holder to each island's tooltip, and fill the legend's stakes
// table. The text arrives escaped
// (kurils.escape); it is decoded here and shown with textContent, so no value
// is ever parsed as markup.
window.kurils = window.kurils || {};
kurils.scenarioSwitch = function (map, islands, radios, parts, o) {
    var features = [];
    islands.eachLayer(function (l) { features.push(l); });
    var decoder = document.createElement("textarea");
    function plain(escaped) {
        decoder.innerHTML = escaped;
        return decoder.value;
    }
    function style(k) {
        return function (feature) {
            var p = feature.properties;
            return {fillColor: p["fill_" + k], fillOpacity: o.fillOpacity,
                    color: o.outline, weight: o.weight,
                    dashArray: p["dash_" + k] || null};
        };
    }
    // the tooltip (today's administrator and claimants) gains the holder
    // under scenario k, and whether the land changes hands; every piece is
    // escaped HTML already (kurils.escape), as the tooltip itself is, which
    // folium's tooltip shows as HTML when the pointer is over the island
    function tooltip(p, k) {
        if (p.tooltipToday === undefined) { p.tooltipToday = p.tooltip; }
        var holder = p["holder_" + k];
        p.tooltip = holder
            ? p.tooltipToday + "<br>" + o.scenarios[k].holders[holder] + (p["dash_" + k] ? o.moved : "")
            : p.tooltipToday;
    }
    function table(k) {
        var box = map.getContainer().querySelector(".kurils-legend .kurils-scenario");
        if (!box) { return; }
        var s = o.scenarios[k];
        box.querySelector(".kurils-scenario-title").textContent = plain(s.title);
        box.querySelector(".kurils-scenario-description").textContent = plain(s.description);
        var body = box.querySelector("table.kurils-stakes tbody");
        while (body.firstChild) { body.removeChild(body.firstChild); }
        s.rows.forEach(function (row) {
            var tr = document.createElement("tr");
            var th = document.createElement("th");
            th.scope = "row";
            th.textContent = plain(row[0]);
            var td = document.createElement("td");
            td.textContent = plain(row[1]);
            tr.appendChild(th);
            tr.appendChild(td);
            body.appendChild(tr);
        });
    }
    // a longer table must not run under another control: the legend's body
    // scrolls in the room left (kurils.fitLegend), or the legend folds (its
    // title stays, a tap opens it) when that room is too small
    function fit() {
        var details = map.getContainer().querySelector(".kurils-legend details");
        if (details && !kurils.fitLegend(map, o.margin, o.minBody)) {
            details.open = false;
        }
    }
    // the zones under the islands (their tooltips under the pointer), the
    // lines marked above them (kurils.stack); again after a scenario's parts
    // and islands are added, since a layer added is drawn on top
    var order = kurils.stack(
        map,
        parts.filter(function (part) { return !part[2]; }).map(function (part) { return part[0]; }),
        parts.filter(function (part) { return part[2]; }).map(function (part) { return part[0]; })
    );
    function show(k) {
        features.forEach(function (l) {
            var drawn = Boolean(l.feature.properties["fill_" + k]);
            if (drawn && !islands.hasLayer(l)) { islands.addLayer(l); }
            if (!drawn && islands.hasLayer(l)) { islands.removeLayer(l); }
        });
        features.forEach(function (l) { tooltip(l.feature.properties, k); });
        islands.options.style = style(k);  // resetStyle() after a hover uses it
        islands.setStyle(style(k));
        // each per-scenario layer (zones, cut lines) holds scenario k's part only
        parts.forEach(function (part) {
            var group = part[0], children = part[1];
            Object.keys(children).forEach(function (key) {
                var child = children[key];
                if (key === String(k) && !group.hasLayer(child)) { group.addLayer(child); }
                if (key !== String(k) && group.hasLayer(child)) { group.removeLayer(child); }
            });
        });
        order();
        table(k);
        fit();
        map.getContainer().setAttribute("data-kurils-scenario", String(k));
    }
    map.on("overlayadd", function (e) {
        for (var i = 0; i < radios.length; i++) {
            if (e.layer === radios[i][0]) { show(radios[i][1]); }
        }
    });
    var details = map.getContainer().querySelector(".kurils-legend details");
    if (details) { details.addEventListener("toggle", fit); }
    show(o.initial);
};
