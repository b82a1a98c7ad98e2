"""Plain result types: usage counters, rule findings, run metadata and the result record."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializeAsAny,
    ValidationError,
    create_model,
    model_validator,
)
from pydantic_core import InitErrorDetails

from summarizer import _registry
from summarizer.errors import SummarizerError
from summarizer.evidence import Answer

__all__ = [
    "MAX_RECORD_BYTES",
    "ErrorInfo",
    "Finding",
    "Meta",
    "Severity",
    "SummaryResult",
    "Usage",
    "dump_record",
    "result_schema",
]

#: the longest record a records file may hold when read back (a 20 MiB release with its
#: summary, escaped): longer lines are refused, not read whole
MAX_RECORD_BYTES = 64 * 1024 * 1024

Severity = Literal["error", "warning", "info"]


class Usage(BaseModel):
    """Tokens and requests spent on one document, summed over every retry and re-ask."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = Field(0, description="HTTP requests sent, transport retries included")
    attempts: int = Field(0, description="model answers received (first answer plus re-asks)")
    reasks: int = Field(0, description="answers sent back to the model for correction")

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add(self, other: Usage) -> None:
        """Add another counter into this one (used when a document is split into chunks)."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.requests += other.requests
        self.attempts += other.attempts
        self.reasks += other.reasks


class Finding(BaseModel):
    """One rule's verdict on an answer: shown to users, and to the model in a re-ask."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    severity: Severity
    path: str = Field(description="JSON path into the summary, e.g. outcome.decision")
    message: str
    start: int | None = Field(None, description="offset of the source passage the rule points to")
    end: int | None = None


class Meta(BaseModel):
    """How the result was produced."""

    model_config = ConfigDict(extra="forbid")

    backend: str
    model: str | None = None
    mode: str | None = None
    prompt_version: str
    schema_version: str
    latency_s: float = 0.0
    chunks: int = 1
    input_kind: str = "text"
    published: str | None = None
    prompt_tokens_estimate: int | None = None
    raw_tokens_estimate: int | None = None
    cached: bool = Field(False, description="taken from the result cache: no model call made "
                                            "(usage is then all zero)")
    task: str | None = Field(None, description="the task that made the summary (absent in "
                                               "records of 0.1.0: the regulatory task)")
    task_version: str | None = None


class ErrorInfo(BaseModel):
    """Why a document produced no summary (in batch output, instead of raising)."""

    model_config = ConfigDict(extra="forbid")

    type: str
    code: str
    message: str


class SummaryResult(BaseModel):
    """The record for one document: the summary, what the rules found, usage and metadata.

    ``summary`` is the task's answer (``meta.task``; a ``RegulatorySummary`` for the default
    task): a record read back (``model_validate``) gets its task's schema. Evidence offsets in
    ``summary`` index ``text`` (the caller's own string for plain-text input; the extracted text
    for HTML/EDGAR input, see ``summarizer.intake``).
    """

    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    summary: SerializeAsAny[Answer] | None = None
    findings: list[Finding] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    meta: Meta | None = None
    error: ErrorInfo | None = None
    text: str | None = Field(None, exclude=True, repr=False)

    @model_validator(mode="before")
    @classmethod
    def _read_summary(cls, data: Any) -> Any:
        """A summary given as JSON is read with the schema of the record's task."""
        if isinstance(data, Mapping) and isinstance(data.get("summary"), Mapping):
            meta = data.get("meta")
            task = meta.get("task") if isinstance(meta, Mapping) else getattr(meta, "task", None)
            try:
                schema = _registry.schema_of(task if isinstance(task, str) else None)
            except SummarizerError as exc:  # a task not installed here: the record is unread
                raise ValueError(exc.message) from None
            try:
                summary = schema.model_validate(data["summary"])
            except ValidationError as exc:  # located in the record, as a field error would be
                raise ValidationError.from_exception_data(cls.__name__, [
                    InitErrorDetails(type=e["type"], loc=("summary", *e["loc"]),
                                     input=e["input"], ctx=e.get("ctx", {}))
                    for e in exc.errors()]) from None
            data = {**data, "summary": summary}
        return data

    @property
    def ok(self) -> bool:
        return self.summary is not None and self.error is None

    def to_record(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON-ready dict written by the CLI (one line of JSONL)."""
        record = self.model_dump(mode="json")
        if include_text:
            record["text"] = self.text
        return record


def result_schema(schema: type[Answer]) -> dict[str, Any]:
    """The JSON Schema of a result record whose ``summary`` is a ``schema`` answer."""
    model = create_model("SummaryResult", __base__=SummaryResult, __doc__=SummaryResult.__doc__,
                         summary=(schema | None, None))  # type: ignore[arg-type]
    return model.model_json_schema()


#: line breaks JSON leaves raw inside strings but line readers split on (str.splitlines, many
#: JSONL tools): written escaped, so a record is always exactly one line
_RAW_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def dump_record(record: Mapping[str, Any] | list[Any], *, indent: int | None = None) -> str:
    """The JSON text of a record, as the CLI writes it: UTF-8 text kept as it is, except U+2028,
    U+2029 and U+0085, which are escaped (with ``indent=None`` the record is one line whatever
    its strings hold); a string no UTF-8 can carry (a lone surrogate in a model's answer) makes
    the record ASCII-escaped instead of unwritable."""
    text = json.dumps(record, ensure_ascii=False, indent=indent).translate(_RAW_BREAKS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, indent=indent)
    return text
