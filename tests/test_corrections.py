"""Partial corrections: the fields a finding's path asks for, their schema, and the merge."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import ceplene_answer
from pydantic import ValidationError

from summarizer.corrections import Corrections, FieldSet, correction_model, merge, same_answer
from summarizer.extraction import strict_json_schema
from summarizer.task import get_task
from summarizer.tasks.regulatory.schema import RegulatorySummary

#: the regulatory task's plan: parts of the outcome asked for alone, with their companions
PLAN = get_task("regulatory").corrections
fields_for = PLAN.fields_for


def _summary(**changes: Any) -> RegulatorySummary:
    data = ceplene_answer()
    data.update(changes)
    return RegulatorySummary.model_validate(data)


@pytest.mark.parametrize(("paths", "top", "outcome"), [
    (["outcome.decision"], set(), {"decision", "direction"}),
    (["outcome.agency"], set(), {"agency", "agency_body"}),
    (["outcome.products[0].name", "outcome.products[1].generic_name"], set(), {"products"}),
    (["outcome.evidence", "sentiment.evidence"], {"sentiment"}, {"evidence"}),
    (["rationale[1].evidence", "next_steps[0].evidence"], {"rationale", "next_steps"}, set()),
    (["outcome"], {"outcome", "is_regulatory_event"}, set()),
    (["outcome", "outcome.decision"], {"outcome", "is_regulatory_event"}, set()),
    (["headline", "summary"], {"headline", "summary"}, set()),
])
def test_fields_come_from_the_error_paths(paths: list[str], top: set[str],
                                          outcome: set[str]) -> None:
    fields = fields_for(paths, _summary())
    assert fields.top == top and fields.part("outcome") == outcome
    assert not fields.is_everything


def test_an_outcome_part_of_a_missing_outcome_asks_for_the_whole_outcome() -> None:
    fields = fields_for(["outcome.decision"], _summary(outcome=None, is_regulatory_event=False))
    assert fields == FieldSet(PLAN, frozenset({"outcome", "is_regulatory_event"}))


@pytest.mark.parametrize("paths", [[], ["*.evidence"], ["outcome.decision", "nonsense"]])
def test_no_path_or_an_unknown_one_asks_for_everything(paths: list[str]) -> None:
    fields = fields_for(paths, _summary())
    assert fields.is_everything and correction_model(fields) is RegulatorySummary


def test_names_follow_the_schema_order() -> None:
    fields = fields_for(["sentiment.label", "outcome.products[0].name", "outcome.decision",
                         "headline"], _summary())
    assert fields.names() == ["headline", "outcome.decision", "outcome.direction",
                              "outcome.products", "sentiment"]


def test_the_correction_schema_holds_only_the_asked_fields_in_strict_form() -> None:
    from openai.lib._pydantic import to_strict_json_schema

    fields = fields_for(["outcome.decision", "sentiment.evidence"], _summary())
    schema = to_strict_json_schema(correction_model(fields))
    assert set(schema["properties"]) == {"outcome", "sentiment"}
    assert schema["required"] == ["outcome", "sentiment"]
    assert schema["additionalProperties"] is False
    part = schema["$defs"]["OutcomeCorrection"]
    assert set(part["properties"]) == {"decision", "direction"}
    assert part["additionalProperties"] is False
    full = strict_json_schema(RegulatorySummary)  # the same definitions as the full summary's
    assert part["properties"]["decision"]["enum"] == (
        full["$defs"]["Outcome"]["properties"]["decision"]["enum"])
    assert "start" not in str(schema)  # grounding fields stay hidden from the model


def test_merge_replaces_only_the_asked_fields() -> None:
    wrong = _summary()
    assert wrong.outcome is not None
    wrong.outcome.decision, wrong.outcome.direction = "approval", "favorable"
    fields = fields_for(["outcome.decision"], wrong)
    answer = correction_model(fields).model_validate(
        {"outcome": {"decision": "negative_opinion", "direction": "unfavorable"}})
    merged = merge(wrong, answer, fields)
    assert merged.outcome is not None
    assert (merged.outcome.decision, merged.outcome.direction) == (
        "negative_opinion", "unfavorable")
    right = _summary()
    assert merged.model_dump() == right.model_dump()
    assert wrong.outcome.decision == "approval"  # the first answer is left as it was


def test_corrections_read_values_as_the_summary_does() -> None:
    fields = FieldSet(PLAN, frozenset({"sentiment"}),
                      frozenset({("outcome", "decision_date"), ("outcome", "products")}))
    answer = correction_model(fields).model_validate({
        "outcome": {"decision_date": "March 20, 2008",
                    "products": [{"name": "Ceplene", "generic_name": "N/A"}]},
        "sentiment": {"label": "negative", "score": 0.4, "rationale": "x", "evidence": None},
    })
    merged = merge(_summary(), answer, fields)
    assert merged.outcome is not None and merged.outcome.decision_date == dt.date(2008, 3, 20)
    assert merged.outcome.products[0].generic_name is None  # placeholder read as null
    assert merged.sentiment.score == -0.4  # the score follows the label


def test_a_correction_with_the_whole_summary_still_yields_the_asked_fields() -> None:
    # a server that does not enforce the schema may answer with everything again
    fields = fields_for(["outcome.decision"], _summary())
    full = ceplene_answer()
    full["headline"] = "A new headline the correction did not ask for"
    answer = correction_model(fields).model_validate(full)
    merged = merge(_summary(), answer, fields)
    assert merged.headline == _summary().headline


def test_an_invalid_correction_is_rejected() -> None:
    fields = fields_for(["outcome.decision"], _summary())
    with pytest.raises(ValidationError):
        correction_model(fields).model_validate({"outcome": {"decision": "great",
                                                             "direction": "favorable"}})


def test_same_answer_ignores_grounding_only() -> None:
    from conftest import corpus_text

    from summarizer.grounding import ground

    answer = _summary()
    grounded = ground(_summary(), corpus_text("d01"))
    assert grounded.outcome is not None and grounded.outcome.evidence is not None
    assert grounded.outcome.evidence.start is not None
    assert same_answer(answer, grounded)
    assert not same_answer(answer, _summary(headline="Another headline"))


def test_a_task_without_parts_asks_for_whole_top_level_fields() -> None:
    """The engine's default plan (no parts, no companions): an outcome error asks for the
    whole outcome, nothing else; the schema's description is the plan's title."""
    plain = Corrections.of(RegulatorySummary)
    fields = plain.fields_for(["outcome.decision", "rationale[0].evidence"], _summary())
    assert fields.top == {"outcome", "rationale"} and fields.parts == frozenset()
    assert fields.names() == ["outcome", "rationale"]
    model = correction_model(fields)
    assert model.__doc__ == "The corrected fields of the answer."
    assert set(model.model_fields) == {"outcome", "rationale"}


def test_the_regulatory_plan_titles_its_schemas_as_before() -> None:
    """The correction schemas the model reads keep their names and descriptions (recorded
    cassettes match the request bodies byte for byte)."""
    from openai.lib._pydantic import to_strict_json_schema

    schema = to_strict_json_schema(correction_model(fields_for(["outcome.decision"], _summary())))
    assert schema["description"] == "The corrected fields of the regulatory summary."
    assert schema["$defs"]["OutcomeCorrection"]["description"] == (
        "The corrected fields of the outcome.")
