"""The reader's field pickers: each field of a regulatory summary read from the release.

Products (marked brands, brand and generic pairs, codes, INN names), the indication, the
application, the decision date, the company, the rationale, the next steps with their timing,
the sentiment, the headline and the summary text: each taken from the sentences that state it,
so every quote is an exact passage of the release.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from summarizer.sentences import normalize_space
from summarizer.tasks.regulatory._decision import DEVICE, CueVerdict, is_prose
from summarizer.tasks.regulatory._reading import (
    MONTH_NUM,
    ViewSentence,
    WeightedCue,
    ZonedRelease,
    is_negated,
)
from summarizer.tasks.regulatory.lexicon import (
    APPLICATION,
    BACKGROUND_TITLE,
    DECISION_DIRECTION,
    FUTURE_CUE,
    FUTURE_STRONG,
    HYPOTHETICAL_BEFORE,
    PEOPLE,
    PURPOSE_BEFORE,
    RATIONALE_DATA,
    RATIONALE_NOT_RAISED,
    RATIONALE_STRONG,
    RATIONALE_TITLE,
    RATIONALE_WEAK,
    ToneLexicon,
    tone,
)
from summarizer.tasks.regulatory.schema import (
    MAX_REASONS,
    Evidence,
    NextStep,
    Outcome,
    Product,
    Reason,
    Sentiment,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.timing import timing_phrases

__all__ = [
    "guess_products",
    "read_application",
    "read_company",
    "read_decision_date",
    "read_direction",
    "read_headline",
    "read_indication",
    "read_next_steps",
    "read_rationale",
    "read_sentiment",
    "read_summary_text",
]

_LOGISTICS = re.compile(
    r"conference call|webcast|replay|dial[- ]in|will host|live audio|investor call|forward-looking"
    r"|press release contains|visit (?:us|our|the)|for more information",
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
    view: ZonedRelease, evidence: ViewSentence | None = None, company: str | None = None
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
    r"^(?:(?:adult|pediatric|paediatric|patient|" + "|".join(PEOPLE)
    + r"|newborns|aged|of|age|years?|old|older|and|or|the|a|an|to|kg"
    r"|weigh(?:ing)?|at|least|who|have|has|with|living|from|\d+(?:\s*(?:to|-|–)\s*\d+)?"
    # the stage before the disease ("previously treated, unresectable or metastatic NSCLC"):
    # its commas would otherwise end the indication before the disease is named
    r"|previously|(?:un)?treated|relapsed|refractory|unresectable|metastatic|locally|advanced"
    r"|recurrent|newly|diagnosed)\b"
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


def read_indication(view: ZonedRelease, evidence: ViewSentence | None) -> str | None:
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
        if use and DEVICE.search(src) and len(use.group(1).split()) >= 2:
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


def read_application(view: ZonedRelease, evidence: ViewSentence | None) -> str | None:
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


def read_decision_date(
    evidence: ViewSentence | None, view: ZonedRelease, published: dt.date | None
) -> dt.date | None:
    if evidence is None:
        return None
    m = re.search(
        r"\b(January|February|March|April|May|June|July|August|September|October|November"
        r"|December) (\d{1,2}),? ((?:19|20)\d\d)\b", evidence.text
    )
    if m:
        try:
            day = dt.date(int(m.group(3)), MONTH_NUM[m.group(1).lower()], int(m.group(2)))
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


def read_company(view: ZonedRelease) -> str | None:
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


def read_rationale(
    view: ZonedRelease, evidence: ViewSentence | None, reading: CueVerdict
) -> list[Reason]:
    anchor = evidence.index if evidence is not None else 0
    unfavorable = DECISION_DIRECTION.get(reading.decision) == "unfavorable"
    # sentences that recap an earlier act only ("It received accelerated approval in 2021
    # based on ..."): their reasons are that act's
    recaps = {c.sentence.index for c in view.cues if c.background} - {
        c.sentence.index for c in view.cues if not c.background}
    scored: list[tuple[float, ViewSentence]] = []
    for vs in view.sentences:
        distance = abs(vs.index - anchor)
        if distance > 25:
            continue
        strong = len(RATIONALE_STRONG.findall(vs.text))
        weak = len(RATIONALE_WEAK.findall(vs.text))
        data = len(RATIONALE_DATA.findall(vs.text))
        if not (strong or weak or data >= 2) or len(vs.text.split()) < 6 or _LOGISTICS.search(
            vs.text
        ):
            continue
        opening = vs.text[:40]
        if (HYPOTHETICAL_BEFORE.search(opening) or PURPOSE_BEFORE.search(opening)) and (
            FUTURE_CUE.search(vs.text[:60])
        ):
            continue
        if evidence is not None and vs is evidence and not strong:
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
        elif (vs.title and BACKGROUND_TITLE.search(vs.title)) or vs.index in recaps:
            score *= 0.5  # history: the basis of an earlier decision
        if vs.agencies and (strong or unfavorable):
            score += 0.75  # the regulator's own reason
        if vs.zone in ("lead", "subhead"):
            score += 0.5
        if vs.kind == "quote":
            score *= 0.5
        if unfavorable and RATIONALE_NOT_RAISED.search(vs.text):
            score *= 0.6  # what the regulator did not object to is context, not a reason
        scored.append((score, vs))
    scored.sort(key=lambda t: -t[0])
    # the best reasons, each with the figures that follow it (a sentence of figures already
    # inside a chosen reason is not a reason of its own)
    chosen: dict[int, tuple[ViewSentence, int]] = {}
    for score, vs in scored:
        if len(chosen) == MAX_REASONS or score < 1.5:
            break
        if any(first.index < vs.index <= last for first, last in chosen.values()):
            continue
        held = list(chosen)
        again = _restated(vs.text, [chosen[i][0].text for i in held])
        if again is not None:
            if not _fuller(vs.text, chosen[held[again]][0].text):
                continue
            del chosen[held[again]]
        figures = _figures_after(view, vs)
        last = figures.index if figures is not None else vs.index
        for inside in [i for i in chosen if vs.index < i <= last]:
            del chosen[inside]
        chosen[vs.index] = (vs, last)
    reasons: list[Reason] = []
    for index in sorted(chosen):
        vs, last = chosen[index]
        regulator = bool(vs.agencies) or unfavorable
        quote = view.text[vs.start:view.sentences[last].end]
        reasons.append(Reason(
            statement=_clip(quote),
            source="regulator" if regulator else "company",
            evidence=Evidence(quote=quote),
        ))
    return reasons


def _figures_after(view: ZonedRelease, vs: ViewSentence) -> ViewSentence | None:
    """The last of the (at most two) sentences right after a reason, in its paragraph, that give
    that reason's figures ("The approval rests on the X trial." + "In X, 72 adults ..." + "The
    response rate was 44%."): one reason with its numbers, not several reasons."""
    if not RATIONALE_STRONG.search(vs.text):
        return None
    last: ViewSentence | None = None
    prev = vs
    for nxt in view.sentences[vs.index + 1: vs.index + 3]:
        if nxt.kind != vs.kind or nxt.title != vs.title:
            break
        if "\n" in view.text[prev.end:nxt.start]:
            break  # the paragraph ends
        if RATIONALE_STRONG.search(nxt.text) or FUTURE_STRONG.search(nxt.text):
            break  # a reason of its own, or a plan
        if not RATIONALE_DATA.search(nxt.text):
            break
        last = prev = nxt
    return last


_WORD = re.compile(r"[a-z0-9]+")
_FILLER = frozenset({"the", "and", "for", "with", "from", "that", "this", "its", "has", "have",
                     "was", "were", "are", "will", "our", "which", "into", "under", "been"})
#: share of the shorter sentence's content words the other must hold for the one to restate
#: the other (a summary bullet up top and the body sentence it abridges; as ``merge._COVERED``)
_RESTATED = 0.6


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _FILLER}


def _restated(text: str, chosen: Sequence[str]) -> int | None:
    """The index of the item of ``chosen`` that ``text`` says again, if any: a release's summary
    bullets repeat its body, and one item per statement leaves room for the others."""
    own = _content(text)
    for i, other in enumerate(chosen):
        theirs = _content(other)
        shorter = min(len(own), len(theirs))
        if shorter and len(own & theirs) >= _RESTATED * shorter:
            return i
    return None


def _fuller(text: str, than: str) -> bool:
    """Of two sentences saying the same, whether ``text`` says more (the body sentence a summary
    bullet abridges): the one to keep."""
    return len(_content(text)) > len(_content(than))


def _clip(text: str, limit: int = 300) -> str:
    flat = normalize_space(text)
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit] + " ..."


#: next steps the rules backend reads at most
_MAX_STEPS = 4


def read_next_steps(
    view: ZonedRelease, evidence: ViewSentence | None, published: dt.date | None
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
        if not timing and re.search(r"\b(?:if|unless|whether)\b", vs.text[: future.start()],
                                    re.I):
            continue  # a bare hypothetical; one with its timing is a plan with its condition
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
    picked: list[tuple[float, ViewSentence, str | None, dt.date | None]] = []
    for candidate in scored:
        if len(picked) == _MAX_STEPS:
            break
        same_due = [k for k, (_, _, _, due) in enumerate(picked) if due == candidate[3]]
        again = _restated(candidate[1].text, [picked[k][1].text for k in same_due])
        if again is None:
            picked.append(candidate)
        elif _fuller(candidate[1].text, picked[same_due[again]][1].text):
            picked[same_due[again]] = candidate  # the fuller of two sentences saying the same
    steps: list[NextStep] = []
    for _, vs, timing, due in sorted(picked, key=lambda t: t[1].start):
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


def read_sentiment(
    view: ZonedRelease, decision: str, direction: str, is_event: bool,
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


def read_headline(view: ZonedRelease, outcome: Outcome | None) -> str:
    if view.headline is not None:
        return normalize_space(view.headline.text)
    if outcome is not None:
        product = outcome.products[0].name if outcome.products else "the product"
        phrase = VOCABULARY.phrase(outcome.decision)
        return f"{outcome.agency_body or outcome.agency} {phrase} {product}"
    lead = [s for s in view.sentences if s.zone == "lead"]
    return _clip(lead[0].text, 200) if lead else "Press release"


def read_summary_text(view: ZonedRelease, evidence: ViewSentence | None) -> str:
    picked: list[ViewSentence] = []
    if evidence is not None and evidence.zone != "headline":
        picked.append(evidence)
    for vs in view.sentences:
        if len(picked) >= 3:
            break
        if vs.zone != "lead" or vs in picked or vs.kind == "quote" or not is_prose(vs.text):
            continue
        if evidence is not None and vs.start < evidence.start:
            continue
        picked.append(vs)
    picked.sort(key=lambda v: v.start)
    text = " ".join(_clip(v.text, 400) for v in picked[:3])
    return text or read_headline(view, None)




#: a committee's vote count and what it voted on ("voted 9 to 4 that the benefits do not
#: outweigh the risks", "voted 10-3 in favor of approval", "by a vote of 12 to 1")
_VOTE = re.compile(
    r"\bvot(?:ed|es?|ing)(?:\s+of)?\s+(\d{1,2})\s*(?:to|-|–|—)\s*(\d{1,2})\b([^.;]{0,160})", re.I)
#: a count told with each side's label ("voted 4 yes, 9 no on whether ...", "9 votes against and
#: 4 in favour"), in either order
#: ... a count in words too ("Six members voted yes and seven members voted no")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen", "twenty")
_COUNT = rf"(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"
_SIDE = (rf"{_COUNT}\s+(?:(?:voting\s+|committee\s+|panel\s+)?(?:members?|panelists?)\s+)?"
         r"(?:voted\s+|votes?\s+)?(yes|no|in\s+favou?r|against)(?:\s+votes?)?")
_LABELLED_VOTE = re.compile(
    rf"\b{_SIDE}\s*(?:,|;|and|to|versus|vs\.?|with)\s*(?:and\s+|with\s+)?{_SIDE}\b([^.;]{{0,160}})",
    re.I)
#: the question voted on is put the negative way, or the majority voted against it
_VOTED_NO = re.compile(
    r"\b(?:against|not|no|insufficient|inadequate|fail(?:s|ed)?|unfavou?rabl\w*)\b", re.I)


def _number(count: str) -> int:
    """A vote count as written, in digits or in words."""
    return int(count) if count.isdigit() else _NUMBER_WORDS.index(count.lower())


def _counts(text: str) -> list[tuple[int, int, int, str, str | None]]:
    """Each vote count in ``text``, in order: (where, yes, no, what follows it, the direction
    the count's own words give or None)."""
    out: list[tuple[int, int, int, str, str | None]] = []
    for m in _VOTE.finditer(text):
        # "voted 9 to 4 against", "voted 10-3 in favor": the word after the count says how the
        # majority voted, whichever number comes first
        side = re.match(r"\s*(?:,\s*)?(against|in favou?r|for)\b", m.group(3), re.I)
        said = None if side is None else (
            "unfavorable" if side.group(1).lower() == "against" else "favorable")
        out.append((m.start(), int(m.group(1)), int(m.group(2)), m.group(3), said))
    for m in _LABELLED_VOTE.finditer(text):
        first, second = m.group(2).lower(), m.group(4).lower()
        if (first in ("yes", "no")) != (second in ("yes", "no")) or first == second:
            continue  # "4 yes and 9 against" mixes a question's answers with a side
        yes, no = (_number(m.group(1)), _number(m.group(3)))
        if first in ("no", "against"):
            yes, no = no, yes
        # "in favour"/"against" name the side; "yes"/"no" answer the question that follows
        said = None if first in ("yes", "no") else (
            "favorable" if yes > no else "unfavorable" if no > yes else "neutral")
        out.append((m.start(), yes, no, m.group(5), said))
    return sorted(out)


def _vote_direction(text: str) -> str | None:
    """The direction a vote count gives: the majority for a question put positively is
    favourable, for one put negatively ("do not outweigh", "against") unfavourable; of several
    votes, the one on benefit and risk (else the first)."""
    votes = _counts(text)
    if not votes:
        return None
    _, yes, no, rest, said = next((v for v in votes if re.search(r"\bbenefit", v[3], re.I)
                                  and re.search(r"\brisk", v[3], re.I)), votes[0])
    if yes == no:
        return "neutral"
    if said is not None:
        return said
    question = re.split(r"\b(?:while|whereas|but|although)\b|[(,]\s*(?:and|with)\b", rest)[0]
    negative = _VOTED_NO.search(question) is not None
    return "favorable" if (yes > no) != negative else "unfavorable"


def stated_direction(decision: str, cues: Sequence[WeightedCue], text: str) -> str | None:
    """The direction ``text`` states for a decision kind whose wording decides it: the
    direction its wording of ``decision`` among ``cues`` gives, stated as today's fact (the
    vocabulary's: a suspension is unfavourable), or a vote's count; None when neither says."""
    said = {c.hit.direction for c in cues if c.hit.decision == decision and c.firm
            and not c.background and c.hit.direction is not None}
    if len(said) == 1:
        return said.pop()
    return _vote_direction(text) if decision == "advisory_vote" else None


def _leaning(decision: str, text: str) -> str | None:
    """The direction the vocabulary's leaning words for ``decision`` give in ``text``: the first
    of its leanings with a word not negated in its clause ("asked for additional data", not
    "without requiring an additional overseas trial"); None when none does."""
    spec = VOCABULARY.decision(decision)
    for direction, pattern in spec.leanings if spec is not None else ():
        if any(not is_negated(text[:m.start()], text[m.end():]) for m in pattern.finditer(text)):
            return direction
    return None


def read_direction(
    decision: str, view: ZonedRelease, evidence: ViewSentence | None, lexicon: ToneLexicon | None
) -> str:
    fixed = DECISION_DIRECTION.get(decision)
    if fixed is not None:
        return fixed
    worded = stated_direction(decision, [c for c in view.cues if c.sentence is evidence],
                              evidence.text if evidence is not None else "")
    if worded is not None:
        return worded
    pool = ([evidence.text] if evidence else []) + [
        s.text for s in view.sentences if s.zone in ("lead", "subhead")
    ]
    if view.headline is not None:
        pool.insert(0, view.headline.text)
    if decision == "advisory_vote":
        joined = " ".join(pool)
        counted = _vote_direction(joined)
        if counted is not None:
            return counted
        leaning = _leaning(decision, joined)
        if leaning is not None:
            return leaning
        votes = re.search(r"\bvot(?:ed|e) (\d+)\s*(?:to|-|–)\s*(\d+)", joined, re.I)
        if votes and int(votes.group(1)) != int(votes.group(2)):
            return "favorable" if int(votes.group(1)) > int(votes.group(2)) else "unfavorable"
        return "neutral"
    t = tone(" ".join(pool), lexicon)
    # feedback that asks for more: what the regulator said is told in the sentence that states
    # it or the one after ("In those responses, the FDA advised that an additional ... trial")
    told = pool + ([view.sentences[evidence.index + 1].text]
                   if evidence is not None and evidence.index + 1 < len(view.sentences) else [])
    leaning = _leaning(decision, " ".join(told))
    if leaning is not None:
        return leaning
    if t.score > 0.2:
        return "favorable"
    if t.score < -0.2:
        return "unfavorable"
    return "neutral"

