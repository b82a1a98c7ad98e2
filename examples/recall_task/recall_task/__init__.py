"""Product recalls as a summarizer task: what was recalled, why, and its class (I, II, III).

A task is a schema (an ``Answer``: the model fills it in), three prompt templates next to this
file, and rules that check an answer against the release; everything else (prompting,
extraction, grounding, re-asks, batching, cache, CLI, eval, reports) is the engine's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Literal

from pydantic import Field

from summarizer import Answer, Evidence, Finding, Rule, Sentiment, Task
from summarizer.evidence import OptionalText
from summarizer.rulebook import evidence_grounded, finding

__all__ = ["RecallSummary", "RecallTask"]


class RecallSummary(Answer):
    """The structured summary of one product recall announcement."""

    is_recall: bool = Field(description="True when the news is a recall of a product.")
    company: OptionalText
    headline: str = Field(description="One sentence.")
    product: OptionalText = Field(description="The recalled product as written, or null.")
    recall_class: Literal["I", "II", "III"] | None = Field(
        description="The regulator's recall class if the release states it, else null.")
    reason: OptionalText = Field(description="Why the product is recalled, short.")
    evidence: Evidence | None = Field(description="The sentence that announces the recall.")
    sentiment: Sentiment


_CLASS = re.compile(r"\bClass\s+(I{1,3})\b")


def _recall_class_in_source(ctx: Any) -> Iterable[Finding]:
    """The class answered must be the one the release writes (an error only when the release
    names another class: a release that names none is no contradiction)."""
    said = ctx.summary.recall_class
    written = {m.group(1): m for m in _CLASS.finditer(ctx.document.text)}
    if said is None or said in written or not written:
        return
    other = next(iter(written.values()))
    yield finding("recall_class_in_source", "error", "recall_class",
                  f'recall_class is "{said}" but the release says "{other.group()}"; use '
                  f'"{other.group(1)}"', other.start(), other.end())


class RecallTask(Task):
    """Product recalls: the product, the reason, the recall class, the sentiment."""

    name: ClassVar[str] = "recall"
    version: ClassVar[str] = "1"
    description: ClassVar[str] = "Product recalls: product, reason, recall class, sentiment"
    schema: ClassVar[type[RecallSummary]] = RecallSummary
    templates: ClassVar[str] = "recall_task"  # system.j2, user.j2, reask.j2 next to this file

    def rules(self) -> Sequence[Rule]:
        return (
            Rule("evidence_grounded", "error", "*.evidence", "quotes are in the release",
                 evidence_grounded(lambda ctx: [s.text for s in ctx.document.sentences])),
            Rule("recall_class_in_source", "error", "recall_class",
                 "the recall class is the one the release writes", _recall_class_in_source),
        )
