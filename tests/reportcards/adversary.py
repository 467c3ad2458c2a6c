"""An independent attacker: read only the published HTML of the report cards and try to
work out any hidden value.

It shares no code with the privacy engine (``homeroom.reportcards``): it parses the built
site with the standard library (``adversary_pages.py``) and knows only what any reader
knows, the published layout (``homeroom/reportcards/tables.py``):

- each section (``#reading``, ``#chronic-absence``) and each earlier year's part of it
  (``#reading-2024-25``) holds tables whose first row is all students and whose other rows
  add up to it (a group set such as the race and ethnicity groups, or the grades);
- test results have the columns tested, levels 1-4 and "met" (levels 3 + 4), as percent of
  those tested, then perhaps the share tested; other measures have students and share;
- the table of years (``#reading-years``) repeats each year's all-students row;
- a cell is a whole percentage, ``<5%`` / ``>95%``, the marker ``*``, or ``–`` (not given).

Attacks: (1) bounds: every count lies in the range its published percentage and group
size allow, tightened through every set that adds up, to a fixed point; (2) linear
algebra: hidden counts are eliminated across all the sets of all years at once; (3)
consistency: the same quantity must be published the same in every table, year, language
and page (glance, chart, tables, years, index); (4) sentences: a percentage in a section's
sentences must be one its tables or chart show, or a coded limit, so no trend or
comparison quotes a hidden value; (5) no exact 0% or 100%, no group under the minimum size.

Run it: ``python tests/reportcards/adversary.py SITE_DIR [--min-n 10]``.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from adversary_pages import INF, PERCENT, PageData, Value, parse_value, read_page

SUBJECTS = ("reading", "math", "science")
LEVELS = ("n", "l1", "l2", "l3", "l4", "met")
RATE = ("n", "count")
NOT_ADDITIVE = ("naep", "at-a-glance", "how-to-read", "top", "")

Var = tuple[str, ...]  # (school, part, row, measure)


@dataclass
class Knowledge:
    bounds: dict[Var, tuple[int, int]] = field(default_factory=dict)
    published: dict[Var, Value] = field(default_factory=dict)
    equations: list[tuple[Var, tuple[Var, ...]]] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)


def _count_range(value: Value, n: tuple[int, int]) -> tuple[int, int]:
    lo_n, hi_n = n
    if value.number is not None and lo_n == hi_n:
        p = value.number
        if value.kind == "exact":
            lo = math.ceil((p - 0.5) * lo_n / 100)
            return max(0, lo), min(lo_n, math.floor((p + 0.5) * lo_n / 100))
        if value.kind == "below":
            return 0, math.ceil(p * lo_n / 100) - 1
        if value.kind == "above":
            return math.floor(p * lo_n / 100) + 1, lo_n
    return 0, hi_n


def _year_part(section: str, year: str, current: str) -> str:
    return section if year == current else f"{section}-{year}"


def _add_row(
    know: Knowledge,
    school: str,
    part: str,
    row: str,
    cells: list[str],
    levels: bool,
    where: str,
    min_n: int,
) -> None:
    measures = LEVELS if levels else RATE
    values = [parse_value(c) for c in cells[: len(measures)]]
    for extra in cells[len(measures) :]:  # the share tested: never 0% or 100% exactly
        if parse_value(extra).key() in (("exact", 0), ("exact", 100)):
            know.leaks.append(f"{where}: {part}/{row} shows a share tested of {extra}")
        know.published.setdefault((school, part, row, "part"), parse_value(extra))
    n_value = values[0]
    if n_value.kind == "exact" and n_value.number is not None:
        n_range = (n_value.number, n_value.number)
        if n_value.number < min_n:
            know.leaks.append(f"{where}: {part}/{row} shows a group of {n_value.number}")
    else:
        n_range = (0, INF)
    for measure, value in zip(measures, values, strict=False):
        var = (school, part, row, measure)
        if var in know.published and know.published[var].key() != value.key():
            know.leaks.append(
                f"{where}: {part}/{row}/{measure} is {value.key()} here but "
                f"{know.published[var].key()} elsewhere on the page"
            )
            continue
        know.published[var] = value
        if measure == "n":
            lo, hi = know.bounds.get(var, (0, INF))
            know.bounds[var] = (max(lo, n_range[0]), min(hi, n_range[1]))
        else:
            know.bounds[var] = _count_range(value, n_range)
            if value.kind == "exact" and value.number in (0, 100) and n_value.kind != "none":
                know.leaks.append(f"{where}: {part}/{row}/{measure} shows {value.number}%")
    if levels:
        n, l1, l2, l3, l4, met = ((school, part, row, m) for m in LEVELS)
        know.equations += [(n, (l1, l2, l3, l4)), (met, (l3, l4))]


def school_knowledge(school: str, page: PageData, know: Knowledge, min_n: int) -> None:
    """Every table of one page, as unknowns, ranges and sums."""
    for (section, sub), tables in sorted(page.parts.items(), key=lambda p: p[0][1] != ""):
        if section in NOT_ADDITIVE:
            continue
        levels = section in SUBJECTS
        if sub.endswith("-years"):
            for table in tables:
                for cells in table:
                    part = _year_part(section, cells[0], table[0][0])
                    _add_row(know, school, part, "total", cells[1:], levels, str(page.path), min_n)
            continue
        part = sub or section
        additive = not sub.endswith("-rates")  # rates a state gave alone add up to nothing
        for t_index, table in enumerate(tables):
            if not table:
                continue
            rows = []
            for r_index, cells in enumerate(table):
                row = "total" if r_index == 0 else f"t{t_index}r{r_index}"
                rows.append(row)
                _add_row(know, school, part, row, cells[1:], levels, str(page.path), min_n)
            measures = LEVELS if levels else RATE
            if additive and len(rows) >= 2:
                for m in measures:
                    know.equations.append(
                        ((school, part, "total", m), tuple((school, part, r, m) for r in rows[1:]))
                    )


def tighten(know: Knowledge) -> None:
    changed, rounds = True, 0
    while changed and rounds < 200:
        changed, rounds = False, rounds + 1
        for total, parts in know.equations:
            b = know.bounds
            if total not in b or any(p not in b for p in parts):
                continue
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
    rows: list[tuple[dict[int, Fraction], Fraction]] = []
    for total, parts in know.equations:
        if total not in know.bounds or any(p not in know.bounds for p in parts):
            continue
        coeffs: dict[int, Fraction] = {}
        rhs = Fraction(0)
        for var, sign in ((total, 1), *((p, -1) for p in parts)):
            if var in col:
                coeffs[col[var]] = coeffs.get(col[var], Fraction(0)) + sign
            else:
                rhs -= sign * know.bounds[var][0]
        coeffs = {c: v for c, v in coeffs.items() if v}
        if coeffs:
            rows.append((coeffs, rhs))
    # Sparse Gauss-Jordan (every known count is exact here).
    pivots: list[tuple[int, dict[int, Fraction], Fraction]] = []
    for coeffs, rhs in rows:
        coeffs = dict(coeffs)
        for c, prow, prhs in pivots:
            f = coeffs.get(c)
            if f:
                for k, v in prow.items():
                    coeffs[k] = coeffs.get(k, Fraction(0)) - f * v
                rhs -= f * prhs
                coeffs = {k: v for k, v in coeffs.items() if v}
        if not coeffs:
            continue
        c = min(coeffs)
        lead = coeffs[c]
        coeffs = {k: v / lead for k, v in coeffs.items()}
        rhs /= lead
        for i, (pc, prow, prhs) in enumerate(pivots):
            f = prow.get(c)
            if f:
                new = dict(prow)
                for k, v in coeffs.items():
                    new[k] = new.get(k, Fraction(0)) - f * v
                pivots[i] = (pc, {k: v for k, v in new.items() if v}, prhs - f * rhs)
        pivots.append((c, coeffs, rhs))
    isolated: dict[Var, tuple[Fraction, Fraction]] = {}
    for _, coeffs, rhs in pivots:
        if len(coeffs) == 1:
            ((c, v),) = coeffs.items()
            isolated[unknown[c]] = (rhs / v, rhs / v)
    return isolated


def _sentence_leaks(school: str, page: PageData, know: Knowledge) -> list[str]:
    """A percentage in a section's words that no table or chart there shows."""
    leaks = []
    with_tables = {section for section, _ in page.parts}
    for section, texts in page.prose.items():
        if section in NOT_ADDITIVE or section not in with_tables:
            continue
        allowed = {5, 95}
        for var, value in know.published.items():
            if var[1].split("-")[0] == section.split("-")[0] and value.number is not None:
                allowed.add(value.number)
        for text in page.charts.get(section, []):
            allowed.update(int(m) for m in PERCENT.findall(text))
        for text in texts:
            for found in PERCENT.findall(text):
                if int(found) not in allowed:
                    leaks.append(f"{school} ({page.lang}): {section} says {found}% in {text!r}")
    return leaks


def _glance_leaks(school: str, page: PageData, know: Knowledge) -> list[str]:
    """The glance list and each chart must show what the section's table shows."""
    leaks = []
    for section in {*page.glance_links, *page.charts}:
        measure = "met" if section in SUBJECTS else "count"
        table = know.published.get((school, section, "total", measure))
        if table is None:
            continue
        texts = [("glance", page.glance_links.get(section))]
        chart = page.charts.get(section)
        texts.append(("chart", chart[1] if chart and len(chart) > 1 else None))
        for where, text in texts:
            if text is None:
                continue
            match = re.search(r"[<>]?\s*\d[\d\s\xa0\u202f.,]*\s*%", text)
            seen = parse_value(match.group(0)) if match else Value("hidden")
            coded = table.kind in ("below", "above")
            if table.kind == "hidden" and seen.kind != "hidden":
                leaks.append(f"{school} ({page.lang}): {section} hidden but {where} says {text!r}")
            elif table.kind == "exact" and seen.key() != table.key() and not coded:
                leaks.append(
                    f"{school} ({page.lang}): {section} {where} {seen.key()} != {table.key()}"
                )
    return leaks


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
        know = Knowledge()
        first_lang, first = next(iter(languages.items()))
        school_knowledge(school, first, know, min_n)
        for lang, page in languages.items():
            if not any(s not in NOT_ADDITIVE for s, _ in page.parts):
                leaks.append(f"{page.path}: no results table found; cannot check this page")
            other = Knowledge()
            school_knowledge(school, page, other, min_n)
            for var, value in other.published.items():
                if var in know.published and know.published[var].key() != value.key():
                    leaks.append(
                        f"{school}: {var[1:]} is {know.published[var].key()} in {first_lang} "
                        f"but {value.key()} in {lang}"
                    )
            leaks += other.leaks + _glance_leaks(school, page, other)
            leaks += _sentence_leaks(school, page, other)
        hidden = [
            v
            for v, value in know.published.items()
            if value.kind not in ("exact", "none") and v in know.bounds
        ]
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
                table_value = know.published.get((school, subject, "total", "met"))
                if table_value is not None and parse_value(text).key() != table_value.key():
                    leaks.append(
                        f"{path}: {school} {subject} is {text!r} but its page says {table_value.key()}"
                    )
    return sorted(set(leaks))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--min-n", type=int, default=10)
    args = parser.parse_args()
    leaks = attack(args.site, args.min_n)
    pages = len(
        list(args.site.glob("schools/*/index.html"))
        + list(args.site.glob("*/schools/*/index.html"))
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
