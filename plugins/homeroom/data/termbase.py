"""The termbase: the district's approved word, in each language, for each term families meet.

A family who reads "plan educativo individualizado" on one page and "programa de educación
individual" on the next cannot tell they are the same paper, and neither matches what the
school sends home. Homeroom ships, per language (``homeroom/termbase/<code>.yml``), the
approved rendering of each glossary entry marked ``define: true`` and of each page-type
word (``page_types:`` in ``termbase/en.yml``, with their English words), with the other
forms that are fine (``also:``, inflections, the English acronym kept) and the renderings
translators tend to use that the district does not approve (``avoid:``). A district's
translators change or add renderings in ``content/_data/termbase/<code>.yml``: an entry
there replaces Homeroom's entry of the same id, field by field.

The English side of a glossary term is its glossary entry's forms; of a page-type word,
``term`` and ``also`` in ``termbase/en.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.text.syllables import base_language

#: The package folder of Homeroom's termbase files, and the site's folder in ``_data``.
TERMBASE_FOLDER = "termbase"

#: Scripts written without spaces between words: a term is found anywhere in the text.
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

_FIELDS = ("term", "also", "avoid", "explain")


@dataclass(frozen=True)
class Term:
    """One approved rendering: the term, the other fine forms, the ones to avoid."""

    id: str
    kind: str
    """``glossary`` (a glossary entry's id) or ``page_type``."""
    term: str
    also: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    explain: str = ""
    file: str = ""
    line: int = 1

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every form that counts as the approved term."""
        return (self.term, *self.also)


@dataclass(frozen=True)
class Termbase:
    """The approved terms of every language that has them, and the English words."""

    terms: Mapping[str, Mapping[str, Term]]
    """Language -> entry id -> term (page-type ids are ``type:<id>``)."""
    english: Mapping[str, tuple[str, ...]]
    """Entry id -> its English forms."""
    files: tuple[Path, ...] = ()

    def language(self, code: str) -> Mapping[str, Term]:
        """The terms of ``code`` (or of its base language)."""
        return self.terms.get(code) or self.terms.get(base_language(code)) or {}


def package_folder() -> Path:
    """Homeroom's own termbase files."""
    return Path(str(resources.files("homeroom").joinpath(TERMBASE_FOLDER)))


def termbase_files(data_dir: Path) -> list[Path]:
    """Every termbase file a site's results depend on: Homeroom's and the site's own."""
    site = data_dir / TERMBASE_FOLDER
    return [
        *sorted(package_folder().glob("*.yml")),
        *(sorted(site.glob("*.yml")) if site.is_dir() else []),
    ]


def _texts(value: Any, shown: str, where: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(shown, f"{where}: expected a list of words in square brackets.", line)
    return tuple(" ".join(v.split()) for v in value)


def _line_of(text: str, key: str) -> int:
    found = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _read(path: Path, shown: str) -> tuple[str, dict[str, dict[str, Any]], list[InputError]]:
    """The file's language and raw entries by id (``type:<id>`` for page types)."""
    data = read_yaml(path, shown)
    text = path.read_text(encoding="utf-8")
    problems: list[InputError] = []
    if not isinstance(data, Mapping):
        raise InputError(shown, "expected `language:`, `terms:` and `page_types:`.")
    language = str(data.get("language") or path.stem)
    entries: dict[str, dict[str, Any]] = {}
    for section, prefix in (("terms", ""), ("page_types", "type:")):
        block = data.get(section) or {}
        if not isinstance(block, Mapping):
            problems.append(InputError(shown, f"`{section}:` must list entries by id.", 1))
            continue
        for key, raw in block.items():
            line = _line_of(text, str(key))
            if not isinstance(raw, Mapping):
                problems.append(
                    InputError(shown, f"{section} > {key}: expected `term:` and its forms.", line)
                )
                continue
            unknown = [k for k in raw if k not in _FIELDS]
            if unknown:
                problems.append(
                    InputError(
                        shown,
                        f"{section} > {key}: `{unknown[0]}` is not a termbase field "
                        f"(the fields are {', '.join(_FIELDS)}).",
                        line,
                    )
                )
                continue
            entries[prefix + str(key)] = {**raw, "_line": line, "_file": shown}
    return language, entries, problems


def _term(entry_id: str, raw: Mapping[str, Any], problems: list[InputError]) -> Term | None:
    shown, line = str(raw["_file"]), int(raw["_line"])
    where = ("page_types > " + entry_id[5:]) if entry_id.startswith("type:") else entry_id
    try:
        term = raw.get("term")
        if not isinstance(term, str) or not term.strip():
            raise InputError(shown, f"{where}: `term:` must be the approved word.", line)
        also = _texts(raw.get("also"), shown, f"{where} > also", line)
        avoid = _texts(raw.get("avoid"), shown, f"{where} > avoid", line)
        clash = {fold(a) for a in avoid} & {fold(x) for x in (term, *also)}
        if clash:
            raise InputError(
                shown,
                f"{where}: `{sorted(clash)[0]}` is both approved and to avoid; keep it in one.",
                line,
            )
        explain = raw.get("explain") or ""
        if not isinstance(explain, str):
            raise InputError(shown, f"{where} > explain: expected a sentence.", line)
    except InputError as exc:
        problems.append(exc)
        return None
    return Term(
        id=entry_id,
        kind="page_type" if entry_id.startswith("type:") else "glossary",
        term=" ".join(term.split()),
        also=also,
        avoid=avoid,
        explain=" ".join(explain.split()),
        file=shown,
        line=line,
    )


def fold(text: str) -> str:
    """A form as it is compared: lower case, single spaces."""
    return " ".join(text.casefold().split())


def load_termbase(
    data_dir: Path,
    languages: Iterable[str],
    english_forms: Mapping[str, tuple[str, ...]],
    project_root: Path | None = None,
) -> Termbase:
    """Homeroom's termbase for ``languages``, with the site's own entries over it.

    ``english_forms`` are the English forms of the glossary's entries by id (from the
    English glossary). Every bad entry of every file is reported at once.
    """
    problems: list[InputError] = []
    wanted = {base_language(code) for code in languages} | set(languages)
    raw: dict[str, dict[str, dict[str, Any]]] = {}
    files: list[Path] = []
    site_folder = data_dir / TERMBASE_FOLDER
    for folder, site in ((package_folder(), False), (site_folder, True)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yml")):
            if path.stem not in wanted and path.stem != "en":
                continue
            shown = (
                _shown(path, project_root) if site else f"homeroom/{TERMBASE_FOLDER}/{path.name}"
            )
            try:
                language, entries, found = _read(path, shown)
            except InputError as exc:
                problems.append(exc)
                continue
            problems.extend(found)
            files.append(path)
            into = raw.setdefault(language, {})
            for entry_id, entry in entries.items():
                into[entry_id] = {**into.get(entry_id, {}), **entry} if site else entry
    english: dict[str, tuple[str, ...]] = dict(english_forms)
    for entry_id, entry in raw.get("en", {}).items():
        term = _term(entry_id, entry, problems)
        if term is not None:
            english[entry_id] = term.accepted
    terms: dict[str, dict[str, Term]] = {}
    for language, entries in raw.items():
        if language == "en":
            continue
        kept: dict[str, Term] = {}
        for entry_id, entry in entries.items():
            if entry_id not in english:
                if not str(entry["_file"]).startswith(f"homeroom/{TERMBASE_FOLDER}/"):
                    problems.append(
                        InputError(
                            str(entry["_file"]),
                            f"`{entry_id.removeprefix('type:')}` is not a glossary entry with "
                            "`define: true` or a page type; check the id.",
                            int(entry["_line"]),
                        )
                    )
                # Homeroom's own entry for a term the site removed from its glossary: unused.
                continue
            term = _term(entry_id, entry, problems)
            if term is not None:
                kept[entry_id] = term
        terms[language] = kept
    if problems:
        from homeroom.model.errors import InputErrors

        raise InputErrors(problems) if len(problems) > 1 else problems[0]
    return Termbase(terms=terms, english=english, files=tuple(files))


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def spaceless(language: str) -> bool:
    """Whether ``language`` is written without spaces between words (zh, ja, ko, th)."""
    return base_language(language) in {"zh", "ja", "th", "lo", "my", "km"}


def form_pattern(forms: Iterable[str], language: str) -> re.Pattern[str] | None:
    """One pattern that finds any of ``forms`` in a text of ``language`` (None for no forms).

    Whole words, case-insensitive; in a language written without spaces (and for a form
    in such a script), anywhere.
    """
    parts = []
    for form in sorted({f for f in forms if f.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in form.split())
        if spaceless(language) or _SPACELESS.search(form):
            parts.append(body)
        else:
            parts.append(rf"(?<![\w-]){body}(?![\w-])")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)
