"""The regulatory summary schema: what the model fills in, with the codes of LABEL_SPEC.md.

Strict-structured-output compatible: every field is required (nullable instead of optional),
``extra="forbid"`` everywhere, codes are ``Literal``s, and no default reaches the JSON schema sent
to the model. ``Evidence.start/end/match/score`` are filled by grounding after the call and are
hidden from that schema (``SkipJsonSchema``), so the model is never asked for them.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import weakref
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated, Any, Literal

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

from summarizer.vocabulary import VOCABULARY

__all__ = [
    "AGENCY_CODES",
    "DECISION_CODES",
    "SCHEMA_VERSION",
    "SOURCE_CHECK",
    "SOURCE_CHECK_KEY",
    "Agency",
    "Decision",
    "Direction",
    "Evidence",
    "MatchKind",
    "NextStep",
    "Outcome",
    "Product",
    "Reason",
    "RegulatorySummary",
    "Sentiment",
    "SentimentLabel",
    "parse_loose_date",
]

#: bump when a field, code or constraint changes (part of cache keys and of every result)
SCHEMA_VERSION = "1"

if TYPE_CHECKING:  # the codes are data (summarizer/data/vocabulary.toml): plain str to mypy
    Agency = str
    Decision = str
else:
    Agency = Literal[VOCABULARY.agency_codes]
    Decision = Literal[VOCABULARY.decision_codes]
Direction = Literal["favorable", "unfavorable", "neutral"]
SentimentLabel = Literal["positive", "negative", "neutral", "mixed"]
MatchKind = Literal["exact", "normalized", "fuzzy", "none"]
Actor = Literal["company", "regulator", "other"]
ReasonSource = Literal["regulator", "company"]

AGENCY_CODES: tuple[str, ...] = VOCABULARY.agency_codes
DECISION_CODES: tuple[str, ...] = VOCABULARY.decision_codes

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """A verbatim quote from the release; grounding fills in where it is in the source."""

    quote: str = Field(description="Copy one sentence or phrase word for word from the release.")
    start: SkipJsonSchema[int | None] = None
    end: SkipJsonSchema[int | None] = None
    match: SkipJsonSchema[MatchKind] = "none"
    score: SkipJsonSchema[float | None] = None


class Product(_Strict):
    """A product as the release names it."""

    name: str = Field(description="Brand or main name, e.g. Ceplene.")
    generic_name: OptionalText = Field(description="Generic name or code, or null.")


class Outcome(_Strict):
    """The regulator's action that is the news."""

    evidence: Evidence | None = Field(description="The sentence that states the decision.")
    agency_body: OptionalText = Field(description="Acting body as written, e.g. CHMP, FDA, TUV.")
    agency: Agency = Field(description=VOCABULARY.agency_field)
    decision: Decision = Field(description=VOCABULARY.decision_field)
    direction: Direction = Field(description="Effect of the decision for the company.")
    products: list[Product]
    indication: OptionalText = Field(description="Disease or use, short.")
    decision_date: _dt.date | None = Field(description="YYYY-MM-DD of the decision, or null.")
    application: OptionalText = Field(
        description="NDA, BLA, sBLA, MAA, 510(k), PMA, IND... or null."
    )

    @field_validator("decision_date", mode="before")
    @classmethod
    def _loose_date(cls, value: object) -> _dt.date | None:
        return parse_loose_date(value)


class Reason(_Strict):
    """Why the regulator acted (or the data a favourable decision rests on)."""

    statement: str = Field(description="The reason, in a short sentence.")
    source: ReasonSource = Field(description="Who gives this reason.")
    evidence: Evidence | None


class NextStep(_Strict):
    """A stated next action, with its timing as written."""

    actor: Actor
    action: str = Field(description="What will be done, e.g. request re-examination.")
    timing: OptionalText = Field(description="Timing as written, e.g. 'within 60 days', or null.")
    due_date: _dt.date | None = Field(description="YYYY-MM-DD only if the text gives a date.")
    evidence: Evidence | None

    @field_validator("due_date", mode="before")
    @classmethod
    def _loose_date(cls, value: object) -> _dt.date | None:
        return parse_loose_date(value)


class Sentiment(_Strict):
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
SOURCE_CHECK: ContextVar[Callable[[RegulatorySummary], str | None] | None] = ContextVar(
    "summarizer_source_check", default=None
)


#: JSON Schemas already generated by ``RegulatorySummary.model_json_schema``, per class (weakly:
#: a subclass built on the fly, as instructor does, is not kept alive) and per argument set
_SCHEMAS: weakref.WeakKeyDictionary[type, dict[int, dict[str, Any]]] = weakref.WeakKeyDictionary()


class RegulatorySummary(_Strict):
    """The structured summary of one regulatory press release."""

    is_regulatory_event: bool = Field(
        description="True when the main news is a regulator's action or a regulatory step."
    )
    company: OptionalText
    headline: str = Field(description="One sentence.")
    summary: str = Field(description="At most three sentences.")
    outcome: Outcome | None = Field(description="Null when not a regulatory event.")
    rationale: list[Reason]
    next_steps: list[NextStep]
    sentiment: Sentiment

    @model_validator(mode="after")
    def _source_checks(self, info: ValidationInfo) -> RegulatorySummary:
        context: dict[str, Any] = info.context or {}
        check: Callable[[RegulatorySummary], str | None] | None = (
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
            schema = known[key] = super().model_json_schema(*args, **kwargs)
        copied: dict[str, Any] = json.loads(json.dumps(schema))  # 3x faster than deepcopy
        return copied

    def evidence_items(self) -> list[tuple[str, Evidence]]:
        """Every evidence item with its JSON path, in document order of the schema."""
        items: list[tuple[str, Evidence]] = []
        if self.outcome is not None and self.outcome.evidence is not None:
            items.append(("outcome.evidence", self.outcome.evidence))
        for i, reason in enumerate(self.rationale):
            if reason.evidence is not None:
                items.append((f"rationale[{i}].evidence", reason.evidence))
        for i, step in enumerate(self.next_steps):
            if step.evidence is not None:
                items.append((f"next_steps[{i}].evidence", step.evidence))
        if self.sentiment.evidence is not None:
            items.append(("sentiment.evidence", self.sentiment.evidence))
        return items
