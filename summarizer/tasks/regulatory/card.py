"""How a report draws a regulatory summary: the outcome card, the reasons and next steps, the
sentiment, and the index row (company, agency, decision, direction, sentiment).

Plain data for the engine's report renderers (Markdown and HTML), which escape every string
they are given; nothing here formats markup.
"""

from __future__ import annotations

from summarizer.task import Card, CardClaim, CardLead, CardSection, IndexCell
from summarizer.tasks.regulatory.schema import RegulatorySummary

__all__ = ["FIELDS", "card"]

#: the fields a claim belongs to, with the names the legend shows
FIELDS: tuple[tuple[str, str], ...] = (
    ("outcome", "Outcome"), ("rationale", "Rationale"), ("next_steps", "Next step"),
    ("sentiment", "Sentiment"),
)
_SECTIONS = (CardSection("rationale", "Rationale", "No reasons given."),
             CardSection("next_steps", "Next steps", "No next steps stated."))


def _words(code: str) -> str:
    return code.replace("_", " ")


def _agency_label(agency: str, body: str | None) -> str:
    return f"{agency} ({body})" if body and body.upper() != agency.upper() else agency


def card(summary: RegulatorySummary) -> Card:
    """The card of one regulatory summary (claims in reading order: outcome, reasons, next
    steps, sentiment)."""
    claims: list[CardClaim] = []
    lead: CardLead | None = None
    o = summary.outcome
    if o is not None:
        label = _agency_label(o.agency, o.agency_body)
        claims.append(CardClaim("outcome", "outcome", "Outcome",
                                f"{label}: {_words(o.decision)} ({o.direction})", (), o.evidence))
        products = ", ".join(f"{p.name} ({p.generic_name})" if p.generic_name else p.name
                             for p in o.products)
        rows = [("Product", products), ("Indication", o.indication or ""),
                ("Application", o.application or ""),
                ("Decision date", o.decision_date.isoformat() if o.decision_date else "")]
        lead = CardLead("outcome", _words(o.decision), o.direction, o.direction, label,
                        tuple((k, v) for k, v in rows if v))
    for i, r in enumerate(summary.rationale):
        claims.append(CardClaim(f"rationale-{i}", "rationale", f"Reason {i + 1}", r.statement,
                                (f"{r.source}'s reason",), r.evidence))
    for i, s in enumerate(summary.next_steps):
        due = f"due {s.due_date.isoformat()}" if s.due_date else ""
        details = (f"by {s.actor}", f"timing: {s.timing}" if s.timing else "no timing given", due)
        when = "; ".join(t for t in (s.timing or "", due) if t) or "no timing given"
        claims.append(CardClaim(f"next_steps-{i}", "next_steps", f"Next step {i + 1}", s.action,
                                tuple(d for d in details if d), s.evidence, label=s.actor,
                                aside=when))
    st = summary.sentiment
    claims.append(CardClaim("sentiment", "sentiment", "Sentiment",
                            f"{st.label} ({st.score:+.2f}): {st.rationale}", (), st.evidence))
    index = (
        IndexCell("Company", summary.company or ""),
        IndexCell("Agency", o.agency if o is not None else ""),
        IndexCell("Decision", _words(o.decision) if o is not None else "",
                  note="" if o is not None else "no regulatory event"),
        IndexCell("Direction", o.direction if o is not None else "",
                  pill=o.direction if o is not None else ""),
        IndexCell("Sentiment", st.label),
    )
    return Card(title=summary.headline, index=index, claims=tuple(claims), fields=FIELDS,
                byline=summary.company or "", text=summary.summary, lead=lead,
                lead_heading="Outcome", lead_missing="not a regulatory event",
                sections=_SECTIONS, sentiment=st)
