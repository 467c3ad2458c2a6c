"""Report-card pages as Markdown, from the one suppressed dataset, in any language.

Every word comes from the language's catalog (``content/_data/strings/<lang>.yml``) and
every number is formatted for the language with Babel. The renderer only ever sees a
:class:`~homeroom.reportcards.privacy.PublishedSchool`: hidden values are not in it, so
no sentence, comparison, trend or chart can be built from them.

Layout contract (the adversarial test reads published pages by it): each subject section
``{#reading}``, ``{#math}``, ``{#science}`` holds a table of groups (all students first,
then each pair of groups that adds up to all students) and, when two or more grades were
tested, a table of grades that add up to all students. Cells show a whole percentage, a
coded share (``<5%``, ``>95%``) or the privacy marker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from homeroom.data.catalogs import Catalogs
from homeroom.reportcards.charts import bar_chart
from homeroom.reportcards.model import District
from homeroom.reportcards.privacy import ABOVE, BELOW, SHOWN, Cell, PublishedSchool

SUBJECT_ORDER = ("reading", "math", "science")
LEVEL_COLUMNS = ("l1", "l2", "l3", "l4", "met")


class Words:
    """Catalog text and Babel numbers for one language."""

    def __init__(self, catalogs: Catalogs, lang: str) -> None:
        """Format for ``lang`` with its catalog."""
        self.catalogs = catalogs
        self.lang = lang
        self.locale = Locale.parse(lang)

    def __call__(self, key: str, **params: object) -> str:
        """The catalog text of ``key``."""
        return self.catalogs.text(key, self.lang, **params)

    @property
    def marker(self) -> str:
        """The one privacy marker."""
        return self("numbers.marker")

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping."""
        return format_decimal(value, locale=self.locale)

    def pct(self, value: int) -> str:
        """A whole percentage, such as 62% or 62 %."""
        return format_percent(value / 100, locale=self.locale)

    def money(self, value: int) -> str:
        """Whole dollars, in the language's currency format."""
        pattern = self.locale.currency_formats["standard"].pattern.split(";")[0]
        return format_currency(
            value,
            "USD",
            locale=self.locale,
            format=pattern.replace(".00", ""),
            currency_digits=False,
        )

    def date(self, value: dt.date) -> str:
        """A date written out, such as September 15, 2026."""
        return format_date(value, format="long", locale=self.locale)

    def share(self, cell: Cell) -> str:
        """A share in a sentence: 62%, "fewer than 5%", "more than 95%"."""
        if cell.status == BELOW and cell.limit is not None:
            return self("numbers.below", pct=self.pct(cell.limit))
        if cell.status == ABOVE and cell.limit is not None:
            return self("numbers.above", pct=self.pct(cell.limit))
        return self.pct(cell.value or 0)

    def frequency(self, cell: Cell) -> str:
        """Words from a fixed denominator of 10 (or 20 at the ends), never the group size."""
        if cell.status == BELOW:
            return self("frequency.below")
        if cell.status == ABOVE:
            return self("frequency.above")
        tens = ((cell.value or 0) + 5) // 10
        if tens <= 0:
            return self("frequency.fewer_than_one_in_ten")
        if tens >= 10:
            return self("frequency.nearly_all")
        return self("frequency.about", count=tens)

    def table_cell(self, cell: Cell, *, is_count: bool = False) -> str:
        """A table cell: a number, a coded share or the marker."""
        if cell.status == SHOWN and cell.value is not None:
            return self.number(cell.value) if is_count else self.pct(cell.value)
        if cell.status == BELOW and cell.limit is not None:
            return self("numbers.table_below", pct=self.pct(cell.limit))
        if cell.status == ABOVE and cell.limit is not None:
            return self("numbers.table_above", pct=self.pct(cell.limit))
        return self.marker

    def grades(self, grades: Sequence[str]) -> str:
        """Grades as the language lists them, runs shortened: "3 to 8 and 11"."""
        runs: list[list[str]] = []
        for grade in grades:
            last = runs[-1][-1] if runs else None
            if (
                last is not None
                and last.isdigit()
                and grade.isdigit()
                and int(grade) == int(last) + 1
            ):
                runs[-1].append(grade)
            else:
                runs.append([grade])
        parts = [
            run[0] if len(run) < 3 else self("how_to_read.grade_range", first=run[0], last=run[-1])
            for run in runs
            for run in ([run] if len(run) != 2 else [[run[0]], [run[1]]])
        ]
        return format_list(parts, locale=self.locale)

    def points(self, count: int) -> str:
        """1 point, 8 points."""
        return self("compare.point") if count == 1 else self("compare.points", count=count)

    def comparison(self, value: int, district: int | None, state: int | None) -> str:
        """A sentence such as: That is 8 points higher than the district."""
        parts = []
        for where, other in (("district", district), ("state", state)):
            if other is None:
                continue
            gap = value - other
            if gap > 0:
                parts.append(self(f"compare.{where}_higher", points=self.points(gap)))
            elif gap < 0:
                parts.append(self(f"compare.{where}_lower", points=self.points(-gap)))
            else:
                parts.append(self(f"compare.{where}_same"))
        if len(parts) == 2:
            return self("compare.both", district=parts[0], state=parts[1])
        if parts:
            return self("compare.one", comparison=parts[0])
        return ""


def _comparable(cell: Cell) -> int | None:
    """Only an exact, shown share may be compared or ranked."""
    return cell.value if cell.status == SHOWN else None


def _front_matter(title: str) -> list[str]:
    # Quoted for YAML: school names may hold a colon.
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    return ["---", f'title: "{escaped}"', "type: report-card", "essential: true", "---", ""]


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


def _subject_section(
    w: Words, school: PublishedSchool, district: District, subject: str, science_grades: str
) -> tuple[list[str], bool]:
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


def _rate_section(
    w: Words, school: PublishedSchool, district: District, key: str, section: str, compare_key: str
) -> tuple[list[str], bool]:
    lines = [f"## {w(f'report_card.sections.{section}')} {{#{_anchor(section)}}}", ""]
    lines += [f"{w(f'{section}.what')} {w(f'{section}.why')}", ""]
    cell = school.cell(key, "all", "count")
    if cell.status == SHOWN or cell.status in (BELOW, ABOVE):
        sentence = w(f"{section}.result", share=w.share(cell), freq=w.frequency(cell))
        value = _comparable(cell)
        if value is not None:
            sentence += " " + w.comparison(
                value,
                district.district_results.get(compare_key),
                district.state_results.get(compare_key),
            )
        return [*lines, sentence.strip(), ""], cell.status != SHOWN
    return [*lines, w("subjects.hidden", marker=w.marker), ""], True


def _anchor(section: str) -> str:
    return {"attendance": "attendance", "english": "english-learners"}.get(section, section)


def _glance(w: Words, school: PublishedSchool, district: District) -> list[str]:
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
            sentence = w(f"glance.{key}", share=w.share(cell), freq=w.frequency(cell))
            value = _comparable(cell)
            if value is not None:
                sentence += " " + w.comparison(
                    value,
                    district.district_results.get(compare_key),
                    district.state_results.get(compare_key),
                )
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


def school_markdown(
    school: PublishedSchool, district: District, catalogs: Catalogs, lang: str
) -> str:
    """The report card of one school in one language."""
    w = Words(catalogs, lang)
    lines = _front_matter(w("report_card.page_title", school=school.name))
    lines += [f"# {school.name} {{#top}}", ""]
    if district.published is not None:
        lines += [
            w(
                "report_card.intro",
                school=school.name,
                year=school.year,
                date=w.date(district.published),
            ),
            "",
        ]
    else:
        lines += [w("report_card.intro_no_date", school=school.name, year=school.year), ""]
    lines += _glance(w, school, district)
    lines += [f"## {w('report_card.sections.how_to_read')} {{#how-to-read}}", ""]
    if district.tested_grades:
        lines += [w("how_to_read.tests", grades=w.grades(district.tested_grades)), ""]
    lines += [w("how_to_read.levels"), ""]
    lines += [f"- {w(f'how_to_read.level_{i}')}" for i in range(1, 5)] + [""]
    lines += [w("how_to_read.met"), "", w("how_to_read.compare"), "", w("how_to_read.coded"), ""]
    lines += [f"### {w('report_card.sections.privacy')} {{#privacy}}", ""]
    lines += [
        f"{w('privacy.rule', min_n=w.number(school.min_n))} {w('privacy.complement')} "
        f"{w('privacy.marker', marker=w.marker)}",
        "",
    ]
    footnote = w("privacy.footnote", marker=w.marker, min_n=w.number(school.min_n))
    science_grades = ", ".join(
        g.split(":", 1)[1] for g in school.rows.get("science", ()) if g.startswith("grade:")
    ) or _science_grades(school)
    for subject in SUBJECT_ORDER:
        if school.has_table(subject):
            subject_lines, hidden = _subject_section(w, school, district, subject, science_grades)
            lines += subject_lines
            if hidden:
                lines += [footnote, ""]
    for key, section, compare_key in (
        ("absenteeism", "attendance", "absenteeism"),
        ("english_learners_progress", "english", "english_learners_progress"),
        ("graduation", "graduation", "graduation"),
    ):
        if school.has_table(key):
            section_lines, hidden = _rate_section(w, school, district, key, section, compare_key)
            lines += section_lines
            if hidden:
                lines += [footnote, ""]
    if school.teachers is not None:
        total, experienced = school.teachers
        share = Cell(SHOWN, (200 * experienced + total) // (2 * total))
        lines += [f"## {w('report_card.sections.teachers')} {{#teachers}}", ""]
        lines += [f"{w('teachers.what')} {w('teachers.why')}", ""]
        sentence = w("teachers.result", share=w.share(share), total=w.number(total))
        sentence += " " + w.comparison(
            share.value or 0,
            district.district_results.get("teachers_experienced"),
            district.state_results.get("teachers_experienced"),
        )
        lines += [sentence.strip(), ""]
    if school.spending_per_pupil is not None:
        lines += [f"## {w('report_card.sections.spending')} {{#spending}}", ""]
        lines += [w("spending.what"), ""]
        spent = [w("spending.result", amount=w.money(school.spending_per_pupil))]
        if district.district_spending_per_pupil is not None:
            spent.append(
                w("spending.district", amount=w.money(district.district_spending_per_pupil))
            )
        if district.state_spending_per_pupil is not None:
            spent.append(w("spending.state", amount=w.money(district.state_spending_per_pupil)))
        lines += [" ".join(spent), ""]
    if district.contact_phone or district.interpreter_phone:
        lines += [f"## {w('report_card.sections.help')} {{#get-help}}", ""]
        help_text = []
        if district.contact_phone:
            help_text.append(w("help.text", phone=district.contact_phone))
        if district.interpreter_phone:
            help_text.append(w("help.interpreter", phone=district.interpreter_phone))
        lines += [" ".join(help_text), ""]
    if district.source_in(lang):
        lines += [w("report_card.source", source=district.source_in(lang)), ""]
    return "\n".join(lines)


def _science_grades(school: PublishedSchool) -> str:
    return {"elementary": "5", "middle": "8", "high": "11"}.get(school.level, "")


def index_markdown(
    schools: Sequence[PublishedSchool], district: District, catalogs: Catalogs, lang: str
) -> str:
    """The list of every school's report card, in one language."""
    w = Words(catalogs, lang)
    title = w("schools_index.title")
    lines = _front_matter(title)
    lines += [f"# {title} {{#top}}", ""]
    lines += [w("schools_index.intro", year=district.year), ""]
    lines += [w("schools_index.privacy", min_n=w.number(district.min_n)), ""]
    head = [
        w("schools_index.school"),
        w("schools_index.students"),
        w("schools_index.reading"),
        w("schools_index.math"),
    ]
    lines += ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- |"]
    hidden = False
    for school in schools:
        cells = [f"[{school.name}]({school.id}.md)"]
        cells.append(w.number(school.enrolment) if school.enrolment is not None else w.marker)
        for subject in ("reading", "math"):
            cell = school.cell(subject, "all", "met")
            cells.append(w.table_cell(cell))
            hidden = hidden or not cell.shown
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if hidden:
        lines += [w("privacy.footnote", marker=w.marker, min_n=w.number(district.min_n)), ""]
    return "\n".join(lines)
