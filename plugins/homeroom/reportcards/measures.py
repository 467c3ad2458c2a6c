"""The measures of a report card beyond test results: what each counts, and its records.

A *measure* is a share of students counted once a year: chronically absent students out
of those enrolled, graduates out of the four-year cohort, students suspended at least
once, graduates who enrolled in college. Each is given by student group and by grade,
for one or more years, as a count and the number it is out of (``students``). A state
sometimes publishes only the percentage, without the group's size: such a row keeps the
state's own suppression, is shown as the state gave it, and is never used to work out
anything else (:attr:`MeasureRow.published_only`).

What each measure means in words lives in the strings catalogs
(``measures.<id>.what`` / ``why`` / ``result``), so a district may add a measure by adding
its words and listing it under ``measures:`` in ``_district.yml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureInfo:
    """How a measure reads: whether more is better, and which schools report it."""

    better: str = "higher"  # "higher" or "lower": which way a change is good news
    high_school_only: bool = False
    kind: str = "share"
    """``share`` (a count out of students) or ``count`` (a number of students, such as
    students referred to the police, with no "out of")."""


#: The measures Homeroom knows words for; ``_district.yml`` may add more.
KNOWN_MEASURES: Mapping[str, MeasureInfo] = {
    "chronic_absence": MeasureInfo("lower"),
    "suspensions": MeasureInfo("lower"),
    "english_progress": MeasureInfo("higher"),
    "graduation": MeasureInfo("higher", high_school_only=True),
    "college_enrollment": MeasureInfo("higher", high_school_only=True),
    "police_referrals": MeasureInfo("lower", kind="count"),
}

#: The order of measure sections on a page (others follow, sorted).
MEASURE_ORDER = tuple(KNOWN_MEASURES)

#: The old single-number fields of a school file and the measure each one is.
LEGACY_RATES = {
    "absenteeism": ("chronic_absence", "students", "chronic"),
    "graduation": ("graduation", "cohort", "graduated"),
    "english_learners_progress": ("english_progress", "students", "making_progress"),
}


@dataclass(frozen=True)
class MeasureRow:
    """One group's (or grade's) figure: ``count`` out of ``students``; ``None`` if hidden.

    ``percent`` is a rate the state published without the group's size: then ``students``
    is ``None`` and the row is shown only as the state gave it.
    """

    students: int | None
    count: int | None
    percent: float | None = None
    state_rate: bool = False
    """The state gave a percentage (perhaps hidden) and no group size."""

    @property
    def published_only(self) -> bool:
        """A rate without a group size: the state's own suppression, never used in sums."""
        return self.state_rate

    def measures(self) -> Iterator[tuple[str, int | None]]:
        """(measure, value) for the denominator and the count."""
        yield "n", self.students
        yield "count", self.count


@dataclass(frozen=True)
class MeasureYear:
    """One measure in one year, by student group and by grade."""

    groups: Mapping[str, MeasureRow]
    grades: Mapping[str, MeasureRow]


@dataclass(frozen=True)
class CountRow:
    """A measure of kind ``count``: its number of students is the cell, as a group size is.

    Like a group size, a count under the minimum group size is hidden, and counts add up
    over a group set and over the grades.
    """

    count: int | None

    def measures(self) -> Iterator[tuple[str, int | None]]:
        """The one cell of the row."""
        yield "n", self.count


def table_name(name: str, year: str, current: str) -> str:
    """The table of ``name`` in ``year``: plain for the report card's year, else ``name@year``."""
    return name if year == current else f"{name}@{year}"


def split_table(table: str) -> tuple[str, str | None]:
    """``("reading", "2024-25")`` from ``reading@2024-25``; ``(table, None)`` for this year."""
    name, _, year = table.partition("@")
    return name, (year or None)


def previous_year(year: str, back: int = 1) -> str:
    """The school year ``back`` years before ``year``: '2024-25' before '2025-26'."""
    start = int(year[:4]) - back
    return f"{start}-{(start + 1) % 100:02d}"
