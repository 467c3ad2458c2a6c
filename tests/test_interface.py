"""The theme's words in every site language: Material's, Homeroom's merged over them, the site's."""

from __future__ import annotations

from pathlib import Path

import jinja2

from homeroom.adapters.languages.plugin import LOCALE
from homeroom.data.interface import (
    SHOWN_KEYS,
    material_strings,
    missing_keys,
    needs_template,
    parse_strings,
    template_source,
)
from homeroom.data.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_three_letter_codes_and_script_or_region_are_accepted() -> None:
    for code in ("en", "hmn", "zh-Hant", "pt-BR", "pt_BR", "ckb"):
        assert LOCALE.match(code), code
    for code in ("EN", "english", "e", "zh-hant-x", "../en"):
        assert not LOCALE.match(code), code


def test_every_bundled_language_has_every_shown_word() -> None:
    for code in load_settings(ROOT / "mkdocs.yml").languages.codes:
        assert missing_keys(code) == [], code


def test_a_language_nobody_translated_is_missing_every_shown_word() -> None:
    assert material_strings("ps") is None
    assert missing_keys("ps") == list(SHOWN_KEYS)
    assert missing_keys("en") == []


def test_homeroom_supplies_a_template_the_theme_can_render(tmp_path: Path) -> None:
    assert needs_template("ht") and not needs_template("es")
    source = template_source("ht", "ltr")
    strings = parse_strings(source)
    assert strings["language"] == "ht" and strings["direction"] == "ltr"
    assert strings["action.skip"] != material_strings("en")["action.skip"]  # type: ignore[index]
    env = jinja2.Environment(loader=jinja2.DictLoader({"ht.html": source}), autoescape=True)
    macro = env.get_template("ht.html").module.t  # type: ignore[attr-defined]
    assert str(macro("action.skip")) == strings["action.skip"]


def test_a_site_s_own_file_wins(tmp_path: Path) -> None:
    folder = tmp_path / "partials" / "languages"
    folder.mkdir(parents=True)
    (folder / "ht.html").write_text(
        '{% macro t(key) %}{{ {\n  "action.skip": "Ale nan tèks la"\n}[key] }}{% endmacro %}\n',
        encoding="utf-8",
    )
    assert not needs_template("ht", [tmp_path])
    assert "action.skip" not in missing_keys("ht", [tmp_path])
