"""Options of ``homeroom/feedback`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import FeedbackOptions


class FeedbackConfig(CheckConfig):
    """``enabled``, ``fail_on``, and the options below.

    - ``contact``: the contact data file in ``content/_data`` (``contact.yml``);
    - ``contact_required``: what every family page must say how to reach (``liaison``,
      ``interpreter``, ``feedback``);
    - ``answers``: the answers ``homeroom feedback import`` keeps (``feedback-answers.yml``);
    - ``unclear_share`` and ``min_answers``: a page becomes a finding when at least
      ``min_answers`` families answered about it and this share of them said "not clear";
    - ``staff_page``: where the staff page of answers is built (empty for none).
    """

    contact = mkdocs_option(FeedbackOptions, "contact")
    contact_required = mkdocs_option(FeedbackOptions, "contact_required")
    answers = mkdocs_option(FeedbackOptions, "answers")
    unclear_share = mkdocs_option(FeedbackOptions, "unclear_share")
    min_answers = mkdocs_option(FeedbackOptions, "min_answers")
    staff_page = mkdocs_option(FeedbackOptions, "staff_page")
