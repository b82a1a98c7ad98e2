"""Timeline events (summarizer's timeline.events): dates, signals, duplicates and conflicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from timeline_records import rec, step

from summarizer.tasks.regulatory.schema import AGENCY_CODES
from summarizer.tasks.regulatory.timeline.events import (
    Record,
    event_signals,
    events_of,
    merge_events,
    sort_key,
)
from summarizer.tasks.regulatory.timeline.model import Event
from summarizer.tasks.regulatory.timeline.vocabulary import AGENCY_REGION, REGIONS

D = dt.date


def record(result: object, index: int = 0, products: tuple[str, ...] = ("p",)) -> Record:
    from summarizer.reports import coerce_result

    r = coerce_result(result)  # type: ignore[arg-type]
    assert r.summary is not None and r.meta is not None
    published = D.fromisoformat(r.meta.published) if r.meta.published else None
    return Record(index, r.source or "", r.summary, published, products, r.text)


def test_every_agency_has_a_region() -> None:
    assert set(AGENCY_REGION) == set(AGENCY_CODES)
    assert AGENCY_REGION["NONE"] is None
    assert {r for r in AGENCY_REGION.values() if r} <= set(REGIONS)
    assert AGENCY_REGION["EC"] == AGENCY_REGION["EMA"] == "EU"
    assert AGENCY_REGION["NICE"] == AGENCY_REGION["MHRA"] == "UK"
    assert AGENCY_REGION["NOTIFIED_BODY"] == "CE"


def test_an_event_is_dated_by_its_decision_date_else_its_release_date() -> None:
    (e,) = events_of(record(rec("a", "2026-03-27", "approval", "EC", decision_date="2026-03-25",
                                quote="The EC granted approval.", quote_at=(10, 35))))
    assert (e.date, e.date_basis, e.release_date) == (D(2026, 3, 25), "decision", D(2026, 3, 27))
    assert (e.region, e.agency, e.quote, e.quote_start, e.quote_end) == (
        "EU", "EC", "The EC granted approval.", 10, 35)
    (e,) = events_of(record(rec("b", "2026-03-27", "approval", "EC")))
    assert (e.date, e.date_basis) == (D(2026, 3, 27), "release")
    (e,) = events_of(record(rec("c", None, "approval", "EC")))
    assert (e.date, e.date_basis, e.undated) == (None, "none", True)
    # a "decision date" after the release is a date to come, not the event's date
    (e,) = events_of(record(rec("d", "2025-12-18", "filing_accepted", "FDA",
                                decision_date="2026-05-20")))
    assert (e.date, e.date_basis) == (D(2025, 12, 18), "release")


def test_a_non_event_has_no_events_and_an_unknown_regulator_is_other() -> None:
    assert events_of(record(rec("a", "2026-01-01"))) == []
    (e,) = events_of(record(rec("b", "2026-01-01", "approval", "OTHER")))
    assert e.region == "OTHER"


def test_one_event_per_product_the_outcome_names() -> None:
    events = events_of(record(rec("a", "2026-01-01", "approval", "FDA"), products=("x", "y", "x")))
    assert [e.product_id for e in events] == ["x", "y"]
    assert len({e.id for e in events}) == 2


@pytest.mark.parametrize(("decision", "steps", "quote", "headline", "signals"), [
    ("negative_opinion", [step("Norvexa will request a re-examination of the opinion.")], None,
     None, ("negative_opinion", "reexamination_requested")),
    ("negative_opinion", [step("Submit the detailed grounds for appeal", "within 60 days")], None,
     None, ("negative_opinion", "reexamination_requested")),
    ("negative_opinion", [], "EpiCept has already requested a re-examination of this opinion.",
     None, ("negative_opinion", "reexamination_requested")),
    ("negative_opinion", [step("The company is evaluating whether to request re-examination")],
     None, None, ("negative_opinion",)),
    ("negative_opinion", [step("The CHMP may re-examine its opinion", actor="regulator")], None,
     None, ("negative_opinion",)),
    ("negative_opinion", [], None, None, ("negative_opinion",)),
    ("submission", [], "Norvexa has submitted the detailed grounds for re-examination.", None,
     ("reexamination_requested",)),
    ("other", [], None, "Norvexa Requests Re-examination of CHMP Opinion",
     ("reexamination_requested",)),
    ("submission", [], "Halcyon has resubmitted its NDA to the FDA.", None, ("resubmission",)),
    ("submission", [], None, "Halcyon Resubmits NDA for Orzenta", ("resubmission",)),
    ("submission", [], "Halcyon has submitted its NDA to the FDA.", None, ("submission",)),
    ("approval", [], "Approved after re-examination.", None, ("approval",)),
])
def test_signals_read_the_record_s_evidence_and_the_company_s_plans(
        decision: str, steps: list[dict[str, object]], quote: str | None, headline: str | None,
        signals: tuple[str, ...]) -> None:
    result = rec("a", "2026-01-01", decision, "EMA", steps=steps, quote=quote,  # type: ignore[arg-type]
                 headline=headline)
    assert result.summary is not None
    assert event_signals(result.summary) == signals


def _event(source: str, decision: str, date: dt.date | None, *, record_: int = 0,
           direction: str = "favorable", product: str = "p", region: str = "US",
           quote: str | None = None) -> Event:
    return Event(id=f"ev-{source}-{decision}", product_id=product, region=region, agency="FDA",
                 agency_body=None, decision=decision, direction=direction, date=date,
                 date_basis="decision" if date else "none", release_date=date, source=source,
                 record=record_, headline="h", quote=quote, signals=(decision,))


def test_events_are_ordered_by_date_with_undated_ones_last_in_input_order() -> None:
    events = [_event("c", "approval", None, record_=0), _event("b", "approval", D(2026, 1, 2)),
              _event("a", "filing_accepted", D(2025, 1, 1), record_=3),
              _event("d", "submission", None, record_=1)]
    assert [e.source for e in sorted(events, key=sort_key)] == ["a", "b", "c", "d"]


def test_duplicates_become_one_event_that_lists_every_source() -> None:
    merged = merge_events([
        _event("release.txt", "approval", D(2026, 5, 19), record_=0),
        _event("wire-copy.txt", "approval", D(2026, 5, 19), record_=1),
        _event("other-lane.txt", "approval", D(2026, 5, 19), record_=2, region="EU"),
        _event("release.txt", "approval", D(2026, 5, 19), record_=3),  # the same record again
        _event("undated.txt", "submission", None, record_=4, quote="q"),
        _event("undated-copy.txt", "submission", None, record_=5, quote="q"),
        _event("undated-other.txt", "submission", None, record_=6, quote="another"),
    ])
    assert [(e.source, e.duplicates) for e in merged] == [
        ("release.txt", ("wire-copy.txt",)), ("other-lane.txt", ()),
        ("undated.txt", ("undated-copy.txt",)), ("undated-other.txt", ())]
    assert not any(e.conflict for e in merged)


def test_records_that_disagree_about_one_lane_and_day_are_kept_and_flagged() -> None:
    day = D(2026, 5, 19)
    merged = merge_events([
        _event("a.txt", "approval", day),
        _event("b.txt", "complete_response", day, direction="unfavorable", record_=1),
        _event("c.txt", "designation", day, record_=2),  # not exclusive with a decision
        _event("d.txt", "advisory_vote", day, record_=3),
        _event("e.txt", "advisory_vote", day, direction="unfavorable", record_=4),
        _event("f.txt", "approval", D(2026, 5, 20), record_=5),  # another day
    ])
    notes = {e.source: e.conflict for e in merged}
    assert notes["a.txt"] == "conflicts with complete response (unfavorable) in b.txt"
    assert notes["b.txt"] == "conflicts with approval (favorable) in a.txt"
    assert notes["d.txt"] == "conflicts with advisory vote (unfavorable) in e.txt"
    assert notes["e.txt"] == "conflicts with advisory vote (favorable) in d.txt"
    assert notes["c.txt"] is None and notes["f.txt"] is None


def test_event_ids_do_not_depend_on_the_other_records() -> None:
    a = record(rec("a.txt", "2026-01-01", "approval", "FDA"), index=0)
    (alone,) = events_of(a)
    (shifted,) = events_of(replace(a, index=7))
    assert alone.id == shifted.id
