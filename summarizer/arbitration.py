"""Settle the outcome when the model and the release's own decision cues disagree.

Small models default to the commonest code ("approval") for releases about a clearance, a
submission, FDA feedback, or no regulatory event at all, and they often answer "OTHER" for a
regulator they do not know. The cue reader of ``rules_backend`` is deterministic and quotes the
release, so after extraction (and after every re-ask) the outcome is arbitrated:

- the model's decision stands when the release backs it: an unhedged, current cue for that
  decision in the headline, subheading or lead, or the reader sees the same decision; a generic
  "approval" gives way when the front matter names the specific kind (clearance, accelerated);
- otherwise the reader's reading wins: its decision, direction, agency and evidence sentence
  replace the model's; when the reader sees no event, the summary says so and its outcome keeps
  only the products and indication the news is about (decision "none", agency "NONE");
- a model agency of OTHER/NONE for an event gives way to the reader's specific regulator.

Every change is reported as a ``decision_arbitrated`` / ``agency_arbitrated`` warning, so
callers see what the model said and why it was overruled. Arbitration never invents: what it
writes comes from the rules backend's summary, which quotes the release verbatim.
"""

from __future__ import annotations

from summarizer.rules_backend import RuledOutcome, RulesFallback, has_front_cue
from summarizer.schemas.summary import RegulatorySummary
from summarizer.types import Finding
from summarizer.vocabulary import VOCABULARY

__all__ = ["arbitrate"]

_VAGUE_AGENCIES = frozenset({"OTHER", "NONE"})


def _decision(summary: RegulatorySummary) -> str:
    if not summary.is_regulatory_event or summary.outcome is None:
        return "none"
    return summary.outcome.decision


def arbitrate(summary: RegulatorySummary, fallback: RulesFallback) -> list[Finding]:
    """Overrule unsupported outcome fields of ``summary`` in place with the rules backend's.

    ``fallback`` is the rules backend's answer for the document; its full summary is built only
    when a decision is overruled. Returns the findings that record each change (empty when the
    model's outcome is backed by the release).
    """
    view, reading = fallback.view, fallback.reading
    # the rules backend's decision is the reader's, finished (e.g. a device "approval" by a
    # non-US regulator is a clearance in the taxonomy)
    predicted, ruled = _decision(summary), fallback.ruled
    read = ruled.decision
    findings: list[Finding] = []
    if predicted != read:
        backed = predicted != "none" and has_front_cue(view.cues, predicted)
        if predicted == "none":
            backed = not reading.unambiguous  # only a clear, up-front cue overrules "no event"
        elif VOCABULARY.refinement(predicted, read):
            backed = False  # the reader only refines when the specific kind is named up front
        if not backed:
            findings.append(_overrule_decision(summary, fallback.summary, predicted, read))
            return findings
    findings.extend(_settle_agency(summary, ruled))
    return findings


def _overrule_decision(
    summary: RegulatorySummary, fallback: RegulatorySummary, predicted: str, read: str
) -> Finding:
    if VOCABULARY.refinement(predicted, read):
        reason = f"the model said '{predicted}', but the headline or lead names the kind"
    else:
        reason = (f"the model said '{predicted}', but nothing in the headline or lead reports "
                  f"that decision")
    if read == "none" or fallback.outcome is None:
        summary.is_regulatory_event = False
        if summary.outcome is not None:  # keep what the news is about, drop the decision
            summary.outcome = summary.outcome.model_copy(update={
                "decision": "none", "agency": "NONE", "agency_body": None,
                "direction": "neutral", "evidence": None, "decision_date": None,
                "application": None,
            })
        return Finding(rule="decision_arbitrated", severity="warning", path="outcome.decision",
                       message=f"{reason}; the release reports no regulatory decision")
    ruled = fallback.outcome
    if summary.outcome is None:
        summary.outcome = ruled.model_copy(deep=True)
    else:
        outcome = summary.outcome
        outcome.decision = ruled.decision
        outcome.direction = ruled.direction
        outcome.evidence = ruled.evidence
        if ruled.agency not in _VAGUE_AGENCIES:
            outcome.agency, outcome.agency_body = ruled.agency, ruled.agency_body
        outcome.decision_date = outcome.decision_date or ruled.decision_date
        outcome.application = outcome.application or ruled.application
    summary.is_regulatory_event = True
    where = ruled.evidence.quote if ruled.evidence is not None else ""
    start = ruled.evidence.start if ruled.evidence is not None else None
    end = ruled.evidence.end if ruled.evidence is not None else None
    return Finding(rule="decision_arbitrated", severity="warning", path="outcome.decision",
                   message=f"{reason}; the release says \"{where[:160]}\": '{ruled.decision}'",
                   start=start, end=end)


def _settle_agency(summary: RegulatorySummary, ruled: RuledOutcome) -> list[Finding]:
    outcome = summary.outcome
    if outcome is None or not ruled.is_event or not summary.is_regulatory_event:
        return []
    if outcome.agency not in _VAGUE_AGENCIES or ruled.agency in _VAGUE_AGENCIES:
        return []
    if outcome.decision != ruled.decision:
        return []  # the reader's regulator belongs to another decision sentence
    said = outcome.agency
    outcome.agency, outcome.agency_body = ruled.agency, ruled.agency_body or outcome.agency_body
    return [Finding(rule="agency_arbitrated", severity="warning", path="outcome.agency",
                    message=f"the model said '{said}'; the decision sentence names "
                            f"{ruled.agency_body or ruled.agency} ('{ruled.agency}')")]
