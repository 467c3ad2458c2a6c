"""``homeroom/messages``: the core summary check as an MkDocs plugin."""

from __future__ import annotations

from homeroom.adapters.base import CheckPlugin
from homeroom.adapters.messages.config import MessagesConfig


class MessagesPlugin(CheckPlugin):
    """Report text-message summaries that are missing, too long, or hard to read."""

    config_class = MessagesConfig
    check_name = "messages"
