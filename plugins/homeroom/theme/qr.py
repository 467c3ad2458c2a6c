"""QR codes drawn at build time, as inline SVG: no image file, no network, no script.

Made with segno (a pure-Python QR encoder). Error correction level M (15% of the code
can be smudged or folded and still read), the standard quiet zone of four modules, and a
name for screen readers. The code is black on white whatever the page's colours, as
phone cameras expect.
"""

from __future__ import annotations

import html

import segno


def qr_svg(url: str, label: str) -> str:
    """An ``<svg>`` element holding ``url`` as a QR code, named ``label`` for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, omitsize=True, svgclass="homeroom-qr", lineclass=None)
    name = html.escape(label, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)
