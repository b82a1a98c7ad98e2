"""Compatibility module (deprecated): the rules backend (the regulatory task's deterministic
reader) moved to ``summarizer.tasks.regulatory.reader``.

Kept so that code written for 0.1.0 (``import summarizer.rules_backend``) keeps working; new
code imports from ``summarizer.tasks.regulatory.reader`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory.reader import (
    DecisionReading,
    QuoteReading,
    ReleaseReading,
    ReleaseView,
    RuledOutcome,
    RulesFallback,
    ViewSentence,
    WeightedCue,
    detect_decision,
    guess_products,
    has_front_cue,
    read_agency,
    read_quote,
    read_release,
    sentence_agency,
    summarize_with_rules,
)

__all__ = [
    "DecisionReading",
    "QuoteReading",
    "ReleaseReading",
    "ReleaseView",
    "RuledOutcome",
    "RulesFallback",
    "ViewSentence",
    "WeightedCue",
    "detect_decision",
    "guess_products",
    "has_front_cue",
    "read_agency",
    "read_quote",
    "read_release",
    "sentence_agency",
    "summarize_with_rules",
]
