"""The translation status page for staff: coverage per language, what to do next.

Built with the site but left out of families' navigation and search. The chart is inline
SVG (no script, no external file), and every figure in it is also in the table beneath.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from html import escape

from homeroom.checks.translations.coverage import Coverage
from homeroom.checks.translations.records import Status
from homeroom.data.home_languages import LanguageNeed, SchoolLanguages
from homeroom.data.settings import Settings
from homeroom.model.errors import HomeroomError
from homeroom.model.languages import english_language_name, language_name

_BAR_WIDTH = 240
_ROW = 28


def _chart(coverage: Coverage) -> str:
    langs = coverage.languages
    height = _ROW * len(langs) + 8
    label = "; ".join(
        f"{language_name(lang) or lang}: {coverage.percent_current(lang)}% current"
        for lang in langs
    )
    parts = [
        f'<svg class="homeroom-chart" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {_BAR_WIDTH + 170} {height}" width="100%" '
        f'style="max-width:{_BAR_WIDTH + 170}px" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, lang in enumerate(langs):
        y = 4 + index * _ROW
        pct = coverage.percent_current(lang)
        name = escape(language_name(lang) or lang)
        parts.append(
            f'<text x="0" y="{y + 17}" font-size="14" fill="currentColor">{name}</text>'
            f'<rect x="100" y="{y + 3}" width="{_BAR_WIDTH}" height="18" fill="none" '
            f'stroke="currentColor"/>'
            f'<rect x="100" y="{y + 3}" width="{round(_BAR_WIDTH * pct / 100)}" height="18" '
            f'fill="currentColor" fill-opacity="0.75"/>'
            f'<text x="{110 + _BAR_WIDTH}" y="{y + 17}" font-size="14" fill="currentColor">'
            f"{pct}%</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class SchoolRow:
    """One school on the staff page: the languages its families need, and its card's."""

    name: str
    needs: tuple[LanguageNeed, ...]
    card_languages: tuple[str, ...]
    """Empty when the school has no report card (or the cards could not be made)."""


def school_rows(settings: Settings, schools: Sequence[SchoolLanguages]) -> list[SchoolRow]:
    """The staff page's rows: each school with counts, and the languages of its card."""
    by_school: dict[str, tuple[str, ...]] = {}
    if settings.enabled("reportcards"):
        from homeroom.reportcards.pages import generate

        # The build reports what stops the cards; the page still lists the needs.
        with suppress(HomeroomError):
            by_school = dict(generate(settings).by_school)
    return [
        SchoolRow(school.name, school.needs, by_school.get(school.school, ())) for school in schools
    ]


def _schools_section(rows: Sequence[SchoolRow]) -> list[str]:
    lines = [
        "",
        "## Languages each school's families need",
        "",
        "A language is needed at a school when enough of its students speak it at home "
        "(the threshold is set under homeroom/translations in mkdocs.yml). The school's "
        "report card and pages must be published in it.",
        "",
        "| School | Families need | Report card published in |",
        "| --- | --- | --- |",
    ]
    for row in rows:
        needs = ", ".join(
            f"{english_language_name(need.language)} ({need.percent}%)" for need in row.needs
        )
        card = ", ".join(english_language_name(lang) for lang in row.card_languages)
        missing = [need for need in row.needs if need.language not in row.card_languages]
        if row.card_languages and missing:
            card += (
                " (not yet: "
                + ", ".join(english_language_name(need.language) for need in missing)
                + ")"
            )
        lines.append(
            f"| {row.name} | {needs or 'no other language'} | {card or 'no report card'} |"
        )
    return lines


def status_markdown(coverage: Coverage, schools: Sequence[SchoolRow] = ()) -> str:
    """The status page's Markdown (front matter included), with each school's languages."""
    lines = [
        "---",
        "title: Translation status",
        "type: staff",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Translation status",
        "",
        "For district staff: which pages families can read in each language. Families do not "
        "see this page in the menu. Run `homeroom translations status` for the same table.",
        "",
        "## Share of pages up to date",
        "",
        _chart(coverage),
        "",
        "| Language | Up to date | Out of date | Missing | Needs review | No record | Not yet (optional) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in coverage.languages:
        c = coverage.counts(lang)
        lines.append(
            f"| {language_name(lang) or lang} ({lang}) | {coverage.percent_current(lang)}% "
            f"({c['current']}) | {c['stale']} | {c['missing']} | {c['needs review']} | "
            f"{c['untracked']} | {c['not translated']} |"
        )
    todo = [
        cell
        for key, cell in sorted(coverage.cells.items())
        if cell.status not in {Status.CURRENT, Status.NOT_TRANSLATED}
    ]
    lines += ["", "## What to do next", ""]
    if not todo:
        lines.append("Every required translation is up to date.")
    else:
        lines += [
            "| Page | Language | State | Since | What to do |",
            "| --- | --- | --- | --- | --- |",
        ]
        for cell in todo:
            page = cell.page + (" (essential)" if cell.essential else "")
            lines.append(
                f"| {page} | {language_name(cell.language) or cell.language} | "
                f"{cell.status.value} | {cell.since or ''} | {_action(cell.status, cell.page, cell.language)} |"
            )
    if schools:
        lines += _schools_section(schools)
    lines.append("")
    return "\n".join(lines)


def _action(status: Status, page: str, lang: str) -> str:
    return {
        Status.STALE: f"`homeroom translations diff {page} {lang}`, update, then mark-current",
        Status.UNTRACKED: f"check it, then `homeroom translations mark-current {page} {lang}`",
        Status.NEEDS_REVIEW: "a fluent reader checks it, then mark-current with --reviewed-by",
        Status.MISSING: "translate it",
        Status.ORPHAN: "rename it to match its page, or delete it",
    }.get(status, "")
