"""The attacker's reader: published report-card HTML into sections, tables and sentences.

Standard library only, and no code shared with the privacy engine. It knows only the
published layout (``homeroom/reportcards/tables.py``): ``h2`` sections with ids, ``h3``
parts inside them (an earlier year, ``reading-2024-25``, or the table of years,
``reading-years``), tables in each, the "at a glance" list, and one chart per section
whose second text is the school's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

INF = 10**9


@dataclass
class Value:
    """A published cell: exact percent (or count for n), a bound, hidden, or not given."""

    kind: str  # "exact", "below", "above", "hidden", "none" (a number the state never gave)
    number: int | None = None

    def key(self) -> tuple[str, int | None]:
        return (self.kind, self.number)


def parse_value(text: str) -> Value:
    text = text.replace("\xa0", " ").replace("\u202f", " ").strip()
    if text in ("–", "-", "—"):
        return Value("none")
    if "*" in text:
        return Value("hidden")
    digits = re.sub(r"[^\d]", "", text)
    if not digits:
        return Value("hidden")
    if text.startswith("<"):
        return Value("below", int(digits))
    if text.startswith(">"):
        return Value("above", int(digits))
    return Value("exact", int(digits))


PERCENT = re.compile(r"(?<![\d.,])(\d{1,3})\s?[\xa0\u202f]?%")


@dataclass
class PageData:
    path: Path
    lang: str = ""
    # (h2 id, h3 id or "") -> tables (rows of cell texts, header row left out)
    parts: dict[tuple[str, str], list[list[list[str]]]] = field(default_factory=dict)
    # h2 id -> the text of its paragraphs and list items (not tables, not charts)
    prose: dict[str, list[str]] = field(default_factory=dict)
    glance_links: dict[str, str] = field(default_factory=dict)
    charts: dict[str, list[str]] = field(default_factory=dict)
    index_rows: list[tuple[str, list[str]]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: PageData) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.h2 = ""
        self.h3 = ""
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.in_th = False
        self.text: list[str] | None = None
        self.li_link = ""
        self.svg_depth = 0
        self.svg_texts: list[str] = []
        self.in_svg_text = False
        self.row_link = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.page.lang = (a.get("lang") or "").split("-")[0]
        elif tag == "h2":
            self.h2, self.h3 = a.get("id") or "", ""
        elif tag == "h3":
            self.h3 = a.get("id") or ""
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row, self.row_link = [], ""
        elif tag in ("td", "th") and self.row is not None:
            self.cell, self.in_th = [], tag == "th"
        elif tag == "a" and self.row is not None and a.get("href"):
            self.row_link = a["href"] or ""
        elif tag in ("p", "li") and self.table is None and not self.svg_depth:
            self.text, self.li_link = [], ""
        elif tag == "a" and self.text is not None and (a.get("href") or "").startswith("#"):
            self.li_link = self.li_link or (a.get("href") or "")[1:]
        elif tag == "svg":
            self.svg_depth += 1
            self.svg_texts = []
        elif tag == "text" and self.svg_depth:
            self.in_svg_text = True
            self.svg_texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            if not self.in_th:
                self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table is not None:
            if self.row:
                self.table.append(self.row)
                if self.h2 in ("", "top"):
                    self.page.index_rows.append((self.row_link, self.row))
            self.row = None
        elif tag == "table" and self.table is not None:
            self.page.parts.setdefault((self.h2, self.h3), []).append(self.table)
            self.table = None
        elif tag in ("p", "li") and self.text is not None:
            text = "".join(self.text)
            self.page.prose.setdefault(self.h2, []).append(text)
            if tag == "li" and self.h2 == "at-a-glance" and self.li_link:
                self.page.glance_links[self.li_link] = text
            self.text = None
        elif tag == "text" and self.in_svg_text:
            self.in_svg_text = False
        elif tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
            if self.svg_texts and self.h2 not in self.page.charts:
                self.page.charts[self.h2] = self.svg_texts

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self.text is not None:
            self.text.append(data)
        if self.in_svg_text and self.svg_texts:
            self.svg_texts[-1] += data


def read_page(path: Path) -> PageData:
    page = PageData(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page
