"""Compatibility module (deprecated): the rules backend moved to the regulatory task's reader,
``summarizer.tasks.regulatory.reader`` (split by concern: ``_reading``, ``_decision``,
``_fields``).

Kept so that code written for 0.1.0 (``import summarizer.rules_backend``) keeps working; the
classes were renamed to say what they hold (the old names are aliases of the same classes):
``ReleaseView`` is ``ZonedRelease``, ``DecisionReading`` is ``CueVerdict``, ``RuledOutcome`` is
``ReaderOutcome``, ``RulesFallback`` is ``Reader`` and ``ReleaseReading`` (the ``view`` and
``reading`` of a document) is ``Reader`` too. Nothing is defined here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory._decision import CueVerdict as DecisionReading
from summarizer.tasks.regulatory._decision import (
    QuoteReading,
    detect_decision,
    has_front_cue,
    read_agency,
    read_quote,
    sentence_agency,
)
from summarizer.tasks.regulatory._decision import ReaderOutcome as RuledOutcome
from summarizer.tasks.regulatory._fields import guess_products
from summarizer.tasks.regulatory._reading import ViewSentence, WeightedCue, read_release
from summarizer.tasks.regulatory._reading import ZonedRelease as ReleaseView
from summarizer.tasks.regulatory.reader import Reader as ReleaseReading
from summarizer.tasks.regulatory.reader import Reader as RulesFallback
from summarizer.tasks.regulatory.reader import summarize_with_rules

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
