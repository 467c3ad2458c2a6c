"""The notes ``homeroom new`` leaves under each heading, in every language it writes.

A new page starts with one note per section saying what to write there, such as
``*To write: what most students can do by the end of the year.*``. The same words are
what the content check looks for, so a note left in a page can never be published.
"""

from __future__ import annotations

from homeroom.text.syllables import base_language

#: The words in front of each note, per language; other languages get the English words.
TO_WRITE: dict[str, str] = {
    "en": "To write:",
    "es": "Por escribir:",
    "vi": "Cần viết:",
    "ar": "اكتب هنا:",
}


def to_write(language: str) -> str:
    """The words in front of a note in ``language`` (English for languages not listed)."""
    return TO_WRITE.get(language) or TO_WRITE.get(base_language(language)) or TO_WRITE["en"]
