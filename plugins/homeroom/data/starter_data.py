"""The editorial data ``homeroom init`` writes for a site's languages (``_data/notices.yml``).

Homeroom ships the notices families see ("This page is not in Spanish yet") for the
languages it knows (:mod:`homeroom.text.lang`). A site with a language Homeroom does not
know needs its own file, and that file replaces the shipped texts, so it carries both: the
shipped texts for the languages Homeroom knows, and for the others plain English wording,
marked for the district to translate. The English wording never names a language in
another language's words ("This page is in inglês").
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from homeroom.data.notices import KEYS, NOTICES_FILE, language_name_in
from homeroom.text.lang import every_language

__all__ = ["NOTICES_FILE", "notices_text"]


def _placeholder(default: str) -> dict[str, str]:
    source_name = language_name_in(default, "en")
    return {
        "fallback_title": "This page is not translated yet",
        "fallback_body": f"It is shown in {source_name} until it is translated. "
        "Call the free interpreter line for help.",
        "in_default_language": f"in {source_name}",
    }


def notices_text(languages: Sequence[str], default: str) -> tuple[str | None, tuple[str, ...]]:
    """The text of ``_data/notices.yml`` for a site, and the languages still to translate.

    None when Homeroom's own notices cover every language of the site (no file is needed).
    """
    shipped = {w.code: dict(w.notices) for w in every_language() if w.notices}
    to_translate = tuple(
        code for code in languages if not all(shipped.get(code, {}).get(key) for key in KEYS)
    )
    if not to_translate:
        return None, ()
    blocks: list[str] = [
        "# Notices families see about the language of a page, in their own language.",
        "# Written by homeroom init from Homeroom's own texts. Lines marked TRANSLATE are",
        "# still in English: a person fluent in the language should write them.",
        "source: \"Homeroom's notices; Title VI guidance: tell families plainly when a "
        'document is not in their language."',
        "languages:",
    ]
    for code in languages:
        texts = shipped.get(code) if code not in to_translate else _placeholder(default)
        assert texts is not None  # noqa: S101 - every language is shipped or a placeholder
        if code in to_translate:
            name = language_name_in(code, "en")
            blocks.append(f"  # TRANSLATE into {name}: these three lines are still in English.")
        dumped = yaml.safe_dump(
            {code: {key: texts[key] for key in KEYS}}, allow_unicode=True, width=1000
        )
        blocks.extend("  " + line for line in dumped.rstrip("\n").split("\n"))
    return "\n".join(blocks) + "\n", to_translate
