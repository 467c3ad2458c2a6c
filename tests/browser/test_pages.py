"""The built site in a real browser, at phone sizes, for every page type in every language.

Pages are discovered from the built site (each page names its type in a
``homeroom:page-type`` meta tag from ``overrides/main.html``), so pages that other people
add later are covered without changing these tests. Each check runs on one page of every
(page type, language) pair; a failure lists every problem found, with the page address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .page_checks import (
    LAYOUT_PROBE,
    STRUCTURE_PROBE,
    axe_summary,
    heading_problems,
    page_key,
    pdf_page_count,
)
from .sites import PHONES, ROOT, BuiltPage, gzip_size, one_per_type

FIRST_LOAD_LIMIT = 100 * 1024  # bytes, compressed, for everything a content page loads
# A word every home page's language has many pages about, typed into the search box.
SEARCH_WORDS = {
    "en": "school",
    "es": "escuela",
    "vi": "trường",
    "ar": "المدرسة",
    "zh": "学校",
    "tl": "paaralan",
    "ht": "lekòl",
    "so": "dugsiga",
    "ru": "школа",
    "ko": "학교",
    "pt": "escola",
    "hmn": "kawm",
}
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
"""


def _default_language() -> str:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"- locale: (\S+)\s+default: true", config)
    return match.group(1) if match else "en"


def _front_matter_types() -> set[str]:
    types = set()
    for path in (ROOT / "content").rglob("*.md"):
        if "_data" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            meta = yaml.safe_load(text.split("---", 2)[1]) or {}
            types.add(str(meta.get("type", "page")))
    return types


@pytest.fixture(scope="session")
def sample(bundled_pages: list[BuiltPage]) -> list[BuiltPage]:
    """One page of each (page type, language) pair of the bundled site."""
    return one_per_type(bundled_pages)


@pytest.fixture
def phone(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context (no cache, no cookies) at the phone size in the test id."""
    width, height = PHONES.get(getattr(request, "param", "360x640"), (360, 640))
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(CSP_PROBE)
    yield context
    context.close()


def test_every_page_type_and_language_is_checked(
    bundled_pages: list[BuiltPage], sample: list[BuiltPage]
) -> None:
    languages = {p.language for p in bundled_pages}
    types = {p.page_type for p in bundled_pages}
    assert _front_matter_types() <= types, "a page type in content/ did not reach the site"
    assert {"en", "es"} <= languages
    assert {(p.page_type, p.language) for p in sample} == {
        (p.page_type, p.language) for p in bundled_pages
    }


@pytest.mark.parametrize("phone", list(PHONES), indirect=True)
def test_fits_a_phone(phone: Any, bundled_url: str, sample: list[BuiltPage]) -> None:
    """No sideways scrolling, text at least 16px, tap targets at least 24x24 px."""
    page = phone.new_page()
    problems = []
    for built in sample:
        page.goto(bundled_url + built.url)
        problems += [f"{built.url}: {p}" for p in page.evaluate(LAYOUT_PROBE)]
        # The navigation drawer, opened as a family would, must fit too.
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(300)
        problems += [f"{built.url} (menu open): {p}" for p in page.evaluate(LAYOUT_PROBE)]
    assert not problems, "\n".join(problems)


#: True once no CSS transition or animation is running (the search dialog fades in).
_STILL = "() => document.getAnimations().every(a => a.playState !== 'running')"


def _axe_when_still(page: Any) -> Any:
    """axe's result on the page as it stays, not halfway through a fade.

    Colours are measured as drawn: in the middle of the search dialog's fade-in, or while
    the results of a half-typed word are replaced, text is paler than it will be. So axe
    runs once nothing moves; if it finds something, it runs again a second later, when
    the results have settled, and that result counts (a real problem is still there).
    """
    page.wait_for_function(_STILL, timeout=10_000)
    result = page.evaluate("async () => await axe.run(document)")
    if result["violations"]:
        page.wait_for_timeout(1_000)
        page.wait_for_function(_STILL, timeout=10_000)
        result = page.evaluate("async () => await axe.run(document)")
    return result


def _search(page: Any, word: str, url: str) -> None:
    """Type a word into Material's search and wait for its results.

    The search index is loaded by a web worker after the page; on a busy machine it may be
    ready only after the word is typed. So wait generously, and type the word again once
    (Material searches on each input event) before saying the search found nothing.
    """
    box = page.locator("input.md-search__input")
    box.focus()
    page.keyboard.type(word)
    for attempt in range(2):
        try:
            page.wait_for_selector(".md-search-result__item", timeout=30_000)
            return
        except PlaywrightTimeout:
            if attempt:
                raise AssertionError(f"{url}: searching for {word!r} showed no results") from None
            box.fill("")
            page.keyboard.type(word)


def test_axe_finds_nothing(
    phone: Any, bundled_url: str, sample: list[BuiltPage], axe_source: str
) -> None:
    """axe-core: zero violations of any impact, on every page type, language, and in search."""
    page = phone.new_page()
    problems = []
    for built in sample:
        page.goto(bundled_url + built.url)
        page.evaluate(axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        problems += [f"{built.url}: {line}" for line in axe_summary(result["violations"])]
        assert result["passes"], "axe ran no checks at all"
    # Material's own search dialog, open and showing results, in every language.
    homes = {p.language: p for p in sample if p.page_type == "home"}
    assert set(homes) <= set(SEARCH_WORDS), "add a search word for the new language"
    for language, home in sorted(homes.items()):
        page.goto(bundled_url + home.url)
        page.locator("label.md-header__button[for='__search']").click()
        _search(page, SEARCH_WORDS[language], home.url)
        page.evaluate(axe_source)
        result = _axe_when_still(page)
        problems += [f"{home.url} (search open): {x}" for x in axe_summary(result["violations"])]
    assert not problems, "\n".join(problems)


def test_language_direction_headings_and_skip_link(
    phone: Any, bundled_url: str, sample: list[BuiltPage], bundled_pages: list[BuiltPage]
) -> None:
    """Right lang and dir, headings in order, a skip link, and a language switcher that
    reaches the same page in the other language, or that language's home page when the
    page is not published in it (an optional language, a staff page)."""
    default = _default_language()
    published = {(page_key(p.url, p.language, default), p.language) for p in bundled_pages}
    page = phone.new_page()
    problems = []
    for built in sample:
        page.goto(bundled_url + built.url)
        found = page.evaluate(STRUCTURE_PROBE)
        where = built.url
        if found["lang"] != built.language or not found["lang"]:
            problems.append(f"{where}: lang is {found['lang']!r}")
        expected_dir = "rtl" if built.direction == "rtl" else "ltr"
        if found["direction"] != expected_dir or found["bodyDir"] != built.direction:
            problems.append(f"{where}: direction {found['direction']}, expected {expected_dir}")
        if expected_dir == "rtl" and not found["h1TextOnRight"]:
            problems.append(f"{where}: the title does not start on the right")
        problems += [f"{where}: {p}" for p in heading_problems(found["headings"])]
        if not found["skipHref"] or not found["skipTargetInContent"]:
            problems.append(f"{where}: no skip link to the page's content")
        others = [a for a in found["alternates"] if a["lang"] != built.language]
        if not others:
            problems.append(f"{where}: no link to another language")
        for alternate in others:
            page.goto(alternate["href"])
            other = page.evaluate(STRUCTURE_PROBE)
            before = page_key(built.url, built.language, default)
            after = page_key(page.url, alternate["lang"], default)
            expected = before if (before, alternate["lang"]) in published else "/"
            if other["lang"] != alternate["lang"] or after != expected:
                problems.append(
                    f"{where}: the {alternate['lang']} link reaches {urlsplit(page.url).path}"
                    f" (lang {other['lang']}), not {expected} in that language"
                )
    assert not problems, "\n".join(problems)


def test_first_load_is_private_small_and_in_one_language(
    browser: Any, bundled_url: str, bundled_site: Path, sample: list[BuiltPage]
) -> None:
    """Every request stays on the site; nothing is blocked by the Content-Security-Policy
    or fails; a first visit weighs at most 100 KB compressed; search loads only the
    reader's language."""
    default = _default_language()
    problems = []
    for built in sample:
        context = browser.new_context(viewport={"width": 360, "height": 640})
        context.add_init_script(CSP_PROBE)
        requests: list[str] = []
        responses: list[Any] = []
        errors: list[str] = []
        context.on("request", lambda r, seen=requests: seen.append(r.url))
        context.on("response", lambda r, seen=responses: seen.append(r))
        page = context.new_page()
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
        page.goto(bundled_url + built.url, wait_until="networkidle")
        where = built.url
        total = sum(gzip_size(r.body()) for r in responses if r.status < 300)
        if total > FIRST_LOAD_LIMIT:
            problems.append(f"{where}: first load is {total / 1024:.1f} KB compressed (max 100)")
        # The search index waits until the reader opens search, then is their language's.
        indexes = [urlsplit(u).path for u in requests if u.endswith("search_index.json")]
        if indexes:
            problems.append(f"{where}: the search index loads before search is opened")
        try:
            with page.expect_response(lambda r: r.url.endswith("search_index.json")):
                page.locator("label.md-header__button[for='__search']").click()
        except PlaywrightTimeout:
            problems.append(f"{where}: opening search loads no search index")
        indexes = [urlsplit(u).path for u in requests if u.endswith("search_index.json")]
        own = "/search/search_index.json"
        if built.language != default:
            own = f"/{built.language}/search/search_index.json"
        if indexes != [own]:
            problems.append(f"{where}: search loaded {indexes}, expected [{own!r}]")
        else:
            problems += _foreign_results(bundled_site, own, built.language)
        problems += [f"{where}: {p}" for p in _late_problems(requests, responses, errors, page)]
        context.close()
    assert not problems, "\n".join(problems)


def _late_problems(
    requests: list[str], responses: list[Any], errors: list[str], page: Any
) -> list[str]:
    """Requests that left the site, failed, or were blocked; errors in the console."""
    problems = []
    for url in requests:
        if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != "127.0.0.1":
            problems.append(f"a request leaves the site: {url}")
    problems += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations")]
    problems += [f"console: {e}" for e in errors]
    problems += [f"failed request {r.status} {r.url}" for r in responses if r.status >= 400]
    return problems


def _foreign_results(site: Path, index_path: str, language: str) -> list[str]:
    """Entries of a search index that are not pages in ``language``."""
    index = json.loads((site / index_path.lstrip("/")).read_text(encoding="utf-8"))
    folder = site / index_path.lstrip("/").rsplit("search/", 1)[0]
    problems = []
    for doc in index["docs"]:
        target = folder / doc["location"].split("#")[0] / "index.html"
        html = target.read_text(encoding="utf-8") if target.exists() else ""
        if f'<html lang="{language}"' not in html:
            problems.append(f"{index_path} has {doc['location']!r}, not a {language} page")
    if not index["docs"]:
        problems.append(f"{index_path} is empty")
    return problems


def test_works_without_javascript(browser: Any, bundled_url: str, sample: list[BuiltPage]) -> None:
    """With JavaScript off, the words show, the menu opens and its links work, and the
    language links reach the other language."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    problems = []
    for built in sample:
        where = built.url
        page.goto(bundled_url + built.url)
        article = page.locator("article.md-content__inner")
        if not article.is_visible() or len(article.inner_text().strip()) < 40:
            problems.append(f"{where}: the page's words are not shown")
        # The menu: a label toggles a checkbox, so it opens without JavaScript.
        page.locator("label.md-header__button[for='__drawer']").click()
        links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
        visible = [i for i in range(links.count()) if links.nth(i).is_visible()]
        if not visible:
            problems.append(f"{where}: the menu shows no links")
        # The language menu opens on focus and its links are plain links.
        page.goto(bundled_url + built.url)
        language_button = page.locator(".md-select .md-header__button").first
        if language_button.count() == 0:
            problems.append(f"{where}: no language menu")
            continue
        language_button.focus()
        other = page.locator(f".md-select a[hreflang]:not([hreflang='{built.language}'])").first
        if not other.is_visible():
            problems.append(f"{where}: the language menu does not open without JavaScript")
            continue
        target_lang = other.get_attribute("hreflang")
        other.click()
        page.wait_for_load_state()
        if page.locator("html").get_attribute("lang") != target_lang:
            problems.append(f"{where}: the {target_lang} link did not reach a {target_lang} page")
    context.close()
    assert not problems, "\n".join(problems)


def test_prints_cleanly(browser: Any, bundled_url: str, sample: list[BuiltPage]) -> None:
    """Printing shows the words only (no menus, search or footer); the conference guide
    fits on two pages in English and three in a translation, and its one-page handout on
    one page in every language.

    Translations run longer than English (the bundled ones have up to 1.4 times its words,
    Hmong the most), and the print size stays 11pt: families who need one sheet print the
    handout."""
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    problems = []
    counts = {}
    for built in sample:
        page.goto(bundled_url + built.url)
        chrome = page.evaluate(
            """() => [".md-header", ".md-sidebar", ".md-footer", ".md-search"]
                .filter((s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility()))"""
        )
        problems += [f"{built.url}: {selector} is printed" for selector in chrome]
        size = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"
        )
        if size < 14:  # 11pt is 14.7px
            problems.append(f"{built.url}: printed text is {size}px")
        pages = pdf_page_count(page.pdf(format="Letter"))
        counts[built.url] = pages
        if pages < 1:
            problems.append(f"{built.url}: the PDF has no pages")
        most = 2 if built.language.split("-")[0] == "en" else 3
        if built.page_type == "conference-guide" and pages > most:
            problems.append(
                f"{built.url}: the conference guide prints on {pages} pages (max {most})"
            )
        if built.page_type == "handout" and pages > 1:
            problems.append(f"{built.url}: the handout prints on {pages} pages (max 1)")
    context.close()
    print("printed pages (Letter):", counts)
    assert not problems, "\n".join(problems)


#: What a page shows of its frame: each element's own text and its labels for screen readers.
FRAME_TEXT_PROBE = """
() => {
  const seen = [];
  for (const el of document.querySelectorAll("body *")) {
    for (const name of ["aria-label", "placeholder", "title", "data-md-state"]) {
      const value = el.getAttribute(name);
      if (value) seen.push(value.trim());
    }
    let own = "";
    for (const node of el.childNodes) if (node.nodeType === 3) own += node.textContent;
    own = own.replace(/\\s+/g, " ").trim();
    if (own) seen.push(own);
  }
  return seen;
}
"""


def _english_frame_words() -> set[str]:
    """The English words of the theme's frame and of Homeroom's words around each page."""
    from homeroom.data.interface import SHOWN_KEYS, material_strings
    from homeroom.text.family_words import family_words

    english = material_strings("en") or {}
    words = {english[key] for key in SHOWN_KEYS if key in english and "#" not in english[key]}
    family = family_words("en").texts
    words |= {text for block in family.values() for text in block.values() if "{" not in text}
    # Words that read the same in many languages are no sign of English.
    return {w for w in words if len(w) > 3}


def test_no_english_frame_on_a_page_in_another_language(
    phone: Any, bundled_url: str, sample: list[BuiltPage]
) -> None:
    """A page in any language but English shows none of the frame's English words: not the
    skip link, the search box, the footer, the feedback question or the contact lines."""
    english = _english_frame_words()
    assert {"Skip to content", "Was this page clear?"} <= english
    page = phone.new_page()
    problems = []
    checked = set()
    for built in sample:
        if built.language.split("-")[0] == "en":
            continue
        page.goto(bundled_url + built.url)
        shown = set(page.evaluate(FRAME_TEXT_PROBE))
        checked.add(built.language)
        problems += [f"{built.url}: shows “{word}” in English" for word in sorted(shown & english)]
    assert len(checked) >= 11, sorted(checked)
    assert not problems, "\n".join(problems)
