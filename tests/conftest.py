"""Shared fixtures: the corpus copy, a correct Ceplene summary, and a fake endpoint factory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openai
import pytest
import vcr

from summarizer import Summarizer
from summarizer.evaluation import CorpusItem, EvalRun, evaluate, load_corpus
from summarizer.recording import recorded_requests
from summarizer.recording import vcr_config as recording_config
from summarizer.tasks.regulatory.schema import RegulatorySummary

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


def corpus_text(doc_id: str) -> str:
    return (CORPUS / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")


def ceplene_answer() -> dict[str, Any]:
    """A correct, fully grounded answer for d01 (the Ceplene release), as a model would send it."""
    return {
        "is_regulatory_event": True,
        "company": "EpiCept Corporation",
        "headline": "CHMP issues a negative opinion on Ceplene; EpiCept requests re-examination.",
        "summary": "The CHMP adopted a negative opinion on the Ceplene MAA for AML. "
                   "EpiCept has requested a re-examination.",
        "outcome": {
            "evidence": {"quote": "has issued, as\nexpected following the trend vote announced "
                                  "last month, a negative opinion"},
            "agency_body": "CHMP",
            "agency": "EMA",
            "decision": "negative_opinion",
            "direction": "unfavorable",
            "products": [{"name": "Ceplene", "generic_name": "histamine dihydrochloride"}],
            "indication": "Acute Myeloid Leukemia",
            "decision_date": None,
            "application": "MAA",
        },
        "rationale": [{
            "statement": "The pivotal trial data were not adequately statistically compelling.",
            "source": "regulator",
            "evidence": {"quote": "The CHMP\nindicated that data from the single pivotal AML trial "
                                  "was not adequately\nstatistically compelling."},
        }],
        "next_steps": [{
            "actor": "company",
            "action": "Submit the detailed grounds for re-examination",
            "timing": "within 60 days",
            "due_date": None,
            "evidence": {"quote": "within 60 days of receipt of the negative opinion"},
        }],
        "sentiment": {
            "label": "negative", "score": -0.6, "rationale": "A negative CHMP opinion.",
            "evidence": {
                "quote": "we are nonetheless disappointed at the opinion reached by the CHMP"
            },
        },
    }


@pytest.fixture
def ceplene_text() -> str:
    return corpus_text("d01")


@pytest.fixture
def ceplene_summary() -> RegulatorySummary:
    return RegulatorySummary.model_validate(ceplene_answer())


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# -- recorded HTTP (pytest-recording / vcrpy) ----------------------------------------------------

CASSETTES = Path(__file__).parent.parent / "cassettes"
#: the OpenAI-compatible server the cassettes were recorded against (llama.cpp, see docs/testing.md)
RECORDED_BASE_URL = "http://127.0.0.1:8765/v1"
#: request matching for the corpus cassettes: in recorded order per document, not by body, so
#: prompt wording can evolve without a 70-minute re-recording (an extra request still fails)
ORDER_MATCHED = ("method", "scheme", "host", "port", "path", "query")


def local_summarizer(max_reasks: int = 2) -> Summarizer:
    """The configuration the local backend uses (json mode), pointed at the recorded server."""
    client = openai.OpenAI(base_url=RECORDED_BASE_URL, api_key="not-needed", max_retries=0,
                           timeout=1800)
    return Summarizer(client=client, model="local", mode="json", max_attempts=1,
                      max_reasks=max_reasks)


def replay_eval(items: list[CorpusItem], cassettes: Path, record_mode: str, label: str) -> EvalRun:
    """``items`` through the full pipeline, each from its cassette ``<cassettes>/<id>.yaml``.

    Requests are matched in recorded order, and a document is re-asked at most as often as its
    recording was: the recorded answers stay valid answers under later rules, but a re-ask the
    recording does not hold has no answer to replay. Recording allows two, for a document
    recorded now: "once" leaves an existing cassette as it is, so it replays like "none".
    """
    recorder = vcr.VCR(record_mode=record_mode,
                       **recording_config(match_on=ORDER_MATCHED, before_record_request=None))
    summarizers = {n: local_summarizer(n) for n in range(3)}

    def summarize(text: str, **kwargs: Any) -> Any:
        path = cassettes / f"{kwargs['source']}.yaml"
        replaying = record_mode == "none" or (record_mode == "once" and path.exists())
        reasks = max(0, min(2, recorded_requests(path) - 1)) if replaying else 2
        with recorder.use_cassette(str(path)):
            return summarizers[reasks].summarize(text, **kwargs)

    return evaluate(items, summarize, label=label)


def recorded_run(request: pytest.FixtureRequest, corpus: Path, cassettes: Path,
                 label: str) -> EvalRun:
    """A labelled set replayed from its cassettes (``replay_eval``): under ``--record-mode=none``
    only the releases recorded so far (skipped when none is), recording otherwise."""
    record_mode = request.config.getoption("--record-mode") or "none"
    items = load_corpus(corpus)
    if record_mode == "none":
        items = [item for item in items if (cassettes / f"{item.id}.yaml").exists()]
        if not items:
            pytest.skip(f"no cassettes recorded yet in {cassettes.name}; see docs/testing.md")
    return replay_eval(items, cassettes, record_mode, label)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    # the scrubbing rules live in the library, shared with the pytest plugin users record with;
    # our own cassettes keep every request (they only ever talk to the model server)
    return recording_config(before_record_request=None)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.split(".")[-1])


@pytest.fixture(autouse=True)
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI caches LLM results under $XDG_CACHE_HOME by default: never in the real home
    directory, and never shared between tests (a hit would hide the requests a test counts)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
