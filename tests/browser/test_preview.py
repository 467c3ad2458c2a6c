"""The author preview in a real browser: a real ``mkdocs serve``, Debian's Chromium, axe.

A small site in four languages (Arabic right to left) is written into a temporary
folder, with pages holding known hard and very hard sentences and jargon terms. Under
``mkdocs serve`` each page must show its findings where they are: the marks hold exactly
the sentence or the term, the plain words appear on keyboard focus and on hover, the
panel gives the score and its limit, its links jump to the marks, axe finds nothing
with the panel open, and a saved page reloads with its new findings. A normal build of
the same site, and the bundled site's build, have nothing of the preview.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .page_checks import axe_summary
from .sites import OVERRIDES, ROOT

pytestmark = pytest.mark.xdist_group("preview")

VERY_HARD = (
    "When the school year starts, the teacher will meet with each family to talk about the "
    "reading goals for the year, the books the class will read together, and the ways that "
    "families can help at home every week."
)
HARD = (
    "Families who read together at home for a few minutes each evening often find that "
    "their children enjoy books more and read with more confidence."
)
TERM = "benchmark"
TERM_PLAIN = "check-in test"
SHORT = (
    "Talk about the story. Ask what happened first. Ask what happened next. Let your child "
    "pick the book. Read the pictures too. Take turns reading a page. Praise your child for "
    "trying. Read in the language you know best."
)
ES_HARD = (
    "Cuando empieza el año escolar, la maestra se reúne con cada familia para hablar de las "
    "metas de lectura, de los libros del grupo y de cómo ayudar en casa cada semana."
)
VI_VERY_HARD = (
    "Khi năm học bắt đầu, giáo viên sẽ gặp từng gia đình để nói về mục tiêu đọc của năm, "
    "những cuốn sách cả lớp sẽ đọc và cách gia đình giúp con ở nhà."
)
AR_VERY_HARD = (
    "عندما تبدأ السنة الدراسية سيلتقي المعلم بكل أسرة للحديث عن أهداف القراءة لهذه السنة "
    "وعن الكتب التي سيقرؤها الصف معا وعن الطرق التي يمكن أن تساعد بها الأسر في البيت كل "
    "أسبوع طوال السنة."
)
AR_SHORT = "اقرأ مع طفلك كل يوم. تحدث عن القصة. اسأل ماذا حدث أولا."

CONFIG = f"""\
site_name: Preview
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  custom_dir: {OVERRIDES.as_posix()}
  language: en
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: es
          name: Español
          build: true
        - locale: vi
          name: Tiếng Việt
          build: true
        - locale: ar
          name: العربية
          build: true
  - homeroom/content
  - homeroom/readability
  - homeroom/jargon
"""

#: What only the preview writes: its stylesheet and script, its panel and its marks.
PREVIEW_TRACES = ("homeroom-preview", "hr-preview", "hr-mark", "data-hr-plain", "hr-at-")


def write_site(project: Path, *, blocking: bool = True) -> Path:
    """The site; ``blocking=False`` leaves out the very hard sentences (errors stop a build)."""
    content = project / "content"
    (content / "_data" / "glossary").mkdir(parents=True, exist_ok=True)
    # The bundled site's glossaries (where Homeroom's own defaults are not enough).
    for name in ("en.yml", "es.yml"):
        glossary = ROOT / "content/_data/glossary" / name
        if glossary.is_file():
            shutil.copy(glossary, content / "_data/glossary" / name)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    very_hard = f"{VERY_HARD}\n" if blocking else ""
    pages = {
        "index.md": (
            "# Reading at home\n\n"
            f"Read with your child every day. The teacher uses a **{TERM}** to see how reading grows.\n"
            f"{very_hard}\n{HARD}\n\n{SHORT}\n"
        ),
        "index.es.md": f"# Leer en casa\n\n{ES_HARD}\n\nLea con su hijo cada día.\n",
        "index.vi.md": (
            "# Đọc ở nhà\n\n" + (f"{VI_VERY_HARD}\n" if blocking else "Đọc cùng con mỗi ngày.\n")
        ),
        "index.ar.md": "# القراءة في البيت\n\n"
        + (f"{AR_SHORT} {AR_VERY_HARD}\n" if blocking else f"{AR_SHORT}\n"),
    }
    for name, text in pages.items():
        (content / name).write_text(text, encoding="utf-8")
    return project


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        "HOMEROOM_CACHE_DIR": "off",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def preview_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's folder (the live-reload test adds a page to it)."""
    return write_site(tmp_path_factory.mktemp("preview"))


@pytest.fixture(scope="module")
def preview_url(preview_project: Path) -> Iterator[str]:
    """The site under a real ``mkdocs serve`` on a free port."""
    project = preview_project
    port = _free_port()
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"mkdocs serve stopped:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url + "ar/", timeout=2) as answer:  # noqa: S310
                    if b"hr-preview" in answer.read():
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"mkdocs serve did not answer in 60 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        yield context.new_page()
    finally:
        context.close()


def _text(page: Any, selector: str) -> str:
    return " ".join(page.locator(selector).first.text_content().split())


def _target_of(page: Any, kind: str) -> str:
    """The mark a finding of ``kind`` links to, from the panel's list."""
    href = page.locator(f"li.hr-item-{kind} > a").first.get_attribute("href")
    assert href and href.startswith("#hr-at-"), href
    return href


def _axe(page: Any, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    assert result["passes"], "axe ran no checks at all"
    return axe_summary(result["violations"])


_AFTER = "(el) => getComputedStyle(el, '::after').content"
_STYLE = """(el) => {
  const s = getComputedStyle(el);
  return {line: s.textDecorationLine, style: s.textDecorationStyle,
          side: s.getPropertyValue('border-inline-start-width')};
}"""


def test_marks_hold_the_sentences_and_the_term(tab: Any, preview_url: str) -> None:
    tab.goto(preview_url)
    very, hard = _target_of(tab, "very-hard"), _target_of(tab, "hard")
    assert _text(tab, very) == VERY_HARD
    assert _text(tab, hard) == HARD
    term = tab.locator(".hr-term[tabindex]").first
    assert " ".join(term.text_content().split()) == TERM
    # Two styles that differ in more than colour: dotted against solid with a side bar,
    # and a text label after each.
    hard_style = tab.locator(hard).evaluate(_STYLE)
    very_style = tab.locator(very).evaluate(_STYLE)
    assert (hard_style["style"], very_style["style"]) == ("dotted", "solid")
    assert "underline" in hard_style["line"] and "underline" in very_style["line"]
    assert hard_style["side"] == "0px" and very_style["side"] != "0px"
    number = very.removeprefix("#hr-at-")
    assert _text(tab, f"a.hr-label[href='#hr-item-{number}']") == f"Very hard {number}"


def test_the_plain_words_show_on_keyboard_focus_and_on_hover(tab: Any, preview_url: str) -> None:
    tab.goto(preview_url)
    term = tab.locator(".hr-term[tabindex]").first
    assert term.evaluate(_AFTER) == "none"
    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('hr-term')"):
            break
    else:
        pytest.fail("Tab never reached the jargon term")
    assert TERM_PLAIN in term.evaluate(_AFTER)
    described = tab.locator(f"#{term.get_attribute('aria-describedby')}")
    assert TERM_PLAIN in described.text_content()
    # Escape hides them, until the term is left.
    tab.keyboard.press("Escape")
    assert term.evaluate(_AFTER) == "none"
    tab.evaluate("document.activeElement.blur()")
    term.focus()
    assert TERM_PLAIN in term.evaluate(_AFTER)
    tab.evaluate("document.activeElement.blur()")
    assert term.evaluate(_AFTER) == "none"
    term.hover()
    assert TERM_PLAIN in term.evaluate(_AFTER)


def test_the_panel_gives_the_score_and_limit_and_links_to_each_mark(
    tab: Any, preview_url: str
) -> None:
    tab.goto(preview_url)
    score = _text(tab, "#hr-score")
    assert "Reading score (Flesch-Kincaid" in score
    assert "Limit: 6.0 or lower" in score
    assert any(word in score for word in ("Over the limit", "Within the limit"))
    value = tab.locator("#hr-score .hr-score-value").text_content()
    assert value and float(value) > 0
    for kind in ("very-hard", "hard", "term"):
        link = tab.locator(f"li.hr-item-{kind} > a").first
        href = link.get_attribute("href")
        tab.evaluate("window.scrollTo(0, 0)")
        link.click()
        assert tab.evaluate("location.hash") == href
        box = tab.locator(href).evaluate(
            "(el) => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }"
        )
        assert 0 <= box[0] < tab.viewport_size["height"], (kind, box)


def test_axe_finds_nothing_with_the_preview_open(
    tab: Any, preview_url: str, axe_source: str
) -> None:
    problems = []
    for path in ("", "es/", "vi/", "ar/"):
        tab.goto(preview_url + path)
        assert tab.locator("#hr-preview details").get_attribute("open") is not None
        problems += [f"/{path}: {line}" for line in _axe(tab, axe_source)]
    tab.goto(preview_url)
    tab.locator(".hr-term[tabindex]").first.focus()
    problems += [f"/ (term focused): {line}" for line in _axe(tab, axe_source)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("path", "panel", "kind", "sentence", "direction"),
    [
        ("es/", "Vista previa de Homeroom", "hard", ES_HARD, "ltr"),
        ("vi/", "Xem trước Homeroom", "very-hard", VI_VERY_HARD, "ltr"),
        ("ar/", "معاينة Homeroom", "very-hard", AR_VERY_HARD, "rtl"),
    ],
)
def test_every_language_has_its_preview_and_arabic_reads_right_to_left(
    tab: Any, preview_url: str, path: str, panel: str, kind: str, sentence: str, direction: str
) -> None:
    tab.goto(preview_url + path)
    assert panel in _text(tab, "#hr-preview summary")
    assert tab.evaluate("document.body.dir || 'ltr'") == direction
    assert tab.locator("#hr-preview").evaluate("(el) => getComputedStyle(el).direction") == (
        direction
    )
    target = _target_of(tab, kind)
    assert _text(tab, target) == sentence
    # The messages are for staff, in English, and say so.
    message = tab.locator("li.hr-item .hr-message").first
    assert message.get_attribute("lang") == "en" and message.get_attribute("dir") == "ltr"
    tab.locator(f"li.hr-item-{kind} > a").first.click()
    assert tab.evaluate("location.hash") == target


def test_a_saved_page_reloads_with_its_new_findings(
    tab: Any, preview_url: str, preview_project: Path
) -> None:
    """mkdocs serve's own reload script is blocked by the site's policy; the preview's is not."""
    refused: list[str] = []
    tab.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    tab.goto(preview_url)
    tab.evaluate("window.hrBeforeSave = true")
    new_page = preview_project / "content" / "new-page.md"
    new_page.write_text(
        "# New page\n\nAsk the teacher about the formative assessment.\n", encoding="utf-8"
    )
    try:
        tab.wait_for_function("() => !window.hrBeforeSave", timeout=60_000)
        tab.goto(preview_url + "new-page/")
        assert _text(tab, ".hr-term[tabindex]") == "formative assessment"
    finally:
        new_page.unlink()
    # What the policy refused is mkdocs serve's inline script, never the preview's files.
    assert refused and not [m for m in refused if "homeroom-preview" in m]


def test_a_normal_build_has_nothing_of_the_preview(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", blocking=False)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")],
        cwd=project,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # The same findings are there (so the preview would have shown them) ...
    assert "jargon.benchmark" in done.stderr and "readability.sentence" in done.stderr
    # ... and nothing of it was published.
    assert _traces(project / "site") == []


def test_the_bundled_site_has_nothing_of_the_preview(bundled_site: Path) -> None:
    assert _traces(bundled_site) == []


def _traces(site: Path) -> list[str]:
    found = []
    files = [p for p in site.rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in files), f"no pages in {site}"
    for path in files:
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {t}" for t in PREVIEW_TRACES if t in text]
        if "homeroom-preview" in path.name:
            found.append(str(path.relative_to(site)))
    return found
