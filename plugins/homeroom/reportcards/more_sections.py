"""The report card's other sections: each measure, the state's support, NAEP, teachers, money.

A measure's section (chronic absence, suspensions, progress in English, graduation, college)
says what it measures and why it matters, gives the school's figure with the district and
the state, how it changed over the years, and a table per group set, of grades and of years
(layout: :mod:`homeroom.reportcards.tables`).
"""

from __future__ import annotations

from homeroom.reportcards.growth import years_sentence
from homeroom.reportcards.measures import MEASURE_ORDER, split_table
from homeroom.reportcards.model import District
from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Cell, PublishedSchool
from homeroom.reportcards.sections import chart, comparable, district_figures, result_sentence
from homeroom.reportcards.tables import rate_cell, set_tables, years_table
from homeroom.reportcards.words import Words


def anchor(measure: str) -> str:
    """A measure's section id: ``chronic-absence``."""
    return measure.replace("_", "-")


def measure_names(school: PublishedSchool, district: District) -> list[str]:
    """The measures this school publishes, in page order."""
    names = {split_table(t)[0] for t in school.rows if split_table(t)[0] in district.measure_info}
    names = {n for n in names if n in school.measure_years}
    ordered = [m for m in MEASURE_ORDER if m in names]
    return ordered + sorted(names - set(ordered))


def measure_section(
    w: Words, school: PublishedSchool, district: District, measure: str
) -> tuple[list[str], bool]:
    """One measure's section; and whether it hides anything."""
    key = f"measures.{measure}"
    title = w(f"{key}.title")
    lines = [f"## {title} {{#{anchor(measure)}}}", ""]
    lines += [f"{w(f'{key}.what')} {w(f'{key}.why')}", ""]
    years = list(school.measure_years.get(measure, ()))
    current = measure if school.year in years else None
    info = district.measure_info.get(measure)
    if info is not None and info.kind == "count":
        return _count_section(w, school, measure, lines, years)
    hidden = False
    if current is not None:
        _, cell = rate_cell(school, measure, "all")
        if measure in district.district_results or measure in district.state_results:
            lines += [chart(w, school, district, measure, title, cell), ""]
        if (measure, "all", "n") in school.cells or (measure, "all", "rate") in school.cells:
            if cell.status in (SHOWN, BELOW, ABOVE):
                lines += [result_sentence(w, f"{key}.result", cell, school, district, measure), ""]
            else:
                lines += [w("subjects.hidden", marker=w.marker), ""]
                hidden = True
        else:
            lines += [w("measures.by_grade_only"), ""]
        better = info.better if info is not None else "higher"
        growth, growth_hides = years_sentence(w, school, measure, years, "count", better)
        lines += growth
        hidden = hidden or growth_hides
        tables, tables_hide = set_tables(w, school, measure, levels=False)
        lines += tables
        hidden = hidden or tables_hide
    with_all = [
        y
        for y in years
        if any(
            (measure if y == school.year else f"{measure}@{y}", "all", m) in school.cells
            for m in ("n", "rate")
        )
    ]
    if len(with_all) >= 2:
        lines += [f"### {w('years.title', subject=title)} {{#{anchor(measure)}-years}}", ""]
        lines += [w("years.intro"), ""]
        lines += years_table(w, school, measure, years, levels=False)
    for year in years:
        table = f"{measure}@{year}"
        rows = school.rows.get(table, ())
        if year != school.year and rows and "all" not in rows:
            more, more_hide = set_tables(w, school, table, levels=False, year=year)
            lines += more
            hidden = hidden or more_hide
        elif year != school.year and len(rows) > 1:
            lines += [
                f"### {w('years.year_title', subject=title, year=year)} {{#{anchor(measure)}-{year}}}",
                "",
            ]
            more, more_hide = set_tables(w, school, table, levels=False)
            lines += more
            hidden = hidden or more_hide
    if any(t == measure and m == "rate" for t, _, m in school.cells):
        lines += [w("tables.not_given_note"), ""]
    return lines, hidden


def _count_section(
    w: Words, school: PublishedSchool, measure: str, lines: list[str], years: list[str]
) -> tuple[list[str], bool]:
    """A number of students (no share): the sentence, a table per group set, the years."""
    key = f"measures.{measure}"
    hidden = False
    if school.year in years:
        cell = school.cell(measure, "all", "n")
        if cell.shown and cell.value is not None:
            lines += [w(f"{key}.result", count=w.number(cell.value)), ""]
        else:
            lines += [w("subjects.hidden", marker=w.marker), ""]
        tables, hidden = set_tables(w, school, measure, levels=False, count=True)
        lines += tables
    if len(years) >= 2:
        lines += [
            f"### {w('years.title', subject=w(f'{key}.title'))} {{#{anchor(measure)}-years}}",
            "",
        ]
        lines += [w("years.intro"), ""]
        lines += years_table(w, school, measure, years, levels=False, count=True)
    for year in years:
        table = f"{measure}@{year}"
        if year != school.year and len(school.rows.get(table, ())) > 1:
            title = w("years.year_title", subject=w(f"{key}.title"), year=year)
            lines += [f"### {title} {{#{anchor(measure)}-{year}}}", ""]
            more, more_hide = set_tables(w, school, table, levels=False, count=True)
            lines += more
            hidden = hidden or more_hide
    hidden = hidden or any(
        not c.shown for (t, _, _), c in school.cells.items() if t.split("@")[0] == measure
    )
    return lines, hidden


def accountability_section(w: Words, school: PublishedSchool, district: District) -> list[str]:
    """The state's designation, as what it means for a family."""
    given = school.accountability
    if given is None:
        return []
    lines = [f"## {w('report_card.sections.accountability')} {{#accountability}}", ""]
    lines += [w("accountability.what"), ""]
    reason = w(f"accountability.reasons.{given.reason}") if given.reason else ""
    lines += [w(f"accountability.status.{given.status}", reason=reason), ""]
    if given.groups:
        lines += [f"- {w(f'groups.{g}')}" for g in given.groups] + [""]
    if given.status != "none":
        lines += [w("accountability.family"), ""]
    if district.accountability_year:
        year = w.district(district, "accountability_year", district.accountability_year)
        lines += [w("accountability.year", year=year), ""]
    return lines


def naep_section(w: Words, district: District) -> list[str]:
    """The state's results on the national test, with the nation's."""
    if not district.naep:
        return []
    lines = [f"## {w('report_card.sections.naep')} {{#naep}}", ""]
    year = w.district(district, "naep", district.naep_year)
    lines += [f"{w('naep.what')} {w('naep.why', year=year)}", ""]
    head = [w("naep.test"), w("naep.state"), w("naep.nation")]
    lines += ["| " + " | ".join(head) + " |", "| --- | --- | --- |"]
    sentences = []
    for test in ("reading_4", "math_4", "reading_8", "math_8"):
        result = district.naep.get(test)
        if result is None:
            continue
        state, nation = result["state"], result.get("nation")
        nation_text = w.pct(nation) if nation is not None else "–"
        lines.append(f"| {w(f'naep.tests.{test}')} | {w.pct(state)} | {nation_text} |")
        if nation is not None:
            gap = state - nation
            words = (
                w("naep.same")
                if gap == 0
                else w("naep.higher" if gap > 0 else "naep.lower", points=w.points(abs(gap)))
            )
            sentences.append(w("naep.sentence", test=w(f"naep.tests.{test}"), comparison=words))
    lines.append("")
    if sentences:
        lines += [" ".join(sentences), ""]
    return lines


def teachers_section(w: Words, school: PublishedSchool, district: District) -> list[str]:
    """How many teachers have taught three years or more."""
    if school.teachers is None:
        return []
    total, experienced = school.teachers
    share = Cell(SHOWN, (200 * experienced + total) // (2 * total))
    lines = [f"## {w('report_card.sections.teachers')} {{#teachers}}", ""]
    lines += [f"{w('teachers.what')} {w('teachers.why')}", ""]
    sentence = w("teachers.result", share=w.share(share), total=w.number(total))
    value = comparable(share) or 0
    sentence += " " + w.comparison(
        value, *district_figures(school, district, "teachers_experienced")
    )
    return [*lines, sentence.strip(), ""]


def spending_section(w: Words, school: PublishedSchool, district: District) -> list[str]:
    """Dollars per student, where they come from, and the district's and state's."""
    if school.spending_per_pupil is None and not school.spending_sources:
        return []
    lines = [f"## {w('report_card.sections.spending')} {{#spending}}", ""]
    lines += [w("spending.what"), ""]
    spent = []
    if school.spending_per_pupil is not None:
        spent.append(w("spending.result", amount=w.money(school.spending_per_pupil)))
    if district.district_spending_per_pupil is not None and not school.one_school:
        spent.append(w("spending.district", amount=w.money(district.district_spending_per_pupil)))
    if district.state_spending_per_pupil is not None:
        spent.append(w("spending.state", amount=w.money(district.state_spending_per_pupil)))
    lines += [" ".join(spent), ""] if spent else []
    if school.spending_sources:
        lines += [w("spending.sources_intro"), ""]
        for source in ("federal", "state_local"):
            if source in school.spending_sources:
                amount = w.money(school.spending_sources[source])
                lines.append(f"- {w(f'spending.{source}', amount=amount)}")
        lines += ["", w("spending.sources_why"), ""]
    return lines
