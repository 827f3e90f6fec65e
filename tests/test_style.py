"""One style description serves both renderers, and its colours stay apart."""

from __future__ import annotations

import pytest

from kurils.domain.views import BORDER_STYLES
from kurils.style import HISTORY_PALETTE, LINES, PALETTE


def _luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.x) of a ``#rrggbb`` colour."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_russia_and_the_ussr_differ_in_lightness():
    # WCAG's 3:1 for graphics: told apart without hue (orange and vermillion are
    # one colour for many with a red-green deficiency; blue stays apart by hue)
    assert _contrast(HISTORY_PALETTE["RUS"], HISTORY_PALETTE["SUN"]) >= 3


def test_the_old_ussr_orange_was_too_close_to_russia():
    assert _contrast(PALETTE["RUS"], "#D55E00") < 2  # why the colour changed


@pytest.mark.parametrize("kind", sorted(BORDER_STYLES))
def test_web_and_print_draw_one_dash_pattern(kind):
    line = LINES[kind]
    web = [float(v) / line.width for v in BORDER_STYLES[kind]["dashArray"].split()]
    _, print_dashes = line.matplotlib()["linestyle"]  # in multiples of the width
    assert web == pytest.approx(list(print_dashes), abs=1e-3)
