"""Who held which island when, from the Treaty of Shimoda (1855) to today.

Everything here is derived from one sourced table, ``events.csv``: each event that
moved land carries ``transfers`` (``TARGET>HOLDER`` items), and the holdings of
every island are replayed from them, never typed twice.

Conventions, stated once:

- A change takes effect **on the day the event happened** (``date``; for treaties
  the day of signature), from the start of that day: on 7 May 1875 Urup is already
  Japanese. ``effective_date`` (entry into force) is kept as information; it is not
  known for every treaty.
- ``held_by`` is who held the land, ISO 3166 alpha-3: ``JPN``, ``RUS`` (Russian
  Empire, then Russian Federation), ``SUN`` (the USSR, its ISO 3166-1 code until
  1992), ``JOINT`` (Sakhalin 1855-1875, left undivided). Holding means control
  recognised by the parties' treaties until 1945, and military control after:
  Japan's claim to the four southern groups is in :func:`kurils.load_islands`.
- The history starts with the first event (1855-02-07). Earlier dates, dates after
  today and unparseable dates raise :class:`ValueError`.
- Dates in the returned frames (``events().date`` and ``effective_date``,
  ``holdings().since`` and ``until``, ``sovereignty_at().since``) are pandas
  ``datetime64[ns]`` columns, midnight of the day, ``NaT`` where there is none, so
  ``.dt.year`` and date arithmetic work. (In kurils 0.1 they were
  ``datetime.date`` objects.) Functions that take a date accept ISO text, a
  ``datetime.date`` or a ``pandas.Timestamp``.

Group tokens in ``transfers``: ``four_groups`` (the islands whose status is
disputed today), ``kurils_north`` (the Greater Kuril islands from Urup north),
``lesser_kuril``; anything else is an ``island_id``.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import geopandas as gpd
import pandas as pd

from ..data.catalog import catalog
from ..data.integrity import transfer_targets
from ..data.user_islands import check_islands_table
from ..data.validate import DATE_DTYPE
from ..errors import KurilsDataError
from .islands import check_user_islands, load_island_table, load_islands

__all__ = [
    "DATE_DTYPE",
    "check_date",
    "events",
    "held_at",
    "holdings",
    "iso_date",
    "parse_date",
    "periods_of",
    "sovereignty_at",
]

PathOrFrame = str | os.PathLike | pd.DataFrame | None
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value) -> dt.date:
    """A date from ISO text, a ``datetime.date`` or a pandas Timestamp.

    Examples
    --------
    >>> parse_date("1875-05-07")
    datetime.date(1875, 5, 7)
    >>> parse_date("7 May 1875")
    Traceback (most recent call last):
    ...
    ValueError: not an ISO date (YYYY-MM-DD): '7 May 1875'
    """
    if (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and value != value)
    ):
        raise ValueError(f"no date given: {value!r}")
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if not _ISO_DATE.fullmatch(
            text
        ):  # fromisoformat also takes 18750507, 1875-W19-5
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def iso_date(value) -> str:
    """``YYYY-MM-DD`` for a date, Timestamp or ISO text; ``""`` for a missing one.

    Examples
    --------
    >>> iso_date(pd.Timestamp("1875-05-07")), iso_date(pd.NaT), iso_date(None)
    ('1875-05-07', '', '')
    """
    if value is None or pd.isna(value):
        return ""
    return parse_date(value).isoformat()


def events(data: PathOrFrame = None, sources=None) -> pd.DataFrame:
    """The timeline of the dispute, one sourced row per event, in date order.

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`kurils.data.schema.EVENTS` (``date`` and ``effective_date`` as
        ``datetime64[ns]``, ``NaT`` where unknown): titles in English, Russian and Japanese, a one-line
        summary, the place, ``transfers`` and the source.

    Raises
    ------
    KurilsDataError
        For a bad table: unparseable dates, unknown holders or islands in
        ``transfers``, unknown sources.

    Examples
    --------
    >>> timeline = events()
    >>> timeline.loc[0, ["event_id", "date", "title_ja"]].tolist()
    ['shimoda_1855', Timestamp('1855-02-07 00:00:00'), '日露和親条約']
    >>> timeline.date.dt.year.between(1945, 1956).sum()  # events of 1945-1956
    np.int64(14)
    """
    return catalog(events=data, sources=sources).events()


def holdings(
    timeline: pd.DataFrame | None = None, islands: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every island's periods of holding, replayed from the timeline.

    Parameters
    ----------
    timeline : DataFrame, optional
        As :func:`events` returns; loaded if not given.
    islands : DataFrame or GeoDataFrame, optional
        The islands (their table, or as :func:`kurils.load_islands` returns),
        checked as a map's are; the shipped ones if not given.

    Returns
    -------
    pandas.DataFrame
        One row per island and period: ``island_id``, ``held_by``, ``since``,
        ``until`` (``datetime64[ns]``; ``until`` is exclusive, ``NaT`` for the
        current period), ``basis`` (the
        ``event_id``), ``basis_title``, ``source``, ``year``. A transfer to the
        holder an island already has starts no new period.

    Examples
    --------
    >>> h = holdings()
    >>> print(h[h.island_id == "urup"][["held_by", "since", "basis"]].to_string(index=False))
    held_by      since                 basis
        RUS 1855-02-07          shimoda_1855
        JPN 1875-05-07    st_petersburg_1875
        SUN 1945-08-31  occupation_urup_1945
        RUS 1991-12-26 ussr_dissolution_1991
    """
    if isinstance(islands, gpd.GeoDataFrame):
        islands = check_user_islands(islands)
    elif islands is not None:
        islands = check_islands_table(islands)
    return periods_of(timeline, islands)


def periods_of(
    timeline: pd.DataFrame | None, islands: pd.DataFrame | None
) -> pd.DataFrame:
    """:func:`holdings` of islands already checked (a map's, or
    :func:`sovereignty_at`'s), so that no frame is checked twice."""
    timeline = events() if timeline is None else timeline
    islands = load_island_table() if islands is None else islands
    tokens = transfer_targets(islands)
    current: dict[str, dict] = {}
    periods: list[dict] = []
    for ev in timeline.dropna(subset=["transfers"]).itertuples():
        for item in ev.transfers.split(";"):
            target, _, holder = item.partition(">")
            for iid in tokens.get(target, ()):  # a user's islands may be a subset
                now = current.get(iid)
                if now is not None and now["held_by"] == holder:
                    continue
                if now is not None:
                    now["until"] = ev.date
                current[iid] = {
                    "island_id": iid, "held_by": holder, "since": ev.date, "until": None,
                    "basis": ev.event_id, "basis_title": ev.title_en,
                    "source": ev.source, "year": ev.year,
                }  # fmt: skip
                periods.append(current[iid])
    missing = sorted(set(islands["island_id"]) - set(current))
    if missing:
        raise KurilsDataError(
            "events.csv", f"no holder ever given for: {', '.join(missing)}"
        )
    order = {iid: i for i, iid in enumerate(islands["island_id"])}
    out = pd.DataFrame(periods)
    for col in ("since", "until"):
        out[col] = pd.to_datetime(out[col]).astype(DATE_DTYPE)
    out["_order"] = out["island_id"].map(order)
    return (
        out.sort_values(["_order", "since"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def check_date(date, timeline: pd.DataFrame) -> dt.date:
    """``date`` as a ``datetime.date``, if the history covers it; else ValueError."""
    when = parse_date(date)
    if when > dt.date.today():
        raise ValueError(f"{when} is in the future")
    first = timeline.iloc[0]
    if when < parse_date(first["date"]):
        raise ValueError(
            f"{when} is before the first event, {iso_date(first['date'])} "
            f"({first['title_en']}): no border was agreed"
        )
    return when


def sovereignty_at(
    date, islands: gpd.GeoDataFrame | None = None, timeline: pd.DataFrame | None = None
) -> gpd.GeoDataFrame:
    """Who held each island on ``date``.

    Parameters
    ----------
    date : str (YYYY-MM-DD), datetime.date or pandas.Timestamp
        A change takes effect on the day of its event (see the module notes).
    islands : GeoDataFrame, optional
        As :func:`kurils.load_islands` returns (a user's frame is checked as a
        map's is: :func:`kurils.domain.islands.check_user_islands`); loaded if
        not given.
    timeline : DataFrame, optional
        As :func:`events` returns; loaded if not given.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one row per island: ``island_id``, ``held_by``, ``since``
        (``datetime64[ns]``), ``basis``
        (event id), ``basis_title``, ``source``, ``year`` and the geometry.

    Raises
    ------
    ValueError
        For a date that cannot be parsed, is before the first event (1855-02-07)
        or is after today.
    KurilsDataError
        For bad islands: the frame, the column and the rows.

    Examples
    --------
    >>> s = sovereignty_at("1900-01-01").set_index("island_id")
    >>> s.loc[["urup", "iturup", "sakhalin_south"], "held_by"].tolist()
    ['JPN', 'JPN', 'RUS']
    >>> sovereignty_at("1850-01-01")
    Traceback (most recent call last):
    ...
    ValueError: 1850-01-01 is before the first event, 1855-02-07 (Treaty of Shimoda (Treaty of Commerce, Navigation and Delimitation)): no border was agreed
    """
    if islands is not None:
        islands = check_user_islands(islands)
    return held_at(date, islands, timeline)


def held_at(
    date, islands: gpd.GeoDataFrame | None, timeline: pd.DataFrame | None = None
) -> gpd.GeoDataFrame:
    """:func:`sovereignty_at` of islands already checked (a figure's), so that
    no frame is checked twice."""
    timeline = events() if timeline is None else timeline
    when = pd.Timestamp(check_date(date, timeline))
    islands = load_islands() if islands is None else islands
    h = periods_of(timeline, islands)
    open_then = h["until"].isna() | (when < h["until"])
    live = h[(h["since"] <= when) & open_then].drop(columns="until")
    out = islands[["island_id", "geometry"]].merge(live, on="island_id", how="left")
    return gpd.GeoDataFrame(
        out[[*live.columns, "geometry"]], geometry="geometry", crs=islands.crs
    )
