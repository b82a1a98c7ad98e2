"""The public entry point: ``Summarizer`` (configured once) and module-level ``summarize()``."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import os
import ssl
import sys
import threading
import time
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from summarizer import errors
from summarizer.arbitration import ARBITRATION_POLICIES, arbitrate
from summarizer.arguments import (
    check_flag,
    check_inputs,
    check_int,
    check_number,
    check_published,
    check_text,
    describe,
    printable,
    validation_message,
)
from summarizer.backends import BackendConfig, ExtractionSettings, resolve_backend
from summarizer.cache import Cache, ResultCache, cache_key, open_cache
from summarizer.grounding import SourceIndex, ground
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES, Document, load, source_name
from summarizer.merging import fill_gaps, merge_summaries
from summarizer.prompting import PROMPT_VERSION, build_messages
from summarizer.repairs import Repairs, repair
from summarizer.rules import RULES, Rule, reask_messages, run_rules
from summarizer.rules_backend import RulesFallback, summarize_with_rules
from summarizer.schemas.summary import SCHEMA_VERSION, RegulatorySummary
from summarizer.sections import PromptView, chunk_view, prompt_view
from summarizer.types import Finding, Meta, SummaryResult, Usage

if TYPE_CHECKING:  # openai and instructor load on first LLM use: the rules backend stays fast
    import openai

    from summarizer.batching import AdaptiveLimiter, BatchInput
    from summarizer.extraction import Check, Extractor, Lane, RequestGate

__all__ = ["Summarizer", "parse_published", "summarize"]

Input = str | bytes | os.PathLike[str]


#: seconds to wait for one answer of a remote endpoint / of the local model server
DEFAULT_TIMEOUT = 120.0
LOCAL_TIMEOUT = 1800.0


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The TLS settings all clients of this process share (the HTTP library's defaults): each
    new client would otherwise load the CA bundle again, ~0.1 s, and every many-run opens one."""
    import httpx2

    return httpx2.create_ssl_context()


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A release date given as a date (a datetime: its date) or ``YYYY-MM-DD`` text
    (ConfigurationError otherwise)."""
    return check_published(value)


@dataclass
class _Job:
    """One document on its way through the pipeline."""

    document: Document
    when: dt.date | None
    view: PromptView | None  # None for the rules backend, which reads the document itself
    parts: list[str]
    index: SourceIndex
    usage: Usage = field(default_factory=Usage)
    started: float = field(default_factory=time.perf_counter)
    #: the last answer the re-ask check passed (grounded and repaired, as a dict) with its
    #: findings: when the final summary is still equal to it, the final rules run would only
    #: repeat them
    checked: tuple[dict[str, Any], list[Finding]] | None = None

    @cached_property
    def fallback(self) -> RulesFallback:
        """The rules backend's reading of the document (arbitration, gap filling, repairs)."""
        return RulesFallback(self.document, published=self.when, index=self.index)

    def messages(self) -> list[list[dict[str, str]]]:
        """The chat messages of each part (one part unless the release is over budget)."""
        omitted = self.view.omitted if self.view is not None else ()
        return [
            build_messages(part, published=self.when, omitted=omitted,
                           part_index=i, part_count=len(self.parts))
            for i, part in enumerate(self.parts, start=1)
        ]


class Summarizer:
    """Summarizes regulatory press releases with one configured backend.

    >>> s = Summarizer(backend="rules")
    >>> result = s.summarize("FDA approves ... today ...")  # doctest: +SKIP

    ``timeout`` is the wait for one answer (default 120 s; 1800 s for the local backend, whose
    small model on a CPU takes minutes). ``max_attempts`` bounds HTTP attempts per model answer
    (transport retries); ``max_reasks`` bounds how often an invalid or rule-breaking answer is
    sent back for correction;
    ``token_budget`` caps the tokens one document may spend; ``max_input_tokens`` is the
    document budget per request (longer releases are split on section borders and merged).
    ``arbitration`` is what happens when the sentence the model cites for its decision fails
    the release's check or states another decision (see ``summarizer.arbitration``):
    "overrule" (the default for every model backend: a correct answer is never overruled on
    the labelled sets, a wrong one often is) replaces the outcome and reports it, "flag" only
    reports it, "off" does neither; ``arbitrate=False`` is "off".
    ``trim_quotes`` cuts a quote the source does not hold down to the verbatim passage it does
    contain (``evidence_trimmed`` findings say what was left out), before any re-ask; ``repair``
    makes the other certain repairs before any re-ask: placeholder words ("N/A") removed, a
    product name respelled as the release spells it (``summarizer.repairs``).
    ``cache`` (a SQLite path or a ``summarizer.cache.Cache``) keeps LLM results: a document seen
    before with the same settings is answered from it without a model call (``meta.cached``).
    """

    def __init__(
        self,
        backend: str | None = None,
        *,
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
        rules: Sequence[Rule] = RULES,
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
        for name, given in (("client", client), ("async_client", async_client)):
            if given is not None and not (hasattr(given, "chat") and hasattr(given, "base_url")):
                raise errors.ConfigurationError(
                    f"{name} must be an openai client, got {describe(given)}")
        if client is not None or async_client is not None:
            backend = backend or "openai"
            base_url = base_url or str((client or async_client).base_url)  # type: ignore[union-attr]
        self.config: BackendConfig = resolve_backend(
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
        if isinstance(rules, str | bytes) or not isinstance(rules, Iterable) or not all(
            isinstance(rule, Rule) for rule in rules
        ):
            raise errors.ConfigurationError(
                f"rules must be a sequence of summarizer.rules.Rule, got {describe(rules)}")
        if extra_body is not None and not (
            isinstance(extra_body, Mapping) and all(isinstance(k, str) for k in extra_body)
        ):
            raise errors.ConfigurationError(
                f"extra_body must be a dict of request fields, got {describe(extra_body)}")
        if self.config.reason != "explicit" and self.config.name == "rules":
            print(f"summarizer: using the rules backend: {self.config.reason}", file=sys.stderr)
        # a small model on a laptop CPU takes minutes per answer: the local backend waits longer
        self.timeout = timeout if timeout is not None else (
            LOCAL_TIMEOUT if self.config.name == "local" else DEFAULT_TIMEOUT
        )
        self.max_input_tokens = max_input_tokens
        self.max_input_bytes = max_input_bytes
        self.rules = tuple(rules)
        self.arbitration = _arbitration_policy(arbitration, arbitrate, self.config.name)
        self.trim_quotes = trim_quotes
        self.repair = repair
        self._client = client
        self._async_client = async_client
        self._local_server: Any = None
        self.cache = open_cache(cache)
        self._owns_cache = self.cache is not None and not isinstance(cache, Cache)
        self._cache_settings: dict[str, Any] | None = None
        self._cache_lock = threading.Lock()
        self._cache_rebuilt = False
        self.settings = ExtractionSettings(
            model=self.config.model or "local",
            mode=self.config.mode,
            max_attempts=max_attempts,
            max_reasks=max_reasks,
            max_retry_wait=max_retry_wait,
            token_budget=token_budget,
            max_output_tokens=max_output_tokens,
            extra_body=dict(extra_body or {}),
        )

    def __repr__(self) -> str:
        return (
            f"Summarizer(backend={self.config.name!r}, model={self.config.model!r}, "
            f"base_url={self.config.base_url!r}, mode={self.config.mode!r})"
        )

    # -- clients ---------------------------------------------------------------------------

    def _base_url(self) -> str | None:
        if self.config.name == "local":
            from summarizer.local import ensure_server

            self._local_server = ensure_server(self.config.model_path or "")
            return str(self._local_server.base_url)
        return self.config.base_url

    def _extractor(self, *, use_async: bool) -> Extractor:
        import openai

        from summarizer.extraction import Extractor

        if use_async and self._async_client is None:
            self._async_client = self._new_async_client()
        if not use_async and self._client is None:
            self._client = openai.OpenAI(
                api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
                timeout=self.timeout, max_retries=0,
                http_client=openai.DefaultHttpxClient(verify=_tls_context()),
            )
        return Extractor(self.settings, client=self._client, async_client=self._async_client)

    def _batch_extractor(
        self, gate: RequestGate, lane: Lane | None = None
    ) -> tuple[Extractor | None, openai.AsyncOpenAI | None]:
        """The extractor of one ``asummarize_many`` run, its requests passing ``gate`` (each
        answer's checks waiting for a turn of ``lane``), and the
        async client the run owns (the caller closes it; None when the caller gave its own
        ``async_client``, or for the rules backend). A run's own client lives on the run's
        event loop, which may be a worker thread's."""
        if not self.config.is_llm:
            return None, None
        from summarizer.extraction import Extractor

        owned = None
        client = self._async_client
        if client is None:
            client = owned = self._new_async_client()
        return Extractor(self.settings, async_client=client, gate=gate, lane=lane), owned

    def _new_async_client(self) -> openai.AsyncOpenAI:
        import openai

        return openai.AsyncOpenAI(
            api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
            timeout=self.timeout, max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(verify=_tls_context()),
        )

    # -- pipeline --------------------------------------------------------------------------

    def _prepare(
        self, text: Input, published: dt.date | str | None, source: str | None
    ) -> _Job:
        if isinstance(source, os.PathLike) or (isinstance(text, os.PathLike) and source is None):
            source = source_name(source if source is not None else text)
        elif source is not None and not isinstance(source, str):
            raise errors.ConfigurationError(f"source must be a string, got {describe(source)}")
        day = parse_published(published)
        document = load(text, source=source, published=day, max_input_bytes=self.max_input_bytes)
        when = day or document.published
        if not self.config.is_llm:
            return _Job(document, when, None, [], SourceIndex(document.text))
        view = prompt_view(document.text, document.sections)
        parts = [view.text] if view.tokens <= self.max_input_tokens else chunk_view(
            view, self.max_input_tokens
        )
        return _Job(document, when, view, parts, SourceIndex(document.text))

    def _repairs(self) -> Repairs:
        return Repairs(placeholders=self.repair, products=self.repair, quotes=self.trim_quotes)

    def _check(self, job: _Job) -> Check:
        from summarizer.extraction import Correction

        repairs = self._repairs()

        def check(summary: RegulatorySummary) -> Correction | None:
            # grounding in place only fills offsets, which _finish computes again the same way
            ground(summary, job.index)
            # arbitration and the certain repairs come first (on a copy: _finish makes and
            # reports them on the final summary); only what they cannot fix goes back
            repaired = summary.model_copy(deep=True)
            if self.arbitration == "overrule":
                # what arbitration settles from the release is settled at the end anyway: a
                # re-ask for it would cost a request and change nothing
                arbitrate(repaired, job.fallback, self.arbitration)
            repair(repaired, job.index, fallback=job.fallback, repairs=repairs)
            findings = run_rules(repaired, job.document, published=job.when, rules=self.rules,
                                 index=job.index)
            problems = reask_messages(findings)
            job.checked = None if problems else (repaired.model_dump(), findings)
            if not problems:
                return None
            paths = tuple(dict.fromkeys(f.path for f in findings if f.severity == "error"))
            return Correction(tuple(problems), paths)

        return check

    def _finish(self, job: _Job, summaries: list[RegulatorySummary]) -> SummaryResult:
        findings: list[Finding] = []
        if self.config.is_llm:
            summary = merge_summaries([ground(s, job.index) for s in summaries])
            fallback = job.fallback
            findings.extend(arbitrate(summary, fallback, self.arbitration))
            findings.extend(repair(summary, job.index, fallback=fallback,
                                   repairs=self._repairs()))
            for path in fill_gaps(summary, fallback):
                findings.append(Finding(
                    rule="filled_from_rules", severity="info", path=path,
                    message=f"the model left {path} empty; filled from the rules backend",
                ))
            ground(summary, job.index)
        else:
            summary = ground(summarize_with_rules(job.document, published=job.when), job.index)
        if job.checked is not None and job.checked[0] == summary.model_dump():  # as checked
            rule_findings = list(job.checked[1])
        else:
            rule_findings = run_rules(summary, job.document, published=job.when,
                                      rules=self.rules, index=job.index)
        findings = rule_findings + findings
        meta = Meta(
            backend=self.config.name,
            model=self.config.model if self.config.is_llm else None,
            mode=self.config.mode if self.config.is_llm else None,
            prompt_version=PROMPT_VERSION,
            schema_version=SCHEMA_VERSION,
            latency_s=round(time.perf_counter() - job.started, 4),
            chunks=len(job.parts) if self.config.is_llm else 1,
            input_kind=job.document.kind,
            published=job.when.isoformat() if job.when else None,
            prompt_tokens_estimate=job.view.tokens if job.view else None,
            raw_tokens_estimate=job.view.raw_tokens if job.view else None,
        )
        return SummaryResult(
            source=job.document.source, summary=summary, findings=findings, usage=job.usage,
            meta=meta, text=job.document.text,
        )

    def prompt_messages(
        self, text: Input, *, published: dt.date | str | None = None
    ) -> list[list[dict[str, str]]]:
        """The chat messages an LLM backend sends for ``text`` (one list per part): a dry run
        for cost estimates and prompt review. Makes no request."""
        if not self.config.is_llm:
            raise errors.ConfigurationError("the rules backend sends no prompt")
        return self._prepare(text, published, None).messages()

    def finish_from_answers(
        self,
        text: Input,
        summaries: Sequence[RegulatorySummary],
        *,
        usage: Usage | None = None,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """The result for model answers obtained outside ``summarize`` (e.g. from the OpenAI
        Batch API): one answer per prompt part of ``text``, grounded, merged, gap-filled and
        checked exactly as ``summarize`` does. No request is made; no re-ask is possible, so
        rule errors stay as findings. ``usage`` is what the answers cost."""
        if not self.config.is_llm:
            raise errors.ConfigurationError("the rules backend takes no model answers")
        summaries = _answers(summaries)
        if usage is not None and not isinstance(usage, Usage):
            raise errors.ConfigurationError(f"usage must be a Usage, got {describe(usage)}")
        job = self._prepare(text, published, source)
        if len(summaries) != len(job.parts):
            raise errors.ConfigurationError(
                f"the document has {len(job.parts)} prompt part(s) with these settings but "
                f"{len(summaries)} answer(s) were given"
            )
        if usage is not None:
            job.usage = usage
        return self._finish(job, list(summaries))

    def summarize(
        self,
        text: Input,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """Summarize one release (text, bytes or a path). Raises a ``SummarizerError``."""
        job = self._prepare(text, published, source)
        if (hit := self._cached(job)) is not None:
            return hit
        summaries: list[RegulatorySummary] = []
        if self.config.is_llm:
            extractor, check = self._extractor(use_async=False), self._check(job)
            for messages in job.messages():
                summaries.append(extractor.extract(messages, usage=job.usage, check=check))
        return self._remember(job, self._finish(job, summaries))

    async def asummarize(
        self,
        text: Input,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """Async twin of ``summarize`` (HTTP through ``openai.AsyncOpenAI``)."""
        job = self._prepare(text, published, source)
        extractor = self._extractor(use_async=True) if self.config.is_llm else None
        return await self._arun(job, extractor)

    async def _arun(self, job: _Job, extractor: Extractor | None,
                    lane: Lane | None = None) -> SummaryResult:
        """A prepared document through the cache, the model (async) and the checks (after a
        turn of ``lane``, when given)."""
        if (hit := self._cached(job)) is not None:
            return hit
        summaries: list[RegulatorySummary] = []
        if extractor is not None:
            check = self._check(job)
            for messages in job.messages():
                summaries.append(await extractor.aextract(messages, usage=job.usage, check=check))
        if lane is not None:
            await lane.turn()
        return self._remember(job, self._finish(job, summaries))

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

        start = start_many(self, check_inputs(inputs), concurrency=concurrency, ordered=ordered,
                           published=published, limiter=limiter)
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

        return start_many(self, check_inputs(inputs), concurrency=concurrency, ordered=ordered,
                          published=published, limiter=limiter)()

    # -- result cache ----------------------------------------------------------------------

    def _cache_key(self, job: _Job) -> str:
        if self._cache_settings is None:
            from summarizer import __version__

            s, c = self.settings, self.config
            self._cache_settings = {
                "library": __version__, "backend": c.name, "model": s.model,
                "endpoint": c.model_path if c.name == "local" else c.base_url,
                "mode": s.mode, "prompt_version": PROMPT_VERSION,
                "schema_version": SCHEMA_VERSION, "max_reasks": s.max_reasks,
                "max_input_tokens": self.max_input_tokens,
                "max_output_tokens": s.max_output_tokens, "temperature": s.temperature,
                "seed": s.seed, "extra_body": s.extra_body,
                "arbitration": getattr(self, "arbitration", None),
                "trim_quotes": getattr(self, "trim_quotes", None),
                "repair": getattr(self, "repair", None),
                "rules": [f"{r.name}:{r.severity}:{getattr(r.check, '__module__', '')}."
                          f"{getattr(r.check, '__qualname__', '')}" for r in self.rules],
            }
        return cache_key(job.document.text, {
            **self._cache_settings, "kind": job.document.kind,
            "published": job.when.isoformat() if job.when else None,
        })

    def _cached(self, job: _Job) -> SummaryResult | None:
        """The stored result for this document and these settings, if any (LLM backends)."""
        if self.cache is None or not self.config.is_llm:
            return None
        key = self._cache_key(job)
        record = self._use_cache(lambda cache: cache.get(key))
        if record is None:
            return None
        try:
            result = SummaryResult.model_validate({**record, "source": job.document.source})
        except ValueError:  # stored by an incompatible version: a miss
            return None
        if not result.ok or result.meta is None:
            return None
        result.text = job.document.text
        result.usage = Usage()  # nothing was spent on it this time
        result.meta.cached = True
        result.meta.latency_s = round(time.perf_counter() - job.started, 4)
        return result

    def _remember(self, job: _Job, result: SummaryResult) -> SummaryResult:
        """Store a successful LLM result (errors never reach here: they raise)."""
        if self.cache is not None and self.config.is_llm and result.ok:
            key, record = self._cache_key(job), result.to_record()
            self._use_cache(lambda cache: cache.put(key, record))
        return result

    def _use_cache(self, operation: Callable[[Cache], Any]) -> Any:
        """Run a cache operation; a cache fault never fails the document. The first fault is
        reported on stderr: a damaged ``ResultCache`` file is moved aside and the cache starts
        afresh, any other fault turns the cache off for the rest of this summarizer's life."""
        cache = self.cache
        if cache is None:
            return None
        try:
            return operation(cache)
        except Exception as exc:  # a custom cache may raise anything: none of it is the caller's
            fault = exc if isinstance(exc, errors.CacheError) else errors.CacheError(
                f"result cache {cache!r}: {type(exc).__name__}: {exc}")
        with self._cache_lock:
            if self.cache is not cache:  # another thread dealt with it already
                return None
            if fault.damaged and isinstance(cache, ResultCache) and not self._cache_rebuilt:
                self._cache_rebuilt = True
                try:
                    aside = cache.rebuild()
                except errors.CacheError as again:
                    fault = again
                else:
                    _warn(f"{fault.message}; moved it to {str(aside)!r} and started a new cache")
                    return None
            _warn(f"{fault.message}; going on without the result cache")
            self.cache = None
            if self._owns_cache and isinstance(cache, Closable):
                with contextlib.suppress(Exception):  # closing a broken cache may fail too
                    cache.close()
        return None

    def close(self) -> None:
        """Close HTTP clients and a cache opened from a path (a managed local server is shared
        and stops at exit)."""
        if self._client is not None:
            self._client.close()
        if self._owns_cache and isinstance(self.cache, Closable):
            self.cache.close()


#: the arbitration policy of each backend when none is given (measured: README, "Arbitration")
DEFAULT_ARBITRATION = {"local": "overrule", "openai": "overrule", "rules": "off"}


def _arbitration_policy(policy: str | None, arbitrate: bool, backend: str) -> str:
    """The arbitration policy: the one given, else "off" when ``arbitrate`` is False, else the
    backend's default."""
    if policy is None:
        return DEFAULT_ARBITRATION.get(backend, "overrule") if arbitrate else "off"
    if policy not in ARBITRATION_POLICIES:
        raise errors.ConfigurationError(
            f"arbitration must be one of {', '.join(ARBITRATION_POLICIES)}, got {policy!r}")
    return policy


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


def _warn(message: str) -> None:
    """One line on stderr (where the CLI writes its notes too)."""
    if sys.stderr is not None:
        print(f"summarizer: warning: {printable(' '.join(message.split()))}", file=sys.stderr)


def _answers(summaries: object) -> list[RegulatorySummary]:
    """Model answers for ``finish_from_answers``: summaries, or their JSON objects."""
    if isinstance(summaries, str | bytes | Mapping) or not isinstance(summaries, Iterable):
        raise errors.ConfigurationError(
            f"summaries must be a list of RegulatorySummary answers, got {describe(summaries)}")
    answers: list[RegulatorySummary] = []
    for i, answer in enumerate(summaries):
        if isinstance(answer, RegulatorySummary):
            answers.append(answer)
            continue
        if not isinstance(answer, Mapping):
            raise errors.ConfigurationError(
                f"answer {i} must be a RegulatorySummary or its JSON object, got "
                f"{describe(answer)}")
        try:
            answers.append(RegulatorySummary.model_validate(answer))
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
