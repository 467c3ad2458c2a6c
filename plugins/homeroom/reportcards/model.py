"""School data files: read, validate and refuse anything about a single student.

One YAML file per school in ``content/_data/schools/<school-id>.yml`` holds only totals
for groups of students, in no language. ``_district.yml`` in the same folder holds the
district's settings: the state's minimum group size and the district and state figures
every school is compared with.

Every problem is one line naming the file, the line, the field and the form expected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from homeroom.data.sources import display_path
from homeroom.data.yamllines import LinedYaml, read_lined_file
from homeroom.model.errors import InputError
from homeroom.reportcards.studentdata import path_text, refuse_student_data, safe_repr

#: File in the schools folder with the district's settings.
DISTRICT_FILE = "_district.yml"

SUBJECTS = ("reading", "math", "science")
LEVELS = ("l1", "l2", "l3", "l4")
#: Student groups that come in pairs adding up to all students.
GROUP_PAIRS = (
    ("english_learners", "not_english_learners"),
    ("low_income", "not_low_income"),
    ("disability", "no_disability"),
    ("female", "male"),
)
GROUPS = ("all", *(g for pair in GROUP_PAIRS for g in pair))
SCHOOL_LEVELS = ("elementary", "middle", "high", "other")
#: Rates with one count and one denominator: (data key, denominator field, count field).
RATES = {
    "absenteeism": ("students", "chronic"),
    "graduation": ("cohort", "graduated"),
    "english_learners_progress": ("students", "making_progress"),
}


def _count(
    description: str = "a whole number of students, 0 or more (or ~ if hidden)",
) -> dict[str, Any]:
    return {"type": ["integer", "null"], "minimum": 0, "description": description}


_ROW = {
    "type": "object",
    "description": "`tested:` and `levels:` (four numbers, level 1 to level 4)",
    "properties": {
        "tested": _count(),
        "levels": {
            "type": "array",
            "items": _count(),
            "minItems": 4,
            "maxItems": 4,
            "description": "a list of four numbers of students, level 1 to level 4, such as [12, 30, 41, 17]",
        },
        "met": _count("the number at levels 3 and 4 together (only when the levels are hidden)"),
    },
    "required": ["tested", "levels"],
    "additionalProperties": False,
}

_SUBJECT = {
    "type": "object",
    "description": "`groups:` (with `all:`) and, optionally, `grades:`",
    "properties": {
        "groups": {
            "type": "object",
            "description": f"student groups: {', '.join(GROUPS)}",
            "propertyNames": {"enum": list(GROUPS)},
            "additionalProperties": _ROW,
            "required": ["all"],
        },
        "grades": {
            "type": "object",
            "description": "one entry per grade, such as `'3': {tested: 60, levels: [...]}`",
            "additionalProperties": _ROW,
        },
    },
    "required": ["groups"],
    "additionalProperties": False,
}


def _pair(denominator: str, count: str, what: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"`{denominator}:` and `{count}:` ({what})",
        "properties": {denominator: _count(), count: _count()},
        "required": [denominator, count],
        "additionalProperties": False,
    }


SCHOOL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "a school's facts as `key: value` lines",
    "properties": {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "the school's short name in lower case with dashes, such as alder-elementary (the same as the file name)",
        },
        "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "the school's name as text, at most 150 characters",
        },
        "level": {"enum": list(SCHOOL_LEVELS), "description": f"one of {', '.join(SCHOOL_LEVELS)}"},
        "grades": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 1,
            "description": "the grades the school teaches, in quotes, such as ['K', '1', '2']",
        },
        "year": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}$",
            "description": "the school year in quotes, such as '2025-26'",
        },
        "enrolment": _count("the number of students enrolled, a whole number"),
        "assessments": {
            "type": "object",
            "description": "reading, math and science results",
            "propertyNames": {"enum": list(SUBJECTS)},
            "additionalProperties": _SUBJECT,
        },
        "last_year": {
            "type": "object",
            "description": "last year's results for all students, by subject",
            "propertyNames": {"enum": list(SUBJECTS)},
            "additionalProperties": _ROW,
        },
        "absenteeism": _pair(
            "students",
            "chronic",
            "students counted, and those who missed 10% of school days or more",
        ),
        "graduation": _pair(
            "cohort",
            "graduated",
            "students who started 9th grade together, and those who graduated in 4 years",
        ),
        "english_learners_progress": _pair(
            "students",
            "making_progress",
            "students learning English, and those who made a year's progress",
        ),
        "teachers": {
            "type": "object",
            "description": "`total:` and `experienced:` (teachers with 3 years or more)",
            "properties": {
                "total": {"type": "integer", "minimum": 1, "description": "the number of teachers"},
                "experienced": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "the number of teachers with 3 or more years of teaching",
                },
            },
            "required": ["total", "experienced"],
            "additionalProperties": False,
        },
        "spending_per_pupil": {
            "type": "integer",
            "minimum": 0,
            "description": "dollars spent per student in a year, a whole number such as 14250",
        },
        "source": {"type": "string", "description": "where the figures come from, as text"},
    },
    "required": ["id", "name", "level", "grades", "year", "enrolment", "assessments"],
    "additionalProperties": False,
}

_COMPARISON = {
    "type": "object",
    "description": "percentages for all students, such as `reading: 54`",
    "propertyNames": {
        "enum": [*SUBJECTS, *RATES, "teachers_experienced"],
    },
    "additionalProperties": {
        "type": "integer",
        "minimum": 0,
        "maximum": 100,
        "description": "a whole-number percentage from 0 to 100",
    },
}

DISTRICT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "the district's report-card settings as `key: value` lines",
    "properties": {
        "district": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "the district's name as text, at most 150 characters",
        },
        "year": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}$",
            "description": "the school year in quotes, such as '2025-26'",
        },
        "published": {
            "type": "string",
            "format": "date",
            "description": "the date the figures were published, such as 2026-09-15",
        },
        "min_n": {
            "type": "integer",
            "minimum": 3,
            "description": "the state's minimum group size, a whole number of 3 or more (10 is most common)",
        },
        "small_count": {
            "type": "integer",
            "minimum": 0,
            "description": "hide counts of this many students or fewer (and all but this many), a whole number such as 2",
        },
        "code_below": {
            "type": "integer",
            "minimum": 1,
            "maximum": 20,
            "description": "a percentage shown as 'fewer than' below it, such as 5",
        },
        "code_above": {
            "type": "integer",
            "minimum": 80,
            "maximum": 99,
            "description": "a percentage shown as 'more than' above it, such as 95",
        },
        "district_results": _COMPARISON,
        "state_results": _COMPARISON,
        "district_spending_per_pupil": {
            "type": "integer",
            "minimum": 0,
            "description": "the district's dollars per student, a whole number such as 14100",
        },
        "state_spending_per_pupil": {
            "type": "integer",
            "minimum": 0,
            "description": "the state's dollars per student, a whole number such as 15200",
        },
        "contact_phone": {
            "type": "string",
            "description": "the family center's phone number as text",
        },
        "interpreter_phone": {"type": "string", "description": "the free interpreter line as text"},
        "state_name": {"type": "string", "description": "the state's name as text"},
        "tested_grades": {
            "type": "array",
            "items": {"type": "string"},
            "description": "the grades that take state tests, in quotes, such as ['3', '4', '5', '6', '7', '8', '11']",
        },
        "source": {
            "type": ["string", "object"],
            "additionalProperties": {"type": "string"},
            "description": "where the figures come from: text, or text per language such as `en: ...` and `es: ...`",
        },
    },
    "required": ["district", "year", "min_n"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Row:
    """Results of one group (or grade) in one subject. ``None`` is a value the state hid."""

    tested: int | None
    levels: tuple[int | None, int | None, int | None, int | None]
    met: int | None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Row:
        """Build from a validated mapping; ``met`` is levels 3 + 4 unless given."""
        levels = tuple(data["levels"])
        met = data.get("met")
        if met is None and levels[2] is not None and levels[3] is not None:
            met = levels[2] + levels[3]
        return cls(data["tested"], (levels[0], levels[1], levels[2], levels[3]), met)

    def measures(self) -> Iterator[tuple[str, int | None]]:
        """(measure, value) for tested, the four levels and met."""
        yield "n", self.tested
        yield from zip(LEVELS, self.levels, strict=True)
        yield "met", self.met


@dataclass(frozen=True)
class Subject:
    """One subject's results by student group and by grade."""

    groups: Mapping[str, Row]
    grades: Mapping[str, Row]


@dataclass(frozen=True)
class Rate:
    """A count out of a denominator (chronic absence, graduation, progress in English)."""

    denominator: int | None
    count: int | None


@dataclass(frozen=True)
class School:
    """One school's facts, validated. Never about one student."""

    id: str
    name: str
    level: str
    grades: tuple[str, ...]
    year: str
    enrolment: int | None
    subjects: Mapping[str, Subject]
    last_year: Mapping[str, Row]
    rates: Mapping[str, Rate]
    teachers: tuple[int, int] | None
    spending_per_pupil: int | None
    display: str
    source: str = ""


@dataclass(frozen=True)
class District:
    """The district's settings: minimum group size, coding limits, comparison figures."""

    name: str
    year: str
    min_n: int
    small_count: int = 2
    code_below: int = 5
    code_above: int = 95
    published: dt.date | None = None
    district_results: Mapping[str, int] = field(default_factory=dict)
    state_results: Mapping[str, int] = field(default_factory=dict)
    district_spending_per_pupil: int | None = None
    state_spending_per_pupil: int | None = None
    contact_phone: str = ""
    interpreter_phone: str = ""
    state_name: str = ""
    tested_grades: tuple[str, ...] = ()
    source: str | Mapping[str, str] = ""
    display: str = ""

    def source_in(self, lang: str) -> str:
        """Where the figures come from, in ``lang`` (a single text is shown in every language)."""
        if isinstance(self.source, str):
            return self.source
        return self.source.get(lang, "")


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


_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def _schema_error(
    lined: LinedYaml, schema: Mapping[str, Any], at: Sequence[str | int] = ()
) -> None:
    """Raise one line for the first place where ``lined`` (at path ``at``) breaks ``schema``."""
    instance = lined.data
    for step in at:
        instance = instance[step]
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        _VALIDATORS[id(schema)] = validator
    errors = sorted(
        validator.iter_errors(instance),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not errors:
        return
    error = errors[0]
    path = [*at, *error.absolute_path]
    expected = error.schema.get("description", "") if isinstance(error.schema, Mapping) else ""
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "a field"
        sub = (
            error.schema.get("properties", {}).get(missing, {})
            if isinstance(error.schema, Mapping)
            else {}
        )
        problem = f"`{path_text([*path, missing])}` is missing"
        expected = sub.get("description", expected)
    elif kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field_name = extra[0] if extra else "?"
        allowed = ", ".join(error.schema.get("properties", {}))
        path = [*path, field_name]
        problem = f"`{path_text(path)}` is not a field Homeroom knows"
        expected = f"only these fields: {allowed}"
    elif "propertyNames" in error.relative_schema_path and kind == "enum":
        bad = str(error.instance)
        path = [*path, bad]
        problem = f"`{path_text(path)}` is not a name Homeroom knows"
        expected = f"one of: {', '.join(map(str, error.validator_value))}"
    elif kind == "propertyNames":
        bad = str(error.instance)
        allowed = ", ".join(error.validator_value.get("enum", []))
        problem = f"`{path_text(path)}` has an unknown entry"
        expected = f"one of: {allowed}"
        for key in error.instance if isinstance(error.instance, Mapping) else []:
            if key not in error.validator_value.get("enum", []):
                bad = str(key)
                path = [*path, bad]
                problem = f"`{path_text(path)}` is not a name Homeroom knows"
                break
    elif not path and kind == "type":
        problem = "this file does not hold `key: value` lines"
    elif isinstance(error.instance, Mapping | list):
        problem = f"`{path_text(path)}` has the wrong form"
    else:
        problem = f"`{path_text(path)}` is {safe_repr(error.instance)}"
    raise InputError(
        lined.display,
        f"{problem}; expected {expected or 'another form'}.",
        line=lined.line_of(path),
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


def load_school(path: Path, project_root: Path) -> School:
    """Read and validate one school file."""
    return school_from_yaml(read_lined_file(path, display_path(path, project_root)), path.name)


def school_from_yaml(lined: LinedYaml, file_name: str) -> School:
    """Validate one school's parsed file (called ``file_name``): the checks of ``load_school``."""
    shown = lined.display
    _require_content(lined, "school")
    refuse_student_data(lined)
    _schema_error(lined, SCHOOL_SCHEMA)
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
    _schema_error(lined, DISTRICT_SCHEMA)
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
    )
    if district.small_count >= district.min_n:
        raise InputError(
            shown,
            f"`small_count` ({district.small_count}) must be smaller than `min_n` ({district.min_n}).",
            line=lined.line_of(["small_count"]),
        )
    return district


@dataclass(frozen=True)
class SchoolData:
    """Every school of a site and the district's settings."""

    district: District
    schools: tuple[School, ...]


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
