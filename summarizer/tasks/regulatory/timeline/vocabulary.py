"""The timeline's vocabulary, defined once: regions, milestones, goal dates and product-name noise.

Agency and decision codes are the schema's (``AGENCY_CODES``, ``DECISION_CODES``); this module
only says how the timeline groups and reads them. The wording tables here are what the timeline
recognises in a record's own strings (next-step actions, evidence quotes, headline): a step
announcing a milestone, a goal date, a request for re-examination.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGENCY_REGION",
    "COMPANY_SUFFIXES",
    "DESIGNATIONS",
    "FORM_WORDS",
    "GOAL_DATE",
    "MILESTONES",
    "NEGATION",
    "REEXAMINATION",
    "REEXAMINATION_HEDGE",
    "REGIONS",
    "RESUBMISSION",
    "US_ONLY",
    "Milestone",
    "milestone",
]

_I = re.IGNORECASE

#: region code -> name, in the order lanes are shown
REGIONS: dict[str, str] = {
    "US": "United States",
    "EU": "European Union",
    "UK": "United Kingdom",
    "JP": "Japan",
    "CA": "Canada",
    "CN": "China",
    "AU": "Australia",
    "CE": "EU devices (CE mark)",
    "OTHER": "Other regulators",
}

#: agency code (``AGENCY_CODES``) -> region; NONE (no regulatory event) has none
AGENCY_REGION: dict[str, str | None] = {
    "FDA": "US",
    "EMA": "EU",
    "EC": "EU",
    "MHRA": "UK",
    "NICE": "UK",
    "PMDA": "JP",
    "HEALTH_CANADA": "CA",
    "NMPA": "CN",
    "TGA": "AU",
    "NOTIFIED_BODY": "CE",
    "OTHER": "OTHER",
    "NONE": None,
}

#: wording that only the US process uses: a step naming it is a US step
US_ONLY = re.compile(r"\b(?:PDUFA|s?NDA|s?BLA|ANDA|510\s?\(k\)|PMA|De Novo|IND)\b")

#: a goal date ("PDUFA goal date of May 20, 2026", "target action date of April 8, 2026")
GOAL_DATE = re.compile(r"\bPDUFA\b|\b(?:target |goal )?action date\b|\bgoal date\b", _I)

#: a request for re-examination of an opinion (EU) or an appeal of it
REEXAMINATION = re.compile(r"\bre-?examination\b|\bre-?examine\b|\bappeal\b", _I)

#: a re-examination considered, not requested ("is evaluating whether to appeal")
REEXAMINATION_HEDGE = re.compile(
    r"\b(?:whether|may|might|could|if|consider(?:s|ing)?|evaluat(?:e|es|ing)|assess(?:es|ing)?"
    r"|options?)\b", _I)

#: a submission that answers an earlier letter
RESUBMISSION = re.compile(r"\bre-?submi(?:t|ts|tted|tting|ssion)\b", _I)

#: a negation between a plan and its object ("does not plan to hold an advisory committee")
NEGATION = re.compile(r"\b(?:not|no|never|neither|nor)\b|n't\b", _I)


@dataclass(frozen=True)
class Milestone:
    """A regulatory step a next step can announce, and the decisions that show it came to pass.

    ``met_by`` includes later steps of the same process: an opinion shows the grounds for its
    re-examination were submitted, an approval shows the application was accepted. A ``topic``
    milestone wins wherever the plan names it ("submit a complete response to the clinical
    hold" is about the hold).
    """

    code: str
    label: str
    pattern: re.Pattern[str]
    met_by: frozenset[str]
    topic: bool = False


_DECIDED = frozenset({"approval", "accelerated_approval", "clearance", "complete_response",
                      "refusal"})
_OPINION = frozenset({"positive_opinion", "negative_opinion"})
_ACCEPTED = frozenset({"filing_accepted", "refusal_to_file", "review_extension", "advisory_vote"})

#: the milestones, tried together: a topic, else the one named first after the plan's verb
MILESTONES: tuple[Milestone, ...] = (
    Milestone("hold", "clinical hold lifted", re.compile(
        r"\b(?:clinical|partial|full) hold\b|\b(?:the|this) hold\b", _I),
              frozenset({"hold_lifted"}), topic=True),
    Milestone("advisory", "advisory committee", re.compile(
        r"\badvisory (?:committee|panel)\b|\bAdCom\b|\bODAC\b|\bVRBPAC\b", _I),
        frozenset({"advisory_vote"})),
    Milestone("opinion", "committee opinion", re.compile(
        r"\bopinion\b|\bre-?examination\b|\bappeal\b|\bCHMP\b|\bCOMP\b|\bPRAC\b", _I),
        _OPINION | {"approval", "accelerated_approval", "refusal"}),
    Milestone("decision", "regulator's decision", re.compile(
        r"\bPDUFA\b|\b(?:target |goal )?action date\b|\bgoal date\b|\bdecision\b"
        r"|\bapprov(?:al|e)\b|\bmarketing authori[sz]ation\b(?! application)|\bclearance\b"
        r"|\bCE[- ]mark", _I), _DECIDED),
    Milestone("submission", "submission", re.compile(
        r"\b(?:re-?)?submi(?:t|ts|tting|ssion)\b|\bfil(?:e|es|ing)\b", _I),
        frozenset({"submission", "filing_accepted"}) | _ACCEPTED | _OPINION | _DECIDED),
    Milestone("acceptance", "acceptance for review", re.compile(
        r"\baccept(?:s|ed|ance)?\b|\bvalidat(?:e|es|ed|ion)\b", _I),
        frozenset({"filing_accepted"}) | _ACCEPTED | _OPINION | _DECIDED),
)

_BY_CODE = {m.code: m for m in MILESTONES}


def milestone(code: str) -> Milestone:
    """The milestone with this code."""
    return _BY_CODE[code]


#: the designations a lane can hold, by the name shown
DESIGNATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Breakthrough Therapy", re.compile(r"\bbreakthrough therapy\b", _I)),
    ("Breakthrough Device", re.compile(r"\bbreakthrough device\b", _I)),
    ("Fast Track", re.compile(r"\bfast[- ]track\b", _I)),
    ("RMAT", re.compile(r"\bRMAT\b|regenerative medicine advanced therapy", _I)),
    ("PRIME", re.compile(r"\bPRIME\b|\bpriority medicines\b")),
    ("Priority Review", re.compile(r"\bpriority review\b", _I)),
    ("Rare Pediatric Disease", re.compile(r"\brare pediatric disease\b", _I)),
    ("QIDP", re.compile(r"\bQIDP\b|qualified infectious disease product", _I)),
    ("Sakigake", re.compile(r"\bsakigake\b", _I)),
    ("Innovation Passport", re.compile(r"\binnovation passport\b", _I)),
    ("Promising Innovative Medicine", re.compile(r"\bpromising innovative medicine\b", _I)),
    ("Orphan", re.compile(r"\borphan\b", _I)),
)

#: dosage forms and other words a release adds to a product name ("Orzenta injection")
FORM_WORDS: frozenset[str] = frozenset({
    "injection", "injections", "tablet", "tablets", "capsule", "capsules", "infusion",
    "solution", "suspension", "oral", "for", "cream", "ointment", "gel", "spray", "vaccine",
    "subcutaneous", "intravenous", "extended-release", "delayed-release", "film-coated",
    "powder", "concentrate", "drops", "patch", "kit", "pen", "prefilled", "syringe",
})

#: words a company name may carry or drop between releases ("Halcyon Biopharma, Inc.")
COMPANY_SUFFIXES: frozenset[str] = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
    "llc", "lp", "ag", "sa", "se", "nv", "bv", "gmbh", "kk", "spa", "ab", "asa", "as", "a/s",
    "oy", "oyj", "holdings", "holding", "group", "the",
})
