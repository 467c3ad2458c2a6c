"""Report-card pages: every word from the catalogs, numbers per locale, charts that hide."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml
from rc_helpers import DATA, ROOT

from homeroom.data.catalogs import load_catalogs
from homeroom.reportcards.charts import bar_chart
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.privacy import suppress_all
from homeroom.reportcards.published import ABOVE, BELOW, HIDDEN, SHOWN, Cell
from homeroom.reportcards.render import index_markdown, school_markdown
from homeroom.reportcards.words import Words


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    data = load_schools(DATA / "schools", ROOT)
    return data, suppress_all(data.schools, data.district), load_catalogs(DATA, ["en", "es"], ROOT)


@pytest.mark.parametrize(
    ("lang", "pct", "money", "date", "count"),
    [
        ("en", "62%", "$14,250", "September 15, 2026", "1,420"),
        ("es", "62\xa0%", "14.250\xa0US$", "15 de septiembre de 2026", "1.420"),
    ],
)
def test_numbers_follow_the_language(
    bundled, lang: str, pct: str, money: str, date: str, count: str
) -> None:
    import datetime as dt

    w = Words(bundled[2], lang)
    assert (w.pct(62), w.money(14250), w.date(dt.date(2026, 9, 15)), w.number(1420)) == (
        pct,
        money,
        date,
        count,
    )


@pytest.mark.parametrize(
    ("cell", "english"),
    [
        (Cell(SHOWN, 62), "about 6 in 10 students"),
        (Cell(SHOWN, 5), "about 1 in 10 students"),
        (Cell(SHOWN, 95), "more than 9 in 10 students"),
        (Cell(BELOW, None, 5), "fewer than 1 in 20 students"),
        (Cell(ABOVE, None, 95), "more than 19 in 20 students"),
    ],
)
def test_natural_frequencies_use_fixed_denominators(bundled, cell: Cell, english: str) -> None:
    assert Words(bundled[2], "en").frequency(cell) == english


def test_comparisons_are_done_for_the_reader(bundled) -> None:
    w = Words(bundled[2], "en")
    assert (
        w.comparison(62, 54, 62)
        == "That is 8 points higher than the district and the same as the state."
    )
    assert w.comparison(40, 41, None) == "That is 1 point lower than the district."
    assert (
        Words(bundled[2], "es").comparison(62, 54, None)
        == "Es decir, 8 puntos más que el distrito."
    )


def test_fairview_shows_its_six_students_hidden_with_the_footnote(bundled) -> None:
    data, published, catalogs = bundled
    fairview = next(p for p in published if p.id == "fairview-elementary")
    for lang, label, footnote in (
        (
            "en",
            "Students learning English",
            "\\* Hidden to protect student privacy: fewer than 10 students",
        ),
        (
            "es",
            "Estudiantes que aprenden inglés",
            "\\* Dato oculto para proteger la privacidad de los estudiantes: menos de 10 estudiantes",
        ),
    ):
        page = school_markdown(fairview, data.district, catalogs, lang)
        rows = [line for line in page.splitlines() if line.startswith(f"| {label} |")]
        assert len(rows) == 3  # reading, math, science
        # Tested, the four levels, "met" and the share tested: all hidden.
        assert all(row.count("\\*") == 7 and not re.search(r"\d", row) for row in rows)
        assert footnote in page
        assert "fewer than 10" in page or "menos de 10" in page
        assert "| 6 |" not in page  # the group's size is never a table cell


def test_no_word_on_the_page_is_hard_coded(bundled, tmp_path: Path) -> None:
    """Render with a catalog whose every string is a token: only data may be left over."""
    data, published, catalogs = bundled
    english = catalogs.catalogs["en"]
    fake: dict[str, object] = {}
    for key, value in english.strings.items():
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f]
        node = fake
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[last] = "Zq " + " ".join("{" + f + "}" for f in fields)
    folder = tmp_path / "_data" / "strings"
    folder.mkdir(parents=True)
    (folder / "fr.yml").write_text(yaml.safe_dump(fake, allow_unicode=True), encoding="utf-8")
    fr = load_catalogs(tmp_path / "_data", ["fr"], tmp_path)
    for school in published:
        page = school_markdown(school, data.district, fr, "fr")
        body = page.split("---", 2)[2]
        body = re.sub(r"<[^>]+>", " ", body)  # SVG markup
        body = re.sub(r"\{#[a-z0-9-]+\}", " ", body)  # language-neutral section ids
        body = body.replace(school.name, " ")
        words = Words(fr, "fr")
        # Words Babel writes for the locale (months, currency, 'and') are locale data.
        babel = f"{words.date(data.district.published)} {words.money(1)} {words.grades(['1', '3'])}"  # type: ignore[arg-type]
        leftover = set(re.findall(r"[^\W\d_]{2,}", body)) - {"Zq"} - set(re.findall(r"\w+", babel))
        assert leftover == set(), (school.id, leftover)


def test_index_lists_every_school_in_each_language(bundled) -> None:
    data, published, catalogs = bundled
    for lang in ("en", "es"):
        page = index_markdown(published, data.district, catalogs, lang)
        assert page.count("](") == 12
        assert "type: report-card" in page


def test_charts_are_accessible_and_never_draw_a_hidden_value(bundled) -> None:
    w = Words(bundled[2], "en")
    svg = bar_chart(
        "chart-x",
        "Reading: students who met the goal",
        [
            ("This school", Cell(HIDDEN)),
            ("District", Cell(SHOWN, 52)),
            ("State", Cell(BELOW, None, 5)),
        ],
        w,
    )
    assert 'role="img"' in svg and 'aria-labelledby="chart-x-t chart-x-d"' in svg
    assert (
        '<title id="chart-x-t">' in svg
        and "This school: hidden *. District: 52%. State: fewer than 5%." in svg
    )
    assert svg.count('<rect x="104"') == 1  # only the district's bar is drawn
    assert not re.search(r"\son\w+=|style=|<script|href=\"http", svg)
    assert len(svg) < 2500
