"""Certain repairs before any re-ask: placeholders, product spellings, quotes trimmed."""

from __future__ import annotations

import re

from conftest import ceplene_answer
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.grounding import SourceIndex, ground
from summarizer.intake import load
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.repairs import Repairs, repair, respell
from summarizer.tasks.regulatory.schema import RegulatorySummary

RELEASE = (
    "Acme Pharma Announces FDA Approval of AVYCAZ(R) (ceftazidime-avibactam)\n\n"
    "Acme Pharma today announced that the U.S. Food and Drug Administration approved AVYCAZ "
    "(ceftazidime-avibactam) for complicated urinary tract infections. Ceftazidime-avibactam "
    "is a combination of a cephalosporin and a beta-lactamase inhibitor. The approval of "
    "CK-\n301 follows. The company also sells Zerbaxa/ceftolozane and ZERBAXA (ceftolozane-"
    "tazobactam).\n"
)


def test_a_name_written_with_and_or_a_space_is_respelled_as_the_release_writes_it() -> None:
    index = SourceIndex(RELEASE)
    assert respell("ceftazidime and avibactam", index) == "ceftazidime-avibactam"
    assert respell("Ceftazidime / Avibactam", index) == "ceftazidime-avibactam"  # commonest case
    assert respell("CK 301", index) == "CK-301"  # a hyphen at a line break is no space
    assert respell("ceftolozane tazobactam", index) == "ceftolozane-tazobactam"
    assert respell("Zerbaxa ceftolozane", index) == "Zerbaxa/ceftolozane"


def test_what_the_release_holds_or_does_not_name_or_names_two_ways_is_left_alone() -> None:
    index = SourceIndex(RELEASE)
    assert respell("AVYCAZ", index) is None  # already there (case and marks aside)
    assert respell("avycaz", index) is None
    assert respell("CK-301", index) is None  # there, across a line break
    assert respell("ceftazidime avibactam sodium", index) is None  # not named
    assert respell("AVYCAZ for urinary tract infections", index) is None
    assert respell("", index) is None and respell("®", index) is None


def test_two_different_spellings_are_ambiguous() -> None:
    index = SourceIndex("It sells ceftazidime-avibactam and ceftazidime/avibactam kits.")
    assert respell("ceftazidime and avibactam", index) is None


_WORD = st.from_regex(r"[A-Za-z][A-Za-z0-9]{1,8}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=3),
       written=st.sampled_from(["-", " ", " and ", "/", "®-"]),
       asked=st.sampled_from(["-", " ", " and ", "/"]))
def test_respelling_keeps_the_words_and_lands_in_the_release(
    words: list[str], written: str, asked: str
) -> None:
    words = [w for w in words if w.lower() != "and"] or ["X1"]
    text = f"The release names {written.join(words)} today."
    index = SourceIndex(text)
    name = asked.join(w.upper() for w in words)
    spelled = respell(name, index)
    if spelled is None:  # only when the release already holds the name as asked
        assert index.contains(name)
        return
    assert index.contains(spelled)
    pieces = [p for p in re.findall(r"[^\W_]+", spelled) if p.lower() != "and"]
    assert [p.lower() for p in pieces] == [w.lower() for w in words]


def _summary(**outcome: object) -> RegulatorySummary:
    data = ceplene_answer()
    data["outcome"].update(outcome)
    return RegulatorySummary.model_validate(data)


def test_placeholders_are_removed_and_reported(ceplene_text: str) -> None:
    data = ceplene_answer()
    data["outcome"]["products"] = [{"name": "N/A", "generic_name": "histamine dihydrochloride"},
                                   {"name": "None", "generic_name": None},
                                   {"name": "Ceplene", "generic_name": None}]
    data["rationale"][0]["evidence"] = {"quote": "N/A"}
    data["next_steps"].append({"actor": "company", "action": "Not specified", "timing": None,
                               "due_date": None, "evidence": None})
    summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
    findings = repair(summary, SourceIndex(ceplene_text))
    assert summary.outcome is not None
    assert [(p.name, p.generic_name) for p in summary.outcome.products] == [
        ("histamine dihydrochloride", None), ("Ceplene", None)]
    assert summary.rationale[0].evidence is None and len(summary.next_steps) == 1
    assert {(f.rule, f.severity, f.path) for f in findings} == {
        ("placeholder_removed", "info", "outcome.products[0].name"),
        ("placeholder_removed", "info", "outcome.products[1]"),
        ("placeholder_removed", "info", "rationale[0].evidence"),
        ("placeholder_removed", "info", "next_steps[1]"),
    }


def test_a_stitched_quote_is_trimmed_and_an_invented_one_stays(ceplene_text: str) -> None:
    data = ceplene_answer()
    real = data["rationale"][0]["evidence"]["quote"]
    data["rationale"][0]["evidence"]["quote"] = (
        real + " This outcome proves that the drug cured every patient in every trial.")
    data["next_steps"][0]["evidence"]["quote"] = "Nothing like this is in the release at all."
    summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
    findings = repair(summary, SourceIndex(ceplene_text))
    evidence = summary.rationale[0].evidence
    assert evidence is not None and evidence.match == "exact"
    assert evidence.start is not None and ceplene_text[evidence.start:evidence.end] == (
        evidence.quote)
    assert [(f.rule, f.path) for f in findings] == [("evidence_trimmed",
                                                     "rationale[0].evidence")]
    assert "cured every patient" in findings[0].message
    assert summary.next_steps[0].evidence is not None
    assert summary.next_steps[0].evidence.match == "none"  # ambiguous: left for the model


def test_an_invented_outcome_quote_becomes_the_decision_sentence(ceplene_text: str) -> None:
    summary = ground(_summary(evidence={"quote": "The CHMP loved it, everyone agreed."}),
                     ceplene_text)
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    findings = repair(summary, SourceIndex(ceplene_text), fallback=fallback)
    assert summary.outcome is not None and summary.outcome.evidence is not None
    assert "negative opinion" in " ".join(summary.outcome.evidence.quote.split())
    assert [f.rule for f in findings] == ["evidence_trimmed"]


def test_an_invented_sentiment_quote_gives_way_to_the_readers_for_the_same_tone(
    ceplene_text: str,
) -> None:
    fallback = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
    read = fallback.summary.sentiment
    assert read.evidence is not None and read.evidence.match != "none"
    invented = {"quote": "Everyone at the company was heartbroken by the news today."}
    for label, replaced in ((read.label, True),
                            ("positive" if read.label != "positive" else "negative", False)):
        data = ceplene_answer()
        data["sentiment"].update(label=label, evidence=dict(invented))
        summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
        findings = repair(summary, SourceIndex(ceplene_text), fallback=fallback)
        evidence = summary.sentiment.evidence
        assert evidence is not None
        if replaced:
            assert evidence.quote == read.evidence.quote and evidence.match != "none"
            assert [(f.rule, f.path) for f in findings] == [
                ("evidence_trimmed", "sentiment.evidence")]
            assert "heartbroken" in findings[0].message
        else:  # another tone: the reader's sentence is no evidence for it, the quote stays
            assert evidence.match == "none" and not findings


def test_a_product_spelling_is_repaired_and_repairing_twice_changes_nothing(
    ceplene_text: str,
) -> None:
    summary = ground(_summary(products=[{"name": "Ceplene",
                                         "generic_name": "histamine-dihydrochloride"}]),
                     ceplene_text)
    index = SourceIndex(ceplene_text)
    findings = repair(summary, index)
    assert summary.outcome is not None
    assert summary.outcome.products[0].generic_name == "histamine dihydrochloride"
    assert [(f.rule, f.severity) for f in findings] == [("product_respelled", "info")]
    before = summary.model_dump()
    assert repair(summary, index) == [] and summary.model_dump() == before


def test_each_repair_can_be_turned_off(ceplene_text: str) -> None:
    summary = ground(_summary(products=[{"name": "N/A", "generic_name": "histamine-"
                                                                         "dihydrochloride"}]),
                     ceplene_text)
    off = Repairs(placeholders=False, products=False, quotes=False)
    assert repair(summary, SourceIndex(ceplene_text), repairs=off) == []
    assert summary.outcome is not None and summary.outcome.products[0].name == "N/A"


def test_a_decision_with_a_fixed_effect_gets_its_direction(ceplene_text: str) -> None:
    summary = ground(_summary(direction="neutral"), ceplene_text)  # a negative opinion
    findings = repair(summary, SourceIndex(ceplene_text))
    assert summary.outcome is not None and summary.outcome.direction == "unfavorable"
    assert [(f.rule, f.severity, f.path) for f in findings] == [
        ("direction_set", "info", "outcome.direction")]
    free = ground(_summary(decision="regulatory_feedback", direction="neutral"), ceplene_text)
    assert repair(free, SourceIndex(ceplene_text)) == []  # no fixed effect: the model's call
    assert free.outcome is not None and free.outcome.direction == "neutral"


def test_a_timing_the_release_never_writes_is_removed(ceplene_text: str) -> None:
    answer = ceplene_answer()
    answer["next_steps"].append({**answer["next_steps"][0], "timing": "within 90 days"})
    summary = ground(RegulatorySummary.model_validate(answer), ceplene_text)
    findings = repair(summary, SourceIndex(ceplene_text))
    assert [(f.rule, f.path) for f in findings] == [("timing_removed", "next_steps[1].timing")]
    assert [s.timing for s in summary.next_steps] == ["within 60 days", None]  # as written stays
    assert repair(summary, SourceIndex(ceplene_text)) == []  # twice changes nothing
    summary.next_steps[1].timing = "within 90 days"
    assert repair(summary, SourceIndex(ceplene_text), repairs=Repairs(placeholders=False)) == []


def test_an_indication_copied_from_the_code_list_is_removed_and_filled_from_the_release(
        ceplene_text: str) -> None:
    from summarizer.tasks.regulatory.merge import fill_gaps

    for echoed in ("other", "Full marketing approval, incl. supplemental/label expansion",
                   "negative opinion"):
        data = ceplene_answer()
        data["outcome"]["indication"] = echoed
        summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
        findings = repair(summary, SourceIndex(ceplene_text))
        assert summary.outcome is not None and summary.outcome.indication is None, echoed
        assert [(f.rule, f.path) for f in findings] == [("placeholder_removed",
                                                         "outcome.indication")]
        reader = Reader(load(ceplene_text), index=SourceIndex(ceplene_text))
        assert "outcome.indication" in fill_gaps(summary, reader)
        assert summary.outcome.indication == reader.summary.outcome.indication  # type: ignore[union-attr]
    data = ceplene_answer()  # a real indication stays
    summary = ground(RegulatorySummary.model_validate(data), ceplene_text)
    kept = summary.outcome.indication if summary.outcome else None
    repair(summary, SourceIndex(ceplene_text))
    assert kept and summary.outcome is not None and summary.outcome.indication == kept


def test_an_other_acts_direction_follows_its_quoted_wording() -> None:
    text = ("Zoral Pharma Takes Note of PRAC Recommendation on ZORVEX\n\nLYON, 3 March 2025 -- "
            "Zoral Pharma SA today takes note of the recommendation of the EMA's Pharmacovigilance "
            "Risk Assessment Committee (PRAC) to suspend the marketing authorisations of ZORVEX. "
            "Zoral will ask for a re-examination.\n")
    answer = ceplene_answer()
    answer["outcome"].update(
        evidence={"quote": "the recommendation of the EMA's Pharmacovigilance Risk Assessment "
                           "Committee (PRAC) to suspend the marketing authorisations of ZORVEX"},
        agency="EMA", agency_body="PRAC", decision="other", direction="favorable")
    summary = ground(RegulatorySummary.model_validate(answer), text)
    findings = repair(summary, SourceIndex(text), fallback=Reader(load(text)))
    assert summary.outcome is not None and summary.outcome.direction == "unfavorable"
    assert [f.rule for f in findings if f.path == "outcome.direction"] == ["direction_set"]
    # without the release's reading there is no wording to go by: the model's direction stays
    summary = ground(RegulatorySummary.model_validate(answer), text)
    repair(summary, SourceIndex(text))
    assert summary.outcome is not None and summary.outcome.direction == "favorable"


def test_an_other_acts_direction_follows_the_releases_own_wording_of_it() -> None:
    text = ("Zoral Pharma Provides Update on ZORVEX\n\nLYON, 3 March 2025 -- Zoral Pharma SA today "
            "announced that the EMA's Pharmacovigilance Risk Assessment Committee (PRAC) has "
            "recommended suspending the marketing authorisations of ZORVEX. The PRAC concluded "
            "its review of ZORVEX at its March meeting. Zoral will ask for a re-examination.\n")
    answer = ceplene_answer()
    answer["outcome"].update(
        evidence={"quote": "The PRAC concluded its review of ZORVEX at its March meeting."},
        agency="EMA", agency_body="PRAC", decision="other", direction="favorable")
    fallback = Reader(load(text))
    assert fallback.ruled.decision == "other"  # the release's own sentence for the act
    summary = ground(RegulatorySummary.model_validate(answer), text)
    findings = repair(summary, SourceIndex(text), fallback=fallback)
    assert summary.outcome is not None and summary.outcome.direction == "unfavorable"
    assert [f.rule for f in findings if f.path == "outcome.direction"] == ["direction_set"]
    # another decision read there says nothing about this one's direction
    answer["outcome"].update(decision="regulatory_feedback")
    summary = ground(RegulatorySummary.model_validate(answer), text)
    repair(summary, SourceIndex(text), fallback=Reader(load(text)))
    assert summary.outcome is not None and summary.outcome.direction == "favorable"
