"""The built wheel carries the data: install it apart from the repo and load."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    (whl,) = out.glob("kurils-*.whl")
    return whl


def test_wheel_contains_data_and_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "kurils/geodata/islands.gpkg",
        "kurils/geodata/manifest.json",
        "kurils/geodata/LICENSE.md",
        "kurils/geodata/attributes/islands.csv",
        "kurils/geodata/attributes/sources.csv",
        "kurils/web/static/assets.json",
        "kurils/web/static/leaflet/leaflet.js",
        "kurils/figures/fonts/KurilsSans-Regular.ttf",
        "kurils/geodata/attributes/events.csv",
    ]:
        assert required in names, required


def test_wheel_installs_into_a_clean_venv(wheel, tmp_path, fresh_venv):
    """pip-install the wheel alone into a new venv and load the data from outside
    the repository. The venv gets kurils' dependencies from this environment
    through a .pth file appended *after* its own site-packages, so the kurils it
    imports is the one pip just installed from the wheel (no network needed)."""
    res = fresh_venv.install(str(wheel))
    assert res.returncode == 0, res.stderr
    fresh_venv.see_dependencies()
    py = fresh_venv.python
    code = (
        "import kurils, pathlib, sys; "
        "assert pathlib.Path(kurils.__file__).is_relative_to(pathlib.Path(sys.prefix)), kurils.__file__; "
        "i = kurils.load_islands(); u = kurils.load_admin_units(); p = kurils.load_places(); "
        "e = kurils.events(); m = kurils.build_map(); "
        "print(len(i), len(u), len(p), i.status.eq('disputed').sum(), len(e))"
    )
    res = subprocess.run(
        [str(py), "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    n_islands, n_units, n_places, n_disputed, n_events = map(int, res.stdout.split())
    assert n_islands >= 35 and n_units == 10 and n_places >= 10 and n_disputed >= 11
    assert n_events >= 20
