"""Test doubles shipped with the library: a scripted OpenAI-compatible endpoint, in process.

``FakeEndpoint`` plugs into a real ``openai`` client through an ``httpx2.MockTransport``, so the
whole HTTP path (request building, instructor parsing, retries, re-asks) runs without a network
or a model. Script it with replies; read back the requests it received:

    >>> endpoint = FakeEndpoint([Reply.answer(summary), Reply.status(429, retry_after=0)])
    >>> s = Summarizer(client=endpoint.client(), async_client=endpoint.async_client())

``FakeBatchAPI`` does the same for OpenAI's Files and Batches API (upload, create, poll,
download), answering each batch request line with a ``Reply`` or a scripted failure;
``TransportServer`` serves it (or any ``httpx2`` handler) on a loopback port for CLI tests.
``ScaleServer`` is a loopback server for load tests: fixed latency, a share of 429s with
``Retry-After``, a valid answer for any release (``synthetic_release`` makes short ones).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import httpx2
import openai
from pydantic import BaseModel

from summarizer.api import Summarizer
from summarizer.errors import ConfigurationError
from summarizer.intake import load
from summarizer.task import Task, get_task
from summarizer.types import SummaryResult

__all__ = [
    "BatchAnswer",
    "BatchLineError",
    "FakeBatchAPI",
    "FakeEndpoint",
    "LoopbackServer",
    "Reply",
    "ScaleServer",
    "TransportServer",
    "answered",
    "completion_body",
    "gold_answer",
    "release_text",
    "rules_answer",
    "synthetic_release",
]


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
        summary: BaseModel | dict[str, Any],
        *,
        finish_reason: str = "stop",
        prompt_tokens: int = 100,
        completion_tokens: int = 50,
    ) -> Reply:
        """A model answer carrying ``summary`` (any task's answer, or its JSON object) as a
        tool call or as JSON content."""
        payload = summary.model_dump(mode="json") if isinstance(summary, BaseModel) else summary
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


class _ThreadedHTTP:
    """A threaded HTTP server on a free 127.0.0.1 port, started and stopped as a context manager
    (``with Server() as server: server.base_url``)."""

    _httpd: ThreadingHTTPServer
    _thread: threading.Thread

    def _listen(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class LoopbackServer(_ThreadedHTTP):
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
            # headers and body go out in two writes: with Nagle's algorithm on, the body waits
            # for the client's delayed ACK (~40 ms on Linux) and every answer is that late
            disable_nagle_algorithm = True

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

        self._listen(Handler)


class TransportServer(_ThreadedHTTP):
    """Serves an ``httpx2`` request handler (such as ``FakeBatchAPI.handle``) on 127.0.0.1.

    For code that builds its own client from a base URL (the CLI, a subprocess) and so cannot
    be handed a ``MockTransport``. Use as a context manager; ``base_url`` ends in ``/v1``.
    """

    def __init__(self, handler: Callable[[httpx2.Request], httpx2.Response]) -> None:
        self.handler = handler
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _relay(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = httpx2.Request(
                    self.command, f"http://127.0.0.1{self.path}",
                    headers=list(self.headers.items()), content=self.rfile.read(length),
                )
                response = server.handler(request)
                payload = response.read()
                self.send_response(response.status_code)
                self.send_header("content-type",
                                 response.headers.get("content-type", "application/json"))
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = _relay

        self._listen(Handler)


@dataclass(frozen=True)
class BatchLineError:
    """A batch request that was never run: an error-file line with ``error`` set and
    ``response: null`` (what OpenAI writes for requests of an expired or cancelled batch)."""

    code: str = "batch_expired"
    message: str = "This request could not be executed before the completion window expired."


#: how a fake batch answers one request line (None: the line is missing from both files)
BatchAnswer = Reply | BatchLineError | None


def _json_response(status: int, payload: dict[str, Any]) -> httpx2.Response:
    return httpx2.Response(status, json=payload)


def _api_error(status: int, message: str) -> httpx2.Response:
    return _json_response(status, {"error": {"message": message, "type": "invalid_request_error",
                                             "param": None, "code": None}})


def _multipart_fields(request: httpx2.Request) -> dict[str, tuple[str | None, bytes]]:
    """The fields of a ``multipart/form-data`` body: name -> (filename, bytes)."""
    match = re.search(r'boundary="?([^";]+)"?', request.headers.get("content-type", ""))
    if match is None:
        return {}
    fields: dict[str, tuple[str | None, bytes]] = {}
    for chunk in request.content.split(b"--" + match.group(1).encode())[1:-1]:
        head, _, data = chunk.partition(b"\r\n\r\n")
        name = re.search(rb'\bname="([^"]*)"', head)
        filename = re.search(rb'\bfilename="([^"]*)"', head)
        if name is not None:
            fields[name.group(1).decode()] = (
                filename.group(1).decode() if filename else None,
                data[:-2] if data.endswith(b"\r\n") else data,
            )
    return fields


class FakeBatchAPI:
    """A scripted fake of OpenAI's Files and Batches API (no network, no model).

    It speaks what the ``openai`` client sends: ``POST /v1/files`` (multipart upload),
    ``GET /v1/files/{id}``, ``GET /v1/files/{id}/content``, ``POST /v1/batches`` and
    ``GET /v1/batches/{id}`` (404 for unknown ids; 401 for a wrong key when ``api_key`` is set).
    Creating a batch validates its input file like the real API (JSON lines, unique
    ``custom_id``, ``method`` POST, ``url`` equal to the batch endpoint); a bad file gives a
    ``failed`` batch with per-line errors. The batch stays ``in_progress`` for ``polls``
    retrievals, then "runs": each request line is answered by ``answers``:

    * a ``Reply`` with status 200: an output-file line carrying ``completion_body(body, reply)``;
      ``Reply.raw(b"...")`` puts that text as the model's message content (malformed output);
    * a ``Reply`` with another status (``Reply.status(500)``): an error-file line with that
      ``response.status_code`` and error body (``status_errors_in_output=True`` writes it to
      the output file instead: a parser must check ``status_code``, not only ``error``);
    * a ``BatchLineError``: an error-file line with ``error`` set and no response;
    * ``None``: no line at all (a request the batch lost).

    ``answers`` is one answer for every line, a mapping ``custom_id`` -> answer (others get
    ``default``), or a callable ``(custom_id, body) -> answer``. ``client()`` gives an
    in-process ``openai.OpenAI``; ``serve()`` a ``TransportServer`` for CLI and subprocess tests.
    """

    def __init__(
        self,
        answers: BatchAnswer | Mapping[str, BatchAnswer]
        | Callable[[str, dict[str, Any]], BatchAnswer],
        *,
        default: BatchAnswer = None,
        polls: int = 0,
        final_status: str = "completed",
        status_errors_in_output: bool = False,
        api_key: str | None = None,
    ) -> None:
        self._answers = answers
        self._default = default
        self.polls = polls
        self.final_status = final_status
        self.status_errors_in_output = status_errors_in_output
        self.api_key = api_key
        self._lock = threading.Lock()
        #: uploaded and generated files by id: metadata plus ``content`` (bytes)
        self.files: dict[str, dict[str, Any]] = {}
        #: batches by id, as the API returns them
        self.batches: dict[str, dict[str, Any]] = {}
        #: every request received, as (method, path)
        self.calls: list[tuple[str, str]] = []
        self._lines: dict[str, list[dict[str, Any]]] = {}
        self._retrievals: dict[str, int] = {}
        self.transport = httpx2.MockTransport(self.handle)

    def client(self) -> openai.OpenAI:
        """A sync OpenAI client wired to this fake (no client-side retries)."""
        return openai.OpenAI(
            api_key=self.api_key or "sk-test-not-a-real-key", base_url="http://fake.invalid/v1",
            max_retries=0, http_client=httpx2.Client(transport=self.transport),
        )

    def serve(self) -> TransportServer:
        """A loopback HTTP server for this fake (enter it to start)."""
        return TransportServer(self.handle)

    def answer_for(self, custom_id: str, body: dict[str, Any]) -> BatchAnswer:
        """The scripted answer to one request line."""
        answers = self._answers
        if isinstance(answers, Reply | BatchLineError) or answers is None:
            return answers
        if isinstance(answers, Mapping):
            return answers.get(custom_id, self._default)
        return answers(custom_id, body)

    # -- protocol --------------------------------------------------------------------------

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        """Answer one HTTP request of the Files/Batches protocol."""
        path = request.url.path
        route = path[path.find("/v1/") + 3:] if "/v1/" in path else path
        with self._lock:
            self.calls.append((request.method, route))
            if self.api_key is not None and \
                    request.headers.get("authorization") != f"Bearer {self.api_key}":
                return _api_error(401, "Incorrect API key provided")
            parts = route.strip("/").split("/")
            if request.method == "POST" and parts == ["files"]:
                return self._upload(request)
            if request.method == "GET" and len(parts) in (2, 3) and parts[0] == "files":
                file = self.files.get(parts[1])
                if file is None or (len(parts) == 3 and parts[2] != "content"):
                    return _api_error(404, f"No such File object: {parts[1]}")
                if len(parts) == 3:
                    return httpx2.Response(200, content=file["content"],
                                           headers={"content-type": "application/octet-stream"})
                return _json_response(200, {k: v for k, v in file.items() if k != "content"})
            if request.method == "POST" and parts == ["batches"]:
                return self._create(json.loads(request.content or b"{}"))
            if request.method == "GET" and len(parts) == 2 and parts[0] == "batches":
                return self._retrieve(parts[1])
            return _api_error(404, f"unknown route {request.method} {route}")

    def _add_file(self, filename: str, purpose: str, content: bytes) -> dict[str, Any]:
        file_id = f"file-{len(self.files) + 1:04d}"
        self.files[file_id] = {
            "id": file_id, "object": "file", "bytes": len(content), "created_at": int(time.time()),
            "filename": filename, "purpose": purpose, "status": "processed", "content": content,
        }
        return self.files[file_id]

    def _upload(self, request: httpx2.Request) -> httpx2.Response:
        fields = _multipart_fields(request)
        if "file" not in fields or "purpose" not in fields:
            return _api_error(400, "a file and a purpose are required")
        filename, content = fields["file"]
        purpose = fields["purpose"][1].decode()
        file = self._add_file(filename or "upload", purpose, content)
        return _json_response(200, {k: v for k, v in file.items() if k != "content"})

    def _create(self, params: dict[str, Any]) -> httpx2.Response:
        file = self.files.get(str(params.get("input_file_id")))
        if file is None:
            return _api_error(400, f"No such File object: {params.get('input_file_id')}")
        if file["purpose"] != "batch":
            return _api_error(400, "the input file must have purpose 'batch'")
        if params.get("completion_window") != "24h":
            return _api_error(400, "completion_window must be '24h'")
        endpoint = str(params.get("endpoint"))
        lines, problems = self._validate(file["content"], endpoint)
        batch_id = f"batch_{len(self.batches) + 1:04d}"
        now = int(time.time())
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": endpoint,
            "input_file_id": file["id"], "completion_window": "24h",
            "status": "failed" if problems else "validating", "created_at": now,
            "expires_at": now + 86400, "failed_at": now if problems else None,
            "output_file_id": None, "error_file_id": None,
            "errors": {"object": "list", "data": problems} if problems else None,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": params.get("metadata"),
        }
        self._lines[batch_id] = lines
        self._retrievals[batch_id] = 0
        return _json_response(200, self.batches[batch_id])

    @staticmethod
    def _validate(content: bytes, endpoint: str) -> tuple[list[dict[str, Any]], list[Any]]:
        lines: list[dict[str, Any]] = []
        problems: list[dict[str, Any]] = []
        seen: set[str] = set()
        for number, raw in enumerate(content.decode("utf-8", "replace").splitlines(), start=1):
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                line = None
            if not isinstance(line, dict) or not isinstance(line.get("body"), dict):
                problem = ("invalid_json_line", "This line is not parseable as valid JSON.")
            elif not isinstance(line.get("custom_id"), str) or line["custom_id"] in seen:
                problem = ("duplicate_custom_id", "The custom_id is missing or not unique.")
            elif line.get("method") != "POST" or line.get("url") != endpoint:
                problem = ("invalid_url", f"The url must be {endpoint} with method POST.")
            else:
                seen.add(line["custom_id"])
                lines.append(line)
                continue
            problems.append({"code": problem[0], "message": problem[1], "line": number,
                             "param": None})
        if not lines and not problems:
            problems.append({"code": "empty_file", "message": "The input file is empty.",
                             "line": None, "param": None})
        return lines, problems

    def _retrieve(self, batch_id: str) -> httpx2.Response:
        batch = self.batches.get(batch_id)
        if batch is None:
            return _api_error(404, f"No batch found with id '{batch_id}'.")
        if batch["status"] in ("validating", "in_progress"):
            self._retrievals[batch_id] += 1
            if self._retrievals[batch_id] <= self.polls:
                batch["status"] = "in_progress"
                batch["in_progress_at"] = batch.get("in_progress_at") or int(time.time())
            else:
                self._run(batch)
        return _json_response(200, batch)

    def _run(self, batch: dict[str, Any]) -> None:
        output: list[str] = []
        failed: list[str] = []
        for number, line in enumerate(self._lines[batch["id"]], start=1):
            answer = self.answer_for(line["custom_id"], line["body"])
            if answer is None:
                continue
            entry: dict[str, Any] = {"id": f"batch_req_{number:05d}",
                                     "custom_id": line["custom_id"], "response": None,
                                     "error": None}
            if isinstance(answer, BatchLineError):
                entry["error"] = {"code": answer.code, "message": answer.message}
                failed.append(json.dumps(entry))
                continue
            if answer.status_code == 200:
                body = completion_body(line["body"], answer, number)
                if answer.body is not None:  # malformed model output, as the message content
                    body["choices"][0]["message"]["content"] = answer.body.decode("utf-8",
                                                                                  "replace")
            else:
                try:
                    body = json.loads(answer.body or b"{}")
                except json.JSONDecodeError:
                    body = {"error": {"message": (answer.body or b"").decode("utf-8", "replace")}}
            entry["response"] = {"status_code": answer.status_code,
                                 "request_id": f"req_{number:05d}", "body": body}
            to_output = answer.status_code == 200 or self.status_errors_in_output
            (output if to_output else failed).append(json.dumps(entry))
        if output:
            batch["output_file_id"] = self._add_file(
                f"{batch['id']}_output.jsonl", "batch_output", "\n".join(output).encode() + b"\n",
            )["id"]
        if failed:
            batch["error_file_id"] = self._add_file(
                f"{batch['id']}_error.jsonl", "batch_output", "\n".join(failed).encode() + b"\n",
            )["id"]
        total = len(self._lines[batch["id"]])
        ok = sum(1 for raw in output if json.loads(raw)["response"]["status_code"] == 200)
        batch["request_counts"] = {"total": total, "completed": ok, "failed": total - ok}
        batch["status"] = self.final_status
        batch[f"{self.final_status}_at"] = int(time.time())


# -- answers from gold labels -----------------------------------------------------------------


def gold_answer(gold: Mapping[str, Any], evidence: str | None = None) -> dict[str, Any]:
    """A correct regulatory answer (the default task's) built from a gold label
    (``LABEL_SPEC.md``): what a perfect model would send for the release, for ``Reply.answer``.

    ``evidence`` is the release's sentence that states the decision (the label's ``evidence``
    field when it has one). Products are the label's names (first the name, then a generic name
    or code); rationale and next steps are left empty (a perfect model's wording is not
    known); the sentiment label is the gold one.
    """
    names = [n for n in gold.get("product") or [] if isinstance(n, str) and n.strip()]
    indications = [i for i in gold.get("indication") or [] if isinstance(i, str) and i.strip()]
    products = [{"name": names[0], "generic_name": names[1] if len(names) > 1 else None}] if (
        names) else []
    indication = indications[0] if indications else None
    event = bool(gold.get("is_regulatory_event"))
    quote = evidence if evidence is not None else gold.get("evidence")
    outcome: dict[str, Any] | None = None
    if event:
        outcome = {
            "evidence": {"quote": quote} if quote else None,
            "agency_body": None, "agency": gold["agency"], "decision": gold["decision"],
            "direction": gold.get("direction", "neutral"), "products": products,
            "indication": indication, "decision_date": None, "application": None,
        }
    elif products or indication:
        outcome = {
            "evidence": None, "agency_body": None, "agency": "NONE", "decision": "none",
            "direction": "neutral", "products": products, "indication": indication,
            "decision_date": None, "application": None,
        }
    label = gold.get("sentiment", "neutral")
    score = {"positive": 0.6, "negative": -0.6}.get(label, 0.0)
    return {
        "is_regulatory_event": event, "company": None,
        "headline": "Regulatory update on the product.",
        "summary": "The release reports its news.",
        "outcome": outcome, "rationale": [], "next_steps": [],
        "sentiment": {"label": label, "score": score, "rationale": "The news's implication.",
                      "evidence": None},
    }


# -- load testing ------------------------------------------------------------------------------


def answered(text: str, answer: Mapping[str, Any], published: dt.date | None = None,
             **settings: Any) -> SummaryResult:
    """The pipeline's result for one answer you choose (``gold_answer`` builds a correct one):
    a ``FakeEndpoint`` sends it for every request, nothing is sent back for correction unless
    ``max_reasks`` says so, and the rules and arbitration settle it as they would a model's.
    ``settings`` are ``Summarizer``'s (``arbitration="flag"``, ``max_reasks=1``)."""
    endpoint = FakeEndpoint([Reply.answer(dict(answer))], repeat_last=True)
    options: dict[str, Any] = {"max_reasks": 0, "max_retry_wait": 0.0, **settings}
    summarizer = Summarizer(client=endpoint.client(), model="fake", mode="json", **options)
    return summarizer.summarize(text, published=published)


def release_text(request: Mapping[str, Any]) -> str:
    """The release inside the ``<release>`` fence of a chat request ("" if there is none)."""
    for message in request.get("messages", []):
        content = message.get("content") if isinstance(message, Mapping) else None
        if message.get("role") == "user" and isinstance(content, str) and "<release>" in content:
            start = content.index("<release>") + len("<release>")
            return content[start:content.rfind("</release>")].strip("\n")
    return ""


def rules_answer(text: str, task: str | Task | None = None) -> BaseModel:
    """What ``task``'s reader (the rules backend; the default task's for None) reads in
    ``text``: a valid, grounded answer for any release."""
    reader = get_task(task)
    answer = reader.read(load(text))
    if answer is None:
        raise ConfigurationError(f"task {reader.name!r} has no reader to answer with")
    return answer


class ScaleServer(LoopbackServer):
    """An OpenAI-compatible loopback server for load and throughput tests.

    Every chat completion is answered, after ``latency`` seconds, with a valid summary of the
    release in the prompt (``answer(text)``; by default the default task's reader's reading,
    computed once per release); a seeded ``rate_limit_fraction`` of requests instead gets an
    immediate 429 with ``Retry-After: retry_after``, and so does every request beyond
    ``capacity`` held at once (a rate limit that depends on load). It holds many connections at
    once (a thread each and a deep accept queue). ``statuses`` counts answers by HTTP status,
    ``max_in_flight`` is the most requests it held at the same time. ``latency`` and
    ``rate_limit_fraction`` may be changed between runs.
    """

    def __init__(
        self,
        *,
        latency: float = 0.0,
        rate_limit_fraction: float = 0.0,
        retry_after: float = 1.0,
        seed: int = 0,
        capacity: int | None = None,
        answer: Callable[[str], BaseModel | dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(responder=self._respond)
        self.latency = latency
        self.rate_limit_fraction = rate_limit_fraction
        self.retry_after = retry_after
        self.capacity = capacity
        self.answer = answer or rules_answer
        self.statuses: dict[int, int] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self._random = random.Random(seed)
        self._answers: dict[str, Reply] = {}
        self._state = threading.Lock()
        self._httpd.socket.listen(512)  # the default backlog of 5 drops bursts of connects

    def _count(self, status: int) -> None:
        with self._state:
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def _respond(self, body: dict[str, Any]) -> Reply:
        with self._state:
            limited = self._random.random() < self.rate_limit_fraction or (
                self.capacity is not None and self.in_flight >= self.capacity
            )
            if not limited:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
        if limited:
            self._count(429)
            return Reply.status(429, retry_after=self.retry_after, message="rate limited")
        try:
            text = release_text(body)
            reply = self._answers.get(text)
            if reply is None:
                try:
                    reply = Reply.answer(self.answer(text))
                except Exception as exc:  # e.g. no release in the request: a client error
                    reply = Reply.status(400, message=f"cannot answer: {exc}")
                self._answers[text] = reply
            if self.latency:
                time.sleep(self.latency)
            self._count(reply.status_code)
            return reply
        finally:
            with self._state:
                self.in_flight -= 1


_SYNTHETIC = (
    ("Receives FDA Approval for",
     "U.S. Food and Drug Administration (FDA) has approved {p} ({g}) for the treatment of adults "
     "with {ind}",
     "The approval was based on results from two Phase 3 trials in which {pct}% of patients "
     "responded at week 16.",
     "The company plans to launch {p} in the United States in the second quarter of {y}."),
    ("Receives Complete Response Letter for",
     "U.S. Food and Drug Administration (FDA) has issued a Complete Response Letter for the New "
     "Drug Application for {p} ({g}) in {ind}",
     "The FDA indicated that an additional clinical trial is needed to support approval.",
     "The company intends to request a Type A meeting with the FDA within 30 days."),
    ("Receives Positive CHMP Opinion for",
     "Committee for Medicinal Products for Human Use (CHMP) of the European Medicines Agency has "
     "adopted a positive opinion recommending marketing authorization of {p} ({g}) for {ind}",
     "The positive opinion was based on a Phase 3 study in which {pct}% of patients met the "
     "primary endpoint.",
     "The European Commission is expected to issue its decision within 67 days."),
)
_INDICATIONS = ("moderate-to-severe plaque psoriasis", "relapsed multiple myeloma",
                "chronic kidney disease", "generalized myasthenia gravis")


def synthetic_release(number: int) -> str:
    """A short (~1 KB), realistic, invented press release; ``number`` varies company, product,
    decision (FDA approval, complete response letter, positive CHMP opinion) and figures."""
    head, lead, why, then = _SYNTHETIC[number % len(_SYNTHETIC)]
    company, product = f"Norvale{number} Therapeutics", f"Zentrava{number}"
    year = 2020 + number % 6
    fill = {"p": product, "g": f"examplimab-{number % 97}", "ind": _INDICATIONS[number % 4],
            "pct": 50 + number % 40, "y": year}
    return (
        f"{company} {head} {product}\n\n"
        f"BOSTON, March {1 + number % 28}, {year} -- {company}, Inc. (NASDAQ: NV{number % 100}) "
        f"today announced that the {lead.format(**fill)}. {why.format(**fill)}\n\n"
        f"\"This is an important milestone for patients,\" said Jane Doe, Chief Executive Officer "
        f"of {company}.\n\n"
        f"{then.format(**fill)}\n\n"
        f"About {company}\n"
        f"{company} is a biopharmaceutical company developing medicines for serious diseases.\n\n"
        "Forward-Looking Statements\n"
        "This press release contains forward-looking statements that involve risks and "
        "uncertainties. Actual results may differ materially.\n\n"
        f"Contact: investors@norvale{number}.example\n"
    )
