"""Render a map as one self-contained, deterministic HTML file.

folium pages load Leaflet and every plugin from CDNs and give each element a random
id. :func:`render_html` replaces every ``<script src>`` / ``<link href>`` with the
pinned copy shipped in ``kurils/web/static`` (see ``assets.json`` there), removes the
assets a kurils map does not use, refuses to leave any remote asset behind, and
renumbers element ids in order of appearance so that the same map renders to the
same bytes. :func:`save_map` writes that file atomically.

Every kurils page is rendered in one pass. branca normally compiles each rendered
script *again* as a Jinja template, so that ``{{ 7*7 }}`` in a value, even one that
travels inside the GeoJSON data, runs as Python on the machine that renders the
page (and from there can run any command). :class:`Page`, the root of every kurils
map, renders its tree under :func:`single_pass`, in which already-rendered text is
kept as it is; :func:`render_html` does the same for any folium map given to it.
"""

from __future__ import annotations

import html
import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import branca.element
import folium
import folium.template
import jinja2

from .._atomic import write_atomic
from ..errors import OfflineError
from ._vendored import asset_text, assets, missing_message
from .pruning import drop_unused_jquery, images_once, with_marker_icons

__all__ = [
    "KurilsMap",
    "OfflineError",
    "Page",
    "render_html",
    "save_map",
    "single_pass",
]

_SCRIPT = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
_LINK = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"\s*/?>')
# folium ids: a name, an underscore and a uuid4 hex
_ID = re.compile(r"_([0-9a-f]{32})(?![0-9a-f])")
_REMOTE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
    re.I,
)
_CSS_REMOTE = re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.I)


class _Verbatim:
    """Stands in for :class:`jinja2.Template` where branca wraps text that is
    already rendered: it renders to that text, unchanged."""

    def __init__(self, source: str) -> None:
        self.source = source

    def render(self, *args, **kwargs) -> str:
        return self.source


_PASS_LOCK = threading.RLock()
_pass_depth = 0


@contextmanager
def single_pass():
    """Render folium elements without branca's second Jinja pass.

    branca's ``Element(text)`` compiles ``text`` as a template; every
    ``MacroElement`` (folium's layers, controls and plugins) hands its rendered
    script to such an element, which Jinja then evaluates again. Inside this
    context that name resolves to :class:`_Verbatim`, so rendered text stays as
    it is. Templates that folium compiles itself (the first, intended pass) are
    untouched. The patch is process-wide for its duration, so renders take a
    lock; it nests, and is undone on any exit.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> _ = folium.Marker([44, 146], tooltip="{{ 'ran' ~ 'as-python' }}").add_to(m)
    >>> "ranas-python" in m.get_root().render()  # folium alone evaluates the value
    True
    >>> with single_pass():
    ...     page = m.get_root().render()
    >>> "{{ 'ran' ~ 'as-python' }}" in page, "ranas-python" in page
    (True, False)
    """
    global _pass_depth
    with _PASS_LOCK:
        if _pass_depth == 0:
            original = branca.element.Template
            branca.element.Template = _Verbatim
            policies = [env.policies for env in _json_environments()]
            saved = [p["json.dumps_kwargs"] for p in policies]
            for p in policies:
                p["json.dumps_kwargs"] = COMPACT_JSON
        _pass_depth += 1
        try:
            yield
        finally:
            _pass_depth -= 1
            if _pass_depth == 0:
                branca.element.Template = original
                for p, kwargs in zip(policies, saved, strict=True):
                    p["json.dumps_kwargs"] = kwargs


#: How every value is written as JSON into a kurils page: sorted (deterministic),
#: without spaces, and UTF-8 rather than ``\u`` escapes (a third of the
#: bytes of Japanese and Russian text). Jinja's ``tojson`` still escapes ``<``,
#: ``>``, ``&`` and ``'``, so no value can end its script.
COMPACT_JSON = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}


def _json_environments():
    """The Jinja environments whose ``tojson`` writes folium's, branca's and
    kurils' data (Jinja keeps one environment per template class)."""
    return {folium.template.Template("").environment, jinja2.Template("").environment}


def _inline(page: str) -> str:
    shipped = assets()

    def inliner(tag: str, what: str):
        def replace(match: re.Match) -> str:
            entry = shipped.get(match["url"])
            if entry is None:
                raise OfflineError(missing_message(what, match["url"]))
            if entry["use"] == "drop":
                return ""
            # "</script" or "</style" inside the code would end the element early
            code = asset_text(entry).replace(f"</{tag}", f"<\\/{tag}")
            if tag == "style":
                code = images_once(code)
            banner = f"/* {entry['package']}@{entry['version']} ({entry['license']}) */"
            return f"<{tag}>{banner}\n{code}</{tag}>"

        return replace

    page = _SCRIPT.sub(inliner("script", "script"), page)
    return with_marker_icons(_LINK.sub(inliner("style", "stylesheet"), page))


def _renumber(page: str) -> str:
    ids: dict[str, str] = {}

    def sub(match: re.Match) -> str:
        return "_" + ids.setdefault(match[1], f"{len(ids):032x}")

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

    Examples
    --------
    >>> import folium
    >>> page = render_html(folium.Map(tiles=None))  # any folium map
    >>> "<script src=" in page, "/* leaflet@" in page
    (False, True)
    >>> render_html(folium.Map(tiles=None)) == page  # no random ids
    True
    """
    with single_pass():
        page = m.get_root().render()
    if offline:
        page = drop_unused_jquery(_inline(page))
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


class _SavesOffline:
    """folium's ``save``, writing :func:`save_map`'s page."""

    def save(
        self,
        outfile: str | bytes | os.PathLike | BinaryIO,
        close_file: bool = True,
        offline: bool = True,
    ) -> None:
        """Write the map's page as one self-contained, deterministic HTML file.

        Same call as folium's ``Map.save``, same page as :func:`save_map`: a
        path is written atomically (a failure leaves the old file untouched);
        a binary file object gets the UTF-8 page, and is closed unless
        ``close_file`` is False. folium's extra keyword arguments (passed to
        its templates) are not accepted: no kurils template reads them.

        Parameters
        ----------
        outfile : path-like or binary file object
        close_file : bool, default True
            Close ``outfile`` after writing, if it is a file object.
        offline : bool, default True
            False loads Leaflet and the plugins from their CDNs, as folium does:
            for a folium plugin kurils has no offline copy of.

        Raises
        ------
        OfflineError
            If the page needs an asset kurils does not ship (names the plugin).

        Examples
        --------
        >>> import io, kurils
        >>> m = kurils.build_map()
        >>> buf = io.BytesIO()
        >>> m.save(buf, close_file=False)
        >>> b"cdn.jsdelivr" in buf.getvalue(), b"<script src=" in buf.getvalue()
        (False, False)
        """
        root = self.get_root()  # the page: a map's figure, or the figure itself
        if isinstance(outfile, (str, bytes, os.PathLike)):
            save_map(root, os.fsdecode(outfile), offline=offline)
            return
        # rendered in full before the first byte goes out, as for a path
        outfile.write(render_html(root, offline=offline).encode("utf-8"))
        if close_file:
            outfile.close()


class Page(_SavesOffline, branca.element.Figure):
    """The HTML page around a kurils map: a branca Figure rendered in one pass
    (see :func:`single_pass`), whichever way it is rendered or saved; its
    ``save`` (``m.get_root().save(...)``) writes the offline page.

    It also renders the same page every time. folium's ``Layer.render`` gives
    each layer a new ``ElementAddToElement`` (a new random name) per render, and
    each element files its script in this figure under its name: a second render
    kept the first one's ``addTo`` lines and added its own, so a map shown in
    Jupyter and then saved was not the page a fresh map saves. Each render now
    first removes what the previous render filed (what was added otherwise stays).

    Examples
    --------
    >>> import kurils
    >>> m = kurils.build_map()
    >>> kurils.render_html(m) == kurils.render_html(m)
    True
    """

    _rendered: tuple[tuple[str, str], ...] = ()

    def render(self, **kwargs) -> str:
        parts = ("header", "html", "script")
        for part, name in self._rendered:
            getattr(self, part)._children.pop(name, None)
        before = {(p, n) for p in parts for n in getattr(self, p)._children}
        with single_pass():
            page = super().render(**kwargs)
        self._rendered = tuple(
            (p, n)
            for p in parts
            for n in getattr(self, p)._children
            if (p, n) not in before
        )
        return page


class KurilsMap(_SavesOffline, folium.Map):
    """A :class:`folium.Map` that shows and saves itself without the network.

    folium's notebook display and ``save`` load Leaflet from CDNs; this one
    embeds, and writes, the same offline page as :func:`save_map`.

    ``min_zoom``/``max_zoom`` also bound the map itself: folium hands them only
    to its tile layer, so a map with ``tiles=None`` had no zoom limits, and
    ``folium.plugins.MarkerCluster`` fails on it ("Map has no maxZoom specified").

    Examples
    --------
    >>> m = KurilsMap(tiles=None, max_zoom=9)
    >>> m.options["max_zoom"], type(m.get_root()).__name__
    (9, 'Page')
    >>> "srcdoc=" in m._repr_html_() and "cdn.jsdelivr" not in m._repr_html_()
    True
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # folium puts each map in a branca Figure; ours renders and saves as kurils'
        Page().add_child(self)
        for key in ("min_zoom", "max_zoom"):
            if kwargs.get(key) is not None:
                self.options.setdefault(key, kwargs[key])

    def _repr_html_(self, **kwargs) -> str:
        if self._parent is None:
            Page().add_child(self)
        page = render_html(self)
        return (
            '<div style="width:100%;"><div style="position:relative;width:100%;height:0;'
            'padding-bottom:60%;"><iframe srcdoc="'
            + html.escape(page, quote=True)
            + '" style="position:absolute;width:100%;height:100%;left:0;top:0;'
            'border:none !important;" allowfullscreen></iframe></div></div>'
        )
