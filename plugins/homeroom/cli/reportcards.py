"""``homeroom reportcards import FILE --mapping MAPPING.yml [--out DIR] [--replace]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

#: The exit code of a refused import (the same as every other input problem).
EXIT_ERROR = 2


def add_parser(commands: Any) -> None:
    """Add the ``reportcards`` command and its ``import`` subcommand."""
    parser = commands.add_parser("reportcards", help="school report cards from data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    importer = actions.add_parser(
        "import", help="turn a state's published CSV file into school data files"
    )
    importer.add_argument(
        "file",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="the state's CSV file, or several files a mapping joins by school",
    )
    importer.add_argument(
        "--mapping", type=Path, required=True, help="the YAML file that maps its columns"
    )
    importer.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for the data files (default: a folder named after FILE)",
    )
    importer.add_argument(
        "--replace",
        action="store_true",
        help="also write over data files that were edited by hand or not written by this "
        "command, after keeping a copy of each as NAME.bak-YYYYMMDD-HHMMSS",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``homeroom reportcards ACTION``; return the exit code."""
    # Imported here: every other command starts faster without the importer (jsonschema).
    from homeroom.reportcards.importer import SKIPPED_BY_MAPPING, import_csv
    from homeroom.reportcards.safewrite import Action, Refused

    out = args.out or Path(f"{args.file[0].stem}-schools")
    try:
        result = import_csv(args.file, args.mapping, out, Path.cwd(), replace=args.replace)
    except Refused as refused:
        # One line per problem (every bad row, every file it would not write over).
        for problem in refused.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    written = result.written
    changed = written.count(Action.NEW) + written.count(Action.UPDATE)
    changed += written.count(Action.REPLACE)
    folder = out.as_posix().rstrip("/")
    print(
        f"Wrote {len(result.files) - 1} school data files and {result.files[0].name} to "
        f"{folder}/ from {result.rows} rows ({changed} new or changed, "
        f"{written.count(Action.SAME)} already up to date). {result.hidden_by_state} values "
        "the state hid stay hidden; the report cards also hide whatever would let them be "
        "worked out."
    )
    for account in result.accounts:
        # Every row is accounted for: used, or left out with its reason and lines.
        named = f", {account.names} naming schools" if account.names else ""
        print(
            f"{account.file}: {account.rows} rows: {account.used} used{named}, "
            f"{account.left_out} left out."
        )
        for reason, lines in account.skipped.items():
            lines = sorted(lines)
            shown = ", ".join(str(n) for n in lines[:8]) + (" ..." if len(lines) > 8 else "")
            rows = "1 row" if len(lines) == 1 else f"{len(lines)} rows"
            where = "line" if len(lines) == 1 else "lines"
            if reason == SKIPPED_BY_MAPPING:
                print(f"Left out {rows}, as `skip:` in the mapping says. ({where} {shown})")
            else:
                print(f"  Left out {rows} because {reason} ({where} {shown}).")
    if result.skipped and not result.accounts:
        print(f"Left out {result.skipped} rows, as `skip:` in the mapping says.")
    for backup in written.backups:
        print(f"Kept the earlier {backup.name.split('.bak-')[0]} as {backup.name}.")
    if result.others:
        shown = ", ".join(result.others[:5]) + (" ..." if len(result.others) > 5 else "")
        print(
            f"Left as they were: {len(result.others)} other school files in {folder}/ "
            f"({shown}). They are published too: remove any school that no longer exists."
        )
    return 0
