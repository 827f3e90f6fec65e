"""Static figures: every view and language, every glyph, deterministic files."""

from __future__ import annotations

import subprocess
import sys
import warnings
from io import BytesIO

import pytest
from matplotlib.font_manager import FontProperties, findfont

import kurils
from kurils.domain.views import VIEWS
from kurils.figures import FONT_FAMILY
from kurils.i18n import LANGS


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


@pytest.mark.parametrize("lang", LANGS)
def test_labels_stay_inside_the_frame(lang):
    """No label is cut at the frame's edge (カムチャツカ半島 was, at the top right)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = kurils.figure(view="japan", lang=lang)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    labels = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    kamchatka = kurils.load_islands().set_index("island_id").loc["kamchatka"]
    assert kamchatka[f"name_{lang}"] in labels
    for name, box in labels.items():
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, name
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, name


def _fills(ax) -> set[str]:
    from matplotlib.colors import to_hex

    return {
        to_hex(c)
        for coll in ax.collections
        for c in coll.get_facecolors()
        if len(coll.get_facecolors())
    }


@pytest.mark.parametrize(
    ("date", "holders", "lines"),
    [
        ("1860-01-01", {"RUS", "JPN", "JOINT"}, {"shimoda_1855"}),
        ("1930-01-01", {"SUN", "JPN"}, {"st_petersburg_1875", "portsmouth_1905"}),
    ],
)
def test_figure_of_a_day(date, holders, lines):
    from kurils.domain.views import HISTORY_PALETTE

    s = kurils.sovereignty_at(date)
    ax = kurils.figure(date=date, lang="en").axes[0]
    legend = ax.get_legend()
    assert legend.get_title().get_text() == f"Holdings on: {date}"
    labels = [t.get_text() for t in legend.get_texts()]
    drawn = {
        h for h in HISTORY_PALETTE if kurils.i18n.text(f"holder_{h}", "en") in labels
    }
    assert drawn == holders == set(s["held_by"])  # every holder of that day, only those
    assert {HISTORY_PALETTE[h] for h in holders} <= {c.upper() for c in _fills(ax)}
    borders = kurils.load_borders().set_index("border_id")
    assert set(borders.loc[sorted(lines), "name_en"]) <= set(labels)
    others = set(borders.index) - lines
    assert not set(borders.loc[sorted(others), "name_en"]) & set(labels)


def test_cli_figure_of_a_day(tmp_path, capsys):
    from kurils.cli import main

    out = tmp_path / "1946.png"
    assert (
        main(["figure", "--date", "1946-03-01", "--lang", "ru", "--out", str(out)]) == 0
    )
    assert "on 1946-03-01, lang ru" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\x89PNG")
    assert main(["figure", "--date", "1850-01-01", "--out", str(out)]) == 2
    assert "before the first event" in capsys.readouterr().err
