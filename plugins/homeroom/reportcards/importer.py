"""Turn a state's published results file (CSV) into school data files.

A mapping file (YAML, one per state file layout) says which columns hold what, which
cell values mean "hidden by the state", which rows to leave out, and how to find the
header among title rows. Values the state hid stay hidden (``null``): the privacy engine
then also hides whatever would let them be worked out.

Nothing is half-imported: every row is checked first (the same counts and the same
student-data rules as the data loader), every row that cannot be used is reported with its
line, and if there is any, nothing is written. The files written are then checked exactly
as the build reads them, and :mod:`homeroom.reportcards.safewrite` never writes over a
file someone edited.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.sources import display_path
from homeroom.data.yamllines import read_lined_file, read_lined_yaml
from homeroom.model.errors import InputError
from homeroom.reportcards.model import (
    DISTRICT_FILE,
    DISTRICT_SCHEMA,
    LEVELS,
    SCHOOL_LEVELS,
    SUBJECTS,
    _schema_error,
    district_from_yaml,
    school_from_yaml,
)
from homeroom.reportcards.safewrite import Refused, Written, check_out_folder, marked, plan, write
from homeroom.reportcards.statefile import CsvRow, read_rows, read_state_text
from homeroom.reportcards.studentdata import (
    FieldKind,
    find_in_text,
    refuse_student_data,
    safe_repr,
)

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

_STUDENT_COLUMN = re.compile(
    r"student\s*(name|id|number)|first\s*name|last\s*name|birth|\bdob\b|\bssn\b", re.I
)
_EXCEL_QUOTED = re.compile(r'^="(.*)"$')
_COUNT = re.compile(r"(-)?(\d+)(?:\.(\d+))?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: Grades a report card knows, in order.
GRADE_ORDER = ("PK", "TK", "K", *(str(n) for n in range(1, 13)))
_GRADE_WORDS = {
    "k": "K",
    "kg": "K",
    "kindergarten": "K",
    "pk": "PK",
    "prek": "PK",
    "pre-k": "PK",
    "prekindergarten": "PK",
    "tk": "TK",
}
#: Longest school name and file name the importer writes.
MAX_NAME, MAX_ID = 150, 100


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def clean_cell(value: str) -> str:
    """A cell without Excel's ``="0123"`` quoting, with runs of spaces made one space."""
    value = re.sub(r"\s+", " ", value).strip()
    match = _EXCEL_QUOTED.match(value)
    return match.group(1).strip() if match else value


@dataclass(frozen=True)
class Mapping_:
    """A validated mapping file."""

    data: Mapping[str, Any]
    display: str


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
    _schema_error(lined, MAPPING_SCHEMA)
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
    if "grade" not in lined.data["columns"] and not settings.get("tested_grades"):
        raise InputError(
            shown,
            "`columns.grade` is missing, so the grades of each school are unknown; expected "
            "the column with the grade, or `tested_grades:` under `district:`.",
            line=lined.line_of(["columns"]),
        )
    return Mapping_(lined.data, shown)


def _header(
    rows: Sequence[CsvRow], mapping: Mapping_, shown: str
) -> tuple[int, list[str], list[str]]:
    """(index of the header row, its names, the names with the row above joined in)."""
    find = _norm(mapping.data["header"]["find"])
    for index, row in enumerate(rows):
        names = [clean_cell(c) for c in row.cells]
        if find in (_norm(n) for n in names):
            above: list[str] = [""] * len(names)
            if mapping.data["header"].get("rows", 1) == 2 and index > 0:
                carried = ""
                for col, cell in enumerate(rows[index - 1].cells[: len(names)]):
                    carried = clean_cell(cell) or carried
                    above[col] = carried
            joined = [f"{a} {n}".strip() if a else n for a, n in zip(above, names, strict=True)]
            return index, names, joined
    raise InputError(
        shown,
        f"no header row with a cell {safe_repr(mapping.data['header']['find'])}; expected the "
        f"column names the mapping {mapping.display} describes (is this the file it is for, "
        "saved as CSV?).",
    )


def _column(
    names: Sequence[str], joined: Sequence[str], wanted: str, shown: str, mapping: Mapping_
) -> int:
    target = _norm(wanted)
    for options in (joined, names):
        hits = [i for i, n in enumerate(options) if _norm(n) == target]
        if len(hits) == 1:
            return hits[0]
    listed = ", ".join(repr(n) for n in names if n)
    if len(listed) > 400:
        listed = listed[:400] + " ..."
    raise InputError(
        shown,
        f"no single column called {wanted!r} (named in {mapping.display}); expected one of: "
        f"{listed}.",
    )


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_ID].strip("-")


def _grade(text: str) -> str:
    """A grade as Homeroom writes it: '03' and 'Grade 3' are '3', 'KG' is 'K'."""
    text = re.sub(r"^(?:grade|gr\.?)\s*", "", text.strip(), flags=re.I)
    if text.isdigit():
        return str(int(text))
    return _GRADE_WORDS.get(text.lower(), text)


def _grade_key(grade: str) -> tuple[int, str]:
    return (GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER), grade)


def _sum(values: Sequence[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _row(tested: int | None, levels: Sequence[int | None], met: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {"tested": tested, "levels": list(levels)}
    if met is not None and (levels[2] is None or levels[3] is None):
        row["met"] = met
    return row


class _BadRow(Exception):
    """Why one row cannot be used (caught per row; every bad row is reported)."""


def _row_counts_problem(tested: int | None, levels: Sequence[int | None], met: int | None) -> str:
    """What is wrong with one row's counts, as the data loader would say it ('' if nothing)."""
    if tested is not None and all(v is not None for v in levels):
        total = sum(v for v in levels if v is not None)
        if total != tested:
            return (
                f"the four levels add up to {total}, but the number tested is {tested}; "
                "expected levels that add up to the number tested"
            )
    for value in (*levels, met):
        if value is not None and tested is not None and value > tested:
            return (
                f"{value} students at one level but only {tested} tested; expected no more "
                "than the number tested"
            )
    three, four = levels[2], levels[3]
    if met is not None and three is not None and four is not None and met != three + four:
        return (
            f"levels 3 and 4 together are {met}, but the two levels add up to "
            f"{three + four}; expected them to agree"
        )
    return ""


@dataclass
class _Table:
    """What the rows of a state file hold, once every row is checked."""

    names: dict[str, str] = field(default_factory=dict)  # code -> name
    first_line: dict[str, int] = field(default_factory=dict)  # code -> line
    results: dict[str, dict[str, dict[str, dict[str, Any]]]] = field(default_factory=dict)
    lines: dict[tuple[str, str, str], int] = field(default_factory=dict)
    used: int = 0
    skipped: int = 0
    hidden: int = 0


def _read_table(rows: list[CsvRow], mapping: Mapping_, shown: str) -> _Table:
    """Check every row; return what they hold, or raise :class:`Refused` listing every bad row."""
    start, names, joined = _header(rows, mapping, shown)
    header_line = rows[start].line
    for col, name in enumerate(joined):
        if _STUDENT_COLUMN.search(name):
            raise InputError(
                shown,
                f"column {col + 1} ({name!r}) looks like data about single students. Import only "
                "published totals for groups: never student names, ID numbers or birth dates.",
                line=header_line,
            )
    cols = mapping.data["columns"]

    def find(key: str) -> int:
        return _column(names, joined, cols[key], shown, mapping)

    at = {key: find(key) for key in ("id", "name", "subject", "tested")}
    grade_col = find("grade") if cols.get("grade") else None
    level_cols = [_column(names, joined, c, shown, mapping) for c in cols["levels"]]
    met_col = find("met") if cols.get("met") else None
    hidden_markers = {_norm(v) for v in mapping.data["suppressed"]}
    subjects = {_norm(k): v for k, v in mapping.data["subjects"].items()}
    skip = mapping.data.get("skip") or {}
    skip_subjects = {_norm(v) for v in skip.get("subjects", [])}
    skip_grades = {_norm(v) for v in skip.get("grades", [])}
    markers = sorted(mapping.data["suppressed"])

    def column_name(col: int) -> str:
        return f"column {col + 1} ({safe_repr(names[col] or joined[col])})"

    def count(cells: list[str], col: int) -> int | None:
        value = clean_cell(cells[col])
        if _norm(value) in hidden_markers:
            return None
        text = value.replace(",", "") if _THOUSANDS.fullmatch(value) else value
        match = _COUNT.fullmatch(text)
        if match is None:
            raise _BadRow(
                f"{column_name(col)} holds {safe_repr(value)}; expected a number of students "
                f"or one of the hidden markers {markers} listed in {mapping.display}"
            )
        if match.group(1):
            raise _BadRow(
                f"{column_name(col)} holds {safe_repr(value)}, below zero; expected a number "
                f"of students, 0 or more, or one of the hidden markers {markers} listed in "
                f"{mapping.display}"
            )
        if match.group(3) and match.group(3).strip("0"):
            raise _BadRow(
                f"{column_name(col)} holds {safe_repr(value)}, not a whole number; expected "
                "a whole number of students"
            )
        return int(match.group(2))

    def text_cell(cells: list[str], col: int, kind: FieldKind, what: str) -> str:
        value = clean_cell(cells[col])
        if not value:
            raise _BadRow(f"{column_name(col)} is empty; expected {what}")
        hit = find_in_text(value, kind)
        if hit is not None:
            raise _BadRow(
                f"{column_name(col)} holds what looks like {hit.what}. Report cards are public: "
                "import only a state's published totals for groups of students, never a file "
                "with student names, ID numbers or birth dates"
            )
        if any(unicodedata.category(ch) == "Cc" for ch in value):
            raise _BadRow(f"{column_name(col)} holds invisible control characters; expected {what}")
        return value

    def read_row(row: CsvRow) -> None:
        cells = row.cells
        if len(cells) < len(names):
            raise _BadRow(
                f"this row has {len(cells)} cell{'s' if len(cells) != 1 else ''}; expected "
                f"{len(names)} like the header (line "
                f"{header_line}). A cell may hold a comma without quotes around it"
            )
        if any(c.strip() for c in cells[len(names) :]):
            raise _BadRow(
                f"this row has {len(cells)} cells, more than the {len(names)} of the header "
                f"(line {header_line}). A cell may hold a comma without quotes around it"
            )
        code = text_cell(cells, at["id"], FieldKind.CODE, "the school's or district's code")
        name = text_cell(cells, at["name"], FieldKind.TEXT, "the school's or district's name")
        if len(name) > MAX_NAME:
            raise _BadRow(
                f"{column_name(at['name'])} holds a name of {len(name)} characters; expected "
                f"a school's name of at most {MAX_NAME}"
            )
        raw_subject = clean_cell(cells[at["subject"]])
        subject = subjects.get(_norm(raw_subject))
        raw_grade = clean_cell(cells[grade_col]) if grade_col is not None else ""
        if _norm(raw_subject) in skip_subjects or (
            grade_col is not None and _norm(raw_grade) in skip_grades
        ):
            table.skipped += 1
            return
        if subject is None:
            raise _BadRow(
                f"the subject {safe_repr(raw_subject)} is not in {mapping.display}; add it "
                "under `subjects:` (such as `Science: science`), or under `skip: subjects:` "
                "to leave these rows out"
            )
        grade = _grade(raw_grade) if grade_col is not None else "all"
        if grade_col is not None and grade not in GRADE_ORDER:
            raise _BadRow(
                f"the grade {safe_repr(raw_grade)} is not one Homeroom knows; expected K or 1 "
                "to 12. If these rows repeat the others (such as a total of all grades), list "
                f"{safe_repr(raw_grade)} under `skip: grades:` in {mapping.display}"
            )
        known = table.names.get(code)
        if known is not None and known != name:
            raise _BadRow(
                f"the code {safe_repr(code)} is called {safe_repr(known)} on line "
                f"{table.first_line[code]} but {safe_repr(name)} here; expected one name per code"
            )
        key = (code, subject, grade)
        if key in table.lines:
            raise _BadRow(
                f"this row repeats line {table.lines[key]}: the same school, subject and grade; "
                "expected one row each"
            )
        tested = count(cells, at["tested"])
        levels = [count(cells, c) for c in level_cols]
        met = count(cells, met_col) if met_col is not None else None
        problem = _row_counts_problem(tested, levels, met)
        if problem:
            raise _BadRow(problem)
        table.names.setdefault(code, name)
        table.first_line.setdefault(code, row.line)
        table.lines[key] = row.line
        table.results.setdefault(code, {}).setdefault(subject, {})[grade] = _row(
            tested, levels, met
        )
        table.hidden += sum(v is None for v in (tested, *levels)) + (
            met is None and met_col is not None
        )
        table.used += 1

    table = _Table()
    problems: list[InputError] = []
    for row in rows[start + 1 :]:
        if not any(c.strip() for c in row.cells):
            continue
        try:
            read_row(row)
        except _BadRow as bad:
            problems.append(InputError(shown, f"{bad}.", line=row.line))
    if problems:
        problems.append(
            InputError(
                shown,
                f"{len(problems)} rows cannot be imported (each is listed above), so nothing "
                "was written. Fix them in the file or in the mapping and import again.",
            )
        )
        raise Refused(problems)
    if table.used == 0:
        skipped = (
            f", only {table.skipped} rows that `skip:` in {mapping.display} leaves out"
            if table.skipped
            else ""
        )
        raise InputError(
            shown,
            f"there are no rows of results after the header (line {header_line}){skipped}, so "
            "nothing was written; expected one row per school (or district), grade and subject.",
        )
    return table


def _files(table: _Table, mapping: Mapping_, source_name: str, mapping_name: str) -> dict[str, str]:
    """The text of every file to write (name -> text), the district settings first."""
    settings = mapping.data["district"]
    district = {"year": mapping.data["year"], **settings}
    files = {
        DISTRICT_FILE: marked(
            f"# Settings for report cards imported from {source_name}.\n"
            + yaml.safe_dump(district, sort_keys=False, allow_unicode=True),
            source_name,
        )
    }
    ids: set[str] = set()
    for code, name in sorted(table.names.items(), key=lambda e: (e[1], e[0])):
        school_id = _slug(name) or _slug(code) or "school"
        if school_id in ids:
            school_id = f"{school_id}-{_slug(code)}".strip("-")
        number = 2
        while school_id in ids:
            school_id, number = f"{school_id.rstrip('-0123456789')}-{number}", number + 1
        ids.add(school_id)
        assessments: dict[str, Any] = {}
        grades_seen: set[str] = set()
        for subject, by_grade in table.results[code].items():
            grades = dict(sorted(by_grade.items(), key=lambda g: _grade_key(g[0])))
            grades_seen.update(g for g in grades if g != "all")
            tested = _sum([g["tested"] for g in grades.values()])
            levels = [_sum([g["levels"][i] for g in grades.values()]) for i in range(len(LEVELS))]
            met = _sum([g.get("met", _sum(g["levels"][2:])) for g in grades.values()])
            subject_data: dict[str, Any] = {"groups": {"all": _row(tested, levels, met)}}
            if len(grades) >= 2:
                subject_data["grades"] = grades
            assessments[subject] = subject_data
        data = {
            "id": school_id,
            "name": name,
            "level": mapping.data.get("level", "other"),
            "grades": sorted(grades_seen, key=_grade_key)
            or [str(g) for g in settings.get("tested_grades", [])],
            "year": mapping.data["year"],
            "enrolment": None,
            "assessments": assessments,
            "source": mapping.data.get("source", ""),
        }
        header = (
            f"# Imported from {source_name} with {mapping_name} (code {code}).\n"
            "# null: hidden by the state.\n"
        )
        files[f"{school_id}.yml"] = marked(
            header
            + yaml.safe_dump(
                data, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
            ),
            source_name,
        )
    return files


def _check_as_the_build_reads(files: Mapping[str, str], out: Path, project_root: Path) -> None:
    """Every file to write passes the data loader's checks, or nothing is written."""
    problems: list[InputError] = []
    for name, text in files.items():
        shown = display_path(out / name, project_root)
        try:
            lined = read_lined_yaml(text, shown)
            if name == DISTRICT_FILE:
                district_from_yaml(lined)
            else:
                school_from_yaml(lined, name)
        except InputError as exc:
            problems.append(
                InputError(
                    exc.path,
                    f"{exc.message} (in the data this import would write; nothing was written)",
                    line=exc.line,
                )
            )
    if problems:
        raise Refused(problems)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    files: tuple[Path, ...]
    entities: int
    rows: int
    hidden_by_state: int
    skipped: int
    written: Written
    others: tuple[str, ...]  # school files already in the folder that this import did not write


def _read_bytes(file: Path, shown: str) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(
            shown, "this file does not exist; expected the state's results file (CSV)."
        ) from None
    except IsADirectoryError:
        raise InputError(
            shown, "this is a folder, not a file; expected the state's results file (CSV)."
        ) from None
    except OSError as exc:
        raise InputError(shown, f"this file cannot be read ({exc.strerror or exc}).") from None


def import_csv(
    file: Path, mapping_path: Path, out: Path, project_root: Path, *, replace: bool = False
) -> ImportResult:
    """Read the state file with the mapping and write one data file per school (or district).

    Raises :class:`~homeroom.model.errors.InputError` or :class:`Refused` (several lines) when
    anything is wrong; nothing is written then.
    """
    mapping = load_mapping(mapping_path, project_root)
    check_out_folder(out, project_root)
    shown = display_path(file, project_root)
    text = read_state_text(_read_bytes(file, shown), shown)
    find = _norm(mapping.data["header"]["find"])
    rows, _ = read_rows(text, shown, lambda cells: find in {_norm(clean_cell(c)) for c in cells})
    table = _read_table(rows, mapping, shown)
    files = _files(table, mapping, file.name, mapping_path.name)
    _check_as_the_build_reads(files, out, project_root)
    planned = plan(out, files, project_root, replace=replace, inputs=(file, mapping_path))
    written = write(planned, project_root)
    others = tuple(
        sorted(
            p.name
            for p in (out.glob("*.yml") if out.is_dir() else [])
            if p.name not in files and not p.name.startswith("_")
        )
    )
    return ImportResult(
        files=tuple(out / name for name in files),
        entities=len(table.names),
        rows=table.used,
        hidden_by_state=table.hidden,
        skipped=table.skipped,
        written=written,
        others=others,
    )
