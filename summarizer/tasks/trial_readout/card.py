"""How a report draws a trial-readout summary: the endpoint card, the key results, safety
findings and next steps, the sentiment, and the index row (company, trial, phase, product,
indication, endpoint, sentiment).

Plain data for the engine's report renderers (Markdown and HTML), which escape every string
they are given; nothing here formats markup.
"""

from __future__ import annotations

from summarizer.task import Card, CardClaim, CardLead, CardSection, IndexCell
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary

__all__ = ["FIELDS", "card"]

#: the fields a claim belongs to, with the names the legend shows
FIELDS: tuple[tuple[str, str], ...] = (
    ("endpoint", "Endpoint"), ("key_results", "Result"), ("safety", "Safety"),
    ("next_steps", "Next step"), ("sentiment", "Sentiment"),
)
_SECTIONS = (CardSection("key_results", "Key results", "No results quoted."),
             CardSection("safety", "Safety", "No safety findings stated."),
             CardSection("next_steps", "Next steps", "No next steps stated."))
_OUTCOME_WORDS = {
    "met": "primary endpoint met", "not_met": "primary endpoint not met",
    "mixed": "mixed primary endpoint results", "not_reported": "no primary endpoint verdict",
    "none": "not a trial readout",
}
#: the colour of each outcome (and the report index's filter)
_TONE = {"met": "favorable", "not_met": "unfavorable", "mixed": "neutral",
         "not_reported": "neutral", "none": "neutral"}


def card(summary: TrialReadoutSummary) -> Card:
    """The card of one trial-readout summary (claims in reading order: endpoint, results,
    safety, next steps, sentiment)."""
    trial, endpoint = summary.trial, summary.endpoint
    trial_label = (trial.name or next(iter(trial.identifiers), "")) if trial else ""
    phase = trial.phase or "" if trial else ""
    outcome = endpoint.outcome
    claims: list[CardClaim] = []
    lead: CardLead | None = None
    if summary.is_trial_readout:
        details = tuple(d for d in (endpoint.name and f"primary endpoint: {endpoint.name}",
                                    trial_label and f"trial: {trial_label}",
                                    phase and f"phase {phase}") if d)
        claims.append(CardClaim("endpoint", "endpoint", "Primary endpoint",
                                _OUTCOME_WORDS[outcome].capitalize(), details, endpoint.evidence))
        facts = (("Trial", trial_label), ("Phase", phase),
                 ("Product", ", ".join(summary.products)),
                 ("Indication", summary.indication or ""),
                 ("Primary endpoint", endpoint.name or ""))
        lead = CardLead("endpoint", _OUTCOME_WORDS[outcome], _TONE[outcome],
                        outcome.replace("_", " "), trial_label,
                        tuple((k, v) for k, v in facts if v))
    for i, result in enumerate(summary.key_results):
        claims.append(CardClaim(f"key_results-{i}", "key_results", f"Result {i + 1}",
                                result.statement, (result.value,) if result.value else (),
                                result.evidence))
    for i, finding in enumerate(summary.safety):
        claims.append(CardClaim(f"safety-{i}", "safety", f"Safety {i + 1}", finding.finding, (),
                                finding.evidence))
    for i, step in enumerate(summary.next_steps):
        due = f"due {step.due_date.isoformat()}" if step.due_date else ""
        details = tuple(d for d in (step.timing and f"timing: {step.timing}", due) if d)
        when = "; ".join(t for t in (step.timing or "", due) if t) or "no timing given"
        claims.append(CardClaim(f"next_steps-{i}", "next_steps", f"Next step {i + 1}",
                                step.action, details, step.evidence, aside=when))
    sentiment = summary.sentiment
    claims.append(CardClaim("sentiment", "sentiment", "Sentiment",
                            f"{sentiment.label} ({sentiment.score:+.2f}): {sentiment.rationale}",
                            (), sentiment.evidence))
    index = (
        IndexCell("Company", summary.company or ""),
        IndexCell("Trial", trial_label),
        IndexCell("Phase", phase),
        IndexCell("Product", next(iter(summary.products), "")),
        IndexCell("Endpoint", outcome.replace("_", " ") if summary.is_trial_readout else "",
                  pill=_TONE[outcome] if summary.is_trial_readout else "",
                  note="" if summary.is_trial_readout else "not a trial readout"),
        IndexCell("Sentiment", sentiment.label),
    )
    return Card(title=summary.headline, index=index, claims=tuple(claims), fields=FIELDS,
                byline=summary.company or "", text=summary.summary, lead=lead,
                lead_heading="Primary endpoint", lead_missing="not a trial readout",
                sections=_SECTIONS, sentiment=sentiment)
