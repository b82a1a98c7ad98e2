"""The command line: records, exit codes, clean one-line errors (rules backend, no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS

from summarizer.cli import main
from summarizer.testing import ScaleServer

D01 = str(CORPUS / "docs" / "d01.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summarize_one_file_prints_a_json_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "summarize", D01, "--backend", "rules", "--published",
                        "2008-03-20")
    record = json.loads(out)
    assert code == 0 and record["source"] == D01
    assert record["summary"]["outcome"]["decision"] == "negative_opinion"
    assert {"findings", "usage", "meta"} <= set(record)


def test_rules_fallback_is_announced_on_stderr(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("SUMMARIZER_BACKEND", "SUMMARIZER_BASE_URL", "OPENAI_API_KEY",
                "SUMMARIZER_LOCAL_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = _run(capsys, "summarize", D01)
    assert code == 0 and "rules backend" in err


def test_directory_gives_jsonl_and_bad_files_become_error_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(Path(D01).read_text())
    (tmp_path / "b.txt").write_text("   ")
    (tmp_path / "c.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out_file = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "summarize", str(tmp_path), "--backend", "rules",
                        "-o", str(out_file))
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert code == 1 and len(records) == 3
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["a.txt"]["summary"] and by_name["a.txt"]["error"] is None
    assert by_name["b.txt"]["error"]["code"] == "input"
    assert by_name["c.bin"]["error"]["type"] == "InputError"
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["summarize", "/no/such/file.txt", "--backend", "rules"],
    ["summarize", "EMPTY_DIR", "--backend", "rules"],
    ["summarize", "EMPTY_FILE", "--backend", "rules"],
    ["summarize", D01, "--backend", "rules", "--published", "20/03/2008"],
    ["summarize", D01, "--backend", "nonsense"],
    ["summarize", D01, "--backend", "local"],
    ["validate", "/no/result.json", "--source", D01],
    ["inspect", "/no/such/file.txt"],
])
def test_usage_errors_exit_2_without_traceback(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUMMARIZER_LOCAL_MODEL", raising=False)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty.txt").write_text("")
    argv = [a.replace("EMPTY_DIR", str(tmp_path / "empty"))
            .replace("EMPTY_FILE", str(tmp_path / "empty.txt")) for a in argv]
    with pytest.raises(SystemExit) if "nonsense" in argv else _nothing():
        code, _, err = _run(capsys, *argv)
        assert code == 2 and err.startswith("summarizer") and "Traceback" not in err


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_schema_command_prints_the_strict_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["additionalProperties"] is False
    assert "outcome" in schema["required"]


def test_validate_reruns_rules_on_a_stored_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, "summarize", D01, "--backend", "rules")
    record = json.loads(out)
    record["summary"]["outcome"]["decision"] = "approval"
    stored = tmp_path / "result.json"
    stored.write_text(json.dumps(record))
    code, out, _ = _run(capsys, "validate", str(stored), "--source", D01)
    findings = json.loads(out)["findings"]
    assert code == 1
    assert any(f["rule"] == "decision_cue_conflict" and f["severity"] == "error"
               for f in findings)


def test_inspect_lists_sections_and_token_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "inspect", D01)
    assert code == 0 and "forward_looking" in out and "tokens raw=" in out


def test_eval_prints_the_metric_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    predictions = tmp_path / "pred.jsonl"
    code, out, _ = _run(capsys, "eval", str(CORPUS), "--backend", "rules", "-o",
                        str(predictions))
    assert code == 0 and "decision confusion" in out and "overall" in out
    assert len(predictions.read_text().splitlines()) == 23
    code, out, _ = _run(capsys, "eval", str(CORPUS), "--backend", "rules", "--json")
    report = json.loads(out)
    assert report[0]["metrics"]["grounding"] == 1.0


def test_eval_of_a_model_backend_prints_what_arbitration_did(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the loopback model answers every release with the rules backend's reading: right where
    # the reader is, so arbitration keeps every decision
    with ScaleServer() as srv:
        code, out, _ = _run(capsys, "eval", str(CORPUS), "--backend", "openai", "--base-url",
                            srv.base_url, "--model", "local", "--mode", "json",
                            "--arbitration", "flag")
    assert code == 0
    assert "arbitration (openai): kept 23 (0 of them wrong), overruled and right 0" in out


def test_fifty_megabyte_file_is_rejected_by_size_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing to read
        handle.truncate(50 * 1024 * 1024)
    code, out, err = _run(capsys, "summarize", str(big), "--backend", "rules")
    assert code == 2 and "over the limit" in err
    assert json.loads(out)["error"]["code"] == "input_too_large"
    code, _, err = _run(capsys, "summarize", D01, "--backend", "rules", "--max-input-bytes", "100")
    assert code == 2 and "Traceback" not in err


@pytest.mark.parametrize("text", [
    "La société annonce aujourd'hui ses résultats du troisième trimestre 2024. Le chiffre "
    "d'affaires a progressé de 12 %. 公司今天公布了第三季度业绩。",
    "Acme Corp reports record third-quarter revenue of $1.2 billion, up 12%, and raises its "
    "full-year guidance. The board declared a quarterly dividend.",
    "<html><body><script>alert('x')</script><p>Acme signs a distribution partnership with "
    "Beta Inc.</p></body></html>",
])
def test_non_regulatory_and_foreign_text_is_summarized_not_rejected(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.html"
    path.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, "summarize", str(path), "--backend", "rules")
    record = json.loads(out)
    assert code == 0 and record["error"] is None
    assert record["summary"]["is_regulatory_event"] is False
    assert "alert(" not in json.dumps(record)


def test_invalid_utf8_is_decoded_not_rejected(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(b"Acme \x93Widget\x94 receives FDA 510(k) clearance \xe9 \xff today.")
    code, out, _ = _run(capsys, "summarize", str(path), "--backend", "rules")
    record = json.loads(out)
    assert code == 0 and record["error"] is None
    assert record["summary"]["outcome"]["decision"] == "clearance"
