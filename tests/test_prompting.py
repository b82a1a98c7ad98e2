"""Prompt rendering: the document is data, the version is a hash of the templates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from summarizer.prompting import PROMPT_VERSION, build_messages, reask_message


def test_messages_carry_document_and_date() -> None:
    messages = build_messages("FDA approves X.", published=dt.date(2024, 5, 1),
                              omitted=("forward_looking",), part_index=2, part_count=3)
    assert [m["role"] for m in messages] == ["system", "user"]
    user = messages[1]["content"]
    assert "Release date: 2024-05-01" in user and "FDA approves X." in user
    assert "forward_looking" in user and "part 2 of 3" in user
    assert "<release>" in user and "</release>" in user


def test_single_part_prompt_has_no_part_line() -> None:
    assert "part 1" not in build_messages("x")[1]["content"]


@given(st.text())
def test_any_document_text_is_rendered_verbatim(text: str) -> None:
    user = build_messages(text)[1]["content"]
    assert text.strip() in user


def test_template_syntax_is_not_evaluated() -> None:
    text = "{{ 7*7 }} {% for i in range(3) %}x{% endfor %} {{ ''.__class__ }}"
    assert text in build_messages(text)[1]["content"]


def test_prompt_version_is_a_short_hash() -> None:
    assert len(PROMPT_VERSION) == 12 and int(PROMPT_VERSION, 16) >= 0


def test_reask_lists_every_problem() -> None:
    text = reask_message(["decision is wrong", "quote not found"])
    assert "- decision is wrong" in text and "- quote not found" in text
