"""Generate every report-card page of a site: the one entry point for the CLI and MkDocs.

The same function feeds ``homeroom check`` (which checks the pages like any other) and the
``homeroom/reportcards`` MkDocs plugin (which adds them to the build as virtual files), so
what is checked is exactly what is published.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from homeroom.data.catalogs import STRINGS_DIR, Catalogs, load_catalogs
from homeroom.data.home_languages import SchoolLanguages, rule_of, school_needs
from homeroom.data.options import TranslationsOptions
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, display_path, source_from_text
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.findings import Finding
from homeroom.model.fingerprint import code_version
from homeroom.model.memo import Memo
from homeroom.model.store import Store
from homeroom.reportcards.audit import AUDIT_NAME, write_audit
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.model import SchoolData
from homeroom.reportcards.origins import Origin, PageOrigins, Piece, relocate_finding, traced
from homeroom.reportcards.privacy import suppress_all
from homeroom.reportcards.render import index_markdown, school_markdown

#: Defaults of the ``homeroom/reportcards`` options.
DEFAULTS: Mapping[str, Any] = {
    "schools_dir": "schools",
    "output": "schools",
    "audit_dir": ".homeroom/audit",
}


@dataclass(frozen=True)
class GeneratedPage:
    """One generated Markdown page in one language."""

    uri: str
    """The page's path inside the site, the same in every language (``schools/alder.md``)."""
    language: str
    text: str
    origins: PageOrigins
    """Where each piece of ``text`` came from (for findings on the page)."""

    def suffixed(self, default_language: str) -> str:
        """The file name with the language suffix (``schools/alder.es.md``) for checks."""
        if self.language == default_language:
            return self.uri
        return self.uri.removesuffix(".md") + f".{self.language}.md"


@dataclass(frozen=True)
class ReportCards:
    """Every report-card page of a site, how many schools and hidden values, and the audit."""

    pages: tuple[GeneratedPage, ...]
    schools: int
    hidden: int
    """Values hidden (or coded) to protect students, on every school's card together."""
    languages: tuple[str, ...]
    """Every language some page is in (the list of schools is in all of them)."""
    audit_path: Path | None
    by_school: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The languages each school's card is in, by school id."""

    def languages_of(self, page: GeneratedPage) -> tuple[str, ...]:
        """The languages ``page`` is published in (for its language switcher)."""
        school = page.uri.rsplit("/", 1)[-1].removesuffix(".md")
        return self.by_school.get(school, self.languages)


#: Report cards already made, by everything they come from: the data and strings files,
#: the site's languages, the required ones and the plugin's options. ``mkdocs serve``
#: makes them again on every change, so only the latest few are kept.
_CACHE: Memo[tuple[str, tuple[str, ...], str], ReportCards] = Memo(8)


def _audit_folder(settings: Settings, name: str) -> Path:
    """The audit log's folder: never where it would be published or mixed with history."""
    folder = (settings.project_root / name).resolve()
    docs = settings.docs_dir.resolve()
    site = settings.site_dir.resolve() if settings.site_dir is not None else None
    inside_git = any(part.name == ".git" for part in (folder, *folder.parents))
    published = folder.is_relative_to(docs) or (site is not None and folder.is_relative_to(site))
    if published or inside_git:
        raise InputError(
            "mkdocs.yml",
            f"homeroom/reportcards option `audit_dir: {name}` lies inside "
            + (
                "`.git`"
                if inside_git
                else "a folder that is published, so the log of hidden values would be too"
            )
            + ". Keep it in a folder of its own, such as `.homeroom/audit` (the default).",
        )
    return folder


def options_of(settings: Settings) -> dict[str, Any]:
    """The plugin's options with defaults filled in."""
    return {**DEFAULTS, **dict(settings.plugins.get("reportcards") or {})}


def _digest(settings: Settings, folder: Path, strings: Path, languages: tuple[str, ...]) -> str:
    """A hash of what the cards are made from: data, strings, languages, the language rule."""
    sha = hashlib.sha256("|".join(languages).encode())
    # Which languages each school needs (homeroom/translations: threshold, min_students and
    # the one-file home-language counts) changes which cards are made.
    translations = settings.options(TranslationsOptions)
    sha.update(f"|{translations.threshold}|{translations.min_students}|".encode())
    counts = (
        [settings.data_dir / translations.languages_data] if translations.languages_data else []
    )
    for path in sorted([*folder.glob("*.yml"), *strings.glob("*.yml")]) + [
        p for p in counts if p.is_file()
    ]:
        sha.update(path.as_posix().encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def page_languages(settings: Settings, catalogs: Catalogs) -> tuple[str, ...]:
    """Every required language, plus optional languages whose catalog is complete."""
    return school_page_languages(settings, catalogs, None)


def school_page_languages(
    settings: Settings, catalogs: Catalogs, school: SchoolLanguages | None
) -> tuple[str, ...]:
    """The languages one school's report card is published in, in the site's order.

    The site's required languages; the languages the school's families need (see
    :mod:`homeroom.data.home_languages`); and the optional languages whose strings are
    complete. A card is made only from complete strings, never half in English: a
    language the school needs whose strings are missing or incomplete is left out here
    and reported by the ``i18n.school-language`` check, which names the school.
    """
    required = set(settings.required_languages)
    needed = school.required if school is not None else frozenset()

    def complete(lang: str) -> bool:
        return lang in catalogs.languages and not catalogs.missing_keys([lang])

    others = tuple(
        lang
        for lang in settings.languages.codes
        if lang not in required
        and (lang in needed or lang in settings.optional_languages)
        and complete(lang)
    )
    return (*settings.required_languages, *others)


def generate(
    settings: Settings, write_audit_log: bool = True, store: Store | None = None
) -> ReportCards:
    """Load, suppress and render every school's report card in every language it needs.

    Broken data stops here with a one-line error; so does anything that would reveal a
    hidden value (:class:`~homeroom.reportcards.privacy.PrivacyError`).

    With a ``store`` (the disk cache), cards made from the same data files, strings,
    languages, options and Homeroom version are read back instead of made again (see
    :func:`_from_store`).
    """
    options = options_of(settings)
    folder = settings.data_dir / str(options["schools_dir"])
    if not folder.is_dir():
        raise InputError(
            display_path(folder, settings.project_root),
            "the school data folder does not exist. Add one YAML file per school there, or "
            "set `schools_dir` under homeroom/reportcards in mkdocs.yml.",
        )
    strings = settings.data_dir / STRINGS_DIR
    languages_all = settings.languages.codes
    key = (
        _digest(settings, folder, strings, languages_all),
        settings.required_languages,
        str(options) + "|" + ",".join(settings.part_languages),
    )
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    audit_folder = _audit_folder(settings, str(options["audit_dir"])) if write_audit_log else None
    stored_key = "|".join((code_version(), key[0], ",".join(key[1]), key[2]))
    if store is not None:
        stored = _from_store(store, stored_key, audit_folder)
        if stored is not None:
            _CACHE.put(key, stored)
            return stored
    catalogs = load_catalogs(settings.data_dir, languages_all, settings.project_root)
    languages = page_languages(settings, catalogs)
    for lang in languages:
        if lang not in catalogs.languages:
            raise InputError(
                display_path(strings / f"{lang}.yml", settings.project_root),
                f"report cards must be published in {lang}, but there are no interface "
                f"strings for it. Copy {languages_all[0]}.yml to {lang}.yml and translate it.",
            )
    data: SchoolData = load_schools(folder, settings.project_root)
    needs = {school.school: school for school in school_needs(settings, rule_of(settings))}
    published = suppress_all(data.schools, data.district)
    by_school = {
        school.id: school_page_languages(settings, catalogs, needs.get(school.id))
        for school in published
    }
    # The list of schools is in every language some school's card is in.
    languages = (
        *languages,
        *(
            lang
            for lang in languages_all
            if lang not in languages and any(lang in langs for langs in by_school.values())
        ),
    )
    output = str(options["output"]).strip("/")
    district = data.district
    # Text no piece of data holds (the page's layout) is the district settings' on the list
    # of schools, and the school's own file on a report card.
    index_origin = Origin(
        district.display,
        district.lines.get("district", 1),
        "which is made from the district settings and every school's file",
    )
    pages: list[GeneratedPage] = []
    for lang in languages:
        if not settings.in_part(lang):
            continue  # a part of a site built in parts makes only its own languages' cards
        text, origins = traced(
            partial(index_markdown, published, district, catalogs, lang), index_origin
        )
        pages.append(GeneratedPage(f"{output}/index.md", lang, text, origins))
        for school in published:
            if lang not in by_school[school.id]:
                continue
            school_origin = Origin(
                school.display, school.lines.get("id", 1), "which is made from this school's file"
            )
            text, origins = traced(
                partial(school_markdown, school, district, catalogs, lang), school_origin
            )
            pages.append(GeneratedPage(f"{output}/{school.id}.md", lang, text, origins))
    audit_path = write_audit(published, audit_folder) if audit_folder is not None else None
    hidden = sum(school.hidden_count for school in published)
    result = ReportCards(tuple(pages), len(published), hidden, languages, audit_path, by_school)
    _CACHE.put(key, result)
    if store is not None:
        _to_store(store, stored_key, result)
    return result


#: The disk cache's name for report cards. It keeps one entry, the latest cards (under
#: ``_LATEST``), so a state's cards are never stored twice.
STORE_NAME = "report-cards"
_LATEST = "latest"


def _audit_digest(path: Path | None) -> str | None:
    """A hash of the audit log as it is on disk (None when it is missing or unreadable)."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _to_store(store: Store, key: str, cards: ReportCards) -> None:
    """Keep ``cards`` in the store: the pages' text and origins, compressed.

    Hidden values are never stored: the cache holds only what the cards publish, the
    counts, and a hash of the audit log (so a deleted or edited audit log is written again).
    """
    origins: dict[Origin, int] = {}

    def number(origin: Origin) -> int:
        return origins.setdefault(origin, len(origins))

    pages = [
        [
            page.uri,
            page.language,
            page.text,
            number(page.origins.default),
            [
                n
                for piece in page.origins.pieces
                for n in (piece.start, piece.end, number(piece.origin))
            ],
        ]
        for page in cards.pages
    ]
    table = [[o.path, o.line, o.about] for o in origins]
    packed = zlib.compress(json.dumps([table, pages], ensure_ascii=False).encode("utf-8"), 6)
    store.put(
        STORE_NAME,
        "1",
        _LATEST,
        {
            "key": key,
            "schools": cards.schools,
            "hidden": cards.hidden,
            "languages": list(cards.languages),
            "by_school": {school: list(langs) for school, langs in cards.by_school.items()},
            "audit": _audit_digest(cards.audit_path),
            "pages": base64.b64encode(packed).decode("ascii"),
        },
    )


def _from_store(store: Store, key: str, audit_folder: Path | None) -> ReportCards | None:
    """The cards kept under ``key``, or None (not kept, or their audit log is not on disk)."""
    entry = store.get(STORE_NAME, "1", _LATEST)
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    audit_path = audit_folder / AUDIT_NAME if audit_folder is not None else None
    if audit_path is not None and _audit_digest(audit_path) != entry.get("audit"):
        return None  # the audit log must be written again: make the cards again
    try:
        table, rows = json.loads(zlib.decompress(base64.b64decode(entry["pages"])))
        origins = [Origin(path, int(line), about) for path, line, about in table]
        pages = []
        for uri, language, text, default, flat in rows:
            pieces = tuple(
                Piece(flat[i], flat[i + 1], origins[flat[i + 2]]) for i in range(0, len(flat), 3)
            )
            pages.append(GeneratedPage(uri, language, text, PageOrigins(origins[default], pieces)))
        languages = tuple(str(code) for code in entry["languages"])
        by_school = {
            str(school): tuple(str(code) for code in langs)
            for school, langs in entry["by_school"].items()
        }
        return ReportCards(
            tuple(pages),
            int(entry["schools"]),
            int(entry["hidden"]),
            languages,
            audit_path,
            by_school,
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, zlib.error):
        return None  # an entry from another version, or damaged: make the cards again


def _displays(settings: Settings, cards: ReportCards) -> list[tuple[str, GeneratedPage]]:
    """Each page with the name a check gives it: its path, and the data it is made from."""
    default = settings.languages.default.code
    options = options_of(settings)
    data_shown = display_path(
        settings.data_dir / str(options["schools_dir"]), settings.project_root
    )
    named = []
    for page in cards.pages:
        shown = display_path(settings.docs_dir / page.suffixed(default), settings.project_root)
        named.append((f"{shown} (generated from {data_shown})", page))
    return named


def generated_sources(settings: Settings, store: Store | None = None) -> list[Source]:
    """The report-card pages as sources for ``homeroom check``, named after their data."""
    default = settings.languages.default.code
    return [
        source_from_text(page.text, display, page.suffixed(default), page.uri, page.language)
        for display, page in _displays(settings, generate(settings, store=store))
    ]


def relocate(settings: Settings, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """``findings``, with those on report cards moved to the data file and line they came from.

    A generated page is no file an author can open: a finding on it names the strings,
    school or district file, and the line, that its text came from, and says in its
    message which page and which text (see :mod:`homeroom.reportcards.origins`). The
    others are left as they are. Sorted, like every report's findings.
    """
    findings = tuple(findings)
    try:
        cards = generate(settings)
    except HomeroomError:
        return tuple(sorted(findings))  # already reported where the pages were made
    default = settings.languages.default.code
    pages = dict(_displays(settings, cards))
    files: dict[str, list[str]] = {}

    def lines_of(path: str) -> list[str]:
        if path not in files:
            try:
                text = (settings.project_root / path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            files[path] = text.splitlines()
        return files[path]

    moved = []
    for finding in findings:
        page = pages.get(finding.path)
        if page is not None:
            finding = relocate_finding(
                finding, page.text, page.origins, page.suffixed(default), lines_of
            )
        moved.append(finding)
    return tuple(sorted(moved))
