"""The public entry point: ``Summarizer`` (configured once) and module-level ``summarize()``."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summarizer import errors
from summarizer.backends import BackendConfig, ExtractionSettings, resolve_backend
from summarizer.grounding import SourceIndex, ground
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES, Document, load
from summarizer.merging import fill_gaps, merge_summaries
from summarizer.prompting import PROMPT_VERSION, build_messages, reask_message
from summarizer.rules import RULES, Rule, reask_messages, run_rules
from summarizer.rules_backend import summarize_with_rules
from summarizer.schemas.summary import SCHEMA_VERSION, RegulatorySummary
from summarizer.sections import PromptView, chunk_view, prompt_view
from summarizer.types import Finding, Meta, SummaryResult, Usage

if TYPE_CHECKING:  # openai and instructor load on first LLM use: the rules backend stays fast
    import openai

    from summarizer.extraction import Extractor

__all__ = ["Summarizer", "parse_published", "summarize"]

Input = str | bytes | os.PathLike[str]


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A release date given as a date or ``YYYY-MM-DD`` (ConfigurationError otherwise)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise errors.ConfigurationError(f"published must be YYYY-MM-DD, got {value!r}") from exc


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

    ``max_attempts`` bounds HTTP attempts per model answer (transport retries); ``max_reasks``
    bounds how often an invalid or rule-breaking answer is sent back for correction;
    ``token_budget`` caps the tokens one document may spend; ``max_input_tokens`` is the
    document budget per request (longer releases are split on section borders and merged).
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
        timeout: float = 120.0,
        max_attempts: int = 4,
        max_reasks: int = 2,
        max_retry_wait: float = 60.0,
        token_budget: int | None = None,
        max_input_tokens: int = 4000,
        max_output_tokens: int | None = 2048,
        max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
        rules: Sequence[Rule] = RULES,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
        extra_body: dict[str, Any] | None = None,
    ) -> None:
        if client is not None or async_client is not None:
            backend = backend or "openai"
            base_url = base_url or str((client or async_client).base_url)  # type: ignore[union-attr]
        self.config: BackendConfig = resolve_backend(
            backend, model=model, base_url=base_url, api_key=api_key, mode=mode,
            model_path=model_path,
        )
        if self.config.reason != "explicit" and self.config.name == "rules":
            print(f"summarizer: using the rules backend: {self.config.reason}", file=sys.stderr)
        self.timeout = timeout
        self.max_input_tokens = max_input_tokens
        self.max_input_bytes = max_input_bytes
        self.rules = tuple(rules)
        self._client = client
        self._async_client = async_client
        self._local_server: Any = None
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
            self._async_client = openai.AsyncOpenAI(
                api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
                timeout=self.timeout, max_retries=0,
            )
        if not use_async and self._client is None:
            self._client = openai.OpenAI(
                api_key=self.config.api_key or "not-needed", base_url=self._base_url(),
                timeout=self.timeout, max_retries=0,
            )
        return Extractor(self.settings, client=self._client, async_client=self._async_client)

    # -- pipeline --------------------------------------------------------------------------

    def _prepare(
        self, text: Input, published: dt.date | str | None, source: str | None
    ) -> _Job:
        if isinstance(text, os.PathLike) and source is None:
            source = os.fspath(text)
        document = load(
            text, source=source, published=parse_published(published),
            max_input_bytes=self.max_input_bytes,
        )
        when = parse_published(published) or document.published
        if not self.config.is_llm:
            return _Job(document, when, None, [], SourceIndex(document.text))
        view = prompt_view(document.text, document.sections)
        parts = [view.text] if view.tokens <= self.max_input_tokens else chunk_view(
            view, self.max_input_tokens
        )
        return _Job(document, when, view, parts, SourceIndex(document.text))

    def _check(self, job: _Job) -> Callable[[RegulatorySummary], str | None]:
        def check(summary: RegulatorySummary) -> str | None:
            probe = ground(summary.model_copy(deep=True), job.index)
            findings = run_rules(probe, job.document, published=job.when, rules=self.rules,
                                 index=job.index)
            problems = reask_messages(findings)
            return reask_message(problems) if problems else None

        return check

    def _finish(self, job: _Job, summaries: list[RegulatorySummary]) -> SummaryResult:
        findings: list[Finding] = []
        if self.config.is_llm:
            summary = merge_summaries([ground(s, job.index) for s in summaries])
            fallback = summarize_with_rules(job.document, published=job.when)
            for path in fill_gaps(summary, ground(fallback, job.index)):
                findings.append(Finding(
                    rule="filled_from_rules", severity="info", path=path,
                    message=f"the model left {path} empty; filled from the rules backend",
                ))
        else:
            summary = summarize_with_rules(job.document, published=job.when)
        ground(summary, job.index)
        findings = run_rules(summary, job.document, published=job.when, rules=self.rules,
                             index=job.index) + findings
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
        summaries: list[RegulatorySummary] = []
        if self.config.is_llm:
            extractor, check = self._extractor(use_async=False), self._check(job)
            for messages in job.messages():
                summaries.append(extractor.extract(messages, usage=job.usage, check=check))
        return self._finish(job, summaries)

    async def asummarize(
        self,
        text: Input,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> SummaryResult:
        """Async twin of ``summarize`` (HTTP through ``openai.AsyncOpenAI``)."""
        job = self._prepare(text, published, source)
        summaries: list[RegulatorySummary] = []
        if self.config.is_llm:
            extractor, check = self._extractor(use_async=True), self._check(job)
            for messages in job.messages():
                summaries.append(await extractor.aextract(messages, usage=job.usage, check=check))
        return self._finish(job, summaries)

    def close(self) -> None:
        """Close HTTP clients (a managed local server is shared and stops at exit)."""
        if self._client is not None:
            self._client.close()


def summarize(
    text: Input,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    **settings: Any,
) -> SummaryResult:
    """Summarize one release with a one-off ``Summarizer(**settings)``."""
    return Summarizer(**settings).summarize(text, published=published, source=source)
