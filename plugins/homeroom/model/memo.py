"""A bounded in-memory map: results kept for one process, never growing without limit.

``mkdocs serve`` runs for hours, and mkdocs-static-i18n re-runs the build once per
language: what was read, parsed or checked is kept here, least recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """A dict that keeps only its ``limit`` most recently used entries."""

    def __init__(self, limit: int) -> None:
        """Keep at most ``limit`` entries."""
        self.limit = limit
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value for ``key`` (now the most recently used), or None."""
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        """Store a value, forgetting the least recently used entry when full."""
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.limit:
            self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)
