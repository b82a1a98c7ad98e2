"""Scoring helpers for a task's label spec: the comparisons every scorer makes.

A prediction is a result record (``{"summary": {...}, ...}``) or a bare summary dict; gold labels
are plain JSON. Text matching is case-insensitive and runs of whitespace count as one space.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "alias_hit",
    "evidence_quote",
    "grounded_share",
    "keyword_recall",
    "mapping",
    "norm",
    "summary_of",
]

_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """``text`` lower-cased, whitespace runs as one space, stripped."""
    return _SPACE.sub(" ", text).strip().lower()


def mapping(value: Any) -> Mapping[str, Any]:
    """``value`` when it is a JSON object, else an empty one (a missing or malformed field)."""
    return value if isinstance(value, Mapping) else {}


def summary_of(prediction: Mapping[str, Any] | None, marker: str) -> Mapping[str, Any] | None:
    """The summary of a result record, or the prediction itself when it is a bare summary (it
    holds the schema's ``marker`` field, e.g. ``is_regulatory_event``); None when neither."""
    if not prediction:
        return None
    summary = prediction.get("summary")
    if isinstance(summary, Mapping):
        return summary
    return prediction if marker in prediction else None


def alias_hit(predicted: Sequence[Any], gold: Sequence[Any]) -> float:
    """1.0 when a gold alias and a predicted name are substrings of one another; gold [] is a
    hit when nothing is predicted."""
    preds = [norm(p) for p in predicted if isinstance(p, str) and p.strip()]
    golds = [norm(g) for g in gold if isinstance(g, str) and g.strip()]
    if not golds:
        return 1.0 if not preds else 0.0
    return 1.0 if any(g in p or p in g for g in golds for p in preds) else 0.0


def keyword_recall(text: str, groups: Sequence[Sequence[str]]) -> float | None:
    """The share of keyword groups with at least one alternative in ``text``; None (not
    applicable) for gold []."""
    if not groups:
        return None
    hay = norm(text)
    found = sum(1 for group in groups if any(norm(k) in hay for k in group if k.strip()))
    return found / len(groups)


def evidence_quote(evidence: Any) -> str:
    """The quote of an evidence object ("" when there is none)."""
    quote = mapping(evidence).get("quote")
    return quote if isinstance(quote, str) else ""


def grounded_share(evidence: Sequence[Any]) -> float | None:
    """The share of evidence objects grounding located in the release; None without evidence."""
    items = [e for e in evidence if isinstance(e, Mapping)]
    if not items:
        return None
    return sum(1 for e in items if (e.get("match") or "none") != "none") / len(items)
