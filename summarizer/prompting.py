"""Prompt templates: render the Jinja2 templates of ``summarizer.prompts`` into chat messages.

Templates are rendered in a sandboxed environment and the document is passed only as a variable,
so ``{{`` or ``{%`` inside a release is printed as text, never evaluated. The prompt version is a
hash of the template sources; it goes into every result and every cache key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.injection import neutralize_delimiters

__all__ = [
    "PROMPT_VERSION",
    "TEMPLATE_NAMES",
    "build_messages",
    "reask_message",
    "render",
    "template_source",
]

TEMPLATE_NAMES = ("system.j2", "user.j2", "reask.j2")


@cache
def template_source(name: str) -> str:
    """The source of one template shipped in ``summarizer.prompts``."""
    return resources.files("summarizer.prompts").joinpath(name).read_text(encoding="utf-8")


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=False,
    )


def _prompt_version() -> str:
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(template_source(name).encode())
    return digest.hexdigest()[:12]


#: short hash of every template; changes whenever a prompt changes
PROMPT_VERSION = _prompt_version()


@cache
def _template(name: str) -> Template:
    """One template, compiled once (compiling costs more than rendering)."""
    return _environment().from_string(template_source(name))


def render(name: str, **variables: object) -> str:
    """Render one template with ``variables`` as data."""
    return _template(name).render(**variables).strip()


def build_messages(
    document: str,
    *,
    published: dt.date | None = None,
    omitted: Sequence[str] = (),
    part_index: int = 1,
    part_count: int = 1,
) -> list[dict[str, str]]:
    """The system and user messages for one document (or one part of a long document)."""
    return [
        {"role": "system", "content": render("system.j2")},
        {
            "role": "user",
            "content": render(
                "user.j2",
                document=neutralize_delimiters(document),
                published=published.isoformat() if published else None,
                omitted=list(omitted),
                part_index=part_index,
                part_count=part_count,
            ),
        },
    ]


def reask_message(problems: Sequence[str], *, fields: Sequence[str] | None = None) -> str:
    """The correction request sent back to the model when the rules reject its answer: the
    problems, and the fields to answer with (``None``: the full summary)."""
    return render("reask.j2", problems=list(problems), fields=list(fields or []))
