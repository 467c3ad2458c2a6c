"""Generated sites in temporary folders: a right-to-left language, and a growing site.

The bundled site has no right-to-left language yet, so a tiny English and Arabic site
built with Homeroom's theme shows that Arabic pages get ``lang="ar"``, ``dir="rtl"`` and
a right-to-left layout that passes the same checks. A site of 50 pages and one of 300
show that a page's HTML does not grow with the number of pages.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .page_checks import LAYOUT_PROBE, STRUCTURE_PROBE, axe_summary, heading_problems
from .sites import BuiltPage, build, pages, serve, write_project


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[BuiltPage]]]:
    """An English and Arabic site with three pages per language, served locally."""
    project = write_project(tmp_path_factory.mktemp("rtl"), 3, languages=("en", "ar"))
    site = build(project, project / "site")
    with serve(site) as url:
        yield url, [p for p in pages(site) if p.language == "ar"]


def test_arabic_pages_read_right_to_left(
    browser: Any, axe_source: str, arabic_site: tuple[str, list[BuiltPage]]
) -> None:
    url, arabic = arabic_site
    assert arabic, "the fixture site has no Arabic pages"
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    problems = []
    for built in arabic:
        assert built.direction == "rtl", f"{built.url} is built with dir={built.direction!r}"
        page.goto(url + built.url)
        found = page.evaluate(STRUCTURE_PROBE)
        if found["lang"] != "ar" or found["direction"] != "rtl" or not found["h1TextOnRight"]:
            problems.append(f"{built.url}: lang {found['lang']}, direction {found['direction']}")
        problems += [f"{built.url}: {p}" for p in heading_problems(found["headings"])]
        problems += [f"{built.url}: {p}" for p in page.evaluate(LAYOUT_PROBE)]
        page.evaluate(axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        problems += [f"{built.url}: {line}" for line in axe_summary(result["violations"])]
    context.close()
    assert not problems, "\n".join(problems)


def _median_html(project: Path) -> float:
    site = build(project, project / "site")
    sizes = [p.html_bytes for p in pages(site) if p.page_type == "grade-expectations"]
    return statistics.median(sizes)


def test_page_html_does_not_grow_with_the_site(tmp_path: Path) -> None:
    """navigation.prune: a page carries its own branch of the menu, not the whole site.

    With Material's full navigation every page lists every page (about 300 bytes each, so
    643 KB per page at 2,000 pages). Pruned, a page lists only its ancestors' siblings, so
    its HTML stops growing once its folders are full (25 pages per section, 20 sections
    per group here); between 50 and 300 pages its section's group fills up.
    """
    small = _median_html(write_project(tmp_path / "small", 50))
    large = _median_html(write_project(tmp_path / "large", 300))
    per_added_page = (large - small) / (300 - 50)
    print(
        f"median page HTML: {small / 1024:.1f} KB at 50 pages, {large / 1024:.1f} KB at 300 "
        f"({per_added_page:.0f} bytes per added page)"
    )
    assert large <= small * 1.5, (small, large)
    assert per_added_page < 60, "page HTML grows with every page: is navigation.prune on?"
