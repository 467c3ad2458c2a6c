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

from homeroom.reportcards.groupsets import GroupSets
from homeroom.reportcards.measures import KNOWN_MEASURES, MeasureInfo, MeasureYear

SUBJECTS = ("reading", "math", "science")
LEVELS = ("l1", "l2", "l3", "l4")
SCHOOL_LEVELS = ("elementary", "middle", "high", "other")
#: Accountability designations under ESSA: none, and the three kinds of support.
STATUSES = ("none", "csi", "tsi", "atsi")
#: Where a school's money comes from.
MONEY_SOURCES = ("federal", "state_local")


@dataclass(frozen=True)
class Row:
    """Results of one group (or grade) in one subject. ``None`` is a value the state hid."""

    tested: int | None
    levels: tuple[int | None, int | None, int | None, int | None]
    met: int | None
    enrolled: int | None = None
    """Students who should have taken the test (for the share tested), if given."""
    met_percent: float | None = None
    state_met: bool = False
    """The state gave the share at levels 3 and 4 (``met_percent``) but no count."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Row:
        """Build from a validated mapping; ``met`` is levels 3 + 4 unless given."""
        levels = tuple(data["levels"])
        met = data.get("met")
        if met is None and levels[2] is not None and levels[3] is not None:
            met = levels[2] + levels[3]
        return cls(
            data["tested"],
            (levels[0], levels[1], levels[2], levels[3]),
            met,
            data.get("enrolled"),
            data.get("met_percent"),
            "met_percent" in data,
        )

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
class Accountability:
    """The state's designation of a school under ESSA, in the state's own year."""

    status: str  # one of STATUSES
    groups: tuple[str, ...] = ()
    """For targeted support: the groups of students the state named."""
    reason: str = ""
    """For comprehensive support: ``lowest_performing``, ``low_graduation`` or ``groups``."""


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
    teachers: tuple[int, int] | None
    spending_per_pupil: int | None
    display: str
    source: str = ""
    history: Mapping[str, Mapping[str, Subject]] = field(default_factory=dict)
    """Earlier years' results: year -> subject -> results (``last_year:`` is one of them)."""
    measures: Mapping[str, Mapping[str, MeasureYear]] = field(default_factory=dict)
    """Chronic absence, graduation and the other measures: measure -> year -> figures."""
    accountability: Accountability | None = None
    spending_sources: Mapping[str, int] = field(default_factory=dict)
    """Dollars per student from each source (``federal``, ``state_local``)."""
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
    group_sets: GroupSets = field(default_factory=lambda: GroupSets.with_overrides(None))
    """Every set of student groups that adds up to all students."""
    measure_info: Mapping[str, MeasureInfo] = field(default_factory=lambda: dict(KNOWN_MEASURES))
    naep: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """The state's NAEP results: ``reading_4`` -> {``state``: 31, ``nation``: 30}, in percent."""
    naep_year: str = ""
    accountability_year: str = ""

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
