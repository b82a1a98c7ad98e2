"""Property tests of the command line itself: random argument lists, random bytes as inputs,
random file names (bytes that are not UTF-8 included), output faults and closed streams.

Whatever the arguments: never a traceback, the exit code is 0, 1 or 2, and every input that
exists gets exactly one record. The CLI runs in-process through ``main(argv)`` (fast enough for
hundreds of runs); only closing the process's own streams needs a subprocess.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.cli import main
from summarizer.intake import source_name
from summarizer.testing import synthetic_release

ROOT = Path(__file__).resolve().parent.parent
D01 = str(CORPUS / "docs" / "d01.txt")
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True, scope="module")
def _rules_only() -> Iterator[None]:
    """No model anywhere: the fuzzed runs use the rules backend whatever they are told."""
    saved = {k: os.environ.pop(k) for k in list(os.environ)
             if k.startswith(("SUMMARIZER_", "OPENAI_"))}
    os.environ["SUMMARIZER_BACKEND"] = "rules"
    yield
    os.environ.pop("SUMMARIZER_BACKEND", None)
    os.environ.update(saved)


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """``main(argv)`` with its streams captured; argparse's exits become exit codes."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = _Stdin(stdin)  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def _clean(code: int, err: str) -> None:
    assert code in (0, 1, 2), (code, err[-2000:])
    assert "Traceback" not in err and "Exception ignored" not in err, err[-2000:]
    for line in err.splitlines():  # every note and error is one line of its own
        assert line.startswith(("summarizer", "usage:", "  ", "positional", "options", "{",
                                "Validated", "Exit codes", "written)", "\t")) or not line, line


# -- strategies ----------------------------------------------------------------------------------

_NAME_BYTES = st.binary(min_size=1, max_size=12).map(
    lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")
).filter(lambda b: b not in (b".", b"..") and not b.startswith(b"."))
_RELEASES = st.integers(0, 40).map(lambda i: synthetic_release(i).encode())
_CONTENT = st.one_of(
    st.binary(max_size=600),
    _RELEASES,
    st.tuples(_RELEASES, st.binary(max_size=40), st.integers(0, 900)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2]:]),  # a release with junk bytes inside
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"", b"   \n\n", b"%PDF-1.4 binary", b"<html><body>" + b"<div>" * 700,
                     "FDA approves X.\u2028\u2029\x85".encode()]),
)
_FILES = st.lists(st.tuples(_NAME_BYTES, _CONTENT), min_size=1, max_size=4,
                  unique_by=lambda f: f[0])
_JUNK = st.text(max_size=12).filter(lambda t: "\0" not in t)
_OPTIONS = st.lists(st.one_of(
    st.sampled_from([
        ["--format", "json"], ["--format", "jsonl"], ["--format", "markdown"],
        ["--format", "html"], ["--format", "pdf"], ["--include-text"], ["--no-progress"],
        ["--no-cache"], ["--published", "2008-03-20"], ["--published", "20/03/2008"],
        ["--concurrency", "1"], ["--concurrency", "0"], ["--concurrency", "x"],
        ["--max-input-bytes", "1"], ["--max-input-bytes", "0"], ["--max-input-bytes", "300"],
        ["--max-input-tokens", "16"], ["--max-input-tokens", "2"], ["--timeout", "-3"],
        ["--max-reasks", "-1"], ["--resume"], ["--backend", "rules"], ["--mode", "json"],
        ["--help"], ["-o"], ["--title", "T"], ["--kind", "result"], ["--source"],
    ]),
    _JUNK.map(lambda t: [t]),
), max_size=5)


@contextlib.contextmanager
def _folder(files: list[tuple[bytes, bytes]]) -> Iterator[tuple[str, list[str]]]:
    """A temporary folder holding ``files`` (names as raw bytes); yields it and the paths."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "docs")
        os.mkdir(folder)
        paths = []
        for name, content in files:
            raw = os.path.join(os.fsencode(folder), name)
            with open(raw, "wb") as handle:
                handle.write(content)
            paths.append(os.fsdecode(raw))
        yield folder, sorted(paths)


# -- properties ----------------------------------------------------------------------------------


@FUZZ
@given(command=st.sampled_from(["summarize", "report", "validate", "inspect", "schema", "eval",
                                "batch", ""]),
       options=_OPTIONS, files=_FILES, use_stdin=st.booleans(), stdin=_CONTENT)
def test_random_argument_lists_never_end_in_a_traceback(
    command: str, options: list[list[str]], files: list[tuple[bytes, bytes]], use_stdin: bool,
    stdin: bytes,
) -> None:
    # inside the temporary folder: a random word after -o names a file there, not in the checkout
    with _folder(files) as (folder_path, paths), contextlib.chdir(folder_path):
        argv = [command] if command else []
        if command != "batch":  # batch would reach for the network
            argv += paths[:2] + (["-"] if use_stdin else [])
        for option in options:
            argv += option
        code, _, err = _run(argv, stdin)
    _clean(code, err)


@FUZZ
@given(files=_FILES, use_stdin=st.booleans(), stdin=_CONTENT, missing=st.booleans(),
       as_folder=st.booleans(),
       fmt=st.sampled_from(["json", "jsonl"]), include_text=st.booleans(),
       limit=st.sampled_from([None, "1", "200", "5000"]),
       published=st.sampled_from([None, "2008-03-20", "2031-12-31"]))
def test_every_input_gets_exactly_one_record(
    files: list[tuple[bytes, bytes]], use_stdin: bool, stdin: bytes, missing: bool,
    as_folder: bool, fmt: str, include_text: bool, limit: str | None, published: str | None,
) -> None:
    with _folder(files) as (folder, paths), tempfile.TemporaryDirectory() as tmp:
        inputs = [folder] if as_folder else list(paths)
        expected = [source_name(p) for p in paths]
        if missing:
            inputs.append(os.path.join(tmp, "missing.txt"))
            expected.append(source_name(inputs[-1]))
        if use_stdin:
            inputs.append("-")
            expected.append("-")
        out = os.path.join(tmp, "out.json")
        argv = ["summarize", *inputs, "--format", fmt, "-o", out, "--concurrency", "2"]
        argv += ["--include-text"] if include_text else []
        argv += ["--max-input-bytes", limit] if limit else []
        argv += ["--published", published] if published else []
        code, _, err = _run(argv, stdin)
        _clean(code, err)
        records = _read_records(Path(out).read_text(encoding="utf-8"), fmt)
    assert Counter(r["source"] for r in records) == Counter(expected)
    failed = sum(r["error"] is not None for r in records)
    assert code == (0 if not failed else 2 if len(expected) == 1 else 1)
    for record in records:
        assert (record["summary"] is None) == (record["error"] is not None)
        if include_text and record["error"] is None:
            assert isinstance(record["text"], str)


def _read_records(text: str, fmt: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        assert all("\u2028" not in line for line in text.split("\n"))
        return [json.loads(line) for line in text.split("\n") if line]
    decoder, records, at = json.JSONDecoder(), [], 0
    while at < len(text.rstrip()):
        value, end = decoder.raw_decode(text, at)
        records.append(value)
        at = end + 1
    return records


@FUZZ
@given(files=_FILES, target=st.sampled_from(["missing", "folder", "full", "input"]),
       command=st.sampled_from(["summarize", "report"]), many=st.booleans())
def test_output_faults_are_one_line_and_exit_2(
    files: list[tuple[bytes, bytes]], target: str, command: str, many: bool
) -> None:
    if target == "full" and not os.path.exists("/dev/full"):
        return
    with _folder(files) as (_folder_path, paths), tempfile.TemporaryDirectory() as tmp:
        records = os.path.join(tmp, "records.jsonl")
        Path(records).write_text('{"source": "a"}\n')
        inputs = paths if many else paths[:1]
        output = {"missing": os.path.join(tmp, "no", "out"), "folder": tmp, "full": "/dev/full",
                  "input": records if command == "report" else inputs[0]}[target]
        argv = (["summarize", *inputs] if command == "summarize" else ["report", records])
        before = Path(output).read_bytes() if target == "input" else None
        code, out, err = _run([*argv, "-o", output])
        _clean(code, err)
        assert code == 2 and out == "" and err.count("summarizer: error:") == 1, err
        if before is not None:
            assert Path(output).read_bytes() == before  # an input is never emptied


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=st.sampled_from([
    ["summarize", D01], ["summarize", "-"], ["summarize", D01, "-"], ["schema"],
    ["inspect", D01], ["report", "-"], ["validate", "-", "--source", D01],
]), closed=st.sampled_from([0, 1, 2]))
def test_closed_standard_streams_never_end_in_a_traceback(argv: list[str], closed: int) -> None:
    streams = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    streams[("stdin", "stdout", "stderr")[closed]] = None  # inherited, then closed in the child
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", *argv], cwd=ROOT, timeout=120, check=False,
        preexec_fn=lambda: os.close(closed), env={**os.environ, "SUMMARIZER_BACKEND": "rules"},
        **streams,
    )
    assert run.returncode in (0, 1, 2)
    if run.stderr is not None:
        assert b"Traceback" not in run.stderr and b"Exception ignored" not in run.stderr
    if closed == 1:
        assert run.returncode == 2 or argv[0] == "report"  # nothing can be written
    if closed == 2 and run.stdout and argv[0] == "summarize":
        for line in run.stdout.splitlines():  # stderr's notes did not end up in the records
            assert not line.startswith(b"summarizer")
