"""Find what could identify a single student in school data, before anything is published.

Report-card files hold totals for groups of students. A name, a student ID, a birth date,
an e-mail address or a phone number in any of their values (a school's name, a note, a
source line) would be printed on a public page, so every key and every text value of a
school file, of ``_district.yml`` and of an imported state file is read here.

The patterns are chosen so real school data passes: school years (``2016-17``), grades,
school codes in code fields, ZIP codes after a state (``CT 06103``), phone numbers in the
district's contact fields, the publication date in ``published:``. The value itself is
never repeated in a message: a CI log can be public too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from homeroom.data.yamllines import LinedYaml
from homeroom.model.errors import InputError


class FieldKind(Enum):
    """What a field may legitimately hold, which decides the checks it gets."""

    TEXT = "text"  # names, notes, sources: every check
    CODE = "code"  # school or district codes: long digit runs are expected
    CONTACT = "contact"  # phone, e-mail, website: contact details are expected
    DATE = "date"  # the publication date: a full date is expected


@dataclass(frozen=True)
class StudentHit:
    """One thing in a value that looks like it identifies a student."""

    what: str  # "a birth date", said in a message after "looks like"
    advice: str  # what to do, one sentence


_REMOVE = "Remove it."
_DATE_HIT = StudentHit(
    "a birth date (a full date)",
    "Remove it: the school year belongs in `year:` (such as '2025-26') and the date the "
    "figures were published in `published:` of _district.yml.",
)
_MONTHS_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTHS_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|"
    r"diciembre)"
)
_YEAR = r"(?:1[89]|20)\d{2}"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_BIRTH_WORDS = re.compile(
    r"\bborn\b|\bd\.?o\.?b\b|\bdate\s+of\s+birth\b|\bbirth\s*-?\s*(?:date|day)|\bbirthday"
    r"|\bnacid[oa]s?\b|\bnaci[óo]\b|\bfecha\s+de\s+nacimiento\b|\bf\.\s*(?:de\s+)?nac\b"
    r"|\bdate\s+de\s+naissance\b|\bnée?\s+le\b|\bngày\s+sinh\b|出生|生日|تاريخ\s+الميلاد",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    # 2015-03-04, 2015/3/4, 2015.03.04
    rf"(?<!\d){_YEAR}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    # 03/04/2015, 4-3-2015, 4.3.2015, and 3/4/15 (a two-digit year only with slashes)
    rf"|(?<!\d)(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|[12]\d|3[01])\2{_YEAR}(?!\d)"
    r"|(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/\d{2}(?![\d/])"
    # March 4, 2015 / 4 March 2015 / 4th of March 2015
    rf"|\b{_MONTHS_EN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS_EN}\.?,?\s+{_YEAR}\b"
    # 4 de marzo de 2015
    rf"|\b\d{{1,2}}\s+de\s+{_MONTHS_ES}(?:\s+de)?\s+{_YEAR}\b"
    # ngày 4 tháng 3 năm 2015
    r"|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
    re.IGNORECASE,
)
_STUDENT_ID = re.compile(
    r"(?i:\b(?:student|pupil|learner|alumn[oa]|estudiante)s?['’]?\s*"
    r"(?:#|(?:id|i\.d\.|number|no\.|num|código|codigo|número|numero)(?!\w)))"
    # "ID 1234567", "id: 44", "ID# 44" (a bare "ID" is often Idaho: "ID SDE")
    r"|(?i:\bid\s*(?:#|no\.?|number|num|:)?\s*\d)|\bID\s*[:#]"
    r"|(?i:\b(?:ssn|sasid|lasid|ssid|osis|nsn|upn)\b|\bsocial\s+security\b)"
    r"|(?i:\bn[úu]mero\s+de\s+(?:estudiante|alumn[oa]|identificaci[óo]n)\b)"
)
_STUDENT_NAME = re.compile(
    r"(?i:\b(?:first|last|given|family|full|middle|student|child['’]?s?)\s+name\b|\bsurname\b"
    r"|\bnombre\s+del?\s+(?:alumn[oa]|estudiante|niñ[oa])\b|\bapellidos?\b)"
    r"|(?i:\b(?:student|pupil|child|learner|alumn[oa]|estudiante|niñ[oa])\s*[:=]\s*)[^\W\d_]"
)
_PHONE = re.compile(
    r"(?<![\d\w])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)"
    r"|(?<![\d\w-])\d{3}-\d{4}(?![\d-])"
)
# A US ZIP code after a state's two letters ("Hartford, CT 06103") is an address, not an ID.
_ZIP = re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{5,}(?!\d)")

_CONTACT_KEY = re.compile(
    r"(?:^|_)(?:phone|telephone|tel|fax|email|e_mail|mail|website|web|url|link)$", re.I
)
_CODE_KEY = re.compile(r"^(?:id|code)$|_code$", re.I)
_DATE_KEYS = {"published"}


def field_kind(key: str) -> FieldKind:
    """What the field named ``key`` may hold (the last name of its path)."""
    if _CONTACT_KEY.search(key):
        return FieldKind.CONTACT
    if _CODE_KEY.search(key):
        return FieldKind.CODE
    if key in _DATE_KEYS:
        return FieldKind.DATE
    return FieldKind.TEXT


def _masked(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with every match of ``pattern`` blanked out (positions kept)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def find_in_text(text: str, kind: FieldKind = FieldKind.TEXT) -> StudentHit | None:
    """The first thing in ``text`` that looks like it identifies a student, if any."""
    contact = kind is FieldKind.CONTACT
    if not contact and _EMAIL.search(text):
        return StudentHit("an e-mail address", _REMOVE)
    if _BIRTH_WORDS.search(text):
        return StudentHit("words about a birth date", _REMOVE)
    # A web address may hold long numbers and dates of its own; they are not read.
    plain = _masked(_URL, text)
    if kind is not FieldKind.DATE and _FULL_DATE.search(plain):
        return _DATE_HIT
    if _STUDENT_ID.search(text):
        return StudentHit("a student ID", _REMOVE)
    if _STUDENT_NAME.search(text):
        return StudentHit("a student's name", _REMOVE)
    if contact:
        return None
    if _PHONE.search(plain):
        return StudentHit(
            "a phone number",
            "Remove it: the family center's number belongs in `contact_phone:` of _district.yml.",
        )
    if kind is not FieldKind.CODE and _LONG_NUMBER.search(_masked(_ZIP, plain)):
        return StudentHit(
            "a student ID (a number of 5 digits or more)",
            "Remove it: a school's code is not needed in text, and counts go in their own "
            "fields (write large numbers in text with commas, such as 12,500).",
        )
    return None


def find_in_value(value: Any, key: str) -> StudentHit | None:
    """Check one YAML value (text, or a date YAML read as a date) of the field ``key``."""
    kind = field_kind(key)
    if isinstance(value, dt.date):  # a datetime is a date too
        if kind is FieldKind.DATE:
            return None
        return _DATE_HIT
    if isinstance(value, str):
        return find_in_text(value, kind)
    return None


def safe_repr(value: Any) -> str:
    """A wrong value as a message may repeat it: short, and never what may identify a student."""
    text = repr(value)
    if find_in_text(str(value)) is not None:
        return "a value that may identify a student"
    return text if len(text) <= 60 else text[:56] + "...'"


# Keys that would describe one student. Matched on every key at every depth.
_STUDENT_KEY = re.compile(
    r"(^|_)(first|last|full|given|family|middle|sur|student)_?name$|^names?$|"
    r"student_?(id|number|no)$|^(sid|ssn|ssid|lasid|sasid|id_number)$|"
    r"birth|^dob$|^born$",
    re.IGNORECASE,
)
_STUDENT_KINDS = {"name": "a student's name", "id": "a student ID", "birth": "a birth date"}
_ONLY_TOTALS = (
    "Report cards are public and their files hold only totals for groups of students: never "
    "put student names, ID numbers, birth dates, e-mail addresses or phone numbers in them."
)


def _key_kind(name: str) -> str | None:
    if not _STUDENT_KEY.search(name):
        return None
    low = name.lower()
    if "birth" in low or low in {"dob", "born"}:
        return "birth"
    return "name" if "name" in low else "id"


def path_text(path: Sequence[str | int]) -> str:
    """A field's path as people write it: ``assessments.reading.grades[0]``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "the file"


def refuse_student_data(lined: LinedYaml, at: Sequence[str | int] = ()) -> None:
    """Stop at the first key or value that could identify one student.

    Keys: names such as ``student_name``, ``dob``, ``sasid``, or a list called ``students``.
    Values: every text (and every date) at any depth, read by :func:`find_in_value`. With
    ``at``, only the part of the file at that path is read (an importer's mapping).
    """

    def stop(path: tuple[str | int, ...], problem: str, advice: str) -> None:
        raise InputError(
            lined.display,
            f"`{path_text(path)}` {problem}. {_ONLY_TOTALS} {advice}",
            line=lined.line_of(path),
        )

    def check_value(value: Any, key: str, here: tuple[str | int, ...]) -> None:
        hit = find_in_value(value, key)
        if hit is not None:
            stop(here, f"holds what looks like {hit.what}", hit.advice)

    def walk(node: Any, path: tuple[str | int, ...], key: str) -> None:
        if isinstance(node, Mapping):
            for raw_key, value in node.items():
                name = str(raw_key)
                here = (*path, name)
                kind = _key_kind(name)
                if kind is not None and not (name == "name" and not path):
                    stop(here, f"looks like {_STUDENT_KINDS[kind]}", _REMOVE)
                if name.lower() == "students" and isinstance(value, list):
                    stop(
                        here,
                        "is a list of single students",
                        "Give the number of students instead.",
                    )
                # A key is read like text too (a date or an ID used as a key).
                key_hit = find_in_value(raw_key, "key")
                if key_hit is not None and not isinstance(raw_key, bool | int | float):
                    stop(here, f"is named with what looks like {key_hit.what}", _REMOVE)
                walk(value, here, name)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index), key)
        else:
            check_value(node, key, path)

    node = lined.data
    for step in at:
        node = node[step]
    last = next((str(step) for step in reversed(at) if isinstance(step, str)), "")
    walk(node, tuple(at), last)
