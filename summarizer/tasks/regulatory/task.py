"""The regulatory task: every piece that makes a summary of a regulator's action.

``RegulatoryTask`` is the default task: ``Summarizer()``, ``summarize()`` and the CLI without
``--task`` run it. It plugs the regulatory schema (LABEL_SPEC.md codes), the prompt with the
vocabulary's code lists, the rule catalogue, the rules backend (the deterministic reader), the
settle steps (arbitration by evidence, gap filling, quote trimming), the merge of a long
release's parts, the LABEL_SPEC.md scorer, the report card and the timeline into the engine.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from summarizer.document import Document
from summarizer.grounding import ground
from summarizer.rulebook import Rule
from summarizer.sections import PromptView, prompt_view
from summarizer.task import SETTLE_DEFAULTS, Card, ReportStyle, SettleOptions, Task
from summarizer.tasks.regulatory import card as _card
from summarizer.tasks.regulatory import scoring
from summarizer.tasks.regulatory import settle as _settle
from summarizer.tasks.regulatory.lexicon import ABOUT_REGULATORY
from summarizer.tasks.regulatory.merge import merge_summaries
from summarizer.tasks.regulatory.reader import summarize_with_rules
from summarizer.tasks.regulatory.rules import RULES, RuleContext
from summarizer.tasks.regulatory.schema import SCHEMA_VERSION, RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY, Vocabulary
from summarizer.types import Finding

__all__ = ["RegulatoryTask", "code_lists"]

_WIDTH = 113  # the templates' line width


def _code_list(entries: Sequence[str], separator: str, indent: str = "") -> str:
    """Codes with their notes, wrapped to the templates' width."""
    return textwrap.fill(separator.join(entries), width=_WIDTH, initial_indent=indent,
                         subsequent_indent="  ", break_on_hyphens=False,
                         break_long_words=False).lstrip()


def code_lists(vocabulary: Vocabulary = VOCABULARY) -> dict[str, str]:
    """The prompt's regulator and decision code lists, with their notes, from the vocabulary."""
    agencies = [f"{a.code} ({a.prompt})" if a.prompt else a.code for a in vocabulary.agencies]
    decisions = [f"{d.code} ({d.prompt})" if d.prompt else d.code
                 for d in vocabulary.event_decisions]
    return {
        "agency_codes": _code_list(agencies, ", ", " " * len("- outcome.agency codes: ")) + ".",
        "decision_codes": _code_list(decisions, "; ", "  ") + ".",
    }


class RegulatoryTask(Task):
    """Regulatory outcomes: agency, decision, product, indication and date; the rationale, the
    next steps with their timing, and the sentiment (LABEL_SPEC.md)."""

    name: ClassVar[str] = "regulatory"
    version: ClassVar[str] = "3"
    description: ClassVar[str] = (
        "Regulatory outcomes: agency, decision, product, indication, date; rationale, next "
        "steps with timing, sentiment"
    )
    schema: ClassVar[type[RegulatorySummary]] = RegulatorySummary
    schema_version: ClassVar[str] = SCHEMA_VERSION
    templates: ClassVar[str] = "summarizer.tasks.regulatory.prompts"
    metrics: ClassVar[tuple[str, ...]] = scoring.METRICS
    verdict_name: ClassVar[str] = "decision"
    report: ClassVar[ReportStyle] = ReportStyle(
        "Regulatory summary report", ("Company", "Agency", "Decision", "Direction", "Sentiment"),
        _card.FIELDS)
    arbitration_rules: ClassVar[tuple[str, str] | None] = ("decision_arbitrated",
                                                           "decision_disputed")
    #: a correction may ask for parts of the outcome alone: a new decision with its direction,
    #: a regulator with its name as written; the whole outcome with whether there is an event
    correction_parts: ClassVar[tuple[str, ...]] = ("outcome",)
    correction_companions: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "outcome": ("is_regulatory_event",),
        "outcome.decision": ("outcome.direction",),
        "outcome.agency": ("outcome.agency_body",),
        "outcome.agency_body": ("outcome.agency",),
    }
    correction_title: ClassVar[str] = "The corrected fields of the regulatory summary."

    def template_context(self) -> Mapping[str, object]:
        """The regulator and decision code lists of system.j2, from the vocabulary."""
        return code_lists()

    @property
    def timeline(self) -> Any:
        """Each product's regulatory history and the calendar of dates to come."""
        from summarizer.tasks.regulatory import timeline

        return timeline

    def view(self, doc: Document) -> PromptView:
        """The body first, boilerplate left out but for the regulatory sentences of an
        "About <product>" section."""
        return prompt_view(doc.text, doc.sections, about=ABOUT_REGULATORY)

    def rules(self) -> Sequence[Rule]:
        return RULES

    def rule_context(self, doc: Document, answer: RegulatorySummary) -> RuleContext:
        return RuleContext(answer, doc, doc.published, doc.index)

    def read(self, doc: Document) -> RegulatorySummary:
        """The rules backend's summary (every quote an exact substring, grounded)."""
        return ground(summarize_with_rules(doc), doc.index)

    def repair(self, answer: RegulatorySummary, doc: Document,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Finding]:
        """Placeholders removed, products respelled, a decision's fixed direction, quotes
        trimmed (``repairs``), in place."""
        return _settle.repair(answer, doc, options)

    def settle(self, answer: RegulatorySummary, doc: Document,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Finding]:
        """Arbitrate the outcome by evidence, repair, fill empty lists (in place)."""
        return _settle.settle(answer, doc, options)

    def merge(self, parts: Sequence[RegulatorySummary]) -> RegulatorySummary:
        return merge_summaries(parts)

    def score_document(self, prediction_record: Mapping[str, Any],
                       gold: Mapping[str, Any]) -> dict[str, float | None]:
        return scoring.score_document(prediction_record, gold)

    def confusion(self, prediction_record: Mapping[str, Any],
                  gold: Mapping[str, Any]) -> tuple[str, str]:
        """(gold decision, predicted decision)."""
        return scoring.decision_pair(prediction_record, gold)

    def card(self, answer: RegulatorySummary) -> Card:
        return _card.card(answer)

    column_dtypes: ClassVar[Mapping[str, str]] = {
        "is_regulatory_event": "boolean", "sentiment_score": "Float64"}

    def columns(self, answer: RegulatorySummary | None) -> dict[str, Any]:
        """The regulatory columns of a data frame row (``summarize_frame``)."""
        outcome = answer.outcome if answer is not None else None
        sentiment = answer.sentiment if answer is not None else None
        return {
            "is_regulatory_event": answer.is_regulatory_event if answer is not None else None,
            "company": answer.company if answer is not None else None,
            "agency": outcome.agency if outcome is not None else None,
            "decision": outcome.decision if outcome is not None else None,
            "direction": outcome.direction if outcome is not None else None,
            "product": "; ".join(p.name for p in outcome.products) or None
            if outcome is not None else None,
            "indication": outcome.indication if outcome is not None else None,
            "decision_date": outcome.decision_date.isoformat()
            if outcome is not None and outcome.decision_date is not None else None,
            "sentiment": sentiment.label if sentiment is not None else None,
            "sentiment_score": sentiment.score if sentiment is not None else None,
        }
