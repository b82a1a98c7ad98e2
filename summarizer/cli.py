"""The ``summarizer`` command line.

Exit codes: 0 every input summarized; 1 some inputs failed (their error records are still
written); 2 usage errors, unreadable input, or output that cannot be written (records already
written stay). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from summarizer import errors
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES
from summarizer.types import ErrorInfo, SummaryResult, dump_record

__all__ = ["main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 too, but keep it one clean line
        from summarizer.arguments import printable

        self.exit(EXIT_USAGE, f"summarizer: error: {printable(' '.join(message.split()))}\n")


class _OutputFault(Exception):
    """The output cannot be written (missing or read-only folder, full disk, closed stdout):
    one line on stderr and exit 2; what was written before stays."""


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def _seconds(text: str) -> float:
    """An argparse type: a positive, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a number of seconds > 0, got {text}")
    return value


def _add_task_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--task", metavar="NAME",
                   help="what kind of summary: regulatory (the default), trial-readout, or any "
                        "installed task (see `summarizer tasks`)")


def _add_backend_options(p: argparse.ArgumentParser) -> None:
    _add_task_option(p)
    p.add_argument("--backend", choices=["openai", "local", "rules"], help="default: resolved")
    p.add_argument("--model", help="model name (env SUMMARIZER_MODEL)")
    p.add_argument("--base-url", help="OpenAI-compatible endpoint (env SUMMARIZER_BASE_URL)")
    p.add_argument("--mode", choices=["tools", "json", "json_schema"],
                   help="structured-output mode")
    p.add_argument("--model-path",
                   help="GGUF file for --backend local (env SUMMARIZER_LOCAL_MODEL)")
    p.add_argument("--max-reasks", type=_at_least(0), default=2)
    p.add_argument("--max-attempts", type=_at_least(1), default=4)
    p.add_argument("--timeout", type=_seconds,
                   help="seconds per model answer (default 120; 1800 for --backend local)")
    p.add_argument("--token-budget", type=_at_least(1))
    p.add_argument("--max-input-tokens", type=_at_least(16), default=4000)
    p.add_argument("--max-input-bytes", type=_at_least(1), default=DEFAULT_MAX_INPUT_BYTES,
                   help="reject larger inputs, standard input included (default 20 MiB)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="summarizer", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("summarize", help="summarize releases (paths, directories or - for stdin)")
    s.add_argument("inputs", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    _add_backend_options(s)
    s.add_argument("--published", help="release date YYYY-MM-DD (applies to every input)")
    s.add_argument("--format", choices=["json", "jsonl", "markdown", "html"], default=None,
                   help="json (indented, default for one input), jsonl (one line per input), "
                        "or a readable report of all inputs: markdown, html (self-contained)")
    s.add_argument("-o", "--output", help="write here instead of stdout")
    s.add_argument("--include-text", action="store_true", help="add the text offsets index")
    s.add_argument("--concurrency", type=_at_least(1), default=4,
                   help="requests in flight at once for several inputs (default 4; fewer "
                        "while the endpoint answers 429)")
    s.add_argument("--cache", metavar="PATH",
                   help="result cache (SQLite; default: $XDG_CACHE_HOME/summarizer/"
                        "cache.sqlite3); a document already summarized with the same settings "
                        "makes no model call")
    s.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    s.add_argument("--resume", action="store_true",
                   help="with -o FILE.jsonl: skip inputs whose source is already in FILE, append "
                        "the rest (a line cut short by a killed run is dropped)")
    s.add_argument("--no-progress", action="store_true",
                   help="no progress bar (there is none when stderr is not a terminal)")

    sch = sub.add_parser("schema", help="print the JSON Schema sent to the model")
    sch.add_argument("--kind", choices=["request", "result"], default="request",
                     help="request: what the model fills in (strict); result: the output record")
    _add_task_option(sch)

    v = sub.add_parser("validate", help="re-run grounding and the rules on a stored result")
    v.add_argument("result", help="a JSON record (or JSONL, first line) written by summarize")
    v.add_argument("--source", required=True, help="the release the result was made from")
    v.add_argument("--published", help="release date YYYY-MM-DD")
    _add_task_option(v)

    i = sub.add_parser("inspect", help="show detected sections and prompt token counts")
    i.add_argument("path")
    _add_task_option(i)

    t = sub.add_parser("tasks", help="list the installed tasks (kinds of summary)")
    t.add_argument("--json", action="store_true", help="print the list as JSON")

    e = sub.add_parser("eval", help="score backends on a labelled corpus folder (LABEL_SPEC.md)")
    e.add_argument("corpus", help="folder with docs/, meta.jsonl, gold.jsonl")
    _add_backend_options(e)
    e.set_defaults(backend=None)
    e.add_argument("--backends", nargs="+", choices=["openai", "local", "rules"],
                   help="several backends, one table row each (overrides --backend)")
    e.add_argument("--arbitration", choices=["overrule", "flag", "off"],
                   help="what a model decision that fails the release's check gets (default: "
                        "the backend's; the report counts kept / overruled / flagged)")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("-o", "--output", help="write the prediction records (JSONL) here")
    _add_batch_parser(sub)
    _add_report_parser(sub)
    _add_timeline_parser(sub)
    return parser


def _fail(message: str) -> int:
    _note(f"summarizer: error: {message}")
    return EXIT_USAGE


def _note(line: str) -> None:
    """One line on stderr, whatever the names and messages in it hold."""
    from summarizer.arguments import printable

    print(printable(line.strip()), file=sys.stderr)


def _expand(inputs: Sequence[str], *, strict: bool = False) -> Iterator[str]:
    """Files of the inputs, directories expanded. A path that does not exist, or a directory
    with no files, stays as it is: reading it fails, and it becomes an error record (with
    ``strict``, where no record is written, it is an ``InputError``)."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        try:
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        except OSError:  # not a directory (a file, or nothing), or one that cannot be listed
            files = []
        if files:
            yield from (str(p) for p in files)
        elif strict and path.is_dir():
            raise errors.InputError(f"directory {_where(item)} holds no files")
        elif strict and not path.exists():
            raise errors.InputError(f"no such file: {_where(item)}")
        else:
            yield item


# -- output --------------------------------------------------------------------------------------


def _where(path: str | None) -> str:
    from summarizer.intake import source_name

    return "standard output" if path is None else repr(source_name(path))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _stdout() -> TextIO:
    if sys.stdout is None:
        raise _OutputFault("cannot write standard output: it is closed")
    return sys.stdout


def _open_output(path: str | None, mode: str = "w") -> TextIO:
    """Standard output, or the file ``path`` opened for text records (a fault: one line)."""
    if path is None:
        return _stdout()
    if os.path.isdir(path):
        raise _OutputFault(f"cannot write {_where(path)}: it is a directory")
    try:
        return cast(TextIO, open(path, mode, encoding="utf-8", newline="\n"))
    except OSError as exc:
        raise _OutputFault(f"cannot write {_where(path)}: {_reason(exc)}") from None


def _check_output_path(path: str | None) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, a missing folder,
    one without write permission (a full disk shows only when writing)."""
    if path is None:
        _stdout()
        return
    if os.path.isdir(path):
        raise _OutputFault(f"cannot write {_where(path)}: it is a directory")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise _OutputFault(f"cannot write {_where(path)}: No such file or directory")
    target = path if os.path.exists(path) else folder
    if not os.access(target, os.W_OK):
        raise _OutputFault(f"cannot write {_where(path)}: Permission denied")


def _refuse_input_as_output(path: str | None, inputs: Sequence[str]) -> None:
    """An output file that is also an input would be emptied before it is read: refuse it."""
    if path is None:
        return
    try:
        out = os.stat(path)
    except OSError:
        return  # not there yet: it cannot be an input
    for item in inputs:
        if item == "-":
            continue
        try:
            same = os.path.samestat(out, os.stat(item))
        except OSError:
            continue
        if same:
            raise _OutputFault(f"the output {_where(path)} is also an input; write elsewhere")


def _error_record(source: str, exc: errors.SummarizerError) -> dict[str, Any]:
    record = SummaryResult(
        source=source,
        error=ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message),
    ).to_record()
    if exc.usage is not None:
        record["usage"] = exc.usage.model_dump()
    return record


class _Sink:
    """Where ``summarize`` writes records: JSON/JSONL text as they come (each flushed), or for
    the report formats (markdown, html) a ``ReportBuilder`` that renders them when it closes.
    A write that fails is an ``_OutputFault`` naming the output and what was written."""

    def __init__(self, path: str | None, mode: str, fmt: str, task: Any = None) -> None:
        self.path = path
        self.fmt = fmt
        self.is_report = fmt in ("markdown", "html")
        self.written = 0
        self.failed = False
        self.out = _open_output(path, mode)
        self.report: Any = None
        if self.is_report:
            from summarizer.reports import ReportBuilder

            self.report = ReportBuilder(fmt, task=task)

    def write(self, record: dict[str, Any]) -> None:
        if self.report is not None:
            _spool(self.report, record)
            return
        text = dump_record(record, indent=None if self.fmt == "jsonl" else 2)
        self._put(lambda: self.out.write(text + "\n"))
        self.written += 1

    def _put(self, write: Callable[[], object]) -> None:
        try:
            write()
            self.out.flush()
        except OSError as exc:
            self.failed = True
            _silence_stdout(self.out)
            done = f"; {self.written} record(s) written before it" if self.written else ""
            raise _OutputFault(f"cannot write {_where(self.path)}: {_reason(exc)}{done}") from None

    def close(self) -> None:
        try:
            if self.report is not None:
                self._put(lambda: self.report.write(self.out))
        finally:
            if self.report is not None:
                self.report.close()
            if self.out is not sys.stdout:
                try:
                    self.out.close()
                except OSError as exc:  # the last buffered bytes did not fit either
                    if not self.failed:  # (already said)
                        raise _OutputFault(
                            f"cannot write {_where(self.path)}: {_reason(exc)}") from None


def _spool(report: Any, record: Any) -> None:
    """Add a record to a ``ReportBuilder``, whose spool is a temporary file (a fault: one line)."""
    try:
        report.add(record)
    except OSError as exc:
        import tempfile

        raise _OutputFault(f"cannot write a temporary file in {tempfile.gettempdir()!r}: "
                           f"{_reason(exc)}") from None


def _silence_stdout(stream: Any) -> None:
    """After standard output failed, point it at /dev/null so exiting does not fail again."""
    out = sys.stdout
    if stream is out and out is not None:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            os.close(devnull)


def _exit_code(failed: int, inputs: int, input_rejected: bool) -> int:
    """0 all summarized; 2 when the only input was rejected as bad input; 1 when some failed."""
    if failed and inputs == 1 and input_rejected:
        return EXIT_USAGE
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _summarize(args: argparse.Namespace) -> int:
    from summarizer.api import parse_published
    from summarizer.cache import default_cache_path

    try:
        parse_published(args.published)
        inputs = list(_expand(args.inputs))
        cache = None if args.no_cache else (args.cache or default_cache_path())
        summarizer = _make_summarizer(args, args.backend, cache=cache)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    try:
        if args.resume:
            return _summarize_many(args, inputs, summarizer)
        _refuse_input_as_output(args.output, inputs)
        if len(inputs) > 1:
            return _summarize_many(args, inputs, summarizer)
        return _summarize_one(args, inputs[0], summarizer)
    finally:
        summarizer.close()


def _summarize_one(args: argparse.Namespace, item: str, summarizer: Any) -> int:
    from summarizer.intake import read_stream, source_name

    fmt = args.format or "json"
    sink = _Sink(args.output, "w", fmt, summarizer.task)
    failed = rejected = False
    source = "-" if item == "-" else source_name(item)
    try:
        try:
            if item == "-":
                stdin = getattr(sys.stdin, "buffer", sys.stdin)
                document: Any = read_stream(stdin, summarizer.max_input_bytes)
            else:
                document = Path(item)
            result = summarizer.summarize(document, source=source, published=args.published)
            record = result.to_record(include_text=args.include_text or fmt == "html")
        except errors.SummarizerError as exc:
            failed, rejected = True, isinstance(exc, errors.InputError)
            _note(f"summarizer: {source}: {exc.message}")
            record = _error_record(source, exc)
        sink.write(record)
    finally:
        sink.close()
    return _exit_code(int(failed), 1, rejected)


def _summarize_many(args: argparse.Namespace, inputs: list[str], summarizer: Any) -> int:
    """Several inputs: concurrently, each record written as it completes (``runner``)."""
    from summarizer.runner import Progress, completed_sources, pending_inputs, run_many

    fmt = args.format or "jsonl"
    mode = "w"
    if args.resume:
        if not args.output or fmt != "jsonl":
            return _fail("--resume needs -o FILE and the jsonl format")
        _check_output_path(args.output)
        try:
            done = completed_sources(args.output)
        except errors.SummarizerError as exc:
            return _fail(exc.message)
        inputs = pending_inputs(inputs, done)
        _refuse_input_as_output(args.output, inputs)
        mode = "a"
    sink = _Sink(args.output, mode, fmt, summarizer.task)
    try:
        show = sys.stderr.isatty() and not args.no_progress and bool(inputs)
        with Progress(len(inputs), enabled=show) as progress:
            failed, input_rejected = run_many(
                summarizer, inputs, sink.write, concurrency=args.concurrency,
                published=args.published, include_text=args.include_text or fmt == "html",
                ordered=sink.is_report, progress=progress,
            )
    finally:
        sink.close()
    return _exit_code(failed, len(inputs), input_rejected)


def _emit(text: str) -> None:
    """Text for standard output (a fault when it cannot take it)."""
    out = _stdout()
    try:
        out.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        _silence_stdout(out)
        raise _OutputFault(f"cannot write standard output: {_reason(exc)}") from None


def _task(args: argparse.Namespace) -> Any:
    """The task named by ``--task`` (the default task without it)."""
    from summarizer.task import get_task

    return get_task(getattr(args, "task", None))


def _schema(args: argparse.Namespace) -> int:
    try:
        task = _task(args)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    if args.kind == "request":
        from summarizer.extraction import strict_json_schema

        schema = strict_json_schema(task.schema)
    else:
        from summarizer.types import result_schema

        schema = result_schema(task.schema)
    _emit(dump_record(schema, indent=2))
    return EXIT_OK


def _tasks(args: argparse.Namespace) -> int:
    from summarizer.task import DEFAULT_TASK, available_tasks

    infos = available_tasks()
    if args.json:
        _emit(dump_record([{"name": i.name, "version": i.version, "description": i.description,
                            "source": i.source, "distribution": i.distribution,
                            "default": i.name == DEFAULT_TASK, "error": i.error}
                           for i in infos], indent=2))
        return EXIT_OK
    width = max(len(i.name) for i in infos) + 2 if infos else 0
    lines = []
    for i in infos:
        mark = " (default)" if i.name == DEFAULT_TASK else ""
        where = i.distribution or "built in"
        text = f"cannot be loaded: {i.error}" if i.error else i.description
        lines.append(f"{i.name:<{width}}v{i.version}  {text}{mark}  [{where}: {i.source}]")
    _emit("\n".join(lines))
    return EXIT_SOME_FAILED if any(i.error for i in infos) else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from summarizer.api import parse_published
    from summarizer.arguments import validation_message
    from summarizer.grounding import ground
    from summarizer.intake import load, source_name
    from summarizer.reports import iter_json
    from summarizer.rulebook import apply_rules

    result = source_name(args.result)
    try:
        with open(args.result, "rb") as handle:
            first = next(iter_json(handle, name=result), None)
    except OSError as exc:
        return _fail(f"cannot read {result!r}: {_reason(exc)}")
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    if first is None:
        return _fail(f"{result!r} holds no record")
    where, record = first
    value = record.get("summary", record) if isinstance(record, dict) else record
    if value is None:
        return _fail(f"{where}: the record holds no summary (an error record?)")
    meta = record.get("meta") if isinstance(record, dict) else None
    named = meta.get("task") if isinstance(meta, dict) else None
    try:
        task = _task(args) if args.task or not isinstance(named, str) else _task(
            argparse.Namespace(task=named))
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    try:
        summary = task.schema.model_validate(value)
    except ValueError as exc:
        return _fail(f"{where}: not a summary: {validation_message(exc)}")
    source = source_name(args.source)
    try:
        document = load(Path(args.source), source=source,
                        published=parse_published(args.published))
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    ground(summary, document.index)
    findings = apply_rules(task.rules(), task.rule_context(document, summary))
    out = {"source": source, "summary": summary.model_dump(mode="json"),
           "findings": [f.model_dump() for f in findings]}
    _emit(dump_record(out, indent=2))
    return EXIT_SOME_FAILED if any(f.severity == "error" for f in findings) else EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    from summarizer.intake import load, source_name

    name = source_name(args.path)
    try:
        task = _task(args)
        document = load(Path(args.path), source=name)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    view = task.view(document)
    lines = [f"{name}: kind={document.kind} published={document.published} "
             f"chars={len(document.text)}"]
    for section in document.sections:
        snippet = " ".join(document.text[section.start:section.end].split())[:70]
        title = f" ({' '.join(section.title.split())})" if section.title else ""
        lines.append(f"  {section.kind:<16}{section.start:>7}-{section.end:<7}{title} {snippet}")
    lines.append(f"tokens raw={view.raw_tokens} prompt={view.tokens} "
                 f"saved={1 - view.tokens / max(1, view.raw_tokens):.0%} "
                 f"omitted={list(view.omitted)}")
    _emit("\n".join(lines))
    return EXIT_OK


def _make_summarizer(args: argparse.Namespace, backend: str | None, *,
                     cache: str | os.PathLike[str] | None = None) -> Any:
    from summarizer.api import Summarizer

    return Summarizer(
        backend, task=getattr(args, "task", None), model=args.model, base_url=args.base_url,
        mode=args.mode,
        model_path=args.model_path, max_reasks=args.max_reasks,
        max_attempts=args.max_attempts, timeout=args.timeout,
        token_budget=args.token_budget, max_input_tokens=args.max_input_tokens,
        max_input_bytes=args.max_input_bytes, cache=cache,
        arbitration=getattr(args, "arbitration", None),
    )


def _eval(args: argparse.Namespace) -> int:
    from summarizer.evaluation import EvalRun, evaluate, format_report, load_corpus

    corpus = Path(args.corpus)
    if not (corpus / "gold.jsonl").is_file() or not (corpus / "docs").is_dir():
        return _fail(f"{args.corpus!r} is not a corpus folder (needs docs/ and gold.jsonl)")
    try:
        items = load_corpus(corpus)
        backends = args.backends or [args.backend]
        runners = [(b or "auto", _make_summarizer(args, b)) for b in backends]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return _fail(f"cannot read corpus {args.corpus!r}: {exc}")
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    runs: list[EvalRun] = []
    try:
        sink = _Sink(args.output, "w", "jsonl") if args.output else None
        if sink is None:
            _stdout()
        try:
            for label, summarizer in runners:
                label = summarizer.config.name if label == "auto" else label

                def write(record: dict[str, Any], label: str = label) -> None:
                    if sink is not None:
                        sink.write({**record, "backend": label})

                runs.append(evaluate(items, summarizer.summarize, label=label, on_record=write,
                                     task=summarizer.task))
        finally:
            if sink is not None:
                sink.close()
    finally:
        for _, summarizer in runners:
            summarizer.close()
    if args.json:
        _emit(dump_record([run.as_dict() for run in runs], indent=2))
    else:
        _emit(format_report(runs))
    return EXIT_OK


# -- OpenAI Batch API (logic in summarizer.openai_batch) ------------------------------------------


def _add_batch_parser(sub: Any) -> None:
    b = sub.add_parser("batch", help="OpenAI Batch API: submit releases now, collect results later")
    steps = b.add_subparsers(dest="batch_command", required=True, parser_class=_Parser)
    submit = steps.add_parser("submit", help="write the requests, upload them, create a batch")
    submit.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories")
    submit.add_argument("-o", "--output", default="batch.json",
                        help="manifest to write (default batch.json; requests go next to it)")
    submit.add_argument("--model", help="model name (env SUMMARIZER_MODEL; default gpt-4o-mini)")
    submit.add_argument("--published", help="release date YYYY-MM-DD (applies to every input)")
    _add_task_option(submit)
    submit.add_argument("--max-input-tokens", type=_at_least(16), default=4000)
    submit.add_argument("--max-output-tokens", type=_at_least(1), default=2048)
    submit.add_argument("--max-input-bytes", type=_at_least(1), default=DEFAULT_MAX_INPUT_BYTES)
    status = steps.add_parser("status", help="show a batch's status and request counts")
    status.add_argument("batch_id")
    collect = steps.add_parser("collect", help="download the answers and write the records")
    collect.add_argument("batch_id")
    collect.add_argument("--manifest", default="batch.json", help="written by submit")
    collect.add_argument("-o", "--output", help="write the records (JSONL) here, not stdout")
    collect.add_argument("--failed", help="list the failed inputs here (default failed.txt "
                                          "next to the output), for summarizer summarize")
    for p in (submit, status, collect):
        p.add_argument("--base-url", help="endpoint (default OpenAI; env SUMMARIZER_BASE_URL)")
        p.add_argument("--api-key", help="API key (default: env OPENAI_API_KEY)")
        p.add_argument("--timeout", type=_seconds, default=120.0)


def _batch_config(args: argparse.Namespace, base_url: str | None = None) -> Any:
    from summarizer.backends import resolve_backend

    return resolve_backend("openai", model=getattr(args, "model", None),
                           base_url=args.base_url or base_url, api_key=args.api_key,
                           mode="json_schema")


def _batch_submit(args: argparse.Namespace) -> int:
    from summarizer import openai_batch
    from summarizer.api import Summarizer, parse_published

    manifest_path = Path(args.output)
    if manifest_path.exists():
        return _fail(f"{args.output!r} exists (an earlier batch's manifest?); choose another -o")
    requests_path = manifest_path.with_suffix(".requests.jsonl")
    try:
        parse_published(args.published)
        if "-" in args.inputs:
            raise errors.InputError("a batch cannot read stdin: collect re-reads each document")
        inputs = list(_expand(args.inputs, strict=True))
        config = _batch_config(args)
        summarizer = Summarizer(
            "openai", task=args.task, model=config.model, base_url=config.base_url,
            api_key=config.api_key,
            mode="json_schema", max_input_tokens=args.max_input_tokens,
            max_output_tokens=args.max_output_tokens, max_input_bytes=args.max_input_bytes,
        )
        plan = openai_batch.build_requests(summarizer, inputs, published=args.published)
        for doc in plan.rejected:
            _note(f"summarizer: {doc.source}: {doc.error.message if doc.error else ''}")
        requests_path.write_bytes(plan.jsonl())
        client = openai_batch.make_client(config, timeout=args.timeout)
        manifest = openai_batch.submit(client, plan, filename=requests_path.name)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    except OSError as exc:
        return _fail(f"cannot write {str(requests_path)!r}: {exc.strerror or exc}")
    try:
        manifest.save(manifest_path)
    except OSError as exc:  # the batch exists: keep what collecting it needs
        _emit(manifest.model_dump_json(indent=2))
        return _fail(f"batch {manifest.batch_id} created, but its manifest could not be "
                     f"written ({exc.strerror or exc}); save the JSON above to collect it")
    _emit(str(manifest.batch_id))
    _note(f"summarizer: batch {manifest.batch_id}: {len(plan.lines)} requests for "
          f"{len(manifest.documents) - len(plan.rejected)} documents; manifest {args.output}; "
          f"collect with: summarizer batch collect {manifest.batch_id} --manifest {args.output}")
    return EXIT_SOME_FAILED if plan.rejected else EXIT_OK


def _batch_status(args: argparse.Namespace) -> int:
    from summarizer import openai_batch

    try:
        client = openai_batch.make_client(_batch_config(args), timeout=args.timeout)
        batch = openai_batch.retrieve(client, args.batch_id)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    keys = {"id", "status", "request_counts", "output_file_id", "error_file_id", "errors",
            "created_at", "completed_at", "expires_at"}
    _emit(dump_record(batch.model_dump(mode="json", include=keys), indent=2))
    return EXIT_OK


def _batch_collect(args: argparse.Namespace) -> int:
    from summarizer import openai_batch

    try:
        manifest = openai_batch.Manifest.load(args.manifest)
        if manifest.batch_id != args.batch_id:
            raise errors.InputError(f"{args.manifest!r} is the manifest of batch "
                                    f"{manifest.batch_id}, not of {args.batch_id}")
        config = _batch_config(args, base_url=manifest.base_url)
        client = openai_batch.make_client(config, timeout=args.timeout)
        collection = openai_batch.collect(
            client, manifest, summarizer=openai_batch.manifest_summarizer(manifest, config))
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    for warning in collection.warnings:
        _note(f"summarizer: warning: {warning}")
    sink = _Sink(args.output, "w", "jsonl")
    try:
        for result in collection.results:
            if result.error is not None:
                _note(f"summarizer: {result.source}: {result.error.message}")
            sink.write(result.to_record())
    finally:
        sink.close()
    if not collection.failed:
        return EXIT_OK
    failed_path = Path(args.failed) if args.failed else (
        Path(args.output).parent if args.output else Path()) / "failed.txt"
    listing = f"listed in {failed_path} (retry: summarizer summarize $(cat {failed_path}))"
    try:
        failed_path.write_text("".join(d.source + "\n" for d in collection.failed),
                               encoding="utf-8")
    except OSError as exc:
        listing = f"cannot write {str(failed_path)!r}: {exc.strerror or exc}"
    _note(f"summarizer: {len(collection.failed)} of {len(collection.results)} documents failed; "
          + listing)
    return EXIT_SOME_FAILED


def _batch(args: argparse.Namespace) -> int:
    steps = {"submit": _batch_submit, "status": _batch_status, "collect": _batch_collect}
    return steps[args.batch_command](args)


# -- readable reports (logic in summarizer.reports) ------------------------------------------------


def _add_report_parser(sub: Any) -> None:
    r = sub.add_parser("report", help="render stored records as a readable HTML or Markdown report")
    r.add_argument("predictions", metavar="RECORDS",
                   help="JSONL (or JSON) written by summarize or eval, or - for stdin; the HTML "
                        "highlights evidence only for records written with --include-text")
    r.add_argument("-o", "--output", help="write here instead of stdout")
    r.add_argument("--format", choices=["html", "markdown"],
                   help="default: markdown when the output ends in .md, else html")
    r.add_argument("--title", help="the page title (default: the task's, e.g. 'Regulatory "
                                   "summary report')")
    r.add_argument("--timeline", metavar="PATH",
                   help="also write the records' timeline page (HTML) here, linked both ways "
                        "with the report")
    _add_task_option(r)


def _report(args: argparse.Namespace) -> int:
    """Render records to a report, one record at a time (any number of them). Records without
    the document text still render (their evidence as quotes, the page says why); exit 2 for a
    missing or malformed records file, before anything is written."""
    from summarizer.intake import source_name
    from summarizer.reports import ReportBuilder, iter_records

    fmt = args.format or ("markdown" if str(args.output or "").endswith((".md", ".markdown"))
                          else "html")
    _check_output_path(args.output)
    if args.timeline:
        _check_output_path(args.timeline)
    if args.predictions != "-":
        _refuse_input_as_output(args.output, [args.predictions])
        _refuse_input_as_output(args.timeline, [args.predictions])
    name = "<stdin>" if args.predictions == "-" else source_name(args.predictions)
    try:
        task = _task(args) if args.task else None  # else the records' own task
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    with ReportBuilder(fmt, title=args.title, task=task, **_timeline_link(args, fmt)) as report:
        try:
            if args.predictions == "-":
                if sys.stdin is None:
                    raise errors.InputError("standard input is closed")
                stdin: Any = getattr(sys.stdin, "buffer", sys.stdin)
                for result in iter_records(stdin, name=name):
                    _spool(report, result)
            else:
                with open(args.predictions, "rb") as handle:
                    for result in iter_records(handle, name=name):
                        _spool(report, result)
        except FileNotFoundError:
            return _fail(f"no such file: {name!r}")
        except OSError as exc:
            return _fail(f"cannot read {name!r}: {_reason(exc)}")
        except errors.SummarizerError as exc:
            return _fail(exc.message)
        if not report.count:
            return _fail(f"{name!r} holds no records")
        if fmt == "html" and report.missing_text:
            print(f"summarizer: note: {report.missing_text} of {report.count} records lack the "
                  "document text, so their evidence is not highlighted (write records with "
                  "summarize --include-text)", file=sys.stderr)
        if args.timeline and (code := _report_timeline(args, report.results(), fmt)) != EXIT_OK:
            return code
        out = _open_output(args.output)
        try:
            report.write(out)
            out.flush()
        except OSError as exc:
            _silence_stdout(out)
            raise _OutputFault(f"cannot write {_where(args.output)}: {_reason(exc)}") from None
        finally:
            if out is not sys.stdout:
                try:
                    out.close()
                except OSError as exc:
                    raise _OutputFault(
                        f"cannot write {_where(args.output)}: {_reason(exc)}") from None
    return EXIT_OK


# -- timeline (logic in the task's timeline: Task.timeline) ----------------------------------

_TIMELINE_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
                      ".json": "json", ".csv": "csv", ".ics": "ics"}


def _add_timeline_parser(sub: Any) -> None:
    t = sub.add_parser("timeline", help="each product's regulatory history and the calendar of "
                                        "dates to come, from stored records (the task's "
                                        "timeline: the regulatory task's by default)")
    t.add_argument("records", nargs="+", metavar="RECORDS",
                   help="JSONL (or JSON) written by summarize or eval, or - for stdin")
    t.add_argument("-o", "--output", help="write here instead of stdout; the suffix picks the "
                                          "format: .html, .md, .json, .csv, .ics")
    t.add_argument("--format", choices=["html", "markdown", "json", "csv", "ics"],
                   help="override the suffix (default on stdout: markdown)")
    t.add_argument("--today", metavar="YYYY-MM-DD",
                   help="the date that separates dates to come from past ones (default: today)")
    t.add_argument("--meta", metavar="META.jsonl",
                   help="release dates for records written without --published: JSON lines "
                        "with published and file or id (a corpus meta.jsonl)")
    t.add_argument("--title", default="Regulatory timeline")
    _add_task_option(t)


def _timeline(args: argparse.Namespace) -> int:
    """Build the timeline of stored records and render it; exit 2 for a missing or malformed
    records file, an unknown output suffix or a bad date."""
    import datetime as dt

    from summarizer import reports

    suffix = Path(args.output).suffix.lower() if args.output else ""
    fmt = args.format or (_TIMELINE_SUFFIXES.get(suffix) if args.output else "markdown")
    if fmt is None:
        return _fail(f"cannot tell the format from {args.output!r}: use a .html, .md, .json, "
                     ".csv or .ics name, or --format")
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        return _fail(f"--today must be YYYY-MM-DD, got {args.today!r}")
    try:
        timeline = _timeline_of(args)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    _check_output_path(args.output)
    _refuse_input_as_output(args.output, [*args.records, *([args.meta] if args.meta else [])])
    try:
        results = []
        for path in args.records:
            results += (reports.parse_records(sys.stdin.read(), name="<stdin>") if path == "-"
                        else reports.load_records(path))
        dates = timeline.load_release_dates(args.meta) if args.meta else None
        built = timeline.build(results, today=today, release_dates=dates)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    for skipped in built.skipped:
        print(f"summarizer: note: {skipped.source}: skipped ({skipped.reason})", file=sys.stderr)
    text = timeline.render(built, fmt, title=args.title)
    if not args.output:
        _emit(text)
        return EXIT_OK
    return _write_text(args.output, text)


def _timeline_link(args: argparse.Namespace, fmt: str) -> dict[str, str]:
    """``report --timeline``: the HTML report links to the timeline page."""
    return {"timeline_href": _href(args.timeline, args.output)} if (
        args.timeline and fmt == "html") else {}


def _timeline_of(args: argparse.Namespace) -> Any:
    """The timeline of the ``--task`` (``ConfigurationError`` for a task that draws none)."""
    task = _task(args)
    if task.timeline is None:
        raise errors.ConfigurationError(f"the task {task.name!r} draws no timeline")
    return task.timeline


def _report_timeline(args: argparse.Namespace, results: Iterable[Any], fmt: str) -> int:
    """``report --timeline``: the timeline page of the report's records, its events linked to
    their documents in the report."""
    try:
        timeline = _timeline_of(args)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    linked = args.output and fmt == "html"
    page = timeline.render_html(timeline.build(results),
                                report_href=_href(args.output, args.timeline) if linked else None)
    return _write_text(args.timeline, page)


def _href(target: str, page: str | None) -> str:
    """``target`` as a link from the page written at ``page`` (relative, URL-quoted)."""
    from urllib.parse import quote

    start = Path(page).resolve().parent if page else Path.cwd()
    return quote(os.path.relpath(Path(target).resolve(), start).replace(os.sep, "/"))


def _write_text(path: str, text: str) -> int:
    """Write a whole page to ``path`` (a fault: one line on stderr, exit 2)."""
    out = _open_output(path)
    try:
        out.write(text)
        out.close()
    except OSError as exc:
        raise _OutputFault(f"cannot write {_where(path)}: {_reason(exc)}") from None
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    if sys.stderr is None:  # closed: notes must not end up in the records on stdout
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    args = _parser().parse_args(argv)
    handlers = {"summarize": _summarize, "schema": _schema, "validate": _validate,
                "inspect": _inspect, "eval": _eval, "tasks": _tasks}
    handlers["batch"] = _batch
    handlers["report"] = _report
    handlers["timeline"] = _timeline
    try:
        code = handlers[args.command](args)
        _flush_stdout()
        return code
    except _OutputFault as fault:
        return _fail(str(fault))
    except KeyboardInterrupt:
        return 130


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout(sys.stdout)
        raise _OutputFault(f"cannot write standard output: {_reason(exc)}") from None


if __name__ == "__main__":
    sys.exit(main())
