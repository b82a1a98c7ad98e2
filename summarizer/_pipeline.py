"""One document through the engine: read it, ask the model (or the task's reader), check and
settle the answer, cache the result. ``Summarizer`` configures a ``Pipeline``; the batch runner
(``summarizer.batching``) drives the same one concurrently.

The document is read once (``summarizer.document.Document``): its sections, sentences and
grounding index serve the prompt view, every re-ask check, the settle steps and the final rules.
The task (``summarizer.task.Task``) supplies everything domain-specific; nothing here knows one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import ssl
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from summarizer import errors
from summarizer.arguments import check_published, describe, printable
from summarizer.backends import BackendConfig, ExtractionSettings
from summarizer.cache import Cache, ResultCache, cache_key
from summarizer.document import Document
from summarizer.evidence import Answer
from summarizer.grounding import ground, ground_pending
from summarizer.intake import load, source_name
from summarizer.rulebook import Rule, apply_rules, reask_messages
from summarizer.sections import PromptView, chunk_view
from summarizer.task import SettleOptions, Task
from summarizer.types import Finding, Meta, SummaryResult, Usage

if TYPE_CHECKING:  # openai and instructor load on first LLM use: the rules backend stays fast
    import openai

    from summarizer.extraction import Check, Extractor, Lane, RequestGate

__all__ = ["Input", "Job", "Pipeline"]

Input = str | bytes | os.PathLike[str]


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The TLS settings all clients of this process share (the HTTP library's defaults): each
    new client would otherwise load the CA bundle again, ~0.1 s, and every many-run opens one."""
    import httpx2

    return httpx2.create_ssl_context()


@dataclass
class Job:
    """One document on its way through the pipeline."""

    document: Document
    view: PromptView | None  # None for the rules backend, which reads the document itself
    parts: list[str]
    usage: Usage = field(default_factory=Usage)
    started: float = field(default_factory=time.perf_counter)
    #: the last answer the re-ask check passed (grounded and repaired, as a dict) with its
    #: findings: when the final answer is still equal to it, the final rules run would only
    #: repeat them
    checked: tuple[dict[str, Any], list[Finding]] | None = None

    @property
    def when(self) -> dt.date | None:
        """The release date (the caller's, else the one the document gives)."""
        return self.document.published


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Pipeline:
    """The engine's run of one task with one backend (see the module doc)."""

    def __init__(
        self,
        *,
        task: Task,
        config: BackendConfig,
        settings: ExtractionSettings,
        rules: Sequence[Rule],
        arbitration: str,
        trim_quotes: bool,
        repair: bool,
        max_input_tokens: int,
        max_input_bytes: int,
        timeout: float,
        cache: Cache | None,
        owns_cache: bool,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
    ) -> None:
        self.task = task
        self.config = config
        self.settings = settings
        self.rules = tuple(rules)
        self.arbitration = arbitration
        self.trim_quotes = trim_quotes
        self.repair = repair
        self.max_input_tokens = max_input_tokens
        self.max_input_bytes = max_input_bytes
        self.timeout = timeout
        self.cache = cache
        self.owns_cache = owns_cache
        self.client = client
        self.async_client = async_client
        self.local_server: Any = None
        self._cache_settings: dict[str, Any] | None = None
        self._cache_lock = threading.Lock()
        self._cache_rebuilt = False

    # -- clients ---------------------------------------------------------------------------

    def _base_url(self) -> str | None:
        if self.config.name == "local":
            from summarizer.local import ensure_server

            self.local_server = ensure_server(self.config.model_path or "")
            return str(self.local_server.base_url)
        return self.config.base_url

    def extractor(self, *, use_async: bool) -> Extractor:
        """The extractor of one ``summarize``/``asummarize`` call (clients made on first use)."""
        import openai

        from summarizer.extraction import Extractor

        if use_async and self.async_client is None:
            self.async_client = self.new_async_client()
        if not use_async and self.client is None:
            self.client = openai.OpenAI(
                api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
                timeout=self.timeout, max_retries=0,
                http_client=openai.DefaultHttpxClient(verify=_tls_context()),
            )
        return Extractor(self.settings, self.task, client=self.client,
                         async_client=self.async_client)

    def batch_extractor(
        self, gate: RequestGate, lane: Lane | None = None
    ) -> tuple[Extractor | None, openai.AsyncOpenAI | None]:
        """The extractor of one batch run, its requests passing ``gate`` (each answer's checks
        waiting for a turn of ``lane``), and the async client the run owns (the caller closes
        it; None when the caller gave its own ``async_client``, or for the rules backend). A
        run's own client lives on the run's event loop, which may be a worker thread's."""
        if not self.config.is_llm:
            return None, None
        from summarizer.extraction import Extractor

        owned = None
        client = self.async_client
        if client is None:
            client = owned = self.new_async_client()
        return Extractor(self.settings, self.task, async_client=client, gate=gate,
                         lane=lane), owned

    def new_async_client(self) -> openai.AsyncOpenAI:
        import openai

        return openai.AsyncOpenAI(
            api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
            timeout=self.timeout, max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(verify=_tls_context()),
        )

    # -- one document ----------------------------------------------------------------------

    def prepare(self, text: Input, published: dt.date | str | None, source: str | None) -> Job:
        """Read the document once and, for a model backend, cut its prompt view into parts."""
        if isinstance(source, os.PathLike) or (isinstance(text, os.PathLike) and source is None):
            source = source_name(source if source is not None else text)
        elif source is not None and not isinstance(source, str):
            raise errors.ConfigurationError(f"source must be a string, got {describe(source)}")
        day = check_published(published)
        document = load(text, source=source, published=day, max_input_bytes=self.max_input_bytes)
        if not self.config.is_llm:
            return Job(document, None, [])
        view = self.task.view(document)
        parts = [view.text] if view.tokens <= self.max_input_tokens else chunk_view(
            view, self.max_input_tokens
        )
        return Job(document, view, parts)

    def messages(self, job: Job) -> list[list[dict[str, str]]]:
        """The chat messages of each part (one part unless the release is over budget)."""
        omitted = job.view.omitted if job.view is not None else ()
        return [
            self.task.prompt.messages(part, published=job.when, omitted=omitted,
                                      part_index=i, part_count=len(job.parts))
            for i, part in enumerate(job.parts, start=1)
        ]

    @property
    def options(self) -> SettleOptions:
        """What the task's repairs and settling may change."""
        return SettleOptions(arbitration=self.arbitration, trim_quotes=self.trim_quotes,
                             repair=self.repair)

    def check(self, job: Job) -> Check:
        """The re-ask check of ``job``: the task's certain repairs, then its rules, on each
        answer; their errors go back to the model (the failing fields alone, see
        ``summarizer.corrections``), the last passing answer is remembered."""
        from summarizer.extraction import Correction

        task, document, rules, options = self.task, job.document, self.rules, self.options

        def check(answer: Answer) -> Correction | None:
            # grounding in place only fills offsets, which finish computes again the same way
            ground(answer, document.index)
            # the certain repairs come first (on a copy: finish makes and reports them on the
            # answer it keeps); only what they cannot fix goes back to the model
            repaired = answer.model_copy(deep=True)
            task.repair(repaired, document, options)
            findings = apply_rules(rules, task.rule_context(document, repaired))
            problems = reask_messages(findings)
            job.checked = None if problems else (repaired.model_dump(), findings)
            if not problems:
                return None
            paths = tuple(dict.fromkeys(f.path for f in findings if f.severity == "error"))
            return Correction(tuple(problems), paths)

        return check

    def finish(self, job: Job, answers: list[Answer]) -> SummaryResult:
        """The result of a document: the answers merged and settled (a model backend) or the
        task's reader's answer, grounded, with the rules' findings."""
        document, task = job.document, self.task
        findings: list[Finding] = []
        if self.config.is_llm:
            answer = task.merge([ground(a, document.index) for a in answers])
            findings.extend(task.settle(answer, document, self.options))
        else:
            read = task.read(document)
            if read is None:
                raise errors.ConfigurationError(
                    f"task {task.name!r} has no deterministic reader: use a model backend")
            answer = ground(read, document.index)
        if job.checked is not None and job.checked[0] == answer.model_dump():  # as checked
            rule_findings = list(job.checked[1])
        else:
            ground_pending(answer, document.index)
            rule_findings = apply_rules(self.rules, task.rule_context(document, answer))
        meta = Meta(
            backend=self.config.name,
            model=self.config.model if self.config.is_llm else None,
            mode=self.config.mode if self.config.is_llm else None,
            prompt_version=task.prompt_version,
            schema_version=task.schema_version,
            latency_s=round(time.perf_counter() - job.started, 4),
            chunks=len(job.parts) if self.config.is_llm else 1,
            input_kind=document.kind,
            published=job.when.isoformat() if job.when else None,
            prompt_tokens_estimate=job.view.tokens if job.view else None,
            raw_tokens_estimate=job.view.raw_tokens if job.view else None,
            task=task.name,
            task_version=task.version,
        )
        return SummaryResult(
            source=document.source, summary=answer, findings=rule_findings + findings,
            usage=job.usage, meta=meta, text=document.text,
        )

    def run(self, job: Job) -> SummaryResult:
        """A prepared document through the cache, the model (sync) and the checks."""
        if (hit := self.cached(job)) is not None:
            return hit
        answers: list[Answer] = []
        if self.config.is_llm:
            extractor, check = self.extractor(use_async=False), self.check(job)
            for messages in self.messages(job):
                answers.append(extractor.extract(messages, usage=job.usage, check=check))
        return self.remember(job, self.finish(job, answers))

    async def arun(self, job: Job, extractor: Extractor | None,
                   lane: Lane | None = None) -> SummaryResult:
        """A prepared document through the cache, the model (async) and the checks (after a
        turn of ``lane``, when given)."""
        if (hit := self.cached(job)) is not None:
            return hit
        answers: list[Answer] = []
        if extractor is not None:
            check = self.check(job)
            for messages in self.messages(job):
                answers.append(await extractor.aextract(messages, usage=job.usage, check=check))
        if lane is not None:
            await lane.turn()
        return self.remember(job, self.finish(job, answers))

    # -- result cache ----------------------------------------------------------------------

    def cache_key(self, job: Job) -> str:
        """The key of ``job``'s result: the document and every setting the result depends on,
        the task's name and version among them."""
        if self._cache_settings is None:
            from summarizer import __version__

            s, c, task = self.settings, self.config, self.task
            self._cache_settings = {
                "library": __version__, "backend": c.name, "model": s.model,
                "endpoint": c.model_path if c.name == "local" else c.base_url,
                "mode": s.mode, "task": task.name, "task_version": task.version,
                "prompt_version": task.prompt_version,
                "schema_version": task.schema_version, "max_reasks": s.max_reasks,
                "max_input_tokens": self.max_input_tokens,
                "max_output_tokens": s.max_output_tokens, "temperature": s.temperature,
                "seed": s.seed, "extra_body": s.extra_body,
                "arbitration": self.arbitration, "trim_quotes": self.trim_quotes,
                "repair": self.repair,
                "rules": [f"{r.name}:{r.severity}:{getattr(r.check, '__module__', '')}."
                          f"{getattr(r.check, '__qualname__', '')}" for r in self.rules],
            }
        return cache_key(job.document.text, {
            **self._cache_settings, "kind": job.document.kind,
            "published": job.when.isoformat() if job.when else None,
        })

    def cached(self, job: Job) -> SummaryResult | None:
        """The stored result for this document and these settings, if any (LLM backends)."""
        if self.cache is None or not self.config.is_llm:
            return None
        key = self.cache_key(job)
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

    def remember(self, job: Job, result: SummaryResult) -> SummaryResult:
        """Store a successful LLM result (errors never reach here: they raise)."""
        if self.cache is not None and self.config.is_llm and result.ok:
            key, record = self.cache_key(job), result.to_record()
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
                    warn(f"{fault.message}; moved it to {str(aside)!r} and started a new cache")
                    return None
            warn(f"{fault.message}; going on without the result cache")
            self.cache = None
            if self.owns_cache and isinstance(cache, Closable):
                with contextlib.suppress(Exception):  # closing a broken cache may fail too
                    cache.close()
        return None

    def close(self) -> None:
        """Close HTTP clients and a cache opened from a path (a managed local server is shared
        and stops at exit)."""
        if self.client is not None:
            self.client.close()
        if self.owns_cache and isinstance(self.cache, Closable):
            self.cache.close()


def warn(message: str) -> None:
    """One line on stderr (where the CLI writes its notes too)."""
    if sys.stderr is not None:
        print(f"summarizer: warning: {printable(' '.join(message.split()))}", file=sys.stderr)
