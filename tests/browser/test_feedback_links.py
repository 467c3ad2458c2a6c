"""Every family page of every language ends with a working "Was this page clear?" link.

Each link must carry the page's name, its language and its version (the hash of the page's
words that `homeroom feedback import` matches answers with), and tapping it must reach the
district's form with exactly those. Every family page must also give the family liaison and
the interpreter line. Pages are found in the built site, so new pages are covered.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from conftest import BundledBuild
from homeroom.data.pageinfo import page_version

from .sites import ROOT, BuiltPage

NOT_FOR_FAMILIES = {"staff", "handout"}
CONTACT = yaml.safe_load((ROOT / "content" / "_data" / "contact.yml").read_text("utf-8"))
FORM = urlsplit(CONTACT["feedback"]["form"])
DIGITS = {key: re.sub(r"\D", "", CONTACT[key]["phone"]) for key in ("liaison", "interpreter")}


def source_file(content: Path, url: str, language: str, languages: set[str]) -> Path | None:
    """The Markdown file in ``content`` a built page came from (None for a generated page)."""
    steps = [s for s in url.split("/") if s]
    if steps and steps[0] in languages:
        steps = steps[1:]
    name = "/".join(steps) or "index"
    suffix = "" if language == "en" else f".{language}"
    for candidate in (
        ROOT / "content" / f"{name}{suffix}.md",
        ROOT / "content" / name / f"index{suffix}.md",
    ):
        if candidate.is_file():
            return candidate
    return None


def page_name(url: str, languages: set[str]) -> str:
    steps = [s for s in url.split("/") if s]
    if steps and steps[0] in languages:
        steps = steps[1:]
    if not steps:
        return "index"
    return "/".join(steps) if steps[-1] != "schools" else "/".join(steps) + "/index"


def test_every_family_page_has_a_working_feedback_link(
    browser: Any, bundled_url: str, bundled_pages: list[BuiltPage], bundled_build: BundledBuild
) -> None:
    languages = {p.language for p in bundled_pages}
    family = [p for p in bundled_pages if p.page_type not in NOT_FOR_FAMILIES and p.language]
    assert len(family) >= 50 and languages >= {"en", "es", "vi", "ar"}
    context = browser.new_context(viewport={"width": 360, "height": 640})
    reached: list[str] = []

    def answer(route: Any) -> None:
        reached.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>Thank you</p>")

    context.route(f"{FORM.scheme}://{FORM.netloc}/**", answer)
    page = context.new_page()
    problems: list[str] = []
    for built in family:
        where = built.url
        page.goto(bundled_url + built.url)
        block = page.locator("section.homeroom-feedback")
        if block.count() != 1:
            problems.append(f"{where}: {block.count()} feedback blocks")
            continue
        version = block.get_attribute("data-version") or ""
        expected = {"page": [page_name(built.url, languages)], "lang": [built.language]}
        source = source_file(
            bundled_build.project / "content", built.url, built.language, languages
        )
        if source is not None:
            if version != page_version(source.read_text(encoding="utf-8")):
                problems.append(f"{where}: version {version} is not {source.name}'s")
        elif not re.fullmatch(r"[0-9a-f]{16}", version):
            problems.append(f"{where}: version {version!r}")
        no = block.locator("a[data-answer='no']")
        box = no.bounding_box() if no.count() == 1 and no.is_visible() else None
        if box is None or box["width"] < 24 or box["height"] < 24:
            problems.append(f"{where}: no 'No' button a family can tap ({box})")
            continue
        query = parse_qs(urlsplit(no.get_attribute("href") or "").query)
        wanted = {**expected, "version": [version], "clear": ["no"]}
        if query != wanted:
            problems.append(f"{where}: the link carries {query}, not {wanted}")
        for kind in ("text", "email"):
            href = unquote(block.locator(f"a[data-answer='{kind}']").get_attribute("href") or "")
            if expected["page"][0] not in href or version not in href or built.language not in href:
                problems.append(f"{where}: the {kind} link does not name page, language, version")
        text = re.sub(r"\D", "", page.locator("article").inner_text())
        for who, digits in DIGITS.items():
            if digits not in text:
                problems.append(f"{where}: no way to reach the {who}")
        before = len(reached)
        no.click()
        page.wait_for_load_state()
        if len(reached) != before + 1 or parse_qs(urlsplit(reached[-1]).query) != wanted:
            problems.append(f"{where}: tapping 'No' did not reach the form with {wanted}")
    context.close()
    assert not problems, "\n".join(problems)
