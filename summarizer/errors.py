"""The summarizer's exception tree, in one place.

    SummarizerError                 base of everything this library raises on purpose
    ├── ConfigurationError          bad settings (unknown backend, missing model, bad option value)
    │   └── NoBackendError          no LLM configured and the caller asked for one
    ├── InputError                  the document was rejected (empty, binary, too large, unreadable)
    │   └── InputTooLargeError      over the configured byte limit
    ├── BackendError                talking to the model endpoint failed
    │   ├── AuthenticationError     401/403: wrong or missing key (never retried)
    │   ├── RateLimitError          429 still returned after every transport retry
    │   ├── BackendTimeoutError     the endpoint did not answer in time, after every retry
    │   ├── BackendConnectionError  connection refused/reset, after every retry
    │   ├── BackendStatusError      any other non-2xx answer (5xx after retries, 400, 404 ...)
    │   └── OutputTruncatedError    the model stopped on its token limit (finish_reason="length"),
    │                               also when asked once more for a shorter answer
    ├── InvalidOutputError          the model's answer never validated, after every re-ask
    ├── BatchNotReadyError          an OpenAI batch has not finished yet (nothing to collect)
    ├── CacheError                  the result cache cannot be read or written (a ``Summarizer``
    │                               reports it once and goes on without the cache)
    └── TokenBudgetError            the configured token budget ran out

Every error carries ``usage`` (tokens and requests spent before it was raised) when a model was
called, so callers can account for failed documents too. Messages never contain API keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.types import Usage

__all__ = [
    "AuthenticationError",
    "BackendConnectionError",
    "BackendError",
    "BackendStatusError",
    "BackendTimeoutError",
    "BatchNotReadyError",
    "CacheError",
    "ConfigurationError",
    "InputError",
    "InputTooLargeError",
    "InvalidOutputError",
    "NoBackendError",
    "OutputTruncatedError",
    "RateLimitError",
    "SummarizerError",
    "TokenBudgetError",
]


class SummarizerError(Exception):
    """Base class: catch this to catch everything the summarizer raises deliberately."""

    #: short machine-readable name written into error records
    code = "error"

    def __init__(self, message: str, *, usage: Usage | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage


class ConfigurationError(SummarizerError):
    """The settings are wrong or incomplete."""

    code = "configuration"


class NoBackendError(ConfigurationError):
    """No LLM backend is configured; the message says how to configure one."""

    code = "no_backend"


class InputError(SummarizerError):
    """The input document was rejected (empty, binary, not text, unreadable)."""

    code = "input"


class InputTooLargeError(InputError):
    """The input is larger than the configured ``max_input_bytes``."""

    code = "input_too_large"


class BackendError(SummarizerError):
    """The model endpoint could not give an answer."""

    code = "backend"


class AuthenticationError(BackendError):
    """The endpoint refused the credentials (HTTP 401/403)."""

    code = "auth"


class RateLimitError(BackendError):
    """The endpoint kept answering 429 until the retry budget ran out."""

    code = "rate_limit"


class BackendTimeoutError(BackendError):
    """The endpoint did not answer within the timeout, on every attempt."""

    code = "timeout"


class BackendConnectionError(BackendError):
    """The endpoint could not be reached (refused, reset, DNS), on every attempt."""

    code = "connection"


class BackendStatusError(BackendError):
    """The endpoint answered with an HTTP error status that is not retried or kept failing."""

    code = "http_status"

    def __init__(self, message: str, *, status_code: int | None = None,
                 usage: Usage | None = None) -> None:
        super().__init__(message, usage=usage)
        self.status_code = status_code


class OutputTruncatedError(BackendError):
    """The model hit its output token limit before finishing the answer."""

    code = "truncated"


class InvalidOutputError(SummarizerError):
    """The model's answer did not validate against the schema after every re-ask."""

    code = "invalid_output"


class BatchNotReadyError(SummarizerError):
    """An OpenAI Batch API batch is still validating, running or finalizing: collect it later."""

    code = "batch_not_ready"


class CacheError(SummarizerError):
    """The result cache cannot be used: its file is damaged or not SQLite, its folder cannot be
    written, or a custom cache raised. ``damaged`` is true when the file itself is unreadable
    (a ``ResultCache`` can then be rebuilt, keeping the damaged file aside)."""

    code = "cache"

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


class TokenBudgetError(SummarizerError):
    """The per-document token budget was exhausted before a valid answer came back."""

    code = "token_budget"
