"""How a report draws a trial-readout summary: a title line, index columns, claims in order.

Plain data for the engine's report renderers (Markdown and HTML), which escape every string
they are given; nothing here formats markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.schemas.summary import Evidence
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary

__all__ = ["Card", "CardClaim", "card"]

_OUTCOME_WORDS = {
    "met": "primary endpoint met", "not_met": "primary endpoint not met",
    "mixed": "mixed primary endpoint results", "not_reported": "no primary endpoint verdict",
    "none": "not a trial readout",
}


@dataclass(frozen=True)
class CardClaim:
    """One claim of a summary with its evidence, as a report lists it."""

    id: str
    field: str
    heading: str
    statement: str
    details: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Card:
    """A summary as a report draws it: title line, index columns (name -> value), claims."""

    title: str
    index: dict[str, str] = field(default_factory=dict)
    claims: tuple[CardClaim, ...] = ()


def card(summary: TrialReadoutSummary) -> Card:
    """The card of one trial-readout summary (claims in reading order: endpoint, results,
    safety, next steps, sentiment)."""
    trial, endpoint = summary.trial, summary.endpoint
    trial_label = (trial.name or next(iter(trial.identifiers), "")) if trial else ""
    index = {
        "company": summary.company or "",
        "trial": trial_label,
        "phase": trial.phase or "" if trial else "",
        "product": next(iter(summary.products), ""),
        "indication": summary.indication or "",
        "endpoint": endpoint.outcome,
        "sentiment": summary.sentiment.label,
    }
    claims: list[CardClaim] = []
    if summary.is_trial_readout:
        details = tuple(d for d in (endpoint.name and f"primary endpoint: {endpoint.name}",
                                    trial_label and f"trial: {trial_label}",
                                    trial and trial.phase and f"phase {trial.phase}") if d)
        claims.append(CardClaim("endpoint", "endpoint", "Primary endpoint",
                                _OUTCOME_WORDS[endpoint.outcome].capitalize(), details,
                                endpoint.evidence))
    for i, result in enumerate(summary.key_results):
        claims.append(CardClaim(f"key_results-{i}", "key_results", "Result", result.statement,
                                (result.value,) if result.value else (), result.evidence))
    for i, finding in enumerate(summary.safety):
        claims.append(CardClaim(f"safety-{i}", "safety", "Safety", finding.finding, (),
                                finding.evidence))
    for i, step in enumerate(summary.next_steps):
        details = tuple(d for d in (step.timing, step.due_date and f"due {step.due_date}") if d)
        claims.append(CardClaim(f"next_steps-{i}", "next_steps", "Next step", step.action,
                                details, step.evidence))
    sentiment = summary.sentiment
    claims.append(CardClaim("sentiment", "sentiment", "Sentiment",
                            f"{sentiment.label.capitalize()}: {sentiment.rationale}",
                            (f"score {sentiment.score:+.2f}",), sentiment.evidence))
    return Card(title=summary.headline, index=index, claims=tuple(claims))
