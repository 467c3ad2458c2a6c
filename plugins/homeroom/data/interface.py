"""The theme's interface strings per language: what Material says, and what Homeroom adds.

Material for MkDocs translates its interface ("Skip to content", "Search", "Back to top")
into many languages, each in ``partials/languages/<code>.html``, and falls back to English
for a key its file lacks. It has no file at all for some languages families read at home
in US districts (Haitian Creole, Somali, Hmong): a page in one of them would not even build.
Homeroom supplies those strings from its language files (``interface:`` in
``homeroom/lang/<code>.yml``), merged over Material's own where Material has a file, and a
site may supply its own the way Material documents (``partials/languages/<code>.html`` in
its ``custom_dir``), which wins.

This module reads Material's files from the installed package without importing it (the
core never imports MkDocs), and writes the template that merges the strings.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from homeroom.text.lang import LANG_FOLDER, lang_files
from homeroom.text.syllables import base_language

#: The interface keys a family page shows (or reads aloud to a screen reader): the ones a
#: page in any language must have in that language. Blog, consent, RSS and repository
#: strings are left out: the site uses none of them.
SHOWN_KEYS = (
    "action.skip",
    "clipboard.copy",
    "clipboard.copied",
    "footer",
    "footer.next",
    "footer.previous",
    "header",
    "nav",
    "search",
    "search.placeholder",
    "search.reset",
    "search.share",
    "search.result.initializer",
    "search.result.placeholder",
    "search.result.none",
    "search.result.one",
    "search.result.other",
    "search.result.more.one",
    "search.result.more.other",
    "search.result.term.missing",
    "select.language",
    "tabs",
    "toc",
    "top",
)

_PAIR = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', re.M)


def parse_strings(text: str) -> dict[str, str]:
    """The ``"key": "text"`` pairs of one of Material's language templates."""
    return {key: json.loads(f'"{value}"') for key, value in _PAIR.findall(text)}


def _material_folder() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    languages = folder / "templates" / "partials" / "languages"
    return languages if languages.is_dir() else None


@lru_cache(maxsize=64)
def material_strings(code: str) -> dict[str, str] | None:
    """Material's own strings for ``code``, or None if Material has no file for it."""
    folder = _material_folder()
    if folder is None:
        return None
    path = folder / f"{code}.html"
    if not path.is_file():
        return None
    return parse_strings(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def homeroom_strings(code: str) -> dict[str, str]:
    """The ``interface:`` strings of Homeroom's language file for ``code`` (or its base)."""
    files = lang_files()
    entry = files.get(code) or files.get(base_language(code))
    if entry is None:
        return {}
    data = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
    block = data.get("interface") if isinstance(data, Mapping) else None
    if not isinstance(block, Mapping):
        return {}
    return {str(k): " ".join(str(v).split()) for k, v in block.items() if str(v).strip()}


def site_strings(custom_dirs: list[Path], code: str) -> dict[str, str] | None:
    """A site's own ``partials/languages/<code>.html`` (Material's way), if it has one."""
    for folder in custom_dirs:
        path = folder / "partials" / "languages" / f"{code}.html"
        if path.is_file():
            return parse_strings(path.read_text(encoding="utf-8"))
    return None


def merged_strings(code: str, custom_dirs: list[Path] | None = None) -> dict[str, str]:
    """Every interface string a page in ``code`` gets, English where nobody translated it."""
    english = material_strings("en") or {}
    own = material_strings(code) or material_strings(base_language(code)) or {}
    site = site_strings(custom_dirs or [], code) or {}
    return {**english, **own, **homeroom_strings(code), **site}


def missing_keys(code: str, custom_dirs: list[Path] | None = None) -> list[str]:
    """The shown keys a page in ``code`` would show in English.

    A key nobody translated, and a key whose text is the English one (Material's own files
    keep a few English texts, such as Vietnamese "Initializing search").
    """
    if base_language(code) == "en":
        return []
    english = material_strings("en") or {}
    own = {
        **(material_strings(code) or material_strings(base_language(code)) or {}),
        **homeroom_strings(code),
        **(site_strings(custom_dirs or [], code) or {}),
    }
    return [key for key in SHOWN_KEYS if key not in own or own[key] == english.get(key)]


def needs_template(code: str, custom_dirs: list[Path] | None = None) -> bool:
    """Whether Homeroom must supply ``partials/languages/<code>.html`` for the theme."""
    if site_strings(custom_dirs or [], code) is not None:
        return False  # the site's own file is used as it is
    return material_strings(code) is None or bool(homeroom_strings(code))


def template_source(code: str, direction: str, custom_dirs: list[Path] | None = None) -> str:
    """Material's language template for ``code``: its strings, Homeroom's merged over them."""
    strings = merged_strings(code, custom_dirs)
    strings["language"] = code
    strings["direction"] = direction
    body = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in strings.items()
    )
    return (
        "{#- Made by Homeroom from Material's strings and homeroom/lang/"
        f"{code}.yml -#}}\n{{% macro t(key) %}}{{{{ {{\n{body}\n}}[key] }}}}{{% endmacro %}}\n"
    )


def interface_version() -> str:
    """The installed Material's version (its strings change with it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mkdocs-material")
    except PackageNotFoundError:
        return ""


def interface_file(code: str) -> str:
    """Where Homeroom's strings for ``code`` are kept, for messages."""
    return f"homeroom/{LANG_FOLDER}/{base_language(code)}.yml"
