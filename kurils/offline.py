"""Render a map as one self-contained, deterministic HTML file.

folium pages load Leaflet and every plugin from CDNs and give each element a random
id. :func:`render_html` replaces every ``<script src>`` / ``<link href>`` with the
pinned copy shipped in ``kurils/static`` (see ``assets.json`` there), removes the
assets a kurils map does not use, refuses to leave any remote asset behind, and
renumbers element ids in order of appearance so that the same map renders to the
same bytes. :func:`save_map` writes that file atomically.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

import folium

from ._atomic import write_atomic

__all__ = ["KurilsMap", "OfflineError", "render_html", "save_map"]

_SCRIPT = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
_LINK = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"\s*/?>')
# folium ids: a name, an underscore and a uuid4 hex
_ID = re.compile(r"(?<=_)[0-9a-f]{32}(?![0-9a-f])")
_REMOTE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
    re.I,
)
_CSS_REMOTE = re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.I)


class OfflineError(RuntimeError):
    """A page would still need the network (an asset kurils does not ship)."""


@cache
def _assets() -> dict[str, dict]:
    manifest = json.loads(
        (files("kurils") / "static" / "assets.json").read_text("utf-8")
    )
    return {a["url"]: a for a in manifest["assets"]}


def _asset_text(entry: dict) -> str:
    return (files("kurils") / "static" / entry["file"]).read_text("utf-8")


def _inline(page: str) -> str:
    assets = _assets()

    def inliner(tag: str, what: str):
        def replace(match: re.Match) -> str:
            entry = assets.get(match["url"])
            if entry is None:
                raise OfflineError(f"no offline copy of {what} {match['url']}")
            if entry["use"] == "drop":
                return ""
            # "</script" or "</style" inside the code would end the element early
            code = _asset_text(entry).replace(f"</{tag}", f"<\\/{tag}")
            banner = f"/* {entry['package']}@{entry['version']} ({entry['license']}) */"
            return f"<{tag}>{banner}\n{code}</{tag}>"

        return replace

    page = _SCRIPT.sub(inliner("script", "script"), page)
    return _LINK.sub(inliner("style", "stylesheet"), page)


def _drop_unused_jquery(page: str) -> str:
    """jQuery is only needed by folium features a kurils map does not use."""
    marker = "/* jquery@"
    start = page.find("<script>" + marker)
    if start < 0:
        return page
    end = page.index("</script>", start) + len("</script>")
    rest = page[:start] + page[end:]
    if re.search(r"(?<![\w.])(?:\$|jQuery)\s*[(.]", _scripts_outside_assets(rest)):
        return page
    return rest


def _scripts_outside_assets(page: str) -> str:
    """The page's own scripts, without the vendored libraries."""
    blocks = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    return "\n".join(b for b in blocks if not b.startswith("/* "))


def _renumber(page: str) -> str:
    ids: dict[str, str] = {}

    def sub(match: re.Match) -> str:
        return ids.setdefault(match[0], f"{len(ids):032x}")

    return _ID.sub(sub, page)


def render_html(m: folium.Map, offline: bool = True) -> str:
    """The map as one HTML page: deterministic, and with ``offline`` self-contained.

    Parameters
    ----------
    m : folium.Map
    offline : bool, default True
        Inline the shipped JS/CSS. With False, the page loads them from folium's
        CDNs, as folium does.

    Returns
    -------
    str

    Raises
    ------
    OfflineError
        If the page references an asset kurils does not ship, or any remote
        ``src``/``href`` or CSS ``url()`` is left.
    """
    page = m.get_root().render()
    if offline:
        page = _drop_unused_jquery(_inline(page))
        leftover = _REMOTE.search(page) or _CSS_REMOTE.search(page)
        if leftover:
            raise OfflineError(f"remote asset left in the page: {leftover[0]!r}")
    return _renumber(page)


def save_map(m: folium.Map, path: str | os.PathLike, offline: bool = True) -> Path:
    """Write the map as one self-contained HTML file, atomically.

    The page is rendered in full first and written to a temporary file next to
    ``path``, which then replaces ``path``: a failure never leaves a partial file.

    Parameters
    ----------
    m : folium.Map
        From :func:`kurils.build_map`, or any folium map.
    path : path-like
        Target file; its folder must exist.
    offline : bool, default True
        See :func:`render_html`.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import kurils, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> kurils.save_map(kurils.build_map(), out).stat().st_size < 1_500_000
    True
    """
    page = render_html(m, offline=offline)  # fails before anything is written
    return write_atomic(path, page.encode("utf-8"))


class KurilsMap(folium.Map):
    """A :class:`folium.Map` that shows itself in Jupyter without the network.

    folium's notebook display loads Leaflet from CDNs; this one embeds the same
    offline page that :func:`save_map` writes.
    """

    def _repr_html_(self, **kwargs) -> str:
        if self._parent is None:
            from branca.element import Figure

            Figure().add_child(self)
        page = render_html(self)
        return (
            '<div style="width:100%;"><div style="position:relative;width:100%;height:0;'
            'padding-bottom:60%;"><iframe srcdoc="'
            + html.escape(page, quote=True)
            + '" style="position:absolute;width:100%;height:100%;left:0;top:0;'
            'border:none !important;" allowfullscreen></iframe></div></div>'
        )
