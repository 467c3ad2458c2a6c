"""The feedback question and contact lines: every link carries page, language and version."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import ROOT
from homeroom.data.contact import CONTACT_FILE, load_contact
from homeroom.data.pageinfo import page_id, page_path, page_url, page_version
from homeroom.model.errors import HomeroomError
from homeroom.text.family_words import REASONS, family_words
from homeroom.text.lang import lang_files
from homeroom.theme.feedback import feedback_block

CONTACT = load_contact(ROOT / "content" / "_data", ROOT, required=("liaison", "interpreter"))
LANGUAGES = ["en", "es", "vi", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_carries_the_page_the_language_and_the_version(language: str) -> None:
    block = feedback_block(
        CONTACT, language=language, page="grade-3", version="0123456789abcdef", page_type="home"
    )
    assert block is not None and block.asks
    assert [link.kind for link in block.answers] == ["yes", "no"]
    for link in block.answers:
        query = parse_qs(urlsplit(link.href).query)
        assert query == {
            "page": ["grade-3"],
            "lang": [language],
            "version": ["0123456789abcdef"],
            "clear": [link.kind],
        }
        assert link.href.startswith("https://")
    kinds = {link.kind: link for link in block.others}
    assert set(kinds) == {"text", "email"}
    for link in kinds.values():
        said = unquote(link.href)
        assert "grade-3" in said and language in said and "0123456789abcdef" in said
    assert kinds["text"].href.startswith("sms:+15550102000?&body=")
    assert kinds["email"].href.startswith("mailto:families@riverbend.example.org?subject=")
    # In the page's own language.
    assert block.title == family_words(language).get("feedback", "title")
    assert block.privacy


def test_contact_lines_are_given_unless_the_page_already_gives_them() -> None:
    block = feedback_block(CONTACT, language="es", page="p", version="v", page_type="home")
    assert block is not None
    labels = [line.label for line in block.contacts]
    assert labels == [
        "Persona de enlace con las familias (Centro para Familias)",
        "Línea gratuita de intérpretes, en cualquier idioma",
    ]
    assert block.contacts[0].hours == "De lunes a viernes, de 8:00 a 4:30"
    assert block.contacts[0].phone_href == "+15550102000"
    said = feedback_block(
        CONTACT,
        language="es",
        page="p",
        version="v",
        page_type="home",
        page_text="Llame al [(555) 010-2000](tel:+15550102000) o al 555-010-2400.",
    )
    assert said is not None and said.contacts == ()


def test_staff_pages_and_handouts_get_nothing_and_switches_work() -> None:
    for kind in ("staff", "handout"):
        assert feedback_block(CONTACT, language="en", page="p", version="v", page_type=kind) is None
    quiet = feedback_block(
        CONTACT, language="en", page="p", version="v", page_type="home", ask=False
    )
    assert quiet is not None and not quiet.asks and quiet.contacts
    none = feedback_block(
        CONTACT,
        language="en",
        page="p",
        version="v",
        page_type="home",
        ask=False,
        show_contact=False,
    )
    assert none is None


def test_every_language_file_has_every_family_word() -> None:
    for code in lang_files():
        words = family_words(code)
        assert words.code == code
        assert all(words.reason(r) for r in REASONS)
        message = words.get("feedback", "message", page="@PAGE@", lang="@L@", version="@V@")
        assert message.count("@PAGE@") == 1, (code, message)


def test_version_ignores_spacing_and_punctuation_but_not_words() -> None:
    one = "---\ntitle: A\n---\n# Grade 3\n\nRead every day.\n"
    assert page_version(one) == page_version("---\ntitle: B\n---\n#  Grade 3\nRead every day!\n")
    assert page_version(one) != page_version(one.replace("every", "each"))
    assert len(page_version(one)) == 16


def test_page_names_and_addresses() -> None:
    assert page_id("grade-3.md") == "grade-3"
    assert page_path("index.md", "en", "en") == ""
    assert page_path("grade-3.md", "es", "en") == "es/grade-3/"
    assert page_path("schools/index.md", "vi", "en") == "vi/schools/"
    assert page_path("grade-3.md", "en", "en", use_directory_urls=False) == "grade-3.html"
    assert (
        page_url("https://x.example/", "grade-3.md", "ar", "en") == "https://x.example/ar/grade-3/"
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "feedback:\n  form: https://f.example/?page={page}\n",
            "carries {page}, {lang} and {version}",
        ),
        (
            "feedback:\n  form: https://f.example/?p={page}&l={lang}&v={version}&x={who}\n",
            "{who} is not one of them",
        ),
        ("liaison:\n  phone: call us\n", "a phone number"),
        ("interpreter:\n  phone: '(555) 010-2400'\n", "has no `liaison:`"),
    ],
)
def test_contact_data_mistakes_name_the_line(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / CONTACT_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(HomeroomError) as caught:
        load_contact(tmp_path, tmp_path, required=("liaison", "interpreter"))
    assert words in str(caught.value)
    assert "contact.yml:" in str(caught.value)


def test_no_contact_file_is_an_error_only_when_something_is_required(tmp_path: Path) -> None:
    assert not load_contact(tmp_path, tmp_path).feedback.configured
    with pytest.raises(HomeroomError, match="contact_required"):
        load_contact(tmp_path, tmp_path, required=("liaison",))
