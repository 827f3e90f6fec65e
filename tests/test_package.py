"""The package surface: what ``dir(kurils)`` and ``__all__`` promise exists."""

from __future__ import annotations

import subprocess
import sys

import kurils


def test_dir_lists_every_public_name_including_lazy_ones():
    names = dir(kurils)
    assert names == sorted(names)
    assert set(kurils.__all__) <= set(names)
    for lazy in ("build_map", "save_map", "choropleth_layer", "plot", "figure"):
        assert lazy in names
        assert callable(getattr(kurils, lazy))


def test_dir_does_not_import_folium_or_matplotlib():
    code = (
        "import sys, kurils; names = dir(kurils); "
        "print('build_map' in names, 'folium' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False", "False"]
