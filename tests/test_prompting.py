"""Prompt rendering: the document is data, the version is a hash of the templates and their
constant variables, every task renders its own templates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import summarizer
from summarizer.prompting import Prompt, build_messages, prompt_version, reask_message
from summarizer.task import get_task

REGULATORY = get_task("regulatory")
PROMPT = REGULATORY.prompt


def test_messages_carry_document_and_date() -> None:
    messages = PROMPT.messages("FDA approves X.", published=dt.date(2024, 5, 1),
                               omitted=("forward_looking",), part_index=2, part_count=3)
    assert [m["role"] for m in messages] == ["system", "user"]
    user = messages[1]["content"]
    assert "Release date: 2024-05-01" in user and "FDA approves X." in user
    assert "forward_looking" in user and "part 2 of 3" in user
    assert "<release>" in user and "</release>" in user


def test_single_part_prompt_has_no_part_line() -> None:
    assert "part 1" not in PROMPT.messages("x")[1]["content"]


@given(st.text())
def test_any_document_text_is_rendered_verbatim(text: str) -> None:
    user = PROMPT.messages(text)[1]["content"]
    assert text.strip() in user


def test_template_syntax_is_not_evaluated() -> None:
    text = "{{ 7*7 }} {% for i in range(3) %}x{% endfor %} {{ ''.__class__ }}"
    assert text in PROMPT.messages(text)[1]["content"]


def test_prompt_version_is_a_short_hash_of_templates_and_context() -> None:
    version = REGULATORY.prompt_version
    assert len(version) == 12 and int(version, 16) >= 0
    assert version == summarizer.PROMPT_VERSION == prompt_version(
        REGULATORY.templates, REGULATORY.template_context())
    assert prompt_version(REGULATORY.templates) != version  # the code lists count


def test_the_functions_render_what_the_prompt_does() -> None:
    context = REGULATORY.template_context()
    assert build_messages("x", templates=REGULATORY.templates, context=context) == (
        PROMPT.messages("x"))
    assert Prompt(REGULATORY.templates, context).system == PROMPT.system


def test_reask_lists_every_problem() -> None:
    text = PROMPT.reask(["decision is wrong", "quote not found"])
    assert "- decision is wrong" in text and "- quote not found" in text
    assert text == reask_message(["decision is wrong", "quote not found"],
                                 templates=REGULATORY.templates)
