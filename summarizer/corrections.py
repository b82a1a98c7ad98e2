"""Partial corrections: which fields a re-ask asks for, the schema it sends, and the merge.

When the rules find errors in a structurally valid answer, only the fields those errors point
at go back to the model: the correction request carries a response schema of just those fields
(``correction_model``), in the same conversation, and the answer is merged into the first one
(``merge``). The fields come from the error findings' JSON paths (``Corrections.fields_for``):
a path under one of the task's ``parts`` fields (the regulatory outcome) asks for that part
alone, any other path for its top-level field; a path the schema does not know asks for
everything, which is the whole answer again. What is asked together (a decision with its
direction) is the task's data (``Task.correction_companions``); nothing here knows a domain.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model, field_validator

from summarizer.evidence import limit_lists

__all__ = ["Corrections", "FieldSet", "correction_model", "merge", "same_answer"]

_ROOT = re.compile(r"[A-Za-z_]+")


@dataclass(frozen=True)
class Corrections:
    """How a task's answers are corrected in part.

    ``schema`` is the answer model; ``parts`` the fields holding a model whose own fields may be
    asked for alone; ``companions`` what is asked together with a field or a part (path ->
    paths: ``("outcome.decision", ("outcome.direction",))``); ``title`` the description of the
    correction schema the model reads.
    """

    schema: type[BaseModel]
    parts: tuple[str, ...] = ()
    companions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    title: str = "The corrected fields of the answer."

    @classmethod
    def of(cls, schema: type[BaseModel], parts: Iterable[str] = (),
           companions: Mapping[str, Iterable[str]] | None = None,
           title: str = "The corrected fields of the answer.") -> Corrections:
        """A plan from plain values (``companions`` as a mapping)."""
        pairs = tuple((k, tuple(v)) for k, v in (companions or {}).items())
        return cls(schema, tuple(parts), pairs, title)

    @functools.cached_property
    def top_fields(self) -> tuple[str, ...]:
        return tuple(self.schema.model_fields)

    def part_model(self, name: str) -> type[BaseModel]:
        """The model the ``parts`` field ``name`` holds (its optional wrapper taken off)."""
        found = _model_in(self.schema.model_fields[name].annotation)
        if found is None:
            raise TypeError(f"{self.schema.__name__}.{name} holds no model: it cannot be "
                            "corrected in part")
        return found

    def everything(self) -> FieldSet:
        return FieldSet(self, frozenset(self.top_fields))

    def _with(self, path: str) -> tuple[str, ...]:
        return next((paths for key, paths in self.companions if key == path), ())

    def fields_for(self, paths: Iterable[str], answer: BaseModel) -> FieldSet:
        """The fields to ask for to correct the findings at ``paths`` of ``answer``.

        No path, or one outside the schema (a custom rule's ``*``), asks for everything.
        """
        top: set[str] = set()
        parts: set[tuple[str, str]] = set()
        paths = list(paths)
        if not paths:
            return self.everything()

        def add(path: str) -> None:
            root, _, sub = path.partition(".")
            if sub:
                parts.add((root, sub))
            else:
                top.add(root)

        for path in paths:
            root = _root(path)
            if root not in self.top_fields:
                return self.everything()
            rest = path[len(root):].lstrip(".")
            if root not in self.parts:
                top.add(root)
                continue
            part_fields = self.part_model(root).model_fields
            if not rest or rest.startswith("[") or getattr(answer, root) is None:
                for p in (root, *self._with(root)):  # the whole field, and what goes with it
                    add(p)
            elif (name := _root(rest)) in part_fields:
                for p in (f"{root}.{name}", *self._with(f"{root}.{name}")):
                    add(p)
            else:
                top.add(root)
        return FieldSet(self, frozenset(top),
                        frozenset(p for p in parts if p[0] not in top))


def _root(path: str) -> str:
    match = _ROOT.match(path)
    return match.group() if match else ""


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class in a field's type (``Outcome | None`` -> ``Outcome``), if one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [m for a in typing.get_args(annotation) if (m := _model_in(a)) is not None]
        return found[0] if len(found) == 1 else None
    return None


@dataclass(frozen=True)
class FieldSet:
    """The fields one correction asks for: whole top-level fields, and (field, sub-field) parts
    of the plan's ``parts`` fields (only when the field as a whole is not asked for)."""

    plan: Corrections = field(repr=False)
    top: frozenset[str] = frozenset()
    parts: frozenset[tuple[str, str]] = frozenset()

    @property
    def is_everything(self) -> bool:
        return self.top >= set(self.plan.top_fields)

    def part(self, name: str) -> frozenset[str]:
        """The sub-fields of ``name`` asked for alone."""
        return frozenset(sub for root, sub in self.parts if root == name)

    def names(self) -> list[str]:
        """The fields as dotted paths, in schema order (e.g. ``outcome.products``)."""
        out: list[str] = []
        for name in self.plan.top_fields:
            if name in self.top:
                out.append(name)
            elif subs := self.part(name):
                out.extend(f"{name}.{sub}" for sub in self.plan.part_model(name).model_fields
                           if sub in subs)
        return out


#: a correction ignores fields it did not ask for: a server that does not enforce the schema
#: may send the whole answer again, and the asked-for fields are still in it (the schema sent
#: allows no others)
_LENIENT = ConfigDict(extra="ignore")


@functools.cache
def correction_model(fields: FieldSet) -> type[BaseModel]:
    """The response model of a correction asking for ``fields`` (built once per field set):
    the same field definitions, descriptions and validators as the answer's own."""
    plan = fields.plan
    if fields.is_everything:
        return plan.schema
    definitions: dict[str, Any] = {}
    for name in plan.top_fields:
        info = plan.schema.model_fields[name]
        if name in fields.top:
            definitions[name] = (info.annotation, info)
        elif subs := fields.part(name):
            definitions[name] = (_part_model(plan.part_model(name), name, subs), ...)
    limits = {n: most for n, most in getattr(plan.schema, "generation_limits", {}).items()
              if n in fields.top}
    def limited(schema: dict[str, Any]) -> None:  # the answer's generation limits, kept
        limit_lists(schema, limits)

    config = ConfigDict(extra="ignore", json_schema_extra=limited) if limits else _LENIENT
    model: type[BaseModel] = create_model(
        "SummaryCorrection", __config__=config, __doc__=plan.title, **definitions,
    )
    return model


def _part_model(whole: type[BaseModel], name: str, subs: frozenset[str]) -> type[BaseModel]:
    """The corrected ``subs`` of the model ``whole`` (field ``name``), with its own field
    validators for them (a date read leniently stays lenient)."""
    definitions: dict[str, Any] = {
        sub: (info.annotation, info) for sub, info in whole.model_fields.items() if sub in subs
    }
    validators: dict[str, Any] = {}
    for key, decorator in whole.__pydantic_decorators__.field_validators.items():
        kept = [f for f in decorator.info.fields if f in subs]
        if kept:
            function = getattr(decorator.func, "__func__", decorator.func)  # unbound
            validators[key] = field_validator(*kept, mode=decorator.info.mode)(function)
    model: type[BaseModel] = create_model(
        f"{whole.__name__}Correction", __config__=_LENIENT, __validators__=validators,
        __doc__=f"The corrected fields of the {name.replace('_', ' ')}.", **definitions,
    )
    return model


def merge(answer: BaseModel, correction: BaseModel, fields: FieldSet) -> BaseModel:
    """A new answer: ``answer`` with the corrected ``fields`` taken from ``correction``.

    Raises ``pydantic.ValidationError`` if the result is not a valid answer.
    """
    schema = fields.plan.schema
    if isinstance(correction, schema):
        return correction
    data = answer.model_dump()
    new = correction.model_dump()
    for name in fields.top:
        data[name] = new[name]
    for name in {root for root, _ in fields.parts} - fields.top:
        if data.get(name) is not None:
            data[name].update(new[name])
    return schema.model_validate(data)


_GROUNDING = frozenset({"start", "end", "match", "score"})


def _answered(value: Any) -> Any:
    """An answer's dump as the model answered it: without the offsets grounding added."""
    if isinstance(value, dict):
        hidden = _GROUNDING if "quote" in value else frozenset()
        return {k: _answered(v) for k, v in value.items() if k not in hidden}
    if isinstance(value, list):
        return [_answered(v) for v in value]
    return value


def same_answer(first: BaseModel, second: BaseModel) -> bool:
    """Whether two answers say the same (grounding aside): a correction that changes nothing
    shows the model will not correct it, and asking again only costs another request."""
    return bool(_answered(first.model_dump()) == _answered(second.model_dump()))
