"""The stress set's holdout half through the full pipeline, replayed from the local 1.5B model.

These releases were never looked at to write a rule or a prompt (tests/data/stress/README.md).
Record once (needs the llama.cpp server on 127.0.0.1:8765 serving the 1.5B GGUF, see
docs/testing.md):
    pytest tests/test_holdout_replay.py --record-mode=once
Replay: plain ``pytest``. Once every release is recorded, the pipeline with the model must score
at least what the rules backend alone scores on every metric, more on rationale and next steps,
and at least the figures the docs state (docs/measured-figures.md).
"""

from __future__ import annotations

import json

import pytest
from conftest import CASSETTES, DATA, recorded_run
from doc_pages import find

from summarizer import Summarizer
from summarizer.evaluation import EvalRun, evaluate, format_report, load_corpus
from summarizer.tasks.regulatory.scoring import METRICS

HOLDOUT = DATA / "stress" / "holdout"
CASSETTE_DIR = CASSETTES / "stress_holdout_local_1_5b"
#: metrics where the model must add something over the rules backend's verbatim reading
MUST_IMPROVE = ("rationale", "next_steps")


@pytest.fixture(scope="module")
def holdout_run(request: pytest.FixtureRequest) -> EvalRun:
    return recorded_run(request, HOLDOUT, CASSETTE_DIR, "local-1.5b holdout")


@pytest.fixture(scope="module")
def rules_run() -> EvalRun:
    rules = Summarizer("rules")
    return evaluate(HOLDOUT, lambda text, **kw: rules.summarize(text, **kw), label="rules")


def _complete(run: EvalRun) -> None:
    total = len(load_corpus(HOLDOUT))
    if run.n < total:
        pytest.skip(f"only {run.n}/{total} holdout releases recorded")


def test_every_recorded_release_replays_to_a_summary(holdout_run: EvalRun) -> None:
    failed = [r["id"] for r in holdout_run.records if r.get("error")]
    assert not failed, f"releases without a summary: {failed}"


@pytest.mark.xfail(strict=True, reason=(
    "not yet: with the 1.5B model the pipeline scores below the rules backend on the holdout's "
    "decision (0.930 vs 0.944), direction (0.940 vs 0.946) and grounding (0.9998 vs 1.0000), "
    "above on the event flag (0.972 vs 0.969), level on agency (0.968) "
    "(docs/measured-figures.md, issue 14); strict: it fails once the target is met"))
def test_the_model_adds_to_the_rules_backend(holdout_run: EvalRun, rules_run: EvalRun) -> None:
    _complete(holdout_run)
    worse = {m: (holdout_run.scores[m], rules_run.scores[m]) for m in [*METRICS, "overall"]
             if (holdout_run.scores[m] or 0.0) < (rules_run.scores[m] or 0.0) - 1e-9}
    assert not worse, f"metrics where the pipeline scores below the rules backend: {worse}"
    for metric in MUST_IMPROVE:
        assert holdout_run.scores[metric] > rules_run.scores[metric], metric


def test_arbitration_is_counted_and_reported(holdout_run: EvalRun) -> None:
    counts = holdout_run.arbitration
    judged = sum(counts[k] for k in ("kept", "overruled_right", "overruled_wrong",
                                     "flagged_right", "flagged_wrong"))
    assert judged == holdout_run.n - sum(1 for r in holdout_run.records if r.get("error"))
    assert f"kept {counts['kept']} ({counts['kept_wrong']} of them wrong)" in format_report(
        [holdout_run])


def test_metrics_are_at_least_what_the_readme_states(holdout_run: EvalRun) -> None:
    _complete(holdout_run)
    match = find(r"<!-- holdout-local-metrics: (\{.*?\}) -->")
    assert match, ("no page (README.md, docs/*.md) has the <!-- holdout-local-metrics: {...} --> "
                   "marker")
    for metric, stated in json.loads(match.group(1)).items():
        measured = holdout_run.scores[metric]
        assert measured is not None and measured >= stated - 1e-9, (metric, measured, stated)


def test_a_runs_repr_shows_no_answer(holdout_run: EvalRun) -> None:
    # a failing assertion shows the run among the test's arguments: never a holdout answer
    shown = repr(holdout_run)
    assert "records" not in shown and "per_document" not in shown and "summary" not in shown
    assert holdout_run.label in shown
