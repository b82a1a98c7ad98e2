"""Hand-built summary records for the timeline tests: exactly the fields a test is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from summarizer.tasks.regulatory.lexicon import DECISION_DIRECTION
from summarizer.tasks.regulatory.schema import (
    Evidence,
    NextStep,
    Outcome,
    Product,
    RegulatorySummary,
    Sentiment,
)
from summarizer.types import Meta, SummaryResult

Step = dict[str, Any]


def step(action: str, timing: str | None = None, due: str | None = None, *,
         actor: str = "company", quote: str | None = None) -> Step:
    return {"action": action, "timing": timing, "due": due, "actor": actor, "quote": quote}


def rec(source: str, published: str | None, decision: str = "none", agency: str = "NONE",
        products: Sequence[tuple[str, str | None]] = (("Zelvora", "rilanotide"),),
        company: str | None = "Acme Bio, Inc.", *, direction: str | None = None,
        decision_date: str | None = None, quote: str | None = None,
        quote_at: tuple[int, int] | None = None, steps: Sequence[Step] = (),
        headline: str | None = None, summary: str = "", body: str | None = None,
        agency_body: str | None = None) -> SummaryResult:
    """A record as ``summarize`` writes it (``published`` None: written without a date)."""
    event = decision != "none"
    outcome = Outcome(
        evidence=Evidence(quote=quote, start=quote_at[0] if quote_at else None,
                          end=quote_at[1] if quote_at else None,
                          match="exact" if quote_at else "none") if quote else None,
        agency_body=agency_body, agency=agency if event else "NONE",  # type: ignore[arg-type]
        decision=decision,  # type: ignore[arg-type]
        direction=direction or DECISION_DIRECTION.get(decision) or "neutral",  # type: ignore[arg-type]
        products=[Product(name=n, generic_name=g) for n, g in products],
        indication=None, decision_date=dt.date.fromisoformat(decision_date)
        if decision_date else None, application=None,
    )
    next_steps = [NextStep(
        actor=s["actor"], action=s["action"], timing=s["timing"],
        due_date=dt.date.fromisoformat(s["due"]) if s["due"] else None,
        evidence=Evidence(quote=s["quote"] or s["action"]),
    ) for s in steps]
    summary_model = RegulatorySummary(
        is_regulatory_event=event, company=company,
        headline=headline or f"{company} {decision.replace('_', ' ')}", summary=summary,
        outcome=outcome, rationale=[], next_steps=next_steps,
        sentiment=Sentiment(label="neutral", score=0.0, rationale="-", evidence=None),
    )
    return SummaryResult(
        source=source, summary=summary_model, text=body,
        meta=Meta(backend="rules", prompt_version="p", schema_version="1", published=published),
    )
