"""Families can answer every page, and their answers reach the page's authors.

- ``feedback.missing``: a family page that turned off "Was this page clear?"
  (``feedback: false``) while the site has somewhere to send answers
  (``feedback:`` in ``content/_data/contact.yml``).
- ``feedback.unclear``: enough families answered about this page, in this language and
  its current version, and too many of them said it was not clear (``unclear_share`` and
  ``min_answers`` under homeroom/feedback; answers come from ``homeroom feedback import``).
- ``contact.*``: every page says how to reach a person (:mod:`homeroom.checks.contact`).
"""

from __future__ import annotations

from pathlib import Path

from homeroom.checks import PageResult
from homeroom.checks.contact import contact_findings, setting_line
from homeroom.checks.translations.names import english_name
from homeroom.data.contact import Contact, load_contact
from homeroom.data.feedback_answers import Answers, PageAnswers, load_answers, merged
from homeroom.data.options import FeedbackOptions
from homeroom.data.pageinfo import NOT_FOR_FAMILIES, page_id, page_version
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.text.family_words import family_words
from homeroom.text.prose import ProseDocument


def in_words(share: float) -> str:
    """A share with a fixed denominator in words: ``42% (about 4 in 10)``."""
    return f"{round(share * 100)}% (about {round(share * 10)} in 10)"


class FeedbackCheck:
    """Check that each family page asks for feedback and gives a person to reach."""

    name = "feedback"

    def __init__(self, contact: Contact, answers: Answers, options: FeedbackOptions) -> None:
        """Use the site's contact data, families' answers and the plugin's options."""
        self.contact = contact
        self.answers = answers
        self.options = options

    def fingerprint(self) -> str:
        """Changes with the contact data and the answers."""
        return f"{self.contact.digest}:{self.answers.digest}"

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Report a page without the question, without a person, or that families found unclear."""
        if source.page_type in NOT_FOR_FAMILIES:
            return PageResult()
        findings: list[Finding] = []
        required = self.options.contact_required
        if source.meta.get("feedback") is False and self.contact.feedback.configured:
            findings.append(self._missing(source))
        findings += contact_findings(source, self.contact, required)
        version = page_version(source.text)
        unclear = self._unclear(source, version)
        if unclear is not None:
            findings.append(unclear)
        return PageResult(findings=tuple(findings), metrics={"version": version})

    def _missing(self, source: Source) -> Finding:
        return Finding(
            path=source.display,
            line=setting_line(source, "feedback"),
            column=1,
            rule="feedback.missing",
            severity=Severity.ERROR,
            message=(
                '`feedback: false` takes "Was this page clear?" off this page, so families '
                "cannot tell the district what they did not understand. Remove the line; the "
                f"question and its links come from {self.contact.display}."
            ),
            match="feedback: false",
            language=source.language,
        )

    def _unclear(self, source: Source, version: str) -> Finding | None:
        entries = self.answers.about(page_id(source.page), source.language)
        # Answers about an older text are about words that have changed since.
        current = merged([e for e in entries if e.version in ("", version)])
        if current is None or current.answers < self.options.min_answers:
            return None
        if current.share < self.options.unclear_share:
            return None
        return Finding(
            path=source.display,
            line=1,
            column=1,
            rule="feedback.unclear",
            severity=Severity.WARNING,
            message=_unclear_message(source, current, self.options.unclear_share),
            language=source.language,
        )


def _unclear_message(source: Source, answers: PageAnswers, limit: float) -> str:
    name = english_name(source.language)
    reasons = answers.common_reasons()
    words = family_words("en")
    said = (
        " The reasons they gave most: "
        + "; ".join(f'"{words.reason(r)}" ({n})' for r, n in reasons)
        + "."
        if reasons
        else ""
    )
    return (
        f'{answers.answers} families answered "Was this page clear?" about the {name} page as it '
        f"is now, and {answers.not_clear} said no: {in_words(answers.share)}, over the "
        f"{round(limit * 100)}% this site accepts.{said} Read the page again with those "
        "reasons in mind, or ask a family liaison to read it with a family; when you change "
        "it, new answers are counted apart from these. Then add what you changed to the "
        '"You said, we did" page.'
    )


def data_files(settings: Settings) -> list[Path]:
    """The contact data and the answers (for the cache's fingerprint)."""
    options = settings.options(FeedbackOptions)
    return [settings.data_dir / options.contact, settings.data_dir / options.answers]


def build(settings: Settings) -> FeedbackCheck:
    """The feedback check with the site's contact data and answers.

    Run without configuration (no mkdocs.yml listing homeroom/feedback), a folder without
    contact data is simply not asked for any.
    """
    options = settings.options(FeedbackOptions)
    required = options.contact_required if settings.listed(FeedbackOptions) else ()
    contact = load_contact(settings.data_dir, settings.project_root, options.contact, required)
    answers = load_answers(settings.data_dir, settings.project_root, options.answers)
    return FeedbackCheck(contact, answers, options)
