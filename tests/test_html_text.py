"""Visible text in raw HTML: one unit per block element, masked in place, in linear time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.text.html_text import parses_in_linear_time, text_units


def units(html: str) -> list[tuple[str, str]]:
    return [(u.kind, " ".join(u.text.split())) for u in text_units(html)]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            "<table><tr><td>Monday<td>Tuesday</tr></table>",
            [("table_cell", "Monday"), ("table_cell", "Tuesday")],
            id="cells-closed-by-the-next-cell",
        ),
        pytest.param(
            "<p>One<p>Two<div>Three</div>Four",
            [
                ("paragraph", "One"),
                ("paragraph", "Two"),
                ("paragraph", "Three"),
                ("paragraph", "Four"),
            ],
            id="paragraphs-closed-by-the-next-block",
        ),
        pytest.param(
            "<p>Call <a href='tel:5550100' title='the office'>the office</a> &amp; ask.</p>",
            [("paragraph", "Call the office &amp; ask.")],
            id="inline-tags-stay-in-the-unit-attributes-do-not",
        ),
        pytest.param(
            "<dl><dt>IEP</dt><dd>A written plan</dd></dl>",
            [("list_item", "IEP"), ("list_item", "A written plan")],
            id="definition-lists",
        ),
        pytest.param(
            "<template><p>Hidden</p></template><noscript>Turn on scripts</noscript>",
            [("paragraph", "Turn on scripts")],
            id="templates-are-hidden-noscript-is-read",
        ),
        pytest.param(
            "<p>Read <code>make site</code> first.</p><pre>\nline one\n</pre>",
            [("paragraph", "Read first.")],
            id="code-and-preformatted-text-are-not-prose",
        ),
        pytest.param(
            '<svg role="img"><title>Reading scores</title><desc>Our school: 55%.</desc>'
            '<text x="0">Our school</text></svg>',
            [
                ("heading", "Reading scores"),
                ("paragraph", "Our school: 55%."),
                ("table_cell", "Our school"),
            ],
            id="a-chart-title-description-and-labels",
        ),
        pytest.param("<script>\nlet s = '<b>';", [], id="a-script-that-never-ends"),
    ],
)
def test_units(html: str, expected: list[tuple[str, str]]) -> None:
    assert units(html) == expected


def test_offsets_are_offsets_into_the_html() -> None:
    html = '<table>\n  <tr><td class="x">Monday</td>\n  <td>3 p.m.</td></tr>\n</table>'
    found = text_units(html)
    assert [(u.start, u.text) for u in found] == [
        (html.index("Monday"), "Monday"),
        (html.index("3 p.m."), "3 p.m."),
    ]


@pytest.mark.parametrize(
    ("html", "linear"),
    [
        ("<table><tr><td>a</td></tr></table>", True),
        ("<p>5 < 6 and a<3</p>", True),
        ("<!-- a <b> comment --><p>x</p>", True),
        ("<script>if (a<b && c>d) {}</script><p>x</p>", True),
        ("<script type='module'>a<b</script>", True),
        ("<!-- never closed <p>x</p>", False),
        ("<p>x <a href=y <b>z</b></p>", False),
        ("<p>x</p><a title='1", False),
        ("<![CDATA[ x ]]>", False),
        ("<script/>a<b c</script>", False),
    ],
)
def test_the_linear_time_check(html: str, linear: bool) -> None:
    assert parses_in_linear_time(html) is linear


def test_html_the_parser_would_read_slowly_is_one_unit_for_the_patterns() -> None:
    html = "<div>Call us <a href='x' <b>today</b></div>"
    assert [(u.kind, u.start, u.text) for u in text_units(html)] == [("paragraph", 0, html)]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" + "<a word " * 50_000, id="tags-that-never-close"),
        pytest.param("<div>" + "<!-- word " * 50_000, id="comments-that-never-close"),
        pytest.param("<div>" + "a<b " * 100_000, id="less-than-before-letters"),
        pytest.param("<div>" + "</a word " * 50_000, id="end-tags-that-never-close"),
        pytest.param("<div>" + "<a title='x>y word " * 30_000, id="quotes-that-never-close"),
        pytest.param(
            "<table>" + "<tr><td>word</td><td>the benchmark</td></tr>\n" * 20_000 + "</table>",
            id="a-table-of-40000-cells",
        ),
    ],
)
def test_huge_and_hostile_html_is_read_in_one_pass(html: str) -> None:
    # The standard parser takes minutes on the first five (it rescans to the end from
    # every opening); the check sends them to the patterns instead.
    found = text_units(html)
    for unit in found:
        original = html[unit.start : unit.start + len(unit.text)]
        assert all(m == o or m == " " for m, o in zip(unit.text, original, strict=True))


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<td>",
        "<li>",
        "<div class='a b'>",
        "</div>",
        "<b>",
        "</b>",
        "<br/>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<pre>",
        "</pre>",
        "&amp;",
        "&",
        "<",
        ">",
        "'",
        '"',
        "word",
        "Word.",
        " ",
        "\n",
        "<a href=",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_units_are_masked_copies_of_the_html_in_order(html: str) -> None:
    position = 0
    for unit in text_units(html):
        assert unit.start >= position
        original = html[unit.start : unit.start + len(unit.text)]
        assert len(original) == len(unit.text)
        assert all(m == o or m == " " for m, o in zip(unit.text, original, strict=True))
        position = unit.start + len(unit.text)
