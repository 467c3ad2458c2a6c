"""``i18n.untranslated-block``: English left behind in a translated page, found on its line."""

from __future__ import annotations

from homeroom.checks.translations.untranslated import UntranslatedBlockCheck, language_text
from homeroom.data.sources import source_from_text
from homeroom.text.prose import extract

SPANISH_PAGE = """\
# Excursión

Los estudiantes de segundo grado irán al museo de ciencias el próximo martes.

Please bring a warm coat and a packed lunch, because the bus leaves early in the morning.

- Traigan una botella de agua y zapatos cómodos para caminar mucho.
- Escuela Primaria Alder, 1200 Oak Street, Springfield, (555) 010-2000, www.alder.example.org
"""


def _findings(text: str, language: str, languages: tuple[str, ...] = ("en", "es", "vi", "ar")):  # type: ignore[no-untyped-def]
    rel = f"trip.{language}.md"
    source = source_from_text(text, f"content/{rel}", rel, "trip.md", language)
    return UntranslatedBlockCheck(languages, "en").check_page(source, extract(source.text))


def test_an_english_paragraph_in_a_spanish_page_is_found_on_its_line() -> None:
    result = _findings(SPANISH_PAGE, "es")
    assert [(f.rule, f.line, f.column) for f in result.findings] == [
        ("i18n.untranslated-block", 5, 1)
    ]
    (finding,) = result.findings
    assert finding.match.startswith("Please bring a warm coat")
    assert "seems to be written in English" in finding.message
    assert "Translate it into Spanish" in finding.message


def test_names_addresses_numbers_and_web_addresses_are_not_words_of_a_language() -> None:
    assert language_text("Escuela Primaria Alder, 1200 Oak Street, www.alder.example.org") == ""
    assert language_text("Call 555-0100 or write to office@alder.example.org today") == (
        "or write to today"
    )


def test_the_default_language_and_languages_the_detector_does_not_know_are_not_judged() -> None:
    english = "# Trip\n\nPlease bring a warm coat and a packed lunch for the trip next week.\n"
    assert _findings(english.replace("Trip", "Excursión"), "es").findings  # a Spanish page
    source = source_from_text(english, "content/trip.md", "trip.md", "trip.md", "en")
    default = UntranslatedBlockCheck(("en", "es"), "en").check_page(source, extract(english))
    assert default.findings == ()
    creole = _findings(english, "ht", ("en", "es", "ht"))
    assert creole.findings == () and creole.metrics == {"untranslated": "not checked"}


def test_a_short_block_is_not_judged() -> None:
    assert _findings("# Excursión\n\nThank you so much!\n", "es").findings == ()
