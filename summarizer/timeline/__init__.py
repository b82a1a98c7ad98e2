"""Compatibility package (deprecated): the regulatory timeline moved to
``summarizer.tasks.regulatory.timeline``.

Kept so that code written for 0.1.0 (``from summarizer.timeline import build`` or
``import summarizer.timeline.model``) keeps working: the package's names are re-exported and its
modules answer to their old names too (the same module objects, not copies). New code imports
from ``summarizer.tasks.regulatory.timeline``, or reaches it as ``get_task().timeline``.
"""

from __future__ import annotations

import importlib
import sys

from summarizer.tasks.regulatory.timeline import (
    TIMELINE_FORMATS,
    Event,
    Lane,
    LaneStatus,
    Skipped,
    Timeline,
    TrackedProduct,
    Upcoming,
    build,
    load_release_dates,
    render,
    render_html,
    render_markdown,
    to_csv,
    to_ics,
    to_json,
    to_jsonable,
)

for _name in ("build", "dates", "events", "export", "identity", "model", "transitions",
              "upcoming", "views", "vocabulary"):
    sys.modules[f"{__name__}.{_name}"] = importlib.import_module(
        f"summarizer.tasks.regulatory.timeline.{_name}")

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
