"""Find the HTML on a page that runs code, embeds another site, redirects or collects input.

Also what is wrong with an address (:func:`url_problem`), by which a page's Markdown
links are judged too, and the messages of the rules HTML and Markdown share. Used by
:mod:`homeroom.checks.content`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from homeroom.text.html_text import parses_in_linear_time

_ELEMENTS = {
    "script": "content.script",
    "iframe": "content.iframe",
    "frame": "content.iframe",
    "frameset": "content.iframe",
    "object": "content.embed",
    "embed": "content.embed",
    "applet": "content.embed",
    "portal": "content.embed",
    "form": "content.form",
    "base": "content.redirect",
}

#: What each rule says, by rule (``content.base`` and ``content.data-url`` are the
#: messages of ``content.redirect`` and ``content.javascript-url`` for those cases).
MESSAGES = {
    "content.script": (
        "`<{tag}>` runs code in the browser of every family who opens this page. Family "
        "pages never need it, and the site's security policy blocks it, so at best it "
        "breaks the page. Remove it; to share a video, a map or a form, link to it."
    ),
    "content.iframe": (
        "`<{tag}>` shows another website inside this page, where families cannot tell whose "
        "it is, and it rarely fits a phone (the site's security policy blocks it too). "
        "Remove it and link to that page instead: [Watch the video](https://...)."
    ),
    "content.embed": (
        "`<{tag}>` loads a plug-in or another file into this page: phones often cannot show "
        "it, and it can run code. Remove it and link to the file instead."
    ),
    "content.form": (
        "`<form>` would send what families type to the address in it, and this site cannot "
        "receive or protect what they share. Remove it and link to the district's own form "
        "instead."
    ),
    "content.base": (
        "`<base>` changes where every link on this page goes, so families could be sent to "
        "another site without knowing. Remove it and write each link in full."
    ),
    "content.redirect": (
        '`<meta http-equiv="refresh">` sends families to another address without asking, '
        "before they can read this page. Remove it; if the page moved, write a normal link "
        "to the new address."
    ),
    "content.event-handler": (
        "`{name}=` runs code when a family opens or taps this part of the page. Family pages "
        "never need it, and the site's security policy blocks it. Remove `{name}=...`."
    ),
    "content.javascript-url": (
        "This address starts with `{scheme}`, so opening it runs code instead of going to a "
        "page. Link to a real web address (https://...) instead."
    ),
    "content.data-url": (
        "This `data:` address holds a whole hidden page or file instead of pointing at one, "
        "so families cannot see where it leads, and it can run code. Put the file on the site "
        "or link to a real web address (https://...) instead."
    ),
}

# Attributes that hold an address the browser loads or opens.
_URL_ATTRIBUTES = {
    "action",
    "background",
    "cite",
    "codebase",
    "data",
    "dynsrc",
    "formaction",
    "href",
    "icon",
    "longdesc",
    "lowsrc",
    "manifest",
    "ping",
    "poster",
    "src",
    "xlink:href",
}
_CODE_SCHEMES = ("javascript:", "vbscript:", "livescript:")
# Pictures written into the page are harmless; any other data: address is not needed.
_SAFE_DATA = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp|avif|bmp)[;,]")
#: An attribute that runs code when something happens (``onclick``, ``onerror``...).
EVENT_HANDLER = re.compile(r"on[a-z]+", re.IGNORECASE)
# What a browser ignores in an address: leading and trailing spaces and control
# characters, and tabs and newlines anywhere.
_URL_JUNK = re.compile(r"[\t\n\r]")
_URL_EDGES = re.compile(r"^[\x00-\x20\x7f]+|[\x00-\x20\x7f]+$")


@dataclass(frozen=True)
class Hit:
    """One thing found in a text: its rule, where it starts, what it is, what to say."""

    rule: str
    offset: int
    match: str
    message: str


def url_problem(value: str, attribute: str = "href") -> str | None:
    """What is wrong with an address: ``"code"``, ``"data"``, or None when it is safe.

    Character references are decoded and what browsers ignore is removed first, so
    ``&#106;avascript:`` and ``java<tab>script:`` are found too. A ``data:`` address is
    a problem where the browser loads or opens it (``href``, ``src`` ...), unless it is a
    picture.
    """
    cleaned = _URL_EDGES.sub("", _URL_JUNK.sub("", html.unescape(value))).lower()
    if cleaned.startswith(_CODE_SCHEMES):
        return "code"
    name = attribute.lower()
    if cleaned.startswith("data:") and (name in _URL_ATTRIBUTES or name.endswith(("href", "src"))):
        return None if _SAFE_DATA.match(cleaned) else "data"
    return None


def url_hit(problem: str, offset: int, value: str) -> Hit:
    """One rule for every address that runs code or hides a page; the message says which."""
    shown = _URL_EDGES.sub("", _URL_JUNK.sub("", html.unescape(value)))
    if problem == "data":
        return Hit("content.javascript-url", offset, shown[:80], MESSAGES["content.data-url"])
    scheme = shown.split(":", 1)[0].lower() + ":"
    message = MESSAGES["content.javascript-url"].format(scheme=scheme)
    return Hit("content.javascript-url", offset, shown[:80], message)


class _Scanner(HTMLParser):
    """Collect the HTML on a page that runs code, embeds, redirects or collects input."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = (0, *(m.end() for m in re.finditer("\n", text)))
        self.hits: list[Hit] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or f"<{tag}>"
        rule = _ELEMENTS.get(tag)
        if rule is not None:
            key = "content.base" if tag == "base" else rule
            self.hits.append(Hit(rule, start, f"<{tag}>", MESSAGES[key].format(tag=tag)))
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.hits.append(Hit("content.redirect", start, raw[:80], MESSAGES["content.redirect"]))
        for name, value in attrs:
            where = start + _attribute_offset(raw, name)
            if EVENT_HANDLER.fullmatch(name):
                self.hits.append(
                    Hit(
                        "content.event-handler",
                        where,
                        name,
                        MESSAGES["content.event-handler"].format(name=name),
                    )
                )
            problem = url_problem(value or "", name)
            if problem is not None:
                self.hits.append(url_hit(problem, where, value or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def parse_html_declaration(self, i: int) -> int:
        # `<![name ...]>` other than CDATA: a comment to browsers; Python's parser refuses it.
        if self.rawdata.startswith("<![", i) and not self.rawdata.startswith("<![CDATA[", i):
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return super().parse_html_declaration(i)


def _attribute_offset(raw: str, name: str) -> int:
    """Where attribute ``name`` starts inside the raw start tag (0 if not found)."""
    m = re.search(r"(?<=[\s\"'/])" + re.escape(name) + r"(?=[\s=/>]|$)", raw, re.IGNORECASE)
    return m.start() if m else 0


def html_hits(text: str) -> list[Hit]:
    """The HTML in ``text`` that no family page may hold (nothing if ``text`` has no tag).

    Python's parser gives up on a few broken declarations (``<![x]``) that browsers read
    as comments: that ``<`` is then read as a plain character and the text read again.
    """
    if "<" not in text:
        return []
    if not parses_in_linear_time(text):
        # Unclosed tags and comments make Python's parser read the text again and again:
        # hostile input is read by patterns instead, which find the same things.
        return _hits_by_pattern(text)
    current = text
    for _ in range(text.count("<")):
        scanner = _Scanner(current)
        try:
            scanner.feed(current)
            scanner.close()
        except AssertionError:
            stuck = current.find("<", scanner._offset())
            if stuck < 0:
                return scanner.hits
            current = f"{current[:stuck]} {current[stuck + 1 :]}"
            continue
        return scanner.hits
    return []


# Read without a parser: a start tag's name, and the attributes up to its end.
_TAG_START = re.compile(r"<(?P<tag>[a-zA-Z][\w:-]*)(?P<attrs>[^<>]*)")
_TAG_ATTR = re.compile(
    r"(?:^|[\s\"'/])(?P<name>[^\s\"'/=<>]+)\s*=\s*(?P<value>\"[^\"<>]*\"?|'[^'<>]*'?|[^\s<>]*)"
)


def _hits_by_pattern(text: str) -> list[Hit]:
    """What :class:`_Scanner` finds, read with patterns that look at each tag once.

    Used on broken HTML only; a tag that never closes is still read up to the next
    ``<``, as a browser would read its attributes.
    """
    hits: list[Hit] = []
    for tag in _TAG_START.finditer(text):
        name = tag.group("tag").lower()
        start = tag.start()
        rule = _ELEMENTS.get(name)
        if rule is not None:
            key = "content.base" if name == "base" else rule
            hits.append(Hit(rule, start, f"<{name}>", MESSAGES[key].format(tag=name)))
        attrs = tag.group("attrs")
        values: dict[str, str] = {}
        for attr in _TAG_ATTR.finditer(attrs):
            attr_name, value = attr.group("name").lower(), attr.group("value").strip("\"'")
            values[attr_name] = value
            where = tag.start("attrs") + attr.start("name")
            if EVENT_HANDLER.fullmatch(attr_name):
                message = MESSAGES["content.event-handler"].format(name=attr_name)
                hits.append(Hit("content.event-handler", where, attr_name, message))
            problem = url_problem(value, attr_name)
            if problem is not None:
                hits.append(url_hit(problem, where, value))
        if name == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            raw = tag.group(0)[:80]
            hits.append(Hit("content.redirect", start, raw, MESSAGES["content.redirect"]))
    return hits
