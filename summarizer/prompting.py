"""Prompt templates: render a task's Jinja2 templates into chat messages.

A task's prompt is a package holding ``system.j2``, ``user.j2`` and ``reask.j2``
(``Task.templates``) and the constant variables of its system message
(``Task.template_context()``, e.g. code lists built from its vocabulary), so the system message
is the same for every document and a server's prompt cache keeps it warm. Templates are
rendered in a sandboxed environment and the document is passed only as a variable, so ``{{`` or
``{%`` inside a release is printed as text, never evaluated. The prompt version is a hash of the
template sources and the constant variables; it goes into every result and every cache key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache, cached_property
from importlib import resources

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.injection import neutralize_delimiters

__all__ = [
    "TEMPLATE_NAMES",
    "Prompt",
    "build_messages",
    "prompt_version",
    "reask_message",
    "render",
    "template_source",
]

TEMPLATE_NAMES = ("system.j2", "user.j2", "reask.j2")


@cache
def template_source(name: str, templates: str) -> str:
    """The source of one template shipped in the ``templates`` package."""
    return resources.files(templates).joinpath(name).read_text(encoding="utf-8")


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=False,
    )


def prompt_version(templates: str, context: Mapping[str, object] | None = None) -> str:
    """Short hash of a template package's sources and of its constant ``context``."""
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(template_source(name, templates).encode())
    if context:
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]


@cache
def _template(name: str, templates: str) -> Template:
    """One template, compiled once (compiling costs more than rendering)."""
    return _environment().from_string(template_source(name, templates))


def render(name: str, *, templates: str, **variables: object) -> str:
    """Render one template of the ``templates`` package with ``variables`` as data."""
    return _template(name, templates).render(**variables).strip()


class Prompt:
    """One task's prompt: its templates and the constant variables of its system message."""

    def __init__(self, templates: str, context: Mapping[str, object] | None = None) -> None:
        self.templates = templates
        self.context = dict(context or {})

    def __repr__(self) -> str:
        return f"Prompt({self.templates!r})"

    @cached_property
    def version(self) -> str:
        """Short hash of the templates and the constant variables (``prompt_version``)."""
        return prompt_version(self.templates, self.context)

    @cached_property
    def system(self) -> str:
        """The system message, the same for every document (rendered once)."""
        return render("system.j2", templates=self.templates, **self.context)

    def messages(
        self,
        document: str,
        *,
        published: dt.date | None = None,
        omitted: Sequence[str] = (),
        part_index: int = 1,
        part_count: int = 1,
    ) -> list[dict[str, str]]:
        """The system and user messages for one document (or one part of a long document)."""
        return [
            {"role": "system", "content": self.system},
            {
                "role": "user",
                "content": render(
                    "user.j2",
                    templates=self.templates,
                    document=neutralize_delimiters(document),
                    published=published.isoformat() if published else None,
                    omitted=list(omitted),
                    part_index=part_index,
                    part_count=part_count,
                ),
            },
        ]

    def reask(self, problems: Sequence[str], *, fields: Sequence[str] | None = None) -> str:
        """The correction request sent back to the model when the rules reject its answer: the
        problems, and the fields to answer with (``None``: the whole answer)."""
        return render("reask.j2", templates=self.templates, problems=list(problems),
                      fields=list(fields or []))


def build_messages(
    document: str,
    *,
    templates: str,
    context: Mapping[str, object] | None = None,
    published: dt.date | None = None,
    omitted: Sequence[str] = (),
    part_index: int = 1,
    part_count: int = 1,
) -> list[dict[str, str]]:
    """The system and user messages of ``templates`` for one document (see ``Prompt``)."""
    return Prompt(templates, context).messages(document, published=published, omitted=omitted,
                                               part_index=part_index, part_count=part_count)


def reask_message(problems: Sequence[str], *, templates: str,
                  fields: Sequence[str] | None = None) -> str:
    """The correction request of ``templates`` listing ``problems`` (see ``Prompt.reask``)."""
    return Prompt(templates).reask(problems, fields=fields)
