"""Validated, evidence-grounded structured summaries of press releases.

    >>> import summarizer
    >>> result = summarizer.summarize(text, base_url="http://127.0.0.1:8765/v1")  # doctest: +SKIP
    >>> result.summary.outcome.decision  # doctest: +SKIP
    'negative_opinion'

The public API is ``__all__``: the summarizer, its results and errors, the default
(regulatory) task's answer types, and what a task of one's own is made of (``Task``,
``Answer``, ``Evidence``, ``Sentiment``, ``Rule``, ``Finding``). Everything else is importable
from its module but may change.
"""

import typing

from summarizer.errors import (
    AuthenticationError,
    BackendConnectionError,
    BackendError,
    BackendStatusError,
    BackendTimeoutError,
    CacheError,
    ConfigurationError,
    InputError,
    InputTooLargeError,
    InvalidOutputError,
    NoBackendError,
    OutputTruncatedError,
    RateLimitError,
    SummarizerError,
    TokenBudgetError,
)
from summarizer.evidence import Answer, Evidence, Sentiment
from summarizer.rulebook import Rule
from summarizer.task import Task, TaskInfo, available_tasks, get_task
from summarizer.tasks.regulatory.schema import (
    SCHEMA_VERSION,
    NextStep,
    Outcome,
    Product,
    Reason,
    RegulatorySummary,
)
from summarizer.tasks.regulatory.task import RegulatoryTask as _RegulatoryTask
from summarizer.types import ErrorInfo, Finding, Meta, SummaryResult, Usage

if typing.TYPE_CHECKING:
    from summarizer.api import Summarizer, summarize

__version__ = "0.1.0"

#: the default (regulatory) task's prompt version: a hash of its templates and code lists
PROMPT_VERSION = _RegulatoryTask().prompt_version


def __getattr__(name: str) -> typing.Any:
    # the API pulls in openai and instructor; import it on first use so that the light parts
    # (schemas, intake, rules) load fast and stay importable on their own
    if name in ("Summarizer", "summarize"):
        from summarizer import api

        return getattr(api, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


__all__ = [
    "PROMPT_VERSION",
    "SCHEMA_VERSION",
    "Answer",
    "AuthenticationError",
    "BackendConnectionError",
    "BackendError",
    "BackendStatusError",
    "BackendTimeoutError",
    "CacheError",
    "ConfigurationError",
    "ErrorInfo",
    "Evidence",
    "Finding",
    "InputError",
    "InputTooLargeError",
    "InvalidOutputError",
    "Meta",
    "NextStep",
    "NoBackendError",
    "Outcome",
    "OutputTruncatedError",
    "Product",
    "RateLimitError",
    "Reason",
    "RegulatorySummary",
    "Rule",
    "Sentiment",
    "Summarizer",
    "SummarizerError",
    "SummaryResult",
    "Task",
    "TaskInfo",
    "TokenBudgetError",
    "Usage",
    "__version__",
    "available_tasks",
    "get_task",
    "summarize",
]
