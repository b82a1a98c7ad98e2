"""Timeline dates (summarizer's timeline.dates): days, deadlines and ranges from timing phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.tasks.regulatory.timeline.dates import (
    Span,
    goal_dates,
    parse_date,
    span,
    timing_spans,
)

D = dt.date
RELEASE = D(2025, 9, 19)


@pytest.mark.parametrize(("phrase", "start", "end", "precision"), [
    ("May 20, 2026", D(2026, 5, 20), D(2026, 5, 20), "day"),
    ("within 60 days", D(2025, 11, 18), D(2025, 11, 18), "by"),
    ("within 67 days", D(2025, 11, 25), D(2025, 11, 25), "by"),
    ("in the third quarter of 2026", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ("Q1 2027", D(2027, 1, 1), D(2027, 3, 31), "quarter"),
    ("in the fourth quarter of this year", D(2025, 10, 1), D(2025, 12, 31), "quarter"),
    ("in the second half of 2027", D(2027, 7, 1), D(2027, 12, 31), "half"),
    ("in the first half of next year", D(2026, 1, 1), D(2026, 6, 30), "half"),
    ("H1 2026", D(2026, 1, 1), D(2026, 6, 30), "half"),
    ("in March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("next month", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("in 2027", D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("by the end of 2027", D(2027, 12, 31), D(2027, 12, 31), "by"),
    ("later this year", D(2025, 12, 31), D(2025, 12, 31), "by"),
    ("early 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("mid-2026", D(2026, 6, 30), D(2026, 6, 30), "approximate"),
])
def test_a_timing_phrase_is_a_day_a_deadline_or_a_range(phrase: str, start: dt.date,
                                                        end: dt.date, precision: str) -> None:
    assert span(phrase, RELEASE) == Span(phrase, start, end, precision)  # type: ignore[arg-type]


def test_phrases_without_a_date_or_without_a_release_date() -> None:
    assert span("soon", RELEASE) is None
    assert span("once the FDA replies", RELEASE) is None
    assert span("within 60 days", None) is None  # relative: needs the release date
    assert span("May 20, 2026", None) == Span("May 20, 2026", D(2026, 5, 20), D(2026, 5, 20), "day")
    # a period with its year needs no release date; one relative to the release does
    assert span("in the second half of 2027", None) == Span(
        "in the second half of 2027", D(2027, 7, 1), D(2027, 12, 31), "half")
    assert span("by the end of 2027", None) is not None
    assert span("in the first quarter of this year", None) is None
    assert span("in the first half of next year", None) is None


def test_a_step_with_two_timing_phrases_has_two_dates() -> None:
    spans = timing_spans("in the fourth quarter of 2026; in the second half of 2027",
                         D(2026, 12, 31), D(2026, 6, 29))
    assert [(s.start, s.end, s.precision) for s in spans] == [
        (D(2026, 10, 1), D(2026, 12, 31), "quarter"), (D(2027, 7, 1), D(2027, 12, 31), "half")]


def test_the_summary_s_own_due_date_wins_when_it_disagrees() -> None:
    # the summary resolved "within 60 days" against the receipt of the opinion, a day later
    (only,) = timing_spans("within 60 days", D(2025, 11, 19), RELEASE)
    assert (only.start, only.end, only.precision) == (D(2025, 11, 19), D(2025, 11, 19), "day")
    (only,) = timing_spans(None, D(2026, 2, 1), RELEASE)
    assert only.end == D(2026, 2, 1) and only.phrase == "2026-02-01"
    # relative timing a summary left unresolved is resolved against the release date
    (only,) = timing_spans("within 30 days", None, D(2025, 11, 20))
    assert only.end == D(2025, 12, 20)


def test_dates_before_the_release_are_not_dates_to_come() -> None:
    assert timing_spans("in the first quarter of 2025", None, RELEASE) == []
    assert timing_spans(None, D(2025, 1, 1), RELEASE) == []
    assert timing_spans(None, None, RELEASE) == []


@pytest.mark.parametrize(("sentence", "days"), [
    ("The FDA has assigned a PDUFA goal date of May 21, 2026.", [D(2026, 5, 21)]),
    ("FDA Accepts NDA Resubmission; PDUFA Goal Date Set for May 20, 2026", [D(2026, 5, 20)]),
    ("assigned a Prescription Drug User Fee Act (PDUFA) target action date of April 8, 2026.",
     [D(2026, 4, 8)]),
    ("The goal date is January 3, 2026, and the action date was moved from May 1, 2025.",
     [D(2026, 1, 3)]),
    ("The PDUFA date of March 1, 2025 has passed.", []),  # before the release
    ("The Company expects approval on May 20, 2026.", []),  # no goal-date cue
    ("The PDUFA goal date is in the second quarter of 2026.", []),  # not one day
])
def test_goal_dates(sentence: str, days: list[dt.date]) -> None:
    assert [s.end for s in goal_dates(sentence, RELEASE)] == days


def test_parse_date() -> None:
    assert parse_date("2026-05-20") == D(2026, 5, 20)
    assert parse_date("2026-05-20T10:00:00") == D(2026, 5, 20)
    assert parse_date(D(2026, 5, 20)) == D(2026, 5, 20)
    assert parse_date("May 2026") is None and parse_date(None) is None and parse_date(3) is None


@given(st.text(max_size=80), st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 1, 1)))
def test_spans_are_ordered_and_never_before_the_release(timing: str, release: dt.date) -> None:
    for found in timing_spans(timing, None, release):
        assert found.start <= found.end and found.end >= release
    for found in goal_dates(timing, release):
        assert found.end > release
