"""`homeroom reportcards import` against hostile input: one line, exit 2, nothing changed.

Every case runs the real command in-process from a scratch project folder that holds a
mapping, a state file and an output folder with a hand-edited ``_district.yml``. Whatever
goes wrong, the command prints one line per problem naming the file (and line), no
traceback, exits 2, and leaves every file in the folder exactly as it was.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rc_helpers import CT_FILE, CT_MAPPING, ROOT

from homeroom.cli.main import main
from homeroom.model.errors import InputError
from homeroom.reportcards.importer import import_csv
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.safewrite import Action, Planned, Refused, write, written_by_importer

MAPPING = """\
year: "2024-25"
level: elementary
header: {find: School Code}
columns:
  id: School Code
  name: School
  grade: Grade
  subject: Subject
  tested: Tested
  levels: [L1, L2, L3, L4]
  met: Met
subjects: {ELA: reading, Math: math}
suppressed: ["*", "-9999"]
district: {district: Test District, min_n: 10, small_count: 2}
"""
HEADER = "School,School Code,Grade,Subject,Tested,L1,L2,L3,L4,Met\n"
ROWS = (
    'Oak School,="0042",03,ELA,40,10,12,9,9,18\n'
    'Oak School,="0042",04,ELA,38,*,10,16,8,24\n'
    "Pine School,0043,03,ELA,50,10,10,20,10,30\n"
    "Pine School,0043,03,Math,50,5,15,20,10,30\n"
)
GOOD = HEADER + ROWS
HAND_EDITED = (
    "# Our district's settings, edited by hand.\ndistrict: Ours\nyear: '2024-25'\nmin_n: 10\n"
)


def _project(tmp_path: Path, csv_text: str | bytes = GOOD, mapping: str = MAPPING) -> Path:
    """A scratch project: state.csv, map.yml and out/ with a hand-edited _district.yml."""
    data = csv_text.encode("utf-8") if isinstance(csv_text, str) else csv_text
    (tmp_path / "state.csv").write_bytes(data)
    (tmp_path / "map.yml").write_text(mapping, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_district.yml").write_text(HAND_EDITED, encoding="utf-8")
    return tmp_path


def _snapshot(root: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file and folder under ``root``: its bytes and modification time."""
    found: dict[str, tuple[bytes, int] | None] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        found[rel] = (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
    return found


def _run(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(project)
    code = main(["reportcards", "import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _row(line: str) -> str:
    return HEADER + line + "\n"


def _rewrite(name: str, text: str | bytes) -> Callable[[Path], object]:
    def change(project: Path) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (project / name).write_bytes(data)

    return change


def _nothing(project: Path) -> None:
    del project


STANDARD = ("state.csv", "--mapping", "map.yml", "--out", "out")
RANDOM_BYTES = bytes(range(256)) * 8
# A school's name that is a student's name, ID and birth date (found by a tester).
STUDENT = "Maria Lopez, ID 1234567, born 2015-03-04"

# (id, change to the project, arguments, file named, line named, phrase in the message)
CASES: list[tuple[str, Callable[[Path], object], tuple[str, ...], str, int | None, str]] = [
    # The state file.
    ("missing file", _nothing, ("nope.csv", *STANDARD[1:]), "nope.csv", None, "does not exist"),
    (
        "file is a folder",
        (lambda p: (p / "dir.csv").mkdir()),
        ("dir.csv", *STANDARD[1:]),
        "dir.csv",
        None,
        "is a folder",
    ),
    ("empty file", _rewrite("state.csv", ""), STANDARD, "state.csv", None, "this file is empty"),
    (
        "only spaces",
        _rewrite("state.csv", " \n\n \n"),
        STANDARD,
        "state.csv",
        None,
        "this file is empty",
    ),
    (
        "only a title row",
        _rewrite("state.csv", '"State results, 2024-25"\n'),
        STANDARD,
        "state.csv",
        None,
        "no header row with a cell 'School Code'",
    ),
    (
        "header and no rows",
        _rewrite("state.csv", HEADER),
        STANDARD,
        "state.csv",
        None,
        "no rows of results after the header (line 1)",
    ),
    (
        "header and blank rows",
        _rewrite("state.csv", HEADER + ",,,,,,,,,\n\n"),
        STANDARD,
        "state.csv",
        None,
        "no rows of results after the header",
    ),
    (
        "every row skipped",
        _rewrite("map.yml", MAPPING + "skip: {subjects: [ELA, Math]}\n"),
        STANDARD,
        "state.csv",
        None,
        "only 4 rows that `skip:` in map.yml leaves out",
    ),
    (
        "binary file",
        _rewrite("state.csv", RANDOM_BYTES),
        STANDARD,
        "state.csv",
        None,
        "binary data",
    ),
    (
        "undecodable bytes",
        _rewrite("state.csv", b"School,\x81\x8d\x8f\x90\x9d\n" * 3),
        STANDARD,
        "state.csv",
        None,
        "not a text file",
    ),
    (
        "an Excel workbook",
        _rewrite("state.csv", b"PK\x03\x04" + RANDOM_BYTES),
        STANDARD,
        "state.csv",
        None,
        "Excel workbook",
    ),
    (
        "a PDF",
        _rewrite("state.csv", b"%PDF-1.7\n" + RANDOM_BYTES),
        STANDARD,
        "state.csv",
        None,
        "a PDF, not a CSV file",
    ),
    (
        "a NUL byte in a row",
        _rewrite(
            "state.csv", GOOD.replace("Pine School,0043,03,Math", "Pine\x00School,0043,03,Math")
        ),
        STANDARD,
        "state.csv",
        5,
        "a NUL character",
    ),
    (
        "control characters",
        _rewrite("state.csv", HEADER + "\x01\x02\x03\x04" * 50),
        STANDARD,
        "state.csv",
        None,
        "invisible control characters",
    ),
    (
        "a cell over the CSV limit",
        _rewrite("state.csv", HEADER + '"' + "x" * 200_000 + '"\n'),
        STANDARD,
        "state.csv",
        2,
        "a cell holds more than 131,072 characters",
    ),
    (
        "a very long name",
        _rewrite("state.csv", _row("O" * 10_000 + ",0042,03,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "holds a name of 10000 characters",
    ),
    (
        "an unknown separator",
        _rewrite("state.csv", GOOD.replace(",", "#")),
        STANDARD,
        "state.csv",
        None,
        "no header row",
    ),
    # Rows it cannot use: each with its line, none dropped.
    (
        "duplicate school rows",
        _rewrite("state.csv", GOOD + "Pine School,0043,03,Math,50,5,15,20,10,30\n"),
        STANDARD,
        "state.csv",
        6,
        "this row repeats line 5",
    ),
    (
        "one code, two names",
        _rewrite("state.csv", GOOD + "Pine Academy,0043,04,Math,50,5,15,20,10,30\n"),
        STANDARD,
        "state.csv",
        6,
        "is called 'Pine School' on line 4",
    ),
    (
        "a short row",
        _rewrite("state.csv", _row("Oak School,0042,03")),
        STANDARD,
        "state.csv",
        2,
        "this row has 3 cells; expected 10",
    ),
    (
        "a long row",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,10,12,9,9,18,extra")),
        STANDARD,
        "state.csv",
        2,
        "more than the 10 of the header",
    ),
    (
        "no school code",
        _rewrite("state.csv", _row("Oak School,,03,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "is empty; expected the school's or district's code",
    ),
    (
        "a negative count",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,-3,12,9,22,31")),
        STANDARD,
        "state.csv",
        2,
        "holds '-3', below zero",
    ),
    (
        "a fraction",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,10.5,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "holds '10.5', not a whole number",
    ),
    (
        "a decimal comma",
        _rewrite("state.csv", _row('Oak School,0042,03,ELA,40,"10,5",12,9,9,18')),
        STANDARD,
        "state.csv",
        2,
        "holds '10,5'; expected a number",
    ),
    (
        "a word for a count",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,many,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "holds 'many'; expected a number of students",
    ),
    (
        "a hidden marker the mapping lacks",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,<5,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "holds '<5'",
    ),
    (
        "levels add up to more than tested",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,20,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "the four levels add up to 50, but the number tested is 40",
    ),
    (
        "a level larger than all tested",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,*,*,*,50,*")),
        STANDARD,
        "state.csv",
        2,
        "50 students at one level but only 40 tested",
    ),
    (
        "met disagrees with levels 3 and 4",
        _rewrite("state.csv", _row("Oak School,0042,03,ELA,40,10,12,9,9,30")),
        STANDARD,
        "state.csv",
        2,
        "levels 3 and 4 together are 30",
    ),
    (
        "a subject the mapping lacks",
        _rewrite("state.csv", _row("Oak School,0042,03,Science,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "the subject 'Science' is not in map.yml",
    ),
    (
        "a grade Homeroom does not know",
        _rewrite("state.csv", _row("Oak School,0042,All Grades,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "the grade 'All Grades' is not one Homeroom knows",
    ),
    # Student data in the rows, the header or the mapping.
    (
        "a student as a school's name",
        _rewrite("state.csv", _row(f'"{STUDENT}",0042,03,ELA,40,10,12,9,9,18')),
        STANDARD,
        "state.csv",
        2,
        "looks like words about a birth date",
    ),
    (
        "a student ID as a name",
        _rewrite("state.csv", _row("Maria Lopez 1234567,0042,03,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "looks like a student ID",
    ),
    (
        "an e-mail as a name",
        _rewrite("state.csv", _row("maria@example.org,0042,03,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "looks like an e-mail address",
    ),
    (
        "a birth date as a code",
        _rewrite("state.csv", _row("Oak School,2015-03-04,03,ELA,40,10,12,9,9,18")),
        STANDARD,
        "state.csv",
        2,
        "looks like a birth date",
    ),
    (
        "a student column",
        _rewrite("state.csv", HEADER.replace("L4,", "L4,Student ID,").rstrip() + "\n"),
        STANDARD,
        "state.csv",
        1,
        "looks like data about single students",
    ),
    (
        "student data in the mapping",
        _rewrite("map.yml", MAPPING.replace("Test District", "Maria Lopez born 2015")),
        STANDARD,
        "map.yml",
        14,
        "`district.district` holds what looks like words about a birth date",
    ),
    (
        "student data in the source",
        _rewrite("map.yml", MAPPING + "source: 'Sent by maria@example.org'\n"),
        STANDARD,
        "map.yml",
        15,
        "`source` holds what looks like an e-mail address",
    ),
    # The mapping.
    (
        "missing mapping",
        _nothing,
        ("state.csv", "--mapping", "nope.yml", "--out", "out"),
        "nope.yml",
        None,
        "this mapping file does not exist",
    ),
    (
        "mapping is a folder",
        (lambda p: (p / "maps").mkdir()),
        ("state.csv", "--mapping", "maps", "--out", "out"),
        "maps",
        None,
        "this is a folder",
    ),
    (
        "mapping is not YAML",
        _rewrite("map.yml", "columns: [id: x\n  name"),
        STANDARD,
        "map.yml",
        1,
        "this is not valid YAML",
    ),
    (
        "mapping is empty",
        _rewrite("map.yml", ""),
        STANDARD,
        "map.yml",
        None,
        "this mapping file is empty",
    ),
    (
        "mapping is a list",
        _rewrite("map.yml", "- a\n"),
        STANDARD,
        "map.yml",
        1,
        "this file does not hold `key: value` lines",
    ),
    (
        "mapping min_n below 3",
        _rewrite("map.yml", MAPPING.replace("min_n: 10", "min_n: 2")),
        STANDARD,
        "map.yml",
        14,
        "`district.min_n` is 2; expected the state's minimum group size",
    ),
    (
        "mapping small_count too big",
        _rewrite("map.yml", MAPPING.replace("small_count: 2", "small_count: 10")),
        STANDARD,
        "map.yml",
        14,
        "must be smaller than `district.min_n`",
    ),
    (
        "mapping names a missing column",
        _rewrite("map.yml", MAPPING.replace("tested: Tested", "tested: Total")),
        STANDARD,
        "state.csv",
        None,
        "no single column called 'Total'",
    ),
    # The output folder.
    (
        "--out is a file",
        (lambda p: (p / "out.txt").write_text("notes\n")),
        ("state.csv", "--mapping", "map.yml", "--out", "out.txt"),
        "out.txt",
        None,
        "--out names a file, not a folder",
    ),
    (
        "--out inside .git",
        (lambda p: (p / ".git").mkdir()),
        ("state.csv", "--mapping", "map.yml", "--out", ".git/schools"),
        ".git/schools",
        None,
        "inside Git's own folder",
    ),
    (
        "--out is the project",
        _nothing,
        ("state.csv", "--mapping", "map.yml", "--out", "."),
        ".",
        None,
        "is the project's own folder",
    ),
    (
        "--out is the content folder",
        (
            lambda p: (
                (p / "content" / "_data").mkdir(parents=True),
                (p / "content" / "index.md").write_text("# Home\n"),
            )
        ),
        ("state.csv", "--mapping", "map.yml", "--out", "content"),
        "content",
        None,
        "--out holds _data, so it is not a folder of school data files",
    ),
    (
        "--out holds a site",
        (lambda p: (p / "out" / "mkdocs.yml").write_text("site_name: x\n")),
        STANDARD,
        "out",
        None,
        "--out holds mkdocs.yml",
    ),
    (
        "a hand-edited _district.yml",
        _nothing,
        STANDARD,
        "out/_district.yml",
        None,
        "this file already exists and was not written by this importer",
    ),
    (
        "a folder in a data file's place",
        (lambda p: (p / "out" / "pine-school.yml").mkdir()),
        STANDARD,
        "out",
        None,
        "--out holds pine-school.yml, so it is not a folder of school data files",
    ),
    (
        "a link in a data file's place",
        (
            lambda p: (
                (p / "notes.txt").write_text("notes\n"),
                (p / "out" / "pine-school.yml").symlink_to(p / "notes.txt"),
            )
        ),
        (*STANDARD, "--replace"),
        "out/pine-school.yml",
        None,
        "this is a folder or a link, not a data file",
    ),
    (
        "writing over the state file itself",
        (lambda p: (p / "out" / "oak-school.yml").write_text(GOOD)),
        ("out/oak-school.yml", "--mapping", "map.yml", "--out", "out", "--replace"),
        "out/oak-school.yml",
        None,
        "this is the file being imported",
    ),
]


@pytest.mark.parametrize(
    ("change", "args", "named", "line", "phrase"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], object],
    args: tuple[str, ...],
    named: str,
    line: int | None,
    phrase: str,
) -> None:
    project = _project(tmp_path)
    change(project)
    before = _snapshot(project)
    code, out, err = _run(project, capsys, monkeypatch, *args)
    assert code == 2, err
    assert "Traceback" not in err and out == ""
    lines = err.strip().splitlines()
    assert lines and all(x.startswith("error: ") for x in lines), err
    where = f"error: {named}:{line}: " if line else f"error: {named}: "
    assert any(x.startswith(where) and phrase in x for x in lines), err
    assert _snapshot(project) == before


def test_every_bad_row_is_reported_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = (
        "Oak School,0042,03,ELA,40,-1,12,9,20,29\n"  # line 6: below zero
        "Oak School,0042,04,Science,40,10,12,9,9,18\n"  # line 7: unknown subject
        f'"{STUDENT}",0099,03,ELA,40,10,12,9,9,18\n'  # line 8: a student
    )
    project = _project(tmp_path, GOOD + bad)
    (project / "out" / "_district.yml").unlink()
    before = _snapshot(project)
    code, _, err = _run(project, capsys, monkeypatch, *STANDARD)
    lines = err.strip().splitlines()
    assert code == 2
    assert [x.split(":")[2] for x in lines[:3]] == ["6", "7", "8"]
    assert lines[3] == (
        "error: state.csv: 3 rows cannot be imported (each is listed above), so nothing was "
        "written. Fix them in the file or in the mapping and import again."
    )
    assert "1234567" not in err and "Maria" not in err
    assert _snapshot(project) == before


def test_a_refusal_lists_every_file_it_would_write_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    (project / "out" / "oak-school.yml").write_text("id: oak-school\n", encoding="utf-8")
    before = _snapshot(project)
    code, _, err = _run(project, capsys, monkeypatch, *STANDARD)
    assert code == 2
    assert [x.split(":")[1] for x in err.strip().splitlines()] == [
        " out/_district.yml",
        " out/oak-school.yml",
    ]
    assert _snapshot(project) == before


# --- What a good import writes, and what re-importing does --------------------------------


def test_the_written_files_pass_the_data_loader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    code, out, err = _run(
        project, capsys, monkeypatch, "state.csv", "--mapping", "map.yml", "--out", "new"
    )
    assert (code, err) == (0, "")
    assert "Wrote 2 school data files and _district.yml to new/ from 4 rows" in out
    data = load_schools(project / "new", project)
    assert [s.id for s in data.schools] == ["oak-school", "pine-school"]
    oak = data.schools[0].subjects["reading"]
    assert oak.grades["4"].levels == (None, 10, 16, 8) and oak.groups["all"].tested == 78
    assert data.district.name == "Test District" and data.district.year == "2024-25"
    for path in (project / "new").iterdir():
        assert written_by_importer(path.read_bytes()), path


def test_connecticut_imports_cleanly_and_loads(tmp_path: Path) -> None:
    result = import_csv(CT_FILE, CT_MAPPING, tmp_path / "ct", ROOT)
    assert (result.entities, result.rows, result.skipped) == (190, 2102, 0)
    assert result.written.count(Action.NEW) == 191
    assert len(load_schools(tmp_path / "ct", tmp_path).schools) == 190


def test_importing_again_changes_only_what_changed_and_never_needs_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    args = ("state.csv", "--mapping", "map.yml", "--out", "new")
    assert _run(project, capsys, monkeypatch, *args)[0] == 0
    first = _snapshot(project / "new")
    code, out, _ = _run(project, capsys, monkeypatch, *args)
    assert code == 0 and "(0 new or changed, 3 already up to date)" in out
    assert _snapshot(project / "new") == first
    # A corrected state file: the files this command wrote are updated without --replace.
    (project / "state.csv").write_text(GOOD.replace("50,5,15,20,10,30", "50,6,14,20,10,30"))
    code, out, _ = _run(project, capsys, monkeypatch, *args)
    assert code == 0 and "(1 new or changed, 2 already up to date)" in out
    assert not list((project / "new").glob("*.bak-*"))


def test_replace_keeps_a_backup_of_each_hand_edited_file_and_never_overwrites_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    replace = (*STANDARD, "--replace")
    code, out, err = _run(project, capsys, monkeypatch, *replace)
    assert (code, err) == (0, "")
    backups = sorted((project / "out").glob("_district.yml.bak-*"))
    assert len(backups) == 1 and backups[0].read_text() == HAND_EDITED
    assert f"Kept the earlier _district.yml as {backups[0].name}." in out
    assert (
        yaml.safe_load((project / "out" / "_district.yml").read_text())["district"]
        == "Test District"
    )
    # Edited by hand again, replaced again within the same second: a second backup.
    (project / "out" / "_district.yml").write_text(HAND_EDITED + "# again\n")
    stamp = backups[0].name.removeprefix("_district.yml.bak-")
    taken = project / "out" / f"_district.yml.bak-{stamp}"
    assert _run(project, capsys, monkeypatch, *replace)[0] == 0
    assert taken.read_text() == HAND_EDITED  # the first backup is untouched
    assert {p.read_text() for p in (project / "out").glob("_district.yml.bak-*")} == {
        HAND_EDITED,
        HAND_EDITED + "# again\n",
    }
    assert not list((project / "out").glob(".*.tmp"))


@pytest.mark.parametrize(
    ("encode", "separator"),
    [
        (lambda t: t.encode("utf-8-sig"), ","),
        (lambda t: t.encode("utf-16"), ","),  # with a byte-order mark
        (lambda t: t.encode("utf-16-le"), ","),  # without one
        (lambda t: t.encode("utf-16"), "\t"),  # Excel's "Unicode Text"
        (lambda t: t.encode("cp1252"), ","),  # Excel's "CSV" on Windows
        (lambda t: t.encode("utf-8"), ";"),  # Excel where the decimal mark is a comma
        (lambda t: t.replace("\n", "\r\n").encode("utf-8"), ","),
    ],
    ids=[
        "utf-8 bom",
        "utf-16 bom",
        "utf-16 no bom",
        "unicode text",
        "cp1252",
        "semicolons",
        "crlf",
    ],
)
def test_every_way_a_spreadsheet_saves_csv_gives_the_same_files(
    tmp_path: Path, encode: Callable[[str], bytes], separator: str
) -> None:
    text = GOOD.replace("Pine School", "Piñon School").replace('="0042"', "0042")
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    (tmp_path / "m.yml").write_text(MAPPING, encoding="utf-8")
    import_csv(tmp_path / "a.csv", tmp_path / "m.yml", tmp_path / "plain", tmp_path)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "a.csv").write_bytes(encode(text.replace(",", separator)))
    import_csv(tmp_path / "b" / "a.csv", tmp_path / "m.yml", tmp_path / "other", tmp_path)
    assert _snapshot_text(tmp_path / "other") == _snapshot_text(tmp_path / "plain")
    assert load_schools(tmp_path / "other", tmp_path).schools[1].name == "Piñon School"


def _snapshot_text(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def test_rows_the_mapping_skips_are_counted_not_dropped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mapping = MAPPING + "skip: {grades: [All Grades], subjects: [Science]}\n"
    rows = (
        GOOD
        + "Oak School,0042,All Grades,ELA,78,10,22,25,17,42\nOak School,0042,03,Science,1,1,0,0,0,0\n"
    )
    project = _project(tmp_path, rows, mapping)
    code, out, _ = _run(
        project, capsys, monkeypatch, "state.csv", "--mapping", "map.yml", "--out", "new"
    )
    assert code == 0
    assert "Left out 2 rows, as `skip:` in the mapping says." in out


def test_a_failed_write_removes_its_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "b.yml").mkdir()
    (tmp_path / "b.yml" / "keep").write_text("x")
    planned = [
        Planned(tmp_path / "a.yml", "a: 1\n", Action.NEW),
        Planned(tmp_path / "b.yml", "b: 1\n", Action.NEW),
    ]
    with pytest.raises(InputError, match=r"b.yml: this file cannot be written"):
        write(planned, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yml", "b.yml"]
    assert (tmp_path / "b.yml" / "keep").read_text() == "x"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=1500).map(lambda t: (HEADER + t).encode("utf-8")),
        st.lists(
            st.lists(
                st.sampled_from(
                    ["Oak", "0042", "03", "ELA", "Math", "40", "*", "-1", "", '"', "x,y"]
                ),
                max_size=12,
            ),
            max_size=8,
        ).map(lambda rows: (HEADER + "\n".join(",".join(r) for r in rows)).encode("utf-8")),
    )
)
def test_no_state_file_makes_the_importer_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "state.csv").write_bytes(data)
        (root / "map.yml").write_text(MAPPING, encoding="utf-8")
        try:
            import_csv(root / "state.csv", root / "map.yml", root / "out", root)
        except Refused as refused:
            assert all("\n" not in str(p) for p in refused.problems)
            assert not (root / "out").exists()
        except InputError as error:
            assert "\n" not in str(error)
            assert not (root / "out").exists()
        else:
            load_schools(root / "out", root)


def test_cli_help_names_the_replace_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["reportcards", "import", "--help"])
    assert "--replace" in capsys.readouterr().out
