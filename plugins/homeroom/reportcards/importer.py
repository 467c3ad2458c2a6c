"""Turn a state's published results file (CSV) into school data files.

A mapping file (YAML, one per state file layout) says which columns hold what, which
cell values mean "hidden by the state", and how to find the header among title rows.
Values the state hid stay hidden (``null``): the privacy engine then also hides whatever
would let them be worked out.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.errors import InputError
from homeroom.reportcards.model import DISTRICT_FILE, LEVELS, SCHOOL_LEVELS, SUBJECTS, _schema_error
from homeroom.reportcards.yamllines import read_lined_file
from homeroom.sources import display_path

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
        "suppressed": {
            "type": "array",
            "items": {"type": "string"},
            "description": "the cell values that mean 'hidden by the state', such as ['*', '', '-9999']",
        },
        "district": {
            "type": "object",
            "description": "settings for the _district.yml file written next to the schools",
        },
    },
    "required": ["year", "header", "columns", "subjects", "suppressed", "district"],
    "additionalProperties": False,
}

_STUDENT_COLUMN = re.compile(
    r"student\s*(name|id|number)|first\s*name|last\s*name|birth|\bdob\b|\bssn\b", re.I
)
_EXCEL_QUOTED = re.compile(r'^="(.*)"$')


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def clean_cell(value: str) -> str:
    """A cell without Excel's ``="0123"`` quoting and surrounding spaces."""
    value = value.strip()
    match = _EXCEL_QUOTED.match(value)
    return match.group(1).strip() if match else value


@dataclass(frozen=True)
class Mapping_:
    """A validated mapping file."""

    data: Mapping[str, Any]
    display: str


def load_mapping(path: Path, project_root: Path) -> Mapping_:
    """Read and validate a mapping file."""
    shown = display_path(path, project_root)
    lined = read_lined_file(path, shown)
    _schema_error(lined, MAPPING_SCHEMA)
    return Mapping_(lined.data, shown)


def _header(
    rows: list[list[str]], mapping: Mapping_, shown: str
) -> tuple[int, list[str], list[str]]:
    """(index of the header row, its names, the names with the row above joined in)."""
    find = _norm(mapping.data["header"]["find"])
    for index, row in enumerate(rows):
        names = [clean_cell(c) for c in row]
        if find in (_norm(n) for n in names):
            above: list[str] = [""] * len(names)
            if mapping.data["header"].get("rows", 1) == 2 and index > 0:
                carried = ""
                for col, cell in enumerate(rows[index - 1][: len(names)]):
                    carried = clean_cell(cell) or carried
                    above[col] = carried
            joined = [f"{a} {n}".strip() if a else n for a, n in zip(above, names, strict=True)]
            return index, names, joined
    raise InputError(
        shown,
        f"no header row with a cell {mapping.data['header']['find']!r}; expected the column "
        f"names the mapping {mapping.display} describes.",
    )


def _column(
    names: Sequence[str], joined: Sequence[str], wanted: str, shown: str, mapping: Mapping_
) -> int:
    target = _norm(wanted)
    for options in (joined, names):
        hits = [i for i, n in enumerate(options) if _norm(n) == target]
        if len(hits) == 1:
            return hits[0]
    raise InputError(
        shown,
        f"no single column called {wanted!r} (named in {mapping.display}); expected one of: "
        + ", ".join(repr(n) for n in names if n),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _grade(text: str) -> str:
    text = text.strip()
    return str(int(text)) if text.isdigit() else text


def _sum(values: Sequence[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _row(tested: int | None, levels: Sequence[int | None], met: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {"tested": tested, "levels": list(levels)}
    if met is not None and (levels[2] is None or levels[3] is None):
        row["met"] = met
    return row


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    files: tuple[Path, ...]
    entities: int
    rows: int
    hidden_by_state: int


def import_csv(file: Path, mapping_path: Path, out: Path, project_root: Path) -> ImportResult:
    """Read the state file with the mapping and write one data file per school (or district)."""
    mapping = load_mapping(mapping_path, project_root)
    shown = display_path(file, project_root)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(shown, "this file does not exist.") from None
    except UnicodeDecodeError:
        text = file.read_bytes().decode("cp1252")
    rows = list(csv.reader(io.StringIO(text)))
    start, names, joined = _header(rows, mapping, shown)
    for col, name in enumerate(joined):
        if _STUDENT_COLUMN.search(name):
            raise InputError(
                shown,
                f"column {col + 1} ({name!r}) looks like data about single students. Import only "
                "published totals for groups: never student names, ID numbers or birth dates.",
                line=start + 1,
            )
    cols = mapping.data["columns"]
    at = {
        key: _column(names, joined, cols[key], shown, mapping)
        for key in ("id", "name", "subject", "tested")
    }
    grade_col = _column(names, joined, cols["grade"], shown, mapping) if cols.get("grade") else None
    level_cols = [_column(names, joined, c, shown, mapping) for c in cols["levels"]]
    met_col = _column(names, joined, cols["met"], shown, mapping) if cols.get("met") else None
    hidden_markers = {_norm(v) for v in mapping.data["suppressed"]}
    subjects = {_norm(k): v for k, v in mapping.data["subjects"].items()}
    hidden_count = 0

    def number(value: str, line: int, column: int) -> int | None:
        nonlocal hidden_count
        value = clean_cell(value)
        if _norm(value) in hidden_markers:
            hidden_count += 1
            return None
        try:
            return int(float(value.replace(",", "")))
        except ValueError:
            raise InputError(
                shown,
                f"column {column + 1} ({names[column]!r}) holds {value!r}; expected a number or "
                f"one of the hidden markers {sorted(mapping.data['suppressed'])} listed in {mapping.display}.",
                line=line,
            ) from None

    entities: dict[str, dict[str, Any]] = {}
    results: dict[str, dict[str, dict[str, dict[str, Any]]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    used = 0
    for index, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < len(names):
            raise InputError(
                shown,
                f"this row has {len(row)} cells; expected {len(names)} like the header.",
                line=index,
            )
        code = clean_cell(row[at["id"]])
        subject = subjects.get(_norm(clean_cell(row[at["subject"]])))
        if subject is None:
            continue  # a subject the report cards do not show
        entity = entities.setdefault(code, {"code": code, "name": clean_cell(row[at["name"]])})
        grade = _grade(clean_cell(row[grade_col])) if grade_col is not None else "all"
        levels = [number(row[c], index, c) for c in level_cols]
        met = number(row[met_col], index, met_col) if met_col is not None else None
        results[code][subject][grade] = _row(
            number(row[at["tested"]], index, at["tested"]), levels, met
        )
        used += 1
        del entity
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    ids: set[str] = set()
    for code, entity in sorted(entities.items(), key=lambda e: e[1]["name"]):
        school_id = _slug(entity["name"]) or _slug(code)
        if school_id in ids:
            school_id = f"{school_id}-{_slug(code)}"
        ids.add(school_id)
        assessments: dict[str, Any] = {}
        grades_seen: set[str] = set()
        for subject, by_grade in results[code].items():
            grades = dict(sorted(by_grade.items(), key=lambda g: (len(g[0]), g[0])))
            grades_seen.update(grades)
            tested = _sum([g["tested"] for g in grades.values()])
            levels = [_sum([g["levels"][i] for g in grades.values()]) for i in range(len(LEVELS))]
            met = _sum([g.get("met", _sum(g["levels"][2:])) for g in grades.values()])
            subject_data: dict[str, Any] = {"groups": {"all": _row(tested, levels, met)}}
            if len(grades) >= 2:
                subject_data["grades"] = grades
            assessments[subject] = subject_data
        data = {
            "id": school_id,
            "name": entity["name"],
            "level": mapping.data.get("level", "other"),
            "grades": sorted(grades_seen, key=lambda g: (len(g), g)),
            "year": mapping.data["year"],
            "enrolment": None,
            "assessments": assessments,
            "source": mapping.data.get("source", ""),
        }
        path = out / f"{school_id}.yml"
        header = f"# Imported from {file.name} with {mapping_path.name} (code {code}).\n# null: hidden by the state.\n"
        path.write_text(
            header
            + yaml.safe_dump(
                data, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
            ),
            encoding="utf-8",
        )
        written.append(path)
    district = {"year": mapping.data["year"], **mapping.data["district"]}
    district_path = out / DISTRICT_FILE
    district_path.write_text(
        f"# Settings for report cards imported from {file.name}.\n"
        + yaml.safe_dump(district, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return ImportResult(tuple([district_path, *written]), len(entities), used, hidden_count)
