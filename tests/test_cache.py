"""The result cache: hits make no HTTP request, keys follow every output-shaping setting, errors
are never stored, concurrent writers are safe, a cached re-run of the dev split is free."""

from __future__ import annotations

import inspect
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS

from summarizer import BackendStatusError, CacheError, Summarizer, SummarizerError
from summarizer.cache import ResultCache, cache_key, default_cache_path, open_cache
from summarizer.tasks.regulatory import RegulatoryTask
from summarizer.tasks.regulatory.rules import RULES
from summarizer.testing import LoopbackServer, Reply, ScaleServer, synthetic_release

DOC = synthetic_release(1)


class _NewVersion(RegulatoryTask):
    """The regulatory task with a new version number (its reader or rules changed)."""

    version = RegulatoryTask.version + ".1"


class _NewPrompt(RegulatoryTask):
    """The regulatory task with one more constant variable in its system prompt."""

    def template_context(self) -> dict[str, object]:
        return {**super().template_context(), "note": "changed"}


def _summarizer(server: LoopbackServer, cache: Any, **kwargs: Any) -> Summarizer:
    settings: dict[str, Any] = {"model": "local", "mode": "json", "max_retry_wait": 0.05}
    settings.update(kwargs)
    return Summarizer(base_url=server.base_url, cache=cache, **settings)


def test_second_summarize_is_a_hit_without_any_request(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        first = _summarizer(srv, db).summarize(DOC, source="first.txt")
        assert len(srv.requests) == 1 and first.meta is not None and not first.meta.cached
        second = _summarizer(srv, db).summarize(DOC, source="second.txt")
        assert len(srv.requests) == 1  # answered from the cache
    assert second.meta is not None and second.meta.cached
    assert second.source == "second.txt" and second.text == DOC
    assert second.usage.requests == 0 and second.usage.prompt_tokens == 0
    assert second.to_record()["summary"] == first.to_record()["summary"]
    assert second.findings == first.findings
    assert first.usage.requests == 1


def test_async_summarize_uses_the_cache_too(tmp_path: Path) -> None:
    import asyncio

    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        _summarizer(srv, db).summarize(DOC)
        result = asyncio.run(_summarizer(srv, db).asummarize(DOC))
        assert len(srv.requests) == 1
    assert result.meta is not None and result.meta.cached


# arbitration is a setting only where the pipeline has it
_ARBITRATE = (
    [{"arbitrate": False}] if "arbitrate" in inspect.signature(Summarizer).parameters else []
)


@pytest.mark.parametrize("change", [
    {"model": "other-model"},
    {"mode": "tools"},
    {"max_reasks": 1},
    {"max_input_tokens": 500},
    {"max_output_tokens": 1000},
    {"extra_body": {"top_k": 5}},
    {"rules": RULES[:-1]},
    *_ARBITRATE,
    {"arbitration": "flag"},
    {"published": "2021-06-01"},
    {"task": _NewPrompt},
    {"task": _NewVersion},
    {"text": DOC + "\nOne more line.\n"},
])
def test_the_key_changes_with_every_setting_that_shapes_the_output(
    change: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        _summarizer(srv, db).summarize(DOC)
        assert len(srv.requests) == 1
        kwargs = dict(change)
        text, published = kwargs.pop("text", DOC), kwargs.pop("published", None)
        result = _summarizer(srv, db, **kwargs).summarize(text, published=published)
        assert len(srv.requests) >= 2  # a miss: the model was asked again
    assert result.meta is not None and not result.meta.cached
    assert len(ResultCache(db)) == 2


def test_settings_that_do_not_shape_the_output_keep_the_key(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        _summarizer(srv, db).summarize(DOC)
        _summarizer(srv, db, timeout=7.0, max_attempts=9, token_budget=10**6).summarize(DOC)
        assert len(srv.requests) == 1


def test_errors_are_never_cached(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with LoopbackServer([Reply.status(500)], repeat_last=True) as srv:
        with pytest.raises(BackendStatusError):
            _summarizer(srv, db, max_attempts=2).summarize(DOC)
    assert len(ResultCache(db)) == 0
    with ScaleServer() as srv:
        result = _summarizer(srv, db).summarize(DOC)
        assert len(srv.requests) == 1 and result.ok
    assert len(ResultCache(db)) == 1


def test_error_records_of_a_batch_are_not_cached(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        results = list(_summarizer(srv, db).summarize_many(["   ", DOC], concurrency=2))
    assert sum(r.ok for r in results) == 1 and len(ResultCache(db)) == 1


def test_rules_backend_is_not_cached(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    result = Summarizer(backend="rules", cache=db).summarize(DOC)
    assert result.meta is not None and not result.meta.cached
    assert not db.exists() or len(ResultCache(db)) == 0


def test_cached_rerun_of_the_dev_split_makes_zero_http_requests(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    docs = sorted((CORPUS / "docs").glob("*.txt"))
    with ScaleServer() as srv:
        first = list(_summarizer(srv, db).summarize_many(docs, concurrency=4))
        sent = len(srv.requests)
        assert sent >= len(docs) and all(r.ok for r in first)
        again = list(_summarizer(srv, db).summarize_many(docs, concurrency=4))
        assert len(srv.requests) == sent  # not one request the second time
    assert len(again) == len(docs) == 23
    assert all(r.ok and r.meta is not None and r.meta.cached for r in again)
    assert sum(r.usage.requests for r in again) == 0
    before = {r.source: r.to_record()["summary"] for r in first}
    assert all(r.to_record()["summary"] == before[r.source] for r in again)


def test_concurrent_writers_across_threads_and_objects(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    caches = [ResultCache(db), ResultCache(db)]
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        cache = caches[number % 2]
        try:
            for i in range(40):
                cache.put(f"k{number}-{i}", {"source": f"{number}-{i}", "meta": {"model": "m"}})
                assert cache.get(f"k{number}-{i}") is not None
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(ResultCache(db)) == 6 * 40
    assert ResultCache(db).get("k3-7") == {"source": "3-7", "meta": {"model": "m"}}
    for cache in caches:
        cache.close()


def test_a_damaged_or_stale_record_is_a_miss(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with ScaleServer() as srv:
        s = _summarizer(srv, db)
        s.summarize(DOC)
        cache = ResultCache(db)
        key = cache._db().execute("SELECT key FROM results").fetchone()[0]
        cache.put(key, {"summary": {"not": "a summary"}, "meta": {}})
        result = _summarizer(srv, db).summarize(DOC)
        assert len(srv.requests) == 2 and result.ok  # asked again, and stored again
        cache._db().execute("UPDATE results SET record = 'not json'")
        assert cache.get(key) is None


def test_default_path_and_cache_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_path() == tmp_path / "xdg" / "summarizer" / "cache.sqlite3"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path().parts[-3:] == (".cache", "summarizer", "cache.sqlite3")
    mine = ResultCache(tmp_path / "x.sqlite3")
    assert open_cache(mine) is mine and open_cache(None) is None
    assert isinstance(open_cache(str(tmp_path / "y.sqlite3")), ResultCache)
    assert cache_key("a", {"m": 1}) != cache_key("b", {"m": 1}) != cache_key("a", {"m": 2})
    stored = {"source": "s", "meta": {"model": "m"}}
    mine.put("k", stored)
    assert json.dumps(mine.get("k")) == json.dumps(stored)
    mine.clear()
    assert len(mine) == 0


def test_a_lock_sqlite_reports_at_once_is_retried_and_other_errors_are_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarizer import cache as cache_module

    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert cache_module._patiently(flaky) == "done" and len(calls) == 3

    def broken() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("no such table: results")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        cache_module._patiently(broken)
    assert len(calls) == 1

    def always_locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cache_module, "_LOCK_PATIENCE", 0.05)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        cache_module._patiently(always_locked)


def test_a_file_that_is_not_sqlite_is_a_typed_cache_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"not a database " * 100)
    cache = ResultCache(path)
    with pytest.raises(CacheError) as raised:
        cache.get("k")
    assert raised.value.damaged and isinstance(raised.value, SummarizerError)
    assert "\n" not in raised.value.message and str(path) in raised.value.message
    aside = cache.rebuild()
    assert aside.read_bytes().startswith(b"not a database") and cache.get("k") is None
    cache.put("k", {"meta": {"model": "m"}})
    assert len(cache) == 1
    cache.close()


def test_a_folder_that_cannot_be_made_is_a_typed_cache_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    cache = ResultCache(tmp_path / "file" / "sub" / "c.sqlite3")
    with pytest.raises(CacheError) as raised:
        cache.put("k", {})
    assert not raised.value.damaged and "\n" not in raised.value.message


class _Broken:
    """A custom cache whose every call fails."""

    def __init__(self) -> None:
        self.calls = 0

    def get(self, key: str) -> dict[str, Any] | None:
        self.calls += 1
        raise RuntimeError("disk on fire")

    def put(self, key: str, record: Any) -> None:
        self.calls += 1
        raise RuntimeError("disk on fire")


def test_a_cache_fault_never_fails_a_document_and_is_reported_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _Broken()
    with ScaleServer() as server:
        s = _summarizer(server, broken)
        results = list(s.summarize_many([synthetic_release(i) for i in range(4)]))
        results.append(s.summarize(synthetic_release(9)))
    assert all(r.ok for r in results) and broken.calls == 1 and s.cache is None
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 1 and "disk on fire" in warnings[0]
    assert "going on without the result cache" in warnings[0]


def test_a_damaged_cache_file_is_rebuilt_once_then_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"\x00" * 4096)
    with ScaleServer() as server:
        s = _summarizer(server, path)
        first = s.summarize(synthetic_release(1))
        again = s.summarize(synthetic_release(1))
    assert first.ok and again.ok and again.meta is not None and again.meta.cached
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "moved it to" in err
    assert len(list(tmp_path.glob("c.sqlite3.corrupt-*"))) == 1
