"""Score regulatory predictions against gold labels, exactly as LABEL_SPEC.md describes.

Ten metrics per document (None where a metric does not apply), corpus means over the documents each
metric applies to, the overall mean of the ten, and a gold -> predicted decision confusion matrix.
A prediction is a result record (``{"summary": {...}, ...}`` as the CLI writes it); a bare summary
dict is accepted too. Keyword matching is case-insensitive; runs of whitespace count as one space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from summarizer import evaluation
from summarizer.evaluation import CorpusItem, load_corpus
from summarizer.metrics import alias_hit as _alias_hit
from summarizer.metrics import evidence_quote as _quote
from summarizer.metrics import grounded_share, summary_of
from summarizer.metrics import keyword_recall as _recall

__all__ = [
    "METRICS", "CorpusItem", "decision_pair", "load_corpus", "score_corpus", "score_document",
]

#: the ten graded metrics, in LABEL_SPEC order
METRICS: tuple[str, ...] = (
    "is_regulatory_event", "agency", "decision", "direction", "product", "indication",
    "rationale", "next_steps", "sentiment", "grounding",
)

def _summary_of(prediction: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return summary_of(prediction, "is_regulatory_event")


def _evidence(summary: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items: list[Any] = []
    outcome = summary.get("outcome")
    if isinstance(outcome, Mapping):
        items.append(outcome.get("evidence"))
    items += [r.get("evidence") for r in summary.get("rationale") or [] if isinstance(r, Mapping)]
    items += [s.get("evidence") for s in summary.get("next_steps") or [] if isinstance(s, Mapping)]
    sentiment = summary.get("sentiment")
    if isinstance(sentiment, Mapping):
        items.append(sentiment.get("evidence"))
    return [e for e in items if isinstance(e, Mapping)]


def score_document(
    prediction: Mapping[str, Any], gold: Mapping[str, Any]
) -> dict[str, float | None]:
    """The ten LABEL_SPEC metrics of one document (1.0/0.0, a recall, or None: not applicable)."""
    summary = _summary_of(prediction) or {}
    outcome = summary.get("outcome")
    outcome = outcome if isinstance(outcome, Mapping) else None
    scores: dict[str, float | None] = {}
    scores["is_regulatory_event"] = float(
        summary.get("is_regulatory_event") is gold.get("is_regulatory_event")
        and "is_regulatory_event" in summary
    )
    scores["agency"] = float((outcome or {}).get("agency", "NONE") == gold.get("agency"))
    scores["decision"] = float((outcome or {}).get("decision", "none") == gold.get("decision"))
    scores["direction"] = float(
        (outcome or {}).get("direction", "neutral") == gold.get("direction")
    )
    names: list[str] = []
    for product in (outcome or {}).get("products") or []:
        if isinstance(product, Mapping):
            names += [v for v in (product.get("name"), product.get("generic_name")) if v]
    scores["product"] = _alias_hit(names, list(gold.get("product") or []))
    indication = (outcome or {}).get("indication")
    scores["indication"] = _alias_hit(
        [indication] if isinstance(indication, str) else [], list(gold.get("indication") or [])
    )
    reasons = [r for r in summary.get("rationale") or [] if isinstance(r, Mapping)]
    rationale_text = " \n ".join(
        f"{r.get('statement') or ''} \n {_quote(r.get('evidence'))}" for r in reasons
    )
    scores["rationale"] = _recall(rationale_text, list(gold.get("rationale") or []))
    steps = [s for s in summary.get("next_steps") or [] if isinstance(s, Mapping)]
    steps_text = " \n ".join(
        f"{s.get('action') or ''} \n {s.get('timing') or ''} \n {_quote(s.get('evidence'))}"
        for s in steps
    )
    scores["next_steps"] = _recall(steps_text, list(gold.get("next_steps") or []))
    sentiment = summary.get("sentiment")
    label = sentiment.get("label") if isinstance(sentiment, Mapping) else None
    scores["sentiment"] = float(label is not None and label == gold.get("sentiment"))
    scores["grounding"] = grounded_share(_evidence(summary))
    return scores


def decision_pair(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[str, str]:
    """(gold decision, predicted decision) of one document, for the confusion matrix."""
    outcome = (_summary_of(prediction) or {}).get("outcome")
    predicted = outcome.get("decision", "none") if isinstance(outcome, Mapping) else "none"
    return str(gold.get("decision")), str(predicted)


def score_corpus(
    predictions: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Corpus scores: per-metric means, ``overall`` (mean of the ten), ``n``, ``confusion``
    (see ``summarizer.evaluation.score_corpus``)."""
    return evaluation.score_corpus(predictions, golds, "regulatory")
