"""Read a district's export of "Was this page clear?" answers (CSV), one answer a row.

Forms, e-mail inboxes and text-message platforms export differently, so the reader is
forgiving about the form and strict about the facts:

- UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode Text") or Windows-1252, with
  commas, semicolons or tabs;
- columns found by name in any of the site's languages (``page``, ``lang``/``language``,
  ``version``, ``clear``, ``reason``, ``comment``, ``date``), or a ``url`` column holding
  the link a family followed (its ``page``, ``lang``, ``version`` and ``clear``) or the
  page's address (``https://.../es/grade-3/``);
- answers ``yes``/``no`` in any site language (``sí``, ``không``, ``نعم``), ``true``/``false``,
  ``1``/``0``; reasons by their code or their words in any language, several in one cell
  separated by ``;`` or ``|``, anything else counted as ``other``.

Every row that cannot be read is a problem naming its line; the caller writes nothing
when there is one. What a family typed (a comment, a reason in their own words) is never
kept: only counts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from homeroom.data.feedback_answers import PageAnswers
from homeroom.model.errors import InputError
from homeroom.text.family_words import REASONS, family_words

_COLUMNS = {
    "page": ("page", "pagina", "página", "trang", "الصفحة", "page id", "page name"),
    "language": ("lang", "language", "idioma", "ngôn ngữ", "اللغة", "locale"),
    "version": ("version", "versión", "phiên bản", "الإصدار"),
    "clear": ("clear", "answer", "clara", "claro", "rõ", "واضحة", "was it clear"),
    "reason": ("reason", "reasons", "why", "razón", "motivo", "lý do", "السبب"),
    "comment": ("comment", "comments", "comentario", "ý kiến", "تعليق", "message"),
    "date": ("date", "when", "timestamp", "submitted", "submitted at", "fecha", "ngày", "التاريخ"),
    "url": ("url", "link", "address", "page url", "enlace"),
}
_YES = {"yes", "y", "true", "1", "clear"}
_NO = {"no", "n", "false", "0", "not clear", "unclear"}
_VERSION = re.compile(r"^[0-9a-f]{16}$")


@dataclass
class _Tally:
    answers: int = 0
    not_clear: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[¿?¡!.:;,\"']", " ", text).casefold().split())


@dataclass
class ReadAnswers:
    """What one export held: the counts, how many rows and comments, and every problem."""

    entries: list[PageAnswers] = field(default_factory=list)
    rows: int = 0
    comments: int = 0
    problems: list[InputError] = field(default_factory=list)


def decode_export(raw: bytes, display: str) -> str:
    """The export's text, whichever of the usual encodings it was saved in."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict") if _cp1252_ok(raw) else _bad(display)


def _cp1252_ok(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _bad(display: str) -> str:
    raise InputError(
        display,
        "this file is not text Homeroom can read (UTF-8, UTF-16 or Windows-1252). Save the "
        'export as CSV ("CSV UTF-8" in Excel) and import it again.',
    )


def _columns(header: list[str]) -> dict[str, int]:
    names = {k: {_fold(n) for n in v} for k, v in _COLUMNS.items()}
    for code in ("en", "es", "vi", "ar"):
        names["clear"].add(_fold(family_words(code).get("feedback", "title")))
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = _fold(cell)
        for key, options in names.items():
            if folded in options and key not in found:
                found[key] = index
    return found


def _answer_words(languages: Iterable[str]) -> tuple[set[str], set[str]]:
    yes, no = set(_YES), set(_NO)
    for code in languages:
        words = family_words(code)
        yes.add(_fold(words.get("feedback", "yes")))
        no.add(_fold(words.get("feedback", "no")))
    return yes, no


def _reason_words(languages: Iterable[str]) -> dict[str, str]:
    found = {code: code for code in REASONS}
    for language in languages:
        words = family_words(language)
        found.update({_fold(words.reason(code)): code for code in REASONS})
    return found


def _date(text: str) -> str:
    text = text.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return iso.group(0)
    us = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    return f"{us.group(3)}-{int(us.group(1)):02d}-{int(us.group(2)):02d}" if us else ""


def _from_url(url: str, languages: tuple[str, ...]) -> dict[str, str]:
    """The page, language, version and answer a link or address names."""
    parts = urlsplit(url.strip())
    query = {k: v[0] for k, v in parse_qs(parts.query).items() if v}
    found: dict[str, str] = {k: query[k] for k in ("page", "version", "clear") if k in query}
    if "lang" in query:
        found["language"] = query["lang"]
    if "page" not in found and parts.path:
        steps = [s for s in parts.path.split("/") if s]
        if steps and steps[0] in languages[1:]:
            found.setdefault("language", steps.pop(0))
        found["page"] = "/".join(steps).removesuffix(".html") or "index"
        found.setdefault("language", languages[0])
    return found


def read_export(text: str, display: str, languages: tuple[str, ...]) -> ReadAnswers:
    """Count the answers of an export; ``languages``: the site's, the default first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    sample = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=sample.count)
    result = ReadAnswers()
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        result.problems.append(
            InputError(display, f"this is not a CSV file Homeroom can read ({exc}). Export again.")
        )
        return result
    if not rows:
        result.problems.append(InputError(display, "this file is empty: export the answers again."))
        return result
    columns = _columns(rows[0])
    if "page" not in columns and "url" not in columns:
        result.problems.append(
            InputError(
                display,
                "the first row names no `page` (or `url`) column, so no answer can be matched "
                "with a page. Name the columns page, lang, version, clear and reason.",
                line=1,
            )
        )
        return result
    yes, no = _answer_words(languages)
    reasons = _reason_words(languages)
    counts: dict[tuple[str, str, str], _Tally] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        values = _from_url(cell("url"), languages) if cell("url") else {}
        for key in ("page", "language", "version", "clear"):
            if cell(key):
                values[key] = cell(key)
        page = values.get("page", "").strip("/").removesuffix(".md")
        language = values.get("language", "")
        version = values.get("version", "").lower()
        answer = _fold(values.get("clear", ""))
        problem = ""
        if not page:
            problem = "has no page"
        elif language not in languages:
            problem = f"names the language {language!r}, not one of {', '.join(languages)}"
        elif answer not in yes and answer not in no:
            problem = f"answers {values.get('clear', '')!r}: expected yes or no"
        elif version and not _VERSION.match(version):
            problem = f"has the version {version!r}, which no page link carries"
        if problem:
            result.problems.append(
                InputError(display, f"this answer {problem}; fix the row or delete it.", number)
            )
            continue
        result.rows += 1
        if cell("comment"):
            result.comments += 1
        tally = counts.setdefault((page, language, version), _Tally())
        tally.answers += 1
        if answer in no:
            tally.not_clear += 1
            for code in reasons_in(cell("reason"), reasons):
                tally.reasons[code] = tally.reasons.get(code, 0) + 1
        if _date(cell("date")):
            tally.dates.append(_date(cell("date")))
    for (page, language, version), tally in sorted(counts.items()):
        result.entries.append(
            PageAnswers(
                page=page,
                language=language,
                version=version,
                answers=tally.answers,
                not_clear=tally.not_clear,
                reasons=dict(tally.reasons),
                first=min(tally.dates, default=""),
                last=max(tally.dates, default=""),
            )
        )
    return result


def reasons_in(text: str, known: dict[str, str]) -> list[str]:
    """The reason codes in one cell; words Homeroom does not know count as ``other``."""
    codes: list[str] = []
    for part in re.split(r"[;|\n]", text):
        folded = _fold(part)
        if not folded:
            continue
        code = known.get(folded, "other")
        if code not in codes:
            codes.append(code)
    return codes
