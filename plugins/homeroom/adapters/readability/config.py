"""Options of ``homeroom/readability`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ReadabilityConfig(Config):
    """Options, ``enabled`` first.

    - ``fail_on``: findings at least this serious fail ``mkdocs build --strict``
      (``error``, ``warning`` or ``info``).
    - ``thresholds``: the thresholds file in the editorial data folder (``content/_data``).
    """

    enabled = c.Type(bool, default=True)
    fail_on = c.Choice(("error", "warning", "info"), default="error")
    thresholds = c.Type(str, default="readability.yml")
