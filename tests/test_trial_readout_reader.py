"""The trial-readout reader on the tune and dev releases: the gold, document by document.

These releases are the reader's training signal; the holdout half is never read by a test
(benchmarks/trial_readout_eval.py counts it).
"""

from __future__ import annotations

import pytest
from trial_readout_support import document, tuning_items

from summarizer.evaluation import CorpusItem
from summarizer.intake import load
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.reading import read_release
from summarizer.tasks.trial_readout.scoring import score_document

ITEMS = tuning_items()
IDS = [item.id for item in ITEMS]

#: metrics the reader gets exactly right on every tune/dev release
EXACT = ("is_trial_readout", "endpoint", "phase", "sentiment", "trial", "product", "indication",
         "grounding")
#: keyword recalls: at least two of three gold groups found on every release
RECALLS = ("primary_endpoint", "key_results", "safety", "next_steps")


def test_the_tuning_folders_hold_readouts_and_non_readouts() -> None:
    assert len(ITEMS) == 23
    assert {item.gold["endpoint"] for item in ITEMS} == {
        "met", "not_met", "mixed", "not_reported", "none"}
    assert all((i.path.parent.parent.name in ("tune", "dev")) for i in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_reader_matches_the_gold(item: CorpusItem) -> None:
    summary = read(document(item))
    scores = score_document({"summary": summary.model_dump(mode="json")}, item.gold)
    wrong = {m: scores[m] for m in EXACT if scores[m] not in (None, 1.0)}
    assert not wrong, f"{item.id}: {wrong}"
    low = {m: scores[m] for m in RECALLS if scores[m] is not None and scores[m] < 0.66}
    assert not low, f"{item.id}: {low}"


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_every_quote_is_the_exact_source_passage(item: CorpusItem) -> None:
    doc = document(item)
    summary = read(doc)
    items = summary.evidence_items()
    assert items
    for path, ev in items:
        assert ev.match == "exact", path
        assert ev.start is not None and ev.end is not None
        assert doc.text[ev.start:ev.end] == ev.quote, path


@pytest.mark.parametrize("item", [i for i in ITEMS if i.gold["is_trial_readout"]],
                         ids=[i.id for i in ITEMS if i.gold["is_trial_readout"]])
def test_results_and_safety_come_from_the_news_not_boilerplate(item: CorpusItem) -> None:
    doc = document(item)
    summary = read(doc)
    assert summary.key_results, item.id
    for _, ev in summary.evidence_items():
        assert ev.start is not None and ev.end is not None
        assert not doc.in_boilerplate(ev.start, ev.end), ev.quote


def test_non_readouts_leave_trial_results_and_safety_empty() -> None:
    for item in ITEMS:
        if item.gold["is_trial_readout"]:
            continue
        summary = read(document(item))
        assert summary.trial is None and summary.endpoint.outcome == "none"
        assert summary.key_results == [] and summary.safety == []


def test_the_kind_of_news_is_read_from_the_headline() -> None:
    kinds = {item.id: read_release(document(item)).kind for item in ITEMS}
    assert kinds["t029"] == "trial_start"
    assert kinds["t031"] == kinds["d19"] == "earnings"
    assert kinds["t032"] == "deal"
    assert kinds["d01"] == kinds["d03"] == "regulatory"


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("The trial met its primary endpoint of overall survival.", "met"),
    ("The study met all primary and key secondary endpoints.", "met"),
    ("The Phase 3 trial did not meet its primary endpoint.", "not_met"),
    ("The study missed its primary endpoint.", "not_met"),
    ("The primary endpoint was not met (p=0.31).", "not_met"),
    ("The trial met one of its two primary endpoints.", "mixed"),
    ("The 10 mg dose met the primary endpoint, while the 5 mg dose did not.", "mixed"),
    ("The trial is expected to meet its primary endpoint next year.", "not_reported"),
    ("If the study meets its primary endpoint, we will file.", "not_reported"),
    ("The study delivered on its main goal.", "not_reported"),
])
def test_endpoint_cues_and_hedges(sentence: str, outcome: str) -> None:
    text = (f"Acme Bio Announces Topline Results from Phase 3 ALPHA-1 Trial\n\nBOSTON, Jan. 5, "
            f"2026 /PRNewswire/ -- Acme Bio, Inc. (Nasdaq: ACME) today announced topline "
            f"results from ALPHA-1. {sentence}\n")
    reading = read_release(load(text))
    assert reading.is_readout
    assert reading.outcome[0] == outcome


@pytest.mark.parametrize(("headline", "phase"), [
    ("Phase IIb", "2"), ("Phase 1b/2", "1/2"), ("Phase I/II", "1/2"), ("Phase 2/3", "2/3"),
    ("Phase III", "3"), ("pivotal", "3"), ("Phase 4", "4"),
])
def test_phase_spellings(headline: str, phase: str) -> None:
    text = (f"Acme Bio Reports Positive Topline Results from {headline} Trial of Acmeximab\n\n"
            "BOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. today announced results.\n")
    assert read_release(load(text)).phase[0] == phase


@pytest.mark.parametrize("identifier", [
    "NCT01234567", "2019-001234-56", "ISRCTN12345678", "ACTRN12620000123456", "jRCT2031210123",
    "ChiCTR2000029308", "CTRI/2021/03/031234",
])
def test_registry_identifiers(identifier: str) -> None:
    text = ("Acme Bio Announces Positive Topline Results from Phase 2 Trial of Acmeximab\n\n"
            f"BOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. today announced results from "
            f"its Phase 2 trial ({identifier}) of acmeximab.\n")
    summary = read(load(text))
    assert summary.trial is not None and summary.trial.identifiers == [identifier]


def test_an_identifier_of_another_study_is_not_the_trial() -> None:
    text = ("Acme Bio Announces Positive Phase 2 Results for Acmeglutide\n\n"
            "BOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. today announced results.\n\n"
            "About acmeglutide\nAcme is also conducting a Phase 2 study (NCT00000001) in "
            "diabetes.\n\nAbout the study\nThe Phase 2 study (NCT00000002) enrolled 200 adults.\n")
    summary = read(load(text))
    assert summary.trial is not None and summary.trial.identifiers == ["NCT00000002"]


@pytest.mark.parametrize(("headline", "kind"), [
    ("Acme and Beta Announce Positive Topline Results from Phase 3 ALPHA-1 Trial in "
     "Collaboration with Gamma", "readout"),
    ("Acme Enters into License Agreement for Acmeximab Based on Positive Phase 2 Data", "deal"),
    ("Acme Announces Positive Phase 3 Results Supporting Approval of Acmeximab", "readout"),
    ("Acme Receives FDA Approval of Acmeximab Based on Positive Phase 3 Results", "regulatory"),
    ("Acme Doses First Patient in Phase 3 ALPHA-2 Trial After Positive Phase 2 Results",
     "trial_start"),
    ("Acme Reports Positive Phase 2 Results and Plans to Initiate a Phase 3 Trial", "readout"),
    ("Acme Reports Third Quarter 2025 Financial Results", "earnings"),
    ("Acme Announces Pricing of $150 Million Public Offering", "financing"),
])
def test_the_kind_named_first_in_the_headline_leads(headline: str, kind: str) -> None:
    text = f"{headline}\n\nBOSTON, Jan. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. today said so.\n"
    assert read_release(load(text)).kind == kind


def test_no_regulatory_release_of_the_dev_corpus_reads_as_a_readout() -> None:
    """The regulatory dev split (tests/data/corpus): approvals, clearances, opinions, filings
    and letters that cite trial data are not readouts."""
    from conftest import CORPUS

    from summarizer.evaluation import load_corpus

    regulatory = [i for i in load_corpus(CORPUS) if i.gold["is_regulatory_event"]]
    assert len(regulatory) >= 15
    for item in regulatory:
        summary = read(load(item.read_text(), published=item.published))
        assert not summary.is_trial_readout, item.id
        assert summary.endpoint.outcome == "none" and summary.trial is None
