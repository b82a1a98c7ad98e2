"""Compatibility module (deprecated): the LABEL_SPEC.md scorer moved to
``summarizer.tasks.regulatory.scoring``.

Kept so that code written for 0.1.0 (``import summarizer.scoring``) keeps working; new code
imports from ``summarizer.tasks.regulatory.scoring`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.evaluation import (
    CorpusItem,
    load_corpus,
)
from summarizer.tasks.regulatory.scoring import (
    METRICS,
    score_corpus,
    score_document,
)

__all__ = [
    "METRICS",
    "CorpusItem",
    "load_corpus",
    "score_corpus",
    "score_document",
]
