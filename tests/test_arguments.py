"""Bad arguments on every public entry point raise a ``SummarizerError`` with a one-line message
(never a TypeError, a pydantic ValidationError or a KeyError from deep inside a run)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer, corpus_text

import summarizer
from summarizer import ConfigurationError, InvalidOutputError, Summarizer, SummarizerError
from summarizer.reports import ReportBuilder, render, render_html, render_markdown
from summarizer.testing import FakeEndpoint, Reply

TEXT = corpus_text("d01")
RULES = Summarizer("rules")


def _llm() -> Summarizer:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    return Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                      model="fake", mode="json")


def _one_line(error: type[SummarizerError], call: Callable[[], Any]) -> str:
    with pytest.raises(error) as raised:
        call()
    message = str(raised.value)
    assert message and "\n" not in message and message == raised.value.message
    return message


@pytest.mark.parametrize(("settings", "named"), [
    ({"max_input_bytes": 0}, "max_input_bytes"), ({"max_input_bytes": "20MB"}, "max_input_bytes"),
    ({"timeout": -1}, "timeout"), ({"timeout": "fast"}, "timeout"),
    ({"timeout": float("nan")}, "timeout"), ({"max_attempts": 0}, "max_attempts"),
    ({"max_attempts": True}, "max_attempts"), ({"max_reasks": -1}, "max_reasks"),
    ({"max_retry_wait": -1.0}, "max_retry_wait"), ({"token_budget": 0}, "token_budget"),
    ({"max_input_tokens": 8}, "max_input_tokens"), ({"max_output_tokens": 0}, "max_output_tokens"),
    ({"arbitrate": "yes"}, "arbitrate"), ({"trim_quotes": None}, "trim_quotes"),
    ({"rules": 5}, "rules"), ({"rules": ["a rule"]}, "rules"), ({"extra_body": [1]}, "extra_body"),
    ({"backend": 3}, "backend"), ({"model": ["m"]}, "model"), ({"base_url": 80}, "base_url"),
    ({"client": object()}, "client"), ({"cache": 3.5}, "cache"), ({"backend": "gpt"}, "backend"),
])
def test_summarizer_settings_are_checked_where_they_are_given(
    settings: dict[str, Any], named: str
) -> None:
    settings = {"backend": "rules", **settings}
    assert named in _one_line(ConfigurationError, lambda: Summarizer(**settings))


def test_published_takes_dates_datetimes_and_iso_text_only() -> None:
    moment = dt.datetime(2008, 3, 20, 14, 30)
    result = RULES.summarize(TEXT, published=moment)  # a datetime is its date
    assert result.meta is not None and result.meta.published == "2008-03-20"
    for bad in (20080320, "20/03/2008", ["2008-03-20"], 2008.3):
        message = _one_line(ConfigurationError, lambda bad=bad: RULES.summarize(TEXT,
                                                                                  published=bad))
        assert "published" in message


def test_source_is_text_or_a_path() -> None:
    assert RULES.summarize(TEXT, source=Path("docs/d01.txt")).source == "docs/d01.txt"
    for bad in (123, ["d01"], b"d01"):
        assert "source" in _one_line(ConfigurationError,
                                     lambda bad=bad: RULES.summarize(TEXT, source=bad))
    llm = _llm()
    assert "source" in _one_line(ConfigurationError,
                                 lambda: asyncio.run(llm.asummarize(TEXT, source=7)))


def test_batches_take_an_iterable_of_documents() -> None:
    for bad in ("one release as text", b"bytes", 5, None, {"text": TEXT}):
        _one_line(ConfigurationError, lambda bad=bad: RULES.summarize_many(bad))
        _one_line(ConfigurationError, lambda bad=bad: RULES.asummarize_many(bad))
    for settings in ({"concurrency": 0}, {"ordered": "yes"}, {"published": 5},
                     {"limiter": object()}):
        _one_line(ConfigurationError,
                  lambda settings=settings: RULES.summarize_many([TEXT], **settings))
    bad_items = list(RULES.summarize_many([TEXT, 42, ("id", 3), (1, TEXT)], ordered=True))
    assert [r.ok for r in bad_items] == [True, False, False, False]  # records, not raises


def test_prompt_messages_and_finish_from_answers() -> None:
    llm = _llm()
    _one_line(ConfigurationError, lambda: llm.prompt_messages(TEXT, published=object()))
    _one_line(ConfigurationError, lambda: llm.finish_from_answers(TEXT, "not answers"))
    _one_line(ConfigurationError, lambda: llm.finish_from_answers(TEXT, [42]))
    _one_line(ConfigurationError,
              lambda: llm.finish_from_answers(TEXT, [ceplene_answer()], usage={"x": 1}))
    broken = ceplene_answer()
    broken["outcome"]["decision"] = "maybe"
    message = _one_line(InvalidOutputError, lambda: llm.finish_from_answers(TEXT, [broken]))
    assert "outcome.decision" in message
    result = llm.finish_from_answers(TEXT, [ceplene_answer()])  # a JSON object is an answer
    assert result.ok


def test_module_level_summarize_refuses_unknown_settings() -> None:
    assert "colour" in _one_line(ConfigurationError,
                                 lambda: summarizer.summarize(TEXT, backend="rules", colour=1))


def test_reports_check_their_arguments() -> None:
    record = RULES.summarize(TEXT).to_record()
    assert render_markdown([record]).startswith("# ")
    for bad in (5, "records", record):
        _one_line(ConfigurationError, lambda bad=bad: render_html(bad))
    _one_line(ConfigurationError, lambda: render([record], "pdf"))
    _one_line(ConfigurationError, lambda: render_markdown([record], title=3))  # type: ignore[arg-type]
    _one_line(ConfigurationError, lambda: ReportBuilder("docx"))
    _one_line(summarizer.InputError, lambda: render_html([record, 42]))


def test_integrations_check_their_arguments() -> None:
    pd = pytest.importorskip("pandas")
    from summarizer.integrations.pandas import summarize_frame

    frame = pd.DataFrame({"text": [TEXT]})
    _one_line(ConfigurationError, lambda: summarize_frame([TEXT]))  # type: ignore[arg-type]
    _one_line(ConfigurationError, lambda: summarize_frame(frame, "body",
                                                          summarizer={"backend": "rules"}))
    _one_line(ConfigurationError, lambda: summarize_frame(frame, summarizer={"colour": 1}))
    _one_line(ConfigurationError, lambda: summarize_frame(frame, summarizer=5))  # type: ignore[arg-type]
    _one_line(ConfigurationError, lambda: summarize_frame(frame, summarizer={"backend": "rules"},
                                                          record="xml"))  # type: ignore[arg-type]
    pytest.importorskip("langchain_core")
    from summarizer.integrations.langchain import SummarizerRunnable

    _one_line(ConfigurationError, lambda: SummarizerRunnable(RULES, concurrency=0))
    _one_line(ConfigurationError, lambda: SummarizerRunnable(RULES, output="xml"))  # type: ignore[arg-type]
    from summarizer.integrations.ray import SummarizeBatch

    _one_line(ConfigurationError, lambda: SummarizeBatch(settings=5))  # type: ignore[arg-type]
    _one_line(ConfigurationError,
              lambda: SummarizeBatch(settings={"backend": "rules"}, concurrency=0))


def test_a_corpus_document_that_cannot_be_read_is_an_error_record(tmp_path: Path) -> None:
    from summarizer.evaluation import evaluate, load_corpus

    items = load_corpus(CORPUS)[:2]
    missing = items[1].__class__(id="gone", path=tmp_path / "gone.txt", published=None,
                                 gold=items[1].gold)
    run = evaluate([items[0], missing], RULES.summarize)
    assert run.errors == 1 and run.records[1]["error"]["code"] == "input"
