"""The rule catalogue: small named checks of a summary against its source release.

Each rule says what is wrong AND what the release says (quoting the cue), so its message can go
straight back to a model in a re-ask. Errors are contradictions with the source; warnings are
likely problems; info findings report derived facts (e.g. a resolved relative date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.document import Document
from summarizer.grounding import SourceIndex, ground_pending
from summarizer.intake import load
from summarizer.rulebook import (
    Rule,
    apply_rules,
    due_dates,
    evidence_grounded,
    evidence_in_injection,
    finding,
    item_evidence,
    reask_messages,
    relative_timing,
    snip,
)
from summarizer.sections import BOILERPLATE_KINDS
from summarizer.sentences import normalize_space, split_sentences
from summarizer.tasks.regulatory._decision import CueVerdict, read_agency, read_quote
from summarizer.tasks.regulatory._fields import guess_products
from summarizer.tasks.regulatory._reading import ViewSentence, WeightedCue, ZonedRelease
from summarizer.tasks.regulatory.arbitration import credited, front_contradicts, judge
from summarizer.tasks.regulatory.lexicon import (
    AGENCY_NAMES,
    Tone,
    tone,
)
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.types import Finding, Severity

__all__ = ["RULES", "Rule", "RuleContext", "reask_messages", "run_rules"]

#: decisions whose direction is fixed (the rules only enforce the unambiguous ones)
_FAVORABLE = VOCABULARY.with_direction("favorable")
_UNFAVORABLE = VOCABULARY.with_direction("unfavorable")


_WORD = re.compile(r"[^\W_]+")
#: what joins the parts of a combination product's name
_COMBINATION = re.compile(r"\s*(?:[-‐‑–—/+&,]|\band\b|\bplus\b|\bwith\b)\s*", re.I)


@dataclass
class RuleContext:
    """What a rule sees: the summary, the document, the release date, and the reader's reading
    of the release (``fallback``; its ``view`` and ``reading`` are the cue reader's)."""

    summary: RegulatorySummary
    document: Document
    published: dt.date | None = None
    _index: SourceIndex | None = field(default=None, repr=False)

    @cached_property
    def index(self) -> SourceIndex:
        return self._index if self._index is not None else self.document.index

    @cached_property
    def fallback(self) -> Reader:
        """The reader's reading of the release (what arbitration judges with)."""
        return Reader(self.document, published=self.published, index=self.index)

    @property
    def view(self) -> ZonedRelease:
        """The release's zoned sentences and weighted cues."""
        return self.fallback.view

    @property
    def reading(self) -> CueVerdict:
        """The decision the release's cues add up to."""
        return self.fallback.reading

    @cached_property
    def words(self) -> str:
        """The release as a run of lower-case word tokens (punctuation, marks, line breaks and
        hyphens dropped), space-padded: where a name written another way is looked up."""
        return f" {' '.join(_WORD.findall(self.document.text.lower()))} "

    def names(self, name: str) -> bool:
        """Whether the release writes ``name``: as is (up to case, marks and spacing), word for
        word ("CK-301" for "CK-\n301"), or part by part for a combination written another way
        ("ceftazidime-avibactam" for "ceftazidime and avibactam")."""
        if self.index.contains(name):
            return True
        words = " ".join(_WORD.findall(name.lower()))
        if words and f" {words} " in self.words:
            return True
        parts = [" ".join(_WORD.findall(p.lower())) for p in _COMBINATION.split(name)]
        parts = [p for p in parts if len(p) >= 3]
        return len(parts) > 1 and all(f" {p} " in self.words for p in parts)

    @cached_property
    def tone(self) -> Tone:
        """Tone of the release's news part (headline, lead and the first body paragraphs)."""
        view = self.view
        parts = [view.headline.text] if view.headline else []
        parts += [s.text for s in view.sentences if s.start < view.lead_start + 4000]
        return tone(" \n".join(parts))


def _around(sentence: ViewSentence, start: int, end: int, width: int = 170) -> str:
    """A snippet of ``sentence`` centred on ``[start, end)`` (source offsets), with ellipses."""
    text = sentence.text
    lo, hi = start - sentence.start, end - sentence.start
    pad = max(0, (width - (hi - lo)) // 2)
    a, b = max(0, lo - pad), min(len(text), hi + pad)
    return ("..." if a > 0 else "") + normalize_space(text[a:b]) + ("..." if b < len(text) else "")


def _cue_phrase(cue: WeightedCue) -> str:
    return normalize_space(cue.hit.text)


# --------------------------------------------------------------------------------------------
# evidence


def _view_passages(ctx: RuleContext) -> list[str]:
    """The headline and sentences of the release's news, as the cue reader reads it."""
    view = ctx.view
    return ([view.headline.text] if view.headline else []) + [s.text for s in view.sentences]


def _outcome_evidence(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    if s.outcome is None or (s.outcome.evidence is not None and s.outcome.evidence.quote.strip()):
        return
    if not s.is_regulatory_event and s.outcome.decision == "none":
        return  # a non-event's outcome only names the product: there is no decision to quote
    best = ctx.reading.best if ctx.reading.is_event else None
    hint = f' e.g. "{snip(best.sentence.text)}"' if best is not None else ""
    severity: Severity = "error" if s.is_regulatory_event else "warning"
    yield finding("outcome_evidence", severity, "outcome.evidence",
                   f"outcome.evidence is missing; quote the sentence of the release that states "
                   f"the decision,{hint}")


def _boilerplate_evidence(ctx: RuleContext) -> Iterable[Finding]:
    doc = ctx.document
    for path, ev in ctx.summary.evidence_items():
        if ev.start is None or ev.end is None or not doc.in_boilerplate(ev.start, ev.end):
            continue
        section = doc.section_at(ev.start)
        kind = section.kind if section and section.kind in BOILERPLATE_KINDS else "boilerplate"
        label = kind.replace("_", "-")
        if path.startswith(("rationale", "next_steps")):
            what = "reasons" if path.startswith("rationale") else "next steps"
            yield finding("boilerplate_evidence", "error", path,
                           f'{path} quotes the {label} section ("{snip(ev.quote, 100)}"); take '
                           f"{what} from the body of the release, not from about/forward-looking/"
                           "contact text", ev.start, ev.end)
        elif path == "outcome.evidence":
            yield finding("boilerplate_evidence", "warning", path,
                           f"{path} quotes the {label} section; quote the body sentence that "
                           "reports the decision", ev.start, ev.end)


# --------------------------------------------------------------------------------------------
# event and decision


def _event_outcome(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    if s.is_regulatory_event and s.outcome is None:
        best = ctx.reading.best if ctx.reading.is_event else None
        hint = (
            f' (the release says "{_around(best.sentence, best.hit.start, best.hit.end)}")'
            if best else ""
        )
        yield finding("event_outcome", "error", "outcome",
                       "is_regulatory_event is true but outcome is null; fill in the outcome"
                       f"{hint}, or set is_regulatory_event to false")
    elif not s.is_regulatory_event and s.outcome is not None and (
        s.outcome.decision != "none" or s.outcome.agency != "NONE"
    ):  # an outcome with decision "none" may still name the product the news is about
        yield finding("event_outcome", "error", "outcome",
                       "is_regulatory_event is false but the outcome reports a regulator's "
                       "decision; set outcome to null or is_regulatory_event to true")
    if s.outcome is not None and s.is_regulatory_event:
        if s.outcome.decision == "none":
            yield finding("event_outcome", "error", "outcome.decision",
                           "outcome.decision is 'none' for a regulatory event; pick the decision "
                           "code the release reports")
        if s.outcome.agency == "NONE":
            yield finding("event_outcome", "error", "outcome.agency",
                           "outcome.agency is 'NONE' for a regulatory event; give the regulator "
                           "that acted")


def _decision_cue_conflict(ctx: RuleContext) -> Iterable[Finding]:
    """The decision against the sentence the answer cites (``arbitration.judge``): an error
    when that sentence fails the check or states another decision, a warning when only the
    cue reader's own reading of the release differs."""
    s, reading = ctx.summary, ctx.reading
    verdict = judge(s, ctx.fallback)
    predicted, read, best = verdict.predicted, reading.decision, reading.best
    if verdict.keep:
        if read in (predicted, VOCABULARY.no_decision) or best is None or (
            VOCABULARY.compatible(predicted, read) and not VOCABULARY.refinement(predicted, read)
        ):
            return
        # an error (a re-ask) only when the front page states the other decision and nothing
        # readable states the model's: the model may still know better, so it is asked
        yield finding("decision_cue_conflict",
                       "error" if front_contradicts(s, ctx.fallback, unambiguous=False)
                       else "warning",
                       "outcome.decision",
                       f"outcome.decision is '{predicted}' but the release says "
                       f"'{_cue_phrase(best)}' "
                       f"(\"{_around(best.sentence, best.hit.start, best.hit.end)}\"); "
                       f"check whether '{read}' is the news", best.hit.start, best.hit.end)
        return
    cue = verdict.cue if verdict.cue is not None else (
        best if verdict.decision == read and verdict.decision != VOCABULARY.no_decision else None)
    evidence = s.outcome.evidence if s.outcome is not None else None
    grounded = evidence is not None and evidence.match != "none"
    severity: Severity = "error" if (
        verdict.cue is not None or grounded or reading.unambiguous) else "warning"
    where = f" (\"{_around(cue.sentence, cue.hit.start, cue.hit.end)}\")" if cue else ""
    start, end = (cue.hit.start, cue.hit.end) if cue else (None, None)
    if predicted == VOCABULARY.no_decision and cue is not None:
        message = (f"is_regulatory_event/outcome say there is no regulatory decision, but the "
                   f"release says '{_cue_phrase(cue)}'{where}; the decision is "
                   f"'{verdict.decision}'")
    elif verdict.decision == VOCABULARY.no_decision:
        message = (f"outcome.decision is '{predicted}' but {verdict.reason}; quote the sentence "
                   "that reports the release's own regulatory news, or set is_regulatory_event "
                   "to false if it reports none")
    elif verdict.cue is not None:
        message = (f"outcome.decision is '{predicted}' but the release says "
                   f"'{_cue_phrase(verdict.cue)}'{where}; use '{verdict.decision}'")
    else:
        said = f"'{_cue_phrase(cue)}'{where}" if cue else f"'{verdict.decision}'"
        message = (f"outcome.decision is '{predicted}' but {verdict.reason}; the release says "
                   f"{said}: use '{verdict.decision}'")
    yield finding("decision_cue_conflict", severity, "outcome.decision", message, start, end)


def _direction_decision(ctx: RuleContext) -> Iterable[Finding]:
    o = ctx.summary.outcome
    if o is None:
        return
    if o.decision in _FAVORABLE and o.direction != "favorable":
        yield finding("direction_decision", "error", "outcome.direction",
                       f"outcome.direction is '{o.direction}' but decision '{o.decision}' is "
                       "favorable for the company; use 'favorable'")
    elif o.decision in _UNFAVORABLE and o.direction != "unfavorable":
        yield finding("direction_decision", "error", "outcome.direction",
                       f"outcome.direction is '{o.direction}' but decision '{o.decision}' is "
                       "unfavorable for the company; use 'unfavorable'")


def _sentiment_direction(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    o = s.outcome
    if o is None:
        return
    t = ctx.tone
    words = sorted({h[2] for h in t.hits if (h[3] > 0) == (o.direction == "favorable")})[:5]
    if o.direction == "unfavorable" and s.sentiment.label == "positive":
        if t.positive >= 2.0 and t.positive >= 2.0 * t.negative:
            return
        yield finding("sentiment_direction", "warning", "sentiment.label",
                       f"sentiment.label is 'positive' but the decision '{o.decision}' is "
                       f"unfavorable and the release's tone is not clearly positive"
                       + (f" (it says: {', '.join(words)})" if words else "")
                       + "; use 'negative' or 'mixed'")
    elif o.direction == "favorable" and s.sentiment.label == "negative":
        if t.negative >= 2.0 and t.negative >= 2.0 * t.positive:
            return
        yield finding("sentiment_direction", "warning", "sentiment.label",
                       f"sentiment.label is 'negative' but the decision '{o.decision}' is "
                       "favorable and the release's tone is not clearly negative"
                       + (f" (it says: {', '.join(words)})" if words else "")
                       + "; use 'positive' or 'mixed'")


# --------------------------------------------------------------------------------------------
# agency


def _agency_in_source(ctx: RuleContext) -> Iterable[Finding]:
    o = ctx.summary.outcome
    if o is None or o.agency in VOCABULARY.vague_agencies:
        return
    if ctx.view.mentions(o.agency):
        return
    found = ctx.view.named_codes
    named = sorted(found - {VOCABULARY.other_agency})
    also = (f"; the release names: {', '.join(named)}" if named
            else "" if found else "; it names no regulator")
    # a release that names no regulator at all leaves the regulator to be inferred (from its
    # country, its instruments): nothing in it says the model's is wrong, so no re-ask
    severity: Severity = "error" if found else "warning"
    yield finding("agency_in_source", severity, "outcome.agency",
                   f"outcome.agency is '{o.agency}' but the release never mentions "
                   f"{AGENCY_NAMES.get(o.agency, o.agency)}{also}")


def _agency_cue_conflict(ctx: RuleContext) -> Iterable[Finding]:
    o, reading = ctx.summary.outcome, ctx.reading
    if o is None or not reading.is_event or o.agency in VOCABULARY.vague_agencies:
        return
    expected, mention, evidence = read_agency(ctx.view, reading)
    if mention is None or evidence is None or expected in (o.agency, VOCABULARY.other_agency):
        return
    named_there = {a.code for a in evidence.agencies}
    if o.agency in named_there or credited(o.agency, o.decision, named_there):
        return  # the decision sentence names the extracted regulator too
    quoted = o.evidence
    if quoted is not None and quoted.match != "none" and quoted.start is not None:
        end = quoted.end if quoted.end is not None else quoted.start
        own = {a.code for vs in read_quote(ctx.view, quoted.start, end).sentences
               for a in vs.agencies}
        if o.agency in own or credited(o.agency, o.decision, own):
            return  # the answer's own decision sentence names it
    if not ctx.view.mentions(o.agency):
        return  # agency_in_source reports it
    names = [a.text for a in evidence.agencies if a.code == expected]
    name = next((n for n in names if n in ("CHMP", "COMP", "PRAC")), mention.text)
    severity: Severity = "error" if reading.unambiguous else "warning"
    yield finding("agency_cue_conflict", severity, "outcome.agency",
                   f"outcome.agency is '{o.agency}' but the sentence reporting the decision "
                   f"names '{normalize_space(name).strip('()')}' "
                   f"(\"{_around(evidence, mention.start, mention.end)}\"); "
                   f"use '{expected}'", mention.start, mention.end)


def _agency_decision_fit(ctx: RuleContext) -> Iterable[Finding]:
    o = ctx.summary.outcome
    if o is None:
        return
    misfit = VOCABULARY.misfit(o.agency, o.decision)
    if misfit is not None:
        advice = misfit[0]
        severity: Severity = "warning" if misfit[1] == "warning" else "error"
        yield finding("agency_decision_fit", severity, "outcome.agency",
                       f"outcome.agency is '{o.agency}' with decision '{o.decision}', but "
                       f"{advice}")
    cue = _named_kind(ctx, o.decision)
    if cue is not None:
        kind = VOCABULARY.decision(cue.hit.decision)
        note = f" ({kind.prompt})" if kind is not None and kind.prompt else ""
        yield finding("agency_decision_fit", "error", "outcome.decision",
                       f"outcome.decision is '{o.decision}' but the release says "
                       f"'{_cue_phrase(cue)}' "
                       f"(\"{_around(cue.sentence, cue.hit.start, cue.hit.end)}\"); that is "
                       f"'{cue.hit.decision}'{note}", cue.hit.start, cue.hit.end)


def _named_kind(ctx: RuleContext, decision: str) -> WeightedCue | None:
    """An explicit, current cue up front for a specific kind the answer's decision is a
    generic, sibling or catch-all version of ("510(k)" for "approval" or "other"); none when
    the release's cues add up to the answer's own decision (a certificate the notified body
    "has suspended" names a clearance, but the news is the suspension)."""
    stated = VOCABULARY.decision(decision)
    if stated is None or (ctx.reading.is_event and ctx.reading.decision == decision):
        return None
    for cue in ctx.view.cues:
        kind = VOCABULARY.decision(cue.hit.decision)
        if (kind is None or kind.code == decision or kind.refine_specificity < 3.0
                or cue.hit.specificity < kind.refine_specificity):
            continue
        related = (VOCABULARY.refinement(decision, kind.code) or bool(kind.refines & stated.refines)
                   or stated.catch_all)
        if related and cue.firm and not cue.background and cue.sentence.zone in (
            "headline", "subhead", "lead"
        ):
            return cue
    return None


# --------------------------------------------------------------------------------------------
# dates


def _decision_date(ctx: RuleContext) -> Iterable[Finding]:
    o = ctx.summary.outcome
    if o is None or o.decision_date is None or ctx.published is None:
        return
    if o.decision_date > ctx.published:
        yield finding("decision_date", "error", "outcome.decision_date",
                       f"outcome.decision_date {o.decision_date.isoformat()} is after the release "
                       f"date {ctx.published.isoformat()}; a reported decision cannot postdate its "
                       "release: use the date the release gives, or null")


# --------------------------------------------------------------------------------------------
# product, text length


def _product_in_source(ctx: RuleContext) -> Iterable[Finding]:
    o = ctx.summary.outcome
    if o is None:
        return
    suggestion: str | None = None
    for i, product in enumerate(o.products):
        for attr in ("name", "generic_name"):
            value = getattr(product, attr)
            if not value or ctx.names(value):
                continue
            if suggestion is None:
                guesses = guess_products(ctx.view)
                suggestion = ", ".join(g.name for g in guesses) if guesses else ""
            hint = f" (the release names: {suggestion})" if suggestion else ""
            yield finding("product_in_source", "error", f"outcome.products[{i}].{attr}",
                           f"outcome.products[{i}].{attr} '{value}' does not appear in the "
                           f"release{hint}; name the product as the release writes it")


def _summary_length(ctx: RuleContext) -> Iterable[Finding]:
    n = len(split_sentences(ctx.summary.summary))
    if n > 3:
        yield finding("summary_length", "warning", "summary",
                       f"summary has {n} sentences; keep it to at most three")


def _headline_length(ctx: RuleContext) -> Iterable[Finding]:
    n = len(split_sentences(ctx.summary.headline))
    if n > 1:
        yield finding("headline_length", "warning", "headline",
                       f"headline has {n} sentences; use one sentence")


# --------------------------------------------------------------------------------------------
# catalogue

RULES: tuple[Rule, ...] = (
    Rule("evidence_grounded", "error", "*.evidence",
         "every evidence quote must be found in the release", evidence_grounded(_view_passages)),
    Rule("outcome_evidence", "error", "outcome.evidence",
         "a regulatory outcome needs the sentence that states it", _outcome_evidence),
    Rule("rationale_evidence", "warning", "rationale[*].evidence",
         "each reason should quote its source sentence",
         item_evidence("rationale_evidence", ("rationale",))),
    Rule("next_step_evidence", "warning", "next_steps[*].evidence",
         "each next step should quote its source sentence",
         item_evidence("next_step_evidence", ("next_steps",))),
    Rule("event_outcome", "error", "outcome",
         "is_regulatory_event and outcome must agree", _event_outcome),
    Rule("decision_cue_conflict", "error", "outcome.decision",
         "the decision must match the decision wording of the release's news",
         _decision_cue_conflict),
    Rule("agency_decision_fit", "error", "outcome",
         "agency and decision must fit (EMA opinions, device clearances, notified bodies)",
         _agency_decision_fit),
    Rule("agency_cue_conflict", "error", "outcome.agency",
         "the agency must be the regulator the decision sentence names", _agency_cue_conflict),
    Rule("agency_in_source", "error", "outcome.agency",
         "the agency must be named in the release", _agency_in_source),
    Rule("decision_date", "error", "outcome.decision_date",
         "a decision cannot be dated after its release", _decision_date),
    Rule("due_date", "warning", "next_steps[*].due_date",
         "next steps lie after the release date", due_dates()),
    Rule("relative_timing", "info", "next_steps[*].timing",
         "relative timing resolved against the release date", relative_timing()),
    Rule("evidence_in_injection", "error", "*.evidence",
         "evidence must not come from instruction-like (prompt-injection) passages",
         evidence_in_injection(lambda ctx: ctx.view.injections, "the regulatory outcome")),
    Rule("boilerplate_evidence", "error", "*.evidence",
         "reasons and next steps must not come from boilerplate sections", _boilerplate_evidence),
    Rule("direction_decision", "error", "outcome.direction",
         "direction must fit the decision", _direction_decision),
    Rule("sentiment_direction", "warning", "sentiment.label",
         "sentiment should fit the decision's direction", _sentiment_direction),
    Rule("product_in_source", "error", "outcome.products",
         "product names must appear in the release", _product_in_source),
    Rule("summary_length", "warning", "summary", "summary has at most three sentences",
         _summary_length),
    Rule("headline_length", "warning", "headline", "headline is one sentence", _headline_length),
)


def run_rules(
    summary: RegulatorySummary,
    document: Document | str,
    *,
    published: dt.date | None = None,
    rules: Sequence[Rule] = RULES,
    index: SourceIndex | None = None,
) -> list[Finding]:
    """Run ``rules`` on a summary; evidence not yet grounded is aligned first (in place).

    ``index`` lets a caller reuse the ``SourceIndex`` it grounded with (the document's own is
    used otherwise).
    """
    doc = document if isinstance(document, Document) else load(document)
    if index is not None and index.text != doc.text:
        index = None
    ctx = RuleContext(summary, doc, published or doc.published, index)
    ground_pending(summary, ctx.index)
    return apply_rules(rules, ctx)
