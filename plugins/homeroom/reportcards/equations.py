"""The cells of a school's tables and every set of them that adds up.

The four levels add up to the number tested, levels 3 and 4 to "met the standard", the
groups of a pair to all students and the grades to all grades: the privacy engine keeps
any of those sets from giving a hidden cell away.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeroom.reportcards.model import GROUP_PAIRS, LEVELS, Row, School
from homeroom.reportcards.published import Key

ROW_MEASURES = ("n", *LEVELS, "met")


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


def cells_and_equations(
    school: School,
) -> tuple[dict[Key, int | None], list[Equation], dict[str, tuple[str, ...]]]:
    """Every cell of the school's tables, every set that adds up, and each table's rows."""
    raw: dict[Key, int | None] = {}
    equations: list[Equation] = []
    rows: dict[str, tuple[str, ...]] = {}

    def add_row(table: str, row_id: str, row: Row) -> None:
        for measure, value in row.measures():
            raw[(table, row_id, measure)] = value
        levels = tuple((table, row_id, m) for m in LEVELS)
        equations.append(
            Equation((table, row_id, "n"), levels, "the four levels add up to the number tested")
        )
        equations.append(
            Equation(
                (table, row_id, "met"), levels[2:], "levels 3 and 4 add up to 'met the standard'"
            )
        )
        # Implied by the two above, but named so the first pass sees it: levels 1 and 2
        # and "met" also add up to the number tested.
        equations.append(
            Equation(
                (table, row_id, "n"),
                (levels[0], levels[1], (table, row_id, "met")),
                "levels 1 and 2 and 'met the standard' add up to the number tested",
            )
        )

    for subject, data in school.subjects.items():
        order = [g for g in ("all", *[g for pair in GROUP_PAIRS for g in pair]) if g in data.groups]
        for group in order:
            add_row(subject, group, data.groups[group])
        for a, b in GROUP_PAIRS:
            if a in data.groups and b in data.groups:
                for m in ROW_MEASURES:
                    equations.append(
                        Equation(
                            (subject, "all", m),
                            ((subject, a, m), (subject, b, m)),
                            f"{a} and {b} add up to all students",
                        )
                    )
        grade_rows: list[str] = []
        if len(data.grades) >= 2:
            for grade, row in data.grades.items():
                add_row(subject, f"grade:{grade}", row)
                grade_rows.append(f"grade:{grade}")
            for m in ROW_MEASURES:
                equations.append(
                    Equation(
                        (subject, "all", m),
                        tuple((subject, g, m) for g in grade_rows),
                        "the grades add up to all grades",
                    )
                )
        rows[subject] = (*order, *grade_rows)
    for subject, row in school.last_year.items():
        add_row(f"last:{subject}", "all", row)
        rows[f"last:{subject}"] = ("all",)
    for name, rate in school.rates.items():
        raw[(name, "all", "n")] = rate.denominator
        raw[(name, "all", "count")] = rate.count
        rows[name] = ("all",)
    return raw, equations, rows
