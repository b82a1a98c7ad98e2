"""Extraction through a fake OpenAI-compatible endpoint: modes, retry and re-ask budgets, usage."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from conftest import ceplene_answer

from summarizer import errors
from summarizer.backends import ExtractionSettings
from summarizer.extraction import Correction, Extractor, retry_after_seconds, strict_json_schema
from summarizer.task import get_task
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.testing import FakeEndpoint, Reply, completion_body
from summarizer.types import Usage

TASK = get_task("regulatory")
MESSAGES = TASK.prompt.messages("EpiCept announced a negative CHMP opinion on Ceplene.")


def _extractor(endpoint: FakeEndpoint, **settings: Any) -> Extractor:
    base: dict[str, Any] = {"model": "fake", "max_retry_wait": 0.0}
    base.update(settings)
    return Extractor(ExtractionSettings(**base), TASK, client=endpoint.client(),
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
    answers = [ceplene_answer() for _ in range(3)]
    for i, answer in enumerate(answers):
        answer["headline"] = f"Headline {i}"
    endpoint = FakeEndpoint([Reply.answer(a) for a in answers])
    seen: list[str] = []

    def check(summary: RegulatorySummary) -> str | None:
        seen.append(summary.headline)
        return "outcome.decision contradicts the release"

    usage = Usage()
    summary = _extractor(endpoint, max_reasks=2).extract(MESSAGES, usage=usage, check=check)
    assert summary.headline == "Headline 2"  # the last answer, kept with its problems
    assert seen == ["Headline 0", "Headline 1"] and usage.attempts == 3 and usage.reasks == 2
    assert "outcome.decision contradicts the release" in json.dumps(endpoint.requests[1])


def test_a_model_that_repeats_its_answer_is_not_asked_again() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    usage = Usage()
    summary = _extractor(endpoint, max_reasks=3).extract(
        MESSAGES, usage=usage, check=lambda s: "outcome.decision contradicts the release")
    assert summary.outcome is not None
    assert usage.attempts == 2 and usage.reasks == 1 and len(endpoint.requests) == 2


@pytest.mark.parametrize("reasks", [0, 2])
def test_truncated_output_is_a_typed_error(reasks: int) -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer(), finish_reason="length")],
                            repeat_last=True)
    with pytest.raises(errors.OutputTruncatedError):
        _extractor(endpoint, max_reasks=reasks).extract(MESSAGES, usage=Usage())
    assert len(endpoint.requests) == min(reasks, 1) + 1  # asked once more only with re-asks left


@pytest.mark.parametrize("run", ["sync", "async"])
def test_an_answer_cut_off_is_asked_for_once_more_and_shorter(run: str) -> None:
    from summarizer.extraction import BRIEF

    endpoint = FakeEndpoint([Reply.answer(ceplene_answer(), finish_reason="length"),
                             Reply.answer(ceplene_answer())])
    usage = Usage()
    extractor = _extractor(endpoint, max_reasks=2)
    summary = (extractor.extract(MESSAGES, usage=usage) if run == "sync"
               else asyncio.run(extractor.aextract(MESSAGES, usage=usage)))
    assert summary.outcome is not None and usage.requests == 2 and usage.reasks == 1
    first, second = (r["messages"] for r in endpoint.requests)
    assert second[:-1] == first and second[-1] == {"role": "user", "content": BRIEF}


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
    _extractor(endpoint).extract(TASK.prompt.messages(text), usage=Usage())
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


# -- partial corrections ---------------------------------------------------------------------

WRONG_DECISION = "outcome.decision is 'approval' but the release says 'negative opinion'"


def _wrong_decision() -> dict[str, Any]:
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    return wrong


def _decision_check() -> Any:
    def check(summary: RegulatorySummary) -> Correction | None:
        if summary.outcome is not None and summary.outcome.decision == "approval":
            return Correction((WRONG_DECISION,), ("outcome.decision",))
        return None
    return check


def _schema_sent(request: dict[str, Any], mode: str) -> dict[str, Any]:
    if mode == "tools":
        schema: dict[str, Any] = request["tools"][0]["function"]["parameters"]
        return schema
    if mode == "json":
        return dict(request["response_format"]["schema"])
    return dict(request["response_format"]["json_schema"]["schema"])


@pytest.mark.parametrize("mode", ["tools", "json", "json_schema"])
def test_a_rule_error_asks_for_the_failing_fields_alone_in_the_same_conversation(
    mode: str,
) -> None:
    fix = {"outcome": {"decision": "negative_opinion", "direction": "unfavorable"}}
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision(), prompt_tokens=1000,
                                          completion_tokens=400),
                             Reply.answer(fix, prompt_tokens=1450, completion_tokens=20)])
    usage = Usage()
    summary = _extractor(endpoint, mode=mode).extract(MESSAGES, usage=usage,
                                                      check=_decision_check())
    # merged: the corrected decision, everything else as first answered
    expected = RegulatorySummary.model_validate(ceplene_answer())
    assert summary.model_dump() == expected.model_dump()
    assert usage.model_dump() == {"prompt_tokens": 2450, "completion_tokens": 420,
                                  "requests": 2, "attempts": 2, "reasks": 1}
    first, second = endpoint.requests
    schema = _schema_sent(second, mode)
    assert set(schema["properties"]) == {"outcome"}
    part = schema["$defs"]["OutcomeCorrection"]
    assert set(part["properties"]) == {"decision", "direction"}
    assert set(_schema_sent(first, mode)["properties"]) >= {"headline", "outcome", "sentiment"}
    # the conversation goes on: the first request, the model's answer as sent, the correction
    assert second["messages"][:2] == first["messages"]
    answer, correction = second["messages"][2], second["messages"][3]
    assert answer["role"] == "assistant"
    if mode == "tools":
        call = answer["tool_calls"][0]
        assert json.loads(call["function"]["arguments"]) == _wrong_decision()
        assert correction["role"] == "tool" and correction["tool_call_id"] == call["id"]
        assert second["tool_choice"]["function"]["name"] == "SummaryCorrection"
    else:
        assert json.loads(answer["content"]) == _wrong_decision()
        assert correction["role"] == "user"
    if mode == "json_schema":
        assert second["response_format"]["json_schema"]["name"] == "SummaryCorrection"
    assert WRONG_DECISION in correction["content"]
    assert "outcome.decision, outcome.direction" in correction["content"]
    assert "full summary" not in correction["content"]


def test_the_async_path_corrects_in_part_too() -> None:
    fix = {"outcome": {"decision": "negative_opinion", "direction": "unfavorable"}}
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision()), Reply.answer(fix)])
    usage = Usage()
    summary = asyncio.run(_extractor(endpoint, mode="json").aextract(
        MESSAGES, usage=usage, check=_decision_check()))
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    assert usage.reasks == 1 and usage.attempts == 2
    assert set(endpoint.requests[1]["response_format"]["schema"]["properties"]) == {"outcome"}


def test_an_unusable_first_answer_is_regenerated_whole() -> None:
    not_json = Reply.raw(json.dumps(completion_body(
        {"model": "fake"}, Reply(payload={}), 1)).replace('"{}"', '"{not json"').encode())
    endpoint = FakeEndpoint([not_json, Reply.answer(_wrong_decision()),
                             Reply.answer({"outcome": {"decision": "negative_opinion",
                                                       "direction": "unfavorable"}})])
    usage = Usage()
    summary = _extractor(endpoint, mode="json", max_reasks=2).extract(
        MESSAGES, usage=usage, check=_decision_check())
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    assert usage.attempts == 3 and usage.reasks == 2
    full = set(strict_json_schema(RegulatorySummary)["properties"])
    sent = [set(r["response_format"]["schema"]["properties"]) for r in endpoint.requests]
    assert sent == [full, full, {"outcome"}]  # invalid JSON: the whole summary again


def test_a_correction_that_never_validates_leaves_the_first_answer_standing() -> None:
    bad_fix = {"outcome": {"decision": "great", "direction": "favorable"}}
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision()), Reply.answer(bad_fix)],
                            repeat_last=True)
    usage = Usage()
    summary = _extractor(endpoint, mode="json", max_reasks=2).extract(
        MESSAGES, usage=usage, check=_decision_check())
    assert summary.outcome is not None and summary.outcome.decision == "approval"
    assert usage.attempts == 3 and usage.reasks == 2  # the budget bounds the correction too
    third = endpoint.requests[2]
    assert set(third["response_format"]["schema"]["properties"]) == {"outcome"}
    assert "validation error" in third["messages"][-1]["content"].lower()


def test_corrections_stop_when_the_reask_budget_is_spent() -> None:
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision()),
                             Reply.answer({"outcome": {"decision": "approval",
                                                       "direction": "neutral"}}),
                             Reply.answer({"outcome": {"decision": "approval",
                                                       "direction": "unfavorable"}})])
    usage = Usage()
    summary = _extractor(endpoint, mode="json", max_reasks=2).extract(
        MESSAGES, usage=usage, check=_decision_check())
    assert summary.outcome is not None and summary.outcome.decision == "approval"
    assert summary.outcome.direction == "unfavorable"  # the last correction, merged
    assert usage.attempts == 3 and usage.reasks == 2
    # each correction goes on from the last one: the prompt prefix stays the same
    assert endpoint.requests[2]["messages"][:4] == endpoint.requests[1]["messages"]


def test_a_check_that_gives_only_a_message_asks_for_the_whole_summary() -> None:
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision()), Reply.answer(ceplene_answer())])
    calls: list[str] = []

    def check(summary: RegulatorySummary) -> str | None:
        calls.append(summary.outcome.decision if summary.outcome else "")
        return "wrong decision" if calls[-1] == "approval" else None

    summary = _extractor(endpoint, mode="json").extract(MESSAGES, usage=Usage(), check=check)
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    assert calls == ["approval", "negative_opinion"]
    second = endpoint.requests[1]
    assert second["response_format"]["schema"] == strict_json_schema(RegulatorySummary)
    assert "full summary" in second["messages"][-1]["content"]


def test_transport_failure_during_a_correction_is_still_an_error() -> None:
    endpoint = FakeEndpoint([Reply.answer(_wrong_decision()), Reply.status(500)],
                            repeat_last=True)
    usage = Usage()
    with pytest.raises(errors.BackendStatusError):
        _extractor(endpoint, mode="json", max_attempts=2).extract(
            MESSAGES, usage=usage, check=_decision_check())
    assert usage.requests == 3 and usage.attempts == 1
