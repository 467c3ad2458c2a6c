"""One search index per language, so a family's phone downloads only its own language.

Material's search plugin writes one ``search/search_index.json`` for the whole site, and
mkdocs-static-i18n 1.3.1 fills it with the pages of every language (it re-runs the build
once per language, collects each build's entries, and rewrites the index at the end of
the first build's ``on_post_build``, at priority -100). Material's JavaScript fetches
``search/search_index.json`` under the ``base`` address in the page's ``__config``, and
``overrides/main.html`` points ``base`` of a page in a non-default language at that
language's folder. This hook runs after static-i18n (priority -200) and splits the
index: ``search/search_index.json`` keeps the default language, ``es/search/...`` gets
Spanish, with addresses relative to the language's folder and only that language's
word stemmer, so the search worker also loads only that language's stemmer.

It never fails a build: a site without static-i18n or without search is left as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority


def _languages(config: Any) -> tuple[str | None, list[str]]:
    """The default locale and the other built locales of the i18n plugin, if any."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return None, []
    default = None
    others = []
    for language in plugin.config.languages:
        if language.default:
            default = language.locale
        elif language.build:
            others.append(language.locale)
    return default, others


def _stemmer(locale: str, languages: list[str]) -> list[str]:
    """The search languages for one index: the locale if search supports it."""
    return [locale] if locale in languages else languages[:1] or ["en"]


# After static-i18n's on_post_build (-100), which writes the combined index last.
@event_priority(-200)
def on_post_build(config: Any) -> None:
    """Split the combined search index into one index per language."""
    default, others = _languages(config)
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if default is None or not others or not index_path.exists():
        return
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # one language's pass: the combined index is written after the last one
    index = json.loads(index_path.read_text(encoding="utf-8"))
    languages = list(index.get("config", {}).get("lang", []))
    by_language: dict[str, list[dict[str, Any]]] = {locale: [] for locale in [default, *others]}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        for locale in others:
            if location.startswith(f"{locale}/"):
                by_language[locale].append({**doc, "location": location[len(locale) + 1 :]})
                break
        else:
            by_language[default].append(doc)
    if not index.get("docs"):
        return  # Nothing to split.
    for locale, docs in by_language.items():
        path = index_path
        if locale != default:
            path = Path(config.site_dir) / locale / "search" / "search_index.json"
            path.parent.mkdir(parents=True, exist_ok=True)
        own = {**index, "config": {**index["config"], "lang": _stemmer(locale, languages)}}
        own["docs"] = docs
        path.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")
