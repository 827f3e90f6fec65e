"""The built wheel carries the data: install it apart from the repo and load."""

from __future__ import annotations

import os
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
        "kurils/static/assets.json",
    ]:
        assert required in names, required


def test_wheel_loads_outside_the_repo(wheel, tmp_path):
    """Unpack the wheel (what pip does for a pure wheel) and import it from there,
    in a fresh interpreter whose working directory is outside the repository."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import kurils, pathlib; "
        "assert pathlib.Path(kurils.__file__).is_relative_to(pathlib.Path.cwd()), kurils.__file__; "
        "i = kurils.load_islands(); u = kurils.load_admin_units(); p = kurils.load_places(); "
        "print(len(i), len(u), len(p), i.status.eq('disputed').sum())"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=site, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    n_islands, n_units, n_places, n_disputed = map(int, res.stdout.split())
    assert n_islands >= 35 and n_units == 10 and n_places >= 10 and n_disputed >= 11
