"""Read and check a mapping file: which column of a state's results file holds what.

A mapping file (YAML, one per state file layout) says which columns hold what, which
cell values mean "hidden by the state", which rows to leave out, and how to find the
header among title rows. Its district settings are checked as ``_district.yml``'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homeroom.data.sources import display_path
from homeroom.data.yamllines import LinedYaml, read_lined_file
from homeroom.model.errors import InputError
from homeroom.reportcards.mapping_general import general_schema, is_general, parts_of
from homeroom.reportcards.model import SCHOOL_LEVELS, SUBJECTS
from homeroom.reportcards.schema import DISTRICT_SCHEMA, schema_error
from homeroom.reportcards.studentdata import refuse_student_data

#: The district settings as a mapping gives them: those of _district.yml but `year`.
_DISTRICT_IN_MAPPING: dict[str, Any] = {
    **DISTRICT_SCHEMA,
    "description": "settings for the _district.yml file written next to the schools, as in "
    "_district.yml (the year comes from `year:` of the mapping)",
    "properties": {k: v for k, v in DISTRICT_SCHEMA["properties"].items() if k != "year"},
    "required": [r for r in DISTRICT_SCHEMA["required"] if r != "year"],
}

_CELL_VALUES = {"type": "array", "items": {"type": "string"}}

MAPPING_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "a mapping of the state file's columns as `key: value` lines",
    "properties": {
        "source": {"type": "string", "description": "where the file comes from, as text"},
        "year": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}$",
            "description": "the school year in quotes, such as '2016-17'",
        },
        "level": {"enum": list(SCHOOL_LEVELS), "description": f"one of {', '.join(SCHOOL_LEVELS)}"},
        "header": {
            "type": "object",
            "description": "`find:` (a cell of the header row) and `rows:` (1, or 2 for a split header)",
            "properties": {
                "find": {
                    "type": "string",
                    "minLength": 1,
                    "description": "the text of one header cell, such as 'District Code'",
                },
                "rows": {
                    "enum": [1, 2],
                    "description": "1, or 2 when a row above the header names groups of columns",
                },
            },
            "required": ["find"],
            "additionalProperties": False,
        },
        "columns": {
            "type": "object",
            "description": "column names for id, name, grade, subject, tested, levels and met",
            "properties": {
                "id": {
                    "type": "string",
                    "description": "the column with the school or district code",
                },
                "name": {
                    "type": "string",
                    "description": "the column with the school or district name",
                },
                "grade": {"type": "string", "description": "the column with the grade"},
                "subject": {"type": "string", "description": "the column with the subject"},
                "tested": {
                    "type": "string",
                    "description": "the column with the number of students tested",
                },
                "levels": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 4,
                    "maxItems": 4,
                    "description": "four column names: the counts at levels 1 to 4",
                },
                "met": {
                    "type": "string",
                    "description": "the column with the count at levels 3 and 4",
                },
            },
            "required": ["id", "name", "subject", "tested", "levels"],
            "additionalProperties": False,
        },
        "subjects": {
            "type": "object",
            "description": "the file's subject names and Homeroom's, such as `ELA: reading`",
            "additionalProperties": {
                "enum": list(SUBJECTS),
                "description": f"one of {', '.join(SUBJECTS)}",
            },
        },
        "skip": {
            "type": "object",
            "description": "rows to leave out: `subjects:` and `grades:`, lists of the file's "
            "values, such as `grades: ['All Grades']`",
            "properties": {
                "subjects": {**_CELL_VALUES, "description": "subject values to leave out"},
                "grades": {**_CELL_VALUES, "description": "grade values to leave out"},
            },
            "additionalProperties": False,
        },
        "suppressed": {
            **_CELL_VALUES,
            "description": "the cell values that mean 'hidden by the state', such as ['*', '', '-9999']",
        },
        "district": _DISTRICT_IN_MAPPING,
    },
    "required": ["year", "header", "columns", "subjects", "suppressed", "district"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Mapping_:
    """A validated mapping file."""

    data: Mapping[str, Any]
    display: str
    lined: LinedYaml | None = None
    """The parsed file, for messages that name a line of the mapping."""

    @property
    def general(self) -> bool:
        """Whether this is a general mapping (any measure, long or wide, several files)."""
        return is_general(self.data)

    def line_of(self, path: list[str | int]) -> int | None:
        """The line of a field of the mapping."""
        return self.lined.line_of(path) if self.lined is not None else None


def load_mapping(path: Path, project_root: Path) -> Mapping_:
    """Read and validate a mapping file (its district settings as _district.yml's)."""
    shown = display_path(path, project_root)
    if not path.exists():
        raise InputError(
            shown,
            "this mapping file does not exist; expected the YAML file that says which column "
            "of the state's file holds what, such as content/_data/import/ct-smarter-balanced.yml.",
        )
    lined = read_lined_file(path, shown)
    if lined.data is None:
        raise InputError(
            shown,
            "this mapping file is empty; expected the columns of the state's file as `key: "
            "value` lines (copy content/_data/import/ct-smarter-balanced.yml and change it).",
        )
    district = lined.data.get("district") if isinstance(lined.data, dict) else None
    if isinstance(district, dict) and hasattr(district.get("published"), "isoformat"):
        district["published"] = district["published"].isoformat()
    if is_general(lined.data):
        schema_error(lined, general_schema(_DISTRICT_IN_MAPPING))
        check_general(lined, shown)
    else:
        schema_error(lined, MAPPING_SCHEMA)
    # What the mapping sends to the published files is read like school data.
    for part in ("source", "district"):
        if part in lined.data:
            refuse_student_data(lined, (part,))
    settings = lined.data["district"]
    if settings.get("small_count", 2) >= settings["min_n"]:
        raise InputError(
            shown,
            f"`district.small_count` ({settings.get('small_count', 2)}) must be smaller than "
            f"`district.min_n` ({settings['min_n']}).",
            line=lined.line_of(["district", "small_count"]),
        )
    if is_general(lined.data):
        return Mapping_(lined.data, shown, lined)
    if "grade" not in lined.data["columns"] and not settings.get("tested_grades"):
        raise InputError(
            shown,
            "`columns.grade` is missing, so the grades of each school are unknown; expected "
            "the column with the grade, or `tested_grades:` under `district:`.",
            line=lined.line_of(["columns"]),
        )
    return Mapping_(lined.data, shown, lined)


def check_general(lined: LinedYaml, shown: str) -> None:
    """What the schema cannot say about a general mapping's parts, one line each."""
    for path, part in parts_of(lined.data):
        where = "the mapping" if not path else f"`files[{path[1]}]`"
        columns = part.get("columns", {})
        if part.get("names_only"):
            if "name" not in columns:
                raise InputError(
                    shown,
                    f"{where} has `names_only: true` but no `columns.name`; expected the "
                    "column with each school's name.",
                    line=lined.line_of([*path, "columns"]),
                )
            continue
        if not part.get("measures") and not part.get("subjects"):
            raise InputError(
                shown,
                f"{where} reads no figures; expected `measures:` (such as `chronic_absence:`) "
                "or `subjects:`, or `names_only: true` for a file that only names schools.",
                line=lined.line_of(path) or 1,
            )
        layout = part.get("layout", "long")
        for name, spec in (part.get("measures") or {}).items():
            by_group = "all" in spec
            if layout == "long" and by_group:
                raise InputError(
                    shown,
                    f"{where}: `measures.{name}` lists columns per group, but the layout is long "
                    "(one row per group); expected `count:` and `students:` or `percent:`, or "
                    "`layout: wide`.",
                    line=lined.line_of([*path, "measures", name]),
                )
            if layout == "wide" and not by_group:
                raise InputError(
                    shown,
                    f"{where}: `measures.{name}` has no `all:`; a wide file has columns per "
                    "group, so expected `all: {students: ..., count: ...}` and one entry per group.",
                    line=lined.line_of([*path, "measures", name]),
                )
            for group, cols in spec.items() if by_group else [("", spec)]:
                if "count" not in cols and "percent" not in cols:
                    at = [*path, "measures", name, *([group] if group else [])]
                    raise InputError(
                        shown,
                        f"{where}: `measures.{name}{'.' + group if group else ''}` names no "
                        "`count:` or `percent:` column; expected the column with the number of "
                        "students counted, or the percentage the state gives.",
                        line=lined.line_of(at),
                    )
        if layout == "long" and part.get("subjects"):
            raise InputError(
                shown,
                f"{where}: `subjects:` needs `layout: wide`; a long file of test results (one "
                "row per school, grade and subject) is read by the assessment mapping, such as "
                "content/_data/import/ct-smarter-balanced.yml.",
                line=lined.line_of([*path, "subjects"]),
            )
        if layout == "long" and ("group" in columns) == ("grade" in columns):
            raise InputError(
                shown,
                f"{where}: a long file needs one of `columns.group` (with `groups:`) or "
                "`columns.grade`: the column that says which group or grade each row is for.",
                line=lined.line_of([*path, "columns"]),
            )
        if "group" in columns and not part.get("groups"):
            raise InputError(
                shown,
                f"{where} has `columns.group` but no `groups:`; expected the file's group "
                "values and Homeroom's names, such as `Black or African American: black`.",
                line=lined.line_of([*path, "columns", "group"]),
            )
