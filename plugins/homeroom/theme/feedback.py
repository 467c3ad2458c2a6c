"""The end of every family page: "Was this page clear?" and how to reach a person.

Plain links, no script and no request until a family taps one: the district's own form
(with the page, language and version filled in), an e-mail or a text message already
saying which page and version it is about, a number to call. Below them, the family
liaison and the free interpreter line, from ``content/_data/contact.yml``, each left out
when the page's own text already gives it. All words are in the page's language
(:mod:`homeroom.text.family_words`). ``overrides/partials/feedback.html`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from homeroom.data.contact import Contact, Person, phone_href
from homeroom.data.pageinfo import NOT_FOR_FAMILIES
from homeroom.text.family_words import family_words


@dataclass(frozen=True)
class Link:
    """One way to answer: its words, where it goes, and what kind it is."""

    label: str
    href: str
    kind: str
    """``yes``, ``no``, ``form``, ``text``, ``email`` or ``call``."""
    shown: str = ""
    """What is printed after the label (a phone number, an e-mail address)."""


@dataclass(frozen=True)
class ContactLine:
    """One person to reach: what they are, and how."""

    label: str
    phone: str = ""
    phone_href: str = ""
    email: str = ""
    hours: str = ""


@dataclass(frozen=True)
class FeedbackBlock:
    """Everything the template shows at the end of one page in one language."""

    language: str
    page: str
    version: str
    title: str = ""
    answers: tuple[Link, ...] = ()
    """Yes and No (the form takes the answer), or one link to the form."""
    tell_us: str = ""
    others: tuple[Link, ...] = ()
    call_say: str = ""
    privacy: str = ""
    contact_title: str = ""
    contacts: tuple[ContactLine, ...] = ()

    @property
    def asks(self) -> bool:
        """Whether the block has the feedback question."""
        return bool(self.answers or self.others)


def _message(language: str, page: str, version: str) -> str:
    return family_words(language).get(
        "feedback", "message", page=page, lang=language, version=version
    )


def feedback_links(contact: Contact, language: str, page: str, version: str) -> list[Link]:
    """Every link that carries an answer: Yes and No or the form, then text, e-mail, call."""
    words = family_words(language)
    dest = contact.feedback
    links: list[Link] = []
    if dest.form and dest.asks_clear:
        for answer in ("yes", "no"):
            href = dest.form_link(page, language, version, answer)
            links.append(Link(words.get("feedback", answer), href, answer))
    elif dest.form:
        links.append(
            Link(
                words.get("feedback", "title"), dest.form_link(page, language, version, ""), "form"
            )
        )
    message = quote(_message(language, page, version), safe="")
    if dest.text:
        href = f"sms:{phone_href(dest.text)}?&body={message}"
        links.append(Link(words.get("feedback", "by_text"), href, "text", dest.text))
    if dest.email:
        subject = quote(f"{words.get('feedback', 'title')} {page} ({language})", safe="")
        href = f"mailto:{dest.email}?subject={subject}&body={message}"
        links.append(Link(words.get("feedback", "by_email"), href, "email", dest.email))
    if dest.call:
        href = f"tel:{phone_href(dest.call)}"
        links.append(Link(words.get("feedback", "by_call"), href, "call", dest.call))
    return links


def _line(person: Person, label: str, language: str) -> ContactLine:
    name = person.name.get(language) or person.name.get(language.split("-")[0], "")
    full = f"{label} ({name})" if name else label
    hours = person.hours.get(language) or person.hours.get(language.split("-")[0], "")
    if not hours and person.hours:
        hours = next(iter(person.hours.values()))
    return ContactLine(
        label=full,
        phone=person.phone,
        phone_href=phone_href(person.phone) if person.phone else "",
        email=person.email,
        hours=hours,
    )


def contact_lines(contact: Contact, language: str, page_text: str = "") -> list[ContactLine]:
    """The liaison and the interpreter line, each left out when ``page_text`` already gives it."""
    words = family_words(language)
    lines = []
    for item in ("liaison", "interpreter"):
        person = contact.person(item)
        if person is not None and not person.said_in(page_text):
            lines.append(_line(person, words.get("contact", item), language))
    return lines


def feedback_block(
    contact: Contact,
    *,
    language: str,
    page: str,
    version: str,
    page_type: str | None,
    page_text: str = "",
    ask: bool = True,
    show_contact: bool = True,
) -> FeedbackBlock | None:
    """The block for one page, or None when it has nothing to show (or is not for families).

    ``ask=False`` (``feedback: false`` on the page) leaves out the question; ``show_contact
    =False`` (``contact: false``) the contact lines.
    """
    if page_type in NOT_FOR_FAMILIES:
        return None
    words = family_words(language)
    links = feedback_links(contact, language, page, version) if ask else []
    answers = tuple(link for link in links if link.kind in ("yes", "no", "form"))
    others = tuple(link for link in links if link.kind not in ("yes", "no", "form"))
    contacts = tuple(contact_lines(contact, language, page_text)) if show_contact else ()
    if not links and not contacts:
        return None
    return FeedbackBlock(
        language=language,
        page=page,
        version=version,
        title=words.get("feedback", "title"),
        answers=answers,
        tell_us=words.get("feedback", "tell_us") if answers and others else "",
        others=others,
        call_say=words.get("feedback", "call_say", page=page)
        if any(link.kind == "call" for link in others)
        else "",
        privacy=words.get("feedback", "privacy") if links else "",
        contact_title=words.get("contact", "title") if contacts else "",
        contacts=contacts,
    )
