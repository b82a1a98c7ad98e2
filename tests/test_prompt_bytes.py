"""The regulatory prompt is byte-identical to the one the cassettes and recorded runs were made
with: every request body of every dev release, in every mode, with a correction of one field
and of several fields and outcome parts (prompt_bytes.py)."""

from __future__ import annotations

import json

import pytest
from prompt_bytes import FIXTURE, MODES, SCENARIOS, answers, digest, metas, request_bodies

EXPECTED: dict[str, dict[str, list[str]]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
METAS = metas()
ANSWERS = answers()


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("mode", MODES)
def test_request_bodies_are_unchanged(mode: str, scenario: str) -> None:
    assert len(EXPECTED) == len(METAS) == len(ANSWERS) == 23
    changed = []
    for meta in METAS:
        bodies = request_bodies(meta["id"], meta.get("published"), mode, scenario,
                                ANSWERS[meta["id"]])
        assert len(bodies) == 2  # the first answer and the correction
        if [digest(b) for b in bodies] != EXPECTED[meta["id"]][f"{scenario}/{mode}"]:
            changed.append(meta["id"])
    assert not changed, f"request bodies changed for {changed} ({scenario}, {mode} mode)"


def test_the_parts_scenario_asks_for_outcome_parts_and_lists() -> None:
    """The second scenario exercises what the first does not: several fields at once and a
    part of the outcome with its companion (an event release)."""
    meta = next(m for m in METAS if ANSWERS[m["id"]]["is_regulatory_event"]
                and ANSWERS[m["id"]]["rationale"] and ANSWERS[m["id"]]["next_steps"])
    bodies = request_bodies(meta["id"], meta.get("published"), "json", "parts",
                            ANSWERS[meta["id"]])
    schema = bodies[1]["response_format"]["schema"]
    assert set(schema["properties"]) == {"outcome", "rationale", "next_steps"}
    assert set(schema["$defs"]["OutcomeCorrection"]["properties"]) == {"agency", "agency_body"}
