"""The third-party task of examples/recall_task, installed as its own distribution and run
through the CLI, the Python API and the pytest plugin, with nothing of it in the library.

The distribution is installed the way pip lays it out, offline and in a moment: the package
copied into a site directory with a ``.dist-info`` whose ``entry_points.txt`` is the one its
pyproject.toml declares (``summarizer.tasks``: ``recall``). The CLI and the downstream pytest
run in fresh interpreters that see that directory on ``PYTHONPATH`` only; the model is a
scripted OpenAI-compatible server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer.task import available_tasks, get_task, refresh_tasks
from summarizer.testing import LoopbackServer, Reply

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "recall_task"
RELEASE = EXAMPLE / "example_release.txt"
SENTENCE = ("The U.S. Food and Drug Administration has classified the recall as a Class II "
            "recall.")


def answer(recall_class: str = "II") -> dict[str, Any]:
    """What a model would send for the example release."""
    return {
        "is_recall": True, "company": "Norvale Medical, Inc.",
        "headline": "Norvale Medical recalls 12 lots of ClearFlow infusion sets.",
        "product": "ClearFlow infusion sets", "recall_class": recall_class,
        "reason": "a connector may crack during use", "evidence": {"quote": SENTENCE},
        "sentiment": {"label": "negative", "score": -0.4, "rationale": "A product recall.",
                      "evidence": None},
    }


def install(site: Path) -> Path:
    """Install examples/recall_task into ``site`` as pip would: the package, and a dist-info
    holding the entry points its pyproject.toml declares."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    shutil.copytree(EXAMPLE / "recall_task", site / "recall_task")
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\n"
                                   f"Version: {project['version']}\n", encoding="utf-8")
    groups = project["entry-points"]
    (info / "entry_points.txt").write_text("".join(
        f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()) + "\n"
        for group, points in groups.items()), encoding="utf-8")
    (info / "top_level.txt").write_text("recall_task\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install(tmp_path_factory.mktemp("site"))


@pytest.fixture
def on_path(site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example distribution importable in this process too (for the Python API)."""
    monkeypatch.syspath_prepend(str(site))
    refresh_tasks()
    yield site
    for name in [m for m in sys.modules if m == "recall_task" or m.startswith("recall_task.")]:
        del sys.modules[name]
    refresh_tasks()


def cli(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(site / "cache")}
    return subprocess.run([sys.executable, "-m", "summarizer", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_the_example_is_small_and_lives_outside_the_library() -> None:
    source = (EXAMPLE / "recall_task" / "__init__.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 100
    assert not (ROOT / "summarizer" / "tasks" / "recall").exists()
    assert "recall" not in {info.name for info in available_tasks()}  # not installed here


def test_the_cli_lists_and_runs_the_installed_task(site: Path) -> None:
    listed = cli(site, "tasks", "--json")
    assert listed.returncode == 0, listed.stderr
    tasks = {t["name"]: t for t in json.loads(listed.stdout)}
    assert tasks["recall"]["distribution"] == "summarizer-recall-task"
    assert {"regulatory", "trial-readout"} <= set(tasks)
    wrong = answer("I")  # the release says Class II: the example's rule asks again
    with LoopbackServer([Reply.answer(wrong), Reply.answer(answer())]) as server:
        run = cli(site, "summarize", str(RELEASE), "--task", "recall", "--base-url",
                  server.base_url, "--model", "m", "--mode", "json", "--no-cache")
        assert len(server.requests) == 2
        reask = server.requests[1]["messages"][-1]["content"]
    assert run.returncode == 0, run.stderr
    assert 'recall_class is "I" but the release says "Class II"' in reask
    record = json.loads(run.stdout)
    assert record["meta"]["task"] == "recall" and record["meta"]["task_version"] == "1"
    assert record["summary"]["recall_class"] == "II"
    assert record["summary"]["evidence"]["match"] == "exact"
    records = site / "recall.json"
    records.write_text(run.stdout, encoding="utf-8")
    report = cli(site, "report", str(records), "--format", "markdown")  # the default card
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("# Summary report\n") and "Class II recall" in report.stdout


def test_the_python_api_runs_the_installed_task(on_path: Path) -> None:
    task = get_task("recall")
    assert type(task).__module__ == "recall_task" and task.version == "1"
    with LoopbackServer([Reply.answer(answer())]) as server:
        s = Summarizer(task="recall", base_url=server.base_url, model="m", mode="json")
        result = s.summarize(RELEASE.read_text(encoding="utf-8"), source="recall")
        s.close()
    assert result.summary is not None and type(result.summary).__name__ == "RecallSummary"
    assert result.meta is not None and result.meta.task == "recall"
    assert not [f for f in result.findings if f.severity == "error"]
    card = task.card(result.summary)  # the engine's default card: a claim per quote
    assert card.claims[0].evidence is not None and card.claims[0].statement == SENTENCE


DOWNSTREAM = '''
import os
from pathlib import Path

from summarizer import Summarizer


def test_recall(summarizer_recorder):
    s = Summarizer(task="recall", base_url=os.environ["DOWNSTREAM_BASE_URL"], model="m",
                   mode="json", max_attempts=1, max_reasks=0, timeout=5)
    result = s.summarize(Path(os.environ["DOWNSTREAM_TEXT"]).read_text(encoding="utf-8"))
    assert result.meta.task == "recall" and result.summary.recall_class == "II"
'''


def test_the_pytest_plugin_records_and_replays_the_installed_task(
        site: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(site))
    monkeypatch.setenv("DOWNSTREAM_TEXT", str(RELEASE))
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    pytester.makepyfile(test_downstream=DOWNSTREAM)
    lean = ("-p", "no:cacheprovider", "-p", "no:langsmith_plugin", "-p", "no:hypothesispytest")
    with LoopbackServer([Reply.answer(answer())], repeat_last=True) as server:
        monkeypatch.setenv("DOWNSTREAM_BASE_URL", server.base_url)
        pytester.runpytest_subprocess(*lean, "--summarizer-record").assert_outcomes(passed=1)
        assert len(server.requests) == 1
    # the server is gone: the answer comes from the cassette
    pytester.runpytest_subprocess(*lean).assert_outcomes(passed=1)
