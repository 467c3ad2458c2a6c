"""``homeroom new TYPE NAME``: start a page with its type's sections in every required language.

The new files pass the page-types check from the start: every required section is there,
with its heading id, its heading in the file's language and one line saying what to write.
Nothing is ever overwritten: if any of the files exists, no file is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.errors import HomeroomError, InputError
from homeroom.languages import language_name
from homeroom.page_types import PAGE_TYPES_FILE, PageType, load_page_types
from homeroom.settings import Settings
from homeroom.sources import display_path
from homeroom.syllables import base_language

# A page name: folders and file name in small letters, digits and dashes (`grade-9`,
# `schools/alder`), optionally ending in `.md`.
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")

#: The word in front of each placeholder line, per language (English for others).
TO_WRITE = {"en": "To write:", "es": "Por escribir:", "vi": "Cần viết:", "ar": "اكتب هنا:"}


@dataclass(frozen=True)
class NewFile:
    """One file ``homeroom new`` writes."""

    path: Path
    language: str
    text: str


def _page_type(settings: Settings, type_name: str) -> PageType:
    options = settings.plugins.get("pagetypes") or {}
    path = settings.data_dir / str(options.get("types") or PAGE_TYPES_FILE)
    types = load_page_types(path, display_path(path, settings.project_root))
    page_type = types.get(type_name)
    if page_type is None:
        raise HomeroomError(
            f"there is no page type called `{type_name}`. Page types: {', '.join(types.names)} "
            f"(listed in {types.display})."
        )
    return page_type


def _default_title(name: str) -> str:
    words = name.rsplit("/", 1)[-1].replace("-", " ")
    return words[:1].upper() + words[1:]


def page_text(page_type: PageType, title: str, language: str, translation: bool) -> str:
    """The Markdown of a new page of ``page_type`` in ``language``."""
    meta: dict[str, Any] = {"title": title, "type": page_type.name}
    if page_type.essential:
        meta["essential"] = True
    if translation:
        name = language_name(language) or language
        meta["translation"] = {
            "method": "person",
            "note": (
                f"Started with `homeroom new`. Write this page in {name}, then say here "
                "who wrote or translated it, and how."
            ),
        }
    front = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000
    )
    to_write = TO_WRITE.get(language) or TO_WRITE.get(base_language(language)) or TO_WRITE["en"]
    lines = ["---", front.rstrip("\n"), "---", "", f"# {title}", ""]
    for section in page_type.sections:
        lines += [f"## {section.heading(language)} {{#{section.id}}}", ""]
        guidance = section.guidance(language)
        if guidance:
            lines += [f"*{to_write} {guidance}*", ""]
    return "\n".join(lines)


def plan(settings: Settings, type_name: str, name: str, title: str | None = None) -> list[NewFile]:
    """The files ``homeroom new`` would write, checked but not written."""
    page_type = _page_type(settings, type_name)
    bare = name.removesuffix(".md")
    if not _NAME.match(bare):
        raise HomeroomError(
            f"`{name}` cannot be a page name: use small letters, digits and dashes, such as "
            "`grade-9` (a folder is allowed: `schools/alder`). Leave out any language suffix; "
            "every required language gets its own file."
        )
    chosen = title or _default_title(bare)
    default = settings.languages.default.code
    files: list[NewFile] = []
    for language in settings.required_languages:
        suffix = "" if language == default else f".{language}"
        path = settings.docs_dir / f"{bare}{suffix}.md"
        text = page_text(page_type, chosen, language, translation=language != default)
        files.append(NewFile(path, language, text))
    for new in files:
        if new.path.exists():
            raise InputError(
                display_path(new.path, settings.project_root),
                "this page already exists, and `homeroom new` never overwrites a page. "
                "Edit it, or pick another name.",
            )
    return files


def create(
    settings: Settings, type_name: str, name: str, title: str | None = None
) -> list[NewFile]:
    """Write a new page in every required language; refuse if any of its files exists."""
    files = plan(settings, type_name, name, title)
    for new in files:
        new.path.parent.mkdir(parents=True, exist_ok=True)
        # "x": never overwrite, even if a file appeared since the check above.
        with new.path.open("x", encoding="utf-8") as handle:
            handle.write(new.text)
    return files
