"""Right answers on the phrasing catalogue (benchmarks/catalogue_answers.py): the pipeline lets a
model that is right stand, whatever sentence of the act it quotes, unless the release's own words
positively say otherwise; and the docs state the benchmark's measured figures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from doc_pages import find

BENCHMARKS = str(Path(__file__).resolve().parent.parent / "benchmarks")

#: every tenth opening of each half, and how many of them a right answer could not survive,
#: measured on 2026-12-06 after the twentieth session's changes, the catalogue at 7,370 openings
#: (the first 7,040's sample had 3 and 19 before those changes), and the same after the
#: twenty-first's, at 7,700; after the twenty-second's, at 8,030, 2 and 14; after the
#: twenty-third's, at 8,360, 2 and 14; after the twenty-fourth's, at 8,690, 1 and 13; after the
#: twenty-fifth's, at 9,020, 2 (one of the new round, an opinion the rules read as background)
#: and 13; after the twenty-sixth's, at 9,350, 2 and 14; after the twenty-seventh's, at 9,679,
#: 2 and 15 (the same with the session's starting code: the new round's holdout half adds one);
#: after the twenty-eighth's, at 10,009, 2 and 15; after the twenty-ninth's, at 10,339, 2 and 15
#: (with the session's starting code 3 and 15); after the thirtieth's, at 10,667, 2 and 14 (with
#: the session's starting code 2 and 15); after the thirty-first's, at 10,997, 2 and 14 (the
#: same with the session's starting code); after the thirty-second's, at 11,327, 2 and 15 (with
#: the session's starting code 4 and 14 on the same openings; the whole holdout half 156, from
#: 158: counted, never read); after the thirty-third's, at 11,657, 2 and 15 (the same with the
#: session's starting code; the whole holdout half 159, from 162); after the thirty-fourth's, at
#: 11,987, 2 and 15 (with the session's starting code 4 and 16; the whole holdout half 161, from
#: 170)
SAMPLE_STEP = 10
MEASURED_VETOED = {"tune": 2, "holdout": 15}


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    sys.path.insert(0, BENCHMARKS)
    try:
        import catalogue_answers
    finally:
        sys.path.remove(BENCHMARKS)
    yield catalogue_answers


def _row(headline: str, lead: str, agency: str, decision: str) -> dict[str, Any]:
    return {"id": "x", "published": "2025-04-02", "headline": headline,
            "lead": "BOSTON, April 2, 2025 -- " + lead, "agency": agency, "decision": decision}


def test_a_right_answer_stands_whichever_sentence_it_quotes(bench: ModuleType) -> None:
    verdict = bench.judge(_row("Harrowgate Pharma Receives FDA Approval for Solvenzia",
                         "Harrowgate Pharma, Inc. today announced that the U.S. Food and Drug "
                         "Administration has approved Solvenzia tablets for adults with gout.",
                         "FDA", "approval"))
    assert verdict.stands and verdict.rules_right and verdict.event


def test_a_right_no_event_stands_against_an_act_recalled_further_down(bench: ModuleType) -> None:
    verdict = bench.judge(_row("Quillmark Bio Names Dr. Elena Marsh Chief Medical Officer",
                         "Quillmark Bio, Inc. today announced the appointment of Dr. Elena Marsh "
                         "as Chief Medical Officer. Quillmark's lead candidate QMB-3 has received "
                         "Breakthrough Therapy designation from the U.S. Food and Drug "
                         "Administration.", "NONE", "none"))
    assert verdict.stands and not verdict.event


def test_a_wrong_label_is_vetoed_by_the_releases_words(bench: ModuleType) -> None:
    # the release states a complete response letter: an "approval" cannot stand on any quote
    verdict = bench.judge(_row("Harrowgate Pharma Receives Complete Response Letter for Solvenzia",
                         "Harrowgate Pharma, Inc. today announced that the U.S. Food and Drug "
                         "Administration has issued a complete response letter for Solvenzia.",
                         "FDA", "approval"))
    assert not verdict.stands and not verdict.rules_right
    assert "decision_arbitrated" in verdict.why


@pytest.mark.parametrize("half", ["tune", "holdout"])
def test_right_answers_stand_on_a_sample_of_the_catalogue(bench: ModuleType, half: str) -> None:
    verdicts = bench.measure(bench.rows(half)[::SAMPLE_STEP], processes=1)
    vetoed = [v.id for v in verdicts if not v.stands]
    # the holdout's are counted, never listed: nobody tunes on them
    shown = vetoed if half == "tune" else f"{len(vetoed)} of {len(verdicts)}"
    assert len(vetoed) <= MEASURED_VETOED[half], shown


def test_the_docs_state_the_measured_figures(bench: ModuleType) -> None:
    stated = find(r"openings=(\d+)\s+vetoed=(\d+)\s+vetoed_rules_wrong=(\d+)\s+"
                  r"vetoed_non_events=(\d+)\s+vetoed_share=([\d.]+)")
    assert stated, "no page (README.md, docs/*.md) quotes the benchmark's last line"
    openings, vetoed = int(stated.group(1)), int(stated.group(2))
    halves = len(bench.rows("tune")) + len(bench.rows("holdout"))
    assert openings == halves and 0 <= vetoed < openings
