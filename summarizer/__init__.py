"""Validated, evidence-grounded structured summaries of regulatory press releases.

    >>> import summarizer
    >>> result = summarizer.summarize(text, base_url="http://127.0.0.1:8765/v1")  # doctest: +SKIP
    >>> result.summary.outcome.decision  # doctest: +SKIP
    'negative_opinion'
"""

from typing import TYPE_CHECKING, Any

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
from summarizer.evidence import Evidence, Sentiment
from summarizer.task import Task, available_tasks, get_task
from summarizer.tasks.regulatory import RegulatoryTask
from summarizer.tasks.regulatory.schema import (
    SCHEMA_VERSION,
    NextStep,
    Outcome,
    Product,
    Reason,
    RegulatorySummary,
)
from summarizer.types import ErrorInfo, Finding, Meta, SummaryResult, Usage

if TYPE_CHECKING:
    from summarizer.api import Summarizer, summarize

__version__ = "0.1.0"

#: the default (regulatory) task's prompt version: a hash of its templates and code lists
PROMPT_VERSION = RegulatoryTask().prompt_version


def __getattr__(name: str) -> Any:
    # the API pulls in openai and instructor; import it on first use so that the light parts
    # (schemas, intake, rules) load fast and stay importable on their own
    if name in ("Summarizer", "summarize"):
        from summarizer import api

        return getattr(api, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


__all__ = [
    "PROMPT_VERSION",
    "SCHEMA_VERSION",
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
    "Sentiment",
    "Summarizer",
    "SummarizerError",
    "SummaryResult",
    "Task",
    "TokenBudgetError",
    "Usage",
    "__version__",
    "available_tasks",
    "get_task",
    "summarize",
]
