"""Exports of a timeline: JSON (everything), CSV and iCalendar (the dates to come).

The iCalendar file is written with the maintained ``icalendar`` library (RFC 5545): one all-day
event per dated item (a quarter or half-year as a multi-day range), a UID that stays the same
when the same records are exported again (so a calendar app updates its copy instead of adding
a second one), and nothing that needs a time zone. Superseded items are left out of it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from typing import Any

from summarizer.tasks.regulatory.timeline.events import stable_id
from summarizer.tasks.regulatory.timeline.model import Timeline, Upcoming
from summarizer.tasks.regulatory.timeline.vocabulary import MILESTONES, REGIONS

__all__ = [
    "CALENDAR_COLUMNS",
    "TIMELINE_FORMATS",
    "item_title",
    "render",
    "to_csv",
    "to_ics",
    "to_json",
    "to_jsonable",
]

#: the formats of ``render`` (and of ``summarizer timeline --format``)
TIMELINE_FORMATS = ("html", "markdown", "json", "csv", "ics")

#: the columns of the CSV calendar, in order
CALENDAR_COLUMNS = (
    "id", "state", "start", "end", "precision", "product", "company", "region", "expects",
    "actor", "action", "timing", "source", "release_date", "resolved_by", "resolved_on", "quote",
)

_LABELS = {m.code: m.label for m in MILESTONES}
_STATE_PREFIX = {"met": "[met] ", "past_due": "[past due] ", "passed": "[passed] "}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
UID_DOMAIN = "regulatory-summarizer"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_jsonable(timeline: Timeline) -> dict[str, Any]:
    """The timeline as JSON-ready dicts and lists (dates as ``YYYY-MM-DD``)."""
    data = _plain(dataclasses.asdict(timeline))
    used = {s.region for s in timeline.statuses} | {u.region for u in timeline.upcoming if u.region}
    data["regions"] = {code: name for code, name in REGIONS.items() if code in used}
    data["milestones"] = dict(_LABELS)
    return {"format": "regulatory-timeline", "version": 1, **data}


def to_json(timeline: Timeline) -> str:
    """The whole timeline as indented JSON."""
    return json.dumps(to_jsonable(timeline), indent=2, ensure_ascii=False) + "\n"


def _cell(value: object) -> str:
    """A CSV cell; text a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a ``'``."""
    text = "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(timeline: Timeline) -> str:
    """The calendar as CSV: one row per item (``CALENDAR_COLUMNS``), undated ones included."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CALENDAR_COLUMNS)
    for item in timeline.upcoming:
        product = timeline.product(item.product_id) if item.product_id else None
        row = {
            **{c: getattr(item, c, None) for c in CALENDAR_COLUMNS},
            "product": product.name if product else None,
            "company": product.company if product else None,
        }
        writer.writerow([_cell(row[c]) for c in CALENDAR_COLUMNS])
    return out.getvalue()


def item_title(timeline: Timeline, item: Upcoming) -> str:
    """A calendar entry's one-line title: product (region): milestone or action."""
    product = timeline.product(item.product_id).name if item.product_id else "No product"
    what = _LABELS.get(item.expects or "", "") or " ".join(item.action.split())
    if len(what) > 90:
        what = what[:87].rstrip() + "..."
    where = f" ({item.region})" if item.region else ""
    due = "due by " if item.precision == "by" else ""
    return f"{_STATE_PREFIX.get(item.state, '')}{product}{where}: {due}{what}"


def _description(timeline: Timeline, item: Upcoming) -> str:
    lines = [" ".join(item.action.split())]
    if item.timing:
        lines.append(f"Timing as written: {item.timing}")
    lines.append(f"State: {item.state.replace('_', ' ')}"
                 + (f" ({item.resolved_by}, {item.resolved_on})" if item.resolved_by else ""))
    if item.product_id:
        product = timeline.product(item.product_id)
        lines.append(f"Product: {', '.join(product.aliases)}"
                     + (f" - {product.company}" if product.company else ""))
    released = f", released {item.release_date.isoformat()}" if item.release_date else ""
    lines.append(f"Source: {item.source}{released}")
    if item.quote:
        lines.append(f"Quote: \"{' '.join(item.quote.split())}\"")
    return "\n".join(lines)


def to_ics(timeline: Timeline, *, name: str = "Regulatory timeline",
           stamp: dt.datetime | None = None) -> str:
    """The dated items as an iCalendar file: all-day events, ranges for quarters and halves.

    ``stamp`` is every event's DTSTAMP (default: now, UTC).
    """
    import icalendar

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar.new(
        prodid=f"-//{UID_DOMAIN}//timeline//EN", name=name, calscale="GREGORIAN",
        method="PUBLISH",
        uid=stable_id("calendar", *sorted(p.id for p in timeline.products)) + f"@{UID_DOMAIN}",
        description=f"Dates to come from {timeline.records} regulatory press-release summaries, "
                    f"as of {timeline.today.isoformat()}",
    )
    for item in timeline.upcoming:
        if item.start is None or item.end is None or item.state == "superseded":
            continue
        categories = [REGIONS.get(item.region or "", "Unspecified region"),
                      item.state.replace("_", " ")]
        if item.expects:
            categories.append(_LABELS[item.expects])
        event = icalendar.Event.new(
            uid=f"{item.id}@{UID_DOMAIN}", stamp=stamp, start=item.start,
            end=item.end + dt.timedelta(days=1), summary=item_title(timeline, item),
            description=_description(timeline, item), categories=categories,
            status=icalendar.STATUS.CONFIRMED if item.precision == "day"
            else icalendar.STATUS.TENTATIVE,
            transparency=icalendar.TRANSP.TRANSPARENT,
        )
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def render(timeline: Timeline, fmt: str, *, title: str = "Regulatory timeline",
           report_href: str | None = None) -> str:
    """Render in one of ``TIMELINE_FORMATS``. ``report_href`` (HTML) links each event to its
    document in a report rendered from the same records (``report.html``)."""
    if fmt == "html":
        from summarizer.tasks.regulatory.timeline.views import render_html

        return render_html(timeline, title=title, report_href=report_href)
    if fmt == "markdown":
        from summarizer.tasks.regulatory.timeline.views import render_markdown

        return render_markdown(timeline, title=title)
    if fmt == "json":
        return to_json(timeline)
    if fmt == "csv":
        return to_csv(timeline)
    if fmt == "ics":
        return to_ics(timeline, name=title)
    raise ValueError(f"unknown timeline format {fmt!r}; use one of {TIMELINE_FORMATS}")
