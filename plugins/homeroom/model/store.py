"""Where checks keep results between runs: anything with ``get`` and ``put`` by name and key.

The run layer provides the real stores (a bounded memory in front of the disk cache, see
:mod:`homeroom.run.cache`); a check only sees this protocol, so it never depends on how or
where results are kept.
"""

from __future__ import annotations

from typing import Any, Protocol


class Store(Protocol):
    """Results by check name, fingerprint and key (a page's path and content hash)."""

    def get(self, name: str, fingerprint: str, key: str) -> Any:
        """The stored JSON-ready value, or None."""

    def put(self, name: str, fingerprint: str, key: str, value: Any) -> None:
        """Keep a JSON-ready value."""
