"""Read the files of a general mapping into each school's figures, accounting for every row.

Every data row of every file is *used* (its figures are kept), *left out* because the
mapping says so (counted, with the reason and the first lines), or *wrong* (reported with
its file, line and what to do; then nothing is written). A file whose year, in its year
column or in its title rows, is not the mapping's year stops the import: figures would be
published under the wrong year.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeroom.model.errors import InputError
from homeroom.reportcards.gather_cells import BadRow, Cells, measure_row, result_row, school_year
from homeroom.reportcards.mapping_general import parts_of
from homeroom.reportcards.mappingfile import Mapping_
from homeroom.reportcards.statefile import read_rows, read_state_text
from homeroom.reportcards.statetable import (
    _STUDENT_COLUMN,
    GRADE_ORDER,
    clean_cell,
    find_column,
    find_header,
    grade_of,
    norm,
)

_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–/]\s*(\d{2}|(?:19|20)\d{2})(?!\d)")


@dataclass
class Account:
    """What became of the rows of one file."""

    file: str
    rows: int = 0
    used: int = 0
    names: int = 0
    skipped: dict[str, list[int]] = field(default_factory=dict)
    """Why rows were left out -> their lines."""

    @property
    def left_out(self) -> int:
        """How many rows the mapping left out."""
        return sum(len(lines) for lines in self.skipped.values())


@dataclass
class Gathered:
    """Each school's figures from every file, and what became of every row."""

    names: dict[str, str] = field(default_factory=dict)
    name_years: dict[str, str] = field(default_factory=dict)
    where: dict[str, tuple[str, int]] = field(default_factory=dict)
    measures: dict[str, dict[str, dict[str, dict[str, dict[str, Any]]]]] = field(
        default_factory=dict
    )
    """code -> measure -> year -> ``groups`` / ``grades`` -> key -> row."""
    subjects: dict[str, dict[str, dict[str, dict[str, Any]]]] = field(default_factory=dict)
    """code -> year -> subject -> ``groups`` -> group -> row."""
    grades: dict[str, set[str]] = field(default_factory=dict)
    years: set[str] = field(default_factory=set)
    accounts: list[Account] = field(default_factory=list)
    rows_of: dict[str, list[tuple[Account, int]]] = field(default_factory=dict)
    """code -> (file, line) of each row used for it."""
    hidden: int = 0


def _files_for(part: Mapping[str, Any], files: Sequence[Path]) -> list[Path]:
    pattern = part.get("match", "*")
    return [f for f in files if fnmatch.fnmatch(f.name.lower(), pattern.lower())]


def gather(files: Sequence[Path], shown: Mapping[Path, str], mapping: Mapping_) -> Gathered:
    """Read every file with its part of the mapping; raise :class:`Refused` on any bad row."""
    from homeroom.reportcards.safewrite import Refused

    found = Gathered()
    problems: list[InputError] = []
    parts = parts_of(mapping.data)
    claimed: set[Path] = set()
    for path, part in parts:
        matched = _files_for(part, files)
        if not matched:
            where = "the mapping" if not path else f"part {int(path[1]) + 1} of the mapping"
            raise InputError(
                mapping.display,
                f"{where} reads files matching {part.get('match', '*')!r}, but none of the "
                f"files given ({', '.join(f.name for f in files)}) does; expected that file "
                "too, or a `match:` that names it.",
                line=mapping.line_of(path) or 1,
            )
        for file in matched:
            claimed.add(file)
            _read_file(file, shown[file], part, mapping, found, problems)
    for file in files:
        if file not in claimed:
            raise InputError(
                shown[file],
                f"no part of {mapping.display} reads this file (by its `match:`); expected "
                "only the files the mapping describes.",
            )
    leave_out = mapping.data.get("unnamed") == "leave_out"
    for code, (where, line) in sorted(found.where.items()):
        if code not in found.names and leave_out:
            # Accounted for: each of the school's rows moves from "used" to "left out".
            reason = "no file names their school (`unnamed: leave_out`)"
            for account, row_line in found.rows_of.get(code, []):
                account.used -= 1
                account.skipped.setdefault(reason, []).append(row_line)
            found.measures.pop(code, None)
            found.subjects.pop(code, None)
            continue
        if code not in found.names:
            problems.append(
                InputError(
                    where,
                    f"the code {code!r} has figures but no name in any file; expected "
                    "`columns.name`, or a file with `names_only: true` that names this school.",
                    line=line,
                )
            )
    if problems:
        problems.append(
            InputError(
                mapping.display,
                f"{len(problems)} rows cannot be imported (each is listed above), so nothing "
                "was written. Fix them in the file or in the mapping and import again.",
            )
        )
        raise Refused(problems)
    return found


def check_title_year(
    rows: Sequence[Any], start: int, year: str | None, shown: str, display: str
) -> str | None:
    """The school year named in the rows above the header; it must be the mapping's."""
    for row in rows[:start]:
        for cell in row.cells:
            match = _TITLE_YEAR.search(cell)
            said = school_year(f"{match.group(1)}-{match.group(2)}") if match else None
            if said is None:
                continue
            if year is not None and said != year:
                raise InputError(
                    shown,
                    f"the file's title says {said} but {display} is for {year} (`year:`); "
                    "the figures would be published under the wrong school year. Import "
                    f'the {year} file, or set `year: "{said}"` in the mapping.',
                    line=row.line,
                )
            return said
    return None


def _read_file(
    file: Path,
    shown: str,
    part: Mapping[str, Any],
    mapping: Mapping_,
    found: Gathered,
    problems: list[InputError],
) -> None:
    text = read_state_text(file.read_bytes(), shown)
    find = norm(part["header"]["find"])
    rows, _ = read_rows(text, shown, lambda cells: find in {norm(clean_cell(c)) for c in cells})
    start, names, joined = find_header(rows, part["header"], shown, mapping.display)
    header_line = rows[start].line
    for col, name in enumerate(joined):
        if _STUDENT_COLUMN.search(name):
            raise InputError(
                shown,
                f"column {col + 1} ({name!r}) looks like data about single students. Import only "
                "published totals for groups: never student names, ID numbers or birth dates.",
                line=header_line,
            )
    year = mapping.data.get("year")
    titled = check_title_year(rows, start, year, shown, mapping.display)
    basis = f"{mapping.display} is for {year} (`year:`)" if year else f"its title says {titled}"
    year = year or titled
    if year is None and "year" not in part["columns"] and not part.get("names_only"):
        raise InputError(
            shown,
            f"this file names no school year: {mapping.display} has no `year:` and no "
            "`columns.year`, and no title row above the header names a year such as 2017-18. "
            'Add `year: "2017-18"` (the file\'s year) to the mapping.',
            line=rows[start].line,
        )

    def col_of(name: str) -> int:
        return find_column(names, joined, name, shown, mapping.display)

    cells = Cells(names, joined, [v for v in part.get("suppressed", [])], mapping.display)
    columns = part["columns"]
    ids = [
        col_of(c) for c in ([columns["id"]] if isinstance(columns["id"], str) else columns["id"])
    ]
    at = {k: col_of(columns[k]) for k in ("name", "year", "group", "grade") if k in columns}
    skip = part.get("skip") or {}
    skip_values = {col_of(c): {norm(v) for v in vs} for c, vs in (skip.get("values") or {}).items()}
    skip_groups = {norm(v) for v in skip.get("groups", [])}
    skip_grades = {norm(v) for v in skip.get("grades", [])}
    groups = {norm(k): v for k, v in (part.get("groups") or {}).items()}
    measures = {m: (spec, "all" in spec) for m, spec in (part.get("measures") or {}).items()}
    subjects = part.get("subjects") or {}
    # Every column the mapping names must be in the file: one message now, not one per row.
    for spec, by_group in measures.values():
        for cols in spec.values() if by_group else [spec]:
            for name in cols.values():
                col_of(name)
    for by_group in subjects.values():
        for cols in by_group.values():
            for key, name in cols.items():
                for one in name if key == "levels" else [name]:
                    col_of(one)
    account = Account(shown)
    found.accounts.append(account)
    seen: dict[tuple[str, ...], int] = {}
    names_here: dict[str, tuple[int, str]] = {}
    mismatch: list[tuple[int, str]] = []
    for row in rows[start + 1 :]:
        if not any(c.strip() for c in row.cells):
            continue
        account.rows += 1
        try:
            values = row.cells
            cells.check_width(values, header_line)
            reason = next(
                (
                    f"`{names[c] or joined[c]}` is {clean_cell(values[c])!r}"
                    for c, vs in skip_values.items()
                    if norm(clean_cell(values[c])) in vs
                ),
                None,
            )
            if (
                reason is None
                and "group" in at
                and norm(clean_cell(values[at["group"]])) in skip_groups
            ):
                reason = f"the group is {clean_cell(values[at['group']])!r}"
            if (
                reason is None
                and "grade" in at
                and norm(clean_cell(values[at["grade"]])) in skip_grades
            ):
                reason = f"the grade is {clean_cell(values[at['grade']])!r}"
            if reason is not None:
                account.skipped.setdefault(f"{reason}, as `skip:` says", []).append(row.line)
                continue
            code = "".join(cells.code(values, c) for c in ids)
            row_year = year
            if "year" in at:
                given = clean_cell(values[at["year"]])
                said = school_year(given)
                if said is None:
                    raise BadRow(
                        f"the year column holds {given!r}; expected a school year such as 2020-21"
                    )
                if year is not None and said != year:
                    mismatch.append((row.line, said))
                    continue
                row_year = said
            if row_year is None:  # the mapping checked a year or a year column exists
                raise BadRow("this row has no school year")
            if "name" in at:
                name = cells.name(values, at["name"])
                known = names_here.get(code)
                if known is not None and known[1] != name:
                    raise BadRow(
                        f"the code {code!r} is called {known[1]!r} on line {known[0]} but "
                        f"{name!r} here; expected one name per code"
                    )
                names_here.setdefault(code, (row.line, name))
                # Across files (years), a school may be renamed: the newest year's name wins.
                if row_year is None or row_year >= found.name_years.get(code, ""):
                    found.names[code] = name
                    found.name_years[code] = row_year or ""
            if part.get("names_only"):
                account.names += 1
                continue
            found.where.setdefault(code, (shown, row.line))
            if "group" in at:
                raw = clean_cell(values[at["group"]])
                group = groups.get(norm(raw))
                if group is None:
                    raise BadRow(
                        f"the group {raw!r} is not in {mapping.display}; add it under `groups:` "
                        f"(such as `{raw}: black`), or under `skip: groups:` to leave these rows out"
                    )
                where, key = "groups", group
            elif "grade" in at:
                raw = clean_cell(values[at["grade"]])
                key = grade_of(raw)
                if key not in GRADE_ORDER:
                    raise BadRow(
                        f"the grade {raw!r} is not one Homeroom knows; expected K or 1 to 12, or "
                        f"list it under `skip: grades:` in {mapping.display}"
                    )
                where = "grades"
                found.grades.setdefault(code, set()).add(key)
            else:
                where, key = "groups", "all"
            mark = (code, row_year, where, key)
            if mark in seen:
                raise BadRow(f"this row repeats line {seen[mark]}: the same school, year and group")
            seen[mark] = row.line
            for name_, (spec, by_group) in measures.items():
                table = (
                    found.measures.setdefault(code, {})
                    .setdefault(name_, {})
                    .setdefault(row_year, {})
                )
                for group_, cols in spec.items() if by_group else [(key, spec)]:
                    parsed = measure_row(cells, values, cols, col_of)
                    found.hidden += sum(v is None for v in parsed.values())
                    table.setdefault(
                        "grades" if where == "grades" and not by_group else "groups", {}
                    )[group_] = parsed
            for subject, by_group in subjects.items():
                target = found.subjects.setdefault(code, {}).setdefault(row_year, {})
                rows_ = target.setdefault(subject, {"groups": {}})["groups"]
                for group_, cols in by_group.items():
                    parsed = result_row(cells, values, cols, col_of)
                    found.hidden += sum(
                        v is None
                        for v in (parsed["tested"], parsed.get("met", parsed.get("met_percent", 0)))
                    )
                    rows_[group_] = parsed
            found.years.add(row_year)
            found.rows_of.setdefault(code, []).append((account, row.line))
            account.used += 1
        except BadRow as bad:
            problems.append(InputError(shown, f"{bad}.", line=row.line))
    if mismatch:
        line, said = mismatch[0]
        raise InputError(
            shown,
            f"the year column says {said} but {basis}, on this "
            f"line and {len(mismatch) - 1} more; the figures would be published under the wrong "
            f'school year. Import the {year} file, or set `year: "{said}"` in the mapping.',
            line=line,
        )
