"""Relational tone: pages that order families about, blame them, or give them nothing to do.

Families answer an invitation that says why it matters and how the school will help; they
get defensive at an order or a threat ("Parents are required to", "Failure to ... will
result in") and at blame ("your child refuses to"). And a family reading on a phone
decides from the first screen whether a page is for them: if it holds nothing they can do,
many stop there. The phrases, their rewrites and the words that make an action are
package data per language (:mod:`homeroom.data.tone`); a language without a file is not
checked.

Rules (all warnings, each with an asset-based rewrite):

- ``tone.demand``: a demand or threat written at families.
- ``tone.blame``: blame of the child or the family.
- ``tone.no-action``: the first screen (the first :data:`FIRST_SCREEN_WORDS` words) has no
  action a family can take: no sentence that asks or invites them to do something, and no
  link, phone number or e-mail address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from homeroom.checks import PageResult
from homeroom.data import tone as tone_data
from homeroom.data.pageinfo import NOT_FOR_FAMILIES
from homeroom.data.placeholders import placeholder_words
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.data.tone import Phrase, Tone
from homeroom.model.findings import Finding, Severity
from homeroom.text.prose import ProseDocument, ProseUnit
from homeroom.text.sentences import split, words
from homeroom.text.syllables import base_language

#: About one phone screen of text, headings included.
FIRST_SCREEN_WORDS = 120
#: A page with fewer words is too short to judge by its first screen.
MIN_WORDS = 30
#: Pages not written for families to act on.
NOT_CHECKED = NOT_FOR_FAMILIES | {"glossary"}
# In the source of the first screen: a link, a web address, a phone number or an e-mail
# address. Every part reads a bounded run of characters from where it starts.
_CONTACT = re.compile(
    r"\]\(|\]\[|<a\s|href=|tel:|mailto:|https?://|\bwww\.|"
    r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\b[\w.+-]{1,64}@[\w-]{1,63}\.\w",
    re.IGNORECASE,
)


class ToneCheck:
    """Flag demands and blame aimed at families, and first screens with nothing to do."""

    name = "tone"

    def __init__(self, tones: Mapping[str, Tone]) -> None:
        """Use these languages' phrases."""
        self.tones = tones

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page."""
        tone = self.tones.get(source.language) or self.tones.get(base_language(source.language))
        if tone is None or source.page_type in NOT_CHECKED:
            return PageResult()
        findings = [
            _phrase_finding(source, doc, unit, phrase, match)
            for unit in doc.units
            for phrase in tone.phrases
            for match in phrase.pattern.finditer(unit.text)
        ]
        no_action = self._no_action(source, doc, tone)
        if no_action is not None:
            findings.append(no_action)
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return PageResult(findings=tuple(findings))

    @staticmethod
    def _no_action(source: Source, doc: ProseDocument, tone: Tone) -> Finding | None:
        total = sum(len(words(u.text)) for u in doc.units)
        if not doc.units or total < MIN_WORDS or _unwritten(source):
            return None
        count = 0
        screen_end = doc.units[0].start
        for unit in doc.units:
            for sentence in split(unit.text, source.language):
                if count >= FIRST_SCREEN_WORDS:
                    break
                if tone.is_action(sentence.text):
                    return None
                count += len(words(sentence.text))
                screen_end = unit.start + sentence.end
        if _CONTACT.search(source.text, source.body_offset, screen_end):
            return None
        screen = doc.units
        line, column = doc.position(screen[0].start)
        es = base_language(source.language) == "es"
        example = (
            '"Llame a la oficina al ..." o "En casa puede ..."'
            if es
            else '"Call the office at ..." or "At home you can ..."'
        )
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="tone.no-action",
            severity=Severity.WARNING,
            message=(
                f"The first screen of this page (its first {FIRST_SCREEN_WORDS} words) gives "
                "families nothing they can do. A family reading on a phone decides from the "
                "top whether a page is for them, and many stop there. Put one action near the "
                "top: who to call, what to bring, what to ask, or one thing to try at home, "
                f"such as {example}."
            ),
            match=" ".join(screen[0].text.split())[:60],
            suggestion=f"Start with one thing a family can do, such as {example}.",
            language=source.language,
        )


def _unwritten(source: Source) -> bool:
    """Whether the page still holds a note from ``homeroom new`` ("To write: ...").

    Such a page is not written yet, and ``content.placeholder`` already stops it; its first
    screen is judged once the notes are replaced.
    """
    body = source.text[source.body_offset :]
    return any(note in body for note in placeholder_words().values())


def _phrase_finding(
    source: Source, doc: ProseDocument, unit: ProseUnit, phrase: Phrase, match: re.Match[str]
) -> Finding:
    line, column = doc.position(unit.start + match.start())
    shown = " ".join(match.group().split())
    what = "gives families an order" if phrase.kind == "demand" else "blames the child or family"
    return Finding(
        path=source.display,
        line=line,
        column=column,
        rule=f"tone.{phrase.kind}",
        severity=Severity.WARNING,
        message=(
            f'"{shown}" {what}. {phrase.why} Say it from the family\'s strengths, for '
            f'example: "{phrase.rewrite}"'
        ),
        match=shown,
        suggestion=phrase.rewrite,
        language=source.language,
    )


def data_files(settings: Settings) -> list[Path]:
    """The tone files shipped with Homeroom (for the cache's fingerprint)."""
    return tone_data.data_files()


def build(settings: Settings) -> ToneCheck:
    """The tone check, with every language's phrases (any mistake in them is raised)."""
    return ToneCheck(tone_data.load_tones())
