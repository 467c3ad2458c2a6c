"""``homeroom rules --show``: what rule data is in force here, and where each part came from."""

from __future__ import annotations

import argparse
from pathlib import Path

from homeroom.cli.problems import EXIT_OK
from homeroom.cli.site import config_file, settings_for


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``homeroom rules``."""
    rules = commands.add_parser(
        "rules",
        help="show the rule data in force (Homeroom's and the site's) and where it came from",
    )
    rules.add_argument(
        "--show",
        action="store_true",
        help="print what is in force (the default; kept for scripts that say so)",
    )
    rules.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="the site's mkdocs.yml (default: ./mkdocs.yml if present, else loose files here)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the rule data in force."""
    from homeroom.data.glossary import PACKAGE_GLOSSARIES
    from homeroom.data.inforce import describe

    settings = settings_for(args.config_file)
    path = config_file(args.config_file)
    if path is not None:
        where = f"the site of {path.as_posix()}"
        languages = list(settings.languages.codes)
    else:
        where = f"loose files in {Path.cwd().name or '/'} (no mkdocs.yml)"
        shipped = sorted(p.stem for p in PACKAGE_GLOSSARIES.glob("*.yml"))
        languages = ["en", *(code for code in shipped if code != "en")]
    for line in describe(settings, languages, where):
        print(line)
    return EXIT_OK
