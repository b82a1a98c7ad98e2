"""Readable views of a timeline: a self-contained HTML page and Markdown for notebooks.

The HTML page draws one lane per product and region on a shared time axis: events as markers
coloured by direction, dates to come as hollow markers (a day) or bars (a quarter, a half-year)
ahead of a line at today's date. Clicking a marker opens its card with the evidence quote and
the record it came from (and, given ``report_href``, a link to that document in the report).
Like the summary report it is one file with inline CSS and JS, loads nothing, escapes every
string taken from a record and runs only its own script, admitted by hash in its
Content-Security-Policy; without JavaScript each marker still links to its card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources

from summarizer.reports import _csp_hash, _environment, _md
from summarizer.tasks.regulatory.timeline.export import item_title
from summarizer.tasks.regulatory.timeline.model import Event, Lane, Timeline, Upcoming
from summarizer.tasks.regulatory.timeline.vocabulary import MILESTONES, REGIONS

__all__ = ["Axis", "render_html", "render_markdown", "when"]

_LABELS = {m.code: m.label for m in MILESTONES}
_PRECISION_WORD = {"month": "month", "quarter": "quarter", "half": "half-year", "year": "year"}


def when(item: Upcoming) -> str:
    """An item's date as read: a day, "by" a deadline, a range with its width, or undated."""
    if item.start is None or item.end is None:
        return "undated"
    if item.precision == "by":
        return f"by {item.end.isoformat()}"
    if item.precision == "approximate":
        return f"about {item.end.isoformat()}"
    if item.start == item.end:
        return item.end.isoformat()
    width = _PRECISION_WORD.get(item.precision or "", "")
    return f"{item.start.isoformat()} – {item.end.isoformat()}" + (f" ({width})" if width else "")


def _event_date(event: Event) -> str:
    if event.date is None:
        return "undated"
    return event.date.isoformat() + (" (release date)" if event.date_basis == "release" else "")


@dataclass(frozen=True)
class Axis:
    """The shared time axis: ``x(day)`` is a position in percent of the lanes' width."""

    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, timeline: Timeline) -> Axis:
        days = [timeline.today]
        days += [e.date for e in timeline.events if e.date is not None]
        days += [d for u in timeline.upcoming if u.state != "superseded"
                 for d in (u.start, u.end) if d is not None]
        first, last = min(days), max(days)
        pad = max(dt.timedelta(days=30), (last - first) / 20)
        return cls(first - pad, last + pad)

    def x(self, day: dt.date) -> float:
        return round(100 * (day - self.start).days / max(1, (self.end - self.start).days), 3)

    def ticks(self) -> list[tuple[float, str, bool]]:
        """(position, label, major) for each quarter start on the axis; years are major."""
        out = []
        year, month = self.start.year, 1
        while dt.date(year, month, 1) <= self.end:
            day = dt.date(year, month, 1)
            if day >= self.start:
                major = month == 1
                label = str(year) if major else f"Q{(month - 1) // 3 + 1}"
                out.append((self.x(day), label, major))
            month += 3
            if month > 12:
                year, month = year + 1, 1
        return out


def _asset(name: str) -> str:
    """One of the timeline page's own templates, scripts and styles."""
    return resources.files(__package__ or "summarizer.tasks.regulatory.timeline").joinpath(
        "templates", name).read_text(encoding="utf-8")


def render_html(timeline: Timeline, *, title: str = "Regulatory timeline",
                report_href: str | None = None) -> str:
    """One self-contained HTML page: the lanes on a time axis with a today line, the status
    table, each lane's history with its quotes, and the calendar of dates to come.

    ``report_href`` is the (relative) address of an HTML report rendered from the same records
    in the same order; events and dates then link to their document there (``#d<n>``)."""
    script, style = _asset("timeline.js"), _asset("timeline.css")
    template = _environment().from_string(_asset("timeline.html.j2"))
    lanes = timeline.lanes()
    others = [u for u in timeline.upcoming if u.product_id is None]
    return template.render(
        title=title, timeline=timeline, lanes=lanes, others=others, axis=Axis.of(timeline),
        script=script, style=style, script_hash=_csp_hash(script), regions=REGIONS,
        milestones=_LABELS, when=when, event_date=_event_date, report_href=report_href,
        item_title=lambda item: item_title(timeline, item),
        products={p.id: p for p in timeline.products},
        events={e.id: e for e in timeline.events},
        items={u.id: u for u in timeline.upcoming},
    )


# -- Markdown ------------------------------------------------------------------------------------


def _md_lane(lane: Lane) -> list[str]:
    region = REGIONS.get(lane.region or "", "region not stated")
    lines = [f"**{_md(region)}**" + (f" — {_md(lane.status.label)}" if lane.status else "")]
    status = lane.status
    if status is not None:
        extra = []
        if status.since:
            extra.append(f"since {status.since.isoformat()}")
        if status.clinical:
            extra.append(f"clinical: {status.clinical.replace('_', ' ')}")
        if status.designations:
            extra.append("designations: " + ", ".join(status.designations))
        if extra:
            lines[0] += f" ({_md('; '.join(extra))})"
        lines += [f"- ⚠ conflicting records: {_md(c)}" for c in status.conflicts]
    lines.append("")
    for e in lane.events:
        body = e.agency_body if e.agency_body and e.agency_body != e.agency else None
        agency = f"{e.agency} ({body})" if body else e.agency
        quote = f" — “{_md(e.quote)}”" if e.quote else ""
        also = f"; also in {', '.join(e.duplicates)}" if e.duplicates else ""
        lines.append(f"- {_md(_event_date(e))} · {_md(agency)} · "
                     f"**{_md(e.decision.replace('_', ' '))}** ({e.direction}){quote} "
                     f"*({_md(e.source + also)})*")
    for item in lane.upcoming:
        if item.state == "superseded":
            continue
        lines.append(f"- ⏭ {_md(when(item))} · {_md(' '.join(item.action.split()))} "
                     f"— *{item.state.replace('_', ' ')}* *({_md(item.source)})*")
    return [*lines, ""]


def render_markdown(timeline: Timeline, *, title: str = "Regulatory timeline") -> str:
    """Markdown: a status table, the dates to come, and each product's history per region."""
    lines = [f"# {_md(title)}", "",
             f"As of {timeline.today.isoformat()} · {timeline.records} records · "
             f"{len(timeline.products)} products · {len(timeline.events)} events · "
             f"{sum(1 for u in timeline.upcoming if u.state == 'upcoming')} dates to come", ""]
    if timeline.skipped:
        lines += [f"Skipped {len(timeline.skipped)} records: "
                  + "; ".join(_md(f"{s.source} ({s.reason})") for s in timeline.skipped), ""]
    names = {p.id: p for p in timeline.products}
    lines += ["## Status", "", "| product | company | region | status | since | goal date "
              "| designations |", "|---|---|---|---|---|---|---|"]
    for s in timeline.statuses:
        product = names[s.product_id]
        cells = [product.name, product.company or "", s.region, s.label,
                 s.since.isoformat() if s.since else "",
                 s.goal_date.isoformat() if s.goal_date else "", ", ".join(s.designations)]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    lines += ["", "## Dates to come", "", "| when | product | region | expects | action | state "
              "| source |", "|---|---|---|---|---|---|---|"]
    for item in timeline.upcoming:
        if item.state == "superseded":
            continue
        named = names[item.product_id].name if item.product_id else ""
        cells = [when(item), named, item.region or "", _LABELS.get(item.expects or "", ""),
                 item.action, item.state.replace("_", " "), item.source]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    lines += ["", "## Histories", ""]
    current = None
    for lane in timeline.lanes():
        if lane.product.id != current:
            current = lane.product.id
            aka = [a for a in lane.product.aliases if a != lane.product.name]
            lines += [f"### {_md(lane.product.name)}"
                      + (f" ({_md(lane.product.company)})" if lane.product.company else ""), ""]
            if aka:
                lines += [f"Also named: {_md(', '.join(aka))}", ""]
        lines += _md_lane(lane)
    return "\n".join(lines).rstrip() + "\n"
