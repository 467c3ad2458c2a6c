r"""How many text messages (SMS segments) a text takes, as phone networks count them.

A text message carries 160 characters when every character is in the GSM 03.38 alphabet
(GSM-7: Latin letters, digits, common signs and a few accented letters such as é, ñ, ü,
à); one character outside it (á, í, ó, ú, Vietnamese or Arabic letters, an emoji) sends
the whole message in UCS-2, which carries only 70. A longer message is split into parts
of 153 (GSM-7) or 67 (UCS-2), each billed as a message, and some phones show the parts
out of order. A few GSM-7 signs (``€ [ ] { } ~ | ^ \\``) take two places.
"""

from __future__ import annotations

from dataclasses import dataclass

_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")

#: Characters in one message, then in each part of a longer one.
SINGLE = {"GSM-7": 160, "UCS-2": 70}
PART = {"GSM-7": 153, "UCS-2": 67}


@dataclass(frozen=True)
class Message:
    """What one text costs to send."""

    encoding: str
    """``GSM-7`` or ``UCS-2``."""
    length: int
    """Characters as the network counts them."""
    segments: int
    outside: tuple[str, ...] = ()
    """The characters that made it UCS-2, in the order they first appear."""

    def limit(self, segments: int) -> int:
        """How many characters fit in ``segments`` messages in this encoding."""
        return SINGLE[self.encoding] if segments <= 1 else PART[self.encoding] * segments


def measure(text: str) -> Message:
    """The encoding, length and number of messages of ``text``."""
    outside = tuple(
        dict.fromkeys(ch for ch in text if ch not in _GSM_BASIC and ch not in _GSM_EXTENSION)
    )
    if outside:
        encoding = "UCS-2"
        length = len(text.encode("utf-16-le")) // 2
    else:
        encoding = "GSM-7"
        length = sum(2 if ch in _GSM_EXTENSION else 1 for ch in text)
    fits = length <= SINGLE[encoding]
    segments = (1 if length else 0) if fits else -(-length // PART[encoding])
    return Message(encoding, length, segments, outside)
