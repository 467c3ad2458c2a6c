"""The form of the school and district data files (JSON schemas), and the first break in one line.

:func:`schema_error` turns the first place a parsed file breaks its schema into one line
naming the file, the line, the field and the form expected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jsonschema

from homeroom.data.yamllines import LinedYaml
from homeroom.model.errors import InputError
from homeroom.reportcards.model import GROUPS, RATES, SCHOOL_LEVELS, SUBJECTS
from homeroom.reportcards.studentdata import path_text, safe_repr


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


_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def schema_error(lined: LinedYaml, schema: Mapping[str, Any], at: Sequence[str | int] = ()) -> None:
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
