"""``i18n.untranslated-block``: a paragraph of a translated page written in another language.

A translator works through a page, and a paragraph is left in English: the Spanish page
then tells a family reading Spanish the one thing it most needed (a date, what to bring)
in a language it may not read. The check reads every paragraph, list item, quote and
admonition of a page in a language other than the site's default, and asks a language
detector (lingua, whose models ship inside its package: nothing is downloaded) which of the
site's languages it is written in.

Names, addresses, URLs, e-mail addresses, numbers and words written with a capital letter
(a school's name, a street) are taken out first: they read the same in every language. A
block with too few words left is not judged. The detector must give the page's own
language almost no chance (:data:`DOUBT`) and like another language best. (It once also had
to be 90% sure of that one language; with twelve site languages the chance of an English
block is shared among English, Tagalog and Somali, and that rule missed a quarter of the
English blocks; see BENCHMARKS.md, "Language of each block".)

Languages the detector does not know (Haitian Creole, Hmong, ...) are not judged: a page in
one of them gets no finding, and says so in its metrics (``untranslated: not checked``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from homeroom.checks import PageResult
from homeroom.checks.translations.names import english_name
from homeroom.model.findings import Finding, Severity

if TYPE_CHECKING:
    from homeroom.data.settings import Settings
    from homeroom.data.sources import Source
    from homeroom.text.prose import ProseDocument

RULE = "i18n.untranslated-block"
#: The prose blocks judged: headings, table cells and captions are too short to tell.
KINDS = frozenset({"paragraph", "list_item", "quote", "admonition"})
#: Words (or, in a script written without spaces, characters / 3) a block needs once names,
#: numbers and addresses are out.
MIN_WORDS = 6
#: At most this much chance for the page's own language.
DOUBT = 0.05

# Letters of scripts written without spaces between words (Thai, Lao, Burmese, Japanese
# kana, Chinese, Korean): there a block's length is counted in characters.
_SPACELESS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def base_code(code: str) -> str:
    """``zh-Hant`` -> ``zh``: the detector knows languages, not their regional forms."""
    return code.split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=64)
def detector_language(code: str) -> Any:
    """The detector's language for a site language code, or None if it does not know it."""
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, base_code(code).upper(), None)
    if iso is None:
        return None
    try:
        return Language.from_iso_code_639_1(iso)
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _detector(languages: tuple[Any, ...]) -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*languages).build()


def language_text(plain: str) -> str:
    """The words of a block that belong to its language: no names, numbers or addresses."""
    kept = []
    for token in plain.split():
        word = token.strip(".,;:!?¡¿()[]{}\"'“”‘’«»—–-…*_")
        if not word or any(ch.isdigit() for ch in word):
            continue  # a number, a date, a time, a phone number
        if any(mark in word for mark in ("://", "www.", "@", "/")):
            continue  # an address on the web, an e-mail address, a path
        if word[0].isupper():
            continue  # a name, a street, an acronym, or the first word of a sentence
        kept.append(word)
    return " ".join(kept)


def enough(text: str) -> bool:
    """Whether a block has enough words of its language to be judged."""
    spaceless = len(_SPACELESS.findall(text))
    return len(text.split()) >= MIN_WORDS or spaceless >= 3 * MIN_WORDS


def judge(text: str, page: str, languages: Sequence[str]) -> tuple[str, float] | None:
    """(the other site language ``text`` is written in, how sure), or None if it is ``page``'s.

    ``languages`` are the site's language codes; those the detector does not know are left
    out of the question.
    """
    own = detector_language(page)
    if own is None:
        return None
    known = {code: detector_language(code) for code in languages}
    known = {code: lang for code, lang in known.items() if lang is not None}
    if len(set(known.values())) < 2:
        return None
    detector = _detector(tuple(sorted(set(known.values()), key=lambda lang: lang.name)))
    values = {
        value.language: value.value for value in detector.compute_language_confidence_values(text)
    }
    best = max(values, key=lambda lang: values[lang])
    if best == own or values.get(own, 0.0) > DOUBT:
        return None
    code = next(code for code, lang in known.items() if lang == best)
    return code, values[best]


class UntranslatedBlockCheck:
    """Blocks of a translated page written in another of the site's languages."""

    name = "translations"

    def __init__(self, languages: Sequence[str], default: str) -> None:
        """For a site in ``languages`` whose pages are written first in ``default``."""
        self.languages = tuple(languages)
        self.default = default

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """One finding per block in another language, at the block's first line."""
        if source.language == self.default or len(self.languages) < 2:
            return PageResult()
        if detector_language(source.language) is None:
            return PageResult(metrics={"untranslated": "not checked"})
        found = []
        for unit in doc.units:
            if unit.kind not in KINDS:
                continue
            text = language_text(unit.plain)
            if not enough(text):
                continue
            verdict = judge(text, source.language, self.languages)
            if verdict is None:
                continue
            other, _ = verdict
            line, column = doc.position(unit.start + len(unit.text) - len(unit.text.lstrip()))
            page_name, other_name = english_name(source.language), english_name(other)
            found.append(
                Finding(
                    source.display,
                    line,
                    column,
                    RULE,
                    Severity.WARNING,
                    f"This part of the {page_name} page seems to be written in {other_name}: "
                    f"a family reading {page_name} may not understand it, and it may be the "
                    f"one thing they needed to know. Translate it into {page_name}. If it is "
                    f"meant to stay in {other_name} (a quotation, a form's exact title), say "
                    f"so with `<!-- homeroom allow {RULE}: the reason -->` on the line "
                    "before it.",
                    match=_excerpt(unit.plain),
                    language=source.language,
                )
            )
        return PageResult(findings=tuple(found))


def _excerpt(plain: str, limit: int = 60) -> str:
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def build(settings: Settings) -> UntranslatedBlockCheck:
    """The check for a site's languages."""
    return UntranslatedBlockCheck(settings.languages.codes, settings.languages.default.code)


def data_files(settings: Settings) -> list[Any]:
    """No data file: only the site's languages (in the check's fingerprint) matter."""
    return []
