"""The general mapping: any measure, long or wide, one file or several joined per school.

A general mapping (YAML) describes one or more *parts*, each read from one of the files
given to ``homeroom reportcards import``:

- ``layout: long`` -- one row per school and group (or grade): ``columns.group`` (with
  ``groups:``, the file's values and Homeroom's names) or ``columns.grade``, and each
  measure's columns: ``count``, and ``students`` or ``percent``;
- ``layout: wide`` -- one row per school, one column per group: each measure lists, per
  group, its ``students`` / ``count`` / ``percent`` columns, and each subject, per group,
  ``enrolled`` / ``tested`` / ``met_percent`` (or ``met``) columns;
- ``names_only: true`` -- a file that gives only each school's name (joined by code).

``columns.id`` is one column or a list joined in order (``[County Code, District Code,
School Code]``). ``columns.year`` is the file's school year: every row must agree with the
mapping's ``year:`` (or, without one, gives each row's year). ``suppressed:`` lists the
values that mean "hidden by the state" in that file. A part is read from the file whose
name matches its ``match:`` pattern (``chronic*.txt``; default: every file).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeroom.reportcards.model import SCHOOL_LEVELS, SUBJECTS

_NAME = "^[a-z][a-z0-9_]*$"
_TEXT_LIST = {"type": "array", "items": {"type": "string"}}
_COLUMN = {"type": "string", "minLength": 1, "description": "a column name of the file"}
_ID = {
    "anyOf": [_COLUMN, {**_TEXT_LIST, "minItems": 1}],
    "description": "the column with the school's code, or a list of columns joined in order",
}

_MEASURE_COLUMNS = {
    "type": "object",
    "description": "the columns of one measure: `count:`, and `students:` or `percent:`",
    "properties": {
        "students": {**_COLUMN, "description": "the column with the number of students"},
        "count": {**_COLUMN, "description": "the column with the number of students counted"},
        "percent": {**_COLUMN, "description": "the column with the percentage the state gives"},
    },
    "additionalProperties": False,
}

_RESULT_COLUMNS = {
    "type": "object",
    "description": "the columns of one group's results: `tested:`, and `met:` or `met_percent:`, "
    "and `enrolled:` for the share tested",
    "properties": {
        "enrolled": {**_COLUMN, "description": "students who should have taken the test"},
        "tested": {**_COLUMN, "description": "students tested"},
        "met": {**_COLUMN, "description": "students who met the standard (levels 3 and 4)"},
        "met_percent": {**_COLUMN, "description": "the percentage who met the standard"},
        "levels": {**_TEXT_LIST, "minItems": 4, "maxItems": 4},
    },
    "required": ["tested"],
    "additionalProperties": False,
}


def _by_group(columns: Mapping[str, Any], what: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"{what} for each group, such as `all: {{...}}` and `black: {{...}}`",
        "propertyNames": {"pattern": _NAME},
        "additionalProperties": columns,
        "required": ["all"],
    }


PART_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "one part of the mapping: how to read one file",
    "properties": {
        "match": {
            "type": "string",
            "description": "which file this part reads, such as 'chronic*.txt'",
        },
        "layout": {"enum": ["long", "wide"], "description": "long or wide"},
        "names_only": {"type": "boolean", "description": "true for a file that only names schools"},
        "header": {
            "type": "object",
            "description": "`find:` (a cell of the header row) and `rows:` (1, or 2 for a split header)",
            "properties": {
                "find": {
                    "type": "string",
                    "minLength": 1,
                    "description": "the text of one header cell",
                },
                "rows": {
                    "enum": [1, 2],
                    "description": "1, or 2 when a row above names groups of columns",
                },
            },
            "required": ["find"],
            "additionalProperties": False,
        },
        "columns": {
            "type": "object",
            "description": "`id:` and, as the file has them, `name:`, `year:`, `group:` or `grade:`",
            "properties": {
                "id": _ID,
                "name": {**_COLUMN, "description": "the column with the school's name"},
                "year": {**_COLUMN, "description": "the column with the school year"},
                "group": {**_COLUMN, "description": "the column whose values are student groups"},
                "grade": {**_COLUMN, "description": "the column whose values are grades"},
            },
            "required": ["id"],
            "additionalProperties": False,
        },
        "groups": {
            "type": "object",
            "description": "the file's group values and Homeroom's names, such as `Black or African American: black`",
            "additionalProperties": {"type": "string", "pattern": _NAME},
        },
        "measures": {
            "type": "object",
            "description": "measures such as `chronic_absence:` and their columns",
            "propertyNames": {"pattern": _NAME},
            "additionalProperties": {
                "anyOf": [_MEASURE_COLUMNS, _by_group(_MEASURE_COLUMNS, "the measure's columns")]
            },
        },
        "subjects": {
            "type": "object",
            "description": "reading, math or science and, for each group, its columns",
            "propertyNames": {"enum": list(SUBJECTS)},
            "additionalProperties": _by_group(_RESULT_COLUMNS, "the results' columns"),
        },
        "suppressed": {
            **_TEXT_LIST,
            "description": "the values that mean 'hidden by the state', such as ['*', '--']",
        },
        "skip": {
            "type": "object",
            "description": "rows to leave out: `values:` (a column and its values), `groups:`, `grades:`",
            "properties": {
                "values": {
                    "type": "object",
                    "description": "a column and the values whose rows are left out, such as `School Code: ['0000000']`",
                    "additionalProperties": _TEXT_LIST,
                },
                "groups": {**_TEXT_LIST, "description": "group values to leave out"},
                "grades": {**_TEXT_LIST, "description": "grade values to leave out"},
            },
            "additionalProperties": False,
        },
    },
    "required": ["header", "columns"],
    "additionalProperties": False,
}

#: Keys of a general mapping besides its parts (or the one part written at the top).
GENERAL_KEYS = ("source", "year", "level", "district", "files", "unnamed")


def general_schema(district: Mapping[str, Any]) -> dict[str, Any]:
    """The schema of a general mapping, its district settings as ``district`` (no year)."""
    top: dict[str, Any] = {
        "source": {"type": "string", "description": "where the files come from, as text"},
        "year": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}$",
            "description": "the school year in quotes, such as '2020-21'",
        },
        "level": {"enum": list(SCHOOL_LEVELS), "description": f"one of {', '.join(SCHOOL_LEVELS)}"},
        "district": district,
        "unnamed": {
            "enum": ["error", "leave_out"],
            "description": "what to do with a school no file names: error (the default) or "
            "leave_out (its rows are counted as left out)",
        },
        "files": {
            "type": "array",
            "items": PART_SCHEMA,
            "minItems": 1,
            "description": "one part for each file, each with `match:`, `header:` and `columns:`",
        },
    }
    return {
        "type": "object",
        "description": "a mapping of the state files' columns as `key: value` lines",
        "properties": {**top, **PART_SCHEMA["properties"]},
        "required": ["district"],
        "additionalProperties": False,
    }


def is_general(data: Any) -> bool:
    """Whether a mapping's data is a general mapping (not the assessment-only form)."""
    return isinstance(data, Mapping) and (
        "files" in data or "measures" in data or "layout" in data or "names_only" in data
    )


def parts_of(data: Mapping[str, Any]) -> list[tuple[list[str | int], Mapping[str, Any]]]:
    """(path in the mapping, part) for each part: ``files:`` items, or the top level."""
    if "files" in data:
        return [(["files", i], part) for i, part in enumerate(data["files"])]
    return [([], {k: v for k, v in data.items() if k not in GENERAL_KEYS})]
