"""What a page's inlined assets need trimmed or added, once they are inlined.

Each function takes the page (or a stylesheet) as text and returns it changed:
jQuery dropped where nothing calls it, Leaflet's marker icons given where a
marker is drawn, a stylesheet's repeated images written once.
"""

from __future__ import annotations

import re
from collections import Counter

from ._vendored import icon_shim

__all__ = ["drop_unused_jquery", "images_once", "with_marker_icons"]

_DATA_URL = re.compile(r"""url\((["']?)data:[^"')]*\1\)""")


def images_once(css: str) -> str:
    """``css`` with each ``data:`` image it uses more than once written once, as
    a custom property of ``:root`` that each use names (``var(--kurils-image-N)``):
    leaflet-search draws one sprite three times (10 KB)."""
    urls = [
        u for u, n in Counter(m[0] for m in _DATA_URL.finditer(css)).items() if n > 1
    ]
    if not urls:
        return css
    names = {u: f"--kurils-image-{i}" for i, u in enumerate(urls)}
    css = _DATA_URL.sub(lambda m: f"var({names[m[0]]})" if m[0] in names else m[0], css)
    return ":root{" + ";".join(f"{n}:{u}" for u, n in names.items()) + "}\n" + css


def with_marker_icons(page: str) -> str:
    """Give default ``L.marker`` icons their images: Leaflet cannot find them.

    Leaflet derives the icon URLs from the URL of ``leaflet.css``, which an inlined
    stylesheet does not have; the shim sets them as ``data:`` URIs. Only pages
    with markers (folium.Marker, MarkerCluster) get it.
    """
    leaflet = "/* leaflet@"
    start = page.find("<script>" + leaflet)
    if start < 0 or not re.search(r"\bL\.marker\(", _scripts_outside_assets(page)):
        return page
    end = page.index("</script>", start) + len("</script>")
    return page[:end] + icon_shim() + page[end:]


def drop_unused_jquery(page: str) -> str:
    """jQuery is only needed by folium features a kurils map does not use."""
    marker = "/* jquery@"
    start = page.find("<script>" + marker)
    if start < 0:
        return page
    end = page.index("</script>", start) + len("</script>")
    rest = page[:start] + page[end:]
    if _uses_jquery(_scripts_outside_assets(rest)):
        return page
    return rest


# jQuery called (`$(`, `$.ajax`; not `a$(`): the look-behind only where the rest is
_JQUERY = re.compile(r"(?<![\w.])(?:\$|jQuery)\s*[(.]")
_JQUERY_CANDIDATE = re.compile(r"(?:\$|jQuery)\s*[(.]")


def _uses_jquery(code: str) -> bool:
    return any(_JQUERY.match(code, m.start()) for m in _JQUERY_CANDIDATE.finditer(code))


def _scripts_outside_assets(page: str) -> str:
    """The page's own scripts, without the vendored libraries (by str.find: a
    lazy regex tried each character of the page's data, 5 ms)."""
    blocks, at = [], page.find("<script>")
    while at >= 0 and (end := page.find("</script>", at)) >= 0:
        blocks.append(page[at + len("<script>") : end])
        at = page.find("<script>", end + len("</script>"))
    return "\n".join(b for b in blocks if not b.startswith("/* "))
