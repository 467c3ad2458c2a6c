"""The tables of a report card: one per group set, one of grades, one of years.

Layout contract (the adversarial test reads published pages by it):

- every table in a section (``## ... {#reading}``, ``{#chronic-absence}``) or in an earlier
  year's part of it (``### ... {#reading-2024-25}``) lists all students first and then the
  groups of one set, or the grades, which add up to all students;
- results tables have the columns group, tested, levels 1 to 4, "met" and, when the data
  gives it, the share tested; measure tables have group, students and share;
- the table of years (``### ... {#reading-years}``) has one row per school year for all
  students and adds up to nothing;
- rates a state gave alone, with no all-students row, are in a part of their own
  (``### ... {#chronic-absence-2017-18-rates}``) and add up to nothing;
- a cell is a whole percentage, ``<5%`` / ``>95%``, the privacy marker, or ``–`` for a
  number the state did not give (the group size of a rate it published alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from homeroom.reportcards.published import Cell, PublishedSchool
from homeroom.reportcards.words import Words

LEVEL_COLUMNS = ("l1", "l2", "l3", "l4", "met")


def _name(w: Words, row: str) -> str:
    if row.startswith("grade:"):
        return w("tables.grade", grade=row.split(":", 1)[1])
    return w(f"groups.{row}")


def _has_part(school: PublishedSchool, table: str) -> bool:
    return any((table, r, "part") in school.cells for r in school.rows.get(table, ()))


def results_table(w: Words, school: PublishedSchool, table: str, rows: Sequence[str]) -> list[str]:
    """A table of test results: tested, the four levels, met, and the share tested."""
    head = [w("tables.group"), w("tables.tested")]
    head += [w(f"tables.level_{i}") for i in range(1, 5)] + [w("tables.met")]
    part = _has_part(school, table)
    if part:
        head.append(w("tables.took"))
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in rows:
        cells = [w.table_cell(school.cell(table, row, "n"), is_count=True)]
        cells += [w.table_cell(_level(school, table, row, m)) for m in LEVEL_COLUMNS]
        if part:
            cells.append(w.table_cell(school.cell(table, row, "part")))
        lines.append("| " + " | ".join([_name(w, row), *cells]) + " |")
    return [*lines, ""]


def _level(school: PublishedSchool, table: str, row: str, measure: str) -> Cell:
    """A level's cell; "met" is the state's rate when it gave no count."""
    if measure == "met" and (table, row, "rate") in school.cells:
        return school.cell(table, row, "rate")
    return school.cell(table, row, measure)


def rate_cell(school: PublishedSchool, table: str, row: str) -> tuple[str | None, Cell]:
    """(``"n"`` or ``None`` when the state gave no group size, the share) of one row."""
    if (table, row, "rate") in school.cells:
        return None, school.cell(table, row, "rate")
    return "n", school.cell(table, row, "count")


def measure_table(w: Words, school: PublishedSchool, table: str, rows: Sequence[str]) -> list[str]:
    """A table of one measure: students and the share counted."""
    head = [w("tables.group"), w("tables.students"), w("tables.share")]
    lines = ["| " + " | ".join(head) + " |", "| --- | --- | --- |"]
    for row in rows:
        size, share = rate_cell(school, table, row)
        students = (
            w.table_cell(school.cell(table, row, "n"), is_count=True)
            if size
            else w("tables.not_given")
        )
        lines.append(f"| {_name(w, row)} | {students} | {w.table_cell(share)} |")
    return [*lines, ""]


def count_table(w: Words, school: PublishedSchool, table: str, rows: Sequence[str]) -> list[str]:
    """A table of a number of students per group (a measure of kind ``count``)."""
    lines = [f"| {w('tables.group')} | {w('tables.students')} |", "| --- | --- |"]
    for row in rows:
        number = w.table_cell(school.cell(table, row, "n"), is_count=True)
        lines.append(f"| {_name(w, row)} | {number} |")
    return [*lines, ""]


def set_tables(
    w: Words,
    school: PublishedSchool,
    table: str,
    *,
    levels: bool,
    year: str = "",
    count: bool = False,
) -> tuple[list[str], bool]:
    """Every table of ``table``: one per group set, then the grades; and whether any hides."""
    make = results_table if levels else (count_table if count else measure_table)
    rows = school.rows.get(table, ())
    lines: list[str] = []
    if rows and "all" not in rows:
        # Rates a state gave alone, with no all-students row: they add up to nothing.
        part = table.replace("_", "-").replace("@", "-")
        lines += [f"### {w('tables.state_rates', year=year or school.year)} {{#{part}-rates}}", ""]
        lines += [w("tables.state_rates_intro"), ""]
        lines += make(w, school, table, list(rows))
        return lines, any(not c.shown for (t, _, _), c in school.cells.items() if t == table)
    listed: set[str] = {"all"}
    for name, members in school.sets.get(table, ()):
        lines += [w.set_intro(name), ""]
        lines += make(w, school, table, ["all", *members])
        listed.update(members)
    grades = [r for r in rows if r.startswith("grade:")]
    if grades:
        lines += [w("tables.grades_intro"), ""]
        total = ["all"] if "all" in rows else []
        lines += make(w, school, table, [*total, *grades])
        listed.update(grades)
    others = [r for r in rows if r not in listed]
    if others or (not lines and rows):
        lines += [w("tables.groups_intro"), ""]
        lines += make(w, school, table, [r for r in rows if r not in listed or r == "all"])
    return lines, any(not c.shown for (t, _, _), c in school.cells.items() if t == table)


def years_table(
    w: Words,
    school: PublishedSchool,
    name: str,
    years: Sequence[str],
    *,
    levels: bool,
    count: bool = False,
) -> list[str]:
    """All students, one row per school year, newest first."""
    if count:
        head = [w("tables.year"), w("tables.students")]
    elif levels:
        head = [w("tables.year"), w("tables.tested")]
        head += [w(f"tables.level_{i}") for i in range(1, 5)] + [w("tables.met")]
    else:
        head = [w("tables.year"), w("tables.students"), w("tables.share")]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for year in years:
        table = name if year == school.year else f"{name}@{year}"
        if (table, "all", "n") not in school.cells and (table, "all", "rate") not in school.cells:
            none = w("tables.not_given")
            lines.append("| " + " | ".join([year, *[none] * (len(head) - 1)]) + " |")
            continue
        if count:
            cells = [w.table_cell(school.cell(table, "all", "n"), is_count=True)]
        elif levels:
            cells = [w.table_cell(school.cell(table, "all", "n"), is_count=True)]
            cells += [w.table_cell(_level(school, table, "all", m)) for m in LEVEL_COLUMNS]
        else:
            size, share = rate_cell(school, table, "all")
            students = (
                w.table_cell(school.cell(table, "all", "n"), is_count=True)
                if size
                else w("tables.not_given")
            )
            cells = [students, w.table_cell(share)]
        lines.append("| " + " | ".join([year, *cells]) + " |")
    return [*lines, ""]
