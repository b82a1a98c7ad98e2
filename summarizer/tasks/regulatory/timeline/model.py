"""The timeline's plain data: products, events, lane statuses and upcoming dates.

Everything is a frozen dataclass of strings, dates and tuples, so a ``Timeline`` can be compared,
hashed, exported as JSON and handed to any view without the records it was built from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from summarizer.tasks.regulatory.timeline.vocabulary import REGIONS

__all__ = [
    "DateBasis",
    "Event",
    "ItemState",
    "Lane",
    "LaneStatus",
    "Precision",
    "Skipped",
    "Timeline",
    "TrackedProduct",
    "Upcoming",
]

#: what an event's date is: the decision date the record gives, the release date, or none known
DateBasis = Literal["decision", "release", "none"]
#: how precise an upcoming date is: one day, a deadline ("within 60 days", "by the end of 2027"),
#: a range (month, quarter, half-year, year), or an approximate day ("mid-2026")
Precision = Literal["day", "by", "month", "quarter", "half", "year", "approximate"]
#: upcoming: dated, ahead of today; met: a later release shows the outcome; past_due: a regulatory
#: milestone whose date passed with no release showing it; passed: a date passed that no record
#: can show (a launch, a data readout); superseded: a later release restated it; undated
ItemState = Literal["upcoming", "met", "past_due", "passed", "superseded", "undated"]


@dataclass(frozen=True)
class TrackedProduct:
    """One product across releases: its display name, every name it was seen under, its company."""

    id: str
    name: str
    aliases: tuple[str, ...]
    company: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """A regulatory event of one product in one region, as one record (or its duplicates) states it.

    ``quote_start``/``quote_end`` index the text of the record named by ``source`` (present in the
    record when it was written with ``--include-text``). ``record`` is the 0-based position of
    that record in the input.
    """

    id: str
    product_id: str
    region: str
    agency: str
    agency_body: str | None
    decision: str
    direction: str
    date: dt.date | None
    date_basis: DateBasis
    release_date: dt.date | None
    source: str
    record: int
    headline: str
    indication: str | None = None
    application: str | None = None
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    signals: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    conflict: str | None = None

    @property
    def undated(self) -> bool:
        return self.date is None


@dataclass(frozen=True)
class LaneStatus:
    """Where one product stands in one region after its events, by the transition rules.

    ``state`` is the marketing state (``MARKET_LABELS`` in ``timeline.transitions``),
    ``label`` says it in words (with the goal date while a decision is awaited); ``since`` and
    ``event_id`` name the event that set it. ``history`` lists (event id, signal, the state it
    led to or "-" when the state stayed) in order; ``conflicts`` the contradicting records.
    """

    product_id: str
    region: str
    state: str
    label: str
    since: dt.date | None = None
    event_id: str | None = None
    goal_date: dt.date | None = None
    clinical: str | None = None
    designations: tuple[str, ...] = ()
    history: tuple[tuple[str, str, str], ...] = ()
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Upcoming:
    """A dated (or undated) next step: what is expected, when, and whether it came to pass.

    ``start``/``end`` bound the date (equal for a single day or a deadline; a quarter, half-year,
    month or year is kept as its range). ``expects`` is the regulatory milestone the step
    announces (``MILESTONES`` in ``timeline.vocabulary``), None for other plans.
    ``resolved_by`` names the event that met it, or the item that superseded it.
    """

    id: str
    product_id: str | None
    region: str | None
    actor: str
    action: str
    timing: str | None
    start: dt.date | None
    end: dt.date | None
    precision: Precision | None
    expects: str | None
    state: ItemState
    source: str
    record: int
    release_date: dt.date | None
    resolved_by: str | None = None
    resolved_on: dt.date | None = None
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None

    @property
    def dated(self) -> bool:
        return self.end is not None


@dataclass(frozen=True)
class Skipped:
    """A record the timeline could not use, and why (an error record, no summary)."""

    source: str
    record: int
    reason: str


@dataclass(frozen=True)
class Lane:
    """One product in one region: its events in order, its upcoming dates and its status."""

    product: TrackedProduct
    region: str | None
    status: LaneStatus | None
    events: tuple[Event, ...]
    upcoming: tuple[Upcoming, ...]


@dataclass(frozen=True)
class Timeline:
    """The regulatory history of every product in a set of records, and the dates to come."""

    today: dt.date
    products: tuple[TrackedProduct, ...]
    events: tuple[Event, ...]
    statuses: tuple[LaneStatus, ...]
    upcoming: tuple[Upcoming, ...]
    records: int = 0
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)

    @cached_property
    def _products(self) -> dict[str, TrackedProduct]:
        return {p.id: p for p in self.products}

    @cached_property
    def _statuses(self) -> dict[tuple[str, str], LaneStatus]:
        return {(s.product_id, s.region): s for s in self.statuses}

    def product(self, product_id: str) -> TrackedProduct:
        """The product with this id (``KeyError`` when there is none)."""
        return self._products[product_id]

    def find_product(self, name: str) -> TrackedProduct | None:
        """The product one of whose names is ``name`` (case, marks and hyphens ignored)."""
        from summarizer.tasks.regulatory.timeline.identity import alias_key

        key = alias_key(name)
        for product in self.products:
            if key and any(alias_key(a) == key for a in product.aliases):
                return product
        return None

    def status(self, product_id: str, region: str) -> LaneStatus | None:
        """The status of one lane, None when the product has no event there."""
        return self._statuses.get((product_id, region))

    def lanes(self) -> list[Lane]:
        """One lane per product and region (events or upcoming dates), products in name order,
        regions in ``REGIONS`` order; upcoming dates without a region get a lane of their own."""
        order = {code: i for i, code in enumerate(REGIONS)}
        events_of: dict[str, list[Event]] = {}
        for e in self.events:
            events_of.setdefault(e.product_id, []).append(e)
        items_of: dict[str | None, list[Upcoming]] = {}
        for u in self.upcoming:
            items_of.setdefault(u.product_id, []).append(u)
        lanes = []
        for product in sorted(self.products, key=lambda p: (p.name.lower(), p.company or "")):
            events, items = events_of.get(product.id, []), items_of.get(product.id, [])
            regions = {e.region for e in events} | {u.region for u in items}
            for region in sorted(regions, key=lambda r: order.get(r or "", len(order))):
                lanes.append(Lane(
                    product=product, region=region,
                    status=self.status(product.id, region) if region else None,
                    events=tuple(e for e in events if e.region == region),
                    upcoming=tuple(u for u in items if u.region == region),
                ))
        return lanes
