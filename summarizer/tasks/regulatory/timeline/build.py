"""``build``: records in, ``Timeline`` out (products, events, lane statuses, dates to come)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from os import PathLike
from pathlib import Path, PurePath

from summarizer.errors import InputError
from summarizer.reports import RecordLike, coerce_result
from summarizer.tasks.regulatory.lexicon import find_decision_cues
from summarizer.tasks.regulatory.schema import Product, RegulatorySummary
from summarizer.tasks.regulatory.timeline.dates import parse_date
from summarizer.tasks.regulatory.timeline.events import (
    Record,
    conflicting,
    events_of,
    merge_events,
)
from summarizer.tasks.regulatory.timeline.identity import Mention, identify
from summarizer.tasks.regulatory.timeline.model import (
    Event,
    LaneStatus,
    Skipped,
    Timeline,
    Upcoming,
)
from summarizer.tasks.regulatory.timeline.transitions import (
    CLINICAL_LABELS,
    MARKET_LABELS,
    State,
    next_state,
)
from summarizer.tasks.regulatory.timeline.upcoming import items_of, resolve_items
from summarizer.tasks.regulatory.timeline.vocabulary import DESIGNATIONS

__all__ = ["build", "designation_name", "load_release_dates", "release_date_of"]

_UNNAMED = Product(name="(unnamed product)", generic_name=None)
_OPEN = ("upcoming", "past_due")


def release_date_of(source: str, dates: Mapping[str, dt.date | str]) -> dt.date | None:
    """The release date ``dates`` gives for ``source``: by the source itself, its file name, or
    its name without the suffix (the ids and files of a corpus ``meta.jsonl``)."""
    path = PurePath(source)
    for key in (source, path.name, path.stem):
        if key in dates:
            return parse_date(dates[key])
    return None


def load_release_dates(path: str | PathLike[str]) -> dict[str, dt.date]:
    """Release dates from a JSON-lines file such as a corpus ``meta.jsonl``: each line an object
    with ``published`` (``YYYY-MM-DD`` or null) and ``file`` and/or ``id`` naming the document.

    Raises ``InputError`` naming the file and line when it is missing, not JSON, or a line
    lacks a name or has a malformed date.
    """
    name = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"no such file: {name!r}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {name!r}: {exc}") from None
    dates: dict[str, dt.date] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: invalid JSON ({exc.msg})") from None
        named = [entry.get(k) for k in ("file", "id")] if isinstance(entry, dict) else []
        keys = [k for k in named if isinstance(k, str) and k]
        if not keys:
            raise InputError(f"{name}:{number}: a release date needs \"file\" or \"id\"")
        published = entry.get("published")
        if published is None:
            continue
        day = parse_date(published)
        if day is None or not isinstance(published, str):
            raise InputError(f"{name}:{number}: published must be YYYY-MM-DD, got {published!r}")
        for key in keys:
            dates[key] = day
            dates.setdefault(PurePath(key).name, day)
            dates.setdefault(PurePath(key).stem, day)
    return dates


def designation_name(quote: str | None) -> str | None:
    """The designation an event's quote grants ("Breakthrough Therapy"), None if unnamed."""
    if not quote:
        return None
    cues = [c.text for c in find_decision_cues(quote) if c.decision == "designation"]
    for text in [*cues, quote]:
        for name, pattern in DESIGNATIONS:
            if pattern.search(text):
                return name
    return None


def _records(results: Iterable[RecordLike], dates: Mapping[str, dt.date | str],
             ) -> tuple[list[Record], list[Skipped], int]:
    usable: list[Record] = []
    skipped: list[Skipped] = []
    count = 0
    for index, item in enumerate(results):
        count += 1
        result = coerce_result(item)
        source = result.source or f"record {index + 1}"
        if result.error is not None or result.summary is None:
            reason = (f"{result.error.type}: {result.error.message}" if result.error
                      else "no summary")
            skipped.append(Skipped(source, index, reason))
            continue
        published = result.meta.published if result.meta is not None else None
        release = parse_date(published) or release_date_of(source, dates)
        if not isinstance(result.summary, RegulatorySummary):  # another task's record
            skipped.append(Skipped(source, index, "not a regulatory summary"))
            continue
        usable.append(Record(index, source, result.summary, release, (), result.text))
    return usable, skipped, count


def _mention(record: Record) -> Mention:
    summary = record.summary
    outcome = summary.outcome
    products: list[Product] = list(outcome.products) if outcome is not None else []
    if not products and record.region is not None:
        products = [_UNNAMED]
    strings = [summary.headline, summary.summary]
    if outcome is not None and outcome.evidence is not None:
        strings.append(outcome.evidence.quote)
    if record.text:
        strings.append(record.text)
    return Mention(record.index, summary.company, products, record.source, strings)


def _status(product_id: str, region: str, events: list[Event],
            items: list[Upcoming]) -> LaneStatus:
    state = State()
    since: dt.date | None = None
    decisive: str | None = None
    history: list[tuple[str, str, str]] = []
    for n, event in enumerate(events):
        if any(conflicting(event, later) for later in events[n + 1:]):
            continue  # a later record about the same day corrects this one
        for signal in event.signals:
            before = state
            named = designation_name(event.quote) if signal == "designation" else None
            state, rule = next_state(state, signal, named)
            history.append((event.id, signal, rule.after or "-"))
            moved = (state.market != before.market
                     or (state.market == "none" and state.clinical != before.clinical))
            if moved:
                since, decisive = event.date, event.id
    goals = sorted(i.end for i in items if i.expects == "decision" and i.state in _OPEN
                   and i.end is not None and i.precision in ("day", "by"))
    goal = goals[0] if goals else None
    if state.market != "none":
        label = MARKET_LABELS[state.market]
        if goal is not None and state.market not in ("approved", "conditionally_approved",
                                                      "cleared", "refused", "withdrawn"):
            label += f", goal date {goal.isoformat()}"
    elif state.clinical is not None:
        label = CLINICAL_LABELS[state.clinical]
    elif state.designations:
        label = "designation held"
    else:
        label = MARKET_LABELS["none"]
    conflicts = tuple(f"{e.source}: {e.conflict}" for e in events if e.conflict)
    return LaneStatus(
        product_id=product_id, region=region, state=state.market, label=label, since=since,
        event_id=decisive, goal_date=goal, clinical=state.clinical,
        designations=state.designations, history=tuple(history), conflicts=conflicts,
    )


def _unique_ids(items: list[Upcoming]) -> list[Upcoming]:
    seen: dict[str, int] = {}
    out = []
    for item in items:
        n = seen.get(item.id, 0)
        seen[item.id] = n + 1
        out.append(replace(item, id=f"{item.id}-{n + 1}") if n else item)
    return out


def build(results: Iterable[RecordLike], *, today: dt.date | str | None = None,
          release_dates: Mapping[str, dt.date | str] | None = None) -> Timeline:
    """The timeline of ``results`` (``SummaryResult``s or the JSON records the CLI writes).

    ``today`` (default: the current date) separates upcoming dates from past ones.
    ``release_dates`` maps a record's source (or its file name, or that name without suffix)
    to its release date, for records written without ``--published``. Error records are
    listed in ``Timeline.skipped``. Raises ``InputError`` for something that is not a record.
    """
    now = parse_date(today) if today is not None else dt.date.today()
    if now is None:
        raise ValueError(f"today must be a date or YYYY-MM-DD, got {today!r}")
    records, skipped, count = _records(results, release_dates or {})
    mentions = [_mention(r) for r in records]
    identity = identify(mentions)
    records = [replace(r, product_ids=tuple(identity.product_of(r.index, i)
                                            for i in range(len(m.products))))
               for r, m in zip(records, mentions, strict=True)]
    events = merge_events([e for r in records for e in events_of(r)])
    regions: dict[str, set[str]] = {}
    for event in events:
        regions.setdefault(event.product_id, set()).add(event.region)
    items = []
    for record in records:
        for item in items_of(record):
            only = regions.get(item.product_id or "", set())
            if item.region is None and len(only) == 1:
                item = replace(item, region=next(iter(only)))
            items.append(item)
    items = resolve_items(_unique_ids(items), events, now)
    lane_events: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        lane_events.setdefault((event.product_id, event.region), []).append(event)
    lane_items: dict[tuple[str | None, str | None], list[Upcoming]] = {}
    for item in items:
        lane_items.setdefault((item.product_id, item.region), []).append(item)
    statuses = [_status(product_id, region, lane_events[(product_id, region)],
                        lane_items.get((product_id, region), []))
                for product_id, region in sorted(lane_events)]
    items.sort(key=lambda i: (i.end is None, i.start or dt.date.max, i.end or dt.date.max,
                              i.record, i.id))
    return Timeline(
        today=now, products=identity.products, events=tuple(events),
        statuses=tuple(statuses), upcoming=tuple(items), records=count,
        skipped=tuple(skipped),
    )

