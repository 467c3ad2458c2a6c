#!/usr/bin/env python3
"""Page grade against Flesch-Kincaid of the prose alone, on real English letters.

For every English letter in ``tests/data/letters/en/`` (real letters to families, never
tuned on), prints Homeroom's page score (the ``readability.page`` metric, Flesch-Kincaid
grade) next to a reference: textstat's ``flesch_kincaid_grade`` over the letter's
paragraphs and list items alone. The reference blocks are read with markdown-it directly,
not with Homeroom's prose reader: headings, table cells and image captions are left out,
and so are salutations ("Dear Family Member,") and sign-offs ("Sincerely,") and the
name lines that follow a sign-off. A block that does not end in ``.``, ``!`` or ``?``
gets a full stop, so a list item counts as the sentence it is (textstat would otherwise
run a whole list into one sentence).

The two use different syllable counters (Homeroom: the CMU pronouncing dictionary;
textstat 0.7.8: pyphen hyphenation), so a small gap remains even on pages of plain
paragraphs; the table gives that gap on letters without headings or tables too.

Usage: ``.venv/bin/python scripts/bench_prose_grade.py [--rows]``. Deterministic.
"""

from __future__ import annotations

import argparse
import re
import statistics
from pathlib import Path

import textstat
from markdown_it import MarkdownIt

from homeroom.checks.readability import ReadabilityCheck
from homeroom.data.readability_limits import DEFAULT_OPTIONS
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "data" / "letters" / "en"

# Independent of Homeroom's own list on purpose: the reference must not share its reader.
_SALUTATION = re.compile(r"^(dear|hello|hi|greetings|to)\b[^.!?]{0,60}[,:]$", re.I)
_SIGN_OFF = re.compile(
    r"^(sincerely|best|best regards|kind regards|regards|warm regards|warmly|respectfully|"
    r"thank you|thanks|with gratitude|yours truly|cordially)\b[^.!?]{0,30}[,!]?$",
    re.I,
)
_MD = MarkdownIt("commonmark").enable("table")


def prose_blocks(markdown: str) -> list[str]:
    """Plain text of each paragraph and list item, salutations and sign-offs left out."""
    blocks: list[str] = []
    after_sign_off = False
    tokens = _MD.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type != "inline" or not i or tokens[i - 1].type != "paragraph_open":
            continue
        text = " ".join("".join(_plain(token)).split())
        first = token.content.split("\n", 1)[0].strip()
        if _SIGN_OFF.match(first) or after_sign_off:
            after_sign_off = True  # the name and title lines under a sign-off
            continue
        if _SALUTATION.match(first):
            continue
        if not text or not re.search(r"\w", text):
            continue
        blocks.append(text if text[-1] in ".!?\"'”’)" else text + ".")
    return blocks


def _plain(token: object) -> list[str]:
    out = []
    for child in getattr(token, "children", None) or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return out


def page_grade(markdown: str, name: str) -> float:
    """Homeroom's page score (Flesch-Kincaid grade) for one English letter."""
    source = source_from_text(markdown, name, name, name, "en")
    result = ReadabilityCheck(DEFAULT_OPTIONS).check_page(source, prose_of(source))
    return float(result.metrics["measures"]["flesch-kincaid-grade"])


def reference_grade(markdown: str) -> float:
    """textstat's Flesch-Kincaid grade over the prose blocks alone."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(" ".join(prose_blocks(markdown))))


def has_structure(markdown: str) -> bool:
    """Whether a letter has headings or tables (what fooled the old page score)."""
    return bool(re.search(r"^(#{1,6}\s|\|)", markdown, re.M))


def main() -> None:
    """Print the per-letter table (with ``--rows``) and the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", action="store_true", help="print one row per letter")
    args = parser.parse_args()
    rows = []
    for path in sorted(LETTERS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        rows.append(
            (path.stem, has_structure(text), page_grade(text, path.name), reference_grade(text))
        )
    if args.rows:
        print(
            "| letter | headings or tables | page grade | FK of prose (textstat) | page - prose |"
        )
        print("| --- | --- | --- | --- | --- |")
        for name, structured, page, ref in rows:
            print(
                f"| {name} | {'yes' if structured else 'no'} | {page:.1f} | {ref:.1f} | {page - ref:+.1f} |"
            )
        print()
    print("| letters | n | mean page - prose | mean abs. difference | more than 2 grades easier |")
    print("| --- | --- | --- | --- | --- |")
    for label, subset in (
        ("with headings or tables", [r for r in rows if r[1]]),
        ("without", [r for r in rows if not r[1]]),
        ("all", rows),
    ):
        if not subset:
            continue
        diffs = [page - ref for _, _, page, ref in subset]
        easier = sum(d < -2 for d in diffs)
        print(
            f"| {label} | {len(subset)} | {statistics.mean(diffs):+.2f} | "
            f"{statistics.mean(abs(d) for d in diffs):.2f} | {easier} |"
        )


if __name__ == "__main__":
    main()
