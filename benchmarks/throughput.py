"""Throughput of ``summarize_many`` against a latency-injecting OpenAI-compatible server.

    python benchmarks/throughput.py [--docs 200] [--concurrency 16] [--latency 0.2] [--runs 3]

The server (``summarizer.testing.ScaleServer``) runs in a child process, as a real endpoint
would, and answers every request with a valid summary of the release in it (what the rules
backend reads there). The documents are short synthetic releases
(``summarizer.testing.synthetic_release``); the full pipeline runs on each: intake, prompt,
extraction through instructor and the openai client, grounding, the rules (as re-ask check and
on the final answer), arbitration and gap filling.

1. overhead: one document at a time against an instant server; our code's CPU time per
   document (the pipeline's ``prepare``, re-ask ``check`` and ``finish``: intake, prompt
   view, grounding, rules, the task's settle steps: arbitration, gap filling), median. The
   whole client side (openai, instructor, HTTP) is reported next to it.
2. throughput: ``--docs`` documents, ``--concurrency`` in flight, every answer after
   ``--latency`` seconds; ideal = concurrency / latency documents per second; best of
   ``--runs``.
3. 429 storm: the same with ``--storm`` of the answers being 429 + ``Retry-After:
   --retry-after``; every document must come back summarized exactly once (``max_attempts=8``:
   a document may meet several 429s in a row).

Last line: ``throughput_ratio=<achieved / ideal> overhead_ms=<median> lost=<n>``
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from summarizer import Summarizer
from summarizer.batching import AdaptiveLimiter
from summarizer.testing import ScaleServer, synthetic_release


def serve(conn: Connection) -> None:
    """Child process: a ScaleServer steered over ``conn`` (set attributes, read stats)."""
    with ScaleServer() as server:
        conn.send(server.base_url)
        while True:
            command, value = conn.recv()
            if command == "stop":
                return
            if command == "set":
                for key, item in value.items():
                    setattr(server, key, item)
                server.statuses.clear()
                server.max_in_flight = 0
            conn.send({"statuses": dict(server.statuses), "max_in_flight": server.max_in_flight,
                       "requests": len(server.requests), "cpu": time.process_time()})


class Server:
    """The parent's handle on the child-process server."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child,), daemon=True)
        self._process.start()
        self.base_url: str = self._conn.recv()

    def set(self, **settings: Any) -> dict[str, Any]:
        self._conn.send(("set", settings))
        stats: dict[str, Any] = self._conn.recv()
        return stats

    def stats(self) -> dict[str, Any]:
        self._conn.send(("stats", None))
        stats: dict[str, Any] = self._conn.recv()
        return stats

    def close(self) -> None:
        self._conn.send(("stop", None))
        self._process.join(10)


def our_code_cpu(summarizer: Summarizer) -> Callable[[], float]:
    """Instrument our pipeline stages on ``summarizer``; the returned function gives (and
    resets) the CPU seconds spent in them since its last call."""
    spent = [0.0]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.thread_time() - started
        return wrapper

    pipeline = summarizer._pipeline  # the engine's stages of this summarizer
    make_check = pipeline.check
    pipeline.prepare = timed(pipeline.prepare)  # type: ignore[method-assign]
    pipeline.finish = timed(pipeline.finish)  # type: ignore[method-assign]
    pipeline.check = lambda job: timed(make_check(job))  # type: ignore[method-assign]

    def take() -> float:
        value, spent[0] = spent[0], 0.0
        return value

    return take


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--storm", type=float, default=0.2)
    parser.add_argument("--retry-after", type=float, default=1.0)
    args = parser.parse_args()
    docs = [synthetic_release(i) for i in range(args.docs)]
    server = Server()
    try:
        settings = {"base_url": server.base_url, "model": "local", "mode": "json"}
        # warm-up: imports, compiled patterns, the server's answers to these releases
        warm = Summarizer(**settings)  # type: ignore[arg-type]
        assert all(r.ok for r in warm.summarize_many(docs, concurrency=args.concurrency))

        # 1. overhead, one document at a time, instant answers
        server.set(latency=0.0, rate_limit_fraction=0.0)
        single = Summarizer(**settings)  # type: ignore[arg-type]
        take = our_code_cpu(single)
        ours, client, wall = [], [], []
        for text in docs:
            started, cpu = time.perf_counter(), time.thread_time()
            result = single.summarize(text)
            client.append(time.thread_time() - cpu)
            wall.append(time.perf_counter() - started)
            ours.append(take())
            assert result.ok and result.usage.requests == 1, result.findings
        overhead_ms = statistics.median(ours) * 1000
        print(f"overhead: our code {overhead_ms:.2f} ms CPU per document (median; "
              f"p90 {statistics.quantiles(ours, n=10)[-1] * 1000:.2f}); whole client side "
              f"{statistics.median(client) * 1000:.2f} ms CPU, "
              f"{statistics.median(wall) * 1000:.2f} ms wall per request-answer round trip")

        # 2. throughput with latency
        server.set(latency=args.latency, rate_limit_fraction=0.0)
        ideal = args.concurrency / args.latency
        best = 0.0
        for run in range(1, args.runs + 1):
            many = Summarizer(**settings)  # type: ignore[arg-type]
            server_cpu = server.stats()["cpu"]
            started, cpu = time.perf_counter(), time.process_time()
            results = list(many.summarize_many(docs, concurrency=args.concurrency))
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            stats = server.stats()
            assert len(results) == args.docs and all(r.ok for r in results)
            best = max(best, args.docs / elapsed)
            print(f"throughput run {run}: {args.docs} docs in {elapsed:.2f} s = "
                  f"{args.docs / elapsed:.1f} docs/s (ideal {ideal:.0f}); CPU: client "
                  f"{cpu:.2f} s, server {stats['cpu'] - server_cpu:.2f} s; server held at most "
                  f"{stats['max_in_flight']} requests at once")
            server.set()  # reset the counters

        # 3. a 429 storm
        server.set(latency=args.latency, rate_limit_fraction=args.storm,
                   retry_after=args.retry_after)
        limiter = AdaptiveLimiter(args.concurrency)
        stormy = Summarizer(**settings, max_attempts=8)  # type: ignore[arg-type]
        started = time.perf_counter()
        results = list(stormy.summarize_many(
            ((f"doc{i}", text) for i, text in enumerate(docs)),
            concurrency=args.concurrency, limiter=limiter,
        ))
        elapsed = time.perf_counter() - started
        stats = server.stats()
        sources = [r.source for r in results if r.ok]
        lost = args.docs - len(set(sources)) + (len(sources) - len(set(sources)))
        print(f"429 storm: {len(results)} results, {len(set(sources))} summarized, lost {lost}, "
              f"in {elapsed:.1f} s; server answers {stats['statuses']}; limiter "
              f"{limiter.decreases} decreases, lowest limit {limiter.lowest}, "
              f"ended at {limiter.limit}")
    finally:
        server.close()
    print(f"throughput_ratio={best / ideal:.3f} overhead_ms={overhead_ms:.2f} lost={lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
