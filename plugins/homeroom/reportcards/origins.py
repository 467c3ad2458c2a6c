"""Where each piece of a report card's text comes from: a data file and line an author edits.

A report card is made from three kinds of file: the language's strings
(``content/_data/strings/<lang>.yml``), the school's file and the district settings (both in
``content/_data/schools/``). While a page is rendered, each catalog text and each value
taken from a data file is wrapped in marks no data file can forge (:class:`Trace`); once
the page is complete the marks come out again, leaving the exact page and, for each piece,
where it starts and ends on the page and which file and line it came from
(:class:`PageOrigins`).

A finding a check makes on the page is moved (:func:`relocate_finding`) to the file and
line of the innermost piece it falls in, so that GitHub annotations and SARIF point at a
real file; its message still names the page and quotes the text.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from homeroom.model.findings import Finding

# Unicode noncharacters, kept for a program's own use. A piece is OPEN, the trace's secret,
# the piece's number, SEP, the text, CLOSE and the secret again: text from a data file that
# holds these characters cannot pass for a mark, and stays on the page as it is.
_OPEN, _SEP, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"

#: How much of a piece a message quotes.
QUOTE_LIMIT = 80


@dataclass(frozen=True)
class Origin:
    """A file and line a piece of a report card came from, and how a message names it.

    ``about`` ends the message's sentence: ``which comes from `name` here``.
    """

    path: str
    """The data file, as messages show it (``content/_data/schools/alder-elementary.yml``)."""
    line: int
    about: str


def catalog_origin(display: str, line: int, key: str) -> Origin:
    """A text from a language's strings: its key's line."""
    return Origin(
        display,
        line,
        f"which comes from `{key}` on this line; a change here changes every page that uses these words",
    )


def field_origin(display: str, lines: Mapping[str, int], key: str, shared: bool) -> Origin:
    """A value from a school's file or the district settings (``shared``): its field's line."""
    about = f"which comes from `{key}` on this line"
    if shared:
        about += "; a change here changes every report card"
    return Origin(display, lines.get(key, 1), about)


@dataclass(frozen=True)
class Piece:
    """One marked piece of a page: ``text[start:end]`` came from ``origin``."""

    start: int
    end: int
    origin: Origin


@dataclass(frozen=True)
class PageOrigins:
    """Where the pieces of one page came from; ``default`` for text no piece holds."""

    default: Origin
    pieces: tuple[Piece, ...] = ()

    def find(self, start: int, end: int) -> Piece | None:
        """The innermost piece holding ``[start, end)``, else the innermost holding ``start``."""
        for wanted in (end, start + 1):
            holding = [p for p in self.pieces if p.start <= start and wanted <= p.end]
            if holding:
                return min(holding, key=lambda p: (p.end - p.start, -p.start))
        return None


class Trace:
    """Marks each piece of text while one page is rendered, with the place it came from."""

    def __init__(self) -> None:
        """No piece yet."""
        self._origins: list[Origin] = []
        self._secret = secrets.token_hex(8)
        self._marks = re.compile(
            f"{_OPEN}{self._secret}(\\d+){_SEP}|{_CLOSE}{self._secret}", re.ASCII
        )

    def mark(self, text: str, origin: Origin) -> str:
        """``text`` with marks around it, remembering ``origin``.

        Spaces at either end stay outside the marks, so that ``str.strip`` on a sentence
        built from pieces gives the same sentence as without them.
        """
        core = text.strip()
        if not core:
            return text
        lead = len(text) - len(text.lstrip())
        self._origins.append(origin)
        number = len(self._origins) - 1
        return (
            f"{text[:lead]}{_OPEN}{self._secret}{number}{_SEP}{core}{_CLOSE}{self._secret}"
            f"{text[lead + len(core) :]}"
        )

    def resolve(self, marked: str, default: Origin) -> tuple[str, PageOrigins] | None:
        """The page without its marks, and its pieces.

        ``None`` when the marks do not nest (the page was built by cutting a marked text):
        the page must then be rendered without marks.
        """
        out: list[str] = []
        size = 0
        last = 0
        open_pieces: list[tuple[int, int]] = []
        pieces: list[Piece] = []
        for match in self._marks.finditer(marked):
            chunk = marked[last : match.start()]
            out.append(chunk)
            size += len(chunk)
            last = match.end()
            if match.group(1) is not None:
                number = int(match.group(1))
                if number >= len(self._origins):
                    return None
                open_pieces.append((number, size))
            else:
                if not open_pieces:
                    return None
                number, start = open_pieces.pop()
                pieces.append(Piece(start, size, self._origins[number]))
        out.append(marked[last:])
        text = "".join(out)
        if open_pieces:
            return None
        pieces.sort(key=lambda p: (p.start, -p.end))
        return text, PageOrigins(default, tuple(pieces))


def traced(render: Callable[[Trace | None], str], default: Origin) -> tuple[str, PageOrigins]:
    """Render a page with a trace: its exact text and where each piece came from."""
    trace = Trace()
    resolved = trace.resolve(render(trace), default)
    if resolved is None:
        # Not expected: the page as written, every finding on it at the default place.
        return render(None), PageOrigins(default)
    return resolved


def _extent(text: str, start: int, match: str) -> int:
    """Where a finding's matched text ends on the page, or one character on.

    Checks fold the spaces of what they quote and cut it with ``...``: the page's text is
    compared word by word.
    """
    wanted = match[:-3] if match.endswith("...") else match
    position = start
    for number, word in enumerate(wanted.split()):
        if number:
            after = position
            while after < len(text) and text[after].isspace():
                after += 1
            if after == position:
                return start + 1
            position = after
        if not text.startswith(word, position):
            return start + 1
        position += len(word)
    return max(position, start + 1)


def _quote(text: str) -> str:
    folded = " ".join(text.split())
    if len(folded) <= QUOTE_LIMIT:
        return folded
    return folded[: QUOTE_LIMIT - 3].rstrip() + "..."


def _column(lines: Sequence[str], line: int, match: str) -> int:
    """The column of the matched words on the file's line, else where the line's text starts."""
    if not 0 < line <= len(lines):
        return 1
    text = lines[line - 1]
    wanted = " ".join((match[:-3] if match.endswith("...") else match).split())
    found = text.lower().find(wanted.lower()) if wanted else -1
    if found >= 0:
        return found + 1
    return len(text) - len(text.lstrip()) + 1


def relocate_finding(
    finding: Finding,
    text: str,
    origins: PageOrigins,
    page: str,
    lines_of: Callable[[str], Sequence[str]],
) -> Finding:
    """``finding``, made on the report card ``page``, moved to the data its text came from.

    ``text`` is the page's Markdown. The finding gets the file and line of the innermost
    piece it falls in, and its message names the page and quotes the piece. ``lines_of`` gives a data file's lines (for the column of the matched words).
    """
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    index = min(max(finding.line, 1), len(starts)) - 1
    line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    start = min(starts[index] + max(finding.column, 1) - 1, line_end)
    piece = origins.find(start, _extent(text, start, finding.match))
    origin = piece.origin if piece is not None else origins.default
    message = finding.message.rstrip()
    if message and message[-1] not in ".!?":
        message += "."
    where = f"Found on the report card page {page}"
    if piece is not None:
        where += f', in "{_quote(text[piece.start : piece.end])}"'
    else:
        where += f" (line {index + 1})"
    return replace(
        finding,
        path=origin.path,
        line=origin.line,
        column=_column(lines_of(origin.path), origin.line, finding.match),
        message=f"{message} {where}, {origin.about}.",
        generated_page=page,
    )
