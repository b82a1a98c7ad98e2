"""Scrubbing rules for recorded LLM traffic (vcrpy cassettes), shared by our tests and users'.

A cassette is committed to a repository, so what it keeps matters: credentials in request
headers are replaced by ``REDACTED``, credentials in the query string likewise, and response
headers are cut down to the content type (cookies, request ids and server fingerprints go).
The same rules serve this project's own cassettes (``tests/conftest.py``) and the pytest plugin
that downstream users record with (``summarizer.pytest_plugin``), so a fix here covers both.

Nothing here imports vcrpy: the values are plain data and functions vcrpy is configured with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "KEPT_RESPONSE_HEADERS",
    "LLM_PATHS",
    "SECRET_HEADERS",
    "SECRET_QUERY_PARAMETERS",
    "is_llm_request",
    "only_llm_requests",
    "recorded_requests",
    "scrub_response",
    "vcr_config",
]

#: request headers that carry credentials or session state (matched case-insensitively)
SECRET_HEADERS: tuple[str, ...] = (
    "authorization", "api-key", "x-api-key", "openai-api-key", "cookie", "set-cookie",
    "openai-organization", "openai-project",
)
#: query parameters some OpenAI-compatible gateways take a key in (Azure-style, proxies)
SECRET_QUERY_PARAMETERS: tuple[str, ...] = ("api-key", "api_key", "key", "token")
#: the only response headers a replay needs
KEPT_RESPONSE_HEADERS: frozenset[str] = frozenset({"content-type"})
#: the endpoint paths the summarizer's LLM backends call (chat completions; the legacy one too)
LLM_PATHS: tuple[str, ...] = ("/chat/completions", "/completions")


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Keep only the response headers replay needs; drop cookies, ids, server fingerprints.

    A vcrpy ``before_record_response`` hook: it edits and returns vcrpy's response dict.
    """
    response["headers"] = {k: v for k, v in response.get("headers", {}).items()
                           if k.lower() in KEPT_RESPONSE_HEADERS}
    return response


def is_llm_request(uri: str) -> bool:
    """Whether a request URI is a call to a chat-completions endpoint (what the summarizer sends).
    """
    return urlsplit(uri).path.rstrip("/").endswith(LLM_PATHS)


def only_llm_requests(request: Any) -> Any:
    """A vcrpy ``before_record_request`` hook that records only LLM calls.

    Returning ``None`` tells vcrpy to leave a request alone (neither recorded nor replayed), so
    the rest of a test's HTTP traffic (a local web app, a test server) behaves as without vcrpy.
    """
    return request if is_llm_request(request.uri) else None


def vcr_config(
    *,
    match_on: tuple[str, ...] = ("method", "scheme", "host", "port", "path", "query", "body"),
    before_record_request: Callable[[Any], Any] | None = only_llm_requests,
) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR(...)`` / ``use_cassette(...)`` with the scrubbing rules.

    Requests match on the whole URL and the exact body by default, so a changed prompt or a
    changed setting fails loudly (no recorded answer) instead of replaying a stale one.
    """
    config: dict[str, Any] = {
        "filter_headers": [(h, "REDACTED") for h in SECRET_HEADERS],
        "filter_query_parameters": [(p, "REDACTED") for p in SECRET_QUERY_PARAMETERS],
        "before_record_response": scrub_response,
        "match_on": list(match_on),
        "decode_compressed_response": True,
    }
    if before_record_request is not None:
        config["before_record_request"] = before_record_request
    return config


def recorded_requests(path: str | PathLike[str]) -> int:
    """How many LLM requests a cassette holds (0 when there is none): a replay that re-asks
    more often than the recording did has no answer for the extra request, so replays of
    recordings made under other rules cap their re-asks at this count minus one."""
    cassette = Path(path)
    if not cassette.exists():
        return 0
    uris = re.findall(r"^\s*uri:\s*(\S+)\s*$", cassette.read_text(encoding="utf-8"), re.M)
    return sum(1 for uri in uris if is_llm_request(uri))
