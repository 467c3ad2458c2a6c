"""Growth in plain words: how a result changed over the years, and how one class grew.

Only exact, shown values are compared: a hidden or coded value ("fewer than 5%") is never
subtracted, so no sentence or trend can give a hidden value away. When an earlier year is
hidden, the sentence says so with the privacy marker instead of skipping it silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from homeroom.reportcards.measures import previous_year
from homeroom.reportcards.published import SHOWN, Cell, PublishedSchool
from homeroom.reportcards.words import Words


def _cell(school: PublishedSchool, table: str, row: str, measure: str) -> Cell:
    if (table, row, "rate") in school.cells:
        return school.cell(table, row, "rate")
    return school.cell(table, row, measure)


def _change(w: Words, now: int, then: int) -> str:
    if now > then:
        return w("years.change_up", points=w.points(now - then))
    if now < then:
        return w("years.change_down", points=w.points(then - now))
    return w("years.change_same")


def years_sentence(
    w: Words,
    school: PublishedSchool,
    name: str,
    years: Sequence[str],
    measure: str,
    better: str,
) -> tuple[list[str], bool]:
    """The change over the years (newest first in ``years``); and whether a year is hidden."""
    if len(years) < 2:
        return [], False
    cells = [
        (year, _cell(school, name if year == school.year else f"{name}@{year}", "all", measure))
        for year in years
    ]
    now = cells[0][1]
    if now.status != SHOWN or now.value is None:
        return [], False
    earlier = [(y, c) for y, c in cells[1:] if c.status == SHOWN and c.value is not None]
    hidden = len(earlier) < len(cells) - 1
    lines: list[str] = []
    last_year = cells[1][1]
    if last_year.status == SHOWN and last_year.value is not None:
        sentence = w(
            "years.last_year",
            share=w.share(last_year),
            change=_change(w, now.value, last_year.value),
        )
        lines.append(sentence)
    if len(earlier) >= 1 and earlier[-1][0] != cells[1][0]:
        first_year, first = earlier[-1]
        lines.append(
            w(
                "years.growth",
                count=len(years),
                first=w.share(first),
                first_year=first_year,
                now=w.share(now),
                change=_change(w, now.value, first.value or 0),
            )
        )
    if lines and better == "lower":
        lines.append(w("years.lower_is_better"))
    out = [" ".join(lines), ""] if lines else []
    if hidden:
        out += [w("years.hidden", marker=w.marker), ""]
    return out, hidden


def cohort_sentence(w: Words, school: PublishedSchool, subject: str) -> list[str]:
    """One class followed from last year's grade to this year's, when both are shown."""
    last = f"{subject}@{previous_year(school.year)}"
    for row in school.rows.get(subject, ()):
        if not row.startswith("grade:") or not row[6:].isdigit():
            continue
        grade = int(row[6:])
        before = f"grade:{grade - 1}"
        if before not in school.rows.get(last, ()):
            continue
        now = school.cell(subject, row, "met")
        then = school.cell(last, before, "met")
        if now.status == SHOWN and then.status == SHOWN and now.value is not None:
            return [
                w(
                    "years.cohort",
                    grade=grade,
                    before=grade - 1,
                    then=w.share(then),
                    now=w.share(now),
                    change=_change(w, now.value, then.value or 0),
                ),
                "",
            ]
    return []
