"""Every fact from a cited source, one series per figure (issue 13).

The rejections are tested on the shipped tables with one thing broken, so each test
shows that the real data passes and that the check bites.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest

import kurils
from kurils.data import _resources
from kurils.domain.sources import check_bibliography

ATTRIBUTES = _resources.data_root() / "attributes"  # installed or checkout


def _csv(name: str) -> pd.DataFrame:
    with (ATTRIBUTES / name).open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False)


def test_shipped_bibliography_is_clean():
    sources = kurils.load_sources()
    assert sources["url"].str.match(r"https?://[^/]*[^./]/").all()
    assert not sources["url"].duplicated().any()
    check_bibliography()  # every source is cited by some table


@pytest.mark.parametrize(
    ("name", "row", "column", "value", "match"),
    [
        ("sources.csv", 1, "url", "<url of row 0>", "URL given more than once"),
        ("sources.csv", 1, "archive_url", "<url of row 0>", "more than once"),
        ("sources.csv", 3, "url", "ftp://example.org/a", "not an http"),
        ("sources.csv", 3, "url", "www.mofa.go.jp/a", "not an http"),
        ("sources.csv", 3, "url", "https://de.m.wikipedia.org./wiki/X", "not an http"),
        ("sources.csv", 3, "url", "", "'url' is empty"),
        ("population_1945.csv", 0, "source", "", "source"),
        ("population_1945.csv", 0, "year", "", "year"),
        ("population_1945.csv", 0, "island_ids", "iturup;kunashir", "exactly once"),
        ("islands.csv", 22, "population_year", "", "population_year"),
    ],
)
def test_one_broken_cell_is_rejected(name, row, column, value, match):
    """The shipped table with one cell broken: duplicate or non-http(s) URLs, no URL,
    a fact without source or year, a 1945 group listing an island twice."""
    table = _csv(name)
    assert table.loc[row, column] != value
    if value == "<url of row 0>":
        value = table.loc[0, "url"]  # a mirror equal to another source's original
    table.loc[row, column] = value
    load = {
        "sources.csv": kurils.load_sources,
        "population_1945.csv": kurils.load_population_1945,
        "islands.csv": kurils.load_island_table,
    }[name]
    with pytest.raises(kurils.KurilsDataError, match=match):
        load(table)


def test_uncited_source_is_rejected():
    sources = _csv("sources.csv")
    extra = sources.iloc[[0]].assign(
        source_id="never_cited", url="https://example.org/never-cited"
    )
    with pytest.raises(kurils.KurilsDataError, match="cited by no table: never_cited"):
        check_bibliography(pd.concat([sources, extra], ignore_index=True))


def test_population_1945_adds_up_to_the_published_totals():
    """The four groups sum to the total the same sources publish (17,291 / 3,124)."""
    pop = kurils.load_population_1945()
    assert list(pop["group_id"]) == ["iturup", "kunashir", "shikotan", "habomai"]
    assert (pop["people"].sum(), pop["households"].sum()) == (17291, 3124)
    assert set(pop["year"]) == {1945}
    sources = kurils.load_sources()
    assert sources.loc[pop["source"], "publisher"].str.contains("Cabinet Office").all()


def test_disputed_islands_share_one_population_series():
    islands = kurils.load_island_table()
    disputed = islands[islands["status"].eq("disputed") & islands["population"].notna()]
    assert (
        disputed[["population_source", "population_year"]].drop_duplicates().shape[0]
        == 1
    )


def test_population_from_another_series_needs_a_note():
    islands = _csv("islands.csv")
    row = islands.index[islands["island_id"].eq("kunashir")][0]
    islands.loc[row, ["population", "population_year", "population_source"]] = [
        "8531",
        "2018",
        "wp_ja_chishima",
    ]
    islands.loc[row, "note"] = "Kunashir."
    with pytest.raises(kurils.KurilsDataError, match="another series"):
        kurils.load_island_table(islands)
    islands.loc[row, "note"] = "Other series: wp_ja_chishima, the only 2018 figure."
    assert kurils.load_island_table(islands).loc[row, "population"] == 8531


def test_every_treaty_has_an_entry_into_force_after_signing():
    timeline = kurils.events()
    treaties = timeline[timeline["kind"].eq("treaty")]
    assert treaties["effective_date"].notna().all()
    assert (treaties["effective_date"] > treaties["date"]).all()
    assert all(isinstance(d, dt.date) for d in treaties["effective_date"])


def test_wording_follows_mofa():
    """MOFA says Urup *and* the islands north of it are undetermined, not 'north of Urup'."""
    for name in _resources.CITING_TABLES:
        table = _csv(name.split("/")[-1])
        text = " ".join(table.astype(str).to_numpy().ravel())
        assert "Kurils north of Urup" not in text, name


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_each_view_is_titled_in_its_own_terms(lang):
    from kurils.i18n import TITLE_SOURCES, title

    titles = {v: title(v, lang) for v in ("neutral", "de_facto", "japan", "russia")}
    assert len(set(titles.values())) == 4
    assert "千島列島" not in titles["japan"]  # the four groups are not in it for Japan
    known = kurils.load_sources().index
    assert all(sid in known for ids in TITLE_SOURCES.values() for sid in ids)


# Distances from Cape Nosappu to the nearest shore of each island, in km, as
# published by the Northern Territories Issue Association (hoppou_areas_h26), keyed
# by the Japanese name. They are an independent check of which Russian-named polygon
# carries which Japanese name.
NOSAPPU_KM = {
    "貝殻島": 3.7,
    "水晶島": 7.0,
    "秋勇留島": 13.7,
    "勇留島": 16.6,
    "志発島": 25.5,
    "多楽島": 45.5,
    "色丹島": 73.3,
    "択捉島": 144.5,
}


def test_habomai_name_pairs_fit_the_published_distances(islands):
    """Each Japanese name sits on the polygon at its published distance from Nosappu.

    Distances are measured in an azimuthal equidistant projection centred on the
    cape, where distances from the centre are geodesic (error well under 0.1 km at
    150 km); the published values are rounded to 0.1 km and were measured on other
    coastlines, so a match within 1 km is expected, and the nearest other candidate
    is farther than that for every islet.
    """
    cape = kurils.load_places().set_index("place_id").loc["cape_nosappu", "geometry"]
    aeqd = f"+proj=aeqd +lat_0={cape.y} +lon_0={cape.x} +datum=WGS84"
    shapes = islands.set_index("name_ja").geometry.to_crs(aeqd)
    origin = gpd.GeoSeries([cape], crs=4326).to_crs(aeqd).iloc[0]
    measured = {name: shapes.loc[name].distance(origin) / 1000 for name in NOSAPPU_KM}
    for name, published in NOSAPPU_KM.items():
        assert abs(measured[name] - published) < 1.0, (name, measured[name])
        others = [abs(measured[o] - published) for o in NOSAPPU_KM if o != name]
        assert min(others) > 1.0, name
