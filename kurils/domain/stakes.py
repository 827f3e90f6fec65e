"""What each settlement scenario moves: land, sea, people and settlements."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import shapely

from ..errors import KurilsDataError
from .maritime import (
    _shipped_id,
    changed_hands,
    compute_zones,
    load_zones,
    split_island,
)
from .scenarios import (
    Scenario,
    _area_km2,
    check_scenario,
    resolve_scenario,
    scenarios,
)

__all__ = ["stakes"]

_SETTLEMENT_KINDS = {"town", "village", "city"}
_REFERENCE = "four_groups"  # the sea both sides claim: what this scenario moves


def _moved_land(s: Scenario, islands) -> tuple[dict, dict, list]:
    """Land of the four groups per holder, land moved off the status quo (km²),
    and the moved pieces as (island_id, geometry or None for the whole island)."""
    table = islands.set_index("island_id")
    per_holder: dict[str, float] = {}
    moved: list = []
    moved_km2 = 0.0
    cut_at = {c.island_id: c for c in s.cuts}
    for iid, row in table.iterrows():
        today = row["administered_by"]
        if iid in cut_at:
            c = cut_at[iid]
            pieces = zip(
                (c.left, c.right), split_island(row.geometry, c.line), strict=True
            )
            pieces = [(h, g, _area_km2(g)) for h, g in pieces]
        else:
            pieces = [(s.holders.get(iid, today), None, float(row["area_km2"]))]
        for holder, _, km2 in pieces:
            if row["status"] == "disputed":
                per_holder[holder] = per_holder.get(holder, 0.0) + km2
        going = [(g, km2) for h, g, km2 in pieces if h != today]
        moved_km2 += sum(km2 for _, km2 in going)
        # a cut island that moves in every part moves whole: its own figures
        # count, once, as for an island not cut
        whole = len(going) == len(pieces)
        moved += [(iid, None)] if going and whole else [(iid, g) for g, _ in going]
    return per_holder, {"land_moved_km2": moved_km2}, moved


def _people(moved: list, islands, places) -> dict:
    """Population and settlements on the moved land, with years and sources.

    A whole island counts its own figure. A cut island counts the listed
    settlements (``places.csv``, by their coordinates) on the part that moves,
    each with its own figure; one without a figure is named in
    ``settlements_no_figure``, never given one. The island's residents outside
    every listed settlement cannot be put on either part: they are
    ``population_unplaced``, not counted.
    """
    table = islands.set_index("island_id")
    pop, unplaced, years, sources, names, blank = 0, 0, set(), set(), [], []
    for iid, geom in moved:
        here = places[
            (places["island_id"] == iid) & places["kind"].isin(_SETTLEMENT_KINDS)
        ]
        if geom is not None:  # part of a cut island: count its settlements
            unplaced += _unplaced(table.loc[iid], here)
            here = here[shapely.within(here.geometry.values, geom)]
            rows = here.dropna(subset=["population"])
            blank += list(here.loc[here["population"].isna(), "name_en"])
        else:
            rows = table.loc[[iid]].dropna(subset=["population"])
        names += list(here["name_en"])
        pop += int(rows["population"].sum())
        years |= set(rows["population_year"].astype(int))
        sources |= set(rows["population_source"])
    return {
        "population_moved": pop,
        "population_year": "–".join(str(y) for y in sorted({min(years), max(years)}))
        if years
        else "",
        "population_source": ";".join(sorted(sources)),
        "population_unplaced": unplaced,
        "settlements_moved": ";".join(names),
        "settlements_no_figure": ";".join(blank),
        **dict(
            zip(
                ("residents_1945_moved", "residents_1945_source"),
                residents_1945_moved(moved),
                strict=True,
            )
        ),
    }


def _unplaced(island: pd.Series, settlements: pd.DataFrame) -> int:
    """A cut island's residents outside its listed settlements (0 when the
    island has no figure): which part they live on is not known."""
    if pd.isna(island["population"]):
        return 0
    listed = float(settlements["population"].dropna().sum())
    return max(int(island["population"] - listed), 0)


def residents_1945_moved(moved: list) -> tuple[int, str]:
    """Japanese residents on 15 August 1945 of the groups that move whole, and
    their source ids (``population_1945.csv``). A group moved only in part (a cut
    island, some of the Habomai islets) is not counted: its 1945 residents are
    not known by part."""
    from .population import load_population_1945

    whole = {iid for iid, geom in moved if geom is None}
    groups = load_population_1945()
    ids = groups["island_ids"].str.split(";")
    full = groups[[set(i) <= whole for i in ids]]
    return int(full["people"].sum()), ";".join(sorted(set(full["source"])))


def _sea(s: Scenario, progress) -> dict:
    """km² of territorial sea and EEZ that change hands (per shipped zones)."""
    shipped = load_zones()
    same = _shipped_id(s)  # a shipped scenario's holdings: its zones are shipped
    if same is not None:
        z = shipped[shipped["scenario_id"] == same]
        changed = z["changed_km2"]
    else:
        z = compute_zones(s, progress=progress)
        base = shipped[shipped["scenario_id"] == "status_quo"]
        changed = pd.Series(changed_hands(z, base), index=z.index)
    by_zone = changed.groupby(z["zone"]).sum()
    return {
        "territorial_sea_moved_km2": float(by_zone.get("territorial_sea", 0.0)),
        "eez_moved_km2": float(by_zone.get("eez", 0.0)),
    }


def _shipped_by_id() -> dict[str, Scenario]:
    return {s.id: s for s in scenarios()}


def stakes(
    scenarios: Iterable[Scenario | str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """One row per scenario: what it moves away from the status quo.

    Columns: ``scenario_id``, ``title_en``; ``land_jpn_km2``, ``land_rus_km2``
    (the four groups' land to each side, EPSG:6933) and ``land_share_jpn``;
    ``land_moved_km2`` (all land that changes hands); ``territorial_sea_moved_km2``
    and ``eez_moved_km2`` (12-200 nm), from :mod:`kurils.domain.maritime` (illustrations,
    not legal boundaries); ``sea_share_jpn`` (the moved sea as a share of what the
    four-groups scenario moves, i.e. of the sea both sides claim);
    ``population_moved`` (island populations, or for a cut island the named
    settlements on the moved part) with ``population_year`` (range) and
    ``population_source`` (source ids); ``population_unplaced`` (residents
    of a cut island outside its listed settlements: their side is not known,
    so they are not counted); ``settlements_moved``; ``settlements_no_figure``
    (settlements on a moved part without a population figure: named, not
    guessed);
    ``residents_1945_moved`` (Japanese residents on 15 August 1945 of the groups
    that move whole) with ``residents_1945_source``.

    ``scenarios`` are :class:`kurils.Scenario` objects or shipped ids (or one; by
    default every shipped one); anything else raises
    :class:`kurils.KurilsDataError`. Shipped scenarios read the precomputed
    zones; a user's scenario computes its zones (tens of seconds; progress as
    in :func:`kurils.maritime_zones`). A cut island that moves in every part
    counts as moving whole.

    Examples
    --------
    >>> t = stakes().set_index("scenario_id")
    >>> float(t.loc["four_groups", "land_share_jpn"]), float(t.loc["status_quo", "land_moved_km2"])
    (1.0, 0.0)
    >>> float(round(t.loc["equal_land", "land_share_jpn"], 3))
    0.5
    """
    from .islands import load_islands
    from .places import load_places

    islands, places = load_islands(), load_places()
    if isinstance(scenarios, (str, Scenario)):  # one scenario, not its letters
        scenarios = [scenarios]
    chosen = list(_shipped_by_id().values()) if scenarios is None else list(scenarios)
    if not chosen:
        raise KurilsDataError("scenarios", "no scenario given")
    for n, s in enumerate(chosen):
        if isinstance(s, str):
            chosen[n] = resolve_scenario(s)
        elif not isinstance(s, Scenario):
            raise KurilsDataError(
                "scenarios",
                f"item {n + 1}: expected a kurils.Scenario or a shipped id, got {s!r}",
            )
    rows = []
    for s in chosen:
        check_scenario(s, islands)  # the shipped islands: checked already
        per_holder, land, moved = _moved_land(s, islands)
        total = sum(per_holder.values())
        rows.append(
            {
                "scenario_id": s.id,
                "title_en": s.title_en,
                "land_jpn_km2": per_holder.get("JPN", 0.0),
                "land_rus_km2": per_holder.get("RUS", 0.0),
                "land_share_jpn": per_holder.get("JPN", 0.0) / total,
                **land,
                **_sea(s, progress),
                **_people(moved, islands, places),
            }
        )
    out = pd.DataFrame(rows)
    ref = _sea(_shipped_by_id()[_REFERENCE], progress)
    claimed = ref["territorial_sea_moved_km2"] + ref["eez_moved_km2"]
    moved_sea = out["territorial_sea_moved_km2"] + out["eez_moved_km2"]
    out.insert(
        out.columns.get_loc("population_moved"), "sea_share_jpn", moved_sea / claimed
    )
    return out
