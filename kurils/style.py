"""How kurils draws things: one description, read by the web map and the figure.

Colours are Okabe-Ito, distinguishable with the common colour-vision
deficiencies; disputed land also differs by pattern (stripes) and a dashed
outline, so neither renderer relies on colour alone. A line's dash pattern is
given in multiples of its width, so that the web map (Leaflet, CSS pixels) and
print (matplotlib, points) draw the same pattern at their own scale:
:meth:`LineStyle.leaflet` and :meth:`LineStyle.matplotlib` are the adapters.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "FILL_OPACITY",
    "FILL_OPACITY_OVER_TILES",
    "HATCH",
    "HIGHLIGHT_WIDTH",
    "HISTORY_PALETTE",
    "LABEL_ALWAYS_KM2",
    "LINES",
    "PALETTE",
    "PRINT_WIDTH",
    "SEA",
    "UNIT_FILL_OPACITY",
    "UNIT_LINE_WIDTH",
    "ZONE_OPACITY",
    "LineStyle",
]

#: Fill of each holder a view can give land, and the outline and stripe colours.
PALETTE = {
    "RUS": "#E69F00",  # orange
    "JPN": "#0072B2",  # blue
    "disputed": "#E69F00",  # orange fill under blue stripes
    "undetermined": "#F7F7F7",  # near white, as Japan's official maps draw it
    "outline": "#333333",
    "stripe": "#0072B2",
}

#: Colours of the history's holders: the USSR in a dark vermillion, far from
#: Russia's light orange in lightness too (the two hues alone were hard to tell
#: apart, and are the same for many with a red-green deficiency); Sakhalin's
#: undivided years in reddish purple.
HISTORY_PALETTE = {
    "JPN": PALETTE["JPN"],
    "RUS": PALETTE["RUS"],
    "SUN": "#8C2D04",
    "JOINT": "#CC79A7",
}


#: The sea, drawn by both renderers (no tiles offline).
SEA = "#bcd7ea"

#: How opaque land is drawn; lighter over an online basemap, which shows through.
FILL_OPACITY = 0.85
FILL_OPACITY_OVER_TILES = 0.55
#: Administrative units over the land: a tint of each unit's colour, outlined.
UNIT_FILL_OPACITY = 0.25
UNIT_LINE_WIDTH = 3
#: The outline width of land under the pointer (web map).
HIGHLIGHT_WIDTH = 3

#: Disputed land's stripes: colour over the disputed fill, angle and widths in
#: CSS pixels (web), and matplotlib's hatch (print).
HATCH = {
    "color": PALETTE["stripe"],
    "space_color": PALETTE["disputed"],
    "angle": -45,
    "width": 3,
    "print": "////",
}

#: Islands at least this large (km²) are always named; smaller ones only close
#: up (web: from a zoom level; print: never), where names do not overprint.
LABEL_ALWAYS_KM2 = 40.0

#: A line ``width`` of 1 on the web (one CSS pixel at 96 dpi is 0.75 pt) is
#: drawn this many points wide in print, which is seen from closer.
PRINT_WIDTH = 0.55


@dataclass(frozen=True)
class LineStyle:
    """A line: colour, width (CSS pixels on the web) and dash pattern (on, off,
    ... in multiples of the width; empty for a solid line).

    Examples
    --------
    >>> LINES["treaty_border"].leaflet()
    {'color': '#000000', 'weight': 3, 'dashArray': '10 6'}
    >>> LINES["treaty_border"].matplotlib()["linestyle"]
    (0, (3.333, 2))
    """

    color: str
    width: float
    dash: tuple[float, ...] = ()

    def dash_array(self) -> str | None:
        """The dash pattern as Leaflet's ``dashArray`` (pixels), or None."""
        if not self.dash:
            return None
        return " ".join(f"{round(d * self.width, 3):g}" for d in self.dash)

    def leaflet(self) -> dict:
        """Leaflet path options."""
        out = {"color": self.color, "weight": self.width}
        if self.dash:
            out["dashArray"] = self.dash_array()
        return out

    def matplotlib(self) -> dict:
        """matplotlib line properties (its dashes scale with the line width)."""
        dash = (0, tuple(round(d, 3) for d in self.dash)) if self.dash else "solid"
        return {
            "color": self.color,
            "linewidth": round(self.width * PRINT_WIDTH, 3),
            "linestyle": dash,
        }


#: Every line kurils draws: borders by kind, and the islands' outlines.
LINES = {
    "treaty_border": LineStyle("#000000", 3, (10 / 3, 2)),
    "line_of_control": LineStyle("#D55E00", 3, (4 / 3, 4 / 3)),
    "proposed": LineStyle("#555555", 3, (1 / 3, 2)),
    "outline": LineStyle(PALETTE["outline"], 1),
    "outline_disputed": LineStyle(PALETTE["outline"], 1, (6, 4)),
    # the sea both sides claim (maritime zones)
    "zone_both": LineStyle(PALETTE["stripe"], 1.5, (4, 3)),
    # where a scenario cuts an island in two
    "cut": LineStyle("#CC0000", 3, (2, 1)),
    # Japan's claim: the municipalities' outlines (web map)
    "claim": LineStyle(PALETTE["JPN"], UNIT_LINE_WIDTH, (2 / 3, 2)),
}

#: How opaque each maritime zone is filled with its holder's colour: the
#: territorial sea over the EEZ (which holds the contiguous zone, not drawn
#: apart: the band 12-24 nm would only add a line to read).
ZONE_OPACITY = {"eez": 0.15, "territorial_sea": 0.35}
