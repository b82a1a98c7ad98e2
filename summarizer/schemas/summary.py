"""Compatibility module (deprecated): the regulatory summary schema moved to
``summarizer.tasks.regulatory.schema``.

Kept so that code written for 0.1.0 (``import summarizer.schemas.summary``) keeps working; new
code imports from ``summarizer.tasks.regulatory.schema`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.evidence import (
    SOURCE_CHECK,
    SOURCE_CHECK_KEY,
    Evidence,
    MatchKind,
    OptionalText,
    Sentiment,
    SentimentLabel,
    null_placeholder,
    parse_loose_date,
)
from summarizer.tasks.regulatory.schema import (
    AGENCY_CODES,
    DECISION_CODES,
    SCHEMA_VERSION,
    Agency,
    Decision,
    Direction,
    NextStep,
    Outcome,
    Product,
    Reason,
    RegulatorySummary,
)

__all__ = [
    "AGENCY_CODES",
    "DECISION_CODES",
    "SCHEMA_VERSION",
    "SOURCE_CHECK",
    "SOURCE_CHECK_KEY",
    "Agency",
    "Decision",
    "Direction",
    "Evidence",
    "MatchKind",
    "NextStep",
    "OptionalText",
    "Outcome",
    "Product",
    "Reason",
    "RegulatorySummary",
    "Sentiment",
    "SentimentLabel",
    "null_placeholder",
    "parse_loose_date",
]
