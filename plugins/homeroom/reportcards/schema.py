"""The form of the school and district data files (JSON schemas), and the first break in one line.

:func:`schema_error` turns the first place a parsed file breaks its schema into one line
naming the file, the line, the field and the form expected.
"""

from __future__ import annotations

from typing import Any

from homeroom.reportcards.model import MONEY_SOURCES, SCHOOL_LEVELS, STATUSES, SUBJECTS
from homeroom.reportcards.schema_errors import schema_error
from homeroom.reportcards.schema_parts import MEASURE_YEAR as _MEASURE_YEAR

__all__ = ["DISTRICT_SCHEMA", "SCHOOL_SCHEMA", "schema_error"]

_NAME = "^[a-z][a-z0-9_]*$"
_YEAR = r"^\d{4}-\d{2}$"


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
        "enrolled": _count("the number of students who should have taken the test"),
        "met_percent": {
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": 100,
            "description": "the share at levels 3 and 4 as the state published it, from 0 to 100, "
            "when it gave no count (or ~ if hidden)",
        },
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
            "description": "student groups such as `all:`, `black:` or `english_learners:`",
            "propertyNames": {"pattern": _NAME},
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
        "home_languages": {
            "type": "object",
            "description": "how many of the school's students speak each language at home, "
            "one language a line: its code and a whole number of students, such as `es: 120` "
            "(the share is worked out from `enrolment:`; a language at or above the "
            "threshold, 15% unless mkdocs.yml says otherwise, is required for the school's "
            "report card and pages)",
            "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
            "additionalProperties": {
                "type": "integer",
                "minimum": 0,
                "description": "a whole number of students, 0 or more, such as 120",
            },
        },
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
        "history": {
            "type": "object",
            "description": "earlier years' results: a school year in quotes, such as '2024-25', "
            "then subjects as under `assessments:`",
            "propertyNames": {"pattern": _YEAR},
            "additionalProperties": {
                "type": "object",
                "description": "reading, math and science results of that year",
                "propertyNames": {"enum": list(SUBJECTS)},
                "additionalProperties": _SUBJECT,
            },
        },
        "measures": {
            "type": "object",
            "description": "measures such as `chronic_absence:`, each by school year in quotes",
            "propertyNames": {"pattern": _NAME},
            "additionalProperties": {
                "type": "object",
                "description": "a school year in quotes, such as '2025-26', then `groups:`",
                "propertyNames": {"pattern": _YEAR},
                "additionalProperties": _MEASURE_YEAR,
            },
        },
        "accountability": {
            "type": "object",
            "description": "`status:` (none, csi, tsi or atsi), and `groups:` or `reason:`",
            "properties": {
                "status": {"enum": list(STATUSES), "description": f"one of {', '.join(STATUSES)}"},
                "groups": {
                    "type": "array",
                    "items": {"type": "string", "pattern": _NAME},
                    "description": "the student groups the state named, such as [disability]",
                },
                "reason": {
                    "enum": ["lowest_performing", "low_graduation", "groups"],
                    "description": "lowest_performing, low_graduation or groups",
                },
            },
            "required": ["status"],
            "additionalProperties": False,
        },
        "spending_sources": {
            "type": "object",
            "description": "dollars per student by source: `federal:` and `state_local:`",
            "propertyNames": {"enum": list(MONEY_SOURCES)},
            "additionalProperties": {
                "type": "integer",
                "minimum": 0,
                "description": "whole dollars per student, such as 1450",
            },
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
        "state_code": {
            "type": "string",
            "description": "the school's code in the state's files, as text (the importer writes it)",
        },
    },
    "required": ["id", "name", "level", "grades", "year", "enrolment"],
    "additionalProperties": False,
}

_COMPARISON = {
    "type": "object",
    "description": "percentages for all students, such as `reading: 54`",
    "propertyNames": {"pattern": _NAME},
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
        "group_sets": {
            "type": "object",
            "description": "sets of student groups that add up to all students, such as "
            "`race: [american_indian, asian, black, filipino, hispanic, pacific_islander, white, two_or_more]`",
            "propertyNames": {"pattern": _NAME},
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": _NAME},
                "minItems": 2,
                "uniqueItems": True,
                "description": "two or more group names that together are every student once",
            },
        },
        "measures": {
            "type": "object",
            "description": "measures of your own, such as `bullying_reports: {better: lower}`",
            "propertyNames": {"pattern": _NAME},
            "additionalProperties": {
                "type": "object",
                "description": "`better:` (higher or lower) and `high_school_only:` (true or false)",
                "properties": {
                    "better": {"enum": ["higher", "lower"], "description": "higher or lower"},
                    "high_school_only": {"type": "boolean", "description": "true or false"},
                    "kind": {
                        "enum": ["share", "count"],
                        "description": "share (a count out of students) or count (a number of students)",
                    },
                },
                "additionalProperties": False,
            },
        },
        "naep": {
            "type": "object",
            "description": "`year:` and `results:` of the state on NAEP, the national test",
            "properties": {
                "year": {"type": "string", "description": "the year of the test, such as '2024'"},
                "results": {
                    "type": "object",
                    "description": "reading_4, math_4, reading_8 and math_8, each with `state:` and `nation:`",
                    "propertyNames": {"enum": ["reading_4", "math_4", "reading_8", "math_8"]},
                    "additionalProperties": {
                        "type": "object",
                        "description": "`state:` and `nation:`, percentages at NAEP Proficient or above",
                        "properties": {
                            "state": {"type": "integer", "minimum": 0, "maximum": 100},
                            "nation": {"type": "integer", "minimum": 0, "maximum": 100},
                        },
                        "required": ["state"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["year", "results"],
            "additionalProperties": False,
        },
        "accountability_year": {
            "type": "string",
            "description": "the school year of the state's designations, in quotes, such as '2025-26'",
        },
    },
    "required": ["district", "year", "min_n"],
    "additionalProperties": False,
}
