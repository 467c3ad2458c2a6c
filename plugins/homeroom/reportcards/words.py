"""The words and numbers of a report card in one language: catalog text and Babel formats.

Every word comes from the language's catalog (``content/_data/strings/<lang>.yml``) and
every number is formatted for the language with Babel: percentages, money, dates, lists
of grades, comparisons and the privacy marker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from homeroom.data.catalogs import Catalogs
from homeroom.reportcards.model import District
from homeroom.reportcards.origins import Trace, catalog_origin, field_origin
from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Cell, PublishedSchool


# Every school's card writes the same few hundred numbers in each language.
@lru_cache(maxsize=16384)
def _decimal(value: int, locale: Locale) -> str:
    return str(format_decimal(value, locale=locale))


@lru_cache(maxsize=4096)
def _percent(value: int, locale: Locale) -> str:
    return str(format_percent(value / 100, locale=locale))


class Words:
    """Catalog text and Babel numbers for one language.

    With a :class:`~homeroom.reportcards.origins.Trace`, every text it gives is marked with
    the file and line it came from, so findings on the page can name them.
    """

    def __init__(self, catalogs: Catalogs, lang: str, trace: Trace | None = None) -> None:
        """Format for ``lang`` with its catalog."""
        self.catalogs = catalogs
        self.lang = lang
        try:
            self.locale = Locale.parse(lang.replace("-", "_"))
            self.known = True
        except (UnknownLocaleError, ValueError):
            # A language CLDR has no data for (Hmong): numbers as in the United States,
            # and dates in figures, never with English month names.
            self.locale = Locale.parse("en_US")
            self.known = False
        self.trace = trace

    def __call__(self, key: str, **params: object) -> str:
        """The catalog text of ``key``."""
        text = self.catalogs.text(key, self.lang, **params)
        if self.trace is None:
            return text
        catalog = self.catalogs.catalogs[self.lang]
        return self.trace.mark(
            text, catalog_origin(catalog.display, catalog.lines.get(key, 1), key)
        )

    def school(self, school: PublishedSchool, key: str, text: str) -> str:
        """``text``, taken from the field ``key`` of a school's file."""
        if self.trace is None:
            return text
        return self.trace.mark(text, field_origin(school.display, school.lines, key, False))

    def district(self, district: District, key: str, text: str) -> str:
        """``text``, taken from the field ``key`` of the district settings."""
        if self.trace is None:
            return text
        return self.trace.mark(text, field_origin(district.display, district.lines, key, True))

    def set_intro(self, name: str) -> str:
        """The words before a group set's table ("By race and ethnicity:")."""
        key = f"sets.{name}"
        return self(key) if self.catalogs.has(key, self.lang) else self("tables.groups_intro")

    @property
    def marker(self) -> str:
        """The one privacy marker."""
        return self("numbers.marker")

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping."""
        return _decimal(value, self.locale)

    def pct(self, value: int) -> str:
        """A whole percentage, such as 62% or 62 %."""
        return _percent(value, self.locale)

    def money(self, value: int) -> str:
        """Whole dollars, in the language's currency format."""
        pattern = self.locale.currency_formats["standard"].pattern.split(";")[0]
        return format_currency(
            value,
            "USD",
            locale=self.locale,
            format=pattern.replace(".00", ""),
            currency_digits=False,
        )

    def date(self, value: dt.date) -> str:
        """A date written out, such as September 15, 2026."""
        if not self.known:
            return f"{value.month}/{value.day}/{value.year}"
        return format_date(value, format="long", locale=self.locale)

    def share(self, cell: Cell) -> str:
        """A share in a sentence: 62%, "fewer than 5%", "more than 95%"."""
        if cell.status == BELOW and cell.limit is not None:
            return self("numbers.below", pct=self.pct(cell.limit))
        if cell.status == ABOVE and cell.limit is not None:
            return self("numbers.above", pct=self.pct(cell.limit))
        return self.pct(cell.value or 0)

    def frequency(self, cell: Cell) -> str:
        """Words from a fixed denominator of 10 (or 20 at the ends), never the group size."""
        if cell.status == BELOW:
            return self("frequency.below")
        if cell.status == ABOVE:
            return self("frequency.above")
        tens = ((cell.value or 0) + 5) // 10
        if tens <= 0:
            return self("frequency.fewer_than_one_in_ten")
        if tens >= 10:
            return self("frequency.nearly_all")
        return self("frequency.about", count=tens)

    def table_cell(self, cell: Cell, *, is_count: bool = False) -> str:
        """A table cell: a number, a coded share or the marker."""
        if cell.status == SHOWN and cell.value is not None:
            return self.number(cell.value) if is_count else self.pct(cell.value)
        if cell.status == BELOW and cell.limit is not None:
            return self("numbers.table_below", pct=self.pct(cell.limit))
        if cell.status == ABOVE and cell.limit is not None:
            return self("numbers.table_above", pct=self.pct(cell.limit))
        return self.marker

    def grades(self, grades: Sequence[str]) -> str:
        """Grades as the language lists them, runs shortened: "3 to 8 and 11"."""
        runs: list[list[str]] = []
        for grade in grades:
            last = runs[-1][-1] if runs else None
            if (
                last is not None
                and last.isdigit()
                and grade.isdigit()
                and int(grade) == int(last) + 1
            ):
                runs[-1].append(grade)
            else:
                runs.append([grade])
        parts = [
            run[0] if len(run) < 3 else self("how_to_read.grade_range", first=run[0], last=run[-1])
            for run in runs
            for run in ([run] if len(run) != 2 else [[run[0]], [run[1]]])
        ]
        return self.list(parts)

    def list(self, items: Sequence[str]) -> str:
        """Items joined the language's way: "A, B and C".

        Commas alone where CLDR has no data for the language, rather than an English "and".
        """
        if not items:
            return ""
        if not self.known:
            return ", ".join(items)
        return format_list(list(items), locale=self.locale)

    def points(self, count: int) -> str:
        """1 point, 8 points."""
        return self("compare.point") if count == 1 else self("compare.points", count=count)

    def comparison(self, value: int, district: int | None, state: int | None) -> str:
        """A sentence such as: That is 8 points higher than the district."""
        parts = []
        for where, other in (("district", district), ("state", state)):
            if other is None:
                continue
            gap = value - other
            if gap > 0:
                parts.append(self(f"compare.{where}_higher", points=self.points(gap)))
            elif gap < 0:
                parts.append(self(f"compare.{where}_lower", points=self.points(-gap)))
            else:
                parts.append(self(f"compare.{where}_same"))
        if len(parts) == 2:
            return self("compare.both", district=parts[0], state=parts[1])
        if parts:
            return self("compare.one", comparison=parts[0])
        return ""
