"""Extraction through a fake OpenAI-compatible endpoint: modes, retry and re-ask budgets, usage."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from conftest import ceplene_answer

from summarizer import errors
from summarizer.backends import ExtractionSettings
from summarizer.extraction import Extractor, retry_after_seconds
from summarizer.task import get_task
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.testing import FakeEndpoint, Reply, completion_body
from summarizer.types import Usage

PROMPT = get_task("regulatory").prompt
MESSAGES = PROMPT.messages("EpiCept announced a negative CHMP opinion on Ceplene.")


def _extractor(endpoint: FakeEndpoint, **settings: Any) -> Extractor:
    base: dict[str, Any] = {"model": "fake", "max_retry_wait": 0.0}
    base.update(settings)
    return Extractor(ExtractionSettings(**base), RegulatorySummary, client=endpoint.client(),
                     async_client=endpoint.async_client())


@pytest.mark.parametrize("mode", ["tools", "json", "json_schema"])
def test_each_mode_returns_a_validated_summary(mode: str) -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    usage = Usage()
    summary = _extractor(endpoint, mode=mode).extract(MESSAGES, usage=usage)
    assert isinstance(summary, RegulatorySummary)
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    request = endpoint.requests[0]
    if mode == "tools":
        assert request["tool_choice"]["type"] == "function"
        assert "start" not in json.dumps(request["tools"][0]["function"]["parameters"])
    elif mode == "json":
        assert request["response_format"]["type"] == "json_object"
        assert request["response_format"]["schema"]["additionalProperties"] is False
    else:
        assert request["response_format"]["type"] == "json_schema"
        assert request["response_format"]["json_schema"]["strict"] is True
    assert usage.model_dump() == {"prompt_tokens": 100, "completion_tokens": 50, "requests": 1,
                                  "attempts": 1, "reasks": 0}


def test_transport_retries_honour_retry_after_and_count_requests() -> None:
    endpoint = FakeEndpoint([Reply.status(429, retry_after=0), Reply.status(503),
                             Reply.answer(ceplene_answer())])
    usage = Usage()
    summary = _extractor(endpoint, max_attempts=3).extract(MESSAGES, usage=usage)
    assert summary.outcome is not None
    assert usage.requests == 3 and usage.attempts == 1 and usage.reasks == 0


def test_transport_budget_exhausted_raises_typed_error_with_usage() -> None:
    endpoint = FakeEndpoint([Reply.status(429, retry_after=0)], repeat_last=True)
    usage = Usage()
    with pytest.raises(errors.RateLimitError) as info:
        _extractor(endpoint, max_attempts=2).extract(MESSAGES, usage=usage)
    assert info.value.usage is usage and usage.requests == 2


@pytest.mark.parametrize(("status", "error"), [
    (400, errors.BackendStatusError), (401, errors.AuthenticationError),
    (403, errors.AuthenticationError), (404, errors.BackendStatusError),
])
def test_client_errors_are_never_retried(status: int, error: type[Exception]) -> None:
    endpoint = FakeEndpoint([Reply.status(status)], repeat_last=True)
    usage = Usage()
    with pytest.raises(error):
        _extractor(endpoint, max_attempts=4).extract(MESSAGES, usage=usage)
    assert usage.requests == 1


def test_invalid_answer_is_reasked_and_usage_sums_every_attempt() -> None:
    broken = ceplene_answer()
    broken["outcome"]["decision"] = "approved-ish"  # not a code
    endpoint = FakeEndpoint([Reply.answer(broken), Reply.answer(ceplene_answer())])
    usage = Usage()
    summary = _extractor(endpoint, max_reasks=2).extract(MESSAGES, usage=usage)
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    assert usage.attempts == 2 and usage.reasks == 1 and usage.prompt_tokens == 200
    reask = endpoint.requests[1]["messages"][-1]["content"]
    assert "decision" in reask


def test_answer_that_never_validates_raises_invalid_output_after_budget() -> None:
    broken = ceplene_answer()
    broken["sentiment"]["label"] = "great"
    endpoint = FakeEndpoint([Reply.answer(broken)], repeat_last=True)
    usage = Usage()
    with pytest.raises(errors.InvalidOutputError) as info:
        _extractor(endpoint, max_reasks=1).extract(MESSAGES, usage=usage)
    assert usage.attempts == 2 and info.value.usage is usage


def test_rule_check_triggers_reask_then_last_answer_is_kept() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    seen: list[str] = []

    def check(summary: RegulatorySummary) -> str | None:
        seen.append(summary.headline)
        return "outcome.decision contradicts the release"

    usage = Usage()
    summary = _extractor(endpoint, max_reasks=2).extract(MESSAGES, usage=usage, check=check)
    assert summary.outcome is not None
    assert len(seen) == 2 and usage.attempts == 3 and usage.reasks == 2
    assert "outcome.decision contradicts the release" in json.dumps(endpoint.requests[1])


def test_truncated_output_is_a_typed_error() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer(), finish_reason="length")])
    with pytest.raises(errors.OutputTruncatedError):
        _extractor(endpoint).extract(MESSAGES, usage=Usage())


def test_malformed_json_body_is_a_typed_error() -> None:
    endpoint = FakeEndpoint([Reply.raw(b"{not json")], repeat_last=True)
    with pytest.raises(errors.SummarizerError):
        _extractor(endpoint, max_attempts=2).extract(MESSAGES, usage=Usage())


def test_token_budget_stops_reasks() -> None:
    broken = ceplene_answer()
    broken["outcome"]["agency"] = "FDAX"
    endpoint = FakeEndpoint([Reply.answer(broken)], repeat_last=True)
    usage = Usage()
    with pytest.raises(errors.TokenBudgetError):
        _extractor(endpoint, max_reasks=5, token_budget=250).extract(MESSAGES, usage=usage)
    assert usage.total_tokens >= 250 and usage.attempts == 2


def test_template_syntax_in_document_reaches_the_model_verbatim() -> None:
    text = "Ceplene {{ 7*7 }} {% raw %} {# x #} {%- endraw %} }} {"
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    _extractor(endpoint).extract(PROMPT.messages(text), usage=Usage())
    sent = endpoint.requests[0]["messages"][-1]["content"]
    assert text in sent and "49" not in sent


def test_async_extract_counts_usage() -> None:
    endpoint = FakeEndpoint([Reply.status(500), Reply.answer(ceplene_answer())])
    usage = Usage()
    summary = asyncio.run(_extractor(endpoint).aextract(MESSAGES, usage=usage))
    assert summary.outcome is not None and usage.requests == 2 and usage.attempts == 1


def test_retry_after_header_forms() -> None:
    class Exc:
        def __init__(self, headers: dict[str, str]) -> None:
            self.response = type("R", (), {"headers": headers})()

    assert retry_after_seconds(Exc({"retry-after": "2"})) == 2.0  # type: ignore[arg-type]
    assert retry_after_seconds(Exc({"retry-after-ms": "1500"})) == 1.5  # type: ignore[arg-type]
    assert retry_after_seconds(Exc({})) is None  # type: ignore[arg-type]
    assert retry_after_seconds(Exc({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0.0  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["tools", "json"])
def test_raw_control_characters_in_strings_are_escaped_not_reasked(mode: str) -> None:
    # a local answer with a real tab and line break inside strings failed 3 times ("Invalid
    # JSON: control character ... found while parsing a string"), though otherwise whole
    answer = ceplene_answer()
    answer["summary"] = "The CHMP adopted\ta negative opinion.\nEpiCept asked for re-examination."
    request = {"tools": [{"function": {"name": "RegulatorySummary"}}]} if mode == "tools" else {}
    body = completion_body(request, Reply.answer(answer))
    message = body["choices"][0]["message"]
    broken = json.dumps(answer, indent=1).replace("\\t", "\t").replace("\\n", "\n")
    if mode == "tools":
        message["tool_calls"][0]["function"]["arguments"] = broken
    else:
        message["content"] = broken
    with pytest.raises(json.JSONDecodeError, match="control character"):
        json.loads(broken)
    endpoint = FakeEndpoint([Reply.raw(json.dumps(body).encode())])
    usage = Usage()
    summary = _extractor(endpoint, mode=mode, max_reasks=0).extract(MESSAGES, usage=usage)
    assert summary.summary == answer["summary"]  # as the model meant it
    assert usage.requests == 1 and usage.reasks == 0
