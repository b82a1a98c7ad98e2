"""The local backend's managed server: start, readiness, reuse, shutdown, clear errors.

A stand-in module (tests/fake_llama_server.py) takes llama_cpp.server's place so the process
management runs for real without a model; ``pytest -m live`` runs the real model when
``SUMMARIZER_LOCAL_MODEL`` points at a GGUF.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import corpus_text

from summarizer import BackendError, ConfigurationError, Summarizer, local

TESTS = Path(__file__).parent


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    path = os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])
    monkeypatch.setenv("PYTHONPATH", path)
    monkeypatch.setattr(local, "ensure_server", functools.partial(
        local.ensure_server, server_module="fake_llama_server", startup_timeout=30))
    yield
    local.shutdown_all()


def _model(tmp_path: Path, content: str = "ok") -> str:
    path = tmp_path / "model.gguf"
    path.write_text(content)
    return str(path)


def test_local_backend_starts_reuses_and_stops_its_server(fake_server: None,
                                                           tmp_path: Path) -> None:
    model = _model(tmp_path)
    s = Summarizer("local", model_path=model, max_retry_wait=0.0)
    result = s.summarize(corpus_text("d01"), published="2008-03-20")
    assert result.ok and result.meta is not None and result.meta.backend == "local"
    assert result.meta.mode == "json"
    server = local.ensure_server(model)
    assert server.alive() and server.base_url.startswith("http://127.0.0.1:")
    again = Summarizer("local", model_path=model).summarize(corpus_text("d12"))
    assert again.ok and local.ensure_server(model) is server  # one process, reused
    local.shutdown_all()
    assert not server.alive()


def test_server_that_dies_at_start_is_a_backend_error_with_its_log(fake_server: None,
                                                                   tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="failed to load model"):
        Summarizer("local", model_path=_model(tmp_path, "crash")).summarize("FDA approves X.")


def test_missing_model_file_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="model file not found"):
        local.ensure_server(str(tmp_path / "absent.gguf"))


def test_missing_extra_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"\[local\]"):
        local.ensure_server(_model(tmp_path), server_module="no_such_llama_module.server")


@pytest.mark.live
@pytest.mark.skipif(not os.environ.get("SUMMARIZER_LOCAL_MODEL"),
                    reason="set SUMMARIZER_LOCAL_MODEL to a GGUF file to run the live tests")
@pytest.mark.parametrize("doc_id", ["d01", "d20", "d07"])
def test_live_local_model(doc_id: str) -> None:  # pragma: no cover - needs the model
    from conftest import CORPUS, load_jsonl

    gold = {g["id"]: g for g in load_jsonl(CORPUS / "gold.jsonl")}[doc_id]
    result = Summarizer("local").summarize(corpus_text(doc_id))
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.agency == gold["agency"]


def test_generation_threads_come_from_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.delenv("SUMMARIZER_LOCAL_THREADS", raising=False)

    def flags(**kwargs: int | None) -> dict[str, str]:
        command = local.server_command("llama_cpp.server", "/m.gguf", 9, n_ctx=8192, **kwargs)
        assert command[1:3] == ["-m", "llama_cpp.server"]
        return dict(zip(command[3::2], command[4::2], strict=True))

    assert flags()["--n_threads"] == "4" and flags()["--n_threads_batch"] == "4"
    monkeypatch.setenv("SUMMARIZER_LOCAL_THREADS", "1")
    assert flags()["--n_threads"] == "1" and flags()["--n_threads_batch"] == "4"
    assert flags(n_threads=2)["--n_threads"] == "2"
    assert flags()["--port"] == "9" and flags()["--model"] == "/m.gguf"
    monkeypatch.setenv("SUMMARIZER_LOCAL_THREADS", "many")
    with pytest.raises(ConfigurationError, match="SUMMARIZER_LOCAL_THREADS"):
        flags()


def test_prompt_lookup_decoding_is_off_by_default_and_set_by_argument_or_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUMMARIZER_LOCAL_DRAFT", raising=False)

    def flags(**kwargs: int | None) -> dict[str, str]:
        command = local.server_command("llama_cpp.server", "/m.gguf", 9, n_ctx=8192, **kwargs)
        return dict(zip(command[3::2], command[4::2], strict=True))

    # off: no draft model, and logits for each prompt's last token only (less work per token)
    assert "--draft_model" not in flags() and flags()["--logits_all"] == "false"
    on = flags(draft_tokens=4)
    assert on["--draft_model"] == "prompt-lookup-decoding"
    assert on["--draft_model_num_pred_tokens"] == "4"
    assert "--logits_all" not in on  # drafts are checked against every token's logits
    monkeypatch.setenv("SUMMARIZER_LOCAL_DRAFT", "6")
    assert flags()["--draft_model_num_pred_tokens"] == "6"
    assert "--draft_model" not in flags(draft_tokens=0)  # the argument wins
    monkeypatch.setenv("SUMMARIZER_LOCAL_DRAFT", "0")
    assert "--draft_model" not in flags()
    monkeypatch.setenv("SUMMARIZER_LOCAL_DRAFT", "-2")
    with pytest.raises(ConfigurationError, match="SUMMARIZER_LOCAL_DRAFT"):
        flags()


def test_each_setting_gets_its_own_server(fake_server: None, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_LOCAL_DRAFT", raising=False)
    model = _model(tmp_path)
    plain = local.ensure_server(model)
    assert local.ensure_server(model) is plain
    drafting = local.ensure_server(model, draft_tokens=3)
    assert drafting is not plain and drafting.alive() and plain.alive()
    assert "--draft_model_num_pred_tokens 3" in " ".join(drafting.process.args)  # type: ignore[arg-type]


def test_the_local_backend_waits_minutes_for_an_answer_unless_told_otherwise(
    tmp_path: Path,
) -> None:
    # a 1.5B model on two cores takes 2 to 5 minutes per answer: a 120 s timeout would retry
    # (and pay for) the same generation again and again
    model = _model(tmp_path)
    assert Summarizer("local", model_path=model).timeout == 1800.0
    assert Summarizer("local", model_path=model, timeout=60).timeout == 60
    assert Summarizer(base_url="http://127.0.0.1:9/v1", model="m").timeout == 120.0


def test_the_server_checks_the_grammar_token_first_unless_told_not_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUMMARIZER_LOCAL_FAST_GRAMMAR", raising=False)
    assert local.default_server_module() == "summarizer.llama_server"
    monkeypatch.setenv("SUMMARIZER_LOCAL_FAST_GRAMMAR", "0")
    assert local.default_server_module() == "llama_cpp.server"
    monkeypatch.setenv("SUMMARIZER_LOCAL_FAST_GRAMMAR", "maybe")
    with pytest.raises(ConfigurationError, match="SUMMARIZER_LOCAL_FAST_GRAMMAR"):
        local.default_server_module()


def test_the_default_server_module_runs_llama_cpp_server(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    # without llama-cpp-python, the default module asks for it (not for "summarizer")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "llama_cpp" else real(name, *a))
    monkeypatch.delenv("SUMMARIZER_LOCAL_FAST_GRAMMAR", raising=False)
    with pytest.raises(ConfigurationError, match=r"\[local\]"):
        local.ensure_server(_model(tmp_path))
