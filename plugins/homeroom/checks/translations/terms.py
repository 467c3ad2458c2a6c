"""``i18n.term``: a translation that does not use the district's approved word for a term.

Two findings, both naming the approved term (:mod:`homeroom.data.termbase`):

- on its line, a rendering the termbase lists under ``avoid:`` ("programa de educación
  individual" for IEP, where the district writes "plan de educación individualizado"): a
  page check, kept in the cache with the page;
- for a page whose English source uses a term, a translation that never uses any approved
  form of it: the family meets another word there than on the other pages and in the
  school's papers. A site check, across the pages of each pair; what each page uses is
  kept in the store by the page's content, so a warm run reads no page.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homeroom.checks import PageResult, SiteInput, SiteResult
from homeroom.checks.translations.names import english_name
from homeroom.data.termbase import Term, Termbase, form_pattern, termbase_files
from homeroom.model.findings import Finding, Severity
from homeroom.model.fingerprint import code_version, digest, files_digest

if TYPE_CHECKING:
    from homeroom.data.settings import Settings
    from homeroom.data.sources import Source
    from homeroom.model.store import Store
    from homeroom.text.prose import ProseDocument

RULE = "i18n.term"
STORE_NAME = "terms"


def load(settings: Settings) -> Termbase:
    """The site's termbase, with the English forms of its glossary's ``define: true`` terms."""
    from homeroom.data.glossary import load_glossaries

    english: dict[str, tuple[str, ...]] = {}
    default = settings.languages.default.code
    glossary = load_glossaries(settings.data_dir, settings.project_root, [default]).get(default)
    if glossary is not None:
        english = {e.id: e.forms for e in glossary.entries if e.define}
    return load_termbase_for(settings, english)


def load_termbase_for(settings: Settings, english: Mapping[str, tuple[str, ...]]) -> Termbase:
    """The termbase of the site's languages, given the English forms by id."""
    from homeroom.data.termbase import load_termbase

    return load_termbase(
        settings.data_dir, settings.languages.codes, english, settings.project_root
    )


def data_files(settings: Settings) -> list[Path]:
    """The termbase files and the glossaries their English side comes from."""
    from homeroom.data.glossary import default_glossary, glossary_files

    default = settings.languages.default.code
    files = [p for _, p in glossary_files(settings.data_dir, [default])]
    package = default_glossary(default)
    return [*termbase_files(settings.data_dir), *files, *([package] if package else [])]


@lru_cache(maxsize=4096)
def _pattern(forms: tuple[str, ...], language: str) -> Any:
    return form_pattern(forms, language)


def _found(term_forms: tuple[str, ...], language: str, text: str) -> bool:
    pattern = _pattern(term_forms, language)
    return bool(pattern is not None and pattern.search(text))


def _label(termbase: Termbase, term: Term) -> str:
    english = termbase.english.get(term.id) or ()
    return f"“{english[0]}”" if english else f"`{term.id}`"


class AvoidedTermCheck:
    """A page check: renderings the termbase says to avoid, each on its line."""

    name = "terms"

    def __init__(self, termbase: Termbase, default: str) -> None:
        """The check for a site's termbase; pages in ``default`` are sources, not checked."""
        self.termbase = termbase
        self.default = default

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Each avoided rendering on the page."""
        if source.language == self.default:
            return PageResult()
        terms = self.termbase.language(source.language)
        # Every unit's text in one string, so each pattern runs once per page, not once per
        # unit (a report card has thousands of table cells). No form matches the separator.
        texts = [unit.text for unit in doc.units]
        joined = "\x00".join(texts)
        starts: list[int] = []
        at = 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        found: list[Finding] = []
        for term in terms.values():
            pattern = _pattern(term.avoid, source.language) if term.avoid else None
            if pattern is None:
                continue
            for match in pattern.finditer(joined):
                index = bisect.bisect_right(starts, match.start()) - 1
                offset = doc.units[index].start + match.start() - starts[index]
                line, column = doc.position(offset)
                found.append(
                    Finding(
                        source.display,
                        line,
                        column,
                        RULE,
                        Severity.WARNING,
                        f"“{match.group(0)}” is not the district's word for "
                        f"{_label(self.termbase, term)} in {english_name(source.language)}: "
                        f"its approved word is “{term.term}”. A family that meets "
                        "another word here than on the other pages and on the school's "
                        "papers may think it is another thing.",
                        match=match.group(0),
                        suggestion=term.term,
                        language=source.language,
                    )
                )
        found.sort(key=lambda f: (f.line, f.column))
        return PageResult(findings=tuple(found))


def build_page_check(settings: Settings) -> AvoidedTermCheck:
    """The page check for a site."""
    return AvoidedTermCheck(load(settings), settings.languages.default.code)


class MissingTermCheck:
    """A site check: a translation that never uses the approved word its source's term has."""

    name = "terms"

    def __init__(self, settings: Settings) -> None:
        """The check for a site (its termbase is read when a page needs it)."""
        self.settings = settings
        self.default = settings.languages.default.code
        self._termbase: Termbase | None = None
        self._fingerprint: str | None = None

    @property
    def termbase(self) -> Termbase:
        """The termbase, read once."""
        if self._termbase is None:
            self._termbase = load(self.settings)
        return self._termbase

    def fingerprint(self) -> str:
        """What each page's terms depend on: the termbase, the glossary and the code."""
        if self._fingerprint is None:
            self._fingerprint = digest(
                code_version(), files_digest(data_files(self.settings)), self.default
            )
        return self._fingerprint

    def _key(self, source: Source) -> str:
        return f"{source.language}:{source.digest}"

    def wanted(self, sources: Sequence[Source], store: Store | None) -> Sequence[Source]:
        """Pages whose terms no store knows yet."""
        if store is None:
            return list(sources)
        fingerprint = self.fingerprint()
        return [s for s in sources if store.get(STORE_NAME, fingerprint, self._key(s)) is None]

    def page_data(self, source: Source, doc: ProseDocument) -> list[str]:
        """The ids of the terms the page uses: English forms on a source, approved ones else."""
        text = "\n".join(unit.text for unit in doc.units)
        if source.language == self.default:
            return sorted(
                entry_id
                for entry_id, forms in self.termbase.english.items()
                if _found(tuple(forms), source.language, text)
            )
        return sorted(
            term.id
            for term in self.termbase.language(source.language).values()
            if _found(term.accepted, source.language, text)
        )

    def check_site(self, site: SiteInput) -> SiteResult:
        """A finding for each term a translation's source uses and the translation does not."""
        store = site.store
        fingerprint = self.fingerprint() if store is not None else ""
        used: dict[str, set[str]] = {}
        for source in site.sources:
            value = site.page_data.get(source.digest)
            if value is None and store is not None:
                value = store.get(STORE_NAME, fingerprint, self._key(source))
            if value is None:
                continue
            if store is not None and source.digest in site.page_data:
                store.put(STORE_NAME, fingerprint, self._key(source), list(value))
            used[self._key(source)] = set(value)
        originals = {s.page: s for s in site.sources if s.language == self.default}
        found: list[Finding] = []
        for source in site.sources:
            original = originals.get(source.page)
            if source.language == self.default or original is None:
                continue
            have = used.get(self._key(source))
            need = used.get(self._key(original))
            if have is None or need is None:
                continue
            terms = self._language_terms(source.language)
            for entry_id in sorted(need - have):
                term = terms.get(entry_id)
                if term is None:
                    continue
                found.append(self._missing(source, term))
        return SiteResult(findings=tuple(found))

    def _language_terms(self, language: str) -> Mapping[str, Term]:
        return self.termbase.language(language)

    def _missing(self, source: Source, term: Term) -> Finding:
        label = _label(self.termbase, term)
        return Finding(
            source.display,
            1,
            1,
            RULE,
            Severity.INFO,
            f"The {english_name(self.default)} page uses {label}, but this "
            f"{english_name(source.language)} page never uses the district's word for it, "
            f"“{term.term}” (or {', '.join(f'“{a}”' for a in term.also) or 'another approved form'}). "
            "If the page says it another way, the family may not recognize the term from "
            "the school's papers: use the approved word, or add this page's form to the "
            f"termbase's `also:` ({term.file}).",
            match=term.term,
            suggestion=term.term,
            language=source.language,
        )
