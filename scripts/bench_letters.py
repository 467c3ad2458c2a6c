#!/usr/bin/env python3
"""Jargon, acronyms and deficit language on real family letters: blind recall and precision.

The corpus is ``tests/data/letters/``: real, openly licensed letters that schools and
curricula send to families, and ``marks.yml``, made by a reader who had not seen Homeroom's
glossaries: every term a family would stumble on, once per letter, at its first occurrence,
with its kind (``jargon``, ``acronym`` or ``deficit``). Every file listed in ``marks.yml`` is
checked, so letters added to the corpus count as soon as they are marked.

Each letter runs through the jargon check (:mod:`homeroom.checks.jargon`) with the
glossaries Homeroom ships (``content/_data/glossary/``, its accept list and the package's
language data), as a page of the language of its folder (``en/``, ``es/``). That one check
makes all three kinds of finding: ``jargon.<id>`` (jargon), ``jargon.acronym`` (acronym)
and ``respect.<id>`` (deficit). The content check (:mod:`homeroom.checks.content`) finds
unsafe HTML and unfinished notes, none of which the marks are about, so it is not run.

Each sender's own names. The reader did not mark the name of the school system,
programme or curriculum that sends a letter (DoDEA, NAEP, CKLA); a district using Homeroom
lists its own names the same way, in ``own_words`` (:data:`SENDERS`: one short list per
source, by the file name's first part, the same for every letter of that source, never a
term from a letter's marks). Nothing else is set per letter.

Matching rule. A mark's *places* are the occurrences of its term (same letters, any case,
white space folded) on the mark's line, and the term's first occurrence in the letter.
A finding's *span* runs from its line and column over its matched text. A finding matches
a mark, whatever the kinds of both, when

- its span overlaps one of the mark's places, or
- it is on the mark's line and one of the two texts contains the other, ignoring case (the
  mark "English learners" and a finding on "English Learner" earlier on that line: the
  check reports a term at its first use, in whichever form the letter used first).

- Recall (per language, per kind of mark): marks matched by at least one finding, over all
  marks.
- Precision (per language, per kind of finding): findings that match a mark, over all
  findings. A finding that matches no mark counts as a false positive: unmarked findings
  are not judged again by hand, so a finding the reader would have accepted, or a second
  finding of a term already found, counts against precision.

Usage: ``.venv/bin/python scripts/bench_letters.py`` for the tuning corpus, or
``... scripts/bench_letters.py tests/data/letters-heldout`` for the held-out set (same layout;
measured once, after tuning, and never tuned against). Deterministic (no timing, files read
in sorted order).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from homeroom.checks.jargon import JargonCheck
from homeroom.data.glossary import OwnWord, load_glossaries
from homeroom.data.sources import source_from_text
from homeroom.model.findings import Finding
from homeroom.run import engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "letters"
KINDS = ("jargon", "acronym", "deficit")

#: Each source's own names, as its site would list them in ``own_words`` (file name prefix
#: -> names and meanings).
SENDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "dodea": (("DoDEA", "Department of Defense Education Activity"),),
    "naep": (
        ("NAEP", "National Assessment of Educational Progress"),
        ("National Assessment of Educational Progress", "a national test"),
        ("Nation's Report Card", "the results of NAEP"),
    ),
    "ckla": (("CKLA", "Core Knowledge Language Arts"),),
    "codeorg": (("Code.org", "a nonprofit that teaches computer science"),),
    "hhs": (("Head Start", "a federal preschool program"),),
    "cdc": (("CDC", "Centers for Disease Control and Prevention"),),
}


@dataclass(frozen=True)
class Mark:
    """One blind mark: a term a family would stumble on, at its first occurrence."""

    file: str
    term: str
    line: int
    kind: str


def kind_of(finding: Finding) -> str:
    """The kind of a finding, in the marks' words."""
    if finding.rule == "jargon.acronym":
        return "acronym"
    if finding.rule.startswith("respect."):
        return "deficit"
    return "jargon"


def line_starts(text: str) -> list[int]:
    """The offset where each line starts."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def places(text: str, mark: Mark, starts: list[int]) -> list[tuple[int, int]]:
    """The spans of the mark's term on its line, and of the term's first occurrence."""
    words = mark.term.split()
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    found = list(pattern.finditer(text))
    spans = {(m.start(), m.end()) for m in found[:1]}
    if 1 <= mark.line <= len(starts):
        line_start = starts[mark.line - 1]
        line_end = starts[mark.line] if mark.line < len(starts) else len(text)
        spans |= {(m.start(), m.end()) for m in found if line_start <= m.start() < line_end}
    return sorted(spans)


def finding_span(text: str, finding: Finding, starts: list[int]) -> tuple[int, int]:
    """Where a finding's matched text lies in the letter (its words may cross lines)."""
    start = starts[finding.line - 1] + finding.column - 1
    words = finding.match.split() or [finding.match]
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    m = pattern.match(text, start)
    return (start, m.end()) if m else (start, start + max(len(finding.match), 1))


def load_marks(corpus: Path) -> list[Mark]:
    """Every mark of every file listed in marks.yml, in file order."""
    data = yaml.safe_load((corpus / "marks.yml").read_text(encoding="utf-8"))
    marks: list[Mark] = []
    for file, entries in sorted((data.get("files") or {}).items()):
        for entry in entries or []:
            marks.append(Mark(file, str(entry["term"]), int(entry["line"]), str(entry["kind"])))
    return marks


def main(argv: list[str]) -> int:
    corpus = (ROOT / argv[0]).resolve() if argv else CORPUS
    data = yaml.safe_load((corpus / "marks.yml").read_text(encoding="utf-8"))
    files = sorted(data.get("files") or {})
    marks = load_marks(corpus)
    languages = sorted({file.split("/", 1)[0] for file in files})
    glossaries = load_glossaries(ROOT / "content" / "_data", ROOT, languages)

    def check_for(file: str, language: str) -> JargonCheck:
        sender = Path(file).name.split("-", 1)[0]
        own = tuple(OwnWord(name, meaning) for name, meaning in SENDERS.get(sender, ()))
        glossary = replace(glossaries[language], own_words=own)
        return JargonCheck({language: glossary})

    # (language, kind) -> counts
    marked: dict[tuple[str, str], int] = defaultdict(int)
    recalled: dict[tuple[str, str], int] = defaultdict(int)
    found: dict[tuple[str, str], int] = defaultdict(int)
    right: dict[tuple[str, str], int] = defaultdict(int)
    words: dict[str, int] = defaultdict(int)
    letters: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    extras: list[str] = []

    for file in files:
        language = file.split("/", 1)[0]
        text = (corpus / file).read_text(encoding="utf-8")
        source = source_from_text(text, file, file, file, language)
        findings, _ = engine.check_page(source, [check_for(file, language)])
        starts = line_starts(source.text)
        letters[language] += 1
        words[language] += len(source.text.split())
        file_marks = [m for m in marks if m.file == file]
        mark_places = [places(source.text, m, starts) for m in file_marks]
        hit: set[int] = set()
        for finding in sorted(findings, key=lambda f: (f.line, f.column, f.rule)):
            a, b = finding_span(source.text, finding, starts)
            said = " ".join(finding.match.lower().split())
            matched = [
                i
                for i, spans in enumerate(mark_places)
                if any(a < end and start < b for start, end in spans)
                or (
                    file_marks[i].line == finding.line
                    and (said in file_marks[i].term.lower() or file_marks[i].term.lower() in said)
                )
            ]
            kind = kind_of(finding)
            found[language, kind] += 1
            if matched:
                right[language, kind] += 1
                hit.update(matched)
            else:
                extras.append(
                    f"- {file}:{finding.line}:{finding.column} {finding.rule} on {finding.match!r}"
                )
        for i, mark in enumerate(file_marks):
            marked[language, mark.kind] += 1
            if i in hit:
                recalled[language, mark.kind] += 1
            else:
                misses.append(f"- {file}:{mark.line} {mark.kind} {mark.term!r}")

    def ratio(top: int, bottom: int) -> str:
        return f"{top / bottom:.2f}" if bottom else "-"

    print("##### Recall and precision\n")
    print(
        "| language | letters | words | kind | marks | found | recall "
        "| findings | matching a mark | precision |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for language in languages:
        for kind in (*KINDS, "all"):
            keys = KINDS if kind == "all" else (kind,)
            m = sum(marked[language, k] for k in keys)
            r = sum(recalled[language, k] for k in keys)
            f = sum(found[language, k] for k in keys)
            g = sum(right[language, k] for k in keys)
            label = "**all**" if kind == "all" else kind
            print(
                f"| {language} | {letters[language]} | {words[language]:,} | {label} | {m} | {r} "
                f"| {ratio(r, m)} | {f} | {g} | {ratio(g, f)} |"
            )
    print(f"\n##### Misses ({len(misses)})\n")
    print("\n".join(misses) if misses else "none")
    print(f"\n##### Findings that match no mark ({len(extras)}, counted as false positives)\n")
    print("\n".join(extras) if extras else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
