"""State-scale benchmark: one build of a whole state's site, then the same site in parts.

It generates a state with ``scripts/sitegen.py`` (by default 1,000 schools with report
cards in six languages, plus 2,000 content pages per language), then, in one run:

- builds it whole with ``homeroom build`` (one job, an empty cache);
- builds it as 2, 4 and 6 parts (``homeroom build --language``), each part with an empty
  cache of its own, as separate CI machines would, all parts of a split started side by
  side on this machine; then merges them (``homeroom merge``) and checks that the merged
  site equals the whole build, file for file;
- reports wall time, CPU seconds and peak memory (resident set) of every command, and
  the disk cache next to the site's size.

On a machine with fewer cores than parts, the side-by-side wall time is bounded by the
cores; the "one part alone" rows (the largest part's own CPU seconds) are what a job on a
machine of its own costs.

    .venv/bin/python scripts/bench_state.py                          # the state: ~20,000 pages
    .venv/bin/python scripts/bench_state.py --schools 50 --pages 100  # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scale import _MEASURE, Timing, _env  # noqa: E402
from sitegen import STATE_LANGUAGES, generate_state  # noqa: E402


def _start(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str], what: str) -> Timing:
    out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{what}: the measuring wrapper failed:\n{err[-3000:]}")
    result = json.loads(out)
    if result["code"] != 0:
        raise RuntimeError(f"{what} exited {result['code']}:\n{result['stderr']}")
    return Timing(result["seconds"], result["cpu"], result["peak_kb"] / 1024)


def _groups(languages: tuple[str, ...], parts: int) -> list[tuple[str, ...]]:
    """``languages`` in ``parts`` consecutive groups, as even as they go."""
    size, extra = divmod(len(languages), parts)
    groups, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        groups.append(languages[start:end])
        start = end
    return groups


def _megabytes(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def _same_files(a: Path, b: Path) -> tuple[bool, int, list[str]]:
    marks = {".homeroom-site", ".homeroom-part"}

    def files(folder: Path) -> dict[str, Path]:
        return {
            p.relative_to(folder).as_posix(): p
            for p in folder.rglob("*")
            if p.is_file() and p.name not in marks
        }

    left, right = files(a), files(b)
    differ = sorted(set(left) ^ set(right))
    differ += [
        n for n in sorted(set(left) & set(right)) if left[n].read_bytes() != right[n].read_bytes()
    ]
    return not differ, len(left), differ[:5]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=2000, help="content pages per language")
    parser.add_argument("--parts", default="2,4,6", help="how many parts to split into")
    args = parser.parse_args()
    languages = STATE_LANGUAGES
    python = sys.executable
    print(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="homeroom-state-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        site = generate_state(work / "site", args.schools, args.pages, languages)
        generated = time.perf_counter() - started
        content = site / "content"
        pages = sum(1 for p in content.rglob("*.md") if "_data" not in p.parts)
        cards = args.schools * len(languages) + len(languages)
        print(
            f"\n### A state's site: {args.schools:,} schools with report cards in "
            f"{len(languages)} languages ({', '.join(languages)}), "
            f"{args.pages:,} content pages per language\n"
        )
        print(
            f"{pages:,} content pages and {cards:,} report-card pages "
            f"({pages + cards:,} pages); generated in {generated:.0f} s.\n"
        )
        # Every build the same day for the sitemap's dates, whatever the clock says.
        epoch = str(int(time.time()) // 86400 * 86400 + 43200)

        def env(cache: Path) -> dict[str, str]:
            return {**_env(cache), "SOURCE_DATE_EPOCH": epoch}

        whole = work / "whole"
        one = _finish(
            _start(
                [python, "-m", "homeroom", "build", "-d", str(whole)], site, env(work / "c-whole")
            ),
            "the whole build",
        )
        rows = [
            (
                "1 (the whole site)",
                f"{one.seconds:.0f} s",
                f"{one.cpu:.0f} s",
                f"{one.seconds:.0f} s / {one.cpu:.0f} s",
                f"{one.peak_mb:,.0f} MB",
                "",
            )
        ]
        site_mb = _megabytes(whole)
        cache_mb = _megabytes(work / "c-whole")
        for count in (int(n) for n in args.parts.split(",")):
            groups = _groups(languages, count)
            folders = [work / f"parts-{count}" / "-".join(g) for g in groups]
            began = time.perf_counter()
            running = [
                _start(
                    [python, "-m", "homeroom", "build", "--language", ",".join(g), "-d", str(f)],
                    site,
                    env(work / f"c-{count}-{'-'.join(g)}"),
                )
                for g, f in zip(groups, folders, strict=True)
            ]
            timings = [_finish(p, f"part {g}") for p, g in zip(running, groups, strict=True)]
            side_by_side = time.perf_counter() - began
            merged = work / f"merged-{count}"
            joined = _finish(
                _start(
                    [python, "-m", "homeroom", "merge", *map(str, folders), "-d", str(merged)],
                    site,
                    env(work / "c-merge"),
                ),
                "the merge",
            )
            same, files, differ = _same_files(whole, merged)
            largest = max(timings, key=lambda t: t.cpu)
            rows.append(
                (
                    f"{count} ({' | '.join(','.join(g) for g in groups)})",
                    f"{side_by_side + joined.seconds:.0f} s",
                    f"{sum(t.cpu for t in timings) + joined.cpu:.0f} s",
                    f"{largest.seconds:.0f} s / {largest.cpu:.0f} s, merge {joined.seconds:.0f} s",
                    f"{max(t.peak_mb for t in timings):,.0f} MB",
                    f"{'yes' if same else 'NO: ' + ', '.join(differ)} ({files:,} files)",
                )
            )
            print(f"(parts of {count} done)", file=sys.stderr, flush=True)
        print(
            "| jobs | wall, side by side here (with the merge) | CPU, all jobs | "
            "largest part: wall / CPU | peak memory of a job | merged = whole build, "
            "file for file |"
        )
        print("| --- | --- | --- | --- | --- | --- |")
        for cells in rows:
            print("| " + " | ".join(cells) + " |")
        print(
            f"\nThe whole site: {site_mb:,.0f} MB; its disk cache after the build: "
            f"{cache_mb:,.1f} MB ({cache_mb / site_mb:.2f}x). This run took "
            f"{time.perf_counter() - started:.0f} s."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
