"""The regulatory summary schema: what the model fills in, with the codes of LABEL_SPEC.md.

Strict-structured-output compatible: every field is required (nullable instead of optional),
``extra="forbid"`` everywhere, codes are ``Literal``s, and no default reaches the JSON schema sent
to the model. ``Evidence.start/end/match/score`` are filled by grounding after the call and are
hidden from that schema (``SkipJsonSchema``), so the model is never asked for them.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, field_validator

from summarizer.evidence import (
    SOURCE_CHECK,
    SOURCE_CHECK_KEY,
    Answer,
    Evidence,
    MatchKind,
    OptionalText,
    Sentiment,
    SentimentLabel,
    StrictModel,
    null_placeholder,
    parse_loose_date,
)
from summarizer.tasks.regulatory.vocabulary import VOCABULARY

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
    "OptionalText",
    "Outcome",
    "Product",
    "Reason",
    "RegulatorySummary",
    "Sentiment",
    "SentimentLabel",
    "null_placeholder",
    "parse_loose_date",
]

#: bump when a field, code or constraint changes (part of cache keys and of every result)
SCHEMA_VERSION = "1"

if TYPE_CHECKING:  # the codes are data (vocabulary.toml): plain str to mypy
    Agency = str
    Decision = str
else:
    Agency = Literal[VOCABULARY.agency_codes]
    Decision = Literal[VOCABULARY.decision_codes]
Direction = Literal["favorable", "unfavorable", "neutral"]
Actor = Literal["company", "regulator", "other"]
ReasonSource = Literal["regulator", "company"]

#: the most reasons and next steps the model is asked for (LABEL_SPEC.md labels 1-3 and 1-4):
#: sent in the schema, so a grammar-constrained small model cannot list every sentence of a
#: long release; a summary may hold more (gap filling adds what the release states)
MAX_REASONS = 3
MAX_NEXT_STEPS = 4

AGENCY_CODES: tuple[str, ...] = VOCABULARY.agency_codes
DECISION_CODES: tuple[str, ...] = VOCABULARY.decision_codes



class Product(StrictModel):
    """A product as the release names it."""

    name: str = Field(description="Brand or main name, e.g. Ceplene.")
    generic_name: OptionalText = Field(description="Generic name or code, or null.")


class Outcome(StrictModel):
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


class Reason(StrictModel):
    """Why the regulator acted (or the data a favourable decision rests on)."""

    statement: str = Field(description="The reason, in a short sentence.")
    source: ReasonSource = Field(description="Who gives this reason.")
    evidence: Evidence | None


class NextStep(StrictModel):
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


class RegulatorySummary(Answer):
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

    generation_limits: ClassVar[dict[str, int]] = {
        "rationale": MAX_REASONS, "next_steps": MAX_NEXT_STEPS}

    def evidence_items(self) -> list[tuple[str, Evidence]]:
        """Every evidence item with its JSON path, in document order of the schema (listed
        directly: the generic walk of ``Answer`` is slower, and this runs on every check)."""
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
