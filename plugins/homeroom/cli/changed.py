"""``homeroom check --changed-since REF``: the files git says changed, and the pages they affect.

A changed page brings its translations; a changed glossary, every page in its language;
school data, the report cards; any other data file or mkdocs.yml, every page.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from homeroom.data.settings import Settings
from homeroom.data.sources import safe_resolve
from homeroom.model.errors import HomeroomError


def changed_files(ref: str, root: Path) -> tuple[set[Path], set[Path]]:
    """(files changed or added since ``ref``, files deleted since then)."""
    if not ref or ref.startswith("-"):
        raise HomeroomError(
            f"--changed-since {ref}: a git reference such as origin/main or a commit, not "
            "an option (it must not start with `-`)."
        )

    def git(*args: str) -> list[str]:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            said = done.stderr.strip().splitlines()
            raise HomeroomError(
                f"--changed-since {ref}: git could not compare "
                f"({said[-1] if said else 'not a git repository'})"
            )
        return [line for line in done.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    # `--end-of-options`: the reference is never read as an option, whatever it says.
    found = subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{ref}^{{commit}}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    commit = found.stdout.split()
    if found.returncode != 0 or not commit:
        raise HomeroomError(
            f"--changed-since {ref}: git knows no branch, tag or commit called `{ref}` here. "
            "Use one such as origin/main (in CI, fetch it first: `git fetch origin main`)."
        )
    names = git("diff", "--name-only", "--diff-filter=d", commit[0], "--")
    names += git("ls-files", "--others", "--exclude-standard", "--full-name")
    deleted = git("diff", "--name-only", "--diff-filter=D", commit[0], "--")
    return {(top / n).resolve() for n in names}, {(top / n).resolve() for n in deleted}


def affected(
    paths: list[Path],
    changed: set[Path],
    deleted: set[Path],
    settings: Settings,
    config_file: Path | None,
) -> tuple[list[Path], bool]:
    """The pages to re-check when ``changed`` files changed, and whether report cards are.

    - a changed page: it and its translations (``page.md`` -> ``page.es.md``); a deleted
      English page: its translations (they may now be orphans);
    - a changed glossary (``_data/glossary/es.yml``): every page in that language;
    - school data or interface strings: the report cards;
    - mkdocs.yml, the glossaries' accept list or any other data file (thresholds,
      plain words, page types): every page, report cards included.
    """
    from homeroom.data.glossary import ACCEPT_FILE, GLOSSARY_DIR
    from homeroom.data.sources import page_and_language
    from homeroom.reportcards.pages import options_of
    from homeroom.text.syllables import base_language

    data = settings.data_dir.resolve()
    schools = (data / str(options_of(settings)["schools_dir"])).resolve()
    languages: set[str] = set()
    everything = config_file is not None and config_file.resolve() in changed
    reportcards = False
    for path in changed | deleted:
        if not path.is_relative_to(data):
            continue
        rel = path.relative_to(data)
        if rel.parts[0] == GLOSSARY_DIR and rel.name != ACCEPT_FILE and len(rel.parts) == 2:
            languages.add(base_language(rel.stem))
        elif path.is_relative_to(schools) or rel.parts[0] == "strings":
            reportcards = True
        else:
            everything = True
    if everything:
        return paths, True
    docs = settings.docs_dir.resolve()

    def identity(path: Path) -> tuple[str, str] | None:
        resolved = safe_resolve(path)
        if not resolved.is_relative_to(docs):
            return None
        rel = resolved.relative_to(docs).as_posix()
        try:
            return page_and_language(rel, rel, settings.languages)
        except HomeroomError:
            return None  # reported when the page is read

    # Each path resolved and named once: (path, is it changed, (page, language) or None).
    named = [(path, safe_resolve(path) in changed, identity(path)) for path in paths]
    # A source's translations depend on it; a translation has no dependents.
    changed_pages = {
        found[0]
        for _, is_changed, found in named
        if is_changed and found is not None and found[1] == settings.languages.default.code
    }
    changed_pages |= {
        found[0]
        for found in (identity(path) for path in deleted)
        if found is not None and found[1] == settings.languages.default.code
    }
    kept = [
        path
        for path, is_changed, found in named
        if is_changed
        or (
            found is not None
            and (found[0] in changed_pages or base_language(found[1]) in languages)
        )
    ]
    return kept, reportcards
