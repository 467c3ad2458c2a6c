"""Languages each school's families need, from how many students speak each one at home.

A school's home-language counts come from either of two places:

- the school's own data file (``content/_data/schools/<id>.yml``): ``home_languages:``,
  with ``enrolment:`` as the number of students;
- one file for every school (``languages_data:`` under ``homeroom/translations``):
  ``schools: {<id>: {students: 400, home_languages: {es: 120}}}``.

A language is required at a school when its share of the school's students is at least
``threshold`` (15% by default, as in California Education Code 48985) *and* its count is
at least ``min_students`` (0 by default: no minimum). The site's default language is never
"required" here: every page is published in it anyway.

:func:`school_needs` is the one place this is worked out: the ``i18n.school-language``
check, the report cards and the staff page all read it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homeroom.data.options import ReportCardsOptions, TranslationsOptions
from homeroom.data.settings import Settings
from homeroom.data.sources import display_path
from homeroom.data.yamllines import LinedYaml, read_lined_file
from homeroom.model.errors import ConfigError, InputError
from homeroom.model.memo import Memo

_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class LanguageNeed:
    """One language a school's families need: how many students speak it, and their share."""

    language: str
    count: int
    share: float
    """``count`` over the school's students, from 0 to 1."""
    line: int
    """The line of the count (or of the school's entry) in ``SchoolLanguages.path``."""

    @property
    def percent(self) -> int:
        """The share as a whole-number percentage, for messages and the staff page."""
        return round(100 * self.share)


@dataclass(frozen=True)
class SchoolLanguages:
    """One school's home-language counts and the languages they make required there."""

    school: str
    """The school's id (``alder-elementary``), as in its file name and ``school:`` front matter."""
    name: str
    """The school's name (``Alder Elementary``), or its id when no school file names it."""
    students: int
    counts: Mapping[str, int]
    path: str
    """The file the counts are in, as findings show it."""
    line: int
    """The line of the school's counts in ``path``."""
    needs: tuple[LanguageNeed, ...]
    """Required languages, largest share first."""
    has_file: bool = True
    """Whether the school has a data file (and so a report card)."""

    @property
    def required(self) -> frozenset[str]:
        """The codes of the languages required at this school."""
        return frozenset(need.language for need in self.needs)


@dataclass(frozen=True)
class Rule:
    """When a language is required at a school (from ``homeroom/translations``)."""

    threshold: float = 0.15
    min_students: int = 0
    default: str = "en"

    def needs(self, counts: Mapping[str, tuple[int, int]], students: int) -> list[LanguageNeed]:
        """The languages of ``counts`` (code: (count, line)) that meet the rule."""
        found = [
            LanguageNeed(code, count, count / students, line)
            for code, (count, line) in counts.items()
            if code != self.default
            and count / students >= self.threshold
            and count >= self.min_students
        ]
        return sorted(found, key=lambda need: (-need.count, need.language))


def rule_of(settings: Settings) -> Rule:
    """The rule from mkdocs.yml, with one-line errors for a bad ``threshold`` or minimum."""
    where = "mkdocs.yml: plugins > homeroom/translations"
    options = settings.options(TranslationsOptions)
    if not 0 < options.threshold <= 1:
        raise ConfigError(f"{where} > threshold: expected a share such as 0.15 (15%)")
    minimum = options.min_students
    if not float(minimum).is_integer() or minimum < 0:
        raise ConfigError(
            f"{where} > min_students: expected a whole number of students, 0 or more, such "
            "as `min_students: 20` (0, the default, sets no minimum)"
        )
    return Rule(float(options.threshold), int(minimum), settings.languages.codes[0])


def school_needs(settings: Settings, rule: Rule | None = None) -> tuple[SchoolLanguages, ...]:
    """Every school with home-language counts, and the languages they require there.

    Counts come from each school's file (``home_languages:``) and from the
    ``languages_data`` file; a school may have them in one place only. Sorted by school id.
    A count that is not a whole number, or a school without a number of students, is a
    one-line error naming the file and line.
    """
    rule = rule or rule_of(settings)
    key = (_files_key(settings), rule, settings.project_root)
    known = _NEEDS.get(key)
    if known is not None:
        return known
    needs = _school_needs(settings, rule)
    _NEEDS.put(key, needs)
    return needs


#: What :func:`school_needs` found, by the files it reads (as they are on disk) and the rule.
_NEEDS: Memo[tuple[Any, ...], tuple[SchoolLanguages, ...]] = Memo(8)


def _files_key(settings: Settings) -> tuple[Any, ...]:
    """The school files and the languages file as they are now (names, sizes, times)."""
    folder = settings.data_dir / settings.options(ReportCardsOptions).schools_dir
    name = settings.options(TranslationsOptions).languages_data
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    if name:
        paths.append(settings.data_dir / name)
    stats: list[tuple[object, ...]] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stats.append((str(path), None))
            continue
        stats.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stats)


def _school_needs(settings: Settings, rule: Rule) -> tuple[SchoolLanguages, ...]:
    from_file = _from_languages_file(settings)
    names, from_schools = _from_school_files(settings, set(from_file))
    found: dict[str, SchoolLanguages] = {}
    for school, (path, line, students, counts) in from_file.items():
        if school in from_schools:
            other = from_schools[school][0]
            raise InputError(
                path,
                f"school {school}: its home-language counts are here and in {other}. Keep "
                "them in one place only, so the two cannot disagree.",
                line,
            )
        found[school] = _school(school, names, path, line, students, counts, rule)
    for school, (path, line, students, counts) in from_schools.items():
        found[school] = _school(school, names, path, line, students, counts, rule)
    return tuple(found[school] for school in sorted(found))


_Counts = tuple[str, int, int, dict[str, tuple[int, int]]]
"""Where a school's counts are (path, line), its students, and code: (count, line)."""


def _school(
    school: str,
    names: Mapping[str, str],
    path: str,
    line: int,
    students: int,
    counts: Mapping[str, tuple[int, int]],
    rule: Rule,
) -> SchoolLanguages:
    return SchoolLanguages(
        school=school,
        name=names.get(school, school),
        students=students,
        counts={code: count for code, (count, _) in counts.items()},
        path=path,
        line=line,
        needs=tuple(rule.needs(counts, students)),
        has_file=school in names,
    )


def _counts(
    raw: Any, students: int, shown: str, school: str, line_of: Any, at: list[str | int]
) -> dict[str, tuple[int, int]]:
    """Check one school's ``home_languages:`` mapping: code -> (count, line)."""
    out: dict[str, tuple[int, int]] = {}
    for code, count in raw.items():
        line = line_of([*at, str(code)])
        if not isinstance(code, str) or not _CODE.match(code):
            raise InputError(
                shown,
                f"school {school}: `{code}` under home_languages is not a language code. Use "
                "the code the site uses for the language, such as `es`, `vi` or `hmn`.",
                line,
            )
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InputError(
                shown,
                f"school {school}, language {code}: expected a whole number of students, 0 or "
                f"more, such as `{code}: 120`, not `{count}`.",
                line,
            )
        if count > students:
            raise InputError(
                shown,
                f"school {school}, language {code}: {count} students is more than the "
                f"school's {students}. Check both numbers.",
                line,
            )
        out[code] = (count, line)
    return out


def _from_languages_file(settings: Settings) -> dict[str, _Counts]:
    """The counts in the ``languages_data`` file (none when it is not set)."""
    name = settings.options(TranslationsOptions).languages_data
    if not name:
        return {}
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    doc = read_lined_file(path, shown)
    data = doc.data
    if not isinstance(data, Mapping) or not isinstance(data.get("schools"), Mapping):
        raise InputError(shown, "expected `schools:` with one entry per school (see the README).")
    found: dict[str, _Counts] = {}
    for school, entry in data["schools"].items():
        line = doc.line_of(["schools", str(school)]) or 1
        students = entry.get("students") if isinstance(entry, Mapping) else None
        counts = entry.get("home_languages") if isinstance(entry, Mapping) else None
        if (
            isinstance(students, bool)
            or not isinstance(students, int)
            or students <= 0
            or not isinstance(counts, Mapping)
        ):
            raise InputError(
                shown,
                f"school {school}: expected `students:` (a whole number above 0) and "
                "`home_languages:` (language code: number of students), such as `es: 120`.",
                line,
            )
        at: list[str | int] = ["schools", str(school), "home_languages"]
        found[str(school)] = (
            shown,
            line,
            students,
            _counts(counts, students, shown, str(school), _liner(doc, line), at),
        )
    return found


def _from_school_files(
    settings: Settings, named: set[str]
) -> tuple[dict[str, str], dict[str, _Counts]]:
    """Schools' names (for those in ``named`` or with counts) and the counts in their files.

    Every school file read is in the names, with the school's id when it has no name.
    """
    folder = settings.data_dir / settings.options(ReportCardsOptions).schools_dir
    names: dict[str, str] = {}
    found: dict[str, _Counts] = {}
    if not folder.is_dir():
        return names, found
    for path in sorted(folder.glob("*.yml")):
        if path.name.startswith("_"):
            continue  # the district's settings
        school = path.stem
        text = _text(path)
        # Most files never need parsing here: the report cards read them anyway.
        if school not in named and "home_languages" not in text:
            continue
        shown = display_path(path, settings.project_root)
        doc = read_lined_file(path, shown)
        data = doc.data if isinstance(doc.data, Mapping) else {}
        school = str(data.get("id") or school)
        given = data.get("name")
        names[school] = given.strip() if isinstance(given, str) and given.strip() else school
        raw = data.get("home_languages")
        if raw is None:
            continue
        line = doc.line_of(["home_languages"]) or 1
        if not isinstance(raw, Mapping):
            raise InputError(
                shown,
                "`home_languages:` should list each language's code and how many students "
                "speak it at home, one a line, such as `es: 120`.",
                line,
            )
        students = data.get("enrolment")
        if isinstance(students, bool) or not isinstance(students, int) or students <= 0:
            raise InputError(
                shown,
                f"school {school}: `home_languages:` needs `enrolment:` (the number of "
                "students, a whole number above 0) to work out each language's share.",
                doc.line_of(["enrolment"]) or line,
            )
        counts = _counts(raw, students, shown, school, _liner(doc, line), ["home_languages"])
        found[school] = (shown, line, students, counts)
    return names, found


def _liner(doc: LinedYaml, fallback: int) -> Any:
    def line_of(path: list[str | int]) -> int:
        return doc.line_of(path) or fallback

    return line_of


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # the report cards say what is wrong with the file
