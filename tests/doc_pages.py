"""The documentation pages (README.md and docs/*.md) for tests that read what they state: a
marker, a quoted benchmark line, a table row or a section may live on any page, so a test asks
for it here instead of naming the page."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def pages() -> list[Path]:
    """README.md first, then every docs/*.md page, by name."""
    return [README, *sorted(DOCS.glob("*.md"))]


def find(pattern: str, flags: int = 0, *, join_lines: bool = False) -> re.Match[str] | None:
    """The first match of ``pattern`` on any page (``join_lines``: lines joined by spaces, for
    a quoted figure the text wraps)."""
    for page in pages():
        text = page.read_text(encoding="utf-8")
        match = re.search(pattern, text.replace("\n", " ") if join_lines else text, flags)
        if match:
            return match
    return None


def section(heading: str) -> str:
    """The text of the ``## `` section whose heading starts with ``heading``, up to the next
    ``## `` heading or the end of its page."""
    start_of = re.compile(rf"^## {re.escape(heading)}", re.M)
    for page in pages():
        text = page.read_text(encoding="utf-8")
        start = start_of.search(text)
        if start:
            end = re.compile(r"^## ", re.M).search(text, start.end())
            return text[start.start():end.start() if end else len(text)]
    raise AssertionError(f"no page has a '## {heading}' section")
