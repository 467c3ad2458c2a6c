"""An independent attacker: read only the published HTML of the report cards and try to
work out any hidden value.

It shares no code with the privacy engine (``homeroom.reportcards``): it parses the built
site with the standard library's HTML parser and knows only what any reader knows, the
published layout (documented in ``homeroom/reportcards/render.py``):

- a school page has sections ``#reading``, ``#math``, ``#science``; in each, the first
  table lists groups of students: all students, then pairs of groups that add up to all
  students; a second table, when there is one, lists grades that add up to all students;
- columns: group, number tested, levels 1-4 (percent of those tested), "met" (levels 3+4);
- a cell is a whole percentage, ``<5%`` / ``>95%``, or the marker ``*`` (hidden);
- the "at a glance" list links each fact to its section (``#reading``) and the chart of a
  section shows the school's share first; the index page links each school and shows its
  reading and math shares.

Attacks: (1) bounds: every count lies in the range its published percentage and group
size allow; ranges are tightened through every set that adds up, to a fixed point;
(2) linear algebra: hidden counts are eliminated across all the sets at once, and a
hidden count isolated with a published right-hand side whose range holds one whole
number is recovered; (3) consistency: the same quantity must be hidden or shown the same
in every language and on every page (glance, chart, tables, index); (4) no exact 0% or
100%, no group smaller than the minimum size shown.

Run it: ``python tests/reportcards/adversary.py SITE_DIR [--min-n 10]``.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

INF = 10**9
SUBJECTS = ("reading", "math", "science")
MEASURES = ("n", "l1", "l2", "l3", "l4", "met")


@dataclass
class Value:
    """A published cell: exact percent (or count for n), a bound, or hidden."""

    kind: str  # "exact", "below", "above", "hidden"
    number: int | None = None

    def key(self) -> tuple[str, int | None]:
        return (self.kind, self.number)


def parse_value(text: str) -> Value:
    text = text.replace("\xa0", " ").replace("\u202f", " ").strip()
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


@dataclass
class PageData:
    path: Path
    lang: str = ""
    sections: dict[str, list[list[list[str]]]] = field(default_factory=dict)
    glance_links: dict[str, str] = field(default_factory=dict)
    charts: dict[str, str] = field(default_factory=dict)
    index_rows: list[tuple[str, list[str]]] = field(default_factory=list)


class _Parser(HTMLParser):
    """Collects tables per h2 section, glance list items and chart values."""

    def __init__(self, page: PageData) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.section = ""
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.in_th = False
        self.li: list[str] | None = None
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
            self.section = a.get("id") or ""
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
            self.row_link = ""
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.in_th = tag == "th"
        elif tag == "a" and self.row is not None and a.get("href"):
            self.row_link = a["href"] or ""
        elif tag == "li" and self.section == "at-a-glance":
            self.li = []
            self.li_link = ""
        elif tag == "a" and self.li is not None and (a.get("href") or "").startswith("#"):
            self.li_link = (a.get("href") or "")[1:]
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
                if self.section == "" or self.section == "top":
                    self.page.index_rows.append((self.row_link, self.row))
            self.row = None
        elif tag == "table" and self.table is not None:
            self.page.sections.setdefault(self.section, []).append(self.table)
            self.table = None
        elif tag == "li" and self.li is not None:
            if self.li_link:
                self.page.glance_links[self.li_link] = "".join(self.li)
            self.li = None
        elif tag == "text" and self.in_svg_text:
            self.in_svg_text = False
        elif tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
            # Texts alternate label, value: the school's value is the second text.
            if len(self.svg_texts) >= 2 and self.section in SUBJECTS:
                self.page.charts[self.section] = self.svg_texts[1]

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self.li is not None:
            self.li.append(data)
        if self.in_svg_text and self.svg_texts:
            self.svg_texts[-1] += data


def read_page(path: Path) -> PageData:
    page = PageData(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


# -- Building the attacker's system of unknowns ----------------------------------------


Var = tuple[str, str, str, str]  # (school, subject, row, measure)


@dataclass
class Knowledge:
    bounds: dict[Var, tuple[int, int]] = field(default_factory=dict)
    published: dict[Var, Value] = field(default_factory=dict)
    equations: list[tuple[Var, tuple[Var, ...]]] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)


def _count_range(value: Value, n: tuple[int, int]) -> tuple[int, int]:
    lo_n, hi_n = n
    if value.kind == "exact" and value.number is not None and lo_n == hi_n:
        p = value.number
        lo = math.ceil((p - 0.5) * lo_n / 100)
        hi = math.floor((p + 0.5) * lo_n / 100)
        return max(0, lo), min(lo_n, hi)
    if value.kind == "below" and value.number is not None and lo_n == hi_n:
        return 0, math.ceil(value.number * lo_n / 100) - 1
    if value.kind == "above" and value.number is not None and lo_n == hi_n:
        return math.floor(value.number * lo_n / 100) + 1, lo_n
    return 0, hi_n


def school_knowledge(school: str, page: PageData, know: Knowledge, min_n: int) -> None:
    for subject in SUBJECTS:
        tables = page.sections.get(subject, [])
        if not tables:
            continue
        rows: list[tuple[str, list[str]]] = []
        groups = tables[0]
        for index, row in enumerate(groups):
            rows.append((f"g{index}", row))
        grades = tables[1] if len(tables) > 1 else []
        for index, row in enumerate(grades):
            rows.append((f"grade{index}", row))
        for row_id, cells in rows:
            values = [parse_value(c) for c in cells[1:7]]
            n_value = values[0]
            n_var = (school, subject, row_id, "n")
            if n_value.kind == "exact" and n_value.number is not None:
                n_range = (n_value.number, n_value.number)
                if n_value.number < min_n:
                    know.leaks.append(
                        f"{page.path}: {subject} row {row_id} shows a group of {n_value.number}, under {min_n}"
                    )
            else:
                n_range = (0, INF)
            know.bounds[n_var] = n_range
            know.published[n_var] = n_value
            for measure, value in zip(MEASURES[1:], values[1:], strict=True):
                var = (school, subject, row_id, measure)
                know.bounds[var] = _count_range(value, n_range)
                know.published[var] = value
                if value.kind == "exact" and value.number in (0, 100):
                    know.leaks.append(f"{page.path}: {subject} row {row_id} shows {value.number}%")
            n, l1, l2, l3, l4, met = ((school, subject, row_id, m) for m in MEASURES)
            know.equations.append((n, (l1, l2, l3, l4)))
            know.equations.append((met, (l3, l4)))
        group_ids = [f"g{i}" for i in range(len(groups))]
        for a, b in zip(group_ids[1::2], group_ids[2::2], strict=False):
            for m in MEASURES:
                know.equations.append(
                    ((school, subject, "g0", m), ((school, subject, a, m), (school, subject, b, m)))
                )
        if len(grades) >= 2:
            for m in MEASURES:
                know.equations.append(
                    (
                        (school, subject, "g0", m),
                        tuple((school, subject, f"grade{i}", m) for i in range(len(grades))),
                    )
                )


def tighten(know: Knowledge) -> None:
    changed, rounds = True, 0
    while changed and rounds < 200:
        changed, rounds = False, rounds + 1
        for total, parts in know.equations:
            b = know.bounds
            lo_sum = sum(b[p][0] for p in parts)
            hi_sum = sum(min(b[p][1], INF) for p in parts)
            t = (max(b[total][0], lo_sum), min(b[total][1], hi_sum))
            if t != b[total]:
                b[total], changed = t, True
            for p in parts:
                lo, hi = b[p]
                new = (max(lo, b[total][0] - (hi_sum - hi)), min(hi, b[total][1] - (lo_sum - lo)))
                if new != (lo, hi):
                    b[p], changed = new, True


def eliminate(know: Knowledge) -> dict[Var, tuple[Fraction, Fraction]]:
    """Solve for hidden counts across every equation at once; return isolated ranges."""
    unknown = sorted(v for v, (lo, hi) in know.bounds.items() if lo != hi)
    col = {v: i for i, v in enumerate(unknown)}
    rows: list[tuple[list[Fraction], Fraction, Fraction]] = []
    for total, parts in know.equations:
        coeffs = [Fraction(0)] * len(unknown)
        lo = hi = Fraction(0)
        for var, sign in ((total, 1), *((p, -1) for p in parts)):
            if var in col:
                coeffs[col[var]] += sign
            else:
                value = know.bounds[var][0]
                lo -= sign * value
                hi -= sign * value
        if any(coeffs):
            rows.append((coeffs, lo, hi))
    # Gauss-Jordan with interval right-hand sides (each sum of known counts is exact here).
    pivots: list[int] = []
    r = 0
    for c in range(len(unknown)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][0][c] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        coeffs, lo, hi = rows[r]
        lead = coeffs[c]
        coeffs = [x / lead for x in coeffs]
        lo, hi = sorted((lo / lead, hi / lead))
        rows[r] = (coeffs, lo, hi)
        for i in range(len(rows)):
            if i != r and rows[i][0][c] != 0:
                f = rows[i][0][c]
                new = [x - f * y for x, y in zip(rows[i][0], coeffs, strict=True)]
                a, b = rows[i][1] - f * lo, rows[i][2] - f * hi
                rows[i] = (new, min(a, b), max(a, b))
        pivots.append(c)
        r += 1
    isolated: dict[Var, tuple[Fraction, Fraction]] = {}
    for coeffs, lo, hi in rows[:r]:
        nonzero = [i for i, x in enumerate(coeffs) if x != 0]
        if len(nonzero) == 1:
            isolated[unknown[nonzero[0]]] = (lo, hi)
    return isolated


def attack(site: Path, min_n: int = 10, folder: str = "schools") -> list[str]:
    """Every hidden value this attacker can recover from the built site (empty: none)."""
    pages = sorted(site.glob(f"{folder}/*/index.html")) + sorted(
        site.glob(f"*/{folder}/*/index.html")
    )
    indexes = sorted(site.glob(f"{folder}/index.html")) + sorted(
        site.glob(f"*/{folder}/index.html")
    )
    if not pages:
        return [f"{site}: no report cards found"]
    by_school: dict[str, dict[str, PageData]] = {}
    for path in pages:
        page = read_page(path)
        by_school.setdefault(path.parent.name, {})[page.lang] = page
    leaks: list[str] = []
    for school, languages in sorted(by_school.items()):
        for page in languages.values():
            if not any(subject in page.sections for subject in SUBJECTS):
                leaks.append(f"{page.path}: no results table found; cannot check this page")
        know = Knowledge()
        first_lang, first = next(iter(languages.items()))
        school_knowledge(school, first, know, min_n)
        # Consistency: every language must publish exactly the same cells.
        for lang, page in languages.items():
            other = Knowledge()
            school_knowledge(school, page, other, min_n)
            for var, value in other.published.items():
                if var in know.published and know.published[var].key() != value.key():
                    leaks.append(
                        f"{school}: {var[1:]} is {know.published[var].key()} in {first_lang} but {value.key()} in {lang}"
                    )
            leaks.extend(other.leaks)
            # Glance and chart must agree with the table's "all students met" cell.
            for subject in SUBJECTS:
                table_value = other.published.get((school, subject, "g0", "met"))
                if table_value is None:
                    continue
                for where, text in (
                    ("glance", page.glance_links.get(subject)),
                    ("chart", page.charts.get(subject)),
                ):
                    if text is None:
                        continue
                    match = re.search(r"[<>]?\s*\d[\d\s\xa0\u202f.,]*\s*%", text)
                    seen = parse_value(match.group(0)) if match else Value("hidden")
                    words_coded = re.search(r"\d", text) and table_value.kind in ("below", "above")
                    if table_value.kind == "hidden" and seen.kind != "hidden":
                        leaks.append(
                            f"{school} ({lang}): {subject} hidden in the table but {where} says {text!r}"
                        )
                    elif (
                        table_value.kind == "exact"
                        and seen.key() != table_value.key()
                        and not words_coded
                    ):
                        leaks.append(
                            f"{school} ({lang}): {subject} {where} {seen.key()} differs from the table {table_value.key()}"
                        )
        leaks.extend(know.leaks)
        hidden = [v for v, value in know.published.items() if value.kind != "exact"]
        tighten(know)
        for var in hidden:
            lo, hi = know.bounds[var]
            if lo == hi:
                leaks.append(f"{school}: {'/'.join(var[1:])} is hidden but must be {lo} (bounds)")
        for var, (lo, hi) in eliminate(know).items():
            if var not in hidden:
                continue
            b_lo, b_hi = know.bounds[var]
            lo_i, hi_i = max(math.ceil(lo), b_lo), min(math.floor(hi), b_hi)
            if lo_i == hi_i:
                leaks.append(
                    f"{school}: {'/'.join(var[1:])} is hidden but must be {lo_i} (linear algebra)"
                )
    # The index page must show what the school pages show.
    for path in indexes:
        index = read_page(path)
        for link, cells in index.index_rows:
            school = link.rstrip("/").split("/")[-1].removesuffix(".html")
            languages = by_school.get(school)
            if not languages or len(cells) < 4:
                continue
            page = languages.get(index.lang) or next(iter(languages.values()))
            know = Knowledge()
            school_knowledge(school, page, know, min_n)
            for subject, text in (("reading", cells[2]), ("math", cells[3])):
                table_value = know.published.get((school, subject, "g0", "met"))
                if table_value is not None and parse_value(text).key() != table_value.key():
                    leaks.append(
                        f"{path}: {school} {subject} is {text!r} but its page says {table_value.key()}"
                    )
    return sorted(set(leaks))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--min-n", type=int, default=10)
    args = parser.parse_args()
    leaks = attack(args.site, args.min_n)
    pages = len(list(args.site.glob("schools/*/index.html"))) + len(
        list(args.site.glob("*/schools/*/index.html"))
    )
    lists = len(
        list(args.site.glob("schools/index.html")) + list(args.site.glob("*/schools/index.html"))
    )
    for leak in leaks:
        print(leak)
    print(
        f"Read {pages} report cards and {lists} school lists: {len(leaks)} hidden values recovered."
    )
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
