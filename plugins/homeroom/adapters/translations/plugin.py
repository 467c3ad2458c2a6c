"""``homeroom/translations``: coverage findings, honest fallbacks and a staff status page.

mkdocs-static-i18n, left alone, serves a missing translation as the English page under
``/es/`` with ``lang="es"``, says nothing, and copies every page into every language. This
adapter changes that:

- coverage findings (missing, stale, unreviewed, facts that differ) come from the build's
  session (the core's site checks), exactly as ``homeroom check`` reports them;
- in a *required* language, a page that has to fall back to the default language keeps a
  visible notice in the reader's language, is marked as English (``lang``) for screen
  readers and is left out of that language's search;
- in an *optional* language (published when ready), untranslated pages are not copied at
  all: they leave that language's navigation, links to them go to the default-language
  page and say so, and the language switcher sends readers to the language's home page;
- a status page for staff (coverage per language, what is stale and since when, what is
  missing, the languages each school's families need and its report card is in) is built with the site but kept out of families' navigation and search;
- with fallback copies kept out of search, static-i18n's quadratic search de-duplication
  has nothing to do and is switched off.
"""

from __future__ import annotations

import copy
import logging
import posixpath
import re
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from homeroom.adapters.base import generated_page
from homeroom.adapters.gate import Gate
from homeroom.adapters.reporting import stop_on_input_errors
from homeroom.adapters.session import checked, current_language, is_repeat_pass, session
from homeroom.adapters.translations.config import TranslationsConfig
from homeroom.checks.translations.coverage import Coverage
from homeroom.data.notices import Notices, load_notices
from homeroom.model.errors import HomeroomError
from homeroom.pages.status_page import school_rows, status_markdown

# A Markdown inline link to another page: `](grade-3.md)` or `](../grade-3.md#math)`.
_MD_LINK = re.compile(
    r"\[(?P<text>[^\]\n]*)\]"
    r"\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?(?P<title>\s+\"[^\"]*\")?\)"
)


class TranslationsPlugin(Gate, BasePlugin[TranslationsConfig]):
    """Translation coverage as an MkDocs plugin."""

    def __init__(self) -> None:
        """Set up per-build state."""
        self.coverage: Coverage | None = None
        self.notices: Notices | None = None
        self.default = "en"
        self.optional: frozenset[str] = frozenset()
        self.original_nav: Any = None
        self.fallbacks: set[str] = set()
        self.present: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the options and the notices once per build (bad ones stop it with their line).

        static-i18n calls this once per language; the first call of a build does the work.
        """
        config = super().on_config(config)
        if not self.config.enabled or is_repeat_pass(config):
            return config
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            # static-i18n's search de-duplication compares every entry of the default
            # language with every entry of the others (quadratic: most of a large build's
            # time). It removes fallback copies of default-language pages; this plugin
            # already keeps those out of search (and out of optional languages), so there
            # is nothing left for it to remove.
            i18n.config["reconfigure_search"] = False
        try:
            settings = session(config).settings
            self.default = settings.languages.default.code
            self.optional = frozenset(settings.optional_languages)
            self.notices = load_notices(settings.data_dir, settings.project_root)
        except HomeroomError as exc:
            stop_on_input_errors(exc)
        if self.original_nav is None:
            self.original_nav = copy.deepcopy(config.nav)
        return config

    # After static-i18n (-100) has chosen this language's files, fallbacks included, and
    # after the plugins that generate pages (glossary, report cards: -150) have added theirs.
    @event_priority(-200)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Drop fallback copies in optional languages; add the staff status page."""
        if not self.config.enabled:
            return files
        # The build's checks (translation coverage among them) ran once, in the session.
        current = checked(config)
        self.coverage = current.value("translations")
        if self.coverage is None:
            return files
        language = current_language(config)
        _root_404_in_default_language(config, language == self.default)
        if not current.settings.in_part(language):
            # A part of a site built in parts (`homeroom build --language`): another part
            # writes this language, so this pass writes nothing and has no navigation.
            config.nav = None
            _quiet_empty_pass(language)
            return Files([])
        self.fallbacks = set()
        config.nav = copy.deepcopy(self.original_nav)
        if language != self.default:
            for file in list(files.documentation_pages()):
                if getattr(file, "locale", language) == language:
                    continue
                page = str(getattr(file, "norm_src_uri", file.src_uri))
                if language in self.optional:
                    files.remove(file)
                else:
                    self.fallbacks.add(page)
            # Pages with a file in this language: generated ones (a glossary) included.
            self.present = {
                str(getattr(f, "norm_src_uri", f.src_uri)) for f in files.documentation_pages()
            }
            if config.nav:
                config.nav = _prune_nav(config.nav, self.present)
        elif self.config.status_page:
            current = checked(config)
            schools = school_rows(current.settings, current.value("school-languages") or ())
            text = status_markdown(self.coverage, schools)
            # For staff, in the default language only: the switcher's other languages go
            # to their home pages.
            page_file = generated_page(
                config,
                self.config.status_page,
                text,
                language=self.default,
                default=self.default,
                languages=[self.default],
            )
            files.append(page_file)
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Send links to pages this language does not have to the default language's page.

        In an optional language, an untranslated page (or a generated page such as the
        glossary that the language has no data for yet) is not built at all.
        """
        if not self.config.enabled or self.notices is None:
            return markdown
        page_name = str(getattr(page.file, "norm_src_uri", page.file.src_uri))
        if page.file.src_uri == self.config.status_page:
            page.meta["search"] = {"exclude": True}
            return markdown
        language = current_language(config)
        if page_name in self.fallbacks:
            page.meta["search"] = {"exclude": True}
        if language == self.default:
            return markdown
        notices = self.notices
        source_dir = posixpath.dirname(page_name)

        def rewrite(match: re.Match[str]) -> str:
            target = posixpath.normpath(posixpath.join(source_dir, match.group("target")))
            if target in self.present:
                return match.group(0)
            url = _default_url(target, config.use_directory_urls)
            href = get_relative_url(url, page.url) + (match.group("anchor") or "")
            label = notices.text(language, "in_default_language", self.default)
            # An HTML link: it says which language it opens in (hreflang), and MkDocs does
            # not report it as an unrecognised link, since it is already a page address.
            text = match.group("text")
            return f'<a href="{escape(href)}" hreflang="{self.default}">{text}</a> ({label})'

        return _MD_LINK.sub(rewrite, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark a fallback page: a notice in the reader's language, the text as English."""
        if not self.config.enabled or self.notices is None:
            return html
        page_name = str(getattr(page.file, "norm_src_uri", page.file.src_uri))
        if page_name not in self.fallbacks:
            return html
        language = current_language(config)
        title = self.notices.text(language, "fallback_title", self.default)
        body = self.notices.text(language, "fallback_body", self.default)
        notice = (
            f'<div class="admonition info homeroom-fallback" role="note" lang="{language}">'
            f'<p class="admonition-title">{escape(title)}</p><p>{escape(body)}</p></div>'
        )
        return f'{notice}\n<div lang="{self.default}" dir="ltr">\n{html}\n</div>'

    # After static-i18n (50) has set the language switcher's links for this page.
    @event_priority(40)
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Point the switcher at a language's home page when this page is not in it."""
        if not self.config.enabled or self.coverage is None:
            return context
        page_name = str(getattr(page.file, "norm_src_uri", page.file.src_uri))
        # static-i18n sets the attribute (which the theme reads), not the mapping key.
        alternates = getattr(config.extra, "alternate", None)
        if not alternates:
            return context
        i18n = config.plugins.get("i18n")
        links = {lang.locale: lang.link for lang in i18n.config.languages} if i18n else {}
        # A page Homeroom made (a glossary, a report card) knows its own languages.
        made = getattr(page.file, "alternates", None) if page.file.generated_by else None
        for alternate in alternates:
            lang = alternate.get("lang")
            if made is not None:
                if lang not in made:
                    alternate["link"] = links.get(lang, f"/{lang}/")
            elif lang in self.optional and not self.coverage.has(page_name, lang):
                alternate["link"] = links.get(lang, f"/{lang}/")
        return context


def _default_url(page: str, use_directory_urls: bool) -> str:
    """The URL of a page in the default language (``grade-3.md`` -> ``grade-3/``)."""
    stem = page[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _root_404_in_default_language(config: MkDocsConfig, default_pass: bool) -> None:
    """Let only the default language's pass write the site's ``404.html``.

    static-i18n writes every language's pages into language folders but renders the
    theme's static pages into the site's root in every pass, so the last language's
    (Hmong, here) would be the 404 page every family gets, with a language switcher left
    over from the last page rendered.
    """
    templates = config.theme.static_templates
    if default_pass:
        if getattr(config, "_homeroom_404", False):
            templates.add("404.html")
    elif "404.html" in templates:
        templates.discard("404.html")
        config._homeroom_404 = True


class _EmptyPassFilter(logging.Filter):
    """Hides static-i18n's "no homepage" warning for the passes a part leaves empty."""

    def __init__(self) -> None:
        super().__init__()
        self.languages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(
            f"Could not find a homepage for locale '{code}'" in message for code in self.languages
        )


_EMPTY_PASSES = _EmptyPassFilter()
logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.plugin").addFilter(_EMPTY_PASSES)


def _quiet_empty_pass(language: str) -> None:
    """An empty pass has no homepage, on purpose: static-i18n need not warn about it."""
    _EMPTY_PASSES.languages.add(language)


def _prune_nav(nav: Any, present: set[str]) -> Any:
    """The navigation with only pages in ``present`` (and without sections left empty).

    Links to other sites (``https://...``) stay.
    """
    if isinstance(nav, list):
        kept = [item for item in (_prune_nav(i, present) for i in nav) if item is not None]
        return kept or None
    if isinstance(nav, dict):
        out = {}
        for title, value in nav.items():
            pruned = _prune_nav(value, present)
            if pruned is not None:
                out[title] = pruned
        return out or None
    if isinstance(nav, str) and nav.endswith(".md"):
        return nav if nav in present else None
    return nav
