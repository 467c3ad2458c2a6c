"""``homeroom/jargon``: the core jargon check, plus the family glossary's pages per language."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from homeroom.adapters.base import CheckPlugin, generated_page
from homeroom.adapters.jargon.config import JargonConfig
from homeroom.adapters.session import current_language, default_language, session
from homeroom.pages import glossary_page
from homeroom.run.session import Session
from homeroom.text.syllables import base_language

#: The glossary pages are kept in the disk cache under this name, by the check's fingerprint.
CACHE_NAME = "glossary-page"


def glossary_pages(current: Session, page: str) -> dict[str, dict[str, str]]:
    """The family glossary's pages in each language that has a glossary.

    Language -> page path -> Markdown: an index at ``page`` and a page per topic
    (:mod:`homeroom.pages.glossary_page`). Kept in the disk cache under the jargon check's
    fingerprint (its glossaries' content and the code) and the page's path, so a build
    where nothing changed never reads a glossary.
    """
    from homeroom.checks.translations import terms
    from homeroom.model.fingerprint import files_digest

    check = current.check("jargon")
    settings = current.settings
    fingerprint = f"{check.fingerprint()}:{files_digest(terms.data_files(settings))}:{page}"
    cache = current.cache
    stored = cache.get(CACHE_NAME, fingerprint, "pages") if cache is not None else None
    if isinstance(stored, dict) and all(
        isinstance(v, dict) and all(isinstance(x, str) for x in v.values()) for v in stored.values()
    ):
        return {str(k): dict(v) for k, v in stored.items()}
    pages = {}
    for language, glossary in check.glossaries.items():
        texts = glossary_page.glossary_pages(glossary, page)
        if texts:
            pages[language] = texts
    default = settings.languages.default.code
    others = [code for code in settings.languages.codes if code not in pages]
    if others:
        termbase = terms.load(settings)
        english = check.glossaries.get(default)
        for language in others:
            texts = glossary_page.termbase_pages(
                language, termbase.language(language), english, page
            )
            if texts:
                pages[language] = texts
    if cache is not None:
        cache.put(CACHE_NAME, fingerprint, "pages", pages)
        cache.save()
    return pages


class JargonPlugin(CheckPlugin):
    """Report jargon and deficit language; publish the glossary families can look words up in."""

    config_class = JargonConfig
    check_name = "jargon"

    def __init__(self) -> None:
        """Set up per-build state."""
        super().__init__()
        self._pages: tuple[Session, dict[str, dict[str, str]]] | None = None

    # After static-i18n (-100) has chosen this pass's files: it rebuilds every file from
    # disk, so a generated page must be added once it is done, in the language it builds.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page, then add this language's glossary page."""
        files = super().on_files(files, config=config)
        if not (self.config.enabled and self.config.glossary_page):
            return files
        current = session(config)
        if self._pages is None or self._pages[0] is not current:
            self._pages = (current, glossary_pages(current, self.config.glossary_page))
        pages = self._pages[1]
        language = current_language(config)
        texts = pages.get(language) or pages.get(base_language(language)) or {}
        for path, text in texts.items():
            if files.get_file_from_path(path) is not None:
                continue  # the site has its own page there
            page = generated_page(
                config,
                path,
                text,
                language=language,
                default=default_language(config),
                # The same page in every language that has it.
                languages=[lang for lang, theirs in pages.items() if path in theirs],
            )
            files.append(page)
        return files
