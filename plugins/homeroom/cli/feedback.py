"""``homeroom feedback import FILE.csv``: families' answers into the site's data.

The district's export (every answer, one row each) is read by
:mod:`homeroom.data.feedback_csv`; only counts are kept, per page, language and version,
in ``content/_data/feedback-answers.yml`` (``answers:`` under homeroom/feedback). The next
check and build show them: the staff page of answers, and a ``feedback.unclear`` finding
for each page too many families found unclear.

Nothing is half-imported: when any row cannot be read, every such row is listed with its
line and nothing is written. A file that the import did not write (or that someone edited
since) is never replaced without ``--replace``. Export every answer each time: an import
replaces the counts of the last one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from homeroom.cli.problems import EXIT_ERROR, EXIT_OK
from homeroom.cli.site import settings_for
from homeroom.data.feedback_answers import MARK, Answers, dump_answers
from homeroom.data.feedback_csv import decode_export, read_export
from homeroom.data.options import FeedbackOptions
from homeroom.data.pageinfo import page_id
from homeroom.data.settings import Settings
from homeroom.data.sources import discover, display_path, load_sources
from homeroom.model.errors import InputError


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``homeroom feedback import``."""
    feedback = commands.add_parser(
        "feedback", help="bring families' answers to 'Was this page clear?' into the site"
    )
    actions = feedback.add_subparsers(dest="feedback_command", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="read the district's CSV export of answers")
    imp.add_argument("file", type=Path, metavar="FILE.csv", help="the export, one answer a row")
    imp.add_argument("-f", "--config-file", type=Path, default=None)
    imp.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to keep the counts (default: `answers:` of homeroom/feedback in content/_data)",
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace the counts file even if it was not written by this command",
    )


def _written_by_import(path: Path) -> bool:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return first.startswith(MARK)


def run(args: argparse.Namespace) -> int:
    """Import the answers; 0 when written, 2 when the file or a row cannot be read."""
    settings = settings_for(args.config_file)
    options = settings.options(FeedbackOptions)
    out: Path = args.out or settings.data_dir / options.answers
    shown = display_path(args.file, settings.project_root)
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read this file ({exc.strerror}).") from None
    if raw.startswith((b"PK\x03\x04", b"%PDF")):
        raise InputError(
            shown,
            "this is a workbook or a PDF, not a CSV file. Open it and save it as CSV "
            '("CSV UTF-8"), then import that file.',
        )
    result = read_export(decode_export(raw, shown), shown, settings.languages.codes)
    if result.problems:
        for problem in result.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(
            f"error: {len(result.problems)} answer(s) could not be read, so nothing was "
            "written. Fix them and import again.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    target = display_path(out, settings.project_root)
    if out.exists() and not args.replace and not _written_by_import(out):
        raise InputError(
            target,
            "this file was not written by `homeroom feedback import`, so it is left as it "
            "is. Move it away, or import again with --replace.",
        )
    digest = hashlib.sha256(raw).hexdigest()[:16]
    answers = Answers(
        display=target,
        pages=tuple(result.entries),
        imported=date.today().isoformat(),
        source=args.file.name,
        comments=result.comments,
    )
    header = f"{MARK} from {args.file.name} (sha256 {digest}). Counts only; never edit by hand."
    _write(out, dump_answers(answers, header))
    pages = _site_pages(settings)
    unknown = sorted({e.page for e in result.entries if e.page not in pages}) if pages else []
    print(
        f"Read {result.rows} answers about {len({(e.page, e.language) for e in result.entries})} "
        f"page(s) and language(s) from {shown}; wrote {target}."
    )
    if result.comments:
        print(
            f"{result.comments} answers had a comment. Comments are not kept (they may name a "
            "family): read them in the export itself."
        )
    if unknown:
        print(f"Not pages of this site now (renamed or deleted?): {', '.join(unknown)}.")
    print("Run `homeroom check` to see which pages families found unclear.")
    return EXIT_OK


def _site_pages(settings: Settings) -> set[str]:
    if not settings.docs_dir.is_dir():
        return set()
    problems: list[InputError] = []
    paths = discover(settings.docs_dir, problems)
    sources = load_sources(
        paths, settings.docs_dir, settings.languages, settings.project_root, problems
    )
    return {page_id(s.page) for s in sources}


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` at once: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
