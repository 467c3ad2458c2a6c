"""Languages a site publishes, and how a file name says which one it is in."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from homeroom.model.errors import ConfigError

# A file name's language suffix: `page.es.md`, `page.zh-Hant.md`, `page.pt_BR.md`.
SUFFIX_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")

# Scripts written right to left, by base language code.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})


#: Languages families read at home that Babel (CLDR) names wrongly or not at all: the name
#: in English and the language's own name. CLDR files Tagalog under Filipino, and has no
#: Hmong.
NAMES: Mapping[str, tuple[str, str]] = {
    "hmn": ("Hmong", "Hmoob"),
    "tl": ("Tagalog", "Tagalog"),
}


def english_language_name(code: str) -> str:
    """The language's name in English (``Spanish``), or its code if unknown."""
    known = NAMES.get(code) or NAMES.get(re.split(r"[-_]", code, maxsplit=1)[0].lower())
    if known:
        return known[0]
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        return code


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str
    default: bool = False

    @property
    def base(self) -> str:
        """The base language code (``zh`` for ``zh-Hant``)."""
        return re.split(r"[-_]", self.code, maxsplit=1)[0].lower()

    @property
    def direction(self) -> str:
        """``rtl`` or ``ltr``."""
        return "rtl" if self.base in RTL_LANGUAGES else "ltr"


def language_name(code: str) -> str | None:
    """The language's own name for itself (``Español`` for ``es``), or None if unknown."""
    if code in NAMES:
        return NAMES[code][1]
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class LanguageSet:
    """The languages a site publishes; the default one has no file suffix."""

    languages: tuple[Language, ...]
    open: bool = False
    """With no site configuration, accept any language code Babel knows."""

    @property
    def default(self) -> Language:
        """The language of files without a suffix."""
        for lang in self.languages:
            if lang.default:
                return lang
        return self.languages[0]

    @property
    def codes(self) -> tuple[str, ...]:
        """All codes, default first."""
        rest = tuple(lang.code for lang in self.languages if lang != self.default)
        return (self.default.code, *rest)

    def get(self, code: str) -> Language | None:
        """The language with this code, if the site publishes it."""
        for lang in self.languages:
            if lang.code == code:
                return lang
        if self.open:
            name = language_name(code)
            if name is not None:
                return Language(code=code, name=name)
        return None

    @classmethod
    def from_i18n(cls, entries: Iterable[Mapping[str, Any]] | None) -> LanguageSet:
        """Build from mkdocs-static-i18n's ``languages`` list (``locale``, ``default``, ``name``).

        With no i18n configuration the site is English only.
        """
        langs: list[Language] = []
        for index, entry in enumerate(entries or ()):
            if not isinstance(entry, Mapping) or not isinstance(entry.get("locale"), str):
                raise ConfigError(
                    f"plugins > i18n > languages, entry {index + 1}: expected a mapping with a "
                    "'locale' such as `- locale: es` followed by `name: Español`"
                )
            code = entry["locale"]
            name = entry.get("name") or language_name(code) or code
            langs.append(Language(code=code, name=str(name), default=bool(entry.get("default"))))
        if not langs:
            langs.append(Language(code="en", name="English", default=True))
        if sum(lang.default for lang in langs) > 1:
            raise ConfigError(
                "plugins > i18n > languages: more than one language has `default: true`"
            )
        return cls(tuple(langs))


def split_suffix(filename: str) -> tuple[str, str | None]:
    """Split ``grade-3.es.md`` into (``grade-3.md``, ``es``); no suffix gives None."""
    stem, dot, ext = filename.rpartition(".")
    if not dot:
        return filename, None
    base, dot2, suffix = stem.rpartition(".")
    if dot2 and base and SUFFIX_RE.match(suffix):
        return f"{base}.{ext}", suffix
    return filename, None
