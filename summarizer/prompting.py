"""Prompt templates: render the Jinja2 templates of ``summarizer.prompts`` into chat messages.

Templates are rendered in a sandboxed environment and the document is passed only as a variable,
so ``{{`` or ``{%`` inside a release is printed as text, never evaluated. The prompt version is a
hash of the template sources; it goes into every result and every cache key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import textwrap
from collections.abc import Sequence
from functools import cache
from importlib import resources

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.injection import neutralize_delimiters
from summarizer.vocabulary import VOCABULARY, Vocabulary

__all__ = [
    "PROMPT_VERSION",
    "TEMPLATE_NAMES",
    "build_messages",
    "code_lists",
    "reask_message",
    "render",
    "system_prompt",
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
    digest.update(system_prompt().encode())  # the code lists come from the vocabulary
    return digest.hexdigest()[:12]




@cache
def _template(name: str) -> Template:
    """One template, compiled once (compiling costs more than rendering)."""
    return _environment().from_string(template_source(name))


def render(name: str, **variables: object) -> str:
    """Render one template with ``variables`` as data."""
    return _template(name).render(**variables).strip()


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
    """The system message (the same for every document)."""
    return render("system.j2", **code_lists())


#: short hash of every template and the vocabulary's code lists; changes with the prompt
PROMPT_VERSION = _prompt_version()


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
        {"role": "system", "content": system_prompt()},
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


def reask_message(problems: Sequence[str]) -> str:
    """The correction request sent back to the model when the rules reject its answer."""
    return render("reask.j2", problems=list(problems))
