"""Dates to come (summarizer's timeline.upcoming): items from next steps and goal dates, and the
rules that mark them met, superseded, past due or passed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_timeline_events import _event, record
from timeline_records import rec, step

from summarizer.tasks.regulatory.timeline.model import Upcoming
from summarizer.tasks.regulatory.timeline.upcoming import (
    expected_milestone,
    items_of,
    resolve_items,
)

D = dt.date


@pytest.mark.parametrize(("text", "code"), [
    ("Halcyon intends to resubmit the NDA in the fourth quarter of 2025.", "submission"),
    ("Solenne plans to submit a Biologics License Application (BLA) in H2 2025.", "submission"),
    ("The company plans to file an MAA with the EMA in 2027.", "submission"),
    ("The Company expects the CHMP to conclude the re-examination procedure in Q1 2026.",
     "opinion"),
    ("Norvexa intends to request a re-examination of the opinion within 60 days.", "opinion"),
    ("The CHMP opinion will now be reviewed by the European Commission, which is expected to "
     "issue its decision within 67 days.", "decision"),
    ("keeps us on track for a decision in the first half of next year", "decision"),
    ("The FDA has assigned a PDUFA goal date of May 21, 2026.", "decision"),
    ("The company expects approval in 2026.", "decision"),
    ("The Company intends to submit a complete response to the clinical hold in Q2 2026.",
     "hold"),
    ("Halcyon expects the FDA to accept the resubmission for review.", "acceptance"),
    ("Approval of the application is expected in 2026.", "decision"),
    ("The FDA is expected to accept the application within 60 days.", "acceptance"),
    ("An advisory committee meeting is planned for March 2026.", "advisory"),
    # plans no record can show, and plans that are negated
    ("Norvexa plans to launch Velmora in Germany in the third quarter of 2026.", None),
    ("Meridian expects to resume dosing in the fourth quarter of 2026.", None),
    ("Solenne plans to hold an investor call in January.", None),
    ("The FDA does not currently plan to hold an advisory committee meeting.", None),
    ("The company will not submit the application in 2026.", None),
    ("", None),
])
def test_the_milestone_a_plan_announces(text: str, code: str | None) -> None:
    assert expected_milestone(text) == code


def items(result: object, products: tuple[str, ...] = ("p",), index: int = 0) -> list[Upcoming]:
    return items_of(record(result, index, products))


def test_a_dated_step_is_an_item_with_its_range_and_an_undated_step_is_kept() -> None:
    result = rec("eu-1", "2025-09-19", "negative_opinion", "EMA", steps=[
        step("The Company expects the CHMP to conclude the re-examination in the first "
             "quarter of 2026.", "in the first quarter of 2026", "2026-03-31"),
        step("Norvexa will continue to work with the agency."),
    ])
    dated, undated = items(result)
    assert (dated.start, dated.end, dated.precision, dated.expects, dated.region,
            dated.state) == (D(2026, 1, 1), D(2026, 3, 31), "quarter", "opinion", "EU",
                             "upcoming")
    assert (dated.source, dated.release_date, dated.product_id) == ("eu-1", D(2025, 9, 19), "p")
    assert dated.quote == dated.action
    assert (undated.start, undated.end, undated.precision, undated.state) == (
        None, None, None, "undated")


def test_one_item_per_product_region_and_date() -> None:
    result = rec("r", "2026-06-29", "hold_lifted", "FDA", steps=[step(
        "Meridian expects to resume dosing in the fourth quarter of 2026 and to report data "
        "in the second half of 2027.", "in the fourth quarter of 2026; in the second half of 2027",
        "2026-12-31")])
    found = items(result, ("a", "b"))
    assert [(i.product_id, i.end) for i in found] == [
        ("a", D(2026, 12, 31)), ("b", D(2026, 12, 31)), ("a", D(2027, 12, 31)),
        ("b", D(2027, 12, 31))]
    assert len({i.id for i in found}) == 4
    # the same records give the same ids
    assert [i.id for i in items(result, ("a", "b"))] == [i.id for i in found]


def test_the_region_of_a_step_is_the_regulator_it_names() -> None:
    result = rec("r", "2026-04-07", "approval", "FDA", steps=[
        step("Solenne plans to submit an MAA to the European Medicines Agency in H1 2027.",
             "in H1 2027"),
        step("The company plans to file with the FDA and Health Canada in 2027.", "in 2027"),
        step("Solenne plans to submit an sBLA in 2027.", "in 2027"),
        step("Launch is planned in 2027.", "in 2027"),
    ])
    assert [i.region for i in items(result)] == ["EU", "US", "CA", "US", "US"]
    # a non-event release names no region unless its steps do
    result = rec("s", "2026-02-17", steps=[step("Data will be presented in 2026.", "in 2026"),
                                           step("Solenne plans to submit a BLA in 2026.",
                                                "in 2026")])
    assert [i.region for i in items(result)] == [None, "US"]


def test_goal_dates_stated_outside_the_next_steps_become_items() -> None:
    result = rec("us-3b", "2025-12-18", "filing_accepted", "FDA",
                 quote="The FDA has assigned a PDUFA goal date of May 21, 2026.", quote_at=(5, 60),
                 headline="FDA Accepts NDA; PDUFA Goal Date Set for May 21, 2026",
                 summary="The FDA accepted the NDA. The goal date is May 21, 2026.")
    (goal,) = items(result)
    assert (goal.start, goal.end, goal.precision, goal.expects, goal.region, goal.actor) == (
        D(2026, 5, 21), D(2026, 5, 21), "day", "decision", "US", "regulator")
    assert (goal.quote, goal.quote_start, goal.quote_end) == (
        "The FDA has assigned a PDUFA goal date of May 21, 2026.", 5, 60)
    # from the summary, located in the release text when the record has it
    body = "Lead. The FDA set a PDUFA goal date of May 20, 2026. End."
    result = rec("us-3", "2025-12-18", "filing_accepted", "FDA", body=body,
                 summary="Lead. The FDA set a PDUFA goal date of May 20, 2026.")
    (goal,) = items(result)
    assert body[goal.quote_start:goal.quote_end] == goal.quote  # type: ignore[misc]
    # a goal date the next steps already give is not repeated
    result = rec("us-3", "2025-12-18", "filing_accepted", "FDA",
                 headline="PDUFA goal date of May 20, 2026", steps=[step(
                     "The FDA is expected to act by the PDUFA goal date of May 20, 2026.",
                     "May 20, 2026", "2026-05-20")])
    assert len(items(result)) == 1


def test_a_decision_date_after_the_release_is_a_date_to_come() -> None:
    result = rec("r", "2025-12-09", "filing_accepted", "FDA", decision_date="2026-04-08",
                 quote="The FDA accepted the BLA; the action date is set.")
    (goal,) = items(result)
    assert (goal.end, goal.expects, goal.quote) == (
        D(2026, 4, 8), "decision", "The FDA accepted the BLA; the action date is set.")


def test_no_dates_from_a_record_without_a_release_date_unless_explicit() -> None:
    result = rec("r", None, "negative_opinion", "EMA", steps=[
        step("Submit the grounds within 60 days.", "within 60 days"),
        step("Expects the opinion by March 3, 2026.", "March 3, 2026", "2026-03-03")])
    assert [(i.end, i.state) for i in items(result)] == [(None, "undated"),
                                                          (D(2026, 3, 3), "upcoming")]


# -- resolution ------------------------------------------------------------------------------


def item(source: str, record_: int, released: dt.date | None, end: dt.date | None,
         expects: str | None = "decision", *, action: str = "act", region: str | None = "US",
         product: str | None = "p") -> Upcoming:
    return Upcoming(id=f"up-{source}-{end}-{action}", product_id=product, region=region,
                    actor="company", action=action, timing=None, start=end, end=end,
                    precision="day" if end else None, expects=expects,
                    state="upcoming" if end else "undated", source=source, record=record_,
                    release_date=released)


TODAY = D(2026, 12, 4)


def states(found: list[Upcoming]) -> list[tuple[str, str, str | None]]:
    return [(i.source, i.state, i.resolved_by) for i in found]


def test_an_item_is_met_by_a_later_event_that_shows_its_milestone() -> None:
    resubmit = item("crl", 0, D(2025, 7, 11), D(2025, 12, 31), "submission")
    goal = item("accepted", 2, D(2025, 12, 18), D(2026, 5, 20), "decision")
    events = [_event("crl", "complete_response", D(2025, 7, 11), record_=0),
              _event("resub", "resubmission", D(2025, 11, 20), record_=1),
              _event("accepted", "filing_accepted", D(2025, 12, 18), record_=2),
              _event("approval", "approval", D(2026, 5, 19), record_=3)]
    events[1] = replace(events[1], decision="submission", signals=("resubmission",))
    found = resolve_items([resubmit, goal], events, TODAY)
    assert states(found) == [("crl", "met", "ev-resub-resubmission"),
                             ("accepted", "met", "ev-approval-approval")]
    assert found[1].resolved_on == D(2026, 5, 19)


def test_a_decision_of_either_direction_meets_a_goal_date() -> None:
    goal = item("accepted", 0, D(2025, 1, 1), D(2025, 6, 1))
    crl = _event("crl", "complete_response", D(2025, 6, 1), record_=1, direction="unfavorable")
    assert states(resolve_items([goal], [crl], TODAY)) == [
        ("accepted", "met", "ev-crl-complete_response")]


def test_what_does_not_meet_an_item() -> None:
    goal = item("accepted", 1, D(2025, 12, 18), D(2026, 5, 20))
    others = [
        _event("accepted", "approval", D(2025, 12, 18), record_=1),  # the item's own record
        _event("earlier", "approval", D(2025, 6, 1), record_=0),  # before the item
        _event("eu", "approval", D(2026, 5, 19), record_=2, region="EU"),  # another region
        _event("other", "approval", D(2026, 5, 19), record_=3, product="q"),  # another product
        _event("desig", "designation", D(2026, 5, 19), record_=4),  # not a decision
    ]
    assert states(resolve_items([goal], others, TODAY)) == [("accepted", "past_due", None)]
    launch = item("launch", 0, D(2025, 1, 1), D(2025, 9, 30), None)
    assert states(resolve_items([launch], others, TODAY)) == [("launch", "passed", None)]
    ahead = item("ahead", 0, D(2025, 1, 1), D(2027, 1, 1), None)
    assert states(resolve_items([ahead], others, TODAY)) == [("ahead", "upcoming", None)]
    assert states(resolve_items([ahead], others, D(2027, 1, 2))) == [("ahead", "passed", None)]


def test_a_later_release_that_restates_an_item_supersedes_it() -> None:
    first = item("us-3", 2, D(2025, 12, 18), D(2026, 5, 20))
    corrected = item("us-3b", 3, D(2025, 12, 18), D(2026, 5, 21))  # same day, later record
    extended = item("extension", 4, D(2026, 5, 1), D(2026, 8, 20))
    approval = _event("approval", "approval", D(2026, 8, 18), record_=5)
    found = resolve_items([first, corrected, extended], [approval], TODAY)
    assert states(found) == [("us-3", "superseded", corrected.id),
                             ("us-3b", "superseded", extended.id),
                             ("extension", "met", "ev-approval-approval")]
    # the same plan restated (a wire copy) without a milestone
    launch = item("release", 0, D(2026, 5, 19), D(2026, 9, 30), None, action="Launch in Q3.")
    copy = item("wire-copy", 1, D(2026, 5, 19), D(2026, 9, 30), None, action="Launch in Q3!")
    other = item("other", 2, D(2026, 5, 19), D(2026, 9, 30), None, action="Hire a sales force")
    assert states(resolve_items([launch, copy, other], [], TODAY)) == [
        ("release", "superseded", copy.id), ("wire-copy", "passed", None),
        ("other", "passed", None)]


def test_on_the_event_s_day_the_event_meets_the_item() -> None:
    plan = item("crl", 0, D(2025, 7, 11), D(2025, 12, 31), "submission")
    restated = item("resub", 1, D(2025, 11, 20), D(2025, 12, 20), "submission")
    resubmission = _event("resub", "submission", D(2025, 11, 20), record_=1)
    found = resolve_items([plan, restated], [resubmission], TODAY)
    assert states(found)[0] == ("crl", "met", "ev-resub-submission")


def test_undated_items_stay_undated_unless_met() -> None:
    plan = item("neg", 0, D(2025, 9, 19), None, "opinion", region="EU")
    chat = item("neg", 0, D(2025, 9, 19), None, None, action="Work with the agency", region="EU")
    opinion = _event("pos", "positive_opinion", D(2026, 1, 30), record_=1, region="EU")
    assert states(resolve_items([plan, chat], [opinion], TODAY)) == [
        ("neg", "met", "ev-pos-positive_opinion"), ("neg", "undated", None)]


def test_without_release_dates_the_input_order_decides() -> None:
    goal = item("a", 0, None, D(2026, 5, 20))
    before = _event("b", "approval", None, record_=0)
    assert states(resolve_items([goal], [before], TODAY))[0][1] == "past_due"
    after = _event("c", "approval", None, record_=1)
    assert states(resolve_items([goal], [after], TODAY))[0][1] == "met"
