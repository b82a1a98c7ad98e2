"""How the trial-readout task reads a release: zoned passages, the kind of news, endpoint cues.

The reading is shared: the deterministic reader builds its answer from it, the rules check a
model's answer against it, and the settle steps arbitrate with it. It depends on the document
alone, so it is built once per document (kept in ``Document.memo``). Every passage is an exact
span of ``Document.text``; cue offsets index that text too.

Zones follow how releases are written: the ``title`` zone is everything before the dateline
(headline and subheadings), the ``lead`` the first paragraphs after it, the ``body`` the rest of
the news; boilerplate (about, forward-looking statements, contacts, end matter) is not news, but
"About <the study>" sections are kept apart as ``design`` passages (trial ids, endpoint names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from summarizer.document import Document
from summarizer.injection import find_injections
from summarizer.sections import BOILERPLATE_KINDS, Section, is_company_profile
from summarizer.sentences import split_sentences
from summarizer.tasks.trial_readout.vocabulary import (
    BACKGROUND_BEFORE,
    CO_PRIMARY,
    DESIGN_ONLY,
    EFFICACY_TERMS,
    ENDPOINT_CUES,
    ENDPOINT_KIND_WORD,
    HEDGE_AFTER,
    HEDGE_BEFORE,
    KIND_HEDGE_BEFORE,
    MILESTONE_PHASE_BEFORE,
    NEGATION_BEFORE,
    NEWS_CUES,
    NOMINAL,
    OTHER_STUDY_BEFORE,
    P_VALUE,
    PHASE_MENTION,
    PIVOTAL,
    PRIMARY_WORD,
    PRODUCT_CODE_AFTER,
    PRODUCT_CODE_BEFORE,
    REGISTRY_IDS,
    RESULT_NUMBER,
    SECONDARY,
    SPLIT_CONTEXT,
    SUBSTUDY_PHASE,
    TRIAL_NAME,
    TRIAL_NAME_AFTER,
    TRIAL_NAME_BEFORE,
    EndpointDirection,
    NewsKind,
    phase_code,
)

__all__ = [
    "KindCue",
    "OutcomeCue",
    "Passage",
    "PhaseMention",
    "Reading",
    "conflicts",
    "read_release",
    "resolve_outcome",
    "scan_outcome_cues",
]

Zone = Literal["title", "lead", "body", "design"]

#: characters of news read (releases are far shorter; bounds the work on huge inputs)
_READ_LIMIT = 60_000
#: how far after the dateline the lead reaches
_LEAD_CHARS = 1500
#: what naming a kind of news first in the headline adds to its score
_LEAD_KIND_BONUS = 1.5
#: zone weights of an endpoint cue (the front states the news; the body details it)
_ZONE_WEIGHT = {"title": 1.5, "lead": 1.25, "body": 1.0, "design": 0.5}
_BULLET_BREAK = re.compile(r"\n[ \t]*(?=[•·▪‣◦\uf0b7*\-–—][ \t])")
_LETTERS = re.compile(r"[A-Za-z]{2}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_PRODUCT_AROUND = re.compile(r"[a-z]{4,}\s*\($")


@dataclass(frozen=True)
class Passage:
    """A sentence (or bullet line) of the release: ``text`` is ``document.text[start:end]``."""

    start: int
    end: int
    text: str
    zone: Zone
    kind: str
    title: str | None
    index: int
    #: passages of one paragraph (no blank line between them) share this number
    paragraph: int = -1


@dataclass(frozen=True)
class OutcomeCue:
    """A phrase saying how the primary endpoint came out, with what weakens it."""

    direction: EndpointDirection
    strong: bool
    start: int
    end: int
    passage: Passage
    hedged: bool = False
    background: bool = False
    secondary: bool = False

    @property
    def phrase(self) -> str:
        return self.passage.text[self.start - self.passage.start:self.end - self.passage.start]

    @property
    def live(self) -> bool:
        """Whether the cue states an outcome (not hedged, not about a secondary endpoint)."""
        return not self.hedged and not self.secondary

    @property
    def weight(self) -> float:
        w = (2.0 if self.strong else 1.0) * _ZONE_WEIGHT[self.passage.zone]
        return w * (0.5 if self.background else 1.0)


@dataclass(frozen=True)
class KindCue:
    """A phrase of the title or lead saying what kind of news the release is."""

    kind: NewsKind
    start: int
    end: int
    passage: Passage
    weight: float

    @property
    def phrase(self) -> str:
        return self.passage.text[self.start - self.passage.start:self.end - self.passage.start]


@dataclass(frozen=True)
class PhaseMention:
    """A written trial phase and its code."""

    code: str
    start: int
    end: int
    passage: Passage
    substudy: bool


@dataclass
class Reading:
    """The parts of one release the trial-readout task reads, built once per document."""

    document: Document
    passages: list[Passage]
    design: list[Passage]
    headline: Passage | None
    injections: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def front(self) -> list[Passage]:
        """The title zone and the lead: where a release states its news."""
        return [p for p in self.passages if p.zone in ("title", "lead")]

    # -- the kind of news ---------------------------------------------------------------------

    @cached_property
    def kind_cues(self) -> list[KindCue]:
        """Unhedged, current cues of the kind of news in the title and the lead's first lines."""
        lead = [p for p in self.passages if p.zone == "lead"][:2]
        cues: list[KindCue] = []
        for p in [p for p in self.passages if p.zone == "title"] + lead:
            factor = 3.0 if p is self.headline else (1.5 if p.zone == "title" else 1.0)
            for cue in NEWS_CUES:
                for m in cue.pattern.finditer(p.text):
                    before, after = p.text[:m.start()], p.text[m.end():]
                    if (HEDGE_BEFORE.search(before[-90:]) or KIND_HEDGE_BEFORE.search(before[-60:])
                            or HEDGE_AFTER.search(after) or BACKGROUND_BEFORE.search(before[-90:])):
                        continue
                    cues.append(KindCue(cue.kind, p.start + m.start(), p.start + m.end(), p,
                                        cue.weight * factor))
        return cues

    @cached_property
    def kind_scores(self) -> dict[str, float]:
        """Per kind, the summed weight of its cues (the best cue of each passage counts); the
        kind the headline names first gets ``_LEAD_KIND_BONUS`` (its main verb or noun)."""
        best: dict[tuple[str, int], float] = {}
        for c in self.kind_cues:
            key = (c.kind, c.passage.index)
            best[key] = max(best.get(key, 0.0), c.weight)
        scores: dict[str, float] = {}
        for (kind, _), weight in best.items():
            scores[kind] = scores.get(kind, 0.0) + weight
        named = [c for c in self.kind_cues if c.passage is self.headline]
        if named:
            first = min(named, key=lambda c: c.start).kind
            scores[first] += _LEAD_KIND_BONUS
        return scores

    @cached_property
    def kind(self) -> str:
        """``readout`` or the kind of news that outweighs it (``none`` when nothing is read)."""
        scores = self.kind_scores
        if not scores:
            return "readout" if self._results_without_a_kind_cue() else "none"
        top = max(scores.values())
        leaders = [k for k, v in scores.items() if v == top]
        if len(leaders) > 1:  # a tie: the kind named first in the headline leads
            first = min((c for c in self.kind_cues if c.kind in leaders), key=lambda c: c.start)
            return first.kind
        return leaders[0]

    @property
    def is_readout(self) -> bool:
        return self.kind == "readout"

    def _results_without_a_kind_cue(self) -> bool:
        """A front that names no kind of news still reports results when the release states a
        primary endpoint's outcome, or its front names a phase and gives efficacy figures."""
        if any(c.strong and c.live and not c.background for c in self.outcome_cues):
            return True
        phased = any(m.passage.zone in ("title", "lead") for m in self.phases)
        figures = sum(1 for p in self.front
                      if RESULT_NUMBER.search(p.text) and EFFICACY_TERMS.search(p.text))
        return phased and figures >= 2

    def headline_cue(self, kinds: Iterable[str]) -> KindCue | None:
        """The first cue of one of ``kinds`` in the main headline line."""
        wanted = set(kinds)
        for c in self.kind_cues:
            if c.passage is self.headline and c.kind in wanted:
                return c
        return None

    # -- the primary endpoint -----------------------------------------------------------------

    @cached_property
    def co_primary(self) -> bool:
        """Whether the release names co-primary (dual) endpoints."""
        return any(CO_PRIMARY.search(p.text) for p in [*self.passages, *self.design])

    @cached_property
    def outcome_cues(self) -> list[OutcomeCue]:
        """Every endpoint-outcome cue of the news, in text order."""
        return [c for p in self.passages for c in scan_outcome_cues(p)]

    @cached_property
    def outcome(self) -> tuple[str, OutcomeCue | None]:
        """The endpoint outcome the release states and the cue stating it (``none`` when the
        release is not a readout, ``not_reported`` when it states none)."""
        if not self.is_readout:
            return "none", None
        return resolve_outcome(self.outcome_cues, co_primary=self.co_primary)

    def cues_between(self, start: int, end: int) -> list[OutcomeCue]:
        """The outcome cues of the passages overlapping ``[start, end)`` that lie inside it."""
        found: list[OutcomeCue] = []
        for p in self._covering(start, end):
            found += [c for c in scan_outcome_cues(p) if start <= c.start and c.end <= end]
        return found

    def _covering(self, start: int, end: int) -> list[Passage]:
        hits = [p for p in [*self.passages, *self.design] if p.start < end and start < p.end]
        if hits:
            return hits
        # a span outside the read passages (e.g. boilerplate): read it as one body passage
        text = self.text[start:end]
        return [Passage(start, end, text, "body", "body", None, -1)] if text.strip() else []

    # -- phase and trial ----------------------------------------------------------------------

    @cached_property
    def phases(self) -> list[PhaseMention]:
        """Phase mentions of the news then the design sections, in reading order."""
        found: list[PhaseMention] = []
        for p in [*self.passages, *self.design]:
            for m in PHASE_MENTION.finditer(p.text):
                if MILESTONE_PHASE_BEFORE.search(p.text, 0, m.start()):
                    continue  # "End-of-Phase 2 meeting": a milestone, not this trial
                code = phase_code(m.group("a"), m.group("b"))
                if code is None:
                    continue
                sub = bool(SUBSTUDY_PHASE.search(p.text[m.end():]))
                found.append(PhaseMention(code, p.start + m.start(), p.start + m.end(), p, sub))
        return found

    @cached_property
    def phase(self) -> tuple[str | None, Passage | None]:
        """The readout trial's phase: the first study-level mention of the title, the lead,
        the body, the design text in that order; "3" for a pivotal study with no phase."""
        for zone in ("title", "lead", "body", "design"):
            mentions = [m for m in self.phases if m.passage.zone == zone]
            whole = [m for m in mentions if not m.substudy]
            if whole or mentions:
                m = (whole or mentions)[0]
                return m.code, m.passage
        for p in self.front:
            if PIVOTAL.search(p.text):
                return "3", p
        return None, None

    @cached_property
    def identifiers(self) -> list[tuple[str, Passage]]:
        """Registry ids of the readout trial: those of the front, else the first of the body or
        design text that does not name another study ("also conducting a study (NCT...)")."""
        found: list[tuple[str, Passage]] = []
        for p in [*self.passages, *self.design]:
            for pattern in REGISTRY_IDS.values():
                for m in pattern.finditer(p.text):
                    if OTHER_STUDY_BEFORE.search(p.text[:m.start()]):
                        continue
                    if m.group() not in (f for f, _ in found):
                        found.append((m.group(), p))
        front = [(i, p) for i, p in found if p.zone in ("title", "lead")]
        return front[:3] if front else found[:1]

    @cached_property
    def trial_names(self) -> list[tuple[str, Passage]]:
        """Study acronyms the front names as a trial ("Phase 3 VANTAGE-301 trial", "X (NCT...)"),
        leaving out product codes ("velonitinib (HLV-301)", "study of QTB-210")."""
        news = "\n".join(p.text for p in self.passages)
        names: list[tuple[str, Passage]] = []
        for p in self.front:
            for m in TRIAL_NAME.finditer(p.text):
                name = m.group("name")
                if any(n == name for n, _ in names) or _is_product_code(name, news):
                    continue
                after, before = p.text[m.end():], p.text[:m.start()]
                if TRIAL_NAME_AFTER.search(after) or TRIAL_NAME_BEFORE.search(before[-40:]):
                    names.append((name, p))
        hyphenated = [(n, p) for n, p in names if "-" in n]
        return hyphenated or names


def _is_product_code(name: str, news: str) -> bool:
    """Whether ``name`` is written as a product anywhere in the news: after a generic name in
    brackets, after "trial of" / "dosing of", or before ", an investigational ..." """
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", news):
        before, after = news[max(0, m.start() - 40):m.start()], news[m.end():m.end() + 30]
        if _PRODUCT_AROUND.search(before) or PRODUCT_CODE_BEFORE.search(before):
            return True
        if PRODUCT_CODE_AFTER.search(after):
            return True
    return False


# --------------------------------------------------------------------------------------------
# endpoint outcome cues


def scan_outcome_cues(passage: Passage) -> list[OutcomeCue]:
    """The endpoint-outcome cues of one passage: phrases of ``ENDPOINT_CUES`` (stronger and
    longer ones win overlaps) and, in a passage about the primary endpoint, its p-values."""
    text = passage.text
    hits: list[tuple[int, int, int, EndpointDirection, bool]] = []  # rank, start, end, dir, strong
    for rank, cue in enumerate(ENDPOINT_CUES):
        for m in cue.pattern.finditer(text):
            hits.append((rank if cue.strong else 100 + rank, m.start(), m.end(), cue.direction,
                         cue.strong))
    primary = PRIMARY_WORD.search(text)
    if primary is not None and not DESIGN_ONLY.search(text):
        for m in P_VALUE.finditer(text):
            value = float(m.group("value"))
            op = m.group("op")
            met = value <= 0.05 if op in ("<", "≤", "&lt;") else value < 0.05 and op == "="
            hits.append((200, m.start(), m.end(), "met" if met else "not_met", False))
    hits.sort(key=lambda h: (h[0], -(h[2] - h[1])))
    taken: list[tuple[int, int]] = []
    cues: list[OutcomeCue] = []
    for _, start, end, direction, strong in hits:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        before = text[:start]
        if direction == "met" and NEGATION_BEFORE.search(before[-40:]):
            direction = "not_met"  # "we did not see a statistically significant effect"
        cues.append(OutcomeCue(
            direction, strong, passage.start + start, passage.start + end, passage,
            hedged=bool(HEDGE_BEFORE.search(before[-90:])) or bool(DESIGN_ONLY.search(before)),
            background=bool(BACKGROUND_BEFORE.search(before[-100:])),
            secondary=not strong and _about_secondary(text, start),
        ))
    cues.sort(key=lambda c: c.start)
    return cues




def _about_secondary(text: str, at: int) -> bool:
    """Whether a weak cue at ``at`` speaks of a secondary/exploratory endpoint or a subgroup:
    the nearest endpoint word before it says so, or, with none before it, one after it does."""
    before = list(ENDPOINT_KIND_WORD.finditer(text, 0, at))
    if before:
        word = before[-1].group().lower()
        return not word.endswith("primary") and word != "co-primary"
    if NOMINAL.search(text):
        return True
    after = ENDPOINT_KIND_WORD.search(text, at)
    return after is not None and bool(SECONDARY.match(after.group()))


def _relevant(cue: OutcomeCue, co_primary: bool) -> bool:
    """A weak cue speaks of the primary endpoint when it is up front, names it, or the release
    has co-primary endpoints (each of which gets its own sentence)."""
    return (cue.strong or cue.passage.zone in ("title", "lead") or co_primary
            or bool(PRIMARY_WORD.search(cue.passage.text)))


def resolve_outcome(
    cues: Sequence[OutcomeCue], *, co_primary: bool = False
) -> tuple[str, OutcomeCue | None]:
    """The outcome a set of cues states, and its best cue.

    Hedged and secondary cues do not count; a recap of an earlier result counts only when
    nothing current is said. Met and not-met cues together are ``mixed`` when the release has
    co-primary endpoints, the missed one names a dose or population, or both are stated in so
    many words; otherwise the heavier side wins.
    No cue: ``not_reported``.
    """
    live = [c for c in cues if c.live and _relevant(c, co_primary)]
    current = [c for c in live if not c.background]
    live = current or live
    if not live:
        return "not_reported", None
    mixed = [c for c in live if c.direction == "mixed"]
    if mixed:
        return "mixed", mixed[0]
    met = [c for c in live if c.direction == "met"]
    missed = [c for c in live if c.direction == "not_met"]
    if met and missed:
        split = any(SPLIT_CONTEXT.search(c.passage.text) for c in missed)
        if co_primary or split or (any(c.strong for c in met) and any(c.strong for c in missed)):
            return "mixed", _best(missed)
        met_w, missed_w = sum(c.weight for c in met), sum(c.weight for c in missed)
        if met_w == missed_w:
            side = met if met[0].start < missed[0].start else missed
        else:
            side = met if met_w > missed_w else missed
        return side[0].direction, _best(side)
    side = met or missed
    return side[0].direction, _best(side)


def _best(cues: Sequence[OutcomeCue]) -> OutcomeCue:
    """The cue to quote: a strong one first, then the heaviest, then the earliest."""
    return min(cues, key=lambda c: (not c.strong, -c.weight, c.start))


#: (answer, reading) pairs that contradict each other outright
_CONFLICTS = frozenset({
    ("met", "not_met"), ("not_met", "met"), ("met", "mixed"), ("not_met", "mixed"),
    ("not_reported", "met"), ("not_reported", "not_met"), ("not_reported", "mixed"),
})


def conflicts(answer: str, read: str) -> bool:
    """Whether an answered endpoint outcome contradicts one read from the release."""
    return (answer, read) in _CONFLICTS


# --------------------------------------------------------------------------------------------
# building the reading


def read_release(document: Document) -> Reading:
    """The reading of ``document``, computed once (kept in ``document.memo``)."""
    reading = document.memo.get("trial_readout.reading")
    if not isinstance(reading, Reading):
        reading = document.memo["trial_readout.reading"] = _read(document)
    return reading


def _title_end(document: Document) -> int:
    """Where the title zone ends: after the dateline, else after the headline section."""
    for s in document.sections:
        if s.kind == "dateline" and s.start < 4000:
            return s.end
    for s in document.sections:
        if s.kind == "headline":
            return s.end
    return 0


def _split_bullets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence at its bullet lines ("• ...", "- ..."), each an exact, trimmed span."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BULLET_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _is_title_line(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    if len(stripped) < 12 or len(words) < 4 or stripped.startswith(("-", "•", "*")):
        return False
    return bool(re.search(r"[a-z]", stripped)) or len(words) >= 5


def _read(document: Document) -> Reading:
    text = document.text
    injected = tuple((i.start, i.end) for i in find_injections(text))
    title_end = _title_end(document)
    lead_end = title_end + _LEAD_CHARS
    sections = document.sections or (Section("body", 0, len(text)),)
    passages: list[Passage] = []
    design: list[Passage] = []
    budget = _READ_LIMIT
    headline: Passage | None = None
    paragraph, last_end = 0, 0
    for s in sections:
        if budget <= 0:
            break
        if s.kind in BOILERPLATE_KINDS and (s.kind != "about" or is_company_profile(text, s)):
            continue
        end = min(s.end, s.start + budget)
        budget -= end - s.start
        for sent in split_sentences(text, s.start, end):
            for a, b in _split_bullets(text, sent.start, sent.end):
                chunk = text[a:b]
                if not _LETTERS.search(chunk) or any(a < y and x < b for x, y in injected):
                    continue
                if s.kind == "about":
                    design.append(Passage(a, b, chunk, "design", s.kind, s.title, -1))
                    continue
                zone: Zone = "title" if a < title_end else ("lead" if a < lead_end else "body")
                if _PARAGRAPH_BREAK.search(text, last_end, a) or last_end <= s.start:
                    paragraph += 1
                last_end = b
                p = Passage(a, b, chunk, zone, s.kind, s.title, len(passages), paragraph)
                passages.append(p)
                if headline is None and zone == "title" and _is_title_line(chunk.split("\n")[0]):
                    headline = p
    if headline is None and passages:
        headline = passages[0]
    return Reading(document, passages, design, headline, injected)
