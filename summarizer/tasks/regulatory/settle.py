"""Settle a model's regulatory answer after extraction: arbitrate, fill gaps, trim quotes.

Runs once the re-asks are spent, in place, and reports every change as a ``Finding``:

- **arbitration by evidence** (``arbitration``): the model's decision stands unless the
  sentence it cites fails the release's check or states another decision;
- **gap filling** (``merge.fill_gaps``): lists the model left empty (rationale, next
  steps, products) are filled from the rules backend's reading, which quotes the release;
- **quote trimming**: a quote the source does not hold is cut down to the passage it does
  contain; an outcome quote gives way to the sentence the reader found stating the same decision.
"""

from __future__ import annotations

from summarizer.document import Document
from summarizer.evidence import Evidence
from summarizer.grounding import ground, trim_quotes
from summarizer.task import SettleOptions
from summarizer.tasks.regulatory.arbitration import arbitrate
from summarizer.tasks.regulatory.merge import fill_gaps
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.types import Finding

__all__ = ["fallback", "settle"]


def fallback(document: Document) -> Reader:
    """The rules backend's reading of ``document``, built once per document (arbitration, gap
    filling and the rules share it)."""
    found = document.memo.get("regulatory.fallback")
    if not isinstance(found, Reader):
        found = document.memo["regulatory.fallback"] = Reader(
            document, published=document.published, index=document.index)
    return found


def settle(summary: RegulatorySummary, document: Document,
           options: SettleOptions) -> list[Finding]:
    """Arbitrate the outcome, fill empty lists, trim unaligned quotes (see the module doc)."""
    reader = fallback(document)
    findings = arbitrate(summary, reader, options.arbitration)
    for path in fill_gaps(summary, reader):
        findings.append(Finding(
            rule="filled_from_rules", severity="info", path=path,
            message=f"the model left {path} empty; filled from the rules backend",
        ))
    ground(summary, document.index)
    if options.trim_quotes:  # after the re-asks: the model had its chance to copy

        def decision_sentence(path: str, evidence: Evidence) -> tuple[Evidence, str] | None:
            if path != "outcome.evidence" or summary.outcome is None:
                return None
            read = reader.summary.outcome
            if (read is not None and read.decision == summary.outcome.decision
                    and read.evidence is not None and read.evidence.match != "none"):
                return read.evidence, "the decision"
            return None

        findings.extend(trim_quotes(summary, document.index, decision_sentence))
    return findings
