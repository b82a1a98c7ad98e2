"""OpenAI Batch API: send many releases as one batch, collect the answers later.

The Batch API answers within 24 hours at about half the price of realtime requests. This module
keeps the batch path identical to the realtime one where it matters:

* **Requests** (``build_requests``): one JSONL line per prompt part of each document (a long
  release split on section borders gives several lines, ``custom_id`` suffixed ``#2of3``), whose
  body is exactly the first chat request ``Summarizer.summarize`` sends in ``json_schema`` mode:
  the same prompt messages, the strict JSON Schema, model, temperature, seed and max tokens.
* **Manifest** (``Manifest``): what collecting needs later and the batch does not keep: each
  document's source id, path and SHA-256, its request ids, the model, the prompt version and the
  settings that decide how a document is split. It never holds the API key.
* **Collect** (``collect``): every output and error line is parsed (``response.status_code``,
  the ``error`` field, the completion itself: a 200 whose content fails the schema is a failure
  too); the documents are re-read, checked against their hash, and go through
  ``Summarizer.finish_from_answers``: the realtime grounding, merging, gap filling and rules.
  There is no re-ask in a batch, so rule errors stay as findings. A document with any failed
  or missing part becomes an error record and is listed for a realtime retry; nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer import errors
from summarizer.backends import BackendConfig, ExtractionSettings
from summarizer.evidence import Answer
from summarizer.intake import DEFAULT_MAX_INPUT_BYTES, read_file, source_name, source_path
from summarizer.task import DEFAULT_TASK, Task, get_task
from summarizer.types import ErrorInfo, SummaryResult, Usage

if TYPE_CHECKING:
    import openai
    from openai.types import Batch

    from summarizer.api import Summarizer

__all__ = [
    "ENDPOINT",
    "FINISHED",
    "MAX_REQUESTS",
    "BatchPlan",
    "Collection",
    "LineResult",
    "Manifest",
    "ManifestDocument",
    "build_requests",
    "collect",
    "make_client",
    "manifest_summarizer",
    "parse_output_line",
    "request_body",
    "retrieve",
    "submit",
]

ENDPOINT: Final[Literal["/v1/chat/completions"]] = "/v1/chat/completions"
#: batch states after which nothing changes any more (output and error files are final)
FINISHED = ("completed", "failed", "expired", "cancelled")
#: the Batch API's limits per batch (requests, input file bytes)
MAX_REQUESTS = 50_000
MAX_FILE_BYTES = 200 * 1024 * 1024
#: source ids used as ``custom_id`` as they are; others get a ``doc-NNNNN`` id (the manifest maps)
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,55}")


class ManifestDocument(BaseModel):
    """One submitted document: where to re-read it, and which batch requests answer it."""

    model_config = ConfigDict(extra="forbid")

    source: str
    path: str | None = None
    sha256: str | None = None
    custom_ids: list[str] = []
    #: set when the document was rejected before submission (it is reported on collect)
    error: ErrorInfo | None = None


class Manifest(BaseModel):
    """What ``collect`` needs besides the batch itself. Written by ``summarizer batch submit``."""

    model_config = ConfigDict(extra="forbid")

    manifest_version: int = 1
    batch_id: str | None = None
    input_file_id: str | None = None
    endpoint: str = ENDPOINT
    base_url: str | None = None
    model: str
    #: the task of the batch (manifests written before tasks existed: the regulatory task)
    task: str = DEFAULT_TASK
    task_version: str | None = None
    prompt_version: str
    schema_version: str
    published: str | None = None
    max_input_tokens: int
    max_output_tokens: int | None = None
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    created_at: str
    documents: list[ManifestDocument]

    def save(self, path: str | Path) -> None:
        """Write the manifest as indented JSON."""
        Path(path).write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Manifest:
        """Read a manifest; ``InputError`` when it is missing or not a manifest."""
        try:
            return cls.model_validate_json(Path(path).read_bytes())
        except FileNotFoundError as exc:
            raise errors.InputError(f"no batch manifest at {str(path)!r}") from exc
        except OSError as exc:
            raise errors.InputError(f"cannot read manifest {str(path)!r}: {exc}") from exc
        except ValidationError as exc:
            raise errors.InputError(
                f"{str(path)!r} is not a batch manifest: {_short(str(exc), 200)}"
            ) from exc


@dataclass
class BatchPlan:
    """The request lines of a batch and its manifest (not yet submitted)."""

    lines: list[dict[str, Any]]
    manifest: Manifest

    @property
    def rejected(self) -> list[ManifestDocument]:
        return [d for d in self.manifest.documents if d.error is not None]

    def jsonl(self) -> bytes:
        """The batch input file: one request per line."""
        return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in self.lines).encode()


def request_body(
    settings: ExtractionSettings,
    messages: list[dict[str, str]],
    model: type[Answer],
    schema: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The chat-completions body of one batch request for the answer ``model``: what
    ``Extractor`` sends as its first request in ``json_schema`` mode
    (``tests/test_openai_batch.py`` compares the two)."""
    from summarizer.extraction import response_format

    body: dict[str, Any] = {"model": settings.model, "messages": [dict(m) for m in messages],
                            **settings.sampling(), **settings.extra_body}
    body["response_format"] = response_format("json_schema", model, schema)
    return body


def _custom_ids(source: str, number: int, parts: int, taken: set[str]) -> list[str]:
    base = source
    if not _PLAIN_ID.fullmatch(base) or base in taken:
        base, extra = f"doc-{number:05d}", 0
        while base in taken:  # a file literally named doc-00001 came first
            extra += 1
            base = f"doc-{number:05d}-{extra}"
    ids = [base] if parts == 1 else [f"{base}#{i}of{parts}" for i in range(1, parts + 1)]
    taken.update(ids)
    return ids


def _error_info(exc: errors.SummarizerError) -> ErrorInfo:
    return ErrorInfo(type=type(exc).__name__, code=exc.code, message=exc.message)


def build_requests(
    summarizer: Summarizer,
    paths: Sequence[str],
    *,
    published: dt.date | str | None = None,
) -> BatchPlan:
    """Request lines and manifest for the documents at ``paths`` (each path is its source id).

    Uses the summarizer's model and settings and always the strict ``json_schema`` format. A
    document that cannot be read is kept in the manifest with its error (reported on collect)
    instead of stopping the others.
    """
    from summarizer.api import parse_published
    from summarizer.extraction import strict_json_schema

    if summarizer.config.name != "openai":
        raise errors.ConfigurationError("the Batch API needs the openai backend")
    when = parse_published(published)
    task = summarizer.task
    schema = strict_json_schema(task.schema)
    lines: list[dict[str, Any]] = []
    documents: list[ManifestDocument] = []
    taken: set[str] = set()
    for number, given in enumerate(paths, start=1):
        path = Path(given)
        source = source_name(given)  # JSON-safe, whatever bytes the name holds
        try:
            parts = summarizer.prompt_messages(path, published=when)
            digest = hashlib.sha256(read_file(given, summarizer.max_input_bytes)).hexdigest()
        except errors.SummarizerError as exc:
            documents.append(ManifestDocument(source=source, error=_error_info(exc)))
            continue
        ids = _custom_ids(source, number, len(parts), taken)
        documents.append(ManifestDocument(source=source, path=source_name(path.resolve()),
                                          sha256=digest, custom_ids=ids))
        lines.extend(
            {"custom_id": cid, "method": "POST", "url": ENDPOINT,
             "body": request_body(summarizer.settings, messages, task.schema, schema)}
            for cid, messages in zip(ids, parts, strict=True)
        )
    manifest = Manifest(
        base_url=summarizer.config.base_url,
        model=summarizer.settings.model,
        task=task.name,
        task_version=task.version,
        prompt_version=task.prompt_version,
        schema_version=task.schema_version,
        published=when.isoformat() if when else None,
        max_input_tokens=summarizer.max_input_tokens,
        max_output_tokens=summarizer.settings.max_output_tokens,
        max_input_bytes=summarizer.max_input_bytes,
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        documents=documents,
    )
    return BatchPlan(lines, manifest)


def make_client(config: BackendConfig, *, timeout: float = 120.0) -> openai.OpenAI:
    """An ``openai`` client for the Files and Batches endpoints of ``config``'s endpoint."""
    import openai

    return openai.OpenAI(api_key=config.api_key or "not-needed", base_url=config.base_url,
                         timeout=timeout, max_retries=2)


def _api_error(exc: Exception, what: str) -> errors.SummarizerError:
    import openai

    from summarizer.extraction import map_error

    if isinstance(exc, openai.NotFoundError):
        return errors.ConfigurationError(f"{what}: not found at this endpoint (HTTP 404)")
    mapped = map_error(exc, Usage())
    mapped.message = f"{what}: {mapped.message}"
    return mapped


def submit(client: openai.OpenAI, plan: BatchPlan, *, filename: str = "requests.jsonl") -> Manifest:
    """Upload the request file (purpose ``batch``) and create the batch (24 h window).

    Returns the manifest with the batch and file ids filled in. Raises ``InputError`` when no
    document could be prepared or the batch is over the API's limits, and a ``BackendError`` /
    ``AuthenticationError`` when the API refuses.
    """
    if not plan.lines:
        raise errors.InputError("no document could be prepared; nothing to submit")
    data = plan.jsonl()
    if len(plan.lines) > MAX_REQUESTS or len(data) > MAX_FILE_BYTES:
        raise errors.InputError(
            f"the batch holds {len(plan.lines)} requests, {len(data)} bytes; the Batch API takes "
            f"at most {MAX_REQUESTS} requests and {MAX_FILE_BYTES} bytes: split the inputs"
        )
    try:
        uploaded = client.files.create(file=(filename, data, "application/jsonl"),
                                       purpose="batch")
    except Exception as exc:
        raise _api_error(exc, "uploading the batch input file") from exc
    try:
        batch = client.batches.create(
            completion_window="24h", endpoint=ENDPOINT, input_file_id=uploaded.id,
            metadata={"source": "regulatory-summarizer", "task": plan.manifest.task,
                      "prompt_version": plan.manifest.prompt_version},
        )
    except Exception as exc:
        raise _api_error(exc, "creating the batch") from exc
    return plan.manifest.model_copy(update={"batch_id": batch.id,
                                            "input_file_id": uploaded.id})


def retrieve(client: openai.OpenAI, batch_id: str) -> Batch:
    """The batch object (status, request counts, file ids); ``ConfigurationError`` if unknown."""
    if not batch_id.strip():
        raise errors.ConfigurationError("empty batch id")
    try:
        return client.batches.retrieve(batch_id)
    except Exception as exc:
        raise _api_error(exc, f"batch {batch_id!r}") from exc


# -- output lines ----------------------------------------------------------------------------


@dataclass
class LineResult:
    """One parsed line of a batch output or error file."""

    custom_id: str
    summary: Answer | None
    usage: Usage
    error: errors.SummarizerError | None = None

    @property
    def ok(self) -> bool:
        return self.summary is not None and self.error is None


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _status_error(status: object, body: object, usage: Usage) -> errors.SummarizerError:
    detail = ""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        detail = str(body["error"].get("message") or "")
    message = f"the batch request answered HTTP {status}" + (f": {_short(detail)}" if detail
                                                               else "")
    if status == 429:
        return errors.RateLimitError(message, usage=usage)
    if status in (401, 403):
        return errors.AuthenticationError(message, usage=usage)
    code = status if isinstance(status, int) else None
    return errors.BackendStatusError(message, status_code=code, usage=usage)


def _completion(body: object, usage: Usage, schema: type[Answer]) -> Answer:
    """The summary in a chat-completion body, or the typed error the realtime path would raise."""
    if not isinstance(body, dict):
        raise errors.InvalidOutputError("the batch answer has no completion body", usage=usage)
    counted = body.get("usage")
    if isinstance(counted, dict):
        usage.prompt_tokens += int(counted.get("prompt_tokens") or 0)
        usage.completion_tokens += int(counted.get("completion_tokens") or 0)
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise errors.InvalidOutputError("the batch answer holds no choices", usage=usage)
    usage.attempts += 1
    choice: dict[str, Any] = choices[0]
    message: dict[str, Any] = choice.get("message") or {}
    if not isinstance(message, dict):
        raise errors.InvalidOutputError("the batch answer holds no message", usage=usage)
    if choice.get("finish_reason") == "length":
        raise errors.OutputTruncatedError(
            "the model stopped at its output token limit (finish_reason=length); "
            "raise max_output_tokens or shorten the input", usage=usage)
    if message.get("refusal"):
        raise errors.InvalidOutputError(f"the model refused: {_short(str(message['refusal']))}",
                                        usage=usage)
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        raise errors.InvalidOutputError("the model's answer is empty", usage=usage)
    try:
        return schema.model_validate_json(content)
    except ValidationError as exc:
        raise errors.InvalidOutputError(
            f"the model's answer did not validate: {_short(str(exc))}", usage=usage
        ) from exc


def parse_output_line(line: str | bytes, task: str | Task | None = None) -> LineResult:
    """Parse one line of a batch output or error file (both have the same shape), the answer
    read with ``task``'s schema (the default task for None).

    A line fails when its ``error`` is set, when ``response.status_code`` is not 200 (wherever
    the line was found), or when the completion is truncated, refused, empty or does not
    validate against the schema. Raises ``ValueError`` only for a line that names no request.
    """
    schema = get_task(task).schema
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not a JSON line: {_short(str(line), 80)}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("custom_id"), str):
        raise ValueError(f"a line without custom_id: {_short(str(line), 80)}")
    custom_id: str = record["custom_id"]
    usage = Usage(requests=1)
    response = record.get("response")
    error = record.get("error")
    try:
        if error:
            detail = error if isinstance(error, dict) else {"message": str(error)}
            raise errors.BackendError(
                f"the batch did not answer this request: {detail.get('code') or 'error'}: "
                f"{_short(str(detail.get('message') or ''))}", usage=usage)
        if not isinstance(response, dict):
            raise errors.BackendError("the batch line holds no response", usage=usage)
        status, body = response.get("status_code"), response.get("body")
        if status != 200:
            raise _status_error(status, body, usage)
        return LineResult(custom_id, _completion(body, usage, schema), usage)
    except errors.SummarizerError as exc:
        return LineResult(custom_id, None, usage, exc)


def read_lines(texts: Iterable[str], task: str | Task | None = None,
               ) -> tuple[dict[str, LineResult], list[str]]:
    """Parse output and error file contents (answers of ``task``): results by ``custom_id`` (a
    success wins over a failure of the same id) and warnings for lines that name no request."""
    found: dict[str, LineResult] = {}
    warnings: list[str] = []
    for text in texts:
        for raw in text.splitlines():
            if not raw.strip():
                continue
            try:
                result = parse_output_line(raw, task)
            except ValueError as exc:
                warnings.append(f"skipped a batch line: {exc}")
                continue
            previous = found.get(result.custom_id)
            if previous is None or (result.ok and not previous.ok):
                found[result.custom_id] = result
    return found, warnings


# -- collect ---------------------------------------------------------------------------------


@dataclass
class Collection:
    """The outcome of collecting a finished batch: one result per manifest document."""

    batch_id: str
    status: str
    results: list[SummaryResult]
    #: documents with an error record, to summarize again in realtime
    failed: list[ManifestDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def manifest_summarizer(manifest: Manifest, config: BackendConfig) -> Summarizer:
    """A summarizer with the manifest's model and split settings: it re-splits each document
    into the parts that were submitted and labels results as the realtime path does."""
    from summarizer.api import Summarizer

    return Summarizer(
        "openai", task=manifest.task, model=manifest.model, base_url=config.base_url,
        api_key=config.api_key or "not-needed", mode="json_schema",
        max_input_tokens=manifest.max_input_tokens,
        max_output_tokens=manifest.max_output_tokens,
        max_input_bytes=manifest.max_input_bytes,
    )


def _download(client: openai.OpenAI, file_id: str | None) -> str:
    if not file_id:
        return ""
    try:
        return client.files.content(file_id).content.decode("utf-8", "replace")
    except Exception as exc:
        raise _api_error(exc, f"downloading batch file {file_id!r}") from exc


def _failed(source: str, exc: errors.SummarizerError, usage: Usage | None = None) -> SummaryResult:
    return SummaryResult(source=source, error=_error_info(exc), usage=usage or Usage())


def _finish_document(
    doc: ManifestDocument, answers: list[LineResult], manifest: Manifest, summarizer: Summarizer
) -> SummaryResult:
    usage = Usage()
    for answer in answers:
        usage.add(answer.usage)
    if doc.path is None or doc.sha256 is None:
        return _failed(doc.source, errors.InputError("the manifest holds no path for it"), usage)
    try:
        data = read_file(source_path(doc.path), summarizer.max_input_bytes)
    except errors.InputError as exc:
        return _failed(doc.source, errors.InputError(
            f"cannot re-read {doc.path!r}: {exc.message}"), usage)
    if hashlib.sha256(data).hexdigest() != doc.sha256:
        return _failed(doc.source, errors.InputError(
            f"{doc.path!r} changed since the batch was submitted; summarize it again"), usage)
    summaries = [a.summary for a in answers if a.summary is not None]
    try:
        result = summarizer.finish_from_answers(data, summaries, usage=usage,
                                                published=manifest.published, source=doc.source)
    except errors.SummarizerError as exc:
        return _failed(doc.source, exc, usage)
    if result.meta is not None:  # the prompt the batch was built with, not today's
        result.meta.prompt_version = manifest.prompt_version
    return result


def _first_problem(
    doc: ManifestDocument, answers: list[LineResult | None], status: str, batch_problem: str
) -> errors.SummarizerError | None:
    """The first failed or missing part of a document (its request id named when split)."""
    for custom_id, answer in zip(doc.custom_ids, answers, strict=True):
        if answer is None:
            reason = f"batch {status}" + (f": {batch_problem}" if batch_problem else "")
            return errors.BackendError(f"no answer for request {custom_id!r} ({reason})")
        if answer.error is not None:
            if len(doc.custom_ids) > 1:
                answer.error.message = f"request {custom_id!r}: {answer.error.message}"
            return answer.error
    return None


def collect(
    client: openai.OpenAI,
    manifest: Manifest,
    *,
    summarizer: Summarizer,
    batch: Batch | None = None,
) -> Collection:
    """Results for every document of a finished batch, in manifest order.

    Raises ``BatchNotReadyError`` while the batch is still running. For a batch that failed,
    expired or was cancelled, the requests without an answer become error records.
    """
    if manifest.batch_id is None:
        raise errors.InputError("the manifest names no batch (it was never submitted)")
    batch = batch or retrieve(client, manifest.batch_id)
    if batch.status not in FINISHED:
        counts, done = batch.request_counts, ""
        if counts is not None:
            done = f" ({counts.completed + counts.failed}/{counts.total} requests done)"
        raise errors.BatchNotReadyError(
            f"batch {batch.id} is {batch.status}{done}; collect it once it has completed")
    found, warnings = read_lines([_download(client, batch.output_file_id),
                                  _download(client, batch.error_file_id)], summarizer.task)
    batch_problem = ""
    if batch.status == "failed" and batch.errors and batch.errors.data:
        batch_problem = "; ".join(f"{e.code}: {e.message}" for e in batch.errors.data[:3])
    if manifest.task != summarizer.task.name:
        raise errors.ConfigurationError(
            f"the batch was built for task {manifest.task!r}; collect it with a summarizer of "
            f"that task, not {summarizer.task.name!r}")
    current = summarizer.task.prompt_version
    if manifest.prompt_version != current:
        warnings.append(f"the batch was built with prompt version {manifest.prompt_version}; "
                        f"this installation has {current}")
    results: list[SummaryResult] = []
    failed: list[ManifestDocument] = []
    for doc in manifest.documents:
        if doc.error is not None:
            result = SummaryResult(source=doc.source, error=doc.error)
        else:
            answers = [found.get(cid) for cid in doc.custom_ids]
            present = [a for a in answers if a is not None]
            problem = _first_problem(doc, answers, batch.status, batch_problem)
            if problem is not None:
                usage = Usage()
                for answer in present:
                    usage.add(answer.usage)
                result = _failed(doc.source, problem, usage)
            else:
                result = _finish_document(doc, present, manifest, summarizer)
        results.append(result)
        if result.error is not None:
            failed.append(doc)
    return Collection(batch.id, batch.status, results, failed, warnings)
