"""What rule data is in force for a site (or for loose files), and where each part came from.

``homeroom rules --show`` prints it. Homeroom ships its own rule data in the package
(glossaries, readability limits, word lists and notices per language, tone phrases); a
site's data folder (``content/_data/``) extends or replaces it. Precedence, part by part:

- **glossaries**: Homeroom's glossary for the language, with the site's
  ``glossary/<lang>.yml`` on top, entry by entry (an entry with the same id replaces
  Homeroom's, a new id is added, ``remove:`` drops ids; ``defaults: false`` uses the site's
  file alone); a language with neither has no jargon check;
- **readability limits**: the site's ``readability.yml`` (or the file ``thresholds:``
  names) replaces Homeroom's built-in limits whole;
- **notices** about a page's language: the site's ``notices.yml``, else Homeroom's words for
  the languages it has them in;
- **page types**: the site's ``page-types.yml`` (the page-type check needs one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from homeroom.data import glossary as glossaries
from homeroom.data.glossary_schema import GLOSSARY_SCHEMA
from homeroom.data.options import PageTypesOptions, ReadabilityOptions
from homeroom.data.ruledata import read_rule_file
from homeroom.data.settings import Settings
from homeroom.data.sources import display_path


@dataclass(frozen=True)
class GlossaryInForce:
    """One language's glossary: how many entries, and from where."""

    language: str
    total: int
    from_homeroom: int
    """Homeroom's entries in force (not replaced or removed)."""
    replaced: int
    added: int
    removed: int
    own_words: int
    homeroom_file: str
    """Homeroom's file for the language (``homeroom/glossary/en.yml``), or ``""``."""
    site_file: str
    """The site's file for the language, or ``""``."""
    alone: bool
    """The site's file says ``defaults: false``."""


@dataclass(frozen=True)
class Part:
    """One kind of rule data: where it comes from, in words."""

    what: str
    source: str


def glossaries_in_force(settings: Settings, languages: Sequence[str]) -> list[GlossaryInForce]:
    """Each language's glossary as a check would read it (mistakes in the files are raised)."""
    loaded = glossaries.load_glossaries(settings.data_dir, settings.project_root, languages)
    own = dict(glossaries.glossary_files(settings.data_dir, languages))
    found = []
    for language in languages:
        default = glossaries.default_glossary(language)
        shipped: set[str] = set()
        if default is not None:
            file = read_rule_file(default, glossaries.default_display(default), GLOSSARY_SCHEMA)
            shipped = {
                str(raw.get("id"))
                for raw in file.value(["entries"], []) or []
                if isinstance(raw, dict)
            }
        site_ids: set[str] = set()
        removed: set[str] = set()
        alone = False
        path = own.get(language)
        if path is not None:
            file = read_rule_file(path, display_path(path, settings.project_root), GLOSSARY_SCHEMA)
            site_ids = {
                str(raw.get("id"))
                for raw in file.value(["entries"], []) or []
                if isinstance(raw, dict)
            }
            removed = {str(x) for x in file.value(["remove"], []) or []}
            alone = file.value(["defaults"], True) is False
        if alone:
            shipped = set()
            removed = set()
        glossary = loaded.get(language)
        found.append(
            GlossaryInForce(
                language=language,
                total=len(glossary.entries) if glossary else 0,
                from_homeroom=len(shipped - site_ids - removed),
                replaced=len(shipped & site_ids),
                added=len(site_ids - shipped),
                removed=len(shipped & removed),
                own_words=len(glossary.own_words) if glossary else 0,
                homeroom_file=glossaries.default_display(default) if default else "",
                site_file=display_path(path, settings.project_root) if path else "",
                alone=alone,
            )
        )
    return found


def other_parts(settings: Settings) -> list[Part]:
    """Where the readability limits, notices, page types and accept list come from."""
    data = settings.data_dir
    shown = settings.project_root

    def site_or(path: Path, otherwise: str) -> str:
        return f"{display_path(path, shown)} (the site's)" if path.is_file() else otherwise

    thresholds = data / settings.options(ReadabilityOptions).thresholds
    types = data / settings.options(PageTypesOptions).types
    parts = [
        Part(
            "Readability limits",
            site_or(thresholds, "Homeroom's built-in limits (no readability.yml)"),
        ),
        Part(
            "Notices about a page's language",
            site_or(data / "notices.yml", "Homeroom's words (homeroom/lang/<code>.yml)"),
        ),
        Part(
            "Page types",
            site_or(types, "none: the page-type check needs a page-types.yml"),
        ),
        Part(
            "Names never flagged",
            site_or(data / glossaries.GLOSSARY_DIR / glossaries.ACCEPT_FILE, "none"),
        ),
    ]
    return parts


def describe(settings: Settings, languages: Sequence[str], where: str) -> list[str]:
    """The lines ``homeroom rules --show`` prints."""
    lines = [f"Rule data in force for {where}:", "", "Glossaries (jargon, respectful language):"]
    for item in glossaries_in_force(settings, languages):
        if item.total == 0 and not item.site_file:
            lines.append(
                f"  {item.language}: none. Homeroom has no glossary in this language, so "
                f"jargon is not checked in it; add {display_path(settings.data_dir / 'glossary' / (item.language + '.yml'), settings.project_root)}."
            )
            continue
        if item.alone:
            origin = f"all from {item.site_file} (defaults: false)"
        else:
            origin = f"{item.from_homeroom} from Homeroom ({item.homeroom_file or 'none'})"
            if item.site_file:
                origin += (
                    f"; {item.replaced} replaced, {item.added} added and {item.removed} "
                    f"removed by {item.site_file}"
                )
        lines.append(
            f"  {item.language}: {item.total} entries: {origin}; {item.own_words} own words"
        )
    lines.append("")
    lines += [f"{part.what}: {part.source}" for part in other_parts(settings)]
    return lines
