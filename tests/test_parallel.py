"""Checking in several processes gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

from conftest import LONG_SENTENCE, homeroom, write_site
from homeroom.run import parallel


def _many_pages(root: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    pages: dict[str, str | bytes] = {
        f"group/page-{n:02d}.md": f"# Page {n}\n\nRead with your child.\n\n{LONG_SENTENCE}\n"
        for n in range(parallel.MIN_ITEMS + 8)
    }
    pages.update({f"group/page-{n:02d}.es.md": f"# Página {n}\n\nLea.\n" for n in range(8)})
    return write_site(
        root, {"index.md": "# Home\n", "index.es.md": "# Inicio\n", **pages, **(extra or {})}
    )


def test_several_processes_report_exactly_what_one_does(tmp_path: Path) -> None:
    root = _many_pages(tmp_path)
    one = homeroom("check", "--format", "json", "--no-cache", "--jobs", "1", cwd=root)
    two = homeroom("check", "--format", "json", "--no-cache", "--jobs", "2", cwd=root)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stdout.count("readability.sentence") == parallel.MIN_ITEMS + 8


def test_a_page_that_stops_a_worker_is_reported_as_in_one_process(tmp_path: Path) -> None:
    bad = "---\nreadability: 8\n---\n# Hard\n\nText.\n"  # needs {limit, reason}
    root = _many_pages(tmp_path, {"group/bad.md": bad})
    one = homeroom("check", "--no-cache", "--jobs", "1", cwd=root)
    two = homeroom("check", "--no-cache", "--jobs", "2", cwd=root)
    assert one.returncode == two.returncode == 2
    assert one.stderr == two.stderr
    assert two.stderr.startswith("error: content/group/bad.md:2:")
