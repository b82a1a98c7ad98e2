"""The CLI under faults of its input, output, names and cache: bounded reads, one stderr line and
exit 2 for an output it cannot write, one record per input, records that read back."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer

from summarizer import cli
from summarizer.cli import main
from summarizer.testing import LoopbackServer, Reply, synthetic_release

ROOT = Path(__file__).resolve().parent.parent
D01 = str(CORPUS / "docs" / "d01.txt")
RULES = ["--backend", "rules"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_clean_line(err: str) -> str:
    lines = [line for line in err.splitlines() if not line.startswith("summarizer: warning")]
    assert len(lines) == 1 and lines[0].startswith("summarizer: error: "), err
    assert "Traceback" not in err
    return lines[0]


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line]


class _Endless(io.RawIOBase):
    """A stream like /dev/zero that counts what was read from it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[:] = b"\0" * len(buffer)
        self.read_bytes += len(buffer)
        return len(buffer)


class _Stdin:
    def __init__(self, raw: io.RawIOBase) -> None:
        self.buffer = raw


# -- unbounded reads -----------------------------------------------------------------------------


def test_stdin_is_read_no_further_than_the_byte_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    endless = _Endless()
    monkeypatch.setattr(sys, "stdin", _Stdin(endless))
    code, out, err = _run(capsys, "summarize", "-", *RULES, "--max-input-bytes", "5000")
    assert code == 2 and "over the limit of 5000 bytes" in err and "Traceback" not in err
    assert endless.read_bytes <= 5001
    assert json.loads(out)["error"]["code"] == "input_too_large"


def test_endless_stdin_in_a_batch_is_one_error_record_and_the_rest_come_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(_Endless()))
    code, out, _ = _run(capsys, "summarize", D01, "-", *RULES, "--max-input-bytes", "100000")
    records = {r["source"]: r for r in map(json.loads, out.splitlines())}
    assert code == 1 and set(records) == {D01, "-"}
    assert records[D01]["error"] is None
    assert records["-"]["error"]["code"] == "input_too_large"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_report_refuses_an_endless_stream_after_its_first_piece(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "report", "/dev/zero", "-o", str(tmp_path / "r.html"))
    assert code == 2 and "not JSON records" in _one_clean_line(err)
    assert not (tmp_path / "r.html").exists()


def test_report_streams_records_in_bounded_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the records were read whole, parsed whole and rendered whole: 200 MB of records took 3 GB
    code, _, _ = _run(capsys, "summarize", D01, *RULES, "--include-text", "--format", "jsonl",
                      "-o", str(tmp_path / "one.jsonl"))
    line = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    records = tmp_path / "many.jsonl"
    records.write_text(line * 400, encoding="utf-8")  # 400 records, about 11 MB
    tracemalloc.start()
    try:
        code, _, _ = _run(capsys, "report", str(records), "-o", str(tmp_path / "r.html"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 0 and (tmp_path / "r.html").read_text().count("<article") == 400
    assert peak < records.stat().st_size / 2, f"peak {peak / 1e6:.1f} MB"


# -- output faults -------------------------------------------------------------------------------


def _read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return folder
    (folder / "probe").unlink()  # root writes anywhere: try a folder even root cannot write
    for candidate in (Path("/sys"), Path("/proc/sys")):
        try:
            (candidate / "summarizer-probe").write_text("x")
        except OSError:
            return candidate
    pytest.skip("no folder this user cannot write")


@pytest.mark.parametrize("where", ["missing", "folder", "read-only", "full"])
@pytest.mark.parametrize("command", ["summarize", "summarize-many", "report"])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    where: str, command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if where == "full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    output = {"missing": tmp_path / "no" / "such" / "out.jsonl", "folder": tmp_path,
              "full": Path("/dev/full")}.get(where) or _read_only_folder(tmp_path) / "out.jsonl"
    records = tmp_path / "records.jsonl"
    records.write_text('{"source": "a", "error": {"type": "InputError", "code": "input", '
                       '"message": "empty"}}\n')
    argv = {"summarize": ["summarize", D01, *RULES],
            "summarize-many": ["summarize", D01, D01, *RULES],
            "report": ["report", str(records)]}[command]
    code, out, err = _run(capsys, *argv, "-o", str(output))
    line = _one_clean_line(err)
    assert code == 2 and "cannot write" in line and out == ""
    if where == "full":
        assert "No space left" in line


class _FillsUp:
    """A text file that takes ``room`` writes, then fails like a full disk."""

    def __init__(self, handle: Any, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, text: str) -> int:
        if self.room == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= 1
        written: int = self.handle.write(text)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_a_full_disk_mid_run_keeps_the_records_written_before_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = cli._open_output
    monkeypatch.setattr(cli, "_open_output",
                        lambda path, mode="w": _FillsUp(opened(path, mode), room=2))
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"r{i}.txt").write_text(synthetic_release(i))
    out = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "summarize", str(docs), *RULES, "--concurrency", "1",
                        "-o", str(out))
    line = _one_clean_line(err)
    assert code == 2 and "No space left on device" in line and "2 record(s) written" in line
    assert len(_records(out)) == 2  # whole lines, each valid JSON


def test_an_output_that_is_also_an_input_is_refused_before_it_is_emptied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    release = tmp_path / "release.txt"
    release.write_text(synthetic_release(1))
    before = release.read_text()
    for argv in (["summarize", str(release)], ["summarize", str(tmp_path)],
                 ["summarize", str(tmp_path / ".." / tmp_path.name / "release.txt"), D01]):
        code, _, err = _run(capsys, *argv, *RULES, "-o", str(release))
        assert code == 2 and "is also an input" in _one_clean_line(err)
        assert release.read_text() == before
    records = tmp_path / "r.jsonl"
    records.write_text("")
    code, _, err = _run(capsys, "report", str(records), "-o", str(records))
    assert code == 2 and "is also an input" in _one_clean_line(err)


def _cli(*argv: str, **popen: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "summarizer", *argv], cwd=ROOT, timeout=120,
                          check=False, **popen)


def test_closed_or_unwritable_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    closed = _cli("summarize", D01, *RULES, stderr=subprocess.PIPE, pass_fds=(),
                  preexec_fn=lambda: os.close(1))
    assert closed.returncode == 2
    assert b"standard output" in closed.stderr and b"Traceback" not in closed.stderr
    with open(os.devnull, "rb") as read_only:  # an fd that cannot be written
        unwritable = _cli("summarize", D01, *RULES, stdout=read_only, stderr=subprocess.PIPE)
    assert unwritable.returncode == 2 and b"Traceback" not in unwritable.stderr
    assert unwritable.stderr.count(b"\n") == 1
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            schema = _cli("schema", stdout=full, stderr=subprocess.PIPE)
        assert schema.returncode == 2 and b"No space left" in schema.stderr
        assert b"Traceback" not in schema.stderr and schema.stderr.count(b"\n") == 1


def test_a_reader_that_goes_away_is_an_output_fault_not_a_traceback(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(30):
        (docs / f"r{i:02d}.txt").write_text(synthetic_release(i))
    run = subprocess.Popen([sys.executable, "-m", "summarizer", "summarize", str(docs), *RULES],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    run.stdout.readline()
    run.stdout.close()  # like `| head -1`
    err = run.stderr.read()
    assert run.wait(timeout=120) == 2 and b"Traceback" not in err
    assert err.count(b"summarizer: error:") == 1


def test_closed_standard_input_and_error(tmp_path: Path) -> None:
    no_stdin = _cli("summarize", "-", *RULES, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    preexec_fn=lambda: os.close(0))
    assert no_stdin.returncode == 2 and b"standard input is closed" in no_stdin.stderr
    assert json.loads(no_stdin.stdout)["error"]["code"] == "input"
    no_stderr = _cli("summarize", D01, "/no/such.txt", *RULES, stdout=subprocess.PIPE,
                     preexec_fn=lambda: os.close(2))
    assert no_stderr.returncode == 1  # the notes went nowhere, not into the records
    assert sorted(json.loads(line)["source"] for line in no_stderr.stdout.splitlines()) == sorted(
        ["/no/such.txt", D01])


# -- names, paths and records --------------------------------------------------------------------


def test_a_missing_path_among_good_ones_is_an_error_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = _run(capsys, "summarize", D01, "/no/such.txt", str(empty), *RULES)
    records = {r["source"]: r for r in map(json.loads, out.splitlines())}
    assert code == 1 and set(records) == {D01, "/no/such.txt", str(empty)}
    assert records["/no/such.txt"]["error"]["code"] == "input"
    assert "not found" in records["/no/such.txt"]["error"]["message"]
    assert records[str(empty)]["error"]["code"] == "input" and "Traceback" not in err


def test_file_names_that_are_not_utf8_are_sources_that_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    odd = os.path.join(os.fsencode(docs), b"caf\xe9 \xff.txt")
    with open(odd, "wb") as handle:
        handle.write(synthetic_release(3).encode())
    (docs / "plain.txt").write_text(synthetic_release(4))
    out = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "summarize", str(docs), *RULES, "-o", str(out))
    sources = sorted(r["source"] for r in _records(out))
    assert code == 0 and "Traceback" not in err
    assert sources == [f"{docs}/caf\\xe9 \\xff.txt", f"{docs}/plain.txt"]
    out.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    # the odd name given directly, then resumed: recognised as done
    one = tmp_path / "one.jsonl"
    code, _, _ = _run(capsys, "summarize", os.fsdecode(odd), *RULES, "--format", "jsonl",
                      "-o", str(one))
    assert code == 0 and _records(one)[0]["source"] == sources[0]
    code, _, _ = _run(capsys, "summarize", os.fsdecode(odd), str(docs / "plain.txt"), *RULES,
                      "--resume", "-o", str(one))
    assert code == 0 and len(_records(one)) == 2


def test_line_separators_in_a_release_read_back_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    release = tmp_path / "sep.txt"
    release.write_text(synthetic_release(2).replace(". ", ".\u2028", 3) + "\u2029\x85end\n")
    out = tmp_path / "out.jsonl"
    code, _, _ = _run(capsys, "summarize", str(release), D01, *RULES, "--include-text",
                      "-o", str(out))
    raw = out.read_bytes()
    assert code == 0 and raw.count(b"\n") == 2 and "\u2028".encode() not in raw
    assert "\u2028" in _records(out)[0]["text"] + _records(out)[1]["text"]
    code, _, err = _run(capsys, "report", str(out), "-o", str(tmp_path / "r.md"))
    assert code == 0 and "Traceback" not in err
    code, _, err = _run(capsys, "validate", str(out), "--source", str(release))
    assert code in (0, 1) and "Traceback" not in err
    code, _, _ = _run(capsys, "summarize", str(release), D01, *RULES, "--resume", "-o", str(out))
    assert code == 0 and out.read_bytes() == raw  # both done: nothing added, nothing cut


def test_resume_knows_an_input_by_its_resolved_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"r{i}.txt").write_text(synthetic_release(i))
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    code, _, _ = _run(capsys, "summarize", "docs/r0.txt", "docs/r1.txt", *RULES, "-o", str(out))
    assert code == 0 and len(_records(out)) == 2
    code, _, _ = _run(capsys, "summarize", str(docs), *RULES, "--resume", "-o", str(out))
    sources = [r["source"] for r in _records(out)]
    assert code == 0 and sources == ["docs/r0.txt", "docs/r1.txt", str(docs / "r2.txt")]


# -- usage ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", [
    ["--max-input-bytes", "0"], ["--max-input-bytes", "-5"], ["--concurrency", "0"],
    ["--timeout", "-1"], ["--timeout", "nan"], ["--max-attempts", "0"], ["--max-reasks", "-1"],
    ["--token-budget", "0"], ["--max-input-tokens", "3"], ["--max-input-bytes", "lots"],
])
def test_bad_numbers_are_usage_errors(option: list[str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["summarize", D01, *RULES, *option])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and option[0] in _one_clean_line(err)


def test_validate_says_what_is_wrong_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answer = ceplene_answer()
    answer["outcome"]["decision"] = "maybe"
    answer["sentiment"]["score"] = 7
    del answer["headline"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"source": "x", "summary": answer}, indent=2))
    code, _, err = _run(capsys, "validate", str(bad), "--source", D01)
    line = _one_clean_line(err)
    assert code == 2 and "not a summary" in line and "more)" in line
    for content in ("", "not json\n", "[1, 2]\n", '{"source": "x", "summary": null}\n'):
        bad.write_text(content)
        code, _, err = _run(capsys, "validate", str(bad), "--source", D01)
        assert code == 2 and _one_clean_line(err)


# -- the result cache ----------------------------------------------------------------------------


def _llm(server: LoopbackServer) -> list[str]:
    return ["--base-url", server.base_url, "--model", "local", "--mode", "json",
            "--max-reasks", "0"]


def test_a_cache_file_that_is_not_sqlite_is_moved_aside_and_rebuilt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(b"this is not a database, just text " * 200)
    with LoopbackServer([Reply.answer(ceplene_answer())], repeat_last=True) as server:
        code, out, err = _run(capsys, "summarize", D01, D01, *_llm(server), "--cache", str(cache))
        assert code == 0 and all(r["error"] is None for r in map(json.loads, out.splitlines()))
        warnings = [line for line in err.splitlines() if "warning" in line]
        assert len(warnings) == 1 and "moved it to" in warnings[0] and "Traceback" not in err
        aside = list(tmp_path.glob("cache.sqlite3.corrupt-*"))
        assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
        code, out, _ = _run(capsys, "summarize", D01, *_llm(server), "--cache", str(cache))
        assert code == 0 and json.loads(out)["meta"]["cached"] is True  # the new cache works


def test_a_cache_folder_that_cannot_be_written_turns_the_cache_off_for_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")  # a folder cannot be made inside a file, not even by root
    with LoopbackServer([Reply.answer(ceplene_answer())], repeat_last=True) as server:
        code, out, err = _run(capsys, "summarize", D01, D01, D01, *_llm(server),
                              "--cache", str(blocker / "cache" / "c.sqlite3"))
    assert code == 0 and len(out.splitlines()) == 3 and "Traceback" not in err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "going on without the result cache" in warnings[0]
