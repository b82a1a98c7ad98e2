"""Settling a model's trial-readout answer: arbitration by evidence, gap filling, quote trimming."""

from __future__ import annotations

from typing import Any

import pytest
from trial_readout_support import document, perfect_answer, tuning_items

from summarizer.evaluation import CorpusItem
from summarizer.grounding import ground_pending
from summarizer.intake import Document, load
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.rules import run_rules
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.settle import (
    arbitrate_endpoint,
    fill_gaps,
    settle,
    trim_quotes,
)

ITEMS = tuning_items()
BY_ID = {item.id: item for item in ITEMS}


def doc(doc_id: str) -> Document:
    return document(BY_ID[doc_id])


def answer(doc_id: str, d: Document, **endpoint: Any) -> TrialReadoutSummary:
    data = perfect_answer(BY_ID[doc_id], d).model_dump(mode="json")
    data["endpoint"].update(endpoint)
    return TrialReadoutSummary.model_validate(data)


@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_a_gold_correct_answer_is_never_overruled(item: CorpusItem) -> None:
    d = document(item)
    a = perfect_answer(item, d)
    before = a.endpoint.model_dump()
    findings = settle(a, d)
    assert not [f for f in findings if f.rule.startswith("endpoint_")], findings
    assert a.endpoint.outcome == before["outcome"]


def test_an_outcome_its_own_sentence_contradicts_is_overruled() -> None:
    d = doc("t017")
    quote = ("Primary endpoint of change in FVC at Week 26 did not reach statistical "
             "significance in the overall population")
    a = answer("t017", d, outcome="met", evidence={"quote": quote})
    [f] = settle(a, d)[:1]
    assert f.rule == "endpoint_arbitrated" and f.severity == "warning"
    assert 'the model said "met"' in f.message and '"not_met"' in f.message
    assert a.endpoint.outcome == "not_met"
    assert a.endpoint.evidence is not None and a.endpoint.evidence.quote == quote


def test_an_outcome_without_its_sentence_takes_the_readers() -> None:
    d = doc("t019")
    a = answer("t019", d, outcome="met", evidence=None)
    findings = arbitrate_endpoint(a, d)
    assert [f.rule for f in findings] == ["endpoint_arbitrated"]
    assert a.endpoint.outcome == "not_met"
    assert a.endpoint.evidence is not None and a.endpoint.evidence.match == "exact"


def test_a_right_outcome_with_a_missing_sentence_keeps_the_outcome_and_gets_the_sentence() -> None:
    d = doc("t009")
    a = answer("t009", d, evidence=None)
    [f] = arbitrate_endpoint(a, d)
    assert 'kept "met"' in f.message
    assert a.endpoint.outcome == "met"
    assert a.endpoint.evidence is not None
    assert "hit its primary endpoint" in a.endpoint.evidence.quote


def test_a_hedged_sentence_does_not_support_a_verdict() -> None:
    text = ("Acme Bio Announces Topline Results from Phase 3 ALPHA-1 Trial of Acmeximab\n\n"
            "BOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. (Nasdaq: ACME) today announced "
            "that ALPHA-1 did not meet its primary endpoint. Acme had expected the trial to meet "
            "its primary endpoint.\n")
    d = load(text)
    data = read(d).model_dump(mode="json")
    data["endpoint"] = {"name": None, "outcome": "met", "evidence": {
        "quote": "Acme had expected the trial to meet its primary endpoint."}}
    a = TrialReadoutSummary.model_validate(data)
    [f] = settle(a, d)
    assert "hedged" in f.message and a.endpoint.outcome == "not_met"


def test_without_a_reading_of_its_own_the_answer_stands_with_a_warning() -> None:
    text = ("Acme Bio Announces Topline Results from Phase 3 ALPHA-1 Trial of Acmeximab\n\n"
            "BOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. (Nasdaq: ACME) today announced "
            "topline results from ALPHA-1. The study delivered on its main goal.\n")
    d = load(text)
    data = read(d).model_dump(mode="json")
    data["endpoint"] = {"name": None, "outcome": "met", "evidence": None}
    a = TrialReadoutSummary.model_validate(data)
    [f] = arbitrate_endpoint(a, d)
    assert f.rule == "endpoint_unsupported" and a.endpoint.outcome == "met"


def test_flag_only_reports_and_off_does_nothing() -> None:
    d = doc("t019")
    a = answer("t019", d, outcome="met", evidence=None)
    [f] = arbitrate_endpoint(a, d, policy="flag")
    assert f.rule == "endpoint_disputed" and "not changed" in f.message
    assert a.endpoint.outcome == "met"
    assert arbitrate_endpoint(a, d, policy="off") == []
    with pytest.raises(ValueError, match="unknown arbitration policy"):
        settle(a, d, "sometimes")  # type: ignore[arg-type]


def test_empty_lists_are_filled_from_the_reader_when_both_read_a_readout() -> None:
    d = doc("t001")
    data = perfect_answer(BY_ID["t001"], d).model_dump(mode="json")
    data.update(key_results=[], safety=[], next_steps=[], products=[], trial=None)
    a = TrialReadoutSummary.model_validate(data)
    findings = fill_gaps(a, d)
    assert sorted(f.path for f in findings) == sorted(
        ["key_results", "safety", "trial", "next_steps", "products"])
    assert all(f.rule == "filled_from_rules" and f.severity == "info" for f in findings)
    assert a.key_results and a.safety and a.next_steps and a.products and a.trial is not None
    assert not [f for f in run_rules(a, d) if f.severity == "error"]


def test_a_non_readout_gets_no_results_filled() -> None:
    d = doc("t029")
    data = perfect_answer(BY_ID["t029"], d).model_dump(mode="json")
    data.update(next_steps=[])
    a = TrialReadoutSummary.model_validate(data)
    assert [f.path for f in fill_gaps(a, d)] == ["next_steps"]
    assert a.key_results == [] and a.safety == [] and a.trial is None


def test_a_stitched_quote_is_trimmed_to_the_source_passage() -> None:
    d = doc("t001")
    real = ("Median PFS was 11.2 months with velonitinib compared with 6.9 months with "
            "chemotherapy.")
    data = perfect_answer(BY_ID["t001"], d).model_dump(mode="json")
    data["key_results"] = [{"statement": "Median PFS 11.2 months.", "value": "11.2 months",
                            "evidence": {"quote": real + " This doubles survival for all."}}]
    a = TrialReadoutSummary.model_validate(data)
    ground_pending(a, d.index)
    [f] = trim_quotes(a, d)
    ev = a.key_results[0].evidence
    assert ev is not None and ev.quote == real and ev.match == "exact"
    assert f.rule == "evidence_trimmed" and "doubles survival" in f.message


def test_an_unaligned_endpoint_quote_gives_way_to_the_readers_sentence() -> None:
    d = doc("t011")
    a = answer("t011", d, evidence={"quote": "Tolvekallin was a big success in the trial."})
    findings = settle(a, d)
    assert a.endpoint.outcome == "met"
    assert a.endpoint.evidence is not None and a.endpoint.evidence.match == "exact"
    assert {f.rule for f in findings} >= {"endpoint_arbitrated"}
