"""Border lines drawn from treaties that name islands rather than coordinates.

The Treaty of Shimoda (1855) puts the border "between Etorofu and Urup"; it gives
no line. kurils draws such a border as the median line of the strait between the
two sides, computed from the shipped coastlines: every point of the line is as far
from one side's coast as from the other's. The table ``borders.csv`` says which
islands are on each side and the window (a lon/lat box over the strait) in which
the line is drawn.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..data.catalog import catalog
from ..data.derived import remembered
from ..data.validate import check_references
from ..errors import KurilsDataError
from .islands import check_user_islands, islands_of

__all__ = ["DEFAULT_LINES", "borders_for", "load_borders", "median_line"]

#: Lines on today's map and figure: the 1855 treaty line, on which Japan's claim
#: rests, and the line of control since 1945.
DEFAULT_LINES = ("shimoda_1855", "line_of_control_1945")

# Spacing of the coastline samples the median line is built from (degrees, ~400 m).
_SAMPLE = 0.005
# The name under which median lines are stored (kurils.data.derived): a new
# version whenever median_line() would draw a line differently.
_METHOD = "median_line/1"


def median_line(side_a, side_b, window) -> shapely.LineString | shapely.MultiLineString:
    """The line equidistant from two coastlines, inside ``window``.

    Parameters
    ----------
    side_a, side_b : shapely geometry
        The land on either side (lon/lat).
    window : shapely.Polygon
        Where the line is wanted (a box over the strait).

    Returns
    -------
    shapely.LineString or MultiLineString

    Examples
    --------
    >>> import shapely
    >>> west = shapely.Polygon([(0, -2), (1.8, -0.3), (1.7, 0.4), (0.1, 2.1)])
    >>> east = shapely.Polygon([(4, -2), (2.2, -0.3), (2.3, 0.4), (3.9, 2.1)])
    >>> line = median_line(west, east, shapely.box(1.5, -0.2, 2.5, 0.2))
    >>> [round(x, 2) for x in line.bounds]
    [2.0, -0.2, 2.0, 0.2]
    """
    shared = shapely.intersection(side_a.boundary, side_b.boundary)
    if shapely.length(shared) > 0:  # land border (Sakhalin at 50°N): the shared edge
        line = shapely.line_merge(shapely.intersection(shared, window))
        return shapely.set_precision(line, 1e-5)
    around = shapely.buffer(window, 0.3, join_style="mitre")  # a little beyond

    def samples(geom) -> np.ndarray:
        near = shapely.clip_by_rect(geom, *around.bounds)  # cheap: no topology
        xy = shapely.get_coordinates(shapely.segmentize(near.boundary, _SAMPLE))
        xy = xy[shapely.contains_xy(around, xy[:, 0], xy[:, 1])]
        return np.unique(xy, axis=0)

    a, b = samples(side_a), samples(side_b)
    if not len(a) or not len(b):
        raise ValueError("both sides need coastline near the window")
    cells = shapely.get_parts(
        shapely.voronoi_polygons(
            shapely.multipoints(np.vstack([a, b])), extend_to=around, ordered=True
        )
    )
    try:  # Voronoi cells tile the plane: a coverage union is 25x faster...
        region_a = shapely.coverage_union_all(cells[: len(a)])
    except shapely.errors.GEOSException:  # ...unless near-cocircular samples
        region_a = shapely.union_all(cells[: len(a)])
    inner = shapely.buffer(around, -1e-6)  # drop the Voronoi diagram's outer frame
    line = shapely.line_merge(shapely.intersection(region_a.boundary, inner))
    line = shapely.line_merge(shapely.intersection(line, window))
    return shapely.set_precision(line, 1e-5)


def load_borders(
    islands: gpd.GeoDataFrame | None = None,
    data: str | os.PathLike | pd.DataFrame | None = None,
    sources=None,
    timeline: pd.DataFrame | None = None,
    border_ids=None,
) -> gpd.GeoDataFrame:
    """Load the historical borders as lines, computed from the island coastlines.

    Each border is drawn by an event of the timeline (``event_id``) and, if it is
    no longer in force, ended by another (``ended_by``); its dates, source and year
    are those events'.

    Parameters
    ----------
    islands : GeoDataFrame, optional
        As returned by :func:`kurils.load_islands` (a user's frame is checked as
        a map's is: :func:`kurils.domain.islands.check_user_islands`); loaded if
        not given.
    data : path or DataFrame, optional
        A user's own borders table; by default the shipped ``borders.csv``.
    sources : path, DataFrame or Index, optional
        Sources table for the events.
    timeline : DataFrame, optional
        As :func:`kurils.events` returns; loaded if not given.
    border_ids : list of str, optional
        Only these lines. Each is a Voronoi diagram of two coasts (about 50 ms);
        for the shipped coastlines it was computed at data-build time and is read
        from ``geodata/derived.gpkg`` (:mod:`kurils.data.derived`).

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one line per border: the columns of :data:`kurils.data.schema.BORDERS`
        plus ``valid_from``, ``valid_to`` (``datetime64[ns]``; ``valid_to`` is
        ``NaT`` while in force, or for a line that never was:
        ``kind == "proposed"``), ``source`` and ``year``.

    Raises
    ------
    KurilsDataError
        For a bad table or islands, an island id not in ``islands`` or an
        unknown event.

    Examples
    --------
    >>> borders = load_borders().set_index("border_id")
    >>> line = borders.loc["shimoda_1855", "geometry"]
    >>> 148.9 < line.centroid.x < 149.4  # in the strait between Iturup and Urup
    True
    >>> print(borders.loc[["shimoda_1855"], ["valid_from", "valid_to"]].to_string())
                 valid_from   valid_to
    border_id
    shimoda_1855 1855-02-07 1875-05-07
    """
    if islands is not None:
        islands = check_user_islands(islands)
    return borders_for(islands, data, sources, timeline, border_ids)


def borders_for(
    islands: gpd.GeoDataFrame | None,
    data: str | os.PathLike | pd.DataFrame | None = None,
    sources=None,
    timeline: pd.DataFrame | None = None,
    border_ids=None,
) -> gpd.GeoDataFrame:
    """:func:`load_borders` of islands already checked (a map's, a figure's, an
    export's), so that no frame is checked twice."""
    # a timeline handed in is checked as the events table it stands in for
    cat = catalog(borders=data, sources=sources, events=timeline)
    if islands is None:
        islands = islands_of(cat)
    table, where = cat.borders(), cat.where("borders")  # dated by their events
    for col in ("side_a", "side_b"):
        check_references(table[col], islands["island_id"], "island_id", where, sep=";")
    if border_ids is not None:
        check_references(
            pd.Series(list(border_ids)), table["border_id"], "border_id", where
        )
        table = table[table["border_id"].isin(border_ids)].reset_index(drop=True)
    geom = islands.set_index("island_id").geometry
    lines = []
    for row in table.itertuples():
        window = shapely.box(row.min_lon, row.min_lat, row.max_lon, row.max_lat)
        # the islands of a side are disjoint: collect them, no need to dissolve
        a = shapely.multipolygons(
            shapely.get_parts(geom.loc[row.side_a.split(";")].values)
        )
        b = shapely.multipolygons(
            shapely.get_parts(geom.loc[row.side_b.split(";")].values)
        )
        try:
            # stored at data-build time for the shipped coasts (a Voronoi diagram
            # each, ~50 ms); computed for any other coasts
            lines.append(
                remembered(
                    _METHOD,
                    (a, b, window, _SAMPLE),
                    lambda a=a, b=b, window=window: median_line(a, b, window),
                )
            )
        except ValueError as e:
            raise KurilsDataError(where, f"{row.border_id}: {e}") from None
    return gpd.GeoDataFrame(table, geometry=lines, crs="EPSG:4326")
