"""A correct answer is never overruled and never sent back: every labelled release answered
perfectly (its gold decision, regulator, direction, products and the sentence stating the
decision) through ``FakeEndpoint`` keeps its decision and raises no error finding.

The stress set's holdout half is measured, never looked at: for it the test reports only how
many releases failed, not which.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, DATA

from summarizer.evaluation import load_corpus
from summarizer.testing import answered, gold_answer

STRESS = DATA / "stress"
INVENTED = DATA / "invented_releases.jsonl"


def _corpus(folder: Path) -> Iterator[tuple[str, str, dt.date | None, dict[str, Any], str | None]]:
    evidence_file = folder / "evidence.jsonl"
    quotes: dict[str, str | None] = {}
    if evidence_file.exists():
        rows = [json.loads(line) for line in evidence_file.read_text("utf-8").splitlines() if line]
        quotes = {row["id"]: row["evidence"] for row in rows}
    for item in load_corpus(folder):
        quote = quotes.get(item.id, item.gold.get("evidence"))
        yield item.id, item.read_text(), item.published, item.gold, quote


def _invented() -> Iterator[tuple[str, str, dt.date | None, dict[str, Any], str | None]]:
    for line in INVENTED.read_text("utf-8").splitlines():
        row = json.loads(line)
        gold = {"is_regulatory_event": row["decision"] != "none", "agency": row["agency"],
                "decision": row["decision"], "direction": row["direction"], "product": [],
                "indication": [], "sentiment": "neutral"}
        yield row["id"], row["text"], dt.date.fromisoformat(row["published"]), gold, (
            row["evidence"])


SETS = {
    "dev": lambda: _corpus(CORPUS),
    "stress-tune": lambda: _corpus(STRESS / "tune"),
    "stress-holdout": lambda: _corpus(STRESS / "holdout"),
    "invented": _invented,
}


def _problems(text: str, published: dt.date | None, gold: dict[str, Any],
              quote: str | None) -> list[str]:
    result = answered(text, gold_answer(gold, quote), published)
    return [f"{f.rule}: {f.message[:160]}" for f in result.findings
            if f.rule.endswith(("_arbitrated", "_disputed")) or f.severity == "error"]


#: perfect holdout answers the pipeline still overrules or sends back (issue 14), counted and
#: not read: one of the stress set's fourth batch (of 18), one of the sixth (of 25), one of the
#: eighth (of 24), one of the tenth (of 23), two of the twelfth (of 22, first counted after the
#: eleventh batch's changes; three until the fourteenth session's changes sent one less back)
#: and one of the sixteenth (of 23), on 2026-12-05 (nine of the first 188 before the changes of
#: its eighth session, which fixed one each of the third, fourth, sixth and seventh; its ninth
#: session's changes fixed one of the fourth and one of the ninth; none of them read; the
#: thirteenth batch, added in the tenth session, has none of 22, nor the fourteenth, added in the
#: eleventh, of 21, nor the fifteenth, added in the twelfth, of 22; the sixteenth, added in the
#: thirteenth, has one of 23, first counted after that session's changes; the seventeenth,
#: added in the fourteenth, none of 22, first counted after that session's changes; the
#: eighteenth, added in the fifteenth, none of 23, counted after that session's changes; the
#: nineteenth, added in the sixteenth, two of 23, both perfect "other" answers overruled, counted
#: at its split and again after that session's changes, the same; the twentieth, added in the
#: seventeenth, one of 23, a perfect acceptance overruled, the same at its split and after that
#: session's changes; the twenty-first, added in the eighteenth, none of 23, at its split and
#: after that session's changes; the twenty-second, added in the nineteenth, none of 20, at its
#: split and after that session's changes); the twentieth session's changes (a "no event" kept
#: against an act not announced up front, a regulator named by a short name or its own
#: instrument, a designation taken away) fixed one each of the fourth, eighth and twelfth
#: batches, counted and not read: seven; the twenty-third batch, added in the twentieth
#: session, has two of 19, counted at its split and again after that session's changes: nine;
#: the twenty-fourth, added in the twenty-first session, has one of 15, counted at its split and
#: again after that session's changes: ten; the twenty-fifth, added in the twenty-second
#: session, has none of 18, at its split and after, and that session's changes fixed one of the
#: twenty-third (counted, not read): nine; the twenty-sixth, added in the twenty-third
#: session, has one of 15, counted at its split and again after that session's changes: ten;
#: the twenty-seventh, added in the twenty-fourth session, has none of 15, at its split and
#: after: ten; the twenty-eighth, added in the twenty-fifth session, has two of 16, counted at
#: its split and again after that session's changes: twelve; the twenty-ninth, added in the
#: twenty-sixth session, has none of 15, at its split and after: twelve; the thirtieth, added in
#: the twenty-seventh session, has none of 17, at its split and after: twelve; the thirty-first,
#: added in the twenty-eighth session, has none of 16, at its split and after: twelve; the
#: thirty-second, added in the twenty-ninth session, has none of 14, at its split and after:
#: twelve; the thirty-third, added in the thirtieth session, has none of 15, at its split and
#: after, and that session's changes (the FDA's "may proceed" as the word of a hold lifted as
#: much as of a trial authorised) fixed one of the nineteenth (counted, not read): eleven; the
#: thirty-fourth, added in the thirty-first session, has none of 11, at its split and after:
#: eleven; the thirty-fifth, added in the thirty-second session, has one of 12, at its split and
#: after: twelve; the thirty-sixth, added in the thirty-third session, has two of 13 at its
#: split and one after that session's changes, which changed no other batch's count: thirteen;
#: the thirty-seventh, added in the thirty-fourth session, has none of 8, at its split and
#: after: thirteen now; a change that fixes one must lower this, one that adds a miss fails
KNOWN_HOLDOUT_MISSES = 13


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_perfect_answer_is_never_overruled_nor_sent_back(name: str) -> None:
    if name.startswith("stress") and not (STRESS / name.split("-")[1] / "gold.jsonl").exists():
        pytest.skip("the stress set is not in this checkout")
    failed: dict[str, list[str]] = {}
    count = 0
    for doc_id, text, published, gold, quote in SETS[name]():
        count += 1
        problems = _problems(text, published, gold, quote)
        if problems:
            failed[doc_id] = problems
    assert count >= 20
    if name == "stress-holdout":  # measured, never looked at: how many, not which (a count,
        misses = len(failed)  # so that the assertion cannot print the releases)
        assert misses <= KNOWN_HOLDOUT_MISSES, f"{misses} of {count} holdout releases"
        if misses < KNOWN_HOLDOUT_MISSES:
            pytest.fail(f"only {misses} holdout misses now: lower KNOWN_HOLDOUT_MISSES")
    else:
        assert not failed, failed
