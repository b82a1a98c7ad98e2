"""``summarize_frame``: a DataFrame of releases in, the same frame with flat result columns out."""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer, corpus_text, load_jsonl

pd = pytest.importorskip("pandas", reason="the pandas integration needs pandas (extra 'pandas')")

from summarizer import ConfigurationError, Summarizer  # noqa: E402
from summarizer.integrations import require  # noqa: E402
from summarizer.integrations.pandas import RESULT_COLUMNS, summarize_frame  # noqa: E402
from summarizer.testing import FakeEndpoint, Reply  # noqa: E402

GOLD = {g["file"].split("/")[-1].removesuffix(".txt"): g for g in load_jsonl(CORPUS / "gold.jsonl")}
META = {m["id"]: m for m in load_jsonl(CORPUS / "meta.jsonl")}
DOCS = ["d01", "d02", "d04", "d20"]


def _frame(**extra: Any) -> Any:
    return pd.DataFrame(
        {"doc": DOCS, "body": [corpus_text(d) for d in DOCS],
         "date": [META[d]["published"] for d in DOCS], **extra},
        index=pd.Index([10, 11, 12, 13], name="row"),
    )


def test_rules_backend_frame_keeps_rows_index_and_columns() -> None:
    frame = _frame()
    before = frame.copy()
    out = summarize_frame(frame, text_col="body", id_col="doc", published_col="date",
                          summarizer={"backend": "rules"}, concurrency=2)
    pd.testing.assert_frame_equal(frame, before)  # the input is not modified
    assert list(out.index) == [10, 11, 12, 13] and out.index.name == "row"
    assert list(out.columns) == ["doc", "body", "date", *RESULT_COLUMNS]
    for row in out.itertuples():
        gold = GOLD[row.doc]
        assert (row.agency, row.decision) == (gold["agency"], gold["decision"]), row.doc
        assert row.direction == gold["direction"]
        assert pd.isna(row.error) and row.record["source"] == row.doc
        assert row.record["meta"]["published"] == META[row.doc]["published"]
        assert row.findings == len(row.record["findings"])
    ceplene = out.loc[10]
    assert "Ceplene" in ceplene["product"] and ceplene["sentiment"] == "negative"
    assert ceplene["sentiment_score"] < 0 and ceplene["is_regulatory_event"]
    assert str(out["sentiment_score"].dtype) == "Float64" and str(out["findings"].dtype) == "Int64"


def test_bad_rows_become_error_rows_and_the_rest_complete() -> None:
    texts = [corpus_text("d01"), "", None, float("nan"), b"%PDF-1.4\x00\x01"]
    frame = pd.DataFrame({"text": texts}, index=["a", "b", "b", "c", "d"])  # duplicate labels
    out = summarize_frame(frame, summarizer=Summarizer(backend="rules"))
    assert list(out.index) == ["a", "b", "b", "c", "d"]
    assert pd.isna(out["error"].iloc[0]) and out["decision"].iloc[0] == "negative_opinion"
    for position in range(1, 5):
        assert out["error"].iloc[position].startswith("InputError: "), position
        assert pd.isna(out["decision"].iloc[position])
        assert out["record"].iloc[position]["summary"] is None
    # without id_col the index label is the record's source
    assert [r["source"] for r in out["record"]] == ["a", "b", "b", "c", "d"]


def test_published_cells_may_be_dates_timestamps_text_or_empty() -> None:
    text = corpus_text("d01")
    frame = pd.DataFrame({
        "text": [text] * 3,
        "published": [pd.Timestamp("2008-03-20 14:30"), "2008-03-21", pd.NaT],
    })
    out = summarize_frame(frame, published_col="published", summarizer={"backend": "rules"})
    published = [r["meta"]["published"] for r in out["record"]]
    assert published[:2] == ["2008-03-20", "2008-03-21"]
    # an empty cell is no date: the same as summarizing without one
    assert published[2] == Summarizer(backend="rules").summarize(text).to_record()["meta"][
        "published"]


def test_record_formats_and_prefix() -> None:
    frame = pd.DataFrame({"text": [corpus_text("d02")]})
    as_json = summarize_frame(frame, summarizer={"backend": "rules"}, record="json")
    assert json.loads(as_json["record"].iloc[0])["summary"]["outcome"]["agency"] == "FDA"
    bare = summarize_frame(frame, summarizer={"backend": "rules"}, record="none", prefix="s_")
    assert "s_record" not in bare.columns and bare["s_agency"].iloc[0] == "FDA"
    assert list(bare.columns) == ["text"] + [f"s_{c}" for c in RESULT_COLUMNS if c != "record"]


def test_column_clash_and_missing_column_are_refused() -> None:
    frame = pd.DataFrame({"text": ["x"], "agency": ["mine"]})
    with pytest.raises(ConfigurationError, match="prefix="):
        summarize_frame(frame, summarizer={"backend": "rules"})
    with pytest.raises(ConfigurationError, match="'body'"):
        summarize_frame(frame, text_col="body", summarizer={"backend": "rules"})


def test_llm_backend_rows_go_through_the_endpoint() -> None:
    endpoint = FakeEndpoint([Reply.answer(ceplene_answer())], repeat_last=True)
    summarizer = Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                            model="local", mode="json", max_reasks=0)
    frame = pd.DataFrame({"id": ["x", "y", "z"], "text": [corpus_text("d01")] * 3})
    out = summarize_frame(frame, id_col="id", summarizer=summarizer, concurrency=2)
    assert len(endpoint.requests) == 3
    assert list(out["decision"]) == ["negative_opinion"] * 3
    assert list(out["agency"]) == ["EMA"] * 3 and out["error"].isna().all()
    assert [r["meta"]["backend"] for r in out["record"]] == ["openai"] * 3
    assert [r["source"] for r in out["record"]] == ["x", "y", "z"]


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportError, match=r"pip install 'regulatory-summarizer\[pandas\]'"):
        require("no_such_module_for_the_test", "pandas")
    # and the module itself, imported where pandas is missing
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.delitem(sys.modules, "summarizer.integrations.pandas")
    with pytest.raises(ImportError, match=r"needs pandas.*\[pandas\]"):
        importlib.import_module("summarizer.integrations.pandas")


# -- timeline frames ------------------------------------------------------------------------------


def test_events_frame_has_one_row_per_event_in_timeline_order() -> None:
    from test_timeline_build import TODAY, eu_sequence, us_sequence

    from summarizer.integrations.pandas import EVENT_COLUMNS, events_frame
    from summarizer.tasks.regulatory.timeline import build

    records = [*us_sequence(), *eu_sequence()]
    timeline = build(records, today=TODAY)
    frame = events_frame(records, today=TODAY)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert list(frame["event_id"]) == [e.id for e in timeline.events]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["date"].is_monotonic_increasing
    assert list(frame["product"].unique()) == ["Orzenta", "Velmora"]
    accepted = frame[frame["decision"] == "filing_accepted"].iloc[0]
    assert (accepted["duplicates"], accepted["company"], accepted["region"]) == (
        "us-3b", "Halcyon Biopharma, Inc.", "US")
    assert str(frame["quote_start"].dtype) == "Int64" and frame["quote_start"].isna().all()
    # a Timeline is taken as it is
    pd.testing.assert_frame_equal(events_frame(timeline), frame)
    # per product, the decisions in order: what an analyst groups by
    assert frame.groupby("product")["decision"].apply(list)["Velmora"] == [
        "negative_opinion", "positive_opinion", "accelerated_approval"]


def test_calendar_frame_and_undated_events() -> None:
    from test_timeline_build import TODAY, eu_sequence
    from timeline_records import rec

    from summarizer.integrations.pandas import (
        CALENDAR_FRAME_COLUMNS,
        EVENT_COLUMNS,
        calendar_frame,
        events_frame,
    )

    records = [*eu_sequence(), rec("undated", None, "approval", "FDA", [("Velmora", None)],
                                   "Norvexa Therapeutics N.V.")]
    calendar = calendar_frame(records, today=TODAY)
    assert list(calendar.columns) == list(CALENDAR_FRAME_COLUMNS)
    assert list(calendar["state"]) == ["met", "met", "upcoming", "met"]
    first = calendar.iloc[0]
    assert (first["start"], first["end"], first["precision"]) == (
        pd.Timestamp("2026-01-01"), pd.Timestamp("2026-03-31"), "quarter")
    assert pd.isna(calendar.iloc[-1]["end"])
    events = events_frame(records, today=TODAY)
    assert pd.isna(events.iloc[-1]["date"]) and events.iloc[-1]["date_basis"] == "none"
    assert events_frame([]).empty and list(events_frame([]).columns) == list(EVENT_COLUMNS)
