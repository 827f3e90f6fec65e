"""Static figures: every view and language, every glyph, deterministic files."""

from __future__ import annotations

import subprocess
import sys
import warnings
from io import BytesIO

import pytest
from matplotlib.font_manager import FontProperties, findfont

import kurils
from kurils.figures import FONT_FAMILY
from kurils.i18n import LANGS
from kurils.views import VIEWS


def _texts(fig) -> list[str]:
    return [
        t.get_text()
        for t in fig.findobj(lambda a: hasattr(a, "get_text"))
        if t.get_text()
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_and_language_renders_every_glyph(view, lang):
    fig = kurils.figure(view=view, lang=lang)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(BytesIO(), format="png", dpi=60)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    texts = " ".join(_texts(fig))
    assert kurils.i18n.title(view, lang) in texts
    assert kurils.i18n.text(f"view_{view}", lang) in texts
    if lang == "ja":
        assert "択捉島" in texts
    if lang == "ru":
        assert "Итуруп" in texts


def test_text_uses_the_shipped_font():
    kurils.figure()  # registers the font
    path = findfont(FontProperties(family=FONT_FAMILY), fallback_to_default=False)
    assert path.endswith("KurilsSans-Regular.ttf")


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_files_are_deterministic(tmp_path, suffix):
    a = kurils.save_figure(
        kurils.figure(view="japan", lang="ja"), tmp_path / f"a{suffix}"
    )
    b = kurils.save_figure(
        kurils.figure(view="japan", lang="ja"), tmp_path / f"b{suffix}"
    )
    assert a.read_bytes() == b.read_bytes()
    assert a.stat().st_size > 50_000


def test_plot_on_users_axes():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert kurils.plot(ax, view="de_facto") is ax
    assert ax.get_legend() is not None


def test_bad_format_and_view(tmp_path):
    with pytest.raises(ValueError, match="unsupported format"):
        kurils.save_figure(kurils.figure(), tmp_path / "map.jpg")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="unknown view"):
        kurils.figure(view="chinese")


def test_cli_figure(tmp_path):
    out = tmp_path / "jp.pdf"
    cmd = [
        sys.executable,
        "-m",
        "kurils.cli",
        "figure",
        "--view",
        "japan",
        "--lang",
        "ja",
    ]
    res = subprocess.run([*cmd, "--out", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert out.read_bytes().startswith(b"%PDF")
    res = subprocess.run(
        [*cmd, "--out", str(tmp_path / "x.gif")], capture_output=True, text=True
    )
    assert res.returncode == 2 and "use a .png" in res.stderr
