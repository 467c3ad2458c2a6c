"""Turn a state's published files (CSV) into school data files.

A mapping file (YAML, one per state file layout) says which columns hold what, which
cell values mean "hidden by the state", which rows to leave out, and how to find the
header among title rows. An assessment mapping reads one file of test results (one row
per school, grade and subject, :mod:`homeroom.reportcards.statetable`); a general mapping
reads any measure from long or wide files, several joined per school
(:mod:`homeroom.reportcards.gather`). Both write through
:mod:`homeroom.reportcards.importer_general`, which adds to what earlier imports wrote. Values the state hid stay hidden (``null``): the privacy engine
then also hides whatever would let them be worked out.

Nothing is half-imported: every row is checked first (the same counts and the same
student-data rules as the data loader), every row that cannot be used is reported with its
line, and if there is any, nothing is written. The files written are then checked exactly
as the build reads them, and :mod:`homeroom.reportcards.safewrite` never writes over a
file someone edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homeroom.data.sources import display_path
from homeroom.model.errors import InputError
from homeroom.reportcards.gather import Account, Gathered, check_title_year
from homeroom.reportcards.importer_general import (
    check_as_the_build_reads,
    general_files,
    import_general,
)
from homeroom.reportcards.mappingfile import Mapping_, load_mapping
from homeroom.reportcards.model import LEVELS
from homeroom.reportcards.safewrite import Written, check_out_folder, plan, write
from homeroom.reportcards.statefile import read_rows, read_state_text
from homeroom.reportcards.statetable import (
    GRADE_ORDER,
    Table,
    clean_cell,
    find_header,
    norm,
    read_table,
    row_data,
)

#: Why an assessment file's rows were left out: its mapping's ``skip:`` names them.
SKIPPED_BY_MAPPING = "the mapping's `skip:` names their grade or subject"


def _grade_key(grade: str) -> tuple[int, str]:
    return (GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER), grade)


def _sum(values: Sequence[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _gathered(table: Table, mapping: Mapping_, shown: str) -> Gathered:
    """An assessment file's rows as a general import's: all grades summed per subject."""
    year = mapping.data["year"]
    found = Gathered(names=dict(table.names), years={year})
    account = Account(shown, rows=table.used + table.skipped, used=table.used)
    if table.skipped_lines:
        account.skipped[SKIPPED_BY_MAPPING] = list(table.skipped_lines)
    found.accounts.append(account)
    found.hidden = table.hidden
    for code, subjects in table.results.items():
        found.where[code] = (shown, table.first_line[code])
        for subject, by_grade in subjects.items():
            grades = dict(sorted(by_grade.items(), key=lambda g: _grade_key(g[0])))
            found.grades.setdefault(code, set()).update(g for g in grades if g != "all")
            tested = _sum([g["tested"] for g in grades.values()])
            levels = [_sum([g["levels"][i] for g in grades.values()]) for i in range(len(LEVELS))]
            met = _sum([g.get("met", _sum(g["levels"][2:])) for g in grades.values()])
            subject_data: dict[str, Any] = {"groups": {"all": row_data(tested, levels, met)}}
            if len(grades) >= 2:
                subject_data["grades"] = grades
            found.subjects.setdefault(code, {}).setdefault(year, {})[subject] = subject_data
    return found


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, and what became of every row of every file."""

    files: tuple[Path, ...]
    entities: int
    rows: int
    hidden_by_state: int
    skipped: int
    written: Written
    others: tuple[str, ...]  # school files already in the folder that this import did not write
    accounts: tuple[Account, ...] = ()


def _read_bytes(file: Path, shown: str) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(
            shown, "this file does not exist; expected the state's results file (CSV)."
        ) from None
    except IsADirectoryError:
        raise InputError(
            shown, "this is a folder, not a file; expected the state's results file (CSV)."
        ) from None
    except OSError as exc:
        raise InputError(shown, f"this file cannot be read ({exc.strerror or exc}).") from None


def import_csv(
    file: Path | Sequence[Path],
    mapping_path: Path,
    out: Path,
    project_root: Path,
    *,
    replace: bool = False,
) -> ImportResult:
    """Read the state file(s) with the mapping and write one data file per school (or district).

    Raises :class:`~homeroom.model.errors.InputError` or :class:`Refused` (several lines) when
    anything is wrong; nothing is written then.
    """
    files = [file] if isinstance(file, Path) else list(file)
    mapping = load_mapping(mapping_path, project_root)
    check_out_folder(out, project_root)
    for one in files:
        _read_bytes(one, display_path(one, project_root))
    if mapping.general:
        found, texts, written = import_general(files, mapping, out, project_root, replace=replace)
    else:
        if len(files) != 1:
            raise InputError(
                mapping.display,
                f"this mapping reads one file, but {len(files)} were given; expected one state "
                "file, or a mapping with `files:` that says how to read each.",
            )
        shown = display_path(files[0], project_root)
        text = read_state_text(_read_bytes(files[0], shown), shown)
        find = norm(mapping.data["header"]["find"])
        rows, _ = read_rows(text, shown, lambda cells: find in {norm(clean_cell(c)) for c in cells})
        start, _, _ = find_header(rows, mapping.data["header"], shown, mapping.display)
        check_title_year(rows, start, mapping.data["year"], shown, mapping.display)
        table = read_table(rows, mapping, shown)
        found = _gathered(table, mapping, shown)
        texts = general_files(found, mapping, out, [files[0].name], mapping_path.name)
        check_as_the_build_reads(texts, out, project_root)
        planned = plan(out, texts, project_root, replace=replace, inputs=(files[0], mapping_path))
        written = write(planned, project_root)
    others = tuple(
        sorted(
            p.name
            for p in (out.glob("*.yml") if out.is_dir() else [])
            if p.name not in texts and not p.name.startswith("_")
        )
    )
    accounts = tuple(found.accounts)
    return ImportResult(
        files=tuple(out / name for name in texts),
        entities=len(texts) - 1,
        rows=sum(a.used for a in accounts),
        hidden_by_state=found.hidden,
        skipped=sum(a.left_out for a in accounts),
        written=written,
        others=others,
        accounts=accounts,
    )
