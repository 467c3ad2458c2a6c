"""The ``i18n.school-language`` check: languages each school's pages must be in.

A language spoken at home by enough of a school's students (see
:mod:`homeroom.data.home_languages`) is required for that school's pages and its report
card. Two things are findings:

- the site does not publish the language at all;
- the school has a report card, but the language's interface strings (which every word of
  a report card comes from) are missing or incomplete, so the card cannot be published in
  it.
"""

from __future__ import annotations

from collections.abc import Sequence

from homeroom.checks.translations.names import english_name
from homeroom.checks.translations.options import Options
from homeroom.data.catalogs import STRINGS_DIR, Catalogs, load_catalogs
from homeroom.data.home_languages import LanguageNeed, SchoolLanguages, school_needs
from homeroom.data.settings import Settings
from homeroom.data.sources import display_path
from homeroom.model.findings import Finding, Severity

RULE = "i18n.school-language"


def school_languages(
    settings: Settings, options: Options
) -> tuple[dict[str, frozenset[str]], list[Finding]]:
    """Languages each school's pages must be in (by school id), and the findings."""
    schools = school_needs(settings, options.rule)
    required = {school.school: school.required for school in schools}
    return required, school_language_findings(settings, options, schools)


def school_language_findings(
    settings: Settings, options: Options, schools: Sequence[SchoolLanguages]
) -> list[Finding]:
    """A finding for each language a school needs that its pages or card cannot be in."""
    found: list[Finding] = []
    report_cards = settings.enabled("reportcards")
    catalogs: Catalogs | None = None
    for school in schools:
        for need in school.needs:
            if need.language not in options.languages:
                found.append(_finding(school, need, _not_published(school, need, options)))
                continue
            # A language every page needs has its own catalog findings (i18n.catalog).
            if not report_cards or not school.has_file or need.language in options.required:
                continue
            if catalogs is None:
                catalogs = load_catalogs(
                    settings.data_dir, options.languages, settings.project_root
                )
            problem = _catalog_problem(settings, catalogs, need.language)
            if problem:
                found.append(_finding(school, need, _no_strings(school, need, options, problem)))
    return found


def _finding(school: SchoolLanguages, need: LanguageNeed, message: str) -> Finding:
    return Finding(
        path=school.path,
        line=need.line,
        column=1,
        rule=RULE,
        severity=Severity.ERROR,
        message=message,
        match=need.language,
        language=need.language,
    )


def _why(school: SchoolLanguages, need: LanguageNeed, options: Options) -> str:
    """``22% of the students at Alder Elementary speak Somali at home (95 of 430), ...``."""
    minimum = f" and {options.min_students} students" if options.min_students else ""
    return (
        f"{need.percent}% of the students at {school.name} speak "
        f"{english_name(need.language)} at home ({need.count} of {school.students}), at or "
        f"above the {round(100 * options.threshold)}%{minimum} that makes the school's "
        f"notices and report card required in {english_name(need.language)}"
    )


def _not_published(school: SchoolLanguages, need: LanguageNeed, options: Options) -> str:
    name = english_name(need.language)
    return (
        f"{_why(school, need, options)}, but the site does not publish {name}, so these "
        f"families get nothing from {school.name} they can read. Add {name} "
        f"({need.language}) under plugins > i18n > languages in mkdocs.yml and translate "
        "the school's pages."
    )


def _no_strings(school: SchoolLanguages, need: LanguageNeed, options: Options, problem: str) -> str:
    return (
        f"{_why(school, need, options)}, but {problem} Until then these families get no "
        f"report card from {school.name} they can read."
    )


def _catalog_problem(settings: Settings, catalogs: Catalogs, lang: str) -> str:
    """What keeps a report card from being published in ``lang`` ("" when nothing does)."""
    name = english_name(lang)
    default = catalogs.default
    if lang not in catalogs.languages:
        path = display_path(settings.data_dir / STRINGS_DIR / f"{lang}.yml", settings.project_root)
        return (
            f"there are no {name} interface strings, which every word of a report card comes "
            f"from: {path} does not exist. Copy {default}.yml to {lang}.yml in the same folder "
            f"and translate it."
        )
    missing = catalogs.missing_keys([lang])
    if not missing:
        return ""
    total = len(catalogs.catalogs[default].strings)
    first = missing[0]
    return (
        f"{first.file} lacks {len(missing)} of the {total} interface strings a report card "
        f"uses (the first is `{first.key}`, line {first.line} of {default}.yml). Add them, "
        f"translated."
    )
