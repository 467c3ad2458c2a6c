#!/usr/bin/env python3
"""Spanish sentence verdicts against their English originals (a faithful translation of a
passing English sentence should pass too).

Two parallel corpora:

1. The bundled site: every ``content/**/<page>.es.md`` next to its ``<page>.md``.
2. Real letters: the pairs in ``tests/data/letters/pairs.yml`` (only ``equivalence:
   translation``; ``same-document`` and ``earlier-version`` pairs are not translations of
   each other sentence by sentence).

Sentences are aligned block by block, then sentence by sentence, as Homeroom reads them:
each page's prose units (headings, paragraphs, list items, cells...) are paired in order
where their kinds line up (``difflib`` over the two lists of kinds), and two paired units
are used only when they split into the same number of sentences, which are then paired in
order. Anything else is left out, so a pair is always one sentence and its translation.

A verdict is what the readability check gives a sentence alone: ``pass``, or a
``readability.sentence`` / ``readability.sentence-difficulty`` warning or error, with the
limits of the site's ``content/_data/readability.yml`` (the page's profile). Two sentences
agree when both pass or both are flagged.

Usage: ``.venv/bin/python scripts/bench_es_agreement.py [--show]`` (``--show`` lists the
pairs that disagree). Deterministic.
"""

from __future__ import annotations

import argparse
import difflib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from homeroom.checks.readability_sentences import sentence_verdict
from homeroom.data.readability_limits import ReadabilityOptions, read_options
from homeroom.data.readability_schema import READABILITY_SCHEMA
from homeroom.data.ruledata import read_rule_file
from homeroom.data.sources import Source, source_from_text
from homeroom.model.errors import raise_all
from homeroom.run.engine import prose_of
from homeroom.text.measures import count_sentence
from homeroom.text.sentences import split

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LETTERS = ROOT / "tests" / "data" / "letters"


def site_options() -> ReadabilityOptions:
    """The bundled site's readability limits (its glossaries are not needed here)."""
    path = CONTENT / "_data" / "readability.yml"
    file = read_rule_file(path, "content/_data/readability.yml", READABILITY_SCHEMA)
    options = read_options(file)
    raise_all(file.problems)
    return options


def load(path: Path, language: str) -> Source:
    """A page as the checks read it."""
    text = path.read_text(encoding="utf-8")
    name = path.name
    return source_from_text(text, name, name, name, language)


def verdict(source: Source, sentence: str, options: ReadabilityOptions) -> str:
    """``pass`` or ``<rule> <severity>`` for one sentence of a page."""
    profile = options.profile_for(source.page_type)
    language = source.language
    found = sentence_verdict(
        count_sentence(sentence, language),
        profile.sentence_limits(language),
        profile.difficulty(language),
    )
    return "pass" if found is None else f"{found[0]} {found[1].value}"


def aligned(en: Source, es: Source) -> Iterator[tuple[str, str]]:
    """(English sentence, Spanish sentence) pairs, block by block then sentence by sentence."""
    en_units = prose_of(en).units
    es_units = prose_of(es).units
    matcher = difflib.SequenceMatcher(
        None, [u.kind for u in en_units], [u.kind for u in es_units], autojunk=False
    )
    for block in matcher.get_matching_blocks():
        for i in range(block.size):
            a, b = en_units[block.a + i], es_units[block.b + i]
            en_sentences = [s.text for s in split(a.text, "en")]
            es_sentences = [s.text for s in split(b.text, "es")]
            if len(en_sentences) == len(es_sentences):
                yield from zip(en_sentences, es_sentences, strict=True)


def site_pairs() -> Iterator[tuple[Path, Path]]:
    """(English, Spanish) files of the bundled site."""
    for es in sorted(CONTENT.rglob("*.es.md")):
        if "_data" in es.relative_to(CONTENT).parts:
            continue
        en = es.with_name(es.name.removesuffix(".es.md") + ".md")
        if en.exists():
            yield en, es


def letter_pairs() -> Iterator[tuple[Path, Path]]:
    """(English, Spanish) letters that are translations of each other."""
    data = yaml.safe_load((LETTERS / "pairs.yml").read_text(encoding="utf-8"))
    for pair in data["pairs"]:
        if pair.get("equivalence") == "translation":
            yield LETTERS / pair["en"], LETTERS / pair["es"]


def measure(
    files: list[tuple[Path, Path]], options: ReadabilityOptions
) -> tuple[Counter[str], list[tuple[str, str, str, str, str]]]:
    """Counts of agreement and the disagreeing pairs."""
    tally: Counter[str] = Counter()
    disagree = []
    for en_path, es_path in files:
        en, es = load(en_path, "en"), load(es_path, "es")
        for en_sentence, es_sentence in aligned(en, es):
            a, b = verdict(en, en_sentence, options), verdict(es, es_sentence, options)
            tally["pairs"] += 1
            tally["agree"] += (a == "pass") == (b == "pass")
            tally["same verdict"] += a == b
            if a == "pass" and b != "pass":
                tally["English passes, Spanish flagged"] += 1
            if a != "pass" and b == "pass":
                tally["English flagged, Spanish passes"] += 1
            if (a == "pass") != (b == "pass"):
                disagree.append((es_path.name, a, en_sentence, b, es_sentence))
    return tally, disagree


def main() -> None:
    """Print one row per corpus (and, with ``--show``, the pairs that disagree)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--show", action="store_true", help="list the pairs that disagree")
    args = parser.parse_args()
    options = site_options()
    print(
        "| corpus | page pairs | sentence pairs | verdicts agree | English passes, Spanish "
        "flagged | English flagged, Spanish passes |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    shown = []
    for label, files in (
        ("bundled site (content/)", list(site_pairs())),
        ("real letters (pairs.yml, translations)", list(letter_pairs())),
    ):
        tally, disagree = measure(files, options)
        shown.extend(disagree)
        n = tally["pairs"]
        print(
            f"| {label} | {len(files)} | {n} | {tally['agree']}/{n} "
            f"({100 * tally['agree'] / n:.1f}%) | {tally['English passes, Spanish flagged']} | "
            f"{tally['English flagged, Spanish passes']} |"
        )
    if args.show:
        for name, a, en_sentence, b, es_sentence in shown:
            print(f"\n{name}\n  en [{a}] {en_sentence}\n  es [{b}] {es_sentence}")


if __name__ == "__main__":
    main()
