"""LLM calls: schema-constrained extraction through instructor, with two separate budgets.

* Transport retries (tenacity, around each HTTP request): connection errors, timeouts, 429 and
  5xx are retried with exponential backoff and jitter, honouring ``Retry-After``; 400/401/403/404
  and other client errors never are. ``max_attempts`` counts HTTP attempts per model answer.
* Validation re-asks (instructor's re-ask mechanism, ``max_reasks``): a schema error, or a rule
  error reported by the ``check`` callable through the validation context, is sent back to the
  model to correct. On the last answer the check stops objecting, so the answer is kept and its
  remaining problems are reported as findings instead of being lost.

Every response's token usage is added to the caller's ``Usage``, failed attempts included.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Awaitable, Callable
from typing import Any

import instructor
import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorRetryException,
)
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from summarizer import errors
from summarizer.backends import ExtractionSettings
from summarizer.schemas.summary import SOURCE_CHECK_KEY, RegulatorySummary
from summarizer.types import Usage

__all__ = ["Extractor", "map_error", "retry_after_seconds", "strict_json_schema"]

_INSTRUCTOR_MODE = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON_SCHEMA,  # response_format replaced below; no schema in the prompt
    "json_schema": instructor.Mode.JSON_SCHEMA,
}

Check = Callable[[RegulatorySummary], "str | None"]


def strict_json_schema() -> dict[str, Any]:
    """The JSON Schema sent to the model, in OpenAI strict form (all required, no extras)."""
    from openai.lib._pydantic import to_strict_json_schema

    return to_strict_json_schema(RegulatorySummary)


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, openai.APIStatusError) else None


def _is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    status = _status(exc)
    return status is not None and (status in (408, 409, 429) or status >= 500)


def retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``Retry-After`` / ``retry-after-ms``), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return None if parsed is None else max(0.0, parsed.timestamp() - time.time())


class _TransportWait:
    """tenacity wait: the server's ``Retry-After`` when given (capped), else backoff with jitter."""

    def __init__(self, cap: float) -> None:
        self.cap = cap
        self._backoff = wait_random_exponential(multiplier=0.5, max=cap)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = retry_after_seconds(exc) if exc is not None else None
        if hinted is not None:
            return min(hinted, self.cap)
        return float(self._backoff(state))


def _add_usage(usage: Usage, response: Any) -> None:
    counted = getattr(response, "usage", None)
    usage.attempts += 1
    if counted is not None:
        usage.prompt_tokens += int(getattr(counted, "prompt_tokens", 0) or 0)
        usage.completion_tokens += int(getattr(counted, "completion_tokens", 0) or 0)


def _jinja_literal(text: str) -> str:
    """Escape text so instructor's Jinja templating of messages renders it back unchanged.

    instructor renders every message as a Jinja template whenever a validation context is given;
    a release containing ``{{`` or ``{%`` must reach the model as text, not run as a template.
    """
    return text.replace("{", "{{ '{' }}")


def map_error(exc: BaseException, usage: Usage) -> errors.SummarizerError:
    """Translate an openai/instructor exception into the summarizer's typed error (no secrets)."""
    if isinstance(exc, errors.SummarizerError):
        exc.usage = exc.usage or usage
        return exc
    if isinstance(exc, IncompleteOutputException):
        return errors.OutputTruncatedError(
            "the model stopped at its output token limit (finish_reason=length); "
            "raise max_output_tokens or shorten the input",
            usage=usage,
        )
    if isinstance(exc, InstructorRetryException):
        cause = exc.__cause__
        if isinstance(cause, errors.SummarizerError | openai.OpenAIError):
            return map_error(cause, usage)
        return errors.InvalidOutputError(
            f"the model's answer did not validate after {exc.n_attempts} attempt(s): "
            f"{_short(str(cause or exc))}",
            usage=usage,
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return errors.AuthenticationError(
            f"the endpoint refused the credentials (HTTP {_status(exc)}); check the API key",
            usage=usage,
        )
    if isinstance(exc, openai.RateLimitError):
        return errors.RateLimitError("rate limited (HTTP 429) on every attempt", usage=usage)
    if isinstance(exc, openai.APITimeoutError):
        return errors.BackendTimeoutError("the endpoint timed out on every attempt", usage=usage)
    if isinstance(exc, openai.APIConnectionError):
        return errors.BackendConnectionError(
            f"could not reach the endpoint on any attempt: {_short(str(exc))}", usage=usage
        )
    if isinstance(exc, openai.APIStatusError):
        return errors.BackendStatusError(
            f"the endpoint answered HTTP {exc.status_code}: {_short(exc.message)}",
            status_code=exc.status_code,
            usage=usage,
        )
    if isinstance(exc, openai.APIResponseValidationError | ValueError):
        return errors.InvalidOutputError(
            f"the endpoint's answer could not be read: {_short(str(exc))}", usage=usage
        )
    return errors.BackendError(f"{type(exc).__name__}: {_short(str(exc))}", usage=usage)


def _short(text: str, limit: int = 500) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Call:
    """State of one extraction: usage, answers seen, and the check that may demand a re-ask."""

    def __init__(self, settings: ExtractionSettings, usage: Usage, check: Check | None) -> None:
        self.settings = settings
        self.usage = usage
        self.check = check
        self.answers = 0

    def before_request(self) -> None:
        budget = self.settings.token_budget
        if budget is not None and self.usage.total_tokens >= budget:
            raise errors.TokenBudgetError(
                f"token budget of {budget} exhausted after {self.usage.total_tokens} tokens",
                usage=self.usage,
            )
        self.usage.requests += 1

    def after_response(self, response: Any) -> None:
        self.answers += 1
        if self.answers > 1:
            self.usage.reasks += 1
        _add_usage(self.usage, response)

    def source_check(self, summary: RegulatorySummary) -> str | None:
        # the last answer is accepted as it is: its problems become findings, not an exception
        if self.check is None or self.answers > self.settings.max_reasks:
            return None
        return self.check(summary)

    def request(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        s = self.settings
        kwargs: dict[str, Any] = {
            "model": s.model,
            "messages": [{**m, "content": _jinja_literal(m["content"])} for m in messages],
            "response_model": RegulatorySummary,
            "max_retries": s.max_reasks,
            "context": {SOURCE_CHECK_KEY: self.source_check},
            "strict": False,
        }
        if s.temperature is not None:
            kwargs["temperature"] = s.temperature
        if s.seed is not None:
            kwargs["seed"] = s.seed
        if s.max_output_tokens is not None:
            kwargs["max_tokens"] = s.max_output_tokens
        extra = dict(s.extra_body)
        if s.mode == "json":
            extra["response_format"] = {"type": "json_object", "schema": strict_json_schema()}
        elif s.mode == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": "RegulatorySummary",
                    "strict": True,
                    "schema": strict_json_schema(),
                },
            }
        if extra:
            kwargs["extra_body"] = extra
        return kwargs

    def retrying(self) -> Retrying:
        return Retrying(
            stop=stop_after_attempt(max(1, self.settings.max_attempts)),
            wait=_TransportWait(self.settings.max_retry_wait),
            retry=retry_if_exception(_is_retryable),
            reraise=True,
        )

    def aretrying(self) -> AsyncRetrying:
        return AsyncRetrying(
            stop=stop_after_attempt(max(1, self.settings.max_attempts)),
            wait=_TransportWait(self.settings.max_retry_wait),
            retry=retry_if_exception(_is_retryable),
            reraise=True,
        )


class Extractor:
    """Runs one schema-constrained extraction on an OpenAI-compatible client."""

    def __init__(
        self,
        settings: ExtractionSettings,
        *,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.async_client = async_client

    def extract(
        self, messages: list[dict[str, str]], *, usage: Usage, check: Check | None = None
    ) -> RegulatorySummary:
        """One validated summary for ``messages``; raises a ``SummarizerError`` on failure."""
        if self.client is None:
            raise errors.ConfigurationError("this summarizer has no synchronous client")
        client = self.client
        call = _Call(self.settings, usage, check)

        def create(*args: Any, **kwargs: Any) -> Any:
            for attempt in call.retrying():
                with attempt:
                    call.before_request()
                    response = client.chat.completions.create(*args, **kwargs)
            call.after_response(response)
            return response

        patched = instructor.patch(create=create, mode=_INSTRUCTOR_MODE[self.settings.mode])
        try:
            result: RegulatorySummary = patched(**call.request(messages))
        except Exception as exc:  # every failure leaves as a typed SummarizerError
            raise map_error(exc, usage) from exc
        return result

    async def aextract(
        self, messages: list[dict[str, str]], *, usage: Usage, check: Check | None = None
    ) -> RegulatorySummary:
        """Async twin of ``extract``."""
        if self.async_client is None:
            raise errors.ConfigurationError("this summarizer has no asynchronous client")
        client = self.async_client
        call = _Call(self.settings, usage, check)

        async def create(*args: Any, **kwargs: Any) -> Any:
            async for attempt in call.aretrying():
                with attempt:
                    call.before_request()
                    response = await client.chat.completions.create(*args, **kwargs)
            call.after_response(response)
            return response

        patched: Callable[..., Awaitable[RegulatorySummary]] = instructor.patch(
            create=create, mode=_INSTRUCTOR_MODE[self.settings.mode]
        )
        try:
            return await patched(**call.request(messages))
        except Exception as exc:
            raise map_error(exc, usage) from exc
