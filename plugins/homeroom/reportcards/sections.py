"""The sections of a school's report card: at a glance and each subject.

Each subject section holds what the adversarial test reads (see
:mod:`homeroom.reportcards.tables`): a table per group set and one of grades, the table of
years, and each earlier year's tables. A section also says whether it hides anything, so
the page adds the privacy footnote after it. Sentences, comparisons and trends use only
shown values: a hidden or coded value is never compared or subtracted.
"""

from __future__ import annotations

from homeroom.reportcards.charts import bar_chart
from homeroom.reportcards.growth import cohort_sentence, years_sentence
from homeroom.reportcards.model import District
from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Cell, PublishedSchool
from homeroom.reportcards.tables import set_tables, years_table
from homeroom.reportcards.words import Words

SUBJECT_ORDER = ("reading", "math", "science")


def comparable(cell: Cell) -> int | None:
    """Only an exact, shown share may be compared or ranked."""
    return cell.value if cell.status == SHOWN else None


def district_figures(
    school: PublishedSchool, district: District, key: str
) -> tuple[int | None, int | None]:
    """The district's and the state's figure for ``key`` (no district one for a lone school)."""
    mine = None if school.one_school else district.district_results.get(key)
    return mine, district.state_results.get(key)


def result_sentence(
    w: Words, key: str, cell: Cell, school: PublishedSchool, district: District, compare: str
) -> str:
    """A shown result in words, with the comparison with the district and the state."""
    sentence = w(key, share=w.share(cell), freq=w.frequency(cell))
    value = comparable(cell)
    if value is not None:
        sentence += " " + w.comparison(value, *district_figures(school, district, compare))
    return sentence.strip()


def chart(
    w: Words, school: PublishedSchool, district: District, key: str, title: str, cell: Cell
) -> str:
    """The bar chart of the school, the district and the state."""
    mine, state = district_figures(school, district, key)
    values: list[tuple[str, Cell]] = [(w("chart.school"), cell)]
    if mine is not None:
        values.append((w("chart.district"), Cell(SHOWN, mine)))
    if state is not None:
        values.append((w("chart.state"), Cell(SHOWN, state)))
    return bar_chart(f"chart-{key.replace('_', '-')}", title, values, w)


def _participation(w: Words, school: PublishedSchool, table: str) -> list[str]:
    if (table, "all", "part") not in school.cells:
        return []
    cell = school.cell(table, "all", "part")
    if cell.status == ABOVE and cell.limit is not None:
        return [w("participation.above", pct=w.pct(cell.limit)), ""]
    if cell.status in (SHOWN, BELOW):
        return [w("participation.shown", share=w.share(cell)), ""]
    return [w("participation.hidden", marker=w.marker), ""]


def subject_section(
    w: Words, school: PublishedSchool, district: District, subject: str, science_grades: str
) -> tuple[list[str], bool]:
    """A subject's section: chart, result, growth and tables; and whether it hides anything."""
    title = w(f"report_card.sections.{subject}")
    lines = [f"## {title} {{#{subject}}}", ""]
    what = w(f"subjects.{subject}.what", grades=science_grades)
    lines += [f"{what} {w(f'subjects.{subject}.why')}", ""]
    met = school.cell(subject, "all", "met")
    if (subject, "all", "rate") in school.cells:
        met = school.cell(subject, "all", "rate")
    hidden = False
    if school.has_table(subject):
        lines += [chart(w, school, district, subject, w("chart.title", subject=title), met), ""]
    if not school.has_table(subject):
        lines += [w("subjects.not_this_year", year=school.year), ""]
    elif met.status in (SHOWN, BELOW, ABOVE):
        result = result_sentence(w, f"subjects.{subject}.result", met, school, district, subject)
        lines += [result, ""]
    else:
        lines += [w("subjects.hidden", marker=w.marker), ""]
        hidden = True
    years = [y for y in school.years if y == school.year or school.has_table(f"{subject}@{y}")]
    growth, growth_hides = years_sentence(w, school, subject, years, "met", "higher")
    lines += growth
    lines += cohort_sentence(w, school, subject)
    lines += _participation(w, school, subject)
    tables, tables_hide = set_tables(w, school, subject, levels=True)
    lines += tables
    if len(years) >= 2:
        lines += [f"### {w('years.title', subject=title)} {{#{subject}-years}}", ""]
        lines += [w("years.intro"), ""]
        lines += years_table(w, school, subject, years, levels=True)
    for year in years[1:]:
        table = f"{subject}@{year}"
        if len(school.rows.get(table, ())) > 1:
            lines += [
                f"### {w('years.year_title', subject=title, year=year)} {{#{subject}-{year}}}",
                "",
            ]
            more, more_hide = set_tables(w, school, table, levels=True)
            lines += more
            tables_hide = tables_hide or more_hide
    return lines, hidden or growth_hides or tables_hide


def glance(w: Words, school: PublishedSchool, district: District) -> list[str]:
    """The "at a glance" list: students, each subject, the main measures, support, teachers."""
    lines = [f"## {w('report_card.sections.glance')} {{#at-a-glance}}", ""]
    if school.enrolment is not None:
        lines.append("- " + w("glance.students", count=w.number(school.enrolment)))
    facts = [(s, s, "met") for s in SUBJECT_ORDER if school.has_table(s)]
    facts += [(m, f"measures.{m}", "count") for m in ("chronic_absence", "graduation")]
    for table, key, measure in facts:
        if not any((table, "all", m) in school.cells for m in (measure, "rate")):
            continue  # not given for all students (only by grade, or not at all)
        cell = school.cell(table, "all", measure)
        if (table, "all", "rate") in school.cells:
            cell = school.cell(table, "all", "rate")
        prefix = f"glance.{key}" if key in SUBJECT_ORDER else f"{key}.glance"
        if cell.status in (SHOWN, BELOW, ABOVE):
            sentence = result_sentence(w, prefix, cell, school, district, table)
        else:
            label = w(f"glance.labels.{key}") if key in SUBJECT_ORDER else w(f"{key}.label")
            sentence = w("glance.hidden", label=label, marker=w.marker)
        lines.append("- " + sentence)
    if school.accountability is not None:
        status = w(f"accountability.glance_status.{school.accountability.status}")
        lines.append("- " + w("accountability.glance", status=status))
    if school.teachers is not None:
        total, experienced = school.teachers
        share = Cell(SHOWN, (200 * experienced + total) // (2 * total))
        sentence = w("glance.teachers", share=w.share(share))
        sentence += " " + w.comparison(
            share.value or 0, *district_figures(school, district, "teachers_experienced")
        )
        lines.append("- " + sentence.strip())
    if school.one_school:
        lines.append("- " + w("report_card.one_school"))
    return [*lines, ""]
