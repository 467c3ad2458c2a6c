"""Huge pages are checked, with the same findings a small page gets, in time that grows with size.

One 200,000-word paragraph without punctuation once took hours to check (every comma
and joining word rescanned the whole sentence; every full stop searched back from the
paragraph's start). The run below goes through the real command line with the bundled
site's settings and data, in a child process that is stopped after two minutes: the
linear code needs a few seconds, the quadratic code over an hour. The speed itself is
measured by ``scripts/bench_huge.py``, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from homeroom.text.sentences import words

WORDS = 200_000
#: Everyday words; "because" is the joining word a split hint prefers.
VOCABULARY = "the school family child because teacher homework reading and math".split()
SENTENCE = "Ask Dr. Lee about the bus at 3 p.m. on Monday."


def _check(page: Path) -> dict[str, object]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    command = "check --no-cache --jobs 1 --format json --fail-on never".split()
    done = subprocess.run(
        [sys.executable, "-m", "homeroom", *command, str(page)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


def test_a_200000_word_paragraph_and_a_paragraph_of_25000_sentences(tmp_path: Path) -> None:
    endless = " ".join(VOCABULARY[i % len(VOCABULARY)] for i in range(WORDS))
    many = " ".join([SENTENCE] * 25_000)
    page = tmp_path / "big.md"
    page.write_text(f"---\ntitle: Big\ntype: staff\n---\n\n{endless}\n\n{many}\n", "utf-8")
    report = _check(page)
    findings = report["findings"]
    assert isinstance(findings, list)
    by_rule = {(f["rule"], f["line"]): f for f in findings}
    sentence = by_rule["readability.sentence", 6]
    assert sentence["column"] == 1
    assert f"This sentence has {WORDS} words." in sentence["message"]
    assert sentence["suggestion"] == 'Try splitting it before "because".'
    assert f"This paragraph has {WORDS} words" in by_rule["readability.paragraph", 6]["message"]
    # The second paragraph: 25,000 short sentences, none too long, one paragraph too long.
    assert not any(f["rule"] == "readability.sentence" and f["line"] == 8 for f in findings)
    assert ("readability.paragraph", 8) in by_rule
    pages = report["pages"]
    assert isinstance(pages, list)
    (metrics,) = [p["metrics"] for p in pages]
    assert metrics["sentences"] == 1 + 25_000
    assert metrics["words"] == WORDS + 25_000 * len(words(SENTENCE))
