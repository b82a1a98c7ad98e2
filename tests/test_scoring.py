"""Scoring per LABEL_SPEC.md: exact codes, alias substring rule, keyword-group recall."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS

from summarizer.evaluation import load_corpus
from summarizer.tasks.regulatory.scoring import METRICS, score_corpus, score_document


def gold(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "x1", "file": "docs/x1.txt", "is_regulatory_event": True, "agency": "EMA",
        "decision": "negative_opinion", "direction": "unfavorable",
        "product": ["Ceplene", "histamine dihydrochloride"],
        "indication": ["acute myeloid leukemia", "AML"],
        "rationale": [["statistically compelling", "single pivotal"], ["mechanistic"]],
        "next_steps": [["re-examination", "appeal"], ["60 days"], ["third quarter"]],
        "sentiment": "negative",
    }
    base.update(overrides)
    return base


def record(**overrides: Any) -> dict[str, Any]:
    outcome: dict[str, Any] = {
        "evidence": {"quote": "a negative opinion", "start": 1, "end": 19, "match": "exact",
                     "score": 1.0},
        "agency_body": "CHMP", "agency": "EMA", "decision": "negative_opinion",
        "direction": "unfavorable",
        "products": [{"name": "Ceplene(R)", "generic_name": None}],
        "indication": "Acute Myeloid Leukemia (AML)", "decision_date": None, "application": "MAA",
    }
    summary: dict[str, Any] = {
        "is_regulatory_event": True, "company": "EpiCept", "headline": "h", "summary": "s",
        "outcome": outcome,
        "rationale": [{"statement": "Data were not STATISTICALLY\ncompelling.",
                       "source": "regulator",
                       "evidence": {"quote": "q", "match": "none"}}],
        "next_steps": [{"actor": "company", "action": "Request re-examination",
                        "timing": "within 60 days", "due_date": None,
                        "evidence": {"quote": "appeal in the third quarter", "match": "fuzzy"}}],
        "sentiment": {"label": "negative", "score": -0.5, "rationale": "r", "evidence": None},
    }
    for key, value in overrides.items():
        if key in outcome:
            outcome[key] = value
        else:
            summary[key] = value
    return {"source": "docs/x1.txt", "summary": summary, "findings": []}


def test_perfect_codes_and_text_metrics() -> None:
    s = score_document(record(), gold())
    assert set(s) == set(METRICS)
    for metric in ("is_regulatory_event", "agency", "decision", "direction", "product",
                   "indication", "sentiment"):
        assert s[metric] == 1.0, metric
    assert s["rationale"] == 0.5  # "statistically compelling" found across a line break
    assert s["next_steps"] == 1.0  # re-examination (action), 60 days (timing), third quarter
    assert s["grounding"] == pytest.approx(2 / 3)  # outcome exact, next step fuzzy, reason none


def test_alias_rule_works_both_ways_and_ignores_case() -> None:
    # gold alias inside the prediction
    assert score_document(record(products=[{"name": "CEPLENE injection",
                                            "generic_name": None}]), gold())["product"] == 1.0
    # prediction inside a gold alias
    assert score_document(record(indication="myeloid"), gold())["indication"] == 1.0
    # generic names count too
    assert score_document(
        record(products=[{"name": "Zzz", "generic_name": "Histamine Dihydrochloride"}]), gold()
    )["product"] == 1.0
    assert score_document(record(products=[{"name": "Other", "generic_name": None}]),
                          gold())["product"] == 0.0
    # an empty predicted name is not a wildcard
    assert score_document(record(indication=""), gold())["indication"] == 0.0


def test_gold_empty_lists() -> None:
    g = gold(product=[], indication=[], rationale=[], next_steps=[])
    s = score_document(record(products=[], indication=None), g)
    assert s["product"] == 1.0 and s["indication"] == 1.0
    assert s["rationale"] is None and s["next_steps"] is None
    s = score_document(record(), g)
    assert s["product"] == 0.0 and s["indication"] == 0.0


def test_null_outcome_defaults() -> None:
    g = gold(is_regulatory_event=False, agency="NONE", decision="none", direction="neutral",
             product=[], indication=[])
    s = score_document(record(outcome=None, is_regulatory_event=False), g)
    assert s["is_regulatory_event"] == s["agency"] == s["decision"] == s["direction"] == 1.0
    assert s["product"] == 1.0 and s["indication"] == 1.0
    # no evidence items at all: grounding does not apply
    bare = record(outcome=None, is_regulatory_event=False, rationale=[], next_steps=[])
    assert score_document(bare, g)["grounding"] is None


def test_rationale_recall_counts_groups_not_alternatives() -> None:
    g = gold(rationale=[["a1", "a2"], ["b1"], ["c1"], ["d1"]])
    rec = record(rationale=[{"statement": "mentions A2 and b1", "source": "company",
                             "evidence": {"quote": "and C1 here"}}])
    assert score_document(rec, g)["rationale"] == 0.75


def test_failed_document_scores_as_empty() -> None:
    s = score_document({"source": "x", "summary": None, "error": {"type": "t", "code": "c",
                                                                  "message": "m"}}, gold())
    assert s["is_regulatory_event"] == 0.0 and s["sentiment"] == 0.0 and s["decision"] == 0.0
    assert s["grounding"] is None


def test_bare_summary_dict_is_accepted() -> None:
    assert score_document(record()["summary"], gold())["decision"] == 1.0


def test_score_corpus_means_overall_and_confusion() -> None:
    g1 = gold(id="a")
    g2 = gold(id="b", decision="approval", direction="favorable", sentiment="positive")
    p1 = record() | {"source": "docs/a.txt"}
    p2 = record() | {"source": "docs/b.txt"}
    result = score_corpus([p2, p1], [g1, g2])  # matched by id, not by order
    assert result["n"] == 2
    assert result["decision"] == 0.5 and result["direction"] == 0.5
    assert result["confusion"] == {"negative_opinion": {"negative_opinion": 1},
                                   "approval": {"negative_opinion": 1}}
    means = [result[m] for m in METRICS if result[m] is not None]
    assert result["overall"] == pytest.approx(sum(means) / len(means))
    assert set(result["per_document"]) == {"a", "b"}


def test_score_corpus_pairs_in_order_without_ids_and_scores_missing_as_empty() -> None:
    g1, g2 = gold(id="a"), gold(id="b")
    rec = record()
    rec.pop("source")
    result = score_corpus([rec], [g1, g2])
    assert result["per_document"]["a"]["decision"] == 1.0
    assert result["per_document"]["b"]["decision"] == 0.0


def test_load_corpus_reads_gold_and_meta(tmp_path: Path) -> None:
    items = load_corpus(CORPUS)
    assert len(items) == 23 and items[0].id == "d01"
    assert items[0].published is not None and items[0].published.isoformat() == "2008-03-20"
    assert items[0].gold["decision"] == "negative_opinion"
    assert "Ceplene" in items[0].read_text()
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold(id="z")) + "\n", encoding="utf-8")
    only = load_corpus(tmp_path)
    assert only[0].published is None and only[0].path == tmp_path / "docs/x1.txt"
