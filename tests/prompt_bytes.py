"""The regulatory task's request bodies for the dev documents, as digests (test_prompt_bytes).

For every dev release and every structured-output mode, the whole pipeline runs against a
``FakeEndpoint``: a first answer whose decision quote is not in the release (so the rules ask
again, and the second request carries the re-ask message), then the rules backend's answer.
Each request body the endpoint received (system and user messages, the re-ask turn, the tool or
``response_format`` with its JSON schema, the sampling settings) is reduced to a SHA-256 of its
canonical JSON. Cassette replay and recorded prompts depend on these bytes staying as they are.

    python tests/prompt_bytes.py   # rewrite tests/data/prompt_bytes.json (only on purpose)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
FIXTURE = DATA / "prompt_bytes.json"
MODES = ("tools", "json", "json_schema")


def digest(body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def request_bodies(doc_id: str, published: str | None, mode: str) -> list[dict[str, Any]]:
    """The request bodies one dev release sends in ``mode`` (first answer, then a re-ask)."""
    from summarizer import Summarizer
    from summarizer.testing import FakeEndpoint, Reply

    text = (CORPUS / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    rules = Summarizer("rules").summarize(text, published=published).summary
    assert rules is not None
    good = rules.model_dump(mode="json")
    wrong = json.loads(json.dumps(good))
    wrong["sentiment"]["evidence"] = {"quote": "A sentence this release never wrote at all."}
    endpoint = FakeEndpoint([Reply.answer(wrong), Reply.answer(good)])
    summarizer = Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                            model="fake-model", mode=mode, max_retry_wait=0.0, max_reasks=1)
    summarizer.summarize(text, published=published, source=doc_id)
    return endpoint.requests


def digests() -> dict[str, dict[str, list[str]]]:
    metas = [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text().splitlines()
             if line.strip()]
    return {m["id"]: {mode: [digest(b) for b in request_bodies(m["id"], m.get("published"), mode)]
                      for mode in MODES}
            for m in metas}


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(digests(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
