"""Compatibility module (deprecated): the regulatory vocabulary moved to
``summarizer.tasks.regulatory.vocabulary``.

Kept so that code written for 0.1.0 (``import summarizer.vocabulary``) keeps working; new code
imports from ``summarizer.tasks.regulatory.vocabulary`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory.vocabulary import (
    VOCABULARY,
    AgencySpec,
    CueSpec,
    DecisionSpec,
    Vocabulary,
    load_vocabulary,
)

__all__ = [
    "VOCABULARY",
    "AgencySpec",
    "CueSpec",
    "DecisionSpec",
    "Vocabulary",
    "load_vocabulary",
]
