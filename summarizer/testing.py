"""Test doubles shipped with the library: a scripted OpenAI-compatible endpoint, in process.

``FakeEndpoint`` plugs into a real ``openai`` client through an ``httpx2.MockTransport``, so the
whole HTTP path (request building, instructor parsing, retries, re-asks) runs without a network
or a model. Script it with replies; read back the requests it received:

    >>> endpoint = FakeEndpoint([Reply.answer(summary), Reply.status(429, retry_after=0)])
    >>> s = Summarizer(client=endpoint.client(), async_client=endpoint.async_client())
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2
import openai

from summarizer.schemas.summary import RegulatorySummary

__all__ = ["FakeEndpoint", "LoopbackServer", "Reply", "completion_body"]


@dataclass(frozen=True)
class Reply:
    """One scripted answer of the fake endpoint."""

    status_code: int = 200
    payload: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    finish_reason: str = "stop"
    prompt_tokens: int = 100
    completion_tokens: int = 50
    #: seconds to wait before answering (LoopbackServer only): a stall past the client timeout
    delay: float = 0.0

    @classmethod
    def answer(
        cls,
        summary: RegulatorySummary | dict[str, Any],
        *,
        finish_reason: str = "stop",
        prompt_tokens: int = 100,
        completion_tokens: int = 50,
    ) -> Reply:
        """A model answer carrying ``summary`` (as a tool call or as JSON content)."""
        payload = (
            summary.model_dump(mode="json")
            if isinstance(summary, RegulatorySummary)
            else summary
        )
        return cls(payload=_strip_grounding(payload), finish_reason=finish_reason,
                   prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)

    @classmethod
    def status(cls, code: int, *, retry_after: float | None = None, message: str = "") -> Reply:
        """An HTTP error answer (e.g. 429 with ``Retry-After``, 500, 401)."""
        headers = {"retry-after": str(retry_after)} if retry_after is not None else {}
        body = json.dumps({"error": {"message": message or f"status {code}", "type": "fake"}})
        return cls(status_code=code, headers=headers, body=body.encode())

    @classmethod
    def reset(cls) -> Reply:
        """Reset the connection without answering (LoopbackServer only)."""
        return cls(status_code=-1)

    @classmethod
    def raw(cls, body: bytes, *, status_code: int = 200) -> Reply:
        """A raw body, e.g. malformed JSON."""
        return cls(status_code=status_code, body=body,
                   headers={"content-type": "application/json"})


def _strip_grounding(value: Any) -> Any:
    """Remove the grounding fields a model would never send."""
    if isinstance(value, dict):
        hidden = ("start", "end", "match", "score") if "quote" in value else ()
        return {k: _strip_grounding(v) for k, v in value.items() if k not in hidden}
    if isinstance(value, list):
        return [_strip_grounding(v) for v in value]
    return value


def completion_body(request: dict[str, Any], reply: Reply, number: int = 1) -> dict[str, Any]:
    """The chat-completion JSON answering ``request`` with ``reply`` (tool call or content)."""
    content = json.dumps(reply.payload)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [{
            "id": f"call_{number}", "type": "function",
            "function": {"name": name, "arguments": content},
        }]
    else:
        message["content"] = content
    return {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion",
        "created": 0,
        "model": request.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }


class FakeEndpoint:
    """A scripted OpenAI-compatible chat-completions endpoint (no network)."""

    def __init__(self, replies: Iterable[Reply], *, repeat_last: bool = False) -> None:
        self._replies = list(replies)
        self._repeat_last = repeat_last
        self._lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []
        self.transport = httpx2.MockTransport(self._handle)

    def _next(self) -> Reply:
        with self._lock:
            if not self._replies:
                raise AssertionError("FakeEndpoint: more requests than scripted replies")
            if len(self._replies) == 1 and self._repeat_last:
                return self._replies[0]
            return self._replies.pop(0)

    def _handle(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content or b"{}")
        with self._lock:
            self.requests.append(body)
            number = len(self.requests)
        reply = self._next()
        if reply.body is not None:
            return httpx2.Response(reply.status_code, headers=reply.headers, content=reply.body)
        return httpx2.Response(reply.status_code, headers=reply.headers,
                               json=completion_body(body, reply, number))

    def client(self) -> openai.OpenAI:
        """A sync OpenAI client wired to this endpoint (no client-side retries)."""
        return openai.OpenAI(
            api_key="sk-test-not-a-real-key", base_url="http://fake.invalid/v1", max_retries=0,
            http_client=httpx2.Client(transport=self.transport),
        )

    def async_client(self) -> openai.AsyncOpenAI:
        """An async OpenAI client wired to this endpoint."""
        return openai.AsyncOpenAI(
            api_key="sk-test-not-a-real-key", base_url="http://fake.invalid/v1", max_retries=0,
            http_client=httpx2.AsyncClient(transport=self.transport),
        )


class LoopbackServer:
    """A real OpenAI-compatible HTTP server on 127.0.0.1 that plays scripted replies and faults.

    For fault and load tests that must cross a real socket: besides ``Reply`` answers it can
    reset the connection (``Reply(status_code=-1)``), stall past the client's timeout
    (``delay``), or add latency to every answer. Use as a context manager.
    """

    def __init__(self, replies: Iterable[Reply] = (), *, repeat_last: bool = False,
                 delay: float = 0.0,
                 responder: Callable[[dict[str, Any]], Reply] | None = None) -> None:
        self.endpoint = FakeEndpoint(replies, repeat_last=repeat_last)
        self.delay = delay
        self.responder = responder
        self.requests = self.endpoint.requests
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:  # /v1/models, for readiness checks
                self._send(200, {"content-type": "application/json"},
                           b'{"object":"list","data":[{"id":"local","object":"model"}]}')

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server.endpoint._lock:
                    server.requests.append(body)
                    number = len(server.requests)
                reply = server.responder(body) if server.responder else server.endpoint._next()
                if server.delay:
                    time.sleep(server.delay)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status_code < 0:  # connection reset: RST instead of an answer
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                               struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                if reply.body is not None:
                    headers = {"content-type": "application/json", **reply.headers}
                    self._send(reply.status_code, headers, reply.body)
                    return
                payload = json.dumps(completion_body(body, reply, number)).encode()
                self._send(reply.status_code, {"content-type": "application/json",
                                               **reply.headers}, payload)

            def _send(self, status: int, headers: dict[str, str], payload: bytes) -> None:
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
