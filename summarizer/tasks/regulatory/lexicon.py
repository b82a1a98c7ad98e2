"""The shared cue lexicon: compiled patterns for decisions, agencies, timing and tone.

One place for the wording regulators and companies use, so the rules (which check a model's answer)
and the rules backend (which builds an answer) read a release the same way. The tone lexicon is our
own small regulatory list; ``load_tone_lexicon`` swaps in a user-supplied one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from summarizer.literals import PrefilterSet
from summarizer.tasks.regulatory.vocabulary import VOCABULARY, CueSpec
from summarizer.timing import (
    FUTURE_CUE,
    FUTURE_STRONG,
    FUTURE_WEAK,
    TIMING_CUE,
    find_timing,
    resolve_timing,
)
from summarizer.tone import Tone, ToneLexicon, load_tone_lexicon, weigh

__all__ = [
    "ABOUT_REGULATORY",
    "ACT_AFTER_REGULATOR",
    "AGENCY_NAMES",
    "AGENCY_PATTERNS",
    "APPLICATION",
    "BACKGROUND_BEFORE",
    "BACKGROUND_CLAUSE",
    "BACKGROUND_OPENING",
    "BACKGROUND_RECENT",
    "BACKGROUND_TITLE",
    "CAREER_BEFORE",
    "DECISION_CUES",
    "DECISION_DIRECTION",
    "DEFAULT_TONE",
    "FRAMEWORK_AFTER",
    "FRAMEWORK_BEFORE",
    "FUTURE_CUE",
    "FUTURE_STRONG",
    "FUTURE_WEAK",
    "HYPOTHETICAL_AFTER",
    "HYPOTHETICAL_BEFORE",
    "NEGATED_LIST",
    "NEGATION_AFTER",
    "NEGATION_BEFORE",
    "NEUTRAL_TITLE",
    "NEWS_CUE",
    "NOT_EVENT_AFTER",
    "NOT_EVENT_BEFORE",
    "NOT_YET",
    "OTHERS_ACT",
    "OTHER_NEWS_TITLE",
    "PEOPLE",
    "PURPOSE_BEFORE",
    "RATIONALE_CUE",
    "RATIONALE_DATA",
    "RATIONALE_STRONG",
    "RATIONALE_TITLE",
    "RATIONALE_WEAK",
    "REACTION",
    "REACTION_OR_NOTE",
    "REGULATORY_TITLE",
    "REPORTED_NOW",
    "STEP_KIND",
    "STEP_PARTICIPLE",
    "THING_AFTER_PARTICIPLE",
    "TIMING_CUE",
    "UNDECIDED_AFTER",
    "AgencyMention",
    "CueHit",
    "DecisionCue",
    "Tone",
    "ToneLexicon",
    "find_agencies",
    "find_decision_cues",
    "find_short_names",
    "find_timing",
    "load_tone_lexicon",
    "resolve_timing",
    "tone",
]

_I = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# agencies

#: agency code -> pattern of the ways a release names it (from the vocabulary)
AGENCY_PATTERNS: dict[str, re.Pattern[str]] = {a.code: a.pattern for a in VOCABULARY.agencies}

#: agency code -> the name to quote in messages
AGENCY_NAMES: dict[str, str] = {a.code: a.label for a in VOCABULARY.agencies}


@dataclass(frozen=True)
class AgencyMention:
    """A regulator named in the text."""

    code: str
    start: int
    end: int
    text: str


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


def _resolve_overlaps(items: list[_S], rank: Callable[[_S], tuple[float, ...]]) -> list[_S]:
    """Keep the best-ranked (lowest ``rank``) of overlapping spans, in text order; ~linear."""
    kept: list[_S] = []
    cluster: list[_S] = []
    cluster_end = -1

    def flush() -> None:
        chosen: list[_S] = []
        for item in sorted(cluster, key=rank):
            if all(item.end <= c.start or c.end <= item.start for c in chosen):
                chosen.append(item)
        kept.extend(sorted(chosen, key=lambda i: i.start))

    for item in sorted(items, key=lambda i: (i.start, i.end)):
        if cluster and item.start >= cluster_end:
            flush()
            cluster = []
        cluster.append(item)
        cluster_end = max(cluster_end, item.end) if len(cluster) > 1 else item.end
    if cluster:
        flush()
    return kept


_AGENCY_CODES = tuple(AGENCY_PATTERNS)
_AGENCY_ORDER = {code: i for i, code in enumerate(AGENCY_PATTERNS)}
#: a pattern is not run on a text lacking all its required literals (see summarizer.literals)
_AGENCY_FILTERS = PrefilterSet(tuple(AGENCY_PATTERNS.values()))


#: what stands between a name and the abbreviation it defines: "... Administration ("
_DEFINED = re.compile(r"\s*\(\s*$")


def find_agencies(text: str, start: int = 0, end: int | None = None) -> list[AgencyMention]:
    """Every agency mention in ``text[start:end]``, in text order (one code per position)."""
    end = len(text) if end is None else end
    found = [
        AgencyMention(code, m.start(), m.end(), m.group())
        for code in (_AGENCY_CODES[i] for i in _AGENCY_FILTERS.candidates(text, start, end))
        for m in AGENCY_PATTERNS[code].finditer(text, start, end)
    ]
    # the longest name wins ("Taiwan Food and Drug Administration" over the FDA's own name)
    kept = _resolve_overlaps(found, lambda a: (a.start - a.end, _AGENCY_ORDER[a.code], a.start))
    # an abbreviation defined in brackets right after a name is that regulator's ("the State
    # Food and Drug Administration (SFDA)" is China's, whoever else goes by "SFDA")
    for i in range(1, len(kept)):
        named, short = kept[i - 1], kept[i]
        if (short.code != named.code and _DEFINED.match(text, named.end, short.start)
                and text.startswith(")", short.end)):
            kept[i] = AgencyMention(named.code, short.start, short.end, short.text)
    return kept


def find_short_names(text: str, spans: Sequence[tuple[int, int]],
                     found: Sequence[AgencyMention]) -> list[AgencyMention]:
    """``found`` with the short names ("the Commission") of the regulators it holds: a release
    that has named the European Commission says "the Commission" for it; so does one that has
    named a body whose decisions it takes (the EMA's committees: "the Commission has granted
    orphan designation ..., following a positive COMP opinion")."""
    named = {a.code for a in found}
    deciders = (VOCABULARY.agency(code) for code in named)  # ... and those they defer to
    named |= {code for spec in deciders if spec is not None for code in spec.defers.values()}
    taken = [(a.start, a.end) for a in found]
    extra = [
        AgencyMention(spec.code, m.start(), m.end(), m.group())
        for spec in VOCABULARY.agencies if spec.short_names is not None and spec.code in named
        for a, b in spans for m in spec.short_names.finditer(text, a, b)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]
    return sorted([*found, *extra], key=lambda a: a.start) if extra else list(found)


# --------------------------------------------------------------------------------------------
# decisions

#: the direction each decision has for the company (None: depends on the wording)
DECISION_DIRECTION: dict[str, str | None] = {d.code: d.direction for d in VOCABULARY.decisions}

#: the kind each step participle tells (the vocabulary's ``participles``: "placed" a hold,
#: "submitted" an application)
STEP_KIND: dict[str, str] = {p: d.code for d in VOCABULARY.decisions for p in d.participles}
#: one of them opening a reduced relative clause after what a cue's act is about, no auxiliary
#: before it ("lifting the clinical hold placed on the study in November 2022", "accepted the
#: NDA submitted in November"): it tells an earlier step of that thing, with its own date
STEP_PARTICIPLE = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bbe )(?<!\bhas )"
    r"(?<!\bhave )(?<!\bhad )\b(" + "|".join(sorted(STEP_KIND, key=len, reverse=True)) + r")\b",
    _I,
) if STEP_KIND else re.compile(r"(?!)")

#: a wording that signals a decision (see ``summarizer.tasks.regulatory.vocabulary.CueSpec``)
DecisionCue = CueSpec

#: every decision cue of the vocabulary, generic and regulator-specific
DECISION_CUES: tuple[DecisionCue, ...] = VOCABULARY.cues

#: hedges before a cue (same sentence, shortly before): the event has not happened (or is
#: stayed: "the 30-month stay of FDA approval")
HYPOTHETICAL_BEFORE = re.compile(
    # ("upon" a review done, its finding told after a comma, hedges nothing: "the FDA notified
    # the company that, upon preliminary review, it will not proceed with ...")
    r"\b(?:if|once|as soon as|upon(?! (?:[\w-]+ ){0,2}?review,)|unless|until|whether|pending"
    r"|potential(?:ly)?|possible"
    r"|possibility"
    r"|seek(?:s|ing)?|sought"
    # (a purpose given up is none: "decided not to pursue its application ... and withdrew it")
    r"|(?<!not )to (?:obtain|receive|support|seek|gain|pursue|secure|achieve|enable|request)"
    r"|for (?:\w+ )?(?:full |regulatory )?(?:approval|clearance)|would|could|might"
    r"|(?<!\d )may(?! now\b)(?! \d)"  # not the month ("on 25 May 2023"), not "may now"
    r"|will|shall|either"  # ("... will either issue a Notice of Compliance or a ...")
    r"|(?<!as\s)expect(?:s|ed|ing)?|anticipat(?:e|es|ed|ing)|plan(?:s|ned|ning)? to|subject to"
    r"|assum(?:e|es|ing|ptions?)"  # a plan's premise ("The plan assumes MHLW approval of X")
    r"|(?:un)?likely to"  # a forecast ("indicated that it was likely to adopt a negative opinion")
    # a decision not made yet ("has not yet made a final decision to withdraw the approval")
    r"|not (?:yet )?(?:made|taken|reached) (?:an? |any )?(?:final |formal )?decision to"
    r"|no (?:final |formal )?decision (?:has|had) (?:yet )?been (?:made|taken) to"
    # a deal's terms: "a payment contingent on", "milestones, including payments on approval"
    r"|(?:contingent|conditional|conditioned|dependent) (?:up)?on|payments? (?:due )?on"
    r"|payable on"
    r"|(?<!as )planned|upcoming"
    r"|intend(?:s|ed)? to"
    # a step the company weighs ("The Company is evaluating a De Novo request")
    r"|\b(?:is|are|was|were) (?:now )?(?:evaluating|considering|exploring|assessing)"
    # a time counted from an act ("submits the protocol within three months of approval")
    r"|\bwithin (?:[\w-]+ ){1,3}?(?:days|weeks|months|years) (?:of|after|from|following)"
    # a deadline for a later step ("has 30 days to submit the labeling supplement")
    r"|\bha(?:s|ve|d) (?:\d+|\w+) (?:calendar |business |working )?(?:days|weeks|months) to"
    # (an aim: "with the aim of realizing approval as early as possible")
    r"|toward(?:s)?|path(?:way)? to|prior to|ahead of|in preparation for|preparing for"
    r"|(?:goal|aim) of"
    # an aim stated ("Our objective remains approval of X in 2025") and a condition told by
    # inversion or as what ought to be ("should X be approved", "the data should support")
    r"|(?:goal|objective|ambition|aim) (?:is|remains|was|will be)|should"
    r"|look(?:s|ed|ing)? forward to"  # a hope ("We look forward to receiving the final approval")
    # (not a balance's "risks": "the benefits do not outweigh its risks, and have recommended")
    r"|aim(?:s|ed)? to|ability to|no assurance|required for|necessary for|eligible for"
    # a right the act brings ("entitling it to ten years of market exclusivity")
    r"|entitl(?:e|es|ed|ing)\s+(?:(?:it|them|the\s+\w+|[\w-]+)\s+)?to"
    r"|in order to|with a view to|future|stay (?:of|on)|proposals? (?:on|for|to)"
    r"|(?<!outweigh )(?<!outweigh its )(?<!outweigh the )(?<!outweighs )(?<!outweighs its )"
    r"(?<!outweighs the )(?<!benefit-)(?<!benefit )(?<!benefits and )risks?"
    # a rule's generic case, no act ("a sponsor that receives approval of a marketing
    # application for a designated product may be eligible for a voucher")
    r"|(?:a|any|each|every) (?:sponsor|company|applicant|holder|manufacturer|product|drug"
    r"|medicine|device)s? (?:that|which|who|whose)"
    r"|alleg(?:ed|edly|es|ing)|rumou?r(?:s|ed)?|purported|speculat(?:ion|ed|ive)"
    # hearsay: "commented on reports that the FDA has placed a hold on a third party's program"
    r"|(?:on|to) (?:the |recent )?(?:(?:media|press|news|industry) )?reports (?:that|of)"
    r"|(?:media|press|news) report (?:that|of))\b(?:[^.;]|(?<=\b[A-Z])\.){0,60}$"
    # a possibility or a duty, right before it ("before the BLA can be approved", "The MHRA
    # must approve this substantial modification")
    r"|\b(?:can|must)\s+(?:only\s+|first\s+|still\s+)?(?:be\s+)?$"
    # a step planned, right before it ("plans a pre-submission meeting with the FDA", "has
    # decided to plan the filing of an application", a headline's "Plans End-of-Phase 2 Meeting")
    r"|\bplans? (?:(?:an?|the) (?:[\w-]+ ){0,2}|(?:[\w-]+ )?)$"
    # a purpose worked for ("continues to work with the FDA to resolve the clinical hold")
    r"|\b(?:work(?:s|ed|ing)?|efforts?) (?:closely )?"
    r"(?:with (?:[^.;,]|(?<=\b[A-Z])\.){1,60}? )?to $",
    _I,
)
#: a purpose right before a cue ("seeking approval", "for full approval"), two words at most
#: and no verb ("the NDA for PLH-4 is not sufficiently complete"); it hedges a noun, not a
#: participle that follows a thing named ("New Drug Submission for Ostavir accepted for review")
PURPOSE_BEFORE = re.compile(
    # (and the thing a review is of: "Result of MFDS Review of Item Permission for X")
    # (and what money raised is for: "Private Placement to Fund NDA Resubmission")
    r"\b(?:for|seeking|seek|obtain|receive|pursue|support|toward|towards|review of"
    r"|fund|finance"
    # (and the Japanese supplemental application's object: "application for partial change in
    # approved items of manufacturing and marketing approval")
    r"|approved (?:items|matters) of)"
    # (not across the verb's own preposition: "placed its IND application for X on full
    # clinical hold", "removed X from clinical hold")
    r"\s+(?:(?!(?:and|or|but|which|that|then|is|are|was|were|has|have|had|on|off|from)\b)"
    r"[\w.-]+\s+){0,2}$",
    _I,
)
#: a state that goes on, and a review still going on ("which remains under review")
_STILL = r"(?:remains?|is still|continues to be)"
_STILL_UNDER_REVIEW = rf"{_STILL} under (?:review|evaluation|assessment)"
#: an act said to be undecided, further on in its clause ("the approval of HB-201 by the
#: Ministry of Food and Drug Safety is undecided")
UNDECIDED_AFTER = re.compile(
    r"^[^.;]{0,100}?\b(?:is|are|remains?|was) (?:still |as yet )?(?:undecided|undetermined)\b",
    _I)
#: hedges right after a cue ("IND filing anticipated in 2026", "approval pathway")
HYPOTHETICAL_AFTER = re.compile(
    # (not a thing the word describes: "for the planned submission", "of its expected launch")
    r"^[^.;]{0,40}?\b(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bour )"
    r"(?<!\bfor )(?<!\bof )(?:anticipated|expected|planned|is (?:planned|expected)|targeted"
    r"|later this (?:year|month|quarter)|next (?:year|month|quarter)|to be "
    r"(?:submitted|filed|held|issued|granted|given|decided)"
    r"|(?:has been |was |is )?scheduled(?= (?:for|to|on)\b|\s*$)"
    r"|(?:is|are) (?:\w+ )?imminent"  # said to be coming ("an FDA warning letter is imminent")
    # a thing still awaited ("the product-level MDR certificate ... remains under assessment")
    rf"|{_STILL_UNDER_REVIEW}|{_STILL} (?:pending|under consideration))\b"
    # ... or what would follow, right after it ("A positive opinion would be followed by ...")
    r"|^\s*(?:would|could|might)\b",
    _I,
)
#: the cue names a process or a thing, not an act ("accelerated approval pathway", "PRV",
#: "510(k)-cleared", "clears the proposed acquisition"), is
#: defined ("tentative approval means that ..."), or a standing state ("the conditional marketing
#: authorisation remains subject to ...")
NOT_EVENT_AFTER = re.compile(
    r"^\s*(?:pathway|program(?:me)?|path|process|route|requirements?|regulations?|standards?"
    r"|voucher|timeline|strategy|decision is expected|holders?|status of"
    r"|indicates that|means that|signifies|is defined as|refers to"
    r"|-(?:cleared|approved|marked|certified|registered)\b"
    r"|(?:remains?|is|are) (?:subject to|contingent (?:up)?on|conditional (?:up)?on|valid"
    r"|in (?:force|effect))|(?:will |would |is to )?remains? in (?:place|effect)"
    r"|[^.;]{0,40}?\b(?:(?:is|are|remains?) )?unchanged|dates?\b"
    # a date that stays as it was ("the PDUFA goal date remains 22 March 2024")
    r"|(?:remains?|is still|stays?) (?:set (?:for|at) |scheduled for |on )?(?:\d{1,2} )?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Q[1-4]|\d{4})\b"
    # a hold the regulator keeps: "the partial clinical hold on the study will remain in place"
    r"|[^.;:]{0,100}?\b(?:will|would|is to|shall) remain in place"
    # a deal, not a product: a competition authority clearing an acquisition; a payer's
    # funding ("approved a proposal to fund")
    r"|(?:,? under (?:the )?(?:[\w-]+ ){0,4}?(?:Regulation|Act|rules?),? )?"
    r"(?:(?:the|its|an?) )?(?:proposed |planned |pending )?(?:[\w.'’-]+ ){0,3}?"
    r"(?:acquisition|merger|takeover|business combination)s?"
    # ... or named by its source ("clearance from the Commission's competition directorate")
    r"|from (?:the )?[^.;]{0,40}?\b(?:competition|antitrust|anti-trust|merger control)\b"
    # ... or told as a deal's closing condition met ("The Commission's clearance satisfies the
    # last outstanding regulatory condition")
    r"|satisf(?:ies|ied|y|ying) (?:the |a |all )?(?:last |final )?(?:outstanding |remaining )?"
    r"(?:regulatory )?(?:closing )?conditions?"
    r"|(?:(?:the|its|an?) )?(?:proposal to (?:fund|list|reimburse)|funding|reimbursement)"
    # a payer's list, not a market authorisation ("approved for listing on the NHI drug price
    # list", "for inclusion in the PBS")
    r"|for (?:listing|inclusion) (?:on|in) (?:the )?[^.;]{0,60}?\b(?:price|reimbursement"
    r"|formulary|benefits?|NHI|PBS|NRDL)\b)\b",
    _I,
)
#: the nouns for the people a medicine is for ("adults with X", "children with Y"): an
#: indication's "with" is no clause break, and these words begin an indication's population
PEOPLE = ("adults", "patients", "people", "children", "adolescents", "individuals", "women",
          "men", "infants", "subjects")
#: the cue names the framework an act falls under ("approval ... under the conditional early
#: approval system", "applying the conditional approval system", "cleared via the 510(k)
#: pathway"): with the act stated beside it, the framework tells its kind
FRAMEWORK_BEFORE = re.compile(
    r"\b(?:under|applying|via|through|pursuant to|in accordance with)\s+"
    r"(?:(?:the|its|an?|their|this)\s+)?(?:[\w'’-]+\s+){0,2}$", _I)
FRAMEWORK_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,20}\))?\s*(?:pathway|program(?:me)?|system|scheme|policy|framework"
    r"|procedure|route)\b", _I)
#: the thing a participle cue describes ("a cleared device", "the approved indication"): a state,
#: not an act
THING_AFTER_PARTICIPLE = re.compile(
    r"^\s+(?:devices?|products?|drugs?|therap(?:y|ies)|medicines?|treatments?|indications?"
    r"|labels?|labell?ing|uses?|doses?|dosages?|versions?|formulations?|options?)\b",
    _I,
)
#: the cue names the framework another act falls under ("designation under the SAKIGAKE
#: system", "filing under the conditional approval system") or the topic of an update: not an
#: act itself
NOT_EVENT_BEFORE = re.compile(
    r"\bunder (?:(?:the|its|an?|their|this) )?(?:[\w'’-]+ ){0,2}$"
    # the topic of an update ("Regulatory Update on SepsiQuant 510(k)")
    r"|\b(?:update|updates|statement|comments?|decision|determination"
    # ... or of a regulator's letter or question ("Additional Information Request on 510(k)")
    r"|requests?|letters?|questions?|feedback|advice"
    r"|(?:press |media )?reports?)"
    r" (?:on|regarding|concerning|about)"
    r" (?:[\w®™'’-]+ ){0,4}$"
    # an act the company answers ("Addresses Complete Response Letter", "responded to the
    # CHMP's Day 120 list of questions", "its complete response to the clinical hold")
    r"|\b(?:address(?:es|ed|ing)?|respond(?:s|ed|ing)? to|responses? to|appeal(?:s|ed|ing)?"
    # ... or a meeting discusses ("a Type A meeting to discuss the complete response letter")
    r"|discuss(?:es|ed|ing)?)"
    r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$"
    # an act or a meeting the company asks for ("Requests Type A Meeting", "requested Priority
    # Review"; not what a regulator agrees to: "agreed to the request to extend the clock stop")
    r"|\brequest(?:s|ed|ing)\s+(?!to\b)(?:an?\s+|the\s+)?(?:[\w'’-]+\s+)?$"
    # the act a lawsuit challenges ("a complaint ... seeking to set aside the complete response")
    r"|\b(?:challeng(?:e|es|ed|ing)|set aside|overturn(?:s|ed|ing)?|annul(?:ment of)?)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$"
    # ... or a suit is over ("Sues FDA Over Complete Response Letter")
    r"|\b(?:su(?:es|ed|ing)|(?:law)?suit|complaint)\s+(?:[\w.'’-]+\s+){0,3}?(?:over|regarding)\s+"
    r"(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$"
    # the company's own organs approve ("the Board of Directors at its meeting held today
    # approved the filing of an application with the DCGI"): no regulator's act
    # (Anvisa's "collegiate board", its Diretoria Colegiada, is the regulator's)
    r"|\b(?<!collegiate )"
    r"(?:Board(?: of Directors)?|directors|shareholders|stockholders|general meeting)"
    r"(?: of the Company)?(?: (?:at|in) (?:its|the) (?:meeting|session)\b[^.;_]{0,40}?)?"
    r"(?:\s+(?:has|have|had|today|also|unanimously|duly|hereby))*\s+$"
    # the authorisations a committee recommends converting ("recommending the conversion of the
    # conditional marketing authorisation into a standard one"): the recommendation is the act
    r"|\brecommend(?:s|ed|ing)?\s+(?:the\s+)?conver(?:sion|ting)\b[^.;]{0,160}$"
    # an act named as what something is for ("not sufficient ... for the purposes of a full
    # authorization", "eligible for approval"): a purpose, not an act
    r"|\bfor (?:the purposes? of )?(?:an? |the )?$"
    # a requirement the product is exempt from ("a Class I device exempt from FDA 510(k)")
    r"|\bexempt(?:ed|ion)? from\s+(?:(?:the|an?)\s+)?(?:[\w'’()-]+\s+){0,2}$",
    _I,
)
#: background markers before a cue: an earlier event recapped ("previously approved")
BACKGROUND_BEFORE = re.compile(
    # ("earlier today" is today's; the dot of an initial is no sentence's end: "since the U.S.
    # Food and Drug Administration licensed")
    r"\b(?:previously|already|earlier(?! today| this morning)|formerly(?![^()]{0,40}\))|since"
    r"|existing|prior|recent|anniversary of)\b"
    # (further, in its own clause: "previously received Breakthrough Therapy and Orphan Drug
    # designations")
    r"(?:(?:[^.;]|(?<=\b(?-i:[A-Z]))\.){0,30}|(?:[^.;,]|(?<=\b(?-i:[A-Z]))\.){31,60})$"
    # a year in the cue's own clause (one before a comma dates another act: "following the FDA's
    # approval in 2023, Health Canada has now authorised")
    r"|\b(?:in (?:19|20)\d\d|last year)\b[^.;,—–]{0,30}$"
    # ... and a year opening the sentence dates its main act ("In 2021, the FDA approved")
    r"|^\W*(?:in|during) (?:19|20)\d\d,[^.;]{0,30}$"
    # a standing state, not an act ("SKB-109 holds RMAT and Orphan Drug designations")
    r"|\b(?:holds|carries|retains)\b(?:(?!\btoday\b)[^.;]){0,60}$"
    # a month in the cue's own clause (one before a comma or a dash dates another act:
    # "initiated in March 2025, as a Class I recall", "the committee, which met in February —
    # has decided")
    r"|\bin (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b[^.;,—–]{0,30}$",
    _I,
)
#: a person's career, told of an appointee: the acts in it are the career's ("where she was
#: responsible for ... and for securing orphan designations", "In that role he oversaw the
#: BLA that resulted in approval by the FDA in 2021")
CAREER_BEFORE = re.compile(
    r"\b(?:he|she)\b (?:was |has |had (?:been )?)?(?:responsible for|oversaw|led|managed"
    r"|directed|headed|steered)\b[^.;]{0,250}$", _I)
#: a sentence that recaps what the company announced before ("As previously announced, ...")
BACKGROUND_OPENING = re.compile(
    r"^\W*As (?:previously|already|earlier|first) (?:announced|reported|disclosed|communicated)\b"
    # ... or refers back to an earlier announcement ("Reference is made to company announcement
    # no. 9/2020, in which ...")
    r"|^\W*Reference is (?:hereby )?made to (?:the |our |its |company |stock exchange )*"
    r"(?:announcements?|releases?|notices?|disclosures?)\b",
    _I)
#: a cue's clause dated before today's news without a date ("earlier this month", "last week",
#: "earlier in the quarter", "already"); "yesterday" and "earlier this week" may still be the news
BACKGROUND_RECENT = re.compile(
    r"\b(?:earlier (?:this|in the) (?:month|quarter|year)|(?:last|past|previous) (?:month|quarter)"
    r"|last week|(?:last|past|previous) year|(?:\w+ )?(?:weeks|months|years?) ago"
    r"|(?:in|over|during) (?:the )?(?:prior|previous|past|earlier|recent) years"
    r"|since (?:\w+ )?(?:19|20)\d\d"  # a standing state ("authorised in the EU since 2020")
    # dated by another act ("the orphan status was confirmed ... at the time of the opinion")
    r"|at the time of (?:the|its|their) (?:\w+ )?(?:opinion|approval|decision|submission|filing"
    r"|application|authori[sz]ation)"
    r"|already"  # ("... already in hand")
    r"|at that time|back then"  # the time of an earlier act the release has told
    r"|(?:in|during) the (?:first|second|third|fourth|last|prior|previous) (?:quarter|half)"
    r"|(?:in|during) (?:the )?(?:Q[1-4]|H[12])\b"
    # a results release's period ("During the quarter, the company received ...", "During the
    # reporting period, the Group obtained ...")
    r"|during the (?:reporting |review |financial |fiscal )?"
    r"(?:quarter|period|half[- ]year|year))\b",
    _I)
#: a patient's treatment history after "after" ("after two or more lines of systemic therapy",
#: "after prior platinum-based chemotherapy"): an indication's words, no earlier act
_TREATED_BEFORE = (
    r"(?:(?:at least|one|two|three|four|\d+|or|more|prior|previous|systemic|[\w-]+-based"
    r"|first-line|second-line)\s+)*(?:lines? of|therap(?:y|ies)|treatments?|chemotherapy"
    r"|progression|failure|relapse|transplant)")
#: background markers in the cue's own clause: an earlier event narrated or referred to
#: ("had suspended", "follows the opinion", "converts the accelerated approval", "which was")
BACKGROUND_CLAUSE = re.compile(
    r"\b(?:had (?:\w+ )?(?:been |previously |already |first |initially )?"
    rf"|follow(?:s|ed|ing)?(?: (?:on )?from)?|after(?! {_TREATED_BEFORE})|subsequent to"
    r"|on the heels of|builds? on"
    r"|in addition to|adds? to|comes? after|convert(?:s|ed|ing)?|replac(?:es|ed|ing)"
    r"|supersed(?:es|ed|ing)|(?:which|that|who) (?:was|were|had|has been|have been|\w+ed)"
    r"|under (?:the|its|an?|their) (?:earlier|prior|previous|existing|original) "
    # (a standing state, not a thing put "on hold", nor a meeting or a vote held: "held its
    # mid-cycle communication with the FDA", "the CHMP held a trend vote")
    r"|(?<!\bon )(?<!clinical )(?<!partial )(?<!full )holds?|held(?! (?:an?|its|their|our) )"
    r"|originally|initially"
    r"|based on (?:the |its |an? )?(?:earlier |prior |previous )?)(?:\b[^,;:()]{0,60})?$",
    _I,
)
#: section titles of recapped history ("Background", "Regulatory history", "Recent highlights")
BACKGROUND_TITLE = re.compile(
    r"\b(?:background|history|previous(?:ly)?|prior|earlier|context|timeline|milestones"
    r"|(?:recent|business|corporate|pipeline|operational|quarter|year) (?:developments|highlights"
    r"|updates?|review)|highlights)\b",
    _I,
)
#: a headline of another kind of news (results, a financing, a launch, a listing notice)
OTHER_NEWS_TITLE = re.compile(
    r"\b(?:results?(?! of (?:the )?(?:[\w-]+ )?(?:consultation|meeting|inspection|review))|data"
    # (not a filing's or a programme's own report: "Current Report on Form 8-K", "Progress
    # Report on X")
    r"|(?<!\bcurrent )(?<!\bprogress )reports?"
    r"|financial|quarter|earnings|topline|top-line|presents?"
    r"|presentation|acquisition|acquire|agreement|partnership|collaboration|appoints?|offering"
    r"|webinar|conference|interim|dosed|enrolls?|enrollment|initiates?|publication"
    r"|published in (?:(?:a|the) )?(?:[\w-]+ ){0,3}?(?:journal|Lancet|NEJM)"
    r"|financing|loan|placing|placement|fundraising|credit (?:agreement|facility)"
    r"|Series [A-F]|rais(?:es|ed|ing) (?:gross proceeds of )?(?:[A-Z]{0,3}\$|€|£|¥|CHF ?)\d[\d.,]*"
    r"|launch(?:es|ed)?|(?:commercially |now (?:\w+ )?)available|availability"
    # a site of the company's opened ("Opens New U.S. Headquarters in Boston")
    r"|(?:opens?|opening of|inaugurates?|breaks ground on) (?:[\w.&'’-]+ ){0,4}?(?:headquarters"
    r"|offices?|facility|facilities|site|plant|campus|cent(?:er|re)|laborator(?:y|ies)|labs?)"
    r"|(?<!\bmarks )(?<!\bmarks a )(?<!\bmarks another )milestones?"
    r"|(?:R&D|investor|analyst|capital markets) (?:day|event)|to host|hosts?"
    r"|annual general meeting|AGM|shareholders?|address(?:es)?|board meeting"
    r"|patents?|litigation|lawsuit|suit|sues|sued|settle(?:s|ment)?|class action|court|ruling"
    r"|verdict"
    r"|(?:reimbursement|price|drug|benefits?) list(?:s|ing|ed)?|formulary|NRDL"
    r"|(?:public )?drug (?:programs?|plans?|benefits?)"
    r"|first (?:patients?|participants?|subjects?)"
    # the exchange's notice, not the company's listing ("(Nasdaq: ABCD)", "(NYSE American: X)")
    r"|(?:add-on )?payments?|coverage|(?:Nasdaq|NYSE)(?!(?: [A-Z]\w+)*:)|(?:minimum )?bid price"
    r"|listing (?:rules?|requirements?|qualifications?))\b",
    _I,
)
#: a headline that also announces regulatory news ("Reports Second Quarter Results and Provides
#: Regulatory Update", "... Provides Update Following FDA Action"): not other news alone
REGULATORY_TITLE = re.compile(
    r"\bregulatory (?:and [\w-]+ )?(?:update|news|decision|action|milestones?|progress)\b", _I)
#: ... or names a regulator's act or review, right after the regulator's name ("FDA Action",
#: "Statement on the CHMP Review of X"), or what it said to the company ("Announces FDA
#: Agreement on Comparability Plan", "FDA Feedback on Phase 3 Design"; not its guidance to all)
ACT_AFTER_REGULATOR = re.compile(
    r"\s+(?:action|decision|ruling|letter|review|opinion|vote|agreement|alignment|feedback"
    r"|advice|minutes)\b", _I)
#: ... or an agreement reached with a regulator, not a partner ("Announces Agreement With PMDA
#: on Design of Pivotal Trial", "Alignment with FDA on ..."), or a meeting held with one
#: ("Reports Outcome of End-of-Review Meeting with FDA")
AGREED_WITH_REGULATOR = re.compile(
    r"\b(?:agreement|alignment|consensus|agrees|aligns|meeting)\s+with\s+(?:the\s+)?$", _I)
#: a headline that says only that there is news ("Provides Corporate Update")
NEUTRAL_TITLE = re.compile(
    r"\b(?:corporate|business|company|operational|shareholder) update\b"
    r"|\bmarks (?:a |another )?(?:\w+ )?milestone\b", _I)
#: a decision not to act is an act ("decided not to grant ... at this time"), not a "not yet"
DECIDED_NOT = re.compile(
    r"\b(?:decided|decides|declined|chose|elected|decision) not\b"
    # a request turned down is decided, whatever the time words of its reasons ("did not grant
    # its request for ... designation, stating that the data did not yet show ...")
    r"|\bnot grant(?:ed)? (?:the |its |our |an? |their )?(?:[\w'’-]+ ){0,3}?request\b"
    # ... and so is a finding that it cannot be approved ("is not approvable at this time")
    r"|\bnot approvable\b", _I)
#: an aside between commas that tells what the act follows ("the European Commission,
#: following a positive opinion from the COMP of the EMA in July, has granted ..."): a
#: regulator named inside it is not the one acting
ASIDE = re.compile(
    r",\s*(?:following|after|upon|based on|in line with|pursuant to)\b[^,;]{0,200},", _I)
#: ... or a relative clause set off by commas that tells of the subject (", which obtained its CE
#: mark in 2024,"): a regulator named inside it is not the one acting in the main clause
RELATIVE_ASIDE = re.compile(r",\s*which\b[^,;]{0,200},", _I)
#: a "not" that is only "not yet": the review goes on ("has not approved ... at this stage",
#: "as at the date of this announcement, ... has not approved ..., which remains under review")
NOT_YET = re.compile(
    r"\b(?:yet|at (?:this|the present) (?:stage|time|point)|as (?:at|of) the date|to date|so far"
    rf"|{_STILL_UNDER_REVIEW})\b",
    _I,
)
#: a negation right before a cue, in its clause ("did not approve", "has not placed ... on hold")
NEGATION_BEFORE = re.compile(
    r"\b(?:not(?! only| just)|never|no(?: longer)?|neither|nor|cannot|can't|won't"
    r"|didn't|doesn't|hasn't|haven't|hadn't|wasn't|weren't|isn't|aren't|declin(?:e|es|ed|ing) to"
    r"|fail(?:s|ed)? to|refus(?:e|es|ed) to|unable to|without)\s+(?:[\w-]+\s+){0,2}$"
    # the subject negated ("where no medicine has ever been approved")
    r"|\bno\s+(?:[\w-]+\s+){1,3}?(?:has|have|had|was|were|is|are)\s+"
    r"(?:(?:ever|yet|previously|so far|currently)\s+)?(?:been\s+)?$"
    # a hold not placed ("has not placed the study on clinical hold", "was not put on hold")
    r"|\b(?:not|never)\s+(?:been\s+)?(?:place[ds]?|put|impos(?:e|es|ed))\s+(?:[\w-]+\s+){0,5}?(?:on|under)\s+"
    r"(?:an?\s+|any\s+)?(?:partial\s+|full\s+)?$"
    # ... or a period passed without it ("expired without the FDA imposing a clinical hold",
    # "without the FDA placing the IND on clinical hold")
    r"|\bwithout\s+(?:[\w.'’-]+\s+){0,8}?(?:imposing|placing|issuing|raising|putting)\s+"
    r"(?:(?:the|its|an?|any)\s+(?:[\w.'’-]+\s+){0,3}?(?:on|under)\s+)?"
    r"(?:an?\s+|any\s+)?(?:partial\s+|full\s+)?$"
    # an act whose object is the cue ("a decision refusing the granting of a conditional
    # marketing authorisation", "denying the approval")
    r"|\b(?:refusing|refusal of|denying|denial of|rejecting|rejection of)\s+(?:[\w-]+\s+){0,4}$"
    # ... told with the thing refused or declined as the verb's object ("a decision to refuse
    # issuance of a CE certificate", "Notified Body Declines CE Certification")
    r"|\brefus(?:e|es|ed)\s+(?:the\s+)?(?:issu(?:ance|ing)|grant(?:ing)?)\s+of\s+(?:an?\s+|the\s+|its\s+)?$"
    r"|\bdeclin(?:e|es|ed)\s+(?:an?\s+|the\s+|its\s+)?$"
    # the object of an act decided against ("has decided not to approve the registration of X on
    # the ARTG")
    r"|\bnot\s+to\s+(?:approve|grant|register|authori[sz]e|accept|issue|include|list|renew)"
    r"\s+(?:the\s+|its\s+|an?\s+)?$"
    # a word's own negative ("Notice of Non-Approval"), and a regulator's provisional no ("is
    # not minded to recommend the grant of", "not currently minded to recommend")
    r"|\bnon-$|\bnot\s+(?:\w+ly\s+|at present\s+)?minded to\s+(?:[\w-]+\s+){0,3}$"
    # an act delayed, not taken ("the delay in approval by the NMPA of its new product")
    r"|\bdelay(?:s|ed)?\s+(?:in|of|to)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$"
    # an act not asked for ("has not requested that the study be suspended", "did not ask the
    # company to stop dosing")
    r"|\bnot\s+(?:yet\s+)?(?:request(?:ed)?|ask(?:ed)?|require[ds]?|order(?:ed)?|direct(?:ed)?"
    r"|instruct(?:ed)?)\s+(?:that\s+)?(?:[\w-]+\s+){0,3}$"
    # news not received ("has not received any notification from the FDA of an extension")
    r"|\bnot\s+(?:yet\s+)?(?:received|been\s+(?:notified|informed|told))\s+(?:any\s+|an?\s+)?"
    r"(?:notifications?|notices?|word|communications?|letters?|indications?)?\s*"
    r"(?:from\s+[^;]{0,80}?\s+)?(?:of|about|regarding|concerning)\s+(?:an?\s+|the\s+|any\s+)?$"
    # the second of two things negated together ("has not received an approval letter or a
    # Complete Response Letter", "neither ... nor")
    r"|\b(?:not|never|neither)\s+(?:[\w-]+\s+){1,6}?(?:or|nor)\s+(?:an?\s+|the\s+|any\s+)?$"
    # ... or both subjects of its verb denied ("neither Health Canada nor the FDA has placed
    # the trials on hold")
    r"|\bneither\s+[^.;,]{1,80}?\bnor\s+(?:[^.;,]|(?<=\b[A-Z])\.){1,80}?\s"
    r"(?:has|have|had|did|does|was|were|is|are)"
    r"\s+(?:(?:yet|ever|since|been)\s+)*$"
    # a clause whose subject is denied ("No regulatory authority has placed the study on hold",
    # "no regulator has approved"), the act its verb or its verb's object
    r"|^\s*no\s+(?:(?!(?:and|or|but|than)\b)[\w.'’-]+\s+){1,3}?"
    r"(?:has|have|had|was|were|is|are|did|does|will|would)\s+(?:(?:yet|ever|since|been)\s+)*"
    r"(?:(?:placed|put|imposed)\s+(?:[\w-]+\s+){0,5}?(?:on|under)\s+(?:an?\s+|any\s+)?"
    r"(?:partial\s+|full\s+)?)?$",
    _I,
)
#: a list a negation governs: its last item is negated too ("has not informed it of any
#: deficiencies, or of a revised action date"), and a middle one of things not received ("has
#: not received a warning letter, untitled letter or any other notice")
NEGATED_LIST = re.compile(
    r"\b(?:not|never|no)\s+[^.;]{0,200}?,\s*(?:or|nor)\s+(?:(?:of|to|in|for|about)\s+)?"
    r"(?:(?:an?|the|any)\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:received|been\s+(?:issued|sent))\s+(?:an?\s+|any\s+)?"
    r"(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:an?\s+|any\s+)?$",
    _I,
)
#: a negation right after a cue ("approval was not granted", "the hold has not been lifted")
NEGATION_AFTER = re.compile(
    r"^\s*(?:was|were|has|have|had|is|are|will|would|could|did|does)?\s*(?:not|never)\b"
    # ... or a report of it denied further on ("FDA 510(k) clearance of X 'not confirmed'")
    r"|^[^.;:]{0,60}?\s['‘\"“]?(?:not confirmed|unconfirmed|untrue|not true)\b", _I)
#: a release's own reaction to an act it names ("commented on", "responds to"): the act is what
#: it reacts to, not necessarily its news
_REACTION_WORDS = r"comment(?:s|ed|ing)? on|respond(?:s|ed|ing)? to|react(?:s|ed|ing)? to"
REACTION = re.compile(rf"\b(?:{_REACTION_WORDS})\b", _I)
#: ... or its note of one ("notes the European Commission's approval yesterday of a biosimilar"),
#: which tells whose act it is only with ``OTHERS_ACT``
REACTION_OR_NOTE = re.compile(rf"\b(?:{_REACTION_WORDS}|not(?:es|ed|ing))\b", _I)
#: the act reacted to is another company's: "another company's FcRn inhibitor", "a
#: competitor's", "competing biosimilar", "announced yesterday by Inchcape Pharmaceuticals",
#: "yesterday's announcement by Brenvaro Pharmaceuticals" (a named announcer)
OTHERS_ACT = re.compile(
    r"\b(?:another (?:company|sponsor|manufacturer|developer)|an?(?:other)? (?:third party|"
    r"rival)|competitors?|competing|rivals?)(?:'s|’s)?\b"
    r"|\bannounce(?:d|ment) (?:\w+ ){0,2}?by (?-i:[A-Z])[\w&.-]+", _I)


#: the release reports the act as its own news in this sentence, in a release of other news
#: ("The Company also reports that Health Canada has issued ...", "Subsequent to quarter end,
#: the TGA approved ..."): the words a release uses for what it tells now
REPORTED_NOW = re.compile(
    r"\b(?:(?:also|further|additionally|today|separately) (?:announce[ds]?|report(?:s|ed)?"
    r"|disclose[ds]?|inform(?:s|ed)?)"
    r"(?: (?:(?:earlier |later )?today|this morning))?"
    r"|(?<!which )(?<!who )(?:announces|reports|discloses|informs)"
    r"|is (?:also )?pleased to (?:further |also )?(?:announce|report|inform)"
    # ... or said apart from the other news, or the same day ("Separately, the company
    # announced that", "In a regulatory filing the same day, the company disclosed that")
    r"|(?:^\W*(?:separately|in a separate (?:development|announcement|statement)|in addition"
    r"|additionally)|\b(?:on )?the same day)\b[^.;]{0,60}?\b(?:announced|reported|disclosed)"
    r"(?: (?:(?:earlier |later )?today|this morning))?)"
    r" (?:(?:the )?(?:market|shareholders|investors) )?that\b"
    r"(?:(?!\b(?:that|which|who|whose)\b)[^;]){0,100}$"
    r"|\b(?:subsequent to|after|since) (?:the )?(?:end of the )?(?:quarter|period|half[- ]year"
    r"|reporting period)(?:[- ]end)?\b"
    # a sentence that opens by saying its news is today's ("Today, the company submitted",
    # "After market close yesterday, the FDA approved")
    r"|^\W*(?:[\w-]+ ){0,3}?(?:(?:earlier|later|late) )?(?:today|this morning|yesterday)"
    r"(?: (?:morning|afternoon|evening))?,"
    # ... or tells of a notice received these days ("which yesterday was notified by the FDA
    # that the agency has extended the review")
    r"|\b(?:(?:earlier |late )?(?:today|yesterday)|this morning|over the weekend)"
    r" (?:was|were|has been|have been) (?:notified|informed|advised|told)"
    r"(?: by [^.;]{0,80}?)? that\b(?:(?!\b(?:that|which|who|whose)\b)[^;]){0,100}$",
    _I,
)
#: the sentence reports the news itself
NEWS_CUE = re.compile(
    r"\btoday\b|\bannounce[sd]?\b|\bhas (?:been )?(?:granted|approved|cleared|issued|received"
    r"|accepted|lifted|placed|recommended|adopted|awarded)\b|\bhave (?:received|been granted)\b"
    r"|\bthis week\b|\bannouncing\b",
    _I,
)

#: what of an "About <product>" section the model still reads: its regulatory sentences
#: (approvals, filings, designations; ``summarizer.sections.prompt_view``)
ABOUT_REGULATORY = re.compile(
    r"\b(?:FDA|EMA|CHMP|European\s+Commission|MHRA|PMDA|Health\s+Canada|NMPA|TGA|Swissmedic"
    r"|regulators?|regulatory|approv\w*|authori[sz]ation|filings?|filed|(?:re)?submi(?:ssion|tted)"
    r"|designation|designated|clearance|cleared|CE[- ]mark\w*|action\s+letter"
    r"|complete\s+response\s+letter|PDUFA|s?BLA|s?NDA|MAA|IND|indicated)\b"
)

APPLICATION = re.compile(
    r"\b(?:sBLA|sNDA|BLA|NDA|ANDA|MAA|PMA|510\(k\)|De Novo|IND|IDE|CTA|Type II variation"
    r"|Biologics License Application|New Drug Application|Marketing Authori[sz]ation Application"
    r"|Premarket Approval|Investigational New Drug)\b"
)


@dataclass(frozen=True)
class CueHit:
    """A decision cue found in the text."""

    decision: str
    start: int
    end: int
    text: str
    specificity: float
    needs_agency: bool
    agency: str | None = None  # the regulator whose own wording the cue is
    direction: str | None = None  # what the wording means for the company, where it says
    also: frozenset[str] = frozenset()  # other kinds a convention labels the wording as
    reports: frozenset[str] = frozenset()  # kinds whose content the wording reports


_CUE_FILTERS = PrefilterSet(tuple(cue.pattern for cue in DECISION_CUES))


def find_decision_cues(text: str, start: int = 0, end: int | None = None,
                       named_codes: Collection[str] = ()) -> list[CueHit]:
    """Every decision cue in ``text[start:end]``; of overlapping cues the most specific wins.

    A regulator's own wording that needs its regulator named ("did not recommend" as NICE
    words it) is left out where the text never names that regulator: the generic cue it
    overlaps ("did not recommend", as the PBAC says it) is then read instead. A regulator the
    release names elsewhere (``named_codes``) is named here by its short name too ("is not
    recommended by the Institute", under a headline naming NICE)."""
    end = len(text) if end is None else end
    named: dict[str, bool] = {}

    def absent(code: str) -> bool:
        if code not in named:
            spec = VOCABULARY.agency(code) if code in named_codes else None
            named[code] = AGENCY_PATTERNS[code].search(text, start, end) is not None or (
                spec is not None and spec.short_names is not None
                and spec.short_names.search(text, start, end) is not None)
        return not named[code]

    hits = [
        CueHit(cue.decision, m.start(), m.end(), m.group(), cue.specificity, cue.needs_agency,
               cue.agency, cue.direction, cue.also, cue.reports)
        for cue in (DECISION_CUES[i] for i in _CUE_FILTERS.candidates(text, start, end))
        if not (cue.agency is not None and cue.needs_agency and absent(cue.agency))
        for m in cue.pattern.finditer(text, start, end)
        if m.end() > m.start()
    ]
    return _resolve_overlaps(hits, lambda h: (-h.specificity, -(h.end - h.start), h.start))


# --------------------------------------------------------------------------------------------
# rationale

#: wording that gives a reason or the data a decision rests on
RATIONALE_STRONG = re.compile(
    r"\bbased (?:up)?on\b|\bdata from\b|\bsupported by\b|\bbecause\b|\bdue to\b|\bstated that\b"
    r"|\bindicated that\b|\bconcluded that\b|\bconcerns?\b|\bnot (?:adequately|sufficient)"
    r"|\binsufficient\b|\binadequate\b|\b(?:more|additional|further) data\b"
    r"|\bevaluated (?:[\w,-]+ ){0,4}?in\b"
    r"|\b(?:primary|major|key) (?:efficacy )?(?:endpoints?|outcome measure)\b|\bon the basis of\b"
    r"|\bin reaching\b|\bunresolved\b"
    r"|\brel(?:y|ies|ied) on\b|\brests? on\b|\bdr(?:aws?|ew) on\b|\bunderpinned by\b"
    r"|\binformed by\b|\bon the strength of\b|\bgrounded in\b|\bin light of\b|\bowing to\b"
    r"|\bas a result\b|\bwas (?:also )?not (?:satisfied|convinced)\b|\bnot convinced\b"
    r"|\bconcluded\b"
    # what the decision recognises ("The MHRA's decision recognises what we saw in STRATUM")
    r"|\b(?:decision|approval|opinion|authori[sz]ation|designation|classification|recommendation"
    r"|registration|clearance)\s+(?:\w+\s+)?(?:reflects?|recogni[sz]es?|acknowledges?)\b"
    r"|\bdid not (?:demonstrate|show|establish|meet|achieve|support)\b|\bdoes not support\b"
    r"|\buncertaint(?:y|ies)\b|\b(?:includes?|included|including) (?:\w+ )?(?:results|data) from\b"
    r"|\bconsidered (?:that|the)\b|\b(?:noted|found|determined) that\b"
    r"|\braised (?:\w+ )?(?:concerns?|questions?|issues?)\b|\bidentified\b|\bquestioned\b"
    r"|\b(?:letter|decision|opinion|guidance|committee|members|delegate|agency|regulator|FDA|EMA"
    r"|CHMP|MHRA|TGA|NICE|PMDA|NMPA|panel)\)?(?: \w+)? (?:states?|stated|noted|found|concluded"
    r"|considered|raised|identified|cited|highlighted|observed|questioned|determined|expressed"
    r"|requested|required|asked|recommended|said|cites|referenced|referred to)\b"
    r"|\bfollow(?:s|ed|ing)? (?:a |an |the )?(?:[\w'’-]+ ){0,4}?(?:adverse events?|deaths?|cases?"
    r"|report(?:s|ing)?|findings?|signals?|observations?|inspections?|results?)\b"
    r"|\b(?:approval|authori[sz]ation|decision|designation|opinion|hold|clearance|action|letter"
    r"|classification|recommendation|certification|registration|suspension|refusal|extension"
    r"|determination|acceptance)(?: (?:of|to) (?:[\w()'’-]+ ){1,4}?)? ?(?:also )?follow(?:s|ed)\b"
    r"|\bto be eligible\b|\bqualif(?:y|ies|ied) for\b"
    r"|\bon the grounds (?:that|of)\b|\b(?:took|takes|taking|take) into account\b|\bpointed to\b"
    r"|\b(?:review|assessment|evaluation|submission|application|dossier) (?:included|includes|"
    r"contained|contains|comprised)\b",
    _I,
)
#: what a decision's evidence is made of: trial design and results, the condition's burden
#: (a sentence with several of these is likely the basis of a favourable decision)
RATIONALE_DATA = re.compile(
    r"\bPhase (?:1|2|3|I|II|III|1/2|2/3|2b|3b)\b|\bpivotal\b|\brandomi[sz]ed\b|\bdouble-blind\b"
    r"|\bplacebo-controlled\b|\bsingle-arm\b|\bopen-label\b|\benroll(?:ed|ing)\b"
    r"|\b\d[\d,]* (?:patients|participants|subjects|adults|children|people)\b|\bprimary endpoint\b"
    r"|\bstatistically significant\b|\bhazard ratio\b|\bresponse rate\b|\bp\s?[<=]\s?0?\.\d"
    r"|\b[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)+ (?:\w+ )?(?:trial|study)\b"
    r"|\bcost[- ]effective\w*"
    r"|\bnon-?inferior(?:ity)?\b|\bbioequivalen\w+|\bcomparable (?:between|to|with)\b"
    r"|\bunmet (?:medical )?need\b|\bseriousness\b|\blife-threatening\b|\bseriously debilitating\b"
    r"|\bprevalence\b|\b\d+ in 10,000\b"
    r"|\bno (?:approved|effective|satisfactory|adequate) (?:\w+ )?(?:treatments?|therap(?:y|ies)"
    r"|alternatives?|options?)\b|\bserious adverse event\b|\bbenefit[- ]risk\b"
    r"|\b(?:technical documentation|clinical (?:evaluation|performance)|analytical performance)\b"
    r"|\b\d+(?:\.\d+)?\s?(?:%|percent\b)|\b(?:compared (?:with|to)|versus|vs\.?) (?:placebo|control"
    r"|standard)|\b(?:median|mean) (?:\w+ ){0,3}?(?:of|was|were)\b|\bat (?:week|month|year) \d+"
    r"|\b(?:reduc|improv|increas|decreas|lower|slow)(?:ed|es|ing|tion|ement)? (?:\w+ ){0,5}?by \d",
    _I,
)
#: section titles over a decision's basis ("Basis of the approval", "The data", "Efficacy")
RATIONALE_TITLE = re.compile(
    r"\b(?:basis|rationale|reasons?|grounds|data|results|evidence|efficacy|safety|clinical"
    r"|trials?|stud(?:y|ies)|findings|concerns|deficiencies|letter|assessment|review)\b",
    _I,
)
#: weaker reason wording (counts less)
RATIONALE_WEAK = re.compile(
    r"\bcite[ds]\b|\bdeficiencies\b|\breliability\b|\bvariability\b|\bfailed to\b"
    r"|\bobservations\b|\bimbalances?\b"
    # a defect's risk, a recall's or a hold's reason ("the pump may fail to generate an alarm")
    r"|\b(?:may|could|can) (?:fail|lead to|result in|cause)\b"
    # a programme's criteria, a designation's reasons ("The programme is intended for ...")
    r"|\bcriteria\b|\b(?:is|are) intended (?:for|to)\b|\bapplies to\b"
    r"|\bresults? (?:from|of) (?:the |a |an |its |our )?(?:\w+ ){0,3}?(?:trial|study|studies"
    r"|program)|\bfollow(?:s|ed|ing) (?:a |the )?(?:[\w-]+ ){0,3}?(?:review|inspection"
    r"|evaluation|process)\b|\bcompar(?:ed|ing)\b|\bassessed by\b"
    r"|\bdemonstrat(?:ed|es|ing)\b|\breinforc\w+|\bshowed\b",
    _I,
)
#: a regulator's word on what it did not find or ask for: context of an unfavourable decision,
#: not one of its reasons ("The letter did not identify new safety concerns")
RATIONALE_NOT_RAISED = re.compile(
    r"\b(?:did|does|has|have) not (?:\w+ )?(?:identify|raise|request|cite|require|communicate"
    r"|express|question)\b|\bno (?:new |other |additional |further )?(?:safety |efficacy "
    r"|clinical )?(?:concerns?|deficiencies|issues) (?:(?:were|was|have been|has been) )?"
    r"(?:identified|raised|cited|noted)\b",
    _I,
)
RATIONALE_CUE = re.compile(f"{RATIONALE_STRONG.pattern}|{RATIONALE_WEAK.pattern}", _I)

# --------------------------------------------------------------------------------------------
# tone

#: our own small regulatory tone list (word or phrase -> -1..1); not derived from any finance list
DEFAULT_TONE: dict[str, float] = {
    # favourable
    "approved": 1.0, "approval": 0.8, "approves": 1.0, "granted": 0.8, "grants": 0.8,
    "cleared": 0.8, "clearance": 0.6, "recommended": 0.5, "recommends": 0.5, "positive": 0.7,
    "pleased": 0.8, "proud": 0.6, "milestone": 0.7, "achievement": 0.6, "achieved": 0.4,
    "breakthrough": 0.4, "success": 0.7, "successful": 0.7, "successfully": 0.5, "excited": 0.7,
    "thrilled": 0.8, "encouraging": 0.6, "encouraged": 0.5, "optimistic": 0.6, "favorable": 0.6,
    "favourable": 0.6, "superior": 0.5, "robust": 0.4, "meaningful": 0.3, "improvement": 0.4,
    "improvements": 0.4, "improved": 0.4, "landmark": 0.6, "transformative": 0.5,
    "well tolerated": 0.5, "met its primary endpoint": 0.8, "met the primary endpoint": 0.8,
    "exceeds": 0.4, "exceeded": 0.5, "strong": 0.4, "progress": 0.4, "resolved": 0.4,
    "confident": 0.5, "promising": 0.5, "first and only": 0.5, "game-changer": 0.6,
    "pivotal moment": 0.5, "historic": 0.5, "significant improvement": 0.6, "secures": 0.6,
    "secured": 0.5, "expands": 0.3, "expansion": 0.3, "designation": 0.4,
    "validates": 0.5, "congratulates": 0.5, "lifted": 0.5, "lifted the clinical hold": 0.8,
    "lifted the partial clinical hold": 0.8, "lifted clinical hold": 0.8,
    "lifts clinical hold": 0.8, "removed the clinical hold": 0.8, "lifts the clinical hold": 0.8,
    # unfavourable
    "refuse": -0.9, "refused": -0.9, "refusal": -0.9, "reject": -0.9, "rejected": -0.9,
    "negative opinion": -1.0, "negative": -0.5, "disappointed": -0.9, "disappointing": -0.9,
    "deficiencies": -0.7, "deficiency letter": -0.7, "clinical hold": -0.8, "delay": -0.6,
    "delayed": -0.6, "delays": -0.5, "failed": -0.8, "fails": -0.7, "concern": -0.5,
    "concerns": -0.5, "unable": -0.5, "insufficient": -0.7, "inadequate": -0.6,
    "not adequately": -0.6, "withdraw": -0.6, "withdrawn": -0.6, "setback": -0.8,
    "unfortunately": -0.7, "complete response letter": -0.9, "cannot approve": -0.9,
    "not approvable": -0.9, "terminated": -0.6, "discontinue": -0.5, "suspended": -0.6,
    "halted": -0.7, "did not meet": -0.8, "not met": -0.6, "not statistically significant": -0.7,
    "unresolved": -0.5, "warning letter": -0.8, "recall": -0.6, "paused": -0.4,
    "uncertainty": -0.3, "not sufficient": -0.7, "more data": -0.4, "additional data": -0.3,
}

def tone(text: str, lexicon: ToneLexicon | None = None) -> Tone:
    """Score ``text`` with a tone lexicon (ours by default): phrases first, then single words.

    With our lexicon the answer is cached: the rules and the rules backend both weigh the same
    news part of a release.
    """
    if lexicon is None or lexicon is DEFAULT_TONE:
        return _default_tone(text)
    return weigh(text, lexicon)


@functools.lru_cache(maxsize=64)
def _default_tone(text: str) -> Tone:
    return weigh(text, DEFAULT_TONE)
