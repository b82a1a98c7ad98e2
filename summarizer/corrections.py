"""Partial corrections: which fields a re-ask asks for, the schema it sends, and the merge.

When the rules find errors in a structurally valid answer, only the fields those errors point
at go back to the model: the correction request carries a response schema of just those fields
(``correction_model``), in the same conversation, and the answer is merged into the first one
(``merge``). The fields come from the error findings' JSON paths (``fields_for``): a path under
``outcome`` asks for that part of the outcome (a decision with its direction, a regulator with
its name as written), any other path for its top-level field; a path the schema does not know
asks for everything, which is the whole summary again.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model, field_validator

from summarizer.schemas.summary import Outcome, RegulatorySummary, parse_loose_date

__all__ = ["FieldSet", "correction_model", "fields_for", "merge", "same_answer"]

TOP_FIELDS: tuple[str, ...] = tuple(RegulatorySummary.model_fields)
OUTCOME_FIELDS: tuple[str, ...] = tuple(Outcome.model_fields)
#: outcome fields that are corrected together: a new decision needs its direction, a new
#: regulator the body's name as written (and the other way round)
_COMPANIONS: dict[str, tuple[str, ...]] = {
    "decision": ("direction",), "agency": ("agency_body",), "agency_body": ("agency",),
}
_ROOT = re.compile(r"[A-Za-z_]+")


@dataclass(frozen=True)
class FieldSet:
    """The fields one correction asks for: whole top-level fields, and parts of the outcome
    (only when the outcome as a whole is not asked for)."""

    top: frozenset[str] = frozenset()
    outcome: frozenset[str] = frozenset()

    @classmethod
    def everything(cls) -> FieldSet:
        return cls(frozenset(TOP_FIELDS))

    @property
    def is_everything(self) -> bool:
        return self.top >= set(TOP_FIELDS)

    def names(self) -> list[str]:
        """The fields as dotted paths, in schema order (e.g. ``outcome.products``)."""
        out: list[str] = []
        for name in TOP_FIELDS:
            if name in self.top:
                out.append(name)
            elif name == "outcome":
                out.extend(f"outcome.{sub}" for sub in OUTCOME_FIELDS if sub in self.outcome)
        return out


def _root(path: str) -> str:
    match = _ROOT.match(path)
    return match.group() if match else ""


def fields_for(paths: Iterable[str], summary: RegulatorySummary) -> FieldSet:
    """The fields to ask for to correct the findings at ``paths`` of ``summary``.

    No path, or one outside the schema (a custom rule's ``*``), asks for everything.
    """
    top: set[str] = set()
    sub: set[str] = set()
    paths = list(paths)
    if not paths:
        return FieldSet.everything()
    for path in paths:
        root = _root(path)
        if root not in TOP_FIELDS:
            return FieldSet.everything()
        rest = path[len(root):].lstrip(".")
        if root != "outcome":
            top.add(root)
        elif not rest or rest.startswith("[") or summary.outcome is None:
            top.update(("outcome", "is_regulatory_event"))  # whether there is an outcome at all
        elif (name := _root(rest)) in OUTCOME_FIELDS:
            sub.update((name, *_COMPANIONS.get(name, ())))
        else:
            top.add("outcome")
    return FieldSet(frozenset(top), frozenset() if "outcome" in top else frozenset(sub))


#: a correction ignores fields it did not ask for: a server that does not enforce the schema
#: may send the whole summary again, and the asked-for fields are still in it (the schema sent
#: allows no others)
_LENIENT = ConfigDict(extra="ignore")


@functools.cache
def correction_model(fields: FieldSet) -> type[BaseModel]:
    """The response model of a correction asking for ``fields`` (built once per field set):
    the same field definitions, descriptions and validators as the summary's own."""
    if fields.is_everything:
        return RegulatorySummary
    definitions: dict[str, Any] = {}
    for name in TOP_FIELDS:
        info = RegulatorySummary.model_fields[name]
        if name in fields.top:
            definitions[name] = (info.annotation, info)
        elif name == "outcome" and fields.outcome:
            definitions[name] = (_outcome_part(fields.outcome), ...)
    model: type[BaseModel] = create_model(
        "SummaryCorrection", __config__=_LENIENT,
        __doc__="The corrected fields of the regulatory summary.", **definitions,
    )
    return model


def _outcome_part(names: frozenset[str]) -> type[BaseModel]:
    definitions: dict[str, Any] = {
        name: (Outcome.model_fields[name].annotation, Outcome.model_fields[name])
        for name in OUTCOME_FIELDS if name in names
    }
    validators: dict[str, Any] = {}
    if "decision_date" in names:  # the outcome's own lenient date reading
        validators["_loose_date"] = field_validator("decision_date", mode="before")(
            lambda cls, value: parse_loose_date(value))
    model: type[BaseModel] = create_model(
        "OutcomeCorrection", __config__=_LENIENT, __validators__=validators,
        __doc__="The corrected fields of the outcome.", **definitions,
    )
    return model


def merge(
    summary: RegulatorySummary, correction: BaseModel, fields: FieldSet
) -> RegulatorySummary:
    """A new summary: ``summary`` with the corrected ``fields`` taken from ``correction``.

    Raises ``pydantic.ValidationError`` if the result is not a valid summary.
    """
    if isinstance(correction, RegulatorySummary):
        return correction
    data = summary.model_dump()
    new = correction.model_dump()
    for name in fields.top:
        data[name] = new[name]
    if fields.outcome and "outcome" not in fields.top and data.get("outcome") is not None:
        data["outcome"].update(new["outcome"])
    return RegulatorySummary.model_validate(data)


_GROUNDING = frozenset({"start", "end", "match", "score"})


def _answered(value: Any) -> Any:
    """A summary's dump as the model answered it: without the offsets grounding added."""
    if isinstance(value, dict):
        hidden = _GROUNDING if "quote" in value else frozenset()
        return {k: _answered(v) for k, v in value.items() if k not in hidden}
    if isinstance(value, list):
        return [_answered(v) for v in value]
    return value


def same_answer(first: RegulatorySummary, second: RegulatorySummary) -> bool:
    """Whether two summaries say the same (grounding aside): a correction that changes nothing
    shows the model will not correct it, and asking again only costs another request."""
    return bool(_answered(first.model_dump()) == _answered(second.model_dump()))
