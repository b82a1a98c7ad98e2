"""Compatibility module (deprecated): the regulatory cue lexicon moved to
``summarizer.tasks.regulatory.lexicon``.

Kept so that code written for 0.1.0 (``import summarizer.lexicon``) keeps working; new code
imports from ``summarizer.tasks.regulatory.lexicon`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory.lexicon import (
    AGENCY_NAMES,
    AGENCY_PATTERNS,
    APPLICATION,
    BACKGROUND_BEFORE,
    BACKGROUND_CLAUSE,
    BACKGROUND_TITLE,
    DECISION_CUES,
    DECISION_DIRECTION,
    DEFAULT_TONE,
    HYPOTHETICAL_AFTER,
    HYPOTHETICAL_BEFORE,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NEWS_CUE,
    NOT_EVENT_AFTER,
    RATIONALE_CUE,
    RATIONALE_DATA,
    RATIONALE_NOT_RAISED,
    RATIONALE_STRONG,
    RATIONALE_TITLE,
    RATIONALE_WEAK,
    AgencyMention,
    CueHit,
    DecisionCue,
    find_agencies,
    find_decision_cues,
    tone,
)
from summarizer.timing import (
    FUTURE_CUE,
    FUTURE_STRONG,
    FUTURE_WEAK,
    TIMING_CUE,
    find_timing,
    resolve_timing,
)
from summarizer.tone import (
    Tone,
    ToneLexicon,
    load_tone_lexicon,
)

__all__ = [
    "AGENCY_NAMES",
    "AGENCY_PATTERNS",
    "APPLICATION",
    "BACKGROUND_BEFORE",
    "BACKGROUND_CLAUSE",
    "BACKGROUND_TITLE",
    "DECISION_CUES",
    "DECISION_DIRECTION",
    "DEFAULT_TONE",
    "FUTURE_CUE",
    "FUTURE_STRONG",
    "FUTURE_WEAK",
    "HYPOTHETICAL_AFTER",
    "HYPOTHETICAL_BEFORE",
    "NEGATION_AFTER",
    "NEGATION_BEFORE",
    "NEWS_CUE",
    "NOT_EVENT_AFTER",
    "RATIONALE_CUE",
    "RATIONALE_DATA",
    "RATIONALE_NOT_RAISED",
    "RATIONALE_STRONG",
    "RATIONALE_TITLE",
    "RATIONALE_WEAK",
    "TIMING_CUE",
    "AgencyMention",
    "CueHit",
    "DecisionCue",
    "Tone",
    "ToneLexicon",
    "find_agencies",
    "find_decision_cues",
    "find_timing",
    "load_tone_lexicon",
    "resolve_timing",
    "tone",
]
