"""Relational tone: demands, blame and first screens with nothing to do, in en and es.

Every phrase's `flag:` and `pass:` examples (package data, homeroom/rules/tone-*.yml) run
through the check here, as the glossary examples do in tests/test_rule_examples.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conftest import ROOT
from homeroom.checks.tone import FIRST_SCREEN_WORDS, ToneCheck
from homeroom.data.ruledata import read_rule_file
from homeroom.data.settings import Settings, load_settings
from homeroom.data.sources import source_from_text
from homeroom.data.tone import TONE_SCHEMA, load_tones, read_tone, tone_files, tone_problems
from homeroom.model.errors import InputError
from homeroom.model.findings import Severity
from homeroom.model.languages import Language, LanguageSet
from homeroom.run import registry, verdict
from homeroom.run.engine import prose_of

TONES = load_tones()
CHECK = ToneCheck(TONES)
EXAMPLES = [
    (language, phrase, example, flagged)
    for language, tone in TONES.items()
    for phrase in tone.phrases
    for flagged, examples in ((True, phrase.flag), (False, phrase.passes))
    for example in examples
]


def findings(text: str, language: str = "en", page_type: str | None = None):
    front = f"---\ntype: {page_type}\n---\n" if page_type else ""
    source = source_from_text(front + text, "content/p.md", "p.md", "p.md", language)
    return CHECK.check_page(source, prose_of(source)).findings


def test_english_and_spanish_have_tone_data_without_mistakes() -> None:
    assert {"en", "es"} <= set(tone_files())
    assert tone_problems() == []
    for tone in TONES.values():
        kinds = {p.kind for p in tone.phrases}
        assert kinds == {"demand", "blame"}


@pytest.mark.parametrize(
    ("language", "phrase", "example", "flagged"),
    EXAMPLES,
    ids=[
        f"{lang}-{p.id}-{'flag' if f else 'pass'}-{i}" for i, (lang, p, _, f) in enumerate(EXAMPLES)
    ],
)
def test_every_phrase_example_does_what_it_says(
    language: str, phrase, example: str, flagged: bool
) -> None:
    found = [f for f in findings(example + "\n", language) if f.rule == f"tone.{phrase.kind}"]
    if not flagged:
        assert found == [], example
        return
    assert found, example
    assert all(f.severity is Severity.WARNING for f in found)
    assert phrase.rewrite in {f.suggestion for f in found}
    (first,) = [f for f in found if f.suggestion == phrase.rewrite][:1]
    assert first.match.lower() in " ".join(example.split()).lower()
    assert phrase.rewrite in first.message  # the rewrite is in the message too


def test_a_demand_is_found_at_its_line_and_column() -> None:
    text = "# Forms\n\nWelcome back. All parents are required to sign the form.\n"
    (found,) = [f for f in findings(text) if f.rule == "tone.demand"]
    assert (found.line, found.column) == (3, 19)
    assert found.match == "parents are required to"
    assert found.message.startswith('"parents are required to" gives families an order.')


def test_a_threat_across_a_line_break_in_one_paragraph_is_found() -> None:
    text = "Failure to return the permission slip\nby Friday will result in a missed trip.\n"
    assert [f.rule for f in findings(text)] == ["tone.demand"]


def test_spanish_blame_gets_a_spanish_rewrite() -> None:
    (found,) = findings("Su hijo se niega a leer en voz alta.\n", "es")
    assert found.rule == "tone.blame"
    assert found.suggestion.startswith("Su hijo todavía está aprendiendo")


SCREEN = " ".join(["The district program began many years ago and follows the state rules."] * 12)


@pytest.mark.parametrize(
    ("text", "language", "flagged"),
    [
        (SCREEN, "en", True),
        ("Call the office if your child is sick. " + SCREEN, "en", False),
        ("# Help\n\n- Read together every night.\n\n" + SCREEN, "en", False),
        ("You can ask for a free interpreter. " + SCREEN, "en", False),
        ("Questions? See [the FAQ](faq.md). " + SCREEN, "en", False),
        ("The office number is (555) 010-2000. " + SCREEN, "en", False),
        (SCREEN + " Call the office if your child is sick.", "en", True),  # after the screen
        ("The program began this year.", "en", False),  # too short to judge
        (
            " ".join(["El programa del distrito empezó hace muchos años y sigue las reglas."] * 12),
            "es",
            True,
        ),
        (
            "Llame a la oficina si su hijo está enfermo. " + "El programa empezó hace años. " * 30,
            "es",
            False,
        ),
        ("Puede pedir un intérprete gratis. " + "El programa empezó hace años. " * 30, "es", False),
    ],
)
def test_the_first_screen_needs_an_action(text: str, language: str, flagged: bool) -> None:
    rules = [f.rule for f in findings(text + "\n", language)]
    assert ("tone.no-action" in rules) is flagged


def test_the_first_screen_is_about_120_words() -> None:
    assert FIRST_SCREEN_WORDS == 120
    (found,) = findings(SCREEN + "\n")
    assert (found.line, found.column) == (1, 1)
    assert "first 120 words" in found.message


@pytest.mark.parametrize("page_type", ["staff", "handout", "glossary"])
def test_pages_not_for_families_to_act_on_are_not_checked(page_type: str) -> None:
    assert findings("Parents are required to sign.\n\n" + SCREEN + "\n", page_type=page_type) == ()


@pytest.mark.parametrize(
    ("note", "language"),
    [("*To write: what this page is for.*", "en"), ("*Por escribir: ...*", "es")],
)
def test_a_page_not_yet_written_is_not_judged_by_its_first_screen(note: str, language: str) -> None:
    text = f"# New page\n\n{note}\n\n" + SCREEN + "\n"
    assert "tone.no-action" not in [f.rule for f in findings(text, language)]


def test_a_language_without_tone_data_is_not_checked() -> None:
    assert findings("Parents are required to sign.\n\n" + SCREEN + "\n", "vi") == ()


def test_regional_spanish_uses_spanish_data() -> None:
    assert [f.rule for f in findings("Su hijo se niega a leer.\n", "es-MX")] == ["tone.blame"]


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda t: t.replace("language: en", "language: fr"), "`language`"),
        (lambda t: t.replace("id: parents-must", "id: parents-are-required"), "used twice"),
        (
            lambda t: t.replace(
                "pattern: '(?:parents|families|guardians|parents/guardians|caregivers) must'",
                "pattern: '(?:parents must'",
            ),
            "regular expression",
        ),
        (lambda t: t.replace("    rewrite:", "    rewrites:", 1), "rewrite"),
    ],
)
def test_a_mistake_in_a_tone_file_names_its_line(change, says: str) -> None:
    path = Path(str(tone_files()["en"]))
    text = change(path.read_text(encoding="utf-8"))
    file = read_rule_file(path, "homeroom/rules/tone-en.yml", TONE_SCHEMA, text=text)
    read_tone(file, "en")
    assert file.problems
    assert any(says in str(p) and p.line for p in file.problems), file.problems


def test_tone_runs_under_the_jargon_plugin(tmp_path: Path) -> None:
    bundled = load_settings(ROOT / "mkdocs.yml")
    (check,) = registry.build_checks(bundled, only=["jargon"])
    source = source_from_text(
        "Parents are required to sign.\n", "content/p.md", "p.md", "p.md", "en"
    )
    assert "tone.demand" in {f.rule for f in check.check_page(source, prose_of(source)).findings}
    assert verdict.owner("tone.demand") == "jargon"
    off = Settings(
        project_root=tmp_path,
        docs_dir=tmp_path,
        languages=LanguageSet((Language("en", "English", default=True),)),
        plugins={"readability": {}},
    )
    assert "jargon" not in [c.name for c in registry.build_checks(off)]


def test_the_bundled_site_has_no_tone_findings() -> None:
    for path in sorted((ROOT / "content").rglob("*.md")):
        if "_data" in path.relative_to(ROOT / "content").parts:
            continue
        parts = path.name.split(".")
        language = parts[-2] if len(parts) > 2 else "en"
        source = source_from_text(
            path.read_text(encoding="utf-8"), path.name, path.name, path.name, language
        )
        assert CHECK.check_page(source, prose_of(source)).findings == (), path


_TOKENS = [*"ab .,!?-\n#*[]()Fpr", "failure to ", "parents must", "your child refuses to"]
_TOKENS += [" will result in", "Llame", "(555) 010-2000", "Su hijo se niega a"]


@hypothesis_settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=120).map("".join))
def test_no_text_makes_the_check_crash(text: str) -> None:
    for language in ("en", "es"):
        try:
            source = source_from_text(text, "p.md", "p.md", "p.md", language)
        except InputError:
            return  # broken front matter is the reader's error, with its line
        CHECK.check_page(source, prose_of(source))
