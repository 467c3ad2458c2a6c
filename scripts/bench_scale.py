"""Scale benchmark: build time, memory and ``homeroom check`` time on generated sites.

For each size and language count it generates a site with ``scripts/sitegen.py`` (in a
temporary folder), then, in the same run:

- builds it with the stock configuration (the same theme, hook and content, no Homeroom
  plugin) and with Homeroom's checks on (an empty Homeroom cache: a cold build), and
  prints the ratio;
- runs ``homeroom check`` cold (empty cache) and warm (nothing changed), and with
  ``--changed-since`` after editing one English page;
- reports each command's peak memory (the child's maximum resident set size) and pages
  per second.

Builds are not strict: the generated pages carry the bundled site's info-level notes.

    .venv/bin/python scripts/bench_scale.py                 # 100 and 1,000 pages, 2 and 4 languages
    .venv/bin/python scripts/bench_scale.py --pages 100 --languages 2
    .venv/bin/python scripts/bench_scale.py --pages 5000 --languages 2,4
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen import generate  # noqa: E402

LANGUAGES = {2: ("en", "es"), 4: ("en", "es", "vi", "ar")}

# Runs one command as its own child and reports wall time and that child's peak memory.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_kb": usage.ru_maxrss, "code": done.returncode,
                  "stderr": done.stderr[-3000:]}))
"""


@dataclass(frozen=True)
class Timing:
    """One command's wall time, CPU time (its own and its children's) and peak memory (MB).

    CPU seconds are what to compare on a shared machine: the wall clock moves with
    whatever else runs.
    """

    seconds: float
    cpu: float
    peak_mb: float


def measure(command: list[str], cwd: Path, env: dict[str, str], ok: tuple[int, ...]) -> Timing:
    """Run ``command`` in ``cwd``; fail loudly if its exit code is not in ``ok``."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    if result["code"] not in ok:
        raise RuntimeError(f"{' '.join(command)} exited {result['code']}:\n{result['stderr']}")
    return Timing(result["seconds"], result["cpu"], result["peak_kb"] / 1024)


def _env(cache: Path) -> dict[str, str]:
    # Compiled modules are kept, as on a district's machine (pip compiles an installed
    # package): a shell that says not to write them would time compiling, not the checks.
    kept = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **kept,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        "HOMEROOM_CACHE_DIR": str(cache),
    }


def run_one(
    pages: int, languages: tuple[str, ...], work: Path, serial_check: bool, builds: bool = True
) -> list[tuple[str, str, str, str]]:
    """Generate one site, measure it, and return the table's rows."""
    site = generate(work / "site", pages, languages)
    total = len(list((site / "content").rglob("*.md"))) - len(
        list((site / "content" / "_data").rglob("*.md"))
    )
    python = sys.executable
    cache = work / "cache"
    env = _env(cache)

    def build(config: str, empty_cache: bool = True) -> Timing:
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        if empty_cache:
            shutil.rmtree(cache, ignore_errors=True)
        return measure(
            [python, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)], site, env, (0,)
        )

    def check(*extra: str) -> Timing:
        return measure(
            [python, "-m", "homeroom", "check", "--fail-on", "never", *extra], site, env, (0,)
        )

    if builds:
        stock = build("mkdocs-stock.yml")
        ours = build("mkdocs.yml")
        # The same build again, nothing changed (CI with the cache folder restored).
        ours_again = build("mkdocs.yml", empty_cache=False)
    shutil.rmtree(cache, ignore_errors=True)
    serial = check("--jobs", "1") if serial_check else None
    shutil.rmtree(cache, ignore_errors=True)
    cold = check()
    warm = check()
    if builds:
        # A build after `homeroom check` (or in CI with the cache folder restored).
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        ours_warm = measure(
            [python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(out)],
            site,
            env,
            (0,),
        )
    sizes: tuple[float, float] | None = None
    if builds:
        # The disk cache next to what it saves: the built site (both in MB).
        def megabytes(folder: Path) -> float:
            return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6

        sizes = (megabytes(cache), megabytes(work / "out"))
    # One English page edited in a git repository: it and its translations are re-checked.
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "site"]):
        subprocess.run([*git, *args], cwd=site, check=True, capture_output=True)
    edited = sorted((site / "content").rglob("grade-1-*.md"))[0]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nCall the office with questions.\n", "utf-8"
    )
    changed = check("--changed-since", "HEAD")
    # The same edit, checked by a whole-site run (what --changed-since saves): the cache
    # entry of the edited page is dropped first so both runs check it afresh.
    subprocess.run([*git, "stash", "-q"], cwd=site, check=True, capture_output=True)
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nCall the school office with questions.\n",
        "utf-8",
    )
    changed_full = check()

    def row(what: str, a: Timing | None, b: Timing, unit: str = "s") -> tuple[str, str, str, str]:
        ratio = f"{b.seconds / a.seconds:.2f}x" if a else ""
        return (what, f"{a.seconds:.1f} {unit}" if a else "", f"{b.seconds:.1f} {unit}", ratio)

    def cpu_row(what: str, a: Timing, b: Timing) -> tuple[str, str, str, str]:
        return (what, f"{a.cpu:.1f} s CPU", f"{b.cpu:.1f} s CPU", f"{b.cpu / a.cpu:.2f}x")

    build_rows = (
        [
            cpu_row("build CPU, empty Homeroom cache", stock, ours),
            cpu_row("build CPU, warm cache (after the check)", stock, ours_warm),
            cpu_row("build CPU, warm cache (built before, nothing changed)", stock, ours_again),
            row("build wall, empty Homeroom cache", stock, ours),
            row("build wall, warm cache (built before)", stock, ours_again),
            (
                "build peak memory",
                f"{stock.peak_mb:.0f} MB",
                f"{ours.peak_mb:.0f} MB",
                f"{ours.peak_mb / stock.peak_mb:.2f}x",
            ),
            (
                "build pages per second",
                f"{total / stock.seconds:.0f}",
                f"{total / ours.seconds:.0f}",
                "",
            ),
        ]
        if builds
        else []
    )
    if sizes is not None:
        build_rows.append(
            (
                "disk cache, next to the built site",
                f"{sizes[1]:.1f} MB site",
                f"{sizes[0]:.1f} MB cache",
                f"{sizes[0] / sizes[1]:.2f}x",
            )
        )
    rows = [
        *build_rows,
        ("`homeroom check`, cold (empty cache)", "", f"{cold.seconds:.1f} s", ""),
        *(
            [("`homeroom check --jobs 1`, cold (one process)", "", f"{serial.seconds:.1f} s", "")]
            if serial
            else []
        ),
        (
            "`homeroom check`, warm (nothing changed)",
            "",
            f"{warm.seconds:.2f} s",
            f"{cold.seconds / warm.seconds:.1f}x faster than cold",
        ),
        (
            "`homeroom check` CPU, cold / warm",
            "",
            f"{cold.cpu:.1f} / {warm.cpu:.2f} s",
            f"{cold.cpu / warm.cpu:.1f}x",
        ),
        (
            "`homeroom check`, warm, 1 page edited (whole site)",
            "",
            f"{changed_full.seconds:.2f} s",
            "",
        ),
        (
            "`homeroom check --changed-since HEAD`, 1 page edited",
            "",
            f"{changed.seconds:.2f} s",
            f"{changed_full.seconds / changed.seconds:.1f}x faster than the whole site",
        ),
        (
            "check pages per second, cold / warm",
            "",
            f"{total / cold.seconds:.0f} / {total / warm.seconds:.0f}",
            "",
        ),
        ("check peak memory, cold / warm", "", f"{cold.peak_mb:.0f} / {warm.peak_mb:.0f} MB", ""),
    ]
    return rows


def glossary_scaling() -> None:
    """Matching time for the same text with 300 and 3,000 glossary terms."""
    import random
    import re
    import timeit

    sys.path.insert(0, str(ROOT / "plugins"))
    from homeroom.text.matcher import phrase_matcher

    text = (ROOT / "content" / "grade-3.md").read_text(encoding="utf-8") * 4
    print("\n### Glossary matching: the same text (8 pages' worth) against more terms\n")
    print("| terms | one trie-built matcher | one alternation of every term |")
    print("| --- | --- | --- |")
    letters = "abcdefghijklmnopqrstuvwxyz"
    for count in (300, 3000):
        # Made-up words with varied beginnings, as real glossaries have (seeded: repeatable).
        rng = random.Random(count)  # noqa: S311 - made-up words, not secrets
        words = [
            "".join(rng.choice(letters) for _ in range(rng.randint(5, 12))) for _ in range(count)
        ]
        forms = words + [f"{w} plan" for w in words]
        trie = phrase_matcher(forms)
        ordered = sorted(forms, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in ordered)
        plain = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        times = [
            min(timeit.repeat(lambda p=p: list(p.finditer(text)), number=5, repeat=3)) / 5
            for p in (trie, plain)
        ]
        print(f"| {count * 2:,} forms | {times[0] * 1000:.2f} ms | {times[1] * 1000:.1f} ms |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="100,1000", help="pages per language, comma-separated")
    parser.add_argument("--languages", default="2,4", help="2, 4 or 2,4")
    parser.add_argument(
        "--serial-up-to",
        type=int,
        default=1000,
        help="also time a one-process cold check for sizes up to this many pages per language",
    )
    parser.add_argument(
        "--checks-only", action="store_true", help="time `homeroom check` only (no builds)"
    )
    args = parser.parse_args()
    print(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    glossary_scaling()
    for count in (int(n) for n in args.languages.split(",")):
        for pages in (int(n) for n in args.pages.split(",")):
            with tempfile.TemporaryDirectory(prefix="homeroom-bench-") as tmp:
                started = time.perf_counter()
                rows = run_one(
                    pages,
                    LANGUAGES[count],
                    Path(tmp),
                    pages <= args.serial_up_to,
                    builds=not args.checks_only,
                )
                took = time.perf_counter() - started
            langs = ", ".join(LANGUAGES[count])
            print(
                f"\n### {pages:,} pages per language, {count} languages ({langs}): "
                f"{pages * count + count:,} pages\n"
            )
            print(
                f"| measure | {'stock build' if not args.checks_only else ''} | Homeroom | ratio |"
            )
            print("| --- | --- | --- | --- |")
            for cells in rows:
                print("| " + " | ".join(cells) + " |")
            print(f"\n(this table took {took:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
