"""Merge the answers for the parts of a long release into one trial-readout answer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.tasks.trial_readout.schema import TrialReadoutSummary

__all__ = ["merge_parts"]

_WORDS = re.compile(r"[a-z0-9]+")
_SPECIFIC = ("met", "not_met", "mixed")


def _key(*texts: str | None) -> str:
    return " ".join(w for t in texts if t for w in _WORDS.findall(t.lower()))


def _rank(part: TrialReadoutSummary) -> tuple[int, int, int]:
    """A part's endpoint: a readout first, then grounded evidence, then a specific outcome."""
    ev = part.endpoint.evidence
    return (int(part.is_trial_readout), int(ev is not None and ev.match != "none"),
            int(part.endpoint.outcome in _SPECIFIC))


def merge_parts(parts: Sequence[TrialReadoutSummary]) -> TrialReadoutSummary:
    """One answer from per-part answers (grounding already filled in).

    Headline, summary and company come from the first part (where the news is); the endpoint
    and sentiment from the part with the best-grounded, most specific endpoint (the first wins
    ties); trial and indication from the first part that has them; products, results, safety
    findings and next steps are concatenated with duplicates removed.
    """
    if not parts:
        raise ValueError("merge_parts needs at least one answer")
    if len(parts) == 1:
        return parts[0]
    first, best = parts[0], max(parts, key=_rank)  # max() keeps the first of equal ranks
    seen: set[str] = set()

    def fresh(key: str) -> bool:
        if key in seen:
            return False
        seen.add(key)
        return True

    return TrialReadoutSummary.model_construct(
        is_trial_readout=any(p.is_trial_readout for p in parts),
        company=next((p.company for p in parts if p.company), None),
        headline=first.headline,
        summary=first.summary,
        trial=best.trial or next((p.trial for p in parts if p.trial is not None), None),
        products=[n for p in parts for n in p.products if fresh("p:" + n.lower())],
        indication=next((p.indication for p in parts if p.indication), None),
        endpoint=best.endpoint,
        key_results=[r for p in parts for r in p.key_results
                     if fresh("r:" + _key(r.statement, r.value))],
        safety=[f for p in parts for f in p.safety if fresh("s:" + _key(f.finding))],
        next_steps=[n for p in parts for n in p.next_steps
                    if fresh("n:" + _key(n.action, n.timing))],
        sentiment=best.sentiment if best.is_trial_readout else first.sentiment,
    )
