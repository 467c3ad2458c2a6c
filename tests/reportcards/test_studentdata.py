"""What could identify a student in any text of school data, and what real data never trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homeroom.reportcards.studentdata import FieldKind, field_kind, find_in_text, find_in_value

TEXT, CODE, CONTACT, DATE = FieldKind.TEXT, FieldKind.CODE, FieldKind.CONTACT, FieldKind.DATE


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # The tester's school name, and each thing in it on its own.
        ("Maria Lopez, ID 1234567, born 2015-03-04", TEXT, "words about a birth date"),
        ("Maria Lopez, ID 1234567", TEXT, "a student ID"),
        ("Maria Lopez 1234567", TEXT, "a student ID (a number of 5 digits or more)"),
        ("Maria Lopez 2015-03-04", TEXT, "a birth date (a full date)"),
        # Full dates, written every common way.
        ("Oak 03/04/2015", TEXT, "a birth date (a full date)"),
        ("Oak 3/4/15", TEXT, "a birth date (a full date)"),
        ("Oak 4.3.2015", TEXT, "a birth date (a full date)"),
        ("Oak 2015/3/4", TEXT, "a birth date (a full date)"),
        ("Oak, March 4, 2015", TEXT, "a birth date (a full date)"),
        ("Oak, Mar. 4 2015", TEXT, "a birth date (a full date)"),
        ("Oak, 4th of March 2015", TEXT, "a birth date (a full date)"),
        ("Oak, 4 de marzo de 2015", TEXT, "a birth date (a full date)"),
        ("Oak, ngày 4 tháng 3 năm 2015", TEXT, "a birth date (a full date)"),
        # Words about birth, in the district's languages.
        ("Ana DOB 2015", TEXT, "words about a birth date"),
        ("Ana d.o.b.", TEXT, "words about a birth date"),
        ("Ana, date of birth unknown", TEXT, "words about a birth date"),
        ("Ana birthdate", TEXT, "words about a birth date"),
        ("Ana, nacida en 2015", TEXT, "words about a birth date"),
        ("Ana, fecha de nacimiento: 4/3", TEXT, "words about a birth date"),
        ("Ana, née le 4 mars", TEXT, "words about a birth date"),
        # Student IDs.
        ("Student ID 44", TEXT, "a student ID"),
        ("student #44", TEXT, "a student ID"),
        ("Ana id: 4471", TEXT, "a student ID"),
        ("Ana ID 44", TEXT, "a student ID"),
        ("Ana, ID: see file", TEXT, "a student ID"),
        ("Ana SASID", TEXT, "a student ID"),
        ("número de estudiante 44", TEXT, "a student ID"),
        # Names, where a label says so.
        ("student: Ana Lopez", TEXT, "a student's name"),
        ("Student name Ana", TEXT, "a student's name"),
        ("alumna: Ana", TEXT, "a student's name"),
        ("nombre del alumno Ana", TEXT, "a student's name"),
        ("first name Ana", TEXT, "a student's name"),
        # Contact details outside the contact fields.
        ("Ana maria.lopez@example.org", TEXT, "an e-mail address"),
        ("Ana (555) 123-4567", TEXT, "a phone number"),
        ("Ana 555-123-4567", TEXT, "a phone number"),
        ("Ana 123-4567", TEXT, "a phone number"),
        ("Ana +1 555 123 4567", TEXT, "a phone number"),
        # Codes may hold long numbers, but never a date or an e-mail.
        ("2015-03-04", CODE, "a birth date (a full date)"),
        ("a@b.org", CODE, "an e-mail address"),
        # Contact fields may hold a phone and an e-mail, never a birth date.
        ("(555) 010-2000, born 2015", CONTACT, "words about a birth date"),
    ],
)
def test_what_could_identify_a_student_is_found(text: str, kind: FieldKind, expected: str) -> None:
    hit = find_in_text(text, kind)
    assert hit is not None and hit.what == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # School and district names (the bundled site's and Connecticut's).
        ("Lincoln Elementary", TEXT),
        ("Fairview Elementary", TEXT),
        ("Achievement First Hartford Academy Inc. District", TEXT),
        ("Regional School District 01", TEXT),
        ("IDEA Public Schools", TEXT),
        ("Osborn Elementary", TEXT),
        ("Student Success Academy", TEXT),
        ("Escuela Niños Héroes", TEXT),
        # Source lines and settings from real files.
        ("2016-17", TEXT),
        ("2025-26", TEXT),
        (
            "Connecticut State Department of Education (EdSight): Smarter Balanced Assessments, "
            "2016-17, all districts, all grades, all students. Public domain (ODC PDDL).",
            TEXT,
        ),
        ("Test results that the state of Connecticut made public for 2016-17.", TEXT),
        ("Resultados de exámenes que el estado de Connecticut hizo públicos para 2016-17.", TEXT),
        ("Riverbend schools and the state. These are made-up numbers for this demo site.", TEXT),
        ("Figures from May 2017, grades 3-8, about 1,250 students", TEXT),
        ("$14,250 per student; 12,500 students in all", TEXT),
        ("Hartford, CT 06103", TEXT),
        ("Idaho State Department of Education (ID SDE)", TEXT),
        ("Grades 3-8 and 11; ELA and Math; 2 in 10 students", TEXT),
        ("https://edsight.ct.gov/SASPortal/main.do?report=123456789&date=2017-08-31", TEXT),
        # Codes, contact details and the publication date in their own fields.
        ("0010011", CODE),
        ("2880013", CODE),
        ("(555) 010-2000", CONTACT),
        ("+1 555 010 2400", CONTACT),
        ("family.center@riverbend.example.org", CONTACT),
        ("2026-09-15", DATE),
    ],
)
def test_real_school_data_passes(text: str, kind: FieldKind) -> None:
    assert find_in_text(text, kind) is None


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("name", TEXT),
        ("source", TEXT),
        ("id", CODE),
        ("district_code", CODE),
        ("contact_phone", CONTACT),
        ("interpreter_phone", CONTACT),
        ("family_email", CONTACT),
        ("website", CONTACT),
        ("published", DATE),
    ],
)
def test_field_kinds_come_from_the_field_name(key: str, kind: FieldKind) -> None:
    assert field_kind(key) is kind


def test_a_date_yaml_read_as_a_date_is_a_birth_date_except_the_publication_date() -> None:
    hit = find_in_value(dt.date(2015, 3, 4), "name")
    assert hit is not None and hit.what == "a birth date (a full date)"
    assert find_in_value(dt.date(2026, 9, 15), "published") is None
    assert find_in_value(42, "name") is None


@given(st.text(max_size=300), st.sampled_from(list(FieldKind)))
def test_no_text_makes_the_check_crash(text: str, kind: FieldKind) -> None:
    hit = find_in_text(text, kind)
    assert hit is None or (hit.what and hit.advice)
