"""Content safety: code that runs, embedded sites, redirects, forms, unfinished notes."""

from __future__ import annotations

import gzip
import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from homeroom.checks import content
from homeroom.data.settings import Settings
from homeroom.data.sources import discover, load_source, source_from_text
from homeroom.model.errors import InputError
from homeroom.model.findings import Severity
from homeroom.model.languages import LanguageSet
from homeroom.run import engine

CHECK = content.build(Settings(ROOT, ROOT / "content", LanguageSet.from_i18n(None)))


def found(markdown: str, language: str = "en") -> list[tuple[str, int, int]]:
    text = textwrap.dedent(markdown)
    source = source_from_text(text, "content/p.md", "p.md", "p.md", language)
    result = CHECK.check_page(source, engine.prose_of(source))
    assert all(f.severity is Severity.ERROR for f in result.findings)
    return [(f.rule, f.line, f.column) for f in result.findings]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("<script>alert(1)</script>\n", [("content.script", 1, 1)]),
        ('Hi <SCRIPT src="https://x.example/a.js"></SCRIPT>\n', [("content.script", 1, 4)]),
        ("<div>\n  <svg><script>x()</script></svg>\n</div>\n", [("content.script", 2, 8)]),
        # A broken declaration (a comment to browsers) does not hide what follows it.
        ("<![x-im]> then <script>x()</script>\n", [("content.script", 1, 16)]),
        ('<a href="x/" onclick="go()">x</a>\n', [("content.event-handler", 1, 14)]),
        ("<img src=x onerror=alert(1)>\n", [("content.event-handler", 1, 12)]),
        ('<body\n  onload="x()">\n', [("content.event-handler", 2, 3)]),
        ('<details ontoggle="x()" open>x</details>\n', [("content.event-handler", 1, 10)]),
        ('<a href="javascript:alert(1)">x</a>\n', [("content.javascript-url", 1, 4)]),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>\n', [("content.javascript-url", 1, 4)]),
        ('<a href="jav&#x09;ascript:x()">x</a>\n', [("content.javascript-url", 1, 4)]),
        ('<a href="&#106;avascript:x()">x</a>\n', [("content.javascript-url", 1, 4)]),
        ('<a href="vbscript:msgbox">x</a>\n', [("content.javascript-url", 1, 4)]),
        ('<a href="data:text/html,<b>x</b>">x</a>\n', [("content.javascript-url", 1, 4)]),
        (
            '<form action="javascript:x()"></form>\n',
            [
                ("content.form", 1, 1),
                ("content.javascript-url", 1, 7),
            ],
        ),
        ('<svg><a xlink:href="javascript:x()">x</a></svg>\n', [("content.javascript-url", 1, 9)]),
        ("[Print](javascript:window.print())\n", [("content.javascript-url", 1, 9)]),
        ("[Print](<javascript:window.print()>)\n", [("content.javascript-url", 1, 10)]),
        ("![x](data:text/html;base64,PHNjcmlwdD4=)\n", [("content.javascript-url", 1, 6)]),
        ("See [the form][f].\n\n[f]: javascript:x()\n", [("content.javascript-url", 3, 6)]),
        ('Tap here.\n{: onclick="x()" }\n', [("content.event-handler", 2, 4)]),
        ('[Go](page.md){: href="javascript:x()" }\n', [("content.javascript-url", 1, 23)]),
        (
            '<meta http-equiv="refresh" content="0; url=https://x.example/">\n',
            [("content.redirect", 1, 1)],
        ),
        ('<base href="https://x.example/">\n', [("content.redirect", 1, 1)]),
        ('<iframe src="https://video.example/1"></iframe>\n', [("content.iframe", 1, 1)]),
        (
            "<frameset><frame src=x></frameset>\n",
            [
                ("content.iframe", 1, 1),
                ("content.iframe", 1, 11),
            ],
        ),
        ('<object data="a.swf"></object>\n', [("content.embed", 1, 1)]),
        ('<embed src="handbook.pdf">\n', [("content.embed", 1, 1)]),
        (
            '<form action="https://x.example/collect"><input name="phone"></form>\n',
            [("content.form", 1, 1)],
        ),
        # The front matter is published too (Material writes the title unescaped).
        (
            "---\ntitle: <img src=x onerror=alert(1)>\n---\n# Hi\n",
            [("content.event-handler", 2, 19)],
        ),
    ],
)
def test_each_dangerous_form_is_an_error_at_its_line_and_column(
    markdown: str, expected: list[tuple[str, int, int]]
) -> None:
    assert found(markdown) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "```html\n<script>alert(1)</script>\n<a onclick=x()>x</a>\n```\n",
        "~~~\n<iframe src=x></iframe>\n~~~\n",
        "Text.\n\n    <script>alert(1)</script>\n    [x](javascript:x())\n",
        "Write `<script>alert(1)</script>` nowhere.\n",
        "Links like ``[x](javascript:x())`` and `<a onclick=x()>` are refused.\n",
        "| Tag | Why |\n| --- | --- |\n| `<iframe>` | shows another site |\n",
        '!!! note "HTML"\n    `<form>` sends what families type.\n',
        "- A list item with ```<embed src=x>``` shown as code.\n",
        "<!-- <script>alert(1)</script> -->\n",
    ],
)
def test_html_shown_as_code_or_in_a_comment_is_not_flagged(markdown: str) -> None:
    assert found(markdown) == []


@pytest.mark.parametrize(
    "markdown",
    [
        'Call <span dir="ltr">(555) 010-2400</span>.\n',
        "<details open><summary>More</summary>Text.</details>\n",
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="A dot">\n',
        "[The calendar](https://riverbend.example.org/calendar) and [mail](mailto:a@b.org).\n",
        "[Call us](tel:+15550102400), or read [grade 3](grade-3.md).\n",
        "Scores under 50 < 60 > 40 are shown as bars.\n",
        "## Math {#math}\n\nAnswers {1, 2} and {x=1} are fine.\n",
        "A one-line note: `homeroom new` writes To write: notes.\n",
        "The online form opens in May.\n",
    ],
)
def test_ordinary_family_pages_pass(markdown: str) -> None:
    assert found(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "language", "expected"),
    [
        ("## Math {#math}\n\n*To write: 4-6 plain points.*\n", "en", [(3, 2)]),
        ("## Matemáticas {#math}\n\n*Por escribir: 4 a 6 puntos.*\n", "es", [(3, 2)]),
        ("## Toán {#math}\n\n*Cần viết: 4-6 điểm.*\n", "vi", [(3, 2)]),
        ("## الرياضيات {#math}\n\n*اكتب هنا: من 4 إلى 6 نقاط.*\n", "ar", [(3, 2)]),
        # The asterisks taken away, inside a list or a quote, or left in another language.
        ("To write: the promise.\n", "en", [(1, 1)]),
        ("- **To write:** one activity.\n- Por escribir: otra.\n", "es", [(1, 5), (2, 3)]),
        ("> *To write: the quote.*\n", "en", [(1, 4)]),
        ("!!! tip\n    *To write: a tip.*\n", "en", [(2, 6)]),
    ],
)
def test_placeholders_from_homeroom_new_are_errors_in_every_language(
    markdown: str, language: str, expected: list[tuple[int, int]]
) -> None:
    assert found(markdown, language) == [("content.placeholder", *at) for at in expected]


def test_placeholder_message_says_what_families_would_see_and_what_to_do() -> None:
    source = source_from_text("*To write: 4-6 points.*\n", "content/p.md", "p.md", "p.md", "en")
    (finding,) = CHECK.check_page(source, engine.prose_of(source)).findings
    assert finding.message == (
        "This is a note from `homeroom new` saying what to write here (`To write: 4-6 points.`). "
        "Families would see it as an unfinished page. Write this part for families, then "
        "delete the note."
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "```markdown\n*To write: the promise.*\n```\n",
        "The note `*To write: ...*` marks a section to write.\n",
        "Families can write: to the teacher.\n",
    ],
)
def test_placeholders_shown_as_examples_are_not_flagged(markdown: str) -> None:
    assert found(markdown) == []


def test_the_page_check_reports_allow_entries_that_allow_nothing_once() -> None:
    markdown = "---\ntitle: T\nallow: [jargon.*]\n---\n<!-- homeroom allow jargon.iep -->\nText.\n"
    assert found(markdown) == [("allow.invalid", 3, 9), ("allow.invalid", 5, 21)]


def test_every_finding_names_the_file_and_what_to_do() -> None:
    source = source_from_text('<iframe src="x"></iframe>\n', "content/p.md", "p.md", "p.md", "en")
    (finding,) = CHECK.check_page(source, engine.prose_of(source)).findings
    assert (finding.path, finding.match) == ("content/p.md", "<iframe>")
    assert "link to that page instead" in finding.message


def test_the_bundled_pages_are_safe_and_finished() -> None:
    docs = ROOT / "content"
    from homeroom.data.settings import load_settings

    languages = load_settings(ROOT / "mkdocs.yml").languages
    pages = [load_source(p, docs, languages, ROOT) for p in discover(docs)]
    assert pages
    for source in pages:
        assert CHECK.check_page(source, engine.prose_of(source)).findings == (), source.display
    assert content.script_files(docs, ROOT) == []


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("widget.js", b"alert(1)\n", (1, 1)),
        ("assets/app.mjs", b"export {}\n", (1, 1)),
        ("old.cjs", b"", (1, 1)),
        ("flyer.html", b"<html>\n<body>\n<script>x()</script>\n", (3, 1)),
        ("flyer.htm", b'<a href="javascript:x()">x</a>\n', (1, 4)),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>\n', (1, 41)),
        # mtime=0: the same bytes in every process, so every pytest-xdist worker collects
        # the same test.
        ("map.svgz", gzip.compress(b"<svg><script>x()</script></svg>", mtime=0), (1, 6)),
        ("flyer.html", b"<html><body><p>Open house in May.</p></body></html>\n", None),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n', None),
        ("handbook.pdf", b"%PDF-1.4\n", None),
        ("_data/tool.js", b"x()\n", None),
        (".github/a.js", b"x()\n", None),
        ("notes/.hidden.js", b"x()\n", None),
    ],
)
def test_script_files_in_the_content_folder(
    tmp_path: Path, name: str, body: bytes, expected: tuple[int, int] | None
) -> None:
    docs = tmp_path / "content"
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_bytes(body)
    (docs / "index.md").write_text("# Hi\n")
    findings = content.script_files(docs, tmp_path)
    if expected is None:
        assert findings == []
        return
    (finding,) = findings
    assert (finding.path, finding.rule, finding.severity) == (
        f"content/{name}",
        "content.script-file",
        Severity.ERROR,
    )
    assert (finding.line, finding.column) == expected
    assert "Remove" in finding.message


def test_script_files_of_a_missing_folder_is_nothing(tmp_path: Path) -> None:
    assert content.script_files(tmp_path / "nowhere") == []


def test_fingerprint_is_stable_and_names_the_check() -> None:
    from homeroom.run.registry import LazyCheck

    assert CHECK.name == "content"
    first, again = LazyCheck("content", CHECK_SETTINGS), LazyCheck("content", CHECK_SETTINGS)
    assert first.fingerprint() == again.fingerprint()
    assert first.fingerprint() != LazyCheck("jargon", CHECK_SETTINGS).fingerprint()
    # Only the language files, where the notes of `homeroom new` come from.
    from homeroom.text.lang import lang_files

    assert {p.name for p in content.data_files(CHECK_SETTINGS)} == {
        f"{code}.yml" for code in lang_files()
    }
    assert {"en.yml", "es.yml", "hmn.yml", "zh.yml"} <= {
        p.name for p in content.data_files(CHECK_SETTINGS)
    }


CHECK_SETTINGS = Settings(ROOT, ROOT / "content", LanguageSet.from_i18n(None))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"'`{}[]()!:*-# \n\tajvsoncriptfmhe&;x1")),
        max_size=200,
    )
)
def test_no_input_makes_the_check_crash(text: str) -> None:
    try:
        source = source_from_text(text, "content/p.md", "p.md", "p.md", "en")
    except InputError:
        assume(False)  # unreadable front matter is reported when the page is read
        return
    result = CHECK.check_page(source, engine.prose_of(source))
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1
