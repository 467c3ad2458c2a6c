"""The family glossary page: the words families will still meet, in plain words.

The page's own words (title, introduction, label) are the language's package data
(``glossary_page`` in ``homeroom/lang/<code>.yml``); a language without them gets no page.
"""

from __future__ import annotations

from homeroom.data.glossary import Glossary
from homeroom.text.lang import language_words


def glossary_markdown(glossary: Glossary) -> str | None:
    """The glossary page in the glossary's language, or None when there are no labels for it."""
    labels = language_words(glossary.language).glossary_page
    if labels is None:
        return None
    terms = sorted(
        (e for e in glossary.entries if e.category == "jargon"), key=lambda e: e.term.lower()
    )
    lines = [
        "---",
        f"title: {labels.title}",
        "type: glossary",
        "---",
        "",
        f"# {labels.title}",
        "",
        labels.intro,
        "",
    ]
    for entry in terms:
        # A plain HTML anchor, so links like glossary.md#iep work without attr_list.
        lines += [
            f'<div id="{entry.id}"></div>',
            "",
            f"## {entry.term}",
            "",
            entry.explain,
            "",
            f"{labels.plain}: {', '.join(entry.plain)}.",
            "",
        ]
    return "\n".join(lines)
