"""Each link of a page's tooltips and popups once.

Every fact in a popup cites its source as a link, so a page repeated each
source's URL wherever it was cited (167 links, 42 URLs on the default map). In a
page, :class:`kurils.web.geojson.GeoJson` writes each link that :func:`link_tag`
made as ``<a data-kurils-link="N">``, ``N`` numbering the URL in the page's
:class:`LinkTable`; ``kurils/web/page/links.js`` sets the link's ``href`` (and
``target``, ``rel``) when its tooltip or popup opens. Only links of this exact
form, to an http(s) URL, are rewritten: user text reaches the page escaped, so
it cannot contain one; the URL travels as the escaped text it was in the tag
and is decoded in the page without parsing markup.

Examples
--------
>>> table = LinkTable()
>>> text = link_tag("https://example.org/?a=1&amp;b=2") + "Q&amp;A</a>, 2003"
>>> feature = {"type": "Feature", "properties": {"popup": text}, "geometry": None}
>>> linked(feature, table)["properties"]["popup"]
'<a data-kurils-link="0">Q&amp;A</a>, 2003'
>>> table.urls
('https://example.org/?a=1&amp;b=2',)
"""

from __future__ import annotations

import re

__all__ = ["LinkTable", "link_tag", "linked"]


def link_tag(url: str) -> str:
    """The opening tag of a link to ``url`` (an http(s) URL, HTML-escaped) that
    opens in a new tab."""
    return f'<a href="{url}" target="_blank" rel="noopener">'


_TAG = re.compile(
    re.escape(link_tag("URL")).replace("URL", r'(?P<url>(?i:https?://)[^"<>]*)')
)


class LinkTable:
    """The URLs of one page's links, each once, numbered in the order first added."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def add(self, url: str) -> int:
        """The number of ``url``, adding it if it is new."""
        return self._ids.setdefault(url, len(self._ids))

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(self._ids)


def _text(value, table: LinkTable):
    if isinstance(value, str):
        return _TAG.sub(
            lambda m: f'<a data-kurils-link="{table.add(m["url"])}">', value
        )
    if isinstance(value, list):
        return [_text(v, table) for v in value]
    return value


def linked(data: dict, table: LinkTable) -> dict:
    """``data`` (a FeatureCollection or a Feature) with every :func:`link_tag`
    in its properties' text naming its URL by number in ``table``; ``data``
    itself is left as it was."""
    if data.get("type") == "FeatureCollection":
        return {**data, "features": [linked(f, table) for f in data["features"]]}
    if data.get("type") == "Feature" and isinstance(data.get("properties"), dict):
        props = {k: _text(v, table) for k, v in data["properties"].items()}
        return {**data, "properties": props}
    return data
