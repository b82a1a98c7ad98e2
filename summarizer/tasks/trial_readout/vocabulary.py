"""The trial-readout vocabulary, defined once: codes, phase spellings, registry ids and cue wording.

Everything the reader, the rules, the schema's validators and the prompt know about how companies
word clinical results lives here as data: tables of phrasings and what they mean, and the
contexts names, phases and plans are read in. The modules that read releases apply it and keep
only layout patterns of their own (bullets, brackets, sentence breaks, the dateline's company).
A cue says what a phrase means (a primary endpoint met / not met / split, a kind of news, a
safety finding), never which document it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ABOUT_STUDY",
    "BACKGROUND_BEFORE",
    "CODE_INTRO",
    "CONDITIONAL",
    "CO_PRIMARY",
    "DESIGN_ONLY",
    "EFFICACY_TERMS",
    "ENDPOINT_CODES",
    "ENDPOINT_CUES",
    "ENDPOINT_KIND_WORD",
    "ENDPOINT_MEANINGS",
    "ENDPOINT_NAME_LEAD",
    "ENDPOINT_NAME_STOP",
    "FUTURE_TERMS",
    "HEDGE_AFTER",
    "HEDGE_BEFORE",
    "INN_STEMS",
    "KIND_HEDGE_BEFORE",
    "LOGISTICS",
    "MILESTONE_PHASE_BEFORE",
    "NEGATION_BEFORE",
    "NEWS_CUES",
    "NOMINAL",
    "NOT_ENDPOINT_NAME",
    "NOT_GENERIC",
    "NOT_INDICATION_START",
    "NOT_INN",
    "OTHER_STUDY_BEFORE",
    "PERSONAL_PLAN",
    "PHASE_CODES",
    "PHASE_MENTION",
    "PIVOTAL",
    "POPULATION_STOP",
    "POPULATION_WITH",
    "PRIMARY_NAME",
    "PRIMARY_WORD",
    "PRODUCT_CODE_AFTER",
    "PRODUCT_CODE_BEFORE",
    "P_VALUE",
    "REGISTRY_IDS",
    "RESULT_NUMBER",
    "SAFETY_AIM",
    "SAFETY_SIGNAL",
    "SAFETY_TERMS",
    "SECONDARY",
    "SPLIT_CONTEXT",
    "SUBSTUDY_PHASE",
    "TITLE_INDICATION",
    "TREATMENT_OF",
    "TRIAL_NAME",
    "TRIAL_NAME_AFTER",
    "TRIAL_NAME_BEFORE",
    "TRIAL_TONE",
    "EndpointCue",
    "EndpointDirection",
    "NewsCue",
    "NewsKind",
    "phase_code",
]

_I = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# codes

#: trial phases as LABEL_SPEC.md codes them (Phase 1b -> "1", Phase 2b -> "2")
PHASE_CODES: tuple[str, ...] = ("1", "1/2", "2", "2/3", "3", "4")
#: the primary endpoint's outcome
ENDPOINT_CODES: tuple[str, ...] = ("met", "not_met", "mixed", "not_reported", "none")
#: what each endpoint code means (the prompt's code list is built from this)
ENDPOINT_MEANINGS: dict[str, str] = {
    "met": "the release says the primary endpoint (all co-primary endpoints) was met",
    "not_met": "the primary endpoint was not met (missed, not statistically significant)",
    "mixed": "co-primary endpoints split, or met in one dose or population and not another",
    "not_reported": "results are given but the release does not say whether a primary endpoint "
                    "was met (e.g. early safety or follow-up data)",
    "none": "not a trial readout",
}

# --------------------------------------------------------------------------------------------
# phases

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASE_NUM = r"(?:[1-4]|IV|III|II|I)(?![0-9])"
#: "Phase 3", "Phase III", "Phase 2b", "Phase 1b/2", "Phase I/II", "Phase 2/3", "PHASE 2"
PHASE_MENTION = re.compile(
    rf"\bphase[\s\-]*(?P<a>{_PHASE_NUM})(?P<a_sub>[a-c])?"
    rf"(?:\s*(?:/|-|–|and|&)\s*(?:phase\s*)?(?P<b>{_PHASE_NUM})(?P<b_sub>[a-c])?)?(?![\w/])",
    _I,
)
#: a phase that names a part of a larger study ("the Phase 3 portion of SHIELD-HAE, a Phase 2/3
#: trial"): the study's own phase is the one that counts
SUBSTUDY_PHASE = re.compile(
    r"^\s*(?:portion|part|cohort|segment|stage|component|arm|dose|doses|dosing)\b", _I)
#: a pivotal or registrational study with no phase stated is coded "3"
PIVOTAL = re.compile(r"\b(?:pivotal|registrational)\b", _I)


def phase_code(first: str, second: str | None = None) -> str | None:
    """The PHASE_CODES code of a written phase: ("2", None) -> "2", ("I", "II") -> "1/2".

    Sub-phases (1b, 2a) are already dropped by the caller; a pair that is not a code ("1/3")
    keeps its first phase. None when ``first`` is not a phase number.
    """
    a = _ROMAN.get(first.lower(), first)
    if a not in ("1", "2", "3", "4"):
        return None
    if second is None:
        return a
    b = _ROMAN.get(second.lower(), second)
    pair = f"{a}/{b}"
    return pair if pair in PHASE_CODES else a


# --------------------------------------------------------------------------------------------
# trial names and registry identifiers

#: registry -> identifier pattern (ClinicalTrials.gov, EudraCT, EU CT, ISRCTN, ANZCTR, jRCT,
#: ChiCTR, CTRI, DRKS, UMIN, CRIS, PACTR)
REGISTRY_IDS: dict[str, re.Pattern[str]] = {
    "ClinicalTrials.gov": re.compile(r"\bNCT\d{8}\b"),
    "EU CT": re.compile(r"\b20\d\d-5\d{5}-\d\d-\d\d\b"),
    "EudraCT": re.compile(r"\b(?:19|20)\d\d-\d{6}-\d\d\b(?!-)"),
    "ISRCTN": re.compile(r"\bISRCTN\d{8}\b"),
    "ANZCTR": re.compile(r"\bACTRN\d{14}\b"),
    "jRCT": re.compile(r"\bjRCT[a-z]?\d{10}\b"),
    "ChiCTR": re.compile(r"\bChiCTR(?:-[A-Z]{2,5}-)?\d{8,10}\b"),
    "CTRI": re.compile(r"\bCTRI/\d{4}/\d{2,3}/\d{6}\b"),
    "DRKS": re.compile(r"\bDRKS\d{8}\b"),
    "UMIN": re.compile(r"\bUMIN\d{9}\b"),
    "CRIS": re.compile(r"\bKCT\d{7}\b"),
    "PACTR": re.compile(r"\bPACTR\d{15}\b"),
}
#: a study acronym as companies write them: "VANTAGE-301", "KEYNOTE-189", "DESTINY-Breast03",
#: "ELEVATE-OB", "ZUPREME-1" (an all-caps word of 3+ letters, a hyphen, a suffix)
TRIAL_NAME = re.compile(
    r"\b(?P<name>[A-Z][A-Z0-9]{2,}(?:-[A-Z][A-Za-z]*)?-(?:[A-Z][A-Za-z]*\d*|\d{1,4}[A-Za-z]?)"
    r"|[A-Z]{4,}\d{0,3})(?![\w-])"
)

# --------------------------------------------------------------------------------------------
# what kind of news the release is

NewsKind = Literal["readout", "regulatory", "trial_start", "earnings", "deal", "financing"]


@dataclass(frozen=True)
class NewsCue:
    """A phrase that says what kind of news a headline or lead reports, with its weight."""

    kind: NewsKind
    pattern: re.Pattern[str]
    weight: float = 1.0


_RESULT_NOUN = r"(?:results?|data|findings|analys[ie]s|readouts?)"
_RESULT_ADJ = (
    r"(?:top[- ]?line|positive|negative|initial|interim|final|updated|detailed|full|long[- ]term"
    r"|preliminary|new|additional|pivotal|key|clinical|study|trial|efficacy|safety|follow[- ]up"
    r"|encouraging|promising|compelling|complete|robust|durable|landmark|strong|favou?rable"
    r"|late[- ]breaking|mature|pooled|integrated|primary|extension|response|survival|biomarker"
    r"|(?:\w+[- ])?(?:week|month|year)"
    r"|phase[\s\-]*(?:[1-4]|I{1,3}V?)[a-c]?(?:/(?:[1-4]|I{1,3}V?))?)"
)
NEWS_CUES: tuple[NewsCue, ...] = (
    NewsCue("readout", re.compile(rf"\b{_RESULT_ADJ}\s+{_RESULT_NOUN}\b", _I), 1.0),
    NewsCue("readout", re.compile(
        rf"\b{_RESULT_NOUN}\s+(?:from|of|in)\s+(?:the\s+|its\s+|a\s+|an\s+)?[^.;]{{0,60}}?"
        r"\b(?:trial|study|studies|program(?:me)?|cohort)\b", _I), 1.0),
    NewsCue("readout", re.compile(
        r"\b(?:met|meets|achieved|achieves|reached|hit|hits|missed|succeeded on"
        r"|did not meet|fail(?:s|ed)? to meet)\b[^.;]{0,40}\bprimary\s+"
        r"(?:end ?points?|objectives?)", _I), 1.5),
    NewsCue("readout", re.compile(
        r"\b(?:demonstrat\w+|show(?:s|ed|n)?|reduc\w+|lower(?:s|ed)?|improv\w+|extend(?:s|ed)?"
        r"|achiev\w+|deliver\w+|produc\w+|cuts?)\b[^.;]{0,140}\b(?:in|from)\s+(?:the\s+|a\s+|its\s+)?"
        r"(?:\w+[\s\-]){0,3}(?:phase|pivotal|registrational)\b", _I), 1.0),
    NewsCue("readout", re.compile(
        r"\b(?:phase|pivotal)\b[^.;]{0,80}\b(?:trial|study)\b[^.;]{0,40}\b(?:show(?:s|ed)?|demonstrat"
        r"\w+|achiev\w+|meets?|met)\b", _I), 1.0),
    NewsCue("readout", re.compile(
        r"\b(?:fail(?:s|ed)?|miss(?:es|ed)|disappoint\w*)\b[^.;]{0,60}\b(?:trial|study|end ?point)"
        r"|\b(?:trial|study)\b[^.;]{0,40}\b(?:fail(?:s|ed)?|miss(?:es|ed))\b", _I), 1.0),
    NewsCue("readout", re.compile(
        r"\b(?:demonstrat\w+|show(?:s|ed|n)?|achiev\w+|deliver\w+)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:responses?|efficacy|benefit|improvements?|reductions?|survival|remissions?|weight"
        r"\s+loss|clinical\s+activity|anti-?tumou?r\s+activity)\b", _I), 1.0),
    NewsCue("readout", re.compile(
        r"\b(?:presents?|presented|reports?|reported|announces?|announced|shares?|unveils?"
        r"|publishe[sd]|highlights?|details?|releases?)\b"
        rf"[^.;]{{0,100}}?(?<!financial )(?<!quarter )(?<!earnings )(?<!fiscal )(?<!annual )"
        rf"\b(?:\d+(?:\.\d+)?\s?%|{_RESULT_NOUN})\b", _I), 0.5),
    NewsCue("regulatory", re.compile(
        r"\b(?:approv(?:es|ed|al)|grants?|granted|clears|cleared|authori[sz](?:es|ed|ation)"
        r"|(?:positive|negative) opinion|opinion\b|complete response letter|refus\w+|rejects?"
        r"|clinical hold|designation|accepts?\b|accepted|clearance|CE[- ]mark\w*|resubmi\w+"
        r"|complete response|submi(?:ts|tted|ssion\s+of)\s+(?:an?\s+|the\s+|its\s+)?(?:\w+\s+)?"
        r"(?:application|NDA|BLA|MAA|sNDA|sBLA|dossier))\b", _I), 1.5),
    NewsCue("trial_start", re.compile(
        r"\bfirst (?:patients?|participants?|subjects?|cohort)\b[^.;]{0,30}\b(?:dosed|treated"
        r"|enrolled|randomi[sz]ed)\b|\bdos(?:es|ed|ing)\s+(?:of\s+)?(?:the\s+)?first\s+(?:patient"
        r"|participant|subject)|\b(?:initiat\w+|begins?|began|starts?|started|commence\w*|launch"
        r"\w*)\s+(?:of\s+)?(?:a\s+|the\s+|its\s+|enrol?lment\b|dosing\b)[^.;]{0,40}\b(?:phase|trial"
        r"|study|enrol?lment|dosing)\b|\bcomplet\w+\s+(?:patient\s+)?enrol?lment\b", _I), 2.0),
    NewsCue("earnings", re.compile(
        r"\b(?:financial results|(?:quarter|Q[1-4]|full[- ]year|fiscal(?: year)?|year[- ]end|half"
        r"[- ]year)\b[^.;]{0,40}\b(?:results|earnings|report)|earnings|business update)\b", _I),
        2.5),
    NewsCue("deal", re.compile(
        r"\b(?:licen[sc]e agreement|licen[sc]ing|acquisition|acquires?|acquired|to acquire|merger"
        r"|merge|option agreement|enter(?:s|ed)? into)\b", _I), 2.0),
    # a partner named in passing ("results ... in collaboration with") weighs less than a deal
    NewsCue("deal", re.compile(r"\b(?:collaboration|partnership)\b", _I), 1.0),
    NewsCue("financing", re.compile(
        r"\b(?:public offering|private placement|financing|pricing of|credit facility|raises?"
        r"\s+\$)\b", _I), 2.0),
)

# --------------------------------------------------------------------------------------------
# primary endpoint outcome

EndpointDirection = Literal["met", "not_met", "mixed"]


@dataclass(frozen=True)
class EndpointCue:
    """A phrasing of a primary endpoint's outcome; ``strong`` cues name the primary endpoint."""

    direction: EndpointDirection
    pattern: re.Pattern[str]
    strong: bool


_PRIMARY = r"(?:co-?\s?primary|dual\s+primary|primary)"
#: "primary endpoint", "primary and key secondary endpoints"
_PRIMARY_EP_ALSO = r"(?:\s+and\s+(?:all\s+)?(?:key\s+|major\s+)?secondary)?"
_EP = r"(?:efficacy\s+|study\s+|clinical\s+)?(?:end\s?-?points?|objectives?|outcome\s+measures?)"
_WHOSE = (r"(?:(?:its|the|both|all|each|either|any|two|three|all of (?:its|the)|each of (?:its|the)"
          r"|both of (?:its|the))\s+)*(?:pre-?specified\s+)?")
_SIGNIFICANCE = r"statistical(?:ly)?\s+significan(?:ce|t)"
ENDPOINT_CUES: tuple[EndpointCue, ...] = (
    # split results, in so many words
    EndpointCue("mixed", re.compile(
        rf"\bmet\s+(?:one|two|1|2)\s+of\s+(?:its|the)\s+(?:two|three|four|2|3|4)\s+{_PRIMARY}",
        _I), True),
    EndpointCue("mixed", re.compile(
        rf"\b(?:met|achieved|reached)\s+{_WHOSE}{_PRIMARY}\s+{_EP}[^.;]{{0,120}}\b(?:but|while"
        r"|whereas)\s+(?:[^.;]{0,60}\b)?(?:not|did\s+not|failed)\b", _I), True),
    # not met
    EndpointCue("not_met", re.compile(
        rf"\b(?:did\s+not|didn't|does\s+not|failed\s+to|fails?\s+to|was\s+unable\s+to|could\s+not)"
        rf"\s+(?:meet|achieve|reach|hit|satisfy)\s+{_WHOSE}{_PRIMARY}{_PRIMARY_EP_ALSO}\s+{_EP}",
        _I), True),
    EndpointCue("not_met", re.compile(rf"\bmiss(?:ed|es)\s+{_WHOSE}{_PRIMARY}\s+{_EP}", _I), True),
    EndpointCue("not_met", re.compile(
        rf"\b{_PRIMARY}\s+{_EP}\s+(?:(?:was|were|has|have|had)\s+)?(?:been\s+)?(?:not\s+(?:met"
        r"|achieved|reached)|missed)\b", _I), True),
    EndpointCue("not_met", re.compile(
        rf"\b{_PRIMARY}\s+{_EP}\b[^.;]{{0,80}}?\b(?:was|were|has\s+been|have\s+been)\s+not\s+"
        r"(?:met|achieved|reached)\b", _I), True),
    EndpointCue("not_met", re.compile(
        rf"\b{_PRIMARY}\s+{_EP}\b[^.;]{{0,100}}?\b(?:did\s+not|failed\s+to|does\s+not)\s+(?:reach"
        rf"|achieve|show|demonstrate)\s+(?:a\s+)?{_SIGNIFICANCE}", _I), True),
    EndpointCue("not_met", re.compile(
        rf"\b(?:did\s+not|failed\s+to)\s+(?:reach|achieve)\s+{_SIGNIFICANCE}\s+(?:on|in|for)\s+"
        rf"{_WHOSE}{_PRIMARY}", _I), True),
    # met
    EndpointCue("met", re.compile(
        r"\b(?:meet|met|meets|meeting|achieve|achieved|achieves|achieving|reach|reached|reaches|hit"
        r"|hits|succeeded"
        rf"\s+on|satisfied|exceeded)\s+{_WHOSE}{_PRIMARY}{_PRIMARY_EP_ALSO}\s+{_EP}", _I), True),
    EndpointCue("met", re.compile(
        rf"\b{_PRIMARY}\s+{_EP}\s+(?:(?:was|were|has|have|had)\s+)?(?:been\s+)?(?:successfully\s+)?"
        r"(?:met|achieved|reached)\b", _I), True),
    EndpointCue("met", re.compile(
        rf"\b{_PRIMARY}\s+{_EP}\b[^.;]{{0,80}}?\b(?:was|were|has\s+been|have\s+been)\s+"
        r"(?:successfully\s+)?(?:met|achieved|reached)\b", _I), True),
    EndpointCue("met", re.compile(
        rf"\b(?:achiev\w+|reach\w*|demonstrat\w+|show\w*)\s+(?:a\s+)?{_SIGNIFICANCE}\s+(?:on|in|for)"
        rf"\s+{_WHOSE}{_PRIMARY}", _I), True),
    # weaker: significance wording that does not name the endpoint
    EndpointCue("not_met", re.compile(
        rf"\b(?:did\s+not|failed\s+to|does\s+not|fell\s+short\s+of)\s+(?:reach\s+|achieve\s+|show"
        rf"\s+|demonstrate\s+)?(?:a\s+)?{_SIGNIFICANCE}|\bnot\s+{_SIGNIFICANCE}|\bno\s+"
        rf"{_SIGNIFICANCE}\s+(?:difference|improvement|reduction|benefit|effect)"
        r"|\b(?:did\s+not|failed\s+to|does\s+not)\s+(?:demonstrate|show|achieve)\s+(?:a\s+|any\s+)?"
        r"(?:superiority|non-?inferiority|efficacy|(?:clinical(?:ly)?\s+)?(?:meaningful\s+)?"
        r"(?:benefit|improvement|separation|difference))|\bfutility\b", _I), False),
    EndpointCue("met", re.compile(
        rf"\b{_SIGNIFICANCE}(?:\s+and\s+clinically\s+meaningful)?\s+(?:\d+(?:\.\d+)?%\s+)?"
        r"(?:(?:relative\s+)?(?:risk\s+)?(?:improvement|reduction|benefit|increase|difference"
        r"|effect|superiority)s?)|\bsignificant(?:ly)?\s+(?:improve[ds]?|reduce[ds]?|extend(?:s|ed)?"
        r"|prolong(?:s|ed)?|lower(?:s|ed)?|increase[ds]?|delay(?:s|ed)?)\b|\bsignificant\s+[\w\s-]"
        r"{0,30}\b(?:benefit|improvement|reduction)\b|\bsuperior\s+(?:mean\s+)?(?:\w+\s+){0,2}"
        r"(?:reductions?|improvements?|efficacy|to\s+placebo)|\bdemonstrat\w*\s+(?:statistical\s+)?"
        r"(?:superiority|non-?inferiority)\b", _I), False),
)
#: a result that differs by dose or population: a met and a missed endpoint make "mixed"
SPLIT_CONTEXT = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s?(?:mg|µg|mcg|g|mg/kg)\b|(?:higher|lower|high|low|both)\s+doses?"
    r"|dose\s+(?:arm|group|level)s?|population|cohort)", _I)
#: the word "primary" as an endpoint: a passage about the primary endpoint
PRIMARY_WORD = re.compile(rf"\b{_PRIMARY}\s+{_EP}", _I)
#: co-primary / dual primary endpoints: a split of two results is "mixed", not a contradiction
CO_PRIMARY = re.compile(
    r"\b(?:co-?\s?primary|dual\s+primary|two\s+primary|both\s+primary|(?:two|dual|multiple)\s+"
    r"(?:independent\s+)?primary)\b", _I)
#: a secondary or exploratory endpoint: its significance wording says nothing of the primary
SECONDARY = re.compile(r"\b(?:secondary|exploratory|post[- ]hoc|subgroups?|sub-?population)\b",
                       _I)
#: a nominal p-value (not tested in the hierarchy): not an outcome
NOMINAL = re.compile(r"\bnominal(?:ly)?\b", _I)
#: a p-value as written; group "op" and "value" for reading its direction
P_VALUE = re.compile(r"\bp(?:-value)?\s*(?P<op>[<=≤>]|&lt;)\s*(?P<value>0?\.\d+)", _I)
#: hedges before a cue in the same sentence: the outcome has not happened or is a design aim
HEDGE_BEFORE = re.compile(
    r"\b(?:if|whether|unless|once|(?<!as\s)expect(?:s|ed|ing)?|hop(?:e|es|ed|ing)|anticipat\w+"
    r"|design(?:ed)?\s+to|aim(?:s|ed)?\s+to|intend\w*\s+to|plans?\s+to|goal\s+of|in\s+order\s+to"
    r"|would|could|(?-i:may|might)|potential(?:ly)?|likelihood|probability|chance|to\s+(?:assess"
    r"|evaluate|determine|demonstrate|show)|powered\s+to|risks?\s+(?:that|factors)|no\s+assurance"
    r"|will)\b[^.;]{0,70}$",
    _I,
)
#: hedges before a kind-of-news cue, beyond those of an outcome: an aim or a plan ("data to
#: support approval", "to begin a Phase 3 trial")
KIND_HEDGE_BEFORE = re.compile(
    r"\b(?:support(?:s|ed|ing)?|toward(?:s)?|path(?:way)?\s+to|seek(?:s|ing)?)\b[^.;]{0,40}$"
    r"|\bto\s+$", _I)
#: an earlier result recapped ("as first reported in July", "previously announced")
BACKGROUND_BEFORE = re.compile(
    r"\b(?:previously|already|earlier|prior|as\s+(?:first\s+)?(?:reported|announced|disclosed)"
    r"|first\s+(?:reported|announced)|(?:reported|announced)\s+in|in\s+(?:January|February|March"
    r"|April|May|June|July|August|September|October|November|December)|last\s+(?:year|month"
    r"|quarter))\b[^.;]{0,80}$",
    _I,
)
#: a sentence that describes a study's design, not its result
DESIGN_ONLY = re.compile(
    rf"\b(?:the\s+)?{_PRIMARY}\s+{_EP}\s+(?:(?:of|in|for)\s+(?:the|this)\s+(?:trial|study)\s+)?"
    r"(?:is|are|will\s+be|includes?)\b", _I)

#: how a release names the primary endpoint: group "name" holds the endpoint as written
PRIMARY_NAME: tuple[re.Pattern[str], ...] = (  # from the plainest naming to the loosest
    re.compile(rf"\b{_PRIMARY}\s+{_EP}\s*(?:(?:of|in|for)\s+(?:the|this)\s+(?:trial|study)\s+)?"
               r"(?:is|was|were|are)\s+(?:the\s+)?(?P<name>[^.;]{4,160})", _I),
    re.compile(rf"\b{_PRIMARY}\s+{_EP}\s*(?:of|:|-|–)\s*(?P<name>[^.;:]{{4,160}})", _I),
    re.compile(rf"\b{_PRIMARY}\s+objective\s+of\s+the\s+(?:study|trial)\s+was\s+to\s+demonstrate"
               r"\s+that\s+[^.;]{0,60}?\b(?:superior|non-?inferior)\s+to\s+\w+\s+(?:in|on)\s+"
               r"(?P<name>[^.;]{4,120})", _I),
    re.compile(rf"(?P<name>[^.;,]{{4,160}}),\s+(?:the|its|a)\s+{_PRIMARY}\s+{_EP}\b", _I),
    re.compile(rf"\b{_PRIMARY}\s+{_EP},\s*(?P<name>[^.;,]{{4,160}})", _I),
)

# --------------------------------------------------------------------------------------------
# results, safety, next steps

#: an efficacy figure as written: percentages, ratios, p-values, CIs, medians, fold changes
RESULT_NUMBER = re.compile(
    r"(?<![\w.])[-−–]?\d+(?:[.,]\d+)?\s?(?:%|percent\b|x\b|-fold\b|fold\b|months?\b|weeks?\b"
    r"|mL\b|kg\b|mmHg\b|µM\b|points?\b)"
    r"|\b(?:HR|hazard ratio|rate ratio|odds ratio|risk ratio|RR|OR)\b[^.;]{0,12}?\d?\.\d+"
    r"|\bp(?:-value)?\s*(?:[<=≤>]|&lt;)\s*0?\.\d+"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+ty(?:-\w+)?)\s+(?:of|in)\s+"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\b"
    r"|\b[A-Z][a-z]+(?:-[a-z]+)?\s+percent\b",
    _I,
)
#: words of an efficacy result
EFFICACY_TERMS = re.compile(
    r"\b(?:response rate|responses?|responders?|reduc\w+|improv\w+|survival|hazard ratio|HR"
    r"|p\s*[<=]|median|mean|weight loss|lost|body weight|change from baseline|remission|ORR|DCR"
    r"|PFS|OS|rate ratio|relative risk|risk of|achiev\w+|lower\w*|decreas\w+|increas\w+|fold|attack"
    r"|free of|free from|bleed\w*|levels?|activity|expression|efficacy|primary end ?point"
    r"|superior|difference|versus|vs\.?|compared with|placebo)\b",
    _I,
)
#: words of a safety finding
SAFETY_TERMS = re.compile(
    r"\b(?:safety|tolerat\w+|adverse\s+(?:events?|reactions?)|AEs?|TEAEs?|TRAEs?|SAEs?"
    r"|side effects?|toxicit\w+|dose-limiting|discontinu\w+|serious|death|deaths|died|fatal"
    r"|grade\s+[1-5]|grade\s+(?:3|three)\s+or\s+higher|nausea|vomiting|diarrh(?:o)?ea|headache"
    r"|rash|fatigue|infections?|cytokine release|neurotoxicity|ICANS|CRS|elevations?|injection"
    r"[- ]site|hypoglyc\w+|edema|oedema|neutropenia|pneumonitis|interstitial lung disease"
    r"|gastrointestinal|thrombo\w+|liver injury|malignanc\w+|withdrawal|cases?\s+of"
    r"|(?:events?|reactions?)\s+(?:occurred|were\s+reported))\b",
    _I,
)
#: strong safety statements (a verdict on the safety profile or a grave event)
SAFETY_SIGNAL = re.compile(
    r"\b(?:well[- ]tolerated|generally well tolerated|no new safety signals?|safety profile|deaths?"
    r"|died|fatal|grade\s+[3-5]|grade\s+(?:3|three)\s+or\s+higher|serious adverse|discontinu\w+"
    r"|dose-limiting|tolerability)\b",
    _I,
)
#: safety named as a study aim, not a finding ("to evaluate the safety and efficacy")
SAFETY_AIM = re.compile(
    r"\b(?:evaluat\w+|assess\w*|investigat\w+|effects?\s+on|designed\s+to|to\s+(?:study|test))"
    r"\b[^.;]{0,60}\b(?:safety|tolerability)\b|\b(?:safety|tolerability),?\s+(?:and|,)\s+"
    r"(?:efficacy|pharmacokinetics|activity)\b|\binitial\s+safety\s+and\b",
    _I,
)
#: plans and expectations, beyond the generic future wording: what a readout leads to
FUTURE_TERMS = re.compile(
    r"\b(?:submi(?:t|ssion)|file|filing|New Drug Application|Biologics License Application"
    r"|Marketing Authori[sz]ation Application|NDA|BLA|MAA|sNDA|sBLA|phase\s*(?:[1-4]|I{1,3}V?)"
    r"|present(?:ed|ation)?|congress|meeting|conference|publication|topline|readout|initiat\w+"
    r"|enrol\w*|regulators?|FDA|EMA|dose[- ]expansion|recommended phase)\b",
    _I,
)
#: logistics of the announcement itself (calls, webcasts): never a next step
LOGISTICS = re.compile(
    r"\b(?:conference call|webcast|replay|dial[- ]in|live audio|investor call|forward-looking"
    r"|press release contains|for more information|register (?:for|at))\b",
    _I,
)

# --------------------------------------------------------------------------------------------
# product and indication

#: INN stems (WHO) common in trial releases: a lowercase word ending in one is a generic name
INN_STEMS: tuple[str, ...] = (
    "mab", "nib", "siran", "ersen", "tide", "gene", "vec", "cel", "stat", "cept", "parin", "vir",
    "ciclib", "lisib", "tecan", "dotin", "gliptin", "glipron", "gliflozin", "fibrate", "sartan",
    "pril", "olol", "dipine", "azole", "cillin", "cycline", "mycin", "oxacin", "platin", "taxel",
    "rubicin", "trexed", "citabine", "mig", "kinra", "parib", "degib", "lukast", "terol",
    "tropium", "caftor", "sudil", "plimab", "tinib", "rafenib", "metinib",
)
#: words that end like an INN but are not product names
NOT_INN: frozenset[str] = frozenset({
    "peptide", "polypeptide", "nucleotide", "oligonucleotide", "transgene",
    "concept", "intercept", "thermostat", "antigene",
})
#: a population before the indication: "patients with", "adults living with"
POPULATION_WITH = re.compile(
    r"\b(?:patients|adults|people|participants|subjects|children|men|women|individuals"
    r"|adolescents|infants)\s+(?:\d+\s+years\s+(?:of\s+age\s+)?and\s+older\s+)?(?:living\s+)?"
    r"with\s+",
    _I,
)
#: a use before the indication: "for the treatment of", "in the prevention of"
TREATMENT_OF = re.compile(
    r"\b(?:for|in)\s+(?:the\s+)?(?:treatment|prevention|prophylaxis|management)\s+of\s+", _I)
#: where an indication phrase ends
POPULATION_STOP = re.compile(
    r"[,;:()\[\]]|\s(?:who|whose|that|at|despite|inadequately|receiving|treated|following|after"
    r"|compared|versus|vs|on\s+a|on\s+top|in\s+(?:\d|adults|patients|children|people)|with\s+(?:a"
    r"|an|at|no|elevated|prior|the)"
    r"|harbo(?:u)?ring|and\s+(?:at\s+least|a\s+history|elevated)|across|from|by|was|were|but"
    r"|is|are|has|have)\b",
    _I,
)

# --------------------------------------------------------------------------------------------
# tone

#: our own trial-news tone list (word or phrase -> -1..1), read with ``lexicon.tone``
TRIAL_TONE: dict[str, float] = {
    "positive": 0.7, "met": 0.5, "achieved": 0.4, "succeeded": 0.6, "superior": 0.5,
    "significant": 0.3, "significantly": 0.4, "clinically meaningful": 0.5, "encouraging": 0.6,
    "promising": 0.5, "robust": 0.4, "durable": 0.4, "well tolerated": 0.5, "well-tolerated": 0.5,
    "favorable": 0.5, "favourable": 0.5, "pleased": 0.7, "excited": 0.7, "breakthrough": 0.4,
    "practice-changing": 0.6, "transformative": 0.5, "exceed": 0.4, "exceeded": 0.5,
    "exceeding": 0.4, "benefit": 0.3, "improvement": 0.3, "strong": 0.4, "landmark": 0.6,
    "first-ever": 0.4, "on track": 0.3, "milestone": 0.5, "success": 0.6, "confident": 0.5,
    "intriguing": 0.4, "trend": 0.3, "trends": 0.3, "agreement": 0.3, "compelling": 0.5,
    "did not meet": -0.9, "did not reach": -0.8, "not met": -0.8, "not statistically significant":
    -0.8, "fell short": -0.8, "missed": -0.8, "failed": -0.8, "disappointed": -0.9,
    "disappointing": -0.9, "discontinued development": -0.8, "discontinue development": -0.6,
    "discontinued the program": -0.8, "terminated": -0.7,
    "halted": -0.7, "setback": -0.8, "unfortunately": -0.7, "restructuring":
    -0.6, "reduced its workforce": -0.8, "clinical hold": -0.8, "negative": -0.6, "death": -0.3,
    "deaths": -0.3, "hard decision": -0.6, "concern": -0.5, "concerns": -0.5, "delay": -0.5,
    "delayed": -0.5, "net loss": -0.2, "negative opinion": -1.0, "refused": -0.9, "refusal": -0.9,
    "rejected": -0.9, "complete response letter": -0.9, "approved": 0.8, "approval": 0.6,
    "approves": 0.8, "granted": 0.5, "cleared": 0.6,
}
#: a negation shortly before a tone word turns it off ("no major safety concerns", "not
#: adequately compelling"); phrases that carry their own negation ("did not meet") are entries
NEGATION_BEFORE = re.compile(r"\b(?:no|not|without|never|nor)\b(?:\s+[\w-]+){0,3}\s+$", _I)

# --------------------------------------------------------------------------------------------
# contexts the reader reads names, phases, indications and plans in

#: hedges right after a cue ("Updated data ... expected to be presented")
HEDGE_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:expected|anticipated|planned|on track|to be (?:presented|reported"
    r"|announced|shared)|will be)\b", _I)
#: before an identifier of another study ("also conducting a Phase 2 study (NCT...)")
OTHER_STUDY_BEFORE = re.compile(
    r"\b(?:also|another|other|additional|separate|second|planned|ongoing)\b[^.;)]{0,80}$", _I)
#: after a study acronym that names a trial ("VANTAGE-301 trial", "X (NCT...)")
TRIAL_NAME_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:(?:a|the)\s+)?(?:phase[\s-]*[1-4IV]{1,3}[a-c]?(?:/[1-4IV]"
    r"{1,3})?\s+)?(?:(?!(?:in|of|for|with|from|at|on|to|by|and|or|versus|vs)\b)[A-Za-z][\w-]*\s+)"
    r"{0,3}?(?:trial|study|studies|program(?:me)?)\b|^\s*\(\s*(?:ClinicalTrials\.gov[^)]{0,20})?"
    r"NCT\d{8}", _I)
#: a phase named in a milestone, not a trial ("End-of-Phase 2 meeting")
MILESTONE_PHASE_BEFORE = re.compile(r"\bend[\s-]+of[\s-]+$", _I)
#: before a study acronym that names a trial ("Phase 3 VANTAGE-301")
TRIAL_NAME_BEFORE = re.compile(
    r"(?:\b(?:phase[\s-]*[1-4IV]{1,3}[a-c]?(?:/[1-4IV]{1,3})?|pivotal|results\s+from|data"
    r"\s+from|readout\s+(?:of|from))\s+)$", _I)
#: before a product code ("trial of QTB-210", "dosing of")
PRODUCT_CODE_BEFORE = re.compile(
    r"\b(?:(?:trial|study|data|results?)\s+(?:of|for|with|evaluating)|evaluating|doses?\s+of"
    r"|dosing\s+of|treatment\s+with|treated\s+with)\s+$", _I)
#: words that introduce a product code ("trial of QTB-210", "data for BEAM-302")
CODE_INTRO = r"(?:of|for|with|evaluating|dosed|dosing|candidate)"
#: after a product code (", an investigational ...")
PRODUCT_CODE_AFTER = re.compile(r"^\s*,\s+(?:an?|the)\s+\w+", _I)
#: words saying which endpoint a figure or cue belongs to
ENDPOINT_KIND_WORD = re.compile(
    r"\b(?:primary|co-?primary|secondary|exploratory|subgroups?|nominal(?:ly)?|post[- ]hoc)\b",
    _I)
#: how a phrase after "in" / "for" starts when it is not a disease
NOT_INDICATION_START = re.compile(
    r"^(?:the|a|an|its|their|this|phase|trial|study|combination|addition|all|both|each|overall"
    r"|first|second|third|fourth|patients|adults|people|participants|week|weeks|month|months"
    r"|year|years|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|q[1-4]|h[12]|up|over|more|less|support|line|collaboration|partnership"
    r"|\d)\b", _I)
#: "in X" / "for X" in a headline
TITLE_INDICATION = re.compile(r"\b(?:in|for)\s+(?=[A-Za-z])")
#: where a primary endpoint's name ends
ENDPOINT_NAME_STOP = re.compile(
    r"\s(?:by|as\s+(?:assessed|measured)|in\s+(?:patients|adults|participants|people|the|all"
    r"|both|each)|versus|vs\.?|compared|was|were|is|are|at\s+(?:week|month|year|day)\s+\d+\s+"
    r"(?:was|were))\b|\s\((?!\w{2,6}\))", _I)
#: a verb before the endpoint's name ("reduced the annualised rate ...")
ENDPOINT_NAME_LEAD = re.compile(
    r"^.*\b(?:reduced|lowered|improved|increased|achieving|achieved)\s+", _I)
#: what follows "primary endpoint" without being its name ("was met", ", demonstrating")
NOT_ENDPOINT_NAME = re.compile(
    r"(?:met|achieved|reached|not|did|was|were|is|and|of|to|this|that|which|in\s+the|with|defined"
    r"|demonstrat\w*|show\w*|indicat\w*|reduc\w*|improv\w*|achiev\w*|result\w*|includ\w*"
    r"|suggest\w*|confirm\w*)\b", _I)
#: a first-person plan in an executive quote ("we will", "we plan")
PERSONAL_PLAN = re.compile(
    r"\b(?:we|our)\b[^.]{0,40}\b(?:will|plan|expect|intend|look forward|anticipate|aim)", _I)
#: lowercase words before a code in brackets that are not its generic name
NOT_GENERIC = frozenset({
    "study", "trial", "program", "programme", "inhibitor", "antibody", "therapy", "candidate",
    "agonist", "antagonist", "conjugate", "compound", "molecule", "medicine", "vaccine", "drug",
    "treatment", "product", "formulation", "protein", "peptide", "analog", "analogue",
})
#: what of an "About <the study>" section the model still reads: its design (the trial's name
#: and registry id, phase, arms, endpoints, enrolment; ``summarizer.sections.prompt_view``)
ABOUT_STUDY = re.compile(
    r"\b(?:primary|secondary|co-primary|endpoints?|randomi[sz]ed|double-blind|open-label"
    r"|placebo|enrol(?:l|ls|led|ling)?|phase\s+(?:[1-4]|I{1,3}V?)|NCT\d{8}|EudraCT|pivotal)\b",
    _I)
#: a condition before a plan ("if approved, we will")
CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", _I)
