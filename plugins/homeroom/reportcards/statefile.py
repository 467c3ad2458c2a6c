"""Read a state's published results file as rows of text, whatever it was saved as.

State data portals and spreadsheets save "CSV" in several ways: UTF-8 with or without a
byte-order mark, Windows-1252 (Excel's "CSV" on Windows), UTF-16 (Excel's "Unicode Text"),
separated by commas, semicolons (Excel in much of Europe and Latin America), tabs, bars or
carets (California's research files). All of those are read. A workbook, a PDF or any other binary file is refused in one line that
says how to save the file as CSV.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from homeroom.model.errors import InputError

#: Column separators tried in this order; the first that finds the header row is used.
DELIMITERS = (",", ";", "\t", "|", "^")

_SAVE_AS_CSV = "open it in a spreadsheet and save it as CSV (in Excel: File > Save As > CSV UTF-8)"
_SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook or another zipped file (.xlsx, .zip), not a CSV file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls), not a CSV file"),
    (b"%PDF", "a PDF, not a CSV file"),
)

# Control characters no text file holds (tabs, line ends, form feeds and DOS's end-of-file
# mark are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class CsvRow:
    """One row of the file and the line it starts on (1-based, as an editor shows it)."""

    line: int
    cells: list[str]


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without a byte-order mark, if ``data`` looks like it."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = data[1::2], data[0::2]
    if odd.count(0) >= 0.9 * len(odd):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even):
        return "utf-16-be"
    return None


def _decode(data: bytes, shown: str) -> str:
    """Text from the file's bytes, or a one-line error saying what the file is instead."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(shown, f"this is {what}. To import it, {_SAVE_AS_CSV}.")
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    encoding = next((enc for bom, enc in boms if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        encoding = _utf16_without_bom(data)
    candidates = [encoding] if encoding else ["utf-8", "cp1252"]
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    raise InputError(
        shown,
        "this is not a text file (it holds binary data that no text encoding reads); "
        f"expected the state's results as CSV. To import it, {_SAVE_AS_CSV}.",
    )


def _refuse_binary_text(text: str, shown: str) -> None:
    """Text full of control characters is a binary file that happened to decode."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(
            shown,
            "this file holds binary data (a NUL character), so it is not a CSV text file; "
            f"expected the state's results as CSV. To import it, {_SAVE_AS_CSV}.",
            line=text.count("\n", 0, nul) + 1,
        )
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputError(
            shown,
            f"this file holds {controls} invisible control characters, so it is not a CSV "
            f"text file; expected the state's results as CSV. To import it, {_SAVE_AS_CSV}.",
        )


def read_state_text(data: bytes, shown: str) -> str:
    """The text of a state file read as ``data``; a one-line error if it is not text."""
    if not data.strip():
        raise InputError(
            shown,
            "this file is empty; expected the state's published results as CSV, with a "
            "header row and one row per school, grade and subject.",
        )
    text = _decode(data, shown)
    _refuse_binary_text(text, shown)
    return text


def _rows(text: str, delimiter: str, shown: str) -> Iterator[CsvRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            detail = str(exc)
            if "field larger than field limit" in detail:
                detail = (
                    f"a cell holds more than {csv.field_size_limit():,} characters, which a "
                    "results file never does (often a quote mark that is never closed)"
                )
            raise InputError(
                shown,
                f"this line cannot be read as CSV: {detail}. Check the file is the state's "
                "CSV export and save it again as CSV.",
                line=reader.line_num,
            ) from None
        yield CsvRow(line, cells)
        line = reader.line_num + 1


def read_rows(
    text: str, shown: str, is_header: Callable[[list[str]], bool]
) -> tuple[list[CsvRow], str]:
    """Every row of ``text`` and the separator, the first in :data:`DELIMITERS` with a header.

    ``is_header`` says whether a row is the header row. When no separator finds one, the
    rows read with commas are returned (the caller then says the header is missing).
    """
    first: list[CsvRow] | None = None
    for delimiter in DELIMITERS:
        if delimiter != "," and delimiter not in text:
            continue
        rows = list(_rows(text, delimiter, shown))
        if any(is_header(row.cells) for row in rows):
            return rows, delimiter
        if first is None:
            first = rows
    return first or [], ","
