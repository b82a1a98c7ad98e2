"""The CLI's many-input run: ``summarize_many`` streamed to JSONL, with progress and resume.

``summarizer summarize DIR -o out.jsonl`` writes each record as soon as its document is done
(one line, flushed, carrying its ``source``), shows a progress bar on stderr when stderr is a
terminal, and with ``--resume`` skips the inputs already in ``out.jsonl`` (by source and by
resolved path): a run killed half-way and resumed yields every record exactly once. A line cut
short by the kill (no newline at the end, or not JSON) is dropped and the file rewritten
without it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from summarizer import errors
from summarizer.batching import BatchItem, error_result
from summarizer.intake import read_stream, source_name, source_path
from summarizer.types import MAX_RECORD_BYTES, SummaryResult

__all__ = ["Progress", "completed_sources", "pending_inputs", "run_many"]


def completed_sources(path: str | os.PathLike[str]) -> set[str]:
    """Sources already written to the JSONL file ``path`` (empty when it does not exist).

    Read a line at a time (a line is split at ``\\n`` only: a record may hold U+2028). A torn
    last line (no trailing newline, or not valid JSON) is cut off the file; a damaged line
    anywhere else raises ``InputError``: appending to such a file would hide the damage.
    """
    path = Path(path)
    if not path.exists():
        return set()
    sources: set[str] = set()
    keep = 0  # bytes of whole, good lines
    bad: tuple[int, Exception] | None = None  # a damaged line: fatal unless it is the last
    try:
        with path.open("rb") as handle:
            number = 0
            while raw := handle.readline(MAX_RECORD_BYTES + 1):
                number += 1
                if len(raw) > MAX_RECORD_BYTES:
                    raise errors.InputError(
                        f"{str(path)!r} line {number} is longer than any result record "
                        f"({MAX_RECORD_BYTES} bytes); is it the right file?")
                if not raw.endswith(b"\n"):  # cut short by a kill
                    break
                if bad is not None:
                    raise errors.InputError(
                        f"{str(path)!r} line {bad[0]} is not a result record ({bad[1]}); "
                        "fix or remove it before resuming"
                    )
                if raw.strip():
                    try:
                        source = json.loads(raw)["source"]
                    except (ValueError, TypeError, KeyError) as exc:
                        bad = (number, exc)
                        continue
                    if isinstance(source, str):
                        sources.add(source)
                keep += len(raw)
            if keep < handle.tell():
                with path.open("r+b") as writable:
                    writable.truncate(keep)
    except OSError as exc:
        raise errors.InputError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from exc
    return sources


def pending_inputs(inputs: Sequence[str], done: set[str]) -> list[str]:
    """The inputs (paths, ``-``) with no record among the ``done`` sources: matched by their
    source name and by resolved path, so ``docs/a.txt`` and ``/home/me/docs/a.txt`` are one."""
    if not done:
        return list(inputs)
    resolved: set[str] = set()
    for source in done:
        if source != "-":
            resolved.update(os.path.realpath(p) for p in {source, source_path(source)})
    return [item for item in inputs
            if source_name(item) not in done
            and (item == "-" or os.path.realpath(item) not in resolved)]


class Progress:
    """A progress bar on stderr (rich), or nothing when disabled; ``log`` prints above it."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("summarizing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                            TimeRemainingColumn(), console=Console(file=sys.stderr))
            self._bar.__enter__()
            self._task = self._bar.add_task("summarize", total=self.total, failed=0)
        return self

    def advance(self, failed: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=failed)

    def log(self, message: str) -> None:
        """One line on stderr (above the bar), control characters in it escaped."""
        from summarizer.arguments import printable

        message = printable(message.strip())
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, traceback)


def _items(inputs: Sequence[str], stdin: IO[bytes] | None, limit: int,
           unread: list[SummaryResult]) -> Iterator[BatchItem]:
    """The batch's items; files are read by the worker, when their turn comes. Standard input
    is read here, bounded by ``limit``; when it cannot be, its error result goes to ``unread``."""
    for item in inputs:
        if item != "-":
            yield BatchItem(source_name(item), Path(item))
            continue
        try:
            data = read_stream(stdin, limit)
        except errors.InputError as exc:
            unread.append(error_result("-", exc))
            continue
        yield BatchItem("-", data)


def run_many(
    summarizer: Any,
    inputs: Sequence[str],
    write: Callable[[dict[str, Any]], None],
    *,
    concurrency: int,
    published: str | None,
    include_text: bool,
    ordered: bool,
    progress: Progress,
) -> tuple[int, bool]:
    """Summarize ``inputs`` (paths, ``-`` for stdin) concurrently, ``write`` each record as it
    completes. Returns (how many failed, whether one was rejected as input)."""
    failed = 0
    input_rejected = False
    unread: list[SummaryResult] = []  # standard input that could not be read
    stdin: Any = getattr(sys.stdin, "buffer", sys.stdin)
    results: Iterable[SummaryResult] = summarizer.summarize_many(
        _items(inputs, stdin, summarizer.max_input_bytes, unread), concurrency=concurrency,
        ordered=ordered, published=published,
    )

    def done(result: SummaryResult) -> None:
        nonlocal failed, input_rejected
        if result.error is not None:
            failed += 1
            input_rejected = input_rejected or result.error.code.startswith("input")
            progress.log(f"summarizer: {result.source}: {result.error.message}")
        write(result.to_record(include_text=include_text))
        progress.advance(failed)

    for result in results:
        while unread:
            done(unread.pop(0))
        done(result)
    while unread:
        done(unread.pop(0))
    return failed, input_rejected
