"""Markdown to prose: each block its own unit, at its exact place in the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.text.prose import extract


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
            "---\ntitle: Words in front matter\n---\n```python\ncode = 1\n```\n\nText.\n",
            [("paragraph", 8, 1, "Text.")],
            id="front-matter-and-code-are-not-prose",
        ),
        pytest.param(
            "<table>\n  <tr><th>Day</th><th>Time</th></tr>\n"
            "  <tr><td>Monday</td><td>3 p.m.</td></tr>\n</table>\n",
            [
                ("table_cell", 2, 11, "Day"),
                ("table_cell", 2, 23, "Time"),
                ("table_cell", 3, 11, "Monday"),
                ("table_cell", 3, 26, "3 p.m."),
            ],
            id="html-table-each-cell",
        ),
        pytest.param(
            '<div class="note">\nBring a <b>coat</b> &amp; boots.\n<p>Lunch is free.</p>\n</div>\n',
            [("paragraph", 2, 1, "Bring a coat boots."), ("paragraph", 3, 4, "Lunch is free.")],
            id="html-div-and-paragraph-tags-and-entities",
        ),
        pytest.param(
            "<details>\n<summary>Why we test</summary>\n<ul><li>Fall<li>Spring</li></ul>\n</details>\n",
            [
                ("heading", 2, 10, "Why we test"),
                ("list_item", 3, 9, "Fall"),
                ("list_item", 3, 17, "Spring"),
            ],
            id="html-details-summary-and-list-items",
        ),
        pytest.param(
            '<div title="a title" data-x="more words">\n<img alt="a photo" src="x.png">\n'
            "<script>var words = 'not prose';</script><style>p { color: red; }</style>\n"
            "<!-- homeroom allow jargon.benchmark: a reason -->\n<pre>code here</pre>\n"
            "Seen.\n</div>\n",
            [("paragraph", 6, 1, "Seen.")],
            id="html-attributes-scripts-styles-comments-and-code-are-not-prose",
        ),
        pytest.param(
            "<!-- a comment\nover lines -->\n\nText.\n",
            [("paragraph", 4, 1, "Text.")],
            id="html-comment-block",
        ),
        pytest.param(
            "> <div>\n> Quoted words\n> </div>\n\n- <div>In a list</div>\n",
            [("quote", 2, 3, "Quoted words"), ("list_item", 5, 8, "In a list")],
            id="html-in-a-quote-and-a-list-item",
        ),
        pytest.param(
            "<div>\n" + "<a word " * 3 + "\n</div>\n",
            [("paragraph", 2, 1, "<a word <a word <a word")],
            id="html-whose-tags-never-close-is-masked-by-patterns-and-still-read",
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
                "<table><tr><td>cell</td>",
                "<td title='x'>a</td></tr></table>",
                "<!-- note",
                "-->",
                "<script>if (a<b) {}",
                "</script>",
                "<p>words <b>bold</b>",
                "</div>",
                "<a href=x",
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
        original = text[unit.start : unit.end]
        assert all(m == o or m == " " for m, o in zip(unit.text, original, strict=True))


def test_every_item_of_a_list_nested_as_deep_as_a_page_may_be_is_prose() -> None:
    from homeroom.data.sources import MAX_NESTING

    # markdown-it dropped everything below its default depth (a list and its item are
    # two levels): a list nested ten deep was published but never checked.
    text = "\n".join("  " * i + f"- level {i}" for i in range(MAX_NESTING)) + "\n"
    doc = extract(text)
    assert [u.plain for u in doc.units] == [f"level {i}" for i in range(MAX_NESTING)]
    assert doc.position(doc.units[-1].start) == (MAX_NESTING, 2 * MAX_NESTING + 1)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(">" * 10_000 + " x", id="quotes-without-spaces"),
        pytest.param("> " * 10_000 + "x", id="quotes"),
        pytest.param("- " * 10_000 + "x", id="list-markers"),
        pytest.param("1. " * 10_000 + "x", id="ordered-list-markers"),
        pytest.param("\n".join("    " * i + "!!! note" for i in range(300)), id="admonitions"),
        pytest.param("[" * 10_000 + "x" + "]" * 10_000, id="brackets"),
    ],
)
def test_nesting_far_deeper_than_any_page_does_not_crash(text: str) -> None:
    # Deeper than the limit, markdown-it stops reading the container; nothing recurses.
    doc = extract(text)
    assert all(unit.start < len(text) for unit in doc.units)
