"""Online basemaps: ``osm`` or any of the providers xyzservices knows, by name.

xyzservices is a dependency of folium; its catalogue gives each provider's URL,
attribution, zoom range and subdomains. kurils never loads tiles unless asked:
the default map draws land and sea from the shipped data and works offline.
"""

from __future__ import annotations

import xyzservices

__all__ = ["ALIASES", "tile_names", "tile_options", "tile_provider"]

#: kurils' own short names for providers.
ALIASES = {"osm": "OpenStreetMap.Mapnik"}

_NO_KEY = "<insert your"  # xyzservices' placeholder where an API key goes


def tile_provider(
    tiles: str | xyzservices.TileProvider, key: str | None = None
) -> xyzservices.TileProvider:
    """The provider for a name (``"osm"``, ``"Esri.WorldImagery"``, ...).

    Parameters
    ----------
    tiles : str or xyzservices.TileProvider
        ``osm`` or an xyzservices name (case and dots do not matter:
        ``"cartodb positron"`` is ``CartoDB.Positron``); a provider object is
        taken as it is.
    key : str, optional
        The API key, for the providers that need one.

    Raises
    ------
    ValueError
        For an unknown name.

    Examples
    --------
    >>> tile_provider("osm").name
    'OpenStreetMap.Mapnik'
    >>> tile_provider("esri worldimagery").name
    'Esri.WorldImagery'
    >>> tile_provider("google")
    Traceback (most recent call last):
    ...
    ValueError: unknown tiles 'google': use 'osm' or an xyzservices provider name such as 'Esri.WorldImagery' (`kurils tiles` lists them)
    """
    if isinstance(tiles, xyzservices.TileProvider):
        provider = tiles
    else:
        try:
            provider = xyzservices.providers.query_name(ALIASES.get(tiles, tiles))
        except ValueError:
            raise ValueError(
                f"unknown tiles {tiles!r}: use 'osm' or an xyzservices provider name "
                "such as 'Esri.WorldImagery' (`kurils tiles` lists them)"
            ) from None
    if key is not None:
        slots = [k for k, v in provider.items() if _NO_KEY in str(v).lower()]
        provider = provider(**dict.fromkeys(slots, key))
    return provider


def tile_options(tiles: str | xyzservices.TileProvider, key: str | None = None) -> dict:
    """Keyword arguments for :class:`folium.TileLayer`: URL, attribution, zooms.

    Raises
    ------
    ValueError
        For an unknown name, or a provider that needs an API key and got none.

    Examples
    --------
    >>> o = tile_options("osm")
    >>> o["tiles"], o["max_zoom"]
    ('https://tile.openstreetmap.org/{z}/{x}/{y}.png', 19)
    """
    provider = tile_provider(tiles, key)
    try:
        url = provider.build_url(fill_subdomain=False, scale_factor="{r}")
    except ValueError:  # xyzservices: "Token is required for this provider"
        raise ValueError(
            f"tiles {provider.name} need an API key: give it with --tiles-key (CLI) "
            f"or tiles=xyzservices.providers.{provider.name}(<key name>=...)"
        ) from None
    options = {
        "tiles": url,
        "attr": provider.html_attribution,
        "max_zoom": provider.get("max_zoom", 18),
        "subdomains": provider.get("subdomains", "abc"),
    }
    if "min_zoom" in provider:
        options["min_zoom"] = provider["min_zoom"]
    return options


def tile_names() -> list[tuple[str, bool]]:
    """Every name ``tiles=`` accepts, with whether it needs an API key.

    Examples
    --------
    >>> names = dict(tile_names())
    >>> names["osm"], names["Esri.WorldImagery"], names["Thunderforest.Landscape"]
    (False, False, True)
    """
    catalogue = xyzservices.providers.flatten()
    return [(alias, False) for alias in ALIASES] + [
        (name, catalogue[name].requires_token()) for name in sorted(catalogue)
    ]
