"""The pieces every task's answer schema is built from: evidence quotes, sentiment, loose dates,
placeholder words read as null, and ``Answer``, the base class that lets the rules ask again.

Strict-structured-output compatible: ``extra="forbid"`` everywhere, nullable instead of optional,
no default reaches the JSON schema sent to the model. ``Evidence.start/end/match/score`` are
filled by grounding after the call and hidden from that schema (``SkipJsonSchema``), so the
model is never asked for them.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

__all__ = [
    "SOURCE_CHECK",
    "SOURCE_CHECK_KEY",
    "Answer",
    "Evidence",
    "MatchKind",
    "OptionalText",
    "Sentiment",
    "SentimentLabel",
    "StrictModel",
    "null_placeholder",
    "parse_loose_date",
]

MatchKind = Literal["exact", "normalized", "fuzzy", "none"]
SentimentLabel = Literal["positive", "negative", "neutral", "mixed"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_TEXT_DATE = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DMY_TEXT_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_loose_date(value: object) -> _dt.date | None:
    """Parse the date spellings models produce (ISO, "March 20, 2008", "20 March 2008", 3/20/2008).

    Returns None for empty values and for text that is not a single calendar date, so a vague
    answer ("Q3 2008") becomes "no date" instead of a validation failure.
    """
    if value is None or isinstance(value, _dt.date):
        return value if not isinstance(value, _dt.datetime) else value.date()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or text.lower() in {"null", "none", "n/a", "unknown"}:
        return None
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    month: int | None
    if m := _TEXT_DATE.match(text):
        month, day, year = _MONTHS.get(m.group(1)[:3].lower()), int(m.group(2)), int(m.group(3))
    elif m := _DMY_TEXT_DATE.match(text):
        month, day, year = _MONTHS.get(m.group(2)[:3].lower()), int(m.group(1)), int(m.group(3))
    elif m := _US_DATE.match(text):
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    try:
        return _dt.date(year, month, day) if month else None
    except ValueError:
        return None


_PLACEHOLDERS = frozenset({
    "", "-", "--", "none", "null", "nil", "n/a", "na", "not specified", "not applicable",
    "not available", "not mentioned", "not stated", "not provided", "not given", "unknown",
    "unspecified", "tbd",
})


def null_placeholder(value: object) -> object:
    """``None`` for the words models write instead of null ("None", "N/A", "Not specified").

    Without this a small model's "None" generic name becomes a product name the release never
    wrote, and a rule asks for a correction that costs a whole re-ask.
    """
    if isinstance(value, str) and value.strip().strip(".").strip().lower() in _PLACEHOLDERS:
        return None
    return value


#: an optional free-text field: placeholder words are read as null
OptionalText = Annotated[str | None, BeforeValidator(null_placeholder)]


class StrictModel(BaseModel):
    """A part of an answer: unknown fields are refused (strict structured output)."""

    model_config = ConfigDict(extra="forbid")


class Evidence(StrictModel):
    """A verbatim quote from the release; grounding fills in where it is in the source."""

    quote: str = Field(description="Copy one sentence or phrase word for word from the release.")
    start: SkipJsonSchema[int | None] = None
    end: SkipJsonSchema[int | None] = None
    match: SkipJsonSchema[MatchKind] = "none"
    score: SkipJsonSchema[float | None] = None


class Sentiment(StrictModel):
    """Overall implication of the news for the company and its investors."""

    label: SentimentLabel
    score: float = Field(ge=-1.0, le=1.0, description="-1 very negative .. 1 very positive.")
    rationale: str = Field(description="One short sentence.")
    evidence: Evidence | None

    @field_validator("score", mode="before")
    @classmethod
    def _clamp(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return max(-1.0, min(1.0, float(value)))
        return value

    @model_validator(mode="after")
    def _score_follows_label(self) -> Sentiment:
        # the label is the graded answer; a score of the wrong sign is a slip, not a finding
        if (self.label == "negative" and self.score > 0) or (
            self.label == "positive" and self.score < 0
        ):
            self.score = -self.score
        return self


#: a callable placed in the validation context under this key is run after field validation;
#: when it returns a message, validation fails with it, so instructor re-asks the model with it
SOURCE_CHECK_KEY = "source_check"
#: the same callable, set for the duration of one extraction: the library passes it this way
#: because a validation context makes instructor compile every message as a Jinja template
SOURCE_CHECK: ContextVar[Callable[[Any], str | None] | None] = ContextVar(
    "summarizer_source_check", default=None
)

#: JSON Schemas already generated by ``Answer.model_json_schema``, per class (weakly: a subclass
#: built on the fly, as instructor does, is not kept alive) and per argument set
_SCHEMAS: weakref.WeakKeyDictionary[type, dict[int, dict[str, Any]]] = weakref.WeakKeyDictionary()


def limit_lists(schema: dict[str, Any], limits: dict[str, int]) -> dict[str, Any]:
    """``schema`` with ``maxItems`` set on the top-level list properties ``limits`` names (in
    place; returned for chaining)."""
    properties = schema.get("properties", {})
    for name, most in limits.items():
        if name in properties:
            properties[name]["maxItems"] = most
    return schema


class Answer(StrictModel):
    """The base of a task's answer schema (the model the model fills in).

    It runs the engine's source check after validation, so an answer the rules reject fails
    validation with their message and is sent back to the model; lists its evidence
    (``evidence_items``) for grounding, the rules and reports; and generates its JSON Schema once.
    """

    #: the most items the model may give for these list fields: sent as ``maxItems`` in the
    #: schema the model is asked with (a grammar-constrained local model then cannot list every
    #: sentence and run out of output tokens), never a limit of a summary (gap filling may add)
    generation_limits: ClassVar[dict[str, int]] = {}

    @model_validator(mode="after")
    def _source_checks(self, info: ValidationInfo) -> Answer:
        context: dict[str, Any] = info.context or {}
        check: Callable[[Any], str | None] | None = (
            context.get(SOURCE_CHECK_KEY) or SOURCE_CHECK.get()
        )
        if check is not None and (problem := check(self)):
            raise ValueError(problem)
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON Schema, generated once per argument set: instructor asks for it on every
        request and generating it costs more than the rest of the client-side work."""
        try:
            key = hash((args, tuple(sorted(kwargs.items()))))
        except TypeError:  # unhashable options: generate it every time
            return super().model_json_schema(*args, **kwargs)
        known = _SCHEMAS.setdefault(cls, {})
        schema = known.get(key)
        if schema is None:
            schema = known[key] = limit_lists(super().model_json_schema(*args, **kwargs),
                                              cls.generation_limits)
        copied: dict[str, Any] = json.loads(json.dumps(schema))  # 3x faster than deepcopy
        return copied

    def evidence_items(self) -> list[tuple[str, Evidence]]:
        """Every evidence item with its JSON path ("endpoint.evidence", "results[1].evidence"),
        in the schema's field order. Schemas may list them directly, faster."""
        return list(_evidence_in(self, ""))


def _evidence_in(value: object, path: str) -> Iterator[tuple[str, Evidence]]:
    if isinstance(value, Evidence):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _evidence_in(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _evidence_in(item, f"{path}[{i}]")
