"""The ``homeroom`` command line: its commands and options, and which command runs.

Each command lives in a module of its own (``check``, ``explain``, ``translations``,
``reportcards``); ``new``, ``build`` and ``merge`` call the core directly.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
configuration or input problem (always one line naming the file and line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from homeroom import __version__
from homeroom.cli.check import run as run_check
from homeroom.cli.explain import run as run_explain
from homeroom.cli.problems import EXIT_ERROR, EXIT_OK, flatten
from homeroom.cli.site import settings_for
from homeroom.model.errors import HomeroomError
from homeroom.model.findings import Severity
from homeroom.model.report import Report
from homeroom.run import reporters
from homeroom.run.reporters import input_finding


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="homeroom",
        description="Check school-district pages so every family can read them.",
    )
    parser.add_argument("--version", action="version", version=f"homeroom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check pages without building the site")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="Markdown files or folders (default: the site's content folder)",
    )
    check.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="the site's mkdocs.yml (default: ./mkdocs.yml if present)",
    )
    check.add_argument(
        "--lang",
        default=None,
        metavar="CODE",
        help="the language of the files given outside the site's content folder whose "
        "names have no .xx.md suffix, such as es (default: the site's default language). "
        "Changes nothing about the site: its pages keep the languages their names say.",
    )
    check.add_argument("--format", choices=sorted(reporters.FORMATS), default="text")
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity] + ["never"],
        default=None,
        help="exit 1 when a finding is at least this serious (default: each plugin's "
        "`fail_on` in mkdocs.yml, as the build does; `error` where it says none)",
    )
    check.add_argument(
        "--changed-since",
        metavar="REF",
        default=None,
        help="check only pages changed since this git ref (e.g. origin/main), with the "
        "pages that depend on them: a page's translations, every page of a language whose "
        "glossary changed, every page when thresholds or mkdocs.yml changed",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep results here between runs (default: $HOMEROOM_CACHE_DIR, else "
        ".homeroom-cache next to mkdocs.yml); safe to delete",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="check everything again; read and write no cache"
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="check pages no cache knows in N processes (default: $HOMEROOM_JOBS, else one "
        "per processor core)",
    )

    explain = commands.add_parser(
        "explain", help="say what a rule checks, with a bad and a good example"
    )
    explain.add_argument(
        "rule", nargs="?", help="a rule id such as readability.sentence (default: list them)"
    )
    explain.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="the site's mkdocs.yml, for its glossary rules (default: ./mkdocs.yml if present)",
    )

    new = commands.add_parser(
        "new", help="start a page with its type's sections in every required language"
    )
    new.add_argument("type", metavar="TYPE", help="a page type, such as grade-expectations")
    new.add_argument("name", metavar="NAME", help="the page's name, such as grade-9")
    new.add_argument("--title", default=None, help="the page's title (default: from NAME)")
    new.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    from homeroom.cli.reportcards import add_parser as add_reportcards_parser

    add_reportcards_parser(commands)

    build = commands.add_parser("build", help="build the site; a failed build leaves the old site")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("-d", "--site-dir", type=Path, default=None)
    build.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs")
    build.add_argument(
        "--strict",
        action="store_true",
        help="also fail on the engine's own warnings (a broken link, say)",
    )
    build.add_argument(
        "--language",
        metavar="CODES",
        default=None,
        help="build and check only these languages (es, or es,vi): one part of the site, "
        "for `homeroom merge` (one CI job per language)",
    )
    merge = commands.add_parser(
        "merge",
        help="put the parts `homeroom build --language` made together into one site",
    )
    merge.add_argument("parts", nargs="+", type=Path, metavar="PART", help="a part's folder")
    merge.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    merge.add_argument("-d", "--site-dir", type=Path, default=None)

    from homeroom.cli import translations as translations_cli

    translations_cli.add_parser(commands)
    from homeroom.cli.feedback import add_parser as add_feedback_parser

    add_feedback_parser(commands)
    from homeroom.cli.export import add_parser as add_export_parser

    add_export_parser(commands)
    from homeroom.cli.init import add_parser as add_init_parser

    add_init_parser(commands)
    from homeroom.cli.rules import add_parser as add_rules_parser

    add_rules_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "explain":
            return run_explain(args.rule, args.config_file)
        if args.command == "translations":
            from homeroom.cli import translations as translations_cli

            return translations_cli.run(args, settings_for(args.config_file))
        if args.command == "new":
            from homeroom.pages.scaffold import new_page

            for line in new_page(args.config_file, args.type, args.name, args.title):
                print(line)
            return EXIT_OK
        if args.command == "rules":
            from homeroom.cli.rules import run as run_rules

            return run_rules(args)
        if args.command == "init":
            from homeroom.cli.init import run as run_init

            return run_init(args)
        if args.command == "export":
            from homeroom.cli.export import run as run_export

            return run_export(args)
        if args.command == "feedback":
            from homeroom.cli.feedback import run as run_feedback

            return run_feedback(args)
        if args.command == "reportcards":
            from homeroom.cli.reportcards import run as run_reportcards

            return run_reportcards(args)
        if args.command == "merge":
            from homeroom.run.split import merge as merge_parts

            return merge_parts(args.parts, args.config_file, args.site_dir)
        from homeroom.run.build import build

        return build(args.config_file, args.site_dir, args.engine, args.strict, args.language)
    except HomeroomError as exc:
        problems = flatten([exc])
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        fmt = getattr(args, "format", "text")
        if fmt != "text":
            # A setting or file that stops the run still reaches CI on its line.
            report = Report(findings=tuple(sorted(input_finding(p) for p in problems)))
            print(reporters.FORMATS[fmt](report))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
