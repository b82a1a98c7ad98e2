"""Merge the summaries of the parts of a long release into one summary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.tasks.regulatory.schema import NextStep, Reason, RegulatorySummary

if TYPE_CHECKING:
    from summarizer.tasks.regulatory.reader import Reader

__all__ = ["fill_gaps", "merge_summaries"]

_WORDS = re.compile(r"[a-z0-9]+")


def _key(*texts: str | None) -> str:
    return " ".join(w for t in texts if t for w in _WORDS.findall(t.lower()))


def _grounded(summary: RegulatorySummary) -> tuple[int, int]:
    """Rank an outcome: grounded decision evidence first, then a specific decision code."""
    outcome = summary.outcome
    if outcome is None:
        return (0, 0)
    grounded = 1 if outcome.evidence is not None and outcome.evidence.match != "none" else 0
    specific = 0 if outcome.decision in ("other", "none") else 1
    return (1 + grounded, specific)


def merge_summaries(parts: Sequence[RegulatorySummary]) -> RegulatorySummary:
    """One summary from per-part summaries (grounding must already be filled in).

    The headline and summary come from the first part (where the news is); the outcome and the
    sentiment from the part with the best-grounded, most specific outcome (first wins ties);
    rationale and next steps are concatenated with duplicates removed.
    """
    if not parts:
        raise ValueError("merge_summaries needs at least one summary")
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    best = max(parts, key=_grounded)  # max() keeps the first of equal ranks
    rationale: list[Reason] = []
    next_steps: list[NextStep] = []
    seen: set[str] = set()
    for part in parts:
        for reason in part.rationale:
            key = "r:" + _key(reason.statement)
            if key not in seen:
                seen.add(key)
                rationale.append(reason)
        for step in part.next_steps:
            key = "n:" + _key(step.action, step.timing)
            if key not in seen:
                seen.add(key)
                next_steps.append(step)
    return RegulatorySummary.model_construct(
        is_regulatory_event=any(p.is_regulatory_event for p in parts),
        company=first.company or next((p.company for p in parts if p.company), None),
        headline=first.headline,
        summary=first.summary,
        outcome=best.outcome,
        rationale=rationale,
        next_steps=next_steps,
        sentiment=best.sentiment if best.outcome is not None else first.sentiment,
    )


def fill_gaps(summary: RegulatorySummary, rules: Reader) -> list[str]:
    """Fill lists the model left empty from the rules backend's summary, in place.

    Small models often return no rationale, next steps or products although the release states
    them; the rules backend's items quote the release verbatim, so they are grounded by
    construction. Only empty lists are filled, and only when both agree there is an outcome
    (the rules summary is built only when a list is empty). Returns the JSON paths that were
    filled (reported as findings by the caller).
    """
    filled: list[str] = []
    outcome = summary.outcome
    if outcome is None or (summary.rationale and summary.next_steps and outcome.products):
        return filled
    fallback = rules.summary
    if fallback.outcome is None:
        return filled
    rules_outcome = fallback.outcome
    if not summary.rationale and fallback.rationale:
        summary.rationale = list(fallback.rationale)
        filled.append("rationale")
    if not summary.next_steps and fallback.next_steps:
        summary.next_steps = list(fallback.next_steps)
        filled.append("next_steps")
    if not outcome.products and rules_outcome.products:
        outcome.products = list(rules_outcome.products)
        filled.append("outcome.products")
    return filled
