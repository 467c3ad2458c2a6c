"""The rule-data layer: every data file is read through one loader, and one run names every
mistake in every file with its file, line, key path and the form expected."""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from homeroom.data import rulefiles
from homeroom.data.catalogs import CATALOG_SCHEMA
from homeroom.data.glossary_schema import ACCEPT_SCHEMA, GLOSSARY_SCHEMA
from homeroom.data.notices import NOTICES_SCHEMA
from homeroom.data.page_types_schema import PAGE_TYPES_SCHEMA
from homeroom.data.readability_schema import READABILITY_SCHEMA
from homeroom.data.ruledata import path_text, read_rule_file
from homeroom.data.ruledocs import RULES_SCHEMA
from homeroom.data.settings import Settings, load_settings
from homeroom.model.languages import LanguageSet
from homeroom.text.lang import LANG_SCHEMA, lang_files, language_words, read_language_words

DATA = ROOT / "content" / "_data"
SCHEMAS = {
    "glossary": GLOSSARY_SCHEMA,
    "accept": ACCEPT_SCHEMA,
    "readability": READABILITY_SCHEMA,
    "page types": PAGE_TYPES_SCHEMA,
    "notices": NOTICES_SCHEMA,
    "catalog": CATALOG_SCHEMA,
    "rules": RULES_SCHEMA,
    "language": LANG_SCHEMA,
}
#: Data that is not rule data: school facts and the importer's mappings have their own reader.
NOT_RULE_DATA = ("schools", "import")


def test_every_data_file_of_the_bundled_site_is_a_known_kind_of_rule_data() -> None:
    files = [
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*.yml")
        if p.relative_to(DATA).parts[0] not in NOT_RULE_DATA
    ]
    assert files
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in rulefiles.SITE_FILES), name


def test_the_bundled_site_and_the_package_data_have_no_mistakes() -> None:
    assert rulefiles.site_problems(load_settings(ROOT / "mkdocs.yml")) == []
    assert rulefiles.package_problems() == []


def _nodes(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(node, Mapping):
        yield path, node
        for key, value in node.items():
            yield from _nodes(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, (*path, str(index)))


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_value_a_schema_checks_says_what_it_expects_in_words(kind: str) -> None:
    for path, node in _nodes(SCHEMAS[kind]):
        # Conditions (`if`) and the branches of `anyOf` are worded by the node that holds them.
        if path and (path[-1] in ("examples", "properties", "$defs") or "if" in path):
            continue
        if len(path) > 1 and path[-2] == "anyOf":
            continue
        if any(key in node for key in ("type", "enum", "const", "anyOf")):
            assert node.get("description"), (kind, "/".join(path))


def _site(tmp_path: Path) -> Settings:
    return Settings(tmp_path, tmp_path / "content", LanguageSet.from_i18n(None))


BROKEN = {
    "glossary/en.yml": (
        "entries:\n  - id: benchmark\n    category: jargon\n    forms: [benchmark]\n"
        "    plain: []\n    explain: A short test.\n    source: test\n"
        "    examples: {flag: [The benchmark.]}\n"
        "  - id: rubric\n    category: jargon\n    forms: rubric\n    plain: [scoring guide]\n"
        "    explain: A list.\n    source: test\n    examples: {flag: [The rubric.]}\n"
        "    severty: error\n"
    ),
    "readability.yml": "profiles:\n  family:\n    paragraph_words: many\n",
    "page-types.yml": "types:\n  guide:\n    essential: maybe\n    source: x\n    sections: []\n",
    "notices.yml": "languages:\n  en: {fallback_title: [a]}\n",
    "strings/en.yml": "glance:\n  title: [At, a, glance]\n",
}


def test_one_run_names_every_mistake_in_every_file(tmp_path: Path) -> None:
    for name, text in BROKEN.items():
        path = tmp_path / "content" / "_data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in rulefiles.site_problems(_site(tmp_path))]
    assert problems == [
        "content/_data/readability.yml:3: `profiles.family`, field `paragraph_words`: expected "
        "the most words in a paragraph: a whole number, 0 or more, such as `100`, not `many`.",
        "content/_data/glossary/en.yml:5: `entries[0]` (entry `benchmark`), field `plain`: "
        "expected a list of plainer words to write instead, such as `[check-in test]`; it is "
        "empty.",
        "content/_data/glossary/en.yml:16: `entries[1]` (entry `rubric`): unknown field "
        "`severty` (did you mean `severity`?); use only `id`, `category`, `forms`, `plain`, "
        "`plural`, `plain_for`, `separate_terms`, `note`, `explain`, `severity`, `define`, "
        "`topic`, `page_types`, `source`, `examples`.",
        "content/_data/page-types.yml:3: `types.guide`, field `essential`: expected `true` or "
        "`false`, not `maybe`.",
        "content/_data/notices.yml:2: `languages.en`, field `fallback_title`: expected the "
        "text, in quotes, such as `This page is in {language}`, not a list.",
        "content/_data/strings/en.yml:2: `glance.title` must be text (put it in quotes), or a "
        "group of keys, such as `At a glance`, not a list.",
    ]


def test_a_mistake_in_a_list_item_names_its_place_from_zero_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "accept.yml"
    path.write_text("accept:\n  - Riverbend Unified\n  - 12\n", encoding="utf-8")
    (problem,) = read_rule_file(path, "accept.yml", ACCEPT_SCHEMA).problems
    assert str(problem) == (
        "accept.yml:3: `accept[1]` must be a name, such as `Benchmark Elementary School`, not `12`."
    )
    assert path_text(["entries", 3, "plain"]) == "entries[3].plain"


def test_every_language_file_reads_as_its_schema_says() -> None:
    assert set(lang_files()) >= {"en", "es", "vi", "ar"}
    for code, entry in lang_files().items():
        words = read_language_words(code, entry.read_text(encoding="utf-8"), entry.name)
        assert words.code == code
        assert words.to_write, code  # every language has the words of `homeroom new`


def test_a_language_without_a_file_gets_empty_lists_and_regional_codes_their_base() -> None:
    assert language_words("xx").abbreviations == frozenset()
    assert language_words("xx").glossary_page is None
    assert language_words("es-MX") == language_words("es")
    assert "which means" in language_words("en").definition_phrases


def test_a_new_language_is_only_a_file() -> None:
    text = (
        "language: fr\nsentences:\n  abbreviations: [m, mme]\n"
        "jargon:\n  definition_phrases: [c'est-à-dire]\nnew_page:\n  to_write: 'À écrire :'\n"
    )
    words = read_language_words("fr", text, "fr.yml")
    assert words.abbreviations == {"m", "mme"}
    assert words.to_write == "À écrire :"
    assert words.split_words == ()


def test_the_package_ships_its_data_files() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["homeroom"]
    package = ROOT / "plugins" / "homeroom"
    for folder in ("lang", "rules"):
        files = sorted(p.relative_to(package).as_posix() for p in (package / folder).glob("*"))
        assert files and all(any(fnmatch.fnmatch(f, p) for p in patterns) for f in files), files
