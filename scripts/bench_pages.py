"""Page weight and Lighthouse scores on a phone, per page type, next to stock Material.

Builds, in a temporary folder: the bundled site; the same pages with plain Material (no
Homeroom overrides, default features); and a generated site of 2,000 pages per language
with Homeroom's theme. For one page of each type and language it prints the page's HTML
size, what a first visit downloads (gzip-compressed, every response) and how many
requests it makes, in Debian's Chromium at 360x640, and Lighthouse's mobile performance
and accessibility scores (Lighthouse 12 from node_modules, with Chromium's no-network
flags; the median of 3 runs). The pages are served gzip-compressed, as any web host
does. Needs `make setup`. Run:

    .venv/bin/python scripts/bench_pages.py [--pages 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.sites import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_FLAGS,
    LIGHTHOUSE,
    BuiltPage,
    build,
    gzip_size,
    one_per_type,
    pages,
    serve,
    write_project,
    write_stock_bundled,
)


def first_visit(browser: Any, url: str) -> tuple[int, int]:
    """Compressed bytes and request count of a first visit (empty cache) on a phone."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    responses: list[Any] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    # Redirects have no body; every other response counts.
    total = sum(gzip_size(r.body()) for r in responses if not 300 <= r.status < 400)
    context.close()
    return total, len(responses)


def lighthouse(url: str, runs: int) -> tuple[float, float]:
    """Median Lighthouse mobile performance and accessibility scores (0 to 1) of ``runs``.

    Lighthouse's performance score moves with the machine's load; its documentation
    recommends the median of several runs.
    """
    scores = [_lighthouse_once(url) for _ in range(runs)]
    return (
        statistics.median(s[0] for s in scores),
        statistics.median(s[1] for s in scores),
    )


def _lighthouse_once(url: str) -> tuple[float, float]:
    """One Lighthouse run (mobile, simulated slow 4G and a 4x slower CPU)."""
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
    categories = json.loads(done.stdout)["categories"]
    return categories["performance"]["score"], categories["accessibility"]["score"]


def measure(browser: Any, label: str, site: Path, chosen: list[BuiltPage], runs: int) -> list[str]:
    """One table row per chosen page."""
    rows = []
    with serve(site) as base:
        for page in chosen:
            transfer, requests = first_visit(browser, base + page.url)
            performance, accessibility = lighthouse(base + page.url, runs)
            rows.append(
                f"| {label} | {page.page_type} | {page.language} | `{page.url}` "
                f"| {page.html_bytes / 1024:.1f} KB | {transfer / 1024:.1f} KB | {requests} "
                f"| {performance:.2f} | {accessibility:.2f} |"
            )
            print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="generated pages per language")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    args = parser.parse_args()
    if not CHROMIUM.exists() or not LIGHTHOUSE.exists():
        print("Needs Chromium and Lighthouse: run `make setup` first.", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="homeroom-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        ours = build(ROOT, work / "ours")
        ours_pages = pages(ours)
        timings = [f"bundled site: {time.perf_counter() - started:.0f} s"]

        started = time.perf_counter()
        stock = build(write_stock_bundled(work / "stock"), work / "stock" / "site")
        timings.append(f"bundled pages, stock Material: {time.perf_counter() - started:.0f} s")
        by_url = {p.url: p.page_type for p in ours_pages}
        stock_pages = [
            BuiltPage(
                p.url, p.path, p.language, p.direction, by_url.get(p.url, "page"), p.html_bytes
            )
            for p in pages(stock)
        ]

        started = time.perf_counter()
        generated = build(
            write_project(work / "generated", args.pages), work / "generated" / "site"
        )
        timings.append(
            f"generated site, {args.pages} pages per language: {time.perf_counter() - started:.0f} s"
        )
        generated_pages = pages(generated)
        median = sorted(p.html_bytes for p in generated_pages)[len(generated_pages) // 2]

        header = [
            "| site | page type | lang | page | HTML | first visit (gzip) | requests "
            "| Lighthouse performance | Lighthouse accessibility |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        print("\n".join(header), flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            rows = measure(browser, "Homeroom", ours, one_per_type(ours_pages), args.runs)
            stock_chosen = [p for p in one_per_type(stock_pages) if p.language == "en"]
            rows += measure(browser, "stock Material", stock, stock_chosen, args.runs)
            middle = f"/page-{args.pages // 2 + 1:05d}/"
            generated_chosen = [p for p in generated_pages if p.url.endswith(middle)]
            rows += measure(
                browser, f"Homeroom, {args.pages} pages", generated, generated_chosen, args.runs
            )
            browser.close()
        print()
        print("Build times: " + "; ".join(timings))
        print(
            f"Generated site: median page HTML {median / 1024:.1f} KB over "
            f"{len(generated_pages)} pages"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
