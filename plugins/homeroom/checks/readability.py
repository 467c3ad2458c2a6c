"""Readability: sentences a family can read, and pages scored with the right measure.

Sentences come from :mod:`homeroom.text.sentences` over the prose units of
:mod:`homeroom.text.prose`, so a list item ends a sentence, and code or link targets never
count at all. Every unit's sentences are checked on their own (length, difficulty), but
only the page's prose (:data:`PAGE_KINDS`: paragraphs and list items) enters the page
score: headings, table cells, captions, salutations and sign-offs are labels and short
lines, and counting them made pages of headings and word tables score far easier than the
text families actually read. Limits are data, read by
:mod:`homeroom.data.readability_limits`.

Rules:

- ``readability.sentence``: a sentence with too many words.
- ``readability.sentence-difficulty``: a sentence of long, many-syllable words.
- ``readability.word``: a long word with a plainer one (the glossaries' ``substitution``
  entries, :mod:`homeroom.data.glossary`).
- ``readability.paragraph``: a paragraph too long to read on a phone.
- ``readability.page``: the page as a whole is over its limit; points at the hardest sentences.
- ``readability.override``: a page that raises its own limit (shown, never hidden).

Languages with no validated formula are judged by language-neutral measures, and every
page finding in them says so and names the measure. Limits in words apply only where
Homeroom can find the words (:func:`homeroom.text.segment.counts_words`); what cannot be
measured is listed by :func:`unchecked`, so a run never passes it in silence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from homeroom.checks import PageResult
from homeroom.checks.readability_messages import excerpt, format_score, limit_words
from homeroom.checks.readability_sentences import difficulty_finding, length_finding
from homeroom.data import readability_limits
from homeroom.data.glossary import fold
from homeroom.data.readability_limits import (
    PageLimit,
    Profile,
    ReadabilityOptions,
    options_from_settings,
)
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, setting_position
from homeroom.model.errors import InputError
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import english_language_name
from homeroom.text.measures import (
    MEASURES,
    Counts,
    count_sentence,
    has_formula,
    is_rare,
    measures_for,
    total,
    wordfreq_code,
)
from homeroom.text.prose import ProseDocument
from homeroom.text.segment import counts_words, word_counting
from homeroom.text.sentences import Sentence, split

PROSE_KINDS = ("paragraph", "admonition", "quote")
#: The units whose sentences make the page score: paragraphs (also inside a note or a
#: quote) and list items.
PAGE_KINDS = ("paragraph", "list_item", "admonition", "quote")
#: A sentence a page error may name as one of its hardest has at least this many words:
#: a fragment ("Conversation starters") is no place to start rewriting.
NAMED_SENTENCE_WORDS = 5
#: Where words cannot be counted (Japanese), a page is long enough for a page score at
#: this many characters per word of the profile's ``min_words``.
CHARACTERS_PER_WORD = 2


@dataclass
class _Scored:
    """A sentence with where it is and its counts."""

    sentence: Sentence
    offset: int
    counts: Counts


# ---------------------------------------------------------------------------------------
# The check


class ReadabilityCheck:
    """Flag hard sentences and paragraphs; score each page with its language's measure."""

    name = "readability"

    def __init__(self, options: ReadabilityOptions) -> None:
        """Use these limits."""
        self.options = options

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page."""
        profile = self.options.profile_for(source.page_type)
        language = source.language
        findings: list[Finding] = []
        scored: list[_Scored] = []
        length = profile.sentence_limits(language)
        difficulty = profile.difficulty(language)
        # Limits in words mean nothing where the words cannot be found (Japanese).
        in_words = counts_words(language)
        for unit in doc.units:
            unit_counts: list[Counts] = []
            for sentence in split(unit.text, language):
                counts = count_sentence(sentence.text, language, long_after=length.hard)
                unit_counts.append(counts)
                if unit.kind in PAGE_KINDS:
                    scored.append(_Scored(sentence, unit.start, counts))
                if not in_words:
                    continue
                if counts.words > length.hard:
                    findings.append(
                        length_finding(source, doc, unit.start, sentence, counts.words, length)
                    )
                elif difficulty is not None and counts.words >= difficulty.min_words:
                    found = difficulty_finding(
                        source, doc, unit.start, sentence, counts, difficulty
                    )
                    if found:
                        findings.append(found)
            findings.extend(self._plain_word_findings(source, doc, unit.start, unit.text))
            unit_words = sum(c.words for c in unit_counts)
            if in_words and unit.kind in PROSE_KINDS and unit_words > profile.paragraph_words:
                line, column = doc.position(unit.start)
                findings.append(
                    Finding(
                        path=source.display,
                        line=line,
                        column=column,
                        rule="readability.paragraph",
                        severity=Severity.WARNING,
                        message=(
                            f"This paragraph has {unit_words} words, more than a phone screen. Families "
                            f"skim long blocks. Keep paragraphs under {profile.paragraph_words} words: "
                            "split it in two, or turn the steps into a list."
                        ),
                        match=excerpt(unit.text),
                        suggestion="Split the paragraph or use a list.",
                        language=language,
                    )
                )
        page_counts = total(s.counts for s in scored)
        metrics, page_findings = self._page(source, doc, profile, scored, page_counts)
        findings.extend(page_findings)
        return PageResult(findings=tuple(findings), metrics=metrics)

    # -- page level ----------------------------------------------------------------------

    def _page(
        self,
        source: Source,
        doc: ProseDocument,
        profile: Profile,
        scored: Sequence[_Scored],
        counts: Counts,
    ) -> tuple[dict[str, Any], list[Finding]]:
        language = source.language
        findings: list[Finding] = []
        available = measures_for(language)
        values = {m: MEASURES[m].compute(counts) for m in available}
        size = counts.words if counts_words(language) else counts.characters // CHARACTERS_PER_WORD
        if not available:
            # No measure for this writing system: the run lists it as not checked.
            return {
                "measure": None,
                "formula": None,
                "score": None,
                "words": counts.words,
                "sentences": counts.sentences,
                "word_counting": word_counting(language),
                "measures": {},
                "threshold": None,
                "too_short_for_page_score": size < profile.min_words,
            }, findings
        limits = profile.page_limits(language)
        main = limits[0] if limits else PageLimit(available[0], float("inf"))
        override = self._override(source, main, findings)
        applied = [replace(main, limit=override[0]) if override else main, *limits[1:]]
        is_formula = MEASURES[main.measure].languages is not None
        metrics: dict[str, Any] = {
            "measure": main.measure,
            "formula": main.measure if is_formula else None,
            "score": _round(values.get(main.measure)),
            "words": counts.words,
            "sentences": counts.sentences,
            "words_per_sentence": _round(values.get("words-per-sentence")) or 0.0,
            "word_counting": word_counting(language),
            "measures": {m: _round(v) for m, v in values.items()},
            "threshold": {
                "profile": profile.name,
                "measure": applied[0].measure,
                "limit": applied[0].limit,
                "easier": MEASURES[applied[0].measure].easier,
                "reason": override[1] if override else None,
            },
            "too_short_for_page_score": size < profile.min_words,
        }
        if size < profile.min_words:
            return metrics, findings
        for limit in applied:
            value = values.get(limit.measure)
            if value is None or MEASURES[limit.measure].passes(value, limit.limit):
                continue
            findings.append(self._page_finding(source, doc, profile, limit, value, scored))
        return metrics, findings

    def _override(
        self, source: Source, main: PageLimit, findings: list[Finding]
    ) -> tuple[float, str] | None:
        raw = source.meta.get("readability")
        if raw is None:
            return None
        line = _front_matter_line(source, "readability")

        def note(
            severity: Severity, message: str, suggestion: str = "", match: str = ""
        ) -> Finding:
            return Finding(
                path=source.display,
                line=line,
                column=1,
                rule="readability.override",
                severity=severity,
                message=message,
                match=match,
                suggestion=suggestion,
                language=source.language,
            )

        limit = raw.get("limit") if isinstance(raw, Mapping) else None
        reason = raw.get("reason") if isinstance(raw, Mapping) else None
        if not isinstance(limit, int | float) or isinstance(limit, bool):
            raise InputError(
                source.display,
                "`readability:` in the front matter needs a `limit:` number and a `reason:`, "
                'such as `readability: {limit: 8, reason: "Names the state tests, which cannot be simpler."}`',
                line=line,
            )
        if not isinstance(reason, str) or len(reason.split()) < 3:
            findings.append(
                note(
                    severity=Severity.ERROR,
                    message=(
                        f"This page raises its reading limit to {limit} without saying why. Families "
                        "depend on plain pages, so a higher limit needs a written reason: add "
                        '`reason: "..."` under `readability:` in the front matter.'
                    ),
                    suggestion='Add reason: "why this page cannot be simpler"',
                )
            )
            return None
        findings.append(
            note(
                severity=Severity.INFO,
                message=f"This page allows {limit_words(main.measure, float(limit))} instead of the usual limit. Reason given: {reason}",
                match=reason,
            )
        )
        return float(limit), reason

    def _page_finding(
        self,
        source: Source,
        doc: ProseDocument,
        profile: Profile,
        limit: PageLimit,
        value: float,
        scored: Sequence[_Scored],
    ) -> Finding:
        measure = MEASURES[limit.measure]
        language = source.language

        def hardness(s: _Scored) -> float:
            v = measure.compute(s.counts) if not measure.id.endswith("-share") else None
            if v is None:
                return s.counts.words if measure.easier == "lower" else -s.counts.words
            return v if measure.easier == "lower" else -v

        sentences = [s for s in scored if s.counts.words >= NAMED_SENTENCE_WORDS]
        worst = sorted(sentences, key=hardness, reverse=True)[:3]
        worst_lines = sorted(doc.position(s.offset + s.sentence.start)[0] for s in worst)
        line, column = doc.position(worst[0].offset + worst[0].sentence.start) if worst else (1, 1)
        kind = "family" if profile.name == "family" else profile.name.replace("-", " ")
        if limit.measure == "rare-word-share":
            rare = self._rare_words(scored, language)
            detail = f"Words such as {', '.join(repr(w) for w in rare[:4])} are rare. Use everyday words where you can."
        elif limit.measure == "long-word-share":
            detail = "Use shorter, everyday words where you can."
        elif limit.measure == "long-sentence-share":
            length = profile.sentence_limits(language)
            detail = f"Split the sentences of more than {length.hard} words: one idea per sentence."
        elif worst:
            detail = f"Start with the hardest sentences, on lines {', '.join(map(str, worst_lines))}: shorten them or use everyday words."
        else:
            detail = "Shorten the sentences and use everyday words."
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="readability.page",
            severity=Severity.ERROR,
            message=(
                f"This page scores {format_score(limit.measure, value)} on {measure.label}; {kind} pages "
                f"in this language should be {limit_words(limit.measure, limit.limit)}, so many families will "
                f"struggle with it. {_neutral_note(language, measure.label)}{detail}"
            ),
            match=excerpt(worst[0].sentence.text) if worst else "",
            suggestion=detail,
            language=language,
        )

    @staticmethod
    def _rare_words(scored: Sequence[_Scored], language: str) -> list[str]:
        code = wordfreq_code(language)
        seen: dict[str, None] = {}
        for s in scored:
            for w in s.sentence.words:
                if code and is_rare(w, code):
                    seen.setdefault(w, None)
        return list(seen)

    # -- sentence level --------------------------------------------------------------------

    def _plain_word_findings(
        self, source: Source, doc: ProseDocument, start: int, text: str
    ) -> list[Finding]:
        glossary = self.options.plain_words(source.language)
        if glossary is None:
            return []
        found = []
        for m in glossary.substitution_pattern.finditer(text):
            word = " ".join(m.group().split())
            entry = glossary.substitutions[fold(word)]
            plain = entry.suggestion
            line, column = doc.position(start + m.start())
            found.append(
                Finding(
                    path=source.display,
                    line=line,
                    column=column,
                    rule="readability.word",
                    severity=entry.severity,
                    message=(
                        f'"{word}" has a plainer word: "{plain}". Everyday words are faster to read, '
                        "especially for families reading in a second language."
                    ),
                    match=word,
                    suggestion=plain,
                    language=source.language,
                )
            )
        return found


def _neutral_note(language: str, label: str) -> str:
    """For a language with no validated formula: the sentence that says so (else nothing)."""
    if has_formula(language):
        return ""
    name = english_language_name(language)
    how = (
        " (Chinese words found with a Chinese word list)"
        if word_counting(language) == "jieba"
        else ""
    )
    the = "the " if label.startswith("share") else ""
    return (
        f"No grade-level formula has been validated for {name}, so Homeroom measures "
        f"{the}{label}{how} instead. "
    )


def unchecked(languages: Sequence[str]) -> list[str]:
    """What readability cannot measure in these languages, in words for staff.

    A language whose sentences cannot be found gets no measure at all; one whose words
    cannot be found gets characters per sentence, and no limit in words.
    """
    said = []
    for language in sorted(set(languages)):
        name = english_language_name(language)
        if not measures_for(language):
            said.append(
                f"readability of {name} pages: Homeroom cannot find the words or the sentences "
                f"of {name} text, so no sentence, paragraph or page is measured. Ask a fluent "
                "reader to check that the pages are plain."
            )
        elif not counts_words(language):
            said.append(
                f"sentence and paragraph length in {name} pages: Homeroom has no {name} word "
                "list, so it measures only characters per sentence for the whole page. Ask a "
                "fluent reader to check the long sentences."
            )
    return said


def page_counts(source: Source, doc: ProseDocument) -> Counts:
    """Counts for a whole page's score, sentence by sentence over its prose (unrounded).

    Only the units of :data:`PAGE_KINDS` count, as in the check.
    """
    return total(
        count_sentence(sentence.text, source.language)
        for unit in doc.units
        if unit.kind in PAGE_KINDS
        for sentence in split(unit.text, source.language)
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3 if abs(value) < 1 else 1)


def _front_matter_line(source: Source, key: str) -> int:
    return setting_position(source, key)[0]


def data_files(settings: Settings) -> list[Path]:
    """The data files the check's results depend on (for the cache's fingerprint)."""
    return readability_limits.data_files(settings)


def build(settings: Settings) -> ReadabilityCheck:
    """The readability check configured for a site."""
    return ReadabilityCheck(options_from_settings(settings))
