"""Settle a model's trial-readout answer after extraction: arbitrate, fill gaps, trim quotes.

Runs once the re-asks are spent, in place, and reports every change as a ``Finding``:

- **endpoint arbitration by evidence** (as issue 14 settles decisions): the model's endpoint
  outcome stands unless the sentence it cites fails the evidence check (missing for a verdict,
  not in the release, boilerplate, only hedged cues) or the reader positively reads a different
  outcome in that same sentence. Then the reader's reading replaces it when the reader has one;
  a wording the reader does not know is no contradiction, so without a reading of its own the
  answer stands with a warning. ``policy`` is ``overrule`` (change and report as
  ``endpoint_arbitrated``), ``flag`` (report only, as ``endpoint_disputed``) or ``off``.
- **gap filling**: lists the model left empty (results, safety, next steps, products) and a
  missing trial are filled from the reader when both agree the release is a readout; the
  reader quotes the release verbatim, so what it adds is grounded.
- **quote trimming**: a quote the source does not hold is cut down to the passage it does
  contain (``grounding.trim_to_source``); an endpoint quote gives way to the reader's sentence
  stating the same outcome.
"""

from __future__ import annotations

from typing import Literal

from summarizer.document import Document
from summarizer.evidence import Evidence
from summarizer.grounding import ground_pending
from summarizer.grounding import trim_quotes as _trim
from summarizer.sections import is_company_profile
from summarizer.sentences import normalize_space
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.reading import conflicts, read_release, resolve_outcome
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.types import Finding

__all__ = ["POLICIES", "Policy", "arbitrate_endpoint", "fill_gaps", "settle", "trim_quotes"]

Policy = Literal["overrule", "flag", "off"]
POLICIES: tuple[Policy, ...] = ("overrule", "flag", "off")


def settle(
    answer: TrialReadoutSummary,
    document: Document,
    policy: str = "overrule",
    *,
    trim: bool = True,
) -> list[Finding]:
    """Arbitrate the endpoint, fill empty lists, trim unaligned quotes (unless ``trim`` is
    False); the findings say what changed (``policy`` applies to the arbitration)."""
    if policy not in POLICIES:
        raise ValueError(f"unknown arbitration policy {policy!r}: use one of {POLICIES}")
    ground_pending(answer, document.index)
    findings = arbitrate_endpoint(answer, document, policy=policy)
    findings += fill_gaps(answer, document)
    ground_pending(answer, document.index)
    if trim:
        findings += trim_quotes(answer, document)
    return findings


def _reader_answer(document: Document) -> TrialReadoutSummary:
    answer = document.memo.get("trial_readout.answer")
    if not isinstance(answer, TrialReadoutSummary):
        answer = document.memo["trial_readout.answer"] = read(document)
    return answer.model_copy(deep=True)


def _evidence_problem(ev: Evidence | None, said: str, document: Document) -> str | None:
    """Why the cited sentence does not support the answered outcome (None when it does)."""
    if ev is None or not ev.quote.strip():
        return "no sentence is cited for it" if said in ("met", "not_met", "mixed") else None
    if ev.start is None or ev.end is None or ev.match == "none":
        return "the sentence it cites is not in the release"
    section = document.section_at(ev.start)
    if document.in_boilerplate(ev.start, ev.end) and not (
            section is not None and section.kind == "about"
            and not is_company_profile(document.text, section)):
        return "the sentence it cites is boilerplate, not the news"
    cues = read_release(document).cues_between(ev.start, ev.end)
    if cues and all(c.hedged for c in cues):
        return f'the sentence it cites is hedged ("{normalize_space(cues[0].phrase)}")'
    return None


def arbitrate_endpoint(
    answer: TrialReadoutSummary, document: Document, *, policy: str = "overrule"
) -> list[Finding]:
    """Overrule an endpoint outcome its own evidence does not support (see the module doc)."""
    if policy == "off" or not answer.is_trial_readout or answer.endpoint.outcome == "none":
        return []
    reading = read_release(document)
    said, ev = answer.endpoint.outcome, answer.endpoint.evidence
    there, there_cue = (None, None)
    if ev is not None and ev.start is not None and ev.end is not None and ev.match != "none":
        there, there_cue = resolve_outcome(reading.cues_between(ev.start, ev.end),
                                           co_primary=reading.co_primary)
    problem = _evidence_problem(ev, said, document)
    if there_cue is not None and there is not None and conflicts(said, there):
        new, new_ev = there, ev
        reason = f'the sentence it cites says "{normalize_space(there_cue.phrase)}"'
    elif problem is not None:
        read, cue = reading.outcome
        if not reading.is_readout or cue is None:
            return [Finding(rule="endpoint_unsupported", severity="warning",
                            path="endpoint.evidence",
                            message=f'the model said "{said}" but {problem}; the release states '
                                    "no outcome the reader recognises, so the answer stands")]
        new = read
        new_ev = Evidence(quote=cue.passage.text, start=cue.passage.start, end=cue.passage.end,
                          match="exact", score=1.0)
        reason = f'{problem}; the release says "{normalize_space(cue.phrase)}"'
    else:
        return []
    start, end = (new_ev.start, new_ev.end) if new_ev is not None else (None, None)
    if new == said:
        message = f'{reason}: kept "{said}" and cited the sentence that states it'
    else:
        message = f'the model said "{said}", but {reason}: "{new}"'
    if policy == "flag":
        return [Finding(rule="endpoint_disputed", severity="warning", path="endpoint.outcome",
                        message=f"{message} (not changed: arbitration is set to flag only)",
                        start=start, end=end)]
    answer.endpoint.outcome = new  # type: ignore[assignment]  # a code read from the release
    answer.endpoint.evidence = new_ev.model_copy() if new_ev is not None else None
    return [Finding(rule="endpoint_arbitrated", severity="warning", path="endpoint.outcome",
                    message=message, start=start, end=end)]


def fill_gaps(answer: TrialReadoutSummary, document: Document) -> list[Finding]:
    """Fill what the model left empty from the reader, when both read a readout (products and
    next steps whatever the news); each filled path is reported as an info finding."""
    reader: TrialReadoutSummary | None = None
    filled: list[str] = []

    def fallback() -> TrialReadoutSummary:
        nonlocal reader
        if reader is None:
            reader = _reader_answer(document)
        return reader

    both = answer.is_trial_readout and read_release(document).is_readout
    for path, allowed in (("key_results", both), ("safety", both), ("trial", both),
                          ("next_steps", True), ("products", True)):
        if allowed and not getattr(answer, path) and getattr(fallback(), path):
            setattr(answer, path, getattr(fallback(), path))
            filled.append(path)
    return [Finding(rule="filled_from_rules", severity="info", path=path,
                    message=f"the model left {path} empty; filled from the rules reader")
            for path in filled]


def trim_quotes(answer: TrialReadoutSummary, document: Document) -> list[Finding]:
    """Cut every quote the source does not hold to the passage it does (nothing silently lost:
    what is left out is in the finding); an endpoint quote gives way to the reader's sentence
    stating the same outcome."""

    def outcome_sentence(path: str, evidence: Evidence) -> tuple[Evidence, str] | None:
        if path != "endpoint.evidence":
            return None
        read, cue = read_release(document).outcome
        if cue is None or read != answer.endpoint.outcome:
            return None
        p = cue.passage
        return Evidence(quote=p.text, start=p.start, end=p.end, match="exact",
                        score=1.0), "the outcome"

    return _trim(answer, document.index, outcome_sentence)
