"""kurils: the Kuril Islands dispute as sourced polygons and layered maps.

Load the data::

    >>> import kurils
    >>> islands = kurils.load_islands()
    >>> sorted(islands[islands.status == "disputed"].group.unique())
    ['greater_kuril', 'lesser_kuril']
"""

from .data.catalog import Catalog  # already imported by every loader: no cost
from .domain.admin_units import load_admin_units
from .domain.borders import load_borders
from .domain.history import events, holdings, sovereignty_at
from .domain.islands import load_island_table, load_island_units, load_islands
from .domain.maritime import maritime_zones
from .domain.measurement import EQUAL_AREA_CRS, area_km2
from .domain.places import load_places
from .domain.population import load_population_1945
from .domain.scenarios import Scenario, scenarios
from .domain.sources import load_sources
from .domain.stakes import stakes
from .errors import KurilsDataError, OfflineError
from .export import export  # binds kurils.export to the function, not the module

__version__ = "0.1.0"

# The map and figure functions import folium or matplotlib; load them on first use,
# so that `import kurils` and the data loaders never pull those in (as geopandas
# does for explore()).
_LAZY = {
    "build_map": "web.mapping",
    "save_map": "web.offline",
    "render_html": "web.offline",
    "KurilsMap": "web.offline",
    "choropleth_layer": "web.layers",
    "plot": "figures.plotting",
    "figure": "figures.plotting",
    "save_figure": "figures.plotting",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with the lazily loaded ones, for ``dir()`` and completion.

    >>> import kurils
    >>> {"build_map", "save_map", "choropleth_layer", "figure"} <= set(dir(kurils))
    True
    """
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "EQUAL_AREA_CRS",
    "Catalog",
    "KurilsDataError",
    "KurilsMap",
    "OfflineError",
    "Scenario",
    "__version__",
    "area_km2",
    "build_map",
    "choropleth_layer",
    "events",
    "export",
    "holdings",
    "load_admin_units",
    "load_borders",
    "load_island_table",
    "load_island_units",
    "load_islands",
    "load_places",
    "load_population_1945",
    "load_sources",
    "maritime_zones",
    "render_html",
    "save_map",
    "scenarios",
    "sovereignty_at",
    "stakes",
]
