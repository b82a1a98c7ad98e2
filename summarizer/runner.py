"""The CLI's many-input run: ``summarize_many`` streamed to JSONL, with progress and resume.

``summarizer summarize DIR -o out.jsonl`` writes each record as soon as its document is done
(one line, flushed, carrying its ``source``), shows a progress bar on stderr when stderr is a
terminal, and with ``--resume`` skips the inputs whose source is already in ``out.jsonl``: a run
killed half-way and resumed yields every record exactly once. A line cut short by the kill (no
newline at the end, or not JSON) is dropped and the file rewritten without it.
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
from summarizer.batching import BatchItem
from summarizer.types import SummaryResult

__all__ = ["Progress", "completed_sources", "run_many"]


def completed_sources(path: str | os.PathLike[str]) -> set[str]:
    """Sources already written to the JSONL file ``path`` (empty when it does not exist).

    A torn last line (no trailing newline, or not valid JSON) is cut off the file; a damaged
    line anywhere else raises ``InputError``: appending to such a file would hide the damage.
    """
    path = Path(path)
    if not path.exists():
        return set()
    data = path.read_bytes()
    lines = data.split(b"\n")
    keep = len(data)
    if lines and lines[-1]:  # no newline after the last line: cut short
        keep -= len(lines[-1])
    lines = lines[:-1]  # the part after the last newline (empty or torn)
    sources: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            source = record["source"]
        except (ValueError, TypeError, KeyError) as exc:
            if number == len(lines):  # the last complete line, torn in some other way
                keep -= len(raw) + 1
                break
            raise errors.InputError(
                f"{str(path)!r} line {number} is not a result record ({exc}); "
                "fix or remove it before resuming"
            ) from exc
        if isinstance(source, str):
            sources.add(source)
    if keep < len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return sources


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
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, traceback)


def _items(inputs: Sequence[str], stdin: IO[bytes]) -> Iterator[BatchItem]:
    for item in inputs:  # files are read by the worker, when their turn comes
        yield BatchItem(item, stdin.read() if item == "-" else Path(item))


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
    results: Iterable[SummaryResult] = summarizer.summarize_many(
        _items(inputs, sys.stdin.buffer), concurrency=concurrency, ordered=ordered,
        published=published,
    )
    for result in results:
        if result.error is not None:
            failed += 1
            input_rejected = input_rejected or result.error.code.startswith("input")
            progress.log(f"summarizer: {result.source}: {result.error.message}")
        write(result.to_record(include_text=include_text))
        progress.advance(failed)
    return failed, input_rejected
