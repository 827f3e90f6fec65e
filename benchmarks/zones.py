"""Time loading the shipped maritime zones, against load_islands() as the floor.

Run after ``make install``::

    .venv/bin/python benchmarks/zones.py [--repeat 7]

Each timing is taken in a fresh interpreter after ``import kurils`` (so the
imports are not counted) and reported as the median, with its ratio to
``load_islands()`` measured the same way (the machine is shared and noisy: the
ratio is the stable number). Target: shipped zones well under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile

PY = sys.executable


def in_process(call: str, repeat: int) -> float:
    code = (
        "import time, kurils, kurils.domain.maritime; t = time.perf_counter();"
        f"{call}; print(time.perf_counter() - t)"
    )
    out = [
        float(
            subprocess.run(
                [PY, "-c", code], check=True, capture_output=True, text=True,
                cwd=tempfile.gettempdir(),
            ).stdout
        )
        for _ in range(repeat)
    ]  # fmt: skip
    return statistics.median(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    n = parser.parse_args().repeat
    floor = in_process("kurils.load_islands()", n)
    rows = {
        "load_zones() (all 5 scenarios)": in_process(
            "kurils.domain.maritime.load_zones()", n
        ),
        "maritime_zones() (status quo, shipped)": in_process(
            "kurils.maritime_zones()", n
        ),
    }
    print(f"| measure | median of {n} | ratio to load_islands() |")
    print("|---|---|---|")
    print(f"| load_islands() (floor) | {floor * 1000:.0f} ms | 1.0 |")
    for name, t in rows.items():
        print(f"| {name} | {t * 1000:.0f} ms | {t / floor:.2f} |")


if __name__ == "__main__":
    main()
