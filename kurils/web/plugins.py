"""The four folium plugin classes the map uses, vendored from folium 0.20.0.

``folium.plugins`` imports all of its ~35 plugins (and compiles their templates)
when any one of them is imported, ``folium.plugins.search`` included: a third of
``kurils map``'s import time for four classes. These are copies of
``folium/plugins/pattern.py`` (StripePattern), ``fullscreen.py``,
``groupedlayercontrol.py`` and ``search.py`` (its asset URLs only; the search
control itself is kurils' own) at folium 0.20.0 (MIT licence, in
``kurils/web/static/folium/LICENSE.txt``; ``pyproject.toml`` pins folium to 0.20.x):
same templates (GroupedLayerControl's is the map's own), names and options, so
the page is the same byte for byte.
``tests/test_imports.py`` checks each against the installed folium's.
"""

from __future__ import annotations

from typing import ClassVar

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.folium import Map
from folium.template import Template
from folium.utilities import get_obj_in_upper_tree, remove_empty

__all__ = [
    "SEARCH_CSS",
    "SEARCH_JS",
    "Fullscreen",
    "GroupedLayerControl",
    "StripePattern",
]

#: The leaflet-search assets folium's ``Search`` loads (kurils inlines them).
SEARCH_JS = [
    (
        "Leaflet.Search.js",
        "https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.js",
    )
]
SEARCH_CSS = [
    (
        "Leaflet.Search.css",
        "https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.css",
    )
]


class StripePattern(JSCSSMixin, MacroElement):
    """Fill pattern of alternating lines (folium 0.20.0's, vendored).

    Examples
    --------
    >>> StripePattern(angle=-45).options["angle"]
    -45
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = new L.StripePattern(
                {{ this.options|tojavascript }}
            );
            {{ this.get_name() }}.addTo({{ this.parent_map.get_name() }});
        {% endmacro %}
    """
    )

    default_js: ClassVar[list] = [
        ("pattern", "https://teastman.github.io/Leaflet.pattern/leaflet.pattern.js")
    ]

    def __init__(
        self,
        angle=0.5,
        weight=4,
        space_weight=4,
        color="#000000",
        space_color="#ffffff",
        opacity=0.75,
        space_opacity=0.0,
        **kwargs,
    ):
        super().__init__()
        self._name = "StripePattern"
        self.options = remove_empty(
            angle=angle,
            weight=weight,
            space_weight=space_weight,
            color=color,
            space_color=space_color,
            opacity=opacity,
            space_opacity=space_opacity,
            **kwargs,
        )
        self.parent_map = None

    def render(self, **kwargs):
        self.parent_map = get_obj_in_upper_tree(self, Map)
        super().render(**kwargs)


class Fullscreen(JSCSSMixin, MacroElement):
    """A full-screen button (folium 0.20.0's, vendored).

    Examples
    --------
    >>> Fullscreen(title="Plein écran").options["title"]
    'Plein écran'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.control.fullscreen(
                {{ this.options|tojavascript }}
            ).addTo({{this._parent.get_name()}});
        {% endmacro %}
        """
    )

    default_js: ClassVar[list] = [
        (
            "Control.Fullscreen.js",
            "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js",
        )
    ]
    default_css: ClassVar[list] = [
        (
            "Control.FullScreen.css",
            "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css",
        )
    ]

    def __init__(
        self,
        position="topleft",
        title="Full Screen",
        title_cancel="Exit Full Screen",
        force_separate_button=False,
        **kwargs,
    ):
        super().__init__()
        self._name = "Fullscreen"
        self.options = remove_empty(
            position=position,
            title=title,
            title_cancel=title_cancel,
            force_separate_button=force_separate_button,
            **kwargs,
        )


class GroupedLayerControl(JSCSSMixin, MacroElement):
    """A layer control with groups of overlays (folium 0.20.0's, vendored: its
    assets and its ``__init__``; the map's control, ``kurils.web.mapping``'s
    ``_LayerControl``, renders with its own template).

    Examples
    --------
    >>> import folium
    >>> a, b = folium.FeatureGroup(name="a"), folium.FeatureGroup(name="b")
    >>> control = GroupedLayerControl({"g": [a, b]})
    >>> control.options["exclusiveGroups"], a.control
    (['g'], False)
    """

    default_js: ClassVar[list] = [
        (
            "leaflet.groupedlayercontrol.min.js",
            "https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.js",
        ),
    ]
    default_css: ClassVar[list] = [
        (
            "leaflet.groupedlayercontrol.min.css",
            "https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.css",
        )
    ]

    def __init__(self, groups, exclusive_groups=True, **kwargs):
        super().__init__()
        self._name = "GroupedLayerControl"
        self.options = remove_empty(**kwargs)
        if exclusive_groups:
            self.options["exclusiveGroups"] = list(groups.keys())
        self.layers_untoggle = set()
        self.grouped_overlays = {}
        for group_name, sublist in groups.items():
            self.grouped_overlays[group_name] = {}
            for element in sublist:
                self.grouped_overlays[group_name][element.layer_name] = (
                    element.get_name()
                )
                if not element.show:
                    self.layers_untoggle.add(element.get_name())
                # make sure the elements used in GroupedLayerControl
                # don't show up in the regular LayerControl.
                element.control = False
            if exclusive_groups:
                # only enable the first radio button
                for element in sublist[1:]:
                    self.layers_untoggle.add(element.get_name())
