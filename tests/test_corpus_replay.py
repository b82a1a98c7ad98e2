"""The whole dev split through the full pipeline, replayed from cassettes of the local 1.5B model.

Record once (needs the llama.cpp server on 127.0.0.1:8765 serving the 1.5B GGUF, see
docs/testing.md):
    pytest tests/test_corpus_replay.py --record-mode=once
Replay: plain ``pytest``. The scores must stay at or above the figures the docs state
(docs/measured-figures.md).
Requests are matched in recorded order, and a document is re-asked at most as often as its
recording was: the recorded answers stay valid answers under later rules, but a re-ask the
recording does not hold has no answer to replay.
"""

from __future__ import annotations

import json

import pytest
from conftest import CASSETTES, CORPUS, replay_eval
from doc_pages import find

from summarizer.evaluation import CorpusItem, EvalRun, load_corpus
from summarizer.tasks.regulatory.scoring import METRICS

CASSETTE_DIR = CASSETTES / "corpus_local_1_5b"


@pytest.fixture(scope="module")
def corpus_run(request: pytest.FixtureRequest) -> EvalRun:
    record_mode = request.config.getoption("--record-mode") or "none"
    items = load_corpus(CORPUS)
    if record_mode == "none":  # replay what has been recorded (all 23 once recording is done)
        items = [item for item in items if (CASSETTE_DIR / f"{item.id}.yaml").exists()]
        if not items:
            pytest.skip("no corpus cassettes recorded yet; see the module docstring")
    return replay_eval(items, CASSETTE_DIR, record_mode, "local-1.5b")


def readme_figures() -> dict[str, float]:
    """The local-model metrics the docs state (the JSON after the ``local-metrics`` marker)."""
    match = find(r"<!-- local-metrics: (\{.*?\}) -->")
    assert match, "no page (README.md, docs/*.md) has the <!-- local-metrics: {...} --> marker"
    figures: dict[str, float] = json.loads(match.group(1))
    return figures


def test_every_recorded_document_replays_to_a_summary(corpus_run: EvalRun) -> None:
    failed = [r["id"] for r in corpus_run.records if r.get("error")]
    assert not failed, f"documents without a summary: {failed}"
    assert corpus_run.n >= 3


def test_metrics_are_at_least_what_the_readme_states(corpus_run: EvalRun) -> None:
    if corpus_run.n < 23:
        pytest.skip(f"only {corpus_run.n}/23 dev documents recorded; the stated figures are for "
                    "the whole split")
    figures = readme_figures()
    assert set(figures) >= {*METRICS, "overall"}
    for metric, stated in figures.items():
        measured = corpus_run.scores[metric]
        assert measured is not None and measured >= stated - 1e-9, (metric, measured, stated)


def test_usage_and_reasks_are_counted(corpus_run: EvalRun) -> None:
    assert corpus_run.usage.requests >= corpus_run.n
    assert corpus_run.usage.prompt_tokens > corpus_run.n * 500
    assert corpus_run.usage.attempts == corpus_run.usage.requests


def test_corpus_items_carry_only_text_and_date() -> None:
    item: CorpusItem = load_corpus(CORPUS)[0]
    assert item.read_text().startswith("EXHIBIT 99.1") and item.published is not None
