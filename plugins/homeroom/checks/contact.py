"""Every family page says how to reach a person, in its own language.

- ``contact.missing``: a page that turned off the contact lines Homeroom adds
  (``contact: false`` in its settings) but does not give the family liaison or the
  interpreter line in its own text.
- ``contact.language``: ``contact.yml`` words a person (who answers, when) in some
  languages but not in the page's, so a family would read them in another language.

What a page must give is ``contact_required`` under homeroom/feedback (default: the
liaison, the interpreter line and the feedback route; the route is
:mod:`homeroom.checks.feedback`'s ``feedback.missing``).
"""

from __future__ import annotations

from homeroom.checks.translations.names import english_name
from homeroom.data.contact import Contact
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity

_WHO = {"liaison": "the family liaison", "interpreter": "the free interpreter line"}


def _off(source: Source, key: str) -> bool:
    return source.meta.get(key) is False


def setting_line(source: Source, key: str) -> int:
    """The line of ``key:`` in the page's settings block (1 when it has none)."""
    front = source.text[: source.body_offset]
    for number, text in enumerate(front.split("\n"), start=1):
        if text.startswith(f"{key}:"):
            return number
    return 1


def contact_findings(source: Source, contact: Contact, required: tuple[str, ...]) -> list[Finding]:
    """The ``contact.*`` findings of one family page."""
    body = source.text[source.body_offset :]
    findings: list[Finding] = []
    shown = not _off(source, "contact")
    for item in ("liaison", "interpreter"):
        person = contact.person(item)
        if item not in required or person is None:
            continue
        if shown or person.said_in(body):
            if shown and not person.said_in(body):
                findings += _words_missing(source, contact, item)
            continue
        how = " or ".join(x for x in (person.phone, person.email) if x)
        findings.append(
            Finding(
                path=source.display,
                line=setting_line(source, "contact"),
                column=1,
                rule="contact.missing",
                severity=Severity.ERROR,
                message=(
                    f"This page does not say how to reach {_WHO[item]}, and `contact: false` "
                    "turns off the lines Homeroom adds at the end of the page. A family that "
                    "cannot follow the page needs a person to call. Remove `contact: false`, "
                    f'or write {how} on the page (for example in a "Where to get help" section).'
                ),
                match="contact: false",
                suggestion=how,
                language=source.language,
            )
        )
    return findings


def _words_missing(source: Source, contact: Contact, item: str) -> list[Finding]:
    person = contact.person(item)
    missing = person.words_missing(source.language) if person else []
    if not missing:
        return []
    name = english_name(source.language)
    fields = " and ".join(f"`{item}.{key}`" for key in missing)
    return [
        Finding(
            path=source.display,
            line=1,
            column=1,
            rule="contact.language",
            severity=Severity.WARNING,
            message=(
                f"{contact.display} gives {fields} for {_WHO[item]} in other languages but not "
                f"in {name}, so this page shows them in another language. Add a line "
                f"`{source.language}: ...` under {fields} in {contact.display}."
            ),
            language=source.language,
        )
    ]
