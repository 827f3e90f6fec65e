"""Command-line interface: ``kurils map``."""

from __future__ import annotations

import argparse
import sys

from .errors import KurilsDataError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kurils", description="Maps of the Kuril Islands dispute."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    info = sub.add_parser("info", help="summarise the shipped data")
    info.set_defaults(func=_info)
    return parser


def _info(args: argparse.Namespace) -> int:
    from .islands import load_islands

    islands = load_islands()
    counts = islands.groupby(["group", "status"]).size()
    print(counts.to_string())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (bad data: 2, with the error printed)."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except KurilsDataError as e:
        print(f"kurils: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
