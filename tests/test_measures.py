"""Measures per language: the right formula, or honest language-neutral measures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.checks.readability import ReadabilityCheck
from homeroom.data.readability_limits import DEFAULT_OPTIONS
from homeroom.data.sources import source_from_text
from homeroom.model.errors import InputError
from homeroom.run.engine import prose_of
from homeroom.text.measures import MEASURES, Counts, count_sentence, measures_for, total
from homeroom.text.syllables import counter_for, english, normalise


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            ["flesch-kincaid-grade", "words-per-sentence", "long-word-share", "rare-word-share"],
        ),
        (
            "es",
            [
                "fernandez-huerta",
                "inflesz",
                "words-per-sentence",
                "long-word-share",
                "rare-word-share",
            ],
        ),
        (
            "es-MX",
            [
                "fernandez-huerta",
                "inflesz",
                "words-per-sentence",
                "long-word-share",
                "rare-word-share",
            ],
        ),
        ("fr", ["kandel-moles", "words-per-sentence", "long-word-share", "rare-word-share"]),
        ("it", ["gulpease", "words-per-sentence", "long-word-share", "rare-word-share"]),
        (
            "de",
            ["wiener-sachtextformel", "words-per-sentence", "long-word-share", "rare-word-share"],
        ),
        ("vi", ["words-per-sentence", "long-sentence-share", "long-word-share", "rare-word-share"]),
        ("ar", ["words-per-sentence", "long-sentence-share", "long-word-share", "rare-word-share"]),
        ("tl", ["words-per-sentence", "long-sentence-share", "long-word-share", "rare-word-share"]),
        ("ru", ["words-per-sentence", "long-sentence-share", "long-word-share", "rare-word-share"]),
        ("pt", ["words-per-sentence", "long-sentence-share", "long-word-share", "rare-word-share"]),
        ("ko", ["words-per-sentence", "long-sentence-share", "long-word-share"]),
        # Chinese words are found by jieba; characters per sentence is reported too.
        ("zh", ["words-per-sentence", "characters-per-sentence", "long-sentence-share"]),
        ("zh-Hant", ["words-per-sentence", "characters-per-sentence", "long-sentence-share"]),
        ("ht", ["words-per-sentence", "long-sentence-share", "long-word-share"]),
        ("so", ["words-per-sentence", "long-sentence-share", "long-word-share"]),
        ("hmn", ["words-per-sentence", "long-sentence-share", "long-word-share"]),
        # No word list: characters only. No sentence marks either: nothing (not checked).
        ("ja", ["characters-per-sentence"]),
        ("th", []),
    ],
)
def test_measures_for_each_language(language: str, expected: list[str]) -> None:
    assert list(measures_for(language)) == expected


@pytest.mark.parametrize("language", ["vi", "ar", "zh", "ht", "so", "ko", "tl", "ru", "hmn"])
def test_no_english_constants_for_languages_without_a_formula(language: str) -> None:
    assert counter_for(language) is None
    for measure in measures_for(language):
        assert MEASURES[measure].languages is None  # only language-neutral measures


def test_formulas_are_only_valid_for_their_language() -> None:
    assert MEASURES["flesch-kincaid-grade"].valid_for("en-US")
    assert not MEASURES["flesch-kincaid-grade"].valid_for("es")
    assert not MEASURES["inflesz"].valid_for("en")


def test_flesch_kincaid_matches_the_published_formula() -> None:
    counts = count_sentence("The cat sat on the mat.", "en")
    assert (counts.words, counts.syllables) == (6, 6)
    expected = 0.39 * 6 / 1 + 11.8 * 6 / 6 - 15.59
    assert MEASURES["flesch-kincaid-grade"].compute(counts) == pytest.approx(expected)


def test_chinese_counts_characters_not_words() -> None:
    counts = count_sentence("欢迎来到学校。", "zh")
    assert counts.characters == 7
    assert MEASURES["characters-per-sentence"].compute(counts) == 7


def test_rare_words_use_word_frequency() -> None:
    common = count_sentence("Read a book with your child.", "en")
    rare = count_sentence("Heuristic pedagogies scaffold metacognition.", "en")
    assert common.rare_words == 0
    assert rare.rare_words >= 2


@pytest.mark.parametrize(
    ("word", "folded"), [("ﬁgures", "figures"), ("It’s", "it's"), ("ＡＢＣ", "abc")]
)
def test_dictionary_lookups_fold_ligatures_and_curly_apostrophes(word: str, folded: str) -> None:
    assert normalise(word) == folded
    assert english("ﬁgures") == english("figures") == 2


def score(markdown: str, language: str) -> dict[str, object]:
    source = source_from_text(markdown, "p.md", "p.md", "p.md", language)
    return dict(ReadabilityCheck(DEFAULT_OPTIONS).check_page(source, prose_of(source)).metrics)


@pytest.mark.parametrize(
    "markdown",
    [
        "",
        "---\ntitle: x\n---\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "```\ncode only\n```\n",
        "!!!!\n",
        "-\n",
    ],
)
@pytest.mark.parametrize("language", ["en", "es", "zh", "ar", "xx"])
def test_edge_pages_score_without_crashing(markdown: str, language: str) -> None:
    metrics = score(markdown, language)
    assert metrics["words"] >= 0


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=400), st.sampled_from(["en", "es", "vi", "zh", "ar", "ht", "fr", "de", "it"])
)
def test_no_text_crashes_the_scorer(text: str, language: str) -> None:
    try:
        metrics = score(text.replace("\r", ""), language)
    except InputError:
        return  # front matter that never ends ("{"): reported to the author, not a crash
    assert metrics["measure"] in measures_for(language)


def test_english_syllables_agree_with_textstat_on_every_bundled_word() -> None:
    import textstat

    from conftest import ROOT
    from homeroom.text import syllables
    from homeroom.text.sentences import words as split_words

    textstat.set_lang("en_US")
    found = {
        word
        for page in (ROOT / "content").glob("*.md")
        if page.name.count(".") == 1
        for word in split_words(page.read_text(encoding="utf-8"))
    }
    assert len(found) > 900
    for word in sorted(found):
        expected = max(1, int(textstat.syllable_count(syllables.normalise(word))))
        assert syllables.english(word) == expected, word


def test_english_syllables_agree_with_textstat() -> None:
    import textstat

    from homeroom.text import syllables

    words = "family reading conference everyone beautiful IEP tutor grade 504 didn't well-being o'clock Naïve Zyxquv ﬁgures it’s d'artagnan"
    textstat.set_lang("en_US")
    for word in words.split():
        expected = max(1, int(textstat.syllable_count(syllables.normalise(word))))
        assert syllables.english(word) == expected, word


def test_fernandez_huerta_uses_words_per_sentence_as_law_2011_corrected() -> None:
    # 100 words, 200 syllables in 5 sentences: 206.84 - 0.60 * 200 - 1.02 * 20.
    counts = Counts(sentences=5, words=100, syllables=200)
    score = MEASURES["fernandez-huerta"].compute(counts)
    assert score == pytest.approx(206.84 - 120 - 20.4)


def test_splitting_a_spanish_sentence_makes_it_easier_never_harder() -> None:
    one = count_sentence(
        "Cuando llegue a la escuela, firme en la oficina, pida el pase y espere a su hijo.",
        "es",
    )
    four = total(
        count_sentence(s, "es")
        for s in ("Cuando llegue a la escuela, firme.", "Pida el pase.", "Espere.", "A su hijo.")
    )
    fh = MEASURES["fernandez-huerta"].compute
    assert fh(four) > fh(one)  # type: ignore[operator]
