"""The trie matcher finds exactly what the longest-first alternation it replaced finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from homeroom.data.glossary import Entry, Glossary
from homeroom.model.findings import Severity
from homeroom.text.matcher import phrase_matcher


def alternation(forms: list[str]) -> re.Pattern[str]:
    """The matcher Homeroom used before: every form in one alternation, longest first."""
    ordered = sorted(set(forms), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, form.split())) for form in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


WORDS = ["iep", "ie", "plan", "504", "tier", "tier 2", "benchmark", "bench", "marks", "é"]
form = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
text = st.lists(
    st.sampled_from([*WORDS, "IEP", "Tier\n2", "-", ".", " ", "x", "benchmarks", "planned"]),
    max_size=25,
).map(" ".join)


@given(st.lists(form, min_size=1, max_size=8), text)
def test_same_matches_as_the_alternation(forms: list[str], sample: str) -> None:
    assert spans(phrase_matcher(forms), sample) == spans(alternation(forms), sample)


def test_longest_form_wins_and_phrases_cross_line_breaks() -> None:
    pattern = phrase_matcher(["tier", "tier 2", "tier 2 support"])
    found = [m.group() for m in pattern.finditer("Tier\n2 support, tier 2, Tier 3, tiers")]
    assert found == ["Tier\n2 support", "tier 2", "Tier"]


def _entry(number: int) -> Entry:
    return Entry(
        id=f"term-{number}",
        category="jargon",
        forms=(f"termino{number}", f"termino{number} plan"),
        plain=("plain",),
        explain="x",
        severity=Severity.WARNING,
        define=False,
        page_types=(),
        source="test",
        flag_examples=(),
        pass_examples=(),
    )


def test_a_bigger_glossary_finds_the_same_terms() -> None:
    small = Glossary("en", tuple(_entry(n) for n in range(300)))
    large = Glossary("en", tuple(_entry(n) for n in range(3000)))
    sample = "Ask about termino12 plan, termino299 and termino2999 at the termino7 meeting."
    assert [m.group() for m in small.pattern.finditer(sample)] == [
        "termino12 plan",
        "termino299",
        "termino7",
    ]
    assert [m.group() for m in large.pattern.finditer(sample)] == [
        "termino12 plan",
        "termino299",
        "termino2999",
        "termino7",
    ]
