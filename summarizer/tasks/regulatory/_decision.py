"""What the release says the decision is: the verdict its cues add up to (``CueVerdict``),
the reading of the sentences a quote lies in (``QuoteReading``), the acting regulator, and the
reader's outcome (``ReaderOutcome``: decision, regulator, the sentence stating it).

Rules, arbitration and the reader share these, so a model's answer is checked against the same
reading the reader answers with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.tasks.regulatory._reading import (
    CUE_WINDOW,
    NAMING,
    SPECIFIC,
    ViewSentence,
    WeightedCue,
    ZonedRelease,
    is_background,
    is_hedged,
    is_negated,
    mask_agencies,
    other_news_title,
    regulatory_title,
)
from summarizer.tasks.regulatory.lexicon import (
    ASIDE,
    NEUTRAL_TITLE,
    OTHER_NEWS_TITLE,
    RELATIVE_ASIDE,
    AgencyMention,
)
from summarizer.tasks.regulatory.schema import (
    Agency,
    Decision,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY

__all__ = [
    "DEVICE",
    "MEDICINE",
    "CueVerdict",
    "QuoteReading",
    "ReaderOutcome",
    "about_a_medicine",
    "acts_stated",
    "detect_decision",
    "has_front_cue",
    "is_prose",
    "is_title_line",
    "other_news_headline",
    "part_of_stated",
    "read_agency",
    "read_outcome",
    "read_quote",
    "sentence_agency",
]

DEVICE = re.compile(
    # (not a law's or an agency's name: "Act on Pharmaceuticals and Medical Devices")
    r"\b(?:tests?(?! (?:results?|positive|negative))|(?<!pharmaceuticals and medical )"
    r"(?<!medicines and medical )(?:device|devices)(?! (?:Act|Law|Agency)\b)"
    r"|diagnostic|diagnostics|kit"
    r"|assay|catheter|implant|stent|shunt|software|monitor|scanner|instrument|IVD|self-test|sensor"
    r"|pump|(?<!nervous )(?<!immune )(?<!delivery )(?<!health )(?<!healthcare )(?<!care )"
    r"(?<!respiratory )(?<!digestive )(?<!cardiovascular )(?<!endocrine )(?<!reproductive )"
    r"(?<!classification )(?<!review )(?<!regulatory )(?<!reimbursement )(?<!lymphatic )"
    r"(?<!approval )(?<!designation )(?<!authori[sz]ation )"
    r"(?<!urinary )(?<!musculoskeletal )(?<!vascular )(?<!circulatory )(?<!skeletal )system)\b",
    re.I,
)
#: what only a medicine is (its dosage forms, its kinds, its applications): a release naming one
#: up front, and no device, is about a medicine
MEDICINE = re.compile(
    r"\b(?:tablets?|capsules?|injections?|infusions?|oral (?:solution|suspension|granules)"
    r"|medicines?|medicinal products?|(?<!Food and )drugs?(?! Administration)|vaccines?"
    r"|biologics?|antibod(?:y|ies)|inhibitors?|antagonists?|agonists?"
    r"|gene therap(?:y|ies)|cell therap(?:y|ies)"
    r"|New Drug (?:Application|Submission)|Biologics License Application"
    r"|(?-i:s?NDA|s?BLA|ANDA|NDS|MAA)|\d+(?:\.\d+)? ?mg)\b",
    re.I,
)
#: a test that selects the patients a medicine treats ("as detected by a validated test", "as
#: determined by an FDA-approved assay"): a companion diagnostic, not the product approved
_SELECTING_TEST = re.compile(
    r"\b(?:detected|determined|identified|confirmed|selected|measured|assessed) (?:by|with|using) "
    r"(?:an? |the )?(?:[\w-]+ ){0,4}?(?:tests?|assays?|diagnostics?)\b", re.I)
_EVENT_THRESHOLD = 3.0

@dataclass(frozen=True)
class CueVerdict:
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
    def stated_up_front(self) -> bool:
        """A specific (or regulator-attributed), unhedged cue up front: an event beyond doubt,
        whatever the runner-up's score (a close runner-up leaves the kind in doubt, not the
        event)."""
        best = self.best
        return (
            self.is_event and best is not None
            and (best.hit.specificity >= NAMING or best.actor) and best.firm
            and best.sentence.zone in _FRONT
        )

    @property
    def unambiguous(self) -> bool:
        """Stated up front, and beating the runner-up."""
        return self.stated_up_front and self.score >= 1.8 * self.runner_up_score


def _states_act(c: WeightedCue) -> bool:
    """Whether a cue states its act as today's: firm, current, of some weight, and specific or
    said of a regulator acting (a generic word no regulator is said to act by, "the
    accelerated-approval indication", states no act)."""
    return (c.firm and not c.background and c.weight >= 1.0
            and (c.hit.specificity >= SPECIFIC or c.actor))


def acts_stated(cues: Sequence[WeightedCue]) -> dict[int, dict[str, float]]:
    """Per sentence (by ``id``), the kinds of act it states as today's (``_states_act``), each
    with its most specific cue there."""
    stated: dict[int, dict[str, float]] = {}
    for c in cues:
        if _states_act(c):
            acts = stated.setdefault(id(c.sentence), {})
            acts[c.hit.decision] = max(acts.get(c.hit.decision, 0.0), c.hit.specificity)
    return stated


def part_of_stated(c: WeightedCue, stated: dict[int, dict[str, float]]) -> bool:
    """Whether a cue is part of another act its sentence states as today's: a catch-all kind's
    beside a specific act ("has approved X ... with a REMS"), or a kind's beside an act it comes
    with, named specifically (the vocabulary's ``part_of``: "granted marketing authorisation
    ... and confirmed the orphan designation"; not the bare verb of the kind's own act, "approved
    to enter the Special Review Procedure")."""
    acts = stated.get(id(c.sentence), {})
    if VOCABULARY.catch_all(c.hit.decision):
        return any(not VOCABULARY.catch_all(d) for d in acts)
    spec = VOCABULARY.decision(c.hit.decision)
    return spec is not None and any(acts.get(d, 0.0) >= SPECIFIC for d in spec.part_of)


def _aggregate(cues: list[WeightedCue]) -> dict[str, float]:
    """Each decision's score: its cues' weights, each further one counting half the one before;
    a cue that is part of another act its sentence states (``part_of_stated``) does not count."""
    stated = acts_stated(cues)
    by: dict[str, list[float]] = {}
    for c in cues:
        if part_of_stated(c, stated):
            continue
        by.setdefault(c.hit.decision, []).append(c.weight)
    return {
        d: sum(w * 0.5**i for i, w in enumerate(sorted(ws, reverse=True))) for d, ws in by.items()
    }


_FRONT = ("headline", "subhead", "lead")


def _up_front(c: WeightedCue) -> bool:
    """Whether a cue states its act up front as today's fact: unhedged, current, of some weight,
    in the headline, a subhead or the lead."""
    return c.firm and not c.background and c.weight >= 1.0 and c.sentence.zone in _FRONT


def _told_as_today(c: WeightedCue) -> bool:
    """Whether a cue further down states its act, in specific words, as the act of these days
    ("On September 22, 2025, the FDA notified X that the partial clinical hold ... has been
    lifted" under "X Announces Update on Its Study"): the news of a release whose front states
    no act at all."""
    return (c.firm and c.today and not c.background and not c.negated and c.weight >= 1.0
            and c.hit.specificity >= 3.0 and c.sentence.kind != "quote")


def has_front_cue(cues: Sequence[WeightedCue], decision: str, min_spec: float = 0.0, *,
                  quotes: bool = True) -> bool:
    """Whether ``decision`` has an unhedged, current cue of some weight in headline or lead
    (with ``quotes=False``, not in an executive's words quoted in the lead)."""
    return any(
        c.hit.decision == decision and _up_front(c) and c.hit.specificity >= min_spec
        and (quotes or c.sentence.kind != "quote")
        for c in cues
    )


#: words of a regulatory act or instrument: where a sentence in unknown wording states its news
_ACTION = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|grant\w*|clear(?:ed|s|ance)|recommend\w*|designat\w*"
    r"|accept\w*|validat\w*|regist\w*|certif\w*|issu(?:ed|es|ing)|refus\w*|reject\w*|lift\w*"
    r"|placed|vot(?:ed|es|e)|extend\w*|classif\w*|submi\w*|filed|withdr\w*|receiv\w*|award\w*"
    # (not "allowing for clock stops", a reckoning)
    r"|obtain\w*|licen[cs]\w*|permit\w*|allow(?!ing for\b)\w*|halt\w*|suspen\w*|decid\w*"
    r"|decision|letter"
    r"|opinion|guidance|feedback|minutes|order\w*)\b",
    re.I,
)
#: after an act word, the application it names the kind of: no act of its own
_APPLIED_FOR = re.compile(r"\s+(?:applications?|dossiers?)\b", re.I)
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

    @property
    def comment(self) -> bool:
        """Whether the quote is an executive's comment (a quotation), not the release's own
        sentence."""
        return bool(self.sentences) and all(vs.kind == "quote" for vs in self.sentences)


def read_quote(view: ZonedRelease, start: int, end: int) -> QuoteReading:
    """How the release states what the sentence(s) holding ``[start, end)`` report.

    A sentence counts as recapped, hedged or negated only when every act word in it is ("the
    FDA had approved ...", "if approved", "did not approve"); a cue's own flags are the cue
    reader's. Kept per span on the view: the view is read-only once built.
    """
    reading = view.quotes.get((start, end))
    if reading is None:
        reading = view.quotes[(start, end)] = _read_quote(view, start, end)
    return reading


#: characters of a sentence a quote must cover for it to count as quoted (a word or two)
_SLIVER = 12


def _read_quote(view: ZonedRelease, start: int, end: int) -> QuoteReading:
    pool = ([view.headline] if view.headline else []) + view.sentences
    held = tuple(vs for vs in pool if vs.start < end and start < vs.end)
    # a fuzzy quote's window may take in a few characters of the sentence before or after it
    # ("rapies.\n\n" before the comment it paraphrases): a sliver quotes no sentence
    whole = tuple(vs for vs in held
                  if min(end, vs.end) - max(start, vs.start) >= min(_SLIVER, vs.end - vs.start))
    held = whole or held
    cues = tuple(c for c in view.cues if c.sentence in held)
    text = view.text
    # each flag holds when every act word has it: once an act word lacks it, it is settled
    # false and not read again (a sentence full of act words stops at the first plain one)
    background = hedged = negated = True
    acts = False
    regulatory = bool(cues)
    for vs in held:
        regulatory = regulatory or bool(vs.agencies)
        for m in _ACTION.finditer(text, vs.start, vs.end):
            if _APPLIED_FOR.match(text, m.end()):
                continue  # what an application asks for ("marketing authorisation application")
            acts = True
            if not (background or hedged or negated):
                break
            # read in its neighbourhood, as the cue reader does: a huge sentence full of act
            # words is not re-read whole for each of them
            before = text[max(vs.start, m.start() - CUE_WINDOW):m.start()]
            after = text[m.end():min(vs.end, m.end() + CUE_WINDOW)]
            if background:
                background = is_background(view, vs, before, after, (m.start(), m.end()))
            if hedged:
                plain = mask_agencies(before, vs, m.start() - len(before))
                hedged = is_hedged(plain, after, m.group())
            if negated:
                negated = is_negated(before, after)
        regulatory = regulatory or bool(
            _ACTION.search(vs.text) and _REGULATORY_NOUN.search(vs.text))
    return QuoteReading(
        held, cues,
        background=acts and background,
        hedged=acts and hedged,
        negated=acts and negated,
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

    mentions = _nearest_first(vs, [a for a in vs.agencies if credited(a.code)], cue.hit.start)
    if not mentions:
        return None
    spec = VOCABULARY.agency(mentions[0].code)
    code = spec.defers.get(decision, mentions[0].code) if spec is not None else mentions[0].code
    return code, mentions[0].text.strip("() ")


def _nearest_first(vs: ViewSentence, mentions: list[AgencyMention],
                   pos: int) -> list[AgencyMention]:
    """``mentions`` ordered by how far they stand from a cue at ``pos``, for choosing the one
    that acts: before the cue counts closer than after it; inside an aside the cue is not in
    (", following ...,", or a relative clause on the subject: ", which obtained ... in 2024,"),
    last."""
    asides = [(vs.start + m.start(), vs.start + m.end())
              for pattern in (ASIDE, RELATIVE_ASIDE) for m in pattern.finditer(vs.text)]

    def distance(mention: AgencyMention) -> int:
        gap = abs(mention.start - pos) + (0 if mention.start < pos else 15)
        aside = any(lo <= mention.start < hi and not lo <= pos < hi for lo, hi in asides)
        return gap + (1000 if aside else 0)

    return sorted(mentions, key=distance)


def _framed(cues: Sequence[WeightedCue], generic: str, specific: str) -> bool:
    """Whether a front sentence states the generic act and names the specific kind's framework
    it falls under ("has obtained approval ... under the conditional early approval system")."""
    acts = {id(c.sentence) for c in cues if c.hit.decision == generic and _up_front(c)}
    return any(c.hit.decision == specific and c.framework and not c.background
               and not c.negated and id(c.sentence) in acts for c in cues)


#: an act's own verb in a cue's words ("approved under ...", "granted conditional approval")
_ACT_VERB = re.compile(r"\b(?:approved|granted|authori[sz]ed|cleared|registered)\b", re.I)


def _states_kind(cues: Sequence[WeightedCue], specific: str) -> bool:
    """Whether the lead states the act as the specific kind, in a sentence with an act's verb
    ("X was approved under the Accelerated Approval pathway", "Market authorization with
    conditions was granted"): the generic act's kind, however often the headline and the
    opening sentence say the generic word."""
    return any(c.hit.decision == specific and c.sentence.zone == "lead" and _states_act(c)
               and _ACT_VERB.search(c.sentence.text) for c in cues)


def _explicit(view: ZonedRelease, generic: str, specific: str) -> bool:
    """Whether the front matter names the generic kind as explicitly as the specific one ("full
    approval" against "accelerated approval"): then the generic kind is no mere word."""
    def best(decision: str) -> float:
        return max((c.hit.specificity for c in view.cues
                    if c.hit.decision == decision and _up_front(c)), default=0.0)

    return best(generic) >= max(best(specific), NAMING)


def other_news_headline(view: ZonedRelease, cues: Sequence[WeightedCue]) -> bool:
    """Whether the headline announces news of another kind (results, financing, a launch, a
    meeting) and states none of ``cues`` as an act of today itself, nor does the front say
    one is today's ("Now Available ... after the FDA earlier today approved"). Under a neutral
    headline ("Provides Corporate Update") the lead's first sentence is the announcement."""
    head = view.headline.text if view.headline else ""
    first = next((vs for vs in view.sentences if vs.zone == "lead"), None)
    if view.headline is not None and regulatory_title(view.headline):
        return False
    if other_news_title(view.headline):
        opening = None
    elif head and first is not None and NEUTRAL_TITLE.search(head) and (
            OTHER_NEWS_TITLE.search(first.text)):
        opening = first  # "Provides Corporate Update" / "today announced the pricing of ..."
    else:
        return False
    return not any(
        c.firm and not c.background and (c.sentence.zone == "headline" or c.sentence is opening
                                         or (c.today and c.attributed
                                             and c.sentence.zone in ("subhead", "lead")))
        for c in cues)


#: a cue read across a relative clause ("the application, which was accepted in September, has
#: been included in priority review"): it describes the thing, not the sentence's act
_RELATIVE = re.compile(r",\s*(?:which|that|who)\b", re.I)


def _yielded_to(cues: Sequence[WeightedCue], decision: str) -> str | None:
    """The act ``decision`` yields to (the vocabulary's ``yields_to``) when one sentence up front
    states both as today's ("has accepted its NDA and granted Priority Review" is the
    acceptance, however the headline words it)."""
    spec = VOCABULARY.decision(decision)
    if spec is None or not spec.yields_to:
        return None
    own = {id(c.sentence) for c in cues if c.hit.decision == decision and _up_front(c)}
    return next((c.hit.decision for c in cues
                 if c.hit.decision in spec.yields_to and _up_front(c) and id(c.sentence) in own
                 and not _RELATIVE.search(c.hit.text)), None)


def _announced_of_two(view: ZonedRelease, decision: str) -> str | None:
    """Of two acts the headline states ("Announces FDA Approval of X; Receives Complete Response
    Letter for Y"), the one the lead's opening sentence, the release's announcement, states
    alone, with its regulator acting: the other is the release's second matter, however
    specific its words. (A generic word and the kind it is the verb of, "has approved its
    application under the Clinical Trial Approval scheme", are two kinds named: no one act.)"""
    opening = next((vs for vs in view.sentences if vs.zone == "lead"), None)
    if opening is None:
        return None
    head = {c.hit.decision for c in view.cues if c.sentence.zone == "headline" and _states_act(c)}
    stating = [c for c in view.cues if c.sentence is opening and not c.background]
    said = {c.hit.decision for c in stating}
    if (decision not in head or len(said) != 1 or decision in said or not said <= head
            or not any(c.actor and _up_front(c) for c in stating)):
        return None
    return next(iter(said))


def detect_decision(view: ZonedRelease) -> CueVerdict:
    """The decision the release reports (``none`` when it reports no regulatory event)."""
    scores = _aggregate(view.cues)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked:
        return CueVerdict("none", 0.0, False, (), None, 0.0, scores)
    decision, score = ranked[0]
    paired = _yielded_to(view.cues, decision) or _announced_of_two(view, decision)
    if paired is not None and paired in scores:
        decision, score = paired, max(score, scores[paired])
    # refinements: a specific kind of approval named up front wins over the generic word
    # (or framed: the act stated in the generic word, its kind by the framework it falls under,
    # whose cues then state it)
    stating = decision
    for kind in VOCABULARY.decisions:
        if not VOCABULARY.refinement(decision, kind.code) or _explicit(view, decision, kind.code):
            continue
        if has_front_cue(view.cues, kind.code, kind.refine_specificity) and (
                scores.get(kind.code, 0) >= 0.3 * score or _states_kind(view.cues, kind.code)):
            decision, stating, score = kind.code, kind.code, max(score, scores[kind.code])
            break
        if _framed(view.cues, decision, kind.code):
            decision = kind.code
            break
    runner = next(((d, s) for d, s in ranked if d not in (decision, stating)), (None, 0.0))
    cues = tuple(sorted((c for c in view.cues if c.hit.decision in (decision, stating)),
                        key=lambda c: -c.weight))
    front = any(_up_front(c) for c in cues) or (
        not any(_up_front(c) for c in view.cues) and any(_told_as_today(c) for c in cues))
    threshold = _EVENT_THRESHOLD
    if other_news_headline(view, cues):
        threshold *= 2.5
    is_event = front and score >= threshold
    return CueVerdict(
        decision if is_event else "none", score, is_event, cues, runner[0], runner[1], scores
    )


# --------------------------------------------------------------------------------------------
# outcome fields


def is_prose(text: str) -> bool:
    """A running-text sentence (not a heading, an address line or a link)."""
    return (len(text.split()) >= 6 and bool(re.search(r"[a-z]{3}", text))
            and not re.search(r"https?://|www\.", text))


def is_title_line(vs: ViewSentence) -> bool:
    """Whether a line of the front is a title (a disclosure's own headline under the company's
    name: no closing stop, its longer words capitalised), not a sentence of the lead."""
    if vs.zone not in ("subhead", "lead") or _CLOSED.search(vs.text):
        return False
    words = [w for w in _WORD.findall(vs.text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_CLOSED = re.compile(r"[.!?;:\"”’']\s*$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _evidence_sentence(view: ZonedRelease, reading: CueVerdict) -> ViewSentence | None:
    """The body sentence that states the decision (the headline only when nothing else does;
    a recap of an earlier such act states none)."""
    body = [c for c in reading.cues if c.sentence.zone != "headline" and c.firm
            and not c.background]
    if body:
        # once per sentence: many cues may share one (a long one, on a text dense with cues)
        prose: dict[int, bool] = {}
        for c in body:
            if id(c.sentence) not in prose:
                prose[id(c.sentence)] = is_prose(c.sentence.text)
        best = max(body, key=lambda c: (c.weight + (0.5 if c.sentence.agencies else 0.0))
                   * (1.0 if prose[id(c.sentence)] else 0.3))
        return best.sentence
    return reading.cues[0].sentence if reading.cues else None


def _pick_agency(
    view: ZonedRelease, reading: CueVerdict, sentence: ViewSentence | None
) -> AgencyMention | None:
    decision = reading.decision
    # in the decision's sentence, the cue a regulator is named as doing ("the Commission, which
    # granted orphan designation") over a stronger one it is not ("the COMP's positive opinion")
    here = [c for c in reading.cues if c.sentence is sentence]
    actors = [c for c in here if c.actor]
    cue = actors[0] if actors else here[0] if here else None
    if len(actors) > 1 and sentence is not None and view.headline is not None:
        # of two regulators named as doing it ("the FDA cleared the IND in April, and the MHRA
        # has now approved the CTA"), the one the headline names: it says what the news is
        headlined = {a.code for a in view.headline.agencies}
        cue = next((c for c in actors if (named := sentence_agency(sentence, c)) is not None
                    and named[0] in headlined), cue)
    candidates: list[ViewSentence] = []
    if sentence is not None:
        candidates.append(sentence)
    if view.headline is not None:
        candidates.append(view.headline)
    candidates += [c.sentence for c in reading.cues if c.firm and not c.background]
    candidates += [s for s in view.sentences if s.zone in ("subhead", "lead")]
    for vs in candidates:
        mentions = [a for a in vs.agencies if VOCABULARY.takes(a.code, decision)]
        if not mentions:
            continue
        if cue is not None and vs is sentence:
            mentions = _nearest_first(vs, mentions, cue.hit.start)
        return mentions[0]
    if view.agency_counts:
        code = view.agency_counts.most_common(1)[0][0]
        for vs in view.sentences:
            for a in vs.agencies:
                if a.code == code:
                    return a
    return None


def read_agency(
    view: ZonedRelease, reading: CueVerdict
) -> tuple[str, AgencyMention | None, ViewSentence | None]:
    """The acting regulator's code, its mention as written and the sentence stating the news."""
    evidence = _evidence_sentence(view, reading)
    mention = _pick_agency(view, reading, evidence)
    return _agency_code(mention, reading, evidence, view), mention, evidence


def _owner(reading: CueVerdict, evidence: ViewSentence | None) -> str | None:
    """The regulator whose own wording states the decision ("Notice of Compliance", "CE
    mark"): of the decision sentence's cues first, then of the strongest ones; a recapped act's
    wording names an earlier regulator ("which obtained its MDR certificate in 2024")."""
    cues = [c for c in reading.cues if c.firm and not c.background]
    for c in [c for c in cues if c.sentence is evidence] + cues[:3]:
        if c.hit.agency is not None:
            return c.hit.agency
    return None


def _agency_code(
    mention: AgencyMention | None, reading: CueVerdict, evidence: ViewSentence | None,
    view: ZonedRelease,
) -> str:
    decision = reading.decision
    owner = _owner(reading, evidence)
    named = {a.code for a in evidence.agencies} if evidence is not None else set()
    if owner is not None and (mention is None or mention.code == owner or owner in named
                              or not VOCABULARY.takes(mention.code, decision)):
        return owner
    code = mention.code if mention is not None else VOCABULARY.other_agency
    if mention is None and evidence is not None:  # no regulator named: the one whose own
        # instrument the decision sentence names, else the release's headline and lead
        front = " ".join(vs.text for vs in ([view.headline] if view.headline else [])
                         + view.sentences if vs.zone in ("headline", "subhead", "lead"))
        code = (VOCABULARY.instrument_owner(evidence.text) or VOCABULARY.instrument_owner(front)
                or code)
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




@dataclass(frozen=True)
class ReaderOutcome:
    """The rules backend's decision for a release, without the rest of its summary: what
    arbitration compares a model's outcome with. ``decision`` is "none" for a non-event."""

    is_event: bool
    decision: Decision
    agency: Agency
    agency_body: str | None
    evidence: ViewSentence | None


def about_a_medicine(view: ZonedRelease) -> bool:
    """Whether the headline and lead name a medicine ("tablets", "an NDA") and no device."""
    front = [vs for vs in (view.headline, *view.sentences)
             if vs is not None and vs.zone in ("headline", "subhead", "lead")]
    told = _SELECTING_TEST.sub(" ", " ".join(mask_agencies(vs.text, vs, vs.start) for vs in front))
    return MEDICINE.search(told) is not None and DEVICE.search(told) is None


def read_outcome(view: ZonedRelease, reading: CueVerdict) -> ReaderOutcome:
    if not reading.is_event:
        return ReaderOutcome(False, VOCABULARY.no_decision, VOCABULARY.no_agency, None, None)
    agency, mention, evidence = read_agency(view, reading)
    decision: Decision = reading.decision
    # what the act is about: the headline, the decision's sentence and the lead's first sentence
    # (which names the product the headline shortens)
    told = [view.headline, evidence, next((vs for vs in view.sentences if vs.zone == "lead"), None)]
    about = _SELECTING_TEST.sub(" ", " ".join(
        mask_agencies(vs.text, vs, vs.start) for vs in told if vs is not None))
    spec = VOCABULARY.agency(agency)
    if spec is not None and decision in spec.device_decisions and DEVICE.search(about):
        decision = spec.device_decisions[decision]  # a device "approval": a registration
    return ReaderOutcome(True, decision, agency, _agency_body(mention, evidence), evidence)

