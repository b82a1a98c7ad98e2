"""The rules backend on the phrasing catalogue (tests/data/phrasings/README.md): short release
openings in many regulators' own words, tune and holdout halves."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.intake import load
from summarizer.tasks.regulatory.reader import summarize_with_rules

PHRASINGS = Path(__file__).parent / "data" / "phrasings"

#: share of openings whose (regulator, decision) the rules backend reads right, measured on
#: 2026-12-05: the first 990 openings read 0.74 (tune) and 0.77 (holdout) before any change
#: read from them; the next 440 read 0.85 and the next 440 0.88 on their holdout halves when
#: split, the next 440 0.82 and the next 440 0.91 (in 2026-12-05's eighth session); in the
#: ninth, the next 440 read 0.84 (one file, whole, before any change) and 0.90 (the other
#: three's holdout halves), the next 440 0.85 on their holdout halves; in the tenth, the last
#: 440 read 0.91 on their holdout halves when split (and after the session's changes); in the
#: eleventh, the last 330 read 0.88 on their holdout halves when split (and after the changes);
#: in the twelfth, the last 330 read 0.91 on their holdout halves when split (0.92 after); in
#: the thirteenth, the last 330 read 0.875 on their holdout halves when split (and after); in
#: the fourteenth, the last 330 read 0.89 on their holdout halves when split (and after); in
#: the fifteenth, the last 330 read 0.82 on their holdout halves when split (0.83 after); in
#: the sixteenth, the last 330 read 0.89 on their holdout halves when split (0.90 after); in
#: the seventeenth, the last 330 read 0.82 on their holdout halves when split (and after); in
#: the eighteenth, the last 330 read 0.92 on their holdout halves when split (and after); in
#: the nineteenth, the last 330 read 0.87 on their holdout halves when split (and after); in
#: the twentieth, the last 330 read 0.84 on their holdout halves when split (0.87 after); in
#: the twenty-first, the last 330 read 0.86 on their holdout halves when split (0.87 after); in
#: the twenty-second, the last 330 read 0.96 on their holdout halves when split (0.97 after);
#: in the twenty-third, the last 330 read 0.93 on their holdout halves when split (and after);
#: in the twenty-fourth, the last 330 read 0.86 on their holdout halves when split (and after);
#: in the twenty-fifth, the last 330 read 0.89 on their holdout halves when split (and after);
#: in the twenty-sixth, the last 330 read 0.90 on their holdout halves when split (0.92 after);
#: in the twenty-seventh, the last 329 read 0.94 on their holdout halves when split (0.95 after);
#: in the twenty-eighth, the last 330 read 0.94 on their holdout halves when split (0.95 after);
#: in the twenty-ninth, the last 330 read 0.93 on their holdout halves when split (0.94 after);
#: in the thirtieth, the last 328 read 0.88 on their holdout halves when split (0.89 after);
#: in the thirty-first, the last 330 read 0.95 on their holdout halves when split (and after);
#: in the thirty-second, the last 330 read 0.80 on their holdout halves when split (0.82 after);
#: in the thirty-third, the last 330 read 0.87 on their holdout halves when split (0.89 after);
#: in the thirty-fourth, the last 330 read 0.85 on their holdout halves when split (0.88 after);
#: after the changes read from the tune halves' misses, all 11,987 read these (0.979 and 0.914;
#: tune 128 misses of 6,003, holdout 513 of 5,984)
MEASURED = {"tune": 0.98, "holdout": 0.90}


def _rows(half: str) -> list[dict[str, Any]]:
    lines = (PHRASINGS / f"{half}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _read(row: dict[str, Any]) -> tuple[str, str]:
    text = row["headline"].strip() + "\n\n" + row["lead"].strip() + "\n"
    summary = summarize_with_rules(load(text, published=dt.date.fromisoformat(row["published"])))
    if summary.outcome is None or not summary.is_regulatory_event:
        return ("NONE", "none")
    return (summary.outcome.agency, summary.outcome.decision)


def test_the_halves_are_disjoint_and_labelled_in_the_spec_codes() -> None:
    from summarizer.tasks.regulatory.vocabulary import VOCABULARY

    tune, holdout = _rows("tune"), _rows("holdout")
    assert (len(tune), len(holdout)) == (6003, 5984)
    assert not {r["id"] for r in tune} & {r["id"] for r in holdout}
    codes = {d.code for d in VOCABULARY.decisions} | {VOCABULARY.no_decision}
    for row in tune + holdout:
        assert row["decision"] in codes, row["id"]
        assert (row["agency"] == "NONE") == (row["decision"] == "none"), row["id"]


@pytest.mark.parametrize("half", ["tune", "holdout"])
def test_the_rules_read_the_regulator_and_decision_of_each_opening(half: str) -> None:
    rows = _rows(half)
    misses = [row["id"] for row in rows if _read(row) != (row["agency"], row["decision"])]
    share = 1 - len(misses) / len(rows)
    # the holdout's misses are counted, never listed: nobody tunes on them
    shown = misses if half == "tune" else f"{len(misses)} of {len(rows)}"
    assert share >= MEASURED[half] - 0.005, shown
