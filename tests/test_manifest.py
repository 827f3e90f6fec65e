"""Every shipped data file matches its manifest entry (the geodatasets habit)."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
from importlib.resources import files
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely

from kurils import _resources

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
    assert hashlib.sha256(raw).hexdigest() == entry["sha256"], "file changed: rebuild"
    assert entry["licence"] and entry["source"] and entry["attribution"]
    if entry["kind"] == "geometry":
        gdf = pyogrio.read_dataframe(path)
        assert len(gdf) == entry["rows"]
        assert set(gdf.geom_type) == {entry["geometry_type"]}
        assert list(gdf.columns.drop("geometry")) == entry["columns"]
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
        assert rows[0] == entry["columns"]
        assert len(rows) - 1 == entry["rows"]
        assert entry["geometry_type"] is None


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


ASSETS = json.loads((files("kurils") / "static" / "assets.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "asset",
    [a for a in ASSETS["assets"] if a["use"] == "inline"] + ASSETS["extras"],
    ids=lambda a: a["file"],
)
def test_vendored_asset_matches_its_manifest(asset):
    """Every inlined JS/CSS file is the pinned copy, with its licence beside it."""
    static = files("kurils") / "static"
    data = (static / asset["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == asset["sha256"]
    assert len(data) == asset["size"]
    assert (static / asset["license_file"]).is_file()
    assert asset["version"] and asset["license"]


def test_shipped_font_has_its_licence():
    fonts = files("kurils") / "fonts"
    assert (fonts / "KurilsSans-Regular.ttf").is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts / "OFL.txt").read_text("utf-8")
