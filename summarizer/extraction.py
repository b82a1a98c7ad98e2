"""LLM calls: schema-constrained extraction through instructor, with two separate budgets.

* Transport retries (tenacity, around each HTTP request): connection errors, timeouts, 429 and
  5xx are retried with exponential backoff and jitter, honouring ``Retry-After``; 400/401/403/404
  and other client errors never are. ``max_attempts`` counts HTTP attempts per model answer.
* Re-asks (``max_reasks``, counted over both kinds): an answer that is not valid JSON of the
  schema is regenerated whole (instructor's re-ask, with the validation error); an answer that
  is valid but that the ``check`` callable objects to (the rules' errors, a ``Correction``) is
  corrected in part: the same conversation goes on with the task's short correction message
  and a response schema of the failing fields alone (``summarizer.corrections``), and the
  answer is merged into the first one. The last answer is kept as it is: its remaining problems
  are reported as findings instead of being lost, and so is a correction that never validates.

Every response's token usage is added to the caller's ``Usage``, failed attempts included. A raw
control character inside a JSON string of an answer (a tab, a line break) is escaped before the
answer is validated: the answer is otherwise whole and is not asked again for it.

An optional ``RequestGate`` (the batch runner's adaptive limiter, ``summarizer.batching``) wraps
every HTTP attempt of the async path: it decides when a request may start and sees how each one
ended (a 429 and its ``Retry-After``, or a success). This is the one place where the transport
retries and the concurrency control meet. An optional ``Lane`` (the batch runner's
``CpuLane``) is awaited after each answer, before instructor parses it and the rules check it:
in a batch that CPU work waits until the requests ready to go out have gone.
"""

from __future__ import annotations

import copy
import email.utils
import functools
import json
import re
import textwrap
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

import instructor
import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorRetryException,
)
from pydantic import BaseModel, ValidationError
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
from summarizer.corrections import FieldSet, correction_model, merge, same_answer
from summarizer.evidence import Answer
from summarizer.types import Usage

if TYPE_CHECKING:
    from summarizer.task import Task

__all__ = [
    "Check", "Correction", "Extractor", "Lane", "RequestGate", "map_error", "response_format",
    "retry_after_seconds", "strict_json_schema",
]

_INSTRUCTOR_MODE = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON_SCHEMA,  # response_format replaced below; no schema in the prompt
    "json_schema": instructor.Mode.JSON_SCHEMA,
}



@dataclass(frozen=True)
class Correction:
    """What a check found wrong with a valid answer: the problems, worded for the model, and the
    JSON paths of the answer they point at (the fields the correction asks for; none: all)."""

    problems: tuple[str, ...]
    paths: tuple[str, ...] = ()


#: a check of a valid answer: ``None`` when it may stand, else what to correct (a bare message
#: asks for the whole answer again)
Check = Callable[[Any], "Correction | str | None"]


class RequestGate(Protocol):
    """Admission control around each HTTP attempt (see ``summarizer.batching.AdaptiveLimiter``).

    ``acquire`` waits until a request may start and returns a ticket; ``release`` hands it back
    with how the attempt ended: the HTTP status (None: no answer, e.g. a connection error or a
    timeout) and the server's ``Retry-After`` in seconds, if any.
    """

    async def acquire(self) -> int: ...

    def release(self, ticket: int, *, status: int | None, retry_after: float | None) -> None: ...


class Lane(Protocol):
    """Turn-taking for CPU-heavy steps (see ``summarizer.batching.CpuLane``): ``turn`` returns
    when the step may run."""

    async def turn(self) -> None: ...


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model`` sent to the model, in OpenAI strict form (all required, no
    extras)."""
    return copy.deepcopy(_strict_schema(model))


def response_format(mode: str, model: type[BaseModel],
                    schema: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The ``response_format`` a mode sends for ``model`` (``None`` for tools mode, where the
    schema travels as a forced tool): llama.cpp's ``json_object`` with the schema as a grammar,
    or OpenAI's strict ``json_schema``. ``schema`` defaults to the model's strict schema."""
    if mode not in ("json", "json_schema"):
        return None
    schema = _strict_schema(model) if schema is None else schema
    if mode == "json":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema",
            "json_schema": {"name": model.__name__, "strict": True, "schema": schema}}


@functools.cache
def _strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The strict schema, built once per model: generating it costs ~20 ms, more than the rest
    of a request's client-side work. Shared by every request; never mutated."""
    from openai.lib._pydantic import to_strict_json_schema

    return to_strict_json_schema(model)


@functools.cache
def _response_model(model: type[BaseModel]) -> type[BaseModel]:
    """instructor's wrapper of ``model``, built once. Given the bare model, instructor builds a
    new pydantic class (and then its JSON Schema) on every request: several ms each."""
    wrapped: type[BaseModel] = instructor.response_schema(model)
    _skip_repeated_async_validator_check(wrapped)
    return wrapped


#: the response models already checked for async validators (``_skip_...``)
_CHECKED: set[type[Any]] = set()


def _skip_repeated_async_validator_check(model: type[BaseModel]) -> None:
    """instructor walks the response model's type tree for async validators four times per
    request (~1.3 ms each, the largest client-side cost of a short release). The answer depends
    on the class alone: check each of our models once, here, and let later checks of it pass at
    once. Every other model is still checked by instructor as before."""
    try:
        from instructor.v2.core import patch
        from instructor.v2.validation import async_validators
    except ImportError:  # another instructor layout: nothing to speed up
        return
    current = getattr(async_validators, "reject_async_validators", None)
    if current is None:
        return
    original = getattr(current, "__wrapped__", current)
    original(model)  # raises if the model ever gains an async validator
    _CHECKED.add(model)
    if current is not original:  # installed for an earlier model already
        return

    @functools.wraps(original)
    def reject_async_validators(response_model: Any) -> None:
        if response_model not in _CHECKED:
            original(response_model)

    for module in (async_validators, patch):  # patch imported the function by name
        if getattr(module, "reject_async_validators", None) is original:
            setattr(module, "reject_async_validators", reject_async_validators)  # noqa: B010


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


_NEWLINES = re.compile(r"\r\n|\r|\n")


def _message_text(text: str) -> str:
    """A message as it is sent: newlines normalised, one trailing newline dropped, dedented.

    This is exactly what instructor's Jinja templating of messages made of text (escaped as
    literal) while the source check travelled in a validation context, so request bodies, and
    the recorded cassettes matched on them, are unchanged; ``{{`` or ``{%`` inside a release
    reach the model as text. Compiling every message as a template cost ~3 ms per request.
    """
    text = _NEWLINES.sub("\n", text)
    return textwrap.dedent(text.removesuffix("\n"))


#: request fields handed to the client as plain JSON, through ``extra_body``
_PLAIN_JSON = frozenset({"messages", "tools", "tool_choice", "response_format"})


def _plain_json(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The same request with its bulky fields moved into ``extra_body``.

    The client deep-walks ``messages``, ``tools`` and ``response_format`` against its typed
    parameter definitions before sending (1-2 ms per request, the largest client-side cost
    after instructor's); for plain JSON, as here, that walk changes nothing. ``extra_body``
    keys are merged into the JSON body as they are and win over the named parameters, so the
    request body is exactly what it was: a ``response_format`` we put in ``extra_body`` still
    replaces instructor's, and ``messages=[]`` is replaced by the real ones.
    """
    extra = dict(kwargs.get("extra_body") or {})
    lean: dict[str, Any] = {}
    for key, value in kwargs.items():
        if key in _PLAIN_JSON:
            extra.setdefault(key, value)
        elif key != "extra_body":
            lean[key] = value
    lean["messages"] = []
    lean["extra_body"] = extra
    return lean


#: a JSON string literal, raw control characters inside it included (which JSON forbids)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_RAW_CONTROL = re.compile(r"[\x00-\x1f]")


def _escape_raw_controls(response: Any) -> None:
    """Escape raw control characters inside the JSON strings of an answer, in place.

    A small local model now and then writes a real tab or line break inside a string; strict
    JSON parsing then rejects the whole answer ("control character ... found while parsing a
    string") and it would be asked again, though nothing else is wrong with it. Escaped, the
    answer reads exactly as the model meant it. Text outside strings is left alone.
    """
    for choice in getattr(response, "choices", None) or ():
        message = getattr(choice, "message", None)
        if message is None:
            continue
        content = getattr(message, "content", None)
        if isinstance(content, str) and _RAW_CONTROL.search(content):
            message.content = _JSON_STRING.sub(_escape_string, content)
        for call in getattr(message, "tool_calls", None) or ():
            function: Any = getattr(call, "function", None)
            arguments = getattr(function, "arguments", None)
            if isinstance(arguments, str) and _RAW_CONTROL.search(arguments):
                function.arguments = _JSON_STRING.sub(_escape_string, arguments)


def _escape_string(match: re.Match[str]) -> str:
    return _RAW_CONTROL.sub(lambda c: json.dumps(c.group())[1:-1], match.group())


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


#: the note a request sent again after an answer cut off at the output limit ends with
BRIEF = ("Your previous answer was cut off at the output token limit. Answer again, much "
         "shorter: quote single sentences, never paragraphs, and keep every list short.")


def _short(text: str, limit: int = 500) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: what instructor wraps when an answer was unusable: pydantic's ValidationError, json's
#: JSONDecodeError and instructor's ResponseParsingError are all ValueErrors
_UNUSABLE = (ValueError,)


def _unusable_answer(exc: BaseException) -> bool:
    """Whether ``exc`` says a model answer could not be used (invalid JSON or schema, or cut
    off at the output limit), as opposed to a transport, budget or configuration failure."""
    if isinstance(exc, IncompleteOutputException):
        return True
    if isinstance(exc, InstructorRetryException):
        cause = exc.__cause__
        return isinstance(cause, _UNUSABLE) and not isinstance(
            cause, errors.SummarizerError | openai.OpenAIError)
    return False


def _answer_messages(response: Any, correction: str, mode: str) -> list[dict[str, Any]]:
    """The model's answer as the next request repeats it, followed by the correction: a tool
    result in tools mode (every tool call must be answered), else a user message. The answer's
    text is sent back exactly as it came, so a server that caches prompts reuses all of it."""
    message = response.choices[0].message
    calls = list(message.tool_calls or []) if mode == "tools" else []
    if not calls:
        return [{"role": "assistant", "content": message.content or ""},
                {"role": "user", "content": correction}]
    answer: dict[str, Any] = {
        "role": "assistant", "content": message.content or "",
        "tool_calls": [{"id": c.id, "type": "function",
                        "function": {"name": c.function.name, "arguments": c.function.arguments}}
                       for c in calls],
    }
    results = [{"role": "tool", "tool_call_id": c.id, "name": c.function.name,
                "content": correction if i == 0 else "See the correction above."}
               for i, c in enumerate(calls)]
    return [answer, *results]


class _Call:
    """State of one extraction: usage, answers seen, the conversation so far, and the check
    that may ask for a correction."""

    def __init__(self, settings: ExtractionSettings, task: Task, usage: Usage,
                 check: Check | None, gate: RequestGate | None = None) -> None:
        self.settings = settings
        self.task = task
        self.usage = usage
        self.check = check
        self.gate = gate
        self.answers = 0
        #: the messages of the last request and its answer: a correction continues from them
        self.sent: list[dict[str, Any]] = []
        self.response: Any = None

    def before_request(self) -> None:
        budget = self.settings.token_budget
        if budget is not None and self.usage.total_tokens >= budget:
            raise errors.TokenBudgetError(
                f"token budget of {budget} exhausted after {self.usage.total_tokens} tokens",
                usage=self.usage,
            )
        self.usage.requests += 1

    def after_response(self, response: Any, messages: list[dict[str, Any]]) -> None:
        self.answers += 1
        if self.answers > 1:
            self.usage.reasks += 1
        _add_usage(self.usage, response)
        _escape_raw_controls(response)
        self.sent, self.response = messages, response

    def correction(self, answer: Answer) -> Correction | None:
        """What to correct in ``answer``, while re-asks are left (the last answer stands)."""
        if self.check is None or self.answers > self.settings.max_reasks:
            return None
        verdict = self.check(answer)
        if verdict is None or isinstance(verdict, Correction):
            return verdict
        return Correction((verdict,))

    def request(
        self,
        messages: list[dict[str, Any]],
        model: type[BaseModel] | None = None,
        *,
        max_retries: int | None = None,
        history: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """instructor's arguments for one answer of ``model`` (default: the task's schema):
        ``history`` (messages already sent, repeated as they were) and then ``messages``."""
        s = self.settings
        model = self.task.schema if model is None else model
        kwargs: dict[str, Any] = {
            "model": s.model,
            "messages": [*(history or []),
                         *({**m, "content": _message_text(m["content"])} for m in messages)],
            "response_model": _response_model(model),
            "max_retries": s.max_reasks if max_retries is None else max_retries,
            "strict": False,
        }
        kwargs.update(s.sampling())
        extra = dict(s.extra_body)
        fmt = response_format(s.mode, model)
        if fmt is not None:
            extra["response_format"] = fmt
        if extra:
            kwargs["extra_body"] = extra
        return kwargs

    def brief_request(self, messages: list[dict[str, Any]]) -> dict[str, Any] | None:
        """After a first answer cut off at the output limit (a small model quoting whole
        paragraphs), the same request once more with a note asking for a shorter answer; a
        re-ask, so only while re-asks are left (None otherwise)."""
        if self.answers > self.settings.max_reasks:
            return None
        left = self.settings.max_reasks - (self.answers - 1)  # this request included
        return self.request([*messages, {"role": "user", "content": BRIEF}],
                            max_retries=left - 1)

    def correction_request(
        self, answer: Answer, correction: Correction
    ) -> tuple[FieldSet, dict[str, Any]]:
        """The fields to correct and the request asking for them (the task's re-ask message),
        in the same conversation."""
        fields = self.task.corrections.fields_for(correction.paths, answer)
        text = self.task.prompt.reask(correction.problems,
                                      fields=None if fields.is_everything else fields.names())
        reply, *follow = _answer_messages(self.response, text, self.settings.mode)
        left = self.settings.max_reasks - (self.answers - 1)  # this correction included
        return fields, self.request(follow, correction_model(fields), max_retries=left - 1,
                                    history=[*self.sent, reply])

    def corrected(self, answer: Answer, reply: BaseModel, fields: FieldSet) -> Answer | None:
        """``answer`` with the corrected fields of ``reply``; None when the merge does not
        validate or changes nothing (the model will not correct it: asking again is futile)."""
        try:
            merged = merge(answer, reply, fields)
        except ValidationError:
            return None
        return None if same_answer(merged, answer) else cast(Answer, merged)

    async def asend(self, create: Callable[..., Awaitable[Any]], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> Any:
        """One HTTP attempt through the gate, which hears how it ended."""
        if self.gate is None:
            return await create(*args, **kwargs)
        ticket = await self.gate.acquire()
        status: int | None = None
        retry_after: float | None = None
        try:
            response = await create(*args, **kwargs)
            status = 200
            return response
        except openai.APIStatusError as exc:
            status, retry_after = exc.status_code, retry_after_seconds(exc)
            raise
        finally:
            self.gate.release(ticket, status=status, retry_after=retry_after)

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
    """Runs one schema-constrained extraction of a task's answer on an OpenAI-compatible client
    (the task's schema; its re-ask message and partial corrections when a check objects)."""

    def __init__(
        self,
        settings: ExtractionSettings,
        task: Task,
        *,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
        gate: RequestGate | None = None,
        lane: Lane | None = None,
    ) -> None:
        self.settings = settings
        self.task = task
        self.model = task.schema
        self.client = client
        self.async_client = async_client
        self.gate = gate
        self.lane = lane

    def extract(
        self, messages: list[dict[str, str]], *, usage: Usage, check: Check | None = None
    ) -> Answer:
        """One validated answer for ``messages``, corrected while ``check`` objects and re-asks
        are left; raises a ``SummarizerError`` on failure."""
        if self.client is None:
            raise errors.ConfigurationError("this summarizer has no synchronous client")
        client = self.client
        call = _Call(self.settings, self.task, usage, check)

        def create(*args: Any, **kwargs: Any) -> Any:
            sent = list(kwargs.get("messages") or [])
            kwargs = _plain_json(kwargs)
            for attempt in call.retrying():
                with attempt:
                    call.before_request()
                    response = client.chat.completions.create(*args, **kwargs)
            call.after_response(response, sent)
            return response

        patched = instructor.patch(create=create, mode=_INSTRUCTOR_MODE[self.settings.mode])
        try:
            try:
                answer: Answer = patched(**call.request(messages))
            except IncompleteOutputException:
                if (brief := call.brief_request(messages)) is None:
                    raise
                answer = patched(**brief)
            while (correction := call.correction(answer)) is not None:
                fields, kwargs = call.correction_request(answer, correction)
                try:
                    reply = patched(**kwargs)
                except Exception as exc:
                    if not _unusable_answer(exc):
                        raise
                    break  # the correction never validated: the answer we have stands
                corrected = call.corrected(answer, reply, fields)
                if corrected is None:
                    break
                answer = corrected
        except Exception as exc:  # every failure leaves as a typed SummarizerError
            raise map_error(exc, usage) from exc
        return answer

    async def aextract(
        self, messages: list[dict[str, str]], *, usage: Usage, check: Check | None = None
    ) -> Answer:
        """Async twin of ``extract``."""
        if self.async_client is None:
            raise errors.ConfigurationError("this summarizer has no asynchronous client")
        client, lane = self.async_client, self.lane
        call = _Call(self.settings, self.task, usage, check, self.gate)

        async def create(*args: Any, **kwargs: Any) -> Any:
            sent = list(kwargs.get("messages") or [])
            kwargs = _plain_json(kwargs)
            async for attempt in call.aretrying():
                with attempt:
                    call.before_request()
                    response = await call.asend(client.chat.completions.create, args, kwargs)
            call.after_response(response, sent)
            if lane is not None:  # parsing and checking the answer: after the ready requests
                await lane.turn()
            return response

        patched: Callable[..., Awaitable[Any]] = instructor.patch(
            create=create, mode=_INSTRUCTOR_MODE[self.settings.mode]
        )
        try:
            try:
                answer: Answer = await patched(**call.request(messages))
            except IncompleteOutputException:
                if (brief := call.brief_request(messages)) is None:
                    raise
                answer = await patched(**brief)
            while (correction := call.correction(answer)) is not None:
                fields, kwargs = call.correction_request(answer, correction)
                try:
                    reply = await patched(**kwargs)
                except Exception as exc:
                    if not _unusable_answer(exc):
                        raise
                    break  # the correction never validated: the answer we have stands
                corrected = call.corrected(answer, reply, fields)
                if corrected is None:
                    break
                answer = corrected
        except Exception as exc:
            raise map_error(exc, usage) from exc
        return answer
