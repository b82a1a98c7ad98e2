"""``SummarizeBatch`` in Ray Data's ``map_batches``, on a real local Ray cluster of 2 CPUs.

The cluster starts once for the module (about 10 s on the 2-core machine). The rules backend
runs offline; the LLM path sends real HTTP from the Ray worker processes to a scripted
OpenAI-compatible server on 127.0.0.1 in this (driver) process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer, corpus_text, load_jsonl

ray = pytest.importorskip("ray", reason="the Ray integration needs ray[data] (extra 'ray')")
pd = pytest.importorskip("pandas", reason="the Ray integration needs pandas (extra 'ray')")
np = pytest.importorskip("numpy")

from summarizer.integrations.pandas import RESULT_COLUMNS  # noqa: E402
from summarizer.integrations.ray import SummarizeBatch, summarize_dataset  # noqa: E402
from summarizer.testing import LoopbackServer, Reply  # noqa: E402

# Ray's own deprecation notices (its defaults, its pandas calls) are not ours to fix here
pytestmark = pytest.mark.filterwarnings("ignore:::ray")

GOLD = {g["file"].split("/")[-1].removesuffix(".txt"): g for g in load_jsonl(CORPUS / "gold.jsonl")}
META = {m["id"]: m for m in load_jsonl(CORPUS / "meta.jsonl")}
DOCS = ["d01", "d02", "d03", "d04", "d12", "d20"]


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """A local Ray instance with 2 CPUs, no dashboard, no usage reporting; shut down after."""
    saved = os.environ.get("RAY_USAGE_STATS_ENABLED")
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # workers inherit it: nothing phones home
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1",
             log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield
    finally:
        ray.shutdown()
        if saved is None:
            os.environ.pop("RAY_USAGE_STATS_ENABLED", None)
        else:
            os.environ["RAY_USAGE_STATS_ENABLED"] = saved


def _rows(docs: list[str]) -> list[dict[str, Any]]:
    return [{"id": d, "text": corpus_text(d), "published": META[d]["published"]} for d in docs]


def test_callable_class_on_pandas_and_numpy_batches_without_ray() -> None:
    # what each actor does with a batch, checked directly (fast, no cluster)
    summarize = SummarizeBatch("text", id_col="id", settings={"backend": "rules"})
    frame = pd.DataFrame(_rows(["d01", "d02"]))
    out = summarize(frame)
    assert list(out.columns) == ["id", "text", "published", *RESULT_COLUMNS]
    assert list(out["decision"]) == ["negative_opinion", "approval"]
    assert json.loads(out["record"].iloc[0])["source"] == "d01"  # JSON text, for Arrow

    arrays = {"id": np.array(["d01", "x"]), "text": np.array([corpus_text("d01"), ""])}
    result = summarize(arrays)
    assert isinstance(result, dict) and set(result) == {"id", "text", *RESULT_COLUMNS}
    assert result["agency"].tolist() == ["EMA", None]
    assert result["error"][1].startswith("InputError: ")
    assert result["findings"].dtype == np.int64 and result["is_regulatory_event"][1] is None


@pytest.mark.usefixtures("ray_cluster")
def test_rules_backend_dataset_on_two_actors() -> None:
    rows = [*_rows(DOCS), {"id": "empty", "text": "", "published": None}]
    ds = ray.data.from_items(rows, override_num_blocks=4)
    out = summarize_dataset(ds, "text", id_col="id", published_col="published",
                            settings={"backend": "rules"}, actors=2, concurrency=2,
                            batch_size=2).to_pandas()
    assert sorted(out["id"]) == sorted([*DOCS, "empty"])  # one row per input, none lost
    by_id = out.set_index("id")
    for doc in DOCS:
        row = by_id.loc[doc]
        assert (row["agency"], row["decision"]) == (GOLD[doc]["agency"], GOLD[doc]["decision"])
        record = json.loads(row["record"])
        assert record["source"] == doc and record["meta"]["published"] == META[doc]["published"]
        assert pd.isna(row["error"])
    assert by_id.loc["empty", "error"].startswith("InputError: ")
    assert pd.isna(by_id.loc["empty", "decision"])


@pytest.mark.usefixtures("ray_cluster")
def test_llm_backend_workers_send_real_http_to_a_loopback_server() -> None:
    with LoopbackServer([Reply.answer(ceplene_answer())], repeat_last=True) as server:
        settings = {"base_url": server.base_url, "model": "local", "mode": "json",
                    "max_attempts": 2, "max_reasks": 0, "timeout": 20}
        ds = ray.data.from_items(
            [{"id": f"copy-{i}", "text": corpus_text("d01")} for i in range(4)],
            override_num_blocks=2,
        )
        out = ds.map_batches(
            SummarizeBatch,
            fn_constructor_kwargs={"text_col": "text", "id_col": "id", "settings": settings},
            compute=ray.data.ActorPoolStrategy(size=2),
            num_cpus=0.5,
            batch_size=2,
            batch_format="numpy",
        ).to_pandas()
        # every answer crossed the socket from a worker process: the driver sent nothing
        assert len(server.requests) == 4
    assert sorted(out["id"]) == [f"copy-{i}" for i in range(4)]
    assert set(out["decision"]) == {"negative_opinion"} and set(out["agency"]) == {"EMA"}
    assert out["error"].isna().all()
    records = [json.loads(r) for r in out["record"]]
    assert {r["meta"]["backend"] for r in records} == {"openai"}
    assert all(r["usage"]["requests"] == 1 for r in records)
    assert {req["model"] for req in server.requests} == {"local"}
