"""Options of ``homeroom/content``."""

from __future__ import annotations

from mkdocs.config.base import Config

from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import ContentOptions


class ContentConfig(Config):
    """``enabled``: check every page and the content folder.

    Every page must be readable (encoding, front matter, language), safe (no code that
    runs, no embedded sites, redirects or forms) and finished (no note left by ``homeroom
    new``); no script file may sit in the content folder. Every such finding is an error
    that stops the build: there is no ``fail_on`` to lower. The theme's script hashes for
    the Content-Security-Policy come from this plugin whether or not it is enabled.
    """

    enabled = mkdocs_option(ContentOptions, "enabled")
