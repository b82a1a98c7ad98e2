"""The stress set's tune half through the full pipeline, replayed from the local 1.5B model.

The tune half is where the pipeline's mechanisms may be checked against the model's real
answers (the holdout half is only counted: tests/test_holdout_replay.py). Record once (the
llama.cpp server on 127.0.0.1:8765 serving the 1.5B GGUF, see docs/testing.md):
    pytest tests/test_tune_replay.py --record-mode=once
"""

from __future__ import annotations

import json

import pytest
from conftest import CASSETTES, DATA, recorded_run
from doc_pages import find

from summarizer.evaluation import EvalRun, load_corpus

TUNE = DATA / "stress" / "tune"
CASSETTE_DIR = CASSETTES / "stress_tune_local_1_5b"


@pytest.fixture(scope="module")
def tune_run(request: pytest.FixtureRequest) -> EvalRun:
    return recorded_run(request, TUNE, CASSETTE_DIR, "local-1.5b tune")


def test_every_recorded_release_replays_to_a_summary(tune_run: EvalRun) -> None:
    failed = [r["id"] for r in tune_run.records if r.get("error")]
    assert not failed, f"releases without a summary: {failed}"


def test_metrics_are_at_least_what_the_docs_state(tune_run: EvalRun) -> None:
    total = len(load_corpus(TUNE))
    if tune_run.n < total:
        pytest.skip(f"only {tune_run.n}/{total} tune releases recorded")
    match = find(r"<!-- tune-local-metrics: (\{.*?\}) -->")
    assert match, "no page (README.md, docs/*.md) has the <!-- tune-local-metrics: {...} --> marker"
    for metric, stated in json.loads(match.group(1)).items():
        measured = tune_run.scores[metric]
        assert measured is not None and measured >= stated - 1e-9, (metric, measured, stated)
