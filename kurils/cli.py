"""Command-line interface: ``kurils map``, ``figure``, ``export`` and ``info``."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

from . import __version__
from .domain.views import VIEWS
from .errors import KurilsDataError, OfflineError, escape_controls
from .i18n import LANGS
from .web.deferred import defer

__all__ = ["main"]

_DATE_HELP = (
    "who held what on that day, and the lines in force (YYYY-MM-DD, from 1855-02-07)"
)
_SCENARIO_HELP = (
    "a settlement scenario (status_quo, declaration_1956, two_plus_alpha,"
    " four_groups, equal_land): who would hold what, and what changes hands"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kurils", description="Maps and data of the Kuril Islands dispute."
    )
    parser.add_argument("--version", action="version", version=f"kurils {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser(
        "map",
        help="write the dispute map as one offline HTML file",
        description="Write the layered dispute map as one self-contained HTML file.",
    )
    _shared_arguments(m, default_out="kurils.html", out_help="output file")
    m.add_argument(
        "--tiles",
        default=None,
        metavar="NAME",
        help="add an online basemap (needs network to view): osm, or any "
        "xyzservices provider such as Esri.WorldImagery (`kurils tiles` lists them)",
    )
    m.add_argument(
        "--tiles-key",
        default=None,
        metavar="KEY",
        help="API key for the providers that need one",
    )
    when = m.add_mutually_exclusive_group()
    when.add_argument(
        "--date",
        default=None,
        help=_DATE_HELP,
    )
    when.add_argument(
        "--history",
        action="store_true",
        help="add a time slider, 1855 to the latest event (2022)",
    )
    when.add_argument("--scenario", default=None, help=_SCENARIO_HELP)
    m.add_argument(
        "--scenarios",
        nargs="*",
        default=None,
        metavar="NAME",
        help="switch between settlement scenarios in the page (all shipped ones,"
        " or those named; --scenario picks the first shown): holders, zones, cut"
        " line and a table of what changes hands",
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
    day_or_option = f.add_mutually_exclusive_group()
    day_or_option.add_argument("--date", default=None, help=_DATE_HELP)
    day_or_option.add_argument("--scenario", default=None, help=_SCENARIO_HELP)
    f.set_defaults(func=_figure)
    _export_parser(sub)
    t = sub.add_parser(
        "tiles",
        help="list the basemaps --tiles accepts",
        description="List the names --tiles accepts: osm and the xyzservices providers.",
    )
    t.set_defaults(func=_tiles)
    info = sub.add_parser(
        "info",
        help="summarise the shipped data: counts, versions, licences",
        description="Counts by group and status, data version, sources, licences.",
    )
    info.add_argument("--json", action="store_true", help="print JSON instead")
    info.set_defaults(func=_info)
    _stakes_parser(sub)
    return parser


def _export_parser(sub) -> None:
    from .export import FORMATS, LAYERS

    e = sub.add_parser(
        "export",
        help="write every layer as GeoPackage, GeoJSON, CSV or GeoParquet",
        description="Write every layer ("
        + ", ".join(x.name for x in LAYERS)
        + ") with its licence beside it.",
    )
    e.add_argument(
        "--out",
        type=Path,
        default=None,
        help="the GeoPackage file, or the folder for the other formats "
        "(default: kurils.gpkg, or kurils_FORMAT/)",
    )
    e.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="gpkg (default; one file, a named layer each), geojson (RFC 7946, a "
        "file per layer), csv (geometry as WKT), parquet (GeoParquet; needs pyarrow)",
    )
    e.add_argument(
        "--layers",
        default=None,
        help="comma-separated layer names (default: all)",
    )
    e.set_defaults(func=_export)


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
    from .domain.stakes import stakes

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
        # a cut island's people outside its listed settlements: not placed
        if row.population_unplaced:
            print(
                f"    not counted: {row.population_unplaced:,} residents of a cut"
                " island live outside its listed settlements (side unknown)"
            )
        if row.settlements_no_figure:
            names = row.settlements_no_figure.replace(";", ", ")
            print(f"    no population figure: {names}")
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
    from .domain.islands import load_islands
    from .web.mapping import build_map
    from .web.offline import save_map
    from .web.tiles import tile_provider

    islands = load_islands(args.islands) if args.islands else None
    if not args.out.parent.is_dir():
        _print_error(f"folder does not exist: {args.out.parent}")
        return 2
    try:
        m = build_map(
            view=args.view,
            lang=args.lang,
            islands=islands,
            tiles=None
            if args.tiles is None
            else tile_provider(args.tiles, args.tiles_key),
            date=args.date,
            history=args.history,
            scenario=args.scenario,
            scenarios=args.scenarios,
        )
    except ValueError as e:
        return _usage_error(e)
    path = save_map(m, args.out)
    shown = (
        "scenario switch"
        if args.scenarios is not None
        else f"scenario {args.scenario}"
        if args.scenario
        else f"view {args.view}"
    )
    size = path.stat().st_size / 1e6
    print(f"wrote {path} ({size:.2f} MB, {shown}, lang {args.lang})")
    return 0


def _figure(args: argparse.Namespace) -> int:
    from .domain.islands import load_islands
    from .figures.plotting import figure, save_figure

    if args.out.suffix.lower() not in {".png", ".svg", ".pdf"}:
        _print_error(f"{args.out}: use a .png, .svg or .pdf file name")
        return 2
    if not args.out.parent.is_dir():
        _print_error(f"folder does not exist: {args.out.parent}")
        return 2
    islands = load_islands(args.islands) if args.islands else None
    try:
        fig = figure(
            view=args.view,
            lang=args.lang,
            islands=islands,
            date=args.date,
            scenario=args.scenario,
        )
    except ValueError as e:
        return _usage_error(e)
    path = save_figure(fig, args.out)
    shown = (
        f"on {args.date}"
        if args.date
        else f"scenario {args.scenario}"
        if args.scenario
        else f"view {args.view}"
    )
    print(f"wrote {path} ({shown}, lang {args.lang})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import export

    fmt = args.format or "gpkg"
    out = args.out or Path("kurils.gpkg" if fmt == "gpkg" else f"kurils_{fmt}")
    layers = args.layers.split(",") if args.layers else None
    try:
        path = export(out, format=fmt, layers=layers)
    except ImportError as e:
        _print_error(e)
        return 2
    except ValueError as e:
        return _usage_error(e)
    print(f"wrote {path} ({fmt}; licence in {_licence_file(path, fmt)})")
    return 0


def _licence_file(path: Path, fmt: str) -> Path:
    return (
        path.with_name(path.stem + ".LICENSE.txt")
        if fmt == "gpkg"
        else path / "LICENSE.txt"
    )


def _tiles(args: argparse.Namespace) -> int:
    from .web.tiles import ALIASES, tile_names

    print("# --tiles NAME: a basemap loaded online when the page is viewed")
    for name, needs_key in tile_names():
        note = f"  = {ALIASES[name]}" if name in ALIASES else ""
        print(f"{name}{note}{'  (needs --tiles-key)' if needs_key else ''}")
    return 0


def _info(args: argparse.Namespace) -> int:
    from .domain.summary import format_summary, summary

    s = summary()
    print(
        json.dumps(s, indent=2, ensure_ascii=False) if args.json else format_summary(s)
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status.

    Bad data (:class:`~kurils.KurilsDataError`) and maps that would need the network
    print one line to stderr and return 2; nothing is written. Control characters
    in that line (an ANSI escape in a user's ``island_id``, a newline in a file
    name) are shown escaped, as ``\\x1b`` or ``\\n``, never sent to the terminal.
    """
    args = _parser().parse_args(argv)
    defer("requests")  # folium imports it; a command never uses it
    # A command is one short run that leaves few reference cycles: reference
    # counting frees its memory (peak RSS of `kurils map` unchanged), and the cycle
    # collector's passes over every object of pandas, shapely and folium would be
    # a tenth of its time. Back on afterwards, for a caller that goes on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return args.func(args)
    except (KurilsDataError, OfflineError) as e:
        _print_error(e)
        return 2
    except OSError as e:
        _print_error(e)
        return 1
    finally:
        if collecting:
            gc.enable()


def _print_error(error: Exception | str) -> None:
    """One line on stderr; control characters (from data or file names) escaped."""
    print(f"kurils: error: {escape_controls(str(error))}", file=sys.stderr)


def _usage_error(error: ValueError) -> int:
    """A bad argument (unknown view, date, scenario): said, exit status 2. Bad
    data (KurilsDataError) goes on to main(), which says it the same way."""
    if isinstance(error, KurilsDataError):
        raise error
    _print_error(error)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
