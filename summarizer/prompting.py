"""Prompt templates: render the Jinja2 templates of ``summarizer.prompts`` into chat messages.

Templates are rendered in a sandboxed environment and the document is passed only as a variable,
so ``{{`` or ``{%`` inside a release is printed as text, never evaluated. The prompt version is a
hash of the template sources; it goes into every result and every cache key. ``templates`` names
another package holding ``system.j2``/``user.j2``/``reask.j2`` (a task's own prompts) and
``context`` gives its system template constant variables (e.g. code lists); the default
templates' code lists come from the regulatory vocabulary (``code_lists``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import textwrap
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.injection import neutralize_delimiters
from summarizer.vocabulary import VOCABULARY, Vocabulary

__all__ = [
    "DEFAULT_TEMPLATES",
    "PROMPT_VERSION",
    "TEMPLATE_NAMES",
    "build_messages",
    "code_lists",
    "prompt_version",
    "reask_message",
    "render",
    "system_prompt",
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
    """Short hash of a template package's sources (and of its constant ``context``, if any; for
    the default templates: the vocabulary's code lists)."""
    if context is None and templates == DEFAULT_TEMPLATES:
        context = code_lists()
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(template_source(name, templates).encode())
    if context:
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]



@cache
def _template(name: str, templates: str = DEFAULT_TEMPLATES) -> Template:
    """One template, compiled once (compiling costs more than rendering)."""
    return _environment().from_string(template_source(name, templates))


def render(name: str, *, templates: str = DEFAULT_TEMPLATES, **variables: object) -> str:
    """Render one template of the ``templates`` package with ``variables`` as data."""
    return _template(name, templates).render(**variables).strip()


_WIDTH = 113  # the templates' line width


def _code_list(entries: Sequence[str], separator: str, indent: str = "") -> str:
    """Codes with their notes, wrapped to the templates' width."""
    return textwrap.fill(separator.join(entries), width=_WIDTH, initial_indent=indent,
                         subsequent_indent="  ", break_on_hyphens=False,
                         break_long_words=False).lstrip()


def code_lists(vocabulary: Vocabulary = VOCABULARY) -> dict[str, str]:
    """The prompt's regulator and decision code lists, with their notes, from the vocabulary."""
    agencies = [f"{a.code} ({a.prompt})" if a.prompt else a.code for a in vocabulary.agencies]
    decisions = [f"{d.code} ({d.prompt})" if d.prompt else d.code
                 for d in vocabulary.event_decisions]
    return {
        "agency_codes": _code_list(agencies, ", ", " " * len("- outcome.agency codes: ")) + ".",
        "decision_codes": _code_list(decisions, "; ", "  ") + ".",
    }


@cache
def system_prompt() -> str:
    """The default task's system message (the same for every document)."""
    return render("system.j2", **code_lists())


#: short hash of every template and of the vocabulary's code lists; changes with the prompt
PROMPT_VERSION = prompt_version()


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
        {"role": "system", "content": system_prompt() if (
            templates == DEFAULT_TEMPLATES and context is None
        ) else render("system.j2", templates=templates, **(context or {}))},
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


def reask_message(problems: Sequence[str], *, fields: Sequence[str] | None = None,
                  templates: str = DEFAULT_TEMPLATES) -> str:
    """The correction request sent back to the model when the rules reject its answer: the
    problems, and the fields to answer with (``None``: the full summary)."""
    return render("reask.j2", templates=templates, problems=list(problems),
                  fields=list(fields or []))
