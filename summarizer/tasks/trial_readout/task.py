"""The trial-readout task: every piece that makes a summary of topline clinical results.

``TrialReadoutTask`` plugs the schema and prompts the model fills, the rules that check an
answer, the deterministic reader (the "rules" backend), the settle steps, the scorer of
tests/data/trials/LABEL_SPEC.md and the report card into the engine (``--task trial-readout``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from summarizer.document import Document
from summarizer.rulebook import Rule
from summarizer.sections import PromptView, prompt_view
from summarizer.task import SETTLE_DEFAULTS, Card, ReportStyle, SettleOptions, Task
from summarizer.tasks.trial_readout import card as _card
from summarizer.tasks.trial_readout import scoring as _scoring
from summarizer.tasks.trial_readout.merge import merge_parts
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.rules import RULES, RuleContext
from summarizer.tasks.trial_readout.schema import SCHEMA_VERSION, TrialReadoutSummary
from summarizer.tasks.trial_readout.settle import settle
from summarizer.tasks.trial_readout.vocabulary import (
    ABOUT_STUDY,
    ENDPOINT_CODES,
    ENDPOINT_MEANINGS,
    PHASE_CODES,
)
from summarizer.types import Finding

__all__ = ["TrialReadoutTask"]


class TrialReadoutTask(Task):
    """Topline clinical trial results: trial and phase, product, indication, primary endpoint
    met / not met / mixed / not reported, key results, safety, next steps, sentiment."""

    name: ClassVar[str] = "trial-readout"
    version: ClassVar[str] = "1"
    description: ClassVar[str] = (
        "Topline clinical trial results: trial, phase, primary endpoint met or not, key results, "
        "safety, next steps"
    )
    schema: ClassVar[type[TrialReadoutSummary]] = TrialReadoutSummary
    schema_version: ClassVar[str] = SCHEMA_VERSION
    templates: ClassVar[str] = "summarizer.tasks.trial_readout.prompts"
    metrics: ClassVar[tuple[str, ...]] = _scoring.METRICS
    verdict_name: ClassVar[str] = "endpoint"
    report: ClassVar[ReportStyle] = ReportStyle(
        "Trial readout report",
        ("Company", "Trial", "Phase", "Product", "Endpoint", "Sentiment"), _card.FIELDS)
    arbitration_rules: ClassVar[tuple[str, str] | None] = ("endpoint_arbitrated",
                                                           "endpoint_disputed")

    def template_context(self) -> Mapping[str, object]:
        """Constant variables of system.j2: the code lists, built from the vocabulary."""
        return {
            "phase_codes": list(PHASE_CODES),
            "endpoint_codes": [(code, ENDPOINT_MEANINGS[code]) for code in ENDPOINT_CODES],
        }

    def view(self, doc: Document) -> PromptView:
        """The body first, boilerplate left out but for the design sentences of an "About <the
        study>" section (the trial's name and id, phase, endpoints)."""
        return prompt_view(doc.text, doc.sections, about=ABOUT_STUDY)

    def rules(self) -> Sequence[Rule]:
        return RULES

    def rule_context(self, doc: Document, answer: TrialReadoutSummary) -> RuleContext:
        return RuleContext(answer, doc, doc.published)

    def read(self, doc: Document) -> TrialReadoutSummary:
        """The deterministic reader's answer (every quote exact, offsets filled)."""
        return read(doc)

    def settle(self, answer: TrialReadoutSummary, doc: Document,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Finding]:
        """Arbitrate the endpoint by evidence, fill empty lists, trim quotes (in place)."""
        return settle(answer, doc, options.arbitration, trim=options.trim_quotes)

    def merge(self, parts: Sequence[TrialReadoutSummary]) -> TrialReadoutSummary:
        return merge_parts(parts)

    def score_document(
        self, prediction_record: Mapping[str, Any], gold: Mapping[str, Any]
    ) -> dict[str, float | None]:
        return _scoring.score_document(prediction_record, gold)

    def confusion(
        self, prediction_record: Mapping[str, Any], gold: Mapping[str, Any]
    ) -> tuple[str, str] | None:
        return _scoring.confusion(prediction_record, gold)

    def card(self, answer: TrialReadoutSummary) -> Card:
        return _card.card(answer)
