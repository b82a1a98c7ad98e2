"""``summarizer's timeline.build`` on hand-built record sequences: the status after each release,
the calendar's states, aliases, duplicates, conflicts, undated and skipped records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from timeline_records import rec, step

from summarizer.errors import InputError
from summarizer.tasks.regulatory.timeline import Timeline, build, load_release_dates
from summarizer.types import ErrorInfo, SummaryResult

D = dt.date
TODAY = D(2026, 12, 4)
VELMORA = [("Velmora", "tarnivastat")]
ORZENTA = [("Orzenta", "pelatorin")]


def eu_sequence() -> list[SummaryResult]:
    return [
        rec("eu-1", "2025-09-19", "negative_opinion", "EMA", VELMORA, "Norvexa Therapeutics N.V.",
            agency_body="CHMP", quote="The CHMP has adopted a negative opinion on the MAA.",
            steps=[step("Norvexa intends to request a re-examination of the opinion."),
                   step("The Company expects the CHMP to conclude the re-examination in the "
                        "first quarter of 2026.", "in the first quarter of 2026", "2026-03-31")]),
        rec("eu-3", "2026-01-30", "positive_opinion", "EMA", VELMORA, "Norvexa Therapeutics NV",
            quote="Following re-examination, the CHMP adopted a positive opinion.",
            steps=[step("The European Commission is expected to issue its decision within 67 "
                        "days.", "within 67 days", "2026-04-07", actor="regulator")]),
        rec("eu-4", "2026-03-27", "accelerated_approval", "EC", VELMORA, "Norvexa Therapeutics",
            quote="The EC has granted a conditional marketing authorisation for Velmora.",
            steps=[step("The Company will submit the confirmatory study results by the end of "
                        "2027.", "by the end of 2027", "2027-12-31")]),
    ]


def us_sequence() -> list[SummaryResult]:
    return [
        rec("us-1", "2025-07-11", "complete_response", "FDA", ORZENTA, "Halcyon Biopharma, Inc.",
            steps=[step("Halcyon intends to resubmit the NDA in the fourth quarter of 2025.",
                        "in the fourth quarter of 2025", "2025-12-31")]),
        rec("us-2", "2025-11-20", "submission", "FDA", ORZENTA, "Halcyon Biopharma, Inc.",
            quote="Halcyon has resubmitted its NDA for Orzenta."),
        rec("us-3", "2025-12-18", "filing_accepted", "FDA", ORZENTA, "Halcyon Biopharma, Inc.",
            quote="The FDA has accepted the resubmission.",
            summary="The FDA has accepted the resubmission. The FDA has assigned a PDUFA goal "
                    "date of May 20, 2026."),
        rec("us-3b", "2025-12-18", "filing_accepted", "FDA", ORZENTA, "Halcyon Biopharma, Inc.",
            quote="The FDA has assigned a PDUFA goal date of May 21, 2026."),
        rec("us-4", "2026-05-19", "approval", "FDA", ORZENTA, "Halcyon Biopharma, Inc.",
            quote="The FDA has approved Orzenta (pelatorin) injection."),
    ]


def status(timeline: Timeline, name: str, region: str) -> tuple[str, str, dt.date | None,
                                                                 dt.date | None]:
    product = timeline.find_product(name)
    assert product is not None, name
    found = timeline.status(product.id, region)
    assert found is not None
    return found.state, found.label, found.since, found.goal_date


def test_negative_opinion_reexamination_positive_opinion_commission_decision() -> None:
    records = eu_sequence()
    after = [build(records[:n], today=TODAY) for n in (1, 2, 3)]
    assert status(after[0], "Velmora", "EU") == (
        "reexamination", "negative opinion, re-examination requested", D(2025, 9, 19), None)
    assert status(after[1], "Velmora", "EU") == (
        "positive_after_reexamination",
        "positive opinion after re-examination, awaiting decision, goal date 2026-04-07",
        D(2026, 1, 30), D(2026, 4, 7))
    assert status(after[2], "Velmora", "EU") == (
        "conditionally_approved", "approved (accelerated / conditional)", D(2026, 3, 27), None)
    final = after[2]
    (velmora,) = final.products
    assert velmora.company == "Norvexa Therapeutics N.V." and velmora.aliases == (
        "Velmora", "tarnivastat")
    lane = final.status(velmora.id, "EU")
    assert lane is not None
    assert [signal for _, signal, _ in lane.history] == [
        "negative_opinion", "reexamination_requested", "positive_opinion", "accelerated_approval"]
    assert [(i.source, i.expects, i.state) for i in final.upcoming] == [
        ("eu-1", "opinion", "met"), ("eu-3", "decision", "met"),
        ("eu-4", "submission", "upcoming"), ("eu-1", "opinion", "met")]
    # the undated plan to request re-examination: the later opinion shows it happened
    undated = final.upcoming[-1]
    assert undated.end is None and undated.resolved_by == final.events[1].id


def test_complete_response_resubmission_acceptance_approval() -> None:
    records = us_sequence()
    expected = [
        ("complete_response", "complete response letter", D(2025, 7, 11), None),
        ("resubmitted", "resubmitted after a complete response", D(2025, 11, 20), None),
        ("resubmission_under_review", "resubmission under review, goal date 2026-05-20",
         D(2025, 12, 18), D(2026, 5, 20)),
        # the corrected release the same day moves the goal date
        ("resubmission_under_review", "resubmission under review, goal date 2026-05-21",
         D(2025, 12, 18), D(2026, 5, 21)),
        ("approved", "approved", D(2026, 5, 19), None),
    ]
    for n, want in enumerate(expected, 1):
        assert status(build(records[:n], today=TODAY), "Orzenta", "US") == want, n
    final = build(records, today=TODAY)
    accepted = [e for e in final.events if e.decision == "filing_accepted"]
    assert [(e.source, e.duplicates) for e in accepted] == [("us-3", ("us-3b",))]
    assert [e.signals for e in final.events] == [
        ("complete_response",), ("resubmission",), ("filing_accepted",), ("approval",)]
    calendar = [(i.source, i.end, i.state, i.resolved_by) for i in final.upcoming]
    approval = final.events[-1].id
    assert calendar == [
        ("us-1", D(2025, 12, 31), "met", final.events[1].id),
        ("us-3", D(2026, 5, 20), "superseded", final.upcoming[2].id),
        ("us-3b", D(2026, 5, 21), "met", approval),
    ]


def test_clinical_hold_then_lift() -> None:
    records = [
        rec("hold-1", "2026-02-10", "clinical_hold", "FDA", [("MGT-110", None)], "Meridian",
            steps=[step("The Company intends to submit a complete response to the clinical hold "
                        "in the second quarter of 2026.", "in the second quarter of 2026",
                        "2026-06-30")]),
        rec("hold-2", "2026-06-29", "hold_lifted", "FDA", [("MGT-110", None)], "Meridian",
            steps=[step("Meridian expects to resume dosing in the fourth quarter of 2026.",
                        "in the fourth quarter of 2026", "2026-12-31")]),
    ]
    held = build(records[:1], today=D(2026, 3, 1))
    assert status(held, "MGT-110", "US") == ("none", "clinical hold", D(2026, 2, 10), None)
    assert [i.state for i in held.upcoming] == ["upcoming"]
    assert [i.state for i in build(records[:1], today=TODAY).upcoming] == ["past_due"]
    lifted = build(records, today=TODAY)
    assert status(lifted, "MGT-110", "US") == ("none", "clinical hold lifted", D(2026, 6, 29),
                                               None)
    assert [(i.expects, i.state) for i in lifted.upcoming] == [("hold", "met"), (None, "upcoming")]


def test_designation_then_approval_with_brand_generic_and_code_joined() -> None:
    records = [
        rec("d1", "2025-03-04", "designation", "FDA", [("SLB-021", None)], "Solenne Bio, Inc.",
            quote="The FDA has granted Breakthrough Therapy designation to SLB-021."),
        rec("d2", "2025-12-09", "filing_accepted", "FDA", [("SLB-021", "denpafotide")],
            "Solenne Bio, Inc.", summary="The FDA assigned a PDUFA target action date of "
                                         "April 8, 2026."),
        rec("d0", "2024-06-01", "designation", "FDA", [("denpafotide", None)], "Solenne Bio",
            quote="The FDA granted Orphan Drug Designation to denpafotide."),
        rec("d3", "2026-04-07", "approval", "FDA", [("Aurivia(R)", "denpafotide")],
            "Solenne Bio, Inc."),
    ]
    timeline = build(records, today=TODAY)
    (product,) = timeline.products
    assert (product.name, product.aliases) == ("Aurivia", ("Aurivia", "SLB-021", "denpafotide")) \
        or (product.name, set(product.aliases)) == ("Aurivia", {"Aurivia", "SLB-021",
                                                                 "denpafotide"})
    lane = timeline.status(product.id, "US")
    assert lane is not None
    assert (lane.state, lane.designations) == ("approved", ("Orphan", "Breakthrough Therapy"))
    assert [e.source for e in timeline.events] == ["d0", "d1", "d2", "d3"]  # by date
    before = build(records[:3], today=D(2026, 1, 1))
    assert status(before, "denpafotide", "US") == (
        "under_review", "under review, goal date 2026-04-08", D(2025, 12, 9), D(2026, 4, 8))


def test_conflicting_records_are_flagged_on_the_status() -> None:
    records = [rec("a", "2026-05-19", "approval", "FDA", ORZENTA, "Halcyon"),
               rec("b", "2026-05-19", "complete_response", "FDA", ORZENTA, "Halcyon")]
    timeline = build(records, today=TODAY)
    (lane,) = timeline.statuses
    assert lane.state == "complete_response"  # the later record corrects the earlier one
    assert lane.conflicts == (
        "a: conflicts with complete response (unfavorable) in b",
        "b: conflicts with approval (favorable) in a")


def test_undated_records_come_last_in_input_order_and_error_records_are_skipped() -> None:
    records: list[object] = [
        rec("dated", "2025-07-11", "complete_response", "FDA", ORZENTA, "Halcyon"),
        rec("undated-1", None, "submission", "FDA", ORZENTA, "Halcyon",
            quote="Halcyon resubmitted the NDA.", steps=[step("Resubmit within 30 days.",
                                                             "within 30 days")]),
        SummaryResult(source="broken.pdf", error=ErrorInfo(type="InputError", code="input",
                                                            message="not a release")).to_record(),
        rec("undated-2", None, "approval", "FDA", ORZENTA, "Halcyon"),
    ]
    timeline = build(records, today=TODAY)  # type: ignore[arg-type]
    assert [(e.source, e.date) for e in timeline.events] == [
        ("dated", D(2025, 7, 11)), ("undated-1", None), ("undated-2", None)]
    assert status(timeline, "Orzenta", "US")[0] == "approved"
    assert timeline.records == 4
    assert [(s.source, s.record, s.reason) for s in timeline.skipped] == [
        ("broken.pdf", 2, "InputError: not a release")]
    # the undated plan to resubmit: a later record (by input order) reports the approval
    assert [(i.end, i.state) for i in timeline.upcoming] == [(None, "met")]


def test_release_dates_for_records_written_without_one(tmp_path: Path) -> None:
    records = [rec("seq/us-1.txt", None, "complete_response", "FDA", ORZENTA, "Halcyon",
                   steps=[step("Resubmit in the fourth quarter of 2025.",
                               "in the fourth quarter of 2025")]),
               rec("seq/us-4.txt", None, "approval", "FDA", ORZENTA, "Halcyon")]
    meta = tmp_path / "meta.jsonl"
    meta.write_text("\n".join(json.dumps(m) for m in [
        {"id": "us-1", "file": "docs/us-1.txt", "published": "2025-07-11"},
        {"id": "us-4", "published": "2026-05-19"},
        {"id": "other", "published": None},
    ]) + "\n\n", encoding="utf-8")
    dates = load_release_dates(meta)
    assert dates["us-1.txt"] == dates["docs/us-1.txt"] == D(2025, 7, 11)
    timeline = build(records, today=TODAY, release_dates=dates)
    assert [(e.date, e.date_basis) for e in timeline.events] == [
        (D(2025, 7, 11), "release"), (D(2026, 5, 19), "release")]
    # the plan's quarter is resolved against the release date; the approval shows it was done
    assert [(i.start, i.end, i.state) for i in timeline.upcoming] == [
        (D(2025, 10, 1), D(2025, 12, 31), "met")]


@pytest.mark.parametrize(("content", "message"), [
    ("{}", "needs \"file\" or \"id\""),
    ('{"id": "a", "published": "20 May 2026"}', "published must be YYYY-MM-DD"),
    ("not json", "invalid JSON"),
])
def test_bad_release_dates_raise_input_error(tmp_path: Path, content: str, message: str) -> None:
    meta = tmp_path / "meta.jsonl"
    meta.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_release_dates(meta)
    with pytest.raises(InputError, match="no such file"):
        load_release_dates(tmp_path / "missing.jsonl")


def test_today_and_bad_input() -> None:
    assert build([], today="2026-01-02").today == D(2026, 1, 2)
    assert build([]).today == dt.date.today()
    with pytest.raises(ValueError, match="today must be"):
        build([], today="tomorrow")
    with pytest.raises(InputError, match="not a summary record"):
        build([{"summary": "nope"}])


def test_lanes_put_each_product_s_regions_in_order() -> None:
    records = [*eu_sequence(), rec("us", "2025-10-01", "filing_accepted", "FDA", VELMORA,
                                   "Norvexa Therapeutics N.V."), *us_sequence()]
    timeline = build(records, today=TODAY)
    assert [(lane.product.name, lane.region) for lane in timeline.lanes()] == [
        ("Orzenta", "US"), ("Velmora", "US"), ("Velmora", "EU")]
    velmora_us = timeline.lanes()[1]
    assert [e.source for e in velmora_us.events] == ["us"]
    assert velmora_us.status is not None and velmora_us.status.state == "under_review"
