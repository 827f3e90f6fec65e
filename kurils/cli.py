"""Command-line interface: ``kurils map``, ``kurils figure`` and ``kurils info``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KurilsDataError, escape_controls
from .i18n import LANGS
from .views import VIEWS

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kurils", description="Maps and data of the Kuril Islands dispute."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser(
        "map",
        help="write the dispute map as one offline HTML file",
        description="Write the layered dispute map as one self-contained HTML file.",
    )
    _shared_arguments(m, default_out="kurils.html", out_help="output file")
    m.add_argument(
        "--tiles",
        choices=["osm"],
        default=None,
        help="add an online basemap (needs network to view)",
    )
    when = m.add_mutually_exclusive_group()
    when.add_argument(
        "--date",
        default=None,
        help="the map as it stood on that day (YYYY-MM-DD, from 1855-02-07)",
    )
    when.add_argument(
        "--history",
        action="store_true",
        help="add a time slider, 1855 to the latest event (2022)",
    )
    when.add_argument(
        "--scenario",
        default=None,
        help="a settlement scenario (status_quo, declaration_1956, two_plus_alpha,"
        " four_groups, equal_land): who would hold what, its sea, what changes hands",
    )
    m.set_defaults(func=_map)
    f = sub.add_parser(
        "figure",
        help="write a print-quality figure (PNG, SVG or PDF)",
        description="Write a static figure of the dispute; the format follows --out.",
    )
    _shared_arguments(
        f, default_out="kurils.png", out_help="output file: .png, .svg or .pdf"
    )
    f.set_defaults(func=_figure)
    info = sub.add_parser("info", help="summarise the shipped data")
    info.set_defaults(func=_info)
    _stakes_parser(sub)
    return parser


def _stakes_parser(sub) -> None:
    """``kurils stakes``: what each settlement scenario moves (kept in one block)."""
    st = sub.add_parser(
        "stakes",
        help="land, sea, people and settlements each settlement scenario moves",
        description="What each shipped settlement scenario moves away from the "
        "status quo. Sea areas are illustrations from computed zones, not legal "
        "boundaries.",
    )
    st.add_argument("--csv", action="store_true", help="write CSV to stdout")
    st.set_defaults(func=_stakes)


def _stakes(args: argparse.Namespace) -> int:
    from .stakes import stakes

    table = stakes()
    if args.csv:
        table.to_csv(sys.stdout, index=False, float_format="%.2f", lineterminator="\n")
        return 0
    show = table.set_index("scenario_id")[
        [
            "land_jpn_km2", "land_rus_km2", "land_moved_km2",
            "territorial_sea_moved_km2", "eez_moved_km2", "sea_share_jpn",
            "population_moved", "population_year",
        ]
    ]  # fmt: skip
    show.columns = [
        "land JPN km²", "land RUS km²", "land moved", "terr. sea moved",
        "EEZ moved", "sea share JPN", "people moved", "year",
    ]  # fmt: skip
    fmt = {c: "{:,.0f}".format for c in show.columns[:5]}
    fmt["sea share JPN"] = "{:.0%}".format
    fmt["people moved"] = "{:,}".format
    print(show.to_string(formatters=fmt))
    print("\nsettlements moved:")
    for row in table.itertuples():
        print(f"  {row.scenario_id}: {row.settlements_moved.replace(';', ', ') or '-'}")
    return 0


def _shared_arguments(
    parser: argparse.ArgumentParser, default_out: str, out_help: str
) -> None:
    """--out, --view, --lang and --islands: the same for maps and figures."""
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(default_out),
        help=f"{out_help} (default: {default_out})",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default="neutral",
        help="point of view (default: neutral)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of labels and text (default: en)",
    )
    parser.add_argument(
        "--islands",
        type=Path,
        default=None,
        help="your own island geometry file (island_id + polygons, any format GDAL reads)",
    )


def _map(args: argparse.Namespace) -> int:
    from .islands import load_islands
    from .mapping import build_map
    from .offline import save_map

    islands = load_islands(args.islands) if args.islands else None
    if not args.out.parent.is_dir():
        print(
            f"kurils: error: folder does not exist: {args.out.parent}", file=sys.stderr
        )
        return 2
    try:
        m = build_map(
            view=args.view,
            lang=args.lang,
            islands=islands,
            tiles=args.tiles,
            date=args.date,
            history=args.history,
            scenario=args.scenario,
        )
    except ValueError as e:
        if isinstance(e, KurilsDataError):
            raise
        print(f"kurils: error: {e}", file=sys.stderr)
        return 2
    path = save_map(m, args.out)
    print(
        f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB, view {args.view}, lang {args.lang})"
    )
    return 0


def _figure(args: argparse.Namespace) -> int:
    from .figures import figure, save_figure
    from .islands import load_islands

    if args.out.suffix.lower() not in {".png", ".svg", ".pdf"}:
        print(
            f"kurils: error: {args.out}: use a .png, .svg or .pdf file name",
            file=sys.stderr,
        )
        return 2
    if not args.out.parent.is_dir():
        print(
            f"kurils: error: folder does not exist: {args.out.parent}", file=sys.stderr
        )
        return 2
    islands = load_islands(args.islands) if args.islands else None
    path = save_figure(
        figure(view=args.view, lang=args.lang, islands=islands), args.out
    )
    print(f"wrote {path} (view {args.view}, lang {args.lang})")
    return 0


def _info(args: argparse.Namespace) -> int:
    from .islands import load_islands

    islands = load_islands()
    print(islands.groupby(["group", "status"]).size().to_string())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status.

    Bad data (:class:`~kurils.KurilsDataError`) and maps that would need the network
    print one line to stderr and return 2; nothing is written. Control characters
    in that line (an ANSI escape in a user's ``island_id``, a newline in a file
    name) are shown escaped, as ``\\x1b`` or ``\\n``, never sent to the terminal.
    """
    args = _parser().parse_args(argv)
    from .offline import OfflineError

    try:
        return args.func(args)
    except (KurilsDataError, OfflineError) as e:
        _print_error(e)
        return 2
    except OSError as e:
        _print_error(e)
        return 1


def _print_error(error: Exception) -> None:
    """One line on stderr; control characters (from data or file names) escaped."""
    print(f"kurils: error: {escape_controls(str(error))}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
