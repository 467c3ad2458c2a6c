"""The theme's inline scripts, allowed one by one in the Content-Security-Policy.

The policy in ``overrides/main.html`` lets a page run scripts from the site's own files
and, inline, only the scripts the theme itself writes into every page (Material's
storage helpers, colour-scheme and tab-anchor scripts). Each of those is allowed by the
SHA-256 hash of its text, computed at build time from the theme's templates, so an
update of Material that changes one of them changes its hash too, and a script that is
not in a template (one pasted into a page) is never allowed: no ``'unsafe-inline'``.

Only scripts whose text is fixed in the template can be allowed this way: a script with
``{{ ... }}`` inside would differ from page to page. The theme's overrides keep any
value such a script needs in a ``data-`` attribute instead.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# An inline <script> element: its attributes and its text.
_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^<>]*)?)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
_JINJA = re.compile(r"\{[{%#]")

#: ``type=`` values a browser runs as a script (none, or one of these).
SCRIPT_TYPES = frozenset({"text/javascript", "application/javascript", "module"})


def script_hash(text: str) -> str:
    """The policy source that allows exactly one inline script: ``'sha256-...'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def fixed_inline_scripts(template: str) -> list[str]:
    """The text of each inline script in a template whose text does not vary.

    Scripts that load a file (``src=``), data blocks (``type="application/json"``) and
    scripts built from template values are left out.
    """
    found = []
    for m in _SCRIPT.finditer(template):
        attrs = m.group("attrs")
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind is not None and kind.group("type").lower() not in SCRIPT_TYPES:
            continue
        if _JINJA.search(m.group("body")):
            continue
        found.append(m.group("body"))
    return found


def script_hashes(templates: Iterable[str]) -> list[str]:
    """The policy sources for every fixed inline script of the templates, sorted, once each."""
    return sorted({script_hash(body) for text in templates for body in fixed_inline_scripts(text)})
