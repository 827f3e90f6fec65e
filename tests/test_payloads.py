"""User data never runs: payloads in every column and the index of every frame
that a public entry point accepts.

Each payload would show a marker, or create a folder, if any template engine
evaluated it (branca compiles rendered scripts again as Jinja; see
kurils.web.offline.single_pass). A frame's column either renders, the marker absent
and the folder never made, or is refused with KurilsDataError. Layer builders are
also rendered on a plain folium map, which makes branca's second pass: their
data must stay text there too. The browser tests show the text literally.
"""

from __future__ import annotations

import dataclasses
import html

import folium
import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.utils import htmlsafe_json_dumps

import kurils
from kurils.domain.history import holdings
from kurils.domain.islands import check_user_islands, load_island_units
from kurils.web import layers
from kurils.web.escape import escape_text
from kurils.web.offline import COMPACT_JSON

MARKER = "ranas-python"


def payloads(folder) -> list[str]:
    """Two payloads: one that evaluates (a marker, a side effect), one that would
    break a template's syntax (so it would hide an evaluation of the first)."""
    return [
        "{{ 'ran' ~ 'as-python' }} {{ cycler.__init__.__globals__.os.makedirs('"
        + str(folder)
        + "') }} ${alert(1)} `x` <img src=x onerror=alert(2)> \\ ' \"",
        "{# {% raw %} {{ </script><script>alert(3)</script>",
    ]


def _poisoned(frame: pd.DataFrame, columns, payload: str):
    """``frame`` with ``payload`` in each of ``columns`` (None: the index), made
    unique per row so that keys stay keys."""
    out = frame.copy()
    tagged = [f"{payload}{i}" for i in range(len(out))]
    for column in columns:
        if column is None:
            out.index = pd.Index(tagged, name=out.index.name)
        else:
            out[column] = pd.Series(tagged, index=out.index, dtype=object)
    return out


def _columns(frame: pd.DataFrame) -> list[str | None]:
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    return [None, *[c for c in frame.columns if c != geometry]]


def _assert_inert(render, folder) -> str:
    """Run ``render`` (returns page text or None); return how it ended."""
    try:
        page = render()
    except kurils.KurilsDataError:
        outcome = "refused"
    else:
        assert page is None or MARKER not in page
        outcome = "rendered"
    assert not folder.exists(), "a payload ran Python"
    return outcome


def _attack(frames: dict, build, render, tmp_path) -> dict:
    """Every column and the index of every frame, with each payload: each alone
    through ``build`` (which checks the frames), then every column it lets
    through at once through ``render`` (which draws the page). Returns the
    columns drawn, per frame."""
    folder = tmp_path / "ran"
    drawn = {}
    for name, frame in frames.items():
        for payload in payloads(folder):
            drawn[name] = []
            for column in _columns(frame):
                try:
                    build(**{**frames, name: _poisoned(frame, [column], payload)})
                except kurils.KurilsDataError:
                    continue
                drawn[name].append(column)
            mine = {**frames, name: _poisoned(frame, drawn[name], payload)}
            outcome = _assert_inert(lambda mine=mine: render(**mine), folder)
            assert outcome == "rendered", (name, drawn[name])
    return drawn


def _kurils_page(layer) -> str:
    m = kurils.KurilsMap(tiles=None)
    layer.add_to(m)
    return kurils.render_html(m)


def _folium_page(layer) -> str:
    m = folium.Map(tiles=None)  # rendered by folium itself: two Jinja passes
    layer.add_to(m)
    return m.get_root().render()


@pytest.fixture(scope="module")
def sources():
    return kurils.load_sources()


def _accepted_columns(frame, payload: str) -> list:
    """The columns (None: the index) that the check of a user's islands lets
    through with ``payload`` in them: what a map or a figure will draw."""
    drawn = []
    for column in _columns(frame):
        try:
            check_user_islands(_poisoned(frame, [column], payload))
        except kurils.KurilsDataError:
            continue
        drawn.append(column)
    return drawn


def test_islands_columns_and_index_never_run_in_build_map(islands, tmp_path):
    """Each column alone through the check build_map makes first; the ones it
    lets through (the drawn text), all at once through build_map itself."""
    fast = islands[islands["island_id"].isin(["iturup", "kunashir", "hokkaido"])]
    folder = tmp_path / "ran"
    for n, payload in enumerate(payloads(folder)):
        drawn = _accepted_columns(fast, payload)
        assert {None, "name_en", "name_ja", "note", "island_id"} <= set(drawn)
        assert "population" not in drawn and "status" not in drawn
        # the history knows the shipped ids only: a dated map keeps them
        dated = [c for c in drawn if c != "island_id"]
        for mode, mine in (
            ({}, _poisoned(fast, drawn, payload)),
            ({"view": "japan", "lang": "ja"}, _poisoned(fast, drawn, payload)),
            ({"date": "1950-01-01"}, _poisoned(fast, dated, payload)),
            ({"scenarios": True}, _poisoned(fast, drawn, payload)),
        ):
            outcome = _assert_inert(
                lambda mine=mine, mode=mode: kurils.render_html(
                    kurils.build_map(islands=mine, **mode)
                ),
                folder,
            )
            assert outcome == "rendered", (n, mode)


def test_a_users_scenario_text_never_runs(tmp_path):
    """A user's scenario with a payload in its id, titles, description and
    source, in the scenario switch and on a scenario's own page (holdings of
    the 1956 Declaration: the shipped zones serve, nothing is computed)."""
    base = {s.id: s for s in kurils.scenarios()}["declaration_1956"]
    folder = tmp_path / "ran"
    texts = ("id", "title_en", "title_ru", "title_ja", "description", "source")
    for payload in payloads(folder):
        mine = dataclasses.replace(base, **dict.fromkeys(texts, payload))
        for kwargs in (
            {"scenarios": ["status_quo", mine], "scenario": mine, "lang": "ja"},
            {"scenario": mine},
        ):
            outcome = _assert_inert(
                lambda kwargs=kwargs: kurils.render_html(kurils.build_map(**kwargs)),
                folder,
            )
            assert outcome == "rendered", kwargs


def test_history_map_never_runs_user_text(islands, tmp_path):
    fast = islands[islands["island_id"].isin(["iturup", "urup", "hokkaido"])]
    columns = [None, "name_en", "name_ru", "name_ja", "note"]
    for payload in payloads(tmp_path / "ran"):
        mine = _poisoned(fast, columns, payload)
        outcome = _assert_inert(
            lambda mine=mine: kurils.render_html(
                kurils.build_map(islands=mine, history=True)
            ),
            tmp_path / "ran",
        )
        assert outcome == "rendered"


def test_choropleth_never_runs_user_text(islands, tmp_path):
    few = islands[islands["island_id"].isin(["iturup", "kunashir", "shikotan"])]
    frame = few.assign(value=range(len(few)))
    drawn = _attack(
        {"frame": frame},
        lambda frame: kurils.choropleth_layer(frame, "value"),
        lambda frame: _folium_page(kurils.choropleth_layer(frame, "value")),
        tmp_path,
    )
    assert "name_en" in drawn["frame"] and None in drawn["frame"]
    assert "value" not in drawn["frame"]  # numbers only
    for payload in payloads(tmp_path / "ran"):  # the column's own name
        named = frame.rename(columns={"value": payload})
        page = _assert_inert(
            lambda named=named, payload=payload: _kurils_page(
                kurils.choropleth_layer(named, payload)
            ),
            tmp_path / "ran",
        )
        assert page == "rendered"


LAYER_CASES = {
    "islands_layer": lambda d: (
        layers.islands_layer,
        {
            "islands": d["islands"],
            "sources": d["sources"],
            "units": d["units"].set_index("unit_id"),
            "links": d["links"],
            "groups": kurils.load_population_1945(),
        },
    ),
    "districts_layer": lambda d: (
        layers.districts_layer,
        {"districts": d["units"][d["units"].country == "RUS"], "sources": d["sources"]},
    ),
    "claims_layer": lambda d: (
        layers.claims_layer,
        {
            "municipalities": d["units"][d["units"].country == "JPN"],
            "sources": d["sources"],
        },
    ),
    "borders_layer": lambda d: (
        layers.borders_layer,
        {"borders": d["borders"], "sources": d["sources"]},
    ),
    "holdings_layer": lambda d: (
        layers.holdings_layer,
        {"islands": d["islands"], "periods": holdings(d["events"], d["islands"])},
    ),
    "events_layer": lambda d: (
        layers.events_layer,
        {"timeline": d["events"], "sources": d["sources"]},
    ),
    "places_layer": lambda d: (
        layers.places_layer,
        {"places": d["places"], "sources": d["sources"]},
    ),
    "labels_layer": lambda d: (layers.labels_layer, {"islands": d["islands"]}),
}


@pytest.fixture(scope="module")
def data(islands, sources):
    few = islands[islands["island_id"].isin(["iturup", "urup", "shikotan"])]
    return {
        "islands": few,
        "sources": sources,
        "units": kurils.load_admin_units(),
        "links": load_island_units(),
        "borders": kurils.load_borders(border_ids=["shimoda_1855"]),
        "events": kurils.events().head(6),
        "places": kurils.load_places().head(4),
    }


@pytest.mark.parametrize("builder", sorted(LAYER_CASES))
def test_layer_builders_never_run_user_text(builder, data, tmp_path):
    function, frames = LAYER_CASES[builder](data)

    def render(**frames):
        # a kurils page makes one pass; a plain folium page makes two
        return _kurils_page(function(**frames)) + _folium_page(function(**frames))

    drawn = _attack(frames, function, render, tmp_path)
    # an unnamed index is the user's own: drawn, never reaching the page as
    # code; a named one is a key (``source_id``, ``unit_id``), checked as such
    for name, frame in frames.items():
        assert frame.index.name is not None or None in drawn[name], name


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1).filter(str.strip))
def test_any_text_arrives_unchanged_after_both_passes(islands, name):
    """Arbitrary Unicode as an island's name, on a plain folium page (two Jinja
    passes): the page renders, and the label's data is exactly the escaped name."""
    one = islands[islands["island_id"] == "iturup"].assign(name_en=name)
    page = _folium_page(layers.labels_layer(one, lang="en"))
    label = f'<div class="kurils-label">{escape_text(name)}</div>'
    assert htmlsafe_json_dumps(label, **COMPACT_JSON)[1:-1] in page
    assert html.unescape(escape_text(name)) == name


def test_page_code_is_inert_in_any_page():
    """The page's own JavaScript and CSS (kurils/web/page) are inlined as they are:
    nothing in them may end their element early or read as a Jinja template
    when a plain folium page renders a kurils layer twice."""
    from importlib.resources import files

    folder = files("kurils.web") / "page"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith((".js", ".css")))
    assert {"labels.js", "legend.js", "search.js", "view_switch.js"} <= set(names)
    for name in names:
        code = (folder / name).read_text("utf-8")
        for token in ("{{", "{%", "{#", "</script", "</style"):
            assert token not in code, (name, token)


def test_figure_never_runs_or_parses_user_text(islands, tmp_path):
    """figure(islands=...): every column and the index, checked as build_map
    checks them; the drawn ones, all at once, render to SVG as text (no
    template, no mathtext)."""
    fast = islands[islands["island_id"].isin(["iturup", "kunashir", "hokkaido"])]
    folder = tmp_path / "ran"
    for payload in [*payloads(folder), r"Itu $x^2$ rup $\frac{1}{$"]:
        drawn = _accepted_columns(fast, payload)
        assert "name_en" in drawn
        mine = _poisoned(fast, drawn, payload)
        out = tmp_path / "fig.svg"
        kurils.save_figure(kurils.figure(islands=mine), out)
        assert out.stat().st_size > 10_000 and not folder.exists()


def test_a_source_url_carrying_a_payload_stays_text(data, browser, tmp_path):
    """A page writes each cited http(s) URL once, in a table its links name by
    number (kurils.web.links): a URL carrying a payload stays text there, in a
    kurils page, in a plain folium page (two passes) and, opened, in the link."""
    folder = tmp_path / "ran"
    function, frames = LAYER_CASES["islands_layer"](data)
    for i, payload in enumerate(payloads(folder)):
        url = f"https://example.org/?q={payload}"
        mine = {**frames, "sources": frames["sources"].assign(url=url)}
        pages = [_kurils_page(function(**mine)), _folium_page(function(**mine))]
        for page in pages:
            assert MARKER not in page and "data-kurils-link" in page
        assert not folder.exists(), "a payload ran Python"
        path = tmp_path / f"links{i}.html"
        path.write_text(pages[0], encoding="utf-8")
        page = browser.new_page()
        page.goto(path.as_uri())
        hrefs = page.evaluate(
            """() => {
                for (const k of Object.keys(window)) {
                    if (!(window[k] instanceof L.GeoJSON)) continue;
                    window[k].eachLayer(l => l.feature.properties.island_id === "iturup"
                        && l.fire("click", {latlng: l.getCenter()}, true));
                }
                return [window.__xss, ...[...document.querySelectorAll(
                    ".leaflet-popup-content a")].map(a => a.getAttribute("href"))];
            }"""
        )
        page.close()
        assert hrefs[0] is None and len(hrefs) > 1
        assert set(hrefs[1:]) == {url}
