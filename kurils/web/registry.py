"""The map's overlay layers, each declared once.

A :class:`Layer` says what a layer is called (its key in :mod:`kurils.i18n`),
in which modes of the map it appears (``views``: today's map with its points of
view; ``date``: the map of one day; ``history``: the time slider; ``scenario``:
a settlement scenario), whether it
is shown when the page opens, how it is built from the map's data (a function
of :class:`MapData`), and its row in the legend. :func:`kurils.build_map` loops
over :data:`LAYERS`; adding a layer is a function here, one entry in
:data:`LAYERS`, its name in the i18n table and its style in :mod:`kurils.style`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from ..domain.maritime import load_zones, maritime_zones
from ..domain.scenarios import Scenario
from ..i18n import text
from ..style import LINES
from .escape import escape_text
from .layers import (
    borders_layer,
    claims_layer,
    districts_layer,
    events_layer,
    labels_layer,
    places_layer,
)
from .scenario_layer import cut_layer
from .zones_layer import claimed_by_both, zones_layer

__all__ = ["LAYERS", "MODES", "Layer", "MapData", "below_land", "web_layers"]

MODES = ("views", "date", "history", "scenario", "scenarios")


@dataclass(frozen=True)
class MapData:
    """What a map's layers are drawn from, loaded and checked once by
    :func:`kurils.build_map` (the islands already simplified for drawing)."""

    lang: str
    mode: str
    date: dt.date | None
    islands: gpd.GeoDataFrame
    units: gpd.GeoDataFrame
    borders: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    timeline: pd.DataFrame
    sources: pd.DataFrame
    scenario: Scenario | None = None
    scenarios: tuple[Scenario, ...] = ()  # the switch's, in order ("scenarios")


@dataclass(frozen=True)
class Layer:
    """One overlay: its id, name (an i18n key), modes, initial visibility, web
    builder ``(data, name, show) -> FeatureGroup or None`` (None: nothing to
    draw, e.g. a user's islands that match no district) and legend row."""

    id: str
    title: str
    modes: tuple[str, ...]
    show: bool
    web: Callable[[MapData, str, bool], folium.FeatureGroup | None]
    legend: str | None = None  # the LINES style its legend row shows
    below_land: bool = False  # the sea: kept under the islands (kurils.stack)

    def legend_row(self, lang: str) -> str:
        """The layer's row in the legend: a swatch of its line and its name."""
        line = LINES[self.legend]
        return (
            f'<i class="line" style="border-top: 3px dashed {line.color};"></i>'
            f"{escape_text(text(self.title, lang))}"
        )


def _units(country: str, builder):
    def build(data: MapData, name: str, show: bool):
        part = data.units[data.units["country"] == country]
        if not len(part):  # a user's islands may match no unit of this country
            return None
        return builder.__wrapped__(
            part, lang=data.lang, sources=data.sources, name=name, show=show
        )

    return build


def _lines(pick: Callable[[MapData], pd.Series]):
    def build(data: MapData, name: str, show: bool):
        part = data.borders[pick(data)]
        if not len(part):
            return None
        return borders_layer.__wrapped__(
            part, lang=data.lang, sources=data.sources, name=name, show=show
        )

    return build


def _in_force(data: MapData) -> pd.Series:
    """The lines in force on the map's day; with the slider, every line that
    ever was (the slider shows each in its time); never the 1956 proposal."""
    b = data.borders
    real = b["kind"] != "proposed"
    if data.date is None:
        return real
    day = pd.Timestamp(data.date)  # the columns are datetime64; NaT: not ended
    return real & (b["valid_from"] <= day) & ~(b["valid_to"] <= day)


def _labels(data: MapData, name: str, show: bool):
    return labels_layer.__wrapped__(data.islands, lang=data.lang, name=name, show=show)


def _places(data: MapData, name: str, show: bool):
    return places_layer.__wrapped__(
        data.places, lang=data.lang, sources=data.sources, name=name, show=show
    )


def _zones(data: MapData, name: str, show: bool):
    """Each side's maritime zones today, and the sea both claim (Japan's zones
    under its claim to the four groups, inside Russia's today): shipped, so
    nothing is computed here."""
    today, claim = load_zones("status_quo"), load_zones("four_groups")
    both = claimed_by_both(today, claim)
    return zones_layer(today, both, lang=data.lang, name=name, show=show)


def _per_scenario(build):
    """A builder of one scenario's layer, for both scenario modes: with the
    switch, one overlay holding each scenario's layer (``per_scenario``, by the
    scenario's number), which the page swaps (kurils.scenario_switch)."""

    def web(data: MapData, name: str, show: bool):
        if data.mode == "scenario":
            return build(data.scenario, data.lang, name, show)
        children = {
            k: build(s, data.lang, name, True) for k, s in enumerate(data.scenarios)
        }
        children = {k: v for k, v in children.items() if v is not None}
        if not children:
            return None
        group = folium.FeatureGroup(name=name, show=show)
        for child in children.values():
            child.control = False
            child.add_to(group)
        group.per_scenario = children
        return group

    return web


def _scenario_zones(scenario: Scenario, lang: str, name: str, show: bool):
    """A scenario's zones: shipped ones read, a user's computed."""
    zones = maritime_zones(scenario)
    return zones_layer(zones, None, lang=lang, name=name, show=show)


def _cut(scenario: Scenario, lang: str, name: str, show: bool):
    return cut_layer(scenario, lang=lang, name=name, show=show)


def _events(data: MapData, name: str, show: bool):
    return events_layer.__wrapped__(
        data.timeline, lang=data.lang, sources=data.sources, name=name, show=show
    )


#: Every overlay of the map, in the layer control's order.
LAYERS = (
    Layer("districts", "layer_districts", MODES, False, _units("RUS", districts_layer)),
    Layer("claims", "layer_claims", MODES, False, _units("JPN", claims_layer)),
    Layer(
        "shimoda",
        "layer_shimoda",
        ("views",),
        True,
        _lines(lambda d: d.borders["border_id"] == "shimoda_1855"),
        legend="treaty_border",
    ),
    Layer(
        "line_of_control",
        "layer_control",
        ("views",),
        True,
        _lines(lambda d: d.borders["kind"] == "line_of_control"),
        legend="line_of_control",
    ),
    Layer("borders", "layer_borders", ("date", "history"), True, _lines(_in_force)),
    Layer("zones", "layer_zones", ("views",), False, _zones, below_land=True),
    Layer(
        "scenario_zones",
        "layer_zones",
        ("scenario", "scenarios"),
        True,
        _per_scenario(_scenario_zones),
        below_land=True,
    ),
    Layer(
        "cut",
        "layer_cut",
        ("scenario", "scenarios"),
        True,
        _per_scenario(_cut),
        legend="cut",
    ),
    Layer("labels", "layer_labels", MODES, True, _labels),
    Layer("places", "layer_places", MODES, True, _places),
    Layer("events", "layer_events", ("history",), True, _events),
)


def web_layers(data: MapData) -> dict[str, folium.FeatureGroup]:
    """The overlays of ``data.mode``, built, by id (those with something to draw)."""
    built = {
        layer.id: layer.web(data, text(layer.title, data.lang), layer.show)
        for layer in LAYERS
        if data.mode in layer.modes
    }
    return {k: v for k, v in built.items() if v is not None}


def below_land(built: dict[str, folium.FeatureGroup]) -> list[folium.FeatureGroup]:
    """The built overlays kept under the islands (the maritime zones)."""
    return [built[x.id] for x in LAYERS if x.below_land and x.id in built]
