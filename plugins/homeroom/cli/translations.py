"""``homeroom translations``: what to translate next, what changed, and marking reviews.

- ``status``: a table of every page in every language (current, stale, missing, needs
  review), with the share of pages current per language;
- ``diff PAGE LANG``: what changed in the source since the translation was made;
- ``mark-current PAGE LANG``: record, after a person has checked the translation, that it
  matches the source as it is now.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from homeroom.checks.translations import coverage as translations
from homeroom.checks.translations.marking import mark_current
from homeroom.checks.translations.records import (
    METHODS,
    Status,
    is_current,
    record_of,
    source_text_at,
)
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, discover, load_sources
from homeroom.data.unlisted import set_aside
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.languages import language_name

SYMBOLS = {
    Status.CURRENT: "ok",
    Status.STALE: "STALE",
    Status.UNTRACKED: "untracked",
    Status.NEEDS_REVIEW: "REVIEW",
    Status.MISSING: "MISSING",
    Status.NOT_TRANSLATED: "-",
    Status.ORPHAN: "ORPHAN",
}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``translations`` and its sub-commands to the ``homeroom`` parser."""
    parser = commands.add_parser(
        "translations", help="translation status, what changed, and marking reviewed pages"
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="every page in every language, as a table")
    status.add_argument("--format", choices=["text", "json"], default="text")
    diff = actions.add_parser("diff", help="what changed in the source since the translation")
    diff.add_argument("page", help="the page, as in content/: grade-3.md")
    diff.add_argument("lang", help="the translation's language code: es")
    mark = actions.add_parser(
        "mark-current", help="record that a person checked the translation against the source"
    )
    mark.add_argument("page", help="the page, as in content/: grade-3.md")
    mark.add_argument("lang", help="the translation's language code: es")
    mark.add_argument(
        "--reviewed-by", default="", help="who reviewed a machine translation (a name or role)"
    )
    base = actions.add_parser(
        "baseline",
        help="record every translation that records nothing of its source as current, once "
        "(when Homeroom is added to a site), listing them for review",
    )
    base.add_argument("--yes", action="store_true", help="record them without asking (for scripts)")
    mark.add_argument(
        "--method",
        choices=METHODS,
        default="",
        help="how the translation was made (kept as it is when not given)",
    )


def _sources(settings: Settings) -> list[Source]:
    """Every page of the site; a page in a language the site does not list is named, not read."""
    paths, unlisted = set_aside(
        discover(settings.docs_dir), settings.docs_dir, settings.languages, settings.project_root
    )
    for finding in unlisted:
        print(f"note: {finding.path}: {finding.message}", file=sys.stderr)
    return load_sources(paths, settings.docs_dir, settings.languages, settings.project_root)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run one ``translations`` action; return the exit code."""
    sources = _sources(settings)
    if args.action == "status":
        coverage = translations.analyse(sources, settings)
        print(
            json.dumps(coverage.to_dict(), indent=2, ensure_ascii=False)
            if args.format == "json"
            else status_table(coverage)
        )
        return 0
    if args.action == "baseline":
        return _baseline(sources, settings, args.yes)
    original, translation = _pair(sources, settings, args.page, args.lang)
    if args.action == "diff":
        print(diff_text(settings, original, translation))
        return 0
    if translation is None:
        raise InputError(
            _translation_display(original, args.lang),
            "this translation does not exist yet. Create it first, then mark it current.",
        )
    record = mark_current(
        original,
        settings.project_root / original.display,
        settings.docs_dir / translation.rel,
        translation,
        reviewed_by=args.reviewed_by,
        method=args.method,
    )
    commit = record.get("source_commit")
    how = (
        f"from commit {str(commit)[:10]}"
        if commit
        else "(the source has edits not yet committed: the hash alone records the version)"
    )
    print(
        f"{translation.display}: marked current with {original.display} as it is now "
        f"{how}; source_hash {record['source_hash']}."
    )
    if record.get("method") == "machine" and not record.get("reviewed_by"):
        print(
            "Note: this is a machine translation with no reviewer. Essential pages need "
            '`--reviewed-by "NAME"` once a person has checked them.'
        )
    return 0


def _translation_display(original: Source, lang: str) -> str:
    stem, _, ext = original.display.rpartition(".")
    return f"{stem}.{lang}.{ext}"


def _pair(
    sources: list[Source], settings: Settings, page: str, lang: str
) -> tuple[Source, Source | None]:
    page = page.removeprefix(f"{settings.docs_dir.name}/")
    if lang not in settings.languages.codes:
        raise HomeroomError(
            f"'{lang}' is not a language this site publishes ({', '.join(settings.languages.codes)})"
        )
    if lang == settings.languages.default.code:
        raise HomeroomError(
            f"'{lang}' is the site's default language: pages in it are the sources, not "
            "translations. Name the translation's language, such as es."
        )
    default = settings.languages.default.code
    original = next((s for s in sources if s.page == page and s.language == default), None)
    if original is None:
        known = sorted({s.page for s in sources if s.language == default})
        raise HomeroomError(
            f"no page {page!r} in {settings.docs_dir.name}/. Pages: {', '.join(known[:8])}"
            + (" ..." if len(known) > 8 else "")
        )
    translation = next((s for s in sources if s.page == page and s.language == lang), None)
    return original, translation


def status_table(coverage: translations.Coverage) -> str:
    """The status as a plain-text table, one row per page, then a line per language."""
    langs = coverage.languages
    headers = ["page", *langs]
    rows = []
    for page in coverage.pages:
        row = [page + (" (essential)" if _essential(coverage, page) else "")]
        for lang in langs:
            cell = coverage.cell(page, lang)
            text = SYMBOLS[cell.status] if cell else "?"
            if cell and cell.status == Status.STALE and cell.since:
                text += f" ({cell.since})"
            row.append(text)
        rows.append(row)
    orphans = sorted(
        {(key[0], key[1]) for key, cell in coverage.cells.items() if cell.status == Status.ORPHAN}
    )
    for page, lang in orphans:
        rows.append([f"{page} (no source)", *["ORPHAN" if x == lang else "" for x in langs]])
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append("")
    for lang in langs:
        counts = coverage.counts(lang)
        parts = [f"{n} {name}" for name, n in counts.items() if n]
        lines.append(
            f"{lang} {language_name(lang) or lang}: {coverage.percent_current(lang)}% current"
            f" ({', '.join(parts)})"
        )
    lines.append("")
    lines.append(
        "ok current · STALE the source changed since · MISSING required, not translated · "
        "REVIEW machine translation of an essential page, not yet checked by a person · "
        "untracked no record of the source version · - optional, not translated yet"
    )
    return "\n".join(lines)


def _essential(coverage: translations.Coverage, page: str) -> bool:
    cell = coverage.cell(page, coverage.languages[0])
    return bool(cell and cell.essential)


def diff_text(settings: Settings, original: Source, translation: Source | None) -> str:
    """What changed in the source since the translation was made, in words."""
    if translation is None:
        return (
            f"{_translation_display(original, '?')}: there is no translation yet, so the "
            f"whole of {original.display} needs translating."
        )
    record = record_of(translation)
    if not record.source_hash:
        return (
            f"{translation.display} does not record which version of {original.display} it "
            "was made from, so Homeroom cannot show what changed. Compare the whole page with "
            "the translation, then run mark-current."
        )
    if is_current(record, original, settings.project_root / original.display):
        return f"{translation.display} is current: {original.display} has not changed since."
    old_text = (
        source_text_at(settings.project_root / original.display, record.source_commit)
        if record.source_commit
        else None
    )
    if old_text is None:
        why = (
            "the translation records no source commit"
            if not record.source_commit
            else f"commit {record.source_commit[:10]} is not in this copy's history "
            "(a shallow clone? try `git fetch --unshallow`)"
        )
        return (
            f"{original.display} changed since {translation.display} was made, but {why}, so "
            "the old version cannot be shown. Compare the whole page with the translation."
        )
    diff = difflib.unified_diff(
        old_text.splitlines(),
        original.text.splitlines(),
        fromfile=f"{original.display} when translated ({record.source_commit[:10]})",
        tofile=f"{original.display} now",
        lineterm="",
    )
    body = "\n".join(diff)
    return body or (
        f"{original.display} differs from the translated version only in spacing or "
        "punctuation outside its front matter; run mark-current to record that."
    )


def _baseline(sources: list[Source], settings: Settings, yes: bool) -> int:
    """``translations baseline``: list the untracked translations, then record them."""
    from homeroom.checks.translations.marking import record_baseline, untracked
    from homeroom.cli.init import confirmed

    pairs = untracked(sources, settings.languages.default.code)
    if not pairs:
        print("Every translation already records its source: nothing to record.")
        return 0
    print(
        f"{len(pairs)} translation(s) record nothing of their source, so Homeroom counts "
        "them as untracked. A baseline records each as current as it is today, once, with "
        "a note saying nobody compared it with its source then. Review them when you can:"
    )
    for pair in pairs:
        print(f"  {pair.translation.display} (translates {pair.original.display})")
    if not confirmed(yes, "Record them as current?"):
        print("Nothing was written. Run `homeroom translations baseline --yes` to record them.")
        return 0
    record_baseline(pairs, settings.project_root, settings.docs_dir)
    print(f"Recorded {len(pairs)} translation(s) as current (baseline).")
    return 0
