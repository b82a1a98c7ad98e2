"""The regulatory task (the default): structured summaries of a regulator's action.

``RegulatoryTask`` gathers the pieces (schema, prompts, rules, the rules backend, settle steps,
scoring, card, timeline); ``RegulatorySummary`` is the answer it produces.
"""

from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.task import RegulatoryTask

__all__ = ["RegulatorySummary", "RegulatoryTask"]
