"""Read and check the school data files: refuse anything about a single student.

Every problem is one line naming the file, the line, the field and the form expected:
first the form (:mod:`homeroom.reportcards.schema`), then the counts that must add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from homeroom.data.sources import display_path
from homeroom.data.yamllines import LinedYaml, read_lined_file
from homeroom.model.errors import InputError
from homeroom.reportcards.model import (
    GROUP_PAIRS,
    RATES,
    District,
    Rate,
    Row,
    School,
    SchoolData,
    Subject,
)
from homeroom.reportcards.schema import DISTRICT_SCHEMA, SCHOOL_SCHEMA, schema_error
from homeroom.reportcards.studentdata import path_text, refuse_student_data, safe_repr

#: File in the schools folder with the district's settings.
DISTRICT_FILE = "_district.yml"

#: What each kind of data file holds, for a file that holds nothing.
_EMPTY = {
    "school": "one school's facts as `key: value` lines (id, name, level, grades, year, "
    "enrolment and assessments); copy another school's file and change its figures",
    "district": "the district's report-card settings as `key: value` lines (district, year "
    "and min_n, the state's minimum group size)",
}


def _require_content(lined: LinedYaml, what: str) -> None:
    """A file with nothing in it (or only comments) is one clear line, not a schema error."""
    if lined.data is None:
        raise InputError(
            lined.display,
            f"this file is empty, so no report card can be made from it. It should hold "
            f"{_EMPTY[what]}.",
        )


def _check_row(lined: LinedYaml, row: Row, path: list[str]) -> None:
    levels = row.levels
    if row.tested is not None and all(v is not None for v in levels):
        total = sum(v for v in levels if v is not None)
        if total != row.tested:
            raise InputError(
                lined.display,
                f"`{path_text(path)}`: the four levels add up to {total}, but `tested` is "
                f"{row.tested}; expected levels that add up to the number tested.",
                line=lined.line_of(path),
            )
    if (
        row.met is not None
        and levels[2] is not None
        and levels[3] is not None
        and row.met != levels[2] + levels[3]
    ):
        raise InputError(
            lined.display,
            f"`{path_text(path)}.met` is {row.met}, but levels 3 and 4 add up to "
            f"{levels[2] + levels[3]}; expected them to agree.",
            line=lined.line_of([*path, "met"]),
        )
    for value in (*levels, row.met):
        if value is not None and row.tested is not None and value > row.tested:
            raise InputError(
                lined.display,
                f"`{path_text(path)}` has {value} students at one level but only "
                f"{row.tested} tested; expected no more than the number tested.",
                line=lined.line_of(path),
            )


def _check_sum(
    lined: LinedYaml, parts: Sequence[tuple[str, Row]], total: Row, path: list[str], what: str
) -> None:
    for index, (measure, value) in enumerate(total.measures()):
        values = [list(row.measures())[index][1] for _, row in parts]
        if value is None or any(v is None for v in values):
            continue
        found = sum(v for v in values if v is not None)
        if found != value:
            names = " + ".join(name for name, _ in parts)
            raise InputError(
                lined.display,
                f"`{path_text(path)}`: {names} add up to {found} for `{measure}`, but all "
                f"students have {value}; expected {what} to add up to all students.",
                line=lined.line_of(path),
            )


def _field_lines(lined: LinedYaml) -> dict[str, int]:
    """The line of each top-level field of a valid data file."""
    return {str(key): lined.line_of([str(key)]) or 1 for key in lined.data}


def load_school(path: Path, project_root: Path) -> School:
    """Read and validate one school file."""
    return school_from_yaml(read_lined_file(path, display_path(path, project_root)), path.name)


def school_from_yaml(lined: LinedYaml, file_name: str) -> School:
    """Validate one school's parsed file (called ``file_name``): the checks of ``load_school``."""
    shown = lined.display
    _require_content(lined, "school")
    refuse_student_data(lined)
    schema_error(lined, SCHOOL_SCHEMA)
    data = lined.data
    stem = file_name.removesuffix(".yml")
    if data["id"] != stem:
        raise InputError(
            shown,
            f"`id` is {safe_repr(data['id'])} but the file is called {file_name}; expected the "
            "same short name in both, so each school's page address stays stable.",
            line=lined.line_of(["id"]),
        )
    subjects: dict[str, Subject] = {}
    for name, subject in data["assessments"].items():
        groups = {g: Row.from_data(r) for g, r in subject["groups"].items()}
        grades = {str(g): Row.from_data(r) for g, r in (subject.get("grades") or {}).items()}
        for group, row in groups.items():
            _check_row(lined, row, ["assessments", name, "groups", group])
        for grade, row in grades.items():
            _check_row(lined, row, ["assessments", name, "grades", grade])
        for a, b in GROUP_PAIRS:
            if (a in groups) != (b in groups):
                have, lack = (a, b) if a in groups else (b, a)
                raise InputError(
                    shown,
                    f"`assessments.{name}.groups` has `{have}` but not `{lack}`; expected both "
                    "groups of the pair, which add up to all students.",
                    line=lined.line_of(["assessments", name, "groups", have]),
                )
            if a in groups:
                _check_sum(
                    lined,
                    [(a, groups[a]), (b, groups[b])],
                    groups["all"],
                    ["assessments", name, "groups", a],
                    "the two groups",
                )
        if grades:
            _check_sum(
                lined,
                list(grades.items()),
                groups["all"],
                ["assessments", name, "grades"],
                "the grades",
            )
        subjects[name] = Subject(groups=groups, grades=grades)
    last_year = {s: Row.from_data(r) for s, r in (data.get("last_year") or {}).items()}
    for s, row in last_year.items():
        _check_row(lined, row, ["last_year", s])
    rates: dict[str, Rate] = {}
    for key, (denominator, count) in RATES.items():
        if key in data:
            rate = Rate(data[key][denominator], data[key][count])
            if (
                rate.denominator is not None
                and rate.count is not None
                and rate.count > rate.denominator
            ):
                raise InputError(
                    shown,
                    f"`{key}.{count}` is {rate.count}, more than `{key}.{denominator}` "
                    f"({rate.denominator}); expected a part of the whole.",
                    line=lined.line_of([key, count]),
                )
            rates[key] = rate
    if data["level"] == "high" and "graduation" not in rates:
        raise InputError(
            shown,
            "a high school needs `graduation:` with `cohort:` and `graduated:`.",
            line=lined.line_of(["level"]),
        )
    teachers = None
    if "teachers" in data:
        teachers = (data["teachers"]["total"], data["teachers"]["experienced"])
        if teachers[1] > teachers[0]:
            raise InputError(
                shown,
                "`teachers.experienced` is more than `teachers.total`; expected a part of the whole.",
                line=lined.line_of(["teachers", "experienced"]),
            )
    return School(
        id=data["id"],
        name=data["name"],
        level=data["level"],
        grades=tuple(data["grades"]),
        year=data["year"],
        enrolment=data["enrolment"],
        subjects=subjects,
        last_year=last_year,
        rates=rates,
        teachers=teachers,
        spending_per_pupil=data.get("spending_per_pupil"),
        display=shown,
        source=data.get("source", ""),
        lines=_field_lines(lined),
    )


def load_district(path: Path, project_root: Path) -> District:
    """Read and validate the district settings file."""
    return district_from_yaml(read_lined_file(path, display_path(path, project_root)))


def district_from_yaml(lined: LinedYaml) -> District:
    """Validate the parsed district settings: the checks of ``load_district``."""
    shown = lined.display
    _require_content(lined, "district")
    refuse_student_data(lined)
    data = lined.data
    if isinstance(data, Mapping) and isinstance(data.get("published"), dt.date):
        data = {**data, "published": data["published"].isoformat()}
        lined = LinedYaml(data, lined.root, lined.display)
    schema_error(lined, DISTRICT_SCHEMA)
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    district = District(
        name=data["district"],
        year=data["year"],
        min_n=data["min_n"],
        small_count=data.get("small_count", 2),
        code_below=data.get("code_below", 5),
        code_above=data.get("code_above", 95),
        published=published,
        district_results=dict(data.get("district_results") or {}),
        state_results=dict(data.get("state_results") or {}),
        district_spending_per_pupil=data.get("district_spending_per_pupil"),
        state_spending_per_pupil=data.get("state_spending_per_pupil"),
        contact_phone=data.get("contact_phone", ""),
        interpreter_phone=data.get("interpreter_phone", ""),
        state_name=data.get("state_name", ""),
        tested_grades=tuple(str(g) for g in data.get("tested_grades") or ()),
        source=data.get("source", ""),
        display=shown,
        lines=_field_lines(lined),
    )
    if district.small_count >= district.min_n:
        raise InputError(
            shown,
            f"`small_count` ({district.small_count}) must be smaller than `min_n` ({district.min_n}).",
            line=lined.line_of(["small_count"]),
        )
    return district


def load_schools(folder: Path, project_root: Path) -> SchoolData:
    """Read ``_district.yml`` and every school file in ``folder`` (sorted by file name)."""
    district_file = folder / DISTRICT_FILE
    if not district_file.is_file():
        raise InputError(
            display_path(district_file, project_root),
            "this file is missing. It holds the state's minimum group size (`min_n:`), "
            "which every report card needs to protect student privacy.",
        )
    district = load_district(district_file, project_root)
    schools = []
    for path in sorted(folder.glob("*.yml")):
        if path.name.startswith("_"):
            continue
        school = load_school(path, project_root)
        if school.year != district.year:
            raise InputError(
                school.display,
                f"`year` is {school.year!r} but the district settings are for {district.year!r}; expected the same school year.",
                line=1,
            )
        schools.append(school)
    return SchoolData(district=district, schools=tuple(schools))
