"""The trial-readout schema: strict-output compatible, codes from the vocabulary, lenient input."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest
from openai.lib._pydantic import to_strict_json_schema
from pydantic import ValidationError

from summarizer.tasks.regulatory.schema import SOURCE_CHECK
from summarizer.tasks.trial_readout.schema import (
    Endpoint,
    EndpointOutcome,
    Phase,
    Trial,
    TrialReadoutSummary,
)
from summarizer.tasks.trial_readout.vocabulary import ENDPOINT_CODES, PHASE_CODES


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def answer(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "is_trial_readout": True,
        "company": "Acme Bio",
        "headline": "ALPHA-1 met its primary endpoint.",
        "summary": "The Phase 3 ALPHA-1 trial met its primary endpoint.",
        "trial": {"name": "ALPHA-1", "identifiers": ["NCT01234567"], "phase": "3"},
        "products": ["acmeximab", "ACM-101"],
        "indication": "psoriasis",
        "endpoint": {"name": "PASI 90", "outcome": "met",
                     "evidence": {"quote": "ALPHA-1 met its primary endpoint."}},
        "key_results": [{"statement": "PASI 90 in 61%.", "value": "61%",
                         "evidence": {"quote": "61% reached PASI 90."}}],
        "safety": [{"finding": "Well tolerated.", "evidence": {"quote": "It was well tolerated."}}],
        "next_steps": [{"action": "Submit a BLA.", "timing": "in 2026", "due_date": None,
                        "evidence": {"quote": "Acme plans to submit a BLA in 2026."}}],
        "sentiment": {"label": "positive", "score": 0.7, "rationale": "Met.", "evidence": None},
    }
    base.update(changes)
    return base


def test_request_schema_is_openai_strict() -> None:
    schema = to_strict_json_schema(TrialReadoutSummary)
    objects = _objects(schema)
    assert len(objects) >= 8
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert sorted(obj["required"]) == sorted(obj["properties"])
    text = json.dumps(schema)
    assert '"default"' not in text
    for hidden in ('"start"', '"end"', '"match"'):
        assert hidden not in text  # grounding fields are never asked of the model


def test_codes_are_the_vocabulary_codes() -> None:
    assert get_args(Phase) == PHASE_CODES
    assert get_args(EndpointOutcome) == ENDPOINT_CODES
    schema = json.dumps(to_strict_json_schema(TrialReadoutSummary))
    for code in (*PHASE_CODES, *ENDPOINT_CODES):
        assert f'"{code}"' in schema


def test_the_schema_is_lean() -> None:
    """A 1.5B local model fills it: few fields, short descriptions."""
    schema = to_strict_json_schema(TrialReadoutSummary)
    assert len(schema["properties"]) == 12
    for obj in _objects(schema):
        for prop in obj["properties"].values():
            assert len(prop.get("description", "")) <= 80


def test_a_full_answer_validates_and_lists_its_evidence_in_reading_order() -> None:
    summary = TrialReadoutSummary.model_validate(answer())
    assert [p for p, _ in summary.evidence_items()] == [
        "endpoint.evidence", "key_results[0].evidence", "safety[0].evidence",
        "next_steps[0].evidence",
    ]


@pytest.mark.parametrize(("written", "code"), [
    ("Phase 3", "3"), ("III", "3"), ("phase IIb", "2"), ("2b", "2"), ("Phase 1b/2", "1/2"),
    ("I/II", "1/2"), ("2/3", "2/3"), (3, "3"), ("N/A", None), ("not stated", None), (None, None),
])
def test_phase_spellings_are_read_as_codes(written: object, code: str | None) -> None:
    assert Trial.model_validate({"name": None, "identifiers": [], "phase": written}).phase == code


def test_an_unknown_phase_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Trial.model_validate({"name": None, "identifiers": [], "phase": "Phase 7"})


@pytest.mark.parametrize(("written", "code"), [
    ("met", "met"), ("Not met", "not_met"), ("NOT-MET", "not_met"), ("not reported",
                                                                    "not_reported"),
])
def test_outcome_spellings_are_read_as_codes(written: str, code: str) -> None:
    assert Endpoint.model_validate({"name": None, "outcome": written, "evidence": None}
                                   ).outcome == code


def test_placeholders_are_null_and_dropped_from_name_lists() -> None:
    summary = TrialReadoutSummary.model_validate(answer(
        company="N/A", indication="None", products=["acmeximab", "n/a", "  "],
        trial={"name": "Not specified", "identifiers": ["NCT01234567", "none"], "phase": "3"},
    ))
    assert summary.company is None and summary.indication is None
    assert summary.products == ["acmeximab"]
    assert summary.trial is not None and summary.trial.name is None
    assert summary.trial.identifiers == ["NCT01234567"]


def test_unknown_fields_and_codes_are_rejected() -> None:
    with pytest.raises(ValidationError):
        TrialReadoutSummary.model_validate(answer(extra=1))
    bad = answer()
    bad["endpoint"]["outcome"] = "positive"
    with pytest.raises(ValidationError):
        TrialReadoutSummary.model_validate(bad)


def test_loose_dates_and_sentiment_signs() -> None:
    raw = answer()
    raw["next_steps"][0]["due_date"] = "June 30, 2026"
    raw["sentiment"]["score"] = -0.7  # wrong sign for "positive": a slip, corrected
    summary = TrialReadoutSummary.model_validate(raw)
    assert str(summary.next_steps[0].due_date) == "2026-06-30"
    assert summary.sentiment.score == 0.7


def test_the_engine_source_check_hook_rejects_an_answer() -> None:
    token = SOURCE_CHECK.set(lambda summary: "endpoint.outcome contradicts the release")
    try:
        with pytest.raises(ValidationError, match="contradicts the release"):
            TrialReadoutSummary.model_validate(answer())
    finally:
        SOURCE_CHECK.reset(token)
    TrialReadoutSummary.model_validate(answer())
