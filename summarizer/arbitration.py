"""Compatibility module (deprecated): arbitration by evidence moved to
``summarizer.tasks.regulatory.arbitration``.

Kept so that code written for 0.1.0 (``import summarizer.arbitration``) keeps working; new code
imports from ``summarizer.tasks.regulatory.arbitration`` (or from ``summarizer``). Nothing is
defined here.
"""

from __future__ import annotations

from summarizer.tasks.regulatory.arbitration import (
    ARBITRATION_POLICIES,
    Verdict,
    arbitrate,
    judge,
)

__all__ = [
    "ARBITRATION_POLICIES",
    "Verdict",
    "arbitrate",
    "judge",
]
