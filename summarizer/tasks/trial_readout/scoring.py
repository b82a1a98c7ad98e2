"""Score trial-readout predictions against gold labels, as tests/data/trials/LABEL_SPEC.md says.

Twelve metrics per document (None where a metric does not apply): exact codes
(is_trial_readout, endpoint, phase, sentiment), alias hits (trial, product, indication), keyword
recall (primary_endpoint, key_results, safety, next_steps; documents with gold [] left out) and
grounding. ``overall`` is the mean of the metrics, each averaged over the documents it applies
to. A prediction is a result record (``{"summary": {...}, ...}``) or a bare summary dict.
Keyword matching is case-insensitive; runs of whitespace count as one space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["METRICS", "confusion", "score_corpus", "score_document"]

#: the graded metrics, in LABEL_SPEC order
METRICS: tuple[str, ...] = (
    "is_trial_readout", "endpoint", "phase", "sentiment", "trial", "product", "indication",
    "primary_endpoint", "key_results", "safety", "next_steps", "grounding",
)

_SPACE = re.compile(r"\s+")
Scores = dict[str, float | None]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _summary_of(prediction: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not prediction:
        return {}
    summary = prediction.get("summary")
    if isinstance(summary, Mapping):
        return summary
    return prediction if "is_trial_readout" in prediction else {}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _entries(summary: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = summary.get(key)
    return [e for e in value if isinstance(e, Mapping)] if isinstance(value, list) else []


def _strings(*values: Any) -> list[str]:
    out: list[str] = []
    for value in values:
        items = value if isinstance(value, list) else [value]
        out += [v for v in items if isinstance(v, str) and v.strip()]
    return out


def _alias_hit(predicted: list[str], gold: list[str]) -> float:
    """Gold [] is a hit when nothing is predicted; else any gold alias and predicted name are
    substrings of one another (case-insensitive)."""
    preds = [_norm(p) for p in predicted]
    golds = [_norm(g) for g in gold if isinstance(g, str) and g.strip()]
    if not golds:
        return 1.0 if not preds else 0.0
    return 1.0 if any(g in p or p in g for g in golds for p in preds) else 0.0


def _recall(text: str, groups: list[list[str]]) -> float | None:
    """Share of keyword groups with an alternative in ``text``; None for gold []."""
    if not groups:
        return None
    hay = _norm(text)
    found = sum(1 for group in groups if any(_norm(k) in hay for k in group if k.strip()))
    return found / len(groups)


def _quote(entry: Mapping[str, Any]) -> str:
    quote = _mapping(entry.get("evidence")).get("quote")
    return quote if isinstance(quote, str) else ""


def _field_text(entries: list[Mapping[str, Any]], *keys: str) -> str:
    """The predicted text of a list field: its statements and evidence quotes."""
    parts = [" \n ".join([*_strings(*(e.get(k) for k in keys)), _quote(e)]) for e in entries]
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
    evidence = _evidence(s)
    scores["grounding"] = (
        sum(1 for e in evidence if (e.get("match") or "none") != "none") / len(evidence)
        if evidence else None
    )
    return scores


def confusion(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[str, str]:
    """(gold endpoint code, predicted endpoint code) of one document."""
    predicted = _mapping(_summary_of(prediction).get("endpoint")).get("outcome", "none")
    return str(gold.get("endpoint")), str(predicted)


def _doc_id(record: Mapping[str, Any]) -> str | None:
    for key in ("id", "doc_id", "source"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value.rsplit("/", 1)[-1].rsplit(".", 1)[0] if key == "source" else value
    return None


def score_corpus(
    predictions: Iterable[Mapping[str, Any]],
    golds: Iterable[Mapping[str, Any]],
    *,
    score: Callable[[Mapping[str, Any], Mapping[str, Any]], Scores] = score_document,
) -> dict[str, Any]:
    """Per-metric means over the documents each applies to, ``overall``, ``n``, the endpoint
    ``confusion`` (gold -> predicted -> count) and ``per_document`` scores.

    Predictions are matched to golds by id (``id``, else the stem of ``source``); a gold
    document without a prediction is scored as an empty answer.
    """
    by_id = {_doc_id(p): p for p in predictions}
    per_doc: dict[str, Scores] = {}
    matrix: dict[str, dict[str, int]] = {}
    for gold in golds:
        doc_id = str(gold.get("id"))
        pred = by_id.get(doc_id, {})
        per_doc[doc_id] = score(pred, gold)
        g, p = confusion(pred, gold)
        matrix.setdefault(g, {})[p] = matrix.get(g, {}).get(p, 0) + 1
    result: dict[str, Any] = {}
    for metric in METRICS:
        values = [v for s in per_doc.values() if (v := s.get(metric)) is not None]
        result[metric] = sum(values) / len(values) if values else None
    means = [v for m in METRICS if (v := result[m]) is not None]
    result["overall"] = sum(means) / len(means) if means else None
    result["n"] = len(per_doc)
    result["confusion"] = matrix
    result["per_document"] = per_doc
    return result
