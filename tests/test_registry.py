"""Each map layer is declared once (kurils.web.registry); build_map loops over them."""

from __future__ import annotations

import html

import folium
import pytest

import kurils
from kurils.i18n import LANGS, text
from kurils.style import LINES
from kurils.web import registry


def test_declarations_are_complete():
    ids = [layer.id for layer in registry.LAYERS]
    assert len(ids) == len(set(ids))
    for layer in registry.LAYERS:
        assert set(layer.modes) <= set(registry.MODES), layer.id
        for lang in LANGS:
            assert text(layer.title, lang), (layer.id, lang)
        assert layer.legend is None or layer.legend in LINES


@pytest.mark.parametrize("mode", registry.MODES)
def test_build_map_draws_exactly_the_declared_layers(mode):
    kwargs = {
        "views": {},
        "date": {"date": "1950-01-01"},
        "history": {"history": True},
        "scenario": {"scenario": "equal_land"},
        "scenarios": {"scenarios": True},
    }
    m = kurils.build_map(**kwargs[mode])
    names = {
        html.unescape(child.layer_name)
        for child in m._children.values()
        if isinstance(child, folium.FeatureGroup)
    } - {text("islands", "en")}  # the base layer, not in the layer control
    declared = {
        text(layer.title, "en") for layer in registry.LAYERS if mode in layer.modes
    }
    if mode == "views":  # the points of view are radio buttons of their own
        declared |= {text(f"view_{v}", "en") for v in kurils.domain.views.VIEWS}
    if mode == "scenarios":  # and so are the scenarios
        declared |= {s.title_en for s in kurils.scenarios()}
    assert names == declared


def test_a_new_layer_is_one_entry(monkeypatch):
    """What a contributor adds: a builder and a declaration (here the history's
    events, declared for today's map too); build_map and the layer control pick
    it up unchanged."""
    extra = registry.Layer("more", "layer_events", ("views",), False, registry._events)
    monkeypatch.setattr(registry, "LAYERS", (*registry.LAYERS, extra))
    page = kurils.render_html(kurils.build_map())
    name = text("layer_events", "en")
    assert f'"{name}" : feature_group_' in page  # in the layer control
    assert "Treaty of Portsmouth" in page  # its data, drawn
