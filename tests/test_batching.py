"""Many documents at once: one record per input, ordering, laziness, the adaptive limiter, 429
storms over a real socket (``ScaleServer``), sync and async, inside a running loop."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import ConfigurationError, Summarizer, SummaryResult
from summarizer.batching import (
    AdaptiveLimiter,
    BatchItem,
    CpuLane,
    _others_ready,
    as_item,
    loop_lane,
)
from summarizer.tasks.regulatory.rules import RULES, Rule, RuleContext
from summarizer.testing import (
    LoopbackServer,
    Reply,
    ScaleServer,
    release_text,
    rules_answer,
    synthetic_release,
)

DOCS = [synthetic_release(i) for i in range(24)]


def _summarizer(server: LoopbackServer, **kwargs: Any) -> Summarizer:
    settings: dict[str, Any] = {"model": "local", "mode": "json", "max_retry_wait": 2.0,
                                "timeout": 10.0}
    settings.update(kwargs)
    return Summarizer(base_url=server.base_url, **settings)


def _sources(results: list[SummaryResult]) -> list[str | None]:
    return [r.source for r in results]


# -- records -----------------------------------------------------------------------------------


def test_one_record_per_input_with_its_id_errors_included(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(DOCS[3])
    inputs: list[Any] = [
        BatchItem("item-a", DOCS[0], published="2021-03-01"),
        ("pair-b", DOCS[1]),
        DOCS[2],                      # bare text: its position
        path,                         # a path: the path
        DOCS[4].encode(),             # bytes: its position
        "   ",                        # rejected input: an error record, not an exception
        ("too", "many", "items"),     # malformed: an error record at its position
        42,                           # unsupported type: idem
        BatchItem("bad-date", DOCS[5], published="March 2021"),
    ]
    with ScaleServer() as srv:
        results = list(_summarizer(srv).summarize_many(inputs, concurrency=4))
    by_source = {r.source: r for r in results}
    assert len(results) == len(inputs) == len(by_source)
    assert set(by_source) == {"item-a", "pair-b", "2", str(path), "4", "5", "6", "7", "bad-date"}
    for ok in ("item-a", "pair-b", "2", str(path), "4"):
        assert by_source[ok].ok and by_source[ok].usage.requests == 1, by_source[ok].error
    assert by_source["item-a"].meta is not None and by_source["item-a"].meta.published == (
        "2021-03-01")
    assert by_source["5"].error is not None and by_source["5"].error.code == "input"
    assert by_source["6"].error is not None and by_source["6"].error.code == "input"
    assert by_source["7"].error is not None and by_source["7"].error.code == "input"
    assert by_source["bad-date"].error is not None
    assert by_source["bad-date"].error.code == "configuration"


def test_a_failing_document_is_an_error_record_and_the_others_complete() -> None:
    def responder(body: dict[str, Any]) -> Reply:
        text = release_text(body)
        if "Norvale2 " in text:
            return Reply.status(500)
        return Reply.answer(rules_answer(text))

    with LoopbackServer(responder=responder) as srv:
        results = list(_summarizer(srv, max_attempts=2, max_retry_wait=0.05).summarize_many(
            [(f"d{i}", d) for i, d in enumerate(DOCS[:6])], concurrency=3))
    failed = [r for r in results if not r.ok]
    assert sorted(_sources(results)) == [f"d{i}" for i in range(6)]  # type: ignore[type-var]
    assert len(failed) == 1 and failed[0].source == "d2" and failed[0].error is not None
    assert failed[0].error.code == "http_status" and failed[0].usage.requests == 2
    assert json.loads(json.dumps(failed[0].to_record()))["summary"] is None


def test_bad_settings_raise_at_once_not_at_iteration() -> None:
    s = Summarizer(backend="rules")
    with pytest.raises(ConfigurationError):
        s.summarize_many(DOCS, concurrency=0)
    with pytest.raises(ConfigurationError):
        s.asummarize_many(DOCS, concurrency=-3)
    with pytest.raises(ConfigurationError):
        s.summarize_many(DOCS, published="yesterday")


def test_as_item_names_each_kind_of_input(tmp_path: Path) -> None:
    assert as_item(7, "text") == BatchItem("7", "text")
    assert as_item(0, tmp_path).id == str(tmp_path)
    assert as_item(1, ("x", b"raw")) == BatchItem("x", b"raw")


# -- ordering and laziness ---------------------------------------------------------------------


def _slow_first_answer(text: str) -> Any:
    if "Norvale0 " in text:  # the first document takes longest
        time.sleep(0.6)
    return rules_answer(text)


def test_results_come_as_completed_or_in_input_order() -> None:
    ids = [(f"d{i}", d) for i, d in enumerate(DOCS[:6])]
    received = threading.Semaphore(0)  # one release per result the caller has in hand
    gate = {"on": True}

    def first_answer_last(text: str) -> Any:
        # the first document is answered only once the caller holds the five others (no
        # timing involved: a loaded machine cannot reorder it)
        if "Norvale0 " in text and gate["on"]:
            for _ in range(5):
                assert received.acquire(timeout=30)
        return rules_answer(text)

    with ScaleServer(answer=first_answer_last) as srv:
        s = _summarizer(srv, timeout=60.0)
        as_completed: list[str | None] = []
        for result in s.summarize_many(ids, concurrency=6):
            as_completed.append(result.source)
            received.release()
        gate["on"] = False
        srv._answers.clear()
        ordered = _sources(list(s.summarize_many(ids, concurrency=6, ordered=True)))
    assert ordered == [f"d{i}" for i in range(6)]
    assert sorted(as_completed) == ordered  # type: ignore[type-var]
    assert as_completed[-1] == "d0"  # it finished last and was not held back for the others


def test_inputs_are_pulled_lazily_and_never_far_ahead() -> None:
    pulled = 0

    def endless() -> Iterator[str]:  # stands for 200,000 paths: it is never materialised
        nonlocal pulled
        number = 0
        while True:
            pulled += 1
            yield synthetic_release(number % 24)
            number += 1

    concurrency = 3
    with ScaleServer(latency=0.02) as srv:
        results = _summarizer(srv).summarize_many(endless(), concurrency=concurrency)
        for seen, result in enumerate(results, start=1):
            assert result.ok
            # in work: 2 * concurrency; handed over but unread: the sync bridge's one slot
            assert pulled <= seen + 2 * concurrency + 1
            assert srv.max_in_flight <= concurrency
            if seen == 12:
                break
        results.close()  # type: ignore[attr-defined]
        requests = len(srv.requests)
    assert pulled <= 12 + 2 * concurrency + 1 and requests <= pulled


def test_ordered_mode_buffers_at_most_twice_the_concurrency() -> None:
    pulled = 0

    def counted() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for i, doc in enumerate(DOCS[:16]):
            pulled += 1
            yield f"d{i}", doc

    high_water = 0

    async def main() -> list[str | None]:
        nonlocal high_water
        out = []
        async for result in s.asummarize_many(counted(), concurrency=3, ordered=True):
            high_water = max(high_water, pulled - len(out))
            out.append(result.source)
        return out

    with ScaleServer(answer=_slow_first_answer) as srv:
        s = _summarizer(srv)
        order = asyncio.run(main())
        held = srv.max_in_flight
    assert order == [f"d{i}" for i in range(16)]
    assert high_water <= 2 * 3  # the slow head held back the rest, within the bound
    assert held <= 3


# -- sync, async, inside a running loop ------------------------------------------------------


def test_async_with_an_async_iterable() -> None:
    async def source() -> AsyncIterator[BatchItem]:
        for i, doc in enumerate(DOCS[:5]):
            await asyncio.sleep(0)
            yield BatchItem(f"a{i}", doc)

    async def main(s: Summarizer) -> list[SummaryResult]:
        return [r async for r in s.asummarize_many(source(), concurrency=2)]

    with ScaleServer() as srv:
        results = asyncio.run(main(_summarizer(srv)))
    assert sorted(_sources(results)) == [f"a{i}" for i in range(5)]  # type: ignore[type-var]
    assert all(r.ok for r in results)


def test_sync_version_works_inside_a_running_event_loop() -> None:
    async def notebook_cell(s: Summarizer) -> list[SummaryResult]:
        # e.g. Jupyter: a loop is running, and the sync API is called from a cell
        asyncio.get_running_loop()
        return list(s.summarize_many(DOCS[:4], concurrency=2))

    with ScaleServer() as srv:
        s = _summarizer(srv)
        results = asyncio.run(notebook_cell(s))
        again = list(s.summarize_many(DOCS[4:6]))  # and again after that loop closed
    assert sorted(_sources(results)) == ["0", "1", "2", "3"]
    assert all(r.ok for r in results + again) and len(again) == 2


def test_closing_the_sync_iterator_early_stops_the_work() -> None:
    threads_before = threading.active_count()
    with ScaleServer(latency=0.2) as srv:
        results = _summarizer(srv).summarize_many(DOCS, concurrency=2)
        first = next(results)
        results.close()  # type: ignore[attr-defined]
        time.sleep(0.3)
        requests = len(srv.requests)
    assert first.ok and requests < len(DOCS)
    deadline = time.monotonic() + 5
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(t.name == "summarizer-many" for t in threading.enumerate())


def test_rules_backend_runs_many_too() -> None:
    results = list(Summarizer(backend="rules").summarize_many(DOCS[:5], ordered=True))
    assert _sources(results) == ["0", "1", "2", "3", "4"] and all(r.ok for r in results)


# -- the adaptive limiter ----------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _acquire(limiter: AdaptiveLimiter, count: int) -> list[int]:
    async def take() -> list[int]:
        return [await limiter.acquire() for _ in range(count)]

    return asyncio.run(take())


def _answer(limiter: AdaptiveLimiter, status: int | None, retry_after: float | None = None) -> None:
    """One request through the limiter: admitted, then answered with ``status``."""
    (ticket,) = _acquire(limiter, 1)
    limiter.release(ticket, status=status, retry_after=retry_after)


def test_limiter_halves_on_429_once_per_round_and_never_below_one() -> None:
    limiter = AdaptiveLimiter(16)
    tickets = _acquire(limiter, 4)
    limiter.release(tickets[0], status=429, retry_after=None)
    assert limiter.limit == 8 and limiter.decreases == 1
    limiter.release(tickets[1], status=429, retry_after=None)  # same round: no second halving
    assert limiter.limit == 8 and limiter.rate_limited == 2
    for ticket in tickets[2:]:
        limiter.release(ticket, status=None, retry_after=None)  # e.g. a connection error
    assert limiter.limit == 8 and limiter.in_flight == 0
    for expected in (4, 2, 1, 1, 1):
        _answer(limiter, 429)
        assert limiter.limit == expected
    assert limiter.lowest == 1 and limiter.decreases == 4


def test_limiter_grows_back_by_one_after_n_successes_up_to_the_maximum() -> None:
    limiter = AdaptiveLimiter(4, grow_after=3)
    _answer(limiter, 429)
    assert limiter.limit == 2
    for _ in range(2):
        _answer(limiter, 200)
    assert limiter.limit == 2
    _answer(limiter, 200)
    assert limiter.limit == 3
    for _ in range(30):
        _answer(limiter, 200)
    assert limiter.limit == 4  # never above the maximum
    _answer(limiter, 500)  # other errors: no change
    assert limiter.limit == 4


def test_limiter_holds_requests_back_for_retry_after_and_503_only_pauses() -> None:
    limiter = AdaptiveLimiter(4)

    async def scenario() -> tuple[float, float]:
        ticket = await limiter.acquire()
        limiter.release(ticket, status=503, retry_after=0.3)
        assert limiter.limit == 4 and limiter.paused_for > 0.2
        started = time.monotonic()
        ticket = await limiter.acquire()
        first = time.monotonic() - started
        limiter.release(ticket, status=429, retry_after=0.2)
        started = time.monotonic()
        ticket = await limiter.acquire()
        second = time.monotonic() - started
        limiter.release(ticket, status=200, retry_after=None)
        return first, second

    first, second = asyncio.run(scenario())
    assert first >= 0.25 and second >= 0.15 and limiter.limit == 2


def test_limiter_pause_is_capped_and_clock_driven() -> None:
    clock = FakeClock()
    limiter = AdaptiveLimiter(2, max_pause=5.0, clock=clock)
    _answer(limiter, 429, 3600)
    assert limiter.paused_for == 5.0
    clock.now += 5.0
    assert limiter.paused_for == 0.0


def test_limiter_never_lets_more_than_the_limit_in_flight() -> None:
    limiter = AdaptiveLimiter(3)
    peak = 0

    async def request(number: int) -> None:
        nonlocal peak
        ticket = await limiter.acquire()
        peak = max(peak, limiter.in_flight)
        await asyncio.sleep(0.01)
        limiter.release(ticket, status=429 if number == 5 else 200, retry_after=None)

    async def main() -> None:
        await asyncio.gather(*(request(i) for i in range(40)))

    asyncio.run(main())
    assert peak <= 3 and limiter.in_flight == 0 and limiter.limit in (1, 2, 3)


def test_limiter_survives_cancelled_waiters() -> None:
    limiter = AdaptiveLimiter(1)

    async def main() -> int:
        ticket = await limiter.acquire()
        waiter = asyncio.ensure_future(limiter.acquire())
        await asyncio.sleep(0.01)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        limiter.release(ticket, status=200, retry_after=None)
        second = await asyncio.wait_for(limiter.acquire(), 1)
        limiter.release(second, status=200, retry_after=None)
        return limiter.in_flight

    assert asyncio.run(main()) == 0



def test_sporadic_429s_are_retried_without_cutting_the_limit_or_pausing() -> None:
    clock = FakeClock()
    limiter = AdaptiveLimiter(8, clock=clock)  # tolerance 0.3 of the last 16 answers
    for _ in range(12):
        _answer(limiter, 200)
    for _ in range(4):
        _answer(limiter, 429, 1.0)  # at most 4 of the last 16: sporadic
    assert (limiter.limit, limiter.decreases, limiter.paused_for, limiter.rate_limited) == (
        8, 0, 0.0, 4)
    _answer(limiter, 429, 1.0)  # 5 of the last 16: a rate limit
    assert (limiter.limit, limiter.decreases, limiter.paused_for) == (4, 1, 1.0)

    strict = AdaptiveLimiter(8, tolerance=0.0, clock=clock)  # every 429 reacts
    for _ in range(12):
        _answer(strict, 200)
    _answer(strict, 429, 1.0)
    assert (strict.limit, strict.paused_for) == (4, 1.0)
    with pytest.raises(ConfigurationError):
        AdaptiveLimiter(8, tolerance=1.0)


# -- 429 storms over a real socket --------------------------------------------------------------


def test_429_storm_loses_no_document_sync() -> None:
    limiter = AdaptiveLimiter(8)
    with ScaleServer(latency=0.02, rate_limit_fraction=0.3, retry_after=0.05, seed=7) as srv:
        results = list(_summarizer(srv, max_attempts=10).summarize_many(
            [(f"d{i}", d) for i, d in enumerate(DOCS)], concurrency=8, limiter=limiter))
        statuses = dict(srv.statuses)
    sources = _sources([r for r in results if r.ok])
    assert len(results) == len(DOCS) and sorted(sources) == sorted(  # type: ignore[type-var]
        f"d{i}" for i in range(len(DOCS)))
    assert statuses[429] >= 3 and statuses[200] == len(DOCS)
    assert limiter.decreases >= 1 and limiter.lowest < 8
    assert sum(r.usage.requests for r in results) == statuses[429] + statuses[200]


def test_load_dependent_rate_limit_makes_the_limiter_back_off_async() -> None:
    """The endpoint admits 2 requests at a time and 429s the rest: the limiter must come down
    from 8, and every document still completes once."""
    limiter = AdaptiveLimiter(8, grow_after=50)

    async def main(s: Summarizer) -> list[SummaryResult]:
        return [r async for r in s.asummarize_many(DOCS, concurrency=8, limiter=limiter)]

    with ScaleServer(latency=0.05, capacity=2, retry_after=0.05) as srv:
        results = asyncio.run(main(_summarizer(srv, max_attempts=12)))
        statuses = dict(srv.statuses)
    assert sorted(int(s) for s in _sources(results)) == list(range(len(DOCS)))  # type: ignore[arg-type]
    assert all(r.ok for r in results)
    assert limiter.limit <= 2 and statuses.get(429, 0) >= 1
    assert srv.max_in_flight <= 2


def test_a_rounds_late_429s_neither_extend_the_pause_nor_stop_the_growth() -> None:
    clock = FakeClock()
    limiter = AdaptiveLimiter(8, grow_after=2, clock=clock)
    tickets = _acquire(limiter, 4)  # one round: all admitted under the same limit
    limiter.release(tickets[0], status=429, retry_after=1.0)
    assert limiter.limit == 4 and limiter.paused_for == 1.0
    clock.now += 0.5
    limiter.release(tickets[1], status=429, retry_after=1.0)  # the same round's echo
    assert limiter.paused_for == 0.5 and limiter.limit == 4 and limiter.rate_limited == 2
    clock.now += 0.5
    fresh = _acquire(limiter, 2)
    limiter.release(fresh[0], status=200, retry_after=None)
    limiter.release(tickets[2], status=429, retry_after=1.0)  # late: does not reset the count
    limiter.release(fresh[1], status=200, retry_after=None)
    assert limiter.limit == 5 and limiter.paused_for == 0.0 and limiter.decreases == 1
    _answer(limiter, 429, 2.0)  # a new round's 429 reacts again
    assert limiter.limit == 2 and limiter.paused_for == 2.0 and limiter.decreases == 2


def test_at_the_floor_a_429_does_not_undo_the_successes_counted_towards_growth() -> None:
    limiter = AdaptiveLimiter(4, grow_after=3)
    for _ in range(2):  # 4 -> 2 -> 1
        _answer(limiter, 429)
    assert limiter.limit == 1 and limiter.decreases == 2
    for status in (200, 200, 429, 200):  # two successes, a 429 with nothing left to cut, one
        _answer(limiter, status)
    assert limiter.limit == 2 and limiter.decreases == 2 and limiter.rate_limited == 3


# -- CPU lane: network work first ----------------------------------------------------------------


async def _spin(order: list[str], name: str, steps: int) -> None:
    for _ in range(steps):
        order.append(name)
        await asyncio.sleep(0)


def test_cpu_lane_gives_a_turn_only_once_the_loop_has_nothing_else_ready() -> None:
    async def main() -> list[str]:
        lane, order = CpuLane(max_wait=30.0), []

        async def heavy(name: str) -> None:
            await lane.turn()
            order.append(name)

        await asyncio.gather(heavy("turn-1"), _spin(order, "a", 5), heavy("turn-2"),
                             _spin(order, "b", 3))
        assert (lane.turns, lane.deferred > 0) == (2, True)
        return order

    order = asyncio.run(main())
    assert order[-2:] == ["turn-1", "turn-2"]  # after all the ready work, first come first served
    assert order.count("a") == 5 and order.count("b") == 3


def test_cpu_lane_gives_the_turn_after_max_wait_when_the_loop_never_idles() -> None:
    async def main() -> tuple[bool, float]:
        lane, busy = CpuLane(max_wait=0.02), True

        async def spin_for(seconds: float) -> None:
            nonlocal busy
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                await asyncio.sleep(0)
            busy = False

        async def heavy() -> tuple[bool, float]:
            started = time.monotonic()
            await lane.turn()
            return busy, time.monotonic() - started

        spinner = asyncio.ensure_future(spin_for(1.0))
        result = await heavy()
        await spinner
        return result

    still_busy, waited = asyncio.run(main())
    assert still_busy and 0.02 <= waited < 0.5


def test_cpu_lane_passes_a_cancelled_waiters_turn_on() -> None:
    async def main() -> tuple[list[str], int]:
        lane, order = CpuLane(), []

        async def heavy(name: str) -> None:
            await lane.turn()
            order.append(name)

        first = asyncio.ensure_future(heavy("first"))
        others = [asyncio.ensure_future(heavy(name)) for name in ("second", "third")]
        await asyncio.sleep(0)  # all three wait
        first.cancel()
        await asyncio.gather(*others)
        assert first.cancelled()
        return order, lane.turns

    assert asyncio.run(main()) == (["second", "third"], 2)


def test_a_loop_that_hides_its_ready_queue_counts_as_idle() -> None:
    """uvloop and other loops keep no ``_ready`` deque: one turn per iteration, never stuck."""

    class Hidden:
        pass

    busy = Hidden()
    busy._ready = [print]  # type: ignore[attr-defined]
    assert _others_ready(Hidden()) is False  # type: ignore[arg-type]
    assert _others_ready(busy) is True  # type: ignore[arg-type]


def test_runs_on_one_loop_share_its_lane_and_its_turns_keep_flowing() -> None:
    """Two lanes on one loop would each take the other's turn-giving for ready work."""

    async def main() -> tuple[CpuLane, CpuLane, float]:
        lane = loop_lane()
        started = time.monotonic()

        async def heavy() -> None:
            for _ in range(20):
                await loop_lane().turn()

        await asyncio.gather(heavy(), heavy())  # as two batch runs would
        return lane, loop_lane(), time.monotonic() - started

    first, again, took = asyncio.run(main())
    assert first is again and first.turns == 40
    assert took < 20 * first.max_wait  # no turn waited out max_wait
    assert asyncio.run(main())[0] is not first  # another loop, another lane


def test_a_batch_sends_the_request_a_slot_frees_before_checking_the_answer() -> None:
    """concurrency 2: each answer frees a slot; the waiting document's request goes out before
    the answer's parsing and rules run, so the slot is never idle behind a check."""
    events: list[str] = []

    class Recording(AdaptiveLimiter):
        async def acquire(self) -> int:
            ticket = await super().acquire()
            events.append("send")
            return ticket

        def release(self, ticket: int, *, status: int | None,
                    retry_after: float | None) -> None:
            events.append("answer")
            super().release(ticket, status=status, retry_after=retry_after)

    def record(context: RuleContext) -> list[Any]:
        events.append("check")
        return []

    rules = (*RULES, Rule("record", "info", "*", "records when the rules run", record))
    with ScaleServer(latency=0.05) as srv:
        summarizer = _summarizer(srv, rules=rules)
        results = list(summarizer.summarize_many(DOCS[:6], concurrency=2,
                                                 limiter=Recording(2)))
    assert all(r.ok for r in results) and events.count("send") == 6
    for at, event in enumerate(events):
        sent = events[:at].count("send")
        if event == "answer" and sent < 6:  # a document waits for this slot
            following = [e for e in events[at + 1:] if e in ("send", "check")]
            assert following[0] == "send", events
