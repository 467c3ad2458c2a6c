"""Translation coverage: which page exists, is current, stale or missing in which language.

Title VI and state law give families a right to essential school information in a language
they read. This module compares every page in the site's default language with its
translations (``page.es.md`` next to ``page.md``) and says, per page and language:

- ``current``: made from the source as it is now;
- ``stale``: the source changed after the translation was made;
- ``untracked``: the translation does not record what it was made from;
- ``needs review``: a machine translation of an essential page no person has checked;
- ``missing``: a required language has no translation;
- ``not translated``: an optional language has none yet (not a problem);
- ``orphan``: a translation whose source page no longer exists.

Each translation records what it was made from (see :mod:`.records`); the findings about
one translation's facts and structure are in :mod:`.compare`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from homeroom.checks.translations import facts
from homeroom.checks.translations.catalog import catalog_findings
from homeroom.checks.translations.compare import Shapes, compare_pages_cached
from homeroom.checks.translations.names import english_name
from homeroom.checks.translations.options import STAFF_TYPES, Options, is_essential, options_from
from homeroom.checks.translations.records import (
    Record,
    Status,
    is_current,
    record_of,
    source_hash,
)
from homeroom.checks.translations.school_language import school_languages
from homeroom.data import gitinfo
from homeroom.data.home_languages import school_needs
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import language_name
from homeroom.model.store import Store


@dataclass(frozen=True)
class Cell:
    """One page in one language."""

    page: str
    language: str
    status: Status
    essential: bool
    required: bool
    source: Source | None = None
    translation: Source | None = None
    since: str = ""
    """For a stale page: the date (``YYYY-MM-DD``) the source first changed after the
    translation, or a phrase when git cannot tell."""
    method: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "page": self.page,
            "language": self.language,
            "status": self.status.value,
            "essential": self.essential,
            "required": self.required,
            "source": self.source.display if self.source else None,
            "translation": self.translation.display if self.translation else None,
            "since": self.since or None,
            "method": self.method or None,
        }


@dataclass(frozen=True)
class Coverage:
    """Every page in every language, with the findings that follow from it."""

    pages: tuple[str, ...]
    languages: tuple[str, ...]
    cells: Mapping[tuple[str, str], Cell]
    findings: tuple[Finding, ...] = ()

    def cell(self, page: str, language: str) -> Cell | None:
        """The cell of one page in one language."""
        return self.cells.get((page, language))

    def has(self, page: str, language: str) -> bool:
        """Whether ``page`` has its own file in ``language`` (not a fallback)."""
        cell = self.cells.get((page, language))
        if cell is None:
            return False
        return language == self.languages[0] or cell.translation is not None

    def counts(self, language: str) -> dict[str, int]:
        """How many pages are in each state in ``language``."""
        counts: dict[str, int] = {s.value: 0 for s in Status}
        for (_, lang), cell in self.cells.items():
            if lang == language:
                counts[cell.status.value] += 1
        return counts

    def percent_current(self, language: str) -> int:
        """Share of the source pages that are current in ``language`` (whole percent)."""
        total = sum(1 for p in self.pages if (p, language) in self.cells)
        if total == 0:
            return 100
        current = sum(
            1
            for p in self.pages
            if (cell := self.cells.get((p, language))) and cell.status == Status.CURRENT
        )
        return round(100 * current / total)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``homeroom translations status --format json``."""
        return {
            "languages": [
                {
                    "language": lang,
                    "name": language_name(lang) or lang,
                    "percent_current": self.percent_current(lang),
                    "counts": self.counts(lang),
                }
                for lang in self.languages
            ],
            "pages": [
                self.cells[key].to_dict() for key in sorted(self.cells) if key[1] in self.languages
            ],
            "findings": [f.to_dict() for f in self.findings],
        }


def analyse(
    sources: Sequence[Source],
    settings: Settings,
    options: Options | None = None,
    *,
    use_git: bool = True,
    store: Store | None = None,
) -> Coverage:
    """Coverage of every page in every language, with every translation finding.

    The findings are those of the three site checks of :mod:`.site` together: coverage,
    interface catalogs and school languages (``homeroom translations status`` shows them
    all).
    """
    options = options or options_from(settings)
    coverage = coverage_of(sources, settings, options, use_git=use_git, store=store)
    extra = [*school_languages(settings, options)[1], *catalog_findings(settings, options)]
    return replace(coverage, findings=tuple(sorted((*coverage.findings, *extra))))


def coverage_of(
    sources: Sequence[Source],
    settings: Settings,
    options: Options | None = None,
    *,
    use_git: bool = True,
    store: Store | None = None,
    shapes: Mapping[str, facts.Shape] | None = None,
) -> Coverage:
    """Coverage of every page in every language, and the findings about each translation.

    ``shapes`` are pages' shapes already worked out (by content hash), as the engine
    gives them; any other is worked out here, once per page. With a store, each pair of
    pages is compared once per content of the two (see :func:`compare_pages_cached`).
    In a part of a site built in parts, only the part's translations are compared with
    their English pages (the other parts compare theirs).
    """
    options = options or options_from(settings)
    by_school = {school.school: school.required for school in school_needs(settings, options.rule)}
    known: dict[str, facts.Shape] = dict(shapes or {})

    def shape(source: Source) -> facts.Shape:
        found = known.get(source.digest)
        if found is None:
            found = known[source.digest] = facts.shape_of_source(source)
        return found

    findings: list[Finding] = []
    default = options.default
    originals = {s.page: s for s in sources if s.language == default}
    translations: dict[tuple[str, str], Source] = {
        (s.page, s.language): s for s in sources if s.language != default
    }
    cells: dict[tuple[str, str], Cell] = {}
    pages = tuple(sorted(p for p, s in originals.items() if s.page_type not in STAFF_TYPES))
    hashes = {page: source_hash(originals[page]) for page in pages}
    for page in pages:
        original = originals[page]
        essential = is_essential(original, options)
        school = original.meta.get("school")
        required_here = set(options.required) | set(by_school.get(str(school), ()))
        cells[(page, default)] = Cell(page, default, Status.CURRENT, essential, True, original)
        for lang in options.languages[1:]:
            required = lang in required_here
            translation = translations.get((page, lang))
            if translation is None:
                status = Status.MISSING if required else Status.NOT_TRANSLATED
                cells[(page, lang)] = Cell(page, lang, status, essential, required, original)
                if required:
                    findings.append(_missing(original, lang, essential))
                continue
            cell, cell_findings = _translated(
                original,
                translation,
                hashes[page],
                essential,
                required,
                options,
                settings.project_root if use_git else None,
                store,
                shape,
                compare=settings.in_part(lang),
            )
            cells[(page, lang)] = cell
            findings.extend(cell_findings)
    for (page, lang), translation in sorted(translations.items()):
        if page in originals:
            continue
        cells[(page, lang)] = Cell(
            page, lang, Status.ORPHAN, False, False, None, translation, method=""
        )
        findings.append(_orphan(translation, default))
    findings.sort()
    return Coverage(
        pages=pages,
        languages=options.languages,
        cells=cells,
        findings=tuple(findings),
    )


def _missing(original: Source, lang: str, essential: bool) -> Finding:
    target = _translation_name(original, lang)
    why = (
        f"It is an essential page: families who read {english_name(lang)} have a legal right "
        "to it (Title VI), and without it they would get the English text."
        if essential
        else f"Families who read {english_name(lang)} will see this page in English until it is "
        "translated."
    )
    return Finding(
        path=original.display,
        line=1,
        column=1,
        rule="i18n.missing",
        severity=Severity.ERROR if essential else Severity.WARNING,
        message=(
            f"This page has no {english_name(lang)} version ({target}). {why} Create {target} "
            f"with the translated text, have a person check it, then run "
            f"`homeroom translations mark-current {original.page} {lang}`."
        ),
        language=lang,
    )


def _translation_name(original: Source, lang: str) -> str:
    stem, dot, ext = original.display.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{original.display}.{lang}"


def _orphan(translation: Source, default: str) -> Finding:
    source_name = translation.display.replace(f".{translation.language}.", ".", 1)
    return Finding(
        path=translation.display,
        line=1,
        column=1,
        rule="i18n.orphan",
        severity=Severity.ERROR,
        message=(
            f"This is a translation of {source_name}, but that {english_name(default)} page "
            "does not exist (was it deleted or renamed?). Families could reach an old page "
            "that no longer matches the site. Rename this file to match the new page, or "
            "delete it."
        ),
        language=translation.language,
    )


def _translated(
    original: Source,
    translation: Source,
    current_hash: str,
    essential: bool,
    required: bool,
    options: Options,
    git_root: Path | None,
    store: Store | None,
    shapes: Shapes,
    *,
    compare: bool = True,
) -> tuple[Cell, list[Finding]]:
    record = record_of(translation)
    lang = translation.language
    found: list[Finding] = []
    severity = Severity.ERROR if essential else Severity.WARNING
    fix = f"`homeroom translations mark-current {original.page} {lang}`"
    if record.problem:
        found.append(
            Finding(
                translation.display,
                record.line,
                1,
                "i18n.record",
                Severity.ERROR,
                f"The translation record cannot be read: {record.problem}. Homeroom uses it to "
                "tell families' translations that are up to date from old ones.",
                language=lang,
            )
        )
    since = ""
    if not record.source_hash:
        status = Status.UNTRACKED
        found.append(
            Finding(
                translation.display,
                record.line,
                1,
                "i18n.untracked",
                severity,
                f"This translation does not record which version of {original.display} it was "
                "made from, so nobody can tell whether families reading it get today's "
                f"information. Compare it with {original.display}, update it if needed, then "
                f"run {fix}.",
                language=lang,
            )
        )
    elif record.source_hash != current_hash and not is_current(
        record, original, git_root / original.display if git_root is not None else None
    ):
        status = Status.STALE
        since = _stale_since(original, record, git_root)
        found.append(
            Finding(
                translation.display,
                record.line,
                1,
                "i18n.stale",
                severity,
                f"{original.display} changed ({since}) after this {english_name(lang)} "
                "translation was made, so families reading it may get old information "
                "(a date, a rule, a phone number). See what changed with "
                f"`homeroom translations diff {original.page} {lang}`, update this page, "
                f"then run {fix}.",
                language=lang,
            )
        )
    elif essential and record.method == "machine" and not record.reviewed_by:
        status = Status.NEEDS_REVIEW
        found.append(
            Finding(
                translation.display,
                record.line,
                1,
                "i18n.needs-review",
                options.needs_review,
                "This essential page was translated by machine and no person has checked it. "
                "Machine translation alone is not enough for essential school information: a "
                f"fluent reader of {english_name(lang)} must review it. After the review, run "
                f'{fix.rstrip("`")} --reviewed-by "NAME"`.',
                language=lang,
            )
        )
    else:
        status = Status.CURRENT
    if status != Status.STALE and compare:
        found.extend(compare_pages_cached(original, translation, essential, store, shapes))
    cell = Cell(
        original.page,
        lang,
        status,
        essential,
        required,
        original,
        translation,
        since=since,
        method=record.method,
    )
    return cell, found


def _stale_since(original: Source, record: Record, git_root: Path | None) -> str:
    path = git_root / original.display if git_root is not None else None
    if path is not None and path.is_file():
        if record.source_commit:
            changes = gitinfo.changes_since(path, record.source_commit)
            if changes:
                return f"since {changes[0].date}"
            if changes == [] and gitinfo.has_uncommitted_edits(path):
                return "edits not yet committed"
            if changes == []:
                return "its recorded source_hash does not match it; was the record edited by hand?"
        last = gitinfo.last_change(path)
        if last is not None:
            return f"last changed {last.date}"
    return "date unknown"
