"""Status transitions (summarizer's timeline.transitions): every rule of the table, by sequence."""

from __future__ import annotations

import pytest

from summarizer.tasks.regulatory.schema import DECISION_CODES
from summarizer.tasks.regulatory.timeline.transitions import (
    CLINICAL_LABELS,
    MARKET_LABELS,
    RULES,
    SIGNALS,
    State,
    next_state,
)


def run(*signals: str, designation: str | None = None) -> State:
    state = State()
    for signal in signals:
        state, _ = next_state(state, signal, designation)
    return state


def test_every_decision_code_and_signal_has_a_rule() -> None:
    for signal in (*DECISION_CODES, *SIGNALS):
        _, rule = next_state(State(), signal)
        assert rule.signal == signal
    # and every state a rule leads to has a label
    for rule in RULES:
        if rule.after is not None:
            assert rule.after in MARKET_LABELS or rule.after in CLINICAL_LABELS


def test_an_unknown_signal_is_an_error() -> None:
    with pytest.raises(KeyError):
        next_state(State(), "approved_by_magic")


@pytest.mark.parametrize(("signals", "market"), [
    # EU: negative opinion -> re-examination requested -> positive opinion -> Commission decision
    (["negative_opinion"], "negative_opinion"),
    (["negative_opinion", "reexamination_requested"], "reexamination"),
    (["negative_opinion", "reexamination_requested", "positive_opinion"],
     "positive_after_reexamination"),
    (["negative_opinion", "reexamination_requested", "positive_opinion", "approval"], "approved"),
    (["negative_opinion", "reexamination_requested", "positive_opinion",
      "accelerated_approval"], "conditionally_approved"),
    (["negative_opinion", "reexamination_requested", "negative_opinion"], "negative_confirmed"),
    (["negative_opinion", "reexamination_requested", "negative_opinion", "refusal"], "refused"),
    (["negative_opinion", "positive_opinion"], "positive_opinion"),
    (["reexamination_requested"], "none"),  # nothing to re-examine: no change
    (["positive_opinion"], "positive_opinion"),
    # US: complete response -> resubmission -> acceptance -> approval
    (["complete_response"], "complete_response"),
    (["complete_response", "resubmission"], "resubmitted"),
    (["complete_response", "submission"], "resubmitted"),  # a submission after a CRL
    (["complete_response", "resubmission", "filing_accepted"], "resubmission_under_review"),
    (["complete_response", "filing_accepted"], "resubmission_under_review"),
    (["complete_response", "resubmission", "filing_accepted", "review_extension"],
     "resubmission_under_review"),
    (["complete_response", "resubmission", "filing_accepted", "approval"], "approved"),
    (["complete_response", "resubmission", "filing_accepted", "complete_response"],
     "complete_response"),
    (["refusal_to_file"], "refused_to_file"),
    (["refusal_to_file", "submission"], "resubmitted"),
    (["submission"], "submitted"),
    (["submission", "filing_accepted"], "under_review"),
    (["filing_accepted", "review_extension"], "under_review"),
    (["review_extension"], "under_review"),
    (["filing_accepted", "advisory_vote"], "advisory_vote"),
    (["filing_accepted", "advisory_vote", "approval"], "approved"),
    (["submission", "withdrawal"], "withdrawn"),
    (["clearance"], "cleared"),
    # a product on the market stays approved through later applications (new indications)
    (["approval", "submission"], "approved"),
    (["approval", "filing_accepted", "complete_response"], "approved"),
    (["approval", "negative_opinion", "reexamination_requested"], "approved"),
    (["accelerated_approval", "approval"], "approved"),
    (["clearance", "submission"], "cleared"),
    # no change of state
    (["filing_accepted", "regulatory_feedback"], "under_review"),
    (["filing_accepted", "other"], "under_review"),
    (["filing_accepted", "none"], "under_review"),
    (["filing_accepted", "designation"], "under_review"),
    (["filing_accepted", "clinical_hold"], "under_review"),
])
def test_market_track(signals: list[str], market: str) -> None:
    assert run(*signals).market == market


@pytest.mark.parametrize(("signals", "clinical"), [
    (["clinical_hold"], "on_hold"),
    (["clinical_hold", "hold_lifted"], "hold_lifted"),
    (["clinical_hold", "hold_lifted", "clinical_hold"], "on_hold"),
    (["hold_lifted"], "hold_lifted"),  # a lift reported without the hold's record
    (["trial_authorization"], "trial_authorized"),
    (["clinical_hold", "trial_authorization"], "on_hold"),  # a new trial does not lift a hold
    (["trial_authorization", "clinical_hold"], "on_hold"),
    (["approval"], None),
])
def test_clinical_track(signals: list[str], clinical: str | None) -> None:
    assert run(*signals).clinical == clinical


def test_hold_and_review_are_separate_tracks() -> None:
    state = run("filing_accepted", "clinical_hold")
    assert (state.market, state.clinical) == ("under_review", "on_hold")
    state = run("filing_accepted", "clinical_hold", "hold_lifted", "approval")
    assert (state.market, state.clinical) == ("approved", "hold_lifted")


def test_designations_are_held_alongside_any_state() -> None:
    state = State()
    state, _ = next_state(state, "designation", "Orphan")
    state, _ = next_state(state, "designation", "Breakthrough Therapy")
    state, _ = next_state(state, "designation", "Orphan")  # the same designation again
    state, _ = next_state(state, "designation", None)  # an unnamed designation
    state, _ = next_state(state, "filing_accepted")
    state, rule = next_state(state, "approval")
    assert state == State("approved", None, ("Orphan", "Breakthrough Therapy"))
    assert rule.after == "approved"


def test_the_first_matching_rule_decides_and_is_returned() -> None:
    _, rule = next_state(State("reexamination"), "positive_opinion")
    assert rule.before == frozenset({"reexamination"})
    assert rule.after == "positive_after_reexamination"
    _, rule = next_state(State("under_review"), "positive_opinion")
    assert rule.before is None and rule.after == "positive_opinion"
    _, rule = next_state(State("approved"), "submission")
    assert rule.after is None
