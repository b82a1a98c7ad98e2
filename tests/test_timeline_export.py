"""Timeline exports (summarizer's timeline.export): iCalendar parsed back with icalendar, CSV and
JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar
import pytest
from test_timeline_build import TODAY, eu_sequence, us_sequence
from timeline_records import rec, step

from summarizer.tasks.regulatory.timeline import Timeline, build, render, to_csv, to_ics, to_json
from summarizer.tasks.regulatory.timeline.export import CALENDAR_COLUMNS, TIMELINE_FORMATS

D = dt.date
STAMP = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


def timeline() -> Timeline:
    return build([*eu_sequence(), *us_sequence()], today=TODAY)


def parse(ics: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return list(calendar.walk("VEVENT"))


def test_the_calendar_parses_back_with_the_dates_to_come() -> None:
    t = timeline()
    ics = to_ics(t, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(ics)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]) == "-//regulatory-summarizer//timeline//EN"
    assert str(calendar["X-WR-CALNAME"]) == "Regulatory timeline"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = parse(ics)
    dated = [i for i in t.upcoming if i.end is not None and i.state != "superseded"]
    assert len(events) == len(dated) > 0
    by_uid = {str(e["UID"]): e for e in events}
    for item in dated:
        event = by_uid[f"{item.id}@regulatory-summarizer"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # all-day: dates, not date-times; DTEND is the day after the last day
        assert type(start) is dt.date and type(end) is dt.date
        assert (start, end) == (item.start, item.end + dt.timedelta(days=1))  # type: ignore[operator]
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["TRANSP"]) == "TRANSPARENT"
    upcoming = [e for e in events if str(e["SUMMARY"]).startswith("Velmora (EU): due by")]
    assert [(e.decoded("DTSTART"), str(e["STATUS"])) for e in upcoming] == [
        (D(2027, 12, 31), "TENTATIVE")]
    # a quarter is kept as its range
    quarter = next(e for e in events if "conclude the re-examination" in str(e["DESCRIPTION"]))
    assert (quarter.decoded("DTSTART"), quarter.decoded("DTEND")) == (D(2026, 1, 1),
                                                                      D(2026, 4, 1))
    assert str(quarter["SUMMARY"]) == "[met] Velmora (EU): committee opinion"
    assert list(quarter["CATEGORIES"].cats) == ["European Union", "met", "committee opinion"]


def test_the_calendar_is_stable_and_leaves_out_superseded_and_undated_items() -> None:
    first, second = to_ics(timeline(), stamp=STAMP), to_ics(timeline(), stamp=STAMP)
    assert first == second  # same records, same file: calendar apps update, not duplicate
    uids = [str(e["UID"]) for e in parse(first)]
    assert len(uids) == len(set(uids))
    superseded = [i.id for i in timeline().upcoming if i.state in ("superseded", "undated")]
    assert superseded and not any(f"{i}@regulatory-summarizer" in uids for i in superseded)
    # adding a record keeps the UIDs of the items already there
    more = build([*eu_sequence(), *us_sequence(),
                  rec("x", "2026-06-01", "designation", "FDA", [("Other", None)])], today=TODAY)
    assert set(uids) <= {str(e["UID"]) for e in parse(to_ics(more, stamp=STAMP))}


def test_calendar_text_is_escaped_for_icalendar() -> None:
    t = build([rec("odd;name,\\.txt", "2026-01-01", "filing_accepted", "FDA",
                   [("Brand; Two", None)], steps=[step("Launch, then; report\\ in Q3 2026.",
                                                       "in Q3 2026")])], today=TODAY)
    (event,) = parse(to_ics(t, stamp=STAMP))
    assert str(event["SUMMARY"]) == "[passed] Brand; Two (US): Launch, then; report\\ in Q3 2026."
    assert "Source: odd;name,\\.txt, released 2026-01-01" in str(event["DESCRIPTION"])


def test_csv_has_one_row_per_item_with_ranges_and_states() -> None:
    t = timeline()
    rows = list(csv.DictReader(io.StringIO(to_csv(t))))
    assert tuple(rows[0]) == CALENDAR_COLUMNS
    assert len(rows) == len(t.upcoming)
    first = rows[0]
    assert (first["start"], first["end"], first["precision"], first["product"],
            first["company"], first["region"], first["state"]) == (
        "2025-10-01", "2025-12-31", "quarter", "Orzenta", "Halcyon Biopharma, Inc.", "US", "met")
    undated = [r for r in rows if r["state"] == "undated" or not r["end"]]
    assert all(r["start"] == "" for r in undated)


def test_csv_cells_a_spreadsheet_would_run_are_neutralised() -> None:
    t = build([rec("a", "2026-01-01", "filing_accepted", "FDA", [("=HYPERLINK(\"x\")", None)],
                   steps=[step("@SUM(1) plans in 2027", "in 2027")])], today=TODAY)
    (row,) = list(csv.DictReader(io.StringIO(to_csv(t))))
    assert row["product"] == "'=HYPERLINK(\"x\")" and row["action"] == "'@SUM(1) plans in 2027"


def test_json_holds_the_whole_timeline() -> None:
    t = timeline()
    data = json.loads(to_json(t))
    assert (data["format"], data["version"], data["today"]) == ("regulatory-timeline", 1,
                                                                "2026-12-04")
    assert [p["name"] for p in data["products"]] == [p.name for p in t.products]
    assert [e["id"] for e in data["events"]] == [e.id for e in t.events]
    assert data["events"][0]["date"] == t.events[0].date.isoformat()  # type: ignore[union-attr]
    assert data["statuses"][0]["label"] == t.statuses[0].label
    assert len(data["upcoming"]) == len(t.upcoming)
    assert data["regions"] == {"US": "United States", "EU": "European Union"}
    assert data["milestones"]["decision"] == "regulator's decision"


def test_render_dispatches_every_format() -> None:
    t = timeline()
    assert set(TIMELINE_FORMATS) == {"html", "markdown", "json", "csv", "ics"}
    for fmt in TIMELINE_FORMATS:
        assert render(t, fmt)
    with pytest.raises(ValueError, match="unknown timeline format"):
        render(t, "pdf")
