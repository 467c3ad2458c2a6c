"""School data records: what one school's file and the district settings hold, once valid.

One YAML file per school in ``content/_data/schools/<school-id>.yml`` holds only totals
for groups of students, in no language. ``_district.yml`` in the same folder holds the
district's settings: the state's minimum group size and the district and state figures
every school is compared with. Reading and checking those files is
:mod:`homeroom.reportcards.loading`; their form is :mod:`homeroom.reportcards.schema`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

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
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each field in the school's file (for findings on its report card)."""


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
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each field in the settings file (for findings on the report cards)."""

    def source_in(self, lang: str) -> str:
        """Where the figures come from, in ``lang`` (a single text is shown in every language)."""
        if isinstance(self.source, str):
            return self.source
        return self.source.get(lang, "")


@dataclass(frozen=True)
class SchoolData:
    """Every school of a site and the district's settings."""

    district: District
    schools: tuple[School, ...]
