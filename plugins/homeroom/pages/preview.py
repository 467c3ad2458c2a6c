"""The author preview: a page's findings shown on the page itself, while its author writes.

Under ``mkdocs serve`` (never in a published build), each page gets:

- its hard sentences and very hard sentences marked, in two styles that differ in more
  than colour (a dotted against a thick solid underline, and a text label after each:
  "Hard", "Very hard", linked to the finding in the list);
- each jargon term (and each word with a plainer one) underlined, with its plain words
  shown when it is hovered or reached with the keyboard (the term takes the focus);
- a panel at the top with the page's reading score and its limit, and every finding of
  the page, each linked to the place it is marked.

All of it is HTML and one stylesheet; its one script, a file of the site (so the
site's Content-Security-Policy allows it as it is), only lets Escape hide a term's plain
words and brings back ``mkdocs serve``'s live reload, whose inline script that policy
blocks. The marks and the panel work without it. Findings point into the Markdown (line, column); the words to mark are
read from the page's source there (the whole sentence, since a finding's ``match`` is cut
short) and found in the HTML MkDocs made of the page (:mod:`homeroom.pages.preview_html`).
The panel's words are in the page's language (``homeroom/preview/strings.yml``, English
when a language has none); findings' messages are for staff, in English, and say so with
``lang="en"``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from markdown_it import MarkdownIt

from homeroom.checks.readability_messages import format_score
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.pages.preview_html import HtmlText, Wrap, apply
from homeroom.text.measures import MEASURES
from homeroom.text.prose import ProseDocument, ProseUnit, extract
from homeroom.text.sentences import Sentence, split
from homeroom.text.syllables import base_language

#: The panel's id; a page that has it already has its preview.
PANEL_ID = "hr-preview"
#: Where the stylesheet and the script are served, inside the site (under ``mkdocs serve``
#: only), and the package files they are (in ``homeroom/preview/``).
STYLESHEET = "assets/homeroom-preview.css"
SCRIPT = "assets/homeroom-preview.js"
ASSETS = {STYLESHEET: "preview.css", SCRIPT: "preview.js"}
#: The package folder holding the preview's words, stylesheet and script.
_FOLDER = "preview"

SENTENCE_RULES = frozenset(("readability.sentence", "readability.sentence-difficulty"))
TERM_PREFIXES = ("jargon.", "respect.")
TERM_RULES = frozenset(("readability.word",))


@dataclass(frozen=True)
class Item:
    """One finding of the page, numbered as the panel lists it, and what to mark for it."""

    number: int
    finding: Finding
    kind: str
    """``very-hard`` or ``hard`` (a sentence), ``term``, or ``other`` (nothing to mark)."""
    words: str = ""
    """The words to mark, as the page shows them (the whole sentence, or the term)."""
    context: str = ""
    """For a term: the sentence it is in, as the page shows it."""
    occurrence: int = 0
    """For a term: which use of it in ``context`` (0: the first)."""
    plain: str = ""
    """For a term: its plain words."""


@dataclass(frozen=True)
class PageScore:
    """The page's reading score and its limit (from the readability check's figures)."""

    measure: str
    score: float | None
    limit: float | None
    easier: str
    too_short: bool

    @property
    def passes(self) -> bool | None:
        """Whether the score is within the limit (None when there is no score)."""
        if self.score is None or self.limit is None or self.too_short:
            return None
        return MEASURES[self.measure].passes(self.score, self.limit)


def kind_of(finding: Finding) -> str:
    """How a finding is shown: ``very-hard``, ``hard``, ``term`` or ``other``."""
    if finding.rule in SENTENCE_RULES:
        return "very-hard" if finding.severity is Severity.ERROR else "hard"
    if finding.rule.startswith(TERM_PREFIXES) or finding.rule in TERM_RULES:
        return "term"
    return "other"


def findings_for(findings: Iterable[Finding], display: str, generated: str = "") -> list[Finding]:
    """The findings on one page: those in its source file (``display``), each once, in order.

    A generated page (a report card, ``generated``) has the findings that name it.
    """
    if generated:
        chosen = (f for f in findings if f.generated_page == generated)
    else:
        chosen = (f for f in findings if f.path == display and not f.generated_page)
    return sorted(dict.fromkeys(chosen))


class BuildIndex:
    """A build's pages, findings and figures, found by page (made once per build).

    ``findings_for`` reads every finding; a site of thousands of pages asks once per page,
    so the build's findings are sorted by page here once.
    """

    def __init__(
        self,
        sources: Iterable[Source],
        findings: Iterable[Finding],
        pages: Iterable[tuple[str, Mapping[str, Any]]],
    ) -> None:
        """Index ``sources``, ``findings`` and each page's (path, metrics)."""
        self._sources = {source.display: source for source in sources}
        self._findings: dict[tuple[str, bool], list[Finding]] = {}
        for found in dict.fromkeys(findings):
            key = (found.generated_page, True) if found.generated_page else (found.path, False)
            self._findings.setdefault(key, []).append(found)
        self._metrics = dict(pages)

    def source(self, display: str) -> Source | None:
        """The page read from ``display`` (None for a generated page)."""
        return self._sources.get(display)

    def findings(self, display: str, generated: str = "") -> list[Finding]:
        """As :func:`findings_for`."""
        key = (generated, True) if generated else (display, False)
        return sorted(self._findings.get(key, ()))

    def metrics(self, path: str) -> Mapping[str, Any] | None:
        """The page's figures (its readability score), if it was checked."""
        return self._metrics.get(path)


def page_score(metrics: Mapping[str, Any]) -> PageScore | None:
    """The page's score and limit from its figures (None when readability did not run)."""
    threshold = metrics.get("threshold")
    measure = metrics.get("measure")
    if not isinstance(threshold, Mapping) or not isinstance(measure, str):
        return None
    shown = str(threshold.get("measure") or measure)
    if shown not in MEASURES:
        return None
    score = metrics.get("measures", {}).get(shown, metrics.get("score"))
    limit = threshold.get("limit")
    return PageScore(
        measure=shown,
        score=float(score) if isinstance(score, int | float) else None,
        limit=float(limit) if isinstance(limit, int | float) else None,
        easier=MEASURES[shown].easier,
        too_short=bool(metrics.get("too_short_for_page_score")),
    )


# ---------------------------------------------------------------------------------------
# What to mark, from the Markdown


def items_for(source: Source | None, findings: Sequence[Finding]) -> list[Item]:
    """Number the page's findings and work out, from its source, the words to mark for each."""
    doc = extract(source.text) if source is not None else None
    items = []
    for number, finding in enumerate(findings, start=1):
        kind = kind_of(finding)
        item = Item(number, finding, kind)
        # The page score is the panel's own line; every other finding is placed where it is.
        if doc is not None and source is not None and finding.rule != "readability.page":
            item = _with_words(item, source, doc)
        items.append(item)
    return items


def _with_words(item: Item, source: Source, doc: ProseDocument) -> Item:
    finding = item.finding
    if not 1 <= finding.line <= len(doc.line_starts):
        return item
    offset = doc.line_starts[finding.line - 1] + finding.column - 1
    unit = next((u for u in doc.units if u.start <= offset < u.end), None)
    if unit is None:
        return item
    sentence = _sentence_at(unit, offset - unit.start, source.language)
    if sentence is None:
        return item
    begin = unit.start + sentence.start
    context = shown_text(source.text[begin : unit.start + sentence.end])
    if item.kind != "term":
        return Item(item.number, finding, item.kind, words=context)
    term = finding.match or ""
    if not term.strip():
        return item
    plain = finding.suggestion
    return Item(
        item.number,
        finding,
        item.kind,
        words=term,
        context=context,
        occurrence=_uses(term, shown_text(source.text[begin:offset])),
        plain=plain,
    )


def _sentence_at(unit: ProseUnit, at: int, language: str) -> Sentence | None:
    for sentence in split(unit.text, language):
        if sentence.start <= at < sentence.end:
            return sentence
    return None


@lru_cache(maxsize=1)
def _inline() -> MarkdownIt:
    return MarkdownIt("commonmark")


_TAGS = re.compile(r"<[^>]*>")


def shown_text(markdown: str) -> str:
    """The text a piece of Markdown shows a reader (markup, link targets and tags gone)."""
    rendered = _inline().renderInline(markdown)
    return " ".join(html.unescape(_TAGS.sub("", rendered)).split())


def _uses(term: str, text: str) -> int:
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)"
    return len(re.findall(pattern, text))


# ---------------------------------------------------------------------------------------
# Marking the HTML


def mark(content: str, items: Sequence[Item], words: Mapping[str, str]) -> tuple[str, set[int]]:
    """The page's HTML with each item's words marked, and the numbers of the items placed."""
    text = HtmlText.of(content)
    wraps: list[Wrap] = []
    taken: list[tuple[int, int]] = []
    placed: set[int] = set()
    cursor = 0
    # Sentences first, so a term inside a sentence is marked inside the sentence's mark.
    ordered = sorted(items, key=lambda item: item.kind == "term")
    for index, item in enumerate(ordered):
        if item.kind == "term" and (index == 0 or ordered[index - 1].kind != "term"):
            cursor = 0
        located = _locate(text, item, cursor)
        if located is None:
            continue
        found, anchor = located
        first, last = found
        if item.kind == "other":
            # No words to mark: a label where it is, linked to its entry in the list.
            start = text.html_range(first, last)[0]
            label = _label(item, words["other"], text.inside(first, "a"), own_id=True)
            wraps.append(Wrap(start, start, label, "", depth=-1))
            placed.add(item.number)
            cursor = anchor
            continue
        if found in taken or any(
            first < b and a < last and not (a <= first and last <= b) for a, b in taken
        ):
            continue  # it would cross another mark, or mark the same words twice
        pieces = text.pieces(first, last)
        if not pieces or (item.kind == "term" and len(pieces) > 1):
            continue
        inside = [(a, b) for a, b in taken if a <= first and last <= b]
        depth = len(inside)
        wraps.extend(_wraps(item, pieces, depth, text.inside(first, "a"), words))
        taken.append((first, last))
        placed.add(item.number)
        cursor = anchor
    return apply(content, wraps), placed


def _locate(text: HtmlText, item: Item, cursor: int) -> tuple[tuple[int, int], int] | None:
    """Where the item's words are (text offsets), and where the search for the next may start.

    Items come in the order of the page, so each is looked for after the one before it
    first (a sentence said twice is marked where its finding is), then anywhere.
    """
    if not item.words:
        return None
    if item.kind != "term":
        found = text.find(item.words, cursor) or text.find(item.words)
        return (found, found[0]) if found else None
    if item.context:
        sentence = text.find(item.context, cursor) or text.find(item.context)
        if sentence is not None:
            at = sentence[0]
            use = None
            for _ in range(item.occurrence + 1):
                use = text.find(item.words, at, sentence[1], whole_words=True)
                if use is None:
                    break
                at = use[1]
            if use is not None:
                return use, sentence[0]
    found = text.find(item.words, cursor, whole_words=True) or text.find(
        item.words, whole_words=True
    )
    return (found, found[0]) if found else None


def _wraps(
    item: Item,
    pieces: Sequence[tuple[int, int]],
    depth: int,
    in_link: bool,
    words: Mapping[str, str],
) -> list[Wrap]:
    n = item.number
    if item.kind == "term":
        start, end = pieces[0]
        plain = _plain_words(item, words)
        focus = "" if in_link else ' tabindex="0"'
        opening = (
            f'<span class="hr-mark hr-term" id="hr-at-{n}"{focus} '
            f'data-hr-plain="{html.escape(plain)}" aria-describedby="hr-plain-{n}">'
        )
        return [Wrap(start, end, opening, "</span>", depth)]
    short = words["very_hard_short" if item.kind == "very-hard" else "hard_short"]
    label = _label(item, short, in_link)
    wraps = []
    for index, (start, end) in enumerate(pieces):
        ident = f' id="hr-at-{n}"' if index == 0 else ""
        wraps.append(
            Wrap(
                start,
                end,
                f'<mark class="hr-mark hr-{item.kind}"{ident}>',
                "</mark>",
                depth,
                after=label if index == len(pieces) - 1 else "",
            )
        )
    return wraps


def _label(item: Item, text: str, in_link: bool, own_id: bool = False) -> str:
    """A finding's numbered label on the page, linked to its entry (plain text inside a link)."""
    n = item.number
    tag = "span" if in_link else "a"
    href = "" if in_link else f' href="#hr-item-{n}"'
    ident = f' id="hr-at-{n}"' if own_id else ""
    return (
        f'<{tag} class="hr-label hr-label-{item.kind}"{ident}{href}>{html.escape(text)} {n}</{tag}>'
    )


def _plain_words(item: Item, words: Mapping[str, str]) -> str:
    if item.finding.rule == "jargon.acronym" or not item.plain:
        return words["spell_out"]
    return words["plain"].format(words=item.plain)


# ---------------------------------------------------------------------------------------
# The panel


def panel(
    items: Sequence[Item],
    placed: set[int],
    score: PageScore | None,
    words: Mapping[str, str],
    language: str,
    measures: Mapping[str, str] | None = None,
) -> str:
    """The panel: the page's score and limit, a key to the marks, and the linked finding list."""
    e = html.escape
    staff = "" if base_language(language) == "en" else ' lang="en" dir="ltr"'
    count = words["count"].format(count=len(items)) if items else words["none"]
    parts = [
        f'<section class="hr-preview" id="{PANEL_ID}" aria-label="{e(words["panel"])}">',
        "<details open>",
        f"<summary>{e(words['panel'])} · {e(count)}</summary>",
        '<div class="hr-preview-body">',
    ]
    if score is not None:
        parts.append(_score_line(score, words, measures or {}))
    parts.append(
        f'<p class="hr-key">{e(words["key"])}: '
        f'<mark class="hr-mark hr-hard">{e(words["hard"])}</mark> '
        f'<mark class="hr-mark hr-very-hard">{e(words["very_hard"])}</mark> '
        f'<span class="hr-mark hr-term hr-sample">{e(words["term"])}</span></p>'
    )
    if items:
        parts.append('<ol class="hr-findings">')
        for item in items:
            parts.append(_list_item(item, item.number in placed, words, staff))
        parts.append("</ol>")
    # The command keeps its own direction in a right-to-left sentence.
    note = e(words["preview_only"]).replace("mkdocs serve", "<bdi><code>mkdocs serve</code></bdi>")
    parts.append(f'<p class="hr-note">{note}</p>')
    parts.append("</div></details></section>")
    return "\n".join(parts)


def _score_line(score: PageScore, words: Mapping[str, str], measures: Mapping[str, str]) -> str:
    e = html.escape
    label = measures.get(score.measure) or MEASURES[score.measure].label
    if score.too_short or score.score is None:
        shown, verdict, css = "", words["too_short"], "hr-none"
    else:
        shown = format_score(score.measure, score.score)
        verdict = words["within"] if score.passes else words["over"]
        css = "hr-within" if score.passes else "hr-over"
    limit = ""
    if score.limit is not None:
        bound = words["at_most" if score.easier == "lower" else "at_least"]
        limit = (
            f" · <strong>{e(words['limit'])}</strong>: "
            f'<span class="hr-limit">{e(bound.format(limit=format_score(score.measure, score.limit)))}</span>'
        )
    value = f'<span class="hr-score-value">{e(shown)}</span> · ' if shown else ""
    return (
        f'<p class="hr-score" id="hr-score"><strong>{e(words["score"])}</strong> '
        f"({e(label)}): {value}"
        f'<span class="hr-verdict {css}">{e(verdict)}</span>{limit}</p>'
    )


def _list_item(item: Item, placed: bool, words: Mapping[str, str], staff: str) -> str:
    e = html.escape
    n = item.number
    name = {"very-hard": "very_hard", "hard": "hard", "term": "term"}.get(item.kind, "other")
    where = f"{words['line'].format(line=item.finding.line)} · {words[name]}"
    if item.finding.rule == "readability.page":
        head = f'<a href="#hr-score">{e(where)}</a>'
    elif placed:
        head = f'<a href="#hr-at-{n}">{e(where)}</a>'
    else:
        unmarked = f" {words['not_marked']}" if item.kind != "other" else ""
        head = f"<strong>{e(where)}</strong>{e(unmarked)}"
    plain = ""
    if item.kind == "term":
        plain = f' <span class="hr-plain" id="hr-plain-{n}">{e(_plain_words(item, words))}</span>'
    return (
        f'<li class="hr-item hr-item-{item.kind}" id="hr-item-{n}">{head}{plain} '
        f'<span class="hr-message"{staff}>{e(item.finding.message)}</span></li>'
    )


# ---------------------------------------------------------------------------------------
# Words and stylesheet (package data)


@lru_cache(maxsize=1)
def _all_words() -> dict[str, dict[str, Any]]:
    text = resources.files("homeroom").joinpath(_FOLDER).joinpath("strings.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def words_for(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """The preview's words in a language, and its names for measures (English fills gaps)."""
    data = _all_words()
    english = data.get("en", {})
    own = data.get(language) or data.get(base_language(language)) or {}
    merged = {k: str(v) for k, v in {**english, **own}.items() if k != "measures"}
    measures = {str(k): str(v) for k, v in (own.get("measures") or {}).items()}
    return merged, measures


def asset(name: str) -> str:
    """The text of one of the preview's files (``preview.css``, ``preview.js``: package data)."""
    return resources.files("homeroom").joinpath(_FOLDER).joinpath(name).read_text("utf-8")


def preview(
    content: str,
    source: Source | None,
    findings: Sequence[Finding],
    metrics: Mapping[str, Any] | None,
    language: str,
) -> str:
    """A page's HTML with its findings marked and the panel before it.

    ``content`` is the page's HTML (the Markdown rendered); ``findings`` are the page's
    own (:func:`findings_for`), ``metrics`` its figures from the run (its readability
    score), ``language`` the page's language.
    """
    if f'id="{PANEL_ID}"' in content:
        return content
    words, measures = words_for(language)
    items = items_for(source, findings)
    marked, placed = mark(content, items, words)
    score = page_score(metrics or {})
    return panel(items, placed, score, words, language, measures) + "\n" + marked
