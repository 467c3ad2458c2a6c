"""Options of ``homeroom/content``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ContentConfig(Config):
    """``enabled``: check that every page can be read (encoding, front matter, language)."""

    enabled = c.Type(bool, default=True)
