"""``homeroom new TYPE NAME``: start a page with its type's sections in every required language.

The new files pass the page-types check from the start: every required section is there,
with its heading id, its heading in the file's language and one note saying what to
write (``To write: ...``, :mod:`homeroom.data.placeholders`). The content check reports each
note left in a page as an error, so an unfinished page is never published.

Nothing is ever overwritten: if any of the files exists, or the name is a page Homeroom
generates (the family glossary, the report cards, the staff translation page), no file
is written. Then :func:`homeroom.pages.nav.add_to_nav` lists the new page in ``nav:`` of mkdocs.yml, one
line added and every other byte of the file kept, or says which line to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.options import (
    JargonOptions,
    PageTypesOptions,
    ReportCardsOptions,
    TranslationsOptions,
)
from homeroom.data.page_types import PAGE_TYPES_FILE, PageType, load_page_types
from homeroom.data.placeholders import to_write
from homeroom.data.settings import Settings, load_settings
from homeroom.data.sources import DATA_DIR, display_path
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.languages import SUFFIX_RE, language_name
from homeroom.pages.nav import add_to_nav
from homeroom.text.family_words import family_words
from homeroom.text.lang import language_words

# A page name: folders and file name in small letters, digits and dashes (`grade-9`,
# `schools/alder`).
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
_EXAMPLE = "such as `grade-9` (a folder is allowed: `family/welcome`)"

#: Defaults of the options that name the pages Homeroom generates.


@dataclass(frozen=True)
class NewFile:
    """One file ``homeroom new`` writes."""

    path: Path
    language: str
    text: str


def _page_type(settings: Settings, type_name: str) -> PageType:
    path = settings.data_dir / (settings.options(PageTypesOptions).types or PAGE_TYPES_FILE)
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


def translation_note(language: str, name: str) -> str:
    """The note in a new translation's settings, in the language's words (else English)."""
    template = language_words(language).translation_note or language_words("en").translation_note
    return (template or "Write this page in {language}.").replace("{language}", name)


def page_text(
    page_type: PageType, title: str, language: str, translation: bool, summary: bool = False
) -> str:
    """The Markdown of a new page of ``page_type`` in ``language``.

    ``summary``: with a note saying what to write in its text-message ``summary:``.
    """
    meta: dict[str, Any] = {"title": title, "type": page_type.name}
    if summary:
        hint = family_words(language).get("summary", "to_write")
        meta["summary"] = f"{to_write(language)} {hint}"
    if page_type.essential:
        meta["essential"] = True
    if translation:
        name = language_name(language) or language
        meta["translation"] = {"method": "person", "note": translation_note(language, name)}
    front = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000
    )
    words = to_write(language)
    lines = ["---", front.rstrip("\n"), "---", "", f"# {title}", ""]
    for section in page_type.sections:
        lines += [f"## {section.heading(language)} {{#{section.id}}}", ""]
        guidance = section.guidance(language)
        if guidance:
            lines += [f"*{words} {guidance}*", ""]
    return "\n".join(lines)


def check_name(name: str, settings: Settings) -> str:
    """The page name without ``.md``; a :class:`HomeroomError` saying what is wrong if bad."""
    bare = name.strip().removesuffix(".md")
    if not bare:
        raise HomeroomError(f"give the new page a name, {_EXAMPLE}.")
    if "\\" in bare:
        raise HomeroomError(f"`{name}` cannot be a page name: write folders with `/`, {_EXAMPLE}.")
    if bare.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", bare):
        raise HomeroomError(
            f"`{name}` is a path on this computer, not a page name. Give the page's name "
            f"inside the content folder, {_EXAMPLE}."
        )
    parts = bare.split("/")
    if any(part in ("..", ".", "") for part in parts):
        raise HomeroomError(
            f"`{name}` points outside the content folder, where no page is published. "
            f"Give the page's name inside it, {_EXAMPLE}."
        )
    last = parts[-1]
    if "." in last and SUFFIX_RE.match(last.rsplit(".", 1)[1]):
        suffix = last.rsplit(".", 1)[1]
        raise HomeroomError(
            f"`{name}` ends in a language suffix (`.{suffix}`). Leave it out: `homeroom new` "
            "writes one file for every language the site requires, each with its suffix."
        )
    if parts[0] == settings.docs_dir.name and len(parts) > 1:
        raise HomeroomError(
            f"`{name}` starts with the content folder's name. Leave it out: write "
            f"`{'/'.join(parts[1:])}`."
        )
    if parts[0] == DATA_DIR or any(part.startswith((".", "_")) for part in parts):
        raise HomeroomError(
            f"`{name}` is in a folder that is never published ({DATA_DIR}/ holds editorial "
            f"data; names starting with `.` or `_` are hidden). Pick another name, {_EXAMPLE}."
        )
    if not _NAME.match(bare):
        raise HomeroomError(
            f"`{name}` cannot be a page name: use small letters, digits and dashes, {_EXAMPLE}. "
            "Leave out any language suffix; every required language gets its own file."
        )
    if parts[0] in settings.languages.codes and len(parts) > 1:
        raise HomeroomError(
            f"`{parts[0]}/` is where the site publishes its {language_name(parts[0]) or parts[0]} "
            "pages, so a page there would take the place of a translation. Pick another "
            "folder: translations get their own file (`page.es.md`) next to the page."
        )
    return bare


def generated_pages(settings: Settings) -> list[tuple[str, str]]:
    """(page or folder/, what generates it) for each page Homeroom adds to this site."""
    found: list[tuple[str, str]] = []
    if settings.enabled("jargon"):
        page = settings.options(JargonOptions).glossary_page
        if page:
            found.append((page, "the family glossary, which Homeroom builds from the glossaries"))
    if settings.enabled("reportcards"):
        folder = settings.options(ReportCardsOptions).output.strip("/")
        found.append((f"{folder}/", "the school report cards, which Homeroom builds from data"))
    if settings.enabled("translations"):
        page = settings.options(TranslationsOptions).status_page
        if page:
            found.append((page, "the staff page on translations, which Homeroom builds"))
    return found


def _collision(bare: str, settings: Settings) -> str | None:
    """What generated page ``bare`` would take the place of, if any."""
    page = f"{bare}.md"
    for generated, what in generated_pages(settings):
        if generated.endswith("/"):
            if page.startswith(generated):
                return f"`{generated}` holds {what}"
        elif page == generated.strip("/"):
            return f"`{generated}` is {what}"
    return None


def _existing(path: Path) -> Path | None:
    """``path`` or a file that differs from it only in capitals, if one exists."""
    if path.exists():
        return path
    if path.parent.is_dir():
        wanted = path.name.casefold()
        for other in path.parent.iterdir():
            if other.name.casefold() == wanted:
                return other
    return None


#: Page types that are not sent to families as a text message (see homeroom/messages).
_NO_SUMMARY = frozenset({"staff", "report-card", "glossary"})


def plan(settings: Settings, type_name: str, name: str, title: str | None = None) -> list[NewFile]:
    """The files ``homeroom new`` would write, checked but not written."""
    page_type = _page_type(settings, type_name)
    bare = check_name(name, settings)
    taken = _collision(bare, settings)
    if taken is not None:
        raise HomeroomError(
            f"`{name}` is a page Homeroom writes itself: {taken}, and a page written there "
            "would take its place without a word. Pick another name."
        )
    chosen = title or _default_title(bare)
    default = settings.languages.default.code
    docs = settings.docs_dir.resolve()
    files: list[NewFile] = []
    for language in settings.required_languages:
        suffix = "" if language == default else f".{language}"
        path = settings.docs_dir / f"{bare}{suffix}.md"
        text = page_text(
            page_type,
            chosen,
            language,
            translation=language != default,
            summary=settings.enabled("messages") and page_type.name not in _NO_SUMMARY,
        )
        files.append(NewFile(path, language, text))
    for new in files:
        existing = _existing(new.path)
        if existing is not None:
            raise InputError(
                display_path(existing, settings.project_root),
                "this page already exists, and `homeroom new` never overwrites a page. "
                "Edit it, or pick another name.",
            )
        if not new.path.resolve().is_relative_to(docs):
            raise HomeroomError(
                f"`{name}` leads outside the content folder (through a folder link), where "
                f"no page is published. Pick another name, {_EXAMPLE}."
            )
    return files


def create(
    settings: Settings, type_name: str, name: str, title: str | None = None
) -> list[NewFile]:
    """Write a new page in every required language; refuse if any of its files exists."""
    files = plan(settings, type_name, name, title)
    written: list[Path] = []
    try:
        for new in files:
            new.path.parent.mkdir(parents=True, exist_ok=True)
            # "x": never overwrite, even if a file appeared since the check above.
            with new.path.open("x", encoding="utf-8") as handle:
                written.append(new.path)
                handle.write(new.text)
    except FileExistsError:
        # Another program made one of the files just now: take back only what we wrote.
        for path in written:
            path.unlink(missing_ok=True)
        raise InputError(
            display_path(new.path, settings.project_root),
            "this page was created by another program just now, and `homeroom new` never "
            "overwrites a page. Nothing was written; edit it, or pick another name.",
        ) from None
    return files


def new_page(config_file: Path, type_name: str, name: str, title: str | None = None) -> list[str]:
    """Everything ``homeroom new`` does; returns the lines to print.

    Writes the page in every required language (nothing at all if any file exists or the
    name is refused), then lists it in ``nav:`` of ``config_file`` (:func:`homeroom.pages.nav.add_to_nav`).
    """
    settings = load_settings(config_file)
    files = create(settings, type_name, name, title)
    lines = [f"created {display_path(new.path, Path.cwd())}" for new in files]
    lines.append(add_to_nav(config_file, nav_entry(settings, files)))
    return lines


def nav_entry(settings: Settings, files: list[NewFile]) -> str:
    """The ``nav:`` entry of a new page: its default-language file inside the content folder."""
    return files[0].path.relative_to(settings.docs_dir).as_posix()
