"""Events from records: one per product and region a record's outcome names, with its evidence.

An event is dated by the decision date the record gives, else by the release date; a decision
date after the release date is a date to come, not the event's (``upcoming`` takes it). Records
that state the same event (a wire copy, a corrected release) become one event listing every
source; records that disagree about one lane on one day are kept and flagged as conflicting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.timeline.model import DateBasis, Event
from summarizer.tasks.regulatory.timeline.vocabulary import (
    AGENCY_REGION,
    REEXAMINATION,
    REEXAMINATION_HEDGE,
    RESUBMISSION,
)

__all__ = ["Record", "conflicting", "event_signals", "events_of", "merge_events", "sort_key",
           "stable_id"]

#: decisions that exclude each other on the same day in the same lane
_EXCLUSIVE: tuple[frozenset[str], ...] = (
    frozenset({"approval", "accelerated_approval", "clearance", "complete_response", "refusal",
               "refusal_to_file"}),
    frozenset({"positive_opinion", "negative_opinion"}),
    frozenset({"clinical_hold", "hold_lifted"}),
)
_REEXAMINABLE = frozenset({"submission", "other", "regulatory_feedback"})


@dataclass(frozen=True)
class Record:
    """A usable record: its summary, where it came from, when it was released, its products."""

    index: int
    source: str
    summary: RegulatorySummary
    release_date: dt.date | None
    product_ids: tuple[str, ...]
    text: str | None = None

    @property
    def region(self) -> str | None:
        outcome = self.summary.outcome
        if outcome is None or outcome.decision == "none":
            return None
        return AGENCY_REGION.get(outcome.agency) or "OTHER"


def stable_id(prefix: str, *parts: object) -> str:
    """An id that stays the same when the same records are read again (a hash of ``parts``)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _requests_reexamination(text: str) -> bool:
    return bool(REEXAMINATION.search(text)) and not REEXAMINATION_HEDGE.search(text)


def event_signals(summary: RegulatorySummary) -> tuple[str, ...]:
    """The transition signals of a record's outcome: its decision code, with "resubmission" or
    "reexamination_requested" when the record's evidence or the company's next steps say so."""
    outcome = summary.outcome
    if outcome is None:
        return ()
    decision = outcome.decision
    evidence = [outcome.evidence.quote] if outcome.evidence else []
    stated = [*evidence, summary.headline]
    if decision in _REEXAMINABLE and any(_requests_reexamination(t) for t in stated):
        return ("reexamination_requested",)
    if decision == "submission" and any(RESUBMISSION.search(t) for t in stated):
        return ("resubmission",)
    if decision == "negative_opinion":
        plans = [f"{s.action} {s.evidence.quote if s.evidence else ''}"
                 for s in summary.next_steps if s.actor == "company"]
        if any(_requests_reexamination(t) for t in [*plans, *evidence]):
            return ("negative_opinion", "reexamination_requested")
    return (decision,)


def events_of(record: Record) -> list[Event]:
    """The events of one record: one per product its outcome names (none for a non-event)."""
    outcome = record.summary.outcome
    region = record.region
    if outcome is None or region is None:
        return []
    release, decided = record.release_date, outcome.decision_date
    date: dt.date | None
    basis: DateBasis
    if decided is not None and (release is None or decided <= release):
        date, basis = decided, "decision"
    elif release is not None:
        date, basis = release, "release"
    else:
        date, basis = None, "none"
    evidence = outcome.evidence
    signals = event_signals(record.summary)
    return [
        Event(
            id=stable_id("ev", record.source, product_id, region, outcome.decision),
            product_id=product_id, region=region, agency=outcome.agency,
            agency_body=outcome.agency_body, decision=outcome.decision,
            direction=outcome.direction, date=date, date_basis=basis, release_date=release,
            source=record.source, record=record.index, headline=record.summary.headline,
            indication=outcome.indication, application=outcome.application,
            quote=evidence.quote if evidence else None,
            quote_start=evidence.start if evidence else None,
            quote_end=evidence.end if evidence else None,
            signals=signals,
        )
        for product_id in dict.fromkeys(record.product_ids)
    ]


def sort_key(event: Event) -> tuple[int, dt.date, dt.date, int]:
    """Events in order: by date (decision, else release), undated last in input order."""
    far = dt.date.max
    return (event.date is None, event.date or far, event.release_date or far, event.record)


def _same(a: Event, b: Event) -> bool:
    if (a.decision, a.direction) != (b.decision, b.direction):
        return False
    if a.date is not None and b.date is not None:
        return a.date == b.date
    return a.source == b.source or (a.quote is not None and a.quote == b.quote)


def conflicting(a: Event, b: Event) -> bool:
    """Whether two events of one lane contradict each other: the same day, and exclusive
    decisions (approval and complete response) or one decision in both directions."""
    if a.date is None or a.date != b.date:
        return False
    if a.decision == b.decision:
        return a.direction != b.direction
    return any(a.decision in group and b.decision in group for group in _EXCLUSIVE)


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Duplicates of one event merged into the first (their sources listed), conflicting events
    of one lane and day flagged; returned in timeline order."""
    lanes: dict[tuple[str, str], list[Event]] = {}
    for event in sorted(events, key=sort_key):
        kept = lanes.setdefault((event.product_id, event.region), [])
        twin = next((i for i, k in enumerate(kept) if _same(k, event)), None)
        if twin is not None:
            first = kept[twin]
            if event.source != first.source and event.source not in first.duplicates:
                kept[twin] = replace(first, duplicates=(*first.duplicates, event.source))
            continue
        kept.append(event)
    flagged = []
    for kept in lanes.values():
        for event in kept:
            rivals = [k for k in kept if k is not event and conflicting(k, event)]
            if rivals:
                note = "; ".join(f"{r.decision.replace('_', ' ')} ({r.direction}) in {r.source}"
                                 for r in rivals)
                event = replace(event, conflict=f"conflicts with {note}")
            flagged.append(event)
    return sorted(flagged, key=sort_key)
