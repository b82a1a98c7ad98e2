"""Many documents at once: bounded, adaptive concurrency over the async client.

``Summarizer.asummarize_many`` / ``summarize_many`` (built on ``start_many`` and
``iterate_in_thread`` here) take an iterable of inputs and yield one ``SummaryResult`` per input,
as they complete (``ordered=True``: in input order). A document that fails becomes a result with
``error`` set; nothing but a bad setting raises.

* At most ``concurrency`` requests are in flight. Inputs are pulled lazily: at most
  ``2 * concurrency`` documents are in work (read and prepared, waiting for a request slot, in
  flight, or being checked; in ordered mode also those done but waiting for their turn), so an
  iterable of 200,000 paths is never materialised. The second ``concurrency`` keeps every
  request slot busy while finished answers are being checked: the checks are CPU work that
  would otherwise hold a slot idle.
* Every HTTP attempt passes an ``AdaptiveLimiter`` (AIMD): a 429 halves the number of requests
  allowed in flight (once per round), every ``grow_after`` successes give one back, never below
  1 nor above ``concurrency``; a round's ``Retry-After`` pauses new requests for that long.
  Sporadic 429s (no more than ``tolerance`` of the recent answers) are only retried: an
  endpoint that rejects a fixed share of requests at random is not a rate limit to back off from.
  The limiter hooks into the transport-retry layer of ``summarizer.extraction``
  (``RequestGate``), which retries the 429 itself.
* Network first: the CPU-heavy steps of a document (reading and preparing the release, parsing
  and checking an answer, the final rules) take turns through a ``CpuLane`` that lets them run
  only when the event loop has no other callback ready (or after ``max_wait``). Requests whose
  slot just freed go out, and answers already on the wire are read, before the next document is
  checked: a check never holds a request slot idle behind it.
* The sync version runs the async loop in a worker thread and hands results over a bounded
  queue, so it works the same from plain code and from inside a running event loop (Jupyter).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import queue
import threading
import time
import weakref
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from summarizer import errors
from summarizer.types import ErrorInfo, SummaryResult, Usage

if TYPE_CHECKING:
    from summarizer._pipeline import Pipeline

__all__ = [
    "AdaptiveLimiter",
    "BatchInput",
    "BatchItem",
    "CpuLane",
    "as_item",
    "error_result",
    "iterate_in_thread",
    "loop_lane",
    "start_many",
]

Input = str | bytes | os.PathLike[str]
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch: its id (the result's ``source``), the release, its date."""

    id: str
    text: Input
    published: dt.date | str | None = None


#: what a batch accepts per input: a BatchItem, an ``(id, text)`` pair, or a bare text/path
BatchInput = BatchItem | tuple[str, Input] | Input


def as_item(index: int, obj: object) -> BatchItem:
    """Normalise one batch input. A bare str/bytes gets its position as id, a path its path."""
    if isinstance(obj, BatchItem):
        return obj
    if isinstance(obj, tuple):
        if len(obj) == 2 and isinstance(obj[0], str) and isinstance(
            obj[1], str | bytes | os.PathLike
        ):
            return BatchItem(obj[0], obj[1])
        raise errors.InputError(
            f"input {index}: a tuple must be (id, text), got {len(obj)} item(s)"
        )
    if isinstance(obj, os.PathLike):
        from summarizer.intake import source_name

        return BatchItem(source_name(obj), obj)
    if isinstance(obj, str | bytes):
        return BatchItem(str(index), obj)
    raise errors.InputError(
        f"input {index}: unsupported type {type(obj).__name__} (pass str, bytes, a path, "
        "an (id, text) tuple or a BatchItem)"
    )


def error_result(source: str | None, exc: BaseException) -> SummaryResult:
    """The record of a document that failed: no summary, the typed error, the usage spent."""
    if isinstance(exc, errors.SummarizerError):
        info = ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message)
        usage = exc.usage if exc.usage is not None else Usage()
    else:  # a bug must not sink the batch: report it on this record
        info = ErrorInfo(type=type(exc).__name__, code="internal", message=str(exc) or repr(exc))
        usage = Usage()
    return SummaryResult(source=source, error=info, usage=usage)


# -- adaptive concurrency --------------------------------------------------------------------


class AdaptiveLimiter:
    """AIMD limit on concurrent HTTP requests, driven by the endpoint's 429 answers.

    ``acquire`` waits for a free slot (and for any ``Retry-After`` pause to end) and returns a
    ticket; ``release`` returns the slot with the attempt's HTTP status. A 429 multiplies the
    limit by ``backoff`` (halves it) once per round: 429s of requests admitted before the last
    decrease neither decrease it again nor extend the pause (they answer a load already shed).
    Every ``grow_after`` successes since the last decrease add one slot, up to ``maximum``. A
    503, or a round's first 429, with ``Retry-After`` holds back new requests that long (at
    most ``max_pause`` seconds); requests already sent are not affected, and each rate-limited
    request still waits its own ``Retry-After`` in the retry layer.

    A 429 counts as congestion only when more than ``tolerance`` of the last answers (the last
    ``2 * maximum``, at least 8) were 429s: a rate limit, once hit, rejects most requests until
    it resets, while an endpoint that turns a steady share of requests away at random gains
    nothing from fewer requests. Below that share a 429 neither cuts the limit nor pauses; its
    request is retried after its own ``Retry-After``. ``tolerance=0`` reacts to every 429.

    It implements ``summarizer.extraction.RequestGate``; one limiter may be shared by several
    runs. ``lowest``, ``decreases`` and ``rate_limited`` tell what happened.
    """

    def __init__(
        self,
        maximum: int,
        *,
        grow_after: int = 8,
        backoff: float = 0.5,
        max_pause: float = 60.0,
        tolerance: float = 0.3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(maximum, int) or maximum < 1:
            raise errors.ConfigurationError(f"concurrency must be an integer >= 1: {maximum!r}")
        if grow_after < 1 or not 0 < backoff < 1:
            raise errors.ConfigurationError("grow_after must be >= 1 and 0 < backoff < 1")
        if not 0 <= tolerance < 1:
            raise errors.ConfigurationError(f"tolerance must be in [0, 1): {tolerance!r}")
        self.maximum = maximum
        self.tolerance = tolerance
        self.limit = maximum
        self.grow_after = grow_after
        self.backoff = backoff
        self.max_pause = max_pause
        self.in_flight = 0
        self.lowest = maximum
        self.decreases = 0
        self.rate_limited = 0
        self._clock = clock
        self._epoch = 0
        self._successes = 0
        self._resume_at = 0.0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._recent: deque[bool] = deque(maxlen=max(8, 2 * maximum))  # answer was a 429
        self._recent_429s = 0

    def __repr__(self) -> str:
        return (f"AdaptiveLimiter(limit={self.limit}/{self.maximum}, "
                f"in_flight={self.in_flight}, lowest={self.lowest})")

    @property
    def paused_for(self) -> float:
        """Seconds until new requests may start again (0 when not paused)."""
        return max(0.0, self._resume_at - self._clock())

    async def acquire(self) -> int:
        """Wait for a slot; the ticket says under which limit the request was admitted."""
        if not self._waiters and self.paused_for == 0 and self.in_flight < self.limit:
            self.in_flight += 1
            return self._epoch
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        self._wake()
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # granted, then cancelled: give back
                self.in_flight -= 1
                self._wake()
            else:
                with contextlib.suppress(ValueError):
                    self._waiters.remove(waiter)
            raise
        return self._epoch

    def release(self, ticket: int, *, status: int | None, retry_after: float | None) -> None:
        """Give the slot back, with how the attempt ended (HTTP status, ``Retry-After``)."""
        self.in_flight -= 1
        if status is not None:
            self._remember(status == 429)
        # a reaction is due for a 429 admitted under the current limit (later 429s of the same
        # round are its echo) when 429s are no longer sporadic
        react = status == 429 and ticket == self._epoch and (
            self._recent_429s > self.tolerance * len(self._recent))
        if status == 429:
            self.rate_limited += 1
            lower = max(1, int(self.limit * self.backoff))
            # at the floor there is nothing to cut: the successes counted towards growth count
            if react and lower < self.limit:
                self.decreases += 1
                self.limit = lower
                self.lowest = min(self.lowest, lower)
                self._epoch += 1
                self._successes = 0
        elif status is not None and status < 400:
            self._successes += 1
            if self._successes >= self.grow_after and self.limit < self.maximum:
                self.limit += 1
                self._successes = 0
        if retry_after is not None and (status == 503 or react):
            pause = min(max(0.0, retry_after), self.max_pause)
            self._resume_at = max(self._resume_at, self._clock() + pause)
        self._wake()

    def _remember(self, limited: bool) -> None:
        if len(self._recent) == self._recent.maxlen and self._recent[0]:
            self._recent_429s -= 1
        self._recent.append(limited)
        self._recent_429s += limited

    def _wake(self) -> None:
        """Hand free slots to waiters, first come first served; re-arm after a pause."""
        pause = self.paused_for
        if pause > 0:
            if self._waiters and self._timer is None:
                loop = asyncio.get_running_loop()
                self._timer = loop.call_later(pause, self._after_pause)
            return
        while self._waiters and self.in_flight < self.limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.in_flight += 1
                waiter.set_result(None)

    def _after_pause(self) -> None:
        self._timer = None
        self._wake()


# -- CPU scheduling --------------------------------------------------------------------------


class CpuLane:
    """Turns for the CPU-heavy steps of a batch, given when the event loop is otherwise idle.

    One event loop runs every request of a batch and every document's checks. Its queue is first
    come first served: when a burst of answers arrives, each answer's parsing and rules (several
    ms of CPU) would run before any request whose slot those answers freed could go out, and
    every request slot would sit idle that long. ``await lane.turn()`` before such a step puts
    it behind all ready network work: one turn is given per loop iteration, and only in an
    iteration with no other callback ready, or once the oldest waiter has waited ``max_wait``
    seconds (so work of other tasks sharing the loop cannot starve the batch). On an event loop
    that does not expose its ready queue (e.g. uvloop), one turn is given per iteration. Runs
    on the same loop share its lane (``loop_lane``): two lanes would each see the other's
    turn-giving as ready work and give turns only every ``max_wait``.
    """

    def __init__(self, *, max_wait: float = 0.05) -> None:
        self.max_wait = max_wait
        self.turns = 0
        self.deferred = 0
        self._waiters: deque[tuple[float, asyncio.Future[None]]] = deque()
        self._pumping = False

    def __repr__(self) -> str:
        return f"CpuLane(waiting={len(self._waiters)}, turns={self.turns})"

    async def turn(self) -> None:
        """Wait for this step's turn (cancellable; a cancelled waiter gives its turn on)."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append((loop.time(), waiter))
        if not self._pumping:
            self._pumping = True
            loop.call_soon(self._pump, loop)
        await waiter

    def _pump(self, loop: asyncio.AbstractEventLoop) -> None:
        while self._waiters and self._waiters[0][1].done():  # cancelled while waiting
            self._waiters.popleft()
        if not self._waiters:
            self._pumping = False
            return
        since, waiter = self._waiters[0]
        if _others_ready(loop) and loop.time() - since < self.max_wait:
            self.deferred += 1
        else:
            self._waiters.popleft()
            self.turns += 1
            waiter.set_result(None)
        loop.call_soon(self._pump, loop)


_LANES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CpuLane] = (
    weakref.WeakKeyDictionary()
)


def loop_lane() -> CpuLane:
    """The running event loop's lane, shared by every batch run on that loop."""
    loop = asyncio.get_running_loop()
    lane = _LANES.get(loop)
    if lane is None:
        lane = _LANES[loop] = CpuLane()
    return lane


def _others_ready(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether callbacks other than the caller's are queued to run (asyncio's own loop keeps
    them in ``_ready``; a loop without it counts as idle: one turn per iteration)."""
    ready = getattr(loop, "_ready", None)
    return ready is not None and len(ready) > 0


# -- the many-loop ---------------------------------------------------------------------------


async def _enumerate(inputs: Iterable[object] | AsyncIterable[object]) -> AsyncIterator[
    tuple[int, object]
]:
    """Pull inputs one at a time (sync or async iterable), numbered from 0."""
    index = 0
    if isinstance(inputs, AsyncIterable):
        async for obj in inputs:
            yield index, obj
            index += 1
    else:
        for obj in inputs:
            yield index, obj
            index += 1


async def bounded(
    source: AsyncIterator[tuple[int, T]],
    work: Callable[[int, T], Awaitable[R]],
    *,
    window: int,
    ordered: bool = False,
) -> AsyncIterator[R]:
    """Run ``work`` over ``source`` with at most ``window`` calls running (or, ``ordered``,
    running or done and waiting for their turn), pulling the next input only when there is
    room; yield results as they complete or in input order. ``source`` is numbered from 0
    without gaps; ``work`` must not raise."""
    running: dict[asyncio.Future[R], int] = {}
    ready: dict[int, R] = {}
    next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) + len(ready) < window:
                try:
                    index, obj = await anext(source)
                except StopAsyncIteration:
                    exhausted = True
                    break
                running[asyncio.ensure_future(work(index, obj))] = index
            if not running:
                break
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in sorted(done, key=running.__getitem__):
                index = running.pop(task)
                if ordered:
                    ready[index] = task.result()
                else:
                    yield task.result()
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
    finally:
        for task in running:
            task.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)


def _limiter(pipeline: Pipeline, concurrency: int) -> AdaptiveLimiter:
    """A run's own limiter: pauses no longer than the transport retries would wait."""
    return AdaptiveLimiter(concurrency, max_pause=pipeline.settings.max_retry_wait)


def _check_settings(concurrency: int, published: dt.date | str | None, ordered: bool,
                    limiter: AdaptiveLimiter | None) -> None:
    from summarizer.arguments import check_flag, check_published, describe

    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise errors.ConfigurationError(f"concurrency must be an integer >= 1: {concurrency!r}")
    check_published(published)
    check_flag("ordered", ordered)
    if limiter is not None and not (hasattr(limiter, "acquire") and hasattr(limiter, "release")):
        raise errors.ConfigurationError(
            f"limiter must be an AdaptiveLimiter (acquire/release), got {describe(limiter)}")


def start_many(
    pipeline: Pipeline,
    inputs: Iterable[BatchInput] | AsyncIterable[BatchInput],
    *,
    concurrency: int,
    ordered: bool,
    published: dt.date | str | None,
    limiter: AdaptiveLimiter | None,
) -> Callable[[], AsyncIterator[SummaryResult]]:
    """Check the settings now (not at first iteration) and return what starts the run of
    ``pipeline`` (a ``Summarizer``'s): the async iterator of ``Summarizer.asummarize_many``,
    which ``summarize_many`` runs in a thread.
    """
    _check_settings(concurrency, published, ordered, limiter)

    def start() -> AsyncIterator[SummaryResult]:
        return _amany(pipeline, inputs, concurrency=concurrency, ordered=ordered,
                      published=published, limiter=limiter or _limiter(pipeline, concurrency))

    return start


async def _amany(
    pipeline: Pipeline,
    inputs: Iterable[BatchInput] | AsyncIterable[BatchInput],
    *,
    concurrency: int,
    ordered: bool,
    published: dt.date | str | None,
    limiter: AdaptiveLimiter,
) -> AsyncIterator[SummaryResult]:
    lane = loop_lane()
    extractor, client = pipeline.batch_extractor(limiter, lane)

    async def one(index: int, obj: object) -> SummaryResult:
        source: str | None = str(index)
        try:
            item = as_item(index, obj)
            source = item.id
            when = item.published if item.published is not None else published
            await lane.turn()
            job = pipeline.prepare(item.text, when, item.id)
            return await pipeline.arun(job, extractor, lane)
        except Exception as exc:  # one bad document is a record, never the end of the batch
            return error_result(source, exc)

    try:
        async for result in bounded(_enumerate(inputs), one, window=2 * concurrency,
                                    ordered=ordered):
            yield result
    finally:
        if client is not None:
            await client.close()


# -- sync bridge -----------------------------------------------------------------------------


def iterate_in_thread(start: Callable[[], AsyncIterator[T]], *, buffer: int) -> Iterator[T]:
    """Iterate an async iterator from sync code: its loop runs in a worker thread (started at
    the first ``next``), at most ``buffer`` results wait unconsumed; closing the iterator early
    cancels the work. Safe to call from inside a running event loop."""
    handover: queue.Queue[tuple[str, Any]] = queue.Queue()
    control: dict[str, Any] = {}
    started = threading.Event()

    async def pump() -> None:
        credits = asyncio.Semaphore(buffer)
        control.update(loop=asyncio.get_running_loop(), credits=credits,
                       task=asyncio.current_task())
        started.set()
        results = start()
        try:
            async for result in results:
                await credits.acquire()
                handover.put(("item", result))
        finally:
            closing = getattr(results, "aclose", None)
            if closing is not None:
                await closing()

    def main() -> None:
        try:
            asyncio.run(pump())
        except BaseException as exc:  # handed to the consumer, raised there
            handover.put(("error", exc))
        else:
            handover.put(("done", None))
        finally:
            started.set()

    thread = threading.Thread(target=main, name="summarizer-many", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = handover.get()
            if kind == "item":
                with contextlib.suppress(RuntimeError):  # the loop is gone once all is done
                    control["loop"].call_soon_threadsafe(control["credits"].release)
                yield value
            elif kind == "done":
                return
            else:
                raise value
    finally:
        if thread.is_alive():
            started.wait()
            loop, task = control.get("loop"), control.get("task")
            if loop is not None and task is not None:
                with contextlib.suppress(RuntimeError):  # the loop may have just closed
                    loop.call_soon_threadsafe(task.cancel)
            thread.join()
