"""One-page handouts to print: a page's key sections, a QR code back to it, a person to call.

Families bring printed pages to meetings, and many reach the internet only through a
phone. Each page of a type listed in ``content/_data/handouts.yml`` gets, in every
language it is published in, a handout at ``handouts/<page>/`` (``es/handouts/<page>/``):
the sections the data names, copied from the page as the author wrote them (links become
their words: paper cannot be clicked), a QR code that opens the whole page in the same
language, its address written out, and the family liaison, the interpreter line and how
to tell the district what was not clear. The theme prints it on one Letter or A4 sheet
(``tests/browser`` checks both, and decodes every code).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from homeroom.checks.pagetypes import headings
from homeroom.data.contact import Contact
from homeroom.data.handouts import Handouts
from homeroom.data.pageinfo import page_id, page_url
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.errors import ConfigError
from homeroom.text.family_words import family_words
from homeroom.theme.feedback import contact_lines, feedback_links
from homeroom.theme.qr import qr_svg

# An inline link or image: `[words](target)`; the words stay.
_LINK = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\([^)\n]*\)")


@dataclass(frozen=True)
class Handout:
    """One handout page: where it is published, its language, its Markdown, its code's URL."""

    uri: str
    language: str
    page: str
    text: str
    url: str


def sections_markdown(source: Source, ids: Iterable[str]) -> list[str]:
    """The Markdown of each section ``ids`` names, in the page's order, links as words."""
    lines = source.text.split("\n")
    found = [h for h in headings(source.text) if h.level >= 2]
    wanted = set(ids)
    parts = []
    for index, heading in enumerate(found):
        if heading.id not in wanted:
            continue
        end = next((h.line for h in found[index + 1 :] if h.level <= heading.level), None)
        chunk = lines[heading.line - 1 : (end - 1) if end else len(lines)]
        parts.append(_LINK.sub(lambda m: m.group("text"), "\n".join(chunk)).strip())
    return parts


def _contact_markdown(contact: Contact, language: str, page: str, version: str) -> list[str]:
    words = family_words(language)
    items = []
    for line in contact_lines(contact, language):
        how = ", ".join(x for x in (line.phone, line.email) if x)
        items.append(f"- **{line.label}:** {how}")
    ways = [
        f"{link.label}: {link.shown}"
        for link in feedback_links(contact, language, page, version)
        if link.shown
    ]
    if ways:
        items.append(f"- **{words.get('feedback', 'title')}** {'; '.join(ways)}")
    return items


def handout_text(
    source: Source,
    sections: list[str],
    url: str,
    contact: Contact,
    version: str,
    folder: str = "handouts",
) -> str:
    """The handout's Markdown (front matter included)."""
    words = family_words(source.language)
    title = str(source.meta.get("title") or page_id(source.page))
    page = page_id(source.page)
    qr = qr_svg(url, f"{words.get('handout', 'scan')} {url}")
    front = [
        "---",
        f"title: {_quoted(title)}",
        "type: handout",
        f"handout_of: {_quoted(page)}",
        "search:",
        "  exclude: true",
        "---",
        "",
        '<div class="homeroom-handout" markdown>',
        "",
        '<figure class="homeroom-handout-qr">',
        qr,
        f'<figcaption>{words.get("handout", "scan")}<br><span dir="ltr">{url}</span></figcaption>',
        "</figure>",
        "",
        f"# {title}",
        "",
        f"[{words.get('handout', 'whole_page')}]({posixpath.relpath(source.page, folder)})"
        "{: .homeroom-handout-whole }",
        "",
        '<div class="homeroom-handout-columns" markdown>',
        "",
    ]
    body = "\n\n".join(sections)
    contact_part = _contact_markdown(contact, source.language, page, version)
    tail = ["", "</div>", "", '<div class="homeroom-handout-contact" markdown>', ""]
    return "\n".join([*front, body, *tail, *contact_part, "", "</div>", "", "</div>", ""])


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def handouts(
    settings: Settings,
    sources: Iterable[Source],
    data: Handouts,
    contact: Contact,
    folder: str = "handouts",
) -> list[Handout]:
    """Every handout of the site, for every page and language it has one in."""
    from homeroom.data.pageinfo import page_version

    if not settings.site_url:
        raise ConfigError(
            "mkdocs.yml: `site_url` is empty, so a handout's QR code cannot open the page. "
            "Set it to the site's public address, for example `site_url: "
            "https://families.district.org/`, or remove homeroom/handouts."
        )
    default = settings.languages.default.code
    made = []
    for source in sources:
        ids = data.sections.get(source.page_type or "")
        if not ids:
            continue
        parts = sections_markdown(source, ids)
        if not parts:
            continue
        url = page_url(
            settings.site_url, source.page, source.language, default, settings.use_directory_urls
        )
        page = page_id(source.page)
        text = handout_text(source, parts, url, contact, page_version(source.text), folder)
        made.append(Handout(f"{folder}/{page}.md", source.language, page, text, url))
    return made
