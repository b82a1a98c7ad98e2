"""Arbitration: the model's decision stands unless the sentence it cites fails the release's check
or states another decision; a wording the lexicon does not know is no contradiction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import ceplene_answer, corpus_text

from summarizer import Summarizer
from summarizer.errors import ConfigurationError
from summarizer.evaluation import arbitration_counts
from summarizer.grounding import SourceIndex, ground
from summarizer.intake import load
from summarizer.tasks.regulatory.arbitration import (
    arbitrate,
    overrule_unstated,
    replace_misfit_agency,
    replace_unnamed_agency,
)
from summarizer.tasks.regulatory.merge import fill_gaps
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.testing import FakeEndpoint, Reply, answered, gold_answer

DEVICE_RELEASE = (
    "Acme Diagnostics Receives FDA 510(k) Clearance for the QuickSense Glucose Monitor\n\n"
    "BOSTON, March 3, 2025 -- Acme Diagnostics, Inc. today announced that the U.S. Food and "
    "Drug Administration (FDA) has granted 510(k) clearance for the QuickSense Glucose Monitor, "
    "a wearable device for adults with diabetes. The company plans a U.S. launch in the second "
    "half of 2025.\n"
)


def _arbitrated(answer: dict[str, Any], text: str,
                published: dt.date | None = None) -> tuple[RegulatorySummary, list[Any]]:
    summary = ground(RegulatorySummary.model_validate(answer), text)
    findings = arbitrate(summary, Reader(load(text, published=published),
                                         index=SourceIndex(text)))
    return summary, findings


def test_a_decision_the_release_backs_stands(ceplene_text: str) -> None:
    summary, findings = _arbitrated(ceplene_answer(), ceplene_text)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"


def test_a_decision_its_own_sentence_contradicts_gives_way(ceplene_text: str) -> None:
    wrong = ceplene_answer()  # the quote is the negative-opinion sentence
    wrong["outcome"].update(agency="FDA", agency_body="FDA", decision="approval",
                            direction="favorable")
    summary, findings = _arbitrated(wrong, ceplene_text)
    assert summary.outcome is not None
    assert (summary.outcome.decision, summary.outcome.direction) == ("negative_opinion",
                                                                    "unfavorable")
    assert summary.outcome.agency == "EMA"  # the regulator that sentence names
    assert summary.outcome.products[0].name == "Ceplene"  # the model's other fields are kept
    (finding,) = findings
    assert finding.rule == "decision_arbitrated" and "'approval'" in finding.message
    assert finding.start is not None and finding.end is not None
    assert "negative opinion" in ceplene_text[finding.start:finding.end]
    evidence = summary.outcome.evidence
    assert evidence is not None and evidence.match == "exact"


def test_a_decision_without_a_sentence_gives_way_to_the_releases_reading(
    ceplene_text: str,
) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(agency="FDA", agency_body="FDA", decision="approval",
                            direction="favorable", evidence=None)
    summary, findings = _arbitrated(wrong, ceplene_text)
    assert summary.outcome is not None and summary.outcome.decision == "negative_opinion"
    assert summary.outcome.agency == "EMA"
    assert summary.outcome.evidence is not None and "negative opinion" in (
        summary.outcome.evidence.quote)
    assert "no sentence is quoted" in findings[0].message


def test_a_generic_approval_is_refined_to_the_kind_its_sentence_names() -> None:
    answer = ceplene_answer()
    answer["outcome"].update(
        agency="FDA", agency_body="FDA", decision="approval", direction="favorable",
        evidence={"quote": "the U.S. Food and Drug Administration (FDA) has granted 510(k) "
                           "clearance for the QuickSense Glucose Monitor"},
        application=None,
        products=[{"name": "QuickSense Glucose Monitor", "generic_name": None}],
        indication="diabetes")
    summary, findings = _arbitrated(answer, DEVICE_RELEASE)
    assert summary.outcome is not None and summary.outcome.decision == "clearance"
    assert summary.outcome.agency == "FDA"
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "says '510(k)'" in findings[0].message


def test_a_non_event_keeps_its_product_but_loses_the_decision() -> None:
    text = corpus_text("d17")  # Phase 2 results: no regulator acted
    answer = ceplene_answer()
    answer["outcome"].update(agency="FDA", agency_body="FDA", decision="approval",
                             direction="favorable", evidence=None,
                             products=[{"name": "petrelintide", "generic_name": None}],
                             indication="obesity")
    summary, findings = _arbitrated(answer, text)
    assert summary.is_regulatory_event is False
    outcome = summary.outcome
    assert outcome is not None
    assert (outcome.decision, outcome.agency, outcome.direction) == ("none", "NONE", "neutral")
    assert outcome.evidence is None and outcome.products[0].name == "petrelintide"
    assert findings[0].rule == "decision_arbitrated" and "no regulatory decision" in (
        findings[0].message)


def test_a_vague_agency_is_settled_from_the_decision_sentence(ceplene_text: str) -> None:
    answer = ceplene_answer()
    answer["outcome"].update(agency="OTHER")
    summary, findings = _arbitrated(answer, ceplene_text)
    assert summary.outcome is not None and summary.outcome.agency == "EMA"
    assert [f.rule for f in findings] == ["agency_arbitrated"]


def _summarizer(endpoint: FakeEndpoint, **kwargs: Any) -> Summarizer:
    return Summarizer(client=endpoint.client(), model="fake", mode="json", max_reasks=0,
                      max_retry_wait=0.0, **kwargs)


def _answered(text: str, quote: str, agency: str, decision: str) -> Any:
    """The pipeline's result for an answer of ``agency`` and ``decision`` quoting ``quote``."""
    return answered(text, gold_answer({"is_regulatory_event": True, "agency": agency,
                                       "decision": decision, "direction": "neutral"}, quote))


def test_the_pipeline_arbitrates_and_reports_it(ceplene_text: str) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    result = _summarizer(FakeEndpoint([Reply.answer(wrong)])).summarize(ceplene_text)
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "negative_opinion"
    assert "decision_arbitrated" in {f.rule for f in result.findings}
    # what the rules say afterwards concerns the arbitrated answer: no decision conflict left
    assert "decision_cue_conflict" not in {f.rule for f in result.findings}


def test_arbitration_can_be_switched_off(ceplene_text: str) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    result = _summarizer(FakeEndpoint([Reply.answer(wrong)]), arbitrate=False).summarize(
        ceplene_text)
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "approval"
    assert "decision_arbitrated" not in {f.rule for f in result.findings}


def test_the_rules_summary_is_built_only_to_overrule_or_fill(ceplene_text: str) -> None:
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    summary = ground(RegulatorySummary.model_validate(ceplene_answer()), ceplene_text)
    assert arbitrate(summary, fallback) == []
    assert "summary" not in vars(fallback)  # a backed answer: the reading suffices
    summary.next_steps = []
    assert "next_steps" in fill_gaps(summary, fallback) and "summary" in vars(fallback)
    assert summary.next_steps == fallback.summary.next_steps


def test_gap_filling_adds_what_the_model_left_out_and_nothing_it_said(
        ceplene_text: str) -> None:
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    summary = ground(RegulatorySummary.model_validate(ceplene_answer()), ceplene_text)
    mine = summary.rationale[0].evidence
    assert mine is not None
    filled = fill_gaps(summary, fallback)
    added = [r for r in summary.rationale[1:]]
    assert filled[: len(added)] == [f"rationale[{i}]" for i in range(1, len(added) + 1)]
    assert added and all(r.evidence is not None and r.evidence.quote not in mine.quote
                         and mine.quote not in r.evidence.quote for r in added)
    # the model's next step stays first; the sentence its quote lies in is not added again
    assert summary.next_steps[0].timing == "within 60 days"
    first = summary.next_steps[0].evidence
    assert first is not None and len(summary.next_steps) > 1
    assert all(s.evidence is not None and first.quote not in s.evidence.quote
               for s in summary.next_steps[1:])
    assert fill_gaps(summary, fallback) == []  # what it added is covered now


def test_gap_filling_gives_a_step_without_timing_the_one_its_sentence_writes(
        ceplene_text: str) -> None:
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    summary = ground(RegulatorySummary.model_validate(ceplene_answer()), ceplene_text)
    step = summary.next_steps[0]
    step.timing, step.due_date = None, None
    ruled = next(s for s in fallback.summary.next_steps if s.timing and s.evidence is not None
                 and step.evidence is not None and step.evidence.quote in s.evidence.quote)
    assert "next_steps[0].timing" in fill_gaps(summary, fallback)
    assert summary.next_steps[0].timing == ruled.timing
    assert summary.next_steps[0].action == step.action  # the model's step, not replaced


FEEDBACK_RELEASE = (
    "Zoral Therapeutics Announces Alignment with FDA on Phase 3 Program for ZRX-5\n\n"
    "BOSTON, March 3, 2025 -- Zoral Therapeutics, Inc. today announced that it has received the "
    "final minutes of its End-of-Phase 2 meeting with the U.S. Food and Drug Administration (FDA), "
    "in which the FDA agreed with the proposed design of the Phase 3 trial of ZRX-5 in adults with "
    "chronic cough and confirmed that one positive trial could support a New Drug Application. "
    "\"We are delighted with this clear and constructive feedback,\" said the Chief Executive "
    "Officer. The company plans to start the Phase 3 trial in the second half of 2025.\n"
)


def _feedback_answer(decision: str, direction: str) -> RegulatorySummary:
    data = ceplene_answer()
    data["outcome"].update(
        agency="FDA", agency_body="FDA", decision=decision, direction=direction,
        products=[{"name": "ZRX-5", "generic_name": None}], indication="chronic cough",
        application="NDA", evidence={"quote": "the FDA agreed with the proposed design of the "
                                              "Phase 3 trial of ZRX-5"})
    data["rationale"], data["next_steps"] = [], []
    data["sentiment"]["evidence"] = None
    return ground(RegulatorySummary.model_validate(data), FEEDBACK_RELEASE)


def test_gap_filling_gives_a_direction_left_neutral_the_one_the_wording_decides() -> None:
    fallback = Reader(load(FEEDBACK_RELEASE), index=SourceIndex(FEEDBACK_RELEASE))
    assert fallback.summary.outcome is not None
    assert fallback.summary.outcome.direction == "favorable"  # the release's reading
    summary = _feedback_answer("regulatory_feedback", "neutral")
    assert "outcome.direction" in fill_gaps(summary, fallback)
    assert summary.outcome is not None and summary.outcome.direction == "favorable"


@pytest.mark.parametrize(("decision", "direction"), [
    ("regulatory_feedback", "unfavorable"),  # a direction the model gave is its call
    ("other", "neutral"),  # the release reads another decision: nothing to fill from
])
def test_gap_filling_leaves_a_direction_the_model_gave_or_the_release_does_not_read(
        decision: str, direction: str) -> None:
    fallback = Reader(load(FEEDBACK_RELEASE), index=SourceIndex(FEEDBACK_RELEASE))
    summary = _feedback_answer(decision, direction)
    summary.sentiment.label = "neutral"  # no sign of the model's own to go by either
    assert "outcome.direction" not in fill_gaps(summary, fallback)
    assert summary.outcome is not None and summary.outcome.direction == direction



FLAT_FEEDBACK_RELEASE = (
    "Zoral Therapeutics Reports Written Responses from FDA on ZRX-5\n\n"
    "BOSTON, March 3, 2025 -- Zoral Therapeutics, Inc. today reported that it has received "
    "written responses from the U.S. Food and Drug Administration (FDA) to its Type C meeting "
    "questions on the ZRX-5 program in chronic cough. The company will share details with its "
    "quarterly report.\n"
)


@pytest.mark.parametrize(("decision", "sentiment", "direction"), [
    ("regulatory_feedback", "positive", "favorable"),
    ("other", "negative", "unfavorable"),
    ("regulatory_feedback", "mixed", "neutral"),  # a mixed sentiment has no sign to give
    ("submission", "positive", "neutral"),  # the taxonomy's direction for a submission
])
def test_a_direction_nothing_in_the_release_decides_takes_the_sign_of_the_sentiment(
        decision: str, sentiment: str, direction: str) -> None:
    fallback = Reader(load(FLAT_FEEDBACK_RELEASE), index=SourceIndex(FLAT_FEEDBACK_RELEASE))
    ruled = fallback.summary.outcome
    assert ruled is None or ruled.direction == "neutral"  # the wording decides nothing
    data = ceplene_answer()
    data["outcome"].update(
        agency="FDA", agency_body="FDA", decision=decision, direction="neutral",
        products=[{"name": "ZRX-5", "generic_name": None}], indication="chronic cough",
        application=None, evidence={"quote": "it has received written responses from the U.S. "
                                             "Food and Drug Administration (FDA)"})
    data["rationale"], data["next_steps"] = [], []
    data["sentiment"].update(label=sentiment, evidence=None)
    summary = ground(RegulatorySummary.model_validate(data), FLAT_FEEDBACK_RELEASE)
    filled = fill_gaps(summary, fallback)
    assert summary.outcome is not None and summary.outcome.direction == direction
    assert ("outcome.direction" in filled) == (direction != "neutral")


RESUBMISSION_RELEASE = (
    "Zoral Pharma Resubmits New Drug Application for ZRX-5 to the U.S. FDA\n\n"
    "MUMBAI, March 3, 2025 -- Zoral Pharma Limited today announced that it has resubmitted its "
    "New Drug Application for ZRX-5, a transdermal patch for acute migraine, to the U.S. Food and "
    "Drug Administration (FDA), addressing the manufacturing issues the agency raised last year. "
    "The company expects the FDA to classify the resubmission as a Class 2 response.\n\n"
    "\"The issues raised in the CRL were about how we make the patch, not whether it works,\" "
    "said the Managing Director.\n"
)


@pytest.mark.parametrize(("said", "settled"), [("approval", "submission"),
                                               ("submission", "submission")])
def test_an_executives_comment_naming_another_act_gives_way_to_the_releases_own_news(
        said: str, settled: str) -> None:
    data = ceplene_answer()
    data["outcome"].update(agency="FDA", agency_body="FDA", decision=said, direction="neutral",
                           evidence={"quote": "The issues raised in the CRL were about how we "
                                              "make the patch, not whether it works"})
    summary, findings = _arbitrated(data, RESUBMISSION_RELEASE)
    assert summary.outcome is not None and summary.outcome.decision == settled  # not the CRL
    assert [f.rule for f in findings] == (["decision_arbitrated"] if said != settled else [])
    assert all("executive's comment" in f.message for f in findings)


# -- the check is about the cited sentence ------------------------------------------------------

RULING = (
    "Zoral Therapeutics Announces Regulatory Update for ZORVEX\n\nBOSTON, March 3, 2025 -- Zoral "
    "Therapeutics, Inc. today announced that the Ruritanian Medicines Bureau has issued a "
    "Certificate of Pharmaceutical Product Registration for ZORVEX (zorvetinib) in gout. "
    "If approved in the United States, ZORVEX would be the first oral therapy of its kind. "
    "In 2021, the FDA approved the company's first product, ZORLIX.\n\nAbout Zoral\nZoral "
    "Therapeutics, Inc. received FDA approval for ZORLIX in 2021 and markets it in the U.S.\n"
)


def _ruling_answer(quote: str, decision: str = "approval", agency: str = "OTHER") -> dict[str, Any]:
    answer = ceplene_answer()
    answer["outcome"].update(
        evidence={"quote": quote}, agency=agency, agency_body=None, decision=decision,
        direction="favorable", products=[{"name": "ZORVEX", "generic_name": "zorvetinib"}],
        indication="gout", application=None)
    answer["rationale"], answer["next_steps"] = [], []
    answer["sentiment"].update(label="positive", score=0.5, evidence=None)
    return answer


def _gives_way(answer: dict[str, Any], text: str, decision: str,
               published: dt.date | None = None) -> list[Any]:
    """Arbitrate ``answer`` on ``text``: it must give way to ``decision``, its first finding
    saying so; the findings are returned."""
    summary, findings = _arbitrated(answer, text, published)
    assert summary.outcome is not None and summary.outcome.decision == decision
    assert [f.rule for f in findings][:1] == ["decision_arbitrated"]
    return findings


def _stands(answer: dict[str, Any], text: str, decision: str) -> None:
    """Arbitrate ``answer`` on ``text``: it must stand as ``decision``, with no finding."""
    summary, findings = _arbitrated(answer, text)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == decision


def _product_answer(quote: str, decision: str, agency: str, product: tuple[str, str | None],
                    indication: str, **outcome: Any) -> dict[str, Any]:
    """``_ruling_answer`` for the release's own product and indication."""
    answer = _ruling_answer(quote, decision=decision, agency=agency)
    answer["outcome"].update(products=[{"name": product[0], "generic_name": product[1]}],
                             indication=indication, **outcome)
    return answer


def test_a_wording_the_lexicon_does_not_know_is_no_contradiction() -> None:
    quote = ("the Ruritanian Medicines Bureau has issued a Certificate of Pharmaceutical Product "
             "Registration for ZORVEX (zorvetinib) in gout")
    summary, findings = _arbitrated(_ruling_answer(quote), RULING)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == "approval"


@pytest.mark.parametrize(("quote", "state"), [
    ("If approved in the United States, ZORVEX would be the first oral therapy of its kind.",
     "hedged"),
    ("In 2021, the FDA approved the company's first product, ZORLIX.", "an earlier event"),
    ("Therapeutics, Inc. received FDA approval for ZORLIX in 2021 and markets it in the U.S.",
     "boilerplate"),
])
def test_a_hedged_recapped_or_boilerplate_sentence_does_not_back_a_decision(
    quote: str, state: str
) -> None:
    summary, findings = _arbitrated(_ruling_answer(quote, agency="FDA"), RULING)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert state in findings[0].message
    assert summary.is_regulatory_event is False  # the reader sees no decision it knows


def test_an_approval_it_is_subject_to_backs_no_decision() -> None:
    """"Subject to the FDA's approval, we intend to launch ..." states a condition, not an act."""
    quote = "Subject to the FDA's approval, Zoral intends to launch ZORVEX in the United States."
    text = RULING.replace(
        "If approved in the United States, ZORVEX would be the first oral therapy of its kind.",
        quote)
    _, findings = _arbitrated(_ruling_answer(quote, agency="FDA"), text)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "hedged" in findings[0].message


LICENCE = (
    "Zoral Pharma and Kessel Enter License Agreement for ZORVEX\n\nBOSTON, March 3, 2025 -- "
    "Zoral Pharma, Inc. and Kessel Co. today announced a licence agreement for ZORVEX "
    "(zorvetinib) in North America. On February 14, 2025, the Ministry of Health, Labour and "
    "Welfare granted marketing approval to Kessel for ZORVEX in Japan. The Japanese approval was "
    "based on the Phase 3 ZOR-301 study.\n"
)


def test_a_recap_quoted_with_a_mention_after_it_backs_no_decision() -> None:
    """Under a licence's headline, an approval dated weeks back is the deal's background; the
    bare "The Japanese approval was based on ..." after it refers to that act, not another."""
    quote = ("On February 14, 2025, the Ministry of Health, Labour and Welfare granted marketing "
             "approval to Kessel for ZORVEX in Japan. The Japanese approval was based on the "
             "Phase 3 ZOR-301 study.")
    summary = ground(RegulatorySummary.model_validate(_ruling_answer(quote, agency="PMDA")),
                     LICENCE)
    reader = Reader(load(LICENCE, published=dt.date(2025, 3, 3)), index=SourceIndex(LICENCE))
    findings = arbitrate(summary, reader)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "an earlier event" in findings[0].message
    assert summary.is_regulatory_event is False


#: a regulator settled from the quoted sentence: a vague "OTHER" quoting a sentence that names
#: the Commission (by its short name) and the CHMP takes the regulator the release's own sentence
#: for the approval names; the FDA, named in passing in "Following the FDA's approval in 2023,
#: Health Canada has authorised ...", gives way to the one the sentence says acted
_SETTLED_AGENCIES = [
    ("Zoral Pharma Receives European Commission Approval for ZORVEX\n\nBOSTON, March 3, "
     "2025 -- Zoral Pharma, Inc. today announced that the European Commission has granted "
     "marketing authorisation for ZORVEX (zorvetinib) in gout. The Commission decision, "
     "dated 28 February 2025, is valid in all member states of the European Union. It "
     "follows the positive opinion adopted by the CHMP in January.\n",
     "The Commission decision, dated 28 February 2025, is valid in all member states of "
     "the European Union. It follows the positive opinion adopted by the CHMP in January.",
     "OTHER", "EC", ""),
    ("Zoral Pharma Receives Approval in Canada for ZORVEX\n\nTORONTO, March 3, 2025 -- "
     "Zoral Pharma, Inc. today announced that, following the FDA's approval in 2023, "
     "Health Canada has authorised ZORVEX (zorvetinib) for adults with gout.\n",
     "following the FDA's approval in 2023, Health Canada has authorised ZORVEX "
     "(zorvetinib) for adults with gout", "FDA", "HEALTH_CANADA", "as acting"),
]


@pytest.mark.parametrize(("text", "quote", "said", "settled", "why"), _SETTLED_AGENCIES,
                         ids=["vague-agency-named-in-its-sentence", "named-as-acting"])
def test_the_regulator_is_settled_from_what_its_sentence_names(
        text: str, quote: str, said: str, settled: str, why: str) -> None:
    summary, findings = _arbitrated(_ruling_answer(quote, agency=said), text)
    assert summary.outcome is not None
    assert (summary.outcome.decision, summary.outcome.agency) == ("approval", settled)
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert why in findings[0].message


#: the model's "OTHER" beside a body that has a code of its own ("EC"), quoting a sentence that
#: names only the CHMP's earlier opinion: the body it names, which the release's reading backs
EC_APPROVAL = (
    "Zoral Pharma Receives European Commission Approval for ZORVEX\n\nBOSTON, March 3, 2025 -- "
    "Zoral Pharma, Inc. today announced that the European Commission (EC) has granted marketing "
    "authorisation for ZORVEX (zorvetinib) in gout. The EC decision follows the positive "
    "opinion adopted by the Committee for Medicinal Products for Human Use (CHMP) of the "
    "European Medicines Agency in January.\n")


@pytest.mark.parametrize("body", ["EC", "European Commission"])
def test_a_vague_agency_takes_the_code_of_the_body_the_model_names(body: str) -> None:
    answer = _ruling_answer("The EC decision follows the positive opinion adopted by the "
                            "Committee for Medicinal Products for Human Use (CHMP) of the "
                            "European Medicines Agency in January.")
    answer["outcome"]["agency_body"] = body
    summary, findings = _arbitrated(answer, EC_APPROVAL)
    assert summary.outcome is not None and summary.outcome.agency == "EC"
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert f"the body it names, {body}," in findings[0].message


def test_a_body_the_releases_reading_does_not_back_leaves_the_vague_agency() -> None:
    # Swissmedic has no code: the model's "OTHER" is right, whatever body it wrote beside it
    text = ("Zoral Pharma Receives Swiss Approval for ZORVEX\n\nZUG, March 3, 2025 -- Zoral "
            "Pharma AG today announced that Swissmedic has approved ZORVEX (zorvetinib) for "
            "adults with gout. The European Medicines Agency is reviewing the same file.\n")
    answer = _ruling_answer("Zoral Pharma AG today announced that Swissmedic has approved ZORVEX "
                            "(zorvetinib) for adults with gout.")
    answer["outcome"]["agency_body"] = "EMA"
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None and summary.outcome.agency == "OTHER"
    assert not [f for f in findings if "the body it names" in f.message]


REVIEW_STEPS = (
    "Zoral Pharma Provides Regulatory Update on ZORVEX\n\nBOSTON, March 3, 2025 -- Zoral "
    "Pharma, Inc. today announced that the U.S. Food and Drug Administration has accepted the "
    "Biologics License Application for ZORVEX (zorvetinib) and granted it Priority Review. "
    "Separately, the European Medicines Agency has validated the Marketing Authorisation "
    "Application for ZORVEX. The FDA has also extended the PDUFA goal date for the company's "
    "second product, ZORLIX, by three months.\n"
)


@pytest.mark.parametrize(("quote", "said", "settled"), [
    # the sentence states the kind the model's is often stated with, and not the model's
    ("the European Medicines Agency has validated the Marketing Authorisation Application for "
     "ZORVEX", "designation", "filing_accepted"),
    ("The FDA has also extended the PDUFA goal date for the company's second product, ZORLIX, "
     "by three months.", "regulatory_feedback", "review_extension"),
    # both stated: an acceptance with priority review is the acceptance
    ("the U.S. Food and Drug Administration has accepted the Biologics License Application for "
     "ZORVEX (zorvetinib) and granted it Priority Review", "designation", "filing_accepted"),
    ("the U.S. Food and Drug Administration has accepted the Biologics License Application for "
     "ZORVEX (zorvetinib) and granted it Priority Review", "filing_accepted", "filing_accepted"),
], ids=["validated-not-designated", "extended-not-feedback", "acceptance-with-priority-review",
        "acceptance-kept"])
def test_a_kind_stated_together_with_another_is_the_one_its_sentence_states(
        quote: str, said: str, settled: str) -> None:
    summary, findings = _arbitrated(_ruling_answer(quote, decision=said, agency="FDA"),
                                    REVIEW_STEPS)
    assert summary.outcome is not None and summary.outcome.decision == settled
    assert ("decision_arbitrated" in [f.rule for f in findings]) == (said != settled)


APPROVAL_WITH_ORPHAN_STATUS = (
    "Halvor Bio Receives EU Approval for TRENZIA\n\nAMSTERDAM, 3 March 2025 -- Halvor Bio N.V. "
    "today announced that the European Commission has granted marketing authorisation for "
    "TRENZIA (pexomilast) in Gaucher disease and confirmed its orphan designation, which brings "
    "ten years of market exclusivity. Separately, the FDA has granted Orphan Drug Designation to "
    "HB-12 for Fabry disease.\n"
)


_AUTHORISED_WITH_ORPHAN_STATUS = (
    "the European Commission has granted marketing authorisation for TRENZIA (pexomilast) in "
    "Gaucher disease and confirmed its orphan designation")


@pytest.mark.parametrize(("quote", "agency", "said", "settled"), [
    # the orphan designation an approval confirms is part of the approval, not a designation
    (_AUTHORISED_WITH_ORPHAN_STATUS, "EC", "designation", "approval"),
    (_AUTHORISED_WITH_ORPHAN_STATUS, "EC", "approval", "approval"),
    # a designation its own sentence grants stands
    ("the FDA has granted Orphan Drug Designation to HB-12 for Fabry disease", "FDA",
     "designation", "designation"),
], ids=["orphan-status-of-an-approval", "approval-kept", "designation-granted-kept"])
def test_a_kind_that_comes_with_an_act_its_sentence_states_is_that_act(
        quote: str, agency: str, said: str, settled: str) -> None:
    summary, findings = _arbitrated(_ruling_answer(quote, decision=said, agency=agency),
                                    APPROVAL_WITH_ORPHAN_STATUS)
    assert summary.outcome is not None and summary.outcome.decision == settled
    assert ("decision_arbitrated" in [f.rule for f in findings]) == (said != settled)


def test_flag_reports_and_changes_nothing(ceplene_text: str) -> None:
    wrong = ceplene_answer()
    wrong["outcome"].update(decision="approval", direction="favorable")
    summary = ground(RegulatorySummary.model_validate(wrong), ceplene_text)
    findings = arbitrate(summary, Reader(load(ceplene_text)), "flag")
    assert [f.rule for f in findings] == ["decision_disputed"]
    assert "not changed" in findings[0].message
    assert summary.outcome is not None and summary.outcome.decision == "approval"
    assert arbitrate(summary, Reader(load(ceplene_text)), "off") == []


def test_the_policy_is_a_setting_with_a_default_per_backend() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())])
    assert _summarizer(endpoint).arbitration == "overrule"
    assert _summarizer(endpoint, arbitration="flag").arbitration == "flag"
    assert _summarizer(endpoint, arbitrate=False).arbitration == "off"
    assert Summarizer("rules").arbitration == "off"
    with pytest.raises(ConfigurationError, match="arbitration must be one of"):
        _summarizer(endpoint, arbitration="veto")


def test_eval_counts_what_arbitration_did() -> None:
    def record(decision: str, rules: list[str]) -> dict[str, Any]:
        return {"meta": {"backend": "local"}, "findings": [{"rule": r} for r in rules],
                "summary": {"is_regulatory_event": decision != "none",
                            "outcome": {"decision": decision}}}

    records = [record("approval", []), record("clearance", []),
               record("negative_opinion", ["decision_arbitrated"]),
               record("approval", ["decision_arbitrated"]),
               record("approval", ["decision_disputed"]),
               {"meta": {"backend": "rules"}, "summary": {"is_regulatory_event": False}}]
    golds = [{"decision": d} for d in ("approval", "approval", "negative_opinion", "clearance",
                                       "submission", "none")]
    assert arbitration_counts(records, golds) == {
        "kept": 2, "kept_wrong": 1, "overruled_right": 1, "overruled_wrong": 1,
        "flagged_right": 0, "flagged_wrong": 1}
    assert arbitration_counts(records[-1:], golds[-1:]) == {}


def test_a_regulator_the_release_never_names_gives_way_once_the_corrections_are_spent() -> None:
    text = corpus_text("d01")
    answer = ceplene_answer()
    answer["outcome"].update(agency="MHRA", agency_body="MHRA")
    answer["outcome"]["evidence"] = {"quote": "not in this release at all"}  # names no one
    summary = ground(RegulatorySummary.model_validate(answer), text)
    reader = Reader(load(text), index=SourceIndex(text))
    findings = replace_unnamed_agency(summary, reader)
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.agency_body) == ("EMA", "CHMP")
    assert [f.rule for f in findings] == ["agency_arbitrated"] and "MHRA" in findings[0].message
    # a regulator the release does name is the model's call, never replaced here
    summary.outcome.agency, summary.outcome.agency_body = "EMA", "the Commission"
    assert replace_unnamed_agency(summary, reader) == []
    assert summary.outcome.agency_body == "the Commission"


def test_the_pipeline_replaces_an_unnamed_regulator_the_model_kept() -> None:
    text = corpus_text("d01")
    answer = ceplene_answer()
    answer["outcome"].update(agency="MHRA", agency_body=None)
    answer["outcome"]["evidence"] = {"quote": "not in this release at all"}
    for policy, agency, trim, reasks in (("overrule", "EMA", True, 0), ("off", "MHRA", True, 1),
                                         ("overrule", "EMA", False, 1)):
        endpoint = FakeEndpoint([Reply.answer(answer)], repeat_last=True)
        result = Summarizer(client=endpoint.client(), model="fake", mode="json", max_reasks=1,
                            arbitration=policy, trim_quotes=trim).summarize(
            text, published="2008-03-20")
        assert result.summary is not None and result.summary.outcome is not None
        assert result.summary.outcome.agency == agency, policy
        # the quote trimmed to the release's decision sentence settles it before any re-ask;
        # kept as written, the model is asked first
        assert result.usage.reasks == reasks, (policy, trim)


CANADA = (
    "Velora Pharma Receives Notice of Compliance from Health Canada for VELTRA\n\nTORONTO, "
    "May 6, 2025 -- Velora Pharma Inc. today announced that Health Canada has issued a Notice "
    "of Compliance for VELTRA (veltrasib) for adults with plaque psoriasis. VELTRA was approved "
    "by the U.S. Food and Drug Administration (FDA) in 2023. The company plans to launch VELTRA "
    "in Canada in the third quarter of 2025.\n"
)


def test_a_regulator_the_decision_sentence_does_not_name_gives_way_to_the_one_it_does() -> None:
    quote = "Health Canada has issued a Notice of Compliance for VELTRA (veltrasib)"
    answer = _ruling_answer(quote, agency="FDA")
    answer["outcome"].update(products=[{"name": "VELTRA", "generic_name": "veltrasib"}],
                             indication="plaque psoriasis")
    summary, findings = _arbitrated(answer, CANADA)
    assert summary.outcome is not None and summary.outcome.agency == "HEALTH_CANADA"
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "'FDA'" in findings[0].message
    # the regulator the sentence names stands (a committee or a body written another way too)
    answer["outcome"]["agency"] = "HEALTH_CANADA"
    summary, findings = _arbitrated(answer, CANADA)
    assert summary.outcome is not None and summary.outcome.agency == "HEALTH_CANADA"
    assert findings == []


CRL = (
    "Orbix Bio Receives Complete Response Letter from FDA for ORBANEX\n\nCAMBRIDGE, Mass., "
    "June 2, 2025 -- Orbix Bio, Inc. today announced that the U.S. Food and Drug "
    "Administration (FDA) issued a Complete Response Letter for its New Drug Application for "
    "ORBANEX (orbanexil) in migraine. The agency's letter concludes the review of the "
    "application. Orbix plans to meet with the FDA in the third quarter.\n"
)


def _crl_answer(quote: str, decision: str) -> dict[str, Any]:
    answer = _ruling_answer(quote, decision=decision, agency="FDA")
    answer["outcome"].update(products=[{"name": "ORBANEX", "generic_name": "orbanexil"}],
                             indication="migraine")
    return answer


def test_a_headline_stating_another_decision_asks_again_when_nothing_states_the_models() -> None:
    from summarizer.tasks.regulatory.arbitration import front_contradicts

    reader = Reader(load(CRL), index=SourceIndex(CRL))
    unread = ground(RegulatorySummary.model_validate(_crl_answer(
        "The agency's letter concludes the review of the application.", "approval")), CRL)
    assert front_contradicts(unread, reader)
    rules = [f for f in Summarizer(client=FakeEndpoint(
        [Reply.answer(_crl_answer("The agency's letter concludes the review of the application.",
                                  "approval"))], repeat_last=True).client(),
        model="fake", mode="json", max_reasks=1, arbitration="off").summarize(CRL).findings
        if f.rule == "decision_cue_conflict"]
    assert rules and rules[0].severity == "error"
    # the model's own decision read in its sentence: no re-ask, whatever the headline says
    stated = ground(RegulatorySummary.model_validate(_crl_answer(
        "the U.S. Food and Drug Administration (FDA) issued a Complete Response Letter",
        "complete_response")), CRL)
    assert not front_contradicts(stated, reader)


TWO_PRODUCTS = (
    "Orbix Bio Provides Regulatory Update\n\nCAMBRIDGE, Mass., June 2, 2025 -- Orbix Bio, Inc. "
    "today announced that it has submitted a Biologics License Application (BLA) to the U.S. "
    "Food and Drug Administration (FDA) for ORBANEX in follicular lymphoma. ORBILIX has a PDUFA "
    "date of December 19, 2025. \"Submitting our second BLA is a milestone for Orbix and we "
    "look forward to working with the FDA,\" said the Chief Executive Officer.\n"
)


def test_an_unstated_decision_gives_way_though_the_front_holds_two_other_ones() -> None:
    # the front states a submission and a PDUFA date (two other decisions, not settling which
    # is the news) and nothing states the model's approval: asked again, and once the
    # corrections are spent, the reader's decision replaces it
    from summarizer.tasks.regulatory.arbitration import front_contradicts

    reader = Reader(load(TWO_PRODUCTS), index=SourceIndex(TWO_PRODUCTS))
    assert not reader.reading.unambiguous
    quote = ("\"Submitting our second BLA is a milestone for Orbix and we look forward to working "
             "with the FDA,\" said the Chief Executive Officer.")
    unread = ground(RegulatorySummary.model_validate(_crl_answer(quote, "approval")),
                    TWO_PRODUCTS)
    assert front_contradicts(unread, reader, unambiguous=False)
    assert not front_contradicts(unread, reader)  # the headline does not settle it
    findings = overrule_unstated(unread, reader)
    assert [f.rule for f in findings][:1] == ["decision_arbitrated"]
    assert unread.outcome is not None and unread.outcome.decision == reader.reading.decision
    submitted = ground(RegulatorySummary.model_validate(_crl_answer(quote, "submission")),
                       TWO_PRODUCTS)
    assert not front_contradicts(submitted, reader, unambiguous=False)


ACCELERATED = (
    "FDA Grants Accelerated Approval to NEVORA for Biliary Cancer\n\nBOSTON, April 8, 2025 -- "
    "Nevora Bio, Inc. today announced that the U.S. Food and Drug Administration (FDA) has "
    "granted accelerated approval to NEVORA (nevoratinib) for adults with biliary tract cancer. "
    "Continued approval may be contingent on a confirmatory trial. The approval is based on the "
    "response rate in the NOVA-2 study.\n"
)


@pytest.mark.parametrize("quote", [None, "The FDA approved NEVORA for biliary cancer today."])
def test_a_generic_answer_without_its_sentence_gives_way_to_the_kind_the_front_states(
        quote: str | None) -> None:
    answer = _ruling_answer("x", agency="FDA")
    answer["outcome"].update(evidence={"quote": quote} if quote else None,
                             products=[{"name": "NEVORA", "generic_name": "nevoratinib"}])
    summary, findings = _arbitrated(answer, ACCELERATED)
    assert summary.outcome is not None and summary.outcome.decision == "accelerated_approval"
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "reports 'accelerated_approval'" in findings[0].message
    # its own sentence quoted, naming the act only in the generic word ("The approval is
    # based on ..."): that word refers to the act the headline names, of the specific kind
    answer["outcome"]["evidence"] = {"quote": "The approval is based on the response rate in "
                                              "the NOVA-2 study."}
    summary, findings = _arbitrated(answer, ACCELERATED)
    assert summary.outcome is not None and summary.outcome.decision == "accelerated_approval"
    assert "states the decision only generically" in findings[0].message


def test_a_tone_quote_the_release_does_not_hold_goes_and_its_label_stays(
        ceplene_text: str) -> None:
    answer = ceplene_answer()
    answer["sentiment"]["label"] = "neutral"  # no sentence reads neutral to put in its place
    answer["sentiment"]["evidence"] = {"quote": "Shareholders were thrilled beyond words by the "
                                                "outcome of the meeting."}
    for trim, kept in ((True, False), (False, True)):
        endpoint = FakeEndpoint([Reply.answer(answer)], repeat_last=True)
        result = Summarizer(client=endpoint.client(), model="fake", mode="json", max_reasks=0,
                            trim_quotes=trim).summarize(ceplene_text, published="2008-03-20")
        assert result.summary is not None and result.summary.sentiment.label == "neutral"
        assert (result.summary.sentiment.evidence is not None) is kept, trim
        assert ("unquoted_quote_dropped" in {f.rule for f in result.findings}) is not kept


def test_a_reason_whose_quote_stays_out_of_the_release_is_dropped(ceplene_text: str) -> None:
    answer = ceplene_answer()
    answer["rationale"][0]["evidence"] = {"quote": "The committee found the trial perfectly "
                                                   "designed in every single respect."}
    for trim, kept in ((True, False), (False, True)):
        endpoint = FakeEndpoint([Reply.answer(answer)], repeat_last=True)
        result = Summarizer(client=endpoint.client(), model="fake", mode="json", max_reasks=0,
                            trim_quotes=trim).summarize(ceplene_text, published="2008-03-20")
        assert result.summary is not None
        quotes = [r.evidence.quote for r in result.summary.rationale if r.evidence]
        assert any("perfectly designed" in q for q in quotes) is kept, trim
        rules = {f.rule for f in result.findings}
        assert ("unquoted_item_dropped" in rules) is not kept
        if not kept:  # what the release does state comes in its place, quoted
            assert result.summary.rationale and all(
                r.evidence is not None and r.evidence.match != "none"
                for r in result.summary.rationale)
            assert "evidence_grounded" not in {f.rule for f in result.findings
                                              if (f.path or "").startswith("rationale")}


def test_a_decision_its_regulator_never_takes_gives_way_to_the_releases_reading() -> None:
    text = corpus_text("d08")  # an FDA meeting on a PMA application
    quote = ("This meeting has provided the company with certainty on how to address the "
             "deficiencies, with many of the issues already having been resolved.")
    answer = _ruling_answer(quote, decision="positive_opinion", agency="FDA")
    answer["outcome"].update(products=[{"name": "CelluSTAT", "generic_name": None}])
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None and summary.outcome.decision == "regulatory_feedback"
    assert "does not take 'positive_opinion'" in findings[0].message
    # the same regulator with a decision it does take is the model's call
    answer["outcome"]["decision"] = "regulatory_feedback"
    summary, findings = _arbitrated(answer, text)
    assert findings == [] and summary.outcome is not None


def test_a_decision_kept_through_the_reask_that_nothing_states_gives_way_to_the_headline() -> None:
    unread = _crl_answer("The agency's letter concludes the review of the application.",
                         "approval")
    for policy, decision in (("overrule", "complete_response"), ("off", "approval")):
        endpoint = FakeEndpoint([Reply.answer(unread)], repeat_last=True)
        result = Summarizer(client=endpoint.client(), model="fake", mode="json", max_reasks=1,
                            arbitration=policy).summarize(CRL)
        assert result.summary is not None and result.summary.outcome is not None
        assert result.summary.outcome.decision == decision, policy
        assert result.usage.reasks == 1  # asked first, in both
        if policy == "overrule":
            arbitrated = [f for f in result.findings if f.rule == "decision_arbitrated"]
            assert arbitrated and "nothing in it states 'approval'" in arbitrated[0].message


FRANCE = (
    "Lumora Bio Announces Lifting of Clinical Hold on LUM-101 Trial in France\n\nPARIS, June 3, "
    "2025 -- Lumora Bio SA today announced that the French National Agency for the Safety of "
    "Medicines and Health Products (ANSM) has lifted the clinical hold on its Phase 2 trial of "
    "LUM-101 in Crohn's disease. Dosing will resume in the third quarter of 2025. The company "
    "plans to discuss a U.S. trial with the FDA next year.\n"
)


def _france_answer(quote: str, agency: str) -> dict[str, Any]:
    answer = _ruling_answer(quote, decision="hold_lifted", agency=agency)
    answer["outcome"].update(products=[{"name": "LUM-101", "generic_name": None}])
    return answer


def test_an_unnamed_regulator_gives_way_to_one_the_vocabulary_does_not_know() -> None:
    quote = ("the French National Agency for the Safety of Medicines and Health Products (ANSM) "
             "has lifted the clinical hold on its Phase 2 trial of LUM-101")
    summary = ground(RegulatorySummary.model_validate(_france_answer(quote, "MHRA")), FRANCE)
    findings = replace_unnamed_agency(summary, Reader(load(FRANCE), index=SourceIndex(FRANCE)))
    assert summary.outcome is not None  # the reader's act, by a regulator it does not know;
    assert (summary.outcome.agency, summary.outcome.agency_body) == ("OTHER", "ANSM")  # not FDA
    assert "ANSM" in findings[0].message


def test_a_decision_sentence_naming_no_regulator_takes_the_one_the_releases_names() -> None:
    summary, findings = _arbitrated(
        _france_answer("Dosing will resume in the third quarter of 2025.", "FDA"), FRANCE)
    # the release's own sentence for the same decision names ANSM, which has no code of its
    # own: "OTHER" (the FDA is named only for next year's plans)
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.agency_body) == ("OTHER", "ANSM")
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    quote = "Velora Pharma Inc. today announced that VELTRA is now available to patients."
    text = CANADA.replace("The company plans", quote.replace("Velora Pharma Inc. ", "It ")
                          + " The company plans")
    answer = _ruling_answer("It today announced that VELTRA is now available to patients.",
                            agency="FDA")
    answer["outcome"].update(products=[{"name": "VELTRA", "generic_name": "veltrasib"}])
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None and summary.outcome.agency == "HEALTH_CANADA"
    assert [f.rule for f in findings] == ["agency_arbitrated"]


def test_a_decision_sentence_naming_a_regulator_without_a_code_settles_other() -> None:
    # the model's own sentence names ANSM (no code of its own) and not the MHRA it answered
    quote = ("the French National Agency for the Safety of Medicines and Health Products (ANSM) "
             "has lifted the clinical hold on its Phase 2 trial of LUM-101")
    text = FRANCE.replace("plans to discuss a U.S. trial with the FDA",
                          "plans to discuss a U.K. trial with the MHRA")
    summary, findings = _arbitrated(_france_answer(quote, "MHRA"), text)
    assert summary.outcome is not None and summary.outcome.agency == "OTHER"
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "ANSM" in findings[0].message


PROVISIONAL = (
    "Harlow Bio Receives Provisional Registration for ZORVEX in Australia\n\nSYDNEY, 5 May 2025 -- "
    "Harlow Bio Ltd today announced that the Therapeutic Goods Administration (TGA) has granted "
    "provisional registration of ZORVEX (zorvetinib) for adults with refractory gout. The TGA's "
    "decision rests on the ZORA-2 study, in which 61% of patients reached the urate target. "
    "Harlow will launch ZORVEX in the third quarter of 2025.\n"
)


DEVICE_REGISTRATION = (
    "Zoral Medical Receives ANVISA Registration for ZORVEX Stent\n\nSAO PAULO, 5 May 2025 -- "
    "Zoral Medical Ltd. today announced that Brazil's National Health Surveillance Agency "
    "(ANVISA) has granted registration of the ZORVEX stent as a Class IV medical device for "
    "intracranial aneurysms. ANVISA's decision followed its review of the ZORA-2 study, in which "
    "88% of aneurysms were occluded at one year. Zoral plans to seek FDA approval in 2027.\n"
)


@pytest.mark.parametrize(("text", "quote", "said", "settled"), [
    (PROVISIONAL, "The TGA's decision rests on the ZORA-2 study", "TGA",
     ("TGA", "accelerated_approval")),
    # a device registered "as a Class IV medical device" names its kind as explicitly
    (DEVICE_REGISTRATION, "ANVISA's decision followed its review of the ZORA-2 study", "FDA",
     ("OTHER", "clearance")),
], ids=["provisional-registration", "device-registration"])
def test_a_generic_answer_citing_no_decision_takes_the_specific_kind_stated_up_front(
        text: str, quote: str, said: str, settled: tuple[str, str]) -> None:
    summary, findings = _arbitrated(_ruling_answer(quote, agency=said), text)
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.decision) == settled
    assert "the specific kind" in findings[0].message


#: a lead whose first sentence says "approved" and whose second names the pathway of that act
PATHWAY_LEAD = (
    "Quellan Bio Announces FDA Approval of TAVRIZ\n\nSEATTLE, March 3, 2026 -- Quellan Bio, "
    "Inc. today announced that the U.S. Food and Drug Administration has approved TAVRIZ "
    "(tavrizumab) for adults with relapsed follicular lymphoma. TAVRIZ was approved under the "
    "accelerated approval pathway based on the response rate in the TAV-2 study.\n"
)


@pytest.mark.parametrize(("quote", "settled"), [
    # the lead's opening sentence says only "has approved": the next names the act's kind
    ("Quellan Bio, Inc. today announced that the U.S. Food and Drug Administration has "
     "approved TAVRIZ (tavrizumab) for adults with relapsed follicular lymphoma.",
     "accelerated_approval"),
    # the headline's generic "FDA Approval" is as generic
    ("Quellan Bio Announces FDA Approval of TAVRIZ", "accelerated_approval"),
])
def test_a_generic_answer_its_sentence_states_generically_takes_the_kind_the_lead_names(
        quote: str, settled: str) -> None:
    findings = _gives_way(_product_answer(quote, "approval", "FDA", ("TAVRIZ", "tavrizumab"),
                                          "follicular lymphoma"), PATHWAY_LEAD, settled)
    assert len(findings) == 1 and "only generically" in findings[0].message


def test_a_generic_answer_stands_when_nothing_up_front_names_another_kind() -> None:
    text = PATHWAY_LEAD.replace("under the accelerated approval pathway ", "")
    quote = ("Quellan Bio, Inc. today announced that the U.S. Food and Drug Administration has "
             "approved TAVRIZ (tavrizumab) for adults with relapsed follicular lymphoma.")
    summary, findings = _arbitrated(_product_answer(
        quote, "approval", "FDA", ("TAVRIZ", "tavrizumab"), "follicular lymphoma"), text)
    assert findings == [] and summary.outcome is not None
    assert summary.outcome.decision == "approval"


#: a submission, with sentences that name an approval only as hoped for, owed or conditional
SUBMITTED_HOPES = (
    "Norvale Pharma Submits New Drug Application for KELTRA\n\nRALEIGH, N.C., June 2, 2026 -- "
    "Norvale Pharma, Inc. today announced that it has submitted a New Drug Application to the "
    "U.S. Food and Drug Administration for KELTRA (keltrazine) for refractory chronic cough. "
    "The filing is supported by two phase 3 trials, KEL-1 and KEL-2. KELTRA can be approved "
    "only after the validation work at the new filling site is complete. "
    "\"Our objective remains approval of KELTRA in 2027,\" said the chief executive. \"We look "
    "forward to receiving the approval letter, and our launch team is ready to move as soon as "
    "approval is granted. Should KELTRA be approved, it would be the first medicine for these "
    "patients.\"\n"
)


@pytest.mark.parametrize("quote", [
    "KELTRA can be approved only after the validation work at the new filling site is complete.",
    "\"Our objective remains approval of KELTRA in 2027,\" said the chief executive.",
    "\"We look forward to receiving the approval letter, and our launch team is ready to move as "
    "soon as approval is granted.",
    "Should KELTRA be approved, it would be the first medicine for these patients.\"",
], ids=["can-be-approved", "objective", "look-forward-and-as-soon-as", "should-by-inversion"])
def test_an_approval_its_sentence_names_only_as_hoped_for_gives_way(quote: str) -> None:
    assert len(_gives_way(_product_answer(quote, "approval", "FDA", ("KELTRA", "keltrazine"),
                                          "refractory chronic cough"),
                          SUBMITTED_HOPES, "submission")) == 1


#: an MAA validated, with an opinion named only as what would or may come
VALIDATED_MAA = (
    "Halden Bio Provides Regulatory Update on ORVISA\n\n"
    "OSLO, Norway, 9 March 2026 -- Halden Bio ASA today announced that the European Medicines "
    "Agency has validated its marketing authorisation application for ORVISA (orvisertib) for "
    "adults with desmoid tumours, starting the centralised review. A positive opinion would be "
    "followed by a decision of the European Commission. Outside the EU, its marketing "
    "authorisation application is under review by Swissmedic, with an opinion of its expert "
    "committee expected in the first half of 2027.\n"
)


@pytest.mark.parametrize("quote", [
    "A positive opinion would be followed by a decision of the European Commission.",
    "Outside the EU, its marketing authorisation application is under review by Swissmedic, "
    "with an opinion of its expert committee expected in the first half of 2027.",
], ids=["would-after-the-cue", "the-kind-an-application-asks-for-is-no-act"])
def test_an_opinion_its_sentence_names_only_as_to_come_gives_way(quote: str) -> None:
    assert len(_gives_way(_product_answer(quote, "positive_opinion", "EMA",
                                          ("ORVISA", "orvisertib"), "desmoid tumours"),
                          VALIDATED_MAA, "filing_accepted")) == 1


def test_a_sentence_stating_the_models_own_decision_keeps_it_however_specific_the_front() -> None:
    summary, findings = _arbitrated(_ruling_answer(
        "the Therapeutic Goods Administration (TGA) has granted provisional registration of "
        "ZORVEX", decision="accelerated_approval", agency="TGA"), PROVISIONAL)
    assert findings == [] and summary.outcome is not None


def test_gap_filling_gives_a_quote_cut_short_its_whole_sentence(ceplene_text: str) -> None:
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    ruled = next(s for s in fallback.summary.next_steps
                 if s.evidence is not None and len(s.evidence.quote.split()) > 12)
    assert ruled.evidence is not None
    clause = " ".join(ruled.evidence.quote.split()[2:9])  # a piece of the sentence
    data = ceplene_answer()
    data["next_steps"] = [{"actor": "company", "action": "the step", "timing": None,
                           "due_date": None, "evidence": {"quote": clause}}]
    summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
    filled = fill_gaps(summary, fallback)
    assert "next_steps[0].evidence" in filled
    mine = summary.next_steps[0]
    assert mine.action == "the step" and mine.evidence is not None
    assert mine.evidence.quote == ruled.evidence.quote


ACCEPTED_RELEASE = (
    "BLA for ZORVEX Accepted by NMPA with Priority Review\n\n"
    "SHANGHAI, April 14, 2026 -- Zoral Biologics today announced that the Biologics License "
    "Application for ZORVEX, a bispecific antibody, for adults with ovarian cancer, has been "
    "accepted by the National Medical Products Administration (NMPA) and granted priority "
    "review. The CDE had granted Breakthrough Therapy Designation to ZORVEX for the same "
    "indication in March 2025.\n"
)


@pytest.mark.parametrize("agency", ["NMPA", "NOTIFIED_BODY"])
def test_an_earlier_designation_quoted_gives_way_to_todays_acceptance(agency: str) -> None:
    # "designation" may be read with "filing_accepted", but the quoted sentence states it as an
    # earlier event: the release's decision applies. A regulator that never takes that decision
    # (NOTIFIED_BODY) does not spare the sentence its check.
    answer = ceplene_answer()
    answer["outcome"].update(
        agency=agency, agency_body=None, decision="designation", direction="favorable",
        evidence={"quote": "The CDE had granted Breakthrough Therapy Designation to ZORVEX for "
                           "the same indication in March 2025."})
    summary, findings = _arbitrated(answer, ACCEPTED_RELEASE)
    assert summary.outcome is not None
    assert (summary.outcome.decision, summary.outcome.agency) == ("filing_accepted", "NMPA")
    assert findings[0].rule == "decision_arbitrated"
    assert "earlier event" in findings[0].message


_QUARTERLY = (
    "Zoral Therapeutics Quarterly Activities Report\n\n{bullet}BRISBANE, Australia, 30 January "
    "2025 -- Zoral Therapeutics Limited today released its quarterly activities report for the "
    "quarter ended 31 December 2024.\n\nEnrolment in the ZORA-2 study of ZRX-5 gathered pace "
    "and cash stood at A$41 million.\n\n" + "The study enrolled patients at 40 sites in "
    "Australia, Europe and North America during the quarter, and the independent data "
    "monitoring committee met twice. " * 4 + "\n\nChief Executive Officer Jane Roe said: "
    "\"With orphan drug designation in the US in hand for ZRX-5, we are well placed to move "
    "quickly if the data are positive.\"\n"
)


def _orphan_answer() -> dict[str, Any]:
    answer = ceplene_answer()
    answer["outcome"].update(
        agency="FDA", agency_body="FDA", decision="approval", direction="favorable",
        products=[{"name": "ZRX-5", "generic_name": None}], indication="pulmonary fibrosis",
        application=None,
        evidence={"quote": "With orphan drug designation in the US in hand for ZRX-5"})
    answer["rationale"], answer["next_steps"] = [], []
    return answer


def test_a_decision_named_in_passing_in_a_release_of_other_news_is_no_event() -> None:
    text = _QUARTERLY.format(bullet="")
    summary, findings = _arbitrated(_orphan_answer(), text)
    assert summary.outcome is None or not summary.is_regulatory_event
    (finding,) = findings
    assert "other news" in finding.message and "in passing" in finding.message


def test_a_decision_the_front_states_is_read_even_in_a_release_of_other_news() -> None:
    # the same quote, but a subheadline states the designation as today's news
    text = _QUARTERLY.format(bullet="- FDA grants Orphan Drug Designation to ZRX-5\n\n")
    summary, findings = _arbitrated(_orphan_answer(), text)
    assert summary.outcome is not None and summary.is_regulatory_event
    assert summary.outcome.decision == "designation"
    assert [f.rule for f in findings] == ["decision_arbitrated"]


REFUSAL = (
    "European Commission Refuses Marketing Authorisation for ZORVEX\n\nBRUSSELS, 12 May 2025 -- "
    "Zoral Pharma plc today announced that the European Commission has adopted a decision "
    "refusing the marketing authorisation for ZORVEX (zorvetinib) in gout. The decision "
    "follows the negative opinion of the CHMP. \"The CHMP's critique of the size of the effect "
    "has been built into our next trial,\" said the chief executive.\n"
)


def test_a_regulator_that_never_takes_the_decision_gives_way_once_the_corrections_are_spent(
) -> None:
    quote = "The CHMP's critique of the size of the effect has been built into our next trial"
    summary = ground(RegulatorySummary.model_validate(
        _ruling_answer(quote, decision="refusal", agency="EMA")), REFUSAL)
    reader = Reader(load(REFUSAL), index=SourceIndex(REFUSAL))
    findings = replace_misfit_agency(summary, reader)
    assert summary.outcome is not None and summary.outcome.agency == "EC"
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "never takes" in findings[0].message
    # a regulator that does take the decision is the model's call
    assert replace_misfit_agency(summary, reader) == []
    # and without the reader's same decision there is no evidence for another regulator
    summary.outcome.agency, summary.outcome.decision = "EMA", "withdrawal"
    assert replace_misfit_agency(summary, reader) == []


COMMENT = (
    "Zoral Therapeutics Provides Update on ZORVEX\n\nBOSTON, March 3, 2025 -- Zoral "
    "Therapeutics, Inc. today provided an update on ZORVEX (zorvetinib) in gout.\n\n\"The "
    "Ruritanian Medicines Bureau has issued a Certificate of Pharmaceutical Product "
    "Registration for ZORVEX,\" said Dr Ann Zoral, Chief Executive Officer.\n"
)


def test_an_executives_comment_backs_no_act_the_releases_own_sentences_do_not_state() -> None:
    quote = ("The Ruritanian Medicines Bureau has issued a Certificate of Pharmaceutical Product "
             "Registration for ZORVEX")
    summary, findings = _arbitrated(_ruling_answer(quote), COMMENT)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "executive's comment" in findings[0].message
    assert summary.is_regulatory_event is False
    # the same words as the release's own sentence are the model's to read (a wording the
    # lexicon does not know is no contradiction)
    own = COMMENT.replace('"The', "The").replace('ZORVEX," said Dr Ann Zoral, Chief Executive '
                                                 'Officer.', "ZORVEX, the company said.")
    summary, findings = _arbitrated(_ruling_answer(quote), own)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == "approval"


HEADLINE_RELEASE = (
    "Zoral Therapeutics Receives FDA Breakthrough Therapy Designation for ZORVEX\n\n"
    "BOSTON, March 3, 2025 -- Zoral Therapeutics, Inc. today announced that the U.S. Food and "
    "Drug Administration (FDA) has granted Breakthrough Therapy designation to ZORVEX "
    "(zorvetinib) for refractory gout. The FDA has also lifted the partial clinical hold on the "
    "company's study of ZORLIX in chronic kidney disease.\n"
)


def test_an_act_from_further_down_gives_way_to_the_one_the_headline_announces() -> None:
    quote = ("The FDA has also lifted the partial clinical hold on the company's study of ZORLIX "
             "in chronic kidney disease.")
    answer = _ruling_answer(quote, decision="hold_lifted", agency="FDA")
    summary, findings = _arbitrated(answer, HEADLINE_RELEASE)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "headline announces" in findings[0].message
    assert summary.outcome is not None and summary.outcome.decision == "designation"
    assert summary.outcome.evidence is not None and "Breakthrough Therapy designation" in (
        summary.outcome.evidence.quote)


def test_a_headline_that_announces_no_act_leaves_the_models_decision() -> None:
    text = HEADLINE_RELEASE.replace(
        "Zoral Therapeutics Receives FDA Breakthrough Therapy Designation for ZORVEX",
        "Zoral Therapeutics Provides Regulatory Update on ZORVEX")
    quote = ("The FDA has also lifted the partial clinical hold on the company's study of ZORLIX "
             "in chronic kidney disease.")
    _stands(_ruling_answer(quote, decision="hold_lifted", agency="FDA"), text, "hold_lifted")


def test_a_regulator_named_in_an_executives_comment_gives_way_to_the_releases_own() -> None:
    text = ("Zoral Therapeutics Receives EU Orphan Designation for ZORVEX\n\n"
            "LEIDEN, 3 March 2025 -- Zoral Therapeutics B.V. today announced that the European "
            "Commission has granted orphan medicinal product designation to ZORVEX for the "
            "treatment of refractory gout.\n\n"
            "\"Having the designation confirmed by the Commission within a week of the COMP "
            "opinion is a welcome start to the year,\" said Anna de Vries, Chief Executive "
            "Officer of Zoral.\n")
    quote = ("Having the designation confirmed by the Commission within a week of the COMP opinion "
             "is a welcome start to the year,")
    summary, findings = _arbitrated(_ruling_answer(quote, decision="designation", agency="EMA"),
                                    text)
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.decision) == ("EC", "designation")
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "executive's comment" in findings[0].message


def test_an_act_named_as_a_purpose_contradicts_nothing() -> None:
    """"not sufficient ... for the purposes of a full authorization" names what the data were
    for, not an act: it does not turn the model's unfavourable answer into an approval."""
    quote = ("Health Canada indicated that a surrogate endpoint alone was not sufficient to "
             "establish the clinical benefit of ZORVEX for the purposes of a full authorization.")
    text = ("Zoral Provides Regulatory Update on ZORVEX in Canada\n\nTORONTO, March 3, 2025 /CNW/ "
            "- Zoral Pharma Inc. today announced that Health Canada has issued a Notice of "
            f"Non-compliance for its New Drug Submission for ZORVEX in gout. {quote}\n")
    answer = _ruling_answer(quote, decision="negative_opinion", agency="HEALTH_CANADA")
    answer["outcome"]["direction"] = "unfavorable"
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None
    assert (summary.outcome.decision, summary.outcome.direction) == ("negative_opinion",
                                                                    "unfavorable")
    assert "decision_arbitrated" not in [f.rule for f in findings]


RECOMMENDATION = (
    "Zoral Lifesciences Receives SEC Recommendation for ZORVEX\n\nMUMBAI, May 22, 2025 -- Zoral "
    "Lifesciences Limited today announced that the Subject Expert Committee (SEC) of the Central "
    "Drugs Standard Control Organisation has recommended the grant of permission to market "
    "ZORVEX tablets in India. The SEC recommended grant of permission subject to a Phase IV "
    "study whose protocol Zoral submits within three months of approval. The final approval is "
    "to be issued by the Drugs Controller General of India.\n"
)


def test_an_approval_counted_from_or_still_to_be_issued_backs_no_approval() -> None:
    quote = ("The SEC recommended grant of permission subject to a Phase IV study whose protocol "
             "Zoral submits within three months of approval. The final approval is to be issued "
             "by the Drugs Controller General of India.")
    summary, findings = _arbitrated(_ruling_answer(quote), RECOMMENDATION)
    assert summary.outcome is not None and summary.outcome.decision == "positive_opinion"
    assert [f.rule for f in findings][:1] == ["decision_arbitrated"]


APPOINTMENT = (
    "Zoral Therapeutics Appoints Chief Regulatory Officer\n\nBOSTON, Aug. 18, 2025 -- Zoral "
    "Therapeutics, Inc. today announced the appointment of Dr. Ana Ruiz as Chief Regulatory "
    "Officer. She led the regulatory work behind four approvals of gene therapies.\n\n"
    "\"Ana has taken medicines from first regulatory interaction to approval in the United "
    "States, Europe and Japan,\" said the Chief Executive Officer.\n"
)


@pytest.mark.parametrize(("lead_in", "comment"), [
    (len("rapies.\n\n"), True),  # a sliver of the sentence before: the comment alone
    (len("four approvals of gene therapies.\n\n"), False),  # words of it: both are quoted
], ids=["sliver-before", "words-before"])
def test_a_sliver_of_another_sentence_in_a_quotes_window_quotes_no_sentence(
        lead_in: int, comment: bool) -> None:
    from summarizer.tasks.regulatory._decision import read_quote

    reader = Reader(load(APPOINTMENT), index=SourceIndex(APPOINTMENT))
    start = APPOINTMENT.index("\"Ana has taken") - lead_in
    end = APPOINTMENT.index(",\" said")
    assert read_quote(reader.view, start, end).comment is comment


def test_a_paraphrased_comment_whose_window_takes_in_a_sliver_backs_no_decision() -> None:
    quote = ("Dr. Ruiz has taken medicines from first regulatory interaction to approval in the "
             "United States, Europe and Japan")
    grounded = ground(RegulatorySummary.model_validate(_ruling_answer(quote, agency="FDA")),
                      APPOINTMENT)
    evidence = grounded.outcome.evidence if grounded.outcome is not None else None
    assert evidence is not None and evidence.match == "fuzzy" and evidence.start is not None
    assert APPOINTMENT[evidence.start] != "\""  # the window starts in the sentence before
    summary, findings = _arbitrated(_ruling_answer(quote, agency="FDA"), APPOINTMENT)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert summary.is_regulatory_event is False


SUSPENSION = (
    "Zoral Medical: Notified body suspends EU certificate for ZORVEX stent\n\nBERN, 12 February "
    "2025 -- Zoral Medical AG today announced that its notified body has suspended the EU MDR "
    "certificate covering the ZORVEX stent after an audit of its sterilisation process.\n\n"
    "\"We take the notified body's findings seriously and expect to resolve them this year,\" "
    "said the Chief Executive Officer.\n"
)


@pytest.mark.parametrize(("decision", "settled"), [("clearance", "other"), ("other", "other")])
def test_an_executives_comment_stating_no_act_gives_way_to_the_releases_own_news(
        decision: str, settled: str) -> None:
    quote = "We take the notified body's findings seriously and expect to resolve them this year"
    answer = _ruling_answer(quote, decision=decision, agency="NOTIFIED_BODY")
    summary, findings = _arbitrated(answer, SUSPENSION)
    assert summary.outcome is not None and summary.outcome.decision == settled
    # the model's own reading of the release's act stands; another one gives way
    assert [f.rule for f in findings][:1] == (["decision_arbitrated"] if decision != settled
                                               else [])


@pytest.mark.parametrize("agency", ["FDA", "OTHER"])
def test_a_device_approval_a_comment_names_is_coded_as_the_releases_own_regulator_codes_it(
        agency: str) -> None:
    """An executive's comment names the act loosely ("this approval lets us ..."); the
    release's own sentence credits a ministry that registers devices, so a device's approval is
    its clearance, whichever regulator the model named."""
    text = ("Zoral Medical Receives Israeli Ministry of Health Approval for ZORSCAN\n\n"
            "TEL AVIV, Israel, March 3, 2025 -- Zoral Medical Ltd. today announced that the "
            "Israeli Ministry of Health has approved the ZORSCAN home monitoring device for "
            "marketing in Israel. The company plans to submit a 510(k) to the FDA next year.\n\n"
            "\"This approval lets us begin with the clinicians who helped us build ZORSCAN,\" "
            "said Dana Levi, Chief Executive Officer of Zoral.\n")
    quote = "This approval lets us begin with the clinicians who helped us build ZORSCAN,"
    summary, findings = _arbitrated(_ruling_answer(quote, decision="approval", agency=agency),
                                    text)
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.decision) == ("OTHER", "clearance")
    assert findings[0].rule == "decision_arbitrated"
    assert "executive's comment" in findings[0].message


def test_a_device_approval_follows_the_regulator_put_right_for_it() -> None:
    """The model names a regulator the release never mentions; once the one the release names
    replaces it, that regulator's coding of a device's approval applies too (the MHLW's
    approval of a device is its clearance)."""
    text = ("Notice Regarding Receipt of Manufacturing and Marketing Approval for ZORSTENT\n\n"
            "KYOTO, Japan, March 3, 2025 -- Zoral Medical Co., Ltd. announces that on March 2, "
            "2025 it obtained manufacturing and marketing approval from the Ministry of Health, "
            "Labour and Welfare for ZORSTENT, a drug-eluting coronary stent, following review "
            "by the Pharmaceuticals and Medical Devices Agency.\n")
    quote = ("Zoral Medical Co., Ltd. announces that on March 2, 2025 it obtained manufacturing "
             "and marketing approval from the Ministry of Health, Labour and Welfare for "
             "ZORSTENT")
    answer = _ruling_answer(quote, decision="approval", agency="MHRA")
    answer["outcome"].update(products=[{"name": "ZORSTENT", "generic_name": None}],
                             indication=None)
    endpoint = FakeEndpoint([Reply.answer(answer)], repeat_last=True)
    result = Summarizer(client=endpoint.client(), model="fake", mode="json",
                        max_reasks=0).summarize(text, published="2025-03-03")
    assert result.summary is not None and result.summary.outcome is not None
    assert (result.summary.outcome.agency, result.summary.outcome.decision) == ("PMDA",
                                                                                "clearance")
    rules = [f.rule for f in result.findings]
    assert "agency_arbitrated" in rules and "decision_arbitrated" in rules
    assert not [f for f in result.findings if f.severity == "error"], result.findings


#: a model's "no event" against an act the release states only further down its lead, or under
#: a headline of other news: the model may judge it background, and nothing contradicts it
_NO_EVENT_KEPT = [
    ("Brennick Bio Comments on FDA Approval of First Therapy for IgA Nephropathy\n\n"
     "OAKLAND, Calif., May 5, 2025 -- Brennick Bio, Inc. today commented on the U.S. Food and "
     "Drug Administration's decision, announced yesterday by Carrowmore Pharma, to grant "
     "accelerated approval to Velantra for adults with IgA nephropathy. Velantra is the first "
     "medicine approved in the United States for the disease.\n"),
    ("Quillmark Bio Names Dr. Elena Marsh Chief Medical Officer\n\n"
     "DENVER, June 2, 2025 -- Quillmark Bio, Inc. today announced the appointment of Dr. Elena "
     "Marsh as Chief Medical Officer, effective immediately. Quillmark's lead candidate QMB-3 "
     "has received Breakthrough Therapy designation from the U.S. Food and Drug Administration "
     "for chronic pancreatitis.\n"),
    ("Statement from Ferncliff Therapeutics\n\n"
     "AUSTIN, Texas, May 5, 2025 -- Ferncliff Therapeutics, Inc. will present new preclinical "
     "data at an upcoming scientific meeting. The company's partner received approval from the "
     "European Commission for a different product, Lumoria, last week.\n"),
]
#: ... and against the act its headline, its lead's opening sentence or a "today" states
#: (the Ceplene release: its lead's opening sentence, after a "Regulatory News:" label)
_NO_EVENT_OVERRULED = [
    ("Harrowgate Pharma Receives FDA Approval for Solvenzia\n\n"
     "BOSTON, April 2, 2025 -- Harrowgate Pharma, Inc. said that Solvenzia tablets are now "
     "approved in the United States for adults with gout.\n", "approval"),
    ("Harrowgate Pharma Provides Update\n\n"
     "BOSTON, April 2, 2025 -- Harrowgate Pharma, Inc. today announced that the U.S. Food and "
     "Drug Administration has approved Solvenzia tablets for adults with gout.\n", "approval"),
    (corpus_text("d01"), "negative_opinion"),
    # a letter whose feedback the release also tells: which kind is in doubt, not whether an
    # act was announced
    ("Pellworth Therapeutics Provides Update on NDA for Corvalis\n\n"
     "BOSTON, April 2, 2025 -- Pellworth Therapeutics, Inc. today announced that it has received "
     "a complete response letter from the U.S. Food and Drug Administration for its New Drug "
     "Application for Corvalis in tardive dyskinesia. The FDA requested additional clinical data "
     "and indicated that a further study will be needed. The agency also asked for updated "
     "stability data. The FDA advised that the company may request a meeting.\n",
     "complete_response"),
]


@pytest.mark.parametrize("text", _NO_EVENT_KEPT)
def test_no_event_stands_against_an_act_stated_only_further_down(text: str) -> None:
    answer = ceplene_answer()
    answer.update(is_regulatory_event=False, outcome=None)
    summary, findings = _arbitrated(answer, text)
    assert summary.is_regulatory_event is False
    assert not [f for f in findings if f.rule == "decision_arbitrated"]


@pytest.mark.parametrize(("text", "decision"), _NO_EVENT_OVERRULED)
def test_no_event_gives_way_to_an_act_announced_up_front(text: str, decision: str) -> None:
    answer = ceplene_answer()
    answer.update(is_regulatory_event=False, outcome=None)
    summary, findings = _arbitrated(answer, text)
    assert summary.is_regulatory_event is True
    assert summary.outcome is not None and summary.outcome.decision == decision
    assert findings and findings[0].rule == "decision_arbitrated"


#: a regulator named by a short name the reader resolves, or by an instrument only it issues,
#: is named: a model that answers it raises no error and is not overruled
_NAMED_OTHERWISE = [
    ("EU Orphan Designation Granted to Pemvaro\n\n"
     "LYON, France, 3 March 2025 -- Velmoire SA today announced that the Commission has granted "
     "orphan designation to Pemvaro for Wilson's disease, following a positive opinion of the "
     "EMA's Committee for Orphan Medicinal Products.\n", "EC", "designation",
     "the Commission has granted orphan designation"),
    ("Tarnbeck Orthopedics Withdraws PMA Supplement for its Knee System\n\n"
     "MEMPHIS, Tenn., March 3, 2025 -- Tarnbeck Orthopedics, Inc. today announced that it has "
     "withdrawn its PMA supplement for the two-compartment indication of the Strida knee "
     "system.\n", "FDA", "withdrawal", "it has withdrawn its PMA supplement"),
]


@pytest.mark.parametrize(("text", "agency", "decision", "quote"), _NAMED_OTHERWISE)
def test_a_regulator_named_by_a_short_name_or_its_instrument_is_named(
        text: str, agency: str, decision: str, quote: str) -> None:
    result = _answered(text, quote, agency, decision)
    assert result.summary.outcome is not None
    assert (result.summary.outcome.agency, result.summary.outcome.decision) == (agency, decision)
    assert not [f for f in result.findings
                if f.severity == "error" or f.rule.endswith("_arbitrated")]


def test_a_regulator_inferred_where_the_release_names_none_stands_with_a_warning() -> None:
    text = ("Hangzhou Ruiqi Bio's RQ-8 Obtains Implied Approval for Clinical Trials\n\n"
            "HANGZHOU, China, June 9, 2025 -- Hangzhou Ruiqi Biotechnology Co., Ltd. announced "
            "that RQ-8 has obtained implied approval for clinical trials, as the 60-working-day "
            "review period for its IND application ended without objection.\n")
    result = _answered(text, "RQ-8 has obtained implied approval for clinical trials", "NMPA",
                       "trial_authorization")
    assert result.summary.outcome is not None and result.summary.outcome.agency == "NMPA"
    (unnamed,) = [f for f in result.findings if f.rule == "agency_in_source"]
    assert unnamed.severity == "warning" and "names no regulator" in unnamed.message
    assert not [f for f in result.findings if f.rule.endswith("_arbitrated")]


def test_a_regulator_the_release_never_names_gives_way_to_the_one_it_names() -> None:
    text = ("Alpenmoos Pharma Receives Swissmedic Approval for Velcora\n\n"
            "BASEL, Switzerland, June 9, 2025 -- Alpenmoos Pharma AG announced that Swissmedic "
            "has approved Velcora for adults with chronic urticaria.\n")
    result = _answered(text, "Swissmedic has approved Velcora for adults with chronic urticaria",
                       "EMA", "approval")
    assert result.summary.outcome is not None and result.summary.outcome.agency == "OTHER"
    assert [f.rule for f in result.findings if f.rule == "agency_arbitrated"]


APPROVAL_AFTER_CRL = (
    "Fenwright Bio Announces FDA Approval of Corvessa\n\nDURHAM, N.C., June 16, 2025 -- Fenwright "
    "Bio, Inc. today announced that the U.S. Food and Drug Administration (FDA) has approved "
    "Corvessa for adults with chronic cough. Today's decision comes nine months after the FDA "
    "issued a Complete Response Letter for the original application in September 2024.\n"
)


def test_a_generic_act_said_of_the_regulator_contradicts_another_kind_the_release_reads() -> None:
    """"The FDA has approved" is a generic word, but said of the regulator as acting, in a
    release the reader reads as that very approval, it contradicts a "complete_response"
    quoting it; a kind it is compatible with (accelerated approval) still stands."""
    quote = ("Fenwright Bio, Inc. today announced that the U.S. Food and Drug Administration "
             "(FDA) has approved Corvessa for adults with chronic cough.")
    summary, findings = _arbitrated(_ruling_answer(quote, "complete_response", "FDA"),
                                    APPROVAL_AFTER_CRL)
    assert summary.outcome is not None and summary.outcome.decision == "approval"
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert "the sentence it quotes says 'approved'" in findings[0].message
    summary, findings = _arbitrated(_ruling_answer(quote, "accelerated_approval", "FDA"),
                                    APPROVAL_AFTER_CRL)
    assert summary.outcome is not None and summary.outcome.decision == "accelerated_approval"
    assert findings == []


APPROVAL_WITH_DESIGNATION = (
    "Ashbourne Therapeutics Announces FDA Approval of Veltrisa\n\nBOSTON, May 5, 2025 -- "
    "Ashbourne Therapeutics, Inc. today announced that the U.S. Food and Drug Administration "
    "has approved Veltrisa for adults with myasthenia gravis. The FDA today also granted Orphan "
    "Drug designation to Veltrisa for juvenile myasthenia gravis.\n\n\"This is a proud day for "
    "everyone at Ashbourne,\" said the Chief Executive Officer.\n"
)


def test_a_comment_quoted_for_a_decision_the_release_also_states_today_stands() -> None:
    """An executive's comment states no act; the release's own sentences report the approval
    and, firmly as today's, the designation the model answered: the release backs the model,
    whose answer stands. One the release does not state gives way to the release's news."""
    quote = "This is a proud day for everyone at Ashbourne"
    summary, findings = _arbitrated(_ruling_answer(quote, "designation", "FDA"),
                                    APPROVAL_WITH_DESIGNATION)
    assert summary.outcome is not None and summary.outcome.decision == "designation"
    assert findings == []
    summary, findings = _arbitrated(_ruling_answer(quote, "filing_accepted", "FDA"),
                                    APPROVAL_WITH_DESIGNATION)
    assert summary.outcome is not None and summary.outcome.decision == "approval"
    assert [f.rule for f in findings] == ["decision_arbitrated"]



NOTICE_RELEASE = (
    "Quellmoor Therapeutics Receives Notice of Non-Compliance from Health Canada for TAVRELIX\n\n"
    "VANCOUVER, British Columbia, June 9, 2025 /CNW/ - Quellmoor Therapeutics Inc. (TSX: QLM) "
    "today announced that Health Canada has issued a Notice of Non-Compliance (NON) for its New "
    "Drug Submission for TAVRELIX (tavreparin) in hereditary angioedema. The notice asks for "
    "further stability data on the commercial formulation. Quellmoor intends to respond within "
    "the 90-day period.\n"
)
_NOTICE = ("Health Canada has issued a Notice of Non-Compliance (NON) for its New Drug "
           "Submission for TAVRELIX (tavreparin) in hereditary angioedema")


@pytest.mark.parametrize("decision", ["regulatory_feedback", "complete_response"])
def test_a_wording_labelled_two_ways_lets_either_answer_stand(decision: str) -> None:
    # a Notice of Non-compliance is labelled a complete response or deficiency feedback
    # (the vocabulary's ``also``): the model's choice between them is no contradiction
    answer = _ruling_answer(_NOTICE, decision=decision, agency="HEALTH_CANADA")
    answer["outcome"]["direction"] = "unfavorable"
    summary, findings = _arbitrated(answer, NOTICE_RELEASE)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == decision
    rules = Summarizer("rules").summarize(NOTICE_RELEASE).summary
    assert rules.outcome is not None and rules.outcome.decision == "complete_response"


_NOTICE_RECALLED = (
    "Quellmoor Therapeutics Receives Health Canada Approval for TAVRELIX\n\n"
    "VANCOUVER, British Columbia, June 9, 2025 /CNW/ - Quellmoor Therapeutics Inc. today "
    "announced that Health Canada has issued a Notice of Compliance for TAVRELIX (tavreparin) in "
    "hereditary angioedema. In 2023, Health Canada had issued a Notice of Non-Compliance for the "
    "first submission.\n"
)


@pytest.mark.parametrize(("text", "quote", "said", "settled"), [
    # a third kind is still contradicted by the shared wording
    (NOTICE_RELEASE, _NOTICE, "approval", "complete_response"),
    # the shared wording recalled as background backs neither of its kinds
    (_NOTICE_RECALLED, "In 2023, Health Canada had issued a Notice of Non-Compliance for the "
     "first submission", "regulatory_feedback", "approval"),
], ids=["a-third-kind", "recalled-as-background"])
def test_a_wording_labelled_two_ways_backs_no_other_kind_nor_an_earlier_act(
    text: str, quote: str, said: str, settled: str
) -> None:
    answer = _ruling_answer(quote, decision=said, agency="HEALTH_CANADA")
    summary, findings = _arbitrated(answer, text)
    assert [f.rule for f in findings] == ["decision_arbitrated"]
    assert f"'{said}'" in findings[0].message
    assert summary.outcome is not None and summary.outcome.decision == settled


def test_the_thing_a_review_is_of_is_no_act_against_the_answer() -> None:
    # "Review of Item Permission" names what was reviewed, not a permission granted: the
    # model's refusal, quoted from a sentence the lexicon cannot read, stands (the headline
    # states no other act to overrule it with)
    text = ("[Disclosure] Result of MFDS Review of Item Permission for DW-5\n\n"
            "SEOUL, June 2, 2025 -- Daewol Pharm disclosed on the 2nd that the Ministry of Food "
            "and Drug Safety has notified it that its application for item permission for DW-5, "
            "an oral anticoagulant, was judged not suitable. The ministry cited missing "
            "stability data.\n")
    quote = ("the Ministry of Food and Drug Safety has notified it that its application for item "
             "permission for DW-5, an oral anticoagulant, was judged not suitable")
    result = _answered(text, quote, "OTHER", "refusal")
    assert not [f for f in result.findings
                if f.rule.startswith("decision_") or f.severity == "error"]
    assert result.summary.outcome is not None and result.summary.outcome.decision == "refusal"


AUSTRALIA = (
    "Marrowind Biotherapeutics Announces TGA Registration of ZELMORA\n\nMELBOURNE, Australia, "
    "May 6, 2025 -- Marrowind Biotherapeutics Ltd today announced that the Therapeutic Goods "
    "Administration (TGA) has approved ZELMORA (zelmorastat) for adults with primary biliary "
    "cholangitis. ZELMORA was previously approved by the U.S. Food and Drug Administration in "
    "2024. Marrowind plans to submit a New Drug Application to the U.S. Food and Drug "
    "Administration for a second indication in the second half of 2026.\n"
)
SWITZERLAND = (
    "Marrowind Biotherapeutics Receives Swissmedic Authorisation for ZELMORA\n\nBASEL, "
    "Switzerland, May 6, 2025 -- Marrowind Biotherapeutics AG today announced that Swissmedic "
    "has granted marketing authorisation for ZELMORA (zelmorastat) for adults with primary "
    "biliary cholangitis. ZELMORA was previously approved by the U.S. Food and Drug "
    "Administration in 2024.\n"
)


_RECAP = "ZELMORA was previously approved by the U.S. Food and Drug Administration in 2024."


@pytest.mark.parametrize(("text", "quote", "agency", "body"), [
    (AUSTRALIA, "Marrowind plans to submit a New Drug Application to the U.S. Food and Drug "
                "Administration for a second indication in the second half of 2026.", "TGA", "TGA"),
    (AUSTRALIA, _RECAP, "TGA", "TGA"),
    (SWITZERLAND, _RECAP, "OTHER", "Swissmedic"),
], ids=["a-plan-quoted", "a-recap-quoted", "a-recap-quoted-for-a-regulator-without-a-code"])
def test_a_decision_its_quote_does_not_state_takes_the_regulator_of_the_releases_sentence(
        text: str, quote: str, agency: str, body: str) -> None:
    answer = _product_answer(quote, "approval", "FDA", ("ZELMORA", "zelmorastat"),
                             "primary biliary cholangitis")
    summary, findings = _arbitrated(answer, text)
    outcome = summary.outcome
    assert outcome is not None and (outcome.decision, outcome.agency) == ("approval", agency)
    assert outcome.agency_body is not None and body in outcome.agency_body
    assert outcome.evidence is not None and "today announced" in outcome.evidence.quote
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "'FDA'" in findings[0].message and "quoted sentence" in findings[0].message
    # the release's own regulator, answered with the same quote, is left as it is
    answer["outcome"]["agency"] = agency
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None and summary.outcome.agency == agency
    assert not [f for f in findings if f.rule == "agency_arbitrated"]


def test_a_generic_word_naming_a_procedure_states_no_act() -> None:
    text = ("Yunhe Biopharma: NDA for YH-204 accepted\n\nSHANGHAI, May 6, 2025 -- The board of "
            "Yunhe Biopharma announces that the new drug application for YH-204 (lanvotinib) in "
            "advanced gastric cancer has been accepted by the Center for Drug Evaluation of the "
            "National Medical Products Administration (NMPA) and has been included in the "
            "priority review and approval procedure.\n")
    quote = ("the new drug application for YH-204 (lanvotinib) in advanced gastric cancer has been "
             "accepted by the Center for Drug Evaluation of the National Medical Products "
             "Administration (NMPA) and has been included in the priority review and approval "
             "procedure")
    _gives_way(_product_answer(quote, "approval", "NMPA", ("YH-204", "lanvotinib"),
                               "advanced gastric cancer"), text, "filing_accepted")


def test_a_sentence_told_as_disclosed_in_a_dated_announcement_backs_no_decision() -> None:
    text = ("Huaxin Biotech: Voluntary Announcement\n\nHONG KONG, 24 November "
            "2025 -- The board of Huaxin Biotech Holdings Limited announces that the Center for "
            "Drug Evaluation of the NMPA has approved the resumption of the Phase II trial of "
            "HX-301 in small cell lung cancer. As disclosed in the announcement of the Company "
            "dated 18 July 2025, the CDE placed the trial on clinical hold after two cases of "
            "pneumonitis.\n")
    quote = ("As disclosed in the announcement of the Company dated 18 July 2025, the CDE "
             "placed the trial on clinical hold after two cases of pneumonitis.")
    _gives_way(_product_answer(quote, "clinical_hold", "NMPA", ("HX-301", None),
                               "small cell lung cancer", direction="unfavorable"),
               text, "hold_lifted", dt.date(2025, 11, 24))


def test_a_regulator_named_only_in_what_came_before_gives_way_to_the_one_deciding() -> None:
    text = ("Ostrava Rare Bio Receives EU Orphan Designation for OR-55\n\nPRAGUE, May 6, 2025 -- "
            "Ostrava Rare Bio a.s. today announced that the European Commission has granted "
            "orphan designation to OR-55 for the treatment of Wilson disease. The Commission's "
            "decision follows the positive opinion adopted by the European Medicines Agency's "
            "Committee for Orphan Medicinal Products (COMP) in March.\n")
    quote = ("The Commission's decision follows the positive opinion adopted by the European "
             "Medicines Agency's Committee for Orphan Medicinal Products (COMP) in March.")
    answer = _product_answer(quote, "designation", "EMA", ("OR-55", None), "Wilson disease")
    summary, findings = _arbitrated(answer, text)
    assert summary.outcome is not None
    assert (summary.outcome.decision, summary.outcome.agency) == ("designation", "EC")
    assert [f.rule for f in findings] == ["agency_arbitrated"]
    assert "only in what came before" in findings[0].message


def test_a_kind_s_plain_words_marked_as_today_s_contradict_another_kind() -> None:
    # "today announced that it has submitted a BLA": the submission's plainer words (no
    # specific kind's) still say what was done today, and nothing in the sentence is a
    # designation's
    text = ("Quarrydale Bio Submits BLA for QB-12\n\nBOSTON, May 6, 2025 -- Quarrydale Bio, Inc. "
            "today announced that it has submitted a Biologics License Application to the U.S. "
            "Food and Drug Administration for QB-12 (quarnitamab) in IgA nephropathy.\n")
    quote = ("Quarrydale Bio, Inc. today announced that it has submitted a Biologics License "
             "Application to the U.S. Food and Drug Administration for QB-12 (quarnitamab) in "
             "IgA nephropathy.")
    findings = _gives_way(_product_answer(quote, "designation", "FDA", ("QB-12", "quarnitamab"),
                                          "IgA nephropathy"), text, "submission")
    assert "submitted" in findings[0].message


def test_a_wire_s_topic_tags_state_no_act() -> None:
    # the header's tags name subjects ("Key word(s): Regulatory Approval"), not today's act
    header = "EQS-News: Lindenhof Pharma AG / Key word(s): Regulatory Approval/Market Access"
    text = (f"{header}\n\nG-BA confirms considerable added benefit of NEVALTO in migraine\n\n"
            "BERLIN, May 6, 2025 -- The Federal Joint Committee (G-BA) today confirmed a "
            "considerable added benefit of NEVALTO (nevaltoran) for adults with chronic "
            "migraine, Lindenhof Pharma AG announced.\n")
    answer = _product_answer(header, "approval", "OTHER", ("NEVALTO", "nevaltoran"),
                             "chronic migraine")
    findings = _gives_way(answer, text, "other")
    assert "hedged" in findings[0].message


def test_an_act_named_as_what_is_aimed_at_states_no_act() -> None:
    text = ("Notice Regarding Acceptance by PMDA of Application for KZ-40\n\nTOKYO, May 6, 2025 -- "
            "Kazahana Pharma Co., Ltd. announces that the Pharmaceuticals and Medical Devices "
            "Agency (PMDA) has accepted the application for manufacturing and marketing approval "
            "of KZ-40 (kazanolide) for Fabry disease. \"We will answer the PMDA's inquiries "
            "quickly, with the aim of realizing approval as early as possible,\" said its "
            "president.\n")
    quote = ("\"We will answer the PMDA's inquiries quickly, with the aim of realizing approval as "
             "early as possible,\" said its president.")
    _gives_way(_product_answer(quote, "approval", "PMDA", ("KZ-40", "kazanolide"),
                               "Fabry disease"), text, "filing_accepted")


_MAY_PROCEED = ("Fenwick Lane Bio, Inc. today announced that the U.S. Food and Drug Administration "
                "has notified the company that it may proceed with its Phase 1b trial of FL-21 in "
                "myotonic dystrophy")
_HOLD_TOLD_AFTER = (
    "Fenwick Lane Bio Announces FDA Notification on FL-21 Trial\n\n"
    f"BOSTON, June 9, 2025 -- {_MAY_PROCEED}. The notification resolves the clinical hold that the "
    "agency placed on the FL-21 IND in January after a case of liver injury.\n")
_HOLD_LIFTED_TOO = (
    "Fenwick Lane Bio Announces FDA Action on FL-21 Trial\n\n"
    "BOSTON, June 9, 2025 -- Fenwick Lane Bio, Inc. today announced that the U.S. Food and Drug "
    "Administration has lifted the partial clinical hold on FL-21, and the company may proceed "
    "with its Phase 1b trial of FL-21 in myotonic dystrophy.\n")


@pytest.mark.parametrize(("text", "quote"), [
    (_HOLD_TOLD_AFTER, _MAY_PROCEED),
    (_HOLD_LIFTED_TOO, _HOLD_LIFTED_TOO.split(" -- ")[1].strip()),
], ids=["the-hold-told-in-the-next-sentence", "the-lift-stated-beside-it"])
def test_leave_to_proceed_lets_a_hold_lifted_answer_stand(text: str, quote: str) -> None:
    # "may proceed with its trial" is the FDA's word for an IND cleared and for a hold lifted
    # (the vocabulary's ``also``): a model that reads the hold lifted is not contradicted by it,
    # nor judged as a trial authorisation where the release states the lift itself
    summary, findings = _arbitrated(_ruling_answer(quote, decision="hold_lifted", agency="FDA"),
                                    text)
    assert findings == []
    assert summary.outcome is not None and summary.outcome.decision == "hold_lifted"


def test_leave_to_proceed_answered_as_a_trial_gives_way_to_the_hold_lifted() -> None:
    # the other way round: "may proceed with its Phase 2 trial" quoted for a trial authorised,
    # where the release states the hold lifted in words of its own, is read as the release
    # tells it; the same sentence in a release of an IND cleared stands as the trial's
    proceed = ("Alderney Bio was notified that it may proceed with its Phase 2 trial of AB-5 in "
               "Charcot-Marie-Tooth disease.")
    lifted = ("Alderney Bio Provides Regulatory Update on AB-5\n\n"
              "BOSTON, June 9, 2025 -- Alderney Bio, Inc. today announced that the U.S. Food and "
              "Drug Administration has lifted the clinical hold on its AB-5 IND. " + proceed
              + "\n")
    findings = _gives_way(_ruling_answer(proceed, decision="trial_authorization", agency="FDA"),
                          lifted, "hold_lifted")
    assert "may proceed with its Phase 2 trial" in findings[0].message
    cleared = ("Alderney Bio Announces FDA Clearance of AB-5 IND\n\n"
               "BOSTON, June 9, 2025 -- Alderney Bio, Inc. today announced that the U.S. Food and "
               "Drug Administration has cleared its Investigational New Drug application for "
               "AB-5. " + proceed + "\n")
    _stands(_ruling_answer(proceed, decision="trial_authorization", agency="FDA"), cleared,
            "trial_authorization")


def test_a_quote_trimmed_to_the_release_is_judged_again() -> None:
    # the model's quote stitches an invented sentence to a real one; judged as written it is
    # not in the release and the headline backs "approval", so it stood. Trimmed to the
    # release's own passage, the quote states the approval only as a word of the label text
    # ("FDA-approved class language"), so it is judged again and gives way to what the release
    # says of its act (a boxed warning required)
    text = ("FDA Approves Class-Wide Label Language for Orexin Antagonists\n\n"
            "PRINCETON, N.J., March 3, 2025 -- Halden Pharma, Inc. today announced that the U.S. "
            "Food and Drug Administration is requiring a Boxed Warning on the prescribing "
            "information of all dual orexin receptor antagonists, including DORMIRA "
            "(velorexant). The FDA-approved class language will be added to the label within "
            "30 days.\n")
    quote = ("The FDA approved a class-wide labeling change for orexin antagonists. The "
             "FDA-approved class language will be added to the label within 30 days.")
    result = answered(text, gold_answer({"is_regulatory_event": True, "agency": "FDA",
                                         "decision": "approval", "direction": "favorable"},
                                        quote), "2025-03-03")
    assert result.summary is not None and result.summary.outcome is not None
    assert result.summary.outcome.decision == "other"
    rules = [f.rule for f in result.findings]
    assert rules.index("evidence_trimmed") < rules.index("decision_arbitrated")
    assert "decision_cue_conflict" not in rules


def test_a_catch_all_answer_on_a_quote_stating_nothing_gives_way_to_the_specific_reading(
) -> None:
    # "other" is compatible with the feedback a release reads, but the executive's comment it
    # quotes states no act: nothing backs the catch-all, and the release's specific reading
    # applies (a specific answer on the same comment would stand: it agrees)
    comment = ("\"The points raised are narrow and we expect to answer all of them well within "
               "the time allowed,\" said Marc Tremblay, Chief Executive Officer.")
    text = ("Lachine Therapeutics Provides Update on Health Canada Review of VORELTA\n\n"
            "MONTREAL, March 3, 2025 /CNW/ - Lachine Therapeutics Inc. today announced that "
            "Health Canada has issued a Notice of Deficiency on the New Drug Submission for "
            "VORELTA (sarimavir). " + comment + "\n")
    findings = _gives_way(_ruling_answer(comment, decision="other", agency="HEALTH_CANADA"),
                          text, "regulatory_feedback")
    assert "names no regulator and no regulatory act" in findings[0].message
    _stands(_ruling_answer(comment, decision="regulatory_feedback", agency="HEALTH_CANADA"),
            text, "regulatory_feedback")


def test_a_catch_all_reading_agrees_with_a_specific_answer_only_where_the_release_states_it(
) -> None:
    # the release reads "other" (a warning letter) and states no feedback anywhere: an answer
    # of feedback quoting a recap of an earlier approval has nothing behind it, and the
    # release's reading applies; "other" on the same quote agrees with that reading and stands
    text = ("Ostrava Generics Receives FDA Warning Letter for Its Brno Plant\n\nPRAGUE, March 3, "
            "2025 -- Ostrava Generics a.s. today announced that the U.S. Food and Drug "
            "Administration has issued a Warning Letter to its Brno oral solids plant following "
            "an inspection in November. Ostrava's first U.S. product, Brenlor, was approved by "
            "the FDA in 2019. The company will respond within 15 business days.\n")
    recap = "Ostrava's first U.S. product, Brenlor, was approved by the FDA in 2019."
    findings = _gives_way(_ruling_answer(recap, decision="regulatory_feedback", agency="FDA"),
                          text, "other", dt.date(2025, 3, 3))
    assert "states it as an earlier event" in findings[0].message
    summary, findings = _arbitrated(_ruling_answer(recap, decision="other", agency="FDA"), text,
                                    dt.date(2025, 3, 3))
    assert summary.outcome is not None and summary.outcome.decision == "other"
    assert not [f for f in findings if f.rule == "decision_arbitrated"]


def test_what_a_regulator_decided_not_to_approve_is_no_approval() -> None:
    # "decided not to approve the registration of X on the ARTG": the register's entry is the
    # object of the act decided against, so it backs no approval, and the refusal stands
    lead = ("The TGA has informed Wattle Creek Pharma that its delegate has decided not to "
            "approve the registration of BORALIN on the Australian Register of Therapeutic Goods "
            "(ARTG).")
    text = ("Wattle Creek Pharma - TGA decision on BORALIN (boraletinib) in non-small cell lung "
            f"cancer\n\nMELBOURNE, May 6, 2025 -- {lead}\n")
    findings = _gives_way(_product_answer(lead, "approval", "TGA", ("BORALIN", "boraletinib"),
                                          "non-small cell lung cancer"), text, "refusal")
    assert "decided not to approve" in findings[0].message



def _front(headline: str, lead: str, city: str = "BOSTON") -> str:
    """A release of a headline and a lead, dated June 9, 2025."""
    return f"{headline}\n\n{city}, June 9, 2025 -- {lead}\n"


@pytest.mark.parametrize(("headline", "lead", "decision", "said"), [
    # a headline's present tells today's news: "Completes Rolling BLA Submission" quoted for an
    # approval states a submission, however plain its words
    ("Calder Bio Completes Rolling BLA Submission for ENTRAVIK in Bullous Pemphigoid",
     "Calder Bio, Inc. today announced that it has completed the rolling submission of its "
     "Biologics License Application to the U.S. Food and Drug Administration for ENTRAVIK.",
     "submission", "BLA Submission"),
    # "Approves Halvern Bio's Request for Orphan Drug Designation": what is approved is the
    # request for a designation, the company's name between the verb and the request
    ("FDA Approves Halvern Bio's Request for Orphan Drug Designation for HB-3",
     "Halvern Bio, Inc. today announced that the U.S. Food and Drug Administration has granted "
     "Orphan Drug Designation to HB-3 for Duchenne muscular dystrophy.",
     "designation", "Request for Orphan Drug Designation"),
], ids=["a-kind-s-plain-words", "a-request-for-designation-approved-whoever-s-it-is"])
def test_a_headline_quoted_for_an_approval_gives_way_to_the_kind_it_states(
        headline: str, lead: str, decision: str, said: str) -> None:
    findings = _gives_way(_ruling_answer(headline, decision="approval", agency="FDA"),
                          _front(headline, lead), decision)
    assert said in findings[0].message


def test_a_clearance_answered_for_a_medicine_s_approval_gives_way() -> None:
    # a clearance is a device's; the headline and lead name a medicine (tablets, a dose) and no
    # device, so the generic approval the release reads is the answer
    lead = ("Maplewood Pharmaceuticals Inc. today announced that Health Canada has approved "
            "FERVEXA (gefapixant) 45 mg tablets for adults with refractory chronic cough.")
    text = _front("Maplewood Pharmaceuticals Receives Health Canada Approval of FERVEXA Tablets",
                  lead, "TORONTO")
    findings = _gives_way(_ruling_answer(lead, decision="clearance", agency="HEALTH_CANADA"),
                          text, "approval")
    assert "about a medicine" in findings[0].message


def test_a_clearance_answered_for_a_device_s_approval_stands() -> None:
    # the same act for a device: the generic word is the device's clearance as much as its
    # approval (the model's more specific kind stands)
    lead = ("Maplewood Medical Inc. today announced that Health Canada has approved the "
            "CardioTrack implantable cardiac monitor for adults with unexplained syncope.")
    text = _front("Maplewood Medical Receives Health Canada Approval of CardioTrack Monitor", lead,
                  "TORONTO")
    _stands(_ruling_answer(lead, decision="clearance", agency="HEALTH_CANADA"), text,
            "clearance")


def test_the_products_a_plural_names_as_approved_are_no_approval() -> None:
    # "all dual orexin receptor antagonists (DORAs) approved for insomnia" describes products,
    # it states no act: the boxed warning the FDA requires is the sentence's act
    lead = ("Vanterra Neurosciences, Inc. today announced that the U.S. Food and Drug "
            "Administration is requiring a Boxed Warning on the prescribing information of all "
            "dual orexin receptor antagonists (DORAs) approved for insomnia, including the "
            "Company's NOCTERA tablets.")
    text = _front("Vanterra Neurosciences Provides Update on NOCTERA Labeling", lead, "SAN DIEGO")
    findings = _gives_way(_ruling_answer(lead, decision="approval", agency="FDA"), text, "other")
    assert "Boxed Warning" in findings[0].message


@pytest.mark.parametrize(("headline", "lead", "quote", "answered", "act", "said"), [
    # "may proceed with its Phase 2 trial" quoted for an approval contradicts it; the wording is
    # the FDA's for a trial authorised and for a hold lifted alike, and the release states the
    # hold lifted in words of its own: the answer becomes the hold lifted, not the trial
    ("Alderney Bio Announces FDA Removal of Clinical Hold on AB-5",
     "Alderney Bio, Inc. today announced that the U.S. Food and Drug Administration has lifted "
     "the clinical hold on its AB-5 IND.",
     "The FDA has notified Alderney Bio that it may proceed with its Phase 2 trial of AB-5 in "
     "Charcot-Marie-Tooth disease.", "approval", "hold_lifted", "said of 'hold_lifted' too"),
    # "where no medicine has ever been approved" negates its subject: the sentence states no
    # approval, and the release's feedback (written responses agreeing a design) is the answer
    ("Corvane Therapeutics Announces Alignment with FDA on Phase 3 Design for CV-118",
     "Corvane Therapeutics, Inc. today announced that it has received the official minutes of "
     "its End-of-Phase 2 meeting with the U.S. Food and Drug Administration, in which the FDA "
     "agreed that a single Phase 3 trial could support a New Drug Application for CV-118 in "
     "primary sclerosing cholangitis.",
     "Alignment with FDA on a single registrational trial is an important step for patients "
     "with PSC, where no medicine has ever been approved.", "approval", "regulatory_feedback",
     "negated"),
    # "the FDA stated that ...", "the agency has asked": a regulator's words reported, feedback
    # where nothing else names the act, here what the act the release announces says
    ("Harrowgate Pharma Provides Regulatory Update on LUMETRA New Drug Application",
     "Harrowgate Pharma, Inc. today announced that it has received a complete response letter "
     "from the U.S. Food and Drug Administration for its New Drug Application for LUMETRA "
     "(lumetrasib) in chronic pruritus.",
     "In the letter, the FDA stated that the two-year carcinogenicity data submitted with the "
     "application were not adequate to support approval.", "regulatory_feedback",
     "complete_response", "reports what is said in 'complete_response'"),
    ("Tarnwell Biosciences Provides Update on TW-904 Program",
     "Tarnwell Biosciences, Inc. today announced that the U.S. Food and Drug Administration has "
     "placed its Phase 1 study of TW-904 on clinical hold.",
     "The agency has asked Tarnwell to submit additional chemistry, manufacturing and controls "
     "information on the drug product.", "regulatory_feedback", "clinical_hold",
     "reports what is said in 'clinical_hold'"),
], ids=["a-wording-said-of-the-release-s-kind-too", "a-subject-negated",
        "what-a-complete-response-letter-says", "what-a-regulator-asked-under-a-hold"])
def test_a_lead_sentence_quoted_for_another_kind_gives_way_to_the_release_s(
        headline: str, lead: str, quote: str, answered: str, act: str, said: str) -> None:
    findings = _gives_way(_ruling_answer(quote, decision=answered, agency="FDA"),
                          _front(headline, f"{lead} {quote}"), act)
    assert said in findings[0].message


def test_what_a_letter_says_marked_today_does_not_contradict_the_letter() -> None:
    # the letter's words reported, marked as today's, are what the complete response says:
    # no contradiction of the model's complete response
    quote = "Late yesterday, the FDA requested a further two-year carcinogenicity study."
    text = _front("Harrowgate Pharma Receives Complete Response Letter for LUMETRA",
                  "Harrowgate Pharma, Inc. today announced that it has received a complete "
                  "response letter from the U.S. Food and Drug Administration for its New Drug "
                  "Application for LUMETRA (lumetrasib). " + quote)
    _stands(_ruling_answer(quote, decision="complete_response", agency="FDA"), text,
            "complete_response")


def test_what_the_minutes_say_after_an_earlier_letter_stays_feedback() -> None:
    # the release's news is the minutes; the complete response letter is recalled as earlier
    quote = ("In the minutes, the FDA stated that a resubmission may rely on the existing "
             "Phase 3 data together with a new six-month safety update.")
    text = _front("Harrowgate Pharma Receives Type A Meeting Minutes on LUMETRA",
                  "Harrowgate Pharma, Inc. today announced that it has received the official "
                  "minutes of its Type A meeting with the U.S. Food and Drug Administration, "
                  "held after the complete response letter the Company received in March 2025. "
                  + quote)
    _stands(_ruling_answer(quote, decision="regulatory_feedback", agency="FDA"), text,
            "regulatory_feedback")
