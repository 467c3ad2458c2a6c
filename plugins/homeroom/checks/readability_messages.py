"""How readability findings show text and numbers: excerpts, scores and limits in words."""

from __future__ import annotations

from homeroom.text.measures import MEASURES


def excerpt(text: str, limit: int = 60) -> str:
    """The text on one line, cut to ``limit`` characters (with ``...``) when longer."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 3].rstrip() + "..."


def format_score(measure: str, value: float) -> str:
    """A score as findings show it: a share as a whole percent, else one decimal."""
    if measure.endswith("-share"):
        return f"{round(value * 100)}%"
    return f"{value:.1f}"


def limit_words(measure: str, limit: float) -> str:
    """A limit in words (``grade 6.0 or lower``, ``65.0 or more``)."""
    m = MEASURES[measure]
    shown = format_score(measure, limit)
    if measure == "flesch-kincaid-grade" or measure == "wiener-sachtextformel":
        return f"grade {shown} or lower"
    return f"{shown} or {'less' if m.easier == 'lower' else 'more'}"
