"""The HTTP path against recorded answers of a real OpenAI-compatible server (llama.cpp, 1.5B).

These tests replay the corpus cassettes (recorded by ``tests/test_corpus_replay.py``, see
docs/testing.md) through pytest-recording. They match requests in recorded order (method and
URL, not the body), as the corpus replay does: the prompt's code lists are generated from the
vocabulary (the regulatory task's ``vocabulary.toml``), so the recorded request bodies predate
the current prompt until the cassettes are re-recorded; the recorded answers stay valid
answers. An extra request (a re-ask the recording does not hold) still fails.
"""

from __future__ import annotations

import json
from typing import Any

import openai
import pytest
import yaml
from conftest import CASSETTES, CORPUS, ORDER_MATCHED, RECORDED_BASE_URL, corpus_text, load_jsonl

from summarizer import BackendConnectionError, Summarizer

RECORDED = CASSETTES / "corpus_local_1_5b"
META = {m["id"]: m for m in load_jsonl(CORPUS / "meta.jsonl")}
GOLD = {g["id"]: g for g in load_jsonl(CORPUS / "gold.jsonl")}


def _summarizer() -> Summarizer:
    client = openai.OpenAI(base_url=RECORDED_BASE_URL, api_key="not-needed", max_retries=0)
    return Summarizer(client=client, model="local", mode="json", max_attempts=1)


def _summarize(doc_id: str) -> Any:
    return _summarizer().summarize(
        corpus_text(doc_id), published=META[doc_id]["published"], source=doc_id
    )


@pytest.mark.vcr(str(RECORDED / "d01.yaml"), match_on=ORDER_MATCHED)
def test_ceplene_release_is_a_negative_chmp_opinion() -> None:
    result = _summarize("d01")
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.agency == "EMA"
    assert result.summary.outcome.decision == "negative_opinion"
    assert result.usage.requests >= 1 and result.usage.prompt_tokens > 500
    assert result.meta is not None and result.meta.mode == "json"


@pytest.mark.vcr(str(RECORDED / "d20.yaml"), match_on=ORDER_MATCHED)
def test_complete_response_letter_is_settled_by_evidence_without_a_reask() -> None:
    # recorded: the 1.5B model answered 'refusal', quoting the FDA letter's own sentence ("we
    # cannot approve this application in its present form"). Arbitration reads the complete
    # response in that sentence before the re-ask check: no request is spent on it
    result = _summarize("d20")
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "complete_response"
    assert result.summary.outcome.agency == "FDA"
    assert result.usage.reasks == 0 and result.usage.attempts == result.usage.requests == 1
    arbitrated = [f for f in result.findings if f.rule == "decision_arbitrated"]
    assert arbitrated and "'refusal'" in arbitrated[0].message
    interactions = yaml.safe_load((RECORDED / "d20.yaml").read_text())["interactions"]
    first = json.loads(json.loads(interactions[0]["response"]["body"]["string"])
                       ["choices"][0]["message"]["content"])
    assert first["outcome"]["decision"] == "refusal"
    assert "cannot approve" in first["outcome"]["evidence"]["quote"]


@pytest.mark.vcr(str(RECORDED / "d12.yaml"), match_on=ORDER_MATCHED)
def test_ce_mark_release_replays_to_a_grounded_summary() -> None:
    result = _summarize("d12")
    assert result.summary is not None
    matches = [e.match for _, e in result.summary.evidence_items()]
    ungrounded = [f for f in result.findings if f.rule == "evidence_grounded"]
    assert matches and (all(m != "none" for m in matches) or ungrounded)


@pytest.mark.vcr
def test_missing_cassette_fails_instead_of_reaching_the_network() -> None:
    with pytest.raises(BackendConnectionError):
        _summarizer().summarize("FDA approves Examplex (examplumab) for gout. " * 3)
