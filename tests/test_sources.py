"""Reading sources: every broken input is one line naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from homeroom.data.sources import discover, load_source, load_sources, nesting_problem
from homeroom.model.errors import InputError
from homeroom.model.languages import Language, LanguageSet, split_suffix

LANGS = LanguageSet((Language("en", "English", default=True), Language("es", "Español")))


def load(tmp_path: Path, name: str, body: str | bytes):
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return load_source(path, tmp_path, LANGS, tmp_path)


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("grade-3.md", ("grade-3.md", None)),
        ("grade-3.es.md", ("grade-3.md", "es")),
        ("guide.zh-Hant.md", ("guide.md", "zh-Hant")),
        ("v1.2.md", ("v1.2.md", None)),
        ("README", ("README", None)),
    ],
)
def test_split_suffix(filename: str, expected: tuple[str, str | None]) -> None:
    assert split_suffix(filename) == expected


def test_reads_page_language_and_front_matter(tmp_path: Path) -> None:
    source = load(
        tmp_path, "grade-3.es.md", "---\ntitle: Grado 3\ntype: grade-expectations\n---\n# Hola\n"
    )
    assert (source.page, source.language, source.page_type) == (
        "grade-3.md",
        "es",
        "grade-expectations",
    )
    assert source.meta["title"] == "Grado 3"
    assert source.text[source.body_offset :] == "# Hola\n"


def test_windows_newlines_and_bom_are_accepted(tmp_path: Path) -> None:
    source = load(tmp_path, "a.md", b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nText.\r\n")
    assert source.meta == {"title": "A"}
    assert "\r" not in source.text


@pytest.mark.parametrize(
    ("name", "body", "line", "words"),
    [
        ("a.md", "---\ntitle: Bad\ntype: [unclosed\n---\nText\n", 3, "front matter"),
        ("a.md", "---\ntitle: a: b\n---\n", 2, "front matter"),
        ("a.md", "---\ntitle: A\n\nText that never closes the block.\n", 1, "never ends"),
        ("a.md", "---\n- a list\n---\n", 2, "key: value"),
        ("a.md", b"Line one\nCaf\xe9\n", 2, "UTF-8"),
        ("about.xx.md", "Hola.\n", None, "not a language this site publishes"),
        ("about.vi.md", "Xin chào.\n", None, "'vi' (Tiếng Việt)"),
    ],
)
def test_bad_input_is_one_line_with_file_and_line(
    tmp_path: Path, name: str, body: str | bytes, line: int | None, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        load(tmp_path, name, body)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{name}:{line}: " if line else f"{name}: ")
    assert words in message


def test_default_language_twice_names_the_suffixed_file(tmp_path: Path) -> None:
    for name in ("index.md", "index.en.md"):
        (tmp_path / name).write_text("Hello.\n")
    with pytest.raises(InputError, match=r"^index\.en\.md: this file and index\.md are both"):
        load_sources(sorted(tmp_path.glob("*.md")), tmp_path, LANGS, tmp_path)


def test_missing_content_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        discover(tmp_path / "content")


def test_discover_skips_editorial_data_and_hidden_files(tmp_path: Path) -> None:
    for name in ("a.md", "sub/b.es.md", "_data/notes.md", ".hidden.md", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == [
        "a.md",
        "sub/b.es.md",
    ]


def test_language_set_from_i18n_rejects_two_defaults() -> None:
    from homeroom.model.errors import ConfigError

    with pytest.raises(ConfigError, match="more than one"):
        LanguageSet.from_i18n(
            [{"locale": "en", "default": True}, {"locale": "es", "default": True}]
        )


def test_rtl_direction() -> None:
    assert Language("ar", "العربية").direction == "rtl"
    assert Language("es", "Español").direction == "ltr"


@pytest.mark.parametrize(
    "text",
    [
        "title: [oops\n",
        "a: 1\n  b: 2\n",
        "a: b: c\n",
        "- one\nkey: value\n",
        'title: "unclosed\n',
        "title: ok\nitems:\n  - a\n - b\n",
        "título: día\nnota: [sí\n",
    ],
)
def test_fast_and_pure_yaml_report_the_same_line(text: str) -> None:
    from homeroom.data.yamlfiles import FAST_LOADER, PermissiveLoader, load_yaml
    from homeroom.model.errors import InputError

    messages = []
    for loader in (FAST_LOADER, PermissiveLoader):
        with pytest.raises(InputError) as caught:
            load_yaml(text, "page.md", first_line=2, loader=loader)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "page.md:" in messages[0]


@pytest.mark.parametrize(
    "text",
    [
        "title: Grade 3\ntype: grade-expectations\n",
        "translation:\n  method: machine\n  reviewed_on: 2024-05-01\n",
        "readability: {limit: 8, reason: 'Names the state tests.'}\nlist: [1, 2.5, yes, ~]\n",
        "título: Día\nplugin: !!python/name:material.extensions.emoji.twemoji\nenv: !ENV HOME\n",
    ],
)
def test_fast_and_pure_yaml_read_the_same_values(text: str) -> None:
    from homeroom.data.yamlfiles import FAST_LOADER, PermissiveLoader, load_yaml

    assert load_yaml(text, "x", loader=FAST_LOADER) == load_yaml(text, "x", loader=PermissiveLoader)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Prices:" + " " * 120 + "- see below\n", None),  # not a list item: no nesting
        ("- a\n  - b\n    - c\n\n> > a quote in a quote\n", None),
        (">" * 10_000 + " text\n", 1),  # quotes without spaces between them count too
        ("> " * 60 + "x\n", 1),
        ("# T\n\n" + "".join("  " * i + "- x\n" for i in range(60)), 53),
        ("1. " * 55 + "x\n", 1),
    ],
)
def test_nesting_deeper_than_a_page_needs_is_refused(text: str, line: int | None) -> None:
    problem = nesting_problem(text, "content/a.md")
    assert (problem.line if problem else None) == line
