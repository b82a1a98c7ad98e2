"""Compatibility module (deprecated): the regulatory rule catalogue moved to
``summarizer.tasks.regulatory.rules``.

Kept so that code written for 0.1.0 (``import summarizer.rules``) keeps working; new code
imports from ``summarizer.tasks.regulatory.rules`` (or from ``summarizer``). Nothing is defined
here.
"""

from __future__ import annotations

from summarizer.rulebook import (
    Rule,
    reask_messages,
)
from summarizer.tasks.regulatory.rules import (
    RULES,
    RuleContext,
    run_rules,
)

__all__ = [
    "RULES",
    "Rule",
    "RuleContext",
    "reask_messages",
    "run_rules",
]
