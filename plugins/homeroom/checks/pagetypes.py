"""Page types: every page says what kind of page it is and has that kind's sections.

- ``pagetype.unknown``: ``type:`` names a type the site's data does not list.
- ``pagetype.missing-type``: a page has no ``type:`` (a warning).
- ``pagetype.section``: a required section is missing; reported where it should go, with
  its heading in the page's language and the ``{#id}`` to add.
- ``pagetype.order``: required sections are out of order (a warning).

Sections are found by their heading ids (``## Math {#math}``), which are the same in every
language, so one list of sections checks English, Spanish and Arabic pages alike.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from homeroom.checks import PageResult
from homeroom.data.options import PageTypesOptions
from homeroom.data.page_types import PAGE_TYPES_FILE, PageType, PageTypes, Section, load_page_types
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, display_path, setting_position
from homeroom.model.errors import InputError
from homeroom.model.findings import Finding, Severity
from homeroom.text import prose
from homeroom.text.prose import ProseDocument

# An attribute list at the end of a heading: `{#math}`, `{: #math .wide }`.
_ATTR_LIST = re.compile(r"\{:?(?P<attrs>[^{}]*)\}\s*$")
_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")


@dataclass(frozen=True)
class Heading:
    """A heading of the page: its id (if it has one), its level, text and line."""

    id: str | None
    level: int
    text: str
    line: int


def headings(text: str) -> list[Heading]:
    """Every heading of a Markdown text, with the id of its attribute list.

    The tokens are the prose's (parsed once per page; front matter is parsed, so its
    `---` lines are never read as headings). A heading inside an admonition is the
    admonition's, not a section of the page, so it is left out.
    """
    tokens = prose.tokens(text)
    found: list[Heading] = []
    in_admonition = 0
    for index, token in enumerate(tokens):
        if token.type == "admonition_open":
            in_admonition += 1
        elif token.type == "admonition_close":
            in_admonition -= 1
        if token.type != "heading_open" or token.map is None or in_admonition:
            continue
        content = tokens[index + 1].content if index + 1 < len(tokens) else ""
        match = _ATTR_LIST.search(content)
        found_id = _ID.search(match.group("attrs")) if match is not None else None
        section_id = None
        # Only braces that give an id are an attribute list here; `{1, 2}` stays text.
        if match is not None and found_id is not None:
            section_id = found_id.group("id")
            content = content[: match.start()]
        found.append(Heading(section_id, int(token.tag[1:]), content.strip(), token.map[0] + 1))
    return found


def _type_line(source: Source) -> tuple[int, int]:
    """Line and column of the page-type setting's value in the front matter."""
    return setting_position(source, source.type_key)


class PageTypesCheck:
    """Check each page against the sections its type requires."""

    name = "pagetypes"

    def __init__(self, page_types: PageTypes | None) -> None:
        """Use these page types; with None (no data file) the check finds nothing."""
        self.page_types = page_types

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Report an unknown or missing type, missing sections and sections out of order."""
        types = self.page_types
        if types is None:
            return PageResult()
        raw_type = source.page_type
        if raw_type is None:
            return PageResult(findings=(self._missing_type(source, types),))
        page_type = types.get(str(raw_type))
        if page_type is None:
            return PageResult(findings=(self._unknown(source, types, str(raw_type)),))
        page_headings = headings(source.text)
        findings = self._missing_sections(source, page_type, page_headings)
        findings += self._out_of_order(source, page_type, page_headings)
        return PageResult(findings=tuple(findings), metrics={"page_type": page_type.name})

    @staticmethod
    def _missing_type(source: Source, types: PageTypes) -> Finding:
        return Finding(
            path=source.display,
            line=1,
            column=1,
            rule="pagetype.missing-type",
            severity=Severity.WARNING,
            message=(
                "This page does not say what kind of page it is, so nobody can check that it "
                "answers the questions families bring to it. Add a line such as "
                f"`{source.type_key}: grade-expectations` to the settings block at the top "
                f"(between the `---` lines). Page types: {', '.join(types.names)}."
            ),
            language=source.language,
        )

    @staticmethod
    def _unknown(source: Source, types: PageTypes, name: str) -> Finding:
        line, column = _type_line(source)
        close = difflib.get_close_matches(name, types.names, n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="pagetype.unknown",
            severity=Severity.ERROR,
            message=(
                f"`{source.type_key}: {name}` is not a page type this site knows, so Homeroom cannot check "
                f"that the page has the sections families expect.{hint} Use one of: "
                f"{', '.join(types.names)} (listed in {types.display})."
            ),
            match=name,
            suggestion=close[0] if close else "",
            language=source.language,
        )

    def _missing_sections(
        self, source: Source, page_type: PageType, page_headings: list[Heading]
    ) -> list[Finding]:
        by_id = {h.id: h for h in page_headings if h.id is not None}
        findings: list[Finding] = []
        lines = source.text.rstrip("\n").count("\n") + 1
        for index, section in enumerate(page_type.sections):
            if section.id in by_id:
                continue
            line, where = self._insertion_point(page_type, index, by_id, page_headings, lines)
            label = section.heading(source.language)
            findings.append(
                Finding(
                    path=source.display,
                    line=line,
                    column=1,
                    rule="pagetype.section",
                    severity=Severity.ERROR,
                    message=(
                        f'This {page_type.name} page has no "{label}" section. Families look '
                        "for the same sections on every page of this kind, in every language. "
                        f"{where} add the heading `## {label} {{#{section.id}}}`; the "
                        f"`{{#{section.id}}}` part stays the same in every language."
                        + _already_there(section, page_headings, source.language)
                    ),
                    suggestion=f"## {label} {{#{section.id}}}",
                    language=source.language,
                )
            )
        return findings

    @staticmethod
    def _insertion_point(
        page_type: PageType,
        index: int,
        by_id: dict[str, Heading],
        page_headings: list[Heading],
        lines: int,
    ) -> tuple[int, str]:
        """Where a missing section belongs: above the next required one, else after the last."""
        for later in page_type.sections[index + 1 :]:
            if later.id in by_id:
                heading = by_id[later.id]
                return heading.line, f'Above "{heading.text}" (line {heading.line}),'
        for earlier in reversed(page_type.sections[:index]):
            if earlier.id in by_id:
                heading = by_id[earlier.id]
                following = [
                    h for h in page_headings if h.line > heading.line and h.level <= heading.level
                ]
                if following:
                    return following[0].line, f'After the "{heading.text}" section, here,'
                return lines, "At the end of the page,"
        subheadings = [h for h in page_headings if h.level >= 2]
        if subheadings:
            return subheadings[0].line, "Here,"
        return lines, "At the end of the page,"

    @staticmethod
    def _out_of_order(
        source: Source, page_type: PageType, page_headings: list[Heading]
    ) -> list[Finding]:
        findings: list[Finding] = []
        furthest: tuple[int, Heading] | None = None
        seen: set[str] = set()
        for heading in page_headings:
            rank = page_type.rank(heading.id) if heading.id else None
            if rank is None or heading.id in seen:
                continue
            seen.add(str(heading.id))
            if furthest is not None and rank < furthest[0]:
                ahead = furthest[1]
                findings.append(
                    Finding(
                        path=source.display,
                        line=heading.line,
                        column=1,
                        rule="pagetype.order",
                        severity=Severity.WARNING,
                        message=(
                            f'The "{heading.text}" section (`#{heading.id}`) comes after '
                            f'"{ahead.text}" (line {ahead.line}), but on every {page_type.name} '
                            "page it comes before it. Families find their way faster when "
                            f"sections are always in the same order. Move it above line {ahead.line}."
                        ),
                        match=heading.text,
                        language=source.language,
                    )
                )
            elif furthest is None or rank > furthest[0]:
                furthest = (rank, heading)
        return findings


def _already_there(section: Section, page_headings: list[Heading], language: str) -> str:
    """A hint when the page has the heading but without its id."""
    wanted = section.heading(language).casefold().rstrip("?:. ")
    for heading in page_headings:
        if heading.id is None and heading.text.casefold().rstrip("?:. ") == wanted:
            return (
                f" Line {heading.line} looks like this section: add `{{#{section.id}}}` "
                "at the end of its heading."
            )
    return ""


def data_files(settings: Settings) -> list[Path]:
    """The data files the check's results depend on (for the cache's fingerprint)."""
    return [settings.data_dir / (settings.options(PageTypesOptions).types or PAGE_TYPES_FILE)]


def build(settings: Settings) -> PageTypesCheck:
    """The page-types check with the site's data (``content/_data/page-types.yml``).

    A site that lists ``homeroom/pagetypes`` in mkdocs.yml must have the data file; run
    without configuration, a folder with no data file is simply not checked for types.
    """
    name = settings.options(PageTypesOptions).types or PAGE_TYPES_FILE
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    if not path.exists():
        if not settings.listed(PageTypesOptions):
            return PageTypesCheck(None)
        raise InputError(
            shown,
            "this file does not exist. It lists the page types and their sections; "
            "create it, or set `types:` under homeroom/pagetypes in mkdocs.yml to the right file.",
        )
    return PageTypesCheck(load_page_types(path, shown))
