"""Timeline views (summarizer's timeline.views): the HTML page's lanes, markers, today line, cards,
self-containment and escaping; the Markdown view."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re

from selectolax.lexbor import LexborHTMLParser
from test_timeline_build import TODAY, eu_sequence, us_sequence
from timeline_records import rec, step

from summarizer.tasks.regulatory.timeline import Timeline, build, render_html, render_markdown
from summarizer.tasks.regulatory.timeline.views import Axis, when
from summarizer.types import ErrorInfo, SummaryResult

D = dt.date
XSS = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"


def timeline() -> Timeline:
    return build([*eu_sequence(), *us_sequence()], today=TODAY)


def page(t: Timeline, **options: str) -> LexborHTMLParser:
    return LexborHTMLParser(render_html(t, **options))  # type: ignore[arg-type]


def test_one_lane_per_product_and_region_with_a_marker_per_dated_event() -> None:
    t = timeline()
    doc = page(t)
    lanes = doc.css(".lane")
    assert [(n.attributes["data-product"], n.attributes["data-region"]) for n in lanes] == [
        (lane.product.id, lane.region) for lane in t.lanes()]
    for node, lane in zip(lanes, t.lanes(), strict=True):
        markers = node.css("a.mark.ev")
        assert [m.attributes["data-card"] for m in markers] == [e.id for e in lane.events]
        xs = [float(m.attributes["data-x"] or "") for m in markers]
        assert xs == sorted(xs)  # in date order along the axis
        assert node.css_first(".lane-status").text().startswith(lane.status.label)  # type: ignore[union-attr]
    orzenta = lanes[0]
    assert [m.text() for m in orzenta.css("a.mark.ev .ev-label")] == [
        "CRL", "resubmitted", "accepted", "approval"]
    assert orzenta.css("a.mark.ev")[0].attributes["class"] == "mark ev dir-unfavorable"


def test_dates_to_come_lie_ahead_of_the_today_line() -> None:
    t = timeline()
    doc = page(t)
    today = doc.css_first("#today-line")
    axis = Axis.of(t)
    assert float(today.attributes["data-x"] or "") == axis.x(TODAY)
    assert doc.css_first("#today-date").text() == "2026-12-04"
    marks = {m.attributes["data-card"]: m for m in doc.css("a.mark[data-kind=upcoming]")}
    shown = [i for i in t.upcoming if i.end is not None and i.state != "superseded"]
    assert set(marks) == {i.id for i in shown}
    for item in shown:
        x = float(marks[item.id].attributes["data-x"] or "")
        assert (x > axis.x(TODAY)) == (item.state == "upcoming"), item
        kind = "range" if item.start != item.end else "due"
        assert kind in (marks[item.id].attributes["class"] or "")


def test_every_marker_opens_a_card_with_its_quote() -> None:
    t = timeline()
    doc = page(t)
    for event in t.events:
        card = doc.css_first(f'article.detail[id="{event.id}"]')
        assert card is not None
        quote = card.css_first("blockquote.quote")
        assert (quote.text() if quote else None) == event.quote
        assert event.source in card.text()
    for item in t.upcoming:
        assert doc.css_first(f'article.detail[id="{item.id}"]') is not None
    ids = {n.attributes["id"] for n in doc.css("[id]")}
    assert {n.attributes["data-card"] for n in doc.css("[data-card]")} <= ids
    # the duplicate's source is named on the event's card
    accepted = next(e for e in t.events if e.duplicates)
    assert "us-3b" in doc.css_first(f'article[id="{accepted.id}"]').text()


def test_status_table_and_calendar_table() -> None:
    t = timeline()
    doc = page(t)
    rows = doc.css("#status-table tbody tr")
    assert [r.css("td")[2].text().strip() for r in rows] == [s.label for s in t.statuses]
    calendar = doc.css("#calendar-table tbody tr")
    assert [r.attributes["data-state"] for r in calendar] == [i.state for i in t.upcoming]
    assert [r.css_first("td.when").text() for r in calendar] == [when(i) for i in t.upcoming]


def test_the_page_is_self_contained_and_admits_only_its_own_script() -> None:
    html = render_html(timeline())
    doc = LexborHTMLParser(html)
    (script,) = doc.css("script")
    digest = base64.b64encode(hashlib.sha256(script.text().encode()).digest()).decode()
    csp = doc.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert f"script-src 'sha256-{digest}'" in (csp or "")
    assert "default-src 'none'" in (csp or "")
    assert not doc.css("[src], link[rel=stylesheet]")
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", html)


def test_strings_from_records_are_escaped() -> None:
    t = build([rec(f"evil{XSS}.txt", "2026-01-01", "approval", "FDA", [(f"Brand{XSS}", None)],
                   company=f"Evil {XSS} Inc.", quote=f"Approved {XSS}",
                   steps=[step(f"Launch {XSS} in 2027", "in 2027")])], today=TODAY)
    html = render_html(t)
    assert XSS not in html
    doc = LexborHTMLParser(html)
    assert len(doc.css("script")) == 1 and not doc.css("img")
    assert doc.css_first("blockquote.quote").text() == f"Approved {XSS}"
    markdown = render_markdown(t)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_report_links_and_skipped_records() -> None:
    records: list[object] = [
        SummaryResult(source="broken.pdf", error=ErrorInfo(type="InputError", code="input",
                                                            message="binary")).to_record(),
        *us_sequence()]
    t = build(records, today=TODAY)  # type: ignore[arg-type]
    doc = page(t, report_href="report.html")
    assert doc.css_first("#report-link").attributes["href"] == "report.html"
    first = t.events[0]  # us-1, the second record: #d2 in the report
    link = doc.css_first(f'article[id="{first.id}"] a.report-link')
    assert link.attributes["href"] == "report.html#d2"
    assert "broken.pdf (InputError: binary)" in doc.css_first(".notice").text()
    assert page(t).css_first("a.report-link") is None


def test_an_empty_timeline_says_so() -> None:
    doc = page(build([rec("a", "2026-01-01")], today=TODAY))
    assert not doc.css(".lane")
    assert "No product in these records" in doc.css_first(".notice").text()


def test_undated_events_are_chips_beside_the_lane() -> None:
    t = build([rec("a", None, "approval", "FDA", [("Orzenta", None)], "Halcyon")], today=TODAY)
    doc = page(t)
    (chip,) = doc.css(".lane .ev-chip")
    assert chip.text() == "undated: approval" and chip.attributes["data-card"] == t.events[0].id
    assert not doc.css("a.mark.ev")


def test_markdown_view() -> None:
    t = timeline()
    markdown = render_markdown(t)
    assert markdown.startswith("# Regulatory timeline\n\nAs of 2026-12-04 · 8 records · "
                               "2 products · 7 events · 1 dates to come")
    assert "| Orzenta | Halcyon Biopharma, Inc. | US | approved | 2026-05-19 |  |  |" in markdown
    assert "| by 2027-12-31 | Velmora | EU | submission |" in markdown
    assert "### Velmora (Norvexa Therapeutics N.V.)" in markdown
    assert "Also named: tarnivastat" in markdown
    assert ("- 2025-09-19 (release date) · EMA (CHMP) · **negative opinion** (unfavorable) — "
            "“The CHMP has adopted a negative opinion on the MAA.” *(eu-1)*") in markdown
    assert "also in us-3b" in markdown
    assert "superseded" not in markdown  # restated dates are left out
    assert "2026-05-20" not in markdown  # the goal date the correction replaced
    table_row = re.compile(r"^\| \S")
    assert all(line.count(" | ") == 6 for line in markdown.splitlines() if table_row.match(line))
