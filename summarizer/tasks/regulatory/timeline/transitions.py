"""Status transitions: where a product stands in a region after each of its events.

A lane (one product in one region) has three tracks: the marketing application (``market``),
clinical trials (``clinical``) and designations held. Each event gives one or more signals (its
decision code, and "reexamination_requested" or "resubmission" when its record says so); the
first rule of ``RULES`` that matches the track's state and the signal sets the new state. The
table is the whole logic: negative opinion, re-examination, positive opinion, Commission
decision; complete response, resubmission, acceptance with a new goal date, approval; hold, lift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "APPROVED",
    "MARKET_LABELS",
    "RULES",
    "SIGNALS",
    "Rule",
    "State",
    "next_state",
]

Track = Literal["market", "clinical", "designation"]

#: signals that are not decision codes: read from the wording of the record
SIGNALS = ("reexamination_requested", "resubmission")

#: the marketing states with the label a status shows
MARKET_LABELS: dict[str, str] = {
    "none": "no application on record",
    "submitted": "application submitted",
    "resubmitted": "resubmitted after a complete response",
    "under_review": "under review",
    "resubmission_under_review": "resubmission under review",
    "advisory_vote": "under review, advisory committee voted",
    "complete_response": "complete response letter",
    "refused_to_file": "refused to file",
    "negative_opinion": "negative opinion",
    "reexamination": "negative opinion, re-examination requested",
    "positive_opinion": "positive opinion, awaiting decision",
    "positive_after_reexamination": "positive opinion after re-examination, awaiting decision",
    "negative_confirmed": "negative opinion confirmed on re-examination",
    "approved": "approved",
    "conditionally_approved": "approved (accelerated / conditional)",
    "cleared": "cleared",
    "refused": "refused",
    "withdrawn": "application withdrawn",
}
CLINICAL_LABELS: dict[str, str] = {
    "on_hold": "clinical hold",
    "hold_lifted": "clinical hold lifted",
    "trial_authorized": "trial authorized",
}

#: states in which the product is on the market: later applications are supplements
APPROVED = frozenset({"approved", "conditionally_approved", "cleared"})
_NEGATIVE = frozenset({"negative_opinion", "reexamination"})
_AFTER_CRL = frozenset({"complete_response", "refused_to_file", "resubmitted"})
_SUPPLEMENT = frozenset({"submission", "resubmission", "filing_accepted", "review_extension",
                         "advisory_vote", "complete_response", "refusal_to_file",
                         "positive_opinion", "negative_opinion", "reexamination_requested",
                         "withdrawal", "refusal"})


@dataclass(frozen=True)
class Rule:
    """In ``track``, from a state in ``before`` (None: any state), ``signal`` leads to ``after``
    (None: the state stays, the event is a supplement or a step within the current state)."""

    track: Track
    signal: str
    before: frozenset[str] | None
    after: str | None


def _r(track: Track, signal: str, before: frozenset[str] | set[str] | None,
       after: str | None) -> Rule:
    return Rule(track, signal, frozenset(before) if before is not None else None, after)


#: first match wins: the specific rows come before the general ones
RULES: tuple[Rule, ...] = (
    # a product on the market: later applications (new indications) leave it approved
    *(_r("market", s, APPROVED, None) for s in sorted(_SUPPLEMENT)),
    # EU: negative opinion -> re-examination requested -> positive opinion -> Commission decision
    _r("market", "reexamination_requested", _NEGATIVE, "reexamination"),
    _r("market", "reexamination_requested", None, None),
    _r("market", "positive_opinion", {"reexamination"}, "positive_after_reexamination"),
    _r("market", "negative_opinion", {"reexamination"}, "negative_confirmed"),
    _r("market", "positive_opinion", None, "positive_opinion"),
    _r("market", "negative_opinion", None, "negative_opinion"),
    # US: complete response -> resubmission -> acceptance (new goal date) -> decision
    _r("market", "complete_response", None, "complete_response"),
    _r("market", "refusal_to_file", None, "refused_to_file"),
    _r("market", "resubmission", None, "resubmitted"),
    _r("market", "submission", _AFTER_CRL, "resubmitted"),
    _r("market", "submission", None, "submitted"),
    _r("market", "filing_accepted", _AFTER_CRL, "resubmission_under_review"),
    _r("market", "filing_accepted", None, "under_review"),
    _r("market", "review_extension", {"resubmission_under_review"}, None),
    _r("market", "review_extension", None, "under_review"),
    _r("market", "advisory_vote", None, "advisory_vote"),
    # decisions
    _r("market", "approval", None, "approved"),
    _r("market", "accelerated_approval", None, "conditionally_approved"),
    _r("market", "clearance", None, "cleared"),
    _r("market", "refusal", None, "refused"),
    _r("market", "withdrawal", None, "withdrawn"),
    # clinical trials: hold -> lift
    _r("clinical", "clinical_hold", None, "on_hold"),
    _r("clinical", "hold_lifted", None, "hold_lifted"),
    _r("clinical", "trial_authorization", {"on_hold"}, None),
    _r("clinical", "trial_authorization", None, "trial_authorized"),
    # designations are held alongside any state
    _r("designation", "designation", None, None),
    # no change of state: the event stays on the lane
    _r("market", "regulatory_feedback", None, None),
    _r("market", "other", None, None),
    _r("market", "none", None, None),
)

_TRACK_OF = {rule.signal: rule.track for rule in RULES}


@dataclass(frozen=True)
class State:
    """The three tracks of a lane."""

    market: str = "none"
    clinical: str | None = None
    designations: tuple[str, ...] = ()


def next_state(state: State, signal: str, designation: str | None = None) -> tuple[State, Rule]:
    """The lane's state after ``signal``, and the rule that decided it.

    ``designation`` is the name of the designation a ``designation`` signal grants. Raises
    ``KeyError`` for a signal no rule knows (every decision code and ``SIGNALS`` have one).
    """
    track = _TRACK_OF[signal]
    current = {"market": state.market, "clinical": state.clinical or "none",
               "designation": "none"}[track]
    rule = next(r for r in RULES if r.signal == signal and r.track == track
                and (r.before is None or current in r.before))
    if track == "designation":
        held = state.designations
        if designation and designation not in held:
            held = (*held, designation)
        return State(state.market, state.clinical, held), rule
    if rule.after is None:
        return state, rule
    if track == "clinical":
        return State(state.market, rule.after, state.designations), rule
    return State(rule.after, state.clinical, state.designations), rule
