"""Printed figures (matplotlib only here): the same islands, styles and
scenarios as the web map, drawn for print with kurils' own font (``fonts/``).
"""

from .plotting import FIGURE_CRS, FONT_FAMILY, figure, plot, save_figure

__all__ = ["FIGURE_CRS", "FONT_FAMILY", "figure", "plot", "save_figure"]
