"""Site settings the checks need, read from ``mkdocs.yml`` without importing MkDocs.

The CLI reads ``mkdocs.yml`` itself so that ``homeroom check`` and ``mkdocs build`` apply
exactly the same languages and options, even under an engine that runs no MkDocs plugins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeroom.data.options import PluginOptions, T, TranslationsOptions, typed, validate
from homeroom.data.sources import DATA_DIR
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import ConfigError, InputError
from homeroom.model.languages import LanguageSet


@dataclass(frozen=True)
class Settings:
    """Everything the core needs to know about a site."""

    project_root: Path
    docs_dir: Path
    languages: LanguageSet
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Options of each ``homeroom/...`` plugin, by name (``readability``)."""
    site_dir: Path | None = None
    """The site folder mkdocs.yml names (where nothing private may be written)."""
    site_url: str = ""
    """The site's public address (``site_url`` in mkdocs.yml): for QR codes and text messages."""
    use_directory_urls: bool = True
    """Whether pages are published as ``grade-3/`` (MkDocs' default) or ``grade-3.html``."""
    custom_dir: Path | None = None
    """The theme's ``custom_dir`` (a site's own interface strings may be there)."""
    part_languages: tuple[str, ...] = ()
    """The languages this build publishes when the site is built in parts, one or a few
    languages per machine (:mod:`homeroom.run.split`); empty: the whole site."""
    _typed: dict[type, Any] = field(default_factory=dict, init=False, compare=False, repr=False)
    """Each plugin's typed options, made once (a build asks for them for every page)."""

    def in_part(self, language: str | None) -> bool:
        """Whether this build publishes ``language`` (None: the site's default language)."""
        if not self.part_languages:
            return True
        return (language or self.languages.default.code) in self.part_languages

    @property
    def data_dir(self) -> Path:
        """The editorial data folder (never published)."""
        return self.docs_dir / DATA_DIR

    @property
    def required_languages(self) -> tuple[str, ...]:
        """Languages every page must be published in, default language first.

        Set with ``required:`` under ``homeroom/translations`` in mkdocs.yml; other languages
        the site lists are optional (published when ready, never required). Without that
        setting every language the site publishes is required.
        """
        listed = self.options(TranslationsOptions).required
        codes = self.languages.codes
        if not listed:
            return codes
        wanted = {str(code) for code in listed}
        return tuple(code for code in codes if code in wanted or code == codes[0])

    @property
    def optional_languages(self) -> tuple[str, ...]:
        """Languages the site publishes that are not required."""
        required = set(self.required_languages)
        return tuple(code for code in self.languages.codes if code not in required)

    def enabled(self, check: str) -> bool:
        """Whether a check is switched on (listed in mkdocs.yml and not ``enabled: false``)."""
        options = self.plugins.get(check)
        return options is not None and options.get("enabled", True) is not False

    def options(self, cls: type[T]) -> T:
        """A plugin's options, typed, with its defaults (the plugin need not be listed)."""
        made = self._typed.get(cls)
        if made is None:
            made = self._typed[cls] = typed(cls, self.plugins.get(cls.plugin))
        return made

    def listed(self, cls: type[PluginOptions]) -> bool:
        """Whether mkdocs.yml lists the plugin at all."""
        return cls.plugin in self.plugins


def plugin_entries(raw_plugins: Any) -> dict[str, dict[str, Any]]:
    """Normalise MkDocs' ``plugins`` (a list of names or one-key mappings, or a mapping)."""
    entries: dict[str, dict[str, Any]] = {}
    if raw_plugins is None:
        return entries
    items: list[Any]
    if isinstance(raw_plugins, Mapping):
        items = [{k: v} for k, v in raw_plugins.items()]
    elif isinstance(raw_plugins, list):
        items = raw_plugins
    else:
        raise ConfigError("mkdocs.yml: `plugins` must be a list, such as `- search`")
    for item in items:
        if isinstance(item, str):
            entries[item] = {}
        elif isinstance(item, Mapping) and len(item) == 1:
            name, options = next(iter(item.items()))
            if options is not None and not isinstance(options, Mapping):
                raise ConfigError(
                    f"mkdocs.yml: options of plugin `{name}` must be `key: value` lines"
                )
            entries[str(name)] = dict(options or {})
        else:
            raise ConfigError(f"mkdocs.yml: cannot read the plugin entry {item!r}")
    return entries


def load_settings(config_file: Path) -> Settings:
    """Read the settings of the site whose ``mkdocs.yml`` is ``config_file``."""
    data = read_yaml(config_file)
    if not isinstance(data, Mapping):
        raise InputError(config_file.as_posix(), "mkdocs.yml must hold `key: value` settings.")
    root = config_file.resolve().parent
    docs_dir = root / str(data.get("docs_dir", "docs"))
    try:
        plugins = plugin_entries(data.get("plugins"))
        i18n = plugins.get("i18n", {})
        languages = LanguageSet.from_i18n(i18n.get("languages"))
    except ConfigError as exc:
        raise ConfigError(f"{config_file.as_posix()}: {exc}") from None
    homeroom = {
        name.split("/", 1)[1]: options
        for name, options in plugins.items()
        if name.startswith("homeroom/")
    }
    for name, options in homeroom.items():
        validate(name, options, config_file.as_posix())
    return Settings(
        project_root=root,
        docs_dir=docs_dir,
        languages=languages,
        plugins=homeroom,
        site_dir=root / str(data.get("site_dir", "site")),
        site_url=str(data.get("site_url") or ""),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        custom_dir=_custom_dir(root, data.get("theme")),
    )


def _custom_dir(root: Path, theme: Any) -> Path | None:
    """The theme's ``custom_dir`` under the site's folder, if mkdocs.yml names one."""
    if isinstance(theme, Mapping) and isinstance(theme.get("custom_dir"), str):
        return root / str(theme["custom_dir"])
    return None
