"""Defer a module that a dependency imports but the command never uses.

Not imported by the map itself: only :func:`kurils.cli.main` calls :func:`defer`,
before anything imports folium.
"""

from __future__ import annotations

import importlib
import sys
import types

__all__ = ["defer"]


class _Deferred(types.ModuleType):
    """Stands in for a module not imported yet; loads it on first use."""

    def __getattr__(self, attr: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # the real module takes its place
        return getattr(importlib.import_module(self.__name__), attr)


def defer(name: str) -> None:
    """Let ``import name`` bind a stand-in that loads the module on first use.

    folium imports ``requests`` when it starts (``folium/features.py``) for one
    thing: a ``GeoJson`` given a URL fetches it. The command never hands folium a
    URL (its pages are offline), yet requests and urllib3 cost about 30 ms of each
    ``kurils map``. With the stand-in, folium's ``import requests`` costs nothing,
    and whatever looks anything up on it (``requests.get``) loads the real module,
    which a later ``import requests`` then gets. Only the command does this, in its
    own process (:func:`kurils.cli.main`); a program that imports kurils keeps its
    imports as they are.

    Examples
    --------
    >>> defer("json")  # loaded already: nothing changes
    >>> type(sys.modules["json"]).__name__
    'module'
    """
    if name not in sys.modules:
        sys.modules[name] = _Deferred(name)
