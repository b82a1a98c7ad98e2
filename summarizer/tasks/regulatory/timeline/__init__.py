"""Regulatory histories per product, and the calendar of decisions to come.

    >>> from summarizer.reports import load_records
    >>> from summarizer.tasks.regulatory import timeline
    >>> t = timeline.build(load_records("out.jsonl"))  # doctest: +SKIP
    >>> [(s.product_id, s.region, s.label) for s in t.statuses]  # doctest: +SKIP
    >>> open("cal.ics", "w").write(timeline.render(t, "ics"))  # doctest: +SKIP

``build`` joins the names a product goes by (brand, generic name, code) across releases, orders
each product's events per region, derives its status by explicit transition rules
(``timeline.transitions.RULES``) and turns the dated next steps into a calendar whose
items are marked met, superseded or past due by later releases. Renderers: HTML (one lane per
product and region), Markdown, JSON, CSV and iCalendar.
"""

from summarizer.tasks.regulatory.timeline.build import build, load_release_dates
from summarizer.tasks.regulatory.timeline.export import (
    TIMELINE_FORMATS,
    render,
    to_csv,
    to_ics,
    to_json,
    to_jsonable,
)
from summarizer.tasks.regulatory.timeline.model import (
    Event,
    Lane,
    LaneStatus,
    Skipped,
    Timeline,
    TrackedProduct,
    Upcoming,
)
from summarizer.tasks.regulatory.timeline.views import render_html, render_markdown

__all__ = [
    "TIMELINE_FORMATS",
    "Event",
    "Lane",
    "LaneStatus",
    "Skipped",
    "Timeline",
    "TrackedProduct",
    "Upcoming",
    "build",
    "load_release_dates",
    "render",
    "render_html",
    "render_markdown",
    "to_csv",
    "to_ics",
    "to_json",
    "to_jsonable",
]
