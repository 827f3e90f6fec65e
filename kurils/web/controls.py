"""The page's own controls: code in ``kurils/web/page/*.js``, data passed as JSON.

Each control is a folium element whose script is one call, such as
``kurils.legend(map_1, "<h4>...</h4>")``: the function lives in a real JavaScript
file shipped in the package (added once to the page's head), and everything it
is given is either a folium element's variable name or JSON made here with
:func:`jinja2.utils.htmlsafe_json_dumps` (which also escapes ``<``, ``>``, ``&``
and ``'``, so no value can close the script). No value is ever formatted into
code.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from .plugins import SEARCH_CSS, SEARCH_JS

__all__ = [
    "Attribution",
    "Control",
    "IslandSearch",
    "Labels",
    "Layout",
    "Legend",
    "Stacking",
    "TimeSlider",
    "ViewSwitch",
    "page_file",
]


@cache
def page_file(name: str) -> str:
    """The text of ``kurils/web/page/<name>`` (a str: immutable, safe to cache);
    a script without its whole-line comments, which explain the code here and
    would only weigh on every page (none of the scripts has a multi-line string).

    >>> source = (files("kurils.web") / "page" / "legend.js").read_text("utf-8")
    >>> source.startswith("// The legend"), page_file("legend.js").startswith("//")
    (True, False)
    """
    text = (files("kurils.web") / "page" / name).read_text("utf-8")
    if name.endswith(".js"):
        lines = text.splitlines(keepends=True)
        text = "".join(line for line in lines if not line.lstrip().startswith("//"))
    return text


def _json(value) -> str:
    from .offline import COMPACT_JSON  # the page's one way of writing JSON

    return htmlsafe_json_dumps(value, **COMPACT_JSON)


class Control(MacroElement):
    """A call of ``kurils.<function>`` from ``kurils/web/page/<script>.js``.

    Subclasses say which file and function, and give :meth:`arguments`: the
    JavaScript expressions of the call (element names and JSON).
    """

    script = ""
    function = ""
    needs: tuple[str, ...] = ()  # other page files its function calls
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "kurils.{{ this.function }}({{ this.arguments()|join(', ') }});"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = type(self).__name__

    def arguments(self) -> list[str]:
        """The call's arguments as JavaScript expressions; by default the map."""
        return [self._parent.get_name()]

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if isinstance(figure, Figure):
            for script in (*self.needs, self.script):
                figure.header.add_child(
                    Element(f"<script>{page_file(script + '.js')}</script>"),
                    name=f"kurils_js_{script}",
                )
        super().render(**kwargs)


class Legend(Control):
    """The legend (HTML escaped by its maker), bottom right, folded under
    ``title`` (text) on small screens."""

    script = function = "legend"

    def __init__(self, html: str, title: str) -> None:
        super().__init__()
        self.html, self.title = html, title

    def arguments(self) -> list[str]:
        return [self._parent.get_name(), _json(self.html), _json(self.title)]


class Stacking(Control):
    """Keeps the ``below`` overlays (the maritime zones) under the islands, and
    the ``above`` ones over them, whichever is switched on last, so that a
    hover over an island shows the island's tooltip."""

    script, function = "stacking", "stack"

    def __init__(self, m, below: list, above: list = ()) -> None:
        super().__init__()
        self.map, self.below, self.above = m, list(below), list(above)

    def arguments(self) -> list[str]:
        def names(layers) -> str:
            return "[" + ", ".join(x.get_name() for x in layers) + "]"

        return [self.map.get_name(), names(self.below), names(self.above)]


class Layout(Control):
    """Fits the page to its screen: folds the layer control and the legend on a
    small map, then frames ``bounds`` in the space the controls leave. Add it
    last: it measures the controls added before it."""

    script = function = "layout"
    #: A map narrower or lower than this (CSS pixels) is small: a phone.
    SMALL_WIDTH, SMALL_HEIGHT = 640, 560
    #: Space (CSS pixels) kept between the chain, or a control, and the next.
    MARGIN = 10

    #: The least height (CSS pixels) of a legend's body that scrolls rather
    #: than folds, on a page that asks for it (``scroll_legend``).
    LEGEND_MIN_BODY = 120

    def __init__(
        self, layers, bounds: list, margin: int = MARGIN, scroll_legend: bool = False
    ) -> None:
        super().__init__()
        self.layers, self.bounds = layers, bounds
        self.options = {
            "smallWidth": self.SMALL_WIDTH,
            "smallHeight": self.SMALL_HEIGHT,
            "margin": margin,
        }
        if scroll_legend:  # a legend too tall for the room scrolls in it
            self.options["legendMinBody"] = self.LEGEND_MIN_BODY

    def arguments(self) -> list[str]:
        names = [self._parent.get_name(), self.layers.get_name()]
        return [*names, _json(self.bounds), _json(self.options)]


class Attribution(Control):
    """The attribution line: Leaflet's prefix and kurils' sources and licences."""

    script, function = "legend", "attribution"
    PREFIX = (
        '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>'
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html = html

    def arguments(self) -> list[str]:
        return [self._parent.get_name(), _json(self.PREFIX), _json(self.html)]


class ViewSwitch(Control):
    """Restyles the islands for the chosen point of view (radio buttons)."""

    script, function = "view_switch", "viewSwitch"

    def __init__(self, m, geojson, pattern, views, options: dict) -> None:
        super().__init__()
        self.map, self.geojson, self.pattern = m, geojson, pattern
        self.views, self.options = views, options

    def arguments(self) -> list[str]:
        pairs = ", ".join(f"[{fg.get_name()}, {_json(v)}]" for fg, v in self.views)
        names = [self.map.get_name(), self.geojson.get_name(), self.pattern.get_name()]
        return [*names, f"[{pairs}]", _json(self.options)]


class IslandSearch(JSCSSMixin, Control):
    """Search an island by any of its names (leaflet-search, as folium's
    ``Search`` loads it; kurils inlines the pinned copy)."""

    script, function = "search", "search"
    default_js, default_css = SEARCH_JS, SEARCH_CSS

    def __init__(self, layer, options: dict) -> None:
        super().__init__()
        self.layer, self.options = layer, options

    def arguments(self) -> list[str]:
        return [self._parent.get_name(), self.layer.get_name(), _json(self.options)]


class TimeSlider(Control):
    """The history's time slider."""

    script, function = "time_slider", "timeSlider"

    def __init__(self, m, islands, borders, options: dict) -> None:
        super().__init__()
        self.map, self.islands, self.borders = m, islands, borders
        self.options = options

    def arguments(self) -> list[str]:
        names = [self.map.get_name(), self.islands.get_name(), self.borders.get_name()]
        return [*names, _json(self.options)]


class Labels(Control):
    """All labels of a layer in one call (a folium Marker and DivIcon each would
    be many times slower to render, and larger)."""

    script = function = "labels"

    def __init__(self, labels: list) -> None:
        super().__init__()
        self.labels = labels

    def arguments(self) -> list[str]:
        group = self._parent
        return [group._parent.get_name(), group.get_name(), _json(self.labels)]
