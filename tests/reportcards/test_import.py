"""Importing a state's published CSV: title rows, split headers, Excel codes, hidden cells."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rc_helpers import CT_FILE, CT_MAPPING, ROOT, homeroom_cli

from homeroom.model.errors import InputError
from homeroom.reportcards.importer import import_csv
from homeroom.reportcards.loading import load_schools


@pytest.fixture(scope="module")
def ct(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ct") / "schools"
    import_csv(CT_FILE, CT_MAPPING, out, ROOT)
    return out


def test_connecticut_districts_become_valid_school_files(ct: Path) -> None:
    data = load_schools(ct, ct.parent)
    assert len(data.schools) == 190
    assert data.district.min_n == 10
    amistad = next(s for s in data.schools if s.id == "amistad-academy-district")
    # Grade rows kept ("03" read as 3), in order, with the all-grades row as their sum.
    reading = amistad.subjects["reading"]
    assert list(reading.grades) == ["3", "4", "5", "6", "7", "8"]
    assert reading.groups["all"].tested == sum(r.tested or 0 for r in reading.grades.values())


def test_excel_quoted_codes_and_title_rows_are_read(ct: Path) -> None:
    text = (ct / "achievement-first-hartford-academy-inc-district.yml").read_text()
    assert "(code 2880013)" in text
    data = yaml.safe_load(text)
    grade3 = data["assessments"]["reading"]["grades"]["3"]
    assert grade3 == {"tested": 83, "levels": [18, 9, 19, 37]}


def test_state_hidden_cells_stay_hidden(ct: Path) -> None:
    data = yaml.safe_load((ct / "andover-school-district.yml").read_text())
    # Source row: Andover, grade 03, ELA: *, 6, *, 6, and "met" hidden too.
    assert data["assessments"]["reading"]["grades"]["3"] == {
        "tested": 26,
        "levels": [None, 6, None, 6],
    }
    # The all-grades sum of a level with a hidden grade is unknown, never a guess.
    assert data["assessments"]["reading"]["groups"]["all"]["levels"][0] is None


def test_cli_import_prints_what_it_wrote(tmp_path: Path) -> None:
    done = homeroom_cli(
        "reportcards",
        "import",
        str(CT_FILE),
        "--mapping",
        str(CT_MAPPING),
        "--out",
        str(tmp_path / "out"),
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote 190 school data files and _district.yml" in done.stdout
    assert "values the state hid stay hidden" in done.stdout


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "state.csv"
    path.write_text(text, encoding="utf-8")
    return path


MAPPING = """\
year: "2024-25"
header: {find: School Code, rows: 2}
columns:
  id: School Code
  name: School
  grade: Grade
  subject: Subject
  tested: Tested
  levels: [Level 1 Count, Level 2 Count, Level 3 Count, Level 4 Count]
subjects: {ELA: reading, Math: math}
suppressed: ["*", "", "-9999"]
district: {district: Test, min_n: 10}
"""


def test_blanks_and_codes_mean_hidden_with_a_split_header(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yml"
    mapping.write_text(MAPPING, encoding="utf-8")
    csv_file = _csv(
        tmp_path,
        '"State results, 2024-25"\n\n'
        ",,,,,Level 1,,Level 2,,Level 3,,Level 4,\n"
        "School,School Code,Grade,Subject,Tested,Count,%,Count,%,Count,%,Count,%\n"
        'Oak School,="0042",03,ELA,40,-9999,,12,30.0,15,37.5,9,22.5\n'
        'Oak School,="0042",04,ELA,38,,,10,26.3,16,42.1,8,21.1\n',
    )
    result = import_csv(csv_file, mapping, tmp_path / "out", tmp_path)
    assert result.entities == 1 and result.hidden_by_state == 2
    data = yaml.safe_load((tmp_path / "out" / "oak-school.yml").read_text())
    assert data["assessments"]["reading"]["grades"]["3"]["levels"] == [None, 12, 15, 9]
    assert data["assessments"]["reading"]["groups"]["all"] == {
        "tested": 78,
        "levels": [None, 22, 31, 17],
    }


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "School,School Code,Grade,Subject,Tested,Student Name,L1,L2,L3,L4",
            "column 6 ('Student Name') looks like data about single students",
        ),
        ("School,Code,Grade,Subject,Tested", "no header row with a cell 'School Code'"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, header: str, expected: str) -> None:
    mapping = tmp_path / "m.yml"
    mapping.write_text(MAPPING.replace("rows: 2", "rows: 1"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_csv(_csv(tmp_path, header + "\n"), mapping, tmp_path / "out", tmp_path)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_a_broken_mapping_names_its_line(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yml"
    mapping.write_text(
        MAPPING.replace("subjects: {ELA: reading, Math: math}", "subjects: {ELA: reeding}"),
        encoding="utf-8",
    )
    with pytest.raises(
        InputError,
        match=r"m.yml:10: `subjects.ELA` is 'reeding'; expected one of reading, math, science",
    ):
        import_csv(_csv(tmp_path, "x\n"), mapping, tmp_path / "out", tmp_path)
