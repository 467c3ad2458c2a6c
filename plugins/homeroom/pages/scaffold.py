"""``homeroom new TYPE NAME``: start a page with its type's sections in every required language.

The new files pass the page-types check from the start: every required section is there,
with its heading id, its heading in the file's language and one note saying what to
write (``To write: ...``, :mod:`homeroom.data.placeholders`). The content check reports each
note left in a page as an error, so an unfinished page is never published.

Nothing is ever overwritten: if any of the files exists, or the name is a page Homeroom
generates (the family glossary, the report cards, the staff translation page), no file
is written. Then :func:`add_to_nav` lists the new page in ``nav:`` of mkdocs.yml, one
line added and every other byte of the file kept, or says which line to add.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.page_types import PAGE_TYPES_FILE, PageType, load_page_types
from homeroom.data.placeholders import to_write
from homeroom.data.settings import Settings, load_settings
from homeroom.data.sources import DATA_DIR, display_path
from homeroom.data.yamlfiles import PermissiveLoader
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.languages import SUFFIX_RE, language_name

# A page name: folders and file name in small letters, digits and dashes (`grade-9`,
# `schools/alder`).
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
_EXAMPLE = "such as `grade-9` (a folder is allowed: `family/welcome`)"

#: Defaults of the options that name the pages Homeroom generates.
GLOSSARY_PAGE = "glossary.md"
REPORT_CARDS_FOLDER = "schools"
STATUS_PAGE = "staff/translations.md"


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
        page = str((settings.plugins.get("jargon") or {}).get("glossary_page", GLOSSARY_PAGE))
        if page:
            found.append((page, "the family glossary, which Homeroom builds from the glossaries"))
    if settings.enabled("reportcards"):
        options = settings.plugins.get("reportcards") or {}
        folder = str(options.get("output", REPORT_CARDS_FOLDER)).strip("/")
        found.append((f"{folder}/", "the school report cards, which Homeroom builds from data"))
    if settings.enabled("translations"):
        page = str((settings.plugins.get("translations") or {}).get("status_page", STATUS_PAGE))
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
        text = page_text(page_type, chosen, language, translation=language != default)
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
    name is refused), then lists it in ``nav:`` of ``config_file`` (:func:`add_to_nav`).
    """
    settings = load_settings(config_file)
    files = create(settings, type_name, name, title)
    lines = [f"created {display_path(new.path, Path.cwd())}" for new in files]
    lines.append(add_to_nav(config_file, nav_entry(settings, files)))
    return lines


def nav_entry(settings: Settings, files: list[NewFile]) -> str:
    """The ``nav:`` entry of a new page: its default-language file inside the content folder."""
    return files[0].path.relative_to(settings.docs_dir).as_posix()


def add_to_nav(config_file: Path, entry: str) -> str:
    """List ``entry`` (``grade-9.md``) at the end of the top-level ``nav:`` of mkdocs.yml.

    The file is rewritten only when exactly one line is added and every other byte stays
    the same (comments, quotes, blank lines), through ruamel.yaml's round trip, and then
    atomically. Otherwise, and when the site has no ``nav:``, nothing is written. Returns
    the one line to print.
    """
    shown = config_file.name
    add_by_hand = (
        f"Add the page to the menu yourself: put `- {entry}` at the end of `nav:` in {shown}."
    )
    try:
        raw = config_file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return add_by_hand
    # A file saved with Windows line ends keeps them: the work is done on plain newlines.
    windows = "\r\n" in raw and raw.count("\r\n") == raw.count("\n")
    text = raw.replace("\r\n", "\n") if windows else raw
    if "\r" in text:
        return add_by_hand
    try:
        data = yaml.load(text, Loader=PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return add_by_hand
    if not isinstance(data, dict) or data.get("nav") is None:
        return f"{shown} has no `nav:`, so MkDocs lists the new page in its menu by itself."
    nav = data["nav"]
    if not isinstance(nav, list):
        return add_by_hand
    if entry in nav:
        return f"`{entry}` is already in `nav:` in {shown}."
    hidden = _not_in_nav(data.get("not_in_nav"), entry)
    if hidden:
        return (
            f"{shown} keeps `{entry}` out of the menu (`not_in_nav: {hidden}`), so it was not "
            "added to `nav:`; link to it from another page."
        )
    updated = _with_entry(text, entry)
    placed = _placed(text, updated, entry) if updated is not None else None
    if placed is None or not _same_settings(placed[0], data, entry):
        return add_by_hand
    result, line = placed
    _replace(config_file, (result.replace("\n", "\r\n") if windows else result).encode("utf-8"))
    return f"added `{entry}` to the menu: line {line} of {shown} (`nav:`)."


def _not_in_nav(patterns: Any, entry: str) -> str | None:
    """The ``not_in_nav`` pattern that keeps ``entry`` out of the menu, if any."""
    if not isinstance(patterns, str) or not patterns.strip():
        return None
    try:
        from pathspec.gitignore import GitIgnoreSpec
    except ImportError:  # pragma: no cover - installed with MkDocs
        return None
    lines = patterns.splitlines()
    try:
        if not GitIgnoreSpec.from_lines(lines).match_file(entry):
            return None
    except ValueError:
        return None
    for pattern in lines:
        if pattern.strip() and GitIgnoreSpec.from_lines([pattern]).match_file(entry):
            return pattern.strip()
    return patterns.strip()


def _with_entry(text: str, entry: str) -> str | None:
    """mkdocs.yml with ``entry`` appended to ``nav:``, through a ruamel.yaml round trip.

    The indentation is the one (of the usual styles) that gives the file back unchanged
    when nothing is added; with none, None.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 2, 0), (4, 6, 4)):
        parser = YAML()
        parser.preserve_quotes = True
        parser.width = 4096
        parser.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = parser.load(text)
            same = io.StringIO()
            parser.dump(data, same)
            if same.getvalue() != text:
                continue
            data["nav"].append(entry)
            out = io.StringIO()
            parser.dump(data, out)
        except (YAMLError, TypeError, ValueError, AttributeError, KeyError):
            return None
        return out.getvalue()
    return None


def _placed(before: str, after: str, entry: str) -> tuple[str, int] | None:
    """``before`` with the one line ruamel.yaml added, right after the last item of ``nav``.

    ruamel.yaml writes a new last item after any blank lines and comments that follow the
    list; those belong to what comes next, so the line goes before them. None when
    ``after`` is not ``before`` with exactly one line, ``- entry``, added.
    """
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(new) != len(old) + 1:
        return None
    index = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    added = new[index]
    if new[:index] + new[index + 1 :] != old or added.strip() != f"- {entry}":
        return None
    while index > 0 and (not old[index - 1].strip() or old[index - 1].lstrip().startswith("#")):
        index -= 1
    return "".join([*old[:index], added, *old[index:]]), index + 1


def _same_settings(text: str, data: dict[str, Any], entry: str) -> bool:
    """Whether ``text`` reads as ``data`` with ``entry`` last in ``nav`` and nothing else changed."""
    try:
        reread = yaml.load(text, Loader=PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return False
    return bool(reread == {**data, "nav": [*data["nav"], entry]})


def _replace(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically: a temporary file next to it, then a rename."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
