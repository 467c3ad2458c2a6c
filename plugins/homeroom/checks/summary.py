"""Text-message summaries: ``summary:`` in a page's settings, short and plain enough to text.

Families often prefer a text message to a web page. Each family page may carry, in its
settings block, a ``summary:`` that a district's messaging platform sends with the page's
link (``homeroom export messages``). The summary is checked like the page's prose, at its
own line and column, by the site's jargon and readability checks (a text is read alone,
so a term must be explained in the text itself), and:

- ``summary.length``: longer than ``segments`` text messages (one by default: 160
  characters, or 70 when a character needs UCS-2; :mod:`homeroom.text.sms`);
- ``summary.missing``: with ``required: true``, a family page in a required language
  without a summary;
- ``summary.form``: a ``summary:`` that is not one piece of text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from homeroom.checks import PageCheck, PageResult, jargon, readability
from homeroom.checks.translations.names import english_name
from homeroom.data.options import MessagesOptions
from homeroom.data.pageinfo import NOT_FOR_FAMILIES
from homeroom.data.placeholders import to_write
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.errors import ConfigError
from homeroom.model.findings import Finding, Severity
from homeroom.text.prose import ProseDocument, ProseUnit, _line_starts
from homeroom.text.sms import Message, measure

# The rules of the prose checks that apply to a text read on its own (not page scores).
_PROSE_RULES = re.compile(r"^(jargon|respect)\.|^readability\.(sentence|sentence-difficulty|word)$")
_KEY = re.compile(r"^summary[ \t]*:[ \t]*", re.MULTILINE)


def summary_text(source: Source) -> str | None:
    """The page's summary as one line of text (None when it has none or it is not text)."""
    value = source.meta.get("summary")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def summary_unit(source: Source) -> ProseUnit | None:
    """The summary as a unit of prose at its place in the file (quotes and markers blanked)."""
    front = source.text[: source.body_offset]
    match = _KEY.search(front)
    if match is None:
        return None
    end = match.end()
    # The value runs on over indented lines (a folded `>-` block or a long quoted text).
    lines = front[end:].split("\n")
    length = len(lines[0])
    for line in lines[1:]:
        if not line.startswith((" ", "\t")):
            break
        length += 1 + len(line)
    raw = front[end : end + length]
    masked = re.sub(r"^[>|][-+]?", lambda m: " " * len(m.group()), raw)
    masked = masked.replace('"', " ").replace("'", " ")
    return ProseUnit(kind="paragraph", start=end, text=masked)


class SummaryCheck:
    """Check each family page's text-message summary."""

    name = "messages"

    def __init__(
        self,
        options: MessagesOptions,
        required_languages: tuple[str, ...],
        prose_checks: list[PageCheck],
    ) -> None:
        """Use the plugin's options, the site's required languages and its prose checks."""
        self.options = options
        self.required_languages = required_languages
        self.prose_checks = prose_checks

    def fingerprint(self) -> str:
        """The rules are the prose checks' data, which the registry's fingerprint covers."""
        return f"messages:{self.options.required}:{self.options.segments}"

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """The summary's length and prose findings, or that a required one is missing."""
        if source.page_type in NOT_FOR_FAMILIES or source.page_type in ("glossary", "report-card"):
            return PageResult()
        raw = source.meta.get("summary")
        text = summary_text(source)
        if raw is not None and text is None:
            return PageResult(findings=(self._finding(source, "summary.form", self._form()),))
        if text is None:
            if self.options.required and source.language in self.required_languages:
                return PageResult(findings=(self._missing(source),))
            return PageResult()
        if text.startswith(to_write(source.language)):
            return PageResult(findings=(self._note(source),))
        findings = self._prose(source)
        message = measure(text)
        segments = int(self.options.segments)
        if message.segments > segments:
            findings.append(self._too_long(source, message.length, message, segments))
        metrics = {"summary": {"characters": message.length, "encoding": message.encoding}}
        return PageResult(findings=tuple(findings), metrics=metrics)

    def _prose(self, source: Source) -> list[Finding]:
        unit = summary_unit(source)
        if unit is None:
            return []
        doc = ProseDocument(
            source=source.text, units=(unit,), line_starts=_line_starts(source.text)
        )
        found: list[Finding] = []
        for check in self.prose_checks:
            for finding in check.check_page(source, doc).findings:
                if _PROSE_RULES.search(finding.rule):
                    found.append(
                        replace(finding, message="In the text-message summary: " + finding.message)
                    )
        return found

    def _line(self, source: Source) -> tuple[int, int]:
        match = _KEY.search(source.text[: source.body_offset])
        if match is None:
            return 1, 1
        return source.text.count("\n", 0, match.start()) + 1, 1

    def _finding(
        self, source: Source, rule: str, message: str, severity: Severity = Severity.ERROR
    ) -> Finding:
        line, column = self._line(source)
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule=rule,
            severity=severity,
            message=message,
            language=source.language,
        )

    def _note(self, source: Source) -> Finding:
        return self._finding(
            source,
            "content.placeholder",
            "The text-message summary is still the note `homeroom new` left, so families "
            "would get it as a text. Write one or two plain sentences about the page in its "
            "place.",
        )

    @staticmethod
    def _form() -> str:
        return (
            '`summary:` must be one piece of text, such as `summary: "Grade 3: what your '
            'child learns this year, and 5 free ways to help at home."`, so it can be sent '
            "as a text message."
        )

    def _missing(self, source: Source) -> Finding:
        name = english_name(source.language)
        limit = "160 characters (70 if it has letters such as á or ó)"
        return self._finding(
            source,
            "summary.missing",
            f"This {name} page has no text-message summary. Many families read texts before "
            "they open a web page; the district sends each page's summary with its link. Add "
            f'`summary: "..."` to the settings block: one or two plain sentences, at most {limit}.',
        )

    @staticmethod
    def _plural(n: int) -> str:
        return "one text message" if n == 1 else f"{n} text messages"

    def _too_long(self, source: Source, length: int, message: Message, segments: int) -> Finding:
        limit = message.limit(segments)
        why = ""
        if message.encoding == "UCS-2":
            shown = " ".join(message.outside[:5])
            why = (
                f" It has letters a basic text message cannot carry ({shown}), so it is sent "
                "in the code for all languages, which holds fewer characters."
            )
        return self._finding(
            source,
            "summary.length",
            f"This text-message summary has {length} characters; {self._plural(segments)} "
            f"{'holds' if segments == 1 else 'hold'} {limit}.{why} A longer text is split into parts that cost more and can "
            f"arrive out of order. Cut it to {limit} characters: keep what the family should "
            "know or do, and let the link give the rest.",
        )


def data_files(settings: Settings) -> list[Path]:
    """The prose checks' data (for the cache's fingerprint)."""
    return [*jargon.data_files(settings), *readability.data_files(settings)]


def build(settings: Settings) -> SummaryCheck:
    """The summary check, with the site's jargon and readability checks when they are on."""
    options = settings.options(MessagesOptions)
    if options.segments not in (1, 2):
        raise ConfigError(
            "mkdocs.yml: homeroom/messages option `segments` is "
            f"{options.segments:g}; expected 1 or 2 (text messages), for example `segments: 2`."
        )
    prose: list[PageCheck] = []
    if not settings.plugins or settings.enabled("jargon"):
        prose.append(jargon.build(settings))
    if not settings.plugins or settings.enabled("readability"):
        prose.append(readability.build(settings))
    return SummaryCheck(options, settings.required_languages, prose)
