"""Comparing a translation with its source (facts and structure), remembered per pair.

The ``i18n.facts`` and ``i18n.structure`` findings; each pair of pages is compared once per
content of the two, in the store the engine gives (memory, then the disk cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from homeroom.checks.translations import facts
from homeroom.checks.translations.names import english_name
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.model.fingerprint import code_version
from homeroom.model.store import Store

#: The name comparisons are kept under in the store.
STORE_NAME = "i18n-compare"

#: A page's shape, worked out once however many translations it is compared with.
Shapes = Callable[[Source], facts.Shape]


def _key(original: Source, translation: Source, essential: bool) -> str:
    return "\0".join(
        (original.display, original.digest, translation.display, translation.digest, str(essential))
    )


def pair_known(original: Source, source: Source, store: Store) -> bool:
    """Whether the comparison of a translation with its original is in the store."""
    return any(
        store.get(STORE_NAME, code_version(), _key(original, source, essential)) is not None
        for essential in (True, False)
    )


def compare_pages_cached(
    original: Source,
    translation: Source,
    essential: bool,
    store: Store | None,
    shapes: Shapes = facts.shape_of_source,
) -> list[Finding]:
    """:func:`compare_pages`, kept in the store by both pages' paths and content hashes.

    The comparison depends on nothing but the two texts (and Homeroom's code), so a pair
    whose pages did not change is never parsed again.
    """
    key = _key(original, translation, essential)
    fingerprint = code_version()
    stored = store.get(STORE_NAME, fingerprint, key) if store is not None else None
    if isinstance(stored, list):
        try:
            return [Finding(**{**item, "severity": Severity(item["severity"])}) for item in stored]
        except (TypeError, KeyError, ValueError):
            pass  # not the shape this code writes: compare again
    found = compare_pages(original, translation, essential, shapes)
    if store is not None:
        store.put(STORE_NAME, fingerprint, key, [f.to_dict() for f in found])
    return found


def compare_pages(
    original: Source,
    translation: Source,
    essential: bool,
    shapes: Shapes = facts.shape_of_source,
) -> list[Finding]:
    """Facts and shape a translation must share with its source, as findings."""
    lang = translation.language
    # A link to the translated file of a page is a link to that page (quick-fixes.es.md).
    src = facts.same_page_links(shapes(original), original.language)
    tr = facts.same_page_links(shapes(translation), lang)
    found: list[Finding] = []
    for diff in facts.compare_facts(src, tr):
        parts = []
        if diff.missing:
            parts.append(
                f"{original.display} has {_list(diff.missing)} here, and this page does not"
            )
        if diff.extra:
            parts.append(f"this page has {_list(diff.extra)}, which {original.display} does not")
        where = f' in the section "{diff.heading}"' if diff.heading else ""
        found.append(
            Finding(
                translation.display,
                diff.line,
                1,
                "i18n.facts",
                Severity.ERROR if essential else Severity.WARNING,
                f"The facts differ from the {english_name(original.language)} page{where}: "
                f"{'; '.join(parts)}. Families must get the same dates, times, numbers, "
                "addresses and links in every language. Copy them exactly from the source.",
                match=diff.extra[0].shown if diff.extra else "",
                language=lang,
            )
        )
    for what, a, b, lines in (
        ("headings", src.headings, tr.headings, tr.heading_lines),
        ("list items", src.list_items, tr.list_items, tr.list_item_lines),
    ):
        if a != b:
            line = lines[min(a, b)] if min(a, b) < len(lines) else tr.first_line
            found.append(
                Finding(
                    translation.display,
                    line,
                    1,
                    "i18n.structure",
                    Severity.WARNING,
                    f"This page has {b} {what} and {original.display} has {a}: a part may have "
                    "been left out or added. Families who switch languages should find the "
                    f"same parts in the same order. Compare the {what} near this line.",
                    language=lang,
                )
            )
    return found


def _list(items: Iterable[facts.Fact]) -> str:
    shown = []
    for fact in items:
        label = {"number": "the number", "email": "the e-mail address", "link": "a link to"}[
            fact.kind
        ]
        shown.append(f"{label} {fact.shown!r}" if fact.kind != "link" else f"{label} {fact.shown}")
    if len(shown) > 4:
        shown = [*shown[:4], f"{len(shown) - 4} more"]
    return ", ".join(shown)
