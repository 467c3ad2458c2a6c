"""Options of ``homeroom/messages`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import MessagesOptions


class MessagesConfig(CheckConfig):
    """``enabled``, ``fail_on``, ``required`` and ``segments``.

    - ``required``: every family page in a required language must have a ``summary:``;
    - ``segments``: how many text messages a summary may take (1 or 2).
    """

    required = mkdocs_option(MessagesOptions, "required")
    segments = mkdocs_option(MessagesOptions, "segments")
