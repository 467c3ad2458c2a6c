"""``homeroom/jargon``: the core jargon check, plus a family glossary page per language."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from homeroom.adapters.base import CheckPlugin, generated_page
from homeroom.adapters.jargon.config import JargonConfig
from homeroom.pages.glossary_page import glossary_markdown
from homeroom.text.syllables import base_language


class JargonPlugin(CheckPlugin):
    """Report jargon and deficit language; publish the glossary families can look words up in."""

    config_class = JargonConfig
    check_name = "jargon"
    # Runs after static-i18n (see below): checked by the first check plugin's pass when
    # there is one, else pass by pass.
    sees_every_language = False

    # After static-i18n (-100) has chosen this pass's files: it rebuilds every file from
    # disk, so a generated page must be added once it is done, in the language it builds.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page, then add this language's glossary page."""
        files = super().on_files(files, config=config)
        if not (self.config.enabled and self.config.glossary_page and self.check is not None):
            return files
        language = _current_language(config)
        glossary = self.check.glossary_for(language)
        text = glossary_markdown(glossary) if glossary is not None else None
        if text is not None and files.get_file_from_path(self.config.glossary_page) is None:
            page = generated_page(
                config,
                self.config.glossary_page,
                text,
                language=language,
                default=_default_language(config),
                # The same page in every language that has a glossary.
                languages=[
                    lang
                    for lang, glossary in self.check.glossaries.items()
                    if glossary_markdown(glossary) is not None
                ],
            )
            files.append(page)
        return files


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        for lang in i18n.config.languages:
            if lang.default:
                return str(lang.locale)
    return _current_language(config)


def _current_language(config: MkDocsConfig) -> str:
    """The language static-i18n is building now (the site's language without it)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return base_language(str(config.theme.get("language") or "en"))
