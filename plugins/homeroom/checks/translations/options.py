"""Translation coverage options: which languages are required and which pages are essential.

Read from ``homeroom/translations`` in mkdocs.yml, with one-line errors for bad values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.errors import ConfigError
from homeroom.model.findings import Severity

#: Page types essential by law (Title VI): report cards and their guides, conference guides
#: and enrolment. A page of another type is essential only when it says ``essential: true``.
DEFAULT_ESSENTIAL_TYPES = ("report-card", "report-card-guide", "conference-guide", "enrolment")
#: Page types for staff, never translated.
STAFF_TYPES = frozenset({"staff"})


@dataclass(frozen=True)
class Options:
    """How strict coverage is; read from ``homeroom/translations`` in mkdocs.yml."""

    required: tuple[str, ...]
    """Languages every page must exist in (default language first)."""
    languages: tuple[str, ...]
    """Every language the site publishes (default first)."""
    essential_types: frozenset[str] = frozenset(DEFAULT_ESSENTIAL_TYPES)
    needs_review: Severity = Severity.ERROR
    """Severity of an essential machine translation no person has reviewed."""
    languages_data: str = ""
    """A file in the data folder with each school's home-language counts (optional)."""
    threshold: float = 0.15
    """A school's share of students speaking one language that makes it required there."""

    @property
    def default(self) -> str:
        """The site's default language."""
        return self.languages[0]


def options_from(settings: Settings) -> Options:
    """Coverage options from the site settings, with one-line errors for bad values."""
    raw: Mapping[str, Any] = settings.plugins.get("translations") or {}
    where = "mkdocs.yml: plugins > homeroom/translations"
    required = settings.required_languages
    for code in raw.get("required") or ():
        if str(code) not in settings.languages.codes:
            raise ConfigError(
                f"{where} > required: '{code}' is not one of the site's languages "
                f"({', '.join(settings.languages.codes)}). Add it under plugins > i18n > "
                "languages first."
            )
    types = raw.get("essential_types", DEFAULT_ESSENTIAL_TYPES)
    if not isinstance(types, list | tuple) or not all(isinstance(t, str) for t in types):
        raise ConfigError(f"{where} > essential_types: expected a list such as [report-card]")
    try:
        needs_review = Severity.parse(str(raw.get("needs_review", "error")))
    except ValueError as exc:
        raise ConfigError(f"{where} > needs_review: {exc}") from None
    threshold = raw.get("threshold", 0.15)
    if not isinstance(threshold, int | float) or not 0 < float(threshold) <= 1:
        raise ConfigError(f"{where} > threshold: expected a share such as 0.15 (15%)")
    return Options(
        required=required,
        languages=settings.languages.codes,
        essential_types=frozenset(types),
        needs_review=needs_review,
        languages_data=str(raw.get("languages_data") or ""),
        threshold=float(threshold),
    )


def is_essential(source: Source, options: Options) -> bool:
    """Essential pages: ``essential: true``, or a page type that is essential by law."""
    flag = source.meta.get("essential")
    if flag is not None:
        return flag is True
    return (source.page_type or "") in options.essential_types
