"""Comparing a translation with its source (facts and structure), remembered per pair.

The ``i18n.facts`` and ``i18n.structure`` findings; each pair of pages is compared once per
content of the two, in this process and in the disk cache.
"""

from __future__ import annotations

from collections.abc import Iterable

from homeroom.checks.translations import facts
from homeroom.checks.translations.names import english_name
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.model.fingerprint import code_version
from homeroom.model.memo import Memo
from homeroom.run.cache import DiskCache


def pair_known(original: Source, source: Source, cache: DiskCache) -> bool:
    """Whether the comparison of a translation with its original is cached."""
    for essential in (True, False):
        key = "\0".join(
            (original.display, original.digest, source.display, source.digest, str(essential))
        )
        if (
            _COMPARED.get(key) is not None
            or cache.get("i18n-compare", code_version(), key) is not None
        ):
            return True
    return False


#: Pairs compared in this process (bounded: ``mkdocs serve`` runs for hours).
_COMPARED: Memo[str, tuple[Finding, ...]] = Memo(20_000)


def compare_pages_cached(
    original: Source, translation: Source, essential: bool, cache: DiskCache | None
) -> list[Finding]:
    """:func:`compare_pages`, remembered by both pages' paths and content hashes.

    The comparison depends on nothing but the two texts (and Homeroom's code), so a pair
    whose pages did not change is never parsed again.
    """
    key = "\0".join(
        (original.display, original.digest, translation.display, translation.digest, str(essential))
    )
    found = _COMPARED.get(key)
    if found is not None:
        return list(found)
    fingerprint = code_version()
    stored = cache.get("i18n-compare", fingerprint, key) if cache is not None else None
    if isinstance(stored, list):
        try:
            found = tuple(
                Finding(**{**item, "severity": Severity(item["severity"])}) for item in stored
            )
        except (TypeError, KeyError, ValueError):
            found = None
    if found is None:
        found = tuple(compare_pages(original, translation, essential))
        if cache is not None:
            cache.put("i18n-compare", fingerprint, key, [f.to_dict() for f in found])
    _COMPARED.put(key, found)
    return list(found)


def compare_pages(original: Source, translation: Source, essential: bool) -> list[Finding]:
    """Facts and shape a translation must share with its source, as findings."""
    lang = translation.language
    src = facts.shape_of_source(original)
    tr = facts.shape_of_source(translation)
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
