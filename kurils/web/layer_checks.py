"""Every frame a layer builder is given is checked as the loaders check files.

:func:`checked` wraps a builder: a user's bad frame is one KurilsDataError,
never a raw error or a wrong page. ``__wrapped__`` is the builder itself, for
:func:`kurils.build_map`, whose frames were checked once.
"""

from __future__ import annotations

import functools
import inspect

import geopandas as gpd
import pandas as pd

from ..data import schema
from ..data.validate import (
    validate_frame,
)
from ..domain.islands import check_user_islands
from ..i18n import name_columns

__all__ = ["CHECKS", "checked"]

_NAMES = name_columns()
_POPULATION = ("population", "population_source", "population_year")


def _sources(sources: pd.DataFrame) -> pd.DataFrame:
    return validate_frame(
        sources, schema.SOURCES, "<sources>", ("source_id",), ("title", "url"),
        index="source_id",
    )  # fmt: skip


def _units(where: str):
    def check(units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        read = (*_NAMES, "centre", *_POPULATION, "source", "year")
        return validate_frame(
            units, schema.ADMIN_UNITS_LOADED, where, ("unit_id", "island_ids"), read
        )

    return check


def _drawn_islands(islands: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    # outlines simplified for drawing need not be valid polygons
    return check_user_islands(islands, validity=False)


#: How each frame a layer builder takes is checked, by argument name.
CHECKS = {
    "islands": _drawn_islands,
    "sources": _sources,
    "districts": _units("<districts>"),
    "municipalities": _units("<municipalities>"),
    "units": lambda units: validate_frame(
        units, schema.ADMIN_UNITS_LOADED, "<units>", ("unit_id",), _NAMES,
        index="unit_id",
    ),
    "links": lambda links: validate_frame(
        links, schema.ISLAND_UNITS, "<links>", ("island_id", "unit_id"),
        ("source", "year"),
    ),
    "borders": lambda borders: validate_frame(
        borders, schema.BORDERS_LOADED, "<borders>", ("border_id", "name_en", "kind"),
        (*_NAMES, "note", "valid_from", "valid_to", "source", "year"),
    ),
    "periods": lambda periods: validate_frame(
        periods, schema.PERIODS, "<periods>", ("island_id", "held_by", "since"),
        ("basis_title",),
    ),
    "timeline": lambda timeline: validate_frame(
        timeline, schema.EVENTS, "<events>", ("event_id", "date", "title_en"),
        (*name_columns("title"), "summary_en", "place_en", "place_lon",
         "place_lat", "source", "year"),
    ),
    "groups": lambda groups: None if groups is None else validate_frame(
        groups, schema.POPULATION_1945, "<groups>", ("group_id", "island_ids"),
        name_columns(),
    ),
    "places": lambda places: validate_frame(
        places, schema.PLACES, "<places>", ("place_id", "name_en", "lon", "lat"),
        (*_NAMES, *_POPULATION, "coord_source"),
    ),
}  # fmt: skip


def checked(builder):
    """Check every frame a layer builder is given, as the loaders check files
    (:data:`CHECKS`): a user's bad frame is one KurilsDataError, never a raw
    error or a wrong page. The builder itself stays reachable as
    ``__wrapped__``, for :func:`kurils.build_map`, whose frames were checked once.
    """
    signature = inspect.signature(builder)

    @functools.wraps(builder)
    def checked(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            if name in CHECKS:
                bound.arguments[name] = CHECKS[name](value)
        return builder(*bound.args, **bound.kwargs)

    return checked
