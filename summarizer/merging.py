"""Compatibility module (deprecated): merging and gap filling moved to
``summarizer.tasks.regulatory.merge``.

Kept so that code written for 0.1.0 (``import summarizer.merging``) keeps working; new code
imports from ``summarizer.tasks.regulatory.merge`` (or from ``summarizer``). Nothing is defined
here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory.merge import (
    fill_gaps,
    merge_summaries,
)

__all__ = [
    "fill_gaps",
    "merge_summaries",
]
