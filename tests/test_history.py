"""The history: a sourced timeline, holdings replayed from it, maps of any day."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest

import kurils
from kurils import KurilsDataError
from kurils.domain.history import holdings


@pytest.fixture(scope="module")
def timeline():
    return kurils.events()


def test_timeline_is_sourced_and_ordered(timeline):
    assert timeline["date"].is_monotonic_increasing
    assert timeline["source"].isin(kurils.load_sources().index).all()
    assert timeline["year"].eq(timeline["date"].dt.year).all()
    for event in [
        "shimoda_1855",
        "st_petersburg_1875",
        "portsmouth_1905",
        "yalta_1945",
        "san_francisco_1951",
        "joint_declaration_1956",
        "tokyo_declaration_1993",
        "irkutsk_statement_2001",
        "nagato_summit_2016",
        "singapore_2018",
        "talks_suspended_2022",
    ]:
        assert event in set(timeline["event_id"]), event
    assert timeline[["title_en", "title_ru", "title_ja"]].notna().all().all()


def test_holdings_are_contiguous_and_complete(islands, timeline):
    h = holdings(timeline, islands)
    assert set(h["island_id"]) == set(islands["island_id"])
    for _, spans in h.groupby("island_id"):
        assert spans["since"].iloc[0] == pd.Timestamp("1855-02-07")
        assert pd.isna(spans["until"].iloc[-1])
        assert list(spans["until"].iloc[:-1]) == list(spans["since"].iloc[1:])
        assert (spans["held_by"] != spans["held_by"].shift()).all()  # real changes only


# (date, island, holder): inside periods and on both sides of each change; a change
# takes effect on the day of its event.
CASES = [
    ("1855-02-07", "iturup", "JPN"),
    ("1860-01-01", "urup", "RUS"),
    ("1860-01-01", "sakhalin_south", "JOINT"),
    ("1875-05-06", "urup", "RUS"),
    ("1875-05-07", "urup", "JPN"),
    ("1875-05-07", "sakhalin_north", "RUS"),
    ("1905-09-04", "sakhalin_south", "RUS"),
    ("1905-09-05", "sakhalin_south", "JPN"),
    ("1930-01-01", "shumshu", "JPN"),
    ("1930-01-01", "kamchatka", "SUN"),
    ("1945-08-27", "iturup", "JPN"),
    ("1945-08-28", "iturup", "SUN"),
    ("1945-09-02", "polonsky", "JPN"),
    ("1945-09-03", "polonsky", "SUN"),
    ("1991-12-25", "kunashir", "SUN"),
    ("1991-12-26", "kunashir", "RUS"),
    ("2020-01-01", "hokkaido", "JPN"),
]


@pytest.mark.parametrize(("date", "island", "holder"), CASES)
def test_sovereignty_at(islands, timeline, date, island, holder):
    s = kurils.sovereignty_at(date, islands=islands, timeline=timeline).set_index(
        "island_id"
    )
    assert s.loc[island, "held_by"] == holder
    assert pd.notna(s.loc[island, "source"]) and s.loc[island, "since"] <= pd.Timestamp(
        date
    )


def test_dates_are_datetime64_columns(islands, timeline):
    """``.dt`` works on every date column the history hands out."""
    h = holdings(timeline, islands)
    s = kurils.sovereignty_at("1946-03-01", islands=islands, timeline=timeline)
    borders = kurils.load_borders(islands, timeline=timeline)
    for frame, col in [
        (timeline, "date"),
        (timeline, "effective_date"),
        (h, "since"),
        (h, "until"),
        (s, "since"),
        (borders, "valid_from"),
        (borders, "valid_to"),
    ]:
        assert frame[col].dtype == "datetime64[ns]", col
        assert frame[col].dt.normalize().equals(frame[col]), col  # whole days
    assert timeline["date"].dt.year.min() == 1855
    assert h["until"].isna().sum() == len(islands)  # one open period per island
    assert s.set_index("island_id").loc["shikotan", "since"] == pd.Timestamp(
        "1945-09-01"
    )
    assert kurils.domain.history.iso_date(timeline["date"].iloc[0]) == "1855-02-07"


def test_bad_date_names_column_and_row(data_dir):
    df = pd.read_csv(
        data_dir / "attributes" / "events.csv", dtype=str, keep_default_na=False
    )
    df.loc[3, "date"] = "1905-13-01"
    with pytest.raises(
        KurilsDataError,
        match=r"column 'date' has values that are not dates .*1905-13-01 \(row 4",
    ):
        kurils.events(df)


def test_sovereignty_at_returns_geodataframe(islands):
    s = kurils.sovereignty_at(dt.date(1900, 1, 1), islands=islands)
    assert s.crs.to_epsg() == 4326 and len(s) == len(islands)
    assert list(s.columns[:4]) == ["island_id", "held_by", "since", "basis"]
    assert s["held_by"].notna().all()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("1855-02-06", "before the first event"),
        ("1700-01-01", "before the first event"),
        (str(dt.date.today() + dt.timedelta(days=1)), "in the future"),
        ("yesterday", "not an ISO date"),
        ("1905-02-30", "not an ISO date"),
        ("18750507", "not an ISO date"),
        ("1875-W19-5", "not an ISO date"),
    ],
)
def test_dates_outside_the_history(date, message):
    with pytest.raises(ValueError, match=message):
        kurils.sovereignty_at(date)


def test_bad_timeline(tmp_path, timeline, data_dir):
    df = pd.read_csv(
        data_dir / "attributes" / "events.csv", dtype=str, keep_default_na=False
    )
    bad = df.copy()
    bad.loc[0, "transfers"] = "atlantis>JPN"
    with pytest.raises(
        KurilsDataError, match="shimoda_1855: bad transfer 'atlantis>JPN'"
    ):
        kurils.events(bad)
    bad = df.copy()
    bad.loc[0, "transfers"] = "iturup>CHN"
    with pytest.raises(KurilsDataError, match="bad transfer"):
        kurils.events(bad)
    bad = df.iloc[::-1]
    with pytest.raises(KurilsDataError, match="not in date order"):
        kurils.events(bad)
    bad = df.copy()
    bad.loc[3, "date"] = "sometime"
    with pytest.raises(KurilsDataError, match="column 'date'"):
        kurils.events(bad)


def test_borders_follow_the_timeline():
    b = kurils.load_borders().set_index("border_id")
    assert b.loc["portsmouth_1905", "valid_from"] == pd.Timestamp("1905-09-05")
    assert b.loc["portsmouth_1905", "valid_to"] == pd.Timestamp("1945-08-25")
    assert pd.isna(b.loc["line_of_control_1945", "valid_to"])
    line = b.loc["portsmouth_1905", "geometry"]
    assert line.bounds[1] == pytest.approx(50.0, abs=1e-4)  # the 50th parallel


def _border_ids(m) -> set[str]:
    ids = set()
    for child in m._children.values():
        gj = getattr(child, "geojson", None)
        if (
            gj is not None
            and gj.data["features"]
            and "valid_from" in gj.data["features"][0]["properties"]
        ):
            ids |= {f["properties"]["border_id"] for f in gj.data["features"]}
    return ids


def test_map_of_a_day():
    m = kurils.build_map(date="1875-06-01")
    assert _border_ids(m) == {"st_petersburg_1875"}
    assert _border_ids(kurils.build_map(date="1930-01-01")) == {
        "st_petersburg_1875",
        "portsmouth_1905",
    }
    assert _border_ids(kurils.build_map(date="2000-01-01")) == {"line_of_control_1945"}
    page = kurils.render_html(m)
    assert "Holdings on" in page and "1875-06-01" in page
    assert "ViewSwitch" not in str(m.to_dict())


def test_history_map_has_slider_and_events():
    m = kurils.build_map(history=True, lang="ja")
    names = [c["name"] for c in m.to_dict()["children"].values()]
    assert "TimeSlider" in names
    page = kurils.render_html(m)
    assert (
        "日露和親条約" in page or "\\u65e5\\u9732\\u548c\\u89aa\\u6761\\u7d04" in page
    )
    with pytest.raises(ValueError, match="not both"):
        kurils.build_map(date="1900-01-01", history=True)


def test_cli_date_and_history(tmp_path):
    def run(*a):
        return subprocess.run(
            [sys.executable, "-m", "kurils.cli", "map", *a],
            capture_output=True,
            text=True,
        )

    res = run("--date", "1875-06-01", "--out", str(tmp_path / "1875.html"))
    assert res.returncode == 0, res.stderr
    res = run("--history", "--out", str(tmp_path / "h.html"))
    assert res.returncode == 0, res.stderr
    res = run("--date", "1850-01-01", "--out", str(tmp_path / "x.html"))
    assert res.returncode == 2 and "before the first event" in res.stderr
    assert not (tmp_path / "x.html").exists()
