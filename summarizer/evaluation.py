"""Evaluation harness: run a backend over a labelled corpus folder and score it (LABEL_SPEC.md).

Only the document text and its ``published`` date reach the summarizer; nothing else from
``meta.jsonl`` or ``gold.jsonl`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from summarizer.errors import InputError, SummarizerError
from summarizer.scoring import METRICS, CorpusItem, load_corpus, score_corpus
from summarizer.types import ErrorInfo, SummaryResult, Usage

__all__ = ["EvalRun", "evaluate", "format_report"]

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
    return run


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
        lines += ["", f"decision confusion ({run.label}; rows gold, columns predicted):"]
        confusion: dict[str, dict[str, int]] = run.scores.get("confusion", {})
        predicted = sorted({p for row in confusion.values() for p in row})
        width = max([len(p) for p in predicted] + [len(g) for g in confusion] + [4])
        lines.append(" " * width + "  " + "  ".join(p[:width].rjust(width) for p in predicted))
        for gold in sorted(confusion):
            cells = [str(confusion[gold].get(p, "")).rjust(width) for p in predicted]
            lines.append(gold.rjust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)
