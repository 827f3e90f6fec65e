"""The in-page scenario switch: one page, every chosen settlement scenario a
radio button away (``kurils map --scenarios``, ``build_map(scenarios=...)``).

The islands are drawn once. Each feature carries, for scenario number ``k``
(never a user's id: numbers only reach the page's property names), ``fill_<k>``
(the holder's colour, or "" where the feature is not drawn under ``k``) and
``dash_<k>`` (land that changes hands). An island that some scenario cuts is a
feature whole and, once per distinct cut, a feature per part: only the parts'
geometry is added, not a copy of the chain per scenario. Each scenario's zones
and cut line are a child of one overlay each, which the page swaps
(``kurils/web/page/scenario_switch.js``); the stakes table's rows travel as escaped
text in JSON and are shown with ``textContent``.
"""

from __future__ import annotations

from collections.abc import Iterable

import folium
import geopandas as gpd
import pandas as pd

from ..data.vocabulary import COUNTRIES
from ..domain.maritime import split_island
from ..domain.population import load_population_1945
from ..domain.scenarios import Scenario, resolve_scenario, scenarios
from ..domain.stakes import stakes
from ..i18n import name_column, text
from ..style import LINES, PALETTE
from .controls import Control, Layout, Legend, _json
from .escape import escape_text
from .geojson import land_layer
from .popups import island_search, island_tooltip
from .registry import LAYERS
from .scenario_layer import holder_line, moved_line

__all__ = ["ScenarioSwitch", "stakes_rows", "switch_islands", "switch_legend"]


def _holders(islands: pd.DataFrame, s: Scenario) -> pd.Series:
    return islands["island_id"].map(dict(s.holders)).fillna(islands["administered_by"])


def _parts(islands: gpd.GeoDataFrame, chosen: list[Scenario]) -> gpd.GeoDataFrame:
    """One row per part of each distinct cut of the ``chosen`` scenarios, with
    ``cut`` (the cut's number) and ``side`` (0: left, 1: right)."""
    geom = islands.set_index("island_id").geometry
    rows, cuts = [], []
    for s in chosen:
        for c in s.cuts:
            key = (c.island_id, c.line.wkb)
            if key in cuts or c.island_id not in geom.index:
                continue
            cuts.append(key)
            for side, part in enumerate(split_island(geom[c.island_id], c.line)):
                rows.append((c.island_id, len(cuts) - 1, side, part))
    frame = pd.DataFrame(rows, columns=["island_id", "cut", "side", "geometry"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326), cuts


def _part_styles(parts, cuts: list, s: Scenario, admin: dict) -> tuple[list, ...]:
    """Holder, fill and dash of each cut part under ``s``: its holder and its
    colour where ``s`` makes that cut, "" (not drawn) elsewhere."""
    dashed = LINES["outline_disputed"].dash_array()
    made = {(c.island_id, c.line.wkb): c for c in s.cuts}
    held, fill, dash = [], [], []
    rows = zip(parts["island_id"], parts["cut"], parts["side"], strict=True)
    for iid, cut, side in rows:
        c = made.get(cuts[cut])
        holder = (c.left, c.right)[side] if c is not None else None
        held.append(holder or "")
        fill.append(PALETTE[holder] if c is not None else "")
        dash.append(dashed if c is not None and holder != admin[iid] else "")
    return held, fill, dash


def switch_islands(
    islands: gpd.GeoDataFrame,
    chosen: list[Scenario],
    *,
    lang: str = "en",
    groups: pd.DataFrame | None = None,
    fill_opacity: float = 0.85,
) -> folium.FeatureGroup:
    """The islands (prepared for drawing) with each scenario's colours, and the
    parts of every cut island. Under scenario ``k`` a cut island's whole
    feature has no fill (not drawn) and its parts are filled by their holders;
    under any other scenario the parts have none."""
    parts, cuts = _parts(islands, chosen)
    props = pd.DataFrame(
        {
            "island_id": islands["island_id"].map(escape_text),
            "search": island_search(islands, groups),
            "tooltip": island_tooltip(islands, lang),
        },
        index=islands.index,
    )
    admin = dict(zip(islands["island_id"], islands["administered_by"], strict=True))
    # a part has its island's names: a search finds whichever is on the map
    same = props.set_axis(islands["island_id"]).loc[parts["island_id"]]
    piece = same.reset_index(drop=True)
    dashed = LINES["outline_disputed"].dash_array()
    keep = ["island_id", "search", "tooltip"]
    for k, s in enumerate(chosen):
        holder = _holders(islands, s)
        cut_here = {c.island_id: c for c in s.cuts}
        drawn = ~islands["island_id"].isin(list(cut_here))
        props[f"holder_{k}"] = holder.where(drawn, "")  # for the tooltip
        props[f"fill_{k}"] = holder.map(PALETTE).where(drawn, "")
        moved = holder != islands["administered_by"]
        props[f"dash_{k}"] = moved.map({True: dashed, False: ""})
        styles = _part_styles(parts, cuts, s, admin)
        piece[f"holder_{k}"], piece[f"fill_{k}"], piece[f"dash_{k}"] = styles
        keep += [f"holder_{k}", f"fill_{k}", f"dash_{k}"]
    out = gpd.GeoDataFrame(
        pd.concat([props, piece], ignore_index=True),
        geometry=[*islands.geometry.values, *parts.geometry.values],
        crs=4326,
    )
    # drawn first as the first scenario; the page restyles for the chosen one
    return land_layer(
        out,
        keep,
        name=escape_text(text("islands", lang)),
        show=True,
        fill_opacity=fill_opacity,
        fill="fill_0",
        dash="dash_0",
    )


def _km2(value: float, lang: str) -> str:
    return f"{value:,.0f} {text('km2', lang)}"


def _names(joined: str, places: pd.DataFrame, lang: str) -> list[str]:
    """``;``-joined English settlement names in ``lang`` (English where the
    places table has no name in it)."""
    pairs = zip(places["name_en"], places[name_column(lang)], strict=True)
    local = {en: str(name) for en, name in pairs if pd.notna(name)}
    return [local.get(n, n) for n in joined.split(";")] if joined else []


def stakes_rows(
    s: Scenario, row: pd.Series, lang: str, sources: pd.DataFrame, places: pd.DataFrame
) -> dict:
    """The stakes table of one scenario (a row of :func:`kurils.stakes`): its
    title, description and rows of (label, value), every text escaped (the
    page decodes it and shows it with ``textContent``); settlements named in
    ``lang`` (from ``places``)."""
    names = _names(str(row["settlements_moved"]), places, lang)
    ids = [i for i in str(row["population_source"]).split(";") if i]
    cited = "; ".join(
        str(sources.loc[i, "publisher"]) if i in sources.index else i for i in ids
    )
    people = f"{int(row['population_moved']):,}"
    if row["population_year"]:
        people += f" ({row['population_year']})"
    # the same rows for every scenario, so the legend keeps its size
    rows = [
        ("stakes_land_jpn", _km2(row["land_jpn_km2"], lang)),
        ("stakes_land_rus", _km2(row["land_rus_km2"], lang)),
        ("stakes_sea", _km2(row["territorial_sea_moved_km2"], lang)),
        ("stakes_eez", _km2(row["eez_moved_km2"], lang)),
        ("stakes_people", people),
        ("stakes_source", cited or "—"),
        ("stakes_settlements", ", ".join(names) or "—"),
        ("stakes_unplaced", f"{int(row['population_unplaced']):,}"),
    ]
    if row["settlements_no_figure"]:
        no_figure = ", ".join(_names(str(row["settlements_no_figure"]), places, lang))
        rows.append(("stakes_no_figure", no_figure))
    title_ = getattr(s, f"title_{lang}", "") or s.title_en
    return {
        "title": escape_text(title_),
        "description": escape_text(s.description),
        "rows": [[escape_text(text(k, lang)), escape_text(v)] for k, v in rows],
        # the islands' tooltip line under s, by holder (escaped HTML)
        "holders": {h: holder_line(s, h, lang) for h in sorted(COUNTRIES)},
    }


def switch_legend(lang: str, rows: list[str]) -> str:
    """The legend of the switch: the chosen scenario's title, description and
    stakes table (filled by the page), then the holders and the ``rows``."""
    swatches = [
        f'<i style="background: {PALETTE[h]};"></i>{escape_text(text("holder_" + h, lang))}'
        for h in ("RUS", "JPN")
    ]
    swatches.append(
        f'<i class="dashed"></i>{escape_text(text("scenario_moved", lang))}'
    )
    return (
        '<div class="kurils-scenario"><h4 class="kurils-scenario-title"></h4>'
        '<small class="kurils-scenario-description"></small>'
        f'<table class="kurils-stakes"><caption>{escape_text(text("stakes_table", lang))}'
        "</caption><tbody></tbody></table></div>" + "<br>".join(swatches + rows)
    )


class ScenarioSwitch(Control):
    """Recolours the islands, swaps the zones and cut line, and fills the
    stakes table for the chosen scenario (radio buttons)."""

    script, function = "scenario_switch", "scenarioSwitch"
    needs = ("stacking",)  # kurils.stack: the zones under the islands

    def __init__(self, m, geojson, radios, parts, options: dict) -> None:
        super().__init__()
        self.map, self.geojson = m, geojson
        self.radios, self.parts, self.options = radios, parts, options

    def arguments(self) -> list[str]:
        radios = ", ".join(f"[{fg.get_name()}, {k}]" for fg, k in self.radios)
        parts = ", ".join(
            f"[{group.get_name()}, {{"
            + ", ".join(f'"{k}": {child.get_name()}' for k, child in children.items())
            + f"}}, {'true' if above else 'false'}]"
            for group, children, above in self.parts
        )
        names = [self.map.get_name(), self.geojson.get_name()]
        return [*names, f"[{radios}]", f"[{parts}]", _json(self.options)]


def switch_scenarios(
    which, initial: Scenario | str | None
) -> tuple[tuple[Scenario, ...], Scenario]:
    """The switch's scenarios (``True`` or an empty list: the shipped ones; else
    each a :class:`Scenario` or a shipped id) and the one shown first:
    ``initial`` (added first if it is not among them) or the first.

    Examples
    --------
    >>> chosen, first = switch_scenarios(["four_groups", "equal_land"], None)
    >>> [s.id for s in chosen], first.id
    (['four_groups', 'equal_land'], 'four_groups')
    >>> chosen, first = switch_scenarios(True, "equal_land")
    >>> len(chosen), first.id
    (5, 'equal_land')
    >>> [s.id for s in switch_scenarios(["equal_land", "equal_land"], None)[0]]
    ['equal_land']
    """
    if isinstance(which, (str, Scenario)):  # one scenario, not its letters
        which = [which]
    if which is not True and not isinstance(which, Iterable):
        raise ValueError(
            f"scenarios: expected True or a list of scenarios, got {which!r}"
        )
    picked = scenarios() if which is True or not list(which) else which
    chosen = []
    for s in map(resolve_scenario, picked):  # each once: one radio button each
        chosen += [] if s in chosen else [s]
    if initial is None:
        return tuple(chosen), chosen[0]
    first = resolve_scenario(initial)
    if first not in chosen:
        chosen.insert(0, first)
    return tuple(chosen), first


def requested(
    which, switch, date, history: bool
) -> tuple[Scenario | None, tuple[Scenario, ...]]:
    """What :func:`kurils.build_map` was asked to draw: the scenario (a
    :class:`Scenario` or a shipped id), alone; with the ``switch``
    (:func:`switch_scenarios`), the one shown first and the switch's scenarios.
    Neither goes with a date or the history (``ValueError``)."""
    off = switch is None or switch is False
    if which is None and off:
        return None, ()
    if date is not None or history:
        raise ValueError("give a scenario, a date or the history, not several")
    if off:
        return resolve_scenario(which), ()
    chosen, first = switch_scenarios(switch, which)
    return first, chosen


def switch_base(data, fill_opacity: float) -> folium.FeatureGroup:
    """The switch page's islands, from a map's data (:class:`MapData`)."""
    return switch_islands(
        data.islands,
        data.scenarios,
        lang=data.lang,
        groups=load_population_1945(),
        fill_opacity=fill_opacity,
    )


def scenario_radios(m, scenarios: tuple[Scenario, ...], lang: str, first: Scenario):
    """One empty layer per scenario: the layer control's radio buttons."""
    out, names = [], set()
    for k, s in enumerate(scenarios):
        name = escape_text(getattr(s, f"title_{lang}", "") or s.title_en)
        # the layer control keys its radio buttons by name: a repeated title
        # would silently drop a scenario, so it is numbered
        label, n = name, k + 1
        while label in names:
            label, n = f"{name} ({n})", n + 1
        names.add(label)
        group = folium.FeatureGroup(name=label, show=s == first).add_to(m)
        out.append((group, k))
    return out


def add_switch(m, data, geojson, radios: list, built: dict, fill_opacity: float):
    """The switch's legend (with the stakes table) and its control on ``m``:
    ``radios`` from :func:`scenario_radios`, ``built`` the map's overlays by
    id (the zones and cut lines hold one child per scenario)."""
    table = stakes(data.scenarios)
    lines = [x.legend_row(data.lang) for x in LAYERS if x.legend and x.id in built]
    Legend(switch_legend(data.lang, lines), text("legend", data.lang)).add_to(m)
    # the zones under the islands, the cut lines above them
    parts = [
        (built[i], built[i].per_scenario, above)
        for i, above in (("scenario_zones", False), ("cut", True))
        if i in built
    ]
    options = {
        "fillOpacity": fill_opacity,
        "outline": LINES["outline"].color,
        "weight": LINES["outline"].width,
        "initial": data.scenarios.index(data.scenario),
        "moved": moved_line(data.lang),
        # the legend's body scrolls in the room under the controls above it
        "margin": Layout.MARGIN,
        "minBody": Layout.LEGEND_MIN_BODY,
        "scenarios": [
            stakes_rows(s, row, data.lang, data.sources, data.places)
            for s, (_, row) in zip(data.scenarios, table.iterrows(), strict=True)
        ],
    }
    ScenarioSwitch(m, geojson, radios, parts, options).add_to(m)
