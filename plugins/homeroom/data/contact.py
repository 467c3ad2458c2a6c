"""How families reach a person, and where their answers about a page go.

The district sets these in ``content/_data/contact.yml`` (form:
:data:`~homeroom.data.contact_schema.CONTACT_SCHEMA`, read through
:mod:`homeroom.data.ruledata`): the family liaison, the free interpreter line, and the
feedback destination (its own form, an e-mail address, a number for texts or calls). The
theme shows them on every family page in the page's language; ``homeroom/feedback``
checks that every page has them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from homeroom.data.contact_schema import CONTACT_SCHEMA
from homeroom.data.ruledata import RuleFile, read_rule_file
from homeroom.data.sources import display_path
from homeroom.model.errors import InputError, raise_all

CONTACT_FILE = "contact.yml"
#: What a page can say how to reach, as ``contact_required`` names them.
ITEMS = ("liaison", "interpreter", "feedback")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
FORM_FIELDS = ("page", "lang", "version", "clear")


def phone_digits(number: str) -> str:
    """The digits a phone number is dialled with: ``(555) 010-2000`` -> ``5550102000``."""
    return re.sub(r"\D", "", number)


def phone_href(number: str) -> str:
    """A number as a link target: ten US digits get ``+1``; a ``+`` number stays."""
    digits = phone_digits(number)
    if number.strip().startswith("+"):
        return "+" + digits
    return "+1" + digits if len(digits) == 10 else digits


@dataclass(frozen=True)
class Person:
    """Someone families can reach: a phone, an e-mail, and words per language."""

    phone: str = ""
    email: str = ""
    name: Mapping[str, str] = field(default_factory=dict)
    hours: Mapping[str, str] = field(default_factory=dict)

    def words_missing(self, language: str) -> list[str]:
        """The fields given in some language but not in ``language``."""
        return [
            key
            for key, texts in (("name", self.name), ("hours", self.hours))
            if texts and language not in texts and language.split("-")[0] not in texts
        ]

    def said_in(self, text: str) -> bool:
        """Whether a page's text gives this person's phone or e-mail."""
        digits = phone_digits(text)
        if self.phone and phone_digits(self.phone) in digits:
            return True
        return bool(self.email) and self.email.casefold() in text.casefold()


@dataclass(frozen=True)
class Feedback:
    """Where a family's answer about a page goes."""

    form: str = ""
    email: str = ""
    text: str = ""
    call: str = ""

    @property
    def configured(self) -> bool:
        """Whether the district gave any destination."""
        return bool(self.form or self.email or self.text or self.call)

    def form_link(self, page: str, lang: str, version: str, clear: str) -> str:
        """The form's address with the page, language, version and answer filled in."""
        values = {"page": page, "lang": lang, "version": version, "clear": clear}
        return _PLACEHOLDER.sub(lambda m: quote(values.get(m.group(1), ""), safe=""), self.form)

    @property
    def asks_clear(self) -> bool:
        """Whether the form takes the answer itself (``{clear}``), so Yes and No are links."""
        return "{clear}" in self.form


@dataclass(frozen=True)
class Contact:
    """A site's contact settings, read from ``contact.yml``."""

    display: str
    liaison: Person | None = None
    interpreter: Person | None = None
    feedback: Feedback = field(default_factory=Feedback)
    digest: str = ""

    def has(self, item: str) -> bool:
        """Whether the data gives ``item`` (``liaison``, ``interpreter`` or ``feedback``)."""
        if item == "feedback":
            return self.feedback.configured
        return getattr(self, item) is not None

    def person(self, item: str) -> Person | None:
        """The liaison or the interpreter line."""
        if item == "liaison":
            return self.liaison
        return self.interpreter if item == "interpreter" else None


#: Nothing configured: a site without ``contact.yml``.
NO_CONTACT = Contact(display=CONTACT_FILE)


def _person(file: RuleFile, key: str) -> Person | None:
    raw = file.value([key])
    if not isinstance(raw, Mapping) or not file.valid([key]):
        return None
    return Person(
        phone=str(raw.get("phone") or ""),
        email=str(raw.get("email") or ""),
        name={str(k): " ".join(str(v).split()) for k, v in (raw.get("name") or {}).items()},
        hours={str(k): " ".join(str(v).split()) for k, v in (raw.get("hours") or {}).items()},
    )


def read_contact(file: RuleFile, required: tuple[str, ...] = (), digest: str = "") -> Contact:
    """The contact settings of a checked file; ``required`` items must be there."""
    raw_feedback = file.value(["feedback"]) or {}
    feedback = Feedback()
    if isinstance(raw_feedback, Mapping) and file.valid(["feedback"]):
        feedback = Feedback(
            **{k: str(raw_feedback.get(k) or "") for k in ("form", "email", "text", "call")}
        )
        unknown = sorted(set(_PLACEHOLDER.findall(feedback.form)) - set(FORM_FIELDS))
        missing = [f for f in FORM_FIELDS[:3] if feedback.form and f"{{{f}}}" not in feedback.form]
        if unknown or missing:
            odd = ", ".join("{" + u + "}" for u in unknown)
            file.fail(
                ["feedback", "form"],
                "an address that carries {page}, {lang} and {version} (and {clear} for the "
                "answer), so staff know which page and which version a family answered about"
                + (f"; {odd} is not one of them" if unknown else ""),
                found=feedback.form,
            )
    contact = Contact(
        display=file.display,
        liaison=_person(file, "liaison"),
        interpreter=_person(file, "interpreter"),
        feedback=feedback,
        digest=digest,
    )
    whom = {
        "liaison": "the family liaison",
        "interpreter": "the free interpreter line",
        "feedback": "the district with an answer about the page",
    }
    for item in required:
        if not contact.has(item) and file.valid([item]):
            what = {
                "liaison": "`liaison:` with the family liaison's `phone:` or `email:`",
                "interpreter": "`interpreter:` with the free interpreter line's `phone:`",
                "feedback": "`feedback:` with a `form:`, `email:`, `text:` or `call:` for answers "
                "about a page",
            }[item]
            file.add(
                [],
                f"every family page must say how to reach {whom[item]}, "
                f"but this file has no {what}. Add it, or take `{item}` out of "
                "`contact_required` under homeroom/feedback in mkdocs.yml.",
            )
    return contact


def load_contact(
    data_dir: Path,
    project_root: Path | None,
    name: str = CONTACT_FILE,
    required: tuple[str, ...] = (),
) -> Contact:
    """Read ``contact.yml``; without the file, nothing is configured (unless items are required)."""
    path = data_dir / name
    shown = display_path(path, project_root)
    if not path.is_file():
        if required:
            raise InputError(
                shown,
                "this file does not exist. It says how families reach the family liaison, "
                "the interpreter line and where their answers about a page go; create it, or "
                "set `contact_required: []` under homeroom/feedback in mkdocs.yml.",
            )
        return Contact(display=shown)
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    file = read_rule_file(path, shown, CONTACT_SCHEMA, empty={}, text=text)
    contact = read_contact(file, required, digest)
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
    return contact
