"""What is shipped, in numbers: the data behind ``kurils info``."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, metadata

from ..data import _resources
from .history import events, iso_date
from .islands import load_island_table
from .sources import load_sources

__all__ = ["format_summary", "summary"]


def _code_licence() -> str:
    try:
        return metadata("kurils").get("License-Expression") or "see LICENSE"
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "see LICENSE"


def summary() -> dict:
    """Counts, versions and licences of the shipped data, as plain JSON types.

    Examples
    --------
    >>> s = summary()
    >>> s["islands"]["total"], s["islands"]["by_group_status"]["lesser_kuril"]
    (37, {'disputed': 9})
    >>> s["licences"]["geometry"]["licence"], s["licences"]["attributes"]["licence"]
    ('ODbL-1.0', 'CC-BY-SA-4.0')
    """
    from .. import __version__

    sources, islands, timeline = load_sources(), load_island_table(), events()
    manifest = _resources.manifest()
    by = islands.groupby(["group", "status"], sort=False).size()
    groups: dict[str, dict[str, int]] = {}
    for (group, status), n in by.items():
        groups.setdefault(group, {})[status] = int(n)
    rows = {
        name.removeprefix("attributes/").removesuffix(".csv"): entry["rows"]
        for name, entry in sorted(manifest.items())
        if entry["kind"] == "table" and name != _resources.ISLANDS
    }
    geometry = manifest[_resources.GEOMETRY]
    attributes = manifest[_resources.ISLANDS]
    return {
        "kurils_version": __version__,
        "data_version": _resources.data_version(),
        "islands": {
            "total": len(islands),
            "kuril": int(islands["group"].ne("context").sum()),
            "by_group_status": groups,
        },
        "tables": rows,
        "events": {
            "count": len(timeline),
            "first": iso_date(timeline["date"].iloc[0]),
            "last": iso_date(timeline["date"].iloc[-1]),
        },
        "sources": {
            "count": len(sources),
            "publishers": int(sources["publisher"].nunique()),
        },
        "licences": {
            "geometry": {
                "licence": geometry["licence"],
                "attribution": geometry["attribution"],
                "source": geometry["source"],
            },
            "attributes": {
                "licence": attributes["licence"],
                "attribution": attributes["attribution"],
                "source": attributes["source"],
            },
            "code": {"licence": _code_licence()},
        },
    }


def format_summary(s: dict) -> str:
    """``summary()`` as headed plain text for a terminal."""
    isl = s["islands"]
    lines = [
        f"kurils {s['kurils_version']}, data version {s['data_version']}",
        "",
        f"Islands: {isl['total']} ({isl['kuril']} Kuril islands, "
        f"{isl['total'] - isl['kuril']} context land)",
        f"  {'group':<15}{'status':<12}{'islands':>7}",
    ]
    for group, statuses in isl["by_group_status"].items():
        for status, n in statuses.items():
            lines.append(f"  {group:<15}{status:<12}{n:>7}")
    ev = s["events"]
    lines += [
        "",
        "Tables",
        *(f"  {name:<15}{n:>5} rows" for name, n in s["tables"].items()),
        f"  events from {ev['first']} to {ev['last']}; "
        f"{s['sources']['count']} sources from {s['sources']['publishers']} publishers",
        "",
        "Licences",
    ]
    for part, lic in s["licences"].items():
        who = f": {lic['attribution']}" if "attribution" in lic else ""
        lines.append(f"  {part:<12}{lic['licence']}{who}")
        if "source" in lic:
            lines.append(f"  {'':<12}{lic['source']}")
    return "\n".join(lines)
