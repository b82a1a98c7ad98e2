"""The trial-readout rule catalogue: named checks of an answer against its release.

Errors trigger a re-ask, so each one fires only on positive evidence: a quote the release does
not hold, an endpoint-outcome cue in the cited sentence (or stated up front) that says the
opposite, results quoted from boilerplate, a headline that reports another kind of news, a
figure or a name the release never writes. A wording the task does not know is never a
contradiction. Every message says what is wrong and quotes what the release says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from summarizer.document import Document
from summarizer.evidence import Evidence
from summarizer.grounding import ground_pending
from summarizer.intake import load
from summarizer.rulebook import (
    Rule,
    apply_rules,
    due_dates,
    evidence_grounded,
    evidence_in_injection,
    finding,
    item_evidence,
    relative_timing,
    snip,
)
from summarizer.rulebook import RuleContext as _BaseContext
from summarizer.sections import is_company_profile
from summarizer.sentences import normalize_space
from summarizer.tasks.trial_readout.reading import (
    OutcomeCue,
    Reading,
    conflicts,
    read_release,
    resolve_outcome,
)
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.vocabulary import PIVOTAL
from summarizer.types import Finding

__all__ = ["RULES", "Rule", "RuleContext", "run_rules"]

_NEWS_WORDS = {
    "regulatory": "a regulatory decision", "trial_start": "a trial start",
    "earnings": "financial results", "deal": "a deal", "financing": "a financing",
}
_NUMBER = re.compile(r"(?<![\w.])\.?\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"\w+")
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SPELLED = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[\s-](?P<unit>{'|'.join(_UNITS)}))?|(?P<alone>"
    rf"{'|'.join(_UNITS)}))\b", re.I)


@dataclass
class RuleContext(_BaseContext):
    """What a rule sees: the answer, the document, its date and the task's reading of it."""

    summary: TrialReadoutSummary

    @cached_property
    def reading(self) -> Reading:
        return read_release(self.document)

    @cached_property
    def source_numbers(self) -> frozenset[str]:
        """Every number the release writes, in digits or in words ("forty-six")."""
        text = self.document.text
        found = {_number_key(m.group()) for m in _NUMBER.finditer(text)}
        for m in _SPELLED.finditer(text):
            if m.group("alone"):
                found.add(str(_UNITS[m.group("alone").lower()]))
            else:
                value = _TENS[m.group("tens").lower()]
                found.add(str(value + (_UNITS[m.group("unit").lower()] if m.group("unit") else 0)))
        return frozenset(found)


def _number_key(raw: str) -> str:
    """A number as compared: thousands separators dropped, ".05" -> "0.05", "1.50" -> "1.5"."""
    key = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw) else raw
    key = key.replace(",", ".")
    if key.startswith("."):
        key = "0" + key
    if "." in key:
        key = key.rstrip("0").rstrip(".")
    return key.lstrip("0") or "0" if "." not in key else key


def _around(cue: OutcomeCue, width: int = 170) -> str:
    """The cited passage centred on a cue, with ellipses where it is cut."""
    text, p = cue.passage.text, cue.passage
    lo, hi = cue.start - p.start, cue.end - p.start
    pad = max(0, (width - (hi - lo)) // 2)
    a, b = max(0, lo - pad), min(len(text), hi + pad)
    return ("..." if a > 0 else "") + normalize_space(text[a:b]) + ("..." if b < len(text) else "")


# --------------------------------------------------------------------------------------------
# evidence


def _boilerplate_evidence(ctx: RuleContext) -> Iterable[Finding]:
    doc = ctx.document
    for path, ev in ctx.summary.evidence_items():
        if ev.start is None or ev.end is None or path.startswith("sentiment"):
            continue
        section = doc.section_at(ev.start)
        if section is None or not doc.in_boilerplate(ev.start, ev.end):
            continue
        field_name = path.split("[")[0].split(".")[0].replace("_", " ")
        if section.kind == "about" and not is_company_profile(doc.text, section):
            yield finding("boilerplate_evidence", "warning", path,
                           f'{path} quotes the "About {section.title or "..."}" section '
                           f'("{snip(ev.quote, 100)}"); take {field_name} from the body of the '
                           "release", ev.start, ev.end)
            continue
        label = {"about": "company profile", "forward_looking": "forward-looking statements",
                 "contacts": "contacts", "trailer": "end matter"}.get(section.kind, section.kind)
        yield finding("boilerplate_evidence", "error", path,
                       f'{path} quotes the {label} ("{snip(ev.quote, 100)}"), which reports no '
                       f"results; take {field_name} from the body of the release", ev.start,
                       ev.end)


# --------------------------------------------------------------------------------------------
# kind of news and endpoint


def _readout_kind(ctx: RuleContext) -> Iterable[Finding]:
    s, r = ctx.summary, ctx.reading
    other = r.headline_cue(_NEWS_WORDS)
    said = r.headline_cue(["readout"])
    if said is not None and other is not None and said.start < other.end and other.start < said.end:
        said = None  # "Reports Third Quarter Financial Results": the results are financial
    headline = snip(r.headline.text if r.headline else "", 140)
    if s.is_trial_readout and r.kind in _NEWS_WORDS and other is not None and said is None:
        yield finding("readout_kind", "error", "is_trial_readout",
                       f"is_trial_readout is true but the headline reports {_NEWS_WORDS[r.kind]} "
                       f'("{normalize_space(other.phrase)}" in "{headline}"), not trial results; '
                       "set is_trial_readout to false, trial to null and endpoint.outcome to "
                       '"none"',
                       other.start, other.end)
    elif not s.is_trial_readout and r.is_readout and said is not None and other is None:
        yield finding("readout_kind", "warning", "is_trial_readout",
                       f'is_trial_readout is false but the headline reports trial results '
                       f'("{normalize_space(said.phrase)}" in "{headline}")', said.start, said.end)


def _readout_endpoint(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    outcome = s.endpoint.outcome
    if s.is_trial_readout and outcome == "none":
        yield finding("readout_endpoint", "error", "endpoint.outcome",
                       'is_trial_readout is true but endpoint.outcome is "none"; give the primary '
                       'endpoint\'s outcome (met, not_met, mixed, or not_reported when the release '
                       "does not say)")
    elif not s.is_trial_readout and outcome != "none":
        yield finding("readout_endpoint", "error", "endpoint.outcome",
                       f'is_trial_readout is false but endpoint.outcome is "{outcome}"; use '
                       '"none", or set is_trial_readout to true if the news is trial results')
    if not s.is_trial_readout and s.trial is not None:
        yield finding("readout_endpoint", "warning", "trial",
                       "is_trial_readout is false but trial is filled in; trial is null when the "
                       "news is not trial results")


def _endpoint_evidence(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    ev = s.endpoint.evidence
    if not s.is_trial_readout or s.endpoint.outcome not in ("met", "not_met", "mixed"):
        return
    if ev is not None and ev.quote.strip():
        return
    _, cue = ctx.reading.outcome
    hint = f' e.g. "{snip(cue.passage.text)}"' if cue is not None else ""
    yield finding("endpoint_evidence", "error", "endpoint.evidence",
                   f'endpoint.outcome is "{s.endpoint.outcome}" but endpoint.evidence is missing; '
                   f"quote the sentence of the release that says whether the primary endpoint was "
                   f"met,{hint}")


def _endpoint_cue_conflict(ctx: RuleContext) -> Iterable[Finding]:
    """The answered outcome against cues in the cited sentence, then against the front."""
    s, r = ctx.summary, ctx.reading
    said = s.endpoint.outcome
    if not s.is_trial_readout or said == "none":
        return
    ev = s.endpoint.evidence
    if ev is not None and ev.start is not None and ev.end is not None:
        read, cue = resolve_outcome(r.cues_between(ev.start, ev.end), co_primary=r.co_primary)
        if cue is not None and conflicts(said, read):
            # one co-primary endpoint's sentence: the release as a whole may be a split
            use = "mixed" if r.co_primary and r.outcome[0] == "mixed" else read
            yield finding("endpoint_cue_conflict", "error", "endpoint.outcome",
                           f'endpoint.outcome is "{said}" but the sentence it cites says '
                           f'"{normalize_space(cue.phrase)}" ("{_around(cue)}"): the primary '
                           f'endpoint\'s outcome there is "{read}"; use "{use}", or cite the '
                           "sentence that states the primary endpoint's outcome",
                           cue.start, cue.end)
            return
    front = [c for c in r.outcome_cues
             if c.passage.zone in ("title", "lead") and c.strong and c.live and not c.background]
    read, cue = resolve_outcome(front, co_primary=r.co_primary)
    if cue is None or not conflicts(said, read):
        return
    if said in ("met", "not_met") and read != "mixed" and any(
            c.direction == said and c.strong and c.live and not c.background
            for c in r.outcome_cues):
        return  # the release says it both ways: no clear contradiction to quote
    yield finding("endpoint_cue_conflict", "error", "endpoint.outcome",
                   f'endpoint.outcome is "{said}" but the release states up front '
                   f'"{normalize_space(cue.phrase)}" ("{_around(cue)}"); use "{read}"',
                   cue.start, cue.end)


def _sentiment_outcome(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    outcome, label = s.endpoint.outcome, s.sentiment.label
    if (outcome, label) in (("met", "negative"), ("not_met", "positive")):
        yield finding("sentiment_outcome", "warning", "sentiment.label",
                       f'sentiment.label is "{label}" but the primary endpoint is "{outcome}"; '
                       "check the sentiment, or say in its rationale what outweighs the endpoint")


# --------------------------------------------------------------------------------------------
# figures, names, phase


def _result_numbers(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    items: list[tuple[str, str, Evidence | None]] = []
    for i, result in enumerate(s.key_results):
        items.append((f"key_results[{i}]", f"{result.value or ''} {result.statement}",
                      result.evidence))
    items += [(f"safety[{i}]", f.finding, f.evidence) for i, f in enumerate(s.safety)]
    for path, text, ev in items:
        missing = sorted({m.group() for m in _NUMBER.finditer(text)
                          if _number_key(m.group()) not in ctx.source_numbers})
        if not missing:
            continue
        where = (f'; its evidence says "{snip(ev.quote, 140)}"'
                 if ev is not None and ev.match != "none" else "")
        yield finding("result_numbers", "error", path,
                       f"{path} gives {', '.join(missing)}, which the release never writes"
                       f"{where}; copy the figures as the release writes them")


def _absent_tokens(name: str, ctx: RuleContext) -> list[str]:
    """Words of ``name`` (3+ characters) that the release never writes; [] when it does."""
    if ctx.index.contains(name):
        return []
    tokens = ctx.index.tokens()
    return [t for t in _TOKEN.findall(name.lower()) if len(t) >= 3 and t not in tokens]


def _names_in_source(ctx: RuleContext) -> Iterable[Finding]:
    s = ctx.summary
    named: list[tuple[str, str]] = [(f"products[{i}]", p) for i, p in enumerate(s.products)]
    if s.trial is not None:
        if s.trial.name:
            named.append(("trial.name", s.trial.name))
        named += [(f"trial.identifiers[{i}]", t) for i, t in enumerate(s.trial.identifiers)]
    for path, value in named:
        missing = _absent_tokens(value, ctx)
        if missing:
            yield finding("names_in_source", "error", path,
                           f"{path} '{value}' does not appear in the release ('{missing[0]}' is "
                           "never written); name it as the release writes it")


def _phase_in_source(ctx: RuleContext) -> Iterable[Finding]:
    s, r = ctx.summary, ctx.reading
    if s.trial is None or s.trial.phase is None:
        return
    phase = s.trial.phase
    written = {m.code for m in r.phases}
    if any(PIVOTAL.search(p.text) for p in [*r.passages, *r.design]):
        written.add("3")
    if phase in written:
        return
    if not written:
        yield finding("phase_in_source", "warning", "trial.phase",
                       f'trial.phase is "{phase}" but the release states no phase; use null '
                       "unless the release says it")
        return
    mention = next(m for m in r.phases if m.code in written)
    shown = normalize_space(ctx.document.text[mention.start:mention.end])
    yield finding("phase_in_source", "error", "trial.phase",
                   f'trial.phase is "{phase}" but the release names the phase as "{shown}" '
                   f'("{snip(mention.passage.text, 140)}"); use "{mention.code}"',
                   mention.start, mention.end)


# --------------------------------------------------------------------------------------------
# catalogue

RULES: tuple[Rule, ...] = (
    Rule("evidence_grounded", "error", "*.evidence",
         "every evidence quote must be found in the release",
         evidence_grounded(lambda ctx: [p.text for p in ctx.reading.passages])),
    Rule("evidence_in_injection", "error", "*.evidence",
         "evidence must not come from instruction-like (prompt-injection) passages",
         evidence_in_injection(lambda ctx: ctx.reading.injections, "the results")),
    Rule("boilerplate_evidence", "error", "*.evidence",
         "results, safety, next steps and the endpoint are not taken from boilerplate",
         _boilerplate_evidence),
    Rule("item_evidence", "warning", "*[*].evidence",
         "each result, safety finding and next step should quote its sentence",
         item_evidence("item_evidence", ("key_results", "safety", "next_steps"))),
    Rule("readout_kind", "error", "is_trial_readout",
         "a release whose headline reports another kind of news is not a readout", _readout_kind),
    Rule("readout_endpoint", "error", "endpoint.outcome",
         "is_trial_readout and the endpoint outcome must agree", _readout_endpoint),
    Rule("endpoint_evidence", "error", "endpoint.evidence",
         "a met / not met / mixed outcome needs the sentence that states it", _endpoint_evidence),
    Rule("endpoint_cue_conflict", "error", "endpoint.outcome",
         "the outcome must not contradict the cited sentence or the release's front",
         _endpoint_cue_conflict),
    Rule("sentiment_outcome", "warning", "sentiment.label",
         "sentiment should fit the primary endpoint's outcome", _sentiment_outcome),
    Rule("result_numbers", "error", "key_results",
         "figures in results and safety findings must be written in the release",
         _result_numbers),
    Rule("names_in_source", "error", "trial",
         "trial names, identifiers and product names must appear in the release",
         _names_in_source),
    Rule("phase_in_source", "error", "trial.phase",
         "the phase must be one the release names", _phase_in_source),
    Rule("due_date", "warning", "next_steps[*].due_date",
         "next steps lie after the release date", due_dates()),
    Rule("relative_timing", "info", "next_steps[*].timing",
         "relative timing resolved against the release date", relative_timing()),
)


def run_rules(
    summary: TrialReadoutSummary,
    document: Document | str,
    *,
    published: dt.date | None = None,
    rules: Sequence[Rule] = RULES,
) -> list[Finding]:
    """Run ``rules`` on an answer; evidence not yet grounded is aligned first (in place)."""
    doc = document if isinstance(document, Document) else load(document)
    ground_pending(summary, doc.index)
    return apply_rules(rules, RuleContext(summary, doc, published or doc.published))
