"""The vendored assets in ``kurils/web/static``: the manifest, the files, and what
to say when a page needs an asset kurils does not ship."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from ..data._resources import frozen

__all__ = ["asset_text", "assets", "icon_shim", "missing_message"]


def _manifest() -> dict:
    """``static/assets.json``, read afresh: the cached helpers keep what they need."""
    return json.loads(
        (files("kurils.web") / "static" / "assets.json").read_text("utf-8")
    )


@cache
def assets() -> Mapping[str, Mapping]:
    """The shipped assets by URL, read-only (a cache hands out nothing a caller
    could change for the rest of the process)."""
    return frozen({a["url"]: a for a in _manifest()["assets"]})


@cache
def _supported_plugins() -> tuple[str, ...]:
    """The folium plugins whose assets kurils ships, by class name."""
    used = {u for a in assets().values() if a["use"] == "inline" for u in a["used_by"]}
    return tuple(sorted(u.rsplit(".", 1)[1] for u in used if ".plugins." in u))


@cache
def icon_shim() -> str:
    """Leaflet's default marker icons as ``data:`` URIs, as one ``<script>``."""
    extras = _manifest()["extras"]
    (shim,) = [e for e in extras if e["file"].endswith("icon-default.inline.js")]
    code = (files("kurils.web") / "static" / shim["file"]).read_text("utf-8")
    banner = f"/* {shim['package']}@{shim['version']} ({shim['license']}) */"
    return f"<script>{banner}\n{code}</script>"


def asset_text(entry: dict) -> str:
    return (files("kurils.web") / "static" / entry["file"]).read_text("utf-8")


def missing_message(what: str, url: str) -> str:
    """Name the folium class that wants ``url`` and the way to keep it online."""
    from folium import plugins

    users = sorted(
        f"{cls.__module__.split('.')[0]}.plugins.{name}"
        for name, cls in vars(plugins).items()
        if isinstance(cls, type)
        and any(
            u == url
            for _, u in [
                *getattr(cls, "default_js", []),
                *getattr(cls, "default_css", []),
            ]
        )
    )
    who = " or ".join(users) if users else "an element of the map"
    return (
        f"no offline copy of {what} {url}, needed by {who}. kurils ships offline "
        f"copies for {', '.join(_supported_plugins())}; to keep this one, let the page "
        "load it from the network: save_map(m, path, offline=False) or "
        "m.save(path, offline=False)"
    )
