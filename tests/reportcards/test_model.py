"""School data files: validated, with one-line errors; never about a single student."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rc_helpers import DATA, ROOT, school, write_schools

from homeroom.model.errors import InputError
from homeroom.reportcards.loading import load_schools


def test_bundled_data_has_twelve_schools_of_every_level() -> None:
    data = load_schools(DATA / "schools", ROOT)
    levels = [s.level for s in data.schools]
    assert len(data.schools) == 12
    assert (levels.count("elementary"), levels.count("middle"), levels.count("high")) == (6, 3, 3)
    assert data.district.min_n == 10
    assert all(s.year in s.measures["graduation"] for s in data.schools if s.level == "high")
    # Three years of results, and race and ethnicity groups, in every school.
    assert all(len({s.year, *s.history}) == 3 for s in data.schools)
    assert all("black" in s.subjects["reading"].groups for s in data.schools)
    fairview = next(s for s in data.schools if s.id == "fairview-elementary")
    assert fairview.subjects["reading"].groups["english_learners"].tested == 6


def _error(tmp_path: Path, text: str) -> str:
    folder = write_schools(tmp_path / "schools")
    (folder / "test-school.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_schools(folder, tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("insert", "expected"),
    [
        ("student_name: Ana Lopez\n", "`student_name` looks like a student's name"),
        ("first_name: Ana\n", "`first_name` looks like a student's name"),
        ("student_id: 4471\n", "`student_id` looks like a student ID"),
        ("birth_date: 2015-04-02\n", "`birth_date` looks like a birth date"),
        ("dob: 2015-04-02\n", "`dob` looks like a birth date"),
    ],
)
def test_student_fields_are_refused_in_one_line(tmp_path: Path, insert: str, expected: str) -> None:
    text = yaml.safe_dump(school(), sort_keys=False)
    lines = text.splitlines(keepends=True)
    lines.insert(3, insert)
    message = _error(tmp_path, "".join(lines))
    assert message.startswith("schools/test-school.yml:4: ")
    assert expected in message
    assert "never put student names, ID numbers, birth dates" in message


def test_a_row_naming_a_student_is_refused(tmp_path: Path) -> None:
    data = school()
    data["assessments"]["reading"]["groups"]["all"]["name"] = "Ana Lopez"  # type: ignore[index]
    text = yaml.safe_dump(data, sort_keys=False)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "Ana Lopez" in t)
    message = _error(tmp_path, text)
    assert message.startswith(
        f"schools/test-school.yml:{line}: `assessments.reading.groups.all.name`"
    )


def test_a_list_of_students_is_refused(tmp_path: Path) -> None:
    text = yaml.safe_dump(school(), sort_keys=False) + "students:\n  - {grade: 3, score: 2410}\n"
    message = _error(tmp_path, text)
    assert "`students` is a list of single students" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["assessments"]["reading"]["groups"]["all"].update(
                levels=[20, "many", 30, 20]
            ),
            "`assessments.reading.groups.all.levels[1]` is 'many'; expected a whole number of students",
        ),
        (
            lambda d: d["assessments"]["reading"]["groups"]["all"].update(levels=[20, 30, 50]),
            "expected a list of four numbers of students, level 1 to level 4",
        ),
        (lambda d: d.pop("year"), "`year` is missing; expected the school year in quotes"),
        (
            lambda d: d.update(colour="red"),
            "`colour` is not a field Homeroom knows; expected only these fields",
        ),
        (
            lambda d: d["assessments"]["reading"]["groups"].update(
                girls={"tested": 1, "levels": [0, 0, 1, 0]}
            ),
            "`assessments.reading.groups.girls` is not a student group Homeroom knows; expected one of: all,",
        ),
        (
            lambda d: d["assessments"]["reading"]["groups"]["all"].update(tested=101),
            "the four levels add up to 100, but `tested` is 101",
        ),
        (
            lambda d: d["assessments"]["reading"]["groups"]["english_learners"].update(
                tested=41, levels=[11, 12, 10, 8]
            ),
            "english_learners + not_english_learners add up to 101 for `n`, but all students have 100",
        ),
        (
            lambda d: d["assessments"]["reading"]["grades"]["4"].update(
                tested=49, levels=[9, 15, 15, 10]
            ),
            "the grades add up to 99 for `n`",
        ),
    ],
)
def test_schema_and_sum_errors_name_file_line_field_and_form(
    tmp_path: Path, change, expected: str
) -> None:
    data = school()
    change(data)
    message = _error(tmp_path, yaml.safe_dump(data, sort_keys=False))
    assert message.startswith("schools/test-school.yml:")
    assert message.split(":")[1].isdigit()
    assert expected in message


def test_the_error_line_is_the_line_of_the_field(tmp_path: Path) -> None:
    text = yaml.safe_dump(school(), sort_keys=False).replace("chronic: 18", "chronic: lots")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "chronic: lots" in t)
    assert _error(tmp_path, text).startswith(
        f"schools/test-school.yml:{line}: `absenteeism.chronic`"
    )


@pytest.mark.parametrize("min_n", [0, 2])
def test_minimum_group_size_is_never_below_three(tmp_path: Path, min_n: int) -> None:
    folder = write_schools(tmp_path / "schools", school(), district={"min_n": min_n})
    with pytest.raises(
        InputError,
        match=r"_district.yml:\d+: `min_n` is .*; expected the state's minimum group size, a whole number of 3 or more",
    ):
        load_schools(folder, tmp_path)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, t in enumerate(text.splitlines(), 1) if needle in t)


# (a change to a valid school, the text on the line it is on, the field, what it looks like)
SCHOOL_VALUES = [
    (
        {"name": "Maria Lopez, ID 1234567, born 2015-03-04"},
        "name:",
        "name",
        "words about a birth date",
    ),
    ({"name": "Oak (Maria Lopez 1234567)"}, "name:", "name", "a student ID (a number of 5"),
    ({"name": "Oak, 03/04/2015"}, "name:", "name", "a birth date (a full date)"),
    ({"name": "Oak, March 4, 2015"}, "name:", "name", "a birth date (a full date)"),
    ({"source": "Sent by maria@example.org"}, "source:", "source", "an e-mail address"),
    ({"source": "Call Ana's mother at 555-123-4567"}, "source:", "source", "a phone number"),
    ({"source": "student: Ana Lopez"}, "source:", "source", "a student's name"),
    ({"grades": ["3", "DOB 2015"]}, "DOB 2015", "grades[1]", "words about a birth date"),
]


@pytest.mark.parametrize(("change", "needle", "field", "looks_like"), SCHOOL_VALUES)
def test_student_data_in_any_school_value_is_refused(
    tmp_path: Path, change: dict[str, object], needle: str, field: str, looks_like: str
) -> None:
    text = yaml.safe_dump(school(**change), sort_keys=False)
    message = _error(tmp_path, text)
    assert message.startswith(f"schools/test-school.yml:{_line_of(text, needle)}: `{field}` ")
    assert f"holds what looks like {looks_like}" in message
    # The value itself is never repeated: a CI log can be public too.
    for secret in ("1234567", "Maria", "Ana", "2015", "555-123"):
        assert secret not in message


def test_a_date_yaml_reads_as_a_date_is_refused_in_a_nested_value(tmp_path: Path) -> None:
    text = yaml.safe_dump(school(), sort_keys=False).replace(
        "absenteeism:", "absenteeism:\n  note: 2015-03-04", 1
    )
    message = _error(tmp_path, text)
    assert message.startswith(
        f"schools/test-school.yml:{_line_of(text, 'note:')}: `absenteeism.note` holds what "
        "looks like a birth date"
    )


@pytest.mark.parametrize(
    ("settings", "needle", "field", "looks_like"),
    [
        ({"district": "Maria Lopez born 2015"}, "district:", "district", "words about"),
        ({"state_name": "Ana 03/04/2015"}, "state_name:", "state_name", "a birth date"),
        ({"source": {"en": "ok", "es": "ana@example.org"}}, "es:", "source.es", "an e-mail"),
        (
            {"interpreter_phone": "DOB 2015-03-04"},
            "interpreter_phone:",
            "interpreter_phone",
            "words",
        ),
    ],
)
def test_student_data_in_the_district_file_is_refused(
    tmp_path: Path, settings: dict[str, object], needle: str, field: str, looks_like: str
) -> None:
    folder = write_schools(tmp_path / "schools", school(), district=settings)
    text = (folder / "_district.yml").read_text()
    with pytest.raises(InputError) as caught:
        load_schools(folder, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"schools/_district.yml:{_line_of(text, needle)}: `{field}` ")
    assert f"holds what looks like {looks_like}" in message


def test_contact_fields_and_the_publication_date_are_expected_in_the_district_file(
    tmp_path: Path,
) -> None:
    folder = write_schools(
        tmp_path / "schools",
        school(),
        district={
            "contact_phone": "(555) 010-2000",
            "interpreter_phone": "+1 555 010 2400",
            "published": "2026-09-15",
        },
    )
    assert load_schools(folder, tmp_path).district.contact_phone == "(555) 010-2000"


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        (
            "test-school.yml",
            "",
            "test-school.yml: this file is empty, so no report card can be made",
        ),
        (
            "test-school.yml",
            "# only a comment\n",
            "test-school.yml: this file is empty, so no report card can be made",
        ),
        ("_district.yml", "", "_district.yml: this file is empty, so no report card can be made"),
        (
            "test-school.yml",
            "- a\n- b\n",
            "test-school.yml:1: this file does not hold `key: value` lines",
        ),
        (
            "test-school.yml",
            "just words\n",
            "test-school.yml:1: this file does not hold `key: value`",
        ),
    ],
)
def test_an_empty_or_shapeless_file_says_what_it_should_hold(
    tmp_path: Path, file: str, text: str, expected: str
) -> None:
    folder = write_schools(tmp_path / "schools", school())
    (folder / file).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_schools(folder, tmp_path)
    message = str(caught.value)
    assert message.startswith("schools/" + expected), message
    assert "None" not in message and "\n" not in message


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"? [a, b]\n: 1\n", "test-school.yml:1: this value cannot be read (found unhashable key)"),
        (b"name: !!python/object:os.system x\n", "test-school.yml:1: this value cannot be read"),
        (b"a: &x [*x]\n", "test-school.yml:1: a value here contains itself"),
        (LAUGHS.encode(), "test-school.yml: this file holds more than 200,000 values"),
        (b"id: a\n---\nid: b\n", "test-school.yml:2: this is not valid YAML"),
        (
            b"id: a\nname: a\x00b\n",
            "test-school.yml:2: this line holds an invisible control character",
        ),
        (
            "name: Escuela Niños\n".encode("cp1252"),
            "test-school.yml: this file is not saved as UTF-8",
        ),
    ],
    ids=["list as key", "python tag", "self alias", "alias bomb", "two documents", "nul", "cp1252"],
)
def test_hostile_yaml_is_one_line_never_a_traceback_or_a_hang(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    folder = write_schools(tmp_path / "schools")
    (folder / "test-school.yml").write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_schools(folder, tmp_path)
    assert str(caught.value).startswith("schools/" + expected), caught.value
    assert "\n" not in str(caught.value)
