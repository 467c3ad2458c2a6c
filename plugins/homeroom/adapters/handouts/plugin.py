"""``homeroom/handouts``: one-page handouts to print, each with a QR code back to its page.

The handouts are made by the core (:mod:`homeroom.pages.handout`) from the build's pages,
once per build; each language pass adds that language's handouts as generated pages (out
of the menu and out of search), and each page that has one gets a link to it
(``homeroom_handout``, drawn by ``overrides/partials/actions.html``). The QR codes are
drawn at build time (segno), so nothing is fetched, by the build or by the page.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from homeroom.adapters.base import generated_page
from homeroom.adapters.gate import Gate
from homeroom.adapters.handouts.config import HandoutsConfig
from homeroom.adapters.reporting import stop_on_input_errors
from homeroom.adapters.session import checked, current_language, default_language
from homeroom.model.errors import HomeroomError


class HandoutsPlugin(Gate, BasePlugin[HandoutsConfig]):
    """Publish a handout per page and language, and link each page to its own."""

    def __init__(self) -> None:
        """The handouts of this build, made once: (page, language) -> handout URI."""
        self.made: list[Any] | None = None
        self.made_for: Any = None
        self.uris: dict[tuple[str, str], str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Handouts keep Markdown inside their HTML boxes (``md_in_html``)."""
        config = super().on_config(config)
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")
        return config

    def _handouts(self, config: MkDocsConfig) -> list[Any]:
        from homeroom.data.contact import load_contact
        from homeroom.data.handouts import load_handouts
        from homeroom.data.options import FeedbackOptions
        from homeroom.pages.handout import handouts

        current = checked(config)
        if self.made is None or self.made_for is not current:
            settings = current.settings
            feedback = settings.options(FeedbackOptions)
            contact = load_contact(settings.data_dir, settings.project_root, feedback.contact)
            data = load_handouts(settings.data_dir, settings.project_root, self.config.types)
            output = self.config.output.strip("/") or "handouts"
            self.made = handouts(settings, current.sources(), data, contact, output)
            self.made_for = current
            self.uris = {(h.page, h.language): h.uri for h in self.made}
        return self.made

    # After static-i18n (-100) chose this pass's files, as the other generated pages.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add this language's handouts."""
        if not self.config.enabled:
            return files
        language = current_language(config)
        default = default_language(config)
        try:
            made = self._handouts(config)
        except HomeroomError as exc:
            stop_on_input_errors(exc)
        for handout in made:
            if handout.language != language:
                continue
            others = [h.language for h in made if h.page == handout.page]
            files.append(
                generated_page(
                    config,
                    handout.uri,
                    handout.text,
                    language=language,
                    default=default,
                    languages=others,
                )
            )
        return files

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Give a page that has a handout in this language the link to it.

        On a handout, the language switcher leads to the same handout in each language
        that has one (homeroom/translations, at priority 40, sends a page an optional
        language lacks to that language's home page: it does not know the handouts).
        """
        if not self.config.enabled:
            return context
        if page.meta.get("type") == "handout":
            own = getattr(page.file, "alternates", {})
            for alternate in getattr(config.extra, "alternate", None) or []:
                if alternate.get("lang") in own:
                    alternate["link"] = own[alternate["lang"]].url
            return context
        from homeroom.data.pageinfo import page_id
        from homeroom.text.family_words import family_words

        name = page_id(str(getattr(page.file, "norm_src_uri", page.file.src_uri)))
        language = current_language(config)
        uri = self.uris.get((name, language))
        if uri is None:
            return context
        target = uri[: -len(".md")] + ("/" if config.use_directory_urls else ".html")
        here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        prefix = "" if language == default_language(config) else f"{language}/"
        href = posixpath.relpath(prefix + target, here or ".")
        if config.use_directory_urls:
            href += "/"
        context["homeroom_handout"] = {
            "href": href,
            "label": family_words(language).get("handout", "link"),
        }
        return context
