"""Each table in a box of its own that scrolls sideways, so the page never does.

A thin MkDocs hook over ``homeroom.theme.tables.wrap_tables`` (see there for why). It runs on
every page, the generated report cards and staff pages included, after the Markdown has
become HTML and before the theme wraps it in the page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from homeroom.theme.tables import wrap_tables


# Last, after every plugin that adds or changes the page's HTML (notices, report cards).
@event_priority(-200)
def on_page_content(html: str, **_: Any) -> str:
    """Wrap the page's tables."""
    return wrap_tables(html)
