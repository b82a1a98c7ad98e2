"""The public entry point: ``Summarizer`` (configured once) and module-level ``summarize()``."""

from __future__ import annotations

import datetime as dt
import inspect
import os
import sys
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from typing import TYPE_CHECKING, Any

from summarizer import errors
from summarizer._pipeline import Input, Pipeline
from summarizer.arguments import (
    check_flag,
    check_inputs,
    check_int,
    check_number,
    check_published,
    check_text,
    describe,
    validation_message,
)
from summarizer.backends import BackendConfig, ExtractionSettings, resolve_backend
from summarizer.cache import Cache, open_cache
from summarizer.evidence import Answer
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES
from summarizer.rulebook import Rule
from summarizer.task import POLICIES, Task, get_task, has_reader
from summarizer.types import SummaryResult, Usage

if TYPE_CHECKING:  # openai and instructor load on first LLM use: the rules backend stays fast
    import openai

    from summarizer.batching import AdaptiveLimiter, BatchInput

__all__ = ["Summarizer", "parse_published", "summarize"]


#: seconds to wait for one answer of a remote endpoint / of the local model server
DEFAULT_TIMEOUT = 120.0
LOCAL_TIMEOUT = 1800.0


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A release date given as a date (a datetime: its date) or ``YYYY-MM-DD`` text
    (ConfigurationError otherwise)."""
    return check_published(value)


class Summarizer:
    """Summarizes press releases with one configured task and backend.

    >>> s = Summarizer(backend="rules")
    >>> result = s.summarize("FDA approves ... today ...")  # doctest: +SKIP

    ``task`` is what kind of summary to make: a task name (``summarizer tasks`` lists them), a
    ``summarizer.task.Task``, or None for the default, ``regulatory`` (see ``summarizer.task``).
    ``timeout`` is the wait for one answer (default 120 s; 1800 s for the local backend, whose
    small model on a CPU takes minutes). ``max_attempts`` bounds HTTP attempts per model answer
    (transport retries); ``max_reasks`` bounds how often an invalid or rule-breaking answer is
    sent back for correction;
    ``token_budget`` caps the tokens one document may spend; ``max_input_tokens`` is the
    document budget per request (longer releases are split on section borders and merged).
    ``rules`` replaces the task's rule catalogue (``Task.rules()``).
    ``arbitration`` is what happens when the sentence the model cites for its verdict fails
    the release's check or states another one (the regulatory decision: see its task's
    ``arbitration`` module): "overrule" (the default for every model backend: a correct
    answer is never overruled on the labelled sets, a wrong one often is) replaces it and
    reports it, "flag" only reports it, "off" does neither; ``arbitrate=False`` is "off".
    ``trim_quotes`` cuts a quote the source does not hold down to the verbatim passage it does
    contain (``evidence_trimmed`` findings say what was left out); ``repair`` makes the task's
    other certain repairs (``Task.repair``; regulatory: placeholder words such as "N/A"
    removed, a product name respelled as the release spells it). Both run before any re-ask, so
    only what they cannot fix goes back to the model, which answers the failing fields alone.
    ``cache`` (a SQLite path or a ``summarizer.cache.Cache``) keeps LLM results: a document seen
    before with the same settings is answered from it without a model call (``meta.cached``).
    """

    def __init__(
        self,
        backend: str | None = None,
        *,
        task: str | Task | type[Task] | None = None,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        model_path: str | None = None,
        timeout: float | None = None,
        max_attempts: int = 4,
        max_reasks: int = 2,
        max_retry_wait: float = 60.0,
        token_budget: int | None = None,
        max_input_tokens: int = 4000,
        max_output_tokens: int | None = 2048,
        max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
        rules: Sequence[Rule] | None = None,
        arbitrate: bool = True,
        arbitration: str | None = None,
        trim_quotes: bool = True,
        repair: bool = True,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
        extra_body: dict[str, Any] | None = None,
        cache: str | os.PathLike[str] | Cache | None = None,
    ) -> None:
        backend, model, base_url, api_key, mode, model_path = (
            check_text(name, value) for name, value in (
                ("backend", backend), ("model", model), ("base_url", base_url),
                ("api_key", api_key), ("mode", mode), ("model_path", model_path))
        )
        the_task = get_task(task)
        for name, given in (("client", client), ("async_client", async_client)):
            if given is not None and not (hasattr(given, "chat") and hasattr(given, "base_url")):
                raise errors.ConfigurationError(
                    f"{name} must be an openai client, got {describe(given)}")
        if client is not None or async_client is not None:
            backend = backend or "openai"
            base_url = base_url or str((client or async_client).base_url)  # type: ignore[union-attr]
        config: BackendConfig = resolve_backend(
            backend, model=model, base_url=base_url, api_key=api_key, mode=mode,
            model_path=model_path,
        )
        timeout = check_number("timeout", timeout, optional=True)
        check_int("max_attempts", max_attempts, minimum=1)
        check_int("max_reasks", max_reasks, minimum=0)
        check_number("max_retry_wait", max_retry_wait, positive=False)
        check_int("token_budget", token_budget, minimum=1, optional=True)
        check_int("max_input_tokens", max_input_tokens, minimum=16)
        check_int("max_output_tokens", max_output_tokens, minimum=1, optional=True)
        check_int("max_input_bytes", max_input_bytes, minimum=1)
        check_flag("arbitrate", arbitrate)
        check_flag("trim_quotes", trim_quotes)
        check_flag("repair", repair)
        if rules is None:
            rules = the_task.rules()
        elif isinstance(rules, str | bytes) or not isinstance(rules, Iterable) or not all(
            isinstance(rule, Rule) for rule in rules
        ):
            raise errors.ConfigurationError(
                f"rules must be a sequence of summarizer.rulebook.Rule, got {describe(rules)}")
        if extra_body is not None and not (
            isinstance(extra_body, Mapping) and all(isinstance(k, str) for k in extra_body)
        ):
            raise errors.ConfigurationError(
                f"extra_body must be a dict of request fields, got {describe(extra_body)}")
        if config.name == "rules" and not has_reader(the_task):
            raise errors.ConfigurationError(
                f"the rules backend needs a deterministic reader and task {the_task.name!r} has "
                "none; configure a model backend" + (
                    f" ({config.reason})" if config.reason != "explicit" else ""))
        if config.reason != "explicit" and config.name == "rules":
            print(f"summarizer: using the rules backend: {config.reason}", file=sys.stderr)
        opened = open_cache(cache)
        self._pipeline = Pipeline(
            task=the_task,
            config=config,
            settings=ExtractionSettings(
                model=config.model or "local",
                mode=config.mode,
                max_attempts=max_attempts,
                max_reasks=max_reasks,
                max_retry_wait=max_retry_wait,
                token_budget=token_budget,
                max_output_tokens=max_output_tokens,
                extra_body=dict(extra_body or {}),
            ),
            rules=tuple(rules),
            arbitration=_arbitration_policy(arbitration, arbitrate, config.name),
            trim_quotes=trim_quotes,
            repair=repair,
            max_input_tokens=max_input_tokens,
            max_input_bytes=max_input_bytes,
            # a small model on a laptop CPU takes minutes per answer: the local backend waits
            timeout=timeout if timeout is not None else (
                LOCAL_TIMEOUT if config.name == "local" else DEFAULT_TIMEOUT),
            cache=opened,
            owns_cache=opened is not None and not isinstance(cache, Cache),
            client=client,
            async_client=async_client,
        )

    def __repr__(self) -> str:
        c = self.config
        return (f"Summarizer(task={self.task.name!r}, backend={c.name!r}, model={c.model!r}, "
                f"base_url={c.base_url!r}, mode={c.mode!r})")

    # -- settings (read-only views of the pipeline) -----------------------------------------

    @property
    def task(self) -> Task:
        """The task this summarizer runs."""
        return self._pipeline.task

    @property
    def config(self) -> BackendConfig:
        """The resolved backend (name, model, endpoint, mode, and why it was chosen)."""
        return self._pipeline.config

    @property
    def settings(self) -> ExtractionSettings:
        """The extraction settings (model, mode, retries, re-asks, budgets)."""
        return self._pipeline.settings

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rule catalogue the answers are checked with."""
        return self._pipeline.rules

    @property
    def arbitration(self) -> str:
        """The arbitration policy: overrule, flag or off."""
        return self._pipeline.arbitration

    @property
    def trim_quotes(self) -> bool:
        return self._pipeline.trim_quotes

    @property
    def repair(self) -> bool:
        """Whether the task's certain repairs are made (``Task.repair``)."""
        return self._pipeline.repair

    @property
    def max_input_tokens(self) -> int:
        return self._pipeline.max_input_tokens

    @property
    def max_input_bytes(self) -> int:
        return self._pipeline.max_input_bytes

    @property
    def timeout(self) -> float:
        return self._pipeline.timeout

    @property
    def cache(self) -> Cache | None:
        """The result cache (None: none, or turned off after a fault)."""
        return self._pipeline.cache

    # -- summarizing -----------------------------------------------------------------------

    def prompt_messages(
        self, text: Input, *, published: dt.date | str | None = None
    ) -> list[list[dict[str, str]]]:
        """The chat messages an LLM backend sends for ``text`` (one list per part): a dry run
        for cost estimates and prompt review. Makes no request."""
        if not self.config.is_llm:
            raise errors.ConfigurationError("the rules backend sends no prompt")
        pipeline = self._pipeline
        return pipeline.messages(pipeline.prepare(text, published, None))

    def finish_from_answers(
        self,
        text: Input,
        summaries: Sequence[Answer | Mapping[str, Any]],
        *,
        usage: Usage | None = None,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """The result for model answers obtained outside ``summarize`` (e.g. from the OpenAI
        Batch API): one answer per prompt part of ``text``, grounded, merged, settled and
        checked exactly as ``summarize`` does. No request is made; no re-ask is possible, so
        rule errors stay as findings. ``usage`` is what the answers cost."""
        if not self.config.is_llm:
            raise errors.ConfigurationError("the rules backend takes no model answers")
        answers = _answers(summaries, self.task)
        if usage is not None and not isinstance(usage, Usage):
            raise errors.ConfigurationError(f"usage must be a Usage, got {describe(usage)}")
        job = self._pipeline.prepare(text, published, source)
        if len(answers) != len(job.parts):
            raise errors.ConfigurationError(
                f"the document has {len(job.parts)} prompt part(s) with these settings but "
                f"{len(answers)} answer(s) were given"
            )
        if usage is not None:
            job.usage = usage
        return self._pipeline.finish(job, answers)

    def summarize(
        self,
        text: Input,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """Summarize one release (text, bytes or a path). Raises a ``SummarizerError``."""
        return self._pipeline.run(self._pipeline.prepare(text, published, source))

    async def asummarize(
        self,
        text: Input,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """Async twin of ``summarize`` (HTTP through ``openai.AsyncOpenAI``)."""
        pipeline = self._pipeline
        job = pipeline.prepare(text, published, source)
        extractor = pipeline.extractor(use_async=True) if self.config.is_llm else None
        return await pipeline.arun(job, extractor)

    def summarize_many(
        self,
        inputs: Iterable[BatchInput],
        *,
        concurrency: int = 8,
        ordered: bool = False,
        published: dt.date | str | None = None,
        limiter: AdaptiveLimiter | None = None,
    ) -> Iterator[SummaryResult]:
        """Summarize many releases concurrently; one result per input, as each completes.

        ``inputs`` holds texts, bytes, paths, ``(id, text)`` pairs or ``batching.BatchItem``s
        and is consumed lazily. ``source`` of each result is the item's id (a path: the path; a
        bare text: its position, as a string). ``ordered=True`` yields in input order. A failed
        document is a result with ``error`` set; only bad settings raise, at once. At most
        ``concurrency`` requests are in flight, fewer while the endpoint answers 429 (adaptive,
        see ``batching.AdaptiveLimiter``; pass ``limiter`` to share or inspect one); at most
        twice as many documents are read ahead. The async loop runs in a worker thread, so this
        also works inside a running loop (Jupyter). Each run opens its own async client on its
        own loop, unless the ``Summarizer`` was given an ``async_client``: that one must not
        hold connections made on another event loop.
        """
        from summarizer.batching import iterate_in_thread, start_many

        start = start_many(self._pipeline, check_inputs(inputs), concurrency=concurrency,
                           ordered=ordered, published=published, limiter=limiter)
        return iterate_in_thread(start, buffer=max(1, concurrency // 4))

    def asummarize_many(
        self,
        inputs: Iterable[BatchInput] | AsyncIterable[BatchInput],
        *,
        concurrency: int = 8,
        ordered: bool = False,
        published: dt.date | str | None = None,
        limiter: AdaptiveLimiter | None = None,
    ) -> AsyncIterator[SummaryResult]:
        """Async twin of ``summarize_many`` (``inputs`` may be an async iterable):
        ``async for result in s.asummarize_many(paths, concurrency=16): ...``."""
        from summarizer.batching import start_many

        return start_many(self._pipeline, check_inputs(inputs), concurrency=concurrency,
                          ordered=ordered, published=published, limiter=limiter)()

    def close(self) -> None:
        """Close HTTP clients and a cache opened from a path (a managed local server is shared
        and stops at exit)."""
        self._pipeline.close()


#: the arbitration policy of each backend when none is given (measured: docs/measured-figures.md)
DEFAULT_ARBITRATION = {"local": "overrule", "openai": "overrule", "rules": "off"}


def _arbitration_policy(policy: str | None, arbitrate: bool, backend: str) -> str:
    """The arbitration policy: the one given, else "off" when ``arbitrate`` is False, else the
    backend's default."""
    if policy is None:
        return DEFAULT_ARBITRATION.get(backend, "overrule") if arbitrate else "off"
    if policy not in POLICIES:
        raise errors.ConfigurationError(
            f"arbitration must be one of {', '.join(POLICIES)}, got {policy!r}")
    return policy


def _answers(summaries: object, task: Task) -> list[Answer]:
    """Model answers for ``finish_from_answers``: the task's answers, or their JSON objects."""
    schema = task.schema
    if isinstance(summaries, str | bytes | Mapping) or not isinstance(summaries, Iterable):
        raise errors.ConfigurationError(
            f"summaries must be a list of {schema.__name__} answers, got {describe(summaries)}")
    answers: list[Answer] = []
    for i, answer in enumerate(summaries):
        if isinstance(answer, schema):
            answers.append(answer)
            continue
        if not isinstance(answer, Mapping):
            raise errors.ConfigurationError(
                f"answer {i} must be a {schema.__name__} or its JSON object, got "
                f"{describe(answer)}")
        try:
            answers.append(schema.model_validate(answer))
        except ValueError as exc:
            raise errors.InvalidOutputError(
                f"answer {i} is not a summary: {validation_message(exc)}") from None
    return answers


def summarize(
    text: Input,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    **settings: Any,
) -> SummaryResult:
    """Summarize one release with a one-off ``Summarizer(**settings)``."""
    unknown = sorted(set(settings) - set(inspect.signature(Summarizer).parameters))
    if unknown:
        raise errors.ConfigurationError(f"unknown setting(s): {', '.join(unknown)}")
    summarizer = Summarizer(**settings)
    try:
        return summarizer.summarize(text, published=published, source=source)
    finally:
        summarizer.close()
