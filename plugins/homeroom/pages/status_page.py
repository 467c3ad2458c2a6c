"""The translation status page for staff: coverage per language, what to do next.

Built with the site but left out of families' navigation and search. The chart is inline
SVG (no script, no external file), and every figure in it is also in the table beneath.
"""

from __future__ import annotations

from html import escape

from homeroom.checks.translations.coverage import Coverage
from homeroom.checks.translations.records import Status
from homeroom.model.languages import language_name

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


def status_markdown(coverage: Coverage) -> str:
    """The status page's Markdown (front matter included)."""
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
