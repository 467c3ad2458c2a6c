"""The author preview's core: which findings a page has, what words to mark, the panel."""

from __future__ import annotations

import re
from html import unescape
from importlib import resources
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from homeroom.checks import jargon, readability
from homeroom.data.settings import Settings
from homeroom.data.sources import source_from_text
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import LanguageSet
from homeroom.pages.preview import (
    PANEL_ID,
    BuildIndex,
    Item,
    findings_for,
    items_for,
    kind_of,
    mark,
    page_score,
    panel,
    preview,
    shown_text,
    words_for,
)
from homeroom.pages.preview_html import HtmlText
from homeroom.run.engine import prose_of

ROOT = Path(__file__).resolve().parent.parent
LONG = (
    "When the school year starts, the teacher will meet with each family to talk about "
    "the reading goals for the year, the **books** the class will read together, and the "
    "ways that families can help at home every week."
)
HARD = (
    "Families who read together at home for a few minutes each evening often find that "
    "their children enjoy books more and read with more confidence."
)
PAGE = f"""\
---
title: Reading
---
# Reading at home

Read with your child every day. The teacher uses a **benchmark** to see how reading grows.
{LONG}

{HARD}
"""


def finding(rule: str, line: int = 1, column: int = 1, **extra: object) -> Finding:
    values: dict[str, object] = {
        "path": "content/p.md",
        "line": line,
        "column": column,
        "rule": rule,
        "severity": Severity.WARNING,
        "message": "m",
        **extra,
    }
    return Finding(**values)  # type: ignore[arg-type]


def real_findings(text: str, language: str = "en") -> tuple[list[Finding], dict[str, object]]:
    """What the site's own checks find on ``text`` (the bundled site's data)."""
    settings = Settings(
        project_root=ROOT,
        docs_dir=ROOT / "content",
        languages=LanguageSet.from_i18n(
            [{"locale": "en", "default": True}, {"locale": "es"}, {"locale": "ar"}]
        ),
    )
    source = source_from_text(text, "content/p.md", "p.md", "p.md", language)
    doc = prose_of(source)
    found: list[Finding] = []
    metrics: dict[str, object] = {}
    for check in (readability.build(settings), jargon.build(settings)):
        result = check.check_page(source, doc)
        found.extend(result.findings)
        metrics.update(result.metrics)
    return sorted(found), metrics


def rendered(text: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return markdown.markdown(body, extensions=["attr_list", "admonition", "tables"])


def marked_text(html: str, ident: str) -> str:
    """The text inside the element with id ``ident`` (tags dropped, spaces folded)."""
    m = re.search(rf'<(\w+)[^>]*id="{ident}"[^>]*>', html)
    assert m, f"no element {ident}"
    tag = m.group(1)
    depth, at = 1, m.end()
    for t in re.finditer(rf"<(/?){tag}\b[^>]*>", html[m.end() :]):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            at = m.end() + t.start()
            break
    return " ".join(unescape(re.sub(r"<[^>]*>", "", html[m.end() : at])).split())


# --- which findings, and how each is shown -------------------------------------------


@pytest.mark.parametrize(
    ("rule", "severity", "kind"),
    [
        ("readability.sentence", Severity.ERROR, "very-hard"),
        ("readability.sentence", Severity.WARNING, "hard"),
        ("readability.sentence-difficulty", Severity.ERROR, "very-hard"),
        ("readability.sentence-difficulty", Severity.WARNING, "hard"),
        ("jargon.iep", Severity.WARNING, "term"),
        ("jargon.acronym", Severity.WARNING, "term"),
        ("respect.hard-to-reach", Severity.ERROR, "term"),
        ("readability.word", Severity.INFO, "term"),
        ("readability.page", Severity.ERROR, "other"),
        ("i18n.stale", Severity.WARNING, "other"),
    ],
)
def test_each_rule_is_shown_as_a_sentence_a_term_or_a_list_entry(
    rule: str, severity: Severity, kind: str
) -> None:
    assert kind_of(finding(rule, severity=severity)) == kind


def test_a_page_has_its_own_findings_only_each_once_in_order() -> None:
    mine = [finding("jargon.iep", line=5), finding("readability.sentence", line=2)]
    other = finding("jargon.iep", path="content/q.md")
    card = finding("jargon.iep", path="content/_data/schools/a.yml", generated_page="schools/a.md")
    every = [*mine, other, card, mine[0]]
    assert findings_for(every, "content/p.md") == sorted(mine)
    assert findings_for(every, "", "schools/a.md") == [card]


# --- what to mark, from the Markdown ---------------------------------------------------


def test_a_sentence_is_marked_whole_although_its_finding_shows_an_excerpt() -> None:
    found, _ = real_findings(PAGE)
    long = next(f for f in found if f.rule == "readability.sentence" and f.line == 7)
    assert long.match.endswith("...")
    items = items_for(source_from_text(PAGE, "content/p.md", "p.md", "p.md", "en"), [long])
    assert items[0].words == shown_text(LONG)
    assert "**" not in items[0].words


def test_a_term_knows_its_sentence_its_use_and_its_plain_words() -> None:
    found, _ = real_findings(PAGE)
    term = next(f for f in found if f.rule == "jargon.benchmark")
    [item] = items_for(source_from_text(PAGE, "content/p.md", "p.md", "p.md", "en"), [term])
    assert (item.kind, item.words, item.occurrence) == ("term", "benchmark", 0)
    assert item.context == "The teacher uses a benchmark to see how reading grows."
    assert item.plain == term.suggestion


def test_shown_text_drops_markup_link_targets_and_entities() -> None:
    assert shown_text("Read **every** day with [your child](x.md) &amp; `me`.") == (
        "Read every day with your child & me."
    )


# --- marking the HTML ---------------------------------------------------------------


def test_marks_land_on_the_words_of_each_finding() -> None:
    found, _ = real_findings(PAGE)
    source = source_from_text(PAGE, "content/p.md", "p.md", "p.md", "en")
    items = items_for(source, found)
    html, placed = mark(rendered(PAGE), items, words_for("en")[0])
    by_rule = {(i.finding.rule, i.finding.severity): i.number for i in items}
    very = by_rule["readability.sentence", Severity.ERROR]
    hard = by_rule["readability.sentence", Severity.WARNING]
    term = by_rule["jargon.benchmark", Severity.WARNING]
    assert {very, hard, term} <= placed
    assert marked_text(html, f"hr-at-{very}") == shown_text(LONG)
    assert marked_text(html, f"hr-at-{hard}") == HARD
    assert marked_text(html, f"hr-at-{term}") == "benchmark"
    assert f'<mark class="hr-mark hr-very-hard" id="hr-at-{very}">' in html
    assert f'<mark class="hr-mark hr-hard" id="hr-at-{hard}">' in html
    # Each sentence has a text label after it, linked to its entry in the list.
    assert f'href="#hr-item-{very}">Very hard {very}</a>' in html
    assert f'href="#hr-item-{hard}">Hard {hard}</a>' in html
    # The term takes the keyboard focus and carries its plain words.
    assert re.search(rf'id="hr-at-{term}" tabindex="0" data-hr-plain="Plain words: ', html)


def item(kind: str, words: str, number: int = 1, **extra: object) -> Item:
    rule = "jargon.x" if kind == "term" else "readability.sentence"
    severity = Severity.ERROR if kind == "very-hard" else Severity.WARNING
    return Item(number, finding(rule, severity=severity), kind, words=words, **extra)  # type: ignore[arg-type]


def test_a_sentence_across_inline_tags_is_wrapped_once_and_stays_well_formed() -> None:
    html = "<p>One. Read <em>every</em> day &amp; <a href='x'>talk</a>. Two.</p>"
    out, placed = mark(html, [item("hard", "Read every day & talk.")], words_for("en")[0])
    assert placed == {1}
    assert '<mark class="hr-mark hr-hard" id="hr-at-1">Read <em>every</em> day &amp; ' in out
    assert marked_text(out, "hr-at-1") == "Read every day & talk."


def test_a_sentence_that_starts_inside_an_element_is_wrapped_piece_by_piece() -> None:
    html = "<p><strong>Start here and</strong> end there.</p>"
    out, placed = mark(html, [item("very-hard", "here and end there.")], words_for("en")[0])
    assert placed == {1}
    assert out.count("<mark") == 2 and out.count("</mark>") == 2
    assert '<strong>Start <mark class="hr-mark hr-very-hard" id="hr-at-1">here and</mark>' in out
    assert out.count('id="hr-at-1"') == 1


def test_a_term_in_a_sentence_is_marked_inside_it_and_a_link_keeps_the_focus() -> None:
    html = '<p>Ask about the <a href="g.md">IEP</a> plan today.</p>'
    items = [
        item("term", "IEP", 2, context="Ask about the IEP plan today."),
        item("hard", "Ask about the IEP plan today.", 1),
    ]
    out, placed = mark(html, items, words_for("en")[0])
    assert placed == {1, 2}
    assert out.index('id="hr-at-1"') < out.index('id="hr-at-2"') < out.index("</mark>")
    term = re.search(r'<span class="hr-mark hr-term" id="hr-at-2"[^>]*>', out)
    assert term and "tabindex" not in term.group()


def test_the_right_use_of_a_term_is_marked() -> None:
    html = "<p>The IEP team meets. We read the IEP together and sign the IEP.</p>"
    words = item("term", "IEP", context="We read the IEP together and sign the IEP.", occurrence=1)
    out, placed = mark(html, [words], words_for("en")[0])
    assert placed == {1}
    assert out.index('id="hr-at-1"') > out.index("sign the")


def test_code_blocks_and_parts_of_words_are_never_marked() -> None:
    html = "<pre><code>IEP</code></pre><p>IEPS and IEP.</p>"
    out, placed = mark(html, [item("term", "IEP")], words_for("en")[0])
    assert placed == {1}
    assert out.startswith("<pre><code>IEP</code></pre><p>IEPS and <span")


def test_words_not_on_the_page_are_listed_not_marked() -> None:
    out, placed = mark("<p>Other text.</p>", [item("hard", "Missing words here.")], {})
    assert (out, placed) == ("<p>Other text.</p>", set())


def test_white_space_and_entities_do_not_matter_when_finding_words() -> None:
    text = HtmlText.of("<p>A&nbsp;b\n   c &lt;d&gt;</p>")
    assert text.find("A b c <d>") is not None
    assert text.find("b c <d", whole_words=True) == (2, 11)
    assert HtmlText.of("<p>IEPs</p>").find("IEP", whole_words=True) is None


# --- the panel ----------------------------------------------------------------------


def test_the_panel_shows_the_score_its_limit_and_links_each_finding() -> None:
    text = PAGE + "\n" + "\n\n".join([HARD] * 6)
    found, metrics = real_findings(text)
    out = preview(
        rendered(text),
        source_from_text(text, "content/p.md", "p.md", "p.md", "en"),
        found,
        metrics,
        "en",
    )
    score = page_score(metrics)
    assert score is not None and score.score is not None
    assert out.startswith(f'<section class="hr-preview" id="{PANEL_ID}"')
    assert f"{score.score:.1f}" in out
    assert 'Limit</strong>: <span class="hr-limit">6.0 or lower</span>' in out
    assert "Flesch-Kincaid" in out
    for n in range(1, len(found) + 1):
        assert f'id="hr-item-{n}"' in out
    for n in re.findall(r'<a href="#hr-at-(\d+)">', out):
        assert f'id="hr-at-{n}"' in out
    # Made once: a second call on the result changes nothing.
    assert preview(out, None, found, metrics, "en") == out


def test_a_finding_with_no_place_is_listed_and_the_page_score_links_to_the_score() -> None:
    items = [
        Item(1, finding("readability.page", severity=Severity.ERROR), "other"),
        Item(2, finding("i18n.stale", line=3), "other"),
    ]
    out = panel(items, set(), None, words_for("en")[0], "en")
    assert '<a href="#hr-score">Line 1 · Finding</a>' in out
    assert "<strong>Line 3 · Finding</strong>" in out


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Very hard sentence"),
        ("es", "Oración muy difícil"),
        ("vi", "Câu rất khó"),
        ("ar", "جملة صعبة جدًا"),
        ("fr", "Very hard sentence"),
    ],
)
def test_the_panel_is_in_the_pages_language_and_findings_say_they_are_english(
    language: str, expected: str
) -> None:
    items = [Item(1, finding("readability.sentence", severity=Severity.ERROR), "very-hard")]
    out = panel(items, {1}, None, words_for(language)[0], language)
    assert expected in out
    english_message = '<span class="hr-message" lang="en" dir="ltr">'
    assert (english_message in out) is (language != "en")


def test_every_language_has_every_word_of_the_preview() -> None:
    text = resources.files("homeroom").joinpath("preview/strings.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    english = set(data["en"])
    for language, words in data.items():
        assert set(words) == english, language
        for key, value in words.items():
            if key != "measures":
                placeholders = set(re.findall(r"\{(\w+)\}", value))
                assert placeholders == set(re.findall(r"\{(\w+)\}", data["en"][key])), key


def test_the_stylesheet_does_not_rely_on_colour_alone() -> None:
    css = resources.files("homeroom").joinpath("preview/preview.css").read_text("utf-8")
    rules = dict(re.findall(r"(mark\.hr-(?:very-)?hard) \{([^}]*)\}", css))
    assert "dotted" in rules["mark.hr-hard"]
    assert (
        "solid" in rules["mark.hr-very-hard"]
        and "border-inline-start" in rules["mark.hr-very-hard"]
    )
    assert ":focus::after" in css and "attr(data-hr-plain)" in css
    assert ".hr-term.hr-dismissed::after" in css  # Escape hides them (preview.js)


_PIECES = st.sampled_from(
    [
        *"<p> </p> <em> </em> <br> <pre> </pre> &amp; &lt; IEP Read . < > ab".split(),
        *(" ", "\n", "<a href='x'>", "</a>", "<!-- c -->"),
    ]
)


@hypothesis_settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.lists(_PIECES, min_size=1, max_size=4))
def test_no_page_makes_marking_crash_and_text_outside_marks_is_kept(
    parts: list[str], needle: list[str]
) -> None:
    html = "".join(parts)
    words = re.sub(r"<[^>]*>", "", "".join(needle))
    items = [item("hard", words, 1), item("term", words, 2, context=words)]
    items.append(Item(3, finding("readability.paragraph"), "other", words=words))
    out, placed = mark(html, items, words_for("en")[0])
    assert placed <= {1, 2, 3}
    # Taking the marks out again gives the page back exactly (the pieces have no <span>).
    bare = re.sub(r'<mark class="hr-mark[^"]*"( id="hr-at-\d+")?>|</mark>', "", out)
    bare = re.sub(r'<(a|span) class="hr-label[^>]*>[^<]*</\1>', "", bare)
    bare = re.sub(r'<span class="hr-mark hr-term"[^>]*>|</span>', "", bare)
    assert bare == html


def test_the_build_index_gives_each_page_what_findings_for_gives() -> None:
    source = source_from_text(PAGE, "content/p.md", "p.md", "p.md", "en")
    every = [
        finding("jargon.iep", line=5),
        finding("readability.sentence", line=2),
        finding("jargon.iep", path="content/q.md"),
        finding("jargon.iep", path="content/_data/schools/a.yml", generated_page="schools/a.md"),
    ]
    index = BuildIndex([source], every, [("content/p.md", {"score": 1})])
    assert index.source("content/p.md") is source and index.source("content/q.md") is None
    for display, generated in [("content/p.md", ""), ("content/q.md", ""), ("", "schools/a.md")]:
        assert index.findings(display, generated) == findings_for(every, display, generated)
    assert index.metrics("content/p.md") == {"score": 1} and index.metrics("x") is None


def test_a_finding_with_no_words_to_mark_gets_a_linked_label_where_it_is() -> None:
    long_paragraph = " ".join(["Read a book with your child at home today."] * 12)
    text = f"# Reading\n\nFirst short paragraph.\n\n{long_paragraph}\n"
    found, metrics = real_findings(text)
    paragraph = next(f for f in found if f.rule == "readability.paragraph")
    out = preview(
        rendered(text),
        source_from_text(text, "content/p.md", "p.md", "p.md", "en"),
        found,
        metrics,
        "en",
    )
    n = found.index(paragraph) + 1
    label = f'<a class="hr-label hr-label-other" id="hr-at-{n}" href="#hr-item-{n}">Finding {n}</a>'
    assert f"<p>{label}Read a book" in out
    assert f'<a href="#hr-at-{n}">Line 5 · Finding</a>' in out
