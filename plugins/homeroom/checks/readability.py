"""Readability: sentences a family can read, and pages scored with the right measure.

Sentences come from :mod:`homeroom.text.sentences` over the prose units of
:mod:`homeroom.text.prose`, so lists, headings and table cells count as the short sentences
they are, and code or link targets never count at all. Limits are data
(``content/_data/readability.yml``): a *profile* per kind of page (family guides,
report cards), each with limits per language.

Rules:

- ``readability.sentence``: a sentence with too many words.
- ``readability.sentence-difficulty``: a sentence of long, many-syllable words.
- ``readability.paragraph``: a paragraph too long to read on a phone.
- ``readability.page``: the page as a whole is over its limit; points at the hardest sentences.
- ``readability.override``: a page that raises its own limit (shown, never hidden).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from homeroom.checks import PageResult
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, display_path
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.model.findings import Finding, Severity
from homeroom.text.matcher import phrase_matcher
from homeroom.text.measures import (
    MEASURES,
    Counts,
    count_sentence,
    is_rare,
    measures_for,
    total,
    wordfreq_code,
)
from homeroom.text.prose import ProseDocument
from homeroom.text.sentences import Sentence, WordIndex, split
from homeroom.text.syllables import base_language

#: Where a sentence is easiest to split, best first, by language.
SPLIT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("because", "but", "so", "and", "which", "when", "while", "if", "or"),
    "es": ("porque", "pero", "aunque", "cuando", "y", "que", "si", "o"),
}

DEFAULT_THRESHOLDS_FILE = "readability.yml"
PLAIN_WORDS_FILE = "plain-words.yml"
PROSE_KINDS = ("paragraph", "admonition", "quote")


@dataclass(frozen=True)
class SentenceLimits:
    """How many words make a sentence hard (a warning) or very hard (an error)."""

    hard: int
    very_hard: int


@dataclass(frozen=True)
class DifficultyLimits:
    """Per-sentence scores (in the measure's direction) that make a sentence hard."""

    measure: str
    hard: float
    very_hard: float


@dataclass(frozen=True)
class PageLimit:
    """One page-level limit: a measure and the score it must not pass."""

    measure: str
    limit: float


@dataclass(frozen=True)
class Profile:
    """Every limit for one kind of page, by language (``default`` for the rest)."""

    name: str
    sentence_words: Mapping[str, SentenceLimits]
    page: Mapping[str, tuple[PageLimit, ...]]
    sentence_difficulty: Mapping[str, DifficultyLimits] = field(default_factory=dict)
    paragraph_words: int = 100
    min_words: int = 100

    def sentence_limits(self, language: str) -> SentenceLimits:
        """The sentence-length limits for a language."""
        return _pick(self.sentence_words, language)  # type: ignore[no-any-return]

    def page_limits(self, language: str) -> tuple[PageLimit, ...]:
        """The page limits for a language.

        Measures the language cannot have (rare words where wordfreq has no data) are dropped.
        """
        limits: tuple[PageLimit, ...] = _pick(self.page, language)
        available = set(measures_for(language))
        return tuple(lim for lim in limits if lim.measure in available)

    def difficulty(self, language: str) -> DifficultyLimits | None:
        """Sentence-difficulty limits, for languages with a syllable formula."""
        found = self.sentence_difficulty.get(language) or self.sentence_difficulty.get(
            base_language(language)
        )
        return found


def _pick(table: Mapping[str, Any], language: str) -> Any:
    return table.get(language) or table.get(base_language(language)) or table["default"]


@dataclass(frozen=True)
class PlainWords:
    """Long words and their plainer alternatives for one language, as one compiled matcher."""

    alternatives: Mapping[str, str]
    """Lower-case form -> plainer word."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One matcher for every form (longest first), on word boundaries, any case."""
        return phrase_matcher(self.alternatives)


@dataclass(frozen=True)
class ReadabilityOptions:
    """Profiles by name, and which page types use which profile."""

    profiles: Mapping[str, Profile]
    page_types: Mapping[str, str] = field(default_factory=dict)
    default_profile: str = "family"
    plain_words: Mapping[str, PlainWords] = field(default_factory=dict)
    """Long words with a plainer alternative, by language."""

    def profile_for(self, page_type: str | None) -> Profile:
        """The profile a page type uses."""
        name = self.page_types.get(page_type or "", self.default_profile)
        return self.profiles[name]


_FAMILY = Profile(
    name="family",
    sentence_words={
        "default": SentenceLimits(20, 30),
        "en": SentenceLimits(20, 30),
        "es": SentenceLimits(25, 35),
    },
    page={
        "en": (PageLimit("flesch-kincaid-grade", 6),),
        "es": (PageLimit("inflesz", 65),),
        "default": (PageLimit("words-per-sentence", 15),),
    },
    sentence_difficulty={
        "en": DifficultyLimits("flesch-kincaid-grade", 10, 14),
        "es": DifficultyLimits("inflesz", 40, 25),
    },
)
DEFAULT_OPTIONS = ReadabilityOptions(
    profiles={
        "family": _FAMILY,
        "report-card": replace(
            _FAMILY,
            name="report-card",
            page={
                **_FAMILY.page,
                "en": (PageLimit("flesch-kincaid-grade", 8),),
                "es": (PageLimit("inflesz", 55),),
            },
        ),
    },
    page_types={"report-card": "report-card"},
)


# ---------------------------------------------------------------------------------------
# Reading the thresholds file


class _Data:
    """Small helpers that turn a wrong value into a one-line error naming the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field_path: str, expected: str) -> InputError:
        return InputError(self.where, f"{field_path}: expected {expected}.")

    def mapping(self, value: Any, field_path: str, example: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field_path, f"`key: value` settings, such as `{example}`")
        return value

    def number(self, value: Any, field_path: str, example: str, whole: bool = False) -> float:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        if not ok or (whole and not isinstance(value, int)):
            raise self.fail(field_path, f"a {'whole ' if whole else ''}number such as {example}")
        return value  # type: ignore[no-any-return]

    def measure(self, value: Any, field_path: str, language: str) -> str:
        measure = MEASURES.get(str(value))
        if measure is None:
            raise self.fail(field_path, "one of " + ", ".join(MEASURES))
        if language != "default" and not measure.valid_for(language):
            raise InputError(
                self.where,
                f"{field_path}: {measure.id} is not a validated measure for '{language}'. "
                f"Use one of: {', '.join(measures_for(language))}.",
            )
        return measure.id


def _profile(data: _Data, name: str, raw: Mapping[str, Any], base: Profile | None) -> Profile:
    here = f"profiles > {name}"
    words_table: dict[str, SentenceLimits] = dict(base.sentence_words) if base else {}
    for lang, entry in data.mapping(
        raw.get("sentence_words", {}), f"{here} > sentence_words", "en: {hard: 20, very_hard: 30}"
    ).items():
        where = f"{here} > sentence_words > {lang}"
        entry = data.mapping(entry, where, "{hard: 20, very_hard: 30}")
        hard = int(data.number(entry.get("hard"), f"{where} > hard", "20", whole=True))
        very = int(data.number(entry.get("very_hard"), f"{where} > very_hard", "30", whole=True))
        if hard > very:
            raise data.fail(
                where, "`hard` no larger than `very_hard`, such as {hard: 20, very_hard: 30}"
            )
        words_table[str(lang)] = SentenceLimits(hard, very)
    page: dict[str, tuple[PageLimit, ...]] = dict(base.page) if base else {}
    for lang, entries in data.mapping(
        raw.get("page", {}), f"{here} > page", "en: [{measure: flesch-kincaid-grade, limit: 6}]"
    ).items():
        where = f"{here} > page > {lang}"
        if not isinstance(entries, list) or not entries:
            raise data.fail(where, "a list such as `[{measure: flesch-kincaid-grade, limit: 6}]`")
        limits = []
        for i, entry in enumerate(entries, start=1):
            entry = data.mapping(
                entry, f"{where} > {i}", "{measure: flesch-kincaid-grade, limit: 6}"
            )
            measure = data.measure(entry.get("measure"), f"{where} > {i} > measure", str(lang))
            limits.append(
                PageLimit(measure, data.number(entry.get("limit"), f"{where} > {i} > limit", "6"))
            )
        page[str(lang)] = tuple(limits)
    difficulty: dict[str, DifficultyLimits] = dict(base.sentence_difficulty) if base else {}
    for lang, entry in data.mapping(
        raw.get("sentence_difficulty", {}),
        f"{here} > sentence_difficulty",
        "en: {measure: flesch-kincaid-grade, hard: 10, very_hard: 14}",
    ).items():
        where = f"{here} > sentence_difficulty > {lang}"
        entry = data.mapping(
            entry, where, "{measure: flesch-kincaid-grade, hard: 10, very_hard: 14}"
        )
        difficulty[str(lang)] = DifficultyLimits(
            data.measure(entry.get("measure"), f"{where} > measure", str(lang)),
            data.number(entry.get("hard"), f"{where} > hard", "10"),
            data.number(entry.get("very_hard"), f"{where} > very_hard", "14"),
        )
    if "default" not in words_table or "default" not in page:
        raise data.fail(
            here, "`sentence_words` and `page` limits for `default` (the languages not listed)"
        )
    return Profile(
        name=name,
        sentence_words=words_table,
        page=page,
        sentence_difficulty=difficulty,
        paragraph_words=int(
            data.number(
                raw.get("paragraph_words", base.paragraph_words if base else 100),
                f"{here} > paragraph_words",
                "100",
                whole=True,
            )
        ),
        min_words=int(
            data.number(
                raw.get("min_words", base.min_words if base else 100),
                f"{here} > min_words",
                "100",
                whole=True,
            )
        ),
    )


def parse_options(raw: Any, where: str) -> ReadabilityOptions:
    """Read the thresholds file's contents (already parsed YAML)."""
    data = _Data(where)
    top = data.mapping(raw, "the file", "profiles: {family: {...}}")
    profiles_raw = data.mapping(top.get("profiles"), "profiles", "family: {page: ...}")
    profiles: dict[str, Profile] = {}
    pending = dict(profiles_raw)
    while pending:  # resolve `extends:` in any order
        progressed = False
        for name, raw_profile in list(pending.items()):
            raw_profile = data.mapping(raw_profile, f"profiles > {name}", "page: ...")
            parent = raw_profile.get("extends")
            if parent is not None and parent not in profiles:
                if parent not in pending:
                    raise data.fail(
                        f"profiles > {name} > extends",
                        f"the name of another profile ({', '.join(profiles_raw)})",
                    )
                continue
            profiles[str(name)] = _profile(
                data, str(name), raw_profile, profiles.get(parent) if parent else None
            )
            del pending[name]
            progressed = True
        if not progressed:
            raise data.fail("profiles", "profiles that do not extend each other in a circle")
    page_types = {
        str(k): str(v)
        for k, v in data.mapping(
            top.get("page_types", {}), "page_types", "report-card: report-card"
        ).items()
    }
    default = str(top.get("default_profile", "family"))
    for type_name, profile in [*page_types.items(), ("default_profile", default)]:
        if profile not in profiles:
            raise data.fail(
                f"page_types > {type_name}", f"one of the profiles ({', '.join(profiles)})"
            )
    return ReadabilityOptions(profiles=profiles, page_types=page_types, default_profile=default)


def parse_plain_words(raw: Any, where: str) -> dict[str, PlainWords]:
    """Read ``plain-words.yml``: per language, a list of ``{forms: [...], plain: ...}``."""
    data = _Data(where)
    top = data.mapping(raw, "the file", "en: [{forms: [utilize], plain: use}]")
    result: dict[str, PlainWords] = {}
    for language, entries in top.items():
        if language == "source":
            continue
        if not isinstance(entries, list):
            raise data.fail(str(language), "a list such as `[{forms: [utilize], plain: use}]`")
        table: dict[str, str] = {}
        for i, entry in enumerate(entries, start=1):
            here = f"{language} > {i}"
            entry = data.mapping(entry, here, "{forms: [utilize], plain: use}")
            forms, plain = entry.get("forms"), entry.get("plain")
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and f.strip() for f in forms)
            ):
                raise data.fail(f"{here} > forms", "a list of words, such as `[utilize, utilized]`")
            if not isinstance(plain, str) or not plain.strip():
                raise data.fail(f"{here} > plain", "the plainer word, such as `use`")
            for form in forms:
                table[" ".join(form.lower().split())] = plain.strip()
        result[str(language)] = PlainWords(table)
    return result


def options_from_settings(settings: Settings) -> ReadabilityOptions:
    """Read limits from the editorial data folder (``readability.yml``), if present.

    The default file may be absent (built-in limits apply); a file named in mkdocs.yml
    must exist.
    """
    name = str(settings.plugins.get("readability", {}).get("thresholds", DEFAULT_THRESHOLDS_FILE))
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    if not path.exists():
        if name != DEFAULT_THRESHOLDS_FILE:
            raise InputError(
                shown,
                "the readability thresholds file named in mkdocs.yml (`thresholds:`) does not "
                "exist. Create it, or remove the option to use the built-in limits.",
            )
        options = DEFAULT_OPTIONS
    else:
        options = parse_options(read_yaml(path, shown), shown)
    plain_path = settings.data_dir / PLAIN_WORDS_FILE
    if plain_path.exists():
        plain_shown = display_path(plain_path, settings.project_root)
        options = replace(
            options, plain_words=parse_plain_words(read_yaml(plain_path, plain_shown), plain_shown)
        )
    return options


# ---------------------------------------------------------------------------------------
# Messages


def split_hint(sentence: Sentence, language: str) -> str:
    """Suggest where to split a long sentence: a semicolon, comma or joining word near the middle."""
    text = sentence.text
    middle = len(text) / 2
    joiners = SPLIT_WORDS.get(base_language(language), ())
    # Words are found once (a scan of the words on each side of every candidate made a
    # very long sentence quadratic). A split must leave four words on each side: it
    # starts after the fourth word starts and ends before the fourth-last word ends.
    index = WordIndex.of(text)
    if len(index.starts) < 4:
        return _NO_SPLIT
    first, last = index.starts[3], index.ends[-4]
    # A candidate is (rank, distance from the middle, start, end, after the mark?).
    candidates: list[tuple[int, float, int, int, bool]] = []
    for m in _SPLIT_MARK.finditer(text, first + 1, last - 1):
        start, end = m.span()
        rank = 0 if m.group() in ";:" else 1
        candidates.append((rank, abs(start - middle), start, end, True))
    for rank, joiner in enumerate(joiners, start=2):
        for m in _joiner_pattern(joiner).finditer(text):
            start, end = m.span()
            if first < start and end < last:
                candidates.append((2 if rank < 5 else 3, abs(start - middle), start, end, False))
    if not candidates:
        return _NO_SPLIT

    def where(candidate: tuple[int, float, int, int, bool]) -> str:
        _, _, start, end, after = candidate
        if not after:
            return f'before "{text[start:end]}"'
        # No word runs across a comma, so the last word before it is a whole word.
        word = index.count_before(start) - 1
        return f'after "{text[index.starts[word] : index.ends[word]]}{text[start:end]}"'

    # The nearest of the best rank wins; equally near ones are ordered by their wording.
    best = min(candidates)[:2]
    return f"Try splitting it {min(where(c) for c in candidates if c[:2] == best)}."


_NO_SPLIT = "Try saying one idea per sentence."
_SPLIT_MARK = re.compile(r"[;:,]")


@lru_cache(maxsize=64)
def _joiner_pattern(joiner: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(joiner)}\b", re.IGNORECASE)


def _excerpt(text: str, limit: int = 60) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 3].rstrip() + "..."


def _format_score(measure: str, value: float) -> str:
    if measure.endswith("-share"):
        return f"{round(value * 100)}%"
    return f"{value:.1f}"


def _limit_words(measure: str, limit: float) -> str:
    m = MEASURES[measure]
    shown = _format_score(measure, limit)
    if measure == "flesch-kincaid-grade" or measure == "wiener-sachtextformel":
        return f"grade {shown} or lower"
    return f"{shown} or {'less' if m.easier == 'lower' else 'more'}"


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
        # Computed once: the engine asks for it on every page.
        self._fingerprint = hashlib.sha256(repr(options).encode()).hexdigest()[:16]

    def fingerprint(self) -> str:
        """Changes whenever limits change, so cached results are never stale."""
        return self._fingerprint

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page."""
        profile = self.options.profile_for(source.page_type)
        language = source.language
        findings: list[Finding] = []
        scored: list[_Scored] = []
        length = profile.sentence_limits(language)
        difficulty = profile.difficulty(language)
        for unit in doc.units:
            unit_counts: list[Counts] = []
            for sentence in split(unit.text, language):
                counts = count_sentence(sentence.text, language)
                unit_counts.append(counts)
                scored.append(_Scored(sentence, unit.start, counts))
                if counts.words > length.hard:
                    findings.append(
                        self._length_finding(
                            source, doc, unit.start, sentence, counts.words, length
                        )
                    )
                elif difficulty is not None and counts.words >= 8:
                    found = self._difficulty_finding(
                        source, doc, unit.start, sentence, counts, difficulty
                    )
                    if found:
                        findings.append(found)
            findings.extend(self._plain_word_findings(source, doc, unit.start, unit.text))
            unit_words = sum(c.words for c in unit_counts)
            if unit.kind in PROSE_KINDS and unit_words > profile.paragraph_words:
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
                        match=_excerpt(unit.text),
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
        values = {m: MEASURES[m].compute(counts) for m in measures_for(language)}
        limits = profile.page_limits(language)
        main = limits[0] if limits else PageLimit(measures_for(language)[0], float("inf"))
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
            "measures": {m: _round(v) for m, v in values.items()},
            "threshold": {
                "profile": profile.name,
                "measure": applied[0].measure,
                "limit": applied[0].limit,
                "easier": MEASURES[applied[0].measure].easier,
                "reason": override[1] if override else None,
            },
            "too_short_for_page_score": counts.words < profile.min_words,
        }
        if counts.words < profile.min_words:
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
                message=f"This page allows {_limit_words(main.measure, float(limit))} instead of the usual limit. Reason given: {reason}",
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

        worst = sorted(scored, key=hardness, reverse=True)[:3]
        worst_lines = sorted(doc.position(s.offset + s.sentence.start)[0] for s in worst)
        line, column = doc.position(worst[0].offset + worst[0].sentence.start) if worst else (1, 1)
        kind = "family" if profile.name == "family" else profile.name.replace("-", " ")
        if limit.measure == "rare-word-share":
            rare = self._rare_words(scored, language)
            detail = f"Words such as {', '.join(repr(w) for w in rare[:4])} are rare. Use everyday words where you can."
        elif limit.measure == "long-word-share":
            detail = "Use shorter, everyday words where you can."
        else:
            detail = f"Start with the hardest sentences, on lines {', '.join(map(str, worst_lines))}: shorten them or use everyday words."
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="readability.page",
            severity=Severity.ERROR,
            message=(
                f"This page scores {_format_score(limit.measure, value)} on {measure.label}; {kind} pages "
                f"in this language should be {_limit_words(limit.measure, limit.limit)}, so many families will "
                f"struggle with it. {detail}"
            ),
            match=_excerpt(worst[0].sentence.text) if worst else "",
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
        table = self.options.plain_words.get(source.language) or self.options.plain_words.get(
            base_language(source.language)
        )
        if table is None or not table.alternatives:
            return []
        found = []
        for m in table.pattern.finditer(text):
            word = " ".join(m.group().split())
            plain = table.alternatives[word.lower()]
            line, column = doc.position(start + m.start())
            found.append(
                Finding(
                    path=source.display,
                    line=line,
                    column=column,
                    rule="readability.word",
                    severity=Severity.WARNING,
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

    @staticmethod
    def _length_finding(
        source: Source,
        doc: ProseDocument,
        unit_start: int,
        sentence: Sentence,
        n: int,
        limits: SentenceLimits,
    ) -> Finding:
        line, column = doc.position(unit_start + sentence.start)
        hint = split_hint(sentence, source.language)
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="readability.sentence",
            severity=Severity.ERROR if n > limits.very_hard else Severity.WARNING,
            message=(
                f"This sentence has {n} words. Families read faster and understand more when a "
                f"sentence has {limits.hard} words or fewer. {hint}"
            ),
            match=_excerpt(sentence.text),
            suggestion=hint,
            language=source.language,
        )

    @staticmethod
    def _difficulty_finding(
        source: Source,
        doc: ProseDocument,
        unit_start: int,
        sentence: Sentence,
        counts: Counts,
        limits: DifficultyLimits,
    ) -> Finding | None:
        measure = MEASURES[limits.measure]
        value = measure.compute(counts)
        if value is None or measure.passes(value, limits.hard):
            return None
        very = not measure.passes(value, limits.very_hard)
        unique = {w.lower(): w for w in reversed(sentence.words) if len(w) >= 9}
        long_words = sorted(unique.values(), key=len, reverse=True)[:3]
        named = f" such as {', '.join(repr(w) for w in long_words)}" if long_words else ""
        line, column = doc.position(unit_start + sentence.start)
        hint = f"Use shorter, everyday words{named}, or explain them."
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="readability.sentence-difficulty",
            severity=Severity.ERROR if very else Severity.WARNING,
            message=(
                f"This sentence is {'very ' if very else ''}hard to read ({measure.label} "
                f"{_format_score(measure.id, value)}): it is built from long words. {hint}"
            ),
            match=_excerpt(sentence.text),
            suggestion=hint,
            language=source.language,
        )


def page_counts(source: Source, doc: ProseDocument) -> Counts:
    """Counts for a whole page, sentence by sentence over its prose units (unrounded)."""
    return total(
        count_sentence(sentence.text, source.language)
        for unit in doc.units
        for sentence in split(unit.text, source.language)
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3 if abs(value) < 1 else 1)


def _front_matter_line(source: Source, key: str) -> int:
    for number, line in enumerate(source.text[: source.body_offset].split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def options_used(settings: Settings) -> dict[str, Any]:
    """The options that change results, defaults filled in (for the cache's fingerprint).

    Reporting options (``enabled``, ``fail_on``) never change a result, and MkDocs fills
    in defaults that ``homeroom check`` leaves out: both runs must get the same fingerprint.
    """
    name = settings.plugins.get("readability", {}).get("thresholds", DEFAULT_THRESHOLDS_FILE)
    return {"thresholds": str(name)}


def data_files(settings: Settings) -> list[Path]:
    """The data files the check's results depend on (for the cache's fingerprint)."""
    name = str(settings.plugins.get("readability", {}).get("thresholds", DEFAULT_THRESHOLDS_FILE))
    return [settings.data_dir / name, settings.data_dir / PLAIN_WORDS_FILE]


def build(settings: Settings) -> ReadabilityCheck:
    """The readability check configured for a site."""
    return ReadabilityCheck(options_from_settings(settings))
