"""Translation coverage options: which languages are required and which pages are essential.

Read from ``homeroom/translations`` in mkdocs.yml, with one-line errors for bad values.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeroom.data.home_languages import Rule, rule_of
from homeroom.data.options import TranslationsOptions
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.errors import ConfigError
from homeroom.model.findings import Severity

#: Page types essential by law (Title VI): report cards and their guides, conference guides
#: and enrolment. A page of another type is essential only when it says ``essential: true``.
DEFAULT_ESSENTIAL_TYPES = TranslationsOptions().essential_types
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
    min_students: int = 0
    """And the fewest students speaking it (0: no minimum)."""

    @property
    def default(self) -> str:
        """The site's default language."""
        return self.languages[0]

    @property
    def rule(self) -> Rule:
        """When a language is required at a school (see :mod:`homeroom.data.home_languages`)."""
        return Rule(self.threshold, self.min_students, self.default)


def options_from(settings: Settings) -> Options:
    """Coverage options from the site settings, with one-line errors for bad values."""
    where = "mkdocs.yml: plugins > homeroom/translations"
    typed = settings.options(TranslationsOptions)
    for code in typed.required:
        if code not in settings.languages.codes:
            raise ConfigError(
                f"{where} > required: '{code}' is not one of the site's languages "
                f"({', '.join(settings.languages.codes)}). Add it under plugins > i18n > "
                "languages first."
            )
    rule = rule_of(settings)  # threshold and min_students, with one-line errors
    return Options(
        required=settings.required_languages,
        languages=settings.languages.codes,
        essential_types=frozenset(typed.essential_types),
        needs_review=Severity.parse(typed.needs_review),
        languages_data=typed.languages_data,
        threshold=rule.threshold,
        min_students=rule.min_students,
    )


def is_essential(source: Source, options: Options) -> bool:
    """Essential pages: ``essential: true``, or a page type that is essential by law."""
    flag = source.meta.get("essential")
    if flag is not None:
        return flag is True
    return (source.page_type or "") in options.essential_types
