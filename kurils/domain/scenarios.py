"""Settlement scenarios: who would hold which island, and what each option moves.

A :class:`Scenario` maps islands to holders (ISO 3166 alpha-3) and may cut an
island by a straight line. The shipped ones come from ``scenarios.csv``, each with
its titles in three languages, a one-line description and a source. Islands a
scenario does not name keep today's holder; every disputed island must be named.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from ..data import schema
from ..data.catalog import shipped
from ..data.integrity import transfer_targets
from ..data.reading import read_table
from ..data.validate import _rows
from ..errors import KurilsDataError
from ..i18n import name_columns
from .maritime import split_island
from .measurement import EQUAL_AREA_CRS

__all__ = [
    "Cut",
    "Scenario",
    "check_scenario",
    "equal_land_cut",
    "resolve_scenario",
    "scenario_islands",
    "scenarios",
]

_GRID = 1e-5  # cut lines are stored to about 1 m


@dataclass(frozen=True)
class Cut:
    """A straight line across one island; ``left`` and ``right`` hold the parts
    on either side, walking from the line's first point to its last."""

    island_id: str
    line: shapely.LineString
    left: str
    right: str


@dataclass(frozen=True)
class Scenario:
    """One settlement option: island_id -> holder, and optional cuts.

    Examples
    --------
    >>> s = Scenario("mine", "Shikotan only", holders={"shikotan": "JPN"})
    >>> s.validate()
    Traceback (most recent call last):
    ...
    kurils.errors.KurilsDataError: scenario 'mine': no holder for disputed island(s): aivazovskogo, anuchina, demina, iturup, kunashir, polonsky, signalny, tanfilyev, yury, zelyony
    """

    id: str
    title_en: str
    title_ru: str = ""
    title_ja: str = ""
    description: str = ""
    source: str = ""
    holders: Mapping[str, str] = field(default_factory=dict)
    cuts: tuple[Cut, ...] = ()

    def __post_init__(self) -> None:
        where = f"scenario {self.id!r}"
        if not isinstance(self.holders, Mapping):
            raise KurilsDataError(
                where, "holders: expected a mapping island_id -> holder"
            )
        if isinstance(self.cuts, (str, bytes)) or not isinstance(self.cuts, Iterable):
            raise KurilsDataError(where, "cuts: expected a sequence of kurils Cut")
        # frozen means frozen: a read-only copy, so a cached scenario cannot change
        object.__setattr__(self, "holders", MappingProxyType(dict(self.holders)))
        object.__setattr__(self, "cuts", tuple(self.cuts))

    @classmethod
    def from_table(
        cls, data: str | os.PathLike | pd.DataFrame, id: str, title_en: str = ""
    ) -> Scenario:
        """A scenario from a CSV file or frame with columns ``island_id, holder``."""
        df, where = read_table(data, "")
        missing = {"island_id", "holder"} - set(df.columns)
        if missing:
            raise KurilsDataError(
                where, f"missing columns: {', '.join(sorted(missing))}"
            )
        for col in ("island_id", "holder"):
            blank = ~df[col].map(lambda v: isinstance(v, str) and v.strip() != "")
            if blank.any():
                raise KurilsDataError(
                    where, f"column {col!r} is not text on {_rows(df, blank)}"
                )
        dup = df["island_id"][df["island_id"].duplicated()]
        if len(dup):
            raise KurilsDataError(where, f"duplicate island_id: {', '.join(dup)}")
        holders = dict(
            zip(df["island_id"].str.strip(), df["holder"].str.strip(), strict=True)
        )
        return cls(id, title_en or id, holders=holders).validate(where=where)

    def validate(
        self, islands: gpd.GeoDataFrame | None = None, where: str | None = None
    ) -> Scenario:
        """Check islands, holders and cuts; return the scenario or raise
        :class:`KurilsDataError` naming every problem. A user's ``islands``
        are checked first, as a map's are
        (:func:`kurils.domain.islands.check_user_islands`)."""
        from .islands import check_user_islands, load_islands

        islands = load_islands() if islands is None else check_user_islands(islands)
        return check_scenario(self, islands, where)


def check_scenario(
    scenario: Scenario, islands: gpd.GeoDataFrame, where: str | None = None
) -> Scenario:
    """:meth:`Scenario.validate` against islands already checked (the shipped
    ones, or a map's), so that no frame is checked twice."""
    where = where or f"scenario {scenario.id!r}"
    if kinds := _wrong_kinds(scenario):
        raise KurilsDataError(where, "; ".join(kinds))
    known = set(islands["island_id"])
    named = set(scenario.holders) | {c.island_id for c in scenario.cuts}
    problems = []
    if unknown := sorted(named - known):
        problems.append(f"unknown island_id: {', '.join(unknown)}")
    holders = list(scenario.holders.values()) + [
        h for c in scenario.cuts for h in (c.left, c.right)
    ]
    if bad := sorted(set(holders) - schema.COUNTRIES):
        problems.append(
            f"unknown holder: {', '.join(bad)} (use {sorted(schema.COUNTRIES)})"
        )
    disputed = set(islands.loc[islands["status"] == "disputed", "island_id"])
    if lacking := sorted(disputed - named):
        problems.append(f"no holder for disputed island(s): {', '.join(lacking)}")
    geom = islands.set_index("island_id").geometry
    for c in scenario.cuts:
        if c.island_id in known and not _crosses(geom[c.island_id], c.line):
            problems.append(f"cut line does not cross {c.island_id}")
    if problems:
        raise KurilsDataError(where, "; ".join(problems))
    return scenario


def _not_text(value) -> str:
    return "" if isinstance(value, str) else f": expected text, got {value!r}"


def _wrong_kinds(s: Scenario) -> list[str]:
    """What in ``s`` is of the wrong kind (a user may build one by hand), so
    that the checks after it compare text with text."""
    fields = ("id", *name_columns("title"), "description", "source")
    out = [f"{f}{_not_text(getattr(s, f))}" for f in fields if _not_text(getattr(s, f))]
    if isinstance(s.title_en, str) and not s.title_en.strip():
        out.append("title_en: empty (the map and the stakes name a scenario by it)")
    for iid, holder in s.holders.items():
        if _not_text(iid):
            out.append(f"island_id{_not_text(iid)}")
        elif _not_text(holder):
            out.append(f"holder of {iid}{_not_text(holder)}")
    for n, c in enumerate(s.cuts, 1):
        if not isinstance(c, Cut):
            out.append(f"cut {n}: expected a kurils Cut, got {c!r}")
            continue
        out += [
            f"cut {n}: {f}{_not_text(getattr(c, f))}"
            for f in ("island_id", "left", "right")
            if _not_text(getattr(c, f))
        ]
        if not isinstance(c.line, shapely.LineString):
            out.append(f"cut {n}: line: expected a shapely LineString, got {c.line!r}")
    return out


def _crosses(island, line) -> bool:
    """True if ``line`` leaves ``island`` in two parts, starting and ending at sea."""
    if not isinstance(line, shapely.LineString) or line.is_empty:
        return False
    ends = shapely.points(shapely.get_coordinates(line)[[0, -1]])
    left, right = split_island(island, line)
    return bool(
        not shapely.intersects(island, ends).any() and left.area > 0 and right.area > 0
    )


def _area_km2(geom) -> float:
    return (
        float(gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area[0])
        / 1e6
    )


def equal_land_cut(
    islands: gpd.GeoDataFrame | None = None, island_id: str = "iturup"
) -> shapely.LineString:
    """The line across ``island_id`` that gives each side half the disputed land,
    the other disputed islands going to the side on the line's left.

    Modelling choice: the line is straight (in lon/lat), perpendicular to the
    island's long axis (the long side of its minimum rotated rectangle, in an
    azimuthal equidistant projection centred on the island), and the part on its
    left is the south-west end. Areas in :data:`kurils.EQUAL_AREA_CRS`; the cut
    is found by bisection and stored to 1e-5°, so the halves agree to a few
    hundredths of a km².

    A user's ``islands`` are checked first, as a map's are
    (:func:`kurils.domain.islands.check_user_islands`).

    Examples
    --------
    >>> line = equal_land_cut()
    >>> [round(x, 1) for x in line.centroid.coords[0]]
    [147.4, 44.7]
    """
    from .islands import check_user_islands, load_islands

    islands = load_islands() if islands is None else check_user_islands(islands)
    return _halving_line(islands, island_id)


def _halving_line(islands: gpd.GeoDataFrame, island_id: str) -> shapely.LineString:
    """:func:`equal_land_cut` of islands already checked."""
    disputed = islands[islands["status"] == "disputed"].set_index("island_id")
    if island_id not in disputed.index:
        raise KurilsDataError(
            "<islands>", f"column 'island_id': no disputed island {island_id!r} to cut"
        )
    total = float(disputed["area_km2"].sum())
    target = float(disputed.loc[island_id, "area_km2"]) - total / 2  # left part
    geom = disputed.geometry[island_id]
    c = geom.centroid
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)
    back = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)
    g = shapely.transform(geom, lambda xy: np.column_stack(fwd.transform(*xy.T)))
    box = np.asarray(shapely.oriented_envelope(g).exterior.coords)
    edges = np.diff(box[:3], axis=0)
    u = edges[np.argmax(np.hypot(*edges.T))]
    u = u / np.hypot(*u) * (1 if u[0] < 0 else -1)  # towards the south-west end
    v = np.array([u[1], -u[0]])  # walking along v, +u is on the left
    half = float(np.hypot(*edges.T).max())

    def line_at(t: float) -> shapely.LineString:
        p = np.column_stack([-v * 1e5 + u * t, v * 1e5 + u * t])
        lon, lat = back.transform(p[0], p[1])
        return shapely.set_precision(
            shapely.LineString(np.column_stack([lon, lat])), _GRID
        )

    lo, hi = -half, half  # the left part shrinks as t grows
    for _ in range(40):
        mid = (lo + hi) / 2
        left, _ = split_island(geom, line_at(mid))
        lo, hi = (mid, hi) if _area_km2(left) > target else (lo, mid)
    return line_at((lo + hi) / 2)


def _holders_from_items(items: str, islands: pd.DataFrame) -> dict[str, str]:
    tokens, out = transfer_targets(islands), {}
    for item in items.split(";"):
        target, _, holder = item.strip().partition(">")
        if target not in tokens:
            raise KurilsDataError("scenarios.csv", f"unknown island or group: {target}")
        out.update(dict.fromkeys(tokens[target], holder))
    return out


@cache
def _shipped() -> tuple[Scenario, ...]:
    from .islands import load_islands

    islands = load_islands()
    table, where = shipped().scenarios(), shipped().where("scenarios")
    out = []
    for row in table.itertuples():
        holders = _holders_from_items(row.holders, islands)
        cuts = ()
        if isinstance(row.cut_island, str):
            line = (
                _halving_line(islands, row.cut_island)
                if row.cut_line == "equal_land"
                else shapely.from_wkt(row.cut_line)
            )
            holders.pop(row.cut_island, None)
            cuts = (Cut(row.cut_island, line, row.cut_left, row.cut_right),)
        s = Scenario(
            row.scenario_id, row.title_en, row.title_ru, row.title_ja,
            row.description, row.source, holders, cuts,
        )  # fmt: skip
        out.append(check_scenario(s, islands, f"{where}: {row.scenario_id}"))
    return tuple(out)


def scenarios() -> list[Scenario]:
    """The shipped scenarios, from ``scenarios.csv`` (frozen; safe to share).

    Examples
    --------
    >>> [s.id for s in scenarios()]
    ['status_quo', 'declaration_1956', 'two_plus_alpha', 'four_groups', 'equal_land']
    >>> s = scenarios()[1]
    >>> s.title_ja, s.holders["shikotan"], s.source
    ('日ソ共同宣言(歯舞・色丹)', 'JPN', 'wp_en_joint_declaration_1956')
    """
    return list(_shipped())


def resolve_scenario(which: Scenario | str) -> Scenario:
    """A scenario: a :class:`Scenario` (checked), or a shipped one's id.

    Examples
    --------
    >>> resolve_scenario("declaration_1956").holders["shikotan"]
    'JPN'
    >>> resolve_scenario("atlantis")
    Traceback (most recent call last):
    ...
    ValueError: unknown scenario 'atlantis'; choose one of status_quo, declaration_1956, two_plus_alpha, four_groups, equal_land
    """
    if isinstance(which, Scenario):
        return which.validate()
    shipped = {s.id: s for s in scenarios()}
    if which not in shipped:
        raise ValueError(
            f"unknown scenario {which!r}; choose one of {', '.join(shipped)}"
        )
    return shipped[which]


def scenario_islands(islands: gpd.GeoDataFrame, scenario: Scenario) -> gpd.GeoDataFrame:
    """``islands`` with a ``holder`` under ``scenario`` (today's administrator
    where it names none) and ``moved`` (it changes hands); a cut island as two
    rows, its part on each side of the line.

    Examples
    --------
    >>> import kurils
    >>> s = {x.id: x for x in kurils.scenarios()}["equal_land"]
    >>> out = scenario_islands(kurils.load_islands(), s)
    >>> out[out.island_id == "iturup"][["holder", "moved"]].values.tolist()
    [['JPN', True], ['RUS', False]]
    """
    out = islands.assign(
        holder=islands["island_id"]
        .map(dict(scenario.holders))
        .fillna(islands["administered_by"])
    )
    rows = [out[~out["island_id"].isin([c.island_id for c in scenario.cuts])]]
    for cut in scenario.cuts:
        row = out[out["island_id"] == cut.island_id]
        if not len(row):
            continue
        left, right = split_island(row.geometry.iloc[0], cut.line)
        parts = row.loc[row.index.repeat(2)].assign(holder=[cut.left, cut.right])
        rows.append(parts.set_geometry([left, right], crs=islands.crs))
    out = pd.concat(rows).sort_index(kind="stable").reset_index(drop=True)
    return out.assign(moved=out["holder"] != out["administered_by"])
