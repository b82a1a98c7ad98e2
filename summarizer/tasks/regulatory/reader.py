"""A deterministic summarizer (no LLM): lexicon cues, sentence positions and a few patterns.

It reads a release the way a careful skimmer does: the headline and first paragraphs carry the
news, hedged or recapped wording ("if approved", "previously granted") does not count, boilerplate
is skipped. Every evidence quote is an exact substring of the source. ``read_release`` and
``detect_decision`` are shared with the rules, which check a model's answer against the same
reading.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from summarizer.grounding import SourceIndex, ground
from summarizer.injection import find_injections
from summarizer.intake import Document, load
from summarizer.sentences import Sentence, normalize_space, split_sentences
from summarizer.tasks.regulatory.lexicon import (
    APPLICATION,
    BACKGROUND_BEFORE,
    BACKGROUND_CLAUSE,
    BACKGROUND_TITLE,
    DECISION_DIRECTION,
    FUTURE_CUE,
    FUTURE_STRONG,
    HYPOTHETICAL_AFTER,
    HYPOTHETICAL_BEFORE,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NEWS_CUE,
    NOT_EVENT_AFTER,
    RATIONALE_DATA,
    RATIONALE_STRONG,
    RATIONALE_TITLE,
    RATIONALE_WEAK,
    AgencyMention,
    CueHit,
    ToneLexicon,
    find_agencies,
    find_decision_cues,
    tone,
)
from summarizer.tasks.regulatory.schema import (
    Agency,
    Decision,
    Evidence,
    NextStep,
    Outcome,
    Product,
    Reason,
    RegulatorySummary,
    Sentiment,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.timing import timing_phrases

__all__ = [
    "DecisionReading",
    "QuoteReading",
    "ReleaseReading",
    "ReleaseView",
    "RuledOutcome",
    "RulesFallback",
    "ViewSentence",
    "WeightedCue",
    "detect_decision",
    "guess_products",
    "has_front_cue",
    "read_agency",
    "read_quote",
    "read_release",
    "sentence_agency",
    "summarize_with_rules",
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
_LOGISTICS = re.compile(
    r"conference call|webcast|replay|dial[- ]in|will host|live audio|investor call|forward-looking"
    r"|press release contains|visit (?:us|our|the)|for more information",
    re.I,
)
_DATE_IN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: (\d{1,2}))?,? ((?:19|20)\d\d)\b|\b(?:in|during) ((?:19|20)\d\d)\b"
)
#: a sentence that opens by dating its news ("In December 2022, ...", "On 3 March 2023, ...")
_OPENING_DATE = re.compile(
    r"^\W*(?:(?:back |earlier )?in|on|during|by|as of|at the end of|late in|early in)\b"
    r"[^,;]{0,40},",
    re.I,
)
_MONTH_NUM = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_NON_NEWS_HEADLINE = re.compile(
    r"\b(?:results?|data|reports?|financial|quarter|earnings|topline|top-line|presents?"
    r"|presentation|acquisition|acquire|agreement|partnership|collaboration|appoints?|offering"
    r"|webinar|conference|interim|dosed|enrolls?|enrollment|initiates?|publication)\b",
    re.I,
)
_DEVICE = re.compile(
    r"\b(?:tests?(?! (?:results?|positive|negative))|device|devices|diagnostic|diagnostics|kit"
    r"|assay|catheter|implant|stent|software|monitor|scanner|instrument|IVD|self-test|sensor"
    r"|pump|(?<!nervous )(?<!immune )(?<!delivery )(?<!health )(?<!healthcare )(?<!care )"
    r"(?<!respiratory )(?<!digestive )(?<!cardiovascular )(?<!endocrine )(?<!reproductive )"
    r"(?<!classification )(?<!review )(?<!regulatory )(?<!reimbursement )(?<!lymphatic )"
    r"(?<!urinary )(?<!musculoskeletal )(?<!vascular )(?<!circulatory )(?<!skeletal )system)\b",
    re.I,
)
_FIRST_PERSON_PLAN = re.compile(
    r"\b(?:we|our company)\b[^.]{0,40}\b(?:will|plan|expect|intend|look forward|anticipate|aim)",
    re.I,
)
#: what a dated fact ahead is about when it is a next step (a regulator's date, a launch)
_SCHEDULED = re.compile(
    r"\b(?:PDUFA|action date|goal date|target date|decision|opinion|guidance|consultation"
    r"|deadline|due|scheduled|launch\w*|available|availability|meeting|hearing|re-?examination"
    r"|reconsideration|appeal|resubmi\w+|response|responses|obligations?|results? from)\b",
    re.I,
)
#: characters of news text read (releases are far shorter; bounds the work on huge inputs)
_READ_LIMIT = 60_000
_HEDGED_CUE_WEIGHT = 0.15
_BACKGROUND_WEIGHT = 0.35
_NEGATED_WEIGHT = 0.05
_EVENT_THRESHOLD = 3.0
#: characters either side of a cue that its reading looks at (hedges, negation, clause, dates)
_CUE_WINDOW = 400

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
class ReleaseView:
    """The parts of a release the rules and the backend read, built once per document."""

    document: Document
    sentences: list[ViewSentence]
    headline: ViewSentence | None
    cues: list[WeightedCue]
    agency_counts: Counter[str] = field(default_factory=Counter)
    lead_start: int = 0
    injections: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.document.text


def _zone_ranges(document: Document) -> tuple[tuple[int, int] | None, int, int]:
    """(headline span, where the lead starts, where the lead ends)."""
    text = document.text
    headline: tuple[int, int] | None = None
    dateline_end: int | None = None
    first_body: int | None = None
    for s in document.sections:
        if s.kind == "headline" and headline is None:
            headline = (s.start, s.end)
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
    return headline, lead_start, lead_start + 1500


def _headline_line(text: str, span: tuple[int, int]) -> Sentence | None:
    """The headline's main line: the longest of its first lines that reads like a title."""
    best: Sentence | None = None
    for m in re.finditer(r"[^\n]+", text[span[0]:span[1]]):
        line = m.group()
        stripped = line.strip()
        if len(stripped) < 12 or not re.search(r"[a-z]", stripped) or stripped.startswith("-"):
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


def read_release(document: Document) -> ReleaseView:
    """Split the release into zoned sentences and weigh its decision cues.

    Boilerplate, prescribing/safety label text and instruction-like (prompt-injection) passages
    are left out: none of them reports the news. Only the first ``_READ_LIMIT`` characters of
    news text are read. The view depends on the document alone and is read-only once built, so
    it is computed once per ``Document`` (kept in ``Document.memo``): one LLM answer's re-ask
    check, the gap filling and the final rules share it.
    """
    view = document.memo.get("release_view")
    if not isinstance(view, ReleaseView):
        view = document.memo["release_view"] = _read_release(document)
    return view


def _read_release(document: Document) -> ReleaseView:
    text = document.text
    injected = tuple((i.start, i.end) for i in find_injections(text))
    head_span, lead_start, lead_end = _zone_ranges(document)
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
    mentions = [m for a, b in scan for m in find_agencies(text, a, b)]
    starts = [a.start for a in mentions]

    def agencies_in(start: int, end: int) -> tuple[AgencyMention, ...]:
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        return tuple(a for a in mentions[lo:hi] if a.end <= end)

    if head_span is not None:
        line = _headline_line(text, head_span)
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
    view = ReleaseView(document, sentences, headline, [], lead_start=lead_start,
                       injections=injected)
    for vs in ([headline] if headline else []) + sentences:
        for a in vs.agencies:
            view.agency_counts[a.code] += 2 if vs.zone in ("headline", "lead") else 1
    view.cues = _weigh_cues(view, lead_start, scan)
    return view


def _clause(before: str) -> str:
    """The end of ``before`` since the last clause break (comma, semicolon, dash, bracket)."""
    cut = max(before.rfind(c) for c in ",;:()—–")
    return before[cut + 1:]


def _is_background(
    sentence: ViewSentence, before: str, after: str, published: dt.date | None
) -> bool:
    """Whether a cue recaps an earlier event: a recap marker before it, in a section of history,
    narrated in its clause (past perfect, "follows the opinion ..."), or dated well before the
    release (a date before the cue, or after it in its own clause)."""
    if BACKGROUND_BEFORE.search(before[-60:]) or BACKGROUND_CLAUSE.search(_clause(before)):
        return True
    if sentence.title and BACKGROUND_TITLE.search(sentence.title):
        return True
    if published is None:
        return False
    cut = re.search(r"[,;:()—–]|\b(?:and|but|which|while|whereas|based on|following|after"
                    r"|for|to|as|with|in (?:adults|patients|children|people))\b", after)
    opening = _OPENING_DATE.match(sentence.text)
    scope = " ".join([opening.group() if opening else "", _clause(before),
                      after[: cut.start()] if cut else after[:40]])
    return _dated_earlier(scope, published)


@lru_cache(maxsize=256)
def _dated_earlier(text: str, published: dt.date) -> bool:
    """Whether ``text`` (a cue's clause) dates itself well before ``published``; cached: the
    cues of one clause share it."""
    for m in _DATE_IN.finditer(text):
        if m.group(4):
            if int(m.group(4)) < published.year:
                return True
            continue
        year = int(m.group(3))
        month = _MONTH_NUM[m.group(1).lower()]
        day = int(m.group(2)) if m.group(2) else 28
        try:
            when = dt.date(year, month, min(day, 28))
        except ValueError:
            continue
        if (published - when).days > 45:
            return True
    return False


def _is_negated(before: str, after: str) -> bool:
    """Whether a cue is negated in its clause ("did not approve", "approval was not granted")."""
    return bool(NEGATION_BEFORE.search(_clause(before)) or NEGATION_AFTER.match(after))


_ACTOR_GAP = re.compile(
    r"^\)?(?:\s*\([^)]{1,40}\))?(?:\s+(?:has|have|had|today|officially|formally|also|now|recently"
    r"|granted|issued|the|its|an?|full|marketing|regulatory|\w+'s))*\s*$",
    re.I,
)
_ACTOR_AFTER = re.compile(
    r"^\s+(?:from|by)\s+(?:the\s+)?(?:[A-Z][\w.]*(?:'s|’s)?\s+){0,2}$"
)


def _agency_acts(text: str, agencies: Sequence[AgencyMention], hit: CueHit) -> bool:
    """Whether a regulator named right next to a generic cue is the one acting."""
    for a in agencies:
        if a.end <= hit.start and hit.start - a.end <= 40 and _ACTOR_GAP.match(
            text[a.end:hit.start]
        ):
            return True
        if a.start >= hit.end and a.start - hit.end <= 30 and _ACTOR_AFTER.match(
            text[hit.end:a.start]
        ):
            return True
    return False


class _Nearby:
    """A sentence's agency mentions by position: those close enough to a cue to act in it
    (``_agency_acts``) without walking every mention of the sentence for every cue."""

    def __init__(self, agencies: Sequence[AgencyMention]) -> None:
        self.agencies = sorted(agencies, key=lambda a: a.start)
        self.starts = [a.start for a in self.agencies]
        self.longest = max((a.end - a.start for a in agencies), default=0)

    def around(self, hit: CueHit) -> Sequence[AgencyMention]:
        """The mentions starting where one may end 40 characters before the cue, or start 30
        after it (a superset of what ``_agency_acts`` accepts)."""
        lo = bisect_left(self.starts, hit.start - 40 - self.longest)
        hi = bisect_right(self.starts, hit.end + 30)
        return self.agencies[lo:hi]


def _weigh_cues(
    view: ReleaseView, lead_start: int, scan: list[tuple[int, int]]
) -> list[WeightedCue]:
    text = view.text
    published = view.document.published
    out: list[WeightedCue] = []
    pool = ([view.headline] if view.headline else []) + view.sentences
    hits = [h for a, b in scan for h in find_decision_cues(text, a, b)]
    starts = [h.start for h in hits]
    for vs in pool:
        lo, hi = bisect_left(starts, vs.start), bisect_left(starts, vs.end)
        # read once per sentence, not once per cue in it: a long one may hold thousands
        news = lo < hi and NEWS_CUE.search(vs.text) is not None
        near = _Nearby(vs.agencies) if lo < hi else None
        for hit in hits[lo:hi]:
            if hit.end > vs.end:
                continue
            # a cue is read in its neighbourhood: a huge sentence is not re-read for each cue
            before = text[max(vs.start, hit.start - _CUE_WINDOW):hit.start]
            after = text[hit.end:min(vs.end, hit.end + _CUE_WINDOW)]
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
            if NOT_EVENT_AFTER.match(after):
                w *= 0.1
            hedged = bool(
                HYPOTHETICAL_BEFORE.search(before[-70:]) or HYPOTHETICAL_AFTER.match(after)
            )
            if hedged:
                w *= _HEDGED_CUE_WEIGHT
            background = _is_background(vs, before, after, published)
            if background:
                w *= _BACKGROUND_WEIGHT
            negated = _is_negated(before, after)
            if negated:
                w *= _NEGATED_WEIGHT
            if news:
                w *= 1.3
            if vs.kind == "quote":
                w *= 0.6
            out.append(WeightedCue(hit, w, vs, hedged, background, actor, negated))
    return out


@dataclass(frozen=True)
class DecisionReading:
    """What the release's cues say the decision is, and how sure that reading is."""

    decision: str
    score: float
    is_event: bool
    cues: tuple[WeightedCue, ...]
    runner_up: str | None
    runner_up_score: float
    scores: dict[str, float]

    @property
    def best(self) -> WeightedCue | None:
        return self.cues[0] if self.cues else None

    @property
    def unambiguous(self) -> bool:
        """A specific (or regulator-attributed), unhedged cue up front that beats the runner-up."""
        best = self.best
        return (
            self.is_event and best is not None
            and (best.hit.specificity >= 2.5 or best.actor) and best.firm
            and best.sentence.zone in ("headline", "subhead", "lead")
            and self.score >= 1.8 * self.runner_up_score
        )


def _aggregate(cues: list[WeightedCue]) -> dict[str, float]:
    by: dict[str, list[float]] = {}
    for c in cues:
        by.setdefault(c.hit.decision, []).append(c.weight)
    return {
        d: sum(w * 0.5**i for i, w in enumerate(sorted(ws, reverse=True))) for d, ws in by.items()
    }


def has_front_cue(cues: list[WeightedCue], decision: str, min_spec: float = 0.0) -> bool:
    """Whether ``decision`` has an unhedged, current cue of some weight in headline or lead."""
    return any(
        c.hit.decision == decision and c.firm and not c.background
        and c.sentence.zone in ("headline", "subhead", "lead") and c.hit.specificity >= min_spec
        and c.weight >= 1.0
        for c in cues
    )


#: words of a regulatory act or instrument: where a sentence in unknown wording states its news
_ACTION = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|grant\w*|clear(?:ed|s|ance)|recommend\w*|designat\w*"
    r"|accept\w*|validat\w*|regist\w*|certif\w*|issu(?:ed|es|ing)|refus\w*|reject\w*|lift\w*"
    r"|placed|vot(?:ed|es|e)|extend\w*|classif\w*|submi\w*|filed|withdr\w*|receiv\w*|award\w*"
    r"|obtain\w*|licen[cs]\w*|permit\w*|allow\w*|halt\w*|suspen\w*|decid\w*|decision|letter"
    r"|opinion|guidance|feedback|minutes|order\w*)\b",
    re.I,
)
#: nouns of the regulatory domain: a sentence with one of them and an act word is about
#: regulation even when it names no regulator
_REGULATORY_NOUN = re.compile(
    r"\b(?:application|approval|authori[sz]ation|licen[cs]e|designation|registration|clearance"
    r"|certificat\w+|guidance|opinion|letter|hold|marketing|regulat\w+|agency|committee"
    r"|submission|dossier|exclusivity|recall|inspection|label(?:ing|ling)?|indication)\b",
    re.I,
)


@dataclass(frozen=True)
class QuoteReading:
    """The reader's view of the sentence(s) a quote lies in: their cues, and how the sentence
    states its news where the wording is not in the lexicon (recapped, hedged, negated)."""

    sentences: tuple[ViewSentence, ...]
    cues: tuple[WeightedCue, ...]
    background: bool
    hedged: bool
    negated: bool
    regulatory: bool

    @property
    def in_news(self) -> bool:
        """Whether the quote lies in the news part of the release (not boilerplate or label)."""
        return bool(self.sentences)


def read_quote(view: ReleaseView, start: int, end: int) -> QuoteReading:
    """How the release states what the sentence(s) holding ``[start, end)`` report.

    A sentence counts as recapped, hedged or negated only when every act word in it is ("the
    FDA had approved ...", "if approved", "did not approve"); a cue's own flags are the cue
    reader's.
    """
    pool = ([view.headline] if view.headline else []) + view.sentences
    held = tuple(vs for vs in pool if vs.start < end and start < vs.end)
    cues = tuple(c for c in view.cues if c.sentence in held)
    published = view.document.published
    text = view.text
    flags: list[tuple[bool, bool, bool]] = []
    regulatory = bool(cues)
    for vs in held:
        regulatory = regulatory or bool(vs.agencies)
        for m in _ACTION.finditer(text, vs.start, vs.end):
            # read in its neighbourhood, as the cue reader does: a huge sentence full of act
            # words is not re-read whole for each of them
            before = text[max(vs.start, m.start() - _CUE_WINDOW):m.start()]
            after = text[m.end():min(vs.end, m.end() + _CUE_WINDOW)]
            flags.append((
                _is_background(vs, before, after, published),
                bool(HYPOTHETICAL_BEFORE.search(before[-70:]) or HYPOTHETICAL_AFTER.match(after)),
                _is_negated(before, after),
            ))
        regulatory = regulatory or bool(
            _ACTION.search(vs.text) and _REGULATORY_NOUN.search(vs.text))
    return QuoteReading(
        held, cues,
        background=bool(flags) and all(f[0] for f in flags),
        hedged=bool(flags) and all(f[1] for f in flags),
        negated=bool(flags) and all(f[2] for f in flags),
        regulatory=regulatory,
    )


def sentence_agency(vs: ViewSentence, cue: WeightedCue) -> tuple[str, str | None] | None:
    """The regulator a sentence credits with a cue's decision, as (code, name as written): the
    cue's own regulator ("Notice of Compliance"), else the nearest one named that takes such
    decisions (an "EMA approval" is the Commission's)."""
    decision = cue.hit.decision
    if cue.hit.agency is not None:  # the regulator's own wording: its regulator, unless the
        own = next((a for a in vs.agencies if a.code == cue.hit.agency), None)  # sentence
        if own is not None or not vs.agencies:  # names another one and not this one
            return cue.hit.agency, own.text.strip("() ") if own is not None else None
    def credited(code: str) -> bool:
        spec = VOCABULARY.agency(code)
        return VOCABULARY.takes(code, decision) or (spec is not None and decision in spec.defers)

    mentions = sorted(
        (a for a in vs.agencies if credited(a.code)),
        key=lambda a: abs(a.start - cue.hit.start) + (0 if a.start < cue.hit.start else 15),
    )
    if not mentions:
        return None
    spec = VOCABULARY.agency(mentions[0].code)
    code = spec.defers.get(decision, mentions[0].code) if spec is not None else mentions[0].code
    return code, mentions[0].text.strip("() ")


def _explicit(view: ReleaseView, generic: str, specific: str) -> bool:
    """Whether the front matter names the generic kind as explicitly as the specific one ("full
    approval" against "accelerated approval"): then the generic kind is no mere word."""
    def best(decision: str) -> float:
        return max((c.hit.specificity for c in view.cues if c.hit.decision == decision
                    and c.firm and not c.background and c.weight >= 1.0
                    and c.sentence.zone in ("headline", "subhead", "lead")), default=0.0)

    return best(generic) >= max(best(specific), 2.5)


def detect_decision(view: ReleaseView) -> DecisionReading:
    """The decision the release reports (``none`` when it reports no regulatory event)."""
    scores = _aggregate(view.cues)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked:
        return DecisionReading("none", 0.0, False, (), None, 0.0, scores)
    decision, score = ranked[0]
    # refinements: a specific kind of approval named up front wins over the generic word
    for kind in VOCABULARY.decisions:
        if VOCABULARY.refinement(decision, kind.code) and has_front_cue(
            view.cues, kind.code, kind.refine_specificity
        ) and scores.get(kind.code, 0) >= 0.3 * score and not _explicit(view, decision, kind.code):
            decision, score = kind.code, max(score, scores[kind.code])
            break
    runner = next(((d, s) for d, s in ranked if d != decision), (None, 0.0))
    cues = tuple(sorted((c for c in view.cues if c.hit.decision == decision),
                        key=lambda c: -c.weight))
    front = any(
        c.sentence.zone in ("headline", "subhead", "lead") and c.firm and c.weight >= 1.0
        for c in cues
    )
    threshold = _EVENT_THRESHOLD
    head = view.headline.text if view.headline else ""
    if head and _NON_NEWS_HEADLINE.search(head) and not any(
        c.sentence.zone == "headline" and c.firm for c in cues
    ):
        threshold *= 2.5
    is_event = front and score >= threshold
    return DecisionReading(
        decision if is_event else "none", score, is_event, cues, runner[0], runner[1], scores
    )


# --------------------------------------------------------------------------------------------
# outcome fields


def _is_prose(text: str) -> bool:
    """A running-text sentence (not a heading, an address line or a link)."""
    return (len(text.split()) >= 6 and bool(re.search(r"[a-z]{3}", text))
            and not re.search(r"https?://|www\.", text))


def _evidence_sentence(view: ReleaseView, reading: DecisionReading) -> ViewSentence | None:
    """The body sentence that states the decision (the headline only when nothing else does)."""
    body = [c for c in reading.cues if c.sentence.zone != "headline" and c.firm]
    if body:
        best = max(body, key=lambda c: (c.weight + (0.5 if c.sentence.agencies else 0.0))
                   * (1.0 if _is_prose(c.sentence.text) else 0.3))
        return best.sentence
    return reading.cues[0].sentence if reading.cues else None


def _pick_agency(
    view: ReleaseView, reading: DecisionReading, sentence: ViewSentence | None
) -> AgencyMention | None:
    decision = reading.decision
    cue = next((c for c in reading.cues if c.sentence is sentence), None)
    candidates: list[ViewSentence] = []
    if sentence is not None:
        candidates.append(sentence)
    if view.headline is not None:
        candidates.append(view.headline)
    candidates += [c.sentence for c in reading.cues if c.firm]
    candidates += [s for s in view.sentences if s.zone in ("subhead", "lead")]
    for vs in candidates:
        mentions = [a for a in vs.agencies if VOCABULARY.takes(a.code, decision)]
        if not mentions:
            continue
        if cue is not None and vs is sentence:
            pos = cue.hit.start
            mentions.sort(key=lambda a: (abs(a.start - pos) + (0 if a.start < pos else 15)))
        return mentions[0]
    if view.agency_counts:
        code = view.agency_counts.most_common(1)[0][0]
        for vs in view.sentences:
            for a in vs.agencies:
                if a.code == code:
                    return a
    return None


def read_agency(
    view: ReleaseView, reading: DecisionReading
) -> tuple[str, AgencyMention | None, ViewSentence | None]:
    """The acting regulator's code, its mention as written and the sentence stating the news."""
    evidence = _evidence_sentence(view, reading)
    mention = _pick_agency(view, reading, evidence)
    return _agency_code(mention, reading, evidence), mention, evidence


def _owner(reading: DecisionReading, evidence: ViewSentence | None) -> str | None:
    """The regulator whose own wording states the decision ("Notice of Compliance", "CE
    mark"): of the decision sentence's cues first, then of the strongest ones."""
    cues = [c for c in reading.cues if c.firm]
    for c in [c for c in cues if c.sentence is evidence] + cues[:3]:
        if c.hit.agency is not None:
            return c.hit.agency
    return None


def _agency_code(
    mention: AgencyMention | None, reading: DecisionReading, evidence: ViewSentence | None
) -> str:
    decision = reading.decision
    owner = _owner(reading, evidence)
    named = {a.code for a in evidence.agencies} if evidence is not None else set()
    if owner is not None and (mention is None or mention.code == owner or owner in named
                              or not VOCABULARY.takes(mention.code, decision)):
        return owner
    code = mention.code if mention is not None else "OTHER"
    spec = VOCABULARY.agency(code)
    return spec.defers.get(decision, code) if spec is not None else code


def _agency_body(mention: AgencyMention | None, evidence: ViewSentence | None) -> str | None:
    if mention is None:
        return None
    if mention.code == "EMA" and evidence is not None:
        for a in evidence.agencies:
            if a.text in ("CHMP", "COMP", "PRAC"):
                return a.text
    body = mention.text.strip("() ")
    if mention.code == "FDA" and "FDA" not in body and evidence is not None and "FDA" in (
        evidence.text
    ):
        return "FDA"
    return body


_MARK = r"(?:®|™|\(R\)|\(TM\)|Ⓡ|℠)"
_BRAND_MARKED = re.compile(rf"\b([A-Z][\w\-]*(?: [A-Z][\w\-]*){{0,2}})\s?{_MARK}+")
_NAME_GENERIC = re.compile(
    rf"\b([A-Z][\w\-]{{1,}}(?:[ -][A-Z0-9][\w\-]*){{0,2}})\s?{_MARK}*[▼\s]*\(\s*"
    r"([a-z][a-z0-9\-]+(?: [a-z][a-z0-9\-]+){0,3})\s*\)"
)
_GENERIC_BRAND = re.compile(r"\b([a-z][a-z\-]{4,}) \(\s*([A-Z][A-Za-z0-9\-]+)\s*[,)]")
_CODE = re.compile(r"\b[A-Z]{2,6}-\d{1,6}[A-Z]?\b|\b[A-Z]{2,6}\d{3,6}\b")
_NOT_CODE = re.compile(r"^(?:COVID|SARS|IL|CD|HER|PD|ISO|FEI|NCT|HIV|HPV|TNF|GLP|FGF|EGFR|IGF)-?\d")
_INN = re.compile(
    r"\b[a-z]{3,}(?:mab|nib|tide|siran|rsen|cel|vec|parib|ciclib|lisib|stat|vir|cept|zomib"
    r"|gliflozin|gliptin|sartan|platin|taxel|rubicin|fungin|cycline|floxacin|xaban|gatran"
    r"|prazole|vastatin|kinra|leucel|temcel|gene)\b"
)
_PROPRIETARY = re.compile(r"proprietary name,? ([A-Z][a-z][\w\-]+)")
_AFTER_CUE = re.compile(
    r"(?i:clearance|approval|authori[sz]ation|designation|clears|cleared|approves|approved"
    r"|granted|mark|marking|certification|application|submission|NDA|BLA|MAA|IND)"
    r"(?: \([A-Za-z]{2,5}\))? (?i:of|for|to) (?i:the |its |our |a )?"
    r"((?:[A-Z][\w\-]*|CT)(?: [A-Z][\w\-]*){0,4})"
)
_APPOSITIVE = re.compile(
    r"\b(?:its|the|a|our) [\w\s\-]{0,60}?, ([A-Z][\w\-]+(?: [A-Z][\w\-]+)?),? (?:has |have |was )?"
    r"(?:received|been|obtained|secured|gained|is)\b"
)
_NOT_PRODUCT = frozenset(
    {
        "EMEA", "NDA", "BLA", "SBLA", "SNDA", "MAA", "IND", "IDE", "CTA",
        "PMA", "CEO", "U.S", "US", "EU", "UK", "THE", "AND", "FOR", "NEW", "PDUFA", "FDA'S",
        "NYSE", "NASDAQ", "MDR", "CE", "AI",
        "HIV", "AML", "COVID", "RMAT", "PRIME", "BUSINESS", "WIRE", "GLOBE", "NEWSWIRE",
        "PRNEWSWIRE",
        "ISO", "NCT", "PHASE", "IMPORTANT", "SAFETY", "INFORMATION", "REGULATORY", "ECG", "EKG",
        "MRI", "DNA", "RNA", "MRNA", "CAR-T", "PET", "IVD", "SEC", "NIH", "WHO",
    }
) | {a.upper() for spec in VOCABULARY.agencies for a in spec.abbreviations}


_CORP_SUFFIX = frozenset(
    {"inc", "corp", "corporation", "ltd", "plc", "llc", "co", "ag", "sa", "nv", "se", "a/s", "gmbh",
     "limited", "company", "the", "and", "of", "&"}
)


def _company_tokens(company: str | None) -> set[str]:
    """Lower-cased words and initials of the company name (never a product name)."""
    words = re.findall(r"[A-Za-z][\w\-/]*", company or "")
    tokens = {w.lower() for w in words}
    core = [w for w in words if w.lower() not in _CORP_SUFFIX]
    if len(core) >= 2:
        tokens.add("".join(w[0] for w in core).lower())
    return tokens


def _ok_name(name: str, company_words: set[str], acronyms: set[str] | None = None) -> bool:
    key = name.strip().upper()
    if len(key) < 3 or key in _NOT_PRODUCT or _NOT_CODE.match(key):
        return False
    if acronyms and key in acronyms:
        return False
    first = name.split()[0].lower()
    return not (name.split()[0][0].isupper() and first in company_words and len(name.split()) == 1)


def guess_products(
    view: ReleaseView, evidence: ViewSentence | None = None, company: str | None = None
) -> list[Product]:
    """Products named near the news: marked brands, brand (generic) pairs, codes, INN names."""
    text = view.text
    company_words = _company_tokens(company)
    sources: list[str] = []
    if evidence is not None:
        sources.append(evidence.text)
    if view.headline is not None:
        sources.append(view.headline.text)
    sources += [s.text for s in view.sentences if s.zone in ("subhead", "lead")][:8]
    found: list[tuple[str, str | None]] = []

    def add(name: str, generic: str | None) -> None:
        name = normalize_space(name).strip(" ,.;:")
        if not name or not _ok_name(name, company_words):
            return
        for i, (n, g) in enumerate(found):
            if n.lower() == name.lower() or (g and g.lower() == name.lower()):
                if generic and not g:
                    found[i] = (n, generic)
                return
        found.append((name, normalize_space(generic) if generic else None))

    for src in sources:
        for m in _NAME_GENERIC.finditer(src):
            add(m.group(1), m.group(2))
        for m in _GENERIC_BRAND.finditer(src):
            if _INN.fullmatch(m.group(1)):
                add(m.group(2), m.group(1))
        for m in _BRAND_MARKED.finditer(src):
            add(m.group(1), None)
        if found:
            break
    if not found:
        for src in sources[:3]:
            for m in _AFTER_CUE.finditer(src):
                add(m.group(1), None)
            for m in _APPOSITIVE.finditer(src):
                add(m.group(1), None)
            for m in _CODE.finditer(src):
                add(m.group(), None)
            if found:
                break
    if not found:
        inns = Counter(m.group() for s in sources for m in _INN.finditer(s))
        brand = _PROPRIETARY.search(text)
        if inns:
            generic = inns.most_common(1)[0][0]
            found.append((brand.group(1), generic) if brand else (generic, None))
        elif brand:
            found.append((brand.group(1), None))
    if not found:
        early = " ".join(
            ([view.headline.text] if view.headline else []) + [s.text for s in view.sentences[:30]]
        )
        defined = {m.group(1).upper() for m in re.finditer(r"\(([A-Z][A-Za-z]{1,6})\)", early)}
        counts = Counter(
            m.group() for m in re.finditer(
                r"\b[A-Z]{2,6}-\d{1,6}[A-Z]?\b|\b[A-Z][a-z]*[A-Z]{2,}[a-z]*\b(?!-\d)"
                r"|\b[A-Z][a-z]+[A-Z][a-z]+\w*\b|\b[A-Z]{4,}\b(?!-\d)", early
            )
        )
        for name, n in counts.most_common(5):
            if n >= 2 and _ok_name(name, company_words, defined):
                found.append((name, None))
                break
    return [Product(name=n, generic_name=g) for n, g in found[:3]]


#: wording that introduces the disease or use; strong ones are tried everywhere first
_IND_STRONG = re.compile(
    r"\b(?:(?:indicated |cleared |approved |certified )?for use in|(?:for|in) the (?:[a-z]+ )?"
    r"(?:treatment|prevention|management|diagnosis|detection|reduction)(?: of the risk)? of"
    r"|indicated (?:for(?: the treatment of)?|to treat)|(?:in|for) treating|(?:treatment|therapy"
    r"|option|options|drug|medicine|vaccine) for|intended (?:for(?: use in)?)|for use in"
    r"|(?:patients|people|adults|children|individuals|subjects|infants)(?: \([^)]{0,60}\))?"
    r" (?:with|living with|who have|suffering from))\s+",
    re.I,
)
_IND_WEAK = re.compile(
    r"\b(?:to (?:treat|remove|detect|diagnose|prevent|manage|control)|living with|in development"
    r" for)\s+",
    re.I,
)
_POPULATION = re.compile(
    r"^(?:(?:adult|adults|pediatric|paediatric|patients?|people|children|adolescents|individuals"
    r"|women|men|infants|newborns|subjects|aged|of|age|years?|old|older|and|or|the|a|an|to|kg"
    r"|weigh(?:ing)?|at|least|who|have|has|with|living|from|\d+(?:\s*(?:to|-|–)\s*\d+)?)\b"
    r"[\s,]*|\([^)]{0,60}\)\s*)+",
    re.I,
)
_IND_CUT = re.compile(
    r",|;|:|\.(?:\s|$)| (?:who|whose|which|that|where|when|using|by|through|from|following|after"
    r"|excluding|versus|vs\.?|and who|with or without|at|plus|including|among)\b| due to\b"
    r"| and (?:has |have |was |were |will |is )?(?:granted|received|approved|accepted|assigned"
    r"|submitted|plans?|expects?)\b"
    r"| as (?:a|an|the|part|well"
    r"|determined|early)\b| in (?:adults?|children|patients|pediatric|combination|first|the|people"
    r"|individuals|addition|order|\d|\w+ (?:patients|adults|children))\b| to (?:be|help|support"
    r"|address|the|enable)\b| \((?![A-Z0-9][A-Za-z0-9\-/]{1,12}\))",
)
_DEVICE_USE = re.compile(
    r"\b((?:[A-Za-z][\w\-]* ){0,2}(?:[Ss]elf[- ])?(?:[Tt]est(?:ing)?|[Aa]ssay|[Ss]creening))\b"
)
_DISEASE = re.compile(
    r"\b((?:[\w\-/]+ ){0,3}(?:disease|cancer|carcinoma|lymphoma|leukemia|leukaemia|myeloma"
    r"|syndrome|diabetes|obesity|psoriasis|spasticity|infection|tumou?rs?|sclerosis"
    r"|arthritis|dystrophy|atrophy|an(?:a)?emia|hemophilia|hypertension|asthma|HIV|epilepsy"
    r"|migraine|depression|schizophrenia|eczema|lupus|gout|insomnia|narcolepsy|angioedema"
    r"|[a-z]+itis|(?!(?:diag|prog)nosis)[a-z]{4,}osis|[a-z]{4,}oma)\b(?: \([A-Z][\w\-]*\))?)",
)
_IND_STOP = re.compile(
    r"^(?:the |a |an )?(?:proposed|indication|indications|use|this|that|it|which|its|our|such"
    r"|other|these|those|more|all|any|up|each|new|further)\b",
    re.I,
)


_IND_LEAD = re.compile(
    r"^(?:(?:in|for|of|with|from)\s+)?(?:the\s+)?(?:(?:treatment|prevention|management|diagnosis"
    r"|detection)\s+of\s+)?"
)


def _cut_indication(rest: str) -> str | None:
    rest = _IND_LEAD.sub("", rest)
    rest = _POPULATION.sub("", rest, count=1) if _POPULATION.match(rest) else rest
    m = _IND_CUT.search(rest)
    ind = (rest[: m.start()] if m else rest).strip(" ,.;:-")
    ind = re.sub(r"^(?:the|a|an)\s+|\s+(?:and|or)$", "", ind)
    if len(ind) < 3 or _IND_STOP.match(ind) or len(ind.split()) > 12:
        return None
    if not re.search(r"[a-z]{3}|[A-Z]{2,}", ind) or re.match(
        r"^[A-Z][a-z]+[A-Z]|^[A-Z]{2,}-?\d", ind
    ):
        return None  # no words, or a product name rather than a disease
    return ind


def _indication(view: ReleaseView, evidence: ViewSentence | None) -> str | None:
    front: list[str] = []
    if evidence is not None:
        front.append(evidence.text)
    if view.headline is not None:
        front.append(view.headline.text)
    front += [s.text for s in view.sentences if s.zone in ("subhead", "lead")][:12]
    rest = [s.text for s in view.sentences if s.zone == "body"][:40]
    for pattern, pool in ((_IND_STRONG, front + rest), (_IND_WEAK, front)):
        for src in pool:
            flat = normalize_space(src)
            for m in pattern.finditer(flat):
                ind = _cut_indication(flat[m.end():])
                if ind:
                    return ind
    for src in front[:3]:
        use = _DEVICE_USE.search(normalize_space(src))
        if use and _DEVICE.search(src) and len(use.group(1).split()) >= 2:
            return use.group(1).strip()
    for src in front:
        disease = _DISEASE.search(normalize_space(src))
        if disease:
            phrase = re.split(r"\s(?:in|for|with|of|to|against)\s", disease.group(1))[-1]
            ind = _cut_indication(phrase)
            if ind:
                return ind
    return None


_LONG_APP = {
    "biologics license application": "BLA",
    "new drug application": "NDA",
    "marketing authorization application": "MAA",
    "marketing authorisation application": "MAA",
    "premarket approval": "PMA",
    "investigational new drug": "IND",
}


def _application(view: ReleaseView, evidence: ViewSentence | None) -> str | None:
    pool = ([evidence] if evidence else []) + [s for s in view.sentences if s.zone == "lead"]
    for vs in pool:
        m = APPLICATION.search(vs.text)
        if m:
            value = m.group()
            short = _LONG_APP.get(value.lower())
            if short:
                before = vs.text[max(0, m.start() - 15):m.start()].lower()
                supplemental = "supplemental" in before and short in ("BLA", "NDA")
                return "s" + short if supplemental else short
            return value
    return None


def _decision_date(
    evidence: ViewSentence | None, view: ReleaseView, published: dt.date | None
) -> dt.date | None:
    if evidence is None:
        return None
    m = re.search(
        r"\b(January|February|March|April|May|June|July|August|September|October|November"
        r"|December) (\d{1,2}),? ((?:19|20)\d\d)\b", evidence.text
    )
    if m:
        try:
            day = dt.date(int(m.group(3)), _MONTH_NUM[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            day = None
        if day is not None and (published is None or day <= published):
            return day
    if published is not None and (
        re.search(r"\btoday\b|\bthis week\b", evidence.text, re.I)
        or (view.headline is not None and re.search(r"\btoday\b", view.headline.text, re.I))
    ):
        return published
    return None


_COMPANY = re.compile(
    r"(?:^|--\s*|—\s*|–\s*|\s-\s+)([A-Z][\w.&'’\-]*(?: (?:[A-Z][\w.&'’\-]*|&|and|of)){0,5}"
    r"(?:,? (?:Inc|Corp|Ltd|plc|LLC|AG|SE|SA|NV|A/S|N\.V|S\.A)\.?)?)"
    r"\s*(?:,?\s*\((?:NYSE|NASDAQ|Nasdaq|OTC\w*|TSX|LSE|ASX|AEX|Euronext|SIX)[^)]*\)"
    r"|(?:,[^,]{0,160},)?\s+(?:today )?(?:announced|reported|said|provided))"
)


def _company(view: ReleaseView) -> str | None:
    for vs in view.sentences[:12]:
        if vs.zone not in ("lead", "subhead"):
            continue
        m = _COMPANY.search(vs.text)
        if m:
            name = m.group(1).strip()
            if name and name.split()[0] not in ("The", "This", "Today", "In"):
                return name
    return None


# --------------------------------------------------------------------------------------------
# rationale, next steps, sentiment


def _rationale(
    view: ReleaseView, evidence: ViewSentence | None, reading: DecisionReading
) -> list[Reason]:
    anchor = evidence.index if evidence is not None else 0
    unfavorable = DECISION_DIRECTION.get(reading.decision) == "unfavorable"
    scored: list[tuple[float, ViewSentence]] = []
    for vs in view.sentences:
        strong = len(RATIONALE_STRONG.findall(vs.text))
        weak = len(RATIONALE_WEAK.findall(vs.text))
        data = len(RATIONALE_DATA.findall(vs.text))
        if not (strong or weak or data >= 2) or len(vs.text.split()) < 6 or _LOGISTICS.search(
            vs.text
        ):
            continue
        if HYPOTHETICAL_BEFORE.search(vs.text[:40]) and FUTURE_CUE.search(vs.text[:60]):
            continue
        if evidence is not None and vs is evidence and not strong:
            continue
        distance = abs(vs.index - anchor)
        if distance > 25:
            continue
        # trial data is the basis of a favourable decision; an unfavourable one has reasons
        score = min(3.0, 1.5 * strong + 0.75 * weak
                    + min(1.5, (0.25 if unfavorable else 0.5) * data))
        # the reasons follow the decision sentence; what precedes it is mostly context
        score += max(0.0, 2.0 - distance / (5 if vs.index >= anchor else 3))
        if FUTURE_STRONG.search(vs.text):
            score *= 0.5 if not strong else 0.7  # a plan, not a reason
        if vs is evidence:
            score *= 0.5  # the decision itself; its reasons are mostly elsewhere
        if vs.title and RATIONALE_TITLE.search(vs.title):
            score += 1.0  # a section about the decision's basis
        elif vs.title and BACKGROUND_TITLE.search(vs.title):
            score *= 0.5  # history: the basis of an earlier decision
        if vs.agencies and (strong or unfavorable):
            score += 0.75  # the regulator's own reason
        if vs.zone in ("lead", "subhead"):
            score += 0.5
        if vs.kind == "quote":
            score *= 0.5
        scored.append((score, vs))
    scored.sort(key=lambda t: -t[0])
    chosen = sorted((vs for score, vs in scored[:3] if score >= 1.5), key=lambda v: v.start)
    reasons: list[Reason] = []
    for vs in chosen:
        regulator = bool(vs.agencies) or unfavorable
        reasons.append(Reason(
            statement=_clip(vs.text),
            source="regulator" if regulator else "company",
            evidence=Evidence(quote=vs.text),
        ))
    return reasons


def _clip(text: str, limit: int = 300) -> str:
    flat = normalize_space(text)
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit] + " ..."


def _next_steps(
    view: ReleaseView, evidence: ViewSentence | None, published: dt.date | None
) -> list[NextStep]:
    anchor = evidence.index if evidence is not None else 0
    scored: list[tuple[float, ViewSentence, str | None, dt.date | None]] = []
    for vs in view.sentences:
        if len(vs.text.split()) < 5 or _LOGISTICS.search(vs.text):
            continue
        timing, due = timing_phrases(vs.text, published)
        future = FUTURE_CUE.search(vs.text)
        if future is None:  # a date ahead stated as a fact: "the PDUFA goal date is 14 May"
            schedule = _SCHEDULED.search(vs.text)
            if due is None or published is None or due < published or schedule is None:
                continue
            future = schedule
        if re.search(r"\b(?:if|unless|whether)\b", vs.text[: future.start()], re.I):
            continue
        if vs.kind == "quote" and not timing and not _FIRST_PERSON_PLAN.search(vs.text):
            continue  # a quote's "will" is mostly colour, not a plan
        if vs is evidence and not timing:
            continue  # the decision itself, not what follows it
        score = (1.0 if FUTURE_STRONG.search(vs.text) else 0.5)
        score += (2.0 if timing else 0.0) + (0.5 if due else 0.0)
        score += {"lead": 1.0, "subhead": 0.5}.get(vs.zone, 0.0)
        score += max(0.0, 1.0 - abs(vs.index - anchor) / 20)
        if vs.kind == "quote":
            score -= 0.5
        scored.append((score, vs, timing, due))
    scored.sort(key=lambda t: -t[0])
    steps: list[NextStep] = []
    for _, vs, timing, due in sorted(scored[:4], key=lambda t: t[1].start):
        head = vs.text[: max(1, len(vs.text) // 2)]
        regulator = any(a.start - vs.start < len(head) for a in vs.agencies) and not re.search(
            r"\b(?:we|our|the company)\b", head, re.I
        )
        regulator = regulator or bool(re.search(
            r"\bby the (?:FDA|EMA|European Commission|agency|CHMP)\b", vs.text
        ))
        steps.append(NextStep(
            actor="regulator" if regulator else "company",
            action=_clip(vs.text),
            timing=timing,
            due_date=due,
            evidence=Evidence(quote=vs.text),
        ))
    return steps


def _sentiment(
    view: ReleaseView, decision: str, direction: str, is_event: bool,
    lexicon: ToneLexicon | None, evidence: ViewSentence | None,
) -> Sentiment:
    pool = [
        s for s in view.sentences
        if s.zone in ("lead", "subhead") or s.start < view.lead_start + 4000
    ]
    if view.headline is not None:
        pool.insert(0, view.headline)
    t = tone(" \n".join(s.text for s in pool), lexicon)
    fixed = DECISION_DIRECTION.get(decision) is not None
    if direction == "favorable" and fixed:
        label, score = "positive", 0.5 + 0.4 * max(0.0, t.score)
        if t.negative >= 1.5 and t.negative >= 0.6 * t.positive:
            label, score = "mixed", 0.1
    elif direction == "unfavorable" and fixed:
        label, score = "negative", -0.5 + 0.4 * min(0.0, t.score)
        if t.positive >= 2.0 and t.positive >= 1.2 * t.negative:
            label, score = "mixed", -0.1
    else:
        balanced = t.negative >= 0.4 * t.positive and t.positive >= 0.4 * t.negative
        if t.positive >= 1.5 and t.negative >= 1.5 and (balanced or direction == "neutral"):
            label = "mixed"
        elif direction == "favorable" and t.score > -0.3:
            label = "positive"
        elif direction == "unfavorable" and t.score < 0.3:
            label = "negative"
        elif t.score > 0.15:
            label = "positive"
        elif t.score < -0.15:
            label = "negative"
        else:
            label = "neutral"
        score = t.score
    best: ViewSentence | None = evidence
    if best is None or not is_event:
        ranked = sorted(pool, key=lambda s: -abs(tone(s.text, lexicon).score))
        best = ranked[0] if ranked else None
    words = sorted({h[2] for h in t.hits if abs(h[3]) >= 0.5})[:6]
    reason = (
        f"{'Regulatory outcome is ' + direction + '; ' if is_event else ''}tone cues: "
        + (", ".join(words) if words else "none")
        + "."
    )
    return Sentiment(
        label=label,
        score=round(max(-1.0, min(1.0, score)), 3),
        rationale=reason,
        evidence=Evidence(quote=best.text) if best is not None else None,
    )


def _headline(view: ReleaseView, outcome: Outcome | None) -> str:
    if view.headline is not None:
        return normalize_space(view.headline.text)
    if outcome is not None:
        product = outcome.products[0].name if outcome.products else "the product"
        phrase = VOCABULARY.phrase(outcome.decision)
        return f"{outcome.agency_body or outcome.agency} {phrase} {product}"
    lead = [s for s in view.sentences if s.zone == "lead"]
    return _clip(lead[0].text, 200) if lead else "Press release"


def _summary_text(view: ReleaseView, evidence: ViewSentence | None) -> str:
    picked: list[ViewSentence] = []
    if evidence is not None and evidence.zone != "headline":
        picked.append(evidence)
    for vs in view.sentences:
        if len(picked) >= 3:
            break
        if vs.zone != "lead" or vs in picked or vs.kind == "quote" or not _is_prose(vs.text):
            continue
        if evidence is not None and vs.start < evidence.start:
            continue
        picked.append(vs)
    picked.sort(key=lambda v: v.start)
    text = " ".join(_clip(v.text, 400) for v in picked[:3])
    return text or _headline(view, None)


# --------------------------------------------------------------------------------------------
# the backend


def summarize_with_rules(
    document: Document | str,
    *,
    published: dt.date | None = None,
    tone_lexicon: ToneLexicon | None = None,
) -> RegulatorySummary:
    """Build a summary without a model; every evidence quote is an exact substring of the text."""
    doc = document if isinstance(document, Document) else load(document, published=published)
    doc = _dated(doc, published)
    when = doc.published
    view = read_release(doc)
    reading = detect_decision(view)
    company = _company(view)
    outcome: Outcome | None = None
    evidence_vs: ViewSentence | None = None
    direction = "neutral"
    if reading.is_event:
        ruled = _rule(view, reading)
        decision, evidence_vs = ruled.decision, ruled.evidence
        direction = _direction(decision, view, evidence_vs, tone_lexicon)
        outcome = Outcome(
            evidence=Evidence(quote=evidence_vs.text) if evidence_vs is not None else None,
            agency_body=ruled.agency_body,
            agency=ruled.agency,
            decision=decision,
            direction=direction,
            products=guess_products(view, evidence_vs, company),
            indication=_indication(view, evidence_vs),
            decision_date=_decision_date(evidence_vs, view, when),
            application=_application(view, evidence_vs),
        )
    else:  # no regulatory decision: the outcome only names what the news is about
        products, indication = guess_products(view, None, company), _indication(view, None)
        if products or indication:
            outcome = Outcome(
                evidence=None, agency_body=None, agency="NONE", decision="none",
                direction="neutral", products=products, indication=indication,
                decision_date=None, application=None,
            )
    return RegulatorySummary(
        is_regulatory_event=reading.is_event,
        company=company,
        headline=_headline(view, outcome),
        summary=_summary_text(view, evidence_vs),
        outcome=outcome,
        rationale=_rationale(view, evidence_vs, reading) if reading.is_event else [],
        next_steps=_next_steps(view, evidence_vs, when),
        sentiment=_sentiment(
            view, outcome.decision if outcome else "none", direction, reading.is_event,
            tone_lexicon, evidence_vs,
        ),
    )


@dataclass(frozen=True)
class RuledOutcome:
    """The rules backend's decision for a release, without the rest of its summary: what
    arbitration compares a model's outcome with. ``decision`` is "none" for a non-event."""

    is_event: bool
    decision: Decision
    agency: Agency
    agency_body: str | None
    evidence: ViewSentence | None


def _rule(view: ReleaseView, reading: DecisionReading) -> RuledOutcome:
    if not reading.is_event:
        return RuledOutcome(False, VOCABULARY.no_decision, VOCABULARY.no_agency, None, None)
    agency, mention, evidence = read_agency(view, reading)
    decision: Decision = reading.decision
    about = " ".join([view.headline.text if view.headline else "",
                      evidence.text if evidence else ""])
    spec = VOCABULARY.agency(agency)
    if spec is not None and decision in spec.device_decisions and _DEVICE.search(about):
        decision = spec.device_decisions[decision]  # a device "approval": a registration
    return RuledOutcome(True, decision, agency, _agency_body(mention, evidence), evidence)


def _dated(document: Document, published: dt.date | None) -> Document:
    """``document`` as released on ``published`` (the reading of background and timing
    depends on the date), itself when that is its date already or no date is given."""
    return document.dated(published)


class ReleaseReading:
    """The cue reader's ``view`` of ``document`` and its decision ``reading``, each computed once
    (shared by what reads one release several ways: the rules' context, the rules fallback)."""

    document: Document

    @cached_property
    def view(self) -> ReleaseView:
        return read_release(self.document)

    @cached_property
    def reading(self) -> DecisionReading:
        return detect_decision(self.view)


class RulesFallback(ReleaseReading):
    """The rules backend's answer for one document, built only as far as it is asked.

    ``view`` and ``reading`` are the cue reader's; ``ruled`` (the decision, agency and its
    sentence) costs a few hundredths of a millisecond once the release is read; ``summary``
    (all of ``summarize_with_rules``, grounded in ``index`` when given) costs a millisecond or
    more and is built on first use: arbitration and gap filling need it only when they overrule
    or fill something.
    """

    def __init__(self, document: Document, *, published: dt.date | None = None,
                 index: SourceIndex | None = None) -> None:
        self.document = _dated(document, published)
        self.index = index

    @cached_property
    def ruled(self) -> RuledOutcome:
        return _rule(self.view, self.reading)

    @cached_property
    def summary(self) -> RegulatorySummary:
        summary = summarize_with_rules(self.document)
        return summary if self.index is None else ground(summary, self.index)


def _direction(
    decision: str, view: ReleaseView, evidence: ViewSentence | None, lexicon: ToneLexicon | None
) -> str:
    fixed = DECISION_DIRECTION.get(decision)
    if fixed is not None:
        return fixed
    pool = ([evidence.text] if evidence else []) + [
        s.text for s in view.sentences if s.zone in ("lead", "subhead")
    ]
    if view.headline is not None:
        pool.insert(0, view.headline.text)
    if decision == "advisory_vote":
        joined = " ".join(pool)
        if re.search(r"\bagainst\b|\bnot to recommend|\bunfavorabl|risks? outweigh", joined, re.I):
            return "unfavorable"
        if re.search(r"\bin favou?r\b|\bsupport(?:ed|s)?\b|\bfavorabl|\bpositive"
                     r"|benefits? (?:\w+ ){0,4}?outweigh", joined, re.I):
            return "favorable"
        votes = re.search(r"\bvot(?:ed|e) (\d+)\s*(?:to|-|–)\s*(\d+)", joined, re.I)
        if votes and int(votes.group(1)) != int(votes.group(2)):
            return "favorable" if int(votes.group(1)) > int(votes.group(2)) else "unfavorable"
        return "neutral"
    t = tone(" ".join(pool), lexicon)
    if decision == "regulatory_feedback" and re.search(
        r"\b(?:more|additional|further) data\b|\badditional (?:study|studies|trial)\b"
        r"|\bdeficienc", " ".join(pool), re.I
    ):
        return "unfavorable"
    if t.score > 0.2:
        return "favorable"
    if t.score < -0.2:
        return "unfavorable"
    return "neutral"
