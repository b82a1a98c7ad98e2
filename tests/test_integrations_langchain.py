"""``SummarizerRunnable`` against the real langchain-core: invoke, batch, async, LCEL, config."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from conftest import CORPUS, ceplene_answer, corpus_text

pytest.importorskip("langchain_core", reason="the LangChain integration needs langchain-core")

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables import Runnable, RunnableLambda

from summarizer import ConfigurationError, InputError, Summarizer, SummaryResult
from summarizer.batching import BatchItem
from summarizer.integrations.langchain import SummarizerRunnable
from summarizer.testing import LoopbackServer, Reply

CEPLENE = corpus_text("d01")
RULES = {"backend": "rules"}


class Recorder(BaseCallbackHandler):
    """Collects the chain runs LangChain reports (what a tracer would see)."""

    def __init__(self) -> None:
        self.starts: list[dict[str, Any]] = []
        self.ends: list[Any] = []
        self.errors: list[BaseException] = []

    def on_chain_start(self, serialized: dict[str, Any] | None, inputs: Any, *,
                       run_id: UUID, **kwargs: Any) -> None:
        self.starts.append({"name": kwargs.get("name"), "tags": kwargs.get("tags"),
                            "metadata": kwargs.get("metadata"), "inputs": inputs})

    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        self.ends.append(outputs)

    def on_chain_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self.errors.append(error)


def _llm_summarizer(server: LoopbackServer) -> Summarizer:
    return Summarizer(base_url=server.base_url, model="local", mode="json", max_attempts=1,
                      max_reasks=0, timeout=10)


def test_it_is_a_runnable_and_invokes_on_text() -> None:
    runnable = SummarizerRunnable(RULES)
    assert isinstance(runnable, Runnable)
    result = runnable.invoke(CEPLENE)
    assert isinstance(result, SummaryResult)
    assert result.summary is not None and result.summary.outcome is not None
    assert (result.summary.outcome.agency, result.summary.outcome.decision) == (
        "EMA", "negative_opinion")


def test_input_forms_carry_id_and_date() -> None:
    runnable = SummarizerRunnable(Summarizer(backend="rules"))
    by_mapping = runnable.invoke({"text": CEPLENE, "id": "d01", "published": "2008-03-20"})
    by_tuple = runnable.invoke(("d01-tuple", CEPLENE))
    by_item = runnable.invoke(BatchItem("d01-item", CEPLENE, "2008-03-20"))
    by_path = runnable.invoke(CORPUS / "docs" / "d01.txt")
    assert [r.source for r in (by_mapping, by_tuple, by_item)] == ["d01", "d01-tuple", "d01-item"]
    assert by_mapping.meta is not None and by_mapping.meta.published == "2008-03-20"
    assert by_path.source is not None and Path(by_path.source).name == "d01.txt"
    with pytest.raises(InputError, match="'text' key"):
        runnable.invoke({"body": CEPLENE})
    with pytest.raises(InputError, match="cannot summarize a int"):
        runnable.invoke(42)


def test_record_output_is_plain_json() -> None:
    record = SummarizerRunnable(RULES, output="record").invoke({"text": CEPLENE, "id": "d01"})
    assert isinstance(record, dict) and record["source"] == "d01"
    assert json.loads(json.dumps(record))["summary"]["outcome"]["decision"] == "negative_opinion"


def test_in_an_lcel_chain_with_config_passthrough() -> None:
    def load(doc_id: str) -> dict[str, str]:
        return {"id": doc_id, "text": corpus_text(doc_id), "published": "2008-03-20"}

    chain = RunnableLambda(load) | SummarizerRunnable(RULES, output="record")
    handler = Recorder()
    record = chain.invoke("d01", config={"callbacks": [handler], "tags": ["pharma"],
                                         "metadata": {"desk": "eu"}})
    assert record["source"] == "d01" and record["summary"]["outcome"]["agency"] == "EMA"
    names = [s["name"] for s in handler.starts]
    assert "SummarizerRunnable" in names and "load" in names
    ours = handler.starts[names.index("SummarizerRunnable")]
    assert "pharma" in ours["tags"] and ours["metadata"]["desk"] == "eu"
    assert ours["inputs"]["id"] == "d01"  # what the upstream step produced
    assert record in handler.ends

    named = SummarizerRunnable(RULES).with_config(run_name="summarize-release")
    handler = Recorder()
    named.invoke(CEPLENE, config={"callbacks": [handler]})
    assert [s["name"] for s in handler.starts] == ["summarize-release"]


def test_invoke_raises_the_summarizer_error_and_reports_it() -> None:
    handler = Recorder()
    with pytest.raises(InputError):
        SummarizerRunnable(RULES).invoke("", config={"callbacks": [handler]})
    assert len(handler.errors) == 1 and isinstance(handler.errors[0], InputError)
    failed = SummarizerRunnable(RULES, errors="record").invoke(("empty", "   "))
    assert isinstance(failed, SummaryResult) and failed.source == "empty"
    assert failed.error is not None and failed.error.type == "InputError"


def test_batch_keeps_order_and_bounds_concurrency_by_max_concurrency() -> None:
    state = {"active": 0, "peak": 0}
    lock = threading.Lock()

    def slow(_: dict[str, Any]) -> Reply:
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        time.sleep(0.3)
        with lock:
            state["active"] -= 1
        return Reply.answer(ceplene_answer())

    inputs = [(f"doc-{i}", CEPLENE) for i in range(6)]
    with LoopbackServer(responder=slow) as server:
        runnable = SummarizerRunnable(_llm_summarizer(server), concurrency=8)
        handler = Recorder()
        results = runnable.batch(inputs, config={"max_concurrency": 2, "callbacks": [handler]})
        assert len(server.requests) == 6
    assert [r.source for r in results] == [f"doc-{i}" for i in range(6)]
    assert all(r.ok for r in results)
    assert state["peak"] == 2  # the summarizer's own bound, taken from the config
    assert len(handler.starts) == 6 and len(handler.ends) == 6  # one traced run per input


def test_batch_errors_raise_return_or_record() -> None:
    inputs: list[Any] = [("good", CEPLENE), ("empty", ""), {"no": "text"}]
    runnable = SummarizerRunnable(RULES)
    with pytest.raises(InputError):
        runnable.batch(inputs)
    mixed = runnable.batch(inputs, return_exceptions=True)
    assert isinstance(mixed[0], SummaryResult) and mixed[0].source == "good"
    assert isinstance(mixed[1], InputError) and isinstance(mixed[2], InputError)
    records = SummarizerRunnable(RULES, errors="record", output="record").batch(inputs)
    assert [r["error"] is None for r in records] == [True, False, False]
    assert records[1]["source"] == "empty" and records[1]["error"]["type"] == "InputError"


def test_async_invoke_and_batch_over_http() -> None:
    async def main(runnable: SummarizerRunnable) -> tuple[Any, list[Any]]:
        one = await runnable.ainvoke({"text": CEPLENE, "id": "one"})
        many = await runnable.abatch([("a", CEPLENE), ("b", CEPLENE), ("c", "")],
                                     config={"max_concurrency": 2}, return_exceptions=True)
        return one, many

    with LoopbackServer([Reply.answer(ceplene_answer())], repeat_last=True) as server:
        one, many = asyncio.run(main(SummarizerRunnable(_llm_summarizer(server))))
        assert len(server.requests) == 3
    assert one.source == "one" and one.summary.outcome.decision == "negative_opinion"
    assert [m.source for m in many[:2]] == ["a", "b"] and isinstance(many[2], InputError)


def test_stream_and_bad_options() -> None:
    chunks = list(SummarizerRunnable(RULES, output="record").stream(CEPLENE))
    assert len(chunks) == 1 and chunks[0]["summary"]["outcome"]["agency"] == "EMA"
    with pytest.raises(ConfigurationError, match="output"):
        SummarizerRunnable(RULES, output="json")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="errors"):
        SummarizerRunnable(RULES, errors="ignore")  # type: ignore[arg-type]
