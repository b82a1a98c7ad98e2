"""The regulatory task's request bodies for the dev documents, as digests (test_prompt_bytes).

For every dev release, every structured-output mode and two scenarios, the whole pipeline runs
against a ``FakeEndpoint``: a first answer the rules reject, then a correct one. ``quote``: the
sentiment quote is not in the release (the correction asks for the sentiment alone); ``parts``:
the first rationale and next-step quotes are not in the release and an event's regulator is
"NONE" (the correction asks for those lists and the outcome's regulator with its name as
written). Each request body the endpoint received (system and user messages, the answer and
correction turns, the tool or ``response_format`` with its JSON schema, the sampling settings)
is reduced to a SHA-256 of its canonical JSON. Cassette replay and recorded prompts depend on
these bytes staying as they are.

The correct answers are fixed (``prompt_answers.json``: what the rules backend answered when
the pins were made), so a change of the reader never moves the pins; only the request does.

    python tests/prompt_bytes.py            # rewrite prompt_bytes.json (only on purpose)
    python tests/prompt_bytes.py --answers  # rewrite prompt_answers.json from the rules backend
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
FIXTURE = DATA / "prompt_bytes.json"
ANSWERS = DATA / "prompt_answers.json"
MODES = ("tools", "json", "json_schema")
NOT_IN_RELEASE = {"quote": "A sentence this release never wrote at all."}


def digest(body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote(wrong: dict[str, Any]) -> None:
    wrong["sentiment"]["evidence"] = dict(NOT_IN_RELEASE)


def _parts(wrong: dict[str, Any]) -> None:
    for name in ("rationale", "next_steps"):
        if wrong[name]:
            wrong[name][0]["evidence"] = dict(NOT_IN_RELEASE)
    if wrong["is_regulatory_event"] and wrong["outcome"] is not None:
        wrong["outcome"]["agency"] = "NONE"


SCENARIOS: dict[str, Callable[[dict[str, Any]], None]] = {"quote": _quote, "parts": _parts}


def metas() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text().splitlines()
            if line.strip()]


def answers() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = json.loads(ANSWERS.read_text(encoding="utf-8"))
    return found


def request_bodies(doc_id: str, published: str | None, mode: str, scenario: str,
                   good: dict[str, Any]) -> list[dict[str, Any]]:
    """The request bodies one dev release sends in ``mode`` (a rejected answer, then ``good``)."""
    from summarizer import Summarizer
    from summarizer.testing import FakeEndpoint, Reply

    text = (CORPUS / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    wrong = json.loads(json.dumps(good))
    SCENARIOS[scenario](wrong)
    endpoint = FakeEndpoint([Reply.answer(wrong), Reply.answer(good)])
    summarizer = Summarizer(client=endpoint.client(), async_client=endpoint.async_client(),
                            model="fake-model", mode=mode, max_retry_wait=0.0, max_reasks=1,
                            # every wrong answer goes back (nothing settled before the
                            # re-ask check): the bodies are what is pinned
                            arbitration="off", trim_quotes=False)
    summarizer.summarize(text, published=published, source=doc_id)
    return endpoint.requests


def digests() -> dict[str, dict[str, list[str]]]:
    good = answers()
    return {m["id"]: {f"{scenario}/{mode}": [
        digest(b) for b in request_bodies(m["id"], m.get("published"), mode, scenario,
                                          good[m["id"]])]
        for scenario in SCENARIOS for mode in MODES}
        for m in metas()}


def rules_answers() -> dict[str, dict[str, Any]]:
    from summarizer import Summarizer

    out: dict[str, dict[str, Any]] = {}
    for m in metas():
        text = (CORPUS / "docs" / f"{m['id']}.txt").read_text(encoding="utf-8")
        summary = Summarizer("rules").summarize(text, published=m.get("published")).summary
        assert summary is not None
        out[m["id"]] = summary.model_dump(mode="json")
    return out


if __name__ == "__main__":
    if "--answers" in sys.argv[1:]:  # key order matters: the answer is echoed as sent
        ANSWERS.write_text(json.dumps(rules_answers(), indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        print(f"wrote {ANSWERS}")
    else:
        FIXTURE.write_text(json.dumps(digests(), indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
        print(f"wrote {FIXTURE}")
