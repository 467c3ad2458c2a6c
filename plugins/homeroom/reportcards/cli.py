"""``homeroom reportcards import FILE --mapping MAPPING.yml [--out DIR]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(commands: Any) -> None:
    """Add the ``reportcards`` command and its ``import`` subcommand."""
    parser = commands.add_parser("reportcards", help="school report cards from data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    importer = actions.add_parser(
        "import", help="turn a state's published CSV file into school data files"
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="the state's CSV file")
    importer.add_argument(
        "--mapping", type=Path, required=True, help="the YAML file that maps its columns"
    )
    importer.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for the data files (default: a folder named after FILE)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``homeroom reportcards ACTION``; return the exit code."""
    # Imported here: every other command starts faster without the importer (jsonschema).
    from homeroom.reportcards.importer import import_csv

    out = args.out or Path(f"{args.file.stem}-schools")
    result = import_csv(args.file, args.mapping, out, Path.cwd())
    print(
        f"Wrote {len(result.files) - 1} school data files and {result.files[0].name} to "
        f"{out.as_posix()}/ from {result.rows} rows. {result.hidden_by_state} values the state "
        "hid stay hidden; the report cards also hide whatever would let them be worked out."
    )
    return 0
