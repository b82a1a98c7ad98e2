"""The regulatory prompt is byte-identical to the one the cassettes and recorded runs were made
with: every request body of every dev release, in every mode, with a re-ask (prompt_bytes.py)."""

from __future__ import annotations

import json

import pytest
from prompt_bytes import CORPUS, FIXTURE, MODES, digest, request_bodies

EXPECTED: dict[str, dict[str, list[str]]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
METAS = [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text().splitlines()
         if line.strip()]


@pytest.mark.parametrize("mode", MODES)
def test_request_bodies_are_unchanged(mode: str) -> None:
    assert len(EXPECTED) == len(METAS) == 23
    changed = []
    for meta in METAS:
        bodies = request_bodies(meta["id"], meta.get("published"), mode)
        assert len(bodies) == 2  # the first answer and the re-ask
        if [digest(b) for b in bodies] != EXPECTED[meta["id"]][mode]:
            changed.append(meta["id"])
    assert not changed, f"request bodies changed for {changed} ({mode} mode)"
