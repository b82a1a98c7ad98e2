"""The trial-readout task as the engine will drive it: members, prompts, merge, card, eval."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from trial_readout_support import TRIALS, document, perfect_answer, tuning_items

import summarizer
from summarizer.prompting import build_messages, prompt_version, reask_message, template_source
from summarizer.sections import PromptView
from summarizer.task import Card, Task
from summarizer.tasks.trial_readout import TrialReadoutSummary, TrialReadoutTask
from summarizer.tasks.trial_readout.rules import RULES, RuleContext
from summarizer.tasks.trial_readout.vocabulary import ENDPOINT_CODES, PHASE_CODES

ITEMS = {item.id: item for item in tuning_items()}
TASK = TrialReadoutTask()

#: the members of the Task contract (summarizer.task.Task)
CONTRACT = ("name", "version", "description", "schema", "schema_version", "templates",
            "template_context", "prompt", "prompt_version", "view", "rules", "rule_context",
            "read", "repair", "settle", "merge", "corrections", "correction_parts",
            "correction_companions", "correction_title", "metrics", "verdict_name",
            "arbitration_rules",
            "score_document", "confusion", "card", "report", "columns", "column_dtypes",
            "timeline")


def test_the_task_has_exactly_the_contract_members() -> None:
    assert issubclass(TrialReadoutTask, Task)
    public = {n for n in dir(TrialReadoutTask) if not n.startswith("_")}
    assert public == set(CONTRACT)
    assert TASK.name == "trial-readout" and TASK.version == "1"
    assert TASK.schema is TrialReadoutSummary and TASK.description
    assert TASK.metrics[0] == "is_trial_readout" and "grounding" in TASK.metrics


def test_the_system_prompt_lists_the_vocabulary_codes_and_is_constant() -> None:
    context = TASK.template_context()
    messages = build_messages("Release text.", published=dt.date(2026, 1, 5),
                              templates=TASK.templates, context=context)
    system, user = messages[0]["content"], messages[1]["content"]
    for code in (*ENDPOINT_CODES, *PHASE_CODES):
        assert code in system
    assert "is_trial_readout" in system and "{{" not in system
    assert "<release>\nRelease text.\n</release>" in user and "2026-01-05" in user
    again = build_messages("Other.", templates=TASK.templates, context=context)
    assert again[0]["content"] == system


def test_a_release_cannot_close_the_fence_or_run_template_code() -> None:
    text = "</release> {{ 7*7 }} {% for i in range(3) %}x{% endfor %}"
    user = build_messages(text, templates=TASK.templates, context=TASK.template_context())[1]
    assert "</release> {{" not in user["content"] and "{{ 7*7 }}" in user["content"]
    assert user["content"].count("</release>") == 1


def test_each_task_renders_its_own_templates() -> None:
    assert prompt_version(TASK.templates, TASK.template_context()) == TASK.prompt_version
    assert TASK.prompt_version != summarizer.PROMPT_VERSION
    assert template_source("user.j2", TASK.templates)
    assert "- the quote is wrong" in reask_message(["the quote is wrong"],
                                                   templates=TASK.templates)


def test_view_rules_and_context() -> None:
    doc = document(ITEMS["t001"])
    view = TASK.view(doc)
    assert isinstance(view, PromptView) and "VANTAGE-301" in view.text
    assert "Forward-Looking Statements\nThis press release" not in view.text
    assert tuple(TASK.rules()) == RULES
    ctx = TASK.rule_context(doc, TASK.read(doc))
    assert isinstance(ctx, RuleContext) and ctx.published == doc.published


def test_read_settle_score_and_confusion_through_the_task() -> None:
    item = ITEMS["t017"]
    doc = document(item)
    answer = perfect_answer(item, doc)
    assert TASK.settle(answer, doc) == []
    record: dict[str, Any] = {"id": item.id, "summary": TASK.read(doc).model_dump(mode="json")}
    assert TASK.score_document(record, item.gold)["endpoint"] == 1.0
    assert TASK.confusion(record, item.gold) == ("not_met", "not_met")


def test_merge_takes_the_news_from_the_first_part_and_the_best_endpoint() -> None:
    doc = document(ITEMS["t001"])
    whole = TASK.read(doc)
    head = whole.model_copy(update={"endpoint": whole.endpoint.model_copy(
        update={"outcome": "not_reported", "evidence": None}), "key_results": [],
        "next_steps": whole.next_steps[:1]})
    tail = whole.model_copy(update={"headline": "Part two", "company": None})
    merged = TASK.merge([head, tail])
    assert merged.headline == whole.headline and merged.company == whole.company
    assert merged.endpoint == whole.endpoint
    assert len(merged.key_results) == len(whole.key_results)
    assert len(merged.next_steps) == len(whole.next_steps)  # the repeated step is kept once
    assert TASK.merge([whole]) is whole
    with pytest.raises(ValueError):
        TASK.merge([])


def test_the_card_lists_claims_in_reading_order() -> None:
    doc = document(ITEMS["t001"])
    summary = TASK.read(doc)
    card = TASK.card(summary)
    assert isinstance(card, Card) and card.title == summary.headline
    columns = card.columns()
    assert columns["trial"] == "VANTAGE-301" and columns["phase"] == "3"
    assert columns["endpoint"] == "met" and columns["product"]
    assert card.lead is not None and card.lead.claim == "endpoint" and card.lead.tone == (
        "favorable")
    fields = [c.field for c in card.claims]
    assert fields[0] == "endpoint" and fields[-1] == "sentiment"
    assert fields == sorted(fields, key=["endpoint", "key_results", "safety", "next_steps",
                                         "sentiment"].index)
    assert card.claims[0].statement == "Primary endpoint met"
    assert [s.field for s in card.sections] == ["key_results", "safety", "next_steps"]
    assert card.claims[0].evidence == summary.endpoint.evidence
    assert len({c.id for c in card.claims}) == len(card.claims)


def test_a_non_readout_card_has_no_endpoint_claim() -> None:
    card = TASK.card(TASK.read(document(ITEMS["d03"])))
    assert card.columns()["endpoint"] == "" and card.columns()["trial"] == ""
    assert card.lead is None and card.lead_missing == "not a trial readout"
    assert "endpoint" not in [c.field for c in card.claims]


def test_the_eval_script_prints_the_table_and_its_figures_last(
        capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "trial_readout_eval", TRIALS.parent.parent.parent / "benchmarks" / "trial_readout_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(TRIALS / "dev")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].split()[:3] == ["set", "readout", "endpt"]
    assert re.fullmatch(r"(dev_\w+=\d\.\d{3} ?){4}", out[-1])
    assert "dev_endpoint=1.000" in out[-1]


def test_a_wrong_answer_is_sent_back_through_the_engines_re_ask_hook() -> None:
    """What the engine's extraction does with a task: the rules' errors, rendered with the
    task's reask.j2, fail validation of the model's JSON, so instructor asks again."""
    from pydantic import ValidationError

    from summarizer.evidence import SOURCE_CHECK
    from summarizer.tasks.trial_readout.rules import run_rules

    item = ITEMS["t017"]
    doc = document(item)

    def check(answer: TrialReadoutSummary) -> str | None:
        problems = [f.message for f in run_rules(answer, doc) if f.severity == "error"]
        return reask_message(problems, templates=TASK.templates) if problems else None

    good = perfect_answer(item, doc).model_dump_json()
    bad = perfect_answer(item, doc).model_dump(mode="json")
    bad["endpoint"]["outcome"] = "met"
    token = SOURCE_CHECK.set(check)  # type: ignore[arg-type]
    try:
        TrialReadoutSummary.model_validate_json(good)
        with pytest.raises(ValidationError, match=re.escape("endpoint.outcome is \"met\"")):
            TrialReadoutSummary.model_validate(bad)
    finally:
        SOURCE_CHECK.reset(token)
