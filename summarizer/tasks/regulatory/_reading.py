"""The release as the regulatory reader reads it: zoned sentences and weighted decision cues.

A careful skimmer reads the headline and first paragraphs for the news, discounts hedged
("if approved"), negated ("did not approve") or recapped wording ("previously granted", "in
2023") and skips boilerplate, label text and planted instructions. ``read_release`` does that
once per document (kept in ``Document.memo``) and gives a ``ZonedRelease``: the sentences with
their zone (headline, subhead, lead, body), the regulators each names, and every decision cue
weighed by where and how it is said.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from summarizer.document import Document
from summarizer.injection import find_injections
from summarizer.sentences import Sentence, split_sentences
from summarizer.tasks.regulatory.lexicon import (
    ACT_AFTER_REGULATOR,
    AGENCY_PATTERNS,
    AGREED_WITH_REGULATOR,
    BACKGROUND_BEFORE,
    BACKGROUND_CLAUSE,
    BACKGROUND_OPENING,
    BACKGROUND_RECENT,
    BACKGROUND_TITLE,
    CAREER_BEFORE,
    DECIDED_NOT,
    FRAMEWORK_AFTER,
    FRAMEWORK_BEFORE,
    HYPOTHETICAL_AFTER,
    HYPOTHETICAL_BEFORE,
    NEGATED_LIST,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NEWS_CUE,
    NOT_EVENT_AFTER,
    NOT_EVENT_BEFORE,
    NOT_YET,
    OTHER_NEWS_TITLE,
    OTHERS_ACT,
    PEOPLE,
    PURPOSE_BEFORE,
    REACTION_OR_NOTE,
    REGULATORY_TITLE,
    REPORTED_NOW,
    STEP_KIND,
    STEP_PARTICIPLE,
    THING_AFTER_PARTICIPLE,
    UNDECIDED_AFTER,
    AgencyMention,
    CueHit,
    find_agencies,
    find_decision_cues,
    find_short_names,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY

if TYPE_CHECKING:
    from summarizer.tasks.regulatory._decision import QuoteReading

__all__ = [
    "CUE_WINDOW",
    "MONTH_NUM",
    "ViewSentence",
    "WeightedCue",
    "ZonedRelease",
    "is_background",
    "is_hedged",
    "is_negated",
    "mask_agencies",
    "read_release",
]

#: sections whose title marks prescribing / safety text: never the news, never a next step
_LABEL_TITLE = re.compile(
    r"important safety|safety information|^warnings?\b|precautions|adverse reactions"
    r"|drug interactions|indications? and usage|dosage and administration|contraindications"
    r"|prescribing information|medication guide|^what is|^how should|side effects"
    r"|important information|^references\b|endnotes|footnotes|editor'?s notes|^disclosures?\b"
    r"|trade names|webcast|conference call",
    re.I,
)
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November"
           r"|December")
_DATE_IN = re.compile(
    r"\b(?:(?P<lead_day>\d{1,2})(?:st|nd|rd|th)? (?:of )?)?"  # "24 April 2025" (day first)
    rf"(?P<month>{_MONTHS})(?: (?P<day>\d{{1,2}}))?,? (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?i:in|during|of) (?P<bare>(?:19|20)\d\d)\b"
)
_MONTH_ALONE = re.compile(
    # ... or naming a thing of that month ("the February clinical hold letter", "its March
    # opinion")
    rf"\b(?:(?i:in|during) |(?i:the|its|their|our) (?=(?:{_MONTHS})\s+[a-z]))({_MONTHS})\b"
    r"(?!,? (?:\d|of\b))")
#: a day of a month without a year ("on 31 May", "on May 31st")
_DAY_ALONE = re.compile(
    rf"\b(?i:on) (?:(?P<lead_day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTHS})"
    rf"|(?P<month2>{_MONTHS}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!,? ?(?:\d|of\b))"
)
#: "today" (or "yesterday", "on Tuesday") right by a cue: today's act, whatever clause it sits
#: in; a weekday with a date after it ("on Tuesday, March 4, 2024") is read as that date
_JUST_NOW = (r"(?:(?:earlier |later )?today|this morning|yesterday|over the (?:past )?weekend"
             r"|(?:on |last |late (?:on )?)(?:Monday|Tuesday"
             r"|Wednesday|Thursday|Friday|Saturday|Sunday)(?!,? (?:\w+ )?\d))")
#: a regulator's name blanked out (``mask_agencies``), read as one word
_MASKED = re.compile(r"_+(?: _+)*")
_TODAY_BEFORE = re.compile(rf"\b{_JUST_NOW}\b[^.;,]*$", re.I)
#: ... or opening the cue's clause, a comma after it ("reports that, in a call late Friday, the
#: FDA asked the company to pause dosing"; not across a clause of its own: "Yesterday, X
#: presented data from the trial of Y, which received approval in 2019")
_TODAY_OPENS = re.compile(
    rf"(?:^|[,;:(]|\bthat\b)\s*(?:[\w-]+ ){{0,3}}?{_JUST_NOW},"
    r"(?:(?!\b(?:which|who|whose|that|after|following|since|when|before)\b)"
    r"(?:[^.;,]|(?<=\b[A-Z])\.))*$", re.I)
_TODAY_AFTER = re.compile(
    # after the cue's abbreviation ("Complete Response Letter (CRL) yesterday"), a vote's count
    # ("voted 9 to 4 yesterday"), its regulator ("approval from the European Commission
    # yesterday", the name blanked out) or in a short aside ("the FDA's approval, received late
    # yesterday, of X")
    rf"^\s*(?:\([^()]{{1,20}}\)\s*)?(?:\d+ ?(?:to|-|–) ?\d+ )?(?:[\w-]+ ){{0,2}}?"
    rf"(?:{_MASKED.pattern} (?:(?:of|at) (?:the )?{_MASKED.pattern} )?)?{_JUST_NOW}\b"
    rf"|^\s*,\s*(?:received|granted|issued|announced|adopted|published|obtained) (?:\w+ )?"
    rf"{_JUST_NOW}\b",
    re.I)
#: a bracketed abbreviation or name inside a clause ("designated as a ... (GIFT) by the MFDS in
#: January", "approval of VANTORIS (pelagrutide) on June 12, 2023")
_INNER_BRACKET = re.compile(r"\([^()]{1,40}\)")
#: a sentence that opens by dating its news ("In December 2022, ...", "On 3 March 2023, ...")
_OPENING_DATE = re.compile(
    r"^\W*(?:(?:back |earlier )?in|on|during|by|as of|at the end of|late in|early in"
    r"|at that time)\b"
    # a full date whose year no comma follows ("On April 22, 2025 the FDA classified ...")
    rf"(?:\s+(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*(?:19|20)\d\d\b(?!\s*[,;])"
    r"|[^,;]{0,40}(?:,\s*(?:19|20)\d\d)?,"  # (the comma inside "On June 2, 2023," too)
    # ... or a year or a month of one without the comma ("In 2024 the FDA accepted ...")
    rf"|\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d\b(?!\s*[,.;]))"
    # ... or by the dated announcement it refers to ("As disclosed in the announcement of the
    # Company dated 18 July 2025, ...": that announcement's act is as old)
    r"|^\W*As (?:disclosed|announced|reported|stated) in [^,;]{0,80}?\bdated\b[^,;]{0,30},"
    # ... or by a time before today's told without a date ("Earlier this year, the FDA granted")
    r"|^\W*(?:earlier (?:this|in the) (?:month|quarter|year)|(?:last|past|previous) (?:month"
    r"|quarter|year)|last week)\s*,",
    re.I,
)
MONTH_NUM = {m.lower(): i for i, m in enumerate(_MONTHS.split("|"), start=1)}
#: characters of news text read (releases are far shorter; bounds the work on huge inputs)
_READ_LIMIT = 60_000
_HEDGED_CUE_WEIGHT = 0.15
_BACKGROUND_WEIGHT = 0.35
_NEGATED_WEIGHT = 0.05
#: a cue's specificity from which its words name a kind of act, not a word said of many
SPECIFIC = 2.0
#: ... and from which they name it outright, on their own ("Breakthrough Therapy designation",
#: "complete response letter"): firm enough to contradict another kind, to tell an event beyond
#: doubt, to stand as a generic kind's explicit name
NAMING = 2.5
#: characters either side of a cue that its reading looks at (hedges, negation, clause, dates)
CUE_WINDOW = 400

# --------------------------------------------------------------------------------------------
# reading a release


@dataclass(frozen=True)
class ViewSentence:
    """A sentence with where it sits: zone is headline, subhead, lead or body."""

    sentence: Sentence
    index: int
    zone: str
    kind: str
    title: str | None
    agencies: tuple[AgencyMention, ...]

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


@dataclass(frozen=True)
class WeightedCue:
    """A decision cue with its weight in this release and the sentence holding it."""

    hit: CueHit
    weight: float
    sentence: ViewSentence
    hedged: bool
    background: bool
    actor: bool = False  # a regulator is named as the one acting ("the FDA approved")
    negated: bool = False  # "did not approve", "has not placed ... on hold"
    # marked as these days' news: "the FDA earlier today approved", "also reports that"
    today: bool = False
    # names the framework an act falls under ("under the conditional approval system")
    framework: bool = False

    @property
    def firm(self) -> bool:
        """Stated as a fact: neither hedged nor negated."""
        return not self.hedged and not self.negated

    @property
    def attributed(self) -> bool:
        """Said of a regulator where it has to be: a cue that needs one ("approved") stands in
        a sentence naming a regulator (for a regulator's own wording: that regulator)."""
        if not self.hit.needs_agency:
            return True
        return any(self.hit.agency in (None, a.code) for a in self.sentence.agencies)


@dataclass
class ZonedRelease:
    """The parts of a release the rules and the backend read, built once per document."""

    document: Document
    sentences: list[ViewSentence]
    headline: ViewSentence | None
    cues: list[WeightedCue]
    agency_counts: Counter[str] = field(default_factory=Counter)
    lead_start: int = 0
    injections: tuple[tuple[int, int], ...] = ()
    #: readings of quoted spans (``_decision.read_quote``), kept: arbitration, the repairs and
    #: the rules read the same quote several times
    quotes: dict[tuple[int, int], QuoteReading] = field(default_factory=dict, repr=False,
                                                        compare=False)
    named: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    #: the end of the period a results release reports ("for the third quarter ended September
    #: 30, 2024"), as its headline or lead states it; None in a release of no period
    period_end: dt.date | None = None
    #: whether the headline announces news of another kind (``other_news_title``): an act its
    #: lead dates more than a week back is then that news's background
    other_news: bool = False

    @property
    def text(self) -> str:
        return self.document.text

    def mentions(self, agency: str) -> bool:
        """Whether the release names ``agency`` anywhere (boilerplate too): by one of its
        names, by a short name the reader resolves to it ("the Commission has granted", in a
        release that named the CHMP), or by an instrument only it issues ("its PMA
        supplement", "a Notice of Compliance"); kept per code."""
        known = self.named.get(agency)
        if known is None:
            known = self.named[agency] = AGENCY_PATTERNS[agency].search(self.text) is not None or (
                any(a.code == agency for vs in self.sentences for a in vs.agencies)
                or any(c.hit.agency == agency for c in self.cues)
                or _owns_instrument(agency, self.text))
        return known

    @cached_property
    def named_codes(self) -> frozenset[str]:
        """The codes of every regulator the release names by one of its names, anywhere
        (boilerplate too): what the rules and arbitration cite when the model's regulator is
        one the release never mentions; found once per release."""
        return frozenset(m.code for m in find_agencies(self.text))


def _owns_instrument(agency: str, text: str) -> bool:
    """Whether ``text`` names one of ``agency``'s own instruments (the vocabulary's
    ``instruments``: a PMA, a PDUFA date, a New Drug Submission)."""
    spec = VOCABULARY.agency(agency)
    return spec is not None and spec.instruments is not None and (
        spec.instruments.search(text) is not None)


def _zone_ranges(document: Document) -> tuple[tuple[int, int] | None, str | None, int, int]:
    """(headline span, the headline's title, where the lead starts, where the lead ends)."""
    text = document.text
    headline: tuple[int, int] | None = None
    title: str | None = None
    dateline_end: int | None = None
    first_body: int | None = None
    for s in document.sections:
        if s.kind == "headline" and headline is None:
            headline, title = (s.start, s.end), s.title
        elif s.kind == "dateline" and dateline_end is None and s.start < 4000:
            dateline_end = s.end
        elif s.kind in ("body", "quote") and first_body is None:
            first_body = s.start
    if headline is None and not document.sections and text:
        nl = text.find("\n")
        if 0 < nl < 300:
            headline = (0, nl)
    lead_start = dateline_end if dateline_end is not None else (
        headline[1] if headline else (first_body or 0)
    )
    return headline, title, lead_start, lead_start + 1500


def _headline_line(text: str, span: tuple[int, int], title: str | None) -> Sentence | None:
    """The headline's main line: the first line of its title (after a preamble such as
    "ASX ANNOUNCEMENT" and a date line), else the first of its lines that reads like a title."""
    best: Sentence | None = None
    lines = list(re.finditer(r"[^\n]+", text[span[0]:span[1]]))
    titled = [m for m in lines if title and len(m.group().strip()) >= 12
              and title.startswith(" ".join(m.group().split()))]
    for m in titled[:1] or lines:
        line = m.group()
        stripped = line.strip()
        if len(stripped) < 12 or stripped.startswith("-") or not (
                titled or re.search(r"[a-z]", stripped)):  # a title may be in capitals
            continue
        start = span[0] + m.start() + (len(line) - len(line.lstrip()))
        best = Sentence(start, start + len(stripped), stripped)
        break
    return best


def _clip_spans(
    spans: list[tuple[int, int, str, str | None]], limit: int
) -> list[tuple[int, int, str, str | None]]:
    """The first ``limit`` characters of the spans (a release's news is at its front)."""
    out: list[tuple[int, int, str, str | None]] = []
    budget = limit
    for start, end, kind, title in spans:
        if budget <= 0:
            break
        out.append((start, min(end, start + budget), kind, title))
        budget -= end - start
    return out


def read_release(document: Document) -> ZonedRelease:
    """Split the release into zoned sentences and weigh its decision cues.

    Boilerplate, prescribing/safety label text and instruction-like (prompt-injection) passages
    are left out: none of them reports the news. Only the first ``_READ_LIMIT`` characters of
    news text are read. The view depends on the document alone and is read-only once built, so
    it is computed once per ``Document`` (kept in ``Document.memo``): one LLM answer's re-ask
    check, the gap filling and the final rules share it.
    """
    view = document.memo.get("release_view")
    if not isinstance(view, ZonedRelease):
        view = document.memo["release_view"] = _read_release(document)
    return view


def _read_release(document: Document) -> ZonedRelease:
    text = document.text
    injected = tuple((i.start, i.end) for i in find_injections(text))
    head_span, head_title, lead_start, lead_end = _zone_ranges(document)
    sections = document.sections or ()
    sentences: list[ViewSentence] = []
    headline: ViewSentence | None = None
    news: list[tuple[int, int, str, str | None]] = [
        (s.start, s.end, str(s.kind), s.title) for s in sections
        if s.kind not in ("about", "forward_looking", "contacts", "trailer", "headline")
        and not (s.title and _LABEL_TITLE.search(s.title))
    ] if sections else [(0, len(text), "body", None)]
    spans = _clip_spans(news, _READ_LIMIT)
    scan = sorted({(a, b) for a, b, _, _ in spans} | ({head_span} if head_span else set()))
    mentions = find_short_names(text, scan,
                                [m for a, b in scan for m in find_agencies(text, a, b)])
    starts = [a.start for a in mentions]

    def agencies_in(start: int, end: int) -> tuple[AgencyMention, ...]:
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        return tuple(a for a in mentions[lo:hi] if a.end <= end)

    if head_span is not None:
        line = _headline_line(text, head_span, head_title)
        if line is not None:
            headline = ViewSentence(line, -1, "headline", "headline", None,
                                    agencies_in(line.start, line.end))
    for start, end, kind, title in spans:
        for sent in split_sentences(text, start, end):
            if not re.search(r"[A-Za-z]{2}", sent.text):
                continue
            if any(sent.start < b and a < sent.end for a, b in injected):
                continue
            if sent.start < lead_start:
                zone = "subhead"
            elif sent.start < lead_end:
                zone = "lead"
            else:
                zone = "body"
            sentences.append(ViewSentence(
                sent, len(sentences), zone, kind, title, agencies_in(sent.start, sent.end)
            ))
    view = ZonedRelease(document, sentences, headline, [], lead_start=lead_start,
                       injections=injected, period_end=_period_end(
                           [s for s in ([headline] if headline else []) + sentences
                            if s.zone in ("headline", "subhead", "lead")]),
                       other_news=other_news_title(headline))
    for vs in ([headline] if headline else []) + sentences:
        for a in vs.agencies:
            view.agency_counts[a.code] += 2 if vs.zone in ("headline", "lead") else 1
    view.cues = _recapped_headline_cues(view, _weigh_cues(view, lead_start, scan))
    return view


#: a second clause of what was said opens ("... that it had addressed the letter and that the
#: trial may resume"), or a second report ("reported results for the first quarter and
#: announced that on May 2 it received a letter": the results' period dates no act of it)
_SECOND_CLAUSE = re.compile(
    r" and (?:(?:also )?(?:announced|reported|said|disclosed|stated|noted|confirmed) )?that ")


def _clause(before: str) -> str:
    """The end of ``before`` since the last clause break (comma, semicolon, dash, bracket, or
    "and (announced) that" opening a second clause of what was said: "informed the company that
    it had addressed the February hold letter and that the trial may resume")."""
    cut = max(before.rfind(c) for c in ",;:()—–") + 1
    second = max((m.end() for m in _SECOND_CLAUSE.finditer(before, cut)), default=-1)
    if second >= 0:
        cut = max(cut, second)
    return before[cut:]


#: a cue opening a relative clause ("..., which recommended approval"): its act is the thing
#: before the comma's
_RELATIVE_ONLY = re.compile(
    r"\s*(?:which|that|who)"
    # ... or with a regulator as its subject ("a 510(k) filed in 2004, which the FDA found not
    # substantially equivalent": the finding is as old as the filing)
    r"(?:\s+(?:the\s+)?_+(?:\s+_+)*\s+(?:found|deemed|judged|considered|determined))?\s*", re.I)
#: a cue in a clause of time hung on the one before ("the condition was met on 23 September,
#: when the notified body, BSI, issued the certificate"), no stronger break between: its act
#: is the time the main clause dates
_WHEN_CLAUSE = re.compile(r",\s*when\b[^;:()—–]*$", re.I)
#: a past perfect that only reports, in the past, an act as these days' news ("said on Tuesday
#: that the European Commission had approved X"): the reported present perfect, no earlier event
#: (its clause's dates still date it); a report not marked as these days' ("On May 22, X
#: disclosed that the FDA had issued ...") may be an old one
_BACKSHIFTED = re.compile(
    rf"\b(?:said|announced|reported|disclosed|stated|confirmed) {_JUST_NOW} that\b"
    r"(?:(?!\b(?:that|which|who|after|following|when|since)\b)[^,;:()])"
    r"{0,100}?\bhad (?:just |now )?(?:been )?$", re.I)


#: a results release's period, as it states it ("for the third quarter ended September 30,
#: 2024", "for the six months ended 30 June 2025"); the date follows
_PERIOD_ENDED = re.compile(
    r"\b(?:quarter|three months|six months|nine months|twelve months|half[- ]year|first half"
    r"|second half|(?:fiscal |financial )?year|(?:reporting )?period)\s+ended\s+(?:on\s+)?", re.I)


def _period_end(front: Sequence[ViewSentence]) -> dt.date | None:
    """The end of the period the release reports, from its headline and lead (the first stated)."""
    for vs in front:
        for m in _PERIOD_ENDED.finditer(vs.text):
            date = _DATE_IN.match(vs.text, m.end())
            when = _date_of(date, day_known=True) if date else None
            if when is not None:
                return when
    return None


#: a clause set against the one before it as what holds now ("has reversed its earlier
#: recommendation and now recommends granting"): the cue is the act, the earlier the other's
_NOW_INSTEAD = re.compile(r"\b(?:and|but) (?:(?:has|have|is|are) )?now\s+$", re.I)


def is_background(
    view: ZonedRelease, sentence: ViewSentence, before: str, after: str,
    span: tuple[int, int], decision: str | None = None,
) -> bool:
    """Whether a cue recaps an earlier event: a recap marker before it, in a section of history,
    narrated in its clause (past perfect, "follows the opinion ..."), or dated well before the
    release (a date before the cue, or after it in its own clause). With the cue's ``decision``,
    an earlier step of another kind told after it ("the clinical hold placed on ... in November
    2022" after a lift) ends its clause: that date is the step's. In a results release (the
    view's ``period_end``), an act its clause dates within the period reported is that
    period's; under a headline of other news (``other_news``: a licence, a financing), one dated
    more than a week before the release is that news's background, not its news."""
    published, period_end = view.document.published, view.period_end
    # on the words as written ("formerly X)"); an appointee's career is background, all of it
    recap = BACKGROUND_BEFORE.search(before[-60:]) or CAREER_BEFORE.search(before)
    if recap and _NOW_INSTEAD.search(before):
        recap = None  # "reversed its earlier recommendation and now recommends": the earlier is
        # the other clause's
    before = mask_agencies(before, sentence, span[0] - len(before))
    after = mask_agencies(after, sentence, span[1])
    if said_today(before, after):
        return False  # "after the FDA earlier today approved": today's act, whatever its clause
    if recap:
        return True
    own = _clause(before)
    if _RELATIVE_ONLY.fullmatch(own):  # "the opinion adopted on 24 April, which recommended X":
        own = _clause(before[: len(before) - len(own) - 1]) + own  # read with what it tells of
    timed = _WHEN_CLAUSE.search(before)
    if timed is not None:  # "... was met on 23 September, when its notified body, X, issued":
        own = _clause(before[: timed.start()]) + before[timed.start():]  # its main clause dates it
    # narrated as earlier in its own clause ("had approved", "follows the opinion"; a long name
    # read as one word): settled below, once the clause's date is known
    narrated = BACKGROUND_CLAUSE.search(_MASKED.sub("_", own)) is not None
    backshifted = narrated and _BACKSHIFTED.search(own) is not None
    narrated = narrated and not backshifted
    if not narrated and BACKGROUND_OPENING.match(sentence.text):
        return True
    # a bracket right after the cue dates it ("CE marking (2022)"); the clause ends after it;
    # a bracket further on (an abbreviation "(GIFT)", a generic name) ends nothing
    bracket = _BRACKET_AFTER.match(after)
    rest = after[bracket.end():] if bracket else after
    rest = _INNER_BRACKET.sub(lambda m: " " * len(m.group()), rest)
    cut = _CLAUSE_END.search(rest)
    end = cut.start() if cut else _DATE_REACH
    if decision is not None:
        step = next((m for m in STEP_PARTICIPLE.finditer(rest, 0, end)
                     if STEP_KIND[m.group(1).lower()] != decision), None)
        end = step.start() if step else end
    opening = _OPENING_DATE.match(sentence.text)
    clause = _GOODS_DATED.sub(" ", " ".join([own, _bracket_date(bracket.group()) if bracket
                                             else "", rest[:end]]))
    scope = f"{opening.group()} {clause}" if opening else clause
    if narrated:
        # an act narrated as earlier ("the launch comes after the FDA cleared ...") is still the
        # news when its clause dates it to the few days before ("... on January 12, 2026"), and
        # not its own clause to long before ("On October 27, 2023, X completed enrolment of the
        # trial of Y, which received accelerated approval ... in November 2022")
        return published is None or not _dated_within(scope, published, _DAYS_JUST_BEFORE) or (
            _dated_earlier(clause, published))
    if backshifted and published is not None and _dated_before(scope, published,
                                                               _DAYS_JUST_BEFORE):
        return True  # reported as news, but dated before the days of news
    if BACKGROUND_RECENT.search(scope):
        return True
    if period_end is not None and published is not None and period_end < published and any(
            (when := _date_of(m)) is not None and when <= period_end
            for m in _DATE_IN.finditer(scope) if not m.group("bare")):
        return True
    if view.other_news and published is not None and _dated_surely_before(scope, published,
                                                                          _DAYS_OF_NEWS):
        return True
    if sentence.title and BACKGROUND_TITLE.search(sentence.title):
        # a section of highlights recaps, unless the clause dates its act to these days
        # ("Regulatory Highlights: On November 10, 2025, Health Canada issued ...")
        return published is None or not _dated_within(scope, published, _DAYS_OF_NEWS)
    return published is not None and _dated_earlier(scope, published)


def regulatory_title(headline: ViewSentence) -> bool:
    """Whether the headline also says it brings regulatory news ("Provides Regulatory Update",
    "Update Following FDA Action", "Agreement With PMDA on ...")."""
    text = headline.text
    return bool(REGULATORY_TITLE.search(text)) or any(
        ACT_AFTER_REGULATOR.match(text, a.end - headline.start)
        or AGREED_WITH_REGULATOR.search(text, 0, a.start - headline.start)
        for a in headline.agencies)


def other_news_title(headline: ViewSentence | None) -> bool:
    """Whether the headline announces news of another kind (results, a financing, a launch)
    and not also regulatory news."""
    return headline is not None and OTHER_NEWS_TITLE.search(headline.text) is not None and (
        not regulatory_title(headline))


def _recapped_headline_cues(view: ZonedRelease, cues: list[WeightedCue]) -> list[WeightedCue]:
    """Under a headline of other news ("... Pave Way as X Enrolls First Patient"), an act the
    headline names is the lead's recap when the lead tells that act only as earlier news ("the
    FDA approved the IDE in June 2023"): the headline's cue is background too."""
    head = view.headline
    if head is None or not other_news_title(head):
        return cues
    front = [c for c in cues if c.sentence.zone in ("subhead", "lead")]
    out: list[WeightedCue] = []
    for c in cues:
        told = [d for d in front if d.hit.decision == c.hit.decision]
        # (the lead's hedged mentions tell no act: "plans to respond to the approvable letter")
        if c.sentence is head and not c.background and any(d.background for d in told) and all(
                d.background or d.hedged for d in told):
            c = replace(c, weight=c.weight * _BACKGROUND_WEIGHT, background=True)
        out.append(c)
    return out


#: how far before a cue a clause-opening "late Friday," is looked for
_OPENS_REACH = 120


def said_today(plain_before: str, plain_after: str) -> bool:
    """Whether "today" (or "this morning", "yesterday", "on Tuesday") stands right by a cue, or
    opens its clause ("in a call late Friday, the FDA asked"): the act of these days, whatever
    its clause; both parts with the regulators' names blanked."""
    return bool(_TODAY_BEFORE.search(plain_before[-25:]) or _TODAY_AFTER.match(plain_after)
                or _TODAY_OPENS.search(plain_before[-_OPENS_REACH:]))


#: how far before a regulator's name its bracket may open ("(U.S. FDA)", "(the TGA)")
_BRACKET_PREFIX = 8


def mask_agencies(part: str, sentence: ViewSentence, at: int) -> str:
    """``part`` (the text at offset ``at``) with the regulators' names the sentence holds blanked
    out: their own commas and "and"s ("Food and Drug Administration", "Ministry of Health,
    Labour and Welfare") and the bracketed abbreviation after them ("(FDA)") end no clause, and
    their words ("Medical Devices Safety Authority") say nothing of the product. The names are
    found by position: a sentence naming thousands of regulators is not walked for every cue."""
    names, end = sentence.agencies, at + len(part)
    lo = bisect_left(names, at, key=lambda a: a.start)
    hi = bisect_left(names, end, key=lambda a: a.start)
    if lo == hi:
        return part
    chars = list(part)
    for a in names[lo:hi]:
        a_start, a_end = a.start - at, min(a.end, end) - at
        closes = a_end < len(part) and part[a_end] == ")"
        if a_start > 0 and part[a_start - 1] == "(":
            a_start -= 1
        elif closes:
            # the bracket's opening a few words before the name goes too ("(U.S. FDA)"): an
            # opening bracket left alone would end the clause
            opening = part.rfind("(", max(0, a_start - _BRACKET_PREFIX), a_start)
            if opening >= 0 and ")" not in part[opening:a_start]:
                a_start = opening
        if closes:
            a_end += 1
        chars[a_start:a_end] = "_" * (a_end - a_start)
    return "".join(chars)


#: where a cue's clause ends after it. "and" ends it, except before a second verb of the same
#: subject ("was accepted and granted priority review ... in December 2023": the date is both
#: acts) or before another act of a list ("granted Orphan Drug Designation and Rare Pediatric
#: Disease Designation by the FDA ... in 2021": the date after the list dates both); nor does
#: the comma inside a date ("on June 2, 2023") or one before a participle of the act itself
#: ("510(k) clearance of the stapler reload, received in July 2023") or one closing a regulator's
#: name set in apposition ("issued by its notified body, TUV SUD, in September 2022", the name
#: blanked out); a relative clause with a
#: verb of its own ends it ("lifted the hold it placed in October 2024"); "as" does, but not as
#: the act's "as a ..." ("received 510(k) clearance as a glucose monitor in November 2020")
_CLAUSE_END = re.compile(
    # (not between a regulator's name and its other name or its act's date)
    r"(?:(?<!_)|(?!,\s(?:_|(?:in|on) (?:\d|[A-Z][a-z]))))"
    r",(?!\s*(?:19|20)\d\d\b)(?!\s*(?:received|granted|obtained|issued|awarded|secured)\b)"
    # (an en dash joining two words is no break: "Notice of Non-compliance–Withdrawal")
    r"|[;:()—]|(?<!\w)–|–(?!\w)"
    r"|\b(?:and(?! \w+ed\b)(?! (?:an? |the )?(?:[A-Z][\w-]*\s+){1,5}(?:[Dd]esignations?"
    r"|[Aa]pprovals?|[Ss]tatus)\b)"
    r"|but|which|while|whereas|based on|following|after|as(?! an? )"
    # "with" (a date after it is another thing's: "accepted the NDA with a PDUFA date of"),
    # save inside an indication ("for adults with idiopathic hypersomnia", "for chronic
    # rhinosinusitis with nasal polyps") and before a regulator met with ("held its meeting
    # with the FDA on April 11", the name blanked out) and after "together" or "along" (the date
    # after is the act's: "was approved by the FDA together with X in September 2009")
    r"|" + "".join(rf"(?<!\b{p} )" for p in (*PEOPLE, "persons", "those", "together", "along"))
    + r"with(?!\s+(?:the\s+|its\s+)?_)"
    r"(?!\s+(?:[\w'’-]+\s+){0,2}?(?:disease|syndrome"
    r"|polyps|mutations?|fusions?|deficiency|impairment|failure|infection)\b)"
    r"|(?:that|it|they|we|who) (?:had |has |have )?(?:\w+ed|put|set|held))\b")
#: goods dated by when they were made or sold ("all batches manufactured since October 2008"):
#: the date is the goods', not the act's, and dates nothing in the clause
_GOODS_DATED = re.compile(
    r"\b(?:manufactured|produced|distributed|shipped|released|sold|supplied) (?:since|between"
    rf"|from|before|after|in|during|on) (?:(?:\d{{1,2}} )?(?:{_MONTHS}) )?(?:\d{{1,2}},? )?"
    r"(?:19|20)\d\d\b")
#: how far after a cue, within its clause, a date may still date it ("granted Breakthrough
#: Therapy designation to X for the same indication in March 2025")
_DATE_REACH = 120
_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_BARE_YEAR = re.compile(r"\s*\(\s*((?:19|20)\d\d)\s*\)")


def _bracket_date(bracket: str) -> str:
    """A bracket after a cue as a date: a bare year ("(2022)") reads as "in 2022"."""
    year = _BARE_YEAR.fullmatch(bracket)
    return f"in {year.group(1)}" if year else bracket


@lru_cache(maxsize=256)
def _dated_earlier(text: str, published: dt.date) -> bool:
    """Whether ``text`` (a cue's clause) dates itself well before ``published``; cached: the
    cues of one clause share it. A month without a year ("in March") is the last such month up
    to the release, and so is a day without one ("on 31 May"); a month two or more before the
    release's own is earlier whatever its day ("in May" in a July release)."""
    for m in _MONTH_ALONE.finditer(text):
        month = MONTH_NUM[m.group(1).lower()]
        year = published.year if month <= published.month else published.year - 1
        if (published.month - month) % 12 >= 2 or (
                published - dt.date(year, month, 28)).days > 45:
            return True
    for m in _DAY_ALONE.finditer(text):  # a day without a year: the last such day up to it
        month, day = MONTH_NUM[(m.group("month") or m.group("month2")).lower()], int(
            m.group("lead_day") or m.group("day"))
        try:
            day_of = dt.date(published.year, month, day)
            if day_of > published:
                day_of = dt.date(published.year - 1, month, day)
        except ValueError:
            continue
        if (published - day_of).days > 45:
            return True
    for m in _DATE_IN.finditer(text):
        if m.group("bare"):
            # a bare year: an earlier one, or the release's own once the year is well under
            # way (today's act is not dated "in 2025" in a November release)
            bare = int(m.group("bare"))
            if bare < published.year or (bare == published.year and published.month >= 4):
                return True
            continue
        when = _date_of(m)  # a month without its day counts from the 28th
        if when is not None and (published - when).days > 45:
            return True
    return False


def _date_of(m: re.Match[str], day_known: bool = False) -> dt.date | None:
    """The date a ``_DATE_IN`` match (not a bare year) gives: its day, else the 28th of its
    month; None when ``day_known`` and it names no day, or when it is no date."""
    day = m.group("day") or m.group("lead_day")
    if day_known and not day:
        return None
    try:
        return dt.date(int(m.group("year")), MONTH_NUM[m.group("month").lower()],
                       int(day) if day else 28)
    except ValueError:
        return None


#: how many days before the release a dated act is still its news (the label spec's "on or
#: just before its date"): a week
_DAYS_OF_NEWS = 7
#: ... and how many for an act the release narrates as what came before its news ("follows",
#: "had issued"): the label spec's "just before" (a week-old opinion behind a financing is its
#: background)
_DAYS_JUST_BEFORE = 3


def _days_back(text: str, published: dt.date) -> list[int]:
    """How many days before ``published`` each full date (with its day) in ``text`` lies."""
    days = []
    for m in _DATE_IN.finditer(text):
        when = None if m.group("bare") else _date_of(m, day_known=True)
        if when is not None:
            days.append((published - when).days)
    return days


def _dated_within(text: str, published: dt.date, days: int) -> bool:
    """Whether ``text`` gives a full date (with its day) at most ``days`` before ``published``."""
    return any(0 <= back <= days for back in _days_back(text, published))


#: a sentence dated the release's day or the day before, and no earlier, tells today's news
_DAYS_DATED_NOW = 1


def _dated_now(text: str, published: dt.date | None) -> bool:
    """Whether a sentence dates what it tells to the release's day or the day before, and to no
    earlier time ("... ended on October 1, 2025 without comments, and the IND is now in
    effect", released October 2): today's news, whatever its headline announces."""
    return published is not None and _dated_within(text, published, _DAYS_DATED_NOW) and (
        not _dated_before(text, published, _DAYS_DATED_NOW))


def _dated_before(text: str, published: dt.date, days: int) -> bool:
    """Whether ``text`` gives a full date (with its day) more than ``days`` before ``published``."""
    return any(back > days for back in _days_back(text, published))


def _least_days_back(text: str, published: dt.date) -> list[int]:
    """How many days before ``published`` each date in ``text`` lies at least: a full date
    exactly; a month without its day ("in March 2025", "in March", the last such month up to
    the release) from its last day; a day without a year ("on 14 May") from the last such day."""
    def month_end(year: int, month: int) -> dt.date:
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)

    back = []
    for m in _DATE_IN.finditer(text):
        if m.group("bare"):
            continue
        when = _date_of(m, day_known=True)
        if when is None and m.group("year"):
            when = month_end(int(m.group("year")), MONTH_NUM[m.group("month").lower()])
        if when is not None:
            back.append((published - when).days)
    for m in _MONTH_ALONE.finditer(text):
        month = MONTH_NUM[m.group(1).lower()]
        year = published.year if month <= published.month else published.year - 1
        back.append(max(0, (published - month_end(year, month)).days))
    for m in _DAY_ALONE.finditer(text):
        month = MONTH_NUM[(m.group("month") or m.group("month2")).lower()]
        try:
            day_of = dt.date(published.year, month, int(m.group("lead_day") or m.group("day")))
            if day_of > published:
                day_of = dt.date(published.year - 1, month, day_of.day)
        except ValueError:
            continue
        back.append((published - day_of).days)
    return back


def _dated_surely_before(text: str, published: dt.date, days: int) -> bool:
    """Whether ``text`` dates itself more than ``days`` before ``published`` whichever day of
    the month or year it stated ("in March" in a release of April 19 is at least 19 days back)."""
    return any(back > days for back in _least_days_back(text, published))


def reported_now(plain_before: str) -> bool:
    """Whether a cue's sentence reports its act as the release's own news ("also reports
    that", "is pleased to further announce that"): ``said_today``'s other half."""
    return bool(REPORTED_NOW.search(plain_before))


#: a wire's topic tags before a cue, in its header line ("EQS-News: X AG / Key word(s):
#: Regulatory Approval/Health Technology Assessment")
_KEYWORD_LABEL = re.compile(r"\bKey ?words?(?:\(s\))?:[^.:;]*$", re.I)


def is_hedged(plain_before: str, after: str, cue: str = "") -> bool:
    """Whether a cue is hedged in its clause ("plans to submit", "if approved"); ``plain_before``
    is the text before it with the regulators' names blanked (``mask_agencies``): their "for"s
    ("Committee for Medicinal Products for Human Use") hedge nothing. A purpose ("seeking")
    hedges the cue's noun, not a participle (``cue`` "accepted": "NDS for Ostavir accepted")."""
    before = plain_before[-70:]
    if _KEYWORD_LABEL.search(plain_before):  # a wire's topic tags ("Key word(s): Approval")
        return True  # name a subject, not an act
    return bool(HYPOTHETICAL_BEFORE.search(before) or HYPOTHETICAL_AFTER.match(after) or (
        PURPOSE_BEFORE.search(before) and not (_PARTICIPLE.match(cue) or _MODAL_NOT.match(cue)))
        or UNDECIDED_AFTER.match(after))


def is_not_yet(hit: CueHit, plain_before: str, after: str) -> bool:
    """Whether a cue that says no ("has not approved") only says not yet: the review goes on
    ("at this stage", "which remains under review"), so no decision is stated. A decision not
    to ("decided not to grant ... at this time") is an act, whatever its time words."""
    if re.search(r"\bnot\b", hit.text, re.I) is None or DECIDED_NOT.search(hit.text):
        return False
    # the time words of the cue's own clause: "... not favourable at this time and has adopted
    # an opinion that does not recommend ...": the opinion is adopted
    own = _AND_BUT.split(plain_before[-100:])[-1]
    return bool(NOT_YET.search(own) or NOT_YET.search(after[:120]))


_AND_BUT = re.compile(r"\b(?:and|but)\b", re.I)


#: before a cue that names a date (a goal date): the date as a deadline or as a review's state,
#: no act setting it ("by the October 26, 2019 PDUFA goal date", "the review remains ongoing
#: with a PDUFA target action date of ...")
_DATE_AS_STATE = re.compile(
    r"\bby (?:the |its )?(?:[\w,]+ ){0,4}$"
    r"|\b(?:remains?|is|are|continues?)\s+(?:still\s+)?(?:ongoing|under (?:\w+ )?review),?\s+"
    r"(?:with|and)\s+(?:an?|the|its)\s+$", re.I)


#: after a cue that names a date: the date coming nearer or gone by, no act setting it ("as
#: the PDUFA target action date for X approaches", "with the PDUFA date now two weeks away",
#: "the PDUFA target action date of June 25 has passed")
_DATE_PASSING = re.compile(
    r"^[^.;]{0,60}?\b(?:approach(?:es|ing)?|nears|draws? (?:near|closer)"
    r"|(?:[\w-]+ ){0,6}?(?:days?|weeks?|months?) away|(?:has |had )?(?:passed|elapsed)"
    r"|came and went)\b", re.I)


def _states_no_act(hit: CueHit, plain_before: str, after: str) -> bool:
    """Whether a cue names a process, a framework, a topic or a described thing rather than an
    act: "pathway", "under the SAKIGAKE system", "update on X 510(k)", "a cleared device",
    "FDA-approved", "510(k)-cleared", a goal date as a deadline ("by the ... PDUFA date")."""
    if re.search(r"\bdate\b", hit.text, re.I) and (
            _DATE_AS_STATE.search(plain_before) or _DATE_PASSING.match(after)):
        return True
    if hit.specificity < SPECIFIC and FRAMEWORK_AFTER.match(after):
        return True  # a generic word naming a procedure ("the priority review and approval
        # procedure", "the approval system"): no act
    return bool(NOT_EVENT_AFTER.match(after) or NOT_EVENT_BEFORE.search(plain_before) or (
        hit.text.endswith("ed") and THING_AFTER_PARTICIPLE.match(after)) or (
        _PARTICIPLE.match(hit.text) and plain_before.endswith("-")) or (  # "NICE-Recommended X"
        _COMPOUND_PARTICIPLE.search(hit.text) and _NAME_AFTER.match(after)))  # "CE-Marked X"


_PARTICIPLE = re.compile(r"\w+ed\b")
#: a verb that says no, the thing it is said of named before ("its ANDA for X cannot be
#: approved at this time"): a predicate, no purpose's noun
_MODAL_NOT = re.compile(
    r"(?:cannot|can ?not|could not|will not|would not|may not|must not)\b", re.I)
#: a hyphenated participle ("CE-Marked", "FDA-Approved") before a name describes the thing
_COMPOUND_PARTICIPLE = re.compile(r"\w-\w+ed$", re.I)
_NAME_AFTER = re.compile(
    r"\s+(?!(?:For|By|In|On|Under|As|To|With|And|At|From|Of|Since|After|Following)\b)[A-Z]")


def _is_a_state(hit: CueHit, plain_before: str, after: str = "") -> bool:
    """Whether a bare participle of approval (or of CE marking) is told in the present passive,
    a standing state and no act ("where no equivalent medicinal product is authorised in
    Switzerland", "X is approved in 40 countries", "X remains approved by the FDA", "where the
    device is CE marked"), or describes the products a plural names ("all dual orexin receptor
    antagonists (DORAs) approved for insomnia"); a headline's present tense tells its news ("X
    Is Approved")."""
    return bool(_BARE_APPROVAL.fullmatch(hit.text) and (
        _PRESENT_PASSIVE.search(plain_before)
        or (_PLURAL_BEFORE.search(plain_before) and _USE_AFTER.match(after))))


_BARE_APPROVAL = re.compile(r"(?:approved|authori[sz]ed|cleared|registered|licensed"
                            r"|CE[- ]mark(?:ed)?)", re.I)
#: a plural noun right before the participle, its bracketed abbreviation between ("antagonists
#: (DORAs) approved"): not a verb's subject, whose "has"/"was" would stand between
_PLURAL_BEFORE = re.compile(
    r"\b(?!(?:has|was|is|its|this|his|as|us|thus|always|perhaps|plus|whereas)\b)[a-z]{2,}"
    r"(?<!s)s(?:\s+\((?-i:[A-Z][\w-]*s)\))?\s+$")
_USE_AFTER = re.compile(r"\s+(?:for|in)\b")
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|remains?)\s+(?:(?:currently|already|also|only|now|not"
                              r"|still)\s+)?$", re.I)


def is_negated(before: str, after: str) -> bool:
    """Whether a cue is negated in its clause ("did not approve", "approval was not granted"),
    or is the last of a list a negation governs ("has not informed it of any deficiencies, or
    of a revised action date")."""
    return bool(NEGATION_BEFORE.search(_clause(before)) or NEGATION_AFTER.match(after)
                or NEGATED_LIST.search(before[-250:]))



_ACTOR_GAP = re.compile(
    r"^[\"”’]?\)?(?:\s*\([^)]{1,40}\))?(?:'s|’s)?,?"
    # a relative clause it opens, dated or not ("the European Commission, which on 5 June 2025
    # granted"): still the one acting
    r"(?:\s+(?:which|who)(?:\s+on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2})?,?\s+\d{4},?)?)?"
    r"(?:\s+(?:has|have|had|today|earlier|later|this|morning"
    r"|officially|formally|also|now|recently"
    # the day it acted between ("the European Commission on Thursday authorised")
    "|" + _JUST_NOW +
    r"|granted|issued|the|its|an?|full|marketing|regulatory|\w+'s))*\s*$",
    re.I,
)
_ACTOR_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,20}\))?\s+"  # an abbreviation first: "Authorization (MDMA) from the"
    r"(?:(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?:granted|issued|given|awarded)\s+)?"  # "Approval was granted by the HSA"
    r"(?:from|by|of)\s+(?:the\s+)?(?:[A-Z][\w.]*(?:'s|’s)?\s+){0,2}$"
)
# ... or after what was approved, in one stretch without a clause break ("received approval
# for Tsukinowa (ramlumab) 80 mg Syringe from the Ministry of Health, Labour and Welfare")
_ACTOR_AFTER_OBJECT = re.compile(
    r"^\s+for\s+(?:[^,;:.()]|\([^()]{0,40}\))+?\s+from\s+(?:the\s+)?$"
)
_OBJECT_REACH = 200


def _agency_acts(text: str, agencies: Sequence[AgencyMention], hit: CueHit) -> bool:
    """Whether a regulator named right next to a generic cue, or inside its own wording
    ("registered by the HSA as a medical device"), is the one acting."""
    for a in agencies:
        if hit.start <= a.start and a.end <= hit.end:
            return True
        if a.end <= hit.start and hit.start - a.end <= 40 and _ACTOR_GAP.match(
            text[a.end:hit.start]
        ):
            return True
        if a.start >= hit.end and a.start - hit.end <= 30 and _ACTOR_AFTER.match(
            text[hit.end:a.start]
        ):
            return True
        if a.start >= hit.end and a.start - hit.end <= _OBJECT_REACH and _ACTOR_AFTER_OBJECT.match(
            text[hit.end:a.start]
        ):
            return True
    return False


def _abbreviates(text: str, spelled: CueHit | None, hit: CueHit) -> bool:
    """Whether ``hit`` is the bracketed abbreviation of the cue just before it ("Complete
    Response Letter (CRL)"): the same mention, whose clause (background, negation) is the
    spelled-out cue's."""
    return (spelled is not None and spelled.decision == hit.decision
            and _ABBREVIATION_GAP.fullmatch(text[spelled.end:hit.start]) is not None)


_ABBREVIATION_GAP = re.compile(r"[\w ]{0,12}\(\s*")


class _Nearby:
    """A sentence's agency mentions by position: those close enough to a cue to act in it
    (``_agency_acts``) without walking every mention of the sentence for every cue."""

    def __init__(self, agencies: Sequence[AgencyMention]) -> None:
        self.agencies = sorted(agencies, key=lambda a: a.start)
        self.starts = [a.start for a in self.agencies]
        self.longest = max((a.end - a.start for a in agencies), default=0)

    def around(self, hit: CueHit) -> Sequence[AgencyMention]:
        """The mentions starting where one may end 40 characters before the cue, or start up
        to ``_OBJECT_REACH`` after it (a superset of what ``_agency_acts`` accepts)."""
        lo = bisect_left(self.starts, hit.start - 40 - self.longest)
        hi = bisect_right(self.starts, hit.end + _OBJECT_REACH)
        return self.agencies[lo:hi]


def _reacts_to_others(pool: list[ViewSentence]) -> bool:
    """Whether the release's front reacts to another company's act ("today commented on the
    FDA's approval yesterday of another company's FcRn inhibitor"): what it comments on, in
    any sentence, is no act of its own."""
    for vs in pool:
        if vs.zone not in ("headline", "subhead", "lead"):
            continue
        reaction = REACTION_OR_NOTE.search(vs.text)
        if reaction is not None and OTHERS_ACT.search(vs.text, reaction.end()):
            return True
    return False


def _weigh_cues(
    view: ZonedRelease, lead_start: int, scan: list[tuple[int, int]]
) -> list[WeightedCue]:
    text = view.text
    out: list[WeightedCue] = []
    pool = ([view.headline] if view.headline else []) + view.sentences
    hits = [h for a, b in scan for h in find_decision_cues(text, a, b, view.agency_counts)]
    starts = [h.start for h in hits]
    others = _reacts_to_others(pool)
    reacted: set[str] = set()  # the kinds of another company's act the release comments on
    for vs in pool:
        lo, hi = bisect_left(starts, vs.start), bisect_left(starts, vs.end)
        # read once per sentence, not once per cue in it: a long one may hold thousands
        news = lo < hi and NEWS_CUE.search(vs.text) is not None
        near = _Nearby(vs.agencies) if lo < hi else None
        dated_now = lo < hi and _dated_now(vs.text, view.document.published)
        spelled: CueHit | None = None  # the sentence's last cue, for "Letter (CRL)" repeats
        for hit in hits[lo:hi]:
            if hit.end > vs.end:
                continue
            if _abbreviates(text, spelled, hit):
                continue  # "Complete Response Letter (CRL)": one mention, read once
            spelled = hit
            # a cue is read in its neighbourhood: a huge sentence is not re-read for each cue
            before = text[max(vs.start, hit.start - CUE_WINDOW):hit.start]
            after = text[hit.end:min(vs.end, hit.end + CUE_WINDOW)]
            w = hit.specificity
            if vs.zone == "headline":
                w *= 3.0
            elif vs.zone == "subhead":
                w *= 1.5
            elif vs.zone == "lead":
                w *= 2.0 if vs.start < lead_start + 700 else 1.5
            else:
                w *= max(0.4, 1.0 - (vs.start - lead_start) / 12000)
            actor = near is not None and _agency_acts(text, near.around(hit), hit)
            named = vs.agencies if hit.agency is None else tuple(
                a for a in vs.agencies if a.code == hit.agency)  # a regulator's own wording
            if hit.needs_agency and not named:
                w *= 0.25
            elif hit.needs_agency and actor:
                w *= 2.0  # "the FDA has approved", "approval from the TGA"
            plain = mask_agencies(before, vs, hit.start - len(before))
            # a process, a framework or a described thing ("a cleared device"): no act stated,
            # so not firm either (a model's quote of it states no decision)
            not_act = _states_no_act(hit, plain, after) or (
                vs.zone != "headline" and _is_a_state(hit, plain, after))
            if not_act:
                w *= 0.1
            # (a question states nothing: "Is the Company withdrawing the application?")
            hedged = (is_hedged(plain, after, hit.text) or is_not_yet(hit, plain, after)
                      or vs.text.rstrip().endswith("?"))
            if hedged:
                w *= _HEDGED_CUE_WEIGHT
            hedged = hedged or not_act
            background = is_background(view, vs, before, after, (hit.start, hit.end),
                                       hit.decision)
            if not background and others and REACTION_OR_NOTE.search(plain):
                background = True  # the act the release comments on is another company's
                reacted.add(hit.decision)
            if background:
                w *= _BACKGROUND_WEIGHT
            negated = is_negated(before, after)
            if negated:
                w *= _NEGATED_WEIGHT
            if news:
                w *= 1.3
            if vs.kind == "quote":
                w *= 0.6
            today = not background and (said_today(plain, mask_agencies(after, vs, hit.end))
                                         or reported_now(plain) or dated_now)
            framework = bool(FRAMEWORK_BEFORE.search(plain) or FRAMEWORK_AFTER.match(after))
            out.append(WeightedCue(hit, w, vs, hedged, background, actor, negated, today,
                                   framework))
    if reacted:  # its further mentions tell that act ("the accelerated approval was based on")
        out = [replace(c, weight=c.weight * _BACKGROUND_WEIGHT, background=True)
               if not c.background and any(VOCABULARY.compatible(c.hit.decision, d)
                                           for d in reacted) else c for c in out]
    return _referred_back(text, out)


#: a sentence opening on a definite reference to an act ("The accelerated approval was based
#: on", "This designation follows"): at most two words between the determiner and the cue
_DEFINITE_OPENING = re.compile(r"\s*(?:the|this|that|such)\s+(?:[\w'’-]+\s+){0,2}", re.I)


def _referred_back(text: str, cues: list[WeightedCue]) -> list[WeightedCue]:
    """A sentence that opens on "the <act>" refers back to the act of that kind the release
    has told before; when every earlier mention of that kind is background ("X received
    accelerated approval in August 2023. The accelerated approval was based on ..."), so is
    the reference: it states no act of its own. A regulator named acting, or a mark of today,
    makes it a statement of its own."""
    out: list[WeightedCue] = []
    recalled: dict[str, bool] = {}  # per kind told in earlier sentences: every mention background
    sentence, start = None, 0  # the sentence being read, and where its cues start in ``out``
    for c in cues:
        if c.sentence is not sentence:  # the sentence before is told: count its mentions
            for o in out[start:]:
                recalled[o.hit.decision] = recalled.get(o.hit.decision, True) and o.background
            sentence, start = c.sentence, len(out)
        if (recalled.get(c.hit.decision) and not c.background and not c.actor and not c.today
                and c.sentence.zone != "headline"
                and _DEFINITE_OPENING.fullmatch(text[c.sentence.start:c.hit.start])):
            c = replace(c, weight=c.weight * _BACKGROUND_WEIGHT, background=True)
        out.append(c)
    return out


