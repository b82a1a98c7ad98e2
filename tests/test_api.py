"""The full pipeline with a fake endpoint: grounding, rules, re-asks, gap filling, chunking."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from conftest import ceplene_answer

import summarizer
from summarizer import InputError, Summarizer
from summarizer.testing import FakeEndpoint, Reply


def _summarizer(endpoint: FakeEndpoint, **kwargs: Any) -> Summarizer:
    return Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                      model="fake", mode="json", max_retry_wait=0.0, **kwargs)


def test_correct_answer_is_grounded_against_the_callers_text(ceplene_text: str) -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20", source="d01")
    assert result.ok and result.summary is not None
    for _path, evidence in result.summary.evidence_items():
        assert evidence.match in ("exact", "normalized", "fuzzy")
        assert evidence.start is not None and evidence.end is not None
        passage = ceplene_text[evidence.start:evidence.end]
        assert passage.split()[:2] == evidence.quote.split()[:2]
    assert not [f for f in result.findings if f.severity == "error"]
    assert result.usage.requests == 1 and result.usage.reasks == 0
    assert result.meta is not None and result.meta.published == "2008-03-20"
    assert result.meta.prompt_version == summarizer.PROMPT_VERSION
    record = result.to_record()
    assert record["source"] == "d01" and "text" not in record
    json.dumps(record)


def test_rule_breaking_answer_is_corrected_by_a_reask_of_the_failing_fields(
    ceplene_text: str,
) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    fix = {"outcome": {"decision": "negative_opinion", "direction": "unfavorable",
                       "agency": "EMA", "agency_body": "CHMP"}}
    endpoint = FakeEndpoint([Reply.answer(wrong), Reply.answer(fix)])
    # arbitration off: the model corrects itself (under "overrule" no request is needed, below)
    result = _summarizer(endpoint, arbitration="off").summarize(ceplene_text,
                                                                 published="2008-03-20")
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "negative_opinion"
    assert result.usage.reasks == 1 and result.usage.attempts == 2
    assert not [f for f in result.findings if f.severity == "error"]
    second = endpoint.requests[1]
    schema = second["response_format"]["schema"]
    assert set(schema["properties"]) == {"outcome"}
    # the rules object to the decision (a cue conflict) and to EMA "approving" (agency fit)
    assert set(schema["$defs"]["OutcomeCorrection"]["properties"]) == {
        "decision", "direction", "agency", "agency_body"}
    reask = second["messages"][-1]["content"]
    assert "negative opinion" in reask.lower()
    assert second["messages"][2] == {"role": "assistant", "content": json.dumps(wrong)}


def test_uncorrected_answer_keeps_its_findings(ceplene_text: str) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(agency="FDA", decision="approval", direction="favorable")
    endpoint = FakeEndpoint([Reply.answer(wrong)], repeat_last=True)
    result = _summarizer(endpoint, max_reasks=1, arbitrate=False).summarize(
        ceplene_text, published="2008-03-20")
    assert result.summary is not None and result.usage.attempts == 2
    errors = {f.rule for f in result.findings if f.severity == "error"}
    assert "decision_cue_conflict" in errors or "agency_decision_fit" in errors


def test_empty_lists_are_filled_from_the_rules_backend(ceplene_text: str) -> None:
    sparse = ceplene_answer()
    sparse["rationale"], sparse["next_steps"] = [], []
    endpoint = FakeEndpoint([Reply.answer(sparse)])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20")
    assert result.summary is not None and result.summary.next_steps
    filled = {f.path for f in result.findings if f.rule == "filled_from_rules"}
    assert "next_steps" in filled
    assert all(e.match == "exact" for p, e in result.summary.evidence_items()
               if p.startswith("next_steps"))


def test_long_release_is_split_and_merged(ceplene_text: str) -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    result = _summarizer(endpoint, max_input_tokens=300).summarize(ceplene_text)
    assert result.meta is not None and result.meta.chunks == len(endpoint.requests) > 1
    assert result.usage.requests == len(endpoint.requests)
    assert "part 1 of" in endpoint.requests[0]["messages"][-1]["content"]
    assert result.summary is not None
    action = ceplene_answer()["next_steps"][0]["action"]
    assert [s.action for s in result.summary.next_steps].count(action) == 1  # deduplicated


def test_async_summarize_matches_sync(ceplene_text: str) -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    s = _summarizer(endpoint)
    sync = s.summarize(ceplene_text)
    async_result = asyncio.run(s.asummarize(ceplene_text))
    assert sync.summary is not None and async_result.summary is not None
    assert sync.summary.model_dump() == async_result.summary.model_dump()


def test_bad_input_is_rejected_before_any_request() -> None:
    endpoint = FakeEndpoint([])
    with pytest.raises(InputError):
        _summarizer(endpoint).summarize("   \n ")
    with pytest.raises(InputError):
        _summarizer(endpoint).summarize(b"%PDF-1.7\n\x00\x01binary")
    assert endpoint.requests == []


def test_api_key_is_not_in_repr() -> None:
    s = Summarizer("openai", api_key="sk-live-abcdefghijklmnopqrstuvwx", model="m")
    assert "sk-live" not in repr(s) and "sk-live" not in repr(s.config)


def test_module_level_summarize_uses_the_rules_backend_offline(ceplene_text: str) -> None:
    result = summarizer.summarize(ceplene_text, backend="rules", published="2008-03-20")
    assert result.meta is not None and result.meta.backend == "rules"
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "negative_opinion"
    assert result.usage.requests == 0


_INVENTED = "This outcome proves that the therapy failed every patient in every trial."


def test_stitched_quote_is_cut_to_the_source_passage_without_a_reask(
    ceplene_text: str,
) -> None:
    stitched = ceplene_answer()
    real = stitched["rationale"][0]["evidence"]["quote"]
    stitched["rationale"][0]["evidence"]["quote"] = f"{real}. {_INVENTED}"
    endpoint = FakeEndpoint([Reply.answer(stitched)], repeat_last=True)
    result = _summarizer(endpoint, max_reasks=1).summarize(ceplene_text, published="2008-03-20")
    assert result.summary is not None and result.usage.reasks == 0  # a certain repair
    evidence = result.summary.rationale[0].evidence
    assert evidence is not None and evidence.match == "exact"
    assert evidence.start is not None and evidence.end is not None
    assert ceplene_text[evidence.start:evidence.end] == evidence.quote
    assert _INVENTED not in evidence.quote and real.split()[:3] == evidence.quote.split()[:3]
    trimmed = [f for f in result.findings if f.rule == "evidence_trimmed"]
    assert [f.path for f in trimmed] == ["rationale[0].evidence"]
    assert _INVENTED in trimmed[0].message and trimmed[0].severity == "warning"
    assert not [f for f in result.findings if f.rule == "evidence_grounded"]


def test_invented_outcome_quote_gives_way_to_the_decision_sentence(ceplene_text: str) -> None:
    invented = ceplene_answer()
    invented["outcome"]["evidence"]["quote"] = _INVENTED
    endpoint = FakeEndpoint([Reply.answer(invented)], repeat_last=True)
    result = _summarizer(endpoint, max_reasks=0).summarize(ceplene_text, published="2008-03-20")
    assert result.summary is not None and result.summary.outcome is not None
    evidence = result.summary.outcome.evidence
    assert evidence is not None and evidence.match != "none"
    assert "negative opinion" in " ".join(evidence.quote.lower().split())
    assert any(f.rule == "evidence_trimmed" and f.path == "outcome.evidence"
               and _INVENTED in f.message for f in result.findings)


def test_trim_quotes_off_keeps_the_models_quote_and_its_error(ceplene_text: str) -> None:
    stitched = ceplene_answer()
    real = stitched["rationale"][0]["evidence"]["quote"]
    stitched["rationale"][0]["evidence"]["quote"] = f"{real}. {_INVENTED}"
    endpoint = FakeEndpoint([Reply.answer(stitched)], repeat_last=True)
    result = _summarizer(endpoint, max_reasks=0, trim_quotes=False).summarize(
        ceplene_text, published="2008-03-20")
    assert result.summary is not None
    evidence = result.summary.rationale[0].evidence
    assert evidence is not None and evidence.match == "none" and _INVENTED in evidence.quote
    assert any(f.rule == "evidence_grounded" and f.severity == "error" for f in result.findings)
    assert not [f for f in result.findings if f.rule == "evidence_trimmed"]


def test_a_name_spelled_otherwise_is_respelled_without_a_reask(ceplene_text: str) -> None:
    answer = ceplene_answer()
    answer["outcome"]["products"] = [{"name": "Ceplene",
                                      "generic_name": "histamine-dihydrochloride"}]
    endpoint = FakeEndpoint([Reply.answer(answer)])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20")
    assert result.usage.requests == 1 and result.usage.reasks == 0
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.products[0].generic_name == "histamine dihydrochloride"
    assert [(f.rule, f.severity, f.path) for f in result.findings
            if f.rule == "product_respelled"] == [
        ("product_respelled", "info", "outcome.products[0].generic_name")]
    assert not [f for f in result.findings if f.severity == "error"]


def test_what_arbitration_settles_costs_no_reask(ceplene_text: str) -> None:
    # "approval" citing the sentence that states a negative opinion: arbitration overrules it
    # from the release at the end anyway, so it is settled before the re-ask check
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    endpoint = FakeEndpoint([Reply.answer(wrong)])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20")
    assert result.usage.requests == 1 and result.usage.reasks == 0
    assert result.summary is not None and result.summary.outcome is not None
    assert (result.summary.outcome.decision, result.summary.outcome.direction) == (
        "negative_opinion", "unfavorable")
    assert [f.rule for f in result.findings if f.rule == "decision_arbitrated"] == [
        "decision_arbitrated"]
    assert not [f for f in result.findings if f.severity == "error"]


def test_a_regulator_the_release_never_names_gives_way_to_the_decision_sentences(
    ceplene_text: str,
) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(agency="MHRA", agency_body=None)
    endpoint = FakeEndpoint([Reply.answer(wrong)])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20")
    assert result.usage.reasks == 0
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.agency == "EMA"
    assert any(f.rule == "agency_arbitrated" and "MHRA" in f.message for f in result.findings)
    # off, the same answer goes back to the model for its regulator
    endpoint = FakeEndpoint([Reply.answer(wrong)], repeat_last=True)
    off = _summarizer(endpoint, arbitration="off", max_reasks=1).summarize(
        ceplene_text, published="2008-03-20")
    assert off.usage.reasks == 1
    assert any(f.rule == "agency_in_source" for f in off.findings)


def test_a_name_the_release_does_not_write_still_goes_back_to_the_model(
    ceplene_text: str,
) -> None:
    answer = ceplene_answer()
    answer["outcome"]["products"] = [{"name": "Ceplene for AML remission", "generic_name": None}]
    fix = {"outcome": {"products": [{"name": "Ceplene",
                                     "generic_name": "histamine dihydrochloride"}]}}
    endpoint = FakeEndpoint([Reply.answer(answer), Reply.answer(fix)])
    result = _summarizer(endpoint).summarize(ceplene_text, published="2008-03-20")
    assert result.usage.reasks == 1
    schema = endpoint.requests[1]["response_format"]["schema"]
    assert set(schema["$defs"]["OutcomeCorrection"]["properties"]) == {"products"}
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.products[0].name == "Ceplene"
    assert result.summary.headline == answer["headline"]


def test_repair_off_leaves_the_spelling_to_the_model(ceplene_text: str) -> None:
    # the release writes "histamine dihydrochloride": the rules accept the hyphenated name (no
    # error, no re-ask either way); the repair respells it as the release does, off it stays
    answer = ceplene_answer()
    answer["outcome"]["products"] = [{"name": "Ceplene",
                                      "generic_name": "histamine-dihydrochloride"}]
    for repair, expected in ((False, "histamine-dihydrochloride"),
                             (True, "histamine dihydrochloride")):
        endpoint = FakeEndpoint([Reply.answer(answer)], repeat_last=True)
        result = _summarizer(endpoint, repair=repair, max_reasks=1).summarize(
            ceplene_text, published="2008-03-20")
        assert result.usage.reasks == 0
        assert result.summary is not None and result.summary.outcome is not None
        assert result.summary.outcome.products[0].generic_name == expected
        assert any(f.rule == "product_respelled" for f in result.findings) is repair
        assert not any(f.rule == "product_in_source" for f in result.findings)



def test_answered_settles_one_chosen_answer_without_a_reask(ceplene_text: str) -> None:
    """``summarizer.testing.answered``: a fixed answer through the whole pipeline, once."""
    from summarizer.testing import answered

    right = answered(ceplene_text, ceplene_answer())
    assert right.summary.outcome is not None
    assert right.summary.outcome.decision == "negative_opinion"
    assert right.usage.requests == 1
    wrong = ceplene_answer()
    wrong["outcome"]["decision"] = "approval"  # the quoted sentence says "negative opinion"
    overruled = answered(ceplene_text, wrong)
    assert overruled.summary.outcome is not None
    assert overruled.summary.outcome.decision == "negative_opinion"
    flagged = answered(ceplene_text, wrong, arbitration="flag")
    assert flagged.summary.outcome is not None and flagged.summary.outcome.decision == "approval"
    assert any(f.rule == "decision_disputed" for f in flagged.findings)
