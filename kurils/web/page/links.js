// Links written once (kurils.web.links in Python): a link in a tooltip or a
// popup names its URL by number; the URL is set when the tooltip or popup
// opens. The URLs travel as escaped text and are decoded by a textarea, which
// parses no markup; only http(s) URLs are ever in the table.
window.kurils = window.kurils || {};
kurils.links = function (urls) {
    var decoder = document.createElement("textarea");
    function fill(e) {
        var box = (e.popup || e.tooltip).getElement();
        var links = box ? box.querySelectorAll("a[data-kurils-link]") : [];
        for (var i = 0; i < links.length; i++) {
            decoder.innerHTML = urls[+links[i].getAttribute("data-kurils-link")];
            links[i].setAttribute("href", decoder.value);
            links[i].setAttribute("target", "_blank");
            links[i].setAttribute("rel", "noopener");
        }
    }
    L.Map.addInitHook(function () { this.on("popupopen tooltipopen", fill); });
};
