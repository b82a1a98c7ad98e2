"""Score predictions against gold labels, exactly as LABEL_SPEC.md describes.

Ten metrics per document (None where a metric does not apply), corpus means over the documents each
metric applies to, the overall mean of the ten, and a gold -> predicted decision confusion matrix.
A prediction is a result record (``{"summary": {...}, ...}`` as the CLI writes it); a bare summary
dict is accepted too. Keyword matching is case-insensitive; runs of whitespace count as one space.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

__all__ = ["METRICS", "CorpusItem", "load_corpus", "score_corpus", "score_document"]

#: the ten graded metrics, in LABEL_SPEC order
METRICS: tuple[str, ...] = (
    "is_regulatory_event", "agency", "decision", "direction", "product", "indication",
    "rationale", "next_steps", "sentiment", "grounding",
)

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CorpusItem:
    """One labelled document of a corpus folder."""

    id: str
    path: Path
    published: dt.date | None
    gold: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    def read_text(self) -> str:
        """The document text."""
        return self.path.read_text(encoding="utf-8")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def load_corpus(corpus_dir: str | PathLike[str]) -> list[CorpusItem]:
    """Read ``gold.jsonl`` and ``meta.jsonl`` of a corpus folder (LABEL_SPEC.md), in gold order."""
    root = Path(corpus_dir)
    metas = {m["id"]: m for m in _read_jsonl(root / "meta.jsonl") if "id" in m}
    items: list[CorpusItem] = []
    for gold in _read_jsonl(root / "gold.jsonl"):
        doc_id = str(gold["id"])
        meta = metas.get(doc_id, {})
        rel = gold.get("file") or meta.get("file") or f"docs/{doc_id}.txt"
        published = meta.get("published")
        items.append(
            CorpusItem(
                id=doc_id,
                path=root / rel,
                published=dt.date.fromisoformat(published) if published else None,
                gold=gold,
                meta=meta,
            )
        )
    return items


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _summary_of(prediction: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if not prediction:
        return None
    summary = prediction.get("summary")
    if isinstance(summary, Mapping):
        return summary
    if "is_regulatory_event" in prediction:  # a bare summary (its "summary" is the text)
        return prediction
    return None


def _alias_hit(predicted: list[str], gold: list[str]) -> float:
    """Gold [] is a hit when nothing is predicted; else any alias/prediction substring pair."""
    preds = [_norm(p) for p in predicted if isinstance(p, str) and p.strip()]
    golds = [_norm(g) for g in gold if isinstance(g, str) and g.strip()]
    if not golds:
        return 1.0 if not preds else 0.0
    return 1.0 if any(g in p or p in g for g in golds for p in preds) else 0.0


def _recall(text: str, groups: list[list[str]]) -> float | None:
    """Share of keyword groups with at least one alternative in ``text``; None for gold []."""
    if not groups:
        return None
    hay = _norm(text)
    found = sum(1 for group in groups if any(_norm(k) in hay for k in group if k.strip()))
    return found / len(groups)


def _quote(evidence: Any) -> str:
    if isinstance(evidence, Mapping):
        quote = evidence.get("quote")
        return quote if isinstance(quote, str) else ""
    return ""


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
    evidence = _evidence(summary)
    scores["grounding"] = (
        sum(1 for e in evidence if (e.get("match") or "none") != "none") / len(evidence)
        if evidence else None
    )
    return scores


def _doc_id(record: Mapping[str, Any]) -> str | None:
    for key in ("id", "doc_id"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    source = record.get("source") or record.get("file")
    if isinstance(source, str) and source:
        return Path(source).stem
    return None


def score_corpus(
    predictions: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Corpus scores: per-metric means, ``overall`` (mean of the ten), ``n``, ``confusion``.

    Predictions are matched to golds by id (``id`` or the stem of ``source``); when no prediction
    carries a usable id they are paired in order. A gold document without a prediction is scored
    as an empty answer. ``per_document`` lists every document's ten scores.
    """
    preds = list(predictions)
    gold_list = list(golds)
    by_id = {_doc_id(p): p for p in preds}
    by_id.pop(None, None)
    gold_ids = [str(g.get("id")) for g in gold_list]
    use_ids = bool(by_id) and any(i in by_id for i in gold_ids)
    pairs: list[tuple[str, Mapping[str, Any], Mapping[str, Any]]] = []
    for i, gold in enumerate(gold_list):
        doc_id = gold_ids[i]
        if use_ids:
            pred: Mapping[str, Any] = by_id.get(doc_id, {})
        else:
            pred = preds[i] if i < len(preds) else {}
        pairs.append((doc_id, pred, gold))
    per_doc: dict[str, dict[str, float | None]] = {}
    confusion: dict[str, dict[str, int]] = {}
    for doc_id, pred, gold in pairs:
        per_doc[doc_id] = score_document(pred, gold)
        outcome = (_summary_of(pred) or {}).get("outcome")
        predicted = outcome.get("decision", "none") if isinstance(outcome, Mapping) else "none"
        row = confusion.setdefault(str(gold.get("decision")), {})
        row[str(predicted)] = row.get(str(predicted), 0) + 1
    result: dict[str, Any] = {}
    for metric in METRICS:
        values = [s[metric] for s in per_doc.values() if s[metric] is not None]
        result[metric] = sum(v for v in values if v is not None) / len(values) if values else None
    means = [result[m] for m in METRICS if result[m] is not None]
    result["overall"] = sum(means) / len(means) if means else None
    result["n"] = len(pairs)
    result["confusion"] = confusion
    result["per_document"] = per_doc
    return result
