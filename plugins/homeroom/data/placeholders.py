"""The notes ``homeroom new`` leaves under each heading, in every language it writes.

A new page starts with one note per section saying what to write there, such as
``*To write: what most students can do by the end of the year.*``. The same words are
what the content check looks for, so a note left in a page can never be published. The
words are each language's package data (``new_page.to_write`` in
``homeroom/lang/<code>.yml``, :mod:`homeroom.text.lang`).
"""

from __future__ import annotations

from functools import cache

from homeroom.text.lang import every_language, language_words

_DEFAULT = "en"


@cache
def placeholder_words() -> dict[str, str]:
    """Language -> the words in front of each note, for every language that has them.

    Read from the package data when first asked for (never on import).
    """
    return {words.code: words.to_write for words in every_language() if words.to_write}


def to_write(language: str) -> str:
    """The words in front of a note in ``language`` (English for languages without them)."""
    own = language_words(language).to_write
    if own:
        return own
    return language_words(_DEFAULT).to_write or "To write:"
