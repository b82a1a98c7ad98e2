"""Score trial-readout predictions against gold labels, as tests/data/trials/LABEL_SPEC.md says.

Twelve metrics per document (None where a metric does not apply): exact codes
(is_trial_readout, endpoint, phase, sentiment), alias hits (trial, product, indication), keyword
recall (primary_endpoint, key_results, safety, next_steps; documents with gold [] left out) and
grounding. ``overall`` is the mean of the metrics, each averaged over the documents it applies
to. A prediction is a result record (``{"summary": {...}, ...}``) or a bare summary dict.
Keyword matching is case-insensitive; runs of whitespace count as one space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from summarizer import evaluation
from summarizer.metrics import alias_hit as _alias_hit
from summarizer.metrics import evidence_quote, grounded_share, mapping, summary_of
from summarizer.metrics import keyword_recall as _recall

__all__ = ["METRICS", "confusion", "score_corpus", "score_document"]

#: the graded metrics, in LABEL_SPEC order
METRICS: tuple[str, ...] = (
    "is_trial_readout", "endpoint", "phase", "sentiment", "trial", "product", "indication",
    "primary_endpoint", "key_results", "safety", "next_steps", "grounding",
)

Scores = dict[str, float | None]
_mapping = mapping


def _summary_of(prediction: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return summary_of(prediction, "is_trial_readout") or {}


def _entries(summary: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = summary.get(key)
    return [e for e in value if isinstance(e, Mapping)] if isinstance(value, list) else []


def _strings(*values: Any) -> list[str]:
    out: list[str] = []
    for value in values:
        items = value if isinstance(value, list) else [value]
        out += [v for v in items if isinstance(v, str) and v.strip()]
    return out


def _field_text(entries: list[Mapping[str, Any]], *keys: str) -> str:
    """The predicted text of a list field: its statements and evidence quotes."""
    parts = [" \n ".join([*_strings(*(e.get(k) for k in keys)), evidence_quote(e.get("evidence"))])
             for e in entries]
    return " \n ".join(parts)


def _evidence(summary: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items = [_mapping(summary.get("endpoint")).get("evidence")]
    for key in ("key_results", "safety", "next_steps"):
        items += [e.get("evidence") for e in _entries(summary, key)]
    items.append(_mapping(summary.get("sentiment")).get("evidence"))
    return [e for e in items if isinstance(e, Mapping)]


def score_document(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> Scores:
    """The LABEL_SPEC metrics of one document (1.0/0.0, a recall, or None: not applicable)."""
    s = _summary_of(prediction)
    trial, endpoint = _mapping(s.get("trial")), _mapping(s.get("endpoint"))
    readout = s.get("is_trial_readout")
    scores: Scores = {
        "is_trial_readout": float(isinstance(readout, bool)
                                  and readout is gold.get("is_trial_readout")),
        "endpoint": float(endpoint.get("outcome", "none") == gold.get("endpoint")),
        "phase": float(trial.get("phase") == gold.get("phase")),
        "sentiment": float(_mapping(s.get("sentiment")).get("label") == gold.get("sentiment")
                           and gold.get("sentiment") is not None),
        "trial": _alias_hit(_strings(trial.get("name"), trial.get("identifiers")),
                            list(gold.get("trial") or [])),
        "product": _alias_hit(_strings(s.get("products")), list(gold.get("product") or [])),
        "indication": _alias_hit(_strings(s.get("indication")),
                                 list(gold.get("indication") or [])),
        "primary_endpoint": _recall(_field_text([endpoint], "name"),
                                    list(gold.get("primary_endpoint") or [])),
        "key_results": _recall(_field_text(_entries(s, "key_results"), "statement", "value"),
                               list(gold.get("key_results") or [])),
        "safety": _recall(_field_text(_entries(s, "safety"), "finding"),
                          list(gold.get("safety") or [])),
        "next_steps": _recall(_field_text(_entries(s, "next_steps"), "action", "timing"),
                              list(gold.get("next_steps") or [])),
    }
    scores["grounding"] = grounded_share(_evidence(s))
    return scores


def confusion(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[str, str]:
    """(gold endpoint code, predicted endpoint code) of one document."""
    predicted = _mapping(_summary_of(prediction).get("endpoint")).get("outcome", "none")
    return str(gold.get("endpoint")), str(predicted)


def score_corpus(
    predictions: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Per-metric means over the documents each applies to, ``overall``, ``n``, the endpoint
    ``confusion`` (gold -> predicted -> count) and ``per_document`` scores (see
    ``summarizer.evaluation.score_corpus``)."""
    return evaluation.score_corpus(predictions, golds, "trial-readout")
