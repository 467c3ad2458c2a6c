"""One cell of a state file as a count, a percentage, a code, a name or a school year.

Each problem is a :class:`BadRow` saying what the cell holds and what was expected; the
caller adds the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from homeroom.reportcards.statetable import clean_cell, norm
from homeroom.reportcards.studentdata import FieldKind, find_in_text, safe_repr

_COUNT = re.compile(r"(-)?(\d+)(?:\.(\d+))?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PERCENT = re.compile(r"(-)?(\d+(?:\.(\d+))?)\s*%?")
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\s*$")
#: Longest school name the importer writes.
MAX_NAME = 150


class BadRow(Exception):
    """Why one row cannot be used (caught per row; every bad row is reported)."""


def school_year(text: str) -> str | None:
    """'2020-21' from '2020-21', '2020-2021' or '2020/21'; ``None`` if it is no school year."""
    match = _YEAR.match(text)
    if match is None:
        return None
    start, end = int(match.group(1)), match.group(2)
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    if end_year != start + 1:
        return None
    return f"{start}-{end_year % 100:02d}"


class Cells:
    """The columns of one file's header and its hidden markers, to read its cells."""

    def __init__(
        self, names: Sequence[str], joined: Sequence[str], markers: Sequence[str], display: str
    ) -> None:
        """Read cells of a file whose header has ``names`` (``joined`` with the row above)."""
        self.names = list(names)
        self.joined = list(joined)
        self.markers = {norm(m) for m in markers}
        self.shown_markers = sorted(markers)
        self.display = display

    def column(self, col: int) -> str:
        """How a message names column ``col``."""
        return f"column {col + 1} ({safe_repr(self.names[col] or self.joined[col])})"

    def check_width(self, cells: Sequence[str], header_line: int) -> None:
        """A row with fewer or more cells than the header is misread: stop at it."""
        if len(cells) < len(self.names):
            raise BadRow(
                f"this row has {len(cells)} cells; expected {len(self.names)} like the header "
                f"(line {header_line}). A cell may hold a comma without quotes around it"
            )
        if any(c.strip() for c in cells[len(self.names) :]):
            raise BadRow(
                f"this row has {len(cells)} cells, more than the {len(self.names)} of the "
                f"header (line {header_line}). A cell may hold a comma without quotes around it"
            )

    def hidden(self, value: str) -> bool:
        """Whether ``value`` is one of the file's hidden markers."""
        return norm(value) in self.markers

    def decimals(self, cells: Sequence[str], col: int) -> int:
        """How many decimals the cell is written with."""
        value = clean_cell(cells[col]).rstrip("%").strip()
        return len(value.split(".", 1)[1]) if "." in value else 0

    def code(self, cells: Sequence[str], col: int) -> str:
        """A school's code: never empty, never what looks like a student's data."""
        return self._text(cells, col, FieldKind.CODE, "the school's or district's code")

    def name(self, cells: Sequence[str], col: int) -> str:
        """A school's name, at most :data:`MAX_NAME` characters."""
        name = self._text(cells, col, FieldKind.TEXT, "the school's or district's name")
        if len(name) > MAX_NAME:
            raise BadRow(
                f"{self.column(col)} holds a name of {len(name)} characters; expected a "
                f"school's name of at most {MAX_NAME}"
            )
        return name

    def _text(self, cells: Sequence[str], col: int, kind: FieldKind, what: str) -> str:
        value = clean_cell(cells[col])
        if not value:
            raise BadRow(f"{self.column(col)} is empty; expected {what}")
        hit = find_in_text(value, kind)
        if hit is not None:
            raise BadRow(
                f"{self.column(col)} holds what looks like {hit.what}. Report cards are public: "
                "import only a state's published totals for groups of students, never a file "
                "with student names, ID numbers or birth dates"
            )
        if any(unicodedata.category(ch) == "Cc" for ch in value):
            raise BadRow(f"{self.column(col)} holds invisible control characters; expected {what}")
        return value


def parse_count(cells: Cells, values: Sequence[str], col: int) -> int | None:
    """A whole number of students, or ``None`` for a hidden marker."""
    value = clean_cell(values[col])
    if cells.hidden(value):
        return None
    text = value.replace(",", "") if _THOUSANDS.fullmatch(value) else value
    match = _COUNT.fullmatch(text)
    if match is None:
        raise BadRow(
            f"{cells.column(col)} holds {safe_repr(value)}; expected a number of students or "
            f"one of the hidden markers {cells.shown_markers} listed in {cells.display}"
        )
    if match.group(1):
        raise BadRow(
            f"{cells.column(col)} holds {safe_repr(value)}, below zero; expected a number of "
            f"students, 0 or more, or one of the hidden markers {cells.shown_markers}"
        )
    if match.group(3) and match.group(3).strip("0"):
        raise BadRow(
            f"{cells.column(col)} holds {safe_repr(value)}, not a whole number; expected a whole "
            "number of students. If this column is a percentage, name it under `percent:`, "
            "not `count:` or `students:`"
        )
    return int(match.group(2))


def parse_percent(cells: Cells, values: Sequence[str], col: int) -> float | None:
    """A percentage from 0 to 100, or ``None`` for a hidden marker."""
    value = clean_cell(values[col])
    if cells.hidden(value):
        return None
    match = _PERCENT.fullmatch(value)
    if match is None or match.group(1) or float(match.group(2)) > 100:
        raise BadRow(
            f"{cells.column(col)} holds {safe_repr(value)}; expected a percentage from 0 to "
            f"100, or one of the hidden markers {cells.shown_markers} listed in {cells.display}"
        )
    return float(match.group(2))


def measure_row(
    cells: Cells, values: list[str], cols: Mapping[str, str], col: Callable[[str], int]
) -> dict[str, Any]:
    """One measure row as a school file writes it: students, count, or the state's percent."""
    row: dict[str, Any] = {}
    if "students" in cols:
        row["students"] = parse_count(cells, values, col(cols["students"]))
    if "count" in cols:
        row["count"] = parse_count(cells, values, col(cols["count"]))
    if "percent" in cols and "students" not in cols:
        row["percent"] = parse_percent(cells, values, col(cols["percent"]))
    if "students" in row and "count" not in row:
        row["count"] = None
    students, count = row.get("students"), row.get("count")
    if students is not None and count is not None and count > students:
        raise BadRow(
            f"{row['count']} students counted but only {row['students']} in the group; "
            "expected a part of the whole"
        )
    return row


def result_row(
    cells: Cells, values: list[str], cols: Mapping[str, Any], col: Callable[[str], int]
) -> dict[str, Any]:
    """One group's test results: tested, levels, met (or the state's share met), enrolled."""
    tested = parse_count(cells, values, col(cols["tested"]))
    levels: list[int | None] = [None, None, None, None]
    if "levels" in cols:
        levels = [parse_count(cells, values, col(c)) for c in cols["levels"]]
    met: int | None = None
    if "met" in cols:
        met = parse_count(cells, values, col(cols["met"]))
    row: dict[str, Any] = {"tested": tested, "levels": levels}
    if "met" in cols:
        row["met"] = met
    elif "met_percent" in cols:
        # The state's share met, as it gave it: its denominator (students with a score) is
        # not in the file, so no count is worked out from it.
        row["met_percent"] = parse_percent(cells, values, col(cols["met_percent"]))
    if "enrolled" in cols:
        enrolled = parse_count(cells, values, col(cols["enrolled"]))
        if enrolled is not None and tested is not None and tested > enrolled:
            raise BadRow(
                f"{tested} students tested but only {enrolled} enrolled; expected no more "
                "tested than the students who should take the test"
            )
        if enrolled is not None:
            row["enrolled"] = enrolled
    return row
