"""The map at two levels: the folium objects, and the rendered, normalised HTML."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import folium
import pandas as pd
import pytest
import shapely

import kurils
from kurils import KurilsDataError
from kurils.domain.views import PALETTE, VIEWS
from kurils.i18n import LANGS
from kurils.i18n import text as _text
from kurils.web.escape import escape_text


def text(key: str, lang: str) -> str:
    """Interface text as it appears in layer names and on the page: escaped."""
    return escape_text(_text(key, lang))


@pytest.fixture(scope="module")
def default_map():
    return kurils.build_map()


@pytest.fixture(scope="module")
def page(default_map):
    return kurils.render_html(default_map)


def _layers(m: folium.Map) -> dict[str, folium.FeatureGroup]:
    return {
        child.layer_name: child
        for child in m._children.values()
        if isinstance(child, folium.FeatureGroup)
    }


def _geojson(group: folium.FeatureGroup) -> folium.GeoJson:
    (gj,) = [c for c in group._children.values() if isinstance(c, folium.GeoJson)]
    return gj


# --- folium objects ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_layer_names_in_language(lang):
    m = kurils.build_map(lang=lang)
    names = set(_layers(m))
    for key in [
        "layer_districts",
        "layer_claims",
        "layer_shimoda",
        "layer_labels",
        "layer_places",
    ]:
        assert text(key, lang) in names
    for view in VIEWS:
        assert text(f"view_{view}", lang) in names


def test_map_children(default_map):
    kinds = [c["name"] for c in default_map.to_dict()["children"].values()]
    for expected in [
        "GroupedLayerControl",
        "Fullscreen",
        "Legend",
        "Attribution",
        "ViewSwitch",
    ]:
        assert expected in kinds
    assert not any(k == "TileLayer" for k in kinds)  # offline: no tiles by default


def test_view_groups_exclusive_and_initial(default_map):
    (control,) = [
        c for c in default_map._children.values() if type(c).__name__ == "_LayerControl"
    ]
    view_group = text("group_view", "en")
    assert control.options["exclusiveGroups"] == [view_group]
    assert list(control.grouped_overlays[view_group]) == [
        text(f"view_{v}", "en") for v in VIEWS
    ]
    layers = _layers(default_map)
    shown = [v for v in VIEWS if layers[text(f"view_{v}", "en")].show]
    assert shown == ["neutral"]


def test_islands_tooltip_and_properties(default_map):
    islands = _layers(default_map)[text("islands", "en")]
    gj = _geojson(islands)
    details = {type(c).__name__: c for c in gj._children.values()}
    assert details["GeoJsonTooltip"].fields == ["tooltip"]
    assert details["GeoJsonPopup"].fields == ["popup"]
    props = {f["properties"]["island_id"]: f["properties"] for f in gj.data["features"]}
    assert len(props) == len(kurils.load_islands())
    it = props["iturup"]
    assert (
        "Iturup" in it["tooltip"]
        and "Итуруп" in it["tooltip"]
        and "択捉島" in it["tooltip"]
    )
    assert "Etorofu" in it["search"]
    assert it["hatch_neutral"] and not it["hatch_de_facto"]
    assert it["fill_de_facto"] == PALETTE["RUS"] and it["fill_japan"] == PALETTE["JPN"]
    assert props["urup"]["fill_japan"] == PALETTE["undetermined"]
    assert props["iturup"]["dash"] and not props["urup"]["dash"]
    # every fact in the popup carries its source
    assert "3,166.64" in it["popup"] and "2025" in it["popup"]
    assert it["popup"].count("<a href=") >= 3


def test_views_change_the_initial_style():
    fills = {}
    for view in VIEWS:
        m = kurils.build_map(view=view)
        gj = _geojson(_layers(m)[text("islands", "en")])
        feature = next(
            f for f in gj.data["features"] if f["properties"]["island_id"] == "kunashir"
        )
        fills[view] = gj.style_function(feature)
    assert "fillPattern" in fills["neutral"]
    assert (
        fills["de_facto"]["fillColor"] == fills["russia"]["fillColor"] == PALETTE["RUS"]
    )
    assert fills["japan"]["fillColor"] == PALETTE["JPN"]
    assert all(f["dashArray"] for f in fills.values())  # disputed: always dashed


def test_user_geodataframe(islands):
    """A user's edited GeoDataFrame (another CRS, fewer islands) maps."""
    mine = islands[islands.status == "disputed"].to_crs(3857)
    mine.loc[mine.island_id == "iturup", "name_en"] = "Iturup (edited)"
    m = kurils.build_map(islands=mine)
    gj = _geojson(_layers(m)[text("islands", "en")])
    assert len(gj.data["features"]) == len(mine)
    assert any(
        "Iturup (edited)" in f["properties"]["tooltip"] for f in gj.data["features"]
    )
    with pytest.raises(KurilsDataError, match="missing columns: status"):
        kurils.build_map(islands=mine.drop(columns="status"))
    # the same in the history and date modes, and as a figure
    assert "TimeSlider" in str(kurils.build_map(islands=mine, history=True).to_dict())
    kurils.build_map(islands=mine, date="1960-01-01")
    assert kurils.figure(islands=mine).axes[0].get_legend() is not None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g.assign(status="contested"), "'status' has values outside"),
        (
            lambda g: g.assign(administered_by="CHN"),
            "'administered_by' has values outside",
        ),
        (lambda g: g.assign(island_id="iturup"), "duplicate island_id: iturup"),
        (
            lambda g: g.set_geometry(
                g.geometry.map(lambda x: shapely.transform(x, lambda c: c[:, ::-1]))
            ),
            "outside the region .* swapped",
        ),
    ],
)
def test_user_geodataframe_is_validated(islands, change, message):
    with pytest.raises(KurilsDataError, match=message):
        kurils.build_map(islands=change(islands.copy()))


@pytest.mark.parametrize(
    "kwargs", [{"view": "chinese"}, {"lang": "fr"}, {"tiles": "google"}]
)
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError, match="unknown"):
        kurils.build_map(**kwargs)


def test_online_tiles_are_an_option():
    m = kurils.build_map(tiles="osm")
    page = kurils.render_html(m)
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in page
    assert text("layer_tiles", "en") in page


# --- rendered HTML ------------------------------------------------------------


def _normalise(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_offline_page_has_no_remote_assets(page):
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "/* leaflet@1.9.3 (BSD-2-Clause) */" in page
    assert "jquery" not in page.lower()  # not needed: dropped


def test_rendering_is_deterministic(default_map, page, tmp_path):
    assert kurils.render_html(kurils.build_map()) == page
    a = kurils.save_map(kurils.build_map(view="japan", lang="ja"), tmp_path / "a.html")
    b = kurils.save_map(kurils.build_map(view="japan", lang="ja"), tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()
    assert _random_ids(page) == ""  # every folium id renumbered


def _random_ids(page: str) -> str:
    """Ids that are not from the renumbering (which counts up from zero)."""
    ids = set(re.findall(r"_([0-9a-f]{32})(?![0-9a-f])", page))
    return " ".join(sorted(i for i in ids if int(i, 16) > 10_000))


def test_normalised_html_content(page):
    html = _normalise(page)
    assert "<title>The Kuril Islands dispute</title>" in html
    assert "L.control.groupedLayers(" in html
    assert re.search(r'"exclusiveGroups": \[ "Point of view",? \]', html)
    assert "new L.StripePattern(" in html
    assert "L.Control.Search(" in html and '"initial": false' not in html
    assert "initial: false" in html
    assert "L.control.fullscreen(" in html
    assert "control.scale(" in html.lower() or "L.control.scale(" in html
    assert "OpenStreetMap\\u003c/a\\u003e contributors (ODbL 1.0)" in html
    assert '"border_id":"shimoda_1855"' in html  # compact JSON (issue 10)


def test_save_is_atomic(tmp_path):
    """A map that cannot be made offline fails before writing: the old file stays."""
    target = tmp_path / "map.html"
    target.write_text("previous version")
    from folium.plugins import MousePosition  # not imported by kurils itself

    m = kurils.build_map()
    MousePosition().add_to(m)  # its JS is not shipped
    with pytest.raises(kurils.OfflineError, match="no offline copy"):
        kurils.save_map(m, target)
    assert target.read_text() == "previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


# --- CLI ----------------------------------------------------------------------


def _cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "kurils.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_cli_writes_map(tmp_path):
    out = tmp_path / "jp.html"
    res = _cli("map", "--view", "japan", "--lang", "ja", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert str(out) in res.stdout
    page = out.read_text(encoding="utf-8")
    assert "<title>北方領土問題：日本政府の立場</title>" in page
    # inside JS strings, as UTF-8 (compact JSON, issue 10)
    assert json.dumps("日本の立場", ensure_ascii=False)[1:-1] in page
    assert '"japan"' in page  # initial view handed to the view switch


def test_cli_bad_input_exits_nonzero_and_writes_nothing(tmp_path):
    bad = tmp_path / "islands.geojson"
    bad.write_text('{"type": "FeatureCollection", "feat')
    out = tmp_path / "map.html"
    res = _cli("map", "--islands", str(bad), "--out", str(out))
    assert res.returncode == 2
    assert res.stderr.startswith("kurils: error: ") and str(bad) in res.stderr
    assert not out.exists()
    res = _cli("map", "--view", "chinese", "--out", str(out))
    assert res.returncode == 2 and "invalid choice" in res.stderr
    assert not out.exists()


def test_cli_info():
    res = _cli("info")
    assert res.returncode == 0
    assert re.search(r"lesser_kuril\s+disputed\s+\d+", res.stdout)


def test_template_syntax_in_data_is_not_evaluated(islands):
    """branca renders scripts twice, the second time as Jinja: data must not run."""
    mine = islands.copy()
    mine.loc[mine.island_id == "iturup", "name_en"] = "{{ 7*7 }}{{ cycler.__init__ }}"
    page = kurils.render_html(kurils.build_map(islands=mine))
    # inside JSON, "&" is written \u0026
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125;" in page
    assert "<bound method" not in page and "&lt;bound method" not in page


def test_cli_output_is_identical_across_processes(tmp_path):
    """Separate runs, with different hash seeds (set order), give the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"m{seed}.html"
        res = subprocess.run(
            [sys.executable, "-m", "kurils.cli", "map", "--history", "--out", str(out)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert res.returncode == 0, res.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def _unit_names_ja(units, dtype: str):
    """``units``' Japanese names as a user's frame may hold them: categorical
    with Kurilsky District's missing, or all missing and read as numbers."""
    if dtype == "category":
        names = units["name_ja"].where(units["unit_id"] != "kurilsky")
        return names.astype("category")
    return pd.array([pd.NA] * len(units), dtype="Int64")


@pytest.mark.parametrize("dtype", ["category", "Int64"])
def test_island_popups_name_units_of_a_users_table_of_any_dtype(islands, dtype):
    """The islands' popups name each unit from a user's units table whatever
    the dtype of its name column (English where a name is missing): the same
    popups as from the same names as text."""
    from kurils.web.layers import islands_layer

    few = islands[islands["island_id"].isin(["iturup", "kunashir", "shikotan"])]
    units = kurils.load_admin_units().drop(columns="geometry")
    mine = units.assign(name_ja=_unit_names_ja(units, dtype))
    as_text = units.assign(name_ja=[None if pd.isna(v) else v for v in mine["name_ja"]])

    def popups(units) -> list[str]:
        layer = islands_layer(
            few,
            lang="ja",
            sources=kurils.load_sources(),
            units=units.set_index("unit_id"),
            links=kurils.load_island_units(),
        )
        return [f["properties"]["popup"] for f in layer.geojson.data["features"]]

    expected = popups(as_text)
    assert popups(mine) == expected
    kurilsky = units.loc[units["unit_id"] == "kurilsky", "name_en"].iloc[0]
    assert any(escape_text(kurilsky) in p for p in expected)  # Iturup's district


def test_layer_data_is_what_geopandas_writes_for_any_columns():
    """The gate from a frame to the page (geojson_data) writes what geopandas'
    ``__geo_interface__`` writes (missing values as null, each feature's bbox,
    features numbered), for columns of any dtype, any of them or none."""
    import geopandas as gpd
    import numpy as np

    from kurils.web.geojson import geojson_data

    frame = gpd.GeoDataFrame(
        {
            "text": ["a", None, "c", np.nan],
            "count": pd.array([1, None, 3, 4], dtype="Int64"),
            "number": [1.5, np.nan, 2.0, 3.0],
            "when": pd.to_datetime(["2020-01-01", None, "2021-01-01", "2022-01-01"]),
            "kind": pd.Categorical(["x", None, "y", "x"]),
            "flag": [True, False, True, False],
        },
        geometry=[
            shapely.box(146.0, 43.0, 146.2, 43.2),
            None,
            shapely.Polygon(),
            shapely.LineString([(146, 43, 1), (147, 44, 2)]),
        ],
        crs=4326,
        index=[7, 7, "z", 2],  # a user's index never reaches the page
    )
    for keep in ([], ["text"], list(frame.columns.drop("geometry"))):
        expected = frame[[*keep, "geometry"]].reset_index(drop=True)
        assert geojson_data(frame, keep) == expected.__geo_interface__, keep


def _categorical_with_a_gap(values: pd.Series) -> pd.Categorical:
    """``values`` as a categorical column whose first value is missing."""
    return pd.Categorical([None, *values.iloc[1:]])


@pytest.mark.parametrize("builder", ["districts_layer", "events_layer"])
def test_builders_take_categorical_text_columns(builder):
    """A user's text column of categorical dtype with a missing value (what
    ``astype("category")`` makes of a column with blanks) draws as the same
    text: a value missing falls back to English, as in a text column."""
    from kurils.web import layers

    sources = kurils.load_sources()
    if builder == "districts_layer":
        frame, lang, col = kurils.load_admin_units("RUS"), "ru", "name_ru"
        build = lambda f: layers.districts_layer(f, sources=sources, lang=lang)  # noqa: E731
    else:
        frame, lang, col = kurils.events(), "ja", "title_ja"
        build = lambda f: layers.events_layer(f, sources=sources, lang=lang)  # noqa: E731
    mine = frame.assign(**{col: _categorical_with_a_gap(frame[col])})
    as_text = frame.assign(**{col: [None, *frame[col].iloc[1:]]})

    def shown(layer) -> list[str]:
        return [f["properties"]["tooltip"] for f in layer.geojson.data["features"]]

    assert shown(build(mine)) == shown(build(as_text))


def test_an_events_layer_of_events_without_places_is_a_data_error():
    """Events none of which has a place to mark (a user's timeline without
    coordinates): one KurilsDataError naming the frame and the columns, not a
    raw error from pandas or folium."""
    from kurils.web import layers

    timeline = kurils.events().assign(place_lon=None, place_lat=None)
    with pytest.raises(KurilsDataError, match=r"<events>: no event .*place_lon"):
        layers.events_layer(timeline, sources=kurils.load_sources())
    one = kurils.events().head(3).assign(place_lon=None)
    one.loc[one.index[0], "place_lon"] = 141.35  # one placed: drawn alone
    layer = layers.events_layer(
        one.dropna(subset=["place_lat"]), sources=kurils.load_sources()
    )
    assert len(layer.geojson.data["features"]) == 1
