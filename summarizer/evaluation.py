"""Evaluation harness: run a backend over a labelled corpus folder and score it (LABEL_SPEC.md).

Only the document text and its ``published`` date reach the summarizer; nothing else from
``meta.jsonl`` or ``gold.jsonl`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from summarizer.errors import InputError, SummarizerError
from summarizer.scoring import METRICS, CorpusItem, load_corpus, score_corpus
from summarizer.types import ErrorInfo, SummaryResult, Usage

__all__ = ["EvalRun", "arbitration_counts", "evaluate", "format_report"]

Summarize = Callable[..., SummaryResult]


@dataclass
class EvalRun:
    """The outcome of one backend over one corpus: records, scores, cost."""

    label: str
    records: list[dict[str, Any]] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    errors: int = 0
    #: what arbitration did to the model's decisions, against the gold decision (model runs)
    arbitration: dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.records)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary of the run (records left out)."""
        return {
            "label": self.label,
            "n": self.n,
            "errors": self.errors,
            "metrics": {m: self.scores.get(m) for m in (*METRICS, "overall")},
            "confusion": self.scores.get("confusion", {}),
            "per_document": self.scores.get("per_document", {}),
            "arbitration": self.arbitration,
            "usage": self.usage.model_dump(),
            "seconds": round(self.seconds, 3),
            "seconds_per_doc": round(self.seconds / self.n, 3) if self.n else None,
        }


def evaluate(
    corpus: str | PathLike[str] | Iterable[CorpusItem],
    summarize: Summarize,
    *,
    label: str = "run",
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> EvalRun:
    """Summarize every corpus document with ``summarize(text, published=, source=)`` and score."""
    items = load_corpus(corpus) if isinstance(corpus, str | PathLike) else list(corpus)
    run = EvalRun(label=label)
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
    run.scores = score_corpus(run.records, [item.gold for item in items])
    run.arbitration = arbitration_counts(run.records, [item.gold for item in items])
    return run


def arbitration_counts(
    records: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]]
) -> dict[str, int]:
    """What arbitration did to each model answer, judged against the gold decision.

    ``kept``: the model's decision stood (``kept_wrong``: of those, how many the gold label
    contradicts); ``overruled_right`` / ``overruled_wrong``: replaced, and the decision put in
    its place matches the gold one or not; ``flagged_right`` / ``flagged_wrong``: disputed
    under the "flag" policy, and the model's decision (left as it was) right or wrong. Records
    of the rules backend and failed documents are left out; empty when there are none.
    """
    counts = dict.fromkeys(("kept", "kept_wrong", "overruled_right", "overruled_wrong",
                            "flagged_right", "flagged_wrong"), 0)
    seen = False
    for record, gold in zip(records, golds, strict=False):
        meta = record.get("meta") or {}
        summary = record.get("summary")
        if meta.get("backend") in (None, "rules") or not isinstance(summary, Mapping):
            continue
        seen = True
        outcome = summary.get("outcome") or {}
        decision = outcome.get("decision", "none") if summary.get("is_regulatory_event") else (
            "none")
        right = decision == gold.get("decision")
        rules = {f.get("rule") for f in record.get("findings") or []}
        if "decision_arbitrated" in rules:
            counts["overruled_right" if right else "overruled_wrong"] += 1
        elif "decision_disputed" in rules:
            counts["flagged_right" if right else "flagged_wrong"] += 1
        else:
            counts["kept"] += 1
            counts["kept_wrong"] += 0 if right else 1
    return counts if seen else {}


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_report(runs: list[EvalRun]) -> str:
    """A plain-text table: the ten metrics and overall per run, cost, then each confusion matrix."""
    short = {"is_regulatory_event": "is_reg", "next_steps": "next", "indication": "indic",
             "direction": "direct", "sentiment": "sent", "grounding": "ground",
             "rationale": "ration"}
    columns = [*METRICS, "overall"]
    header = ["backend", *[short.get(c, c) for c in columns], "tokens", "reasks", "s/doc", "err"]
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
    for run in runs:
        lines += ["", f"decision confusion ({run.label}; rows gold, columns predicted):"]
        confusion: dict[str, dict[str, int]] = run.scores.get("confusion", {})
        predicted = sorted({p for row in confusion.values() for p in row})
        width = max([len(p) for p in predicted] + [len(g) for g in confusion] + [4])
        lines.append(" " * width + "  " + "  ".join(p[:width].rjust(width) for p in predicted))
        for gold in sorted(confusion):
            cells = [str(confusion[gold].get(p, "")).rjust(width) for p in predicted]
            lines.append(gold.rjust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)
