"""The family glossary: the words families will still meet, in plain words.

A glossary with ``topics:`` becomes a short index page (``glossary.md``: the title, the
introduction and one link per topic, with a few of its words) and one page per topic
(``glossary/reading.md`` ...), so each page stays light on a phone as the glossary grows.
A glossary without topics is one page, as before. Every term keeps an anchor named by its
id on the page it is on (``glossary/special-education.md#iep``).

The page's own words (title, introduction, label) are the language's package data
(``glossary_page`` in ``homeroom/lang/<code>.yml``); a language without them gets no page.
Topic titles are the glossary's own data (``topics:`` in ``content/_data/glossary/<lang>.yml``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from homeroom.data.glossary import Entry, Glossary
from homeroom.data.termbase import Term
from homeroom.text.lang import GlossaryLabels, language_words

#: How many of a topic's words the index names after its link.
INDEX_EXAMPLES = 4


def glossary_markdown(glossary: Glossary) -> str | None:
    """The whole glossary as one page, or None when the language has no labels for it."""
    labels = language_words(glossary.language).glossary_page
    if labels is None:
        return None
    return _page(labels.title, labels, _terms(glossary), intro=labels.intro)


def glossary_pages(glossary: Glossary, page: str = "glossary.md") -> dict[str, str]:
    """Each page of the family glossary (path -> Markdown), the index at ``page``.

    No pages when the language has no labels; one page when the glossary has no topics.
    """
    labels = language_words(glossary.language).glossary_page
    if labels is None:
        return {}
    terms = _terms(glossary)
    if not glossary.topics:
        return {page: _page(labels.title, labels, terms, intro=labels.intro)}
    folder = posixpath.splitext(page)[0]
    known = {topic for topic, _ in glossary.topics}
    topics = list(glossary.topics)
    last = topics[-1][0]
    by_topic: dict[str, list[Entry]] = {topic: [] for topic, _ in topics}
    for entry in terms:
        by_topic[entry.topic if entry.topic in known else last].append(entry)
    pages: dict[str, str] = {}
    index = [*_head(labels.title), labels.intro, ""]
    for topic, title in topics:
        entries = by_topic[topic]
        if not entries:
            continue
        path = f"{folder}/{topic}.md"
        link = posixpath.relpath(path, posixpath.dirname(page) or ".")
        named = ", ".join(e.term for e in entries[:INDEX_EXAMPLES])
        more = ", ..." if len(entries) > INDEX_EXAMPLES else ""
        index += [f"- [{title}]({link}): {named}{more}", ""]
        back = posixpath.relpath(page, posixpath.dirname(path))
        pages[path] = _page(title, labels, entries, back=(labels.title, back))
    pages[page] = "\n".join(index)
    return pages


def _terms(glossary: Glossary) -> list[Entry]:
    return sorted(
        (e for e in glossary.entries if e.category == "jargon"), key=lambda e: e.term.lower()
    )


def _head(title: str) -> list[str]:
    return ["---", f"title: {title}", "type: glossary", "---", "", f"# {title}", ""]


def _page(
    title: str,
    labels: GlossaryLabels,
    entries: list[Entry],
    intro: str = "",
    back: tuple[str, str] | None = None,
) -> str:
    lines = _head(title)
    if intro:
        lines += [intro, ""]
    if back is not None:
        lines += [f"[{back[0]}]({back[1]})", ""]
    for entry in entries:
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


def termbase_pages(
    language: str, terms: Mapping[str, Term], english: Glossary | None, page: str = "glossary.md"
) -> dict[str, str]:
    """The family glossary of a language with no glossary of its own, from its termbase.

    Each approved term (the glossary's ``define: true`` entries) with the English word a
    family meets on papers and in meetings, and what it means in the termbase's words. One
    page: no page when the language has no labels or no explained term.
    """
    labels = language_words(language).glossary_page
    if labels is None:
        return {}
    headwords = {e.id: e.term for e in english.entries} if english is not None else {}
    explained = sorted(
        (t for t in terms.values() if t.kind == "glossary" and t.explain),
        key=lambda t: t.term.casefold(),
    )
    if not explained:
        return {}
    lines = [*_head(labels.title), labels.intro, ""]
    for term in explained:
        english_word = headwords.get(term.id, "")
        shown = f" ({english_word})" if english_word and english_word != term.term else ""
        lines += [f'<div id="{term.id}"></div>', "", f"## {term.term}{shown}", "", term.explain, ""]
    return {page: "\n".join(lines)}
