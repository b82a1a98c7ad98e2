"""Dates of the timeline: a step's timing as a day, a deadline or a range, and goal dates.

The dates themselves come from ``lexicon.resolve_timing`` (the same reading the
summaries use), which gives the end of the period a phrase names. This module only says how wide
that period is (a quarter is kept as its three months, a half-year as its six) so that a calendar
shows "Q3 2026" as a range, not as September 30.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.tasks.regulatory.lexicon import TIMING_CUE, resolve_timing
from summarizer.tasks.regulatory.timeline.model import Precision
from summarizer.tasks.regulatory.timeline.vocabulary import GOAL_DATE

__all__ = ["Span", "goal_dates", "parse_date", "timing_spans"]

_I = re.IGNORECASE
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
#: how wide the period a timing phrase names is, tried in order (the end is resolve_timing's)
_PRECISION: tuple[tuple[Precision, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d\b", _I)),
    ("by", re.compile(r"\b(?:within|take|takes|taking|over the next|up to|approximately"
                      r"|about)\b|\b(?:in|for) (?:\d+|[a-z]+)(?:\s?[-–]\s?\w+)? "
                      r"(?:days|weeks|months|years)\b", _I)),
    ("quarter", re.compile(r"\bquarter\b|\bQ[1-4]\b|\b[1-4]Q\b", _I)),
    ("half", re.compile(r"\bhalf\b|\bH[12]\b|\b[12]H\b", _I)),
    ("month", re.compile(rf"\b(?:this|next) month\b|\b{_MONTH},? (?:19|20)\d\d\b", _I)),
    ("quarter", re.compile(r"\b(?:early|beginning of)\b", _I)),
    ("approximate", re.compile(r"\bmid\b", _I)),
    ("by", re.compile(r"\b(?:end|year[- ]end|by|before|until|later|late)\b", _I)),
    ("year", re.compile(r"\b(?:in|during|throughout|from)? ?(?:19|20)\d\d\b", _I)),
)


@dataclass(frozen=True)
class Span:
    """A resolved date: ``start`` to ``end`` (equal for one day or a deadline)."""

    phrase: str
    start: dt.date
    end: dt.date
    precision: Precision


def parse_date(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or date) as a date; None for anything else."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _precision(phrase: str) -> Precision:
    for precision, pattern in _PRECISION:
        if pattern.search(phrase):
            return precision
    return "day"


def _start(end: dt.date, precision: Precision) -> dt.date:
    if precision == "quarter":
        return dt.date(end.year, end.month - 2, 1) if end.month >= 3 else end
    if precision == "half":
        return dt.date(end.year, end.month - 5, 1) if end.month >= 6 else end
    if precision == "month":
        return dt.date(end.year, end.month, 1)
    if precision == "year":
        return dt.date(end.year, 1, 1)
    return end


#: two release dates years apart: a phrase that resolves the same against both names a date of its
#: own ("in the second half of 2027"), one that does not is relative ("within 60 days")
_REFERENCES = (dt.date(1990, 1, 1), dt.date(2010, 12, 31))


def _resolve(phrase: str, published: dt.date | None) -> dt.date | None:
    if published is not None:
        return resolve_timing(phrase, published)
    found = {resolve_timing(phrase, reference) for reference in _REFERENCES}
    return found.pop() if len(found) == 1 else None


def span(phrase: str, published: dt.date | None) -> Span | None:
    """The date ``phrase`` names against the release date, with its width; None if it names none
    (a relative phrase without a release date names none)."""
    end = _resolve(phrase, published)
    if end is None:
        return None
    precision = _precision(phrase)
    return Span(phrase, _start(end, precision), end, precision)


def timing_spans(timing: str | None, due: dt.date | None,
                 published: dt.date | None) -> list[Span]:
    """The dates of one next step: one per timing phrase ("in Q4 2026; in the second half of
    2027" gives two), none before the release date. ``due`` (the summary's own date) wins over
    the first phrase when they disagree, as a single day."""
    phrases = [p.strip() for p in (timing or "").split(";") if p.strip()]
    spans: list[Span] = []
    for n, phrase in enumerate(phrases):
        found = span(phrase, published)
        if n == 0 and due is not None and (found is None or found.end != due):
            found = Span(phrase, due, due, "day")
        if found is not None and (published is None or found.end >= published):
            spans.append(found)
    if not phrases and due is not None and (published is None or due >= published):
        spans.append(Span(due.isoformat(), due, due, "day"))
    return spans


def goal_dates(text: str, published: dt.date | None) -> list[Span]:
    """The goal dates a sentence sets ("PDUFA goal date of May 20, 2026"): an explicit date
    after a goal-date cue, later than the release date."""
    found: list[Span] = []
    for cue in GOAL_DATE.finditer(text):
        for m in TIMING_CUE.finditer(text, cue.end()):
            day = span(m.group(), published)
            if day is not None and day.precision == "day" and (
                    published is None or day.end > published):
                found.append(day)
                break
    return list({s.end: s for s in found}.values())
