"""Refresh ``geodata/manifest.json`` after editing a table, without ``make data``.

Run from anywhere (needs only kurils' own dependencies)::

    .venv/bin/python scripts/refresh_manifest.py          # rewrite if stale
    .venv/bin/python scripts/refresh_manifest.py --check  # exit 1 if stale
    .venv/bin/python scripts/refresh_manifest.py --geodata DIR  # another copy

Every ``geodata/attributes/*.csv`` gets a fresh entry (hash, row count, columns),
built by the same code as :mod:`geodata/build.py <build>` uses, so both write the
same entry. Every other file keeps the richer entry the build wrote for it (for the
GeoPackage: per-island vertices, what was dropped, ...) with only its hash renewed;
if the geometry itself changed, its vertex counts no longer match and
``tests/test_manifest.py`` says so: that needs ``make data``.

The output is deterministic: sorted keys, and the file is left untouched (same
bytes, same modification time) when nothing changed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

GEODATA = Path(__file__).resolve().parents[1] / "geodata"


def load_build(geodata: Path = GEODATA):
    """``geodata/build.py`` as a module (a script, not part of the package). Its
    paths are relative to its own folder, so a copy of geodata/ refreshes itself."""
    spec = importlib.util.spec_from_file_location("build", geodata / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def refreshed(current: dict, build) -> dict:
    """The manifest entries as they should be for the files on disk now."""
    entries = {
        name: {**entry, "sha256": build.sha256(build.HERE / name)}
        for name, entry in current.items()
        if entry["kind"] != "table" and (build.HERE / name).is_file()
    }
    entries.update(build.table_entries())
    return entries


def stale(current: dict, fresh: dict) -> list[str]:
    """Names of the files whose entry differs (added, removed or changed)."""
    return sorted(
        n for n in current.keys() | fresh.keys() if current.get(n) != fresh.get(n)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report; exit 1 when stale"
    )
    parser.add_argument(
        "--geodata",
        type=Path,
        default=GEODATA,
        help="data folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    build = load_build(args.geodata)
    raw = build.MANIFEST.read_bytes()
    current = json.loads(raw)
    fresh = refreshed(current, build)
    new = build.manifest_bytes(fresh)
    changed = stale(current, fresh)
    if new == raw:
        print(f"{build.MANIFEST.name} is up to date")
        return 0
    listing = ", ".join(changed) or "formatting only"
    if args.check:
        print(f"{build.MANIFEST.name} is stale for: {listing}", file=sys.stderr)
        return 1
    build.write_manifest(fresh)
    print(f"refreshed {build.MANIFEST.name}: {listing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
