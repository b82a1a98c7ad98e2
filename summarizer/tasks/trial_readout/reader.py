"""The deterministic trial-readout reader: a ``TrialReadoutSummary`` from cues, no model.

It reads the release as ``reading`` zones it (title, lead, body; boilerplate left out) and picks
each field from the passages that state it: the kind of news and the endpoint outcome from
their cues, the phase and trial from the front, results and safety findings from the news
passages that carry figures, next steps from plans with their timing. Every evidence quote is a
passage of the source, so it is exact by construction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from summarizer.document import Document
from summarizer.evidence import Evidence, Sentiment
from summarizer.sentences import normalize_space
from summarizer.tasks.trial_readout.reading import Passage, Reading, read_release
from summarizer.tasks.trial_readout.schema import (
    Endpoint,
    KeyResult,
    NextStep,
    SafetyFinding,
    Trial,
    TrialReadoutSummary,
)
from summarizer.tasks.trial_readout.vocabulary import (
    CODE_INTRO,
    CONDITIONAL,
    EFFICACY_TERMS,
    ENDPOINT_NAME_LEAD,
    ENDPOINT_NAME_STOP,
    FUTURE_TERMS,
    HEDGE_BEFORE,
    INN_STEMS,
    LOGISTICS,
    NEGATION_BEFORE,
    NOT_ENDPOINT_NAME,
    NOT_GENERIC,
    NOT_INDICATION_START,
    NOT_INN,
    P_VALUE,
    PERSONAL_PLAN,
    POPULATION_STOP,
    POPULATION_WITH,
    PRIMARY_NAME,
    PRIMARY_WORD,
    REGISTRY_IDS,
    RESULT_NUMBER,
    SAFETY_AIM,
    SAFETY_SIGNAL,
    SAFETY_TERMS,
    TITLE_INDICATION,
    TREATMENT_OF,
    TRIAL_TONE,
)
from summarizer.timing import FUTURE_CUE, FUTURE_STRONG, timing_phrases
from summarizer.tone import Tone, weigh

__all__ = ["guess_products", "read"]

_MAX_ITEMS = 4
_CODE = r"[A-Z][A-Z0-9]{1,6}[-‑]?\d{2,6}[A-Z]?"
_GENERIC_CODE = re.compile(
    rf"\b(?P<generic>[A-Za-z][a-z-]{{4,}}(?:\s[a-z][a-z-]{{4,}})?)\s*\((?P<code>{_CODE})\)")
_CODE_GENERIC = re.compile(
    rf"\b(?P<code>{_CODE})\s*\((?P<generic>[a-z][a-z-]{{4,}}(?:\s[a-z][a-z-]{{4,}})?)\)")
_BRAND = re.compile(
    r"\b(?P<brand>[A-Z][A-Za-z0-9-]{2,})\s?(?:™|®|\((?:TM|R|tm|r)\))"
    r"(?:\s*\((?P<generic>[a-z][a-z -]{4,40})\))?")
_CODE_AFTER = re.compile(rf"\b{CODE_INTRO}\s+(?P<code>{_CODE})(?![\w-])")
_HAZARD = re.compile(r"\b(?:HR|hazard ratio|rate ratio)\b", re.I)
_WORD = re.compile(r"(?<![\w-])[A-Za-z][a-z]{3,}(?:-[a-z]+)?(?![\w-])")
_COMPANY = re.compile(
    r"(?:^|--\s*|—\s*|–\s*|\s-\s+|/\s+)(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|&|and|of))"
    r"{0,5}?(?:,?\s+(?:Inc|Corp|Ltd|plc|LLC|AG|SE|SA|NV|A/S|N\.V|S\.A)\.?)?)\s*(?:\((?:NYSE"
    r"|NASDAQ|Nasdaq|OTC\w*|TSX\w*|LSE|ASX|AEX|Euronext|SIX)|,\s+an?\s|\s+(?:today|has\s+"
    r"announced))")


def read(document: Document) -> TrialReadoutSummary:
    """Read one release into a ``TrialReadoutSummary`` (every quote exact, offsets filled)."""
    reading = read_release(document)
    readout = reading.is_readout
    outcome, cue = reading.outcome
    return TrialReadoutSummary(
        is_trial_readout=readout,
        company=_company(reading),
        headline=_headline(reading),
        summary=_summary(reading),
        trial=_trial(reading) if readout else None,
        products=guess_products(reading),
        indication=_indication(reading),
        endpoint=Endpoint(
            name=_endpoint_name(reading) if readout else None,
            outcome=outcome,
            evidence=_evidence(cue.passage) if cue is not None else None,
        ),
        key_results=_key_results(reading) if readout else [],
        safety=_safety(reading) if readout else [],
        next_steps=_next_steps(reading, document.published),
        sentiment=_sentiment(reading, outcome),
    )


def _evidence(p: Passage) -> Evidence:
    return Evidence(quote=p.text, start=p.start, end=p.end, match="exact", score=1.0)


def _clip(text: str, limit: int = 300) -> str:
    flat = normalize_space(text).lstrip("•·▪‣◦*-–— ")
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit] + " ..."


# --------------------------------------------------------------------------------------------
# headline, summary, company


def _headline(reading: Reading) -> str:
    if reading.headline is not None:
        return _clip(reading.headline.text, 300)
    return "Press release"


def _summary(reading: Reading) -> str:
    picked = [p for p in reading.passages if p.zone == "lead" and p.kind != "quote"
              and len(p.text.split()) >= 8][:2]
    return " ".join(_clip(p.text, 300) for p in picked) or _headline(reading)


def _company(reading: Reading) -> str | None:
    for p in [p for p in reading.passages if p.zone == "lead"][:3]:
        m = _COMPANY.search(p.text)
        if m and m.group("name").split()[0] not in ("The", "This", "Today", "In"):
            return m.group("name").strip()
    return None


# --------------------------------------------------------------------------------------------
# trial, product, indication, endpoint name


def _trial(reading: Reading) -> Trial:
    names = reading.trial_names
    phase, _ = reading.phase
    return Trial(
        name=names[0][0] if names else None,
        identifiers=[i for i, _ in reading.identifiers],
        phase=phase,
    )


def _inn_like(word: str) -> bool:
    low = word.lower()
    return (len(low) >= 7 and low not in NOT_INN and "-" not in low
            and any(low.endswith(stem) for stem in INN_STEMS))


def _registry_id(code: str) -> bool:
    return any(pattern.fullmatch(code) for pattern in REGISTRY_IDS.values())


def _generic(phrase: str) -> str:
    """The generic name in "evaluating velonitinib" / "ortezumab relixotecan": the last word,
    with the word before it when that one is an INN too."""
    words = phrase.split()
    if len(words) == 2 and _inn_like(words[0]):
        return phrase
    return words[-1]


def _product_names(p: Passage) -> list[tuple[str, str | None]]:
    """(name, linked name) pairs of one passage: generic (code), code (generic), brand
    (generic), a code after "of"/"for", an INN-like word."""
    found: list[tuple[int, str, str | None]] = []
    for m in _GENERIC_CODE.finditer(p.text):
        generic, code = _generic(m.group("generic")), m.group("code")
        if _registry_id(code):
            continue
        if _inn_like(generic) or (generic[0].islower() and "-" in code
                                  and generic.lower() not in NOT_GENERIC):
            found.append((m.start(), generic, code))
    for m in _CODE_GENERIC.finditer(p.text):
        if not _registry_id(m.group("code")):
            found.append((m.start(), m.group("code"), _generic(m.group("generic"))))
    for m in _BRAND.finditer(p.text):
        found.append((m.start(), m.group("brand"), (m.group("generic") or "").strip() or None))
    for m in _CODE_AFTER.finditer(p.text):
        if not _registry_id(m.group("code")):
            found.append((m.start("code"), m.group("code"), None))
    for m in _WORD.finditer(p.text):
        if _inn_like(m.group()):
            found.append((m.start(), m.group(), None))
    found.sort(key=lambda f: f[0])
    return [(name, linked) for _, name, linked in found]


def guess_products(reading: Reading) -> list[str]:
    """The names (generic, code, brand) of the product the news is about: the group of linked
    names mentioned most, a mention in the title counting extra; at most four names."""
    trial_names = {n.lower() for n, _ in reading.trial_names}
    ids = {i for i, _ in reading.identifiers}
    passages = reading.front or reading.passages[:10]
    pairs = [pair for p in passages for pair in _product_names(p)]
    if not pairs:
        pairs = [pair for p in reading.passages for pair in _product_names(p)]
    groups: list[list[str]] = []

    def group_of(name: str) -> list[str] | None:
        return next((g for g in groups if name.lower() in (n.lower() for n in g)), None)

    for name, linked in pairs:
        if name.lower() in trial_names or name in ids:
            continue
        group = group_of(name) or (group_of(linked) if linked else None)
        if group is None:
            group = []
            groups.append(group)
        for n in (name, linked):
            if n and n.lower() not in (g.lower() for g in group):
                group.append(n)
    if not groups:
        return []
    news = " ".join(p.text for p in reading.passages).lower()
    title = " ".join(p.text for p in reading.passages if p.zone == "title").lower()

    def score(group: list[str]) -> float:
        mentions = sum(news.count(n.lower()) for n in group)
        return mentions + (5.0 if any(n.lower() in title for n in group) else 0.0)

    best = max(groups, key=score)  # max() keeps the first of equal scores
    return best[:_MAX_ITEMS]


def _cut_indication(rest: str) -> str | None:
    stop = POPULATION_STOP.search(rest)
    phrase = (rest[: stop.start()] if stop else rest[:120]).strip(" .,-–")
    phrase = normalize_space(phrase)
    if not phrase or len(phrase) > 120 or NOT_INDICATION_START.search(phrase):
        return None
    if not re.search(r"[A-Za-z]{3}", phrase):
        return None
    return phrase


def _indication(reading: Reading) -> str | None:
    """The disease: after "patients with" up front, else "in X" / "for X" in the title, else
    after "for the treatment of" up front, else the first population phrase of the news."""
    front = reading.front
    title = [p for p in front if p.zone == "title"]
    for passages, pattern in ((front, POPULATION_WITH), (title, TITLE_INDICATION),
                              (front, TREATMENT_OF), (reading.passages, POPULATION_WITH)):
        for p in passages:
            for m in pattern.finditer(p.text):
                phrase = _cut_indication(p.text[m.end():])
                if phrase:
                    return phrase
    return None


def _endpoint_name(reading: Reading) -> str | None:
    """The primary endpoint(s) as written: each distinct naming of the news, then of the study
    design, joined by "; " (co-primary endpoints are named one by one)."""
    names: list[str] = []
    for pattern in PRIMARY_NAME:  # the patterns go from the plainest naming to the loosest
        for p in [*reading.passages, *reading.design]:
            for m in pattern.finditer(p.text):
                name = _clean_name(m.group("name"))
                if name and not any(name.lower() in n.lower() or n.lower() in name.lower()
                                    for n in names):
                    names.append(name)
    return "; ".join(names[:2]) or None


def _clean_name(raw: str) -> str | None:
    name = normalize_space(raw)
    name = ENDPOINT_NAME_LEAD.sub("", name)
    cut = ENDPOINT_NAME_STOP.search(name)
    if cut:
        name = name[: cut.start()]
    name = name.strip(" ,:;-–").removeprefix("the ").removeprefix("The ")
    if len(name) < 3 or len(name) > 120 or RESULT_NUMBER.match(name):
        return None
    if NOT_ENDPOINT_NAME.match(name) or name.lower() in NOT_GENERIC:
        return None
    return name


# --------------------------------------------------------------------------------------------
# key results and safety


def _numbers(text: str) -> set[str]:
    return {normalize_space(m.group()).lower() for m in RESULT_NUMBER.finditer(text)}


def _efficacy_statement(text: str) -> bool:
    """Whether a passage states the efficacy result (the primary endpoint, a p-value, a hazard
    ratio): its safety words ("death" as an endpoint event) are not safety findings."""
    return bool(PRIMARY_WORD.search(text) or P_VALUE.search(text) or _HAZARD.search(text))


def _result_score(p: Passage) -> float | None:
    text = p.text
    figures = RESULT_NUMBER.findall(text)
    if not figures or not EFFICACY_TERMS.search(text) or p.kind == "quote":
        return None
    if LOGISTICS.search(text) or FUTURE_STRONG.search(text[:60]):
        return None
    strong = bool(P_VALUE.search(text) or _HAZARD.search(text))
    safety = len(SAFETY_TERMS.findall(text))
    if safety >= 2 and not strong and not PRIMARY_WORD.search(text):
        return None  # a safety sentence with figures
    score = 0.5 * min(len(figures), 4) + (2.0 if strong else 0.0) - 0.5 * min(safety, 2)
    score += 2.0 if PRIMARY_WORD.search(text) else 0.0
    score += {"title": 1.0, "lead": 0.5}.get(p.zone, 0.0)
    return score


def _value(text: str) -> str | None:
    """The headline figure of a result: a hazard ratio or p-value first, else the first one."""
    for m in RESULT_NUMBER.finditer(text):
        if re.match(r"(?:HR|hazard|rate|odds|risk|RR|OR|p)\b", m.group(), re.I):
            return normalize_space(m.group())
    first = RESULT_NUMBER.search(text)
    return normalize_space(first.group()) if first else None


def _top(scored: Iterable[tuple[float, Passage]], limit: int = _MAX_ITEMS) -> list[Passage]:
    ranked = sorted(scored, key=lambda t: (-t[0], t[1].start))
    return sorted((p for _, p in ranked[:limit]), key=lambda p: p.start)


def _key_results(reading: Reading) -> list[KeyResult]:
    scored: list[tuple[float, Passage]] = []
    for p in reading.passages:
        score = _result_score(p)
        if score is not None and score >= 0.5:
            scored.append((score, p))
    scored.sort(key=lambda t: (-t[0], t[1].start))
    chosen: list[tuple[float, Passage]] = []
    seen: set[str] = set()
    for score, p in scored:
        numbers = _numbers(p.text)
        if numbers and numbers <= seen:
            continue  # the same figures again (a headline repeated in the lead)
        seen |= numbers
        chosen.append((score, p))
    return [KeyResult(statement=_clip(p.text), value=_value(p.text), evidence=_evidence(p))
            for p in _top(chosen)]


def _safety(reading: Reading) -> list[SafetyFinding]:
    # a paragraph that states a safety verdict or a grave event is the safety paragraph: its
    # other sentences (the events it lists) belong to the findings too
    verdicts = {p.paragraph for p in reading.passages
                if p.kind != "quote" and SAFETY_SIGNAL.search(p.text)}
    scored: list[tuple[float, Passage]] = []
    for p in reading.passages:
        terms = SAFETY_TERMS.findall(p.text)
        if not terms or p.kind == "quote" or LOGISTICS.search(p.text) or SAFETY_AIM.search(p.text):
            continue
        if _efficacy_statement(p.text):
            continue  # "reducing the risk of progression or death by 38%": an efficacy result
        if HEDGE_BEFORE.search(p.text[: p.text.lower().find(terms[0].lower()) + 1]):
            continue
        signal = SAFETY_SIGNAL.search(p.text)
        score = (2.0 if signal else 0.0) + 0.5 * min(len(set(terms)), 3)
        score += 0.5 * min(len(RESULT_NUMBER.findall(p.text)), 2)
        score += {"title": 0.5, "lead": 0.25}.get(p.zone, 0.0)
        score += 1.0 if p.paragraph in verdicts else 0.0
        if score >= 1.5:
            scored.append((score, p))
    return [SafetyFinding(finding=_clip(p.text), evidence=_evidence(p)) for p in _top(scored)]


# --------------------------------------------------------------------------------------------
# next steps


def _next_steps(reading: Reading, published: dt.date | None) -> list[NextStep]:
    scored: list[tuple[float, Passage]] = []
    timings: dict[int, tuple[str | None, dt.date | None]] = {}
    seen: dict[tuple[str, str], tuple[float, Passage, tuple[int, int]]] = {}
    for p in reading.passages:
        text = p.text
        future = FUTURE_CUE.search(text)
        if future is None or len(text.split()) < 5 or LOGISTICS.search(text):
            continue
        if CONDITIONAL.search(text[: future.start()]):
            continue
        timing, due = timing_phrases(text, published)
        if p.kind == "quote" and not timing and not PERSONAL_PLAN.search(text):
            continue  # a quote's "will" is mostly colour, not a plan
        terms = FUTURE_TERMS.findall(text)
        score = (1.0 if FUTURE_STRONG.search(text) else 0.5) + (2.0 if timing else 0.0)
        score += (0.5 if due else 0.0) + (1.0 if terms else 0.0)
        score += {"title": 0.5, "lead": 0.25}.get(p.zone, 0.0) - (0.5 if p.kind == "quote" else 0)
        timings[p.start] = (timing, due)
        key = ((timing or "").lower(), terms[0].lower() if terms else "")
        rich = (len({t.lower() for t in terms}), len(text))
        if timing and key in seen:  # the same plan again (a subheading repeated in the body)
            other = seen[key]
            if rich <= other[2]:
                continue
            scored.remove(other[:2])
        seen[key] = (score, p, rich)
        scored.append((score, p))
    steps: list[NextStep] = []
    for p in _top(scored):
        timing, due = timings[p.start]
        steps.append(NextStep(action=_clip(p.text), timing=timing, due_date=due,
                              evidence=_evidence(p)))
    return steps


# --------------------------------------------------------------------------------------------
# sentiment


def _tone(passages: Iterable[Passage]) -> Tone:
    """The task's tone of some passages; a tone word after a negation ("no major safety
    concerns") or a hedge ("will be able to obtain approval") in its sentence is left out."""
    hits: list[tuple[int, int, str, float]] = []
    for p in passages:
        low = p.text.lower()
        for h in weigh(p.text, TRIAL_TONE).hits:
            before = low[max(0, h[0] - 90):h[0]]
            if not NEGATION_BEFORE.search(before) and not HEDGE_BEFORE.search(before):
                hits.append((p.start + h[0], p.start + h[1], h[2], h[3]))
    pos = sum(h[3] for h in hits if h[3] > 0)
    neg = -sum(h[3] for h in hits if h[3] < 0)
    return Tone(round((pos - neg) / (pos + neg + 1.0), 4), pos, neg, tuple(hits))


def _sentiment(reading: Reading, outcome: str) -> Sentiment:
    pool = reading.front
    t = _tone(pool)
    if outcome == "met":
        label, score = "positive", 0.5 + 0.4 * max(0.0, t.score)
    elif outcome == "mixed":
        label, score = "mixed", 0.1 * t.score
    elif outcome == "not_met":
        # a miss with an encouraging signal the company stresses (a subgroup, a trend) is mixed
        hopeful = t.positive >= 0.8 * t.negative and t.positive >= 1.5
        label, score = ("mixed", 0.0) if hopeful else ("negative", -0.5 + 0.4 * min(0.0, t.score))
    elif outcome == "not_reported":  # early or follow-up data, as the company presents them
        label = "positive" if t.score >= 0.1 else ("negative" if t.score < -0.15 else "neutral")
        score = t.score
    else:
        balanced = t.positive >= 1.5 and t.negative >= 1.5 and (
            min(t.positive, t.negative) >= 0.4 * max(t.positive, t.negative))
        if balanced:
            label = "mixed"
        elif t.score > 0.15 and t.positive >= 1.0:
            label = "positive"
        elif t.score < -0.15 and t.negative >= 1.0:
            label = "negative"
        else:
            label = "neutral"
        score = t.score
    sign = {"positive": 1.0, "negative": -1.0}.get(label, 0.0)
    ranked = sorted(pool, key=lambda p: -(sign * _tone([p]).score if sign
                                         else abs(_tone([p]).score)))
    best = ranked[0] if ranked else None
    words = sorted({h[2] for h in t.hits if abs(h[3]) >= 0.5})[:6]
    what = {"met": "primary endpoint met", "not_met": "primary endpoint not met",
            "mixed": "mixed primary endpoint results", "not_reported": "results without a primary "
            "endpoint verdict"}.get(outcome, "not a trial readout")
    return Sentiment(
        label=label,
        score=round(max(-1.0, min(1.0, score)), 3),
        rationale=f"{what.capitalize()}; tone cues: {', '.join(words) or 'none'}.",
        evidence=_evidence(best) if best is not None else None,
    )

