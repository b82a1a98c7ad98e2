"""Repair and settle a model's regulatory answer: certain repairs, arbitration, gap filling.

``repair`` runs before the rules decide whether to re-ask (on a copy, for the engine's check)
and again while settling; ``settle`` runs once the re-asks are spent. Both work in place and
report every change as a ``Finding``:

- **arbitration by evidence** (``arbitration``): the model's decision stands unless the
  sentence it cites fails the release's check or states another decision (under "overrule" a
  repair: made before the re-ask check, so no request is spent on what it settles);
- **certain repairs** (``repairs``): placeholder words removed, product names respelled as the
  release spells them, the direction a decision fixes, and quote trimming (a quote the source
  does not hold cut down to the passage it does; an outcome quote gives way to the sentence the
  reader found stating the same decision);
- **unquoted items dropped**: a reason or next step whose quote is still not in the release
  once the corrections are spent;
- **gap filling** (``merge.fill_gaps``): the rationale and next steps the release states and
  the model left out, and products it left empty, come from the rules backend's reading,
  which quotes the release.
"""

from __future__ import annotations

from summarizer.document import Document
from summarizer.grounding import ground, ground_pending
from summarizer.rulebook import snip
from summarizer.task import SettleOptions
from summarizer.tasks.regulatory.arbitration import (
    arbitrate,
    overrule_unstated,
    replace_misfit_agency,
    replace_unnamed_agency,
)
from summarizer.tasks.regulatory.merge import fill_gaps
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.repairs import Repairs
from summarizer.tasks.regulatory.repairs import repair as _repair
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.types import Finding

__all__ = ["fallback", "repair", "settle"]


def fallback(document: Document) -> Reader:
    """The rules backend's reading of ``document``, built once per document (arbitration, gap
    filling and the rules share it)."""
    found = document.memo.get("regulatory.fallback")
    if not isinstance(found, Reader):
        found = document.memo["regulatory.fallback"] = Reader(
            document, published=document.published, index=document.index)
    return found


def repair(summary: RegulatorySummary, document: Document,
           options: SettleOptions) -> list[Finding]:
    """The certain repairs ``options`` allow, in place: under arbitration "overrule" the
    outcome settled by the evidence first (what the release overrules at the end anyway costs
    no re-ask), then placeholders and spellings with ``repair``, quotes with ``trim_quotes``
    and a decision's fixed direction always; an outcome quote trimmed to the release's own
    passage is judged again (the sentence it cites is another one now)."""
    reader = fallback(document)
    overrule = options.arbitration == "overrule"
    findings = arbitrate(summary, reader, "overrule") if overrule else []
    findings.extend(_repair(summary, document.index, fallback=reader, repairs=Repairs(
        placeholders=options.repair, products=options.repair, quotes=options.trim_quotes)))
    if overrule and any(f.rule == "evidence_trimmed" and f.path == "outcome.evidence"
                        for f in findings):  # the decision sentence is the release's now
        findings.extend(arbitrate(summary, reader, "overrule"))
    return findings


def settle(summary: RegulatorySummary, document: Document,
           options: SettleOptions) -> list[Finding]:
    """Arbitrate the outcome, repair, fill what the model left out (see the module doc)."""
    reader = fallback(document)
    # "overrule" arbitrates inside repair (the re-ask check makes the same repairs first)
    findings = [] if options.arbitration == "overrule" else arbitrate(summary, reader,
                                                                       options.arbitration)
    findings.extend(repair(summary, document, options))
    if options.arbitration == "overrule":  # after the corrections: the model had its chance
        findings.extend(overrule_unstated(summary, reader))
        findings.extend(replace_unnamed_agency(summary, reader))
        findings.extend(replace_misfit_agency(summary, reader))
    if options.trim_quotes:  # quotes are the model's as written when trimming is off
        findings.extend(_drop_unquoted_items(summary, document))
    findings.extend(Finding(rule="filled_from_rules", severity="info", path=path,
                            message=_filled_message(path))
                    for path in fill_gaps(summary, reader))
    ground(summary, document.index)
    return findings


def _filled_message(path: str) -> str:
    """What gap filling did at ``path`` (``merge.fill_gaps``'s paths say it)."""
    if path == "outcome.direction":
        return ("the model left the direction 'neutral' for a decision whose wording decides it; "
                "filled from the rules backend's reading of the release")
    if "[" not in path:
        return f"the model left {path} empty; filled from the rules backend"
    if path.endswith(".timing"):
        return (f"the model gave no timing; {path} is the one the release writes for this step "
                "(from the rules backend)")
    if path.endswith(".evidence"):
        return (f"the model's quote was cut short; {path} is the whole sentence (from the rules "
                "backend)")
    return (f"the model's list lacked what the release states here; {path} added from the rules "
            "backend")


def _drop_unquoted_items(summary: RegulatorySummary, document: Document) -> list[Finding]:
    """Once the corrections are spent, a reason or next step whose quote is still not in the
    release is dropped: a claim the release cannot back (gap filling may then supply what the
    release does state). The sentiment's label is a judgment of the whole release and stays; a
    quote for it the release does not hold goes (``unquoted_quote_dropped``), since no
    sentence of the same tone could replace it. The outcome stays, with its errors reported."""
    ground_pending(summary, document.index)
    findings = []
    dropped: dict[str, list[int]] = {}
    for path, evidence in summary.evidence_items():
        name, _, rest = path.partition("[")
        if name in ("rationale", "next_steps") and evidence.match == "none":
            index = int(rest.split("]")[0])
            dropped.setdefault(name, []).append(index)
            findings.append(Finding(
                rule="unquoted_item_dropped", severity="warning", path=f"{name}[{index}]",
                message=f"{name}[{index}] quotes \"{snip(evidence.quote, 120)}\", which is not in "
                        "the release; the item is dropped"))
    tone = summary.sentiment.evidence
    if tone is not None and tone.match == "none":
        summary.sentiment.evidence = None
        findings.append(Finding(
            rule="unquoted_quote_dropped", severity="warning", path="sentiment.evidence",
            message=f"sentiment.evidence quotes \"{snip(tone.quote, 120)}\", which is not in the "
                    "release; the quote is dropped and the label kept"))
    for name, indexes in dropped.items():
        items = summary.rationale if name == "rationale" else summary.next_steps
        for index in reversed(indexes):
            del items[index]
    return findings

