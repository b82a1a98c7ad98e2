"""Certain repairs of a model's regulatory answer, made before the rules decide whether to
re-ask (``RegulatoryTask.repair``; the engine repairs a copy for its check and settling repairs
the answer it keeps).

A small model often gets a detail wrong in a way the release or the taxonomy itself settles:
it writes "N/A" where null belongs, spells a product "ceftazidime and avibactam" where the
release writes "ceftazidime-avibactam", stitches a paraphrase to a sentence it copied, or calls a
designation "neutral" for the company. Each of these would cost a re-ask; here it is fixed in
place instead, but only when exactly one fix is possible, and every fix is reported as a finding
(``placeholder_removed``, ``timing_removed``, ``product_respelled``, ``evidence_trimmed``,
``direction_set``).
Anything ambiguous is left alone, for the rules to report and the model to correct. Repairing
an answer twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.grounding import SourceIndex, normalize, trim_quotes
from summarizer.sentences import normalize_space
from summarizer.tasks.regulatory._decision import read_quote
from summarizer.tasks.regulatory._fields import stated_direction
from summarizer.tasks.regulatory.lexicon import DECISION_DIRECTION
from summarizer.tasks.regulatory.schema import (
    Evidence,
    Product,
    RegulatorySummary,
    null_placeholder,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.types import Finding

if TYPE_CHECKING:
    from summarizer.tasks.regulatory.reader import Reader

__all__ = ["Repairs", "repair", "respell"]

#: the word pieces of a name: letters and digits (separators and marks are matched loosely)
_PIECE = re.compile(r"[^\W_]+")
#: what may stand between two pieces of one name: spaces, hyphens and dashes, a slash, "+",
#: "&", "and", trademark marks (never a comma: "A, B" names two products)
_SEPARATOR = r"(?:[\s\-\u2010-\u2015\u2212/+&®™©℠]|\band\b)+"
#: a hyphen at the end of a line, the name going on on the next one
_LINE_WRAP = re.compile(r"([\-\u2010-\u2015])[^\S\n]*\n\s*")
_MARKS = re.compile(r"\s*(?:[®™©℠]|\((?:R|TM|SM)\))")


@dataclass(frozen=True)
class Repairs:
    """Which repairs ``repair`` makes: placeholders, product spellings, quotes, directions (each
    on by default); ``quotes`` trims quotes the source does not hold as written,
    ``directions`` gives a decision whose effect the taxonomy fixes (an approval is favorable, a
    complete response unfavorable) that direction."""

    placeholders: bool = True
    products: bool = True
    quotes: bool = True
    directions: bool = True


def respell(name: str, index: SourceIndex) -> str | None:
    """The release's own spelling of ``name`` when the release writes it differently but
    unmistakably (case, hyphen vs space or "and", slash, trademark marks), else ``None``.

    ``None`` too when the release already holds ``name`` (up to case and marks), when it
    spells it in more than one way (case aside), or when it does not name it at all.
    """
    if not name.strip() or index.contains(name):
        return None
    pieces = [p for p in _PIECE.findall(name) if p.lower() != "and"]  # "and" separates
    if not pieces:
        return None
    pattern = re.compile(
        r"(?<![^\W_])" + _SEPARATOR.join(re.escape(p) for p in pieces) + r"(?![^\W_])",
        re.IGNORECASE,
    )
    spellings = Counter(_spelling(m.group()) for m in pattern.finditer(index.text))
    if len({normalize(spelling) for spelling in spellings}) != 1:
        return None  # not named at all, or in two ways ("A-B" and "A/B"): the model decides
    return spellings.most_common(1)[0][0]  # the commonest case, else the first


def _spelling(passage: str) -> str:
    """A name as the release writes it, without marks, line wraps or runs of spaces."""
    return normalize_space(_MARKS.sub("", _LINE_WRAP.sub(r"\1", passage)))


def repair(
    summary: RegulatorySummary,
    index: SourceIndex,
    *,
    fallback: Reader | None = None,
    repairs: Repairs = Repairs(),
) -> list[Finding]:
    """Make the certain repairs of ``summary`` in place (grounding must already be filled in);
    returns one finding per repair. ``fallback`` (the rules backend's reading) lets an outcome
    quote found nowhere give way to the sentence stating the same decision."""
    findings: list[Finding] = []
    if repairs.placeholders:
        findings.extend(_placeholders(summary))
        findings.extend(_unwritten_timings(summary, index))
    if repairs.products:
        findings.extend(_products(summary, index))
    if repairs.quotes:
        findings.extend(_quotes(summary, index, fallback))
    if repairs.directions:
        findings.extend(_direction(summary, fallback))
    return findings


def _direction(summary: RegulatorySummary, fallback: Reader | None) -> list[Finding]:
    """The direction a decision fixes ("complete_response" is unfavourable), or, for a kind
    whose wording decides ("other", "advisory_vote"), the one the quoted sentence states (the
    vocabulary's: "recommendation to suspend" is unfavourable; a vote's count), else the one
    the release's own sentence for the same decision states."""
    outcome = summary.outcome
    if outcome is None:
        return []
    fixed, why = DECISION_DIRECTION.get(outcome.decision), f"decision '{outcome.decision}' is"
    evidence = outcome.evidence
    if (fixed is None and fallback is not None and evidence is not None
            and evidence.start is not None and evidence.match != "none"):
        end = evidence.end if evidence.end is not None else evidence.start
        fixed = _worded(fallback, outcome.decision, evidence.start, end)
        why = f"the quoted sentence's wording of '{outcome.decision}' is"
        ruled = fallback.ruled
        if (fixed is None and ruled.is_event and ruled.decision == outcome.decision
                and ruled.evidence is not None):
            # the quote's wording gives no direction; the release's own sentence for the same
            # act may ("has recommended suspending the marketing authorisations" is unfavourable)
            fixed = _worded(fallback, outcome.decision, ruled.evidence.start, ruled.evidence.end)
            why = f"the release's sentence for '{outcome.decision}' words it as"
    if fixed is None or outcome.direction == fixed:
        return []
    said, outcome.direction = outcome.direction, fixed  # type: ignore[assignment]
    return [Finding(rule="direction_set", severity="info", path="outcome.direction",
                    message=f"outcome.direction was '{said}'; {why} {fixed} for the company")]


def _worded(fallback: Reader, decision: str, start: int, end: int) -> str | None:
    """The direction the sentence(s) holding ``[start, end)`` word ``decision`` with, if any."""
    quote = read_quote(fallback.view, start, end)
    return stated_direction(decision, quote.cues, " ".join(vs.text for vs in quote.sentences))


def _unwritten_timings(summary: RegulatorySummary, index: SourceIndex) -> list[Finding]:
    """A next step's timing is "exactly as written": one the release never writes (a small
    model copies the prompt's "within 60 days" example) is removed."""
    findings: list[Finding] = []
    for i, step in enumerate(summary.next_steps):
        if step.timing and step.timing.strip() and not index.contains(step.timing):
            findings.append(Finding(
                rule="timing_removed", severity="warning", path=f"next_steps[{i}].timing",
                message=f"next_steps[{i}].timing '{step.timing}' is not written in the "
                        "release; removed"))
            step.timing = None
    return findings


def _is_placeholder(text: str | None) -> bool:
    return text is not None and null_placeholder(text) is None


def _placeholders(summary: RegulatorySummary) -> list[Finding]:
    """Quotes, product names, reasons and next steps that are only "N/A", "None", "-" ...; an
    indication that is only a code or a line of the prompt's code list."""
    findings: list[Finding] = []

    def removed(path: str, what: str) -> None:
        findings.append(Finding(rule="placeholder_removed", severity="info", path=path,
                                message=f"{path} was a placeholder ({what!r}); removed"))

    for path, evidence in summary.evidence_items():
        if _is_placeholder(evidence.quote):
            removed(path, evidence.quote)
    _drop_placeholder_evidence(summary)
    outcome = summary.outcome
    if outcome is not None:
        kept: list[Product] = []
        for i, product in enumerate(outcome.products):
            path = f"outcome.products[{i}]"
            if not _is_placeholder(product.name):
                kept.append(product)
            elif product.generic_name:  # the only name given is the generic one
                kept.append(Product(name=product.generic_name, generic_name=None))
                removed(f"{path}.name", product.name)
            else:
                removed(path, product.name)
        outcome.products = kept
    if outcome is not None and outcome.indication and VOCABULARY.echoes_code_list(
            outcome.indication):
        removed("outcome.indication", outcome.indication)  # a code or the code list's words
        outcome.indication = None
    reasons = [r for r in summary.rationale if not _is_placeholder(r.statement)]
    for i, reason in enumerate(summary.rationale):
        if _is_placeholder(reason.statement):
            removed(f"rationale[{i}]", reason.statement)
    steps = [s for s in summary.next_steps if not _is_placeholder(s.action)]
    for i, step in enumerate(summary.next_steps):
        if _is_placeholder(step.action):
            removed(f"next_steps[{i}]", step.action)
    summary.rationale, summary.next_steps = reasons, steps
    return findings


def _drop_placeholder_evidence(summary: RegulatorySummary) -> None:
    def keep(evidence: Evidence | None) -> Evidence | None:
        return None if evidence is None or _is_placeholder(evidence.quote) else evidence

    if summary.outcome is not None:
        summary.outcome.evidence = keep(summary.outcome.evidence)
    for reason in summary.rationale:
        reason.evidence = keep(reason.evidence)
    for step in summary.next_steps:
        step.evidence = keep(step.evidence)
    summary.sentiment.evidence = keep(summary.sentiment.evidence)


def _products(summary: RegulatorySummary, index: SourceIndex) -> list[Finding]:
    findings: list[Finding] = []
    if summary.outcome is None:
        return findings
    for i, product in enumerate(summary.outcome.products):
        for attr in ("name", "generic_name"):
            value: str | None = getattr(product, attr)
            spelled = respell(value, index) if value else None
            if spelled is None:
                continue
            setattr(product, attr, spelled)
            path = f"outcome.products[{i}].{attr}"
            findings.append(Finding(
                rule="product_respelled", severity="info", path=path,
                message=f"{path} {value!r} is written {spelled!r} in the release; respelled",
            ))
    return findings


def _quotes(
    summary: RegulatorySummary, index: SourceIndex, fallback: Reader | None
) -> list[Finding]:
    """Cut every quote the source does not hold down to the passage it does
    (``grounding.trim_quotes``): what is left out is reported, never silently lost. An outcome
    quote is replaced by the sentence the reader found stating the same decision, when there is
    one: that is its evidence. A sentiment quote with no sentence of the source in it gives way
    to the reader's quote for the same label, when it has one. Any other quote with no sentence
    found in the source stays as written.
    """

    def decision_sentence(path: str, evidence: Evidence) -> tuple[Evidence, str] | None:
        if path != "outcome.evidence" or summary.outcome is None or fallback is None:
            return None
        read = fallback.summary.outcome
        if (read is not None and read.decision == summary.outcome.decision
                and read.evidence is not None and read.evidence.match != "none"):
            return read.evidence, "the decision"
        return None

    def same_tone(path: str, evidence: Evidence) -> tuple[Evidence, str] | None:
        read = fallback.summary.sentiment if fallback is not None else None
        if (path != "sentiment.evidence" or read is None or read.evidence is None
                or read.evidence.match == "none" or read.label != summary.sentiment.label):
            return None
        return read.evidence, f"the same '{read.label}' tone"

    return trim_quotes(summary, index, decision_sentence, same_tone)
