"""kurils: the Kuril Islands dispute as sourced polygons and layered maps.

Load the data::

    >>> import kurils
    >>> islands = kurils.load_islands()
    >>> sorted(islands[islands.status == "disputed"].group.unique())
    ['greater_kuril', 'lesser_kuril']
"""

from .admin_units import load_admin_units
from .errors import KurilsDataError
from .islands import load_island_table, load_island_units, load_islands
from .measurement import EQUAL_AREA_CRS, area_km2
from .places import load_places
from .sources import load_sources

__version__ = "0.1.0"

__all__ = [
    "EQUAL_AREA_CRS",
    "KurilsDataError",
    "__version__",
    "area_km2",
    "load_admin_units",
    "load_island_table",
    "load_island_units",
    "load_islands",
    "load_places",
    "load_sources",
]
