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

Each translation records, in its front matter, a hash of the *normalised* source text it
was made from (so edits to spacing or punctuation alone do not make it stale, and a shallow
CI clone can still tell) and the source commit, when there is one (so a diff can be shown)::

    translation:
      method: machine          # or: person
      reviewed_by: Ana Ruiz    # a person who checked a machine translation
      source_hash: sha256:3f2a9c0d1e4b5a67
      source_commit: 1a2b3c4d...

``homeroom translations mark-current`` writes the last two.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from homeroom.checks.translations import facts
from homeroom.data import gitinfo
from homeroom.data.settings import Settings
from homeroom.data.sources import FRONT_MATTER_RE, Source
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import ConfigError, InputError
from homeroom.model.findings import Finding, Severity
from homeroom.model.fingerprint import code_version
from homeroom.model.languages import language_name
from homeroom.model.memo import Memo
from homeroom.run.cache import DiskCache

#: Page types that need a translation only when a page says ``essential: true``... none:
#: these types are essential by law (Title VI: report cards, notices, enrolment).
DEFAULT_ESSENTIAL_TYPES = ("report-card", "report-card-guide", "conference-guide", "enrolment")
#: Page types for staff, never translated.
STAFF_TYPES = frozenset({"staff"})
METHODS = ("machine", "person")


class Status(StrEnum):
    """The state of one page in one language."""

    CURRENT = "current"
    STALE = "stale"
    UNTRACKED = "untracked"
    NEEDS_REVIEW = "needs review"
    MISSING = "missing"
    NOT_TRANSLATED = "not translated"
    ORPHAN = "orphan"


@dataclass(frozen=True)
class Options:
    """How strict coverage is; read from ``homeroom/translations`` in mkdocs.yml."""

    required: tuple[str, ...]
    """Languages every page must exist in (default language first)."""
    languages: tuple[str, ...]
    """Every language the site publishes (default first)."""
    essential_types: frozenset[str] = frozenset(DEFAULT_ESSENTIAL_TYPES)
    needs_review: Severity = Severity.ERROR
    """Severity of an essential machine translation no person has reviewed."""
    languages_data: str = ""
    """A file in the data folder with each school's home-language counts (optional)."""
    threshold: float = 0.15
    """A school's share of students speaking one language that makes it required there."""

    @property
    def default(self) -> str:
        """The site's default language."""
        return self.languages[0]


def options_from(settings: Settings) -> Options:
    """Coverage options from the site settings, with one-line errors for bad values."""
    raw: Mapping[str, Any] = settings.plugins.get("translations") or {}
    where = "mkdocs.yml: plugins > homeroom/translations"
    required = settings.required_languages
    for code in raw.get("required") or ():
        if str(code) not in settings.languages.codes:
            raise ConfigError(
                f"{where} > required: '{code}' is not one of the site's languages "
                f"({', '.join(settings.languages.codes)}). Add it under plugins > i18n > "
                "languages first."
            )
    types = raw.get("essential_types", DEFAULT_ESSENTIAL_TYPES)
    if not isinstance(types, list | tuple) or not all(isinstance(t, str) for t in types):
        raise ConfigError(f"{where} > essential_types: expected a list such as [report-card]")
    try:
        needs_review = Severity.parse(str(raw.get("needs_review", "error")))
    except ValueError as exc:
        raise ConfigError(f"{where} > needs_review: {exc}") from None
    threshold = raw.get("threshold", 0.15)
    if not isinstance(threshold, int | float) or not 0 < float(threshold) <= 1:
        raise ConfigError(f"{where} > threshold: expected a share such as 0.15 (15%)")
    return Options(
        required=required,
        languages=settings.languages.codes,
        essential_types=frozenset(types),
        needs_review=needs_review,
        languages_data=str(raw.get("languages_data") or ""),
        threshold=float(threshold),
    )


def normalised_text(body: str) -> str:
    """The words and numbers of a page body, without spacing or punctuation.

    Two versions of a source that differ only in white space, line breaks or punctuation
    (including Markdown's own: ``*``, ``#``, ``-``) give the same text, so such edits never
    make a translation stale.
    """
    text = unicodedata.normalize("NFKC", body)
    new = set(text).difference(_BLANKED_CHARS)
    if new:
        # Each character's Unicode category is looked up once per process, not per use.
        for ch in new:
            if unicodedata.category(ch).startswith(("P", "S", "Z", "C")):
                _BLANKED[ord(ch)] = " "
            _BLANKED_CHARS.add(ch)
    return " ".join(text.translate(_BLANKED).split())


#: Characters ``normalised_text`` has classified, and the ones it turns into spaces.
_BLANKED_CHARS: set[str] = set()
_BLANKED: dict[int, str] = {}


def source_hash(source: Source) -> str:
    """The hash a translation records of the source text it was made from."""
    body = source.text[source.body_offset :]
    digest = hashlib.sha256(normalised_text(body).encode("utf-8")).hexdigest()
    return f"sha256:{digest[:16]}"


@dataclass(frozen=True)
class Record:
    """What a translation says about how it was made."""

    method: str = ""
    reviewed_by: str = ""
    reviewed_on: str = ""
    source_hash: str = ""
    source_commit: str = ""
    note: str = ""
    line: int = 1
    """The line of ``translation:`` in the front matter (1 when there is none)."""
    problem: str = ""
    """A reason the record cannot be read, in plain words."""


_HASH = re.compile(r"sha256:[0-9a-f]{16,64}")
_COMMIT = re.compile(r"[0-9a-f]{7,40}")


def _key_line(source: Source, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", source.text[: source.body_offset], re.MULTILINE)
    return source.text.count("\n", 0, match.start()) + 1 if match else 1


def record_of(source: Source) -> Record:
    """Read the ``translation:`` block of a translation's front matter."""
    raw = source.meta.get("translation")
    line = _key_line(source, "translation")
    if raw is None:
        return Record(line=line)
    if not isinstance(raw, Mapping):
        return Record(
            line=line,
            problem="`translation:` must be a set of settings such as `method: machine`",
        )
    method = str(raw.get("method") or "")
    problem = ""
    if method and method not in METHODS:
        problem = f"`method: {method}` is not known: write `method: machine` or `method: person`"
    hash_text = str(raw.get("source_hash") or "")
    commit = str(raw.get("source_commit") or "")
    if hash_text and not _HASH.fullmatch(hash_text):
        problem = (
            f"`source_hash: {hash_text}` was not written by Homeroom (it looks like "
            "`sha256:` and 16 letters and digits). Delete the line, check the translation "
            "against the English page, then run `homeroom translations mark-current`"
        )
    elif commit and not _COMMIT.fullmatch(commit):
        problem = (
            f"`source_commit: {commit}` is not a git commit (7 to 40 letters a-f and digits). "
            "Delete the line, then run `homeroom translations mark-current`"
        )
    reviewed_on = raw.get("reviewed_on")
    return Record(
        method=method,
        reviewed_by=str(raw.get("reviewed_by") or ""),
        reviewed_on=str(reviewed_on) if reviewed_on is not None else "",
        source_hash=str(raw.get("source_hash") or ""),
        source_commit=str(raw.get("source_commit") or ""),
        note=str(raw.get("note") or ""),
        line=line,
        problem=problem,
    )


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
    required_by_school: Mapping[str, frozenset[str]] = field(default_factory=dict)

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


def _name(code: str) -> str:
    return language_name(code) or code


def _english_name(code: str) -> str:
    """The language's name in English, for messages to staff (``Spanish``)."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        return code


def school_languages(
    settings: Settings, options: Options
) -> tuple[dict[str, frozenset[str]], list[Finding]]:
    """Languages each school's pages must be in, from home-language counts.

    The data file (``languages_data``) lists, per school, its students and how many speak
    each language at home. Any language spoken by at least ``threshold`` of a school's
    students (California Education Code 48985: 15%) is required for pages with
    ``school: <id>`` in their front matter.
    """
    if not options.languages_data:
        return {}, []
    path = settings.data_dir / options.languages_data
    shown = _display(path, settings)
    data = read_yaml(path, shown)
    if not isinstance(data, Mapping) or not isinstance(data.get("schools"), Mapping):
        raise InputError(shown, "expected `schools:` with one entry per school (see the README).")
    text = path.read_text(encoding="utf-8")
    required: dict[str, frozenset[str]] = {}
    found: list[Finding] = []
    for school, entry in data["schools"].items():
        line = _line_of(text, str(school))
        if not isinstance(entry, Mapping):
            raise InputError(
                shown, f"school {school}: expected `students:` and `home_languages:`.", line
            )
        students = entry.get("students")
        counts = entry.get("home_languages")
        if not isinstance(students, int) or students <= 0 or not isinstance(counts, Mapping):
            raise InputError(
                shown,
                f"school {school}: expected `students:` (a whole number above 0) and "
                "`home_languages:` (language code: number of students), such as `es: 120`.",
                line,
            )
        langs = set()
        for code, count in counts.items():
            if not isinstance(count, int) or count < 0:
                raise InputError(
                    shown, f"school {school}, language {code}: expected a whole number.", line
                )
            share = count / students
            code = str(code)
            if share >= options.threshold and code != options.default:
                langs.add(code)
                if code not in options.languages:
                    found.append(
                        Finding(
                            path=shown,
                            line=line,
                            column=1,
                            rule="i18n.school-language",
                            severity=Severity.ERROR,
                            message=(
                                f"{round(100 * share)}% of the students at {school} speak "
                                f"{_english_name(code)} at home, at or above the "
                                f"{round(100 * options.threshold)}% that makes the school's "
                                f"notices required in it, but the site does not publish "
                                f"{_english_name(code)}. Add it under plugins > i18n > "
                                "languages in mkdocs.yml and translate the school's pages."
                            ),
                            match=code,
                            language=code,
                        )
                    )
        required[str(school)] = frozenset(langs)
    return required, found


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _display(path: Path, settings: Settings) -> str:
    try:
        return path.resolve().relative_to(settings.project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def is_essential(source: Source, options: Options) -> bool:
    """Essential pages: ``essential: true``, or a page type that is essential by law."""
    flag = source.meta.get("essential")
    if flag is not None:
        return flag is True
    return (source.page_type or "") in options.essential_types


def analyse(
    sources: Sequence[Source],
    settings: Settings,
    options: Options | None = None,
    *,
    use_git: bool = True,
    cache: DiskCache | None = None,
) -> Coverage:
    """Coverage of every page in every language, and its findings.

    With a cache, each pair of pages is compared once per content of the two (see
    :func:`compare_pages_cached`).
    """
    options = options or options_from(settings)
    by_school, findings = school_languages(settings, options)
    default = options.default
    originals = {s.page: s for s in sources if s.language == default}
    translations: dict[tuple[str, str], Source] = {
        (s.page, s.language): s for s in sources if s.language != default
    }
    cells: dict[tuple[str, str], Cell] = {}
    pages = tuple(sorted(p for p, s in originals.items() if s.page_type not in STAFF_TYPES))
    hashes = {page: source_hash(originals[page]) for page in pages}
    if cache is not None:
        # Pairs no cache knows are compared below: parse their pages on every core first.
        from homeroom.run.parallel import jobs

        unknown = [
            s
            for s in sources
            if s.language != default
            and s.page in originals
            and not _pair_known(originals[s.page], s, cache)
        ]
        needed = {s.page for s in unknown}
        facts.prefetch_shapes([*unknown, *(originals[p] for p in sorted(needed))], jobs())
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
                cache,
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
    findings.extend(catalog_findings(settings, options))
    findings.sort()
    return Coverage(
        pages=pages,
        languages=options.languages,
        cells=cells,
        findings=tuple(findings),
        required_by_school=by_school,
    )


def catalog_findings(settings: Settings, options: Options) -> list[Finding]:
    """Interface strings (labels, notices, report-card sentences) missing in a required language.

    Every generated word a family reads comes from a per-language catalog; a key the
    default language has and a required language lacks would leave a gap or English text.
    """
    from homeroom.data.catalogs import load_catalogs
    from homeroom.data.notices import NOTICES_FILE, load_notices

    found: list[Finding] = []
    catalogs = load_catalogs(settings.data_dir, options.languages, settings.project_root)
    for gap in catalogs.missing_keys(options.required):
        found.append(
            Finding(
                gap.file,
                1,
                1,
                "i18n.catalog",
                Severity.ERROR,
                f"The {_english_name(gap.lang)} strings have no `{gap.key}` (line {gap.line} of "
                f"the {_english_name(options.default)} strings). Pages built from these strings "
                f"would show families a gap or English text. Add `{gap.key}`, translated.",
                match=gap.key,
                language=gap.lang,
            )
        )
    if not (settings.data_dir / NOTICES_FILE).is_file():
        # No notices file: the built-in English texts are used, nothing to compare.
        return found
    notices = load_notices(settings.data_dir, settings.project_root)
    shown = _display(settings.data_dir / NOTICES_FILE, settings)
    for lang, key in notices.missing(tuple(x for x in options.required if x != options.default)):
        found.append(
            Finding(
                shown,
                1,
                1,
                "i18n.catalog",
                Severity.ERROR,
                f"The {_english_name(lang)} notices have no `{key}`: a family reading "
                f"{_english_name(lang)} would get this notice in English. Add it under "
                f"`languages > {lang}`.",
                match=key,
                language=lang,
            )
        )
    return found


def _missing(original: Source, lang: str, essential: bool) -> Finding:
    target = _translation_name(original, lang)
    why = (
        f"It is an essential page: families who read {_english_name(lang)} have a legal right "
        "to it (Title VI), and without it they would get the English text."
        if essential
        else f"Families who read {_english_name(lang)} will see this page in English until it is "
        "translated."
    )
    return Finding(
        path=original.display,
        line=1,
        column=1,
        rule="i18n.missing",
        severity=Severity.ERROR if essential else Severity.WARNING,
        message=(
            f"This page has no {_english_name(lang)} version ({target}). {why} Create {target} "
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
            f"This is a translation of {source_name}, but that {_english_name(default)} page "
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
    cache: DiskCache | None = None,
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
    elif record.source_hash != current_hash:
        status = Status.STALE
        since = _stale_since(original, record, git_root)
        found.append(
            Finding(
                translation.display,
                record.line,
                1,
                "i18n.stale",
                severity,
                f"{original.display} changed ({since}) after this {_english_name(lang)} "
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
                f"fluent reader of {_english_name(lang)} must review it. After the review, run "
                f'{fix.rstrip("`")} --reviewed-by "NAME"`.',
                language=lang,
            )
        )
    else:
        status = Status.CURRENT
    if status != Status.STALE:
        found.extend(compare_pages_cached(original, translation, essential, cache))
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


def _pair_known(original: Source, source: Source, cache: DiskCache) -> bool:
    """Whether the comparison of a translation with its original is cached."""
    for essential in (True, False):
        key = "\0".join(
            (original.display, original.digest, source.display, source.digest, str(essential))
        )
        if (
            _COMPARED.get(key) is not None
            or cache.get("i18n-compare", code_version(), key) is not None
        ):
            return True
    return False


#: Pairs compared in this process (bounded: ``mkdocs serve`` runs for hours).
_COMPARED: Memo[str, tuple[Finding, ...]] = Memo(20_000)


def compare_pages_cached(
    original: Source, translation: Source, essential: bool, cache: DiskCache | None
) -> list[Finding]:
    """:func:`compare_pages`, remembered by both pages' paths and content hashes.

    The comparison depends on nothing but the two texts (and Homeroom's code), so a pair
    whose pages did not change is never parsed again.
    """
    key = "\0".join(
        (original.display, original.digest, translation.display, translation.digest, str(essential))
    )
    found = _COMPARED.get(key)
    if found is not None:
        return list(found)
    fingerprint = code_version()
    stored = cache.get("i18n-compare", fingerprint, key) if cache is not None else None
    if isinstance(stored, list):
        try:
            found = tuple(
                Finding(**{**item, "severity": Severity(item["severity"])}) for item in stored
            )
        except (TypeError, KeyError, ValueError):
            found = None
    if found is None:
        found = tuple(compare_pages(original, translation, essential))
        if cache is not None:
            cache.put("i18n-compare", fingerprint, key, [f.to_dict() for f in found])
    _COMPARED.put(key, found)
    return list(found)


def compare_pages(original: Source, translation: Source, essential: bool) -> list[Finding]:
    """Facts and shape a translation must share with its source, as findings."""
    lang = translation.language
    src = facts.shape_of_source(original)
    tr = facts.shape_of_source(translation)
    found: list[Finding] = []
    for diff in facts.compare_facts(src, tr):
        parts = []
        if diff.missing:
            parts.append(
                f"{original.display} has {_list(diff.missing)} here, and this page does not"
            )
        if diff.extra:
            parts.append(f"this page has {_list(diff.extra)}, which {original.display} does not")
        where = f' in the section "{diff.heading}"' if diff.heading else ""
        found.append(
            Finding(
                translation.display,
                diff.line,
                1,
                "i18n.facts",
                Severity.ERROR if essential else Severity.WARNING,
                f"The facts differ from the {_english_name(original.language)} page{where}: "
                f"{'; '.join(parts)}. Families must get the same dates, times, numbers, "
                "addresses and links in every language. Copy them exactly from the source.",
                match=diff.extra[0].shown if diff.extra else "",
                language=lang,
            )
        )
    for what, a, b, lines in (
        ("headings", src.headings, tr.headings, tr.heading_lines),
        ("list items", src.list_items, tr.list_items, tr.list_item_lines),
    ):
        if a != b:
            line = lines[min(a, b)] if min(a, b) < len(lines) else tr.first_line
            found.append(
                Finding(
                    translation.display,
                    line,
                    1,
                    "i18n.structure",
                    Severity.WARNING,
                    f"This page has {b} {what} and {original.display} has {a}: a part may have "
                    "been left out or added. Families who switch languages should find the "
                    f"same parts in the same order. Compare the {what} near this line.",
                    language=lang,
                )
            )
    return found


def _list(items: Iterable[facts.Fact]) -> str:
    shown = []
    for fact in items:
        label = {"number": "the number", "email": "the e-mail address", "link": "a link to"}[
            fact.kind
        ]
        shown.append(f"{label} {fact.shown!r}" if fact.kind != "link" else f"{label} {fact.shown}")
    if len(shown) > 4:
        shown = [*shown[:4], f"{len(shown) - 4} more"]
    return ", ".join(shown)


# --- Writing the record ---------------------------------------------------------------


def mark_current(
    original: Source,
    original_path: Path,
    translation_path: Path,
    translation: Source,
    *,
    reviewed_by: str = "",
    method: str = "",
    today: date | None = None,
) -> dict[str, Any]:
    """Record in the translation's front matter that it matches the source as it is now.

    Only the ``translation:`` block changes; every other line of the file stays as it was.
    Returns the new record.
    """
    record = translation.meta.get("translation")
    merged: dict[str, Any] = dict(record) if isinstance(record, Mapping) else {}
    if method:
        merged["method"] = method
    merged.setdefault("method", "person")
    merged["source_hash"] = source_hash(original)
    commit = gitinfo.committed_version(original_path)
    if commit:
        merged["source_commit"] = commit
    else:
        merged.pop("source_commit", None)
    if reviewed_by:
        merged["reviewed_by"] = reviewed_by
        merged["reviewed_on"] = (today or date.today()).isoformat()
    block = yaml.safe_dump(
        {"translation": merged}, sort_keys=False, allow_unicode=True, width=1000
    ).rstrip("\n")
    translation_path.write_text(
        _replace_block(translation.text, "translation", block), encoding="utf-8"
    )
    return merged


def _replace_block(text: str, key: str, block: str) -> str:
    """Put ``block`` in place of the top-level ``key:`` of the front matter (or add it)."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return f"---\n{block}\n---\n\n{text}"
    inner_start = match.start(1) if match.group(1) is not None else text.index("\n") + 1
    inner = match.group(1) or ""
    lines = inner.splitlines(keepends=True)
    out: list[str] = []
    skipping = False
    replaced = False
    for line in lines:
        if re.match(rf"{re.escape(key)}\s*:", line):
            out.append(block + "\n")
            skipping = True
            replaced = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    if not replaced:
        out.append(block + "\n")
    inner_end = inner_start + len(inner)
    return text[:inner_start] + "".join(out) + text[inner_end:]


def source_text_at(original_path: Path, commit: str) -> str | None:
    """The source page's text at ``commit``, from git."""
    return gitinfo.file_at(original_path, commit)
