"""Trial-readout scoring, hand-computed against tests/data/trials/LABEL_SPEC.md."""

from __future__ import annotations

import re
from typing import Any

import pytest
from trial_readout_support import TRIALS

from summarizer.tasks.trial_readout.scoring import (
    METRICS,
    confusion,
    score_corpus,
    score_document,
)

GOLD: dict[str, Any] = {
    "id": "x1", "is_trial_readout": True, "trial": ["ALPHA-1", "NCT01234567"], "phase": "3",
    "product": ["acmeximab", "ACM-101"], "indication": ["plaque psoriasis", "psoriasis"],
    "endpoint": "met", "primary_endpoint": [["PASI 90"], ["IGA 0/1", "IGA score"]],
    "key_results": [["61%"], ["p<0.001"], ["HR 0.5", "hazard ratio of 0.5"]],
    "safety": [["well tolerated"]], "next_steps": [["BLA"], ["first half of 2026"]],
    "sentiment": "positive",
}


def prediction(**changes: Any) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "is_trial_readout": True,
        "trial": {"name": "alpha-1", "identifiers": [], "phase": "3"},
        "products": ["Acmeximab (ACM-101)"],
        "indication": "moderate-to-severe plaque psoriasis",
        "endpoint": {"name": "PASI 90 at week 16", "outcome": "met",
                     "evidence": {"quote": "ALPHA-1 met its primary endpoint.", "match": "exact"}},
        "key_results": [
            {"statement": "61% reached PASI 90", "value": "61%",
             "evidence": {"quote": "61% of patients reached PASI 90 (p<0.001).",
                          "match": "exact"}},
        ],
        "safety": [{"finding": "Well   tolerated", "evidence": None}],
        "next_steps": [{"action": "Submit a BLA", "timing": None,
                        "evidence": {"quote": "not in the source", "match": "none"}}],
        "sentiment": {"label": "positive", "evidence": None},
    }
    summary.update(changes)
    return {"id": "x1", "summary": summary}


def test_metrics_are_those_of_the_label_spec_in_order() -> None:
    spec = (TRIALS / "LABEL_SPEC.md").read_text()
    table = spec[spec.index("| metric | rule |"):]
    named = re.findall(r"[a-z_]+", " ".join(
        line.split("|")[1] for line in table.splitlines()[2:] if line.startswith("|")))
    assert set(named) == set(METRICS)
    assert METRICS[:4] == ("is_trial_readout", "endpoint", "phase", "sentiment")


def test_a_hand_scored_document() -> None:
    scores = score_document(prediction(), GOLD)
    assert scores == {
        "is_trial_readout": 1.0, "endpoint": 1.0, "phase": 1.0, "sentiment": 1.0,
        "trial": 1.0,  # "alpha-1" is the gold alias, case-insensitive
        "product": 1.0,  # the gold alias is a substring of the predicted name
        "indication": 1.0,
        "primary_endpoint": 0.5,  # PASI 90 found, IGA not
        "key_results": pytest.approx(2 / 3),  # 61% and p<0.001 (in the quote); no HR
        "safety": 1.0,  # whitespace runs count as one space
        "next_steps": 0.5,  # BLA; no timing
        "grounding": pytest.approx(2 / 3),  # endpoint and result aligned, next step not
    }


def test_gold_empty_lists_are_left_out_and_empty_names_hit_only_empty() -> None:
    gold = {**GOLD, "trial": [], "safety": [], "key_results": []}
    scores = score_document(prediction(), gold)
    assert scores["trial"] == 0.0  # a name predicted where the release gives none
    assert scores["safety"] is None and scores["key_results"] is None
    empty = prediction(trial={"name": None, "identifiers": [], "phase": "3"})
    assert score_document(empty, gold)["trial"] == 1.0


def test_a_non_readout_scores_its_codes_and_missing_parts() -> None:
    gold = {**GOLD, "is_trial_readout": False, "endpoint": "none", "phase": None,
            "trial": [], "sentiment": "neutral"}
    pred = prediction(is_trial_readout=False, trial=None,
                      endpoint={"name": None, "outcome": "none", "evidence": None},
                      sentiment={"label": "neutral", "evidence": None})
    scores = score_document(pred, gold)
    assert scores["is_trial_readout"] == scores["endpoint"] == scores["phase"] == 1.0
    assert scores["trial"] == scores["sentiment"] == 1.0


def test_an_empty_or_broken_prediction_scores_zero_not_an_exception() -> None:
    for pred in ({}, {"summary": None}, {"summary": {"endpoint": "met", "trial": []}}):
        scores = score_document(pred, GOLD)
        assert scores["is_trial_readout"] == 0.0 and scores["endpoint"] == 0.0
        assert scores["grounding"] is None


def test_a_bare_summary_is_accepted() -> None:
    assert score_document(prediction()["summary"], GOLD)["endpoint"] == 1.0


def test_confusion_is_gold_then_predicted() -> None:
    pred = prediction(endpoint={"name": None, "outcome": "mixed", "evidence": None})
    assert confusion(pred, GOLD) == ("met", "mixed")
    assert confusion({}, GOLD) == ("met", "none")


def test_corpus_means_skip_documents_a_metric_does_not_apply_to() -> None:
    gold2 = {**GOLD, "id": "x2", "safety": [], "endpoint": "not_met"}
    result = score_corpus([prediction(), {**prediction(), "id": "x2"}], [GOLD, gold2])
    assert result["n"] == 2
    assert result["safety"] == 1.0  # x2 left out
    assert result["endpoint"] == 0.5
    assert result["confusion"] == {"met": {"met": 1}, "not_met": {"met": 1}}
    means = [result[m] for m in METRICS]
    assert result["overall"] == pytest.approx(sum(means) / len(means))


def test_a_gold_document_without_a_prediction_is_scored_as_empty() -> None:
    result = score_corpus([], [GOLD])
    assert result["endpoint"] == 0.0 and result["per_document"]["x1"]["is_trial_readout"] == 0.0
