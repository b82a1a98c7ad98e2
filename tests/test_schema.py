"""The schema: strict-output compatible, LABEL_SPEC.md codes, checked-in copy in sync."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer
from pydantic import ValidationError

from summarizer.extraction import strict_json_schema
from summarizer.tasks.regulatory.schema import (
    AGENCY_CODES,
    DECISION_CODES,
    RegulatorySummary,
    parse_loose_date,
)


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_request_schema_is_openai_strict() -> None:
    schema = strict_json_schema(RegulatorySummary)
    objects = _objects(schema)
    assert len(objects) >= 7
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert sorted(obj["required"]) == sorted(obj["properties"])
    text = json.dumps(schema)
    assert '"default"' not in text
    for hidden in ('"start"', '"end"', '"match"'):
        assert hidden not in text  # grounding fields are never asked of the model


def test_checked_in_schema_matches_the_models() -> None:
    shipped = resources.files("summarizer.tasks.regulatory").joinpath(
        "summary.schema.json").read_text()
    assert json.loads(shipped) == strict_json_schema(RegulatorySummary), (
        "summarizer/tasks/regulatory/summary.schema.json is stale: regenerate it with "
        "`summarizer schema > summarizer/tasks/regulatory/summary.schema.json`"
    )


def test_codes_are_those_of_the_label_spec() -> None:
    spec = (CORPUS / "LABEL_SPEC.md").read_text()
    agencies = re.search(r"one of:\n\s+(FDA.*?NONE)", spec, re.S)
    assert agencies is not None
    assert set(AGENCY_CODES) == {a.split("(")[0].strip() for a in agencies.group(1).split(",")}
    decisions = set(re.findall(r"^  ([a-z_]+)\s{2,}", spec, re.M))
    assert set(DECISION_CODES) == decisions


def test_unknown_fields_and_codes_are_rejected() -> None:
    answer = ceplene_answer()
    answer["extra"] = 1
    with pytest.raises(ValidationError):
        RegulatorySummary.model_validate(answer)
    answer = ceplene_answer()
    answer["outcome"]["agency"] = "EMEA"
    with pytest.raises(ValidationError):
        RegulatorySummary.model_validate(answer)


@pytest.mark.parametrize(("text", "expected"), [
    ("2008-03-20", dt.date(2008, 3, 20)),
    ("March 20, 2008", dt.date(2008, 3, 20)),
    ("20 March 2008", dt.date(2008, 3, 20)),
    ("Mar. 20, 2008", dt.date(2008, 3, 20)),
    ("3/20/2008", dt.date(2008, 3, 20)),
    ("third quarter of 2008", None),
    ("", None),
    ("null", None),
    ("February 30, 2008", None),
])
def test_loose_dates(text: str, expected: dt.date | None) -> None:
    assert parse_loose_date(text) == expected


def test_sentiment_score_is_clamped_and_evidence_listed() -> None:
    answer = ceplene_answer()
    answer["sentiment"]["score"] = -3
    summary = RegulatorySummary.model_validate(answer)
    assert summary.sentiment.score == -1.0
    paths = [path for path, _ in summary.evidence_items()]
    assert paths == ["outcome.evidence", "rationale[0].evidence", "next_steps[0].evidence",
                     "sentiment.evidence"]


def test_schema_files_ship_in_the_package() -> None:
    root = Path(str(resources.files("summarizer.tasks.regulatory")))
    assert (root / "schema.py").exists() and (root / "summary.schema.json").exists()
    prompts = Path(str(resources.files("summarizer.tasks.regulatory.prompts")))
    assert {"system.j2", "user.j2", "reask.j2"} <= {p.name for p in prompts.iterdir()}


@pytest.mark.parametrize("placeholder", ["None", "null", "N/A", "Not specified.", " unknown ", ""])
def test_placeholder_words_are_read_as_null(placeholder: str) -> None:
    answer = ceplene_answer()
    answer["outcome"]["products"][0]["generic_name"] = placeholder
    answer["outcome"]["application"] = placeholder
    answer["company"] = placeholder
    summary = RegulatorySummary.model_validate(answer)
    assert summary.outcome is not None
    assert summary.outcome.products[0].generic_name is None
    assert summary.outcome.application is None and summary.company is None


def test_real_values_that_contain_placeholder_words_are_kept() -> None:
    answer = ceplene_answer()
    answer["outcome"]["indication"] = "None-small-cell lung cancer"
    answer["next_steps"][0]["timing"] = "not before 2026"
    summary = RegulatorySummary.model_validate(answer)
    assert summary.outcome is not None
    assert summary.outcome.indication == "None-small-cell lung cancer"
    assert summary.next_steps[0].timing == "not before 2026"


def test_the_model_is_asked_for_few_items_and_a_summary_may_hold_more() -> None:
    from summarizer.corrections import correction_model
    from summarizer.task import get_task
    from summarizer.tasks.regulatory.schema import MAX_NEXT_STEPS, MAX_REASONS
    from summarizer.types import result_schema

    sent = strict_json_schema(RegulatorySummary)["properties"]
    assert (sent["rationale"]["maxItems"], sent["next_steps"]["maxItems"]) == (
        MAX_REASONS, MAX_NEXT_STEPS) == (3, 4)  # LABEL_SPEC.md: 1-3 reasons, 1-4 next steps
    # a correction asking for the list again asks within the same limit
    plan = get_task("regulatory").corrections
    fields = plan.fields_for(["rationale[0].evidence"], RegulatorySummary.model_validate(
        ceplene_answer()))
    asked = strict_json_schema(correction_model(fields))
    assert asked["properties"]["rationale"]["maxItems"] == MAX_REASONS
    assert "next_steps" not in asked["properties"]
    # not a limit of the summary: the record schema has none, and validation takes more
    assert "maxItems" not in json.dumps(result_schema(RegulatorySummary))
    answer = ceplene_answer()
    answer["rationale"] = answer["rationale"] * (MAX_REASONS + 2)
    assert len(RegulatorySummary.model_validate(answer).rationale) == MAX_REASONS + 2
