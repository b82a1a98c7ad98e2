"""OpenAI Batch API: request lines equal the realtime requests, submit, collect, failures, CLI.

Everything runs against ``summarizer.testing.FakeBatchAPI`` (in process, or served on a loopback
port for the CLI); the realtime side of each comparison runs on ``FakeEndpoint``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer

from summarizer import PROMPT_VERSION, RegulatorySummary, errors
from summarizer.api import Summarizer
from summarizer.cli import main
from summarizer.extraction import strict_json_schema
from summarizer.openai_batch import (
    BatchPlan,
    Manifest,
    build_requests,
    collect,
    manifest_summarizer,
    parse_output_line,
    submit,
)
from summarizer.testing import BatchLineError, FakeBatchAPI, FakeEndpoint, Reply

D01 = str(CORPUS / "docs" / "d01.txt")
D02 = str(CORPUS / "docs" / "d02.txt")
MODEL = "gpt-4o-mini"


@pytest.fixture(autouse=True)
def _no_endpoint_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("SUMMARIZER_BACKEND", "SUMMARIZER_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_MODEL",
                "SUMMARIZER_LOCAL_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_API_KEY",
                "SUMMARIZER_MODE"):
        monkeypatch.delenv(var, raising=False)


def _batch_summarizer(**kwargs: Any) -> Summarizer:
    return Summarizer("openai", api_key="sk-test-not-a-real-key", model=MODEL,
                      mode="json_schema", **kwargs)


def _realtime(answer: Reply, path: str, **kwargs: Any) -> tuple[FakeEndpoint, dict[str, Any]]:
    """The realtime path on the same answer (no re-ask: a batch cannot re-ask either)."""
    endpoint = FakeEndpoint([answer], repeat_last=True)
    s = Summarizer(client=endpoint.client(), model=MODEL, mode="json_schema", max_reasks=0,
                   **kwargs)
    result = s.summarize(Path(path), published="2008-03-20", source=path)
    return endpoint, result.to_record()


def _submitted(fake: FakeBatchAPI, paths: list[str], **kwargs: Any) -> tuple[BatchPlan, Manifest]:
    plan = build_requests(_batch_summarizer(**kwargs), paths, published="2008-03-20")
    return plan, submit(fake.client(), plan)


def _collect(fake: FakeBatchAPI, manifest: Manifest) -> Any:
    s = _batch_summarizer()
    return collect(fake.client(), manifest, summarizer=manifest_summarizer(manifest, s.config))


def _without_latency(record: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    record["meta"].pop("latency_s")
    return record


# -- requests --------------------------------------------------------------------------------


def test_request_line_is_exactly_the_realtime_request() -> None:
    endpoint, _ = _realtime(Reply.answer(ceplene_answer()), D01)
    plan = build_requests(_batch_summarizer(), [D01], published="2008-03-20")
    [line] = plan.lines
    assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
    assert line["custom_id"] == plan.manifest.documents[0].custom_ids[0]
    assert line["body"] == endpoint.requests[0]
    response_format = line["body"]["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["strict"] is True
    assert response_format["json_schema"]["schema"] == strict_json_schema(RegulatorySummary)
    assert json.loads(plan.jsonl().decode()) == line


def test_template_syntax_in_a_release_reaches_the_batch_as_text(tmp_path: Path) -> None:
    doc = tmp_path / "braces.txt"
    doc.write_text(Path(D01).read_text().replace("negative opinion", "negative {{ opinion }}", 1))
    endpoint, _ = _realtime(Reply.answer(ceplene_answer()), str(doc))
    [line] = build_requests(_batch_summarizer(), [str(doc)], published="2008-03-20").lines
    assert line["body"]["messages"] == endpoint.requests[0]["messages"]
    assert "{{ opinion }}" in line["body"]["messages"][-1]["content"]


def test_a_long_release_gives_one_request_per_part() -> None:
    endpoint, _ = _realtime(Reply.answer(ceplene_answer()), D01, max_input_tokens=300)
    plan = build_requests(_batch_summarizer(max_input_tokens=300), [D01], published="2008-03-20")
    parts = len(plan.lines)
    assert parts == len(endpoint.requests) > 1
    assert [line["body"] for line in plan.lines] == endpoint.requests
    assert [line["custom_id"] for line in plan.lines] == [
        f"doc-00001#{i}of{parts}" for i in range(1, parts + 1)]


def test_custom_ids_are_unique_and_plain_sources_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    for name in ("a b.txt", "d01.txt"):
        Path("docs", name).write_text(Path(D01).read_text())
    plan = build_requests(_batch_summarizer(), ["docs/d01.txt", "docs/a b.txt", "docs/d01.txt"])
    assert [line["custom_id"] for line in plan.lines] == ["docs/d01.txt", "doc-00002",
                                                          "doc-00003"]
    assert [d.custom_ids for d in plan.manifest.documents] == [["docs/d01.txt"], ["doc-00002"],
                                                               ["doc-00003"]]


def test_unreadable_documents_are_kept_in_the_manifest_not_sent(tmp_path: Path) -> None:
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    plan = build_requests(_batch_summarizer(), [D01, str(binary)])
    assert len(plan.lines) == 1
    [rejected] = plan.rejected
    assert rejected.source == str(binary) and rejected.error is not None
    assert rejected.error.code == "input" and not rejected.custom_ids


# -- submit ----------------------------------------------------------------------------------


def test_submit_uploads_the_requests_and_creates_a_24h_batch() -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    plan, manifest = _submitted(fake, [D01, D02])
    assert manifest.batch_id in fake.batches and manifest.input_file_id in fake.files
    uploaded = fake.files[manifest.input_file_id]
    assert uploaded["purpose"] == "batch" and uploaded["content"] == plan.jsonl()
    batch = fake.batches[manifest.batch_id]
    assert batch["endpoint"] == "/v1/chat/completions" and batch["completion_window"] == "24h"
    assert batch["status"] == "validating" and batch["request_counts"]["total"] == 2
    assert [c[0] + " " + c[1] for c in fake.calls] == ["POST /files", "POST /batches"]
    doc = manifest.documents[0]
    assert doc.source == D01 and Path(doc.path or "") == Path(D01).resolve()
    assert doc.sha256 and len(doc.sha256) == 64
    assert manifest.prompt_version == PROMPT_VERSION and manifest.model == MODEL
    assert manifest.published == "2008-03-20"
    saved = manifest.model_dump_json()
    assert "api_key" not in saved and "sk-test" not in saved


def test_submit_refuses_an_empty_batch(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  ")
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    plan = build_requests(_batch_summarizer(), [str(empty)])
    with pytest.raises(errors.InputError):
        submit(fake.client(), plan)
    assert not fake.calls


# -- collect ---------------------------------------------------------------------------------


def test_collected_records_equal_the_realtime_records() -> None:
    answers = {"doc-00001": Reply.answer(ceplene_answer(), prompt_tokens=1400,
                                         completion_tokens=500)}
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    answers["doc-00002"] = Reply.answer(wrong)
    fake = FakeBatchAPI(answers)
    _, manifest = _submitted(fake, [D01, D01])
    collection = _collect(fake, manifest)
    assert collection.status == "completed" and not collection.failed
    good, rule_breaking = (r.to_record() for r in collection.results)
    _, realtime_good = _realtime(answers["doc-00001"], D01)
    _, realtime_wrong = _realtime(answers["doc-00002"], D01)
    assert _without_latency(good) == _without_latency(realtime_good)
    assert _without_latency(rule_breaking) == _without_latency(realtime_wrong)
    assert good["usage"] == {"prompt_tokens": 1400, "completion_tokens": 500, "requests": 1,
                             "attempts": 1, "reasks": 0}
    assert good["summary"]["outcome"]["evidence"]["match"] == "exact"
    # no re-ask in a batch: what the rules say about the wrong answer is reported, as for the
    # last realtime answer
    assert {f["rule"] for f in rule_breaking["findings"]} - {f["rule"] for f in good["findings"]}


def test_a_long_release_is_merged_from_its_parts() -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    plan, manifest = _submitted(fake, [D01], max_input_tokens=300)
    [result] = _collect(fake, manifest).results
    _, realtime = _realtime(Reply.answer(ceplene_answer()), D01, max_input_tokens=300)
    assert result.meta is not None and result.meta.chunks == len(plan.lines) > 1
    assert result.usage.requests == len(plan.lines) == result.usage.attempts
    assert result.usage.prompt_tokens == 100 * len(plan.lines)
    assert _without_latency(result.to_record()) == _without_latency(realtime)


def test_failed_lines_become_error_records_listed_for_retry() -> None:
    invalid = ceplene_answer()
    invalid["outcome"]["decision"] = "sort of approved"
    sources = [D01] * 8
    answers: dict[str, Any] = {
        "doc-00001": Reply.answer(ceplene_answer()),
        "doc-00002": Reply.status(500, message="server exploded"),
        "doc-00003": Reply.status(429),
        "doc-00004": BatchLineError("batch_expired", "not run in time"),
        "doc-00005": Reply.raw(b"Sure! Here is the summary: {"),
        "doc-00006": Reply.answer(invalid, prompt_tokens=70, completion_tokens=30),
        "doc-00007": None,
        "doc-00008": Reply.answer(ceplene_answer(), finish_reason="length"),
    }
    fake = FakeBatchAPI(answers)
    _, manifest = _submitted(fake, sources)
    collection = _collect(fake, manifest)
    codes = [r.error.code if r.error else None for r in collection.results]
    assert codes == [None, "http_status", "rate_limit", "backend", "invalid_output",
                     "invalid_output", "backend", "truncated"]
    assert [d.custom_ids[0] for d in collection.failed] == [f"doc-0000{i}" for i in range(2, 9)]
    messages = [r.error.message for r in collection.results if r.error]
    assert "server exploded" in messages[0] and "not run in time" in messages[2]
    assert "no answer for request 'doc-00007'" in messages[5]
    invalid_usage = collection.results[5].usage
    assert (invalid_usage.prompt_tokens, invalid_usage.completion_tokens) == (70, 30)
    for result in collection.results[1:]:
        record = result.to_record()
        assert record["summary"] is None and record["source"] == D01
        assert set(record) == set(collection.results[0].to_record())


def test_status_code_is_checked_even_in_the_output_file() -> None:
    fake = FakeBatchAPI({"doc-00001": Reply.status(503)}, default=Reply.answer(ceplene_answer()),
                        status_errors_in_output=True)
    _, manifest = _submitted(fake, [D01, D01])
    batch = fake.batches[str(manifest.batch_id)]
    collection = _collect(fake, manifest)
    assert batch["error_file_id"] is None  # the 503 line sits in the output file, error: null
    assert [r.ok for r in collection.results] == [False, True]
    assert collection.results[0].error is not None
    assert "HTTP 503" in collection.results[0].error.message


def test_one_failed_part_fails_the_whole_document() -> None:
    def answer(custom_id: str, body: dict[str, Any]) -> Reply:
        return Reply.status(500) if custom_id.endswith("#2of" + custom_id[-1]) else \
            Reply.answer(ceplene_answer())

    fake = FakeBatchAPI(answer)
    _, manifest = _submitted(fake, [D01], max_input_tokens=300)
    [result] = _collect(fake, manifest).results
    assert result.error is not None and result.error.code == "http_status"
    assert "request 'doc-00001#2of" in result.error.message
    assert result.usage.requests == len(manifest.documents[0].custom_ids)


def test_a_changed_or_missing_source_is_an_error_record(tmp_path: Path) -> None:
    changed, gone = tmp_path / "changed.txt", tmp_path / "gone.txt"
    for path in (changed, gone):
        path.write_text(Path(D01).read_text())
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    _, manifest = _submitted(fake, [str(changed), str(gone)])
    changed.write_text(Path(D01).read_text() + "\nA late correction.\n")
    gone.unlink()
    results = _collect(fake, manifest).results
    assert [r.error.code if r.error else None for r in results] == ["input", "input"]
    assert results[0].error is not None and "changed since" in results[0].error.message


def test_a_running_batch_is_not_collected_yet() -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()), polls=1)
    _, manifest = _submitted(fake, [D01])
    with pytest.raises(errors.BatchNotReadyError, match="in_progress"):
        _collect(fake, manifest)
    assert _collect(fake, manifest).results[0].ok


def test_an_expired_batch_reports_the_requests_it_never_ran() -> None:
    fake = FakeBatchAPI({"doc-00001": Reply.answer(ceplene_answer())}, final_status="expired")
    _, manifest = _submitted(fake, [D01, D01])
    collection = _collect(fake, manifest)
    assert collection.status == "expired" and [r.ok for r in collection.results] == [True, False]
    assert "batch expired" in (collection.results[1].error.message if collection.results[1].error
                               else "")


def test_a_batch_rejected_by_validation_fails_every_document() -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    plan = build_requests(_batch_summarizer(), [D01, D02])
    plan.lines[1]["url"] = "/v1/embeddings"
    manifest = submit(fake.client(), plan)
    collection = _collect(fake, manifest)
    assert collection.status == "failed" and len(collection.failed) == 2
    assert all(r.error is not None and "invalid_url" in r.error.message
               for r in collection.results)


def test_parse_output_line_checks_status_refusal_and_attribution() -> None:
    body = {"choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": None,
                                     "refusal": "I cannot help with that."}}]}
    refused = parse_output_line(json.dumps({"custom_id": "a", "error": None,
                                            "response": {"status_code": 200, "body": body}}))
    assert refused.error is not None and "refused" in refused.error.message
    server_error = parse_output_line(json.dumps(
        {"custom_id": "b", "error": None,
         "response": {"status_code": 500, "body": {"error": {"message": "boom"}}}}))
    assert isinstance(server_error.error, errors.BackendStatusError)
    assert server_error.error.status_code == 500 and server_error.summary is None
    with pytest.raises(ValueError):
        parse_output_line('{"response": null}')
    with pytest.raises(ValueError):
        parse_output_line("not json")


# -- command line ----------------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_submit_status_collect_and_retry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-cli-key")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text(Path(D01).read_text())
    fake = FakeBatchAPI({"doc-00002": Reply.status(500)}, default=Reply.answer(ceplene_answer()),
                        api_key="sk-test-cli-key")
    manifest = tmp_path / "batch.json"
    with fake.serve() as server:
        code, out, err = _cli(capsys, "batch", "submit", str(docs), "-o", str(manifest),
                              "--base-url", server.base_url, "--model", MODEL,
                              "--published", "2008-03-20")
        assert code == 0, err
        batch_id = out.strip()
        assert batch_id in fake.batches and "collect with" in err
        assert (tmp_path / "batch.requests.jsonl").read_bytes() == \
            fake.files[fake.batches[batch_id]["input_file_id"]]["content"]

        code, out, _ = _cli(capsys, "batch", "status", batch_id, "--base-url", server.base_url)
        assert code == 0 and json.loads(out)["status"] == "completed"
        assert json.loads(out)["request_counts"] == {"total": 2, "completed": 1, "failed": 1}

        records_path = tmp_path / "out" / "records.jsonl"
        records_path.parent.mkdir()
        # the manifest remembers the endpoint: no --base-url needed
        code, _, err = _cli(capsys, "batch", "collect", batch_id, "--manifest", str(manifest),
                            "-o", str(records_path))
    assert code == 1
    records = [json.loads(line) for line in records_path.read_text().splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt"]
    assert records[0]["summary"]["outcome"]["decision"] == "negative_opinion"
    assert records[0]["meta"]["mode"] == "json_schema" and records[0]["findings"] is not None
    assert records[1]["error"]["code"] == "http_status"
    failed = (records_path.parent / "failed.txt").read_text().split()
    assert failed == [str(docs / "b.txt")] and "b.txt" in err and "sk-test" not in err
    code, out, _ = _cli(capsys, "summarize", *failed, "--backend", "rules")
    assert code == 0 and json.loads(out)["source"] == str(docs / "b.txt")


def test_cli_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-cli-key")
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()), polls=5)
    manifest = tmp_path / "batch.json"
    with fake.serve() as server:
        url = ("--base-url", server.base_url)
        assert _cli(capsys, "batch", "submit", D01, "-o", str(manifest), *url)[0] == 0
        batch_id = json.loads(manifest.read_text())["batch_id"]
        cases = {
            "unknown batch": ("batch", "status", "batch_nope", *url),
            "unknown batch on collect": ("batch", "collect", "batch_nope", "--manifest",
                                         str(manifest), *url),
            "missing manifest": ("batch", "collect", batch_id, "--manifest",
                                 str(tmp_path / "nope.json"), *url),
            "not a manifest": ("batch", "collect", batch_id, "--manifest", D01, *url),
            "not finished": ("batch", "collect", batch_id, "--manifest", str(manifest), *url),
            "manifest exists": ("batch", "submit", D01, "-o", str(manifest), *url),
            "stdin": ("batch", "submit", "-", "-o", str(tmp_path / "x.json"), *url),
            "missing input": ("batch", "submit", "/no/such.txt", "-o", str(tmp_path / "y.json"),
                              *url),
            "no subcommand": ("batch",),
        }
        for what, argv in cases.items():
            code, _, err = _cli(capsys, *argv)
            assert code == 2, what
            assert "Traceback" not in err and err.count("\n") == 1, (what, err)
        assert "not found" in _cli(capsys, *cases["unknown batch"])[2]
        assert "in_progress" in _cli(capsys, *cases["not finished"])[2]
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "y.json").exists()


def test_cli_wrong_key_and_no_key_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()), api_key="sk-right-key")
    with fake.serve() as server:
        code, _, err = _cli(capsys, "batch", "status", "batch_0001", "--base-url",
                            server.base_url, "--api-key", "sk-wrong-key")
        assert code == 2 and "credentials" in err and "sk-wrong-key" not in err
    code, _, err = _cli(capsys, "batch", "status", "batch_0001")
    assert code == 2 and "API key" in err


def test_cli_runs_as_a_separate_process(tmp_path: Path) -> None:
    fake = FakeBatchAPI(Reply.answer(ceplene_answer()))
    plan = build_requests(_batch_summarizer(), [D01])
    with fake.serve() as server:
        manifest = submit(fake.client(), plan)
        manifest = manifest.model_copy(update={"base_url": server.base_url})
        manifest.save(tmp_path / "batch.json")
        done = subprocess.run(
            [sys.executable, "-m", "summarizer.cli", "batch", "collect", str(manifest.batch_id),
             "--manifest", str(tmp_path / "batch.json")],
            capture_output=True, text=True, timeout=60, cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": "sk-test-subprocess"},
        )
    assert done.returncode == 0, done.stderr
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["source"] == D01 and record["summary"]["outcome"]["agency"] == "EMA"
