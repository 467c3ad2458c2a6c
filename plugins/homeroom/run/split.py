"""A site built in parts, some of its languages on each machine, then merged into one.

A state's site (a thousand schools' report cards in half a dozen languages) is more than
one machine builds while a pull request waits. In CI each language can be its own job:

    homeroom build --language es -d parts/es     # one job per language (or a few each)
    homeroom merge parts/en parts/es ... -d site  # the final job

A part keeps every language of the site in its configuration, so every page's links,
language switcher and alternates are worked out exactly as in one build of the whole site
(static-i18n's own ``build_only_locale`` would make the part's language the default one,
built at the site's root, with the links of a one-language site: such parts cannot be put
together). Only the part's languages are written and checked: the passes of the other
languages are left empty by ``homeroom/translations``, and the page checks run on the part's
pages alone (each translation is still compared with its English page).

``merge`` refuses parts made from other files than the others (or than the checkout it runs
in), parts of another Homeroom version, and a language built twice or not at all. It takes
each language's folder from the part that built it and everything outside the language
folders (the default language's pages, the theme's files, the sitemap) from the part that
built the default language, and writes the site-wide search index from every part's
entries, in the site's language order. The result is the same, file for file, as one build
of the whole site (``tests/test_split_build.py``). Like ``homeroom build``, it writes into a
fresh folder and replaces the old site only when everything worked. This module imports no
MkDocs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from homeroom import __version__
from homeroom.data.sources import display_path
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError, InputErrors

#: The environment variable that tells a build's plugins which languages it publishes.
PART_ENV = "HOMEROOM_LANGUAGES"
#: Written into a part's folder: which languages it holds, and what it was built from.
PART_MARK = ".homeroom-part"
_SEARCH = Path("search") / "search_index.json"


@dataclass(frozen=True)
class SiteLanguages:
    """The languages static-i18n builds, in the order of mkdocs.yml, and their folders."""

    codes: tuple[str, ...]
    default: str
    folders: Mapping[str, str]
    """Each language's folder in the built site (``es``); the default language's is ``""``."""


def site_languages(config_file: Path) -> SiteLanguages:
    """The built languages of the site whose ``mkdocs.yml`` is ``config_file``."""
    from homeroom.data.settings import plugin_entries

    data = read_yaml(config_file)
    plugins = plugin_entries(data.get("plugins") if isinstance(data, Mapping) else None)
    entries = plugins.get("i18n", {}).get("languages")
    codes: list[str] = []
    folders: dict[str, str] = {}
    default = ""
    for item in entries if isinstance(entries, list) else ():
        if not isinstance(item, Mapping) or item.get("build", True) is False:
            continue
        code = str(item.get("locale", ""))
        if not code or code == "null":
            continue
        codes.append(code)
        if item.get("default"):
            default = code
            folders[code] = ""
        else:
            folders[code] = str(item.get("link") or f"/{code}/").strip("/")
    return SiteLanguages(tuple(codes), default, folders)


def part_languages(value: str, known: Sequence[str], where: str) -> tuple[str, ...]:
    """The languages ``value`` names (``es`` or ``es,vi``), checked, in the site's order."""
    asked = [code.strip() for code in value.split(",") if code.strip()]
    unknown = [code for code in asked if code not in known]
    if unknown or not asked:
        said = ", ".join(f"`{code}`" for code in unknown) or "no language"
        raise InputError(
            where,
            f"{said} is not a language this site builds ({', '.join(known)}). Name one or "
            "more of them, separated by commas, such as `--language es,vi`.",
        )
    return tuple(code for code in known if code in asked)


def inputs_digest(config_file: Path, docs_dir: Path, custom_dir: Path | None) -> str:
    """A hash of everything a build reads: mkdocs.yml, the content folder and the theme overrides.

    Parts with the same digest were built from the same files (the same commit).
    """
    digest = hashlib.sha256(config_file.read_bytes())
    for folder in (docs_dir, custom_dir):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def part_record(languages: Sequence[str], site: SiteLanguages, inputs: str) -> dict[str, Any]:
    """What a part's mark says about it."""
    return {
        "tool": "homeroom",
        "version": __version__,
        "languages": list(languages),
        "site_languages": list(site.codes),
        "default": site.default,
        "inputs": inputs,
    }


@dataclass(frozen=True)
class _Part:
    folder: Path
    shown: str
    record: Mapping[str, Any]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(str(code) for code in self.record.get("languages", ()))


def _read_parts(folders: Sequence[Path]) -> list[_Part]:
    """Every part's mark; every folder that is not a part is reported, not only the first."""
    parts: list[_Part] = []
    problems: list[InputError] = []
    for folder in folders:
        shown = display_path(folder, Path.cwd())
        try:
            record = json.loads((folder / PART_MARK).read_text("utf-8"))
        except (OSError, ValueError):
            record = None
        languages = record.get("languages") if isinstance(record, dict) else None
        readable = isinstance(languages, list) and all(isinstance(c, str) for c in languages)
        if not isinstance(record, dict) or record.get("tool") != "homeroom" or not readable:
            problems.append(
                InputError(
                    shown,
                    "this is not a part of a site: it has no readable "
                    f"{PART_MARK} mark. Build each part with `homeroom build --language CODE -d "
                    "FOLDER`, then merge those folders.",
                )
            )
            continue
        parts.append(_Part(folder, shown, record))
    if problems:
        raise InputErrors(problems)
    return parts


def _check_parts(parts: list[_Part], site: SiteLanguages, inputs: str) -> dict[str, _Part]:
    """Which part built each language; raise naming every part that does not fit."""
    problems: list[InputError] = []
    owner: dict[str, _Part] = {}
    for part in parts:
        if part.record.get("version") != __version__:
            problems.append(
                InputError(
                    part.shown,
                    f"this part was built by Homeroom {part.record.get('version')}, not "
                    f"{__version__}: build every part with the same version.",
                )
            )
        if part.record.get("inputs") != inputs:
            problems.append(
                InputError(
                    part.shown,
                    "this part was built from other files than the ones here (another commit, "
                    "or edits since): its pages would not match the others. Build every part "
                    "from the same commit as the merge.",
                )
            )
        for code in part.languages:
            if code in owner:
                problems.append(
                    InputError(
                        part.shown,
                        f"{code} is in this part and in {owner[code].shown}: each language must "
                        "be built by one part only.",
                    )
                )
            elif code not in site.codes:
                problems.append(
                    InputError(part.shown, f"{code} is not a language this site builds.")
                )
            else:
                owner[code] = part
    missing = [code for code in site.codes if code not in owner]
    if missing and not problems:
        problems.append(
            InputError(
                ", ".join(p.shown for p in parts),
                f"no part has {', '.join(missing)}: families reading "
                f"{'it' if len(missing) == 1 else 'them'} would get no pages. Build "
                f"`homeroom build --language {','.join(missing)}` and merge it too.",
            )
        )
    if problems:
        raise InputErrors(problems)
    return owner


def _language_of(location: str, site: SiteLanguages) -> str:
    """The language of a search entry, by the folder its address starts with."""
    for code, folder in site.folders.items():
        if folder and (location == folder or location.startswith(folder + "/")):
            return code
    return site.default


def _search_index(owner: Mapping[str, _Part], site: SiteLanguages, staging: Path) -> None:
    """The site-wide search index: every part's entries for its own languages, in order.

    static-i18n gathers every language pass's entries into ``search/search_index.json`` at
    the site's root (a site may split it by language afterwards, as the bundled hook does:
    then only the default language's entries are left there). A part holds only its own
    passes' entries, so the merged index takes, for each language in the site's order,
    the entries of the part that built it. When only the default part has entries, its
    file is kept exactly as it was written.
    """
    default_index = owner[site.default].folder / _SEARCH
    if not default_index.is_file():
        return
    index = json.loads(default_index.read_text("utf-8"))
    by_language: dict[str, list[Any]] = {code: [] for code in site.codes}
    for part in {id(p): p for p in owner.values()}.values():
        path = part.folder / _SEARCH
        if not path.is_file():
            continue
        for doc in json.loads(path.read_text("utf-8")).get("docs", []):
            code = _language_of(str(doc.get("location", "")), site)
            if code in part.languages:
                by_language[code].append(doc)
    docs = [doc for code in site.codes for doc in by_language[code]]
    if docs == index.get("docs", []):
        return  # copied with the default part's files, byte for byte
    index["docs"] = docs
    (staging / _SEARCH).write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8"
    )


_URL_BLOCK = re.compile(r"\n[ \t]*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def _sitemap(owner: Mapping[str, _Part], site: SiteLanguages, site_url: str, staging: Path) -> None:
    """The sitemap of every language, as one build writes it after its last language.

    static-i18n renders ``sitemap.xml`` at the site's root in every language pass, each
    time with the pages of the passes so far, so one build's sitemap is the last pass's:
    every language's pages, in the site's language order. A part's lists its own
    languages' pages; the merged one lists each language's pages from the part that built
    it, between the default part's first and last lines. ``sitemap.xml.gz`` is made again
    from it, with the date its last language's part gave it.
    """
    default_map = owner[site.default].folder / "sitemap.xml"
    if not default_map.is_file():
        return
    text = default_map.read_text("utf-8")
    blocks = list(_URL_BLOCK.finditer(text))
    head = text[: blocks[0].start()] if blocks else text[: text.rfind("</urlset>")]
    tail = text[blocks[-1].end() :] if blocks else text[text.rfind("</urlset>") :]
    # The template writes site_url then the page's address (and "None" then the address
    # when the site has no site_url).
    prefix = site_url or "None"
    by_language: dict[str, list[str]] = {code: [] for code in site.codes}
    for part in {id(p): p for p in owner.values()}.values():
        path = part.folder / "sitemap.xml"
        if not path.is_file():
            continue
        for block in _URL_BLOCK.finditer(path.read_text("utf-8")):
            loc = _LOC.search(block.group(0))
            href = loc.group(1) if loc else ""
            if href.startswith(prefix):
                address = href[len(prefix) :].lstrip("/")
            else:
                address = urlsplit(href).path.lstrip("/")
            code = _language_of(address, site)
            if code in part.languages:
                by_language[code].append(block.group(0))
    merged = head + "".join(b for code in site.codes for b in by_language[code]) + tail
    (staging / "sitemap.xml").write_text(merged, "utf-8")
    last = owner[site.codes[-1]].folder / "sitemap.xml.gz"
    if last.is_file():
        header = last.read_bytes()[:10]
        mtime = int.from_bytes(header[4:8], "little") if len(header) == 10 else 0
        target = staging / "sitemap.xml.gz"
        with (
            target.open("wb") as out,
            gzip.GzipFile(fileobj=out, filename=str(target), mode="wb", mtime=mtime) as packed,
        ):
            packed.write(merged.encode("utf-8"))


def _copy(source: Path, target: Path) -> None:
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
    else:
        shutil.copy2(source, target, follow_symlinks=False)


def merge(folders: Sequence[Path], config_file: Path, site_dir: Path | None = None) -> int:
    """Merge the parts in ``folders`` into the site folder; return 0 (or raise InputError)."""
    from homeroom.data.settings import load_settings
    from homeroom.run.build import staging_folder, swap
    from homeroom.run.output import SITE_MARK, STAGING_MARK, check_output, write_mark

    if not config_file.is_file():
        raise InputError(config_file.as_posix(), "this configuration file does not exist.")
    if not folders:
        raise InputError("homeroom merge", "name the folders of the parts to merge.")
    settings = load_settings(config_file)
    site = site_languages(config_file)
    if len(site.codes) < 2:
        raise InputError(
            config_file.as_posix(),
            "this site builds one language, so it has no parts to merge.",
        )
    inputs = inputs_digest(config_file, settings.docs_dir, settings.custom_dir)
    owner = _check_parts(_read_parts(folders), site, inputs)
    target = (site_dir or settings.site_dir or config_file.resolve().parent / "site").resolve()
    shown = display_path(target, Path.cwd())
    where = display_path(config_file, Path.cwd()) if site_dir is None else f"-d {site_dir}"
    check_output(target, settings.project_root, settings.docs_dir, where)
    staging = staging_folder(target, shown)
    try:
        write_mark(staging, STAGING_MARK, pid=os.getpid())
        default = owner[site.default]
        others = {site.folders[c]: owner[c] for c in site.codes if c != site.default}
        marks = {PART_MARK, SITE_MARK, STAGING_MARK}
        for entry in sorted(default.folder.iterdir()):
            if entry.name in marks:
                continue
            if entry.name in others and others[entry.name] is not default:
                continue  # that language's folder comes from the part that built it
            _copy(entry, staging / entry.name)
        for folder, part in others.items():
            if part is default or not (part.folder / folder).exists():
                continue
            (staging / folder).parent.mkdir(parents=True, exist_ok=True)
            _copy(part.folder / folder, staging / folder)
        _search_index(owner, site, staging)
        _sitemap(owner, site, settings.site_url, staging)
        (staging / STAGING_MARK).unlink(missing_ok=True)
        write_mark(staging, SITE_MARK, version=__version__)
        swap(staging, target, shown)
    except OSError as exc:
        raise InputError(shown, f"cannot write the merged site ({exc.strerror}).") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    parts = len({id(p) for p in owner.values()})
    print(
        f"Merged {parts} part{'s' if parts != 1 else ''} into {shown}/: {', '.join(site.codes)}.",
        file=sys.stderr,
    )
    return 0
