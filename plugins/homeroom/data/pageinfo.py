"""What identifies a published page to a family's answer: its id, its version, its address.

A feedback link, a text message and a handout's QR code all name a page the same way:

- the *page id* is the page's file name without the language suffix and ``.md``
  (``grade-3``, ``schools/alder-elementary``), the same in every language;
- the *version* is a hash of the page's words and numbers (spacing and punctuation do not
  count, as for translation records), so an answer can be matched with the text the
  family read, and an answer about an older text is known to be one;
- the *address* is where the page is published in a language, from mkdocs.yml's
  ``site_url`` (``https://families.example.org/es/grade-3/``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from homeroom.data.sources import FRONT_MATTER_RE

_WORDS = re.compile(r"[^\W_]+")

#: Page types that are not for families: no feedback question, no contact lines, no checks
#: that a family can answer them.
NOT_FOR_FAMILIES = frozenset({"staff", "handout"})


def page_id(page: str) -> str:
    """``grade-3.md`` -> ``grade-3``; ``schools/index.md`` -> ``schools/index``."""
    return page[: -len(".md")] if page.endswith(".md") else page


def page_version(text: str) -> str:
    """16 hexadecimal digits that change when the words or numbers of a page's body change."""
    match = FRONT_MATTER_RE.match(text)
    body = text[match.end() :] if match else text
    words = " ".join(_WORDS.findall(unicodedata.normalize("NFKC", body).casefold()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def page_path(page: str, language: str, default: str, use_directory_urls: bool = True) -> str:
    """The page's address inside the site: ``es/grade-3/``, ``grade-3/``, ``""`` for home."""
    stem = page_id(page)
    home = stem == "index" or stem.endswith("/index")
    if not use_directory_urls:
        path = stem + ".html"
    else:
        path = stem[: -len("index")] if home else stem + "/"
    return path if language == default else f"{language}/{path}"


def page_url(
    site_url: str, page: str, language: str, default: str, use_directory_urls: bool = True
) -> str:
    """The page's full address for a family: ``https://.../es/grade-3/`` (``site_url`` set)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + page_path(page, language, default, use_directory_urls)
