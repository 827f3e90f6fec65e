"""Figures draw text as written: names are never read as mathtext or LaTeX."""

from __future__ import annotations

import warnings

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import kurils

NAMES = {"iturup": "Itu $x^2$ rup", "kunashir": r"$\frac{1}{$"}


@pytest.fixture(scope="module")
def dollar_figure():
    islands = kurils.load_islands()
    for island_id, name in NAMES.items():
        islands.loc[islands.island_id == island_id, "name_en"] = name
    return kurils.figure(islands=islands)


def _drawn_texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_names_with_dollars_render(dollar_figure, tmp_path, suffix):
    # "$\frac{1}{$" raised a mathtext ValueError here before
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = kurils.save_figure(dollar_figure, tmp_path / f"f{suffix}")
    assert path.stat().st_size > 50_000
    assert [
        str(w.message) for w in caught if "missing from font" in str(w.message)
    ] == []


def test_every_text_is_literal(dollar_figure):
    texts = _drawn_texts(dollar_figure)
    assert set(NAMES.values()) <= {t.get_text() for t in texts}
    # labels, legend entries and title, title, attribution, scale bar, north arrow
    assert len(texts) > 20
    for t in texts:
        assert not t.get_parse_math() and not t.get_usetex(), t.get_text()
    # what the renderer gets is the text itself, flagged as not math
    for t in texts:
        assert t._preprocess_math(t.get_text()) == (t.get_text(), False)


def test_title_on_users_axes_is_literal_and_rc_is_restored():
    ax = Figure().add_subplot()  # made before plot(), with the user's settings
    kurils.plot(ax)
    assert not ax.title.get_parse_math()
    assert matplotlib.rcParams["text.parse_math"] is True
