"""The Task seam: the registry, and both built-in tasks through the whole engine (Python API,
batch, cache, CLI, eval, reports), with the rules backend and with a model (a fake endpoint)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from conftest import CORPUS, ceplene_answer
from trial_readout_support import TRIALS, document, perfect_answer, tuning_items

import summarizer
from summarizer import Summarizer
from summarizer.cli import main
from summarizer.errors import ConfigurationError, InvalidOutputError
from summarizer.evidence import Answer, Evidence
from summarizer.task import (
    DEFAULT_TASK,
    SETTLE_DEFAULTS,
    SettleOptions,
    Task,
    available_tasks,
    get_task,
)
from summarizer.tasks.regulatory import RegulatorySummary, RegulatoryTask
from summarizer.tasks.trial_readout import TrialReadoutSummary, TrialReadoutTask
from summarizer.testing import FakeEndpoint, LoopbackServer, Reply, ScaleServer
from summarizer.types import SummaryResult

ITEMS = {item.id: item for item in tuning_items()}
T001 = TRIALS / "tune" / "docs" / "t001.txt"
D01 = CORPUS / "docs" / "d01.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _fake(endpoint: FakeEndpoint, **settings: Any) -> Summarizer:
    return Summarizer(task="trial-readout", client=endpoint.client(),
                      async_client=endpoint.async_client(), model="fake", mode="json",
                      max_retry_wait=0.0, **settings)


# -- the registry --------------------------------------------------------------------------------


def test_both_built_in_tasks_are_registered_and_regulatory_is_the_default() -> None:
    names = {info.name: info for info in available_tasks()}
    assert {"regulatory", "trial-readout"} <= set(names)
    assert DEFAULT_TASK == "regulatory" and isinstance(get_task(), RegulatoryTask)
    assert isinstance(get_task("trial-readout"), TrialReadoutTask)
    assert get_task("regulatory") is get_task() is get_task(None)  # one instance per name
    assert names["trial-readout"].description and names["regulatory"].error is None
    assert Summarizer("rules").task.name == "regulatory"


def test_unknown_and_broken_tasks_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError, match=r"unknown task 'recall'.*regulatory"):
        get_task("recall")
    with pytest.raises(ConfigurationError, match="task must be"):
        get_task(42)  # type: ignore[arg-type]

    class NoSchema(Task):
        name = "no-schema"
        templates = "summarizer.tasks.trial_readout.prompts"

    with pytest.raises(ConfigurationError, match="schema must be"):
        get_task(NoSchema)

    class NoTemplates(Task):
        name = "no-templates"
        schema = TrialReadoutSummary
        templates = "summarizer.tasks"

    with pytest.raises(ConfigurationError, match=r"lacks system\.j2"):
        Summarizer("rules", task=NoTemplates)


def test_a_task_without_a_reader_cannot_run_the_rules_backend() -> None:
    class Bare(Task):
        name = "bare"
        schema = TrialReadoutSummary
        templates = "summarizer.tasks.trial_readout.prompts"

    with pytest.raises(ConfigurationError, match="needs a deterministic reader"):
        Summarizer("rules", task=Bare)
    assert Summarizer(task=Bare, base_url="http://127.0.0.1:9/v1", model="m").task.name == "bare"


def test_the_cli_lists_the_installed_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "tasks")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "(default)" in lines["regulatory"] and "trial-readout" in lines
    code, out, _ = _run(capsys, "tasks", "--json")
    listed = {t["name"]: t for t in json.loads(out)}
    assert listed["regulatory"]["default"] and not listed["trial-readout"]["default"]
    assert listed["trial-readout"]["source"].endswith(":TrialReadoutTask")


# -- the trial-readout task through the engine, with a model -------------------------------------


def test_python_api_runs_the_trial_task_with_a_model_re_asking_with_its_rules() -> None:
    item = ITEMS["t017"]
    doc = document(item)
    good = perfect_answer(item, doc).model_dump(mode="json")
    wrong = json.loads(json.dumps(good))
    wrong["endpoint"]["outcome"] = "met"  # the cited sentence says the endpoint was missed
    endpoint = FakeEndpoint([Reply.answer(wrong), Reply.answer(good)])
    result = _fake(endpoint).summarize(doc.text, published=item.published, source="t017")
    assert isinstance(result.summary, TrialReadoutSummary)
    assert result.summary.endpoint.outcome == good["endpoint"]["outcome"] == "not_met"
    assert result.usage.reasks == 1
    reask = endpoint.requests[1]["messages"][-1]["content"]
    assert 'endpoint.outcome is "met"' in reask  # the trial rules, the trial's reask.j2
    system = endpoint.requests[0]["messages"][0]["content"]
    assert "is_trial_readout" in system and "is_regulatory_event" not in system
    fmt = endpoint.requests[0]["response_format"]
    assert "is_trial_readout" in fmt["schema"]["properties"]
    assert result.meta is not None and result.meta.task == "trial-readout"
    assert result.meta.task_version == TrialReadoutTask.version
    assert result.meta.prompt_version == get_task("trial-readout").prompt_version
    assert not [f for f in result.findings if f.severity == "error"]
    for _, evidence in result.summary.evidence_items():
        assert evidence.match != "none"


def test_a_trial_record_reads_back_as_a_trial_summary() -> None:
    doc = document(ITEMS["t001"])
    result = Summarizer("rules", task="trial-readout").summarize(doc.text, source="t001")
    record = json.loads(json.dumps(result.to_record()))
    assert record["meta"]["task"] == "trial-readout"
    again = SummaryResult.model_validate(record)
    assert isinstance(again.summary, TrialReadoutSummary) and again.summary == result.summary
    old = {k: v for k, v in ceplene_record().items()}
    old["meta"] = {k: v for k, v in old["meta"].items() if k not in ("task", "task_version")}
    assert isinstance(SummaryResult.model_validate(old).summary, RegulatorySummary)


def ceplene_record() -> dict[str, Any]:
    return Summarizer("rules").summarize(D01.read_text(), published="2008-03-20").to_record()


def test_async_batch_and_cache_run_the_trial_task(tmp_path: Path) -> None:
    texts = [document(ITEMS[i]).text for i in ("t001", "t017", "t019")]
    answer = get_task("trial-readout")

    def read(text: str) -> TrialReadoutSummary:
        from summarizer.intake import load

        found = answer.read(load(text))
        assert isinstance(found, TrialReadoutSummary)
        return found

    with ScaleServer(answer=read) as server:
        settings: dict[str, Any] = {"task": "trial-readout", "base_url": server.base_url,
                                    "model": "m", "mode": "json", "cache": tmp_path / "c.db"}
        s = Summarizer(**settings)
        many = list(s.summarize_many(texts, concurrency=3, ordered=True))
        assert all(isinstance(r.summary, TrialReadoutSummary) for r in many)
        one = asyncio.run(s.asummarize(texts[0]))
        assert one.meta is not None and one.meta.cached  # the same key: task and all
        regulatory = Summarizer(**{**settings, "task": None, "max_reasks": 0})
        assert regulatory.task.name == "regulatory"
        sent = len(server.requests)
        with pytest.raises(InvalidOutputError):  # a trial answer is no regulatory summary
            regulatory.summarize(texts[0])  # another task: another key, no cached answer
        assert len(server.requests) == sent + 1
        s.close()
        regulatory.close()


def test_finish_from_answers_takes_a_tasks_answers() -> None:
    item = ITEMS["t001"]
    doc = document(item)
    s = Summarizer(task="trial-readout", base_url="http://127.0.0.1:9/v1", model="m")
    result = s.finish_from_answers(doc.text, [perfect_answer(item, doc).model_dump(mode="json")],
                                   published=item.published)
    assert isinstance(result.summary, TrialReadoutSummary)
    with pytest.raises(ConfigurationError, match="TrialReadoutSummary"):
        s.finish_from_answers(doc.text, "not a list")  # type: ignore[arg-type]


# -- the CLI: --task with the rules backend and with a model ---------------------------------------


def test_cli_summarizes_with_either_task_and_the_rules_backend(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "summarize", str(T001), "--task", "trial-readout",
                        "--backend", "rules")
    record = json.loads(out)
    assert code == 0 and record["meta"]["task"] == "trial-readout"
    assert record["summary"]["endpoint"]["outcome"] == "met"
    code, out, _ = _run(capsys, "summarize", str(D01), "--task", "regulatory", "--backend",
                        "rules", "--published", "2008-03-20")
    record = json.loads(out)
    assert code == 0 and record["summary"]["outcome"]["decision"] == "negative_opinion"
    assert record["meta"]["task"] == "regulatory"
    code, _, err = _run(capsys, "summarize", str(D01), "--task", "recall", "--backend", "rules")
    assert code == 2 and "unknown task 'recall'" in err and "Traceback" not in err


def test_cli_summarizes_with_the_trial_task_and_a_model(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    item = ITEMS["t017"]
    doc = document(item)
    good = perfect_answer(item, doc).model_dump(mode="json")
    wrong = json.loads(json.dumps(good))
    wrong["endpoint"]["outcome"] = "met"
    with LoopbackServer([Reply.answer(wrong), Reply.answer(good)]) as server:
        code, out, _ = _run(capsys, "summarize", str(TRIALS / "tune" / "docs" / "t017.txt"),
                            "--task", "trial-readout", "--backend", "openai", "--base-url",
                            server.base_url, "--model", "m", "--mode", "json", "--published",
                            str(item.published), "--no-cache")
        assert len(server.requests) == 2  # the first answer was sent back once
    record = json.loads(out)
    assert code == 0 and record["summary"]["endpoint"]["outcome"] == "not_met"
    assert record["usage"]["reasks"] == 1 and record["meta"]["task"] == "trial-readout"


def test_cli_schema_inspect_and_validate_follow_the_task(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "schema", "--task", "trial-readout")
    assert code == 0 and "is_trial_readout" in json.loads(out)["properties"]
    code, out, _ = _run(capsys, "schema", "--kind", "result", "--task", "trial-readout")
    assert code == 0 and "TrialReadoutSummary" in out
    code, out, _ = _run(capsys, "inspect", str(T001), "--task", "trial-readout")
    assert code == 0 and "(excerpt)" in get_task("trial-readout").view(
        document(ITEMS["t001"])).text and "tokens raw=" in out
    record = tmp_path / "r.json"
    _run(capsys, "summarize", str(T001), "--task", "trial-readout", "--backend", "rules", "-o",
         str(record))
    code, out, _ = _run(capsys, "validate", str(record), "--source", str(T001))
    assert code == 0 and json.loads(out)["summary"]["is_trial_readout"] is True


def test_eval_scores_the_trial_task_with_its_label_spec(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "eval", str(TRIALS / "dev"), "--task", "trial-readout",
                        "--backend", "rules")
    header = out.splitlines()[0].split()
    assert code == 0 and header[:4] == ["backend", "is_trial", "endpoint", "phase"]
    assert "endpoint confusion (rules" in out and "is_reg" not in out
    code, out, _ = _run(capsys, "eval", str(TRIALS / "dev"), "--task", "trial-readout",
                        "--backend", "rules", "--json")
    [run] = json.loads(out)
    assert run["metrics"]["endpoint"] == 1.0 and "is_trial_readout" in run["metrics"]


def test_eval_prints_the_metrics_of_the_trial_holdout(capsys: pytest.CaptureFixture[str]) -> None:
    """The holdout half is only ever counted (benchmarks/trial_readout_eval.py, the table in
    docs/measured-figures.md): this checks that ``summarizer eval`` counts all of it, never
    what it scores."""
    holdout = TRIALS / "holdout"
    ids = [json.loads(line)["id"] for line in (holdout / "meta.jsonl").read_text().splitlines()
           if line.strip()]
    code, out, _ = _run(capsys, "eval", str(holdout), "--task", "trial-readout",
                        "--backend", "rules", "--json")
    [run] = json.loads(out)
    task = get_task("trial-readout")
    assert code == 0 and run["n"] == len(ids) >= 12 and run["errors"] == 0
    assert list(run["metrics"]) == [*task.metrics, "overall"]
    assert all(isinstance(v, float) for v in run["metrics"].values())
    assert sorted(run["per_document"]) == sorted(ids)
    code, out, _ = _run(capsys, "eval", str(holdout), "--task", "trial-readout",
                        "--backend", "rules")
    header, row = out.splitlines()[:2]
    assert code == 0 and header.split()[-1] == "err" and row.split()[0] == "rules"
    assert len(row.split()) == len(header.split())  # a figure under every column


def test_reports_draw_each_records_own_card(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "trials.jsonl"
    code, _, _ = _run(capsys, "summarize", str(TRIALS / "tune" / "docs"), "--task",
                      "trial-readout", "--backend", "rules", "--include-text", "-o",
                      str(records))
    assert code == 0
    code, out, _ = _run(capsys, "report", str(records), "--format", "markdown")
    assert code == 0 and out.startswith("# Trial readout report\n")
    assert "| # | document | company | trial | phase | product | endpoint |" in out
    assert "**Primary endpoint:** VANTAGE-301 · primary endpoint met · met" in out
    assert "**Key results**" in out and "**Outcome:**" not in out
    html = tmp_path / "r.html"
    code, _, _ = _run(capsys, "report", str(records), "-o", str(html))
    page = html.read_text()
    assert code == 0 and 'data-field="endpoint"' in page and ".f-key_results" in page
    code, _, err = _run(capsys, "timeline", str(records), "--task", "trial-readout")
    assert code == 2 and "draws no timeline" in err


def test_the_regulatory_default_is_unchanged_for_existing_users() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    s = Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                   model="fake", mode="json")
    result = s.summarize(D01.read_text(), published="2008-03-20")
    assert isinstance(result.summary, RegulatorySummary) and s.task.name == "regulatory"
    record = result.to_record()
    assert list(record) == ["source", "summary", "findings", "usage", "meta", "error"]
    assert list(record["meta"])[-2:] == ["task", "task_version"]
    assert record["meta"]["task"] == "regulatory" and (
        record["meta"]["prompt_version"]) == summarizer.PROMPT_VERSION


class _Extra(RegulatoryTask):
    """A subclass that settles differently: proves the engine calls the task's own steps."""

    name: ClassVar[str] = "regulatory"
    calls: ClassVar[list[str]] = []

    def settle(self, answer: Any, doc: Any,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Any]:
        self.calls.append(options.arbitration)
        return super().settle(answer, doc, options)


def test_the_engine_settles_through_the_task() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    s = Summarizer(task=_Extra, client=endpoint.client(), model="fake", mode="json",
                   arbitration="flag")
    s.summarize(D01.read_text(), published="2008-03-20")
    assert _Extra.calls == ["flag"]


def test_the_generic_answer_walk_finds_every_evidence() -> None:
    doc = document(ITEMS["t001"])
    answer = get_task("trial-readout").read(doc)
    assert answer is not None
    assert Answer.evidence_items(answer) == answer.evidence_items()
    assert all(isinstance(e, Evidence) for _, e in Answer.evidence_items(answer))
