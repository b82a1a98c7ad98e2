"""Faults over a real socket: a scripted OpenAI-compatible server on 127.0.0.1 (not a mock).

Each fault ends in success within the retry budget or in the right typed error, with usage
counted; in a batch the other documents still complete and the failed one is an error record.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ceplene_answer, corpus_text

from summarizer import (
    BackendConnectionError,
    BackendStatusError,
    BackendTimeoutError,
    InvalidOutputError,
    OutputTruncatedError,
    RateLimitError,
    Summarizer,
)
from summarizer.cli import main
from summarizer.testing import LoopbackServer, Reply

TEXT = corpus_text("d01")


def _summarizer(server: LoopbackServer, **kwargs: Any) -> Summarizer:
    settings: dict[str, Any] = {"model": "local", "mode": "json", "max_attempts": 3,
                                "max_retry_wait": 2.0, "timeout": 2.0}
    settings.update(kwargs)
    return Summarizer(base_url=server.base_url, **settings)


def test_429_with_retry_after_is_honoured_then_succeeds() -> None:
    replies = [Reply.status(429, retry_after=0.3), Reply.answer(ceplene_answer())]
    with LoopbackServer(replies) as srv:
        started = time.perf_counter()
        result = _summarizer(srv).summarize(TEXT)
        waited = time.perf_counter() - started
    assert result.ok and result.usage.requests == 2 and waited >= 0.3


def test_retry_after_is_bounded_by_max_retry_wait() -> None:
    with LoopbackServer([Reply.status(429, retry_after=30), Reply.answer(ceplene_answer())]) as srv:
        started = time.perf_counter()
        result = _summarizer(srv, max_retry_wait=0.2).summarize(TEXT)
    assert result.ok and time.perf_counter() - started < 10


def test_429_until_budget_ends_in_rate_limit_error_with_usage() -> None:
    with LoopbackServer([Reply.status(429, retry_after=0)], repeat_last=True) as srv:
        with pytest.raises(RateLimitError) as info:
            _summarizer(srv).summarize(TEXT)
    assert info.value.usage is not None and info.value.usage.requests == 3


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried(status: int) -> None:
    with LoopbackServer([Reply.status(status), Reply.answer(ceplene_answer())]) as srv:
        result = _summarizer(srv, max_retry_wait=0.05).summarize(TEXT)
    assert result.ok and result.usage.requests == 2


def test_persistent_server_error_is_a_status_error() -> None:
    with LoopbackServer([Reply.status(503)], repeat_last=True) as srv:
        with pytest.raises(BackendStatusError) as info:
            _summarizer(srv, max_retry_wait=0.05).summarize(TEXT)
    assert info.value.status_code == 503 and info.value.usage is not None
    assert info.value.usage.requests == 3


def test_connection_reset_is_retried() -> None:
    with LoopbackServer([Reply.reset(), Reply.answer(ceplene_answer())]) as srv:
        result = _summarizer(srv, max_retry_wait=0.05).summarize(TEXT)
    assert result.ok and result.usage.requests == 2


def test_connection_reset_every_time_is_a_connection_error() -> None:
    with LoopbackServer([Reply.reset()], repeat_last=True) as srv:
        with pytest.raises(BackendConnectionError):
            _summarizer(srv, max_retry_wait=0.05, max_attempts=2).summarize(TEXT)


def test_read_timeout_is_retried_then_typed() -> None:
    stall = Reply(payload=None, delay=1.5, body=b"{}")
    with LoopbackServer([stall, Reply.answer(ceplene_answer())]) as srv:
        result = _summarizer(srv, timeout=0.5, max_retry_wait=0.05).summarize(TEXT)
    assert result.ok and result.usage.requests == 2
    with LoopbackServer([stall], repeat_last=True) as srv, pytest.raises(BackendTimeoutError):
        _summarizer(srv, timeout=0.5, max_attempts=2, max_retry_wait=0.05).summarize(TEXT)


def test_malformed_json_body_is_an_invalid_output_error() -> None:
    with LoopbackServer([Reply.raw(b'{"choices": [tru')], repeat_last=True) as srv:
        with pytest.raises((InvalidOutputError, BackendStatusError)):
            _summarizer(srv, max_retry_wait=0.05).summarize(TEXT)


def test_truncated_output_is_an_output_truncated_error_with_usage() -> None:
    with LoopbackServer([Reply.answer(ceplene_answer(), finish_reason="length")],
                        repeat_last=True) as srv:
        with pytest.raises(OutputTruncatedError) as info:
            _summarizer(srv).summarize(TEXT)
    # asked once more for a shorter answer, cut off again
    assert info.value.usage is not None and info.value.usage.completion_tokens == 100
    assert info.value.usage.requests == 2


def test_answer_that_never_validates_uses_the_reask_budget() -> None:
    broken = ceplene_answer()
    broken["outcome"]["decision"] = "great news"
    with LoopbackServer([Reply.answer(broken)], repeat_last=True) as srv:
        with pytest.raises(InvalidOutputError) as info:
            _summarizer(srv, max_reasks=2).summarize(TEXT)
    usage = info.value.usage
    assert usage is not None and usage.attempts == 3 and usage.prompt_tokens == 300


def test_batch_keeps_going_when_one_document_fails(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT.replace("EpiCept", f"EpiCept{name}"))

    def responder(body: dict[str, Any]) -> Reply:
        if "EpiCeptb" in json.dumps(body):
            return Reply.status(500)
        return Reply.answer(ceplene_answer())

    with LoopbackServer(responder=responder) as srv:
        out = tmp_path / "out.jsonl"
        code = main(["summarize", str(tmp_path), "--base-url", srv.base_url, "--model", "local",
                     "--mode", "json", "--max-attempts", "2", "-o", str(out)])
    records = {Path(r["source"]).stem: r for r in map(json.loads, out.read_text().splitlines())}
    assert code == 1 and set(records) == {"a", "b", "c"}
    assert records["b"]["error"]["code"] == "http_status" and records["b"]["usage"]["requests"] == 2
    assert records["a"]["summary"] and records["c"]["summary"]
    assert "Traceback" not in capsys.readouterr().err
