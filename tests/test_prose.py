"""Markdown to prose: each block its own unit, at its exact place in the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.prose import extract


def units(markdown: str) -> list[tuple[str, int, int, str]]:
    doc = extract(markdown)
    return [(u.kind, *doc.position(u.start), u.plain) for u in doc.units]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param(
            "# Hello **world** {#top}\n",
            [("heading", 1, 3, "Hello world")],
            id="heading-markup-and-attribute-list",
        ),
        pytest.param(
            'Call [the office](https://x.org/a_b "title") or see https://example.org/p.\n',
            [("paragraph", 1, 1, "Call the office or see .")],
            id="link-text-is-prose-targets-and-urls-are-not",
        ),
        pytest.param(
            'Run `make site` and <span class="x">read</span> it.\n',
            [("paragraph", 1, 1, "Run and read it.")],
            id="code-spans-and-html-tags",
        ),
        pytest.param(
            "- first item\n- [ ] second\n  continues\n",
            [("list_item", 1, 3, "first item"), ("list_item", 2, 7, "second continues")],
            id="list-items-and-task-boxes",
        ),
        pytest.param(
            "1. One\n10. Ten\n",
            [("list_item", 1, 4, "One"), ("list_item", 2, 5, "Ten")],
            id="ordered-list",
        ),
        pytest.param(
            "| Day | Time |\n|---|---|\n| Monday | 3 p.m. |\n",
            [
                ("table_cell", 1, 3, "Day"),
                ("table_cell", 1, 9, "Time"),
                ("table_cell", 3, 3, "Monday"),
                ("table_cell", 3, 12, "3 p.m."),
            ],
            id="each-table-cell",
        ),
        pytest.param(
            '!!! tip "Ask for help"\n    Call us today.\n\n    We speak Spanish.\n',
            [
                ("admonition_title", 1, 10, "Ask for help"),
                ("admonition", 2, 5, "Call us today."),
                ("admonition", 4, 5, "We speak Spanish."),
            ],
            id="admonition-title-and-body",
        ),
        pytest.param(
            "> Quoted words here.\n", [("quote", 1, 3, "Quoted words here.")], id="blockquote"
        ),
        pytest.param(
            "---\ntitle: Words in front matter\n---\n```python\ncode = 1\n```\n<div>html</div>\n\nText.\n",
            [("paragraph", 9, 1, "Text.")],
            id="front-matter-code-and-html-blocks-are-not-prose",
        ),
        pytest.param("Setext\n------\n", [("heading", 1, 1, "Setext")], id="setext-heading"),
        pytest.param(
            "Write to help@school.example.org ![a photo](x.png) today.\n",
            [("paragraph", 1, 1, "Write to today.")],
            id="emails-and-images",
        ),
        pytest.param("", [], id="empty"),
    ],
)
def test_units(markdown: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert units(markdown) == expected


def test_positions_point_into_the_source() -> None:
    source = "---\ntitle: x\n---\n\nIntro line.\n\n- A *bold* item\n"
    doc = extract(source)
    for unit in doc.units:
        assert source[unit.start : unit.end].replace("*", " ") == unit.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_units_that_are_masked_copies_of_the_source(text: str) -> None:
    text = text.replace("\r", "")
    doc = extract(text)
    for unit in doc.units:
        original = text[unit.start : unit.end]
        assert len(original) == len(unit.text)
        assert all(m == o or m == " " for m, o in zip(unit.text, original, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# Title",
                "- item",
                "| a | b |",
                "|---|---|",
                "```",
                "!!! note",
                "    body",
                "> q",
                "text [link](u) `c`",
                "",
                "<div>",
                "1. x",
                "---",
                "***bold***",
                "Setext",
                "===",
            ]
        ),
        max_size=25,
    )
)
def test_markdown_shaped_input_never_crashes(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = extract(text)
    for unit in doc.units:
        line, column = doc.position(unit.start)
        assert 1 <= line <= text.count("\n") + 1
        assert column >= 1
