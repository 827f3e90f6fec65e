"""Tooltip, popup and search text for the map, built in pandas and escaped.

Everything here returns HTML made of fixed tags and :func:`~kurils.web.escape.escape_text`
-escaped values, so the layer builders can hand it to folium as-is. No folium here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from ..i18n import name_column, name_columns, text
from .escape import escape_text
from .links import link_tag

__all__ = [
    "citations",
    "cite",
    "each",
    "island_popup",
    "island_search",
    "island_tooltip",
    "unit_name",
    "unit_names",
]

_SAFE_SCHEMES = ("https://", "http://")


def each(frame: pd.DataFrame, one: Callable[[dict], str]) -> pd.Series:
    """``one(row)`` of every row of ``frame`` given as a dict, on its index.

    What ``frame.apply(one, axis=1)`` gives, without building a Series for each
    row (about 20 times faster on the islands); an empty frame gives an empty
    Series.

    Examples
    --------
    >>> each(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]), lambda r: f"<{r['a']}>")
    x    <1>
    y    <2>
    dtype: object
    """
    rows = frame.to_dict("records")
    return pd.Series([one(r) for r in rows], index=frame.index, dtype=object)


def citations(sources: pd.DataFrame) -> Callable[[object, object], str]:
    """:func:`cite` for one bibliography, its titles and links looked up in
    dicts made once (a layer cites a source on every row)."""
    titles, urls = sources["title"].to_dict(), sources["url"].to_dict()

    def cite_one(source_id: object, year: object) -> str:
        if source_id is None or pd.isna(source_id):
            return ""
        title, url = titles.get(source_id, source_id), urls.get(source_id)
        label = escape_text(re.split(r" \(| - ", str(title), maxsplit=1)[0])
        if isinstance(url, str) and url.lower().startswith(_SAFE_SCHEMES):
            label = f"{link_tag(escape_text(url))}{label}</a>"
        year = escape_text(year)
        return f"{label}, {year}" if year else label

    return cite_one


def cite(source_id: object, year: object, sources: pd.DataFrame) -> str:
    """A short, escaped citation: the source's title as a link, and the year.

    The title is cut before its first parenthesis or " - ": the bibliography keeps
    the long form (what the source says, where it was seen).

    Only http(s) links are made; any other URL (``javascript:``, ``data:``) is
    shown as text, never as a link. To cite many, see :func:`citations`.

    Examples
    --------
    >>> import pandas as pd
    >>> src = pd.DataFrame({"title": ["Q&A (long note)"], "url": ["https://example.org/?a=1&b=2"]},
    ...                    index=pd.Index(["mofa"], name="source_id"))
    >>> cite("mofa", 2003, src)
    '<a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="noopener">Q&amp;A</a>, 2003'
    >>> cite("mofa", None, src.assign(url="javascript:alert(1)"))
    'Q&amp;A'
    """
    return citations(sources)(source_id, year)


def unit_names(units: pd.DataFrame, lang: str) -> Callable[[object], str]:
    """:func:`unit_name` for one table of units, their names looked up in a dict
    made once."""
    col = name_column(lang)
    # each name chosen as a value, not by fillna: that refuses English names in
    # a user's categorical or numeric name column
    named = {
        uid: name if pd.notna(name) else en
        for uid, name, en in zip(units.index, units[col], units["name_en"], strict=True)
    }

    def name_of(ids: object) -> str:
        if ids is None or pd.isna(ids):
            return ""
        return escape_text(", ".join(named.get(u, u) for u in str(ids).split(";")))

    return name_of


def unit_name(units: pd.DataFrame, ids: object, lang: str) -> str:
    """Names (escaped, in ``lang``, English where missing) of ``;``-separated ids.

    Examples
    --------
    >>> units = pd.DataFrame({"name_en": ["Kurilsk", "Nemuro"], "name_ja": [None, "根室市"]},
    ...                      index=["kurilsky", "nemuro_city"])
    >>> unit_name(units, "kurilsky;nemuro_city;other", "ja")
    'Kurilsk, 根室市, other'
    """
    return unit_names(units, lang)(ids)


def _countries(codes: object, lang: str) -> str:
    if codes is None or pd.isna(codes):
        return ""
    return ", ".join(text(f"holder_{c}", lang) for c in str(codes).split(";"))


def island_search(
    islands: pd.DataFrame, groups: pd.DataFrame | None = None
) -> pd.Series:
    """Every name of each island in one string, for the search box.

    The names as written, joined by " · " (only ``alt_names`` is a ``;``-separated
    list), then the names of the island's group where the group is not named
    after an island (the Habomai islets: "Habomai", "歯舞"), from ``groups``
    (:func:`kurils.load_population_1945`); then escaped: the page decodes the text
    before it matches or shows it.

    Examples
    --------
    >>> import pandas as pd
    >>> row = {"island_id": "x", "name_en": "O'Brien & Sons; <Isle>", "name_ru": None,
    ...        "name_ja": "島", "name_ja_romaji": None, "alt_names": "A;B"}
    >>> island_search(pd.DataFrame([row])).iloc[0]
    'O&#x27;Brien &amp; Sons; &lt;Isle&gt; · 島 · A · B'
    >>> group = pd.DataFrame({"group_id": ["g"], "island_ids": ["x;y"],
    ...                       "name_en": ["Isles"], "name_ru": [None], "name_ja": ["群島"]})
    >>> island_search(pd.DataFrame([row]), group).iloc[0]
    'O&#x27;Brien &amp; Sons; &lt;Isle&gt; · 島 · A · B · Isles · 群島'
    """
    names = [*name_columns(), "name_ja_romaji"]
    by_island: dict[str, list[str]] = {}
    if groups is not None:
        named = groups[~groups["group_id"].isin(islands["island_id"])]
        for g in named.itertuples():
            titles = [getattr(g, c) for c in name_columns() if pd.notna(getattr(g, c))]
            for iid in str(g.island_ids).split(";"):
                by_island.setdefault(iid.strip(), []).extend(titles)

    def one(r) -> str:
        alt = str(r["alt_names"]).split(";") if pd.notna(r["alt_names"]) else []
        own = [str(r[c]) for c in names if pd.notna(r[c])]
        return " · ".join([*own, *alt, *by_island.get(r["island_id"], [])])

    return each(islands, one).map(escape_text)


def island_tooltip(islands: pd.DataFrame, lang: str) -> pd.Series:
    """Hover text: the three names and who administers / claims the island."""
    col = name_column(lang)

    def one(r) -> str:
        others = " · ".join(escape_text(r[c]) for c in name_columns() if pd.notna(r[c]))
        status = text(f"status_{r['status']}", lang)
        return (
            f"<b>{escape_text(r[col] if pd.notna(r[col]) else r['name_en'])}</b><br>"
            f"{others}<br>{escape_text(text('administered_by', lang))}: "
            f"{escape_text(_countries(r['administered_by'], lang))}; "
            f"{escape_text(text('claimed_by', lang))}: "
            f"{escape_text(_countries(r['claimed_by'], lang))} ({escape_text(status)})"
        )

    return each(islands, one)


def island_popup(
    islands: pd.DataFrame,
    lang: str,
    sources: pd.DataFrame,
    units: pd.DataFrame,
    links: pd.DataFrame,
) -> pd.Series:
    """Click text: every fact with its source and year, as an HTML table."""
    col = name_column(lang)
    cite = citations(sources)
    name_of = unit_names(units, lang)
    # (island, unit) -> the link's source and year
    link_src = {
        (r["island_id"], r["unit_id"]): (r["source"], r["year"])
        for r in links.to_dict("records")
    }

    def unit_cell(r, ids) -> str:
        if pd.isna(ids):
            return ""
        src = link_src.get((r["island_id"], str(ids).split(";")[0]))
        cited = f" <small>({cite(*src)})</small>" if src is not None else ""
        return name_of(ids) + cited

    def row(label: str, value: str) -> str:
        return (
            f"<tr><th>{escape_text(text(label, lang))}</th><td>{value}</td></tr>"
            if value
            else ""
        )

    def one(r) -> str:
        name = r[col] if pd.notna(r[col]) else r["name_en"]
        names = " · ".join(
            escape_text(r[c])
            for c in (*name_columns(), "name_ja_romaji")
            if pd.notna(r[c])
        )
        status_src = f" <small>({cite(r['status_source'], r['status_year'])})</small>"
        area = f"{r['area_km2']:,.2f} {text('km2', lang)} <small>({escape_text(text('area_computed', lang))})</small>"
        if pd.notna(r.get("area_km2_quoted")):
            area += (
                f"<br>{r['area_km2_quoted']:,.2f} {text('km2', lang)} "
                f"<small>({cite(r['area_source'], r['area_year'])})</small>"
            )
        pop = ""
        if pd.notna(r.get("population")):
            pop = f"{int(r['population']):,} <small>({cite(r['population_source'], r['population_year'])})</small>"
        rows = "".join(
            [
                row(
                    "administered_by",
                    escape_text(_countries(r["administered_by"], lang)) + status_src,
                ),
                row("claimed_by", escape_text(_countries(r["claimed_by"], lang))),
                row("status", escape_text(text(f"status_{r['status']}", lang))),
                row("ru_district", unit_cell(r, r.get("ru_district"))),
                row("jp_municipality", unit_cell(r, r.get("jp_municipality"))),
                row("area", area),
                row("population", pop),
            ]
        )
        return (
            f'<div class="kurils-popup"><b>{escape_text(name)}</b><br>'
            f"<small>{names}</small><table>{rows}</table></div>"
        )

    return each(islands, one)
