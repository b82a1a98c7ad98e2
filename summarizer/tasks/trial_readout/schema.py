"""The trial-readout summary schema: what the model fills in for topline clinical results.

Strict-structured-output compatible like every task's answer (``summarizer.evidence.Answer``):
every field is required (nullable instead of optional), ``extra="forbid"`` everywhere, codes are
``Literal``s built from the task's vocabulary, and ``Evidence`` offsets are hidden from the JSON
schema. Kept lean on purpose: a 1.5B local model fills it in.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator

from summarizer.evidence import (
    Answer,
    Evidence,
    OptionalText,
    Sentiment,
    StrictModel,
    null_placeholder,
    parse_loose_date,
)
from summarizer.tasks.trial_readout.vocabulary import (
    ENDPOINT_CODES,
    PHASE_CODES,
    PHASE_MENTION,
    phase_code,
)

__all__ = [
    "SCHEMA_VERSION",
    "Endpoint",
    "EndpointOutcome",
    "KeyResult",
    "NextStep",
    "Phase",
    "SafetyFinding",
    "Trial",
    "TrialReadoutSummary",
]

#: bump when a field, code or constraint changes
SCHEMA_VERSION = "1"

Phase = Literal["1", "1/2", "2", "2/3", "3", "4"]
EndpointOutcome = Literal["met", "not_met", "mixed", "not_reported", "none"]


def _phase(value: object) -> object:
    """Read the phase spellings models write ("Phase 3", "III", "2b", "Phase 1b/2") as codes."""
    value = null_placeholder(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or value in PHASE_CODES:
        return value
    text = value.strip()
    m = PHASE_MENTION.fullmatch(text) or PHASE_MENTION.fullmatch(f"Phase {text}")
    if m is None:
        return value  # left for validation to reject
    return phase_code(m.group("a"), m.group("b")) or value


def _outcome_code(value: object) -> object:
    """Accept "not met", "Not-Met", "MET" for the snake-case codes."""
    if isinstance(value, str):
        code = value.strip().lower().replace("-", "_").replace(" ", "_")
        if code in ENDPOINT_CODES:
            return code
    return value


def _names(value: object) -> object:
    """Drop placeholder entries ("N/A", "None") and blanks from a list of names."""
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and null_placeholder(v) is None)]
    return value


PhaseCode = Annotated[Phase | None, BeforeValidator(_phase)]
Names = Annotated[list[str], BeforeValidator(_names)]




class Trial(StrictModel):
    """The trial whose results are the news."""

    name: OptionalText = Field(description="Trial name as written, e.g. VANTAGE-301, or null.")
    identifiers: Names = Field(description="Registry ids as written (NCT..., EudraCT...).")
    phase: PhaseCode = Field(description="Phase code: 1, 1/2, 2, 2/3, 3 or 4; null if unstated.")


class Endpoint(StrictModel):
    """The primary endpoint and whether it was met."""

    name: OptionalText = Field(description="Primary endpoint as written, or null.")
    outcome: EndpointOutcome = Field(description="Outcome code of the primary endpoint.")
    evidence: Evidence | None = Field(description="The sentence saying whether it was met.")

    @field_validator("outcome", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        return _outcome_code(value)


class KeyResult(StrictModel):
    """A headline efficacy result, its figure as written."""

    statement: str = Field(description="The result in a short sentence.")
    value: OptionalText = Field(description="The figure as written, e.g. HR 0.62, p<0.001.")
    evidence: Evidence | None


class SafetyFinding(StrictModel):
    """A safety or tolerability finding."""

    finding: str = Field(description="The finding in a short sentence.")
    evidence: Evidence | None


class NextStep(StrictModel):
    """A stated next action, with its timing as written."""

    action: str = Field(description="What will be done, e.g. submit an NDA.")
    timing: OptionalText = Field(description="Timing as written, e.g. 'in the first half of "
                                             "2026', or null.")
    due_date: _dt.date | None = Field(description="YYYY-MM-DD only if the text gives a date.")
    evidence: Evidence | None

    @field_validator("due_date", mode="before")
    @classmethod
    def _loose_date(cls, value: object) -> _dt.date | None:
        return parse_loose_date(value)


class TrialReadoutSummary(Answer):
    """The structured summary of one clinical-trial results release."""

    is_trial_readout: bool = Field(
        description="True when the main news is results of a clinical trial."
    )
    company: OptionalText
    headline: str = Field(description="One sentence.")
    summary: str = Field(description="At most three sentences.")
    trial: Trial | None = Field(description="Null when not a readout.")
    products: Names = Field(description="Names of the product as written (brand, generic, code).")
    indication: OptionalText = Field(description="Disease or use, short.")
    endpoint: Endpoint
    key_results: list[KeyResult]
    safety: list[SafetyFinding]
    next_steps: list[NextStep]
    sentiment: Sentiment

    def evidence_items(self) -> list[tuple[str, Evidence]]:
        """Every evidence item with its JSON path, in the schema's reading order."""
        items: list[tuple[str, Evidence]] = []
        if self.endpoint.evidence is not None:
            items.append(("endpoint.evidence", self.endpoint.evidence))
        groups: tuple[tuple[str, list[Evidence | None]], ...] = (
            ("key_results", [r.evidence for r in self.key_results]),
            ("safety", [f.evidence for f in self.safety]),
            ("next_steps", [n.evidence for n in self.next_steps]),
        )
        for name, evidence in groups:
            for i, ev in enumerate(evidence):
                if ev is not None:
                    items.append((f"{name}[{i}].evidence", ev))
        if self.sentiment.evidence is not None:
            items.append(("sentiment.evidence", self.sentiment.evidence))
        return items
