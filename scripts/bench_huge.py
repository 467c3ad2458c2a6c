"""Huge-page benchmark: ``homeroom check`` time on one very large page.

Each input is one generated page in a temporary folder, checked against the bundled
site's settings and data (glossaries, thresholds) with

    homeroom check --no-cache --jobs 1 --fail-on never PAGE

as a child process, timed from start to exit. The inputs:

- one paragraph of 10,000, 100,000 and 1,000,000 words without any punctuation (one
  endless sentence: every check sees it whole);
- one paragraph of the same number of words in short sentences (one unit, many
  sentences);
- a page of about 5 MB of ordinary paragraphs of two to six sentences.

The words are drawn with a fixed seed, so every run checks the same text. Every time
includes start-up (imports, the pronouncing dictionary, the glossaries: about a second),
which a first run on a one-sentence page measures. When every step is linear, the time
beyond start-up grows tenfold from one size to the next (ten times the words); a
quadratic step would make it grow a hundredfold.

    .venv/bin/python scripts/bench_huge.py            # 10k, 100k, 1M words and 5 MB
    .venv/bin/python scripts/bench_huge.py --quick    # 1k, 10k, 100k words and 0.5 MB
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FRONT_MATTER = "---\ntitle: Big\ntype: staff\n---\n\n"
#: Everyday words, with the joining words a split hint looks for.
VOCABULARY = (
    "the school family child teacher homework and reading math so we because classroom "
    "weekly grade but report parent when conference schedule if library lunch or bus "
    "principal which counselor while"
).split()
SENTENCES = (
    "Your child will bring home a reading log every Friday.",
    "Please sign it and send it back on Monday.",
    "If you have questions, call the front office at 555-0100.",
    "Dr. Lee and Ms. Ortiz will meet families at 3 p.m. on Tuesday.",
    "We read together for twenty minutes a day, and we talk about the story.",
    "Lunch costs $3.50, or it is free for families who qualify.",
)


def unpunctuated(words: int, rng: random.Random) -> str:
    """One paragraph of ``words`` words and no punctuation at all."""
    return " ".join(rng.choice(VOCABULARY) for _ in range(words))


def sentences(words: int, rng: random.Random) -> str:
    """One paragraph of short sentences, about ``words`` words in all."""
    out: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(SENTENCES)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def paragraphs(size: int, rng: random.Random) -> str:
    """Ordinary paragraphs of two to six sentences, about ``size`` characters in all."""
    out: list[str] = ["# A long page"]
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out)


def time_check(page: Path, timeout: float) -> float | None:
    """Seconds ``homeroom check`` took on one page, or None after ``timeout`` seconds."""
    command = [
        sys.executable,
        "-m",
        "homeroom",
        "check",
        "--no-cache",
        "--jobs",
        "1",
        "--fail-on",
        "never",
        str(page),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"homeroom check exited {done.returncode}:\n{done.stderr[-3000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Generate the inputs, check each one, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs (a few seconds)")
    parser.add_argument(
        "--timeout", type=float, default=600, help="give up on one input after this many seconds"
    )
    args = parser.parse_args(argv)
    sizes = (1_000, 10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    page_size = 500_000 if args.quick else 5_000_000
    rng = random.Random(2024)  # noqa: S311 - made-up text, not secrets
    cases: list[tuple[str, str]] = []
    for words in sizes:
        cases.append((f"one paragraph, no punctuation, {words:,} words", unpunctuated(words, rng)))
    for words in sizes:
        cases.append((f"one paragraph of short sentences, {words:,} words", sentences(words, rng)))
    cases.append((f"ordinary paragraphs, {page_size / 1e6:g} MB", paragraphs(page_size, rng)))

    print("| input | words | MB | seconds | beyond start-up | words per second |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "big.md"
        page.write_text(FRONT_MATTER + "A short page.\n", encoding="utf-8")
        startup = time_check(page, args.timeout) or 0.0
        print(f"| one sentence (start-up) | 3 | 0.00 | {startup:.2f} | | |", flush=True)
        for name, body in cases:
            page.write_text(FRONT_MATTER + body + "\n", encoding="utf-8")
            words = len(body.split())
            size = page.stat().st_size / 1e6
            seconds = time_check(page, args.timeout)
            if seconds is None:
                print(f"| {name} | {words:,} | {size:.2f} | > {args.timeout:g} | | |", flush=True)
                continue
            beyond = max(seconds - startup, 0.0)
            print(
                f"| {name} | {words:,} | {size:.2f} | {seconds:.2f} | {beyond:.2f} "
                f"| {words / seconds:,.0f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
