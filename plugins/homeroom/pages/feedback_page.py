"""The staff page of families' answers: per page and language, how clear families found it.

Built with the site from what ``homeroom feedback import`` kept (counts only, never what a
family typed), in the default language, out of families' menu and search. Pages over the
site's limit come first, as in ``homeroom check``.
"""

from __future__ import annotations

from collections.abc import Iterable

from homeroom.checks.feedback import in_words
from homeroom.checks.translations.names import english_name
from homeroom.data.feedback_answers import Answers, PageAnswers, merged
from homeroom.data.options import FeedbackOptions
from homeroom.data.pageinfo import page_id, page_version
from homeroom.data.sources import Source
from homeroom.text.family_words import family_words


def _reasons(entry: PageAnswers) -> str:
    words = family_words("en")
    return "; ".join(f"{words.reason(r)} ({n})" for r, n in entry.common_reasons()) or "-"


def _flagged(entry: PageAnswers, options: FeedbackOptions) -> bool:
    return entry.answers >= options.min_answers and entry.share >= options.unclear_share


def feedback_markdown(answers: Answers, sources: Iterable[Source], options: FeedbackOptions) -> str:
    """The staff page's Markdown (front matter included)."""
    versions = {(page_id(s.page), s.language): page_version(s.text) for s in sources}
    lines = [
        "---",
        "title: What families said about our pages",
        "type: staff",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# What families said about our pages",
        "",
        'For district staff: families\' answers to "Was this page clear?", which ends every '
        "family page. Families do not see this page in the menu. Only counts are kept here, "
        "never what a family wrote: read comments in your own export.",
        "",
    ]
    if not answers.pages:
        lines += [
            "No answers have been imported yet. Export the answers from your form, e-mail or "
            "text-message system as a CSV file, then run "
            "`homeroom feedback import ANSWERS.csv`.",
            "",
        ]
        return "\n".join(lines)
    total = sum(a.answers for a in answers.pages)
    lines += [
        f"{total} answers, imported on {answers.imported or 'an unknown date'} from "
        f"`{answers.source or 'an unknown file'}`"
        + (f"; {answers.comments} had a comment." if answers.comments else "."),
        "",
    ]
    current: list[tuple[PageAnswers, bool]] = []
    for key in sorted({(a.page, a.language) for a in answers.pages}):
        now = versions.get(key)
        entries = answers.about(*key)
        fresh = merged([e for e in entries if e.version in ("", now)])
        old = merged([e for e in entries if e.version not in ("", now)])
        if fresh is not None:
            current.append((fresh, now is not None))
        if old is not None:
            current.append((old, False))
    flagged = [e for e, is_now in current if is_now and _flagged(e, options)]
    lines += ["## Pages to look at", ""]
    if not flagged:
        lines += [
            f"No page has {options.min_answers:g} or more answers with "
            f"{round(options.unclear_share * 100)}% or more saying it was not clear.",
            "",
        ]
    for entry in flagged:
        lines.append(
            f"- **{entry.page}** in {english_name(entry.language)}: "
            f"{entry.not_clear} of {entry.answers} said it was not clear "
            f"({in_words(entry.share)}). Most said: {_reasons(entry)}."
        )
    lines += [
        "",
        "When you change a page because of what families said, tell them on the "
        '"You said, we did" page.',
        "",
        "## Every page",
        "",
        "| Page | Language | Answers | Not clear | Reasons given most | Version |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for entry, is_now in current:
        state = "as it is now" if is_now else "an earlier version"
        if (entry.page, entry.language) not in versions:
            state = "not on the site now"
        lines.append(
            f"| {entry.page} | {english_name(entry.language)} | "
            f"{entry.answers} | {entry.not_clear} ({round(entry.share * 100)}%) | "
            f"{_reasons(entry)} | {state} |"
        )
    lines.append("")
    return "\n".join(lines)
