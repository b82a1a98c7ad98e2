"""Wording of what lies ahead: plans ("will", "expects"), timing phrases ("within 60 days", "in
the second half of 2026") and the date a phrase points to against the release date.

Plain English of press releases, shared by every task's reader and rules and by the timeline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from summarizer.sentences import normalize_space

__all__ = [
    "FUTURE_CUE",
    "FUTURE_STRONG",
    "FUTURE_WEAK",
    "TIMING_CUE",
    "find_timing",
    "resolve_timing",
    "timing_phrases",
]

_I = re.IGNORECASE

#: a plan or expectation ("will", "plans to", "expects", "look forward to")
FUTURE_STRONG = re.compile(
    r"\b(?:will|shall|expects?|(?<!as\s)expected|expecting|plans?|planned|planning|intends?"
    r"|intended|intending|anticipates?|anticipated|look(?:s|ing)? forward|aims? to|to be "
    r"(?:presented|submitted|initiated|launched|filed|completed)|scheduled|on track)\b",
    _I,
)
#: weaker forward wording (requirements, preparations)
FUTURE_WEAK = re.compile(
    r"\b(?:next steps?|upcoming|going forward|(?:are|is) required to|should be (?:provided"
    r"|submitted)|seek(?:s|ing)? to|prepar(?:e|es|ing) (?:for|to)|must|obliged to"
    r"|(?:as a|is a|the) condition of|specific obligations?|(?:usually|typically|generally"
    r"|normally) (?:\w+ ){0,3}?within"
    # a deadline ahead: "Consultees have 15 working days from publication to lodge an appeal"
    r"|(?:has|have) (?:up to )?\w+ (?:business |calendar |working )?(?:days|weeks|months)"
    r" (?:[^.;]{0,80}? )?to(?= \w))\b",
    _I,
)
FUTURE_CUE = re.compile(f"{FUTURE_STRONG.pattern}|{FUTURE_WEAK.pattern}", _I)

_NUM = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen"
    r"|twenty|thirty|sixty|ninety)"
)
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?:19|20)\d\d"

TIMING_CUE = re.compile(
    "|".join(
        [
            rf"\bwithin (?:approximately |about |the next )?{_NUM}(?:\s?[-–]\s?{_NUM})? "
            r"(?:business |calendar |working )?(?:days?|weeks?|months?|years?)\b",
            rf"\b(?:(?:in|during|by|before|for|through|until|end of) (?:the )?)?{_ORD} "
            r"(?:quarter|half)"
            rf"(?: of)?(?: (?:this|next) year|(?: (?:fiscal|calendar))? {_YEAR})?",
            rf"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)[ ']?(?:{_YEAR}|\d\d)?\b",
            r"\b(?:by|before|at|around|until) (?:the )?(?:end of (?:the |this |next )?(?:year|"
            rf"{_YEAR})|year[- ]end(?: {_YEAR})?)|\bby year[- ]end\b|\byear[- ]end {_YEAR}\b"
            rf"|\b(?:as early as )?year[- ]end(?: {_YEAR})?\b",
            r"\b(?:later|early|earlier|late|mid|by the end of|end of) (?:this|next) (?:year|month"
            r"|quarter)|\bnext (?:year|month|quarter|week)\b|\bthis (?:month|quarter)\b",
            rf"\b(?:early|mid|late|end of|beginning of|the end of)[- ]{_YEAR}\b",
            rf"\b(?:in|by|during|throughout|before|from) (?:{_MONTHS} )?{_YEAR}\b",
            rf"\b{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{{1,2}})?,? {_YEAR}\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS},? {_YEAR}\b",  # British: "14 November 2020"
            r"\b(?:take|takes|taking|in|over the next|for|about|approximately|up to|has|have) "
            rf"(?:approximately |about |up to )?{_NUM}(?:\s?[-–]\s?{_NUM})? "
            r"(?:business |calendar |working )?(?:days|weeks|months|years)\b",
            r"\b(?:soon|shortly)\b",
        ]
    ),
    _I,
)


def find_timing(text: str) -> re.Match[str] | None:
    """The first timing expression in ``text`` (as written), or None."""
    return TIMING_CUE.search(text)


_WORD_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}
_ORD_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}
_MONTH_NUM = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}


def _num(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _WORD_NUM.get(token)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _year_of(phrase: str, published: dt.date) -> int:
    m = re.search(rf"\b({_YEAR})\b", phrase)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)[ ']?(\d\d)\b", phrase, _I)
    if m:
        return 2000 + int(m.group(1))
    if re.search(r"\bnext year\b", phrase, _I):
        return published.year + 1
    return published.year


def resolve_timing(phrase: str, published: dt.date | None) -> dt.date | None:
    """The date a timing phrase points to (end of the period), against the release date.

    "within 60 days" -> published + 60 days; "third quarter of this year" -> Sep 30; "second half
    of 2025" -> Dec 31 2025; "by the end of 2026" -> Dec 31 2026; "March 3, 2026" -> that day.
    None when the phrase has no resolvable date or no release date is known.
    """
    p = phrase.strip()
    low = p.lower()
    explicit = re.search(rf"\b(?P<month>{_MONTHS}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? "
                         rf"(?P<year>{_YEAR})\b", p, _I) or re.search(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTHS}),? (?P<year>{_YEAR})\b", p, _I)
    if explicit:  # "March 3, 2026" or, British, "3 March 2026"
        try:
            return dt.date(int(explicit["year"]), _MONTH_NUM[explicit["month"].lower()],
                           int(explicit["day"]))
        except ValueError:
            return None
    if published is None:
        return None
    span = re.search(
        rf"\b({_NUM})(?:\s?[-–]\s?({_NUM}))? (?:business |calendar |working )?"
        r"(day|week|month|year)s?\b",
        low,
    )
    if span and re.search(r"\b(?:within|take|takes|taking|in|over|for|about|approximately|up to"
                          r"|has|have)\b", low):
        n = _num(span.group(2) or span.group(1))
        if n is None:
            return None
        unit = span.group(3)
        if unit == "day":
            return published + dt.timedelta(days=n)
        if unit == "week":
            return published + dt.timedelta(weeks=n)
        if unit == "month":
            return _add_months(published, n)
        return _add_months(published, 12 * n)
    year = _year_of(low, published)
    quarter = re.search(rf"\b({_ORD}) quarter\b", low) or re.search(r"\b(?:q([1-4])|([1-4])q)\b",
                                                                      low)
    if quarter:
        q = _ORD_NUM.get(quarter.group(1) or "") or int(
            next(g for g in quarter.groups() if g and g.isdigit())
        )
        return _month_end(year, 3 * q)
    half = re.search(rf"\b({_ORD}) half\b", low) or re.search(r"\b(?:h([12])|([12])h)\b", low)
    if half:
        h = _ORD_NUM.get(half.group(1) or "") or int(
            next(g for g in half.groups() if g and g.isdigit())
        )
        return _month_end(year, 6 * min(h, 2))
    if re.search(r"\bnext month\b", low):
        return _month_end(*_month_after(published, 1))
    if re.search(r"\bthis month\b", low):
        return _month_end(published.year, published.month)
    quarter_end = 3 * ((published.month - 1) // 3 + 1)
    if re.search(r"\bnext quarter\b", low):
        return _month_end(*_month_after(dt.date(published.year, quarter_end, 1), 3))
    if re.search(r"\bthis quarter\b", low):
        return _month_end(published.year, quarter_end)
    month = re.search(rf"\b({_MONTHS}) ({_YEAR})\b", p, _I)
    if month:
        return _month_end(int(month.group(2)), _MONTH_NUM[month.group(1).lower()])
    if re.search(r"\byear[- ]end\b|\bend of\b", low):
        return dt.date(year, 12, 31)
    if re.search(r"\b(?:early|beginning of)\b", low):
        return dt.date(year, 3, 31)
    if re.search(r"\bmid\b", low):
        return dt.date(year, 6, 30)
    if re.search(rf"\b(?:year|end|late|later)\b|\b{_YEAR}\b|\bnext year\b", low):
        return dt.date(year, 12, 31)
    return None


def _month_after(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after ``day``'s month."""
    total = day.month - 1 + months
    return day.year + total // 12, total % 12 + 1


#: a verb or preposition a timing phrase may start with, dropped from the phrase as written
_TIMING_VERB = re.compile(r"^(?:take|takes|taking|for|has|have)\s+", _I)


def timing_phrases(sentence: str, published: dt.date | None) -> tuple[str | None, dt.date | None]:
    """The timing of a sentence as written (at most two phrases, joined by "; ") and the first
    date ahead they point to. A phrase that points before the release date is background, not
    the timing of a next step, and is left out."""
    phrases: list[str] = []
    due: dt.date | None = None
    for m in TIMING_CUE.finditer(sentence):
        phrase = _TIMING_VERB.sub("", normalize_space(m.group()))
        when = resolve_timing(phrase, published)
        if when is not None and published is not None and when < published:
            continue
        if phrase.lower() not in (p.lower() for p in phrases) and len(phrases) < 2:
            phrases.append(phrase)
        if due is None and when is not None:
            due = when
    return ("; ".join(phrases) or None), due
