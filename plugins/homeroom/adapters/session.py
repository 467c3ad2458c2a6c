"""The one build session the Homeroom plugins share, and how static-i18n's passes look.

mkdocs-static-i18n re-runs the build once per language with the same plugins and the same
configuration object. The core :class:`~homeroom.run.session.Session` (settings read once,
pages read once, every check run once) is kept on that object, so every Homeroom plugin in
every language pass asks the same session, and a new build (a new configuration under
``mkdocs serve``, or another build of the same one) starts a new session.

Findings are logged once per build, by whichever Homeroom plugin asks first
(:func:`checked`), through the CLI's own line formatter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from homeroom.adapters.reporting import log_findings, stop_on_input_errors
from homeroom.data.settings import Settings
from homeroom.model.errors import HomeroomError
from homeroom.model.languages import LanguageSet
from homeroom.run import engine
from homeroom.run.cache import DiskCache, default_dir
from homeroom.run.session import Session
from homeroom.run.split import PART_ENV, part_languages
from homeroom.text.syllables import base_language

#: Where the build's session is kept on the MkDocs configuration object.
_ATTRIBUTE = "_homeroom_build"
#: One disk cache per folder for the whole process, shared by every build.
_DISK_CACHES: dict[Path, DiskCache] = {}


@dataclass
class _Build:
    session: Session
    logged: bool = False


def is_repeat_pass(config: MkDocsConfig) -> bool:
    """Whether mkdocs-static-i18n is re-running the build for another language.

    It sets ``building`` while it runs the other languages' passes (and not in the first
    pass of a build, whichever language that is).
    """
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


def default_language(config: MkDocsConfig) -> str:
    """The site's default language: static-i18n's default, else the theme's language."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        for lang in i18n.config.languages:
            if lang.default:
                return str(lang.locale)
    return base_language(str(config.theme.get("language") or "en"))


def current_language(config: MkDocsConfig) -> str:
    """The language this pass builds (the default language before static-i18n chose one)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return default_language(config)


def disk_cache(project_root: Path) -> DiskCache | None:
    """The disk cache for a site (None when switched off with ``HOMEROOM_CACHE_DIR=off``)."""
    folder = default_dir(project_root)
    if folder is None:
        return None
    folder = folder.resolve()
    if folder not in _DISK_CACHES:
        _DISK_CACHES[folder] = DiskCache(folder)
    return _DISK_CACHES[folder]


def settings_from(config: MkDocsConfig) -> Settings:
    """Core settings from the live configuration: every ``homeroom/*`` entry's options."""
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    i18n = config.plugins.get("i18n")
    entries = None
    if i18n is not None:
        entries = [
            {"locale": lang.locale, "name": lang.name, "default": lang.default}
            for lang in i18n.config.languages
        ]
    try:
        languages = LanguageSet.from_i18n(entries)
    except HomeroomError as exc:
        stop_on_input_errors(exc)
    plugins = {
        name.split("/", 1)[1].split("#", 1)[0]: dict(plugin.config)
        for name, plugin in config.plugins.items()
        if name.startswith("homeroom/")
    }
    part: tuple[str, ...] = ()
    if os.environ.get(PART_ENV):
        try:
            part = part_languages(os.environ[PART_ENV], languages.codes, f"${PART_ENV}")
        except HomeroomError as exc:
            stop_on_input_errors(exc)
    return Settings(
        part_languages=part,
        project_root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        languages=languages,
        plugins=plugins,
        site_dir=Path(config.site_dir),
        site_url=str(config.site_url or ""),
        use_directory_urls=bool(config.use_directory_urls),
        custom_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
    )


def begin(config: MkDocsConfig) -> None:
    """In ``on_config``: a build that already ran its checks is over, so start a new one.

    Every plugin's ``on_config`` runs before any ``on_files``, so the first plugin of a new
    build finds the last build's session done and replaces it; the others find it new.
    """
    if is_repeat_pass(config):
        return
    build: _Build | None = getattr(config, _ATTRIBUTE, None)
    if build is not None and build.session.ran:
        setattr(config, _ATTRIBUTE, None)


def session(config: MkDocsConfig) -> Session:
    """The session of this build (made on first use)."""
    build: _Build | None = getattr(config, _ATTRIBUTE, None)
    if build is None:
        settings = settings_from(config)
        build = _Build(Session(settings, disk_cache(settings.project_root), engine.jobs()))
        setattr(config, _ATTRIBUTE, build)
    return build.session


def checked(config: MkDocsConfig) -> Session:
    """The session of this build, with every check run and every finding logged (once).

    Input that cannot be read stops the build here, every bad file on its own line.
    """
    current = session(config)
    build: _Build = getattr(config, _ATTRIBUTE)
    try:
        findings = current.findings
    except HomeroomError as exc:
        stop_on_input_errors(exc)
    if not build.logged:
        build.logged = True
        log_findings(findings)
    return current


def finished(config: MkDocsConfig) -> Session | None:
    """The session, if its checks ran in this build (else None)."""
    build: _Build | None = getattr(config, _ATTRIBUTE, None)
    return build.session if build is not None and build.session.ran else None
