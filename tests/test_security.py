"""Secrets never leak (cassettes, logs, errors, repr); arbitrary input never crashes."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from conftest import CASSETTES, ceplene_answer, corpus_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import AuthenticationError, InputError, Summarizer
from summarizer.cli import main
from summarizer.intake import load
from summarizer.tasks.regulatory.reader import summarize_with_rules
from summarizer.tasks.regulatory.rules import run_rules
from summarizer.testing import LoopbackServer, Reply

SECRET = "sk-proj-SECRETsecret0123456789abcdefghij"
CREDENTIAL = re.compile(
    r"(?i)(authorization:\s*\n?\s*-?\s*bearer\s+\S+|\bsk-[A-Za-z0-9_-]{16,}|"
    r"api[-_]key\W{1,4}(?!REDACTED)[A-Za-z0-9_-]{12,}|set-cookie|x-api-key:\s*\n?\s*-\s*(?!REDACTED))"
)


def test_cassettes_hold_no_credentials() -> None:
    files = sorted(CASSETTES.rglob("*.yaml"))
    assert files, "no cassettes found"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not CREDENTIAL.search(text), f"credential-like text in {path}"
        for header in re.findall(r"(?im)^\s+(authorization|api-key|cookie):\s*\n\s+- (.+)$", text):
            assert header[1].strip() == "REDACTED", path


def test_credential_scanner_catches_a_leak(tmp_path: Path) -> None:
    leaked = "headers:\n  authorization:\n  - Bearer sk-abcdefghijklmnopqrstuvwxyz\n"
    assert CREDENTIAL.search(leaked)


def test_api_key_stays_out_of_errors_logs_and_records(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    with LoopbackServer([Reply.status(401, message="Incorrect API key provided")],
                        repeat_last=True) as srv:
        summarizer = Summarizer(base_url=srv.base_url, api_key=SECRET, model="m", mode="json")
        with pytest.raises(AuthenticationError) as info:
            summarizer.summarize(corpus_text("d01"))
        assert srv.requests  # the key did travel to the server, only there
        doc = tmp_path / "d.txt"
        doc.write_text(corpus_text("d01"))
        monkeypatch.setenv("OPENAI_API_KEY", SECRET)
        code = main(["summarize", str(doc), "--base-url", srv.base_url, "--mode", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and json.loads(out)["error"]["code"] == "auth"
    for text in (str(info.value), repr(info.value), repr(summarizer), repr(summarizer.config),
                 caplog.text, out, err):
        assert SECRET not in text and "SECRETsecret" not in text


_BODY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_BODY, st.builds(lambda a, b: a + corpus_text("d12") + b, _BODY, _BODY)))
def test_rules_backend_and_rules_never_crash_on_arbitrary_text(text: str) -> None:
    try:
        document = load(text)
    except InputError:
        return
    summary = summarize_with_rules(document)
    run_rules(summary, document)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_are_summarized_or_rejected_with_input_error(data: bytes) -> None:
    try:
        result = Summarizer("rules").summarize(data)
    except InputError:
        return
    assert result.summary is not None


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_model_quotes_never_break_grounding_or_rules(quote: str) -> None:
    from summarizer.tasks.regulatory.schema import RegulatorySummary

    answer = ceplene_answer()
    answer["outcome"]["evidence"]["quote"] = quote
    answer["rationale"][0]["statement"] = quote
    summary = RegulatorySummary.model_validate(answer)
    findings = run_rules(summary, load(corpus_text("d01")))
    assert all(f.severity in ("error", "warning", "info") for f in findings)
