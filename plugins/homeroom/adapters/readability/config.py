"""Options of ``homeroom/readability`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c

from homeroom.adapters.base import CheckConfig


class ReadabilityConfig(CheckConfig):
    """``enabled``, ``fail_on``, and ``thresholds``: the limits file in ``content/_data``."""

    thresholds = c.Type(str, default="readability.yml")
