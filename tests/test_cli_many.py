"""The CLI over several inputs: concurrent, streamed JSONL with sources, the result cache flags,
and --resume, including a run killed with SIGKILL half-way (a real subprocess)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.runner import completed_sources
from summarizer.testing import ScaleServer, synthetic_release

ROOT = Path(__file__).resolve().parent.parent


def _corpus(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"r{i:02d}.txt").write_text(synthetic_release(i), encoding="utf-8")
    return [str(folder / f"r{i:02d}.txt") for i in range(count)]


def _records(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]  # every line valid JSON


def _llm(server: ScaleServer) -> list[str]:
    return ["--base-url", server.base_url, "--model", "local", "--mode", "json"]


def test_several_paths_run_concurrently_and_stream_records_with_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _corpus(tmp_path / "docs", 8)
    out = tmp_path / "out.jsonl"
    with ScaleServer(latency=0.3) as srv:
        started = time.monotonic()
        code = main(["summarize", *paths[:3], str(tmp_path / "docs"), *_llm(srv),
                     "--concurrency", "8", "--no-cache", "-o", str(out)])
        elapsed = time.monotonic() - started
        held = srv.max_in_flight
    records = _records(out)
    assert code == 0 and len(records) == 11  # three paths named twice: once per mention
    assert sorted({r["source"] for r in records}) == paths  # type: ignore[type-var]
    assert all(r["summary"] and r["error"] is None for r in records)
    assert held >= 4 and elapsed < 11 * 0.3  # concurrent, not one after the other
    assert "Traceback" not in capsys.readouterr().err


def test_cache_is_on_by_default_and_flags_move_or_disable_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _corpus(tmp_path / "docs", 3)
    with ScaleServer() as srv:
        assert main(["summarize", *paths, *_llm(srv), "-o", str(tmp_path / "a.jsonl")]) == 0
        assert len(srv.requests) == 3
        default = Path(os.environ["XDG_CACHE_HOME"]) / "summarizer" / "cache.sqlite3"
        assert default.exists()
        assert main(["summarize", *paths, *_llm(srv), "-o", str(tmp_path / "b.jsonl")]) == 0
        assert len(srv.requests) == 3  # all three from the default cache
        assert all(r["meta"]["cached"] for r in _records(tmp_path / "b.jsonl"))  # type: ignore[index]
        assert main(["summarize", *paths, *_llm(srv), "--no-cache",
                     "-o", str(tmp_path / "c.jsonl")]) == 0
        assert len(srv.requests) == 6
        own = tmp_path / "own.sqlite3"
        for _ in range(2):
            assert main(["summarize", *paths, *_llm(srv), "--cache", str(own),
                         "-o", str(tmp_path / "d.jsonl")]) == 0
        assert len(srv.requests) == 9 and own.exists()
    capsys.readouterr()


def test_resume_skips_done_sources_and_drops_a_torn_last_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _corpus(tmp_path / "docs", 5)
    out = tmp_path / "out.jsonl"
    done = [{"source": paths[0], "summary": None, "error": None},
            {"source": paths[3], "summary": None, "error": None}]
    out.write_text("".join(json.dumps(r) + "\n" for r in done) + '{"source": "' + paths[1][:9])
    with ScaleServer() as srv:
        code = main(["summarize", str(tmp_path / "docs"), *_llm(srv), "--resume",
                     "-o", str(out)])
        asked = len(srv.requests)
    records = _records(out)
    sources = [r["source"] for r in records]
    assert code == 0 and asked == 3
    assert sorted(sources) == paths and len(sources) == len(set(sources))  # type: ignore[type-var]
    capsys.readouterr()


def test_resume_needs_an_output_file_and_rejects_a_damaged_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _corpus(tmp_path / "docs", 2)
    assert main(["summarize", *paths, "--backend", "rules", "--resume"]) == 2
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text('{"source": "x"}\nnot json\n{"source": "y"}\n')
    assert main(["summarize", *paths, "--backend", "rules", "--resume", "-o",
                 str(damaged)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "Traceback" not in err


def test_completed_sources_handles_edge_cases(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    assert completed_sources(path) == set()
    path.write_text('{"source": "a"}\n\n{"source": "b"}\n{"sou')
    assert completed_sources(path) == {"a", "b"}
    assert path.read_text() == '{"source": "a"}\n\n{"source": "b"}\n'
    path.write_text('{"source": "a"}\n{"source": "b"')  # torn right before the newline
    assert completed_sources(path) == {"a"} and path.read_text() == '{"source": "a"}\n'


def test_a_killed_run_resumed_yields_every_record_exactly_once(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "docs", 14)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with ScaleServer(latency=0.4) as srv:
        argv = [sys.executable, "-m", "summarizer", "summarize", str(tmp_path / "docs"),
                *_llm(srv), "--concurrency", "2", "--no-cache", "-o", str(out)]
        child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_text(encoding="utf-8").count("\n") >= 4:
                break
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        written = out.read_text(encoding="utf-8").count("\n")
        assert child.returncode == -signal.SIGKILL and 4 <= written < len(paths)
        with out.open("a", encoding="utf-8") as handle:  # as if killed in the middle of a line
            handle.write('{"source": "' + paths[-1] + '", "summ')
        sent_before = len(srv.requests)
        resumed = subprocess.run([*argv, "--resume"], env=env, capture_output=True, text=True,
                                 timeout=120)
        sent_after = len(srv.requests)
    assert resumed.returncode == 0, resumed.stderr
    records = _records(out)
    sources = [r["source"] for r in records]
    assert len(sources) == len(paths) and sorted(sources) == paths  # type: ignore[type-var]
    assert all(r["summary"] for r in records)
    assert sent_after - sent_before == len(paths) - written  # done documents were not redone


def test_progress_bar_on_a_terminal_only_and_never_with_no_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _corpus(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    assert main(["summarize", *paths, "--backend", "rules", "-o", str(out)]) == 0
    assert "summarizing" not in capsys.readouterr().err  # stderr is not a terminal here
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["summarize", *paths, "--backend", "rules", "-o", str(out)]) == 0
    assert "summarizing" in capsys.readouterr().err and len(_records(out)) == 3
    assert main(["summarize", *paths, "--backend", "rules", "--no-progress", "-o",
                 str(out)]) == 0
    assert "summarizing" not in capsys.readouterr().err
