"""Tables in their own sideways-scrolling, focusable, named box (homeroom.theme.tables)."""

from __future__ import annotations

import re

import pytest

from homeroom.theme.tables import WRAPPER_CLASS, wrap_tables

TABLE = "<table><thead><tr><th>Students</th><th>Tested</th></tr></thead></table>"


def test_a_table_gets_a_named_focusable_box_after_its_heading() -> None:
    page = (
        '<h2 id="reading">Reading &amp; writing<a class="headerlink" href="#reading">¶</a></h2>'
        f"<p>How students did.</p>{TABLE}"
    )
    out = wrap_tables(page)
    box = re.search(rf'<div class="{WRAPPER_CLASS}"[^>]*>', out)
    assert box is not None
    assert 'role="region"' in box.group(0)
    assert 'tabindex="0"' in box.group(0)
    assert 'aria-label="Reading &amp; writing"' in box.group(0)
    assert out.endswith(f"{TABLE}</div>")


def test_without_a_heading_the_first_column_header_names_the_box() -> None:
    assert 'aria-label="Students"' in wrap_tables(TABLE)


@pytest.mark.parametrize(
    "page",
    [
        "<p>No table here.</p>",
        "",
        f"<h2>Two</h2>{TABLE}<h3>Tables</h3>{TABLE}",
    ],
)
def test_wrapping_twice_changes_nothing(page: str) -> None:
    once = wrap_tables(page)
    assert wrap_tables(once) == once
    assert once.count(f'class="{WRAPPER_CLASS}"') == page.count("<table>")


def test_each_table_is_named_after_its_own_section() -> None:
    out = wrap_tables(f"<h2>Reading</h2>{TABLE}<h2>Math</h2>{TABLE}")
    assert re.findall(r'aria-label="([^"]+)"', out) == ["Reading", "Math"]


def test_two_tables_in_one_section_get_names_of_their_own() -> None:
    out = wrap_tables(f"<h2>Reading</h2>{TABLE}{TABLE}")
    assert re.findall(r'aria-label="([^"]+)"', out) == ["Reading", "Reading (2)"]
