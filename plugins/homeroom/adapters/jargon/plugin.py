"""``homeroom/jargon``: the core jargon check, plus a family glossary page per language."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from homeroom.adapters.base import CheckPlugin, generated_page
from homeroom.adapters.jargon.config import JargonConfig
from homeroom.adapters.session import current_language, default_language, session
from homeroom.pages.glossary_page import glossary_markdown


class JargonPlugin(CheckPlugin):
    """Report jargon and deficit language; publish the glossary families can look words up in."""

    config_class = JargonConfig
    check_name = "jargon"

    # After static-i18n (-100) has chosen this pass's files: it rebuilds every file from
    # disk, so a generated page must be added once it is done, in the language it builds.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page, then add this language's glossary page."""
        files = super().on_files(files, config=config)
        if not (self.config.enabled and self.config.glossary_page):
            return files
        check = session(config).check(self.check_name)
        language = current_language(config)
        glossary = check.glossary_for(language)
        text = glossary_markdown(glossary) if glossary is not None else None
        if text is not None and files.get_file_from_path(self.config.glossary_page) is None:
            page = generated_page(
                config,
                self.config.glossary_page,
                text,
                language=language,
                default=default_language(config),
                # The same page in every language that has a glossary.
                languages=[
                    lang
                    for lang, glossary in check.glossaries.items()
                    if glossary_markdown(glossary) is not None
                ],
            )
            files.append(page)
        return files
