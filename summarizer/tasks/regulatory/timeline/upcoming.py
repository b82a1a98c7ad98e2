"""Dates to come: a record's next steps and goal dates as calendar items, and what became of them.

Each next step becomes one item per product, region and timing phrase (a step without a date is
kept as undated). A goal date the record states outside its next steps ("The FDA has assigned a
PDUFA goal date of May 20, 2026" in the outcome's evidence, headline or summary) and a decision
date after the release date become items too.

An item is **met** when a later record of the same product and region reports a decision that
shows the announced milestone happened (``Milestone.met_by``); **superseded** when a later release
restates it (same milestone, or the same plan) before that; otherwise upcoming, or past due
(a regulatory milestone) or passed (a plan no record can show, such as a launch) once its date
is behind today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from summarizer.sentences import split_sentences
from summarizer.tasks.regulatory.lexicon import FUTURE_CUE, find_agencies
from summarizer.tasks.regulatory.schema import NextStep
from summarizer.tasks.regulatory.timeline.dates import Span, goal_dates, timing_spans
from summarizer.tasks.regulatory.timeline.events import Record, stable_id
from summarizer.tasks.regulatory.timeline.model import Event, ItemState, Upcoming
from summarizer.tasks.regulatory.timeline.vocabulary import (
    AGENCY_REGION,
    MILESTONES,
    NEGATION,
    US_ONLY,
    milestone,
)

__all__ = ["expected_milestone", "items_of", "resolve_items"]


def expected_milestone(text: str) -> str | None:
    """The milestone a plan announces: the first one named after its verb ("intends to resubmit
    the NDA" -> submission), else before it ("an advisory committee is planned"), a topic
    milestone first (a plan about a clinical hold is about lifting it); None when none is
    named or the plan is negated."""
    future = FUTURE_CUE.search(text)
    verb = future.start() if future else 0
    for begin, end in ((future.end(), len(text)), (0, verb)) if future else ((0, len(text)),):
        hits = [(not ms.topic, m.start(), ms.code) for ms in MILESTONES
                if (m := ms.pattern.search(text, begin, end))]
        if hits:
            _, start, code = min(hits)
            negated = NEGATION.search(text, max(0, min(verb, start) - 20), max(verb, start))
            return None if negated else code
    return None


def _regions(text: str, record: Record) -> list[str | None]:
    """The regions a step is about: the regulators it names, else US-only wording, else the
    region of the record's outcome; [None] when nothing says."""
    named = [AGENCY_REGION.get(a.code) for a in find_agencies(text)]
    regions: list[str | None] = list(dict.fromkeys(r for r in named if r))
    if not regions and US_ONLY.search(text):
        regions = ["US"]
    return regions or [record.region]


def _locate(sentence: str, record: Record) -> tuple[int | None, int | None]:
    if record.text is None:
        return None, None
    at = record.text.find(sentence)
    return (at, at + len(sentence)) if at >= 0 else (None, None)


def _item(record: Record, key: tuple[object, ...], product_id: str | None, region: str | None,
          step: NextStep | None, action: str, span: Span | None, expects: str | None,
          quote: str | None, start: int | None, end: int | None) -> Upcoming:
    return Upcoming(
        id=stable_id("up", record.source, *key, product_id, region),
        product_id=product_id, region=region,
        actor=step.actor if step is not None else "regulator", action=action,
        timing=(step.timing if step is not None else None) or (span.phrase if span else None),
        start=span.start if span else None, end=span.end if span else None,
        precision=span.precision if span else None, expects=expects,
        state="undated" if span is None else "upcoming",
        source=record.source, record=record.index, release_date=record.release_date,
        quote=quote, quote_start=start, quote_end=end,
    )


def _stated_goal_dates(record: Record) -> list[tuple[str, Span, int | None, int | None]]:
    """Goal dates in the outcome's evidence, the headline and the summary sentences."""
    summary, release = record.summary, record.release_date
    found: list[tuple[str, Span, int | None, int | None]] = []
    evidence = summary.outcome.evidence if summary.outcome is not None else None
    if evidence is not None:
        found += [(evidence.quote, s, evidence.start, evidence.end)
                  for s in goal_dates(evidence.quote, release)]
    for sentence in [summary.headline, *(s.text for s in split_sentences(summary.summary))]:
        found += [(sentence, s, *_locate(sentence, record)) for s in goal_dates(sentence, release)]
    return found


def items_of(record: Record) -> list[Upcoming]:
    """The dated and undated items of one record (see the module docstring)."""
    products: Sequence[str | None] = record.product_ids or (None,)
    items: list[Upcoming] = []
    for n, step in enumerate(record.summary.next_steps):
        quote = step.evidence.quote if step.evidence is not None else None
        text = f"{step.action} {quote or ''}"
        expects = expected_milestone(step.action) or (expected_milestone(quote) if quote else None)
        spans: list[Span | None] = [*timing_spans(step.timing, step.due_date,
                                                  record.release_date)] or [None]
        start = step.evidence.start if step.evidence is not None else None
        end = step.evidence.end if step.evidence is not None else None
        for region in _regions(text, record):
            for k, span in enumerate(spans):
                for product_id in dict.fromkeys(products):
                    items.append(_item(record, ("step", n, k), product_id, region, step,
                                       step.action, span, expects, quote, start, end))
    dated = {(i.product_id, i.region, i.end) for i in items}
    outcome = record.summary.outcome
    stated = _stated_goal_dates(record)
    if (outcome is not None and outcome.decision_date is not None
            and record.release_date is not None and outcome.decision_date > record.release_date):
        day = outcome.decision_date
        quote = outcome.evidence.quote if outcome.evidence else outcome.decision
        stated.append((quote, Span(day.isoformat(), day, day, "day"),
                       *(( outcome.evidence.start, outcome.evidence.end) if outcome.evidence
                         else (None, None))))
    for n, (sentence, span, start, end) in enumerate(stated):
        for region in _regions(sentence, record):
            for product_id in dict.fromkeys(products):
                if (product_id, region, span.end) in dated:
                    continue
                dated.add((product_id, region, span.end))
                items.append(_item(record, ("goal", n), product_id, region, None,
                                   f"decision due (goal date): {sentence}", span, "decision",
                                   sentence, start, end))
    return items


def _after(event: Event, item: Upcoming) -> bool:
    """Whether ``event`` was reported after the release that announced ``item``."""
    if event.record == item.record:
        return False
    when = event.date or event.release_date
    if when is not None and item.release_date is not None:
        if event.release_date is not None and event.release_date < item.release_date:
            return False
        return when >= item.release_date
    return event.record > item.record


def _later(other: Upcoming, item: Upcoming) -> bool:
    """Whether ``other`` was announced in a later release than ``item``."""
    if other.record == item.record:
        return False
    if (other.release_date is not None and item.release_date is not None
            and other.release_date != item.release_date):
        return other.release_date > item.release_date
    return other.record > item.record


def _plan(item: Upcoming) -> tuple[object, ...]:
    """What makes two items the same plan: the milestone, else the action's words."""
    if item.expects:
        return item.product_id, item.region, item.expects
    return item.product_id, item.region, " ".join(re.findall(r"\w+", item.action.lower()))


def _meeting_event(item: Upcoming, events: Mapping[str | None, Sequence[Event]]) -> Event | None:
    """The earliest event of the item's product (and region) that shows its milestone."""
    if item.expects is None or item.product_id is None:
        return None
    wanted = milestone(item.expects).met_by
    return next((e for e in events.get(item.product_id, ())
                 if (item.region is None or e.region == item.region)
                 and any(s in wanted for s in (e.decision, *e.signals)) and _after(e, item)),
                None)


def _released_before(item: Upcoming, event: Event | None) -> bool:
    """Whether ``item`` was announced before ``event`` happened (on its day, the event wins)."""
    if event is None:
        return True
    when = event.date or event.release_date
    if item.release_date is not None and when is not None:
        return item.release_date < when
    return item.record < event.record


def resolve_items(items: Iterable[Upcoming], events: Sequence[Event], today: dt.date,
                  ) -> list[Upcoming]:
    """Each item's state: met, superseded, upcoming, past due, passed or undated. ``events``
    must be in timeline order (the earliest event that shows the milestone meets it)."""
    items = list(items)
    by_product: dict[str | None, list[Event]] = {}
    for e in events:
        by_product.setdefault(e.product_id, []).append(e)
    plans: dict[tuple[object, ...], list[Upcoming]] = {}
    for item in items:
        plans.setdefault(_plan(item), []).append(item)
    resolved = []
    for item in items:
        event = _meeting_event(item, by_product)
        restated = [o for o in plans[_plan(item)] if _later(o, item)
                    and _released_before(o, event)]
        state: ItemState
        if restated:
            first = min(restated, key=lambda o: (o.release_date or dt.date.max, o.record))
            resolved.append(replace(item, state="superseded", resolved_by=first.id,
                                    resolved_on=first.release_date))
            continue
        if event is not None:
            resolved.append(replace(item, state="met", resolved_by=event.id,
                                    resolved_on=event.date or event.release_date))
            continue
        if item.end is None:
            state = "undated"
        elif item.end >= today:
            state = "upcoming"
        else:
            state = "past_due" if item.expects else "passed"
        resolved.append(replace(item, state=state))
    return resolved
