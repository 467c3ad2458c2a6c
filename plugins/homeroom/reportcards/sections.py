"""The sections of a school's report card: at a glance, each subject and each rate.

Each subject section holds the layout the adversarial test reads: a table of groups and,
when two or more grades were tested, a table of grades. A section also says whether it
hides anything, so the page adds the privacy footnote after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from homeroom.reportcards.charts import bar_chart
from homeroom.reportcards.model import District
from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Cell, PublishedSchool
from homeroom.reportcards.words import Words

SUBJECT_ORDER = ("reading", "math", "science")
LEVEL_COLUMNS = ("l1", "l2", "l3", "l4", "met")


def _comparable(cell: Cell) -> int | None:
    """Only an exact, shown share may be compared or ranked."""
    return cell.value if cell.status == SHOWN else None


def _table(
    w: Words, school: PublishedSchool, table: str, rows: Sequence[str], label: str
) -> list[str]:
    head = [
        w(f"tables.{label}"),
        w("tables.tested"),
        w("tables.level_1"),
        w("tables.level_2"),
        w("tables.level_3"),
        w("tables.level_4"),
        w("tables.met"),
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * 7]
    for row in rows:
        if row.startswith("grade:"):
            name = w("tables.grade", grade=row.split(":", 1)[1])
        else:
            name = w(f"groups.{row}")
        cells = [w.table_cell(school.cell(table, row, "n"), is_count=True)]
        cells += [w.table_cell(school.cell(table, row, m)) for m in LEVEL_COLUMNS]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return [*lines, ""]


def subject_section(
    w: Words, school: PublishedSchool, district: District, subject: str, science_grades: str
) -> tuple[list[str], bool]:
    """A subject's section: chart, result, trend and tables; and whether it hides anything."""
    lines = [f"## {w(f'report_card.sections.{subject}')} {{#{subject}}}", ""]
    what = w(f"subjects.{subject}.what", grades=science_grades)
    lines += [f"{what} {w(f'subjects.{subject}.why')}", ""]
    met = school.cell(subject, "all", "met")
    chart_values: list[tuple[str, Cell]] = [(w("chart.school"), met)]
    if subject in district.district_results:
        chart_values.append((w("chart.district"), Cell(SHOWN, district.district_results[subject])))
    if subject in district.state_results:
        chart_values.append((w("chart.state"), Cell(SHOWN, district.state_results[subject])))
    lines += [
        bar_chart(
            f"chart-{subject}",
            w("chart.title", subject=w(f"report_card.sections.{subject}")),
            chart_values,
            w,
        ),
        "",
    ]
    hidden = False
    if met.status == SHOWN or met.status in (BELOW, ABOVE):
        sentence = w(f"subjects.{subject}.result", share=w.share(met), freq=w.frequency(met))
        value = _comparable(met)
        if value is not None:
            sentence += " " + w.comparison(
                value, district.district_results.get(subject), district.state_results.get(subject)
            )
        lines += [sentence.strip(), ""]
    else:
        lines += [w("subjects.hidden", marker=w.marker), ""]
        hidden = True
    last = f"last:{subject}"
    if school.has_table(last):
        before = school.cell(last, "all", "met")
        now, then = _comparable(met), _comparable(before)
        if now is not None and then is not None:
            if now > then:
                trend = w("trend.up", share=w.share(before), points=w.points(now - then))
            elif now < then:
                trend = w("trend.down", share=w.share(before), points=w.points(then - now))
            else:
                trend = w("trend.same", share=w.share(before))
            lines += [trend, ""]
        elif before.status not in (SHOWN,):
            lines += [w("trend.hidden", marker=w.marker), ""]
            hidden = True
    groups = [r for r in school.rows.get(subject, ()) if not r.startswith("grade:")]
    grades = [r for r in school.rows.get(subject, ()) if r.startswith("grade:")]
    lines += [w("tables.groups_intro"), ""]
    lines += _table(w, school, subject, groups, "group")
    if grades:
        lines += [w("tables.grades_intro"), ""]
        lines += _table(w, school, subject, grades, "group")
    hidden = hidden or any(
        not school.cell(subject, r, m).shown
        for r in school.rows.get(subject, ())
        for m in ("n", *LEVEL_COLUMNS)
    )
    return lines, hidden


def rate_section(
    w: Words, school: PublishedSchool, district: District, key: str, section: str, compare_key: str
) -> tuple[list[str], bool]:
    """A rate's section (attendance, English, graduation); and whether it hides anything."""
    lines = [f"## {w(f'report_card.sections.{section}')} {{#{_anchor(section)}}}", ""]
    lines += [f"{w(f'{section}.what')} {w(f'{section}.why')}", ""]
    cell = school.cell(key, "all", "count")
    if cell.status == SHOWN or cell.status in (BELOW, ABOVE):
        sentence = _result(w, f"{section}.result", cell, district, compare_key)
        return [*lines, sentence.strip(), ""], cell.status != SHOWN
    return [*lines, w("subjects.hidden", marker=w.marker), ""], True


def _result(w: Words, key: str, cell: Cell, district: District, compare_key: str) -> str:
    """A shown result in words, with the comparison with the district and the state."""
    sentence = w(key, share=w.share(cell), freq=w.frequency(cell))
    value = _comparable(cell)
    if value is not None:
        sentence += " " + w.comparison(
            value,
            district.district_results.get(compare_key),
            district.state_results.get(compare_key),
        )
    return sentence


def _anchor(section: str) -> str:
    return {"attendance": "attendance", "english": "english-learners"}.get(section, section)


def glance(w: Words, school: PublishedSchool, district: District) -> list[str]:
    """The "at a glance" list: students, each subject's result, the rates and teachers."""
    lines = [f"## {w('report_card.sections.glance')} {{#at-a-glance}}", ""]
    if school.enrolment is not None:
        lines.append("- " + w("glance.students", count=w.number(school.enrolment)))
    facts = [(s, s, "met", s) for s in SUBJECT_ORDER if school.has_table(s)]
    facts += [("absenteeism", "attendance", "count", "absenteeism")]
    facts += [("graduation", "graduation", "count", "graduation")]
    for table, key, measure, compare_key in facts:
        if not school.has_table(table):
            continue
        cell = school.cell(table, "all", measure)
        if cell.status == SHOWN or cell.status in (BELOW, ABOVE):
            sentence = _result(w, f"glance.{key}", cell, district, compare_key)
        else:
            sentence = w("glance.hidden", label=w(f"glance.labels.{key}"), marker=w.marker)
        lines.append("- " + sentence.strip())
    if school.teachers is not None:
        total, experienced = school.teachers
        share = Cell(SHOWN, (200 * experienced + total) // (2 * total))
        sentence = w("glance.teachers", share=w.share(share))
        sentence += " " + w.comparison(
            share.value or 0,
            district.district_results.get("teachers_experienced"),
            district.state_results.get("teachers_experienced"),
        )
        lines.append("- " + sentence.strip())
    return [*lines, ""]
