"""Content that can never be right on a family page: code that runs, and unfinished notes.

Every rule here is an error and none can be allowed with ``homeroom allow`` or
``allow:``: a family page never needs to run code, show another site inside itself,
send its readers elsewhere without asking, or collect what they type.

- ``content.script``: a ``<script>`` element.
- ``content.event-handler``: an ``on...=`` attribute (``onclick``, ``onerror``...) on an
  HTML tag or in a Markdown attribute list (``{: onclick="..." }``).
- ``content.javascript-url``: an address that runs code or holds a hidden page
  (``javascript:``, ``vbscript:``, ``data:`` other than a picture) in an HTML attribute,
  a Markdown link or image, or a link reference.
- ``content.redirect``: ``<meta http-equiv="refresh">`` or ``<base>``.
- ``content.iframe``: ``<iframe>``, ``<frame>``, ``<frameset>``.
- ``content.embed``: ``<object>``, ``<embed>``, ``<applet>``, ``<portal>``.
- ``content.form``: ``<form>``.
- ``content.placeholder``: a note ``homeroom new`` wrote ("To write: ...") still there.
- ``content.script-file``: a script file inside the content folder
  (:func:`script_files`, a check of the folder, not of a page).

The page check also reports the page's ``allow`` entries that allow nothing
(:func:`homeroom.data.suppressions.problems`), once per page.

HTML and comments inside code blocks and code spans are examples the page shows, not
HTML it contains, and are never flagged (:mod:`homeroom.text.code_mask`). The front matter
is read as it is: Material writes ``title:`` and ``description:`` into the page unescaped.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from homeroom.checks import PageResult
from homeroom.checks.content_html import (
    EVENT_HANDLER,
    MESSAGES,
    Hit,
    html_hits,
    url_hit,
    url_problem,
)
from homeroom.data import suppressions
from homeroom.data.placeholders import placeholder_words
from homeroom.data.settings import Settings
from homeroom.data.sources import DATA_DIR, Source, display_path
from homeroom.model.findings import Finding, Severity
from homeroom.text.code_mask import mask_code
from homeroom.text.lang import language_data_files
from homeroom.text.prose import ProseDocument

#: Version of these rules: part of the check's fingerprint, so cached results never
#: outlive a change to them.
RULES_VERSION = "1"

# Markdown link targets: [text](target), ![alt](target), [label]: target.
_INLINE_TARGET = re.compile(
    r"\]\([ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))"
)
_REFERENCE = re.compile(
    r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))", re.MULTILINE
)
# A Markdown attribute list, `{: #id .class key="value" }`, and its key=value pairs.
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<body>[^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"(?P<key>[^\s=}\"']+)=(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]*)")


# A note from `homeroom new`, at the start of a line: after any quote or list marker
# and any emphasis.
# Read from every language's package data the first time a page is checked (a run whose
# results are all cached reads none of it).
@cache
def _placeholder() -> tuple[tuple[str, ...], re.Pattern[str]]:
    words = tuple(sorted(set(placeholder_words().values())))
    pattern = re.compile(
        r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[*_]{0,3}[ \t]*"
        r"(?P<words>" + "|".join(re.escape(w) for w in words) + ")",
        re.MULTILINE,
    )
    return words, pattern


_PLACEHOLDER_MESSAGE = (
    "This is a note from `homeroom new` saying what to write here (`{words}`). Families "
    "would see it as an unfinished page. Write this part for families, then delete the note."
)

#: Files a browser runs as code when the site publishes them.
SCRIPT_SUFFIXES = (".js", ".mjs", ".cjs")
#: Files a browser opens as a page of their own (no theme, no security policy) and that
#: may hold a script.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl")


def markdown_hits(masked: str) -> list[Hit]:
    """Markdown links, images, link references and attribute lists that run code."""
    hits: list[Hit] = []
    if "](" in masked or "]:" in masked:
        for pattern in (_INLINE_TARGET, _REFERENCE):
            for m in pattern.finditer(masked):
                group = "angle" if m.group("angle") is not None else "bare"
                value = m.group(group)
                problem = url_problem(value)
                if problem is not None:
                    hits.append(url_hit(problem, m.start(group), value))
    if "{" in masked:
        for m in _ATTR_LIST.finditer(masked):
            for pair in _ATTR_PAIR.finditer(m.group("body")):
                key, value = pair.group("key"), pair.group("value").strip("\"'")
                where = m.start("body") + pair.start()
                if EVENT_HANDLER.fullmatch(key):
                    message = MESSAGES["content.event-handler"].format(name=key)
                    hits.append(Hit("content.event-handler", where, key, message))
                problem = url_problem(value, key)
                if problem is not None:
                    quoted = pair.group("value")[:1] in ("'", '"')
                    at = m.start("body") + pair.start("value") + (1 if quoted else 0)
                    hits.append(url_hit(problem, at, value))
    return hits


def placeholder_hits(masked: str) -> list[Hit]:
    """Each note from ``homeroom new`` left in the text, in any language it writes."""
    every, pattern = _placeholder()
    if not any(words in masked for words in every):
        return []
    hits = []
    for m in pattern.finditer(masked):
        words = m.group("words")
        line_end = masked.find("\n", m.start("words"))
        note = masked[m.start("words") : line_end if line_end >= 0 else len(masked)]
        note = note.strip().rstrip("*_").strip()
        shown = note if len(note) <= 60 else note[:57] + "..."
        hits.append(
            Hit(
                "content.placeholder",
                m.start("words"),
                words,
                _PLACEHOLDER_MESSAGE.format(words=shown),
            )
        )
    return hits


def _position(line_starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


class ContentCheck:
    """Report code, embedded sites, redirects, forms and unfinished notes on a page."""

    name = "content"

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Every unsafe or unfinished thing on the page, and its ``allow`` entries that allow nothing."""
        masked = mask_code(source.text)
        hits = [*html_hits(masked), *markdown_hits(masked), *placeholder_hits(masked)]
        findings: list[Finding] = []
        seen: set[tuple[str, int]] = set()
        for hit in sorted(hits, key=lambda h: (h.offset, h.rule)):
            if (hit.rule, hit.offset) in seen:
                continue
            seen.add((hit.rule, hit.offset))
            line, column = doc.position(hit.offset)
            findings.append(
                Finding(
                    path=source.display,
                    line=line,
                    column=column,
                    rule=hit.rule,
                    severity=Severity.ERROR,
                    message=hit.message,
                    match=hit.match,
                    language=source.language,
                )
            )
        findings.extend(suppressions.problems(source))
        return PageResult(findings=tuple(findings))


def _walk(docs_dir: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(docs_dir):
        # Editorial data is never published; hidden folders (.git, .github) are not either.
        at_top = Path(root) == docs_dir
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (at_top and d == DATA_DIR)
        )
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def script_files(docs_dir: Path, project_root: Path | None = None) -> list[Finding]:
    """Every file in the content folder that a browser would run as code.

    MkDocs publishes every file in the content folder next to the pages, on the site's
    own address, where the security policy (scripts from this site only) lets it run.
    Script files (``.js``, ``.mjs``, ``.cjs``) are reported whatever they hold; pages and
    pictures that open on their own (``.html``, ``.svg`` ...) when they hold code, at its
    line. The theme's own scripts live in ``overrides/``, outside the content folder.
    """
    if not docs_dir.is_dir():
        return []
    findings: list[Finding] = []
    for path in _walk(docs_dir):
        suffix = path.suffix.lower()
        shown = display_path(path, project_root)
        if suffix in SCRIPT_SUFFIXES:
            findings.append(
                Finding(
                    path=shown,
                    line=1,
                    column=1,
                    rule="content.script-file",
                    severity=Severity.ERROR,
                    message=(
                        f"This is a script file ({suffix}), and everything in the content "
                        "folder is published on the site's own address, where it could run "
                        "with the district's name on it. Remove it from the content folder; "
                        "the theme's own scripts live in overrides/."
                    ),
                    match=path.name,
                )
            )
        elif suffix in DOCUMENT_SUFFIXES:
            finding = _document_with_code(path, shown, suffix)
            if finding is not None:
                findings.append(finding)
    return findings


def _document_with_code(path: Path, shown: str, suffix: str) -> Finding | None:
    """A finding for a page or picture that opens on its own and holds code."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if suffix == ".svgz":
        import gzip

        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            return None
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    hits = [h for h in html_hits(text) if h.rule in _RUNS_CODE]
    if not hits:
        return None
    first = min(hits, key=lambda h: h.offset)
    line_starts = (0, *(m.end() for m in re.finditer("\n", text)))
    line, column = _position(line_starts, first.offset)
    return Finding(
        path=shown,
        line=line,
        column=column,
        rule="content.script-file",
        severity=Severity.ERROR,
        message=(
            f"This file holds code that runs when it is opened ({first.match} on line {line}), "
            "and everything in the content folder is published as it is, outside the site's "
            "pages and their safety rules. Remove the code, or the file."
        ),
        match=first.match,
    )


_RUNS_CODE = {"content.script", "content.event-handler", "content.javascript-url"}


def data_files(settings: Settings) -> list[Path]:
    """The data files the check's results depend on (for the cache's fingerprint).

    Only the language word lists shipped with Homeroom (the notes of ``homeroom new``).
    """
    return language_data_files()


def build(settings: Settings) -> ContentCheck:
    """The content check (it needs no data: its rules are the same on every site)."""
    return ContentCheck()
