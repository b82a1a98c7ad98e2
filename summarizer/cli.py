"""The ``summarizer`` command line.

Exit codes: 0 every input summarized; 1 some inputs failed (their error records are still
written); 2 usage errors or unreadable input. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from summarizer import errors
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES
from summarizer.types import ErrorInfo, SummaryResult

__all__ = ["main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 too, but keep it one clean line
        self.exit(EXIT_USAGE, f"summarizer: error: {message}\n")


def _add_backend_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", choices=["openai", "local", "rules"], help="default: resolved")
    p.add_argument("--model", help="model name (env SUMMARIZER_MODEL)")
    p.add_argument("--base-url", help="OpenAI-compatible endpoint (env SUMMARIZER_BASE_URL)")
    p.add_argument("--mode", choices=["tools", "json", "json_schema"],
                   help="structured-output mode")
    p.add_argument("--model-path",
                   help="GGUF file for --backend local (env SUMMARIZER_LOCAL_MODEL)")
    p.add_argument("--max-reasks", type=int, default=2)
    p.add_argument("--max-attempts", type=int, default=4)
    p.add_argument("--timeout", type=float,
                   help="seconds per model answer (default 120; 1800 for --backend local)")
    p.add_argument("--token-budget", type=int)
    p.add_argument("--max-input-tokens", type=int, default=4000)
    p.add_argument("--max-input-bytes", type=int, default=DEFAULT_MAX_INPUT_BYTES,
                   help="reject larger inputs (default 20 MiB)")


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
    s.add_argument("--concurrency", type=int, default=4,
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

    v = sub.add_parser("validate", help="re-run grounding and the rules on a stored result")
    v.add_argument("result", help="a JSON record (or JSONL, first line) written by summarize")
    v.add_argument("--source", required=True, help="the release the result was made from")
    v.add_argument("--published", help="release date YYYY-MM-DD")

    i = sub.add_parser("inspect", help="show detected sections and prompt token counts")
    i.add_argument("path")

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
    print(f"summarizer: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _expand(inputs: Sequence[str]) -> Iterator[str]:
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not files:
                raise errors.InputError(f"directory {item!r} holds no files")
            yield from (str(p) for p in files)
        elif not path.exists():
            raise errors.InputError(f"no such file: {item!r}")
        else:
            yield item


def _error_record(source: str, exc: errors.SummarizerError) -> dict[str, Any]:
    record = SummaryResult(
        source=source,
        error=ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message),
    ).to_record()
    if exc.usage is not None:
        record["usage"] = exc.usage.model_dump()
    return record


def _write(out: TextIO, record: dict[str, Any], fmt: str) -> None:
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    out.flush()


class _Sink:
    """Where ``summarize`` writes records: JSON/JSONL lines as they come, or (markdown, html)
    records kept for one report rendered when the sink closes."""

    def __init__(self, path: str | None, mode: str, fmt: str) -> None:
        self.fmt = fmt
        self.is_report = fmt in ("markdown", "html")
        self.out = cast(TextIO, open(path, mode, encoding="utf-8")) if path else sys.stdout  # noqa: SIM115
        self.report: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        if self.is_report:
            self.report.append(record)
        else:
            _write(self.out, record, self.fmt)

    def close(self) -> None:
        try:
            if self.is_report:
                from summarizer.reports import render

                self.out.write(render(self.report, self.fmt))
        finally:
            if self.out is not sys.stdout:
                self.out.close()


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
        if args.concurrency < 1:
            raise errors.ConfigurationError("--concurrency must be at least 1")
        cache = None if args.no_cache else (args.cache or default_cache_path())
        summarizer = _make_summarizer(args, args.backend, cache=cache)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    if args.resume or len(inputs) > 1:
        return _summarize_many(args, inputs, summarizer)
    fmt = args.format or ("json" if len(inputs) == 1 else "jsonl")
    sink = _Sink(args.output, "w", fmt)
    failed = 0
    input_rejected = False
    try:
        for item in inputs:
            try:
                if item == "-":
                    result = summarizer.summarize(sys.stdin.buffer.read(), source="-",
                                                  published=args.published)
                else:
                    result = summarizer.summarize(Path(item), source=item,
                                                  published=args.published)
                record = result.to_record(include_text=args.include_text or fmt == "html")
            except errors.SummarizerError as exc:
                failed += 1
                input_rejected = input_rejected or isinstance(exc, errors.InputError)
                print(f"summarizer: {item}: {exc.message}", file=sys.stderr)
                record = _error_record(item, exc)
            sink.write(record)
    finally:
        sink.close()
        summarizer.close()
    return _exit_code(failed, len(inputs), input_rejected)


def _summarize_many(args: argparse.Namespace, inputs: list[str], summarizer: Any) -> int:
    """Several inputs: concurrently, each record written as it completes (``runner``)."""
    from summarizer.runner import Progress, completed_sources, run_many

    fmt = args.format or "jsonl"
    mode = "w"
    if args.resume:
        if not args.output or fmt != "jsonl":
            summarizer.close()
            return _fail("--resume needs -o FILE and the jsonl format")
        try:
            done = completed_sources(args.output)
        except (OSError, errors.SummarizerError) as exc:
            summarizer.close()
            return _fail(exc.message if isinstance(exc, errors.SummarizerError) else str(exc))
        inputs = [item for item in inputs if item not in done]
        mode = "a"
    sink = _Sink(args.output, mode, fmt)
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
        summarizer.close()
    return _exit_code(failed, len(inputs), input_rejected)


def _schema(args: argparse.Namespace) -> int:
    if args.kind == "request":
        from summarizer.extraction import strict_json_schema

        schema = strict_json_schema()
    else:
        schema = SummaryResult.model_json_schema()
    print(json.dumps(schema, indent=2, sort_keys=False))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from summarizer.api import parse_published
    from summarizer.grounding import ground
    from summarizer.intake import load
    from summarizer.rules import run_rules
    from summarizer.schemas.summary import RegulatorySummary

    try:
        raw = Path(args.result).read_text(encoding="utf-8").strip()
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:  # JSONL: the first record
            record = json.loads(raw.splitlines()[0])
        document = load(Path(args.source), source=args.source)
        summary = RegulatorySummary.model_validate(record.get("summary", record))
        when = parse_published(args.published) or document.published
    except (OSError, ValueError) as exc:
        return _fail(f"cannot read {args.result!r}: {exc}")
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    ground(summary, document.text)
    findings = run_rules(summary, document, published=when)
    out = {"source": args.source, "summary": summary.model_dump(mode="json"),
           "findings": [f.model_dump() for f in findings]}
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return EXIT_SOME_FAILED if any(f.severity == "error" for f in findings) else EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    from summarizer.intake import load
    from summarizer.sections import prompt_view

    try:
        document = load(Path(args.path), source=args.path)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    view = prompt_view(document.text, document.sections)
    print(f"{args.path}: kind={document.kind} published={document.published} "
          f"chars={len(document.text)}")
    for section in document.sections:
        snippet = " ".join(document.text[section.start:section.end].split())[:70]
        title = f" ({section.title})" if section.title else ""
        print(f"  {section.kind:<16}{section.start:>7}-{section.end:<7}{title} {snippet}")
    print(f"tokens raw={view.raw_tokens} prompt={view.tokens} "
          f"saved={1 - view.tokens / max(1, view.raw_tokens):.0%} omitted={list(view.omitted)}")
    return EXIT_OK


def _make_summarizer(args: argparse.Namespace, backend: str | None, *,
                     cache: str | os.PathLike[str] | None = None) -> Any:
    from summarizer.api import Summarizer

    return Summarizer(
        backend, model=args.model, base_url=args.base_url, mode=args.mode,
        model_path=args.model_path, max_reasks=args.max_reasks,
        max_attempts=args.max_attempts, timeout=args.timeout,
        token_budget=args.token_budget, max_input_tokens=args.max_input_tokens,
        max_input_bytes=args.max_input_bytes, cache=cache,
        arbitration=getattr(args, "arbitration", None),
    )


def _eval(args: argparse.Namespace) -> int:
    from summarizer.evaluation import EvalRun, evaluate, format_report
    from summarizer.scoring import load_corpus

    corpus = Path(args.corpus)
    if not (corpus / "gold.jsonl").is_file() or not (corpus / "docs").is_dir():
        return _fail(f"{args.corpus!r} is not a corpus folder (needs docs/ and gold.jsonl)")
    try:
        items = load_corpus(corpus)
        backends = args.backends or [args.backend]
        runners = [(b or "auto", _make_summarizer(args, b)) for b in backends]
    except (OSError, ValueError) as exc:
        return _fail(f"cannot read corpus {args.corpus!r}: {exc}")
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    runs: list[EvalRun] = []
    out: TextIO | None = open(args.output, "w", encoding="utf-8") if args.output else None  # noqa: SIM115
    try:
        for label, summarizer in runners:
            label = summarizer.config.name if label == "auto" else label

            def write(record: dict[str, Any], label: str = label) -> None:
                if out is not None:
                    out.write(json.dumps({**record, "backend": label}, ensure_ascii=False) + "\n")
                    out.flush()

            runs.append(evaluate(items, summarizer.summarize, label=label, on_record=write))
    finally:
        if out is not None:
            out.close()
    if args.json:
        print(json.dumps([run.as_dict() for run in runs], indent=2))
    else:
        print(format_report(runs))
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
    submit.add_argument("--max-input-tokens", type=int, default=4000)
    submit.add_argument("--max-output-tokens", type=int, default=2048)
    submit.add_argument("--max-input-bytes", type=int, default=DEFAULT_MAX_INPUT_BYTES)
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
        p.add_argument("--timeout", type=float, default=120.0)


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
        inputs = list(_expand(args.inputs))
        config = _batch_config(args)
        summarizer = Summarizer(
            "openai", model=config.model, base_url=config.base_url, api_key=config.api_key,
            mode="json_schema", max_input_tokens=args.max_input_tokens,
            max_output_tokens=args.max_output_tokens, max_input_bytes=args.max_input_bytes,
        )
        plan = openai_batch.build_requests(summarizer, inputs, published=args.published)
        for doc in plan.rejected:
            print(f"summarizer: {doc.source}: {doc.error.message if doc.error else ''}",
                  file=sys.stderr)
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
        print(manifest.model_dump_json(indent=2))
        return _fail(f"batch {manifest.batch_id} created, but its manifest could not be "
                     f"written ({exc.strerror or exc}); save the JSON above to collect it")
    print(manifest.batch_id)
    print(f"summarizer: batch {manifest.batch_id}: {len(plan.lines)} requests for "
          f"{len(manifest.documents) - len(plan.rejected)} documents; manifest {args.output}; "
          f"collect with: summarizer batch collect {manifest.batch_id} --manifest {args.output}",
          file=sys.stderr)
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
    print(json.dumps(batch.model_dump(mode="json", include=keys), indent=2))
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
        print(f"summarizer: warning: {warning}", file=sys.stderr)
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for result in collection.results:
            if result.error is not None:
                print(f"summarizer: {result.source}: {result.error.message}", file=sys.stderr)
            _write(out, result.to_record(), "jsonl")
    finally:
        if out is not sys.stdout:
            out.close()
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
    print(f"summarizer: {len(collection.failed)} of {len(collection.results)} documents failed; "
          + listing, file=sys.stderr)
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
    r.add_argument("--title", default="Regulatory summary report")
    r.add_argument("--timeline", metavar="PATH",
                   help="also write the records' timeline page (HTML) here, linked both ways "
                        "with the report")


def _report(args: argparse.Namespace) -> int:
    """Render records to a report. Records without the document text still render (their
    evidence as quotes, the page says why); exit 2 for a missing or malformed records file."""
    from summarizer import reports

    fmt = args.format or ("markdown" if str(args.output or "").endswith((".md", ".markdown"))
                          else "html")
    try:
        if args.predictions == "-":
            results = reports.parse_records(sys.stdin.read(), name="<stdin>")
        else:
            results = reports.load_records(args.predictions)
    except errors.SummarizerError as exc:
        return _fail(exc.message)
    missing = sum(1 for r in results if r.ok and r.text is None)
    if fmt == "html" and missing:
        print(f"summarizer: note: {missing} of {len(results)} records lack the document text, "
              "so their evidence is not highlighted (write records with summarize "
              "--include-text)", file=sys.stderr)
    text = reports.render(results, fmt, title=args.title, **_timeline_link(args, fmt))
    if args.timeline and (code := _report_timeline(args, results, fmt)) != EXIT_OK:
        return code
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {args.output!r}: {exc.strerror or exc}")
    return EXIT_OK


# -- regulatory timeline (logic in summarizer.timeline) --------------------------------------------

_TIMELINE_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
                      ".json": "json", ".csv": "csv", ".ics": "ics"}


def _add_timeline_parser(sub: Any) -> None:
    t = sub.add_parser("timeline", help="each product's regulatory history and the calendar of "
                                        "dates to come, from stored records")
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


def _timeline(args: argparse.Namespace) -> int:
    """Build the timeline of stored records and render it; exit 2 for a missing or malformed
    records file, an unknown output suffix or a bad date."""
    import datetime as dt

    from summarizer import reports, timeline

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
        sys.stdout.write(text)
        return EXIT_OK
    return _write_text(args.output, text)


def _timeline_link(args: argparse.Namespace, fmt: str) -> dict[str, str]:
    """``report --timeline``: the HTML report links to the timeline page."""
    return {"timeline_href": _href(args.timeline, args.output)} if (
        args.timeline and fmt == "html") else {}


def _report_timeline(args: argparse.Namespace, results: list[Any], fmt: str) -> int:
    """``report --timeline``: the timeline page of the report's records, its events linked to
    their documents in the report."""
    from summarizer import timeline

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
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {path!r}: {exc.strerror or exc}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    handlers = {"summarize": _summarize, "schema": _schema, "validate": _validate,
                "inspect": _inspect, "eval": _eval}
    handlers["batch"] = _batch
    handlers["report"] = _report
    handlers["timeline"] = _timeline
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
