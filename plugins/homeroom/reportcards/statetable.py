"""Check every row of a state's results file and gather what each school's rows hold.

Values the state hid stay hidden (``None``). Every row is checked with the same counts and
the same student-data rules as the data loader; every row that cannot be used is reported
with its line, and if there is any, the whole file is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from homeroom.model.errors import InputError
from homeroom.reportcards.mappingfile import Mapping_
from homeroom.reportcards.safewrite import Refused
from homeroom.reportcards.statefile import CsvRow
from homeroom.reportcards.studentdata import FieldKind, find_in_text, safe_repr

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
#: Longest school name the importer writes.
MAX_NAME = 150


def norm(text: str) -> str:
    """Text compared loosely: runs of spaces made one space, in lower case."""
    return re.sub(r"\s+", " ", text).strip().lower()


def clean_cell(value: str) -> str:
    """A cell without Excel's ``="0123"`` quoting, with runs of spaces made one space."""
    value = re.sub(r"\s+", " ", value).strip()
    match = _EXCEL_QUOTED.match(value)
    return match.group(1).strip() if match else value


def find_header(
    rows: Sequence[CsvRow], header: Mapping[str, Any], shown: str, display: str
) -> tuple[int, list[str], list[str]]:
    """(index of the header row, its names, the names with the row above joined in)."""
    find = norm(header["find"])
    for index, row in enumerate(rows):
        names = [clean_cell(c) for c in row.cells]
        if find in (norm(n) for n in names):
            above: list[str] = [""] * len(names)
            if header.get("rows", 1) == 2 and index > 0:
                carried = ""
                for col, cell in enumerate(rows[index - 1].cells[: len(names)]):
                    carried = clean_cell(cell) or carried
                    above[col] = carried
            joined = [f"{a} {n}".strip() if a else n for a, n in zip(above, names, strict=True)]
            return index, names, joined
    raise InputError(
        shown,
        f"no header row with a cell {safe_repr(header['find'])}; expected the "
        f"column names the mapping {display} describes (is this the file it is for, "
        "saved as CSV?).",
    )


def find_column(
    names: Sequence[str], joined: Sequence[str], wanted: str, shown: str, display: str
) -> int:
    """The index of the one column called ``wanted`` (in the joined names, else the names)."""
    target = norm(wanted)
    for options in (joined, names):
        hits = [i for i, n in enumerate(options) if norm(n) == target]
        if len(hits) == 1:
            return hits[0]
    listed = ", ".join(repr(n) for n in names if n)
    if len(listed) > 400:
        listed = listed[:400] + " ..."
    raise InputError(
        shown,
        f"no single column called {wanted!r} (named in {display}); expected one of: {listed}.",
    )


def grade_of(text: str) -> str:
    """A grade as Homeroom writes it: '03' and 'Grade 3' are '3', 'KG' is 'K'."""
    text = re.sub(r"^(?:grade|gr\.?)\s*", "", text.strip(), flags=re.I)
    if text.isdigit():
        return str(int(text))
    return _GRADE_WORDS.get(text.lower(), text)


def row_data(tested: int | None, levels: Sequence[int | None], met: int | None) -> dict[str, Any]:
    """One row as a school file writes it (``met`` only when levels 3 or 4 are hidden)."""
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
class Table:
    """What the rows of a state file hold, once every row is checked."""

    names: dict[str, str] = field(default_factory=dict)  # code -> name
    first_line: dict[str, int] = field(default_factory=dict)  # code -> line
    results: dict[str, dict[str, dict[str, dict[str, Any]]]] = field(default_factory=dict)
    lines: dict[tuple[str, str, str], int] = field(default_factory=dict)
    used: int = 0
    skipped: int = 0
    hidden: int = 0
    skipped_lines: list[int] = field(default_factory=list)


def read_table(rows: list[CsvRow], mapping: Mapping_, shown: str) -> Table:
    """Check every row; return what they hold, or raise :class:`Refused` listing every bad row."""
    start, names, joined = find_header(rows, mapping.data["header"], shown, mapping.display)
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
        return find_column(names, joined, cols[key], shown, mapping.display)

    at = {key: find(key) for key in ("id", "name", "subject", "tested")}
    grade_col = find("grade") if cols.get("grade") else None
    level_cols = [find_column(names, joined, c, shown, mapping.display) for c in cols["levels"]]
    met_col = find("met") if cols.get("met") else None
    hidden_markers = {norm(v) for v in mapping.data["suppressed"]}
    subjects = {norm(k): v for k, v in mapping.data["subjects"].items()}
    skip = mapping.data.get("skip") or {}
    skip_subjects = {norm(v) for v in skip.get("subjects", [])}
    skip_grades = {norm(v) for v in skip.get("grades", [])}
    markers = sorted(mapping.data["suppressed"])

    def column_name(col: int) -> str:
        return f"column {col + 1} ({safe_repr(names[col] or joined[col])})"

    def count(cells: list[str], col: int) -> int | None:
        value = clean_cell(cells[col])
        if norm(value) in hidden_markers:
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
        subject = subjects.get(norm(raw_subject))
        raw_grade = clean_cell(cells[grade_col]) if grade_col is not None else ""
        if norm(raw_subject) in skip_subjects or (
            grade_col is not None and norm(raw_grade) in skip_grades
        ):
            table.skipped += 1
            table.skipped_lines.append(row.line)
            return
        if subject is None:
            raise _BadRow(
                f"the subject {safe_repr(raw_subject)} is not in {mapping.display}; add it "
                "under `subjects:` (such as `Science: science`), or under `skip: subjects:` "
                "to leave these rows out"
            )
        grade = grade_of(raw_grade) if grade_col is not None else "all"
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
        table.results.setdefault(code, {}).setdefault(subject, {})[grade] = row_data(
            tested, levels, met
        )
        table.hidden += sum(v is None for v in (tested, *levels)) + (
            met is None and met_col is not None
        )
        table.used += 1

    table = Table()
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
