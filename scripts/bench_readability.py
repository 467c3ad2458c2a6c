#!/usr/bin/env python3
"""Readability accuracy benchmark: Homeroom's scorer next to raw textstat.

Prints three tables:

1. OneStopEnglish (the same news articles rewritten at elementary, intermediate and
   advanced level; ``../shared/data/readability/onestopenglish``): how many article
   triples each scorer orders elementary < intermediate < advanced.
2. List-heavy pages: the same text as prose and as a Markdown bullet list without full
   stops. A fair scorer gives both about the same grade.
3. Spanish syllables on the hand-checked table ``tests/data/es_syllables.tsv``.

Usage: ``.venv/bin/python scripts/bench_readability.py [--data DIR]``. Deterministic: the
same inputs give the same table on any machine.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import textstat

from homeroom.checks.readability import page_counts
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of
from homeroom.text.measures import MEASURES
from homeroom.text.syllables import spanish

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "readability" / "onestopenglish"
LEVELS = ("ele", "int", "adv")

# The same advice written as prose and as a list without full stops (as authors write lists).
LIST_PAIRS: list[tuple[str, list[str]]] = [
    (
        "Here are some ways to help at home.",
        [
            "Read together for twenty minutes every night",
            "Ask your child to tell you about the story",
            "Count coins when you go shopping together",
            "Cook a meal and measure the cups of rice",
            "Visit the public library on the weekend",
            "Talk about your day at dinner",
            "Let your child write the shopping list",
            "Play a card game that uses numbers",
        ],
    ),
    (
        "Before the conference, you can do a few things.",
        [
            "Book a time that works for your family",
            "Ask the school for a free interpreter",
            "Look at your child's recent work and report card",
            "Ask your child how school is going",
            "Write down three questions for the teacher",
            "Bring a notebook to write down the goals",
        ],
    ),
    (
        "By the end of third grade, most students can do these things in math.",
        [
            "Multiply and divide numbers up to one hundred",
            "Understand fractions such as one half and one fourth",
            "Tell time to the nearest minute",
            "Measure length with a ruler in inches",
            "Solve word problems with two steps",
            "Find the area of a rectangle by counting squares",
        ],
    ),
    (
        "Call the school office if any of these things happen.",
        [
            "Your child will be absent or late",
            "Your phone number or address changes",
            "Someone new will pick up your child",
            "Your child needs medicine during the day",
            "You want to meet the teacher or the principal",
        ],
    ),
]


def homeroom_grade(markdown: str) -> float:
    """Homeroom's block-aware Flesch-Kincaid grade for an English Markdown text."""
    source = source_from_text(markdown, "bench.md", "bench.md", "bench.md", "en")
    grade = MEASURES["flesch-kincaid-grade"].compute(page_counts(source, prose_of(source)))
    return float(grade or 0.0)


def textstat_grade(text: str) -> float:
    """Raw textstat on the same text (what most tools do)."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


def read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def onestopenglish(data: Path) -> list[str]:
    names = sorted(p.name for p in (data / "ele").glob("*.txt"))
    scorers = {
        "homeroom (block-aware)": homeroom_grade,
        "textstat.flesch_kincaid_grade": textstat_grade,
    }
    rows = []
    for label, scorer in scorers.items():
        ordered = pairs = 0
        started = time.perf_counter()
        for name in names:
            ele, inter, adv = (scorer(read(data / level / name)) for level in LEVELS)
            ordered += ele < inter < adv
            pairs += (ele < inter) + (inter < adv) + (ele < adv)
        seconds = time.perf_counter() - started
        rows.append(
            f"| {label} | {ordered}/{len(names)} ({100 * ordered / len(names):.0f}%) "
            f"| {pairs}/{3 * len(names)} ({100 * pairs / (3 * len(names)):.0f}%) | {seconds:.2f} s |"
        )
    return [
        f"### OneStopEnglish: {len(names)} articles at three levels",
        "",
        "| scorer | triples ordered ele < int < adv | pairs ordered | time |",
        "| --- | --- | --- | --- |",
        *rows,
    ]


def lists_vs_prose() -> list[str]:
    rows = []
    gaps: dict[str, list[float]] = {"homeroom": [], "textstat": []}
    for intro, items in LIST_PAIRS:
        prose = intro + " " + " ".join(item + "." for item in items) + "\n"
        bullets = intro + "\n\n" + "\n".join(f"- {item}" for item in items) + "\n"
        ours = (homeroom_grade(prose), homeroom_grade(bullets))
        raw = (textstat_grade(prose), textstat_grade(bullets))
        gaps["homeroom"].append(abs(ours[0] - ours[1]))
        gaps["textstat"].append(abs(raw[0] - raw[1]))
        rows.append(
            f"| {intro[:40]}... | {ours[0]:.1f} / {ours[1]:.1f} | {raw[0]:.1f} / {raw[1]:.1f} |"
        )
    summary = f"| **largest gap** | **{max(gaps['homeroom']):.1f} grades** | **{max(gaps['textstat']):.1f} grades** |"
    return [
        f"### The same text as prose and as a bullet list ({len(LIST_PAIRS)} texts)",
        "",
        "| text | homeroom prose / list | textstat prose / list |",
        "| --- | --- | --- |",
        *rows,
        summary,
    ]


def spanish_syllables() -> list[str]:
    table = ROOT / "tests" / "data" / "es_syllables.tsv"
    with table.open(encoding="utf-8") as handle:
        rows = [(r["word"], int(r["count"])) for r in csv.DictReader(handle, delimiter="\t")]
    textstat.set_lang("es")
    ours = sum(spanish(word) == n for word, n in rows)
    theirs = sum(int(textstat.syllable_count(word)) == n for word, n in rows)
    misses = [w for w, n in rows if int(textstat.syllable_count(w)) != n][:8]
    return [
        f"### Spanish syllables ({len(rows)} hand-checked words)",
        "",
        "| counter | words right |",
        "| --- | --- |",
        f"| homeroom (rules) | {ours}/{len(rows)} ({100 * ours / len(rows):.1f}%) |",
        f"| textstat (pyphen hyphenation) | {theirs}/{len(rows)} ({100 * theirs / len(rows):.1f}%) |",
        "",
        f"textstat misses, for example: {', '.join(misses)}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the onestopenglish folder")
    args = parser.parse_args()
    if not (args.data / "ele").is_dir():
        print(
            f"error: {args.data}: no ele/ folder of OneStopEnglish texts here (use --data)",
            file=sys.stderr,
        )
        return 2
    print("\n".join([*onestopenglish(args.data), "", *lists_vs_prose(), "", *spanish_syllables()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
