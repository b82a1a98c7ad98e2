"""Evaluation harness: run a backend over a labelled corpus folder and score it with the task's
label spec (``Task.metrics``, ``Task.score_document``, ``Task.confusion``).

A corpus folder holds ``docs/``, ``gold.jsonl`` (one label per document, its ``id``) and
``meta.jsonl`` (its ``published`` date, optionally its ``file``). Only the document text and its
``published`` date reach the summarizer; nothing else from ``meta.jsonl`` or ``gold.jsonl`` does.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from summarizer.errors import InputError, SummarizerError
from summarizer.task import Task, get_task
from summarizer.types import ErrorInfo, SummaryResult, Usage

__all__ = [
    "CorpusItem",
    "EvalRun",
    "arbitration_counts",
    "evaluate",
    "format_report",
    "load_corpus",
    "score_corpus",
]

Summarize = Callable[..., SummaryResult]
Scores = dict[str, float | None]


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
    """Read ``gold.jsonl`` and ``meta.jsonl`` of a corpus folder, in gold order."""
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
    predictions: Iterable[Mapping[str, Any]],
    golds: Iterable[Mapping[str, Any]],
    task: str | Task | None = None,
) -> dict[str, Any]:
    """Corpus scores of ``task`` (the default task for None): per-metric means over the
    documents each metric applies to, ``overall`` (the mean of those means), ``n``, the
    ``confusion`` of the task's main verdict (gold -> predicted -> count) and ``per_document``.

    Predictions are matched to golds by id (``id``, else the stem of ``source``); when no
    prediction carries a usable id they are paired in order. A gold document without a
    prediction is scored as an empty answer.
    """
    scorer = get_task(task)
    preds = list(predictions)
    gold_list = list(golds)
    by_id = {_doc_id(p): p for p in preds}
    by_id.pop(None, None)
    gold_ids = [str(g.get("id")) for g in gold_list]
    use_ids = bool(by_id) and any(i in by_id for i in gold_ids)
    per_doc: dict[str, Scores] = {}
    confusion: dict[str, dict[str, int]] = {}
    for i, gold in enumerate(gold_list):
        doc_id = gold_ids[i]
        pred: Mapping[str, Any] = (by_id.get(doc_id, {}) if use_ids
                                   else preds[i] if i < len(preds) else {})
        per_doc[doc_id] = scorer.score_document(pred, gold)
        pair = scorer.confusion(pred, gold)
        if pair is not None:
            row = confusion.setdefault(pair[0], {})
            row[pair[1]] = row.get(pair[1], 0) + 1
    result: dict[str, Any] = {}
    for metric in scorer.metrics:
        values = [v for s in per_doc.values() if (v := s.get(metric)) is not None]
        result[metric] = sum(values) / len(values) if values else None
    means = [v for m in scorer.metrics if (v := result[m]) is not None]
    result["overall"] = sum(means) / len(means) if means else None
    result["n"] = len(gold_list)
    result["confusion"] = confusion
    result["per_document"] = per_doc
    return result


@dataclass
class EvalRun:
    """The outcome of one backend over one corpus: records, scores, cost. Its repr leaves the
    records and the per-document scores out: a failing test that shows a run (a holdout's) shows
    no release's answer."""

    label: str
    records: list[dict[str, Any]] = field(default_factory=list, repr=False)
    scores: dict[str, Any] = field(default_factory=dict, repr=False)
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    errors: int = 0
    #: what arbitration did to the model's verdicts, against the gold labels (model runs)
    arbitration: dict[str, int] = field(default_factory=dict)
    #: the task whose label spec scored the run
    task: str = ""
    metrics: tuple[str, ...] = ()

    @property
    def n(self) -> int:
        return len(self.records)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary of the run (records left out)."""
        return {
            "label": self.label,
            "n": self.n,
            "errors": self.errors,
            "metrics": {m: self.scores.get(m) for m in (*self._metrics(), "overall")},
            "confusion": self.scores.get("confusion", {}),
            "per_document": self.scores.get("per_document", {}),
            "arbitration": self.arbitration,
            "usage": self.usage.model_dump(),
            "seconds": round(self.seconds, 3),
            "seconds_per_doc": round(self.seconds / self.n, 3) if self.n else None,
        }

    def _metrics(self) -> tuple[str, ...]:
        return self.metrics or get_task(self.task or None).metrics


def evaluate(
    corpus: str | PathLike[str] | Iterable[CorpusItem],
    summarize: Summarize,
    *,
    label: str = "run",
    on_record: Callable[[dict[str, Any]], None] | None = None,
    task: str | Task | None = None,
) -> EvalRun:
    """Summarize every corpus document with ``summarize(text, published=, source=)`` and score
    the records with ``task``'s label spec (the default task for None)."""
    scorer = get_task(task)
    items = load_corpus(corpus) if isinstance(corpus, str | PathLike) else list(corpus)
    run = EvalRun(label=label, task=scorer.name, metrics=scorer.metrics)
    started = time.perf_counter()
    for item in items:
        try:
            try:
                text = item.read_text()
            except (OSError, UnicodeDecodeError) as exc:  # a record, not the end of the run
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise InputError(f"cannot read {str(item.path)!r}: {reason}") from exc
            result = summarize(text, published=item.published, source=item.id)
        except SummarizerError as exc:
            run.errors += 1
            result = SummaryResult(
                source=item.id,
                error=ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message),
                usage=exc.usage or Usage(),
            )
        record = result.to_record()
        record["id"] = item.id
        run.records.append(record)
        run.usage.add(result.usage)
        if on_record is not None:
            on_record(record)
    run.seconds = time.perf_counter() - started
    golds = [item.gold for item in items]
    run.scores = score_corpus(run.records, golds, scorer)
    run.arbitration = arbitration_counts(run.records, golds, scorer)
    return run


def arbitration_counts(
    records: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]],
    task: str | Task | None = None,
) -> dict[str, int]:
    """What arbitration did to each model answer's main verdict (``Task.confusion``), judged
    against the gold label.

    ``kept``: the model's verdict stood (``kept_wrong``: of those, how many the gold label
    contradicts); ``overruled_right`` / ``overruled_wrong``: replaced, and the verdict put in
    its place matches the gold one or not; ``flagged_right`` / ``flagged_wrong``: disputed
    under the "flag" policy, and the model's verdict (left as it was) right or wrong. The
    task's ``arbitration_rules`` name the findings that record an overruling and a dispute.
    Records of the rules backend and failed documents are left out; empty when there are none
    (or the task does not arbitrate).
    """
    scorer = get_task(task)
    if scorer.arbitration_rules is None:
        return {}
    overruled, disputed = scorer.arbitration_rules
    counts = dict.fromkeys(("kept", "kept_wrong", "overruled_right", "overruled_wrong",
                            "flagged_right", "flagged_wrong"), 0)
    seen = False
    for record, gold in zip(records, golds, strict=False):
        meta = record.get("meta") or {}
        if meta.get("backend") in (None, "rules") or not isinstance(record.get("summary"),
                                                                     Mapping):
            continue
        seen = True
        pair = scorer.confusion(record, gold)
        right = pair is not None and pair[0] == pair[1]
        rules = {f.get("rule") for f in record.get("findings") or []}
        if overruled in rules:
            counts["overruled_right" if right else "overruled_wrong"] += 1
        elif disputed in rules:
            counts["flagged_right" if right else "flagged_wrong"] += 1
        else:
            counts["kept"] += 1
            counts["kept_wrong"] += 0 if right else 1
    return counts if seen else {}


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.2f}"


#: short column names of the report table (a metric not listed keeps its own name)
_SHORT = {"is_regulatory_event": "is_reg", "next_steps": "next", "indication": "indic",
          "direction": "direct", "sentiment": "sent", "grounding": "ground",
          "rationale": "ration", "is_trial_readout": "is_trial", "primary_endpoint": "primary",
          "key_results": "results"}


def format_report(runs: Sequence[EvalRun]) -> str:
    """A plain-text table: the task's metrics and overall per run, cost, then what arbitration
    did and each confusion matrix."""
    columns = [*(runs[0]._metrics() if runs else ()), "overall"]
    header = ["backend", *[_SHORT.get(c, c) for c in columns], "tokens", "reasks", "s/doc",
              "err"]
    rows = []
    for run in runs:
        per_doc = run.seconds / run.n if run.n else 0.0
        rows.append([
            run.label, *[_fmt(run.scores.get(c)) for c in columns],
            str(run.usage.total_tokens), str(run.usage.reasks), f"{per_doc:.2f}", str(run.errors),
        ])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).rjust(w) for cell, w in zip(row, widths, strict=True))
             for row in [header, *rows]]
    for run in runs:
        if run.arbitration:
            a = run.arbitration
            lines += ["", f"arbitration ({run.label}): kept {a['kept']} ({a['kept_wrong']} of them "
                          f"wrong), overruled and right {a['overruled_right']}, overruled and "
                          f"wrong {a['overruled_wrong']}, flagged {a['flagged_right']} right / "
                          f"{a['flagged_wrong']} wrong"]
    verdict = get_task(runs[0].task or None).verdict_name if runs else "decision"
    for run in runs:
        lines += ["", f"{verdict} confusion ({run.label}; rows gold, columns predicted):"]
        confusion: dict[str, dict[str, int]] = run.scores.get("confusion", {})
        predicted = sorted({p for row in confusion.values() for p in row})
        width = max([len(p) for p in predicted] + [len(g) for g in confusion] + [4])
        lines.append(" " * width + "  " + "  ".join(p[:width].rjust(width) for p in predicted))
        for gold in sorted(confusion):
            cells = [str(confusion[gold].get(p, "")).rjust(width) for p in predicted]
            lines.append(gold.rjust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)
