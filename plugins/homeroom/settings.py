"""Site settings the checks need, read from ``mkdocs.yml`` without importing MkDocs.

The CLI reads ``mkdocs.yml`` itself so that ``homeroom check`` and ``mkdocs build`` apply
exactly the same languages and options, even under an engine that runs no MkDocs plugins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from homeroom.errors import ConfigError, InputError
from homeroom.languages import LanguageSet
from homeroom.sources import DATA_DIR


class _PermissiveLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_PermissiveLoader.add_multi_constructor("", _any_tag)


@dataclass(frozen=True)
class Settings:
    """Everything the core needs to know about a site."""

    project_root: Path
    docs_dir: Path
    languages: LanguageSet
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Options of each ``homeroom/...`` plugin, by name (``readability``)."""

    @property
    def data_dir(self) -> Path:
        """The editorial data folder (never published)."""
        return self.docs_dir / DATA_DIR

    def enabled(self, check: str) -> bool:
        """Whether a check is switched on (listed in mkdocs.yml and not ``enabled: false``)."""
        options = self.plugins.get(check)
        return options is not None and options.get("enabled", True) is not False


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Read a YAML file, turning any problem into a one-line error with its line."""
    shown = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(shown, "this file does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(shown, "this file is not saved as UTF-8 text.") from None
    try:
        return yaml.load(text, Loader=_PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "invalid YAML").strip()
        raise InputError(
            shown,
            f"this is not valid YAML: {problem}. Check the indentation and put text with a "
            "colon in quotes.",
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(shown, f"this is not valid YAML ({exc}).") from None


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
    return Settings(project_root=root, docs_dir=docs_dir, languages=languages, plugins=homeroom)
