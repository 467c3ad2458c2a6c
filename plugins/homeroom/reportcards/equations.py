"""The cells of a school's tables and every set of them that adds up.

A table is one subject or one measure in one school year (``reading``, ``reading@2024-25``,
``chronic_absence``). Its rows are all students, the groups of each group set and the
grades. The four levels add up to the number tested and levels 3 and 4 to "met the
standard"; in each group set the groups add up to all students, and the grades add up to
all grades. A group set's member that the data does not give is still a cell: worked out
from the others when it can be, and protected like any other, so that subtracting the
published groups from all students never gives a hidden value away.

Rates a state published without a group size are kept apart (:class:`Tables`
``published_only``): they are in no sum, and nothing is worked out from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from homeroom.reportcards.groupsets import GroupSets
from homeroom.reportcards.measures import CountRow, MeasureInfo, MeasureRow, table_name
from homeroom.reportcards.model import LEVELS, School
from homeroom.reportcards.published import Key

ROW_MEASURES = ("n", *LEVELS, "met")
RATE_MEASURES = ("n", "count")
COUNT_MEASURES = ("n",)


class _Measured(Protocol):
    def measures(self) -> Iterator[tuple[str, int | None]]: ...


@dataclass(frozen=True)
class Equation:
    """``total`` = the sum of ``parts``: a set that adds up."""

    total: Key
    parts: tuple[Key, ...]
    label: str

    @property
    def keys(self) -> tuple[Key, ...]:
        """The total and every part."""
        return (self.total, *self.parts)


@dataclass
class Tables:
    """Every cell, every set that adds up, each table's rows and group sets."""

    raw: dict[Key, int | None] = field(default_factory=dict)
    equations: list[Equation] = field(default_factory=list)
    rows: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sets: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    """Each table's group sets as (set name, members), in page order."""
    published_only: dict[tuple[str, str], float | None] = field(default_factory=dict)
    """(table, row) -> the percentage a state published without a group size."""
    derived: set[tuple[str, str]] = field(default_factory=set)
    """(table, row) of set members the data did not give (worked out, or unknown)."""
    published_counts: dict[tuple[str, str], int | None] = field(default_factory=dict)
    """(table, row) -> the count given with such a percentage (used only to hide small ones)."""
    levels_rates: set[tuple[str, str]] = field(default_factory=set)
    """(table, row) of test results whose share met is a rate the state gave."""
    enrolled: dict[tuple[str, str], int] = field(default_factory=dict)
    """(table, row) -> students who should have taken the test (never published)."""


def _row_cells(tables: Tables, table: str, row_id: str, row: _Measured, levels: bool) -> None:
    for measure, value in row.measures():
        tables.raw[(table, row_id, measure)] = value
    enrolled = getattr(row, "enrolled", None)
    if enrolled is not None:
        tables.enrolled[(table, row_id)] = enrolled
    if getattr(row, "state_met", False):
        # The state's share met, with no count: shown as it gave it, in no sum.
        tables.published_only[(table, row_id)] = getattr(row, "met_percent", None)
        tables.levels_rates.add((table, row_id))
    if not levels:
        return
    lv = tuple((table, row_id, m) for m in LEVELS)
    met = (table, row_id, "met")
    n = (table, row_id, "n")
    tables.equations += [
        Equation(n, lv, "the four levels add up to the number tested"),
        Equation(met, lv[2:], "levels 3 and 4 add up to 'met the standard'"),
        # Implied by the two above, but named so the first pass sees it.
        Equation(n, (lv[0], lv[1], met), "levels 1 and 2 and 'met' add up to the number tested"),
    ]


def _derived_value(tables: Tables, total: Key, given: Iterable[Key]) -> int | None:
    """All students minus the groups given, when every one of them is known."""
    value = tables.raw.get(total)
    parts = [tables.raw.get(k) for k in given]
    if value is None or any(p is None for p in parts):
        return None
    rest = value - sum(p for p in parts if p is not None)
    return rest if rest >= 0 else None


def _add_table(
    tables: Tables,
    table: str,
    groups: Mapping[str, _Measured],
    grades: Mapping[str, _Measured],
    sets: GroupSets,
    measures: tuple[str, ...],
) -> None:
    levels = measures == ROW_MEASURES
    order = ["all"] if "all" in groups else []
    table_sets: list[tuple[str, tuple[str, ...]]] = []
    if "all" in groups:
        _row_cells(tables, table, "all", groups["all"], levels)
    for name, members in sets.present(list(groups)):
        table_sets.append((name, members))
        for member in members:
            if member in groups:
                _row_cells(tables, table, member, groups[member], levels)
        for member in members:
            order.append(member)
            if member in groups:
                continue
            # Not in the data: still a part of the sum, so protected like the others.
            tables.derived.add((table, member))
            for m in measures:
                others = [(table, g, m) for g in members if g in groups]
                tables.raw[(table, member, m)] = _derived_value(tables, (table, "all", m), others)
            if levels:
                _row_cells(tables, table, member, _Unknown(measures), True)
                for m in measures:  # _Unknown wrote None: put the worked-out values back
                    others = [(table, g, m) for g in members if g in groups]
                    tables.raw[(table, member, m)] = _derived_value(
                        tables, (table, "all", m), others
                    )
        if "all" in groups:
            for m in measures:
                tables.equations.append(
                    Equation(
                        (table, "all", m),
                        tuple((table, g, m) for g in members),
                        f"the groups of '{name}' add up to all students",
                    )
                )
    grade_rows = [f"grade:{g}" for g in grades]
    for grade, row in grades.items():
        _row_cells(tables, table, f"grade:{grade}", row, levels)
    if len(grades) >= 2 and "all" in groups:
        for m in measures:
            tables.equations.append(
                Equation(
                    (table, "all", m),
                    tuple((table, g, m) for g in grade_rows),
                    "the grades add up to all grades",
                )
            )
    tables.rows[table] = (*order, *grade_rows)
    tables.sets[table] = tuple(table_sets)


@dataclass(frozen=True)
class _Unknown:
    """A row the data does not give: every value unknown."""

    names: tuple[str, ...]

    def measures(self) -> Iterator[tuple[str, int | None]]:
        for name in self.names:
            yield name, None


def _counted(rows: Mapping[str, MeasureRow]) -> dict[str, MeasureRow]:
    return {g: r for g, r in rows.items() if not r.published_only}


def _as_counts(rows: Mapping[str, MeasureRow]) -> dict[str, CountRow]:
    return {g: CountRow(r.count) for g, r in rows.items()}


def cells_and_equations(
    school: School, sets: GroupSets, infos: Mapping[str, MeasureInfo] | None = None
) -> Tables:
    """Every cell of the school's tables, every set that adds up, and each table's rows."""
    tables = Tables()
    for subject, data in school.subjects.items():
        _add_table(tables, subject, data.groups, data.grades, sets, ROW_MEASURES)
    for year, subjects in school.history.items():
        for subject, data in subjects.items():
            table = f"{subject}@{year}"
            _add_table(tables, table, data.groups, data.grades, sets, ROW_MEASURES)
    for measure, years in school.measures.items():
        for year, figures in years.items():
            table = table_name(measure, year, school.year)
            groups, grades = figures.groups, figures.grades
            info = (infos or {}).get(measure)
            if info is not None and info.kind == "count":
                counts = (_as_counts(groups), _as_counts(grades))
                _add_table(tables, table, *counts, sets, COUNT_MEASURES)
                continue
            _add_table(tables, table, _counted(groups), _counted(grades), sets, RATE_MEASURES)
            rows = list(tables.rows[table])
            for group, row in groups.items():
                if row.published_only:
                    tables.published_only[(table, group)] = row.percent
                    tables.published_counts[(table, group)] = row.count
                    if group not in rows:
                        rows.append(group)
            for grade, row in grades.items():
                if row.published_only:
                    tables.published_only[(table, f"grade:{grade}")] = row.percent
                    tables.published_counts[(table, f"grade:{grade}")] = row.count
                    rows.append(f"grade:{grade}")
            tables.rows[table] = tuple(rows)
    return tables
