"""What a report card may publish about a school: cells, their statuses and the audit trail.

The privacy engine (:mod:`homeroom.reportcards.privacy`) returns one
:class:`PublishedSchool` per school; every page and every language is rendered from it,
and it holds no count of any hidden cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from homeroom.reportcards.model import Accountability

#: A cell: (table, row, measure). Tables are subjects (``reading``) and measures
#: (``chronic_absence``) in the report card's year, and the same in earlier years
#: (``reading@2024-25``); rows are groups (``all``, ``black``, ``english_learners``) or
#: grades (``grade:3``); measures are ``n`` (the denominator), ``l1``..``l4``, ``met``,
#: ``count``, ``rate`` (a rate the state gave without a group size) and ``part`` (the
#: share of students tested).
Key = tuple[str, str, str]

SHOWN, BELOW, ABOVE, HIDDEN = "shown", "below", "above", "hidden"


@dataclass(frozen=True)
class Cell:
    """What may be published about one cell.

    ``value`` is the number of students for ``n`` cells and a whole percentage for the
    others; ``None`` when hidden. ``limit`` is the percentage of a coded cell (5 or 95).
    """

    status: str
    value: int | None = None
    limit: int | None = None

    @property
    def shown(self) -> bool:
        """Whether an exact value is published."""
        return self.status == SHOWN


@dataclass(frozen=True)
class AuditEntry:
    """One hidden (or coded) value and the rule that hid it. Never published."""

    school: str
    year: str
    cell: str
    value: int | None
    status: str
    rule: str
    detail: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "school": self.school,
            "year": self.year,
            "cell": self.cell,
            "value": self.value,
            "status": self.status,
            "rule": self.rule,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class PublishedSchool:
    """The one suppressed dataset of a school: everything any page may show, nothing else."""

    id: str
    name: str
    level: str
    grades: tuple[str, ...]
    year: str
    enrolment: int | None
    teachers: tuple[int, int] | None
    spending_per_pupil: int | None
    display: str
    cells: Mapping[Key, Cell]
    rows: Mapping[str, tuple[str, ...]]
    """Published rows of each table, in order."""
    min_n: int
    audit: tuple[AuditEntry, ...] = field(default_factory=tuple)
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each field in the school's file (never published; for findings)."""
    sets: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    """Each table's group sets: (set name, the groups that add up to all students)."""
    derived: frozenset[tuple[str, str]] = frozenset()
    """(table, row) of groups the data did not give (shown only as worked out, or hidden)."""
    years: tuple[str, ...] = ()
    """The school years of test results, newest first."""
    measure_years: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Each measure's school years, newest first."""
    accountability: Accountability | None = None
    spending_sources: Mapping[str, int] = field(default_factory=dict)
    one_school: bool = False
    """The district has only this school: its figures are the district's."""

    def cell(self, table: str, row: str, measure: str) -> Cell:
        """A published cell (hidden if the school has no such data)."""
        return self.cells.get((table, row, measure), Cell(HIDDEN))

    def has_table(self, table: str) -> bool:
        """Whether the school publishes this table."""
        return table in self.rows

    @property
    def hidden_count(self) -> int:
        """How many cells are hidden or coded."""
        return sum(1 for c in self.cells.values() if not c.shown)


def key_text(key: Key) -> str:
    """``reading/english_learners/l1``."""
    return "/".join(key)


def percent(count: int, total: int) -> int:
    """A whole percentage, rounded half up."""
    return (200 * count + total) // (2 * total)
