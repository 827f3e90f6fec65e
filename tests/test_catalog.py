"""The catalog reads each table once, checks it once, and hands out copies."""

from __future__ import annotations

import collections

import geopandas as gpd
import pandas as pd
import pytest

import kurils
from kurils import KurilsDataError
from kurils.data import _resources, catalog
from kurils.data.catalog import FILES, Catalog

#: Every product a catalog hands out, by method name.
PRODUCTS = (
    "sources",
    "island_table",
    "island_units",
    "island_polygons",
    "admin_units",
    "places",
    "events",
    "population_1945",
    "borders",
    "scenarios",
    "zones",
    "rocks",
)


@pytest.fixture
def reads(monkeypatch):
    """How often each shipped file is opened (every read goes through
    ``_resources.shipped``)."""
    counts = collections.Counter()
    opened = _resources.shipped

    def counting(name):
        counts[name] += 1
        return opened(name)

    monkeypatch.setattr(_resources, "shipped", counting)
    return counts


def test_a_catalog_reads_each_shipped_file_once(reads):
    cat = Catalog()
    for _ in range(3):
        for product in PRODUCTS:
            getattr(cat, product)()
        cat.raw("sources")
    assert dict(reads) == dict.fromkeys(FILES.values(), 1)


def test_every_loader_together_reads_each_file_once(reads):
    """The public functions, called one after the other in a fresh process's
    state, share the shipped catalog: no file is read twice, the map and the
    figure included (before the catalog, load_admin_units alone read sources.csv
    three times, stakes nine)."""
    catalog._shipped.cache_clear()  # as in a fresh process
    kurils.load_islands()
    kurils.load_admin_units()
    kurils.load_sources()
    kurils.load_places()
    kurils.load_population_1945()
    kurils.load_island_units()
    kurils.events()
    kurils.holdings()
    kurils.sovereignty_at("1900-01-01")
    kurils.load_borders()
    kurils.maritime_zones()
    kurils.stakes()
    kurils.build_map(history=True)
    kurils.figure(view="japan")
    from kurils.domain.sources import check_bibliography
    from kurils.domain.summary import summary

    summary()
    check_bibliography()
    assert reads, "nothing was read: the fixture no longer sees the reads"
    assert max(reads.values()) == 1, dict(reads)


@pytest.mark.parametrize("product", PRODUCTS)
def test_a_handed_out_frame_is_a_copy(product):
    cat = Catalog()
    first = getattr(cat, product)()
    before = first.copy()
    first.iloc[0, 0] = None  # a value
    if isinstance(first, gpd.GeoDataFrame):  # an extension array, written in place
        first.geometry.values[0] = None
    first[first.columns[1]] = None  # a whole column
    del first[first.columns[-1]]
    first.attrs["changed"] = True
    again = getattr(cat, product)()
    pd.testing.assert_frame_equal(again, before)
    assert "changed" not in again.attrs
    assert again is not getattr(cat, product)()


def test_loaders_hand_out_copies():
    islands = kurils.load_islands()
    islands.loc[0, "name_en"] = "changed"
    islands.geometry.values[1] = None
    again = kurils.load_islands()
    assert again.loc[0, "name_en"] == "Shumshu"
    assert again.loc[1, "geometry"] is not None


def test_a_catalog_of_a_users_table_reuses_the_rest(reads):
    """A user's places: the places are read from the user's frame; the sources
    and the island table, which the places do not go into, are shared with the
    shipped catalog and not read again."""
    catalog.shipped().island_table()  # the shipped catalog has done this work
    reads.clear()
    mine = catalog.shipped().raw("places").head(3)
    reads.clear()
    cat = Catalog(places=mine)
    assert len(cat.places()) == 3
    assert cat.island_table() is not None
    assert not reads, dict(reads)


def test_a_bad_user_table_is_named_and_not_kept():
    bad = Catalog().raw("sources")
    bad.loc[0, "url"] = "ftp://example.org/x"
    cat = Catalog(sources=bad)
    for _ in range(2):  # raised again: nothing bad was kept
        with pytest.raises(KurilsDataError, match=r"^<DataFrame>: column 'url'"):
            cat.island_table()


def test_unknown_tables_are_refused():
    with pytest.raises(TypeError, match="unknown tables: coastline"):
        Catalog(coastline="x.gpkg")


def test_source_ids_alone_stand_in_for_the_sources_table():
    known = kurils.load_sources().index
    cat = Catalog(sources=known)
    assert cat.source_ids() is known
    assert len(cat.events()) == len(kurils.events())
    with pytest.raises(TypeError, match="source ids, not a sources table"):
        cat.sources()


def test_user_islands_are_checked_by_the_catalog(islands):
    mine = islands.head(3).copy()
    mine.loc[0, "status"] = "occupied"
    with pytest.raises(KurilsDataError, match="<islands>: column 'status'"):
        catalog.shipped().user_islands(mine)
    checked = catalog.shipped().user_islands(islands.head(3))
    assert isinstance(checked, gpd.GeoDataFrame)
    assert checked.crs.to_epsg() == 4326


def test_every_consumer_checks_a_users_islands_through_the_catalog(
    islands, monkeypatch
):
    """The map, the figure, the zones and the layer builders refuse the same bad
    islands with the same message, and each asks the catalog to check them."""
    bad = islands.head(5).copy()
    bad.loc[2, "status"] = "occupied"
    asked = []
    check = Catalog.user_islands

    def counted(self, frame, *args, **kwargs):
        asked.append(len(frame))
        return check(self, frame, *args, **kwargs)

    monkeypatch.setattr(Catalog, "user_islands", counted)
    from kurils.web.labels import labels_layer

    consumers = {
        "map": lambda: kurils.build_map(islands=bad),
        "figure": lambda: kurils.figure(islands=bad),
        "zones": lambda: kurils.maritime_zones({"shikotan": "JPN"}, islands=bad),
        "layer": lambda: labels_layer(bad),
    }
    for name, make in consumers.items():
        asked.clear()
        with pytest.raises(KurilsDataError, match=r"^<islands>: column 'status'"):
            make()
        assert asked == [5], name


# the products a catalog makes from its tables (not the raw tables as read)
_PRODUCTS = sorted(k for k in catalog.MADE_FROM if not k.startswith("raw:"))


@pytest.mark.parametrize("product", _PRODUCTS)
def test_shipped_products_pass_every_cross_check(product):
    """The shipped catalog skips the checks that tie its tables together, for
    files whose hash is the manifest's (kurils.data.trust): here every one of
    them runs on those files, and the product is the same both ways."""
    from kurils.data.trust import checked_in_full

    assert all(Catalog().intact(name) for name in catalog.MADE_FROM[product])
    with checked_in_full():
        full = getattr(Catalog(), product)()
    trusted = getattr(Catalog(), product)()
    if isinstance(trusted, pd.DataFrame):
        pd.testing.assert_frame_equal(full, trusted, check_exact=True)
    else:
        pd.testing.assert_index_equal(full, trusted, exact=True)


def test_cross_checks_run_for_a_changed_shipped_file(tmp_path, monkeypatch):
    """A product of shipped files is cross-checked as soon as one of them is
    not the manifest's (edited in place); a user's table always is (see
    test_a_bad_user_table_is_named_and_not_kept)."""
    from kurils.data import trust

    calls = []
    monkeypatch.setattr(
        trust, "check_claims", trust.cross_check(lambda *a: calls.append(a))
    )
    Catalog().island_table()
    assert calls == []  # intact: skipped
    monkeypatch.setattr(Catalog, "intact", lambda self, name: name != "islands")
    Catalog().island_table()
    assert len(calls) == 1  # one table changed: checked
