"""The data is found wherever kurils runs from (installed wheel, editable install,
source checkout), and what kurils caches cannot be changed by a caller."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

import pytest

import kurils
from kurils.data import _resources

REPO = Path(__file__).resolve().parents[1]

# Run in a child process: which kurils it imports, where it found the data, and
# that the loaders work from there.
PROBE = (
    "import kurils, sys; from kurils.data import _resources; "
    "i = kurils.load_islands(); e = kurils.events(); "
    "print(kurils.__file__, _resources.data_root(), len(i), len(e), sep='\\n')"
)


def _probe(python: Path | str, cwd: Path) -> list[str]:
    res = subprocess.run(
        [str(python), "-c", PROBE], cwd=cwd, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    return res.stdout.splitlines()


def test_source_checkout_reads_the_repository_data():
    """`python`, `pytest` or Jupyter started at the repository root import the
    source kurils/ (it shadows any installed copy) and read geodata/ beside it."""
    module, root, n_islands, n_events = _probe(sys.executable, REPO)
    assert Path(module) == REPO / "kurils" / "__init__.py"
    assert Path(root) == REPO / "geodata"
    assert int(n_islands) == len(kurils.load_islands())
    assert int(n_events) == len(kurils.events())


def test_missing_data_names_the_cause_and_the_paths(tmp_path):
    """A kurils package with neither a packaged copy nor a checkout's geodata/
    says so, and names both places it looked in."""
    shutil.copytree(
        REPO / "kurils",
        tmp_path / "kurils",
        ignore=shutil.ignore_patterns("__pycache__", "geodata"),
    )
    res = subprocess.run(
        [sys.executable, "-c", "import kurils; kurils.load_islands()"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 1
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("kurils.errors.KurilsDataError: ")
    assert "no shipped data found" in last
    assert str(tmp_path / "kurils" / "geodata") in last
    assert str(tmp_path / "geodata") in last


@pytest.mark.slow
def test_editable_install_reads_the_repository_data(tmp_path, fresh_venv):
    """`pip install -e .` into a fresh venv: kurils is imported from the repository,
    from any directory, and reads the repository's geodata/.

    The editable wheel is built by hatchling's PEP 660 hook (what pip calls) in
    this environment, then pip installs it into a venv that cannot see this
    environment's kurils; kurils' dependencies come afterwards, through a .pth
    file sorted after the editable one (no network, no reinstall here)."""
    dist = tmp_path / "dist"
    build = "import sys; from hatchling.build import build_editable; print(build_editable(sys.argv[1]))"
    res = subprocess.run(
        [sys.executable, "-c", build, str(dist)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    res = fresh_venv.install(str(dist / res.stdout.strip()))
    assert res.returncode == 0, res.stderr
    pth = fresh_venv.site / "_kurils.pth"
    assert pth.read_text().split() == [str(REPO)]
    fresh_venv.see_dependencies()
    module, root, n_islands, _ = _probe(fresh_venv.python, tmp_path)
    assert Path(module) == REPO / "kurils" / "__init__.py"
    assert Path(root) == REPO / "geodata"
    assert int(n_islands) == len(kurils.load_islands())


# --- caches hand out nothing a caller could change ------------------------------


def test_manifest_cannot_be_corrupted_by_a_caller():
    first = _resources.manifest()
    entry = first["attributes/islands.csv"]
    with pytest.raises(TypeError):
        first["attributes/islands.csv"] = {}
    with pytest.raises(TypeError):
        entry["rows"] = 0
    with pytest.raises(AttributeError):
        entry["columns"].append("extra")
    with pytest.raises(TypeError):
        entry["columns"][0] = "renamed"
    on_disk = json.loads((_resources.data_root() / "manifest.json").read_text("utf-8"))
    assert _thawed(_resources.manifest()) == on_disk


def _thawed(value):
    if isinstance(value, (dict, MappingProxyType)):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return value


def test_cached_island_table_is_handed_out_as_a_copy():
    table = kurils.load_island_table()
    before = table.copy()
    table.loc[:, "name_en"] = "changed"
    del table["status"]
    again = kurils.load_island_table()
    assert again.equals(before)
    assert again is not kurils.load_island_table()


def test_the_offline_asset_cache_is_read_only():
    from kurils.web import _vendored

    shipped = _vendored.assets()
    url = next(iter(shipped))
    with pytest.raises(TypeError):
        shipped[url]["use"] = "drop"  # would strip an asset from every page
    with pytest.raises(TypeError):
        shipped["https://example.org/evil.js"] = {}
    assert _vendored.assets()[url] == shipped[url]
