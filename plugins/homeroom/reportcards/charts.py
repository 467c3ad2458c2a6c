"""Small inline SVG bar charts: no JavaScript, no files, no meaning by colour alone.

Each bar is named by a text label and carries its value as text; the three bars also
differ by pattern (solid, stripes, dots), so the chart reads the same in greyscale and
printed. A hidden value is never drawn: its row says "hidden" with the privacy marker.
The chart is ``role="img"`` with a title and a description holding the same facts, and the
page says them again in words for screen readers and text-only readers.
Presentation attributes only (no ``style`` attribute, no event handlers), so a strict
Content-Security-Policy allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Protocol

from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Cell

_ROW = 26
_LABEL_WIDTH = 104
_SCALE = 2  # pixels per percentage point
_FILLS = ("#1b3a5c", "url(#{id}-stripes)", "url(#{id}-dots)")


class _Words(Protocol):
    marker: str

    def __call__(self, key: str, **params: object) -> str: ...

    def share(self, cell: Cell) -> str: ...


def _value_text(words: _Words, cell: Cell) -> str:
    if cell.status in (SHOWN, BELOW, ABOVE):
        return words.share(cell)
    return f"{words('chart.hidden')} {words.marker.replace(chr(92), '')}"


def bar_chart(
    chart_id: str,
    title: str,
    values: Sequence[tuple[str, Cell]],
    words: _Words | Callable[..., str],
) -> str:
    """One horizontal bar per (label, share); the SVG as one line of HTML."""
    w: _Words = words  # type: ignore[assignment]
    height = _ROW * len(values) + 6
    width = _LABEL_WIDTH + 100 * _SCALE + 96
    description = " ".join(
        w("chart.value", label=label, share=_value_text(w, cell)) for label, cell in values
    )
    parts = [
        f'<figure class="hr-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {width} {height}" '
        f'width="100%" font-size="13" font-family="sans-serif">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        "<defs>",
        f'<pattern id="{chart_id}-stripes" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="3" height="6" fill="#2f5f8a"/></pattern>',
        f'<pattern id="{chart_id}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.5" '
        'fill="#1b3a5c"/></pattern>',
        "</defs>",
    ]
    for index, (label, cell) in enumerate(values):
        y = 4 + index * _ROW
        parts.append(f'<text x="0" y="{y + 15}" fill="#1a1a1a">{escape(label)}</text>')
        value_x = _LABEL_WIDTH + 4
        if cell.status == SHOWN and cell.value is not None:
            bar = cell.value * _SCALE
        elif cell.status == BELOW and cell.limit is not None:
            bar = 0  # "fewer than 5%": no bar that would suggest an exact value
        elif cell.status == ABOVE and cell.limit is not None:
            bar = cell.limit * _SCALE
        else:
            bar = None
        if bar:
            fill = _FILLS[index % len(_FILLS)].format(id=chart_id)
            parts.append(
                f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{bar}" height="20" fill="{fill}" '
                'stroke="#1b3a5c" stroke-width="1"/>'
            )
            value_x = _LABEL_WIDTH + bar + 6
        parts.append(
            f'<text x="{value_x}" y="{y + 15}" fill="#1a1a1a">{escape(_value_text(w, cell))}</text>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)
