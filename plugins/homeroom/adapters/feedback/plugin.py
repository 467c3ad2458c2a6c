"""``homeroom/feedback``: the feedback question and contact lines, and the staff page of answers.

- The core check (:mod:`homeroom.checks.feedback`) runs in the build's session like every
  page check: a page without the question or without a person to reach stops the build.
- Each family page's template gets ``homeroom_feedback`` (:mod:`homeroom.theme.feedback`),
  which ``overrides/partials/feedback.html`` draws at the end of the page, in the page's
  language, with the page's name, language and version in every link.
- A staff page (``staff_page``) lists, per page and language, how many families answered
  and how many found it unclear, and why; it is built in the default language, out of the
  menu and out of search.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from homeroom.adapters.base import CheckPlugin, generated_page
from homeroom.adapters.feedback.config import FeedbackConfig
from homeroom.adapters.reporting import stop_on_input_errors
from homeroom.adapters.session import checked, current_language, default_language
from homeroom.data.contact import Contact
from homeroom.data.options import FeedbackOptions
from homeroom.model.errors import HomeroomError


class FeedbackPlugin(CheckPlugin):
    """Ask "Was this page clear?" on every family page; show staff what families said."""

    config_class = FeedbackConfig
    check_name = "feedback"

    def __init__(self) -> None:
        """Nothing kept between builds but this build's contact data."""
        self.contact: Contact | None = None

    # After static-i18n (-100) chose this language's files, as the other generated pages.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Run the build's checks; add the staff page of answers (default language only)."""
        if not self.config.enabled:
            return files
        try:
            current = checked(config)
            check = current.check("feedback").check
            self.contact = check.contact
            if self.config.staff_page and current_language(config) == default_language(config):
                from homeroom.pages.feedback_page import feedback_markdown

                text = feedback_markdown(
                    check.answers,
                    current.sources(),
                    current.settings.options(FeedbackOptions),
                )
                default = default_language(config)
                files.append(
                    generated_page(
                        config,
                        self.config.staff_page,
                        text,
                        language=default,
                        default=default,
                        languages=[default],
                    )
                )
        except HomeroomError as exc:
            stop_on_input_errors(exc)
        return files

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Give the page's template its feedback block, in the page's language."""
        if not self.config.enabled or self.contact is None:
            return context
        from homeroom.data.pageinfo import page_id, page_version
        from homeroom.data.sources import FRONT_MATTER_RE
        from homeroom.theme.feedback import feedback_block

        text = page.file.content_string
        match = FRONT_MATTER_RE.match(text)
        name = str(getattr(page.file, "norm_src_uri", page.file.src_uri))
        context["homeroom_feedback"] = feedback_block(
            self.contact,
            language=current_language(config),
            page=page_id(name),
            version=page_version(text),
            page_type=page.meta.get("type"),
            page_text=text[match.end() :] if match else text,
            ask=page.meta.get("feedback") is not False,
            show_contact=page.meta.get("contact") is not False,
        )
        return context
