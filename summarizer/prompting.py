"""Prompt templates: render the Jinja2 templates of ``summarizer.prompts`` into chat messages.

Templates are rendered in a sandboxed environment and the document is passed only as a variable,
so ``{{`` or ``{%`` inside a release is printed as text, never evaluated. The prompt version is a
hash of the template sources; it goes into every result and every cache key. ``templates`` names
another package holding ``system.j2``/``user.j2``/``reask.j2`` (a task's own prompts) and
``context`` gives its system template constant variables (e.g. code lists).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.injection import neutralize_delimiters

__all__ = [
    "DEFAULT_TEMPLATES",
    "PROMPT_VERSION",
    "TEMPLATE_NAMES",
    "build_messages",
    "prompt_version",
    "reask_message",
    "render",
    "template_source",
]

TEMPLATE_NAMES = ("system.j2", "user.j2", "reask.j2")
#: the package whose templates are rendered unless another one is named
DEFAULT_TEMPLATES = "summarizer.prompts"


@cache
def template_source(name: str, templates: str = DEFAULT_TEMPLATES) -> str:
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


def prompt_version(
    templates: str = DEFAULT_TEMPLATES, context: Mapping[str, object] | None = None
) -> str:
    """Short hash of a template package's sources (and of its constant ``context``, if any)."""
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(template_source(name, templates).encode())
    if context:
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]


#: short hash of every template; changes whenever a prompt changes
PROMPT_VERSION = prompt_version()


@cache
def _template(name: str, templates: str = DEFAULT_TEMPLATES) -> Template:
    """One template, compiled once (compiling costs more than rendering)."""
    return _environment().from_string(template_source(name, templates))


def render(name: str, *, templates: str = DEFAULT_TEMPLATES, **variables: object) -> str:
    """Render one template of the ``templates`` package with ``variables`` as data."""
    return _template(name, templates).render(**variables).strip()


def build_messages(
    document: str,
    *,
    published: dt.date | None = None,
    omitted: Sequence[str] = (),
    part_index: int = 1,
    part_count: int = 1,
    templates: str = DEFAULT_TEMPLATES,
    context: Mapping[str, object] | None = None,
) -> list[dict[str, str]]:
    """The system and user messages for one document (or one part of a long document)."""
    return [
        {"role": "system", "content": render("system.j2", templates=templates, **(context or {}))},
        {
            "role": "user",
            "content": render(
                "user.j2",
                templates=templates,
                document=neutralize_delimiters(document),
                published=published.isoformat() if published else None,
                omitted=list(omitted),
                part_index=part_index,
                part_count=part_count,
            ),
        },
    ]


def reask_message(problems: Sequence[str], *, templates: str = DEFAULT_TEMPLATES) -> str:
    """The correction request sent back to the model when the rules reject its answer."""
    return render("reask.j2", templates=templates, problems=list(problems))
