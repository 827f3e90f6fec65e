"""Every shipped data file matches its manifest entry (the geodatasets habit)."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import shutil
from importlib.resources import files
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely

from kurils.data import _resources

MANIFEST = _resources.manifest()
REPO = Path(__file__).resolve().parents[1]


def test_manifest_lists_every_shipped_file(data_dir):
    shipped = {
        p.relative_to(data_dir).as_posix()
        for p in data_dir.rglob("*")
        if p.is_file() and p.suffix in {".csv", ".gpkg"}
    }
    assert shipped == set(MANIFEST)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_file_matches_manifest(name, data_dir):
    entry = MANIFEST[name]
    path = data_dir / name
    raw = path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == entry["sha256"], (
        f"{name} changed: run `.venv/bin/python scripts/refresh_manifest.py` "
        "(tables), or `make data` (geometry)"
    )
    assert entry["licence"] and entry["source"] and entry["attribution"]
    if entry["kind"] == "geometry":
        gdf = pyogrio.read_dataframe(path)
        assert len(gdf) == entry["rows"]
        # a file of several geometry types (derived.gpkg) lists them
        assert set(gdf.geom_type) == set(
            entry.get("geometry_types", [entry["geometry_type"]])
        )
        assert tuple(gdf.columns.drop("geometry")) == entry["columns"]
        assert gdf.crs.to_string() == entry["crs"]
        assert int(gdf.geometry.count_coordinates().sum()) == entry["vertices"]
        if "islands" in entry:  # islands.gpkg: every island's vertex count too
            per_island = {
                i: {"vertices": int(v)}
                for i, v in zip(
                    gdf.island_id, gdf.geometry.count_coordinates(), strict=True
                )
            }
            assert per_island == {
                i: {"vertices": e["vertices"]} for i, e in entry["islands"].items()
            }
    else:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == entry["columns"]
        assert len(rows) - 1 == entry["rows"]
        assert entry["geometry_type"] is None


def _refresh_script():
    path = REPO / "scripts" / "refresh_manifest.py"
    spec = importlib.util.spec_from_file_location("refresh_manifest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_repository_manifest_is_fresh():
    """geodata/manifest.json describes the files beside it, byte for byte as the
    refresh script (or the build) would write it."""
    refresh = _refresh_script()
    build = refresh.load_build(REPO / "geodata")
    raw = build.MANIFEST.read_bytes()
    fresh = refresh.refreshed(json.loads(raw), build)
    stale = refresh.stale(json.loads(raw), fresh)
    assert build.manifest_bytes(fresh) == raw, (
        f"geodata/manifest.json is stale for {', '.join(stale) or 'its format'}: "
        "run `.venv/bin/python scripts/refresh_manifest.py`"
    )


def test_refresh_manifest_after_editing_a_table(tmp_path, capsys):
    """Edit a CSV in a copy of geodata/: --check fails, a refresh fixes the entry
    (rows, hash), keeps the GeoPackage's entry, and a second run changes nothing."""
    refresh = _refresh_script()
    geodata = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", geodata)
    before = json.loads((geodata / "manifest.json").read_bytes())
    sources = geodata / "attributes" / "sources.csv"
    with open(sources, "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(
            ["new_source", "A title", "A publisher", "", "2025", "", ""]
        )
    assert refresh.main(["--check", "--geodata", str(geodata)]) == 1
    assert "stale for: attributes/sources.csv" in capsys.readouterr().err
    assert refresh.main(["--geodata", str(geodata)]) == 0
    after = json.loads((geodata / "manifest.json").read_bytes())
    entry = after["attributes/sources.csv"]
    assert entry["rows"] == before["attributes/sources.csv"]["rows"] + 1
    assert entry["sha256"] == hashlib.sha256(sources.read_bytes()).hexdigest()
    assert {k: v for k, v in after.items() if k != "attributes/sources.csv"} == {
        k: v for k, v in before.items() if k != "attributes/sources.csv"
    }
    manifest = geodata / "manifest.json"
    raw, mtime = manifest.read_bytes(), manifest.stat().st_mtime_ns
    assert refresh.main(["--geodata", str(geodata)]) == 0
    assert manifest.read_bytes() == raw and manifest.stat().st_mtime_ns == mtime
    assert refresh.main(["--check", "--geodata", str(geodata)]) == 0


def test_geometry_writer_is_deterministic(data_dir, tmp_path, monkeypatch):
    """The build's writer gives byte-identical GeoPackages for the same input,
    whatever the clock says (the GeoPackage timestamp is pinned)."""
    spec = importlib.util.spec_from_file_location(
        "build", REPO / "geodata" / "build.py"
    )
    if spec is None or not (REPO / "geodata" / "build.py").exists():
        pytest.skip("needs the source tree")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    gdf = pyogrio.read_dataframe(data_dir / "islands.gpkg")
    a, b = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    build.write_gpkg(list(gdf.island_id), list(gdf.geometry), a)
    monkeypatch.setenv("OGR_CURRENT_DATE", "2030-05-05T00:00:00Z")  # restored after
    build.write_gpkg(list(gdf.island_id), list(gdf.geometry), b)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() == (data_dir / "islands.gpkg").read_bytes()


def test_shipped_coordinates_on_grid(data_dir):
    """Coordinates are snapped to 1e-5 degrees (about 1 m) by the build."""
    gdf = pyogrio.read_dataframe(data_dir / "islands.gpkg")
    xy = shapely.get_coordinates(gdf.geometry.values)
    assert np.abs(xy * 1e5 - np.round(xy * 1e5)).max() < 1e-6


ASSETS = json.loads((files("kurils.web") / "static" / "assets.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "asset",
    [a for a in ASSETS["assets"] if a["use"] == "inline"] + ASSETS["extras"],
    ids=lambda a: a["file"],
)
def test_vendored_asset_matches_its_manifest(asset):
    """Every inlined JS/CSS file is the pinned copy, with its licence beside it."""
    static = files("kurils.web") / "static"
    data = (static / asset["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == asset["sha256"]
    assert len(data) == asset["size"]
    assert (static / asset["license_file"]).is_file()
    assert asset["version"] and asset["license"]


def test_shipped_font_has_its_licence():
    fonts = files("kurils.figures") / "fonts"
    assert (fonts / "KurilsSans-Regular.ttf").is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts / "OFL.txt").read_text("utf-8")
