"""LangChain: the summarizer as a ``Runnable``, for LCEL chains.

    >>> from langchain_core.runnables import RunnableLambda
    >>> from summarizer.integrations.langchain import SummarizerRunnable
    >>> chain = RunnableLambda(fetch_release) | SummarizerRunnable({"backend": "rules"})
    >>> chain.invoke("https://example.com/pr/123").summary.outcome.decision  # doctest: +SKIP
    >>> chain.batch(urls, config={"max_concurrency": 4})                       # doctest: +SKIP

Inputs: the release text (``str``/``bytes``), a path, a ``BatchItem``, an ``(id, text)`` tuple
or a mapping ``{"text": ..., "id"|"source": ..., "published": ...}`` (what an upstream step of a
chain usually produces). Output: the ``SummaryResult`` (default), or its JSON record dict
(``output="record"``) for chains that serialise or hand the result to a prompt.

``batch``/``abatch`` go through ``Summarizer.summarize_many``/``asummarize_many`` rather than
LangChain's thread pool: the summarizer bounds in-flight requests itself, with
``max_concurrency`` from the ``RunnableConfig`` (else ``concurrency``). Callbacks, tags,
metadata and ``run_name`` of the config reach LangChain's tracing as for any Runnable.

Errors: ``errors="raise"`` (default) follows LangChain: ``invoke`` raises the
``SummarizerError``, ``batch`` raises the first one or, with ``return_exceptions=True``, returns
it in its slot. ``errors="record"`` follows the summarizer's batch style: a failed document is a
``SummaryResult`` (or record) with ``error`` set.

Needs langchain-core: ``pip install 'regulatory-summarizer[langchain]'``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from summarizer.integrations import require, summarizer_from

require("langchain_core", "langchain")

from langchain_core.runnables import Runnable, RunnableConfig  # noqa: E402
from langchain_core.runnables.config import get_config_list  # noqa: E402

from summarizer import errors  # noqa: E402
from summarizer import errors as errors_module  # noqa: E402 - ``errors`` is also an argument
from summarizer.arguments import check_int, check_text, describe  # noqa: E402
from summarizer.types import ErrorInfo, SummaryResult, Usage  # noqa: E402

if TYPE_CHECKING:
    from summarizer.api import Summarizer

__all__ = ["SummarizerRunnable", "error_from_record"]

#: what the runnable accepts (see the module docstring)
RunnableInput = Any
RunnableOutput = SummaryResult | dict[str, Any]


def error_from_record(result: SummaryResult) -> errors.SummarizerError:
    """The exception a failed batch result stands for (its class by name, its message, usage).

    ``summarize_many`` turns exceptions into ``error`` records; LangChain's batch contract wants
    exceptions back, so the record is turned into the same ``SummarizerError`` subclass.
    """
    info = result.error or ErrorInfo(type="SummarizerError", code="error", message="failed")
    cls = getattr(errors, info.type, None)
    if not (isinstance(cls, type) and issubclass(cls, errors.SummarizerError)):
        cls = errors.SummarizerError
    try:
        exc = cls(info.message, usage=result.usage)
    except TypeError:  # a subclass with required extra arguments
        exc = errors.SummarizerError(info.message, usage=result.usage)
    return exc


class SummarizerRunnable(Runnable[RunnableInput, RunnableOutput]):
    """A LangChain Runnable that summarizes regulatory press releases.

    ``summarizer`` is a configured ``Summarizer``, its settings as a mapping, or ``None`` for
    the environment's configuration. ``output`` picks ``SummaryResult`` or the record dict;
    ``errors`` picks raising (LangChain style) or error records (summarizer batch style);
    ``concurrency`` is the default number of documents in flight in ``batch``.
    """

    def __init__(
        self,
        summarizer: Summarizer | Mapping[str, Any] | None = None,
        *,
        output: Literal["result", "record"] = "result",
        errors: Literal["raise", "record"] = "raise",
        concurrency: int = 8,
        name: str | None = None,
    ) -> None:
        if output not in ("result", "record"):
            raise errors_module.ConfigurationError(
                f"output must be 'result' or 'record', got {describe(output)}")
        if errors not in ("raise", "record"):
            raise errors_module.ConfigurationError(
                f"errors must be 'raise' or 'record', got {describe(errors)}")
        check_int("concurrency", concurrency, minimum=1)
        check_text("name", name)
        self.summarizer: Summarizer = summarizer_from(summarizer)[0]
        self.output = output
        self.errors = errors
        self.concurrency = concurrency
        self.name = name

    def __repr__(self) -> str:
        return f"SummarizerRunnable({self.summarizer!r}, output={self.output!r})"

    # -- input and output ------------------------------------------------------------------

    @staticmethod
    def _unpack(value: Any) -> tuple[Any, str | None, Any]:
        """(text, source id, published) of one input."""
        from summarizer.batching import BatchItem

        if isinstance(value, BatchItem):
            return value.text, value.id, value.published
        if isinstance(value, Mapping):
            if "text" not in value:
                raise errors.InputError(
                    f"a mapping input needs a 'text' key (got keys {list(value)})"
                )
            source = value.get("id", value.get("source"))
            return value["text"], None if source is None else str(source), value.get("published")
        if isinstance(value, tuple) and len(value) == 2:
            return value[1], str(value[0]), None
        if isinstance(value, str | bytes | os.PathLike):
            return value, None, None
        raise errors.InputError(
            f"cannot summarize a {type(value).__name__}: pass text, bytes, a path, a BatchItem, "
            "an (id, text) tuple or a mapping with 'text'"
        )

    def _batch_inputs(self, values: list[Any]) -> tuple[list[Any], list[Any]]:
        """The inputs as ``BatchItem``s for ``summarize_many``, and one slot per input:
        ``None`` where a result will go, or the error of an input that cannot be summarized at
        all (so that it fails alone, not the whole batch)."""
        from summarizer.batching import BatchItem

        slots: list[Any] = []
        items: list[Any] = []
        for position, value in enumerate(values):
            try:
                text, source, published = self._unpack(value)
            except errors.InputError as exc:
                failed = self._failed(exc, None)
                slots.append(failed if self.errors == "record" else exc)
                continue
            slots.append(None)
            if source is None:  # as summarize_many names bare inputs: a path, else the position
                source = os.fspath(text) if isinstance(text, os.PathLike) else str(position)
            items.append(BatchItem(source, text, published))
        return slots, items

    def _fill(
        self, slots: list[Any], results: list[SummaryResult]
    ) -> list[RunnableOutput | Exception]:
        """The batch output: each result in its input's slot (one result per item, in order)."""
        if len(results) != sum(1 for s in slots if s is None):
            raise RuntimeError(
                f"summarize_many returned {len(results)} results for {len(slots)} inputs"
            )
        pending = iter(results)
        out: list[RunnableOutput | Exception] = []
        for slot in slots:
            if slot is None:
                out.append(self._settle(next(pending)))
            elif isinstance(slot, SummaryResult):
                out.append(self._shape(slot))
            else:
                out.append(slot)
        return out

    def _shape(self, result: SummaryResult) -> RunnableOutput:
        return result.to_record() if self.output == "record" else result

    def _settle(self, result: SummaryResult) -> RunnableOutput | Exception:
        """A batch slot: the output, or the exception a failed result stands for."""
        if result.error is not None and self.errors == "raise":
            return error_from_record(result)
        return self._shape(result)

    @staticmethod
    def _failed(exc: errors.SummarizerError, source: str | None) -> SummaryResult:
        return SummaryResult(
            source=source, usage=exc.usage or Usage(),
            error=ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message),
        )

    def _concurrency(self, config: RunnableConfig | list[RunnableConfig] | None, n: int) -> int:
        configs = get_config_list(config, n)
        limits = [int(c.get("max_concurrency") or 0) for c in configs]
        given = [n for n in limits if n > 0]
        return min(given) if given else self.concurrency

    # -- one input -------------------------------------------------------------------------

    def _invoke(self, value: Any) -> RunnableOutput:
        text, source, published = self._unpack(value)
        try:
            result = self.summarizer.summarize(text, published=published, source=source)
        except errors.SummarizerError as exc:
            if self.errors == "raise":
                raise
            result = self._failed(exc, source)
        return self._shape(result)

    async def _ainvoke(self, value: Any) -> RunnableOutput:
        text, source, published = self._unpack(value)
        try:
            result = await self.summarizer.asummarize(text, published=published, source=source)
        except errors.SummarizerError as exc:
            if self.errors == "raise":
                raise
            result = self._failed(exc, source)
        return self._shape(result)

    def invoke(
        self, input: RunnableInput, config: RunnableConfig | None = None, **kwargs: Any
    ) -> RunnableOutput:
        """Summarize one release (see the class docstring for inputs and outputs)."""
        return self._call_with_config(self._invoke, input, config, run_type="chain")

    async def ainvoke(
        self, input: RunnableInput, config: RunnableConfig | None = None, **kwargs: Any
    ) -> RunnableOutput:
        """Async twin of ``invoke`` (``Summarizer.asummarize``)."""
        return await self._acall_with_config(self._ainvoke, input, config, run_type="chain")

    # -- many inputs -----------------------------------------------------------------------

    def batch(
        self,
        inputs: list[RunnableInput],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any | None,
    ) -> list[RunnableOutput]:
        """Summarize many releases through ``summarize_many``, in input order; at most
        ``max_concurrency`` (from the config, else ``concurrency``) in flight."""
        if not inputs:
            return []
        concurrency = self._concurrency(config, len(inputs))

        def run(values: list[Any]) -> list[RunnableOutput | Exception]:
            slots, items = self._batch_inputs(values)
            results = list(self.summarizer.summarize_many(
                items, concurrency=concurrency, ordered=True
            ))
            return self._fill(slots, results)

        return self._batch_with_config(run, inputs, config, return_exceptions=return_exceptions,
                                       run_type="chain")

    async def abatch(
        self,
        inputs: list[RunnableInput],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any | None,
    ) -> list[RunnableOutput]:
        """Async twin of ``batch`` (``Summarizer.asummarize_many``)."""
        if not inputs:
            return []
        concurrency = self._concurrency(config, len(inputs))

        async def run(values: list[Any]) -> list[RunnableOutput | Exception]:
            slots, items = self._batch_inputs(values)
            results = [r async for r in self.summarizer.asummarize_many(
                items, concurrency=concurrency, ordered=True
            )]
            return self._fill(slots, results)

        return await self._abatch_with_config(run, inputs, config,
                                              return_exceptions=return_exceptions,
                                              run_type="chain")
