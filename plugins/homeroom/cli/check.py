"""``homeroom check``: read the pages, run every check on them, report, decide the exit code.

The same checks as the MkDocs plugins, without building: the pages named (or the whole
content folder, with the report cards generated from data), or with ``--changed-since``
only those a change affects (:mod:`homeroom.cli.changed`).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path

from homeroom.checks import SiteCheck
from homeroom.cli.changed import affected, changed_files
from homeroom.cli.problems import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, flatten
from homeroom.cli.site import config_file, file_language, settings_for, with_file_language
from homeroom.data.settings import Settings
from homeroom.data.sources import (
    Source,
    check_duplicates,
    discover,
    display_path,
    load_source,
    safe_resolve,
)
from homeroom.data.unlisted import set_aside
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import LanguageSet
from homeroom.model.report import Report
from homeroom.run import engine, reporters, verdict
from homeroom.run.cache import DiskCache
from homeroom.run.cache import default_dir as default_cache_dir
from homeroom.run.reporters import input_finding


@dataclass
class _Collected:
    """What one ``homeroom check`` reads: the pages to check and the problems met."""

    sources: list[Source]
    every: list[Source]
    """Every page of the site, when all of them were read (else empty)."""
    generated: set[str]
    """The paths shown for report cards (pages generated from data)."""
    problems: list[HomeroomError]
    unlisted: list[Finding]
    """One finding per page in a language the site does not publish (not read)."""


def _collect(
    args: argparse.Namespace, settings: Settings, names: LanguageSet, cache: DiskCache | None
) -> _Collected:
    """The pages to check. A file that cannot be read is a problem; reading goes on.

    ``names`` reads the language from the name of a file outside the content folder
    (``--lang`` gives the language of a name with no suffix); a page of the site keeps the
    language its name says in the site, so ``--lang`` never turns it into another page.
    """
    problems: list[InputError] = []
    paths: list[Path] = []
    if not args.paths and not settings.docs_dir.is_dir():
        shown = display_path(settings.docs_dir, Path.cwd())
        raise InputError(
            shown,
            "this content folder does not exist. Create it, or point `docs_dir` in mkdocs.yml "
            "at the folder that holds your pages.",
        )
    for path in args.paths or [settings.docs_dir]:
        if path.is_dir():
            paths.extend(discover(path, problems))
        elif path.exists() or path.is_symlink():
            paths.append(path)
        else:
            problems.append(InputError(path.as_posix(), "no such file or folder."))
    with_reportcards = not args.paths
    if args.changed_since:
        changed, deleted = changed_files(args.changed_since, settings.project_root)
        paths, with_reportcards = affected(
            paths, changed, deleted, settings, config_file(args.config_file)
        )
        with_reportcards = with_reportcards and not args.paths
    docs = settings.docs_dir.resolve()
    paths, unlisted = set_aside(paths, docs, settings.languages, settings.project_root)
    sources = []
    for p in paths:
        resolved = safe_resolve(p)
        try:
            if resolved.is_relative_to(docs):
                source = load_source(resolved, docs, settings.languages, settings.project_root)
            else:
                source = load_source(resolved, resolved.parent, names, Path.cwd())
        except InputError as exc:
            problems.append(exc)
            continue
        sources.append(source)
    every = list(sources) if not args.paths and not args.changed_since else []
    generated: set[str] = set()
    errors: list[HomeroomError] = list(problems)
    if with_reportcards and settings.enabled("reportcards"):
        # Report cards are generated from data: check exactly what the build publishes.
        from homeroom.reportcards.pages import generated_sources

        try:
            cards = generated_sources(settings, cache)
        except HomeroomError as exc:
            errors.append(exc)
        else:
            sources.extend(cards)
            generated = {card.display for card in cards}
    duplicates: list[InputError] = []
    check_duplicates(sources, settings.languages, duplicates)
    return _Collected(sources, every, generated, [*errors, *duplicates], unlisted)


def _open_cache(args: argparse.Namespace, settings: Settings) -> DiskCache | None:
    if args.no_cache:
        return None
    folder = args.cache_dir or default_cache_dir(settings.project_root)
    return DiskCache(folder) if folder is not None else None


def _site_sources(settings: Settings, collected: _Collected) -> list[Source]:
    """The pages the checks across pages need (read here if not yet read).

    A whole-site run has read every page. A run on some pages (given, or changed since a
    commit) reports only on them, and what the translation checks say of a page depends
    on its own files in every language alone: so only those are read, not the whole site.
    """
    if collected.every:
        return collected.every
    from homeroom.data.sources import load_sources, page_and_language

    wanted = {s.page for s in collected.sources}
    paths, _ = set_aside(
        discover(settings.docs_dir), settings.docs_dir, settings.languages, settings.project_root
    )

    def needed(path: Path) -> bool:
        rel = path.relative_to(settings.docs_dir).as_posix()
        try:
            return page_and_language(rel, rel, settings.languages)[0] in wanted
        except HomeroomError:
            return False  # not a page of the site's languages: set aside above

    paths = [p for p in paths if needed(p)]
    return load_sources(paths, settings.docs_dir, settings.languages, settings.project_root)


def _unchecked(settings: Settings, sources: list[Source]) -> tuple[str, ...]:
    """What the run could not check, in words: jargon and readability, by language.

    Found from the files alone (Homeroom's and the site's), so a run whose results are all
    cached still says it, without reading a glossary.
    """
    said = [*_jargon_unchecked(settings, sources)]
    if not settings.plugins or settings.enabled("readability"):
        from homeroom.checks.readability import unchecked

        said.extend(unchecked([source.language for source in sources]))
    return tuple(said)


def _jargon_unchecked(settings: Settings, sources: list[Source]) -> tuple[str, ...]:
    """Languages of the pages with no glossary, Homeroom's or the site's."""
    if settings.plugins and not settings.enabled("jargon"):
        return ()
    from homeroom.checks.translations.names import english_name
    from homeroom.data.glossary import GLOSSARY_DIR, default_glossary, glossary_files

    languages = sorted({source.language for source in sources})
    own = {language for language, _ in glossary_files(settings.data_dir, languages)}
    said = []
    for language in languages:
        if language in own or default_glossary(language) is not None:
            continue
        name = english_name(language)
        where = display_path(settings.data_dir / GLOSSARY_DIR / f"{language}.yml", Path.cwd())
        said.append(
            f"school jargon and respectful language in {name} pages: Homeroom has no {name} "
            f"glossary and the site has none, so a family reading {name} may meet words "
            f"nobody checked. Add {where} (see `homeroom rules --show`)."
        )
    return tuple(said)


def run(args: argparse.Namespace) -> int:
    """Run ``homeroom check``; return the exit code."""
    settings = settings_for(args.config_file)
    page_settings, names = settings, settings.languages
    if args.lang:
        if not args.paths:
            raise HomeroomError(
                f"--lang {args.lang}: name the files or folders written in that language, "
                f"such as `homeroom check --lang {args.lang} letter.md`. The pages of the site "
                "say their language in their names (letter.es.md)."
            )
        page_settings, names = with_file_language(settings, file_language(args.lang, settings))
    cache = _open_cache(args, settings)
    collected = _collect(args, settings, names, cache)
    whole_site = not args.paths and not args.changed_since
    problems: list[HomeroomError] = [*collected.problems]
    site_checks: list[SiteCheck] = []
    every: list[Source] = []
    # Checks across pages (translation coverage) are judged only when every page could be
    # read: an unreadable translation would otherwise be reported as missing.
    if not collected.problems:
        try:
            site_checks = engine.build_site_checks(settings)
            every = _site_sources(settings, collected) if site_checks else []
        except HomeroomError as exc:
            problems.append(exc)
            site_checks = []
    broken = engine.Broken()
    report = engine.run(
        collected.sources,
        engine.build_checks(page_settings),
        cache,
        args.jobs or engine.jobs(),
        broken,
        site_checks=site_checks,
        site_sources=every or None,
        shown=None if whole_site else {s.display for s in collected.sources},
        root=settings.project_root,
    ).report
    if collected.unlisted:
        report = Report(
            findings=tuple(sorted((*report.findings, *collected.unlisted))), pages=report.pages
        )
    if collected.every:
        # Script files are not pages: the content folder is searched for them.
        from homeroom.checks.content import script_files

        if settings.enabled("content") or not settings.plugins:
            scripts = script_files(settings.docs_dir, settings.project_root)
            report = Report(
                findings=tuple(sorted((*report.findings, *scripts))), pages=report.pages
            )
    if collected.generated:
        # A report card is no file: its findings name the data file and line of their text.
        from homeroom.reportcards.pages import relocate

        report = Report(findings=relocate(settings, report.findings), pages=report.pages)
    problems.extend(broken.errors)
    problems = flatten(problems)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems and args.format != "text":
        # CI reads the machine formats: a file that cannot be read is shown on its line too.
        shown = tuple(sorted((*report.findings, *(input_finding(p) for p in problems))))
        report = Report(findings=shown, pages=report.pages)
    unchecked = _unchecked(page_settings, collected.sources)
    if unchecked:
        report = dataclasses.replace(report, unchecked=unchecked)
    print(reporters.FORMATS[args.format](report))
    if problems:
        return EXIT_ERROR
    if args.fail_on == "never":
        return EXIT_OK
    override = Severity(args.fail_on) if args.fail_on else None
    stops = verdict.blocking(settings, report.findings, collected.generated, override)
    return EXIT_FINDINGS if stops else EXIT_OK
