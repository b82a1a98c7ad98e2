"""The trial-readout task: structured summaries of topline clinical trial results.

``TrialReadoutTask`` gathers the pieces (schema, prompts, rules, reader, settle steps, scoring,
card); ``TrialReadoutSummary`` is the answer it produces.
"""

from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.task import TrialReadoutTask

__all__ = ["TrialReadoutSummary", "TrialReadoutTask"]
