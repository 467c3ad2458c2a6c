"""Report-card pages as Markdown, from the one suppressed dataset, in any language.

Every word comes from the language's catalog (``content/_data/strings/<lang>.yml``) and
every number is formatted for the language with Babel. The renderer only ever sees a
:class:`~homeroom.reportcards.published.PublishedSchool`: hidden values are not in it, so
no sentence, comparison, trend or chart can be built from them.

Layout contract (the adversarial test reads published pages by it): see
:mod:`homeroom.reportcards.tables`. Each subject section (``{#reading}``) and each measure
section (``{#chronic-absence}``) holds one table per group set and one of grades, each with
all students first; earlier years follow in their own parts (``{#reading-2024-25}``).
"""

from __future__ import annotations

from collections.abc import Sequence

from homeroom.data.catalogs import Catalogs
from homeroom.reportcards.model import District
from homeroom.reportcards.more_sections import (
    accountability_section,
    measure_names,
    measure_section,
    naep_section,
    spending_section,
    teachers_section,
)
from homeroom.reportcards.origins import Trace
from homeroom.reportcards.published import PublishedSchool
from homeroom.reportcards.sections import SUBJECT_ORDER, glance, subject_section
from homeroom.reportcards.words import Words


def _front_matter(title: str) -> list[str]:
    # Quoted for YAML: school names may hold a colon.
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    return ["---", f'title: "{escaped}"', "type: report-card", "essential: true", "---", ""]


def school_markdown(
    school: PublishedSchool,
    district: District,
    catalogs: Catalogs,
    lang: str,
    trace: Trace | None = None,
) -> str:
    """The report card of one school in one language.

    With a ``trace``, the text comes back marked with where each piece came from (see
    :func:`homeroom.reportcards.origins.traced`).
    """
    w = Words(catalogs, lang, trace)
    name = w.school(school, "name", school.name)
    year = w.school(school, "year", school.year)
    lines = _front_matter(w("report_card.page_title", school=name))
    lines += [f"# {name} {{#top}}", ""]
    if district.published is not None:
        date = w.district(district, "published", w.date(district.published))
        lines += [w("report_card.intro", school=name, year=year, date=date), ""]
    else:
        lines += [w("report_card.intro_no_date", school=name, year=year), ""]
    lines += glance(w, school, district)
    lines += [f"## {w('report_card.sections.how_to_read')} {{#how-to-read}}", ""]
    if district.tested_grades:
        grades = w.district(district, "tested_grades", w.grades(district.tested_grades))
        lines += [w("how_to_read.tests", grades=grades), ""]
    lines += [w("how_to_read.levels"), ""]
    lines += [f"- {w(f'how_to_read.level_{i}')}" for i in range(1, 5)] + [""]
    lines += [w("how_to_read.met"), "", w("how_to_read.compare"), "", w("how_to_read.coded"), ""]
    lines += [w("how_to_read.groups"), "", w("how_to_read.growth"), ""]
    lines += [f"### {w('report_card.sections.privacy')} {{#privacy}}", ""]
    min_n = w.district(district, "min_n", w.number(school.min_n))
    lines += [
        f"{w('privacy.rule', min_n=min_n)} {w('privacy.complement')} "
        f"{w('privacy.marker', marker=w.marker)}",
        "",
    ]
    footnote = w("privacy.footnote", marker=w.marker, min_n=min_n)
    science_grades = ", ".join(
        g.split(":", 1)[1] for g in school.rows.get("science", ()) if g.startswith("grade:")
    ) or _science_grades(school)
    lines += accountability_section(w, school, district)
    for subject in SUBJECT_ORDER:
        if any(school.has_table(t) for t in (subject, *(f"{subject}@{y}" for y in school.years))):
            subject_lines, hidden = subject_section(w, school, district, subject, science_grades)
            lines += subject_lines
            if hidden:
                lines += [footnote, ""]
    for measure in measure_names(school, district):
        section_lines, hidden = measure_section(w, school, district, measure)
        lines += section_lines
        if hidden:
            lines += [footnote, ""]
    lines += naep_section(w, district)
    lines += teachers_section(w, school, district)
    lines += spending_section(w, school, district)
    if district.contact_phone or district.interpreter_phone:
        lines += [f"## {w('report_card.sections.help')} {{#get-help}}", ""]
        help_text = []
        if district.contact_phone:
            phone = w.district(district, "contact_phone", district.contact_phone)
            help_text.append(w("help.text", phone=phone))
        if district.interpreter_phone:
            phone = w.district(district, "interpreter_phone", district.interpreter_phone)
            help_text.append(w("help.interpreter", phone=phone))
        lines += [" ".join(help_text), ""]
    if district.source_in(lang):
        source = w.district(district, "source", district.source_in(lang))
        lines += [w("report_card.source", source=source), ""]
    return "\n".join(lines)


def _science_grades(school: PublishedSchool) -> str:
    return {"elementary": "5", "middle": "8", "high": "11"}.get(school.level, "")


def index_markdown(
    schools: Sequence[PublishedSchool],
    district: District,
    catalogs: Catalogs,
    lang: str,
    trace: Trace | None = None,
) -> str:
    """The list of every school's report card, in one language (``trace``: as above)."""
    w = Words(catalogs, lang, trace)
    title = w("schools_index.title")
    lines = _front_matter(title)
    lines += [f"# {title} {{#top}}", ""]
    lines += [w("schools_index.intro", year=w.district(district, "year", district.year)), ""]
    min_n = w.district(district, "min_n", w.number(district.min_n))
    lines += [w("schools_index.privacy", min_n=min_n), ""]
    head = [
        w("schools_index.school"),
        w("schools_index.students"),
        w("schools_index.reading"),
        w("schools_index.math"),
    ]
    lines += ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- |"]
    hidden = False
    for school in schools:
        cells = [f"[{w.school(school, 'name', school.name)}]({school.id}.md)"]
        cells.append(w.number(school.enrolment) if school.enrolment is not None else w.marker)
        for subject in ("reading", "math"):
            if not school.has_table(subject):
                cells.append(w("tables.not_given"))
                continue
            cell = school.cell(subject, "all", "met")
            if (subject, "all", "rate") in school.cells:
                cell = school.cell(subject, "all", "rate")
            cells.append(w.table_cell(cell))
            hidden = hidden or not cell.shown
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if hidden:
        lines += [w("privacy.footnote", marker=w.marker, min_n=min_n), ""]
    return "\n".join(lines)
