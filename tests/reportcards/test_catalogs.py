"""Per-language interface strings: nested keys, placeholders, and what a language lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from rc_helpers import DATA, ROOT

from homeroom.data.catalogs import MissingKey, load_catalogs
from homeroom.model.errors import InputError


def _write(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "content" / "_data" / "strings"
    folder.mkdir(parents=True)
    for lang, text in files.items():
        (folder / f"{lang}.yml").write_text(text, encoding="utf-8")
    return tmp_path / "content" / "_data"


def test_text_fills_placeholders_per_language(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        en="glance:\n  students: '{count} students'\n",
        es="glance:\n  students: '{count} estudiantes'\n",
    )
    catalogs = load_catalogs(data, ["en", "es"], tmp_path)
    assert catalogs.text("glance.students", "en", count=12) == "12 students"
    assert catalogs.text("glance.students", "es", count=12) == "12 estudiantes"


def test_missing_keys_name_file_line_key_and_language(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        en="a:\n  one: One\n  two: Two\nb: Three\n",
        es="a:\n  one: Uno\n",
        vi="a:\n  one: Một\n",
    )
    catalogs = load_catalogs(data, ["en", "es", "vi"], tmp_path)
    assert catalogs.missing_keys(["en", "es"]) == [
        MissingKey("content/_data/strings/es.yml", 3, "a.two", "es"),
        MissingKey("content/_data/strings/es.yml", 4, "b", "es"),
    ]
    # A required language with no file at all lacks every key.
    assert [m.key for m in catalogs.missing_keys(["ar"])] == ["a.one", "a.two", "b"]


def test_a_missing_string_is_an_error_not_english(tmp_path: Path) -> None:
    data = _write(tmp_path, en="a: One\nb: Two\n", es="a: Uno\n")
    catalogs = load_catalogs(data, ["en", "es"], tmp_path)
    with pytest.raises(
        InputError, match=r"es.yml: the string `b` is missing \(it is on line 2 of the en strings\)"
    ):
        catalogs.text("b", "es")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2]\n", r"en.yml:1: `a` must be text"),
        ("a: 'broken {'\n", r"en.yml:1: `a` has a broken \{placeholder\}"),
    ],
)
def test_bad_catalogs_are_one_line_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        load_catalogs(_write(tmp_path, en=text), ["en"], tmp_path)


def test_bundled_catalogs_have_the_same_keys() -> None:
    catalogs = load_catalogs(DATA, ["en", "es"], ROOT)
    assert catalogs.missing_keys(["en", "es"]) == []
    assert set(catalogs.catalogs["en"].strings) == set(catalogs.catalogs["es"].strings)
