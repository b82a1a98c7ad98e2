"""The trial-readout task: every piece that makes a summary of topline clinical results.

``TrialReadoutTask`` carries exactly the members of the Task contract (docs: TASK_DESIGN), so the
engine can drive it like any task: the schema and prompts the model fills, the rules that check
an answer, the deterministic reader (the "rules" backend), the settle steps, the scorer of
tests/data/trials/LABEL_SPEC.md and the report card.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from summarizer.intake import Document
from summarizer.sections import PromptView, prompt_view
from summarizer.tasks.trial_readout import card as _card
from summarizer.tasks.trial_readout import scoring as _scoring
from summarizer.tasks.trial_readout.merge import merge_parts
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.rules import RULES, Rule, RuleContext, source_index
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.settle import Policy, settle
from summarizer.tasks.trial_readout.vocabulary import (
    ENDPOINT_CODES,
    ENDPOINT_MEANINGS,
    PHASE_CODES,
)
from summarizer.types import Finding

__all__ = ["TrialReadoutTask"]


# subclasses summarizer.task.Task once the Task seam lands (issue 15); until then a plain class
# with exactly the members of that contract
class TrialReadoutTask:
    """Topline clinical trial results: trial and phase, product, indication, primary endpoint
    met / not met / mixed / not reported, key results, safety, next steps, sentiment."""

    name: ClassVar[str] = "trial-readout"
    #: bump when the schema, prompts, rules or reader change (cache key, record meta)
    version: ClassVar[str] = "1"
    description: ClassVar[str] = (
        "Topline clinical trial results: trial, phase, primary endpoint met or not, key results, "
        "safety, next steps"
    )
    schema: ClassVar[type[TrialReadoutSummary]] = TrialReadoutSummary
    #: the package holding system.j2, user.j2 and reask.j2 (rendered by summarizer.prompting)
    templates: ClassVar[str] = "summarizer.tasks.trial_readout.prompts"
    metrics: ClassVar[tuple[str, ...]] = _scoring.METRICS

    def template_context(self) -> dict[str, Any]:
        """Constant variables of system.j2: the code lists, built from the vocabulary."""
        return {
            "phase_codes": list(PHASE_CODES),
            "endpoint_codes": [(code, ENDPOINT_MEANINGS[code]) for code in ENDPOINT_CODES],
        }

    def view(self, doc: Document) -> PromptView:
        """What the model reads: the engine's body-first view, boilerplate left out."""
        return prompt_view(doc.text, doc.sections)

    def rules(self) -> Sequence[Rule]:
        return RULES

    def rule_context(self, doc: Document, answer: TrialReadoutSummary) -> RuleContext:
        return RuleContext(answer, doc, doc.published, source_index(doc))

    def read(self, doc: Document) -> TrialReadoutSummary:
        """The deterministic reader's answer (every quote exact, offsets filled)."""
        return read(doc)

    def settle(
        self, answer: TrialReadoutSummary, doc: Document, policy: Policy = "overrule"
    ) -> list[Finding]:
        """Arbitrate the endpoint by evidence, fill empty lists, trim quotes (in place)."""
        return settle(answer, doc, policy)

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

    def card(self, summary: TrialReadoutSummary) -> _card.Card:
        return _card.card(summary)
