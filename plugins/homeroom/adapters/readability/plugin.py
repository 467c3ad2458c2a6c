"""``homeroom/readability``: the core readability check as an MkDocs plugin."""

from __future__ import annotations

from homeroom.adapters.base import CheckPlugin
from homeroom.adapters.readability.config import ReadabilityConfig


class ReadabilityPlugin(CheckPlugin):
    """Report hard sentences, long paragraphs and hard pages as build warnings."""

    config_class = ReadabilityConfig
    check_name = "readability"
