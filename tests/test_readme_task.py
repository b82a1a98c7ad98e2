"""The "Write your own task" section (docs/tasks.md): its code is the example distribution's
(examples/recall_task) word for word, its registration is the example's pyproject.toml, and the
code runs: the task it defines prompts, checks and corrects through the engine."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from doc_pages import section

from summarizer import Summarizer
from summarizer.testing import FakeEndpoint, Reply

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "recall_task"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", section("Write your own task"), re.S)


def test_the_readme_shows_the_example_task_word_for_word() -> None:
    task_code, _ = _blocks("python")
    source = (EXAMPLE / "recall_task" / "__init__.py").read_text(encoding="utf-8")
    assert task_code in source and len(task_code.splitlines()) >= 40
    [entry_points] = _blocks("toml")
    assert entry_points in (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")


def test_the_readme_code_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    task_code, usage = _blocks("python")
    # the templates the task names ("recall_task") are the example's, importable as a package
    shutil.copytree(EXAMPLE / "recall_task", tmp_path / "recall_task")
    monkeypatch.syspath_prepend(str(tmp_path))
    shutil.copy(EXAMPLE / "example_release.txt", tmp_path / "release.txt")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, Any] = {"__name__": "readme_task"}
    # as a user runs it: without the future import of this test module (dont_inherit)
    exec(compile(task_code + usage, "docs/tasks.md", "exec", dont_inherit=True), scope)
    messages = scope["messages"]
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "product recall" in messages[0]["content"]
    assert "ClearFlow infusion sets" in messages[1]["content"]
    # the documented task through the engine: its own rule asks again, the class is corrected
    sentence = ("The U.S. Food and Drug Administration has classified the recall as a Class "
                "II recall.")
    answer = {"is_recall": True, "company": "Norvale Medical, Inc.",
              "headline": "Norvale Medical recalls ClearFlow infusion sets.",
              "product": "ClearFlow infusion sets", "recall_class": "I",
              "reason": "a connector may crack", "evidence": {"quote": sentence},
              "sentiment": {"label": "negative", "score": -0.4, "rationale": "A recall.",
                            "evidence": None}}
    endpoint = FakeEndpoint([Reply.answer(answer), Reply.answer({"recall_class": "II"})])
    s = Summarizer(task=scope["RecallTask"], client=endpoint.client(), model="m", mode="json",
                   max_retry_wait=0.0)
    result = s.summarize((tmp_path / "release.txt").read_text(encoding="utf-8"))
    assert result.summary is not None and result.summary.recall_class == "II"
    assert result.meta is not None and result.meta.task == "recall"
    correction = endpoint.requests[1]
    assert set(correction["response_format"]["schema"]["properties"]) == {"recall_class"}
    assert "Answer with only the corrected recall_class." in json.dumps(correction)
