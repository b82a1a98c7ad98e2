"""The pytest plugin (``summarizer_recorder``) as a downstream project uses it.

A small downstream test file is run by a real pytest in a subprocess (``pytester``): the plugin
comes in through the installed ``pytest11`` entry point, as in a user's project. It records
against a scripted OpenAI-compatible server on 127.0.0.1, then replays with that server
stopped; a missing cassette and a changed request fail with messages that say what to do.
"""

from __future__ import annotations

import time

import pytest
import yaml
from conftest import CORPUS, ceplene_answer

import summarizer.pytest_plugin
from summarizer.pytest_plugin import record_mode
from summarizer.testing import LoopbackServer, Reply

pytest_plugins = ["pytester"]

pytest.importorskip("vcr", reason="the recorder needs vcrpy (the 'pytest' extra)")

SECRET = "sk-downstream-SECRET-0123456789abcdef"

DOWNSTREAM = f'''
import asyncio
import os
from pathlib import Path

from summarizer import Summarizer

TEXT = Path(os.environ["DOWNSTREAM_TEXT"]).read_text(encoding="utf-8")


def make() -> Summarizer:
    return Summarizer(base_url=os.environ["DOWNSTREAM_BASE_URL"], api_key="{SECRET}",
                      model=os.environ.get("DOWNSTREAM_MODEL", "local"), mode="json",
                      max_attempts=1, max_reasks=0, timeout=5)


def test_sync(summarizer_recorder):
    result = make().summarize(TEXT, source="d01")
    assert result.summary.outcome.decision == "negative_opinion"
    print(f"RECORDER mode={{summarizer_recorder.mode}} replaying={{summarizer_recorder.replaying}}"
          f" played={{summarizer_recorder.played}} recorded={{summarizer_recorder.recorded}}")


def test_async(summarizer_recorder):
    result = asyncio.run(make().asummarize(TEXT, source="d01"))
    assert result.summary.outcome.agency == "EMA"
'''


@pytest.fixture
def downstream(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A downstream project with one test file that uses the recorder."""
    monkeypatch.setenv("DOWNSTREAM_TEXT", str(CORPUS / "docs" / "d01.txt"))
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    pytester.makepyfile(test_downstream=DOWNSTREAM)
    return pytester


def _server() -> LoopbackServer:
    return LoopbackServer([Reply.answer(ceplene_answer())], repeat_last=True)


#: plugins the downstream runs do not need (they only slow a fresh interpreter down)
_LEAN = ("-p", "no:cacheprovider", "-p", "no:langsmith_plugin", "-p", "no:hypothesispytest")


def _run(tester: pytest.Pytester, *args: str, fresh: bool = False) -> pytest.RunResult:
    """Run the downstream tests: in this process, or (``fresh``) in a new interpreter, where
    the plugin can only come from the installed entry point."""
    if fresh:
        return tester.runpytest_subprocess(*_LEAN, "-s", *args)
    return tester.runpytest_inprocess(*_LEAN, "-s", *args)


def test_plugin_is_loaded_through_the_entry_point(pytestconfig: pytest.Config) -> None:
    # our own suite gets it the way users do: from the installed distribution's pytest11 entry
    assert pytestconfig.pluginmanager.get_plugin("summarizer") is summarizer.pytest_plugin
    assert pytestconfig.getoption("--summarizer-record") is False


def test_records_on_first_run_then_replays_with_the_server_stopped(
    downstream: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _server() as server:
        monkeypatch.setenv("DOWNSTREAM_BASE_URL", server.base_url)
        recorded = _run(downstream, "--summarizer-record", fresh=True)
        recorded.assert_outcomes(passed=2)
        assert len(server.requests) == 2  # one real request per test went over the socket
    recorded.stdout.fnmatch_lines(["*RECORDER mode=once replaying=False played=0 recorded=1*"])

    folder = downstream.path / "cassettes" / "test_downstream"
    assert sorted(p.name for p in folder.glob("*.yaml")) == ["test_async.yaml", "test_sync.yaml"]
    for cassette in folder.glob("*.yaml"):
        text = cassette.read_text(encoding="utf-8")
        assert SECRET not in text and "SECRET" not in text
        (interaction,) = yaml.safe_load(text)["interactions"]
        assert interaction["request"]["headers"]["authorization"] == ["REDACTED"]
        assert set(interaction["response"]["headers"]) <= {"content-type", "Content-Type"}
        assert interaction["request"]["uri"].endswith("/chat/completions")

    # the server is gone: a request that reached the network would be refused
    started = time.perf_counter()
    replayed = _run(downstream, fresh=True)
    replayed.assert_outcomes(passed=2)
    replayed.stdout.fnmatch_lines(["*RECORDER mode=none replaying=True played=1 recorded=1*"])
    assert time.perf_counter() - started < 60


def test_missing_cassette_in_replay_mode_fails_before_any_request(
    downstream: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _server() as server:
        monkeypatch.setenv("DOWNSTREAM_BASE_URL", server.base_url)
        result = _run(downstream, "-k", "test_sync")
        assert server.requests == []
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([
        "*summarizer_recorder: no cassette at *test_sync.yaml and record mode is 'none'*"
        "pytest --summarizer-record 'test_downstream.py::test_sync'*",
    ])


def test_a_changed_request_fails_with_the_command_that_rerecords(
    downstream: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _server() as server:
        monkeypatch.setenv("DOWNSTREAM_BASE_URL", server.base_url)
        # pytest-recording's own option is honoured as well
        _run(downstream, "--record-mode=once", "-k", "test_sync").assert_outcomes(passed=1)
    monkeypatch.setenv("DOWNSTREAM_MODEL", "another-model")  # the request body changes
    result = _run(downstream, "-k", "test_sync")
    result.assert_outcomes(failed=1, errors=1)
    result.stdout.fnmatch_lines([
        "*1 LLM request(s) had no recorded answer in *test_sync.yaml*(record mode 'none')*"
        "POST http://127.0.0.1:*/v1/chat/completions*"
        "--summarizer-record-mode=rewrite 'test_downstream.py::test_sync'*",
    ])


def test_other_http_traffic_is_neither_recorded_nor_replayed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # only chat completions go to the cassette: the test's own HTTP calls stay live
    pytester.makepyfile(test_other='''
        import os
        import urllib.request

        def test_models(summarizer_recorder):
            with urllib.request.urlopen(os.environ["DOWNSTREAM_BASE_URL"] + "/models") as r:
                assert r.status == 200
            assert summarizer_recorder.recorded == 0
    ''')
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    with _server() as server:
        monkeypatch.setenv("DOWNSTREAM_BASE_URL", server.base_url)
        _run(pytester, "--summarizer-record").assert_outcomes(passed=1)
    assert not (pytester.path / "cassettes" / "test_other" / "test_models.yaml").exists()


def test_marker_names_a_shared_cassette(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_marked='''
        import pytest

        @pytest.mark.summarizer_cassette("shared")
        def test_one(summarizer_cassette_path):
            assert summarizer_cassette_path.name == "shared.yaml"
            assert summarizer_cassette_path.parent.name == "test_marked"

        def test_default(summarizer_cassette_path):
            assert summarizer_cassette_path.name == "test_default.yaml"
    ''')
    _run(pytester, "--strict-markers").assert_outcomes(passed=2)


@pytest.mark.parametrize(
    ("args", "ini", "expected"),
    [
        ((), None, "none"),
        (("--summarizer-record",), None, "once"),
        (("--record-mode=new_episodes",), None, "new_episodes"),
        (("--summarizer-record-mode=rewrite", "--record-mode=none"), None, "rewrite"),
        (("--summarizer-record", "--record-mode=none"), None, "once"),
        ((), "all", "all"),
    ],
)
def test_record_mode_precedence(
    pytester: pytest.Pytester, args: tuple[str, ...], ini: str | None, expected: str
) -> None:
    if ini:
        pytester.makeini(f"[pytest]\nsummarizer_record_mode = {ini}\n")
    config = pytester.parseconfig(*args)
    assert record_mode(config) == expected


def test_a_bad_ini_record_mode_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nsummarizer_record_mode = sometimes\n")
    with pytest.raises(pytest.UsageError, match="sometimes"):
        record_mode(pytester.parseconfig())
