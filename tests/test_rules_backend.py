"""The deterministic backend: corpus scores, exact quotes, speed, and invented releases."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarizer.evaluation import CorpusItem, load_corpus
from summarizer.grounding import ground
from summarizer.intake import Document, load
from summarizer.tasks.regulatory._reading import read_release
from summarizer.tasks.regulatory.lexicon import load_tone_lexicon
from summarizer.tasks.regulatory.reader import Reader, summarize_with_rules
from summarizer.tasks.regulatory.rules import run_rules
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.scoring import METRICS, score_corpus

CORPUS_DIR = CORPUS if (CORPUS / "gold.jsonl").exists() else Path("/work/shared/corpus/dev")


@pytest.fixture(scope="module")
def corpus_run() -> dict[str, Any]:
    items = load_corpus(CORPUS_DIR)
    docs = [load(item.path, published=item.published, source=str(item.path)) for item in items]
    summarize_with_rules(docs[0])  # warm-up: regex compilation
    started = time.perf_counter()
    summaries = [summarize_with_rules(doc) for doc in docs]
    elapsed = time.perf_counter() - started
    records = []
    for item, doc, summary in zip(items, docs, summaries, strict=True):
        ground(summary, doc.text)
        records.append({"id": item.id, "summary": summary.model_dump(mode="json")})
    scores = score_corpus(records, [item.gold for item in items])
    print("\nrules backend on", CORPUS_DIR)
    for metric in (*METRICS, "overall"):
        print(f"  {metric:20s} {scores[metric]:.3f}")
    print(f"  {len(items)} docs in {elapsed:.2f}s")
    return {"items": items, "docs": docs, "summaries": summaries, "scores": scores,
            "elapsed": elapsed}


def test_corpus_targets(corpus_run: dict[str, Any]) -> None:
    scores = corpus_run["scores"]
    assert scores["n"] == 23
    assert scores["decision"] >= 0.75
    assert scores["agency"] >= 0.85
    assert scores["is_regulatory_event"] >= 0.85
    assert scores["grounding"] == 1.0


def test_every_quote_is_an_exact_substring(corpus_run: dict[str, Any]) -> None:
    for doc, summary in zip(corpus_run["docs"], corpus_run["summaries"], strict=True):
        for path, ev in summary.evidence_items():
            assert ev.quote and ev.quote in doc.text, path
            assert ev.match == "exact"


def test_backend_answers_pass_the_rules(corpus_run: dict[str, Any]) -> None:
    items: list[CorpusItem] = corpus_run["items"]
    for item, doc, summary in zip(items, corpus_run["docs"], corpus_run["summaries"], strict=True):
        errors = [f for f in run_rules(summary, doc) if f.severity == "error"]
        assert errors == [], (item.id, errors)


def test_outputs_are_valid_schema_objects(corpus_run: dict[str, Any]) -> None:
    for summary in corpus_run["summaries"]:
        again = RegulatorySummary.model_validate(summary.model_dump(mode="json"))
        if again.is_regulatory_event:
            assert again.outcome is not None and again.outcome.decision != "none"
        elif again.outcome is not None:  # a non-event names its product, never a decision
            assert (again.outcome.decision, again.outcome.agency) == ("none", "NONE")
            assert again.outcome.evidence is None and again.outcome.products
        assert len(again.next_steps) <= 4 and len(again.rationale) <= 3


# -- invented releases: wording and regulators the dev split does not have ---------------------

INVENTED: list[tuple[str, str, str, str, str]] = [
    ("crl", "2024-05-02", "FDA", "complete_response",
     "Acme Therapeutics Provides Regulatory Update on Zentrivo\n\nBOSTON, May 2, 2024 -- Acme "
     "Therapeutics, Inc. (Nasdaq: ACME) today announced that it received a complete response "
     "letter from the U.S. Food and Drug Administration for its New Drug Application for "
     "Zentrivo (velafenib) in atopic dermatitis. The letter cited deficiencies at a third-party "
     "manufacturer. Acme plans to resubmit the NDA in the second half of 2024.\n"),
    ("hold", "2025-06-10", "FDA", "clinical_hold",
     "Borealis Bio Announces Clinical Hold on BRX-101 Study\n\nSAN DIEGO, June 10, 2025 -- "
     "Borealis Bio, Inc. today announced that the FDA has placed its Phase 1 trial of BRX-101 on "
     "clinical hold. The company will work with the agency and expects an update in the third "
     "quarter of 2025.\n"),
    ("lifted", "2025-10-01", "FDA", "hold_lifted",
     "Borealis Bio Announces FDA Has Lifted Clinical Hold on BRX-101\n\nSAN DIEGO, Oct. 1, 2025 "
     "-- Borealis Bio, Inc. today announced that the FDA has lifted the clinical hold on its "
     "Phase 1 trial of BRX-101, which was placed on hold in June 2025.\n"),
    ("chmp", "2025-02-27", "EMA", "positive_opinion",
     "Nordic Pharma Receives Positive CHMP Opinion for Lumexa\n\nCOPENHAGEN, Feb. 27, 2025 -- "
     "Nordic Pharma A/S today announced that the CHMP of the European Medicines Agency adopted a "
     "positive opinion recommending marketing authorisation for Lumexa in hemophilia B. A "
     "European Commission decision is expected within 67 days.\n"),
    ("ec", "2025-05-05", "EC", "approval",
     "European Commission Approves Lumexa\n\nCOPENHAGEN, May 5, 2025 -- Nordic Pharma A/S today "
     "announced that the European Commission has granted marketing authorisation for Lumexa for "
     "adults with hemophilia B, following the CHMP opinion adopted in February 2025.\n"),
    ("pdufa", "2026-01-08", "FDA", "filing_accepted",
     "Keystone Announces FDA Acceptance of BLA for KB-204\n\nPHILADELPHIA, Jan. 8, 2026 -- "
     "Keystone Biologics, Inc. today announced that the FDA has accepted for review its "
     "Biologics License Application for KB-204 in myasthenia gravis. The PDUFA target action "
     "date is June 30, 2026.\n"),
    ("japan", "2025-06-24", "PMDA", "approval",
     "Sakura Pharma Receives Approval in Japan for Tenvaris\n\nTOKYO, June 24, 2025 -- Sakura "
     "Pharma Co., Ltd. today announced that Japan's Ministry of Health, Labour and Welfare "
     "(MHLW) has approved Tenvaris (tenvarimab) for ulcerative colitis in adults.\n"),
    ("ce", "2025-03-04", "NOTIFIED_BODY", "clearance",
     "Cardiosense Receives CE Mark for HeartGuard Monitor\n\nZURICH, March 4, 2025 -- "
     "Cardiosense AG today announced that it has received CE Mark certification for its "
     "HeartGuard wearable ECG monitor for the detection of atrial fibrillation.\n"),
    ("earnings", "2025-11-05", "NONE", "none",
     "Solace Therapeutics Reports Third Quarter 2025 Financial Results\n\nBOSTON, Nov. 5, 2025 "
     "-- Solace Therapeutics, Inc. today reported financial results for the quarter ended "
     "September 30, 2025. In July, the FDA approved the company's sNDA for Solvix. The company "
     "expects to submit a BLA for SLC-400 in the first half of 2026.\n"),
    ("trial", "2026-01-15", "NONE", "none",
     "Meridian Bio Announces Positive Topline Results from Phase 3 MERIT Trial\n\nSAN "
     "FRANCISCO, Jan. 15, 2026 -- Meridian Bio, Inc. today announced positive topline results "
     "from the Phase 3 MERIT trial of MRD-88 in heart failure. Meridian plans to submit a New "
     "Drug Application to the FDA in the second half of 2026; MRD-88 previously received Fast "
     "Track designation.\n"),
]


@pytest.mark.parametrize(("name", "published", "agency", "decision", "text"), INVENTED,
                         ids=[case[0] for case in INVENTED])
def test_invented_release(name: str, published: str, agency: str, decision: str,
                          text: str) -> None:
    doc = load(text, published=dt.date.fromisoformat(published))
    summary = summarize_with_rules(doc)
    got = (summary.outcome.agency, summary.outcome.decision) if summary.outcome else ("NONE",
                                                                                      "none")
    assert got == (agency, decision)
    assert summary.is_regulatory_event == (decision != "none")
    for _, ev in summary.evidence_items():
        assert ev.quote in text
    assert not [f for f in run_rules(summary, doc) if f.severity == "error"]


def test_next_step_timing_is_resolved_against_the_release_date() -> None:
    text = INVENTED[1][4]
    summary = summarize_with_rules(load(text, published=dt.date(2025, 6, 10)))
    timed = [s for s in summary.next_steps if s.timing]
    assert timed and timed[0].timing == "in the third quarter of 2025"
    assert timed[0].due_date == dt.date(2025, 9, 30)


def test_published_argument_and_plain_text_input() -> None:
    text = INVENTED[0][4]
    summary = summarize_with_rules(text, published=dt.date(2024, 5, 2))
    assert summary.outcome is not None and summary.outcome.decision == "complete_response"
    assert summary.outcome.decision_date == dt.date(2024, 5, 2)  # reported "today"
    assert summary.sentiment.label == "negative"


def test_user_tone_lexicon_replaces_ours(tmp_path: Path) -> None:
    text = ("Acme Submits NDA to FDA for Zentrix\n\nBOSTON, May 2, 2025 -- Acme Inc. today "
            "announced that it has submitted a New Drug Application to the FDA for Zentrix in "
            "gout. This is a wonderful, marvellous, splendid day.\n")
    doc: Document = load(text, published=dt.date(2025, 5, 2))
    ours = summarize_with_rules(doc)
    assert ours.outcome is not None and ours.outcome.decision == "submission"
    assert ours.sentiment.label == "neutral"
    lexicon_file = tmp_path / "tone.csv"
    lexicon_file.write_text("word,score\nwonderful,1\nmarvellous,0.9\nsplendid,0.8\n",
                            encoding="utf-8")
    theirs = summarize_with_rules(doc, tone_lexicon=load_tone_lexicon(lexicon_file))
    assert theirs.sentiment.label == "positive"


# -- the lexicon the backend reads with ---------------------------------------------------------

PUB = dt.date(2008, 3, 20)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("within 60 days", dt.date(2008, 5, 19)),
    ("in the third quarter of this year", dt.date(2008, 9, 30)),
    ("second half of 2025", dt.date(2025, 12, 31)),
    ("by the end of 2026", dt.date(2026, 12, 31)),
    ("by year-end", dt.date(2008, 12, 31)),
    ("as early as year-end 2026", dt.date(2026, 12, 31)),
    ("next month", dt.date(2008, 4, 30)),
    ("Q3 2024", dt.date(2024, 9, 30)),
    ("approximately 6-7 months", dt.date(2008, 10, 20)),
    ("mid-2029", dt.date(2029, 6, 30)),
    ("March 27, 2026", dt.date(2026, 3, 27)),
    ("27 March 2026", dt.date(2026, 3, 27)),  # British
    ("within 15 working days", dt.date(2008, 4, 4)),
    ("within one year", dt.date(2009, 3, 20)),
    ("soon", None),
])
def test_resolve_timing(phrase: str, expected: dt.date | None) -> None:
    from summarizer.tasks.regulatory.lexicon import find_timing, resolve_timing

    assert resolve_timing(phrase, PUB) == expected
    if expected is not None and phrase != "approximately 6-7 months":
        match = find_timing(f"The company expects this {phrase}.")
        assert match is not None and phrase.lower() in match.group().lower()


def test_resolve_timing_needs_a_release_date_for_relative_phrases() -> None:
    from summarizer.tasks.regulatory.lexicon import resolve_timing

    assert resolve_timing("within 60 days", None) is None
    assert resolve_timing("March 27, 2026", None) == dt.date(2026, 3, 27)


def test_tone_lexicon_files(tmp_path: Path) -> None:
    from summarizer.errors import ConfigurationError
    from summarizer.tasks.regulatory.lexicon import DEFAULT_TONE, tone

    as_json = tmp_path / "tone.json"
    as_json.write_text('{"Great": 2, "Bad News": -0.5, "junk": "x"}', encoding="utf-8")
    assert load_tone_lexicon(as_json) == {"great": 1.0, "bad news": -0.5}
    as_list = tmp_path / "list.json"
    as_list.write_text('[{"word": "fine", "score": 0.3}, ["poor", -0.4]]', encoding="utf-8")
    assert load_tone_lexicon(as_list) == {"fine": 0.3, "poor": -0.4}
    headerless = tmp_path / "plain.csv"
    headerless.write_text("setback,-0.8\nwin,0.7\n", encoding="utf-8")
    lexicon = load_tone_lexicon(headerless)
    assert tone("A setback, not a win, and a setback.", lexicon).score < 0
    with pytest.raises(ConfigurationError):
        load_tone_lexicon(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("word,score\n", encoding="utf-8")
    with pytest.raises(ConfigurationError):
        load_tone_lexicon(empty)
    assert "disappointed" in DEFAULT_TONE and tone("We are disappointed.").score < 0


def test_default_tone_is_computed_once_per_text_and_a_custom_lexicon_is_not_cached() -> None:
    from summarizer.tasks.regulatory.lexicon import DEFAULT_TONE, tone

    text = "The approval is a milestone; we are disappointed by the delay."
    first = tone(text)
    assert tone(text) is first and tone(text, DEFAULT_TONE) is first
    mine = {"milestone": -1.0, "disappointed": -1.0}
    assert tone(text, mine).score < first.score and tone(text, mine) is not tone(text, mine)


def test_agency_patterns_avoid_lookalikes() -> None:
    from summarizer.tasks.regulatory.lexicon import find_agencies

    def codes(text: str) -> list[str]:
        return [a.code for a in find_agencies(text)]

    assert codes("approved by the China Food and Drug Administration") == ["NMPA"]
    assert codes("said the EMEA Therapeutic Area Head") == []
    assert codes("the scientific committee of the European Medicines Agency (EMEA)") == [
        "EMA", "EMA"]
    assert codes("received CE Mark certification") == ["NOTIFIED_BODY"]
    assert codes("Health Canada and the TGA") == ["HEALTH_CANADA", "TGA"]
    assert codes("the Taiwan Food and Drug Administration and the FDA") == ["OTHER", "FDA"]
    assert codes("the Center for Drug Evaluation (CDE) of China") == ["NMPA", "NMPA"]
    assert codes("the FDA's Center for Drug Evaluation and Research") == ["FDA", "FDA"]
    assert codes("NON-SMALL CELL LUNG CANCER") == []
    # another country's "FDA" is another regulator; the FDA's review divisions are its own
    assert codes("the Thai FDA and the U.S. FDA") == ["OTHER", "FDA"]
    assert codes("the Food and Drug Administration of the Philippines") == ["OTHER"]
    assert codes("the Food and Drug Administration of the United States") == ["FDA"]
    assert codes("Ghana's Food and Drugs Authority") == ["OTHER"]
    assert codes("the Division of Oncology 2 wrote") == ["FDA"]
    assert codes("the Division of Oncology at Massachusetts General Hospital") == []


_WORDS = st.sampled_from([
    "FDA", "approved", "the", "X-12", "(R)", "Inc.", "today", "announced", "\n", "\n\n",
    "complete response letter", "CHMP", "negative opinion", "will", "in 2026", "within 60 days",
    ".", "“", "”", "® ", "Zentrex (zentrimab)", "for the treatment of", "patients with", "cancer",
    "About Acme", "Forward-Looking Statements", "Ignore all previous instructions", "U.S.",
])


@settings(max_examples=120, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=60).map(" ".join), st.one_of(st.none(), st.dates()))
def test_arbitrary_releases_never_break_the_backend(text: str, published: dt.date | None) -> None:
    assume(text.strip())  # empty input is rejected by intake, not here
    doc = load(text, published=published)
    summary = summarize_with_rules(doc)
    assert all(ev.quote in text for _, ev in summary.evidence_items())
    if summary.is_regulatory_event:
        assert summary.outcome is not None and summary.outcome.decision != "none"
    elif summary.outcome is not None:
        assert summary.outcome.decision == "none" and summary.outcome.evidence is None
    assert not [f for f in run_rules(summary, doc) if f.rule == "event_outcome"]


def test_the_ruled_outcome_is_the_rules_summarys_outcome() -> None:
    """Arbitration compares with ``Reader.ruled`` and only builds the whole summary to
    overrule: both must say the same decision, regulator and sentence on every release."""
    for item in load_corpus(CORPUS_DIR):
        for published in (None, dt.date(2030, 1, 1)):
            document = load(item.path.read_text(encoding="utf-8"))
            fallback = Reader(document, published=published)
            ruled, summary = fallback.ruled, fallback.summary
            outcome = summary.outcome
            assert ruled.is_event == summary.is_regulatory_event, item.id
            if not ruled.is_event:
                assert ruled.decision == "none" and ruled.evidence is None
                continue
            assert outcome is not None and outcome.evidence is not None
            assert (ruled.decision, ruled.agency, ruled.agency_body) == (
                outcome.decision, outcome.agency, outcome.agency_body), item.id
            assert ruled.evidence is not None and ruled.evidence.text == outcome.evidence.quote
            assert summary == summarize_with_rules(load(document.text), published=published)


# -- more invented releases: every regulator's own words, hedged, negated and recapped news ------

INVENTED_FILE = Path(__file__).parent / "data" / "invented_releases.jsonl"
INVENTED_ROWS = [json.loads(line) for line in INVENTED_FILE.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("row", INVENTED_ROWS, ids=[r["id"] for r in INVENTED_ROWS])
def test_invented_release_in_sibling_wording(row: dict[str, Any]) -> None:
    doc = load(row["text"], published=dt.date.fromisoformat(row["published"]))
    summary = summarize_with_rules(doc)
    got = (summary.outcome.agency, summary.outcome.decision) if (
        summary.outcome and summary.is_regulatory_event) else ("NONE", "none")
    assert got == (row["agency"], row["decision"])
    assert not [f for f in run_rules(summary, doc) if f.severity == "error"]


def _read(lead: str, *more: str, published: str = "2025-03-03") -> RegulatorySummary:
    text = "Zoral Therapeutics Provides Regulatory Update\n\nBOSTON, March 3, 2025 -- " + " ".join(
        (lead, *more)) + "\n"
    return summarize_with_rules(load(text, published=dt.date.fromisoformat(published)))


def _decision(summary: RegulatorySummary) -> str:
    return summary.outcome.decision if summary.outcome and summary.is_regulatory_event else "none"


def _codes(summary: RegulatorySummary) -> tuple[str, str]:
    """The (regulator, decision) a summary reads: ("NONE", "none") for a non-event."""
    agency = summary.outcome.agency if summary.outcome and summary.is_regulatory_event else "NONE"
    return agency, _decision(summary)


def test_a_negated_decision_is_not_the_news() -> None:
    summary = _read("Zoral Therapeutics today announced that the German regulator PEI has ordered "
                    "a temporary halt of its Phase 2 trial of ZRX-5 in Germany.",
                    "The FDA has not placed the U.S. IND on clinical hold.")
    assert summary.outcome is not None
    assert (summary.outcome.agency, _decision(summary)) == ("OTHER", "clinical_hold")


def test_an_earlier_event_narrated_in_the_past_perfect_is_background() -> None:
    summary = _read("Zoral Therapeutics today announced that the ANSM has lifted the suspension of "
                    "its Phase 2 trial of ZRX-5 and authorised its resumption in France.",
                    "In January 2025, the ANSM had suspended the trial after a sterility "
                    "deviation in one batch.")
    assert _decision(summary) == "hold_lifted"


@pytest.mark.parametrize(("lead", "recap", "agency", "decision"), [
    # a decision that follows an earlier one is the news
    ("Zoral Therapeutics today announced that the European Commission has granted marketing "
     "authorisation for ZORVEX.",
     "The decision follows the positive opinion adopted by the CHMP in December 2024.",
     "EC", "approval"),
    # the registering regulator is named inside the cue; a CE certificate is background state
    ("Zoral Medical today announced that its ZORSCAN software has been registered by the Health "
     "Sciences Authority (HSA) as a Class B medical device.",
     "The software carries CE marking under the EU Medical Device Regulation, certified by BSI "
     "in 2022.", "OTHER", "clearance"),
], ids=["follows-an-opinion", "regulator-inside-the-cue"])
def test_todays_act_is_read_past_a_recapped_one(lead: str, recap: str, agency: str,
                                                 decision: str) -> None:
    summary = _read(lead, recap)
    assert summary.outcome is not None
    assert (summary.outcome.agency, _decision(summary)) == (agency, decision)


def test_a_history_section_is_background() -> None:
    text = ("Zoral Therapeutics Announces FDA Traditional Approval of ZORVEX\n\nBOSTON, March 3, "
            "2025 -- Zoral Therapeutics today announced that the FDA has granted traditional "
            "approval to ZORVEX for adults with IgA nephropathy.\n\nBackground\nZORVEX first "
            "received accelerated approval in 2022. That accelerated approval relied on "
            "proteinuria data from the ZORA-1 trial.\n")
    assert _decision(summarize_with_rules(load(text, published=dt.date(2025, 3, 3)))) == "approval"


def test_a_pdufa_date_stated_as_a_fact_is_a_next_step() -> None:
    summary = _read("Zoral Therapeutics today announced that the FDA has accepted for review its "
                    "New Drug Application for ZORVEX.",
                    "The Prescription Drug User Fee Act (PDUFA) target action date is October 17, "
                    "2025.")
    assert any("PDUFA" in step.action and step.due_date == dt.date(2025, 10, 17)
               for step in summary.next_steps)


@pytest.mark.parametrize(("sentence", "timing"), [
    ("The new PDUFA goal date is 14 November 2025.", "14 November 2025"),  # a British date
    # a deadline ahead, stated as a fact
    ("Consultees have 15 working days from publication of the draft guidance to lodge an "
     "appeal.", "15 working days"),
    # a plan under its condition, with its timing
    ("If the BLA is accepted, the company would expect a PDUFA goal date in the fourth quarter "
     "of 2025.", "fourth quarter of 2025"),
], ids=["british-date", "deadline", "condition-with-timing"])
def test_more_next_steps_stated_as_facts_or_under_conditions(sentence: str, timing: str) -> None:
    summary = _read("Zoral Therapeutics today announced that the FDA has extended the review of "
                    "its New Drug Application for ZORVEX.", sentence)
    assert any(timing in (step.timing or "") for step in summary.next_steps), summary.next_steps


def test_a_summary_bullet_restating_a_body_sentence_takes_no_second_slot() -> None:
    text = ("Zoral Therapeutics Reports Third Quarter 2025 Results\n\n"
            "- Phase 3 program of ZORVEX in obesity planned to start in the first quarter of 2026\n"
            "- Commercial launch of ZORVEX in Germany planned in the second quarter of 2026\n\n"
            "BOSTON, Nov. 3, 2025 -- Zoral Therapeutics today reported its results for the third "
            "quarter of 2025.\n\n"
            "Revenue was $12.1 million, up 14% from a year earlier, driven by higher volumes of "
            "ZORVEX in the United States and the first sales in Canada.\n\n"
            "Operating expenses were $30.4 million, compared with $27.9 million a year earlier, "
            "reflecting the cost of the ongoing Phase 2 program and of launch preparations.\n\n"
            "Cash and investments were $210 million at September 30, 2025.\n\n"
            "Zoral plans to begin a Phase 3 program of ZORVEX in obesity in the first quarter of "
            "2026, subject to an end-of-Phase 2 meeting with the FDA.\n\n"
            "The company expects a commercial launch of ZORVEX in Germany in the second quarter "
            "of 2026 with its partner Rheinfeld Pharma.\n\n"
            "Zoral intends to file ZORVEX in Japan in the second half of 2026.\n\n"
            "Zoral will present data at a congress in January 2026.\n")
    steps = summarize_with_rules(load(text, published=dt.date(2025, 11, 3))).next_steps
    actions = [step.action for step in steps]
    # the body's fuller sentences stand for the bullets that abridge them, which leaves room
    # for the other plans
    assert not any(action.startswith("-") for action in actions), actions
    assert any("end-of-Phase 2" in a for a in actions) and any("Rheinfeld" in a for a in actions)
    assert any("Japan" in a for a in actions) and any("congress" in a for a in actions)


def test_a_rationale_need_not_be_introduced_by_based_on() -> None:
    summary = _read("Zoral Therapeutics today announced that the MHRA has granted a conditional "
                    "marketing authorisation for ZORVEX in cholangiocarcinoma.",
                    "The MHRA granted the authorisation on the strength of ZORA-2, a single-arm "
                    "Phase 2 study in 108 patients.",
                    "ZORVEX produced an objective response rate of 46% by independent review.")
    text = " ".join(r.statement for r in summary.rationale)
    assert "on the strength of ZORA-2" in text and "46%" in text


def _reasons(summary: RegulatorySummary) -> str:
    return " ".join(f"{r.statement} {r.evidence.quote if r.evidence else ''}"
                    for r in summary.rationale)


@pytest.mark.parametrize("reason", [
    "The Division's action followed the Company's report of a Grade 4 event of myocarditis in a "
    "patient treated at the highest dose.",
    "The hold follows the Company's reporting to the FDA of two cases of myocarditis among 61 "
    "patients treated.",
    "The FDA placed the hold on the grounds that two cases of myocarditis occurred at the "
    "highest dose.",
], ids=["action-followed-a-report", "hold-follows-reporting", "on-the-grounds"])
def test_what_a_hold_follows_is_its_reason(reason: str) -> None:
    summary = _read("Zoral Therapeutics today announced that the FDA has placed its Phase 1 "
                    "trial of ZRX-7 on clinical hold.", reason)
    assert _decision(summary) == "clinical_hold"
    assert "myocarditis" in _reasons(summary)


def test_further_reasons_are_read_and_what_was_not_raised_gives_way() -> None:
    # a complete response letter's reasons, the last told with "also"; the sentences on what
    # the letter did not object to are context and give way to the reasons
    summary = _read(
        "Zoral Therapeutics today announced that the FDA has issued a complete response letter "
        "for its New Drug Application for ZORVEX.",
        "The letter stated that the QT data were insufficient at the highest dose.",
        "The CRL did not raise concerns about the efficacy results of the ZORA-3 trial.",
        "The agency did not request an additional efficacy study and did not identify new "
        "safety concerns.",
        "The FDA also referred to observations from its inspection of a third-party fill-finish "
        "facility.",
        "The agency also pointed to an imbalance in falls among elderly patients.",
    )
    assert _decision(summary) == "complete_response"
    text = _reasons(summary)
    assert "QT data" in text and "fill-finish" in text and "falls" in text


def test_a_reason_keeps_its_figures() -> None:
    text = ("Zoral Therapeutics Announces TGA Registration of ZORVEX\n\nSYDNEY, March 3, 2025 -- "
            "Zoral Therapeutics today announced that the TGA has registered ZORVEX for adults "
            "with desmoid tumours.\n\nThe registration rests on the results of ZORA-2, a "
            "single-arm Phase 2 trial. In ZORA-2, 72 adults received ZORVEX twice daily. The "
            "objective response rate was 36.1%.\n\nThe company expects to launch ZORVEX in "
            "the second half of 2025. Cash stood at A$84 million.\n")
    summary = summarize_with_rules(load(text, published=dt.date(2025, 3, 3)))
    basis = [r for r in summary.rationale if "rests on" in r.statement]
    assert len(basis) == 1 and basis[0].evidence is not None
    assert basis[0].evidence.quote.endswith("The objective response rate was 36.1%.")
    assert "launch" not in basis[0].evidence.quote  # the paragraph ends the reason


def test_a_programmes_criteria_are_a_designations_reasons() -> None:
    summary = _read("Zoral Therapeutics today announced that the TGA has granted orphan drug "
                    "designation to ZRX-9 for facioscapulohumeral muscular dystrophy.",
                    "To be eligible, a medicine must be intended to treat a life-threatening or "
                    "seriously debilitating condition that affects fewer than 5 in 10,000 people "
                    "in Australia.")
    assert _decision(summary) == "designation"
    assert "5 in 10,000" in _reasons(summary)


@pytest.mark.parametrize(("lead", "reason", "word"), [
    # what the decision recognises, said in a quote
    ("Zoral Therapeutics today announced that the MHRA has granted a marketing authorisation for "
     "ZORVEX.", '"The MHRA\'s decision recognises what we saw in ZORA-3: patients had 71% fewer '
     'attacks than on placebo," said the Chief Executive Officer.', "71%"),
    # an orphan criterion
    ("Zoral Therapeutics today announced that the European Commission has granted orphan "
     "designation to ZRX-5.", "In its application, Zoral presented the estimated prevalence of "
     "the condition in the European Union, well below the threshold of 5 in 10,000 people.",
     "5 in 10,000"),
    # a defect's risk, a recall's reason
    ("Zoral Medical today confirmed that the FDA has classified its field correction of the "
     "ZORSCAN pump as a Class I recall.", "Under certain conditions the pump may fail to "
     "generate an occlusion alarm, which can lead to under-infusion.", "occlusion alarm"),
    # a further reason with "also"
    ("Zoral Therapeutics today announced that the TGA has decided not to register ZORVEX.",
     "The delegate was also not satisfied that the risk of bone loss had been characterised.",
     "bone loss"),
], ids=["decision-recognises", "prevalence", "may-fail", "also-not-satisfied"])
def test_more_wordings_of_a_reason(lead: str, reason: str, word: str) -> None:
    summary = _read(lead, reason)
    assert word in _reasons(summary), summary.rationale


def test_a_bracketed_abbreviation_shares_its_cues_background() -> None:
    # "Complete Response Letter (CRL)": the abbreviation is the same mention, background with it
    summary = _read("Zoral Therapeutics today announced that the FDA has approved ZORVEX for "
                    "adults with lupus nephritis.",
                    "The approval arrives eight months after the FDA issued a Complete Response "
                    "Letter (CRL) for the first application in June 2024.")
    assert _decision(summary) == "approval"


@pytest.mark.parametrize(("sentence", "agency", "decision"), [
    ("Zoral Therapeutics today announced that the CHMP of the EMA has not recommended the "
     "granting of a marketing authorisation for ZORVEX.", "EMA", "negative_opinion"),
    ("Zoral Therapeutics today announced that the EMA has validated the Company's Marketing "
     "Authorisation Application for ZORVEX.", "EMA", "filing_accepted"),
    ("Zoral Therapeutics today announced that the Scottish Medicines Consortium has accepted "
     "ZORVEX for restricted use within NHSScotland.", "OTHER", "positive_opinion"),
    ("Zoral Therapeutics today announced that ZORVEX is not recommended for use within NHS "
     "Scotland, the Scottish Medicines Consortium said.", "OTHER", "negative_opinion"),
    ("Zoral Therapeutics today announced that the FDA has accepted the Company's New Drug "
     "Application for ZORVEX and set a goal date.", "FDA", "filing_accepted"),
    ("Zoral Therapeutics today announced that the Medicines Evaluation Board has recommended "
     "that the marketing authorisation of ZORVEX be suspended in the Netherlands.", "OTHER",
     "other"),
    ("Zoral Therapeutics today announced that the regulator has revoked the marketing "
     "authorisation of ZORVEX; the Medicines Evaluation Board cited safety.", "OTHER", "other"),
    # a device registered by a regulator without a code of its own, the object between
    ("Zoral Medical today announced that the Health Sciences Authority (HSA) of Singapore has "
     "registered the Company's ZORSCAN test, together with its reader, as a Class C medical "
     "device.", "OTHER", "clearance"),
    ("Zoral Therapeutics today announced that ZORVEX has been registered by ANVISA, Brazil's "
     "health regulator, for adults with lupus nephritis.", "OTHER", "approval"),
    # the application's description set off by commas between it and "has been accepted"
    ("Zoral Therapeutics today announced that the Biologics License Application for ZORVEX, a "
     "bispecific antibody, for the treatment of adults with ovarian cancer who have received "
     "one to three prior regimens, has been accepted by the NMPA.", "NMPA", "filing_accepted"),
    # Germany's Federal Joint Committee rates the added benefit of a new medicine
    ("Zoral Therapeutics today announced that the Federal Joint Committee (G-BA) found an "
     "indication of a considerable added benefit for ZORVEX in lung cancer.", "OTHER", "other"),
    # an FDA review division named without "FDA"
    ("Zoral Therapeutics today announced that the Division of Oncology 2 notified the Company "
     "that the Phase 1 trial of ZRX-5 is on full clinical hold.", "FDA", "clinical_hold"),
    # another country's "FDA"
    ("Zoral Therapeutics today announced that the Food and Drug Administration of Thailand (Thai "
     "FDA) has approved ZORVEX for adults with lupus nephritis.", "OTHER", "approval"),
    ("Zoral Therapeutics today announced that the Philippine FDA has issued a Certificate of "
     "Product Registration for ZORVAX, its typhoid vaccine.", "OTHER", "approval"),
    ("Zoral Therapeutics today announced that Argentina's National Administration of Drugs, "
     "Foods and Medical Technology has granted marketing authorization to ZORVEX.", "OTHER",
     "approval"),
    # a listing in brackets between the verb and the application
    ("The FDA has accepted Zoral Therapeutics, Inc.'s (NASDAQ: ZORL) Biologics License "
     "Application for ZORVEX for review.", "FDA", "filing_accepted"),
    # the end of an EU decentralised procedure: the member states agree, authorisations follow
    ("Zoral Therapeutics announces that the decentralised procedure (DCP) for ZORVEX has "
     "concluded positively, with the Health Products Regulatory Authority (HPRA) acting as "
     "Reference Member State.", "OTHER", "positive_opinion"),
    # a regulator grants reimbursement: neither an approval nor an opinion
    ("Zoral Therapeutics announces that the Italian Medicines Agency (AIFA) has granted "
     "reimbursement for ZORVEX with classification in class H.", "OTHER", "other"),
    # a national registration granted to a medicine, with the regulator's own name in brackets
    ("Zoral Therapeutics announced that Colombia's regulator (INVIMA) has granted sanitary "
     "registration (registro sanitario) for ZORVEX tablets.", "OTHER", "approval"),
    # a device's premarket approval; the FDA as Indian releases name it
    ("Zoral Medical today announced that it has received premarket approval (PMA) from the FDA "
     "for its ZORHEART valve.", "FDA", "approval"),
    ("Zoral Pharma Limited has received final approval from the USFDA for its ANDA for "
     "Zoralamine Tablets, 10 mg.", "FDA", "approval"),
    # a regulator's own instruments: a permit licence, a consent to distribute, a certificate
    ("Zoral Therapeutics announced that the Taiwan FDA (TFDA) has issued a drug permit licence "
     "for ZORVEX.", "OTHER", "approval"),
    ("Zoral Therapeutics advises that the New Zealand Medicines and Medical Devices Safety "
     "Authority (Medsafe) has granted its consent for the supply of ZORVEX tablets.", "OTHER",
     "approval"),
    ("Zoral Medical has been issued an EU technical documentation assessment certificate by its "
     "notified body for ZORSCAN, which may now bear the CE mark.", "NOTIFIED_BODY", "clearance"),
    # conditional and provisional approvals in other words
    ("Zoral Therapeutics announced that ZORVEX was approved with conditions by the NMPA for "
     "adults with lupus nephritis.", "NMPA", "accelerated_approval"),
    ("Zoral Therapeutics advises that ZORVEX has been provisionally registered by the TGA on the "
     "ARTG.", "TGA", "accelerated_approval"),
    ("Under the accelerated approval pathway, the FDA approved ZORVEX for adults with lupus "
     "nephritis, Zoral Therapeutics said today.", "FDA", "accelerated_approval"),
    # a 510(k) submitted; an application lodged; a Great Britain application submitted
    ("Zoral Medical today announced that it has submitted a 510(k) premarket notification to "
     "the FDA for ZORSCAN.", "FDA", "submission"),
    ("Zoral Therapeutics advises that it has lodged a registration dossier with the TGA for "
     "ZORVEX.", "TGA", "submission"),
    # leave to resume a stopped trial; a clock stopped; a registration cancelled
    ("Zoral Therapeutics received authorization from the FDA to resume dosing in its Phase 1 "
     "trial of ZRX-5.", "FDA", "hold_lifted"),
    ("Zoral Therapeutics announces that the MHRA has stopped the assessment clock on its "
     "application for ZORVEX.", "MHRA", "review_extension"),
    ("Zoral Medical advises that the TGA has cancelled the registration of ZORSCAN after a "
     "post-market review.", "TGA", "other"),
    # a reimbursement body's recommendation; the FDA's formula for a complete response
    ("Zoral Therapeutics announced that the Pharmaceutical Benefits Advisory Committee did not "
     "recommend the listing of ZORVEX.", "OTHER", "negative_opinion"),
    ("Zoral Therapeutics announced that the FDA stated in an action letter that the "
     "application for ZORVEX cannot be approved in its present form.", "FDA",
     "complete_response"),
    # an advisory committee named before, its tally in words
    ("Zoral Therapeutics provided an update after the FDA advisory committee meeting on ZORVEX. "
     "The committee voted 4 yes and 10 no on whether its benefits outweigh its risks.", "FDA",
     "advisory_vote"),
])
def test_regulators_words_for_their_acts(sentence: str, agency: str, decision: str) -> None:
    summary = _read(sentence)
    assert summary.outcome is not None
    assert (summary.outcome.agency, _decision(summary)) == (agency, decision)


def test_a_class_2_resubmission_is_not_a_recall_classification() -> None:
    from summarizer.tasks.regulatory.lexicon import find_decision_cues

    def kinds(text: str) -> set[str]:
        return {hit.decision for hit in find_decision_cues(text)}

    assert "other" not in kinds("The FDA classified the resubmission as a Class 2 resubmission.")
    assert "other" in kinds("The FDA classified the field correction as a Class I recall.")


@pytest.mark.parametrize(("text", "act"), [
    ("The FDA has approved the New Drug Application for TAVLIX.", True),
    ("The FDA approved the company's premarket approval (PMA) application for TAVLIX.", True),
    # a determiner tells the act; without one, "approved" describes the application
    ("Manufacturing moves to Ohio under the FDA approved NDA for TAVLIX.", False),
    ("Sales of devices under its FDA approved PMA rose 20%.", False),
], ids=["nda-approved", "pma-application-approved", "an-approved-nda", "an-approved-pma"])
def test_an_application_approved_is_the_act_only_with_its_determiner(text: str,
                                                                     act: bool) -> None:
    from summarizer.tasks.regulatory.lexicon import find_decision_cues

    assert any(hit.decision == "approval" and hit.specificity >= 2.5
               for hit in find_decision_cues(text)) is act


@pytest.mark.parametrize(("text", "lifted"), [
    ("Trading halt to be lifted on release of this announcement.", False),
    ("The trading halt was lifted this morning.", False),
    ("The ASX lifted the suspension of trading in the Company's shares.", False),
    ("The FDA lifted the suspension of the ZORVEX trial.", True),
    ("The suspension of the trial was lifted in March.", True),
], ids=["trading-halt-to-be-lifted", "trading-halt-lifted", "suspension-of-trading",
       "trial-suspension", "trial-hold"])
def test_a_stock_exchange_trading_halt_lifted_is_no_hold_lifted(text: str, lifted: bool) -> None:
    from summarizer.tasks.regulatory.lexicon import find_decision_cues

    assert ("hold_lifted" in {hit.decision for hit in find_decision_cues(text)}) is lifted


@pytest.mark.parametrize(("text", "published"), [
    ("Zoral Therapeutics Secures $200 Million Term Loan Facility\n\nBOSTON, December 10, 2025 "
     "-- Zoral Therapeutics today announced a credit agreement for a term loan of up to $200 "
     "million. In Europe, the CHMP adopted a positive opinion on ZORVEX in October, and a "
     "European Commission decision is expected in early 2026.\n", "2025-12-10"),
    # a launch headline asks more of the cues; a recap in the lead and a standing condition
    # ("remains subject to") are no news
    ("Zoral Therapeutics launches ZORVEX in Switzerland and Austria\n\nBASEL, Switzerland, "
     "October 2, 2025 -- Zoral Therapeutics today announced the commercial launch of ZORVEX in "
     "Switzerland and Austria. The launch follows the European Commission's conditional "
     "marketing authorisation, granted in March 2025.\n\nZoral plans to launch in Germany next "
     "year. The conditional marketing authorisation remains subject to the completion of the "
     "confirmatory ZORA-3 study.\n", "2025-10-02"),
], ids=["financing", "launch"])
def test_a_release_of_other_news_recapping_a_regulatory_act_is_no_event(
    text: str, published: str,
) -> None:
    summary = summarize_with_rules(load(text, published=dt.date.fromisoformat(published)))
    assert _decision(summary) == "none"


def test_a_standing_state_is_no_act() -> None:
    from summarizer.tasks.regulatory.lexicon import NOT_EVENT_AFTER

    assert NOT_EVENT_AFTER.match(" remains subject to the completion of the study")
    assert NOT_EVENT_AFTER.match(" is valid for one year")
    assert not NOT_EVENT_AFTER.match(" was granted on March 3")


def test_a_bare_year_in_brackets_dates_the_cue_before_it() -> None:
    text = ("Zoral Medical registers ZORSCAN in Singapore\n\nSINGAPORE, October 22, 2024 -- "
            "Zoral Medical today announced that the Health Sciences Authority (HSA) has "
            "registered ZORSCAN as a Class C medical device. The registration leverages "
            "existing CE marking and US FDA 510(k) clearance (2023).\n")
    view = read_release(load(text, published=dt.date(2024, 10, 22)))
    cues = {c.hit.text: c for c in view.cues}
    assert cues["clearance"].background  # "(2023)": dated well before the release
    assert not cues["registered ZORSCAN as a Class C medical device"].background


@pytest.mark.parametrize("regulator", [
    "the U.S. Food and Drug Administration (FDA)",
    "Japan's Ministry of Health, Labour and Welfare",
])
def test_a_regulators_own_commas_and_ands_do_not_end_the_clause_a_date_is_read_in(
    regulator: str,
) -> None:
    # "approved by the Food and Drug Administration in 2019": the date is the approval's
    text = ("Zoral Therapeutics Wins Patent Ruling on ZORVEX\n\nBOSTON, July 30, 2024 -- Zoral "
            "Therapeutics today announced that the court upheld two ZORVEX patents. ZORVEX was "
            f"approved by {regulator} in 2019 for adults with lupus nephritis.\n")
    view = read_release(load(text, published=dt.date(2024, 7, 30)))
    assert [c.background for c in view.cues if c.hit.decision == "approval"] == [True]
    assert _decision(summarize_with_rules(load(text, published=dt.date(2024, 7, 30)))) == "none"


def test_an_approval_stayed_by_patent_litigation_is_no_act() -> None:
    summary = _read("Zoral Therapeutics today announced that the court denied the generic "
                    "maker's motion. The 30-month stay of FDA approval of the generic ZORVEX "
                    "application runs until May 2026.")
    assert _decision(summary) == "none"


def test_a_recap_up_front_does_not_make_a_later_mention_the_news() -> None:
    # the lead only recaps the authorisation ("This follows ..."); a mention far below is no
    # news up front either
    filler = ("The company runs treatment centres in Zurich, Basel and Vienna and trains the "
              "nursing teams that care for patients after infusion. ") * 12
    text = ("Zoral Therapeutics Provides Update on ZORVEX\n\nBASEL, Switzerland, October 2, 2025 "
            "-- Zoral Therapeutics today announced that the first patient was treated with ZORVEX "
            "in Switzerland. This follows the European Commission's conditional marketing "
            "authorisation for ZORVEX, granted in March 2025.\n\n" + filler + "\n\n"
            "The conditional marketing authorisation covers adults with relapsed lymphoma.\n")
    summary = summarize_with_rules(load(text, published=dt.date(2025, 10, 2)))
    assert _decision(summary) == "none"


@pytest.mark.parametrize("title", ["ZORSCAN registered by Singapore's Health Sciences Authority",
                                   "ZORAL RECEIVES HSA REGISTRATION FOR ZORSCAN IN SINGAPORE"])
def test_the_headline_after_a_preamble_is_read_as_the_headline(title: str) -> None:
    text = ("ASX ANNOUNCEMENT\n22 October 2024\n\n" + title + "\n\nSYDNEY, Australia, 22 "
            "October 2024 \u2013 Zoral Medical Limited is pleased to advise that the Health "
            "Sciences Authority has registered ZORSCAN as a Class C medical device.\n")
    view = read_release(load(text, published=dt.date(2024, 10, 22)))
    assert view.headline is not None
    assert view.headline.text == title


def test_a_date_at_the_end_of_the_cues_clause_dates_it() -> None:
    text = ("Zoral Biologics Provides Update\n\nSHANGHAI, April 14, 2026 -- Zoral Biologics today "
            "announced that its BLA for ZORVEX has been accepted by the NMPA. The CDE granted "
            "Breakthrough Therapy Designation to ZORVEX for the same indication in March 2025.\n")
    view = read_release(load(text, published=dt.date(2026, 4, 14)))
    (designation,) = [c for c in view.cues if c.hit.decision == "designation"]
    assert designation.background


@pytest.mark.parametrize("headline", [
    "Zoral Biotech earns CHF 25 million milestone following Japanese approval of ZORVEX",
    "2025 ANNUAL GENERAL MEETING - CHAIR'S ADDRESS TO SHAREHOLDERS",
])
def test_a_partners_approval_recapped_in_a_milestone_or_meeting_release_is_no_event(
    headline: str,
) -> None:
    # a background cue in the headline ("following ... approval") is no news of its own; the
    # partner's announcement, narrated in the past perfect, is background
    text = (f"Ad hoc announcement pursuant to Art. 53 LR\n\n{headline}\n\nZurich, "
            "Switzerland, 30 June 2025 - Zoral Biotech AG (SIX: ZORL) today announced that it "
            "has become entitled to a milestone payment of CHF 25 million from its licensee "
            "Vossberg Pharma.\n\nOn 27 June 2025, Vossberg Pharma announced that Japan's "
            "Ministry of Health, Labour and Welfare (MHLW) had approved ZORVEX for ulcerative "
            "colitis.\n")
    summary = summarize_with_rules(load(text, published=dt.date(2025, 6, 30)))
    assert _decision(summary) == "none"


@pytest.mark.parametrize(("patients", "indication"), [
    ("adults with previously treated, unresectable or metastatic soft tissue sarcoma",
     "soft tissue sarcoma"),
    ("patients with relapsed or refractory, newly diagnosed multiple myeloma", "multiple myeloma"),
    ("adults with lupus nephritis", "lupus nephritis"),
])
def test_the_indication_is_the_disease_past_its_stage(patients: str, indication: str) -> None:
    summary = _read(f"Zoral Therapeutics today announced that the FDA has approved ZORVEX for "
                    f"the treatment of {patients}.")
    assert summary.outcome is not None and summary.outcome.indication == indication


def test_a_participle_describing_a_thing_states_no_act() -> None:
    summary = _read("Zoral Medical today announced that three health plans now cover ZORSCAN. "
                    "Coverage is what turns a cleared device into one patients can get.")
    assert _decision(summary) == "none"


def test_a_regulators_own_wording_needs_that_regulator_named_in_the_text() -> None:
    from summarizer.tasks.regulatory.lexicon import find_decision_cues

    def agencies(text: str) -> set[str | None]:
        return {h.agency for h in find_decision_cues(text) if h.decision == "negative_opinion"}

    assert agencies("The PBAC did not recommend ZORVEX.") == {None}  # the generic cue
    assert "NICE" in agencies("NICE did not recommend ZORVEX.")


@pytest.mark.parametrize(("sentence", "published", "decision"), [
    # "today" by the cue: today's act though its clause opens with "after"
    ("Zoral Therapeutics said ZORVEX can now be prescribed to adults with lupus nephritis, after "
     "the FDA earlier today approved a supplemental New Drug Application.", "2025-03-03",
     "approval"),
    # a month without a year is the last such month: "in March" for a May release is background
    ("Zoral Therapeutics received a grant from the Government of Canada. It received IND "
     "clearance from the FDA in March and plans to start enrolling in the summer.", "2025-05-16",
     "none"),
    # the comma inside a US date does not end the clause that dates the cue
    ("Zoral Medical reported its first sales of ZORSCAN in Canada. ZORSCAN received its Class II "
     "Medical Device Licence from Health Canada on June 2, 2024.", "2024-09-12", "none"),
    # a date after two verbs of one subject dates both acts
    ("The FDA has approved ZORVEX for adults with lupus nephritis, Zoral Therapeutics announced. "
     "The application was accepted and granted priority review by the FDA in June 2024.",
     "2025-03-03", "approval"),
    # a hyphenated compound describes the product, it states no act
    ("Zoral Medical today presented five-year data on the FDA-approved ZORHEART valve at a "
     "cardiology congress.", "2025-03-03", "none"),
    # the committee's own "for"s hedge nothing
    ("Zoral Therapeutics said the Committee for Medicinal Products for Human Use did not "
     "recommend approval of ZORVEX.", "2025-03-03", "negative_opinion"),
])
def test_todays_act_is_told_from_a_recap_by_its_clause(sentence: str, published: str,
                                                        decision: str) -> None:
    assert _decision(_read(sentence, published=published)) == decision


@pytest.mark.parametrize(("sentence", "agency", "decision"), [
    ("Zoral Medical said the FDA found its ZORSCAN device not substantially equivalent to its "
     "predicate.", "FDA", "refusal"),
    ("Zoral Pharma Limited has received the Establishment Inspection Report from the USFDA for "
     "its Pune facility, classified as Voluntary Action Indicated.", "FDA", "other"),
    ("Zoral Therapeutics welcomed the MHRA's grant today of a marketing authorisation for "
     "ZORVEX.", "MHRA", "approval"),
    ("The European Medicines Agency has validated Zoral Therapeutics B.V.'s Marketing "
     "Authorisation Application for ZORVEX.", "EMA", "filing_accepted"),
    ("Following a consultation with the PMDA, Zoral Therapeutics has reached agreement that its "
     "global Phase 3 study can support an application in Japan.", "PMDA",
     "regulatory_feedback"),
    # a designation named by what the product becomes; a provisional consent
    ("Zoral Therapeutics said ZRX-5 has been designated as a Global Innovative Fast Track "
     "product by the Ministry of Food and Drug Safety.", "OTHER", "designation"),
    ("Zoral Therapeutics said the provisional consent to distribute ZORVEX was notified in the "
     "New Zealand Gazette after evaluation by Medsafe.", "OTHER", "accelerated_approval"),
    # a committee recommends updating the product information; a body recommends funding
    ("Zoral Therapeutics notes that the PRAC has recommended updating the product information "
     "of ZORVEX to add a warning on liver injury.", "EMA", "other"),
    ("Zoral Therapeutics announced that Canada's Drug Agency (CDA-AMC, formerly CADTH) has "
     "issued a recommendation that public drug plans reimburse ZORVEX.", "OTHER",
     "positive_opinion"),
    # devices: a De Novo request filed, a humanitarian use designation, a certificate refused,
    # a registration refused, a recall classified with a long object
    ("Zoral Medical announced that it has filed a De Novo request with the FDA for ZORSCAN.",
     "FDA", "submission"),
    ("Zoral Medical announced that the FDA has granted Humanitarian Use Device (HUD) "
     "designation to ZORHEART.", "FDA", "designation"),
    ("Zoral Medical announces that its notified body, BSI, has refused to issue an MDR "
     "certificate for ZORGEL.", "NOTIFIED_BODY", "refusal"),
    ("Zoral Medical (ASX: CRL) advises that the TGA has decided not to include ZORSCAN in the "
     "ARTG.", "TGA", "refusal"),
    ("Zoral Medical confirmed that the FDA has designated its voluntary recall of two lots of "
     "the ZORSCAN catheter as a Class II recall.", "FDA", "other"),
    ("Zoral Medical said the FDA has given the green light to a feasibility study of ZORKID "
     "under an approved IDE.", "FDA", "trial_authorization"),
    # Europe: a variation validated, a validity confirmed, a clock stop extended, an orphan
    # opinion, a temporary authorisation, a trial authorised through CTIS, restrictions
    ("Zoral Therapeutics announced that the European Medicines Agency has validated the Type II "
     "variation application for ZORVEX.", "EMA", "filing_accepted"),
    ("Zoral Therapeutics announced that the EMA has confirmed the validity of its marketing "
     "authorisation application for ZORVEX.", "EMA", "filing_accepted"),
    ("Zoral Therapeutics announces that the CHMP has agreed to extend the clock stop in the "
     "review of its application for ZORVEX.", "EMA", "review_extension"),
    ("Zoral Therapeutics announced that the COMP issued a positive opinion on its application "
     "for orphan designation of ZRX-5.", "EMA", "designation"),
    ("Zoral Therapeutics announces that Swissmedic has granted a temporary authorisation for "
     "ZORVEX.", "OTHER", "accelerated_approval"),
    ("Zoral Therapeutics informs that the AEMPS, acting as reporting Member State, has "
     "authorised through the Clinical Trials Information System its phase 3 study of ZORVEX.",
     "OTHER", "trial_authorization"),
    ("Zoral Therapeutics announces that the PRAC of the EMA has recommended restricting the use "
     "of ZORVEX in patients over 75.", "EMA", "other"),
    # committees that recommend, or not, the grant of a permission; the month May is no "may"
    ("Zoral Pharma Limited informs that the Subject Expert Committee of CDSCO has recommended "
     "the grant of permission to manufacture and market ZORVEX tablets.", "OTHER",
     "positive_opinion"),
    ("Zoral Pharma Limited informs that the Subject Expert Committee of CDSCO, at its meeting "
     "held on 25 May 2023, did not recommend the grant of marketing permission for ZORVEX.",
     "OTHER", "negative_opinion"),
    # an orphan designation with the product described between; a drug registration
    # certificate; a trial protocol authorised; a resumption agreed
    ("Zoral Therapeutics announced that the MFDS designated ZRX-5, its gene therapy for "
     "retinitis pigmentosa, as an orphan drug.", "OTHER", "designation"),
    ("Zoral Pharma received the Drug Registration Certificate for ZORVEX injection issued by the "
     "NMPA.", "NMPA", "approval"),
    ("Zoral Biotech announced that COFEPRIS has issued the authorisation of the clinical "
     "research protocol for its Phase III trial of ZRX-5.", "OTHER", "trial_authorization"),
    ("Zoral Biotech announced that the CDE of the NMPA has agreed to the Company's application "
     "for resumption of the Phase I trial of ZRX-5.", "NMPA", "hold_lifted"),
    # a decentralised procedure ends and the national authorisation is granted: an approval
    ("Zoral Therapeutics reports that the decentralised procedure for ZORVEX has concluded "
     "positively and the Danish Medicines Agency has granted the Danish marketing "
     "authorisation.", "OTHER", "approval"),
    # the regulator as the passive's agent acts; a comma before "granted" is no break
    ("ZORVEX is now approved in Singapore for chronic cough. Approval was granted by the Health "
     "Sciences Authority (HSA) through its priority review route.", "OTHER", "approval"),
    ("The marketing authorization, granted by the Saudi Food and Drug Authority (SFDA) on 1 March "
     "2025 under its priority review track, covers ZORVEX tablets.", "OTHER", "approval"),
    ("Zoral Pharma has obtained the item permission from the Ministry of Food and Drug Safety "
     "(MFDS) for ZORVEX tablets.", "OTHER", "approval"),
    # devices: the FDA's De Novo words; a device registration named as such
    ("The U.S. Food and Drug Administration today authorized marketing of the ZORSCAN earpiece "
     "for motion sickness.", "FDA", "clearance"),
    ("China's National Medical Products Administration has granted Class III medical device "
     "registration for the ZORSCAN valve system.", "NMPA", "clearance"),
    # other regulators' instruments
    ("The ANMAT granted, through Disposition No. 1234/25, conditional registration to ZORVEX for "
     "spinal muscular atrophy.", "OTHER", "accelerated_approval"),
    ("COFEPRIS issued the authorization of the research protocol for the Phase 2 study of "
     "ZRX-5.", "OTHER", "trial_authorization"),
    ("The U.S. Drug Enforcement Administration (DEA) has published an interim final rule placing "
     "ZORVEX in Schedule IV of the Controlled Substances Act.", "OTHER", "other"),
    ("ANVISA has granted the classification as priority to the registration petition of "
     "ZRX-5.", "OTHER", "designation"),
    ("Health Canada has issued a Screening Rejection Letter for the New Drug Submission for "
     "ZORVEX.", "HEALTH_CANADA", "refusal_to_file"),
    # the review clock stopped longer at the company's request: the regulator's act
    ("The CHMP has agreed to the Company's request to extend the clock stop in the review of "
     "the marketing authorisation application for ZORVEX.", "EMA", "review_extension"),
    # "not approved ... at this stage" is no refusal; the request for information is the news
    ("The Therapeutic Goods Administration has not approved the registration of ZORVEX at this "
     "stage but has issued a request for further information.", "TGA", "regulatory_feedback"),
    # a hold the FDA keeps in place is no new hold; what it asked for is the news
    ("Zoral received a letter from the FDA stating that the partial clinical hold on the ZRX-5 "
     "study will remain in place. The FDA requested additional pharmacokinetic data.", "FDA",
     "regulatory_feedback"),
    # the regulator acts through a clause between its name and the verb
    ("The Drug Control Authority (DCA), upon evaluation by the National Pharmaceutical "
     "Regulatory Agency (NPRA), has approved the registration of ZORVEX capsules.", "OTHER",
     "approval"),
    # regulators' instruments and committees in their own words
    ("The Ministry of Health, Labour and Welfare (MHLW) has designated ZRX-5, an autologous "
     "cell sheet, for the SAKIGAKE designation system.", "PMDA", "designation"),
    ("ZORSCAN has been approved to enter the Special Review Procedure for Innovative Medical "
     "Devices of the National Medical Products Administration.", "NMPA", "designation"),
    ("The Food and Drug Administration (FDA) Philippines has issued a Certificate of Product "
     "Registration for ZORVEX.", "OTHER", "approval"),
    ("The USFDA has issued a Refuse-to-Receive (RTR) letter for Zoral's Abbreviated New Drug "
     "Application for ZORVEX.", "FDA", "refusal_to_file"),
    ("Zoral said it has been notified by the Food and Drug Administration that the agency will "
     "not file its supplemental New Drug Application for ZORVEX.", "FDA", "refusal_to_file"),
    ("Zoral Pharmaceutical recently received the Notice of Approval for Drug Clinical Trial "
     "issued by the National Medical Products Administration for ZRX-5 Injection.", "NMPA",
     "trial_authorization"),
    ("The Office for Registration of Medicinal Products (URPL) has issued a decision authorising "
     "the conduct of the Phase 1 clinical trial of ZRX-5.", "OTHER", "trial_authorization"),
    ("Swissmedic has extended the deadline for the company's response to the List of Questions "
     "on the application for ZORVEX.", "OTHER", "review_extension"),
    ("Zoral takes note of today's recommendation by the Pharmacovigilance Risk Assessment "
     "Committee (PRAC) of the European Medicines Agency, following its Article 20 review, to "
     "restrict the use of ZORVEX.", "EMA", "other"),
    ("The Medicines and Healthcare products Regulatory Agency has issued a positive scientific "
     "opinion for ZORVEX under the Early Access to Medicines Scheme (EAMS).", "MHRA",
     "positive_opinion"),
    ("The First Committee on New Drugs of the Pharmaceutical Affairs Council of the Ministry of "
     "Health, Labour and Welfare deliberated and approved the marketing of ZORVEX.", "PMDA",
     "positive_opinion"),
    # a date before a comma dates another act ("initiated in March 2025, as a Class I recall")
    ("On April 22, 2025 the U.S. Food and Drug Administration classified the company's "
     "voluntary recall of ZORSCAN pumps, initiated in March 2025, as a Class I recall.", "FDA",
     "other"),
    # the national authorisations at the end of a decentralised procedure are the approval
    ("The decentralised procedure for ZORVEX, with the Danish Medicines Agency as reference "
     "member state, has ended positively, and national marketing authorisations have been "
     "granted in 12 countries.", "OTHER", "approval"),
])
def test_more_of_the_regulators_words(sentence: str, agency: str, decision: str) -> None:
    summary = _read(sentence)
    assert summary.outcome is not None
    assert (summary.outcome.agency, _decision(summary)) == (agency, decision)


def test_a_ce_marking_application_is_no_ce_mark() -> None:
    summary = _read("Zoral Medical announced that TÜV SÜD has certified its quality management "
                    "system to ISO 13485, a prerequisite for its planned CE marking application.")
    assert _decision(summary) == "none"


@pytest.mark.parametrize(("published", "background"), [("2025-11-20", True), ("2025-02-10", False)])
def test_the_releases_own_year_alone_dates_a_recap_once_the_year_is_under_way(
    published: str, background: bool,
) -> None:
    text = ("Zoral Therapeutics Annual General Meeting Addresses\n\nSYDNEY, 2025 -- Zoral "
            "Therapeutics today released the addresses to be given at its annual general "
            "meeting. ZORVEX received approval from the TGA in 2025.\n")
    view = read_release(load(text, published=dt.date.fromisoformat(published)))
    assert [c.background for c in view.cues if c.hit.decision == "approval"] == [background]


@pytest.mark.parametrize(("sentence", "decision"), [
    # a time before today opening the sentence dates every act in it, the second clause's too
    ("Earlier this year, the FDA cleared the IND for ZORVEX and granted it Fast Track "
     "designation.", "designation"),
    # "together with" the product: the date after is the act's
    ("The REMS was approved by the FDA together with ZORVEX in September 2019.", "approval"),
    # a regulator's finding in a relative clause is as old as the filing it hangs on
    ("The company had filed a 510(k) for ZORSCAN in 2021, which the FDA found not substantially "
     "equivalent.", "refusal"),
], ids=["earlier-this-year-opening", "together-with-the-product", "which-the-regulator-found"])
def test_an_act_dated_by_the_words_around_it_is_background(sentence: str, decision: str) -> None:
    text = ("Zoral Therapeutics Announces Third Quarter Results\n\nBOSTON, Nov. 6, 2025 -- Zoral "
            f"Therapeutics today reported its third quarter results. {sentence}\n")
    view = read_release(load(text, published=dt.date(2025, 11, 6)))
    flags = [c.background for c in view.cues if c.hit.decision == decision]
    assert flags and all(flags)


def test_a_rule_s_generic_case_states_no_act() -> None:
    # "a sponsor that receives approval ..." tells what a programme gives, not an approval
    text = ("Zoral Therapeutics Receives Rare Pediatric Disease Designation for ZRX-9\n\nBOSTON, "
            "Nov. 6, 2025 -- Zoral Therapeutics today announced that the FDA has granted Rare "
            "Pediatric Disease designation to ZRX-9. Under the programme, a sponsor that "
            "receives approval of a marketing application for such a product may be eligible "
            "for a priority review voucher.\n")
    view = read_release(load(text, published=dt.date(2025, 11, 6)))
    approvals = [c for c in view.cues if c.hit.decision == "approval"]
    assert approvals and all(c.hedged for c in approvals)


@pytest.mark.parametrize("lead", [
    "Zoral Medical today agreed to acquire four 510(k)-cleared wound care devices from a peer.",
    "Zoral Therapeutics Provides Regulatory Update on ZORSCAN 510(k). The company will meet "
    "investors next week.",
])
def test_a_clearance_named_as_an_attribute_or_a_topic_is_no_act(lead: str) -> None:
    assert _decision(_read(lead)) == "none"


def _release(headline: str, lead: str, published: str) -> RegulatorySummary:
    text = f"{headline}\n\nBEIJING, {published} -- {lead}\n"
    return summarize_with_rules(load(text, published=dt.date.fromisoformat(published)))


@pytest.mark.parametrize("headline", [
    "ZORVEX Included in China's National Reimbursement Drug List",
    "Notice Regarding NHI Drug Price Listing of ZORVEX",
    "ZORVEX Added to Ontario Drug Benefit Formulary",
])
def test_a_payers_list_is_other_news_even_with_a_recent_approval_recapped(headline: str) -> None:
    lead = ("Zoral Pharma announced that ZORVEX will be reimbursed from January 1, 2026. ZORVEX "
            "was approved by the NMPA in October 2025 for adults with chronic cough.")
    assert _decision(_release(headline, lead, "2025-12-02")) == "none"
    # the same recap under a neutral headline is still read: only the headline's news changed
    assert _decision(_release("Zoral Pharma Provides Update", lead, "2025-12-02")) == "approval"


def test_a_competition_authority_clearing_an_acquisition_is_no_regulatory_act() -> None:
    deal = _release("European Commission clears Zoral's acquisition of Peer Bio",
                    "Zoral Therapeutics announces that the European Commission has approved the "
                    "proposed acquisition of Peer Bio AB under the EU Merger Regulation.",
                    "2025-09-29")
    assert _decision(deal) == "none"
    product = _release("European Commission approves ZORVEX",
                       "Zoral Therapeutics announces that the European Commission has approved "
                       "ZORVEX for adults with chronic cough.", "2025-09-29")
    assert _decision(product) == "approval"


def test_an_act_the_lead_says_is_todays_is_news_under_a_launch_headline() -> None:
    headline = "ZORVEX Now Available to Adults With Chronic Cough"
    today = _release(headline, "Zoral Therapeutics said ZORVEX can now be prescribed after the "
                     "U.S. Food and Drug Administration earlier today approved a supplemental "
                     "New Drug Application.", "2025-07-22")
    assert _decision(today) == "approval"
    # "today" by a cue that needs a regulator and names none is not today's regulatory act
    board = _release("Zoral Pharma: Unaudited Financial Results for Q3",
                     "The Board of Directors at its meeting held today approved the results. "
                     "Sales grew on exports of products approved by USFDA.", "2025-07-22")
    assert _decision(board) == "none"


@pytest.mark.parametrize("lead", [
    # "not approved" while the review goes on states no decision
    "The board wishes to clarify that, as at the date of this announcement, the NMPA has not "
    "approved the New Drug Application for ZRX-5, which remains under review.",
    # no hold was placed
    "Zoral has notified the FDA of the event; no clinical hold has been placed, and enrollment "
    "continues.",
    # a board's resolution to file, a payer's funding
    "The Board unanimously considered and approved the Proposal on Submitting a Marketing "
    "Authorisation Application for ZRX-5 to the National Medical Products Administration.",
    "Zoral Health advises that Pharmac has approved a proposal to fund ZORVEX ointment on the "
    "Pharmaceutical Schedule from 1 April 2025.",
    # rumours, meetings to come, a date unchanged, an act a lawsuit challenges
    "With reference to media reports regarding an alleged import alert on its facility, Zoral "
    "clarifies that the facility continues to supply the U.S. market.",
    "A Type A meeting with the FDA has been scheduled for April 2025 to discuss ZRX-5.",
    "The PDUFA target action date of June 18, 2025 is unchanged, Zoral said.",
    "Zoral has filed a complaint in the U.S. District Court seeking to set aside the complete "
    "response letter the FDA issued for its BLA.",
    # a pathway the FDA agreed on is no clearance
    "Zoral Medical will follow the De Novo pathway for ZORSCAN, it said at its investor day.",
])
def test_what_is_not_done_is_no_act(lead: str) -> None:
    assert _decision(_read(lead)) == "none"


@pytest.mark.parametrize(("headline", "lead", "published", "decision"), [
    # a relative clause with its own verb keeps its date ("placed in October 2024")
    ("Dosing to Resume in ZORA-2 Study", "The U.S. Food and Drug Administration has lifted the "
     "clinical hold it placed on the IND in October 2024, Zoral Bio announced today.",
     "2025-01-14", "hold_lifted"),
    # "on Tuesday" (or "yesterday") by the cue: the act of these days, not background
    ("Zoral Outlines ZORVEX Launch Timing", "Following the U.S. Food and Drug Administration's "
     "approval on Tuesday of ZORVEX for adults with chronic cough, Zoral said the drug will be "
     "available within ten days.", "2025-03-12", "approval"),
    # a day-first date dates its clause like a month-first one
    ("Zoral Pharma Provides Update", "Since then, the CHMP adopted a positive "
     "opinion on ZORVEX on 27 February 2025, and on 24 April 2025 the European Commission "
     "granted marketing authorisation for ZORVEX.", "2025-06-12", "none"),
    # recaps without a date
    ("Zoral Announces First Prescriptions of ZORVEX in China", "As previously announced, ZORVEX "
     "was granted marketing approval by the National Medical Products Administration (NMPA) for "
     "multiple myeloma.", "2024-12-20", "none"),
    ("Zoral Medical Reports Second Quarter 2025 Financial Results", "Revenue grew 9%. The company "
     "received FDA 510(k) clearance for its ZORSCAN knee earlier in the quarter.", "2025-07-29",
     "none"),
    # a quarter dates its act; "In June," opens a dated sentence (capital or not)
    ("Zoral Medical Reports Third Quarter 2024 Results", "Revenue grew 22%. In the third "
     "quarter, the company received FDA 510(k) clearance for the ZORSCAN catheter.",
     "2024-11-07", "none"),
    ("Zoral Pharma Provides Update", "In June, the Therapeutic Goods Administration registered "
     "ZORVEX on the Australian Register of Therapeutic Goods.", "2025-11-20", "none"),
    ("Zoral Announces Type A Meeting Date with FDA", "Zoral said it looks forward to the "
     "discussion of ZRX-5.", "2024-09-16", "none"),
    # under a neutral headline the lead's first sentence says what the news is
    ("Zoral Therapeutics Provides Corporate Update", "Zoral today announced the pricing of an "
     "underwritten public offering of $150 million. The proceeds will be used to fund "
     "commercial launch preparations for ZORVEX, its lead product, for which the FDA has set a "
     "PDUFA target action date of March 14, 2024.", "2024-02-06",
     "none"),
    ("Zoral Therapeutics Provides Corporate Update", "Zoral today announced that the FDA has "
     "accepted its New Drug Application for ZORVEX and set a PDUFA target action date of March "
     "14, 2025.", "2024-07-06", "filing_accepted"),
    # an abbreviation in brackets does not end the clause its date is read in
    ("Zoral Signs Global Licensing Deal for ZRX-5", "ZRX-5 was designated as a Global Innovative "
     "Product on Fast Track (GIFT) by the Ministry of Food and Drug Safety in January.",
     "2025-07-22", "none"),
    # other news in the headline: a payer's decision, a stock exchange's letter
    ("CMS Grants New Technology Add-on Payment for ZORSCAN", "The Centers for Medicare & "
     "Medicaid Services has granted an add-on payment for ZORSCAN. ZORSCAN received FDA "
     "premarket approval in June 2024.", "2024-08-05", "none"),
    ("Zoral Receives Nasdaq Notification Regarding Minimum Bid Price Deficiency", "The notice has "
     "no immediate effect on the listing, and the NDA for ZRX-5 remains under review by the FDA "
     "with a PDUFA date of November 3, 2023.", "2023-09-05", "none"),
    # "reaches agreement with" the regulator is its feedback, whatever the headline's "agreement"
    ("ZORAL REACHES AGREEMENT WITH FDA ON PHASE 3 DESIGN FOR ZRX-5", "According to the official "
     "meeting minutes, the FDA agreed with the key elements of the proposed Phase 3 trial.",
     "2024-11-19", "regulatory_feedback"),
])
def test_todays_act_is_told_from_background_in_more_ways(
    headline: str, lead: str, published: str, decision: str,
) -> None:
    assert _decision(_release(headline, lead, published)) == decision


@pytest.mark.parametrize(("dated", "background"), [
    ("On November 10, 2025", False),  # two days before the release: its news
    ("On September 10, 2025", True),  # two months before: a recap
])
def test_a_highlights_section_recaps_unless_its_date_is_these_days(dated: str,
                                                                    background: bool) -> None:
    text = ("Zoral Therapeutics Provides Corporate Update\n\nTORONTO, Nov. 12, 2025 -- Zoral "
            "Therapeutics today provided a corporate update.\n\nRegulatory Highlights\n\n"
            f"{dated}, Health Canada issued a Notice of Compliance (NOC) for ZORVEX capsules.\n")
    view = read_release(load(text, published=dt.date(2025, 11, 12)))
    assert [c.background for c in view.cues if c.hit.decision == "approval"] == [background]


def test_a_sentence_opening_with_a_full_date_dates_its_act() -> None:
    view = read_release(load("Zoral Update\n\nBOSTON, March 3, 2025 -- On June 2, 2023, the FDA "
                             "approved ZORVEX for adults with chronic cough.\n",
                             published=dt.date(2025, 3, 3)))
    assert [c.background for c in view.cues if c.hit.decision == "approval"] == [True]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab ,.()&-_", max_size=40), st.text(alphabet="ab ,.()&-_", max_size=40),
       st.sampled_from(["Food and Drug Administration", "FDA", "Health Canada",
                        "Ministry of Health, Labour and Welfare"]),
       st.booleans())
def test_masking_regulators_keeps_every_other_character_in_place(
    head: str, tail: str, name: str, bracketed: bool,
) -> None:
    from summarizer.tasks.regulatory._reading import mask_agencies

    named = f"({name})" if bracketed else name
    text = f"Zoral said {head} {named} {tail}."
    view = read_release(load(f"Zoral Update\n\nBOSTON, March 3, 2025 -- {text}\n"))
    sentence = next(s for s in view.sentences if s.agencies)
    part = view.text[sentence.start:sentence.end]
    masked = mask_agencies(part, sentence, sentence.start)
    assert len(masked) == len(part)
    spans = [(a.start - sentence.start, a.end - sentence.start) for a in sentence.agencies]

    def opening(s: int, e: int) -> int:
        """Where the bracket closing right after a name opens, a few characters before it
        ("(U.S. FDA)"), else the name's start."""
        j = part.rfind("(", max(0, s - 8), s)
        closes = e < len(part) and part[e] == ")" and not (s > 0 and part[s - 1] == "(")
        return j if closes and j >= 0 and ")" not in part[j:s] else s

    for i, (was, now) in enumerate(zip(part, masked, strict=True)):
        # a name and a bracket around it
        inside = any(min(s - 1, opening(s, e)) <= i <= e for s, e in spans)
        assert now == was or (inside and now == "_")
    assert all(set(masked[s:e]) == {"_"} for s, e in spans)


@pytest.mark.parametrize(("sentence", "agency", "decision"), [
    # a complete response letter in its own words, and a refusal worded as a decision
    ("Zoral Bio said the FDA has informed it that it is unable to approve the Biologics License "
     "Application for ZRX-5 in its current form.", "FDA", "complete_response"),
    ("Zoral Therapeutics said the FDA did not approve the New Drug Application for ZORVEX in its "
     "current form.", "FDA", "complete_response"),
    ("Zoral plc announced that the European Commission has adopted a decision refusing the "
     "granting of a conditional marketing authorisation for ZORVEX.", "EC", "refusal"),
    # a trial described at length before "on hold"; an application not accepted
    ("Zoral Bio announced that the U.S. FDA placed the Phase 1 trial of ZRX-5, a CD3xCLDN18.2 "
     "bispecific antibody, on hold after a serious adverse event.", "FDA", "clinical_hold"),
    ("Zoral Pharma has received a Notice of Non-Acceptance issued by the National Medical "
     "Products Administration for the registration application of ZRX-5.", "NMPA",
     "refusal_to_file"),
    # an approval or a certificate withdrawn by its regulator; an indication by the company
    ("Zoral said the FDA Commissioner has issued a final decision withdrawing the "
     "accelerated approval of ZORVEX.", "FDA", "other"),
    ("Zoral Medical announces that its notified body, BSI, has withdrawn the EU quality system "
     "certificate covering the ZORSCAN catheter.", "NOTIFIED_BODY", "other"),
    ("Zoral Oncology announced that, in consultation with the FDA, it is voluntarily withdrawing "
     "the accelerated approval indication of ZORVEX for relapsed lymphoma.", "FDA", "withdrawal"),
    # registers and designations named with the product described at length
    ("The Therapeutic Goods Administration has included ZORSCAN, Zoral Health Ltd's (ASX: ZRL) "
     "software that detects arrhythmia, on the Australian Register of Therapeutic Goods as a "
     "Class IIa medical device.", "TGA", "clearance"),
    ("The Ministry of Food and Drug Safety (MFDS) designated Zoral Robotics' catheter robot "
     "'ZR-100' as an innovative medical device.", "OTHER", "designation"),
    ("Zoral Medics said the Ministry of Food and Drug Safety (MFDS) has approved its clinical "
     "trial plan for the confirmatory trial of ZORKID.", "OTHER", "trial_authorization"),
    ("Zoral Therapeutics announces that it has completed a consultation with the Pharmaceuticals "
     "and Medical Devices Agency (PMDA) regarding the development plan of ZRX-5.", "PMDA",
     "regulatory_feedback"),
    # a registration published in the official gazette; a marketing authorisation transferred
    ("Zoral S.A. informs that the Brazilian Health Regulatory Agency (ANVISA) published today in "
     "the Official Gazette of the Union (DOU) the registration of ZORVEX.", "OTHER", "approval"),
    ("The European Commission has today adopted a decision approving the transfer of the "
     "marketing authorisation for ZORVEX to Zoral Health Ireland Ltd.", "EC", "other"),
    ("Health Canada has issued a Not Satisfactory Notice (NSN) in respect of Zoral's Clinical "
     "Trial Application for a Phase 2 study of ZRX-5.", "HEALTH_CANADA", "refusal"),
    # the FDA's letter lifting a hold: the complete response reviewed, the study may proceed
    ("Zoral Neuro announced that the FDA has notified it that it has completed its review of the "
     "Company's complete response and that the Phase 2 study of ZRX-5 may proceed.", "FDA",
     "hold_lifted"),
    # a hold lifted with its trial named; holds by request or by suspending the authorisation
    ("Zoral Bio announced that the FDA has notified the company that the clinical hold on the "
     "ZORA-1 trial of ZRX-5 has been lifted.", "FDA", "hold_lifted"),
    ("Zoral Therapeutique announces that the French National Agency for Medicines and Health "
     "Products Safety (ANSM) has requested the temporary suspension of enrolment and dosing in "
     "the ZORA-3 trial.", "OTHER", "clinical_hold"),
    ("The German Federal Institute for Drugs and Medical Devices (BfArM) has suspended the "
     "authorisation of the ZORA-2 Phase 1/2 trial of ZRX-5 at German sites.", "OTHER",
     "clinical_hold"),
    # a trial's approval from a regulator named at length; an expert body advising a grant
    ("Zoral Biosciences has received implied approval from the Center for Drug Evaluation of the "
     "National Medical Products Administration (NMPA) for its Investigational New Drug (IND) "
     "application to initiate a Phase 1 trial of ZRX-5.", "NMPA", "trial_authorization"),
    ("Zoral Pharma announces that the Commission on Human Medicines (CHM) has advised the MHRA "
     "that a marketing authorisation may be granted for ZORVEX in Great Britain.", "MHRA",
     "positive_opinion"),
    # "the approval of" a regulator; an earlier approval's year dates only its own clause
    ("Zoral Pharmaceutical announces that it has obtained the approval of the Saudi Food and "
     "Drug Authority (SFDA) for the registration of the ZORVEX pre-filled pen.", "OTHER",
     "approval"),
    ("Zoral Bio today announced that, following the U.S. Food and Drug Administration's approval "
     "of ZORVEX in 2023, Health Canada has now authorised the product for adults.",
     "HEALTH_CANADA", "approval"),
    # the regulator after the act's bracketed abbreviation is the one acting
    ("Zoral Medical Industries announces that it has obtained Medical Device Marketing "
     "Authorization (MDMA) from the Saudi Food and Drug Authority (SFDA) for its safety "
     "syringes.", "OTHER", "clearance"),
    # the application's long description before "has been accepted by"
    ('The Board is pleased to announce that the new drug application (the "NDA") for ZRX-5 for '
     "the treatment of adult patients with relapsed or refractory peripheral T-cell lymphoma "
     '("r/r PTCL") has been accepted by the National Medical Products Administration.', "NMPA",
     "filing_accepted"),
])
def test_still_more_of_the_regulators_words(sentence: str, agency: str, decision: str) -> None:
    summary = _read(sentence)
    assert summary.outcome is not None
    assert (summary.outcome.agency, _decision(summary)) == (agency, decision)


@pytest.mark.parametrize("lead", [
    # hearsay about a third party; a requirement the product is exempt from
    "Zoral Gene Therapies today commented on reports that the FDA has placed a clinical hold on "
    "a third party's high-dose AAV program.",
    "Zoral Medical said ZORMOVE is a Class I device exempt from FDA 510(k) premarket "
    "notification and can be sold immediately.",
    # two things negated together; the last of a list a negation governs
    "Zoral has not received an approval letter or a Complete Response Letter from the FDA.",
    "The FDA has not informed Zoral of any need for additional information, of any deficiencies "
    "in the application, or of a revised action date.",
    # an act a lawsuit seeks to annul, dated by "of 2021"
    "Zoral informs that the General Court of the European Union has dismissed its action for "
    "annulment of the European Commission decision of 2021 refusing the marketing authorisation "
    "for ZORVEX.",
])
def test_more_of_what_is_not_done_is_no_act(lead: str) -> None:
    assert _decision(_read(lead)) == "none"


def test_a_committee_not_currently_minded_to_recommend_gives_no_positive_opinion() -> None:
    # the adverb between "not" and "minded" ("not currently minded to recommend the grant")
    summary = _read("Zoral Therapeutics said the Commission on Human Medicines is not currently "
                    "minded to recommend the grant of a marketing authorisation for ZORVEX and "
                    "has invited the company to an oral hearing.")
    assert _decision(summary) != "positive_opinion"


@pytest.mark.parametrize(("headline", "lead", "published", "decision"), [
    # in a release of other news, the release's own "also reports that" makes the act its news
    ("Zoral Pharma Announces Results of Annual General Meeting", "Zoral announces that all "
     "resolutions were passed. The Company also disclosed that the FDA has disapproved its "
     "Investigational Device Exemption application for the ZORSCAN study.", "2023-06-28",
     "refusal"),
    ("Voluntary Announcement - Business Update", "The Board refers to the announcement of the "
     "interim results of the Company published on the same date. The Board is pleased to further "
     "announce that the New Drug Application for ZRX-5 for the treatment of adult patients with "
     "moderate-to-severe plaque psoriasis who are candidates for systemic therapy has been "
     "accepted by the Center for Drug Evaluation of the NMPA.", "2023-08-28", "filing_accepted"),
    # ... but another announcement it recalls does not
    ("Zoral Announces Pricing of $120 Million Public Offering", "Zoral Cell Therapeutics, which "
     "yesterday announced that the U.S. Food and Drug Administration granted RMAT designation to "
     "ZRX-5, today announced the pricing of an underwritten public offering.", "2025-04-10",
     "none"),
    # a headline of other news that also announces regulatory news
    ("Zoral Bio Reports Second Quarter 2024 Financial Results and Provides Regulatory Update",
     "Zoral Bio today reported financial results for the second quarter. On August 7, the FDA "
     "notified Zoral that it has extended the PDUFA target action date for the BLA for ZRX-5 by "
     "three months.", "2024-08-08", "review_extension"),
    # a participle after a comma dates the act it follows
    ("Zoral Surgical Reports Third Quarter 2023 Financial Results", "Zoral Surgical today "
     "reported revenue of $18.4 million. Highlights include 510(k) clearance of the ZORFLEX "
     "stapler reload, received in July 2023; the company continues to expect an FDA decision on "
     "the PMA for ZORSEAL.", "2023-11-07", "none"),
    # a payer's programme, a payer's price list, plans and a standing state
    ("Ontario Adds ZORVEX to Public Drug Programs", "Zoral Pharma today announced that ZORVEX is "
     "now covered under the Ontario Public Drug Programs. ZORVEX recently received approval "
     "from Health Canada.", "2023-10-17", "none"),
    ("Notice Regarding NHI Drug Price Listing of ZORVEX", "Zoral Pharmaceutical announces that "
     "ZORVEX tablets, approved by the Ministry of Health, Labour and Welfare on June 24, 2024, "
     "were approved for listing on the National Health Insurance (NHI) drug price list today.",
     "2024-08-14", "none"),
    ("Zoral Outlines 2024 Priorities, Including Planned BLA Submission for ZRX-5", "Zoral today "
     "outlined its 2024 strategic priorities ahead of an investor conference this week.",
     "2024-01-08", "none"),
    ("Zoral Outlines Regulatory Path for ZRX-5; Pre-BLA Meeting Scheduled", "Zoral today "
     "provided an update on its plans for ZRX-5. ZRX-5 holds Regenerative Medicine Advanced "
     "Therapy and Orphan Drug designations from the FDA.", "2025-07-29", "none"),
    # a sentence opening "Today," tells today's act in a release of other news
    ("Zoral Pharma Announces Closing of $80 Million Private Placement", "Zoral Pharma today "
     "announced the closing of a private placement. Today, Zoral submitted a Marketing "
     "Authorisation Application to the European Medicines Agency for ZRX-5.", "2025-03-03",
     "submission"),
    # ... but not another party's act in a relative clause of the release's own news
    ("Zoral Files Patent Infringement Suit Following Receipt of Paragraph IV Notice", "Zoral "
     "Pharma today announced that it has filed a patent infringement lawsuit against a generic "
     "manufacturer that submitted an Abbreviated New Drug Application to the FDA seeking "
     "approval of a generic version of ZORVEX.", "2025-04-15", "none"),
    # an anniversary recaps; a bracketed generic name does not end the clause its date is in
    ("Zoral Marks One Year Since FDA Approval of ZORVEX", "Zoral Therapeutics today marked the "
     "first anniversary of the U.S. Food and Drug Administration's approval of ZORVEX "
     "(zoralitide) on June 12, 2023.", "2024-06-12", "none"),
    # a milestone the company marks is a neutral headline; hosting an event is other news
    ("Zoral Pharmaceutical Marks Milestone for Innovation in Kidney Disease", "Zoral "
     "Pharmaceutical announced that the National Medical Products Administration (NMPA) has "
     "approved the new drug application for ZORVEX tablets for chronic kidney disease.",
     "2023-01-16", "approval"),
    ("Zoral Therapeutics to Host R&D Day on September 24", "Zoral Therapeutics will host a "
     "virtual R&D day on 24 September 2025. The event will review the EU launch preparations "
     "for ZORVEX, for which the company responded to the CHMP's Day 120 list of questions in "
     "August.", "2025-09-10", "none"),
    # "NICE-Recommended X": a state; a letter the company addresses is the topic, not the news
    ("NICE-Recommended ZORVEX Now Routinely Available on the NHS in England", "Zoral Pharma UK "
     "today announced that NHS England has begun routine commissioning of ZORVEX, 90 days after "
     "NICE published its final guidance recommending the medicine in June 2024.", "2024-09-03",
     "none"),
    ("Zoral Bio Addresses Complete Response Letter for ZRX-5", "Zoral Bio today announced that "
     "it has resubmitted its Biologics License Application for ZRX-5 to the U.S. Food and Drug "
     "Administration, addressing the observations cited in the Complete Response Letter "
     "received in June 2023.", "2023-12-18", "submission"),
    # a merger clearance with its regulation named first; a company's "advises that"
    ("European Commission Clears Zoral Pharma's Acquisition of Peer Pharma", "Zoral Pharma N.V. "
     "announces that the European Commission has approved, under the EU Merger Regulation, its "
     "proposed acquisition of Peer Pharma N.V. The Commission's clearance satisfies the last "
     "outstanding regulatory condition.", "2024-10-22", "none"),
    ("ASX Announcement: TGA registration received for ZORSCAN", "Zoral Health Ltd (ASX: ZRL) "
     "advises that the Therapeutic Goods Administration has granted registration of ZORSCAN, "
     "the Company's skin lesion software, on the ARTG as a Class IIb medical device.",
     "2024-02-20", "clearance"),
    # "Decision on" a headline's topic is no act of the kind it names
    ("Regulatory Update: European Commission Decision on Conditional Marketing Authorisation for "
     "ZORVEX", "Zoral plc announced today that the European Commission has adopted a decision "
     "refusing the granting of a conditional marketing authorisation for ZORVEX.", "2020-04-22",
     "refusal"),
])
def test_todays_act_is_told_from_other_news_in_more_ways(
    headline: str, lead: str, published: str, decision: str,
) -> None:
    assert _decision(_release(headline, lead, published)) == decision


def test_an_approval_system_is_no_device() -> None:
    """A drug approved "under the Conditional Early Approval System" is no device's
    registration (the word "system" names a device only outside such procedures)."""
    summary = _release("Zoral Obtains Approval in Japan for ZORVEX Tablets under the Conditional "
                       "Early Approval System", "Zoral Pharmaceutical announced today that it has "
                       "obtained manufacturing and marketing approval from the Ministry of "
                       "Health, Labour and Welfare for ZORVEX Tablets.", "2025-09-19")
    assert summary.outcome is not None and summary.outcome.agency == "PMDA"
    assert _decision(summary) in ("approval", "accelerated_approval")


@pytest.mark.parametrize(("headline", "lead", "published", "agency", "decision"), [
    # the refuse-to-file regulation's own words; "for X is" hedges nothing
    ("Zoral Provides Update on NDA for ZRX-5", "Zoral Therapeutics today announced that the FDA "
     "has informed the company that the New Drug Application for ZRX-5 is not sufficiently "
     "complete to permit a substantive review.", "2025-03-03", "FDA", "refusal_to_file"),
    # a complete response in the letter's own terms
    ("Zoral Provides Regulatory Update", "Zoral Therapeutics today announced that it has received "
     "a letter from the FDA outlining the items that must be addressed before the New Drug "
     "Application for ZRX-5 can be approved.", "2025-03-03", "FDA", "complete_response"),
    # "at this time" in another clause leaves the adopted opinion an act
    ("Zoral Provides Update on EU Review of ZORVEX", "Zoral SA announces that the CHMP has "
     "concluded that the benefit-risk balance of ZORVEX is not favourable at this time and has "
     "adopted an opinion that does not recommend the granting of a marketing authorisation.",
     "2025-03-03", "EMA", "negative_opinion"),
    # a decision not to grant is an act, whatever its time words
    ("Ad hoc announcement: Update on ZORVEX", "Zoral AG announces that Swissmedic has decided not "
     "to grant marketing authorisation for ZORVEX at this time.", "2025-03-03", "OTHER",
     "refusal"),
    ("Ad hoc announcement: Update on ZORVEX", "Zoral AG announces that Swissmedic has issued a "
     "preliminary decision indicating that it intends to reject the application for ZORVEX.",
     "2025-03-03", "OTHER", "negative_opinion"),
    ("Zoral Provides Trial Update", "Zoral plc announces that the MHRA has approved the "
     "substantial amendment, permitting the restart of the ZORA-1 trial in the United "
     "Kingdom.", "2025-03-03", "MHRA", "hold_lifted"),
    ("Zoral Pharm Provides Pipeline Update", "Zoral Pharm said that ZRX-5 was "
     "designated as a Global Innovative products on Fast Track (GIFT) by the Ministry of Food and "
     "Drug Safety.", "2025-03-03", "OTHER", "designation"),
    # the listing in the first sentence is the company's, not an exchange's notice
    ("Zoral Bio Provides Business Update", "Zoral Bio, Inc. (Nasdaq: ZORL) today provided a "
     "business update. The FDA has granted Orphan Drug Designation to ZRX-5 for Angelman "
     "syndrome.", "2025-03-03", "FDA", "designation"),
    # a headline act the lead tells only as earlier news, under a headline of other news
    ("FDA IDE Approval Paves Way as Zoral Medical Enrolls First Patient in Pivotal Trial",
     "Zoral Medical today announced the enrollment of the first patient in ZORA-ON. The FDA "
     "approved the Investigational Device Exemption for the study in June 2024.", "2025-03-03",
     "NONE", "none"),
    ("First Patients Treated in Europe with CE-Marked ZORSCAN Catheter", "Zoral Medical AG today "
     "announced that the first patients in Europe have been treated with ZORSCAN. The catheter "
     "received CE mark certification in November 2024.", "2025-03-03", "NONE", "none"),
    # an agreement reached with a regulator is no partnership
    ("Zoral Announces Agreement With PMDA on Design of Pivotal Trial", "Zoral Inc. announced today "
     "that, following a clinical trial consultation with the PMDA, it has reached agreement with "
     "the agency on the design of a single pivotal Phase 3 trial of ZRX-5.", "2025-03-03",
     "PMDA", "regulatory_feedback"),
    # the regulator inside an aside is not the one acting
    ("Zoral Receives EU Orphan Drug Designation for ZRX-5", "Zoral ASA informs that the European "
     "Commission, following a positive opinion from the COMP of the European Medicines Agency in "
     "January, has granted orphan drug designation for ZRX-5.", "2025-03-03", "EC",
     "designation"),
    # a date after a list of acts dates them all; "last year" dates its act
    ("Zoral Responds to Media Speculation", "Zoral Limited refers to a media article. ZRX-5 was "
     "granted Orphan Drug Designation and Rare Pediatric Disease Designation by the FDA for "
     "Fragile X syndrome in 2021.", "2025-03-03", "NONE", "none"),
    ("Zoral Passes Korea Exchange Listing Review", "Zoral Bio said that it has received approval "
     "of its preliminary listing review from the Korea Exchange. The company, whose lead "
     "candidate ZRX-5 received IND approval from the MFDS last year, plans to list in July.",
     "2025-03-03", "NONE", "none"),
    # regulators' words: mixed-case names, translated terms in brackets, registrations
    ("Zoral Informs Rejection of Registration Request for ZORVEX", "Zoral S.A. communicates that "
     "Anvisa has denied (indeferido) the registration request for ZORVEX.", "2025-03-03",
     "OTHER", "refusal"),
    ("Zoral Announces SFDA Registration of ZORVEX 5 mg Tablets", "Zoral Co. announces that it has "
     "obtained the registration approval of the Saudi Food and Drug Authority (SFDA) for ZORVEX "
     "5 mg film-coated tablets.", "2025-03-03", "OTHER", "approval"),
    ("Zoral Announces Approval Recommendation in Japan for ZRX-5", "Zoral Inc. announces that "
     "ZRX-5 was deliberated at the First Committee on New Drugs of the Pharmaceutical Affairs "
     "Council of the MHLW held today.", "2025-03-03", "PMDA", "positive_opinion"),
    ("ZORVEX Authorized by Health Canada With Conditions", "Zoral Oncologie Inc. is pleased to "
     "announce the authorization of ZORVEX for relapsed mantle cell lymphoma.", "2025-03-03",
     "HEALTH_CANADA", "accelerated_approval"),
    ("Notice Concerning Filing of an Application for ZRX-5 in Japan", "Zoral Pharma announces "
     "that it filed today an application with the Ministry of Health, Labour and Welfare for "
     "manufacturing and marketing approval of ZRX-5.", "2025-03-03", "PMDA", "submission"),
    ("Zoral Provides Update on TGA Evaluation Timeline", "Zoral Limited advises that the "
     "Therapeutic Goods Administration has extended the evaluation timeframe for the "
     "registration application for ZRX-5 by 90 working days.", "2025-03-03", "TGA",
     "review_extension"),
    ("Announcement on Suspension of Clinical Trial of ZRX-5", "The board of Zoral Biotech Limited "
     "announces that the Company has received a notice from the CDE of the NMPA requiring the "
     "suspension of the ongoing Phase 2 clinical trial of ZRX-5.", "2025-03-03", "NMPA",
     "clinical_hold"),
    # (a guard: a trading halt the company requests stops no trial)
    ("Request for Trading Halt", "Zoral Limited requests a trading halt pending an announcement "
     "regarding correspondence with the Therapeutic Goods Administration.", "2025-03-03", "NONE",
     "none"),
    ("ANMAT Grants Registration Under Special Conditions to ZORVEX", "Zoral S.A. announced today "
     "that ANMAT has granted ZORVEX a registration under special conditions.", "2025-03-03",
     "OTHER", "accelerated_approval"),
    ("Anvisa Grants Priority Review to Zoral's Petition", "Zoral do Brasil announced today that "
     "Anvisa has granted priority analysis to its registration petition for ZRX-5.",
     "2025-03-03", "OTHER", "designation"),
    # a regulator named by its country and kind
    ("U.S. Regulator Approves Zoral's ZORVEX Tablets", "Zoral Therapeutics, Inc. today announced "
     "that the Agency has approved its New Drug Application for ZORVEX.", "2025-03-03", "FDA",
     "approval"),
    ("Zoral Receives IND Clearance in China for ZRX-5", "Zoral Pharma announced that the "
     "application for ZRX-5 has received implied approval from China's drug regulator. The "
     "company previously received IND clearance from the U.S. FDA in March 2024.", "2025-03-03",
     "NMPA", "trial_authorization"),
    # an act told in a relative clause of a recapped one is that one's
    ("Zoral Receives European Approval for ZORVEX", "Zoral A/S today announced that the European "
     "Commission has granted marketing authorisation for ZORVEX. It follows the positive opinion "
     "adopted by the CHMP on 16 December 2024, which recommended approval of ZORVEX.",
     "2025-03-03", "EC", "approval"),
    ("Zoral Confirms EU Safety Review of ZORVEX", "Zoral plc today confirms that the PRAC of the "
     "European Medicines Agency has begun a review of ZORVEX tablets.", "2025-03-03", "EMA",
     "other"),
    # the FDA's offices and divisions by their own names
    ("Zoral Withdraws NDA for ZRX-5", "Zoral Inc. today announced that it has voluntarily "
     "withdrawn its New Drug Application for ZRX-5, following feedback from the Division of "
     "Psychiatry at the late-cycle meeting.", "2025-03-03", "FDA", "withdrawal"),
    ("Zoral Granted Orphan Drug Designation for ZRX-5", "Zoral Bio today announced that the "
     "Office of Orphan Products Development has granted Orphan Drug Designation to ZRX-5.",
     "2025-03-03", "FDA", "designation"),
    ("Zoral Obtains Conditional, Time-Limited Approval in Japan for ZRX-5", "Zoral Co. announced "
     "that Japan's Ministry of Health, Labour and Welfare has granted conditional and "
     "time-limited approval for ZRX-5.", "2025-03-03", "PMDA", "accelerated_approval"),
    ("Notice Regarding Favorable Deliberation on Domestic Approval of ZRX-5", "Zoral Pharma "
     "Co., Ltd. hereby announces that, at the meeting held today of the First Committee on New "
     "Drugs of the Pharmaceutical Affairs Council, the application for ZRX-5 (zoralimab) for the "
     "prevention of acute attacks of hereditary angioedema was deliberated and it was concluded "
     "that approval is acceptable. Zoral expects to obtain approval from the Ministry of Health, "
     "Labour and Welfare after the necessary procedures are completed.", "2025-03-03", "PMDA",
     "positive_opinion"),
    # the review's clock in other words
    ("Zoral plc - Update on MHRA review of ZORVEX", "Zoral plc announces that the MHRA has "
     "stopped the clock on its assessment of the marketing authorisation application for "
     "ZORVEX.", "2025-03-03", "MHRA", "review_extension"),
    ("Zoral: EMA revises assessment timetable for ZORVEX", "Zoral SA informs that the European "
     "Medicines Agency has adopted a revised timetable for the evaluation of the marketing "
     "authorisation application for ZORVEX.", "2025-03-03", "EMA", "review_extension"),
    # refusals to file in the regulator's words
    ("FDA Declines to File Zoral's BLA for ZRX-5", "Zoral Bio today said the U.S. Food and Drug "
     "Administration will not file its Biologics License Application for ZRX-5.", "2025-03-03",
     "FDA", "refusal_to_file"),
    ("Zoral Medical Receives Refuse to Accept Decision on 510(k) for ZORSCAN", "Zoral Medical AS "
     "announces that the U.S. Food and Drug Administration has issued a Refuse to Accept (RTA) "
     "notification for the company's 510(k) premarket notification for ZORSCAN.", "2025-03-03",
     "FDA", "refusal_to_file"),
    ("Zoral Reports Receipt of FDA Letter on ZORVEX NDA", "On March 1, 2025, Zoral Inc. received "
     "a letter from the FDA stating that the FDA has refused to file the Company's New Drug "
     "Application for ZORVEX.", "2025-03-03", "FDA", "refusal_to_file"),
    ("Zoral: FDA Notifies Company It May Proceed With ZORA-2 Study", "Zoral Inc. today announced "
     "that it received a letter from the FDA stating that all clinical hold issues for the ZORA-2 "
     "study have been satisfactorily addressed and that the study may proceed.", "2025-03-03",
     "FDA", "hold_lifted"),
    # Health Canada's own instruments
    ("Zoral Receives Screening Deficiency Notice from Health Canada", "Zoral Inc. announces that "
     "Health Canada has issued a Screening Deficiency Notice for the company's New Drug "
     "Submission for ZRX-5.", "2025-03-03", "HEALTH_CANADA", "regulatory_feedback"),
    ("Health Canada Lists Type II Recall of Zoral Test Strips", "Zoral Diagnostics Inc. today "
     "confirmed that Health Canada has classified the company's recall of certain lots of ZORSCAN "
     "test strips as a Type II recall.", "2025-03-03", "HEALTH_CANADA", "other"),
    # (guards: a monitoring board that lets a study go on is no regulator; the regulator named
    # by its country, its "clears" a study is no device's)
    ("Zoral Announces Outcome of Interim Analysis", "Zoral Therapeutics today announced that the "
     "independent Data Monitoring Committee cleared the ZORA-3 study to continue without "
     "changes.", "2025-03-03", "NONE", "none"),
    ("UK Regulator Clears First-in-Human Study of Zoral's ZRX-5", "Zoral Ltd announced that the "
     "Medicines and Healthcare products Regulatory Agency has approved its Clinical Trial "
     "Application for a Phase 1 study of ZRX-5.", "2025-03-03", "MHRA", "trial_authorization"),
    # a meeting requested to discuss an earlier letter; an acceptance still awaited
    ("Zoral Requests Type A Meeting with FDA Following Complete Response Letter", "Zoral Inc. "
     "today announced that it has submitted a request for a Type A meeting with the FDA to "
     "discuss the complete response letter the company received on February 14, 2025.",
     "2025-03-03", "NONE", "none"),
    ("Zoral Provides Regulatory Update on ZRX-5", "Zoral Inc. today provided an update. The "
     "company resubmitted its New Drug Application in December 2024; the agency has not yet "
     "accepted the application for review, and Zoral expects to learn whether the filing is "
     "accepted by April.", "2025-03-03", "NONE", "none"),
    # a regulator's full name holds no device ("... Agency of Medicines and Medical Devices")
    ("Zoral Concludes Decentralised Procedure for ZORVEX", "Zoral S.A. reports that the Spanish "
     "Agency of Medicines and Medical Devices (AEMPS) has granted the Spanish marketing "
     "authorisation for ZORVEX tablets.", "2025-03-03", "OTHER", "approval"),
    # "the Commission" of a release that names the European Commission
    ("Zoral Receives EU Orphan Designation for ZRX-5", "Zoral AB today announced that the "
     "Commission has granted orphan medicinal product designation to ZRX-5, following a positive "
     "opinion of the COMP in January. The designation by the European Commission brings ten "
     "years of market exclusivity after approval.", "2025-03-03", "EC", "designation"),
    # silence, a determination, a declined certificate, a terminated appraisal, a non-approval
    ("Zoral Biopharma Provides Pipeline Update", "The Board of Zoral Biopharma is pleased to "
     "announce that the Center for Drug Evaluation (CDE) of the National Medical Products "
     "Administration (NMPA) did not raise any objection or query within 60 working days on the "
     "clinical trial of ZRX-5.", "2025-03-03", "NMPA", "trial_authorization"),
    ("Zoral Instruments Announces FDA Substantial Equivalence Determination for ZORSCAN", "Zoral "
     "Instruments, Inc. today announced that the U.S. Food and Drug Administration has determined "
     "that the ZORSCAN sensor is substantially equivalent to a legally marketed predicate "
     "device.", "2025-03-03", "FDA", "clearance"),
    ("Zoral Medizintechnik announces notified body decision on ZORSCAN", "Zoral Medizintechnik AG "
     "informs that its notified body has declined to issue an EU MDR certificate for the ZORSCAN "
     "implant.", "2025-03-03", "NOTIFIED_BODY", "refusal"),
    ("NICE terminates appraisal of ZORVEX", "Zoral Pharma Ltd notes that the National Institute "
     "for Health and Care Excellence has published a terminated appraisal for ZORVEX.",
     "2025-03-03", "NICE", "other"),
    ("[Disclosure] MFDS Decision on Product Approval Application for ZRX-5", "Zoral Pharm Co., "
     "Ltd. hereby discloses that the Ministry of Food and Drug Safety (MFDS) has notified the "
     "Company of non-approval of its product approval application for ZRX-5.", "2025-03-03",
     "OTHER", "refusal"),
    ("Zoral Vascular Receives Conditional IDE Approval to Begin Pivotal Trial", "Zoral Vascular, "
     "Inc. today announced that the U.S. Food and Drug Administration has approved with "
     "conditions its Investigational Device Exemption application for the pivotal ZORA-SAFE study.",
     "2025-03-03", "FDA", "trial_authorization"),
    ("Zoral Diagnostics Provides Update on 510(k) Submission for ZORSCAN", "Zoral Diagnostics, "
     "Inc. today announced that its 510(k) premarket notification for ZORSCAN has been withdrawn, "
     "as the Company was unable to answer the FDA's additional information request within 180 "
     "days.", "2025-03-03", "FDA", "withdrawal"),
    # hearsay and denials are no act; neither is a report's topic
    ("Clarification Announcement", "The board of "
     "Zoral Biopharm has noted certain media reports alleging that the NMPA has rejected the new "
     "drug application for ZRX-5.", "2025-03-03", "NONE", "none"),
    ("[Response to Inquiry Disclosure] Regarding Press Report on Withdrawal of US Application",
     "Zoral Biologics hereby discloses that the Company has not withdrawn its Biologics License "
     "Application for ZRX-5 submitted to the U.S. FDA.", "2025-03-03", "NONE", "none"),
    # past perfect across a regulator's long name; a recent act highlighted in other news
    ("Notice Regarding Approval for Manufacturing and Marketing of ZORVEX Capsules in Japan",
     "Zoral Pharmaceutical Co., Ltd. hereby announces that it has obtained approval on March 3, "
     "2025 from the Ministry of Health, Labour and Welfare (MHLW) for manufacturing and marketing "
     "of ZORVEX Capsules. This approval builds on the orphan drug designation granted by MHLW in "
     "June 2021, and the application had been reviewed by the Pharmaceuticals and Medical Devices "
     "Agency (PMDA) under priority review.", "2025-03-03", "PMDA", "approval"),
    ("Zoral Reports Fourth Quarter 2024 Financial Results and Highlights Recent FDA Approval of "
     "ZORVEX", "Zoral Biosciences, Inc. today reported financial results for the fourth quarter. "
     "On February 24, the FDA approved ZORVEX for adults with vasomotor symptoms.", "2025-03-03",
     "NONE", "none"),
    ("Notice Regarding Revision of Precautions for ZORVEX Tablets Following MHLW Instruction",
     "Zoral Seiyaku announces that on February 28, 2025, the Ministry of Health, Labour and "
     "Welfare (MHLW) instructed the revision of the Precautions section of the package insert of "
     "ZORVEX Tablets.", "2025-03-03", "PMDA", "other"),
    ("Zoral Licenses U.S. Rights to ZORVEX", "Zoral Pharma today announced an exclusive license "
     "agreement for ZORVEX in the United States. ZORVEX was approved by China's National Medical "
     "Products Administration last year; Zoral plans to discuss the U.S. development path with "
     "the FDA at a pre-IND meeting later this year.", "2025-03-03", "NONE", "none"),
])
def test_regulators_words_asides_and_headline_recaps(headline: str, lead: str, published: str,
                                                     agency: str, decision: str) -> None:
    summary = _release(headline, lead, published)
    assert _codes(summary) == (agency, decision)


@pytest.mark.parametrize(("sentence", "decision"), [
    ("The orphan status was confirmed by the COMP at the time of the opinion.", "designation"),
    ("ZORVEX has been authorised in the European Union since 2020.", "approval"),
    ("ZRX-5 received IND approval from the MFDS last year.", "trial_authorization"),
    # the regulator's abbreviation in brackets, country and all, ends no clause
    ("ZORVEX was approved by the U.S. Food and Drug Administration (U.S. FDA) on May 2, 2023 "
     "for adults.", "approval"),
], ids=["at-the-time-of", "since-a-year", "last-year", "abbreviation-with-country"])
def test_an_act_dated_by_another_act_or_a_year_past_is_background(sentence: str,
                                                                   decision: str) -> None:
    text = ("Zoral Therapeutics Provides Update\n\nLEIDEN, 3 March 2025 -- The European Commission "
            f"has granted marketing authorisation for ZORVEX today. {sentence}\n")
    view = read_release(load(text, published=dt.date(2025, 3, 3)))
    cues = [c for c in view.cues if c.hit.decision == decision and c.sentence.text == sentence]
    assert cues and all(c.background for c in cues)


@pytest.mark.parametrize(("dated", "background"), [
    ("on September 26, 2024", True), ("in August 2024", True), ("on November 4, 2024", False),
], ids=["in-the-quarter", "month-in-the-quarter", "after-the-quarter"])
def test_an_act_dated_within_the_reported_period_is_that_periods(dated: str,
                                                                 background: bool) -> None:
    text = ("Tessarine Reports Third Quarter 2024 Financial Results\n\nWALTHAM, Mass., Nov. 7, "
            "2024 -- Tessarine Therapeutics, Inc. today reported financial results for the third "
            f"quarter ended September 30, 2024.\n\n- The FDA lifted the clinical hold on TSR-41 "
            f"{dated}.\n")
    view = read_release(load(text, published=dt.date(2024, 11, 7)))
    assert view.period_end == dt.date(2024, 9, 30)
    assert [c.background for c in view.cues if c.hit.decision == "hold_lifted"] == [background]


@pytest.mark.parametrize(("headline", "lead", "agency", "decision"), [
    # a hold denied, a trial clearance only expected, a competition clearance
    ("Zoral Oncology Pauses Dosing in ZR-7 Study", "Zoral Oncology, Inc. today announced that it "
     "has paused new enrolment in its Phase 1 study of ZR-7 after a serious adverse event. The "
     "FDA has not placed the study on clinical hold.", "NONE", "none"),
    ("Zoral Group Completes Review of Its Offer", "With clearance from the European Commission's "
     "competition directorate received, the acquisition of Zoral Pharma is expected to close "
     "next week.", "NONE", "none"),
    # recommendations against a medicine's use or funding, in their bodies' words
    ("EMA Safety Committee Recommends Restricting Use of ZORVEX", "The EMA's Pharmacovigilance "
     "Risk Assessment Committee (PRAC) has recommended that ZORVEX no longer be used in patients "
     "with severe renal impairment.", "EMA", "other"),
    ("SMC Says No to ZORVEX", "The Scottish Medicines Consortium has not recommended ZORVEX "
     "(zoralimab) for use within NHSScotland in moderate plaque psoriasis, Zoral Pharma said "
     "today.", "OTHER", "negative_opinion"),
    ("Expert Panel Declines to Back Zoral's ZRX-5 Without Local Data", "The Subject Expert "
     "Committee of the Central Drugs Standard Control Organisation (CDSCO) has not recommended "
     "the grant of marketing permission for ZRX-5, according to the minutes of its meeting.",
     "OTHER", "negative_opinion"),
    # today's act told by its day in an aside or after its abbreviation
    ("Zoral Pharma Announces Restructuring", "Zoral Pharma, Inc. today announced a restructuring "
     "after receiving a Complete Response Letter (CRL) yesterday from the U.S. Food and Drug "
     "Administration for its NDA for ZRX-5.", "FDA", "complete_response"),
    ("Zoral Therapeutics to Host Conference Call Today", "Zoral Therapeutics will host a "
     "conference call and webcast at 8:30 a.m. ET to discuss the U.S. Food and Drug "
     "Administration's approval, received late yesterday, of ZORVEX for adults with migraine.",
     "FDA", "approval"),
    # a regulator acting after its defined name in quotes; trials named by their phase
    ("VOLUNTARY ANNOUNCEMENT", "The board of Zoral Biopharma (the \"Company\") is pleased to "
     "announce that the National Medical Products Administration of the PRC (the \"NMPA\") has "
     "approved the new drug application for ZRX-5.", "NMPA", "approval"),
    ("Zoral Bio Receives MFDS Approval for Phase 1 Trial of ZRX-5", "Zoral Bio said on the 3rd "
     "that the Ministry of Food and Drug Safety (MFDS) approved the investigational new drug (IND) "
     "application for a Phase 1 clinical trial of ZRX-5.", "OTHER", "trial_authorization"),
    # regulators by their full names
    ("ZORVEX Approved in Hong Kong", "Zoral Biopharma announces that the Department of Health of "
     "the Hong Kong Special Administrative Region has approved the registration of ZORVEX, "
     "supported by its approval by the National Medical Products Administration in May 2023.",
     "OTHER", "approval"),
    ("ANMAT Approves Zoral's Biosimilar", "Laboratorio Zoral announced that the National "
     "Administration of Drugs, Foods and Medical Devices (ANMAT) has authorised the registration "
     "of ZORVIS, a biosimilar of adalimumab.", "OTHER", "approval"),
    # the company's board approves, not a regulator
    ("Outcome of Board Meeting held on March 3, 2025", "Zoral Pharma Limited informs that the "
     "Board of Directors at its meeting held today approved the financial results for the quarter "
     "and approved the filing of an application with the Drugs Controller General of India "
     "(DCGI) for marketing permission of ZRX-5.", "NONE", "none"),
    # a regulator's own recall types; a trial allowed by silence; a submission filed
    ("Zoral Generics Recalls ZORVEX Tablets", "Zoral Generics Inc. announced today that, at the "
     "request of Health Canada, it is recalling three lots of ZORVEX tablets. Health Canada has "
     "classified the recall as Type II.", "HEALTH_CANADA", "other"),
    ("Zoral Genomics Completes PMDA Review of Clinical Trial Notification", "Zoral Genomics today "
     "announced that the 30-day review period for its Clinical Trial Notification to the "
     "Pharmaceuticals and Medical Devices Agency (PMDA) has concluded without objection.",
     "PMDA", "trial_authorization"),
    ("Zoral Pharma Files in Canada", "Zoral Pharma Canada today announced that it has filed a "
     "Supplemental New Drug Submission with Health Canada for ZORVEX.", "HEALTH_CANADA",
     "submission"),
    # designations worded at length or without an article
    ("Zoral Bio's ZRX-5 Designated in Korea", "The Ministry of Food and Drug Safety (MFDS) has "
     "designated Zoral Bio's ZRX-5 (zoralase alfa), an enzyme replacement candidate for a rare "
     "lysosomal storage disorder that affects young children and adolescents, as an orphan drug, "
     "the company said on the 3rd.", "OTHER", "designation"),
    ("Notice Regarding Designation of ZRX-5 in Japan", "ZRX-5 has been designated today by the "
     "Ministry of Health, Labour and Welfare as a specified-use drug (pediatric use) for "
     "infantile spasms.", "PMDA", "designation"),
    # a study published, with the product's approvals as a standing state
    ("Study of ZORVEX Published in Peer-Reviewed Journal", "Zoral Biosciences today announced "
     "publication of a real-world study of ZORVEX in 3,000 patients. ZORVEX is approved by the "
     "FDA and the European Commission.", "NONE", "none"),
], ids=["hold-not-placed", "competition-directorate", "prac-no-longer",
        "smc-not-recommended", "panel-declines", "crl-yesterday", "approval-received-yesterday",
        "defined-name", "phase-1-trial", "hong-kong", "anmat", "board-meeting",
        "health-canada-recall", "ctn-silence", "snds-filed", "orphan-at-length",
        "specified-use", "publication"])
def test_round_ten_wordings(headline: str, lead: str, agency: str, decision: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert _codes(summary) == (agency, decision)


def test_a_halt_of_sales_is_no_clinical_hold() -> None:
    summary = _release("Zoral Pharmaceutical Ordered to Halt Sales of Cefazolin Injection After "
                       "NMPA Inspection",
                       "The National Medical Products Administration (NMPA) has issued a notice "
                       "requiring Zoral Pharmaceutical to suspend production and sales of its "
                       "cefazolin injection after an inspection.", "2025-03-03")
    assert _decision(summary) != "clinical_hold"


def test_a_trial_clearance_only_expected_is_none_granted() -> None:
    summary = _release("Zoral Bio Provides Update on ZRX-9", "Zoral Bio said it has submitted the "
                       "IND to the US FDA and expects clearance within 30 days, ahead of a first "
                       "dose in the second quarter.", "2025-03-03")
    assert _decision(summary) != "trial_authorization"


@pytest.mark.parametrize(("headline", "lead", "agency", "decision"), [
    # an IND cleared with a possessive between ("the company's"), a headline's "clears IND"
    ("Zoral Bio: FDA Clears IND for ZRX-5", "Zoral Bio Limited is pleased to advise that the US "
     "Food and Drug Administration has cleared the company's Investigational New Drug application "
     "for ZRX-5 in glioblastoma.", "FDA", "trial_authorization"),
    # a translated term glossed in brackets after the verb
    ("Zoral Farmaceutica: Registration of ZORVEX Rejected", "Zoral Farmaceutica S.A. informs the "
     "market that Brazil's National Health Surveillance Agency (ANVISA) has rejected (indeferido) "
     "the registration application for ZORVEX.", "OTHER", "refusal"),
    # the MHRA's recalls in its own words
    ("Zoral Generics Recalls Two Batches of ZORVEX", "The Medicines and Healthcare products "
     "Regulatory Agency (MHRA) has today issued a Class 2 Medicines Recall for two batches of "
     "ZORVEX 40 mg tablets marketed by Zoral Generics Ltd.", "MHRA", "other"),
    # no regulator named: the instrument names the one that acted
    ("Zoral Spine Withdraws PMA Supplement for ZORVEX", "Zoral Spine, Inc. today announced that it "
     "has withdrawn its PMA supplement seeking to expand the indication of the ZORVEX disc.",
     "FDA", "withdrawal"),
    # a product on the market restricted
    ("Zoral Medical: TGA Imposes New Conditions on ZORVEX Implant", "Zoral Medical Limited advises "
     "that the Therapeutic Goods Administration (TGA) has imposed new conditions on the ARTG entry "
     "for the ZORVEX implant, restricting its supply to trained prescribers.", "TGA", "other"),
    # a faster procedure granted for an application to come
    ("Zoral Therapeutics Granted Swissmedic Fast-Track Procedure", "Zoral Therapeutics AG "
     "announces that Swissmedic has approved its request for the fast-track authorisation "
     "procedure for ZRX-5 in pulmonary hypertension.", "OTHER", "designation"),
    # Canada's notice of deficiencies found in review: short of a decision
    ("Zoral Pharma Receives Notice of Deficiency from Health Canada", "Zoral Pharma Inc. today "
     "announced that it has received a Notice of Deficiency (NOD) from Health Canada regarding its "
     "New Drug Submission for ZORVEX. Once a response is filed, Health Canada will review it and "
     "either issue a Notice of Compliance (NOC) or a Notice of Non-Compliance.",
     "HEALTH_CANADA", "regulatory_feedback"),
    # a review period passed without a hold: the trial may go ahead
    ("Zoral Bio Provides Regulatory Update", "On March 1, 2025, the 30-day review period for "
     "the Investigational New Drug application for ZRX-5 expired without the U.S. Food and Drug "
     "Administration imposing a clinical hold, and the IND is now in effect.", "FDA",
     "trial_authorization"),
    # a trial's authorisation suspended: a hold in the regulator's words
    ("Zoral Bio plc - MHRA Notice on ZRX-5", "Zoral Bio plc announces that the Medicines and "
     "Healthcare products Regulatory Agency (MHRA) has issued a notice suspending the clinical "
     "trial authorisation for its Phase 1 study of ZRX-5.", "MHRA", "clinical_hold"),
    # a trial application refused in the member states' decisions
    ("Zoral Therapeutics: Trial Application for ZRX-5 Not Authorised", "Zoral Therapeutics S.p.A. "
     "announces that the Member States concerned, with the Italian Medicines Agency (AIFA) as "
     "reporting Member State, issued decisions refusing authorisation of its Phase 2 trial of "
     "ZRX-5.", "OTHER", "refusal"),
    # an application described at length before "has been accepted"
    ("NEW DRUG APPLICATION FOR ZRX-5 ACCEPTED BY THE NMPA AND GRANTED PRIORITY REVIEW", "The "
     "Board is pleased to announce that the new drug application "
     "(the \"NDA\") for zoralitinib (ZRX-5), a Core Product of the Company, for the treatment of "
     "adult patients with locally advanced or metastatic non-small cell lung cancer harbouring "
     "EGFR exon 20 insertion mutations whose disease has progressed on or after platinum-based "
     "chemotherapy, has been accepted by the National Medical Products Administration (the "
     "\"NMPA\") and has been granted priority review.", "NMPA", "filing_accepted"),
    # an act narrated as what the news came after, a week before it: the financing's background
    ("Zoral Therapeutics Closes $120 Million Private Placement", "Zoral Therapeutics N.V. today "
     "announced the closing of its private placement of $120 million. The financing follows the "
     "positive opinion adopted by the CHMP on February 24, 2025 recommending approval of ZORVEX.",
     "NONE", "none"),
], ids=["ind-possessive", "bracketed-gloss", "mhra-recall", "pma-no-regulator-named",
        "tga-conditions", "swissmedic-fast-track", "notice-of-deficiency", "ind-in-effect",
        "cta-suspended", "ctr-refused", "accepted-after-long-description",
        "narrated-week-before"])
def test_round_eleven_wordings(headline: str, lead: str, agency: str, decision: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert _codes(summary) == (agency, decision)


@pytest.mark.parametrize(("day", "background"), [("March 2", False), ("March 1", False),
                                                  ("February 27", True), ("February 24", True)])
def test_an_act_narrated_as_what_came_before_is_news_only_days_before(day: str,
                                                                     background: bool) -> None:
    text = ("Zoral Health Launches ZORVEX Monitor in the United States\n\nMINNEAPOLIS, March 3, "
            "2025 -- Zoral Health, Inc. today announced the U.S. launch of the ZORVEX monitor. The "
            "launch comes after the U.S. Food and Drug Administration (FDA) cleared the Company's "
            f"510(k) premarket notification for ZORVEX on {day}, 2025.\n")
    view = read_release(load(text, published=dt.date(2025, 3, 3)))
    cues = [c for c in view.cues if c.hit.decision == "clearance"]
    assert cues and all(c.background is background for c in cues)


def test_a_notice_of_deficiency_withdrawal_is_no_feedback() -> None:
    summary = _release("Zoral Pharma Receives Notice of Deficiency – Withdrawal Letter",
                       "Health Canada has issued a Notice of Deficiency – Withdrawal (NOD/W) for "
                       "the New Drug Submission for ZORVEX, as the response to the earlier notice "
                       "did not resolve the quality concerns. The submission is therefore not "
                       "approved.", "2025-03-03")
    assert _decision(summary) != "regulatory_feedback"


def test_an_instrument_names_its_regulator_only_when_none_is_named() -> None:
    from summarizer.tasks.regulatory.vocabulary import VOCABULARY

    assert VOCABULARY.instrument_owner("withdrew its PMA supplement") == "FDA"
    assert VOCABULARY.instrument_owner("filed a New Drug Submission") == "HEALTH_CANADA"
    assert VOCABULARY.instrument_owner("its PMA and its NDS") is None  # two regulators' words
    assert VOCABULARY.instrument_owner("submitted its marketing application") is None
    summary = _release("Zoral Medical Withdraws ZORVEX Application", "Zoral Medical today "
                       "announced that it has withdrawn its PMA application for ZORVEX from the "
                       "Korean Ministry of Food and Drug Safety (MFDS).", "2025-03-03")
    assert summary.outcome is not None and summary.outcome.agency == "OTHER"  # a named one acts


@pytest.mark.parametrize(("headline", "lead", "direction"), [
    ("Zoral Pharma Takes Note of PRAC Recommendation on ZORVEX", "Zoral Pharma SA today takes note "
     "of the recommendation of the EMA's Pharmacovigilance Risk Assessment Committee (PRAC) to "
     "suspend the marketing authorisations of ZORVEX. Zoral remains convinced of the medicine's "
     "value and will ask for a re-examination.", "unfavorable"),
    ("Zoral Generics Provides Update on Generic ZORVEX", "Zoral Generics, Inc. "
     "today announced that the U.S. Food and Drug Administration has granted tentative approval "
     "to its Abbreviated New Drug Application for zorvetinib tablets. Final approval is blocked "
     "by patent litigation, which the company lost at first instance, and launch is delayed "
     "until the patents expire.", "favorable"),
], ids=["suspension", "tentative-approval"])
def test_an_other_acts_wording_gives_its_direction(headline: str, lead: str,
                                                   direction: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert summary.outcome is not None and summary.outcome.decision == "other"
    assert summary.outcome.direction == direction


@pytest.mark.parametrize(("vote", "direction"), [
    ("voted 9 to 4 that the benefits of ZORVEX do not outweigh its risks", "unfavorable"),
    ("voted 5 to 11 against the question of whether the benefits of ZORVEX outweigh its risks",
     "unfavorable"),
    ("voted 10 to 3 that the data provide substantial evidence of effectiveness; the members who "
     "voted against cited a single pivotal trial and liver enzyme elevations", "favorable"),
    ("voted 8-5 in favor of approval", "favorable"),
    ("voted 7 to 6 that the benefits outweigh the risks, while voting 4 to 9 on the adequacy of "
     "the long-term data", "favorable"),
], ids=["do-not-outweigh", "minority-first-against", "minority-cited", "in-favor",
        "benefit-risk-vote"])
def test_a_votes_count_gives_its_direction(vote: str, direction: str) -> None:
    summary = _release("Zoral Provides Update on FDA Advisory Committee Meeting for ZORVEX",
                       "Zoral Therapeutics, Inc. today announced that the FDA's Cardiovascular "
                       f"and Renal Drugs Advisory Committee {vote}.", "2025-03-03")
    assert summary.outcome is not None and summary.outcome.decision == "advisory_vote"
    assert summary.outcome.direction == direction


# the twelfth catalogue round's tune misses, each in fresh words (and guards beside them)
@pytest.mark.parametrize(("headline", "lead", "agency", "decision"), [
    # Japan's minister signs the designation
    ("Orphan Drug Designation Granted in Japan for ZRX-5", "Zoral Pharma K.K. announced that ZRX-5 "
     "received orphan drug designation from the Minister of Health, Labour and Welfare on March "
     "2.", "PMDA", "designation"),
    # COFEPRIS by its full English name: "Risks" in a name is no hedge
    ("Zoral Medica Obtains Mexican Registration for ZORVEX Pump", "Zoral Medica S.A. de C.V. "
     "announced that the Federal Commission for the Protection against Sanitary Risks (COFEPRIS) "
     "granted the sanitary registration for its ZORVEX insulin pump as a Class II medical device.",
     "OTHER", "clearance"),
    # designated "as a ... product" after a name with a hyphen and a bracket
    ("Korea's MFDS Selects ZRX-5 for Fast-Track Review", "Zoral Bio said the Ministry of Food and "
     "Drug Safety has designated its candidate ZRX-5 (zoralimab) as a GIFT (Global Innovative "
     "products on Fast Track) product.", "OTHER", "designation"),
    # the UK's provisional no
    ("Zoral Pharma plc - Update on MHRA Review of ZORVEX", "Zoral Pharma plc announces that the "
     "Medicines and Healthcare products Regulatory Agency has informed it that the Commission on "
     "Human Medicines is not minded to recommend the grant of a UK marketing authorisation for "
     "ZORVEX.", "MHRA", "negative_opinion"),
    # a review's time limit extended, the words far apart
    ("Announcement on Extension of Technical Review Period for ZRX-5", "Zoral Pharmaceutical Co., "
     "Ltd. announces that the Center for Drug Evaluation of the National Medical Products "
     "Administration has informed it that the review time limit for the marketing application of "
     "ZRX-5 capsules in chronic gout has been extended.", "NMPA", "review_extension"),
    # a regulator agreeing to a stopped trial's resumption
    ("Announcement on Resumption of Clinical Trial of ZRX-5", "Zoral Pharmaceutical Co., Ltd. "
     "announces that the National Medical Products Administration has agreed to the resumption "
     "of the Phase 1 trial of ZRX-5, suspended in 2024.", "NMPA", "hold_lifted"),
    # "Non-Approval": a word's own negative
    ("Announcement Regarding Notice of Non-Approval of Clinical Trial Application for ZRX-5",
     "Zoral Pharmaceutical Co., Ltd. announces that it has received a notice from the National "
     "Medical Products Administration that its application for a trial of ZRX-5 was not approved.",
     "NMPA", "refusal"),
    # an 8-K's cover title is no other news; "refusing to file"
    ("Zoral Therapeutics, Inc. - Current Report on Form 8-K - Item 8.01 Other Events",
     "On March 1, 2025, Zoral Therapeutics, Inc. received a letter from the U.S. Food and Drug "
     "Administration stating that the FDA is refusing to file its New Drug Application for "
     "ZORVEX.", "FDA",
     "refusal_to_file"),
    # a boxed warning the FDA requires; the company's deadline is no submission today
    ("Zoral Pharmaceuticals Statement on FDA-Required Boxed Warning for ZORVEX", "Zoral "
     "Pharmaceuticals, Inc. said the U.S. Food and Drug Administration has notified it that a "
     "Boxed Warning about serious liver injury must be added to the prescribing information for "
     "ZORVEX. Zoral has 30 days to submit the labeling supplement.", "FDA", "other"),
    # a resubmission acknowledged as a complete, Class 2 response
    ("Zoral Announces FDA Acknowledgment of Class 2 Resubmission of ZORVEX NDA", "Zoral "
     "Therapeutics, Inc. today announced that the FDA has acknowledged receipt of its resubmission "
     "and considers it a complete, Class 2 response to the complete response letter.", "FDA",
     "filing_accepted"),
    # news not received, and a date that stays
    ("Zoral Pharma AG Comments on Market Rumours", "Zoral Pharma AG confirms that it has not "
     "received any notification from the U.S. Food and Drug Administration of an extension of the "
     "review of its New Drug Application for ZORVEX. The PDUFA goal date remains 22 March 2025.",
     "NONE", "none"),
    # the FDA's advisory committee recommends by vote; another country's committee by opinion
    ("FDA Advisory Committee Recommends Approval of ZORVEX", "Zoral Therapeutics, Inc. today "
     "announced that the FDA's Dermatologic and Ophthalmic Drugs Advisory Committee voted 11 to 1 "
     "in favor of approving ZORVEX cream.", "FDA", "advisory_vote"),
    ("Zoral Biologics: PBAC Outcome for ZORVEX", "Zoral Biologics Ltd advises that the "
     "Pharmaceutical Benefits Advisory Committee did not recommend the PBS listing of ZORVEX at "
     "its meeting.", "OTHER", "negative_opinion"),
    # a review extended, in the passive, and a goal date extended in a headline
    ("PDUFA Date for ZORVEX BLA Extended to June 2025", "The review of the Biologics License "
     "Application for ZORVEX (zoralimab) in lupus nephritis has been extended by the U.S. Food and "
     "Drug Administration, Zoral Bio, Inc. announced today.", "FDA", "review_extension"),
    # a regulator agreeing to extend a clock stop: the extension is the news, not "agreed to"
    ("Zoral Biotech: TGA Agrees Extended Timeframe", "Zoral Biotech Limited advises that the "
     "Therapeutic Goods Administration has agreed to extend the clock-stop period in its "
     "evaluation of the registration application for ZORVEX.", "TGA", "review_extension"),
    # the PRAC's safety recommendation endorsed by the CHMP; a label update it recommends
    ("Zoral Pharma: CHMP Endorses PRAC Recommendation on ZORVEX", "Zoral Pharma B.V. informs that "
     "the CHMP has endorsed the recommendation of the Pharmacovigilance Risk Assessment Committee "
     "(PRAC) that ZORVEX must not be used in patients with severe renal impairment.", "EMA",
     "other"),
    ("Zoral Pharma Provides Safety Update on ZORVEX", "Zoral Pharma plc announces that the PRAC of "
     "the European Medicines Agency has concluded its assessment of a signal and recommended an "
     "update to the product information of ZORVEX. The PRAC did not recommend any restriction of "
     "the indication.", "EMA", "other"),
    # a programme's progress report is no other news
    ("Zoral Bio - Progress Report on ZRX-5 Programme", "Zoral Bio Limited is pleased to advise "
     "that the Therapeutic Goods Administration (TGA) has granted orphan drug designation to "
     "ZRX-5.",
     "TGA", "designation"),
    # a site's GMP certificate
    ("Zoral Biologics Limited - Outcome of Regulatory Inspection", "Zoral Biologics Limited "
     "informs the exchanges that Brazil's National Health Surveillance Agency (ANVISA) has issued "
     "a Certificate of Good Manufacturing Practices to its Pune facility.", "OTHER", "other"),
    # a law's name is no device; a shunt is one
    ("Notice Regarding Approval in Japan of ZORVEX Tablets", "Zoral Pharmaceutical Co., Ltd. "
     "announces that the Ministry of Health, Labour and Welfare granted approval under the Act on "
     "Pharmaceuticals and Medical Devices for ZORVEX tablets for gout.", "PMDA", "approval"),
    ("Notice Regarding Approval of ZORVEX Micro-Shunt in Japan", "Zoral Ophthalmics Co., Ltd. "
     "announces that it has acquired manufacturing and marketing approval under the "
     "Pharmaceuticals and Medical Devices Act for its ZORVEX glaucoma micro-shunt.", "PMDA",
     "clearance"),
    # "the Commission" once the EMA's committee is named: the body that takes its decisions
    ("Zoral Therapeutics Granted EU Orphan Designation for ZRX-5", "Zoral Therapeutics AB today "
     "announced that the Commission has granted orphan medicinal product designation to ZRX-5 for "
     "the treatment of Wilson's disease, following a positive COMP opinion in January.", "EC",
     "designation"),
], ids=["minister-designation", "cofepris-full-name", "designated-as-product", "not-minded-to",
        "review-time-limit", "agreed-to-resumption", "non-approval", "8-k-cover-title",
        "boxed-warning-required", "class-2-acknowledged", "not-received-any-notification",
        "fda-adcom-recommends", "pbac-did-not-recommend", "review-extended-passive",
        "agreed-to-extend-clock-stop", "chmp-endorses-prac", "prac-label-update",
        "progress-report-title", "gmp-certificate", "pmd-act-drug", "pmd-act-shunt",
        "commission-after-comp"])
def test_round_twelve_wordings(headline: str, lead: str, agency: str, decision: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert _codes(summary) == (agency, decision)



#: round thirteen of the catalogue and the sixteenth stress batch's tune half: wordings read
#: right in their general form (each fails on 17e0147 but the TGA guard)
@pytest.mark.parametrize(("headline", "lead", "agency", "decision", "published"), [
    # "the U.S. FDA of the Voluntary ..." in a notice's title is the US FDA, not another
    # country's
    ("Zoral Medical Co., Ltd.", "Notice Regarding Classification by the U.S. FDA of the "
     "Voluntary Field Correction of ZORVEX Infusion Pumps\n\nZoral Medical Co., Ltd. announces "
     "that the U.S. Food and Drug Administration has classified the voluntary correction of its "
     "ZORVEX infusion pump as a Class II recall.", "FDA", "other", "2025-03-03"),
    # a test that selects the patients is no device approved
    ("ANVISA Approves ZORVEX for KRAS G12C-Mutated Colorectal Cancer", "Zoral Oncology SA "
     "announced that Brazil's ANVISA has approved ZORVEX for adults with colorectal cancer whose "
     "tumours carry a KRAS G12C mutation, as determined by a validated test.", "OTHER",
     "approval", "2025-03-03"),
    # an application's long description before "has been accepted by"
    ("Voluntary Announcement - Regulatory Progress of ZRX-12", "The Board is pleased to announce "
     "that the new drug application for the Company's in-house developed ZRX-12 for the "
     "treatment of adult patients with relapsed or refractory peripheral T-cell lymphoma who "
     "have received at least one prior line of systemic therapy including a CHOP-based regimen "
     "has been accepted by the National Medical Products Administration of China.", "NMPA",
     "filing_accepted", "2025-03-03"),
    # a ministry that "designates" under a designation system
    ("MHLW Designates Zoral's ZRX-5 Under the SAKIGAKE Designation System", "The Ministry of "
     "Health, Labour and Welfare has designated ZRX-5, a gene therapy being developed by Zoral "
     "Co., Ltd. (TSE Growth: 4999), under the SAKIGAKE Designation System for Wilson's disease.",
     "PMDA", "designation", "2025-03-03"),
    ("Saudi FDA Grants Breakthrough Medicine Designation to ZRX-5", "Zoral Arabia announced that "
     "the Saudi Food and Drug Authority has granted Breakthrough Medicine designation to ZRX-5 "
     "for Wilson's disease.", "OTHER", "designation", "2025-03-03"),
    ("Zoral Farma Obtains Favourable Opinion From COFEPRIS Committee", "Zoral Farma informs that "
     "the New Molecules Committee of COFEPRIS issued a favourable technical opinion on ZORVEX "
     "for gout.", "OTHER", "positive_opinion", "2025-03-03"),
    ("Zoral Farma receives Anvisa technical requirement on ZORVEX registration", "Zoral Farma "
     "S.A. disclosed that Brazil's Anvisa has issued a technical requirement in the review of "
     "its registration application for ZORVEX, requesting additional stability data.", "OTHER",
     "regulatory_feedback", "2025-03-03"),
    # "as an aid" is no model addressed ("as an AI"): the paragraph is news
    ("Zoral Digital Announces Regulatory Milestone for ZORVEX Software", "Zoral Digital, Inc. "
     "today provided an update on ZORVEX. The U.S. Food and Drug Administration has granted the "
     "company's De Novo classification request, authorizing ZORVEX as a Class II device for use "
     "as an aid in early sepsis identification.", "FDA", "clearance", "2025-03-03"),
    # an act's "as a ..." does not end its clause: the date after it dates the act
    ("Zoral Medical Granted U.S. Patent for ZORVEX Dosing Algorithm", "Zoral Medical, Inc. today "
     "announced that the United States Patent and Trademark Office has issued a patent covering "
     "the ZORVEX dosing algorithm. ZORVEX received FDA 510(k) clearance as an insulin dosing "
     "controller in November 2020.", "NONE", "none", "2021-06-15"),
    # the FDA not approving in plain words is its complete response; another regulator's, a
    # refusal; an IDE disapproved, a refusal
    ("FDA declines to approve Zoral's ZORVEX", "The U.S. Food and Drug Administration has "
     "declined to approve Zoral Therapeutics' ZORVEX for gout and asked for an additional "
     "trial.", "FDA", "complete_response", "2025-03-03"),
    ("TGA declines to register Zoral's ZORVEX", "The Therapeutic Goods Administration has "
     "declined to approve Zoral Therapeutics' ZORVEX for gout.", "TGA", "refusal", "2025-03-03"),
    ("Zoral Neuro Says FDA Disapproved IDE for ZORVEX Study", "Zoral Neuro, Inc. disclosed that "
     "the U.S. Food and Drug Administration has disapproved its investigational device "
     "exemption application for a pivotal study of ZORVEX.", "FDA", "refusal", "2025-03-03"),
    ("ZORVEX assay authorized by FDA through De Novo pathway", "Zoral Diagnostics' ZORVEX "
     "antibody assay has been granted marketing authorization by the FDA through the De Novo "
     "pathway, the company said Tuesday.", "FDA", "clearance", "2025-03-05"),
    ("Zoral Dental plc - UKCA certification for ZORVEX implant", "Zoral Dental plc is pleased to "
     "announce that BSI Assurance UK Ltd, acting as UK Approved Body, has granted UKCA "
     "certification for its ZORVEX dental implant system.", "OTHER", "clearance", "2025-03-03"),
    ("Zoral Medical Obtains Class II Registration for ZORVEX From Zhejiang Provincial Regulator",
     "Zoral Medical Co., Ltd. announced that the Zhejiang Medical Products Administration has "
     "issued a Class II medical device registration certificate for its ZORVEX compression "
     "device.", "OTHER", "clearance", "2025-03-03"),
    # a marketing application put on hold is no clinical hold
    ("Zoral Health Provides Regulatory Update", "Zoral Health, Inc. disclosed that the U.S. Food "
     "and Drug Administration has placed the PMA application for its ZORVEX pump on hold by "
     "issuing a major deficiency letter.", "FDA", "regulatory_feedback", "2025-03-03"),
    # a regulator named in a relative clause on the subject does not act in the main clause
    ("Voluntary Announcement - ZORVEX Receives 510(k) Clearance from the U.S. FDA", "The Board "
     "announces that the Company's ZORVEX stent, which obtained its NMPA registration "
     "certificate in June 2023 and certification under the EU MDR in 2024, received 510(k) "
     "clearance from the U.S. Food and Drug Administration on 17 November 2025.", "FDA",
     "clearance", "2025-11-18"),
], ids=["us-fda-of-the-title", "selecting-test", "long-subject-accepted", "sakigake-designates",
       "breakthrough-medicine", "favourable-technical-opinion", "technical-requirement",
       "as-an-aid", "clearance-as-a-dated", "fda-declined-to-approve", "tga-declined-to-approve",
       "ide-disapproved", "de-novo-pathway", "ukca-certification", "provincial-regulator",
       "application-on-hold", "regulator-in-relative-clause"])
def test_round_thirteen_wordings(headline: str, lead: str, agency: str, decision: str,
                                 published: str) -> None:
    summary = _release(headline, lead, published)
    assert _codes(summary) == (agency, decision)


@pytest.mark.parametrize(("headline", "lead", "agency", "decision", "published"), [
    # an abbreviation defined in brackets after a regulator's name is that regulator's, even one
    # another regulator goes by (China's former "State Food and Drug Administration (SFDA)")
    ("Zoral China Receives SFDA Approval for ZORVEX", "Zoral China Holdings, Inc. announced "
     "that the State Food and Drug Administration (SFDA) has granted a new drug certificate and "
     "production approval for ZORVEX capsules for chronic hepatitis C.", "NMPA",
     "approval", "2010-06-01"),
    # a trial notification's review completed without objection, however long its description
    ("Notice of completion of review of clinical trial notification for ZRX-5", "Zoral Co., Ltd. "
     "announces that the 30-day review period of the Pharmaceuticals and Medical Devices Agency "
     "for the clinical trial notification it submitted for ZRX-5, an antisense oligonucleotide "
     "being developed for amyotrophic lateral sclerosis with a rare gene variant, was completed "
     "without objection.", "PMDA", "trial_authorization", "2025-03-03"),
    # a supplement or label change approved is an approval, however the change is worded
    ("FDA Approves Label Change for ZORVEX", "Zoral Pharma, Inc. said the U.S. Food and Drug "
     "Administration has approved a supplemental Biologics License Application revising the "
     "prescribing information of ZORVEX to include adolescents.", "FDA", "approval",
     "2025-03-03"),
    # "Determination on" names a topic; a De Novo request the company weighs is no clearance
    ("Zoral Ortho Receives FDA Determination on ZORVEX 510(k)", "Zoral Ortho, Inc. said the U.S. "
     "Food and Drug Administration found its ZORVEX bone screw not substantially equivalent to "
     "the predicate device. The company is considering a De Novo request.", "FDA", "refusal",
     "2025-03-03"),
    # the filing review's finding in the refuse-to-file letter's words, not negated
    ("Zoral Therapeutics Provides Update on BLA for ZRX-5", "Zoral Therapeutics, Inc. said the "
     "FDA has determined that its Biologics License Application for ZRX-5 is sufficiently "
     "complete to permit a substantive review.", "FDA", "filing_accepted", "2025-03-03"),
    # a designation named before "has been granted", far from it
    ("Zoral Bio Gains Second FDA Designation for ZRX-5", "Zoral Bio, Inc., which has held orphan "
     "drug designation for ZRX-5 in Wilson's disease since 2021, said today that a further "
     "designation, covering children under six with the hepatic form of the disease, has been "
     "granted by the U.S. Food and Drug Administration.", "FDA", "designation", "2025-03-03"),
    # the hold described, with its own date, before "has been lifted"
    ("Zoral Gene, Inc. - Form 8-K - Item 8.01 Other Events", "On February 27, 2025, Zoral Gene, "
     "Inc. was notified by the U.S. Food and Drug Administration that the clinical hold placed "
     "on its Phase 1 study of ZRX-5 on October 4, 2024 has been lifted.", "FDA", "hold_lifted",
     "2025-03-03"),
    # the authorisations a committee recommends converting are what it recommends
    ("Zoral Pharma: CHMP opinion on ZORVEX", "Zoral Pharma SA announced that the CHMP has "
     "recommended converting the conditional marketing authorisation of ZORVEX into a standard "
     "marketing authorisation.", "EMA", "positive_opinion", "2025-03-03"),
    # an act a lawsuit is over is no act of today
    ("Zoral Sues FDA Over Refusal to File ZORVEX Application", "Zoral Pharma, Inc. today filed a "
     "complaint in federal court against the U.S. Food and Drug Administration; the FDA's letter "
     "of January 6, 2025 is the subject of the complaint.", "NONE", "none", "2025-03-03"),
    # a refusal of "the Company's application": a possessive between verb and object
    ("Update on MHRA application for ZORVEX", "Zoral plc announces that the Medicines and "
     "Healthcare products Regulatory Agency has refused the Company's application for a marketing "
     "authorisation for ZORVEX.", "MHRA", "refusal", "2025-03-03"),
    # a certificate suspended, its name holding an abbreviation in brackets
    ("Zoral Medical AG: Update on ZORVEX stent", "Zoral Medical AG announced that its notified "
     "body has suspended the EU Medical Device Regulation (MDR) certificate covering the ZORVEX "
     "stent after an audit.", "NOTIFIED_BODY", "other", "2025-03-03"),
], ids=["abbreviation-defined", "notification-review-completed", "labeling-supplement-approved",
       "determination-on-a-510k", "sufficiently-complete", "designation-granted-after",
       "hold-placed-on-lifted", "conversion-recommended", "suit-over-an-act", "refused-possessive",
       "certificate-with-abbreviation-suspended"])
def test_round_fourteen_wordings(headline: str, lead: str, agency: str, decision: str,
                                 published: str) -> None:
    summary = _release(headline, lead, published)
    assert _codes(summary) == (agency, decision)


def test_an_act_told_at_that_time_is_background() -> None:
    summary = _release("US FDA Removes Boxed Warning from ZORVEX Label", "Zoral Pharma AG "
                       "announced today that the US Food and Drug Administration (FDA) has "
                       "approved a supplemental New Drug Application updating the label of ZORVEX "
                       "to remove the boxed warning for liver injury. ZORVEX was approved in the "
                       "US in 2019. At that time, the FDA required a boxed warning for liver "
                       "injury.",
                       "2025-03-03")
    assert _decision(summary) == "approval"


@pytest.mark.parametrize(("said", "asks"), [
    ("In those responses, the FDA advised that an additional adequate and well-controlled trial "
     "will be needed before an NDA can be submitted.", True),
    ("In those responses, the FDA agreed that the data could support an NDA without requiring an "
     "additional confirmatory trial.", False),
], ids=["asks-for-a-trial", "no-further-trial"])
def test_feedback_asking_for_more_after_its_sentence_is_unfavourable(said: str,
                                                                       asks: bool) -> None:
    summary = _release("Zoral Pharmaceuticals Provides Regulatory Update", "Zoral "
                       "Pharmaceuticals, Inc. today provided an update following written feedback "
                       "from the U.S. Food and Drug Administration (FDA) on ZRX-5. The FDA "
                       "provided written responses in place of a meeting on February 27, 2025. "
                       + said, "2025-03-03")
    assert summary.outcome is not None and summary.outcome.decision == "regulatory_feedback"
    assert (summary.outcome.direction == "unfavorable") is asks


#: wordings read from catalogue round fifteen's tune misses (and its stress batch's)
_ROUND_FIFTEEN_CASES = [
    # a regulator agreeing to a request to extend: the extension is the act, not feedback
    ("Zoral A/S: Update on MAA review", "Zoral A/S announces that the Committee for Medicinal "
     "Products for Human Use (CHMP) has agreed to the Company's request to extend the clock stop "
     "in the assessment of ZORVEX.", "EMA", "review_extension"),
    # a trial application the regulator has not approved: its disapproval
    ("Zoral Medical Provides Update on Pivotal Study", "Zoral Medical, Inc. said the FDA has "
     "notified it that the agency has not approved the IDE for its ZORSCAN pivotal study and "
     "has asked for more animal data.", "FDA", "refusal"),
    # a goal date that passed without the regulator's action
    ("Zoral Therapeutics Statement on ZRX-5", "Zoral Therapeutics, Inc. said the U.S. Food and "
     "Drug Administration did not act on the Biologics License Application for ZRX-5 by the "
     "February 28, 2025 PDUFA target action date; the review continues.", "FDA", "other"),
    # a marketing request declined: its refusal, whatever classification it names
    ("Zoral Digital: FDA Decision on ZORSLEEP", "Zoral Digital, Inc. said the U.S. Food and Drug "
     "Administration has declined the company's De Novo request for ZORSLEEP, a sleep therapy "
     "app.", "FDA", "refusal"),
    # a regulator ordering a recall
    ("Zoral Medical Statement on ZORPUMP", "Zoral Medical Inc. said Health Canada has ordered "
     "the company to recall ZORPUMP infusion sets sold in Canada.", "HEALTH_CANADA", "other"),
    # a 510(k) the regulator puts on hold with an Additional Information letter: feedback
    ("Zoral Imaging Update on ZORSCAN", "Zoral Imaging, Inc. said the U.S. Food and Drug "
     "Administration has placed its 510(k) submission for ZORSCAN on hold and issued an "
     "Additional Information letter asking for more bench data.", "FDA", "regulatory_feedback"),
    # a trial notification's investigation period ended with no change asked for
    ("Notice Concerning Clinical Trial Notification for ZRX-5", "Zoral Co., Ltd. announces that "
     "the 30-day investigation period for its clinical trial notification for ZRX-5, filed with "
     "the Pharmaceuticals and Medical Devices Agency, has ended without instructions for "
     "change.", "PMDA", "trial_authorization"),
    # designated "as a ... drug" with the kind in quotation marks; designated "an" innovative device
    ("Notice Regarding Designation of ZORVEX", "Zoral Pharma Co., Ltd. announces that the "
     "Ministry of Health, Labour and Welfare has designated ZORVEX as an \u201corphan drug\u201d "
     "for the treatment of a rare form of epilepsy.", "PMDA", "designation"),
    ("Zoral Health's ZORMIND app designated by MFDS", "Zoral Health said its ZORMIND app for "
     "panic disorder has been designated an innovative medical device by the Ministry of Food "
     "and Drug Safety.", "OTHER", "designation"),
    # a regulator telling the company enrolment must be suspended: a (partial) hold
    ("INSIDE INFORMATION - ZRX-5 PHASE I TRIAL", "The Company was informed by the NMPA that "
     "enrolment of new patients in its Phase I trial of ZRX-5 must be paused pending review of "
     "a safety case.", "NMPA", "clinical_hold"),
    # a regulator's order suspending manufacture
    ("Zoral Pharmaceutical discloses MFDS action", "Zoral Pharmaceutical said the Ministry of "
     "Food and Drug Safety issued an order suspending the manufacture of two of its antibiotic "
     "products for one month.", "OTHER", "other"),
    # an instruction to revise the package insert
    ("Revision of Precautions for ZORVEX", "Zoral Co., Ltd. announces that the Ministry of "
     "Health, Labour and Welfare today issued an instruction to revise the package insert of "
     "ZORVEX to add a warning on hepatitis.", "PMDA", "other"),
    # a refusal maintained on appeal
    ("Zoral S.A.: Anvisa decision on ZORVEX", "Zoral S.A. announces that Anvisa's collegiate "
     "board upheld the rejection of the registration application for ZORVEX after hearing "
     "the Company's appeal.", "OTHER", "refusal"),
    # an expert committee recommending registration
    ("Committee backs ZORVEX", "Zoral Ltd (ASX: ZRL) advises that the TGA's Advisory Committee "
     "on Medicines has recommended the registration of ZORVEX for severe gout.", "TGA",
     "positive_opinion"),
    # the study itself authorised
    ("Zoral Therapeutics study cleared to start", "Zoral Therapeutics Ltd said its Phase 2 "
     "study of ZRX-5 in adults with asthma has been authorised by the MHRA.", "MHRA",
     "trial_authorization"),
    # an application that did not pass the regulator's validation
    ("Zoral plc - MAA update", "Zoral plc announces that its marketing authorisation "
     "application for ZORVEX failed validation at the MHRA because data were missing from "
     "Module 3.", "MHRA", "refusal_to_file"),
    # an application said to be approved; a registration approved by a council of regulators
    ("Zoral Group - Business Update", "Zoral Group Limited (HKEX: 9999) updates shareholders "
     "on ZORVEX. The new drug application for ZORVEX in adults with gout was approved by the "
     "NMPA on 2 March 2025.", "NMPA", "approval"),
    ("Zoral Pharma obtains GCC registration", "Zoral Pharma said the Gulf Health Council "
     "approved the registration of ZORVEX tablets, to be followed by national authorisations.",
     "OTHER", "approval"),
    # the review clock's long name between "extended" and "date"
    ("Zoral Announces Extension of ZRX-5 Review", "Zoral Inc. said the U.S. Food and Drug "
     "Administration has extended the Prescription Drug User Fee Act (PDUFA) target action "
     "date for ZRX-5 by three months.", "FDA", "review_extension"),
    # an approval that leaves out one strength and comes with a REMS is an approval
    ("Zoral Announces FDA Action on ZORVEX", "Zoral Inc. said the U.S. Food and Drug "
     "Administration has approved ZORVEX 5 mg tablets with a Risk Evaluation and Mitigation "
     "Strategy. The FDA did not approve the proposed 10 mg strength.", "FDA", "approval"),
    # what a late-cycle meeting brings is the regulator's feedback
    ("Zoral Therapeutics Provides Update on ZRX-5 BLA", "Zoral Therapeutics, Inc. said that at "
     "its late-cycle meeting held yesterday the U.S. Food and Drug Administration raised no "
     "major deficiencies in the Biologics License Application for ZRX-5.", "FDA",
     "regulatory_feedback"),
    # the refuse-to-file letter in the passive
    ("Zoral Pharma: FDA will not review ZORVEX NDA", "Zoral Pharma plc said the FDA notified it "
     "that its New Drug Application for ZORVEX will not be filed for review.", "FDA",
     "refusal_to_file"),
]
_ROUND_FIFTEEN_IDS = [
       "agreed-to-extend", "ide-not-approved", "goal-date-passed", "de-novo-declined",
       "recall-ordered", "510k-on-hold-with-ai-letter", "notification-ended-without-change",
       "designated-as-quoted-kind", "designated-an-innovative-device", "enrolment-must-pause",
       "manufacture-suspended-by-order", "instruction-to-revise-insert", "rejection-upheld",
       "committee-recommends-registration", "study-authorised", "failed-validation",
       "application-was-approved", "registration-approved-by-council",
       "pdufa-date-long-name-extended", "approval-without-a-strength", "late-cycle-meeting",
       "will-not-be-filed"]


#: wordings read from catalogue round sixteen's tune misses (and its stress batch's)
_ROUND_SIXTEEN_CASES = [
    # a regulator's permission to market, and to run a trial, named by the form it is given in
    ("Quillon Pharma receives permission for QLX-3", "Quillon Pharma Limited informs the "
     "exchange that it has received permission from the Central Drugs Standard Control "
     "Organisation to import and market QLX-3 capsules in India.", "OTHER", "approval"),
    ("Quillon Lifesciences: trial permission", "Quillon Lifesciences Limited informs the "
     "exchange that the Drugs Controller General of India has granted permission under Rule 22 "
     "to conduct a Phase 2, open-label, multicentre study of QLX-3 in adults.", "OTHER",
     "trial_authorization"),
    # a trial approved by its phase, in a headline
    ("Health Canada approves Quillon's Phase 1 psoriasis study", "Quillon Bio Inc. said the "
     "study of QLX-3 will enrol 40 adults at three sites.", "HEALTH_CANADA",
     "trial_authorization"),
    # the Commission amending an authorisation's terms; a committee recommending an extension
    ("Quillon: Commission widens QLX-3 label", "Quillon A/S said the European Commission has "
     "issued a decision amending the marketing authorisation of QLX-3 so that it may be used "
     "in children from six years.", "EC", "approval"),
    ("CHMP supports wider use of QLX-3", "Quillon SE said the CHMP has recommended extending "
     "the indication of QLX-3 to adolescents with severe asthma.", "EMA", "positive_opinion"),
    # the FDA "has filed" the application: the acceptance
    ("Quillon Announces FDA Filing of QLX-3 NDA", "Quillon Inc. said the U.S. Food and Drug "
     "Administration has filed the New Drug Application for QLX-3 and set a goal date in "
     "October.", "FDA", "filing_accepted"),
    # no objection to the plan, and a headline agreement: the regulator's feedback
    ("Quillon Provides Regulatory Update", "Quillon Inc. said the FDA did not object to the "
     "company's proposal to file on the basis of one Phase 3 trial.", "FDA",
     "regulatory_feedback"),
    ("Quillon Aligns With FDA on Phase 3 Design for QLX-3", "Quillon Inc. said the Phase 3 "
     "trial will start in the second half of the year.", "FDA", "regulatory_feedback"),
    # a hold lifted, with what it was on told at length between
    ("Quillon Bio - Form 8-K", "Quillon Bio, Inc. said the clinical hold on its IND for QLX-3, "
     "an oral kinase inhibitor for myelofibrosis, has been lifted by the FDA.", "FDA",
     "hold_lifted"),
    # a CLIA waiver; a signal assessment started; sales suspended by a published notice; an
    # authorisation renewed
    ("Quillon Dx Receives CLIA Waiver", "Quillon Dx, Inc. said the U.S. Food and Drug "
     "Administration has granted a CLIA waiver for its QLX strep A test.", "FDA", "other"),
    ("Quillon AG: PRAC review", "Quillon AG said the EMA's PRAC has started an assessment of a "
     "signal of pancreatitis with QLX-3.", "EMA", "other"),
    ("Quillon Holdings announcement", "The board announces that the NMPA issued a notice "
     "suspending the sales of QLX-3 injection in the PRC.", "NMPA", "other"),
    ("Quillon S.p.A.: QLX-3 authorisation renewed", "Quillon S.p.A. said the European "
     "Commission has renewed the conditional marketing authorisation of QLX-3 for a further "
     "year.", "EC", "other"),
    # a product allowed on the market short of its registration (named-patient access)
    ("Quillon Pharma AG: access authorisation", "Quillon Pharma AG said Swissmedic has "
     "authorised it to supply the unregistered medicine QLX-3 to named patients with severe "
     "lupus.", "OTHER", "other"),
    # a review clock paused until the company answers a request: the request is the news
    ("Quillon Robotics Update on QLX Spine 510(k)", "Quillon Robotics, Inc. received an "
     "Additional Information request from the FDA on its 510(k) submission. The FDA review "
     "clock is paused until Quillon submits a complete response.", "FDA",
     "regulatory_feedback"),
    # non-events: a results release's period recap, a certificate still under assessment, a
    # list of letters not received, a review put on hold by a request for information
    ("Quillon Medical Reports Third Quarter Results", "Quillon Medical, Inc. reported revenue "
     "of $12 million. During the quarter, the company received FDA 510(k) clearance for its "
     "QLX catheter.", "NONE", "none"),
    ("Quillon Medical AB: quality certificate", "Quillon Medical AB said its notified body "
     "issued an ISO 13485 certificate for its plant; the MDR certificate for the QLX sensor "
     "remains under assessment.", "NONE", "none"),
    ("Quillon Pharma Update", "Quillon Pharma said the FDA inspected its plant in May. It "
     "has not received a warning letter, untitled letter or any other notice from the FDA.",
     "NONE", "none"),
]
_ROUND_SIXTEEN_IDS = ["permission-to-import-and-market", "permission-under-rule-to-conduct-trial",
       "approves-phase-1-study", "decision-amending-authorisation",
       "recommended-extending-indication", "fda-has-filed", "did-not-object",
       "aligns-with-fda", "hold-on-ind-lifted-at-length", "clia-waiver",
       "signal-assessment-started", "notice-suspending-sales", "authorisation-renewed",
       "named-patient-access", "clock-paused-until-response",
       "during-the-quarter", "certificate-under-assessment", "letters-not-received"]


#: wordings read from catalogue round seventeen's tune misses (and its stress batch's)
_ROUND_SEVENTEEN_CASES = [
    # a hold lifted, told at length in the passive, or with who placed it and on what
    ("Tessarine Bio Provides Program Update", "The partial clinical hold on the Phase 2a "
     "QUENSTAD study of TSR-41 (oral 20 mg and 40 mg twice daily), an investigational "
     "allosteric modulator in development for refractory focal epilepsy, which had limited new "
     "enrolment to the lower dose since October, has been removed by the U.S. Food and Drug "
     "Administration, Tessarine Bio, Inc. announced today.", "FDA", "hold_lifted"),
    ("Notice Concerning Program Update on TSR-41", "Tessarine Pharma Co., Ltd. hereby "
     "announces that the clinical hold placed by the U.S. Food and Drug Administration (FDA) "
     "on the Phase 1 study of TSR-41, an autologous islet cell therapy, in type 1 diabetes has "
     "been lifted.", "FDA", "hold_lifted"),
    # a hold lifted in other verbs; a hold not placed, so the IND is in effect
    ("FDA frees Tessarine's TSR-41 from clinical hold", "Tessarine Genetics, Inc. said dosing "
     "will restart under a revised protocol.", "FDA", "hold_lifted"),
    ("Tessarine Therapeutics, Inc. - Current Report on Form 8-K", "On March 1, 2025, the "
     "30-day review period for the IND for TSR-41 expired without the FDA placing the IND on "
     "clinical hold, and the IND is now in effect.", "FDA", "trial_authorization"),
    # a trial authorised with an aside, or its notification's review completed; a trial
    # authorised with an ethics committee's favourable opinion (the committee's is no
    # application's opinion); a trial approved by a review board, no regulator named
    ("Tessarine Biotech: regulatory update", "Tessarine Biotech S.A. announced that ANMAT has "
     "authorised, by Disposición, the Phase 2 clinical study of TSR-41 in 300 adults.",
     "OTHER", "trial_authorization"),
    ("Notice Concerning TSR-41", "Tessarine Co., Ltd. announces that the 30-day review by the "
     "Pharmaceuticals and Medical Devices Agency (PMDA) of the clinical trial plan "
     "notification for TSR-41 has been completed.", "PMDA", "trial_authorization"),
    ("Tessarine Therapeutics plc: regulatory update", "Tessarine Therapeutics plc announces "
     "that the MHRA has authorised the Company's Clinical Trial Application for the Phase 1 "
     "study of TSR-41, and that the study has received a favourable opinion from the Research "
     "Ethics Committee. The favourable opinion of the Research Ethics Committee covers all "
     "three sites.", "MHRA", "trial_authorization"),
    ("Tessarine Receives IRB Approval", "Tessarine Bio, Inc. said the institutional review "
     "board at its first clinical site has approved the Phase 1 trial of TSR-41.", "NONE",
     "none"),
    # a committee's deliberation put off to a later meeting
    ("Notice Regarding Deliberation on TSR-41", "At the Second Committee on Drugs of the "
     "Pharmaceutical Affairs Council held today, the deliberation on TSR-41 was postponed to a "
     "later meeting, and the committee asked for additional data.", "PMDA",
     "regulatory_feedback"),
    # consent given in the passive; an application for a product's approval; a request for a
    # faster review granted; a registration file accepted
    ("Gazette notice: TSR-41", "Tessarine Limited advises that consent to the distribution of "
     "TSR-41 tablets has been given under section 20 of the Medicines Act 1981 and was notified "
     "by Medsafe.", "OTHER", "approval"),
    ("Tessarine Bio: TSR-41 in Korea", "Tessarine Bio said it has applied to the Ministry of "
     "Food and Drug Safety for item approval of TSR-41.", "OTHER", "submission"),
    ("Tessarine Pharmaceutical: material information", "Tessarine Pharmaceutical Co., Ltd. "
     "said the Taiwan Food and Drug Administration has approved the company's request for "
     "priority review of the new drug application for TSR-41.", "OTHER", "designation"),
    ("Tessarine Pharma: SFDA review", "Tessarine Pharma disclosed that the Saudi Food and Drug "
     "Authority (SFDA) has accepted the registration file for TSR-41 for review.", "OTHER",
     "filing_accepted"),
    # setbacks in other words: a draft view, an application that will not be filed, refusal
    # recommended after a benefit-risk balance, an assessment's timetable extended, a request
    # for supplementary information, an application not approved, a certificate not issued
    ("Tessarine Therapeutics plc: NICE appraisal", "Tessarine Therapeutics plc notes that NICE "
     "issued draft guidance in which the committee is minded not to recommend TSR-41.", "NICE",
     "negative_opinion"),
    ("Tessarine Pharma Announces FDA Letter", "Tessarine Pharma, Inc. said the FDA has "
     "notified it that the supplemental Biologics License Application for TSR-41 in "
     "adolescents will not be filed, because the dosing data are insufficient.", "FDA",
     "refusal_to_file"),
    ("Tessarine announces outcome of EMA review", "Tessarine B.V. said the CHMP has concluded "
     "that the benefits of TSR-41 do not outweigh its risks, and has recommended that the "
     "marketing authorisation be refused.", "EMA", "negative_opinion"),
    ("Tessarine Pharma Limited: ACM advice on TSR-41", "Tessarine Pharma Limited informs the "
     "market that the Advisory Committee on Medicines, which advises the Therapeutic Goods "
     "Administration, is not satisfied that the benefit-risk balance of TSR-41 supports "
     "registration.", "TGA", "negative_opinion"),
    ("Tessarine plc: update on MHRA review", "Tessarine plc announces that the MHRA has "
     "extended the timetable for its assessment of the application for TSR-41.", "MHRA",
     "review_extension"),
    ("Voluntary Announcement: TSR-41", "The Board announces that the NMPA has issued a notice "
     "requesting supplementary information on the application for TSR-41.", "NMPA",
     "regulatory_feedback"),
    ("Tessarine Pte. Ltd.: outcome of HSA evaluation", "Tessarine Pte. Ltd. said the Health "
     "Sciences Authority has informed it that its application to register TSR-41 has not been "
     "approved, as the data were considered insufficient.", "OTHER", "refusal"),
    ("Tessarine Medical AB: update on CE marking", "Tessarine Medical AB announces that its "
     "notified body has concluded the conformity assessment of the TSR-41 monitor without "
     "issuing a CE certificate.", "NOTIFIED_BODY", "refusal"),
    # any regulator's feedback, by its abbreviation or name (the agency table's)
    ("Tessarine AG: regulatory update", "Tessarine AG said Swissmedic has confirmed that one "
     "Phase 3 trial may support its application for TSR-41.", "OTHER", "regulatory_feedback"),
    ("Tessarine Bio Aligns With Health Sciences Authority on TSR-41 Plan", "Tessarine Bio said "
     "the Phase 3 trial will start in the second half of the year.", "OTHER",
     "regulatory_feedback"),
    ("Tessarine Pharma: update", "Tessarine Pharma said the Therapeutic Goods Administration "
     "advised that the Phase 3 data may support registration of TSR-41.", "TGA",
     "regulatory_feedback"),
    # an earlier step of what today's act is about, dated in its own clause after it
    ("Tessarine Provides Regulatory Update", "Tessarine Inc. announced that the U.S. Food and "
     "Drug Administration has accepted for review the New Drug Application submitted in "
     "November 2024 for TSR-41.", "FDA", "filing_accepted"),
    ("Tessarine Provides Regulatory Update", "Tessarine Inc. announced that Health Canada has "
     "issued a No Objection Letter for an amended Clinical Trial Application, lifting the "
     "clinical hold placed on the Phase 2 study of TSR-41 in October 2024.", "HEALTH_CANADA",
     "hold_lifted"),
    ("Tessarine Provides Regulatory Update", "Tessarine Inc. announced that the FDA has "
     "approved the supplemental application filed in August 2024 for TSR-41.", "FDA",
     "approval"),
    # ... but that step's own kind keeps its date; a report of an act denied
    ("Tessarine Reports Fourth Quarter Results", "Tessarine Inc. reported its results. Work "
     "continues on the response to the clinical hold placed on TSR-41 in October 2024.",
     "NONE", "none"),
    ("[Clarification] Tessarine: FDA 510(k) clearance of TSR scanner 'not confirmed'",
     "Tessarine said, in response to a request for clarification of a media report, that the "
     "510(k) submitted in October last year is still under review.", "NONE", "none"),
    # a goal date as a deadline, or as a review's state: no acceptance
    ("Tessarine Says FDA Has Not Yet Acted on TSR-41 NDA", "Tessarine Inc. said it has not "
     "received an action letter from the FDA on its New Drug Application for TSR-41 by the "
     "March 1, 2025 PDUFA goal date.", "NONE", "none"),
    ("Tessarine Provides Update on TSR-41", "Tessarine Inc. said the review of its New Drug "
     "Application for TSR-41 remains ongoing with a PDUFA target action date of April 30, "
     "2025.", "NONE", "none"),
]
_ROUND_SEVENTEEN_IDS = [
       "partial-hold-removed-at-length", "hold-placed-by-us-fda-lifted", "freed-from-hold",
       "ind-in-effect-without-hold", "authorised-with-an-aside", "trial-notification-reviewed",
       "cta-with-ethics-opinion", "review-board-approval", "deliberation-postponed",
       "consent-given", "applied-for-item-approval",
       "priority-review-request-approved", "registration-file-accepted",
       "minded-not-to-recommend", "will-not-be-filed-because", "recommended-be-refused",
       "committee-not-satisfied",
       "assessment-timetable-extended", "supplementary-information-requested",
       "application-not-approved", "certificate-not-issued", "swissmedic-confirmed",
       "aligns-with-named-regulator", "named-regulator-advised", "accepted-what-was-submitted",
       "lifting-the-hold-placed", "approved-what-was-filed", "hold-placed-recalled",
       "report-not-confirmed", "goal-date-as-deadline", "goal-date-as-state"]


#: wordings read from catalogue round eighteen's tune misses (and its stress batch's)
_ROUND_EIGHTEEN_CASES = [
    # a designation request turned down: an act on the request, no designation, no refusal
    ("Varnhollow Bio Provides Update on VRH-19", "Varnhollow Bio, Inc. said the U.S. Food and "
     "Drug Administration did not grant its request for Breakthrough Therapy designation for "
     "VRH-19, stating that the data did not yet show a substantial improvement.", "FDA", "other"),
    ("Varnhollow Therapeutics: regulatory update", "Varnhollow Therapeutics said its RMAT "
     "designation request for VRH-19 was declined by the FDA.", "FDA", "other"),
    # the company asking for its own application's withdrawal
    ("Varnhollow Pharmaceuticals, Inc. - Current Report on Form 8-K", "On February 27, 2025, "
     "Varnhollow Pharmaceuticals, Inc. sent a letter to the FDA requesting withdrawal of its "
     "Biologics License Application for VRH-19.", "FDA", "withdrawal"),
    # designated as the Nth of a regulator's class of products
    ("Varnhollow Bio's VRH-19 Selected by MFDS", "Varnhollow Bio said VRH-19 has been designated "
     "by the Ministry of Food and Drug Safety as the 12th target product of its expedited "
     "review programme.", "OTHER", "designation"),
    # an approval whose kind is told by the framework it falls under
    ("Varnhollow Therapeutics Receives Authorization for VRH-19", "Varnhollow Therapeutics "
     "Inc. said Health Canada has granted market authorization for VRH-19 in adults with "
     "refractory myeloma under the Notice of Compliance with Conditions policy.",
     "HEALTH_CANADA", "accelerated_approval"),
    ("Notice of Approval of VRH-19 in Japan", "Varnhollow Co., Ltd. announced that it has "
     "obtained approval from the Ministry of Health, Labour and Welfare for VRH-19 under the "
     "conditional early approval system.", "PMDA", "accelerated_approval"),
    # an earlier act dated after an indication's "with", or in a sentence opened by its year
    ("Varnhollow Provides Update on VRH-19", "Varnhollow Inc. said the FDA's approval of VRH-19 "
     "for adults with narcolepsy, granted on January 2, 2025, has led to 900 patient starts.",
     "NONE", "none"),
    ("Varnhollow Bio Provides Regulatory Update", "Varnhollow Bio said its chief executive will "
     "present at a conference on March 10, 2025. In 2024 the FDA accepted its BLA for VRH-19 "
     "(varnolimab) with priority review and granted Fast Track designation to VRH-22.",
     "NONE", "none"),
    # a purpose worked for; a suit over an earlier letter; a meeting only planned
    ("Varnhollow Therapeutics Announces Chief Financial Officer Transition", "Varnhollow "
     "Therapeutics said its CFO will step down. The company continues to work with the U.S. "
     "Food and Drug Administration to resolve the clinical hold placed on its Phase 1 study "
     "in January.", "NONE", "none"),
    ("Varnhollow Files Suit Against Former Supplier Over Deficiencies Cited in FDA Complete "
     "Response Letter", "Varnhollow Pharma said it has sued its former contract manufacturer "
     "over the complete response letter the FDA issued for VRH-19 in October 2024.", "NONE",
     "none"),
    ("Varnhollow Medical Raises $30 Million in Series B", "Varnhollow Medical announced the "
     "close of its financing. The company plans a pre-submission meeting with the FDA.",
     "NONE", "none"),
    # the filing review's refusal in a reporter's words; acceptance for substantive review
    ("FDA refuses to review Varnhollow's migraine drug application", "Varnhollow Health said "
     "the U.S. Food and Drug Administration had refused to review its marketing application "
     "for VRH-19, citing gaps in the abuse-potential data.", "FDA", "refusal_to_file"),
    ("FDA Accepts Varnhollow Medical's 510(k) Submission for Substantive Review", "Varnhollow "
     "Medical said the 510(k) for its VRH-19 valve passed the acceptance review.", "FDA",
     "filing_accepted"),
    # permission named with a long regulator's name; a priority voucher awarded
    ("Varnhollow Life Sciences Limited - Disclosure under Regulation 30", "Varnhollow Life "
     "Sciences Limited has received permission from the Drugs Controller General of India "
     "(DCGI), Central Drugs Standard Control Organisation, to manufacture and market VRH-19 "
     "tablets.", "OTHER", "approval"),
    ("Varnhollow Awarded FDA Commissioner's National Priority Voucher", "Varnhollow Inc. said "
     "the U.S. Food and Drug Administration has awarded a Commissioner's National Priority "
     "Voucher to VRH-19.", "FDA", "designation"),
    # a committee's opinion recommending a designation; its indicative vote
    ("Varnhollow Receives Positive Opinion From EMA's COMP for Orphan Designation of VRH-19",
     "Varnhollow AB said the COMP has issued a positive opinion recommending that VRH-19 be "
     "designated as an orphan medicinal product.", "EMA", "designation"),
    ("Varnhollow Statement on the CHMP Review of VRH-19", "Varnhollow AG said the CHMP held a "
     "trend vote on the application for VRH-19 and the trend was negative; no opinion has been "
     "adopted.", "EMA", "regulatory_feedback"),
    ("Varnhollow Therapeutics Provides Regulatory and Corporate Update", "Varnhollow "
     "Therapeutics said it held its mid-cycle communication with the FDA on February 28, 2025, "
     "and no significant review issues were identified.", "FDA", "regulatory_feedback"),
    # a safety restriction a regulator brings in
    ("Varnhollow plc - Regulatory update: VRH-19", "Varnhollow plc notes that the MHRA has "
     "today published a Drug Safety Update introducing a new contraindication for VRH-19 in "
     "severe hepatic impairment.", "MHRA", "other"),
    # a goal date as a review's state, told with a comma
    ("Varnhollow Provides Regulatory Update on VRH-19", "Varnhollow Inc. said the FDA's review "
     "of the BLA for VRH-19 remains ongoing, with a PDUFA target action date of June 30, "
     "2025.", "NONE", "none"),
    # a question states nothing
    ("Varnhollow AG: questions and answers on VRH-19", "Is Varnhollow withdrawing the "
     "application for VRH-19? Varnhollow has received questions from shareholders.", "NONE",
     "none"),
    # a present passive tells a standing state, no act
    ("Varnhollow Pharma: update on VRH-19", "Varnhollow Pharma said VRH-19 is approved by the "
     "U.S. Food and Drug Administration for adults with gout and will be launched in Canada "
     "next year.", "NONE", "none"),
]
_ROUND_EIGHTEEN_IDS = [
    "designation-request-not-granted",
    "designation-request-declined",
    "withdrawal-requested",
    "designated-as-the-nth",
    "authorised-under-the-conditional-policy",
    "approved-under-the-conditional-system",
    "dated-after-patients-with",
    "opened-by-its-year",
    "worked-to-resolve",
    "suit-over-a-letter",
    "meeting-planned",
    "refused-to-review",
    "accepted-for-substantive-review",
    "permission-from-a-long-name",
    "priority-voucher-awarded",
    "opinion-recommending-designation",
    "trend-vote",
    "mid-cycle-communication",
    "contraindication-introduced",
    "goal-date-as-state-with-a-comma",
    "a-question",
    "present-passive-state",
]


#: wordings read from catalogue round nineteen's tune misses (and its stress batch's)
_ROUND_NINETEEN_CASES = [
    # a month inside an aside set off by dashes dates the aside, not the act after it
    ("Ostrawick Pharmaceuticals update on OSW-4 registration", "Ostrawick Pharmaceuticals Ltd "
     "advises that the delegate of the Secretary \u2014 acting on advice from the Advisory "
     "Committee on Medicines, which met in January \u2014 has decided not to register OSW-4 on "
     "the ARTG.", "TGA", "refusal"),
    # the thing refused or declined as the verb's object
    ("Ostrawick Medical Notified Body Declines CE Certification for OSW-4", "Ostrawick Medical "
     "said its notified body has completed the conformity assessment of OSW-4 with a decision "
     "to refuse issuance of a CE certificate.", "NOTIFIED_BODY", "refusal"),
    # a panel that "votes", a tally "by a vote of", members who voted, and what they voted that
    ("FDA Panel Votes Against Ostrawick's OSW-4", "By a vote of 3 in favor to 12 against, the "
     "FDA's Pulmonary-Allergy Drugs Advisory Committee today concluded that the available data "
     "do not support approval of OSW-4, Ostrawick Bio said. The committee's advice is not "
     "binding; the PDUFA date is June 30, 2025.", "FDA", "advisory_vote"),
    ("Health Canada Committee Reviews Ostrawick's OSW-4", "Ostrawick Canada said Health "
     "Canada's Scientific Advisory Committee on Oncology met to review the submission for "
     "OSW-4 in renal cancer and a majority of members voted that the benefit-risk profile "
     "supports authorization.", "HEALTH_CANADA", "advisory_vote"),
    ("FDA Advisory Committee Meets on Ostrawick's OSW-4", "Ostrawick Oncology said the FDA's "
     "advisory committee voted 8 to 3 that the benefit-risk profile of OSW-4 is not favorable "
     "in the proposed population.", "FDA", "advisory_vote"),
    # the EMA's own words for PRIME
    ("PRIME for Ostrawick's OSW-4", "OSW-4, Ostrawick B.V.'s gene therapy for a rare muscle "
     "disease, has been granted access to PRIME by the EMA, the company said today.", "EMA",
     "designation"),
    # an application submitted, told in the passive after a long description, and planned
    ("Notice Regarding Filing of Application for OSW-4 in Japan", "Ostrawick Co., Ltd. "
     "announces that an application for manufacturing and marketing approval of OSW-4 "
     "(ostravimab), a humanised monoclonal antibody directed against a novel inflammatory "
     "target, for the treatment of adults with moderate to severe atopic dermatitis, was "
     "submitted today to the Ministry of Health, Labour and Welfare.", "PMDA", "submission"),
    ("Notice Concerning the OSW-4 Development Schedule", "Ostrawick Co., Ltd. has decided to "
     "plan the submission of its new drug application for OSW-4 in Japan.", "NONE", "none"),
    # a meeting the company is to request
    ("Ostrawick to Request Type C Meeting With FDA", "Ostrawick Inc. said it will ask the U.S. "
     "Food and Drug Administration for a meeting on OSW-4 once its Phase 2 data are analysed.",
     "NONE", "none"),
    # a letter to resume a stopped trial; a trial's authorisation suspended
    ("Ostrawick Receives Health Canada No Objection Letter to Resume OSW-4 Study", "Ostrawick "
     "Inc. said Health Canada has issued a No Objection Letter for its amended application, "
     "permitting resumption of the OSW-4 study that Health Canada suspended in December "
     "2024.", "HEALTH_CANADA", "hold_lifted"),
    ("Ostrawick Announces Health Canada Action on OSW-4 Trial", "Ostrawick Inc. said Health "
     "Canada has suspended the authorization to sell or import OSW-4 for the purposes of its "
     "Phase 2 clinical trial pending new sterility data.", "HEALTH_CANADA", "clinical_hold"),
    # what is extended named after "Extension of Review"
    ("Announcement in Relation to Extension of Review Timeline for OSW-4", "The Board of "
     "Ostrawick Holdings announces that the Center for Drug Evaluation of the National Medical "
     "Products Administration has issued a supplementary information notice for the new drug "
     "application of OSW-4 for moderate-to-severe plaque psoriasis in adults, and the "
     "technical review timeline has been extended accordingly.", "NMPA", "review_extension"),
    # a recall in the TGA's own words
    ("Ostrawick Medical: recall of OSW-4 test strips", "Ostrawick Medical Ltd advises that, in "
     "consultation with the Therapeutic Goods Administration, it has begun a recall for "
     "product correction of two lots of OSW-4 test strips.", "TGA", "other"),
    # of two regulators named as acting in one sentence, the one the headline names
    ("Ostrawick Bio receives MHRA approval for OSW-4 trial", "Ostrawick Bio Ltd announced two "
     "milestones for OSW-4: the U.S. FDA cleared its IND in January, and the MHRA has now "
     "approved its Clinical Trial Application.", "MHRA", "trial_authorization"),
    # under a headline of other news, an act dated more than a week back is its background
    # "The Commission" opening a sentence, once the release has named it
    ("Ostrawick AB: EU orphan designation for OSW-4", "Ostrawick AB said the COMP of the "
     "European Medicines Agency adopted a positive opinion on OSW-4 in January. The Commission "
     "has now granted orphan designation to OSW-4 for cystic fibrosis.", "EC", "designation"),
    # ... and a deal's clearance, told as a closing condition met
    ("European Commission Clears Ostrawick's Acquisition of Kessing", "Ostrawick N.V. "
     "announces that the European Commission has approved, under the EU Merger Regulation, its "
     "acquisition of Kessing N.V. The Commission's clearance satisfies the last outstanding "
     "regulatory condition.", "NONE", "none"),
    ("Ostrawick and Kessing Enter License Agreement for OSW-4, Recently Approved in Japan",
     "Ostrawick Inc. and Kessing "
     "Co. announced a licence agreement for OSW-4. On February 17, 2025, the Ministry of "
     "Health, Labour and Welfare granted marketing approval to Kessing for OSW-4 in Japan.",
     "NONE", "none"),
]
_ROUND_NINETEEN_IDS = [
    "month-inside-dashes", "refuse-issuance-of", "panel-votes-by-a-vote-of",
    "members-voted", "voted-that-not-favorable", "access-to-prime",
    "passive-submission-at-length", "filing-planned", "meeting-to-request",
    "letter-to-resume", "trial-authorisation-suspended", "extension-of-review-timeline",
    "recall-for-product-correction", "headline-names-which-regulator",
    "commission-opening-a-sentence", "clearance-as-closing-condition",
    "licence-headline-dated-act",
]

_ROUND_TWENTY_CASES = [
    ("FDA Revokes Breakthrough Therapy Designation for Calvetra",
     "Orrindale Pharma, Inc. said the U.S. Food and Drug Administration revoked the "
     "Breakthrough Therapy designation of Calvetra after interim data from a competing "
     "trial.", "FDA", "other"),
    ("Mendelhoff Bio Provides Regulatory Update on MB-12",
     "Mendelhoff Bio AG said that the European Commission has decided on the removal of the "
     "orphan designation for MB-12 from the Community Register.", "EC", "other"),
    ("Brackenmoor Pharma Launches Ostiva in the United Kingdom",
     "Brackenmoor Pharma plc announces the UK launch of Ostiva tablets. The Medicines and "
     "Healthcare products Regulatory Agency granted a UK-wide marketing authorisation for "
     "Ostiva yesterday, 2 March 2025.", "MHRA", "approval"),
    ("Quennel Bio Readies First Patient Dosing in Its Phase 1 Study of QB-9",
     "Quennel Bio, Inc. is activating its first sites. The 30-day review period for the "
     "Investigational New Drug application for QB-9 ended on March 2, 2025 without comments "
     "from the U.S. Food and Drug Administration, and the IND is now in effect.",
     "FDA", "trial_authorization"),
    ("Harrowell plc: Interim Results for the Six Months Ended 31 December 2024",
     "Harrowell plc announces its unaudited interim results. The Company is also pleased to "
     "announce that the Therapeutic Goods Administration has granted provisional registration "
     "for Kestrova. Revenue rose 12%.", "TGA", "accelerated_approval"),
    ("Tullochard Therapeutics to Present at the ERS Congress",
     "Tullochard Therapeutics SA will present Phase 2 data at the ERS Congress. Separately, the "
     "company announced that the European Commission has granted orphan designation to TT-4 "
     "for cystic fibrosis.", "EC", "designation"),
    ("Lorrimer Biologics Reports Fourth Quarter Results",
     "Lorrimer Biologics Inc. reported fourth quarter revenue of $41 million. After market close "
     "yesterday, Health Canada issued a Notice of Compliance for Vantrelo.",
     "HEALTH_CANADA", "approval"),
    ("Company announcement no. 7/2025",
     "Fjordvik Pharma A/S announces a change in its Executive Management. Reference is made to "
     "company announcement no. 2/2025, in which Fjordvik announced that the European "
     "Commission had approved Selvanta.", "NONE", "none"),
    ("Ardmoray Oncology to Present Updated Data at AACR",
     "Ardmoray Oncology, Inc. will present updated data on AM-3 at AACR. AM-3 previously "
     "received Fast Track and Orphan Drug designations from the U.S. Food and Drug "
     "Administration.", "NONE", "none"),
    ("Quintaral Labs Signs Supply Agreement for Mexico",
     "Quintaral Labs S.A. signed a supply agreement with a Mexican distributor. The company "
     "also announced that COFEPRIS has published the sanitary registration of Dermolex in the "
     "Diario Oficial.", "OTHER", "approval"),
    ("Hanbit Gene Posts Third-Quarter Revenue",
     "Hanbit Gene said its quarterly revenue rose 9%. In a filing the same day, the company "
     "disclosed that the Ministry of Food and Drug Safety has rejected its application for "
     "orphan drug designation for HG-7.", "OTHER", "other"),
    ("Notice Concerning Approval of Partial Change for Kazeyuri",
     "Amagawa Pharmaceutical Co., Ltd. announced that it has obtained approval of a partial "
     "change in approved items for Kazeyuri to add a pediatric indication.", "PMDA", "approval"),
    ("Corvant Oncology Announces U.S. Accelerated Approval of Zelvira",
     "Corvant Oncology, Inc. today announced that Zelvira has received accelerated approval in "
     "the United States for adults with relapsed mantle cell lymphoma.",
     "FDA", "accelerated_approval"),
    ("Marlowe Pharmaceuticals Receives Refuse to File Letter",
     "Marlowe Pharmaceuticals, Inc. today announced that it has received a refuse to file "
     "letter for its New Drug Application for MP-3. The Agency found the application "
     "incomplete.", "FDA", "refusal_to_file"),
    ("Ravelin Health Receives IRB Approval to Begin Pivotal Study of SleepBand",
     "Ravelin Health, Inc. said a central institutional review board approved the protocol of "
     "its pivotal study of the SleepBand sensor.", "NONE", "none"),
    ("Thistleford plc - Favourable ethics opinion for TF-2 trial",
     "Thistleford plc announces that the Research Ethics Committee has given a favourable "
     "opinion for its first-in-human study. The clinical trial application is under review, "
     "and dosing cannot begin until the MHRA has authorised it.", "NONE", "none"),
    ("Pellbrook Bio Receives Orphan Drug Designation for PB-5",
     "Pellbrook Bio, Inc. today announced that its request for orphan drug designation for "
     "PB-5 in Wilson disease has been granted under the Orphan Drug Act.", "FDA", "designation"),
]
_ROUND_TWENTY_IDS = [
    "designation-revoked", "removal-of-the-designation", "scope-before-marketing-authorisation",
    "dated-the-day-before", "also-pleased-to-announce", "separately-announced",
    "yesterday-opening-the-sentence", "reference-is-made-to", "previously-received-list",
    "registration-published", "application-for-designation-rejected",
    "approval-of-a-partial-change", "approval-in-the-united-states", "refuse-to-file-letter",
    "irb-approval-to-begin", "until-the-regulator-has-authorised", "orphan-drug-act",
]

_ROUND_TWENTY_ONE_CASES = [
    ("Holloway Bio Statement on FDA Approval in IgA Nephropathy",
     "Holloway Bio, Inc. today commented on the U.S. Food and Drug Administration's approval "
     "yesterday of a competitor's complement inhibitor for IgA nephropathy. The approval was "
     "based on proteinuria data. Holloway's own candidate remains in Phase 2.", "NONE", "none"),
    ("Statement from Marchetti Therapeutics",
     "Marchetti Therapeutics S.p.A. notes yesterday's announcement by Dunmere Pharma that the "
     "European Commission has approved its oral treatment for spinal muscular atrophy.",
     "NONE", "none"),
    ("Grevholm Bio Appoints Chief Regulatory Officer",
     "Grevholm Bio AB appoints Dr Ines Falk as Chief Regulatory Officer. Dr Falk spent eight "
     "years at a larger biotech, where she was responsible for the conditional marketing "
     "authorisation of two medicines and for securing orphan designations from the U.S. Food "
     "and Drug Administration for several assets.", "NONE", "none"),
    ("Pentreath Pharma Highlights Launch Readiness as June 14 PDUFA Target Action Date for "
     "Osmiva Approaches",
     "Pentreath Pharma, Inc. said its commercial team is ready as the PDUFA target action date "
     "for Osmiva approaches. The NDA remains under review by the U.S. Food and Drug "
     "Administration.", "NONE", "none"),
    ("Tarrowby Pharma Provides Update on NDA for TP-6",
     "Tarrowby Pharma, Inc. said that the PDUFA target action date of May 2, 2025 for TP-6 "
     "has passed without an action letter from the U.S. Food and Drug Administration.",
     "NONE", "none"),
    ("Update on Review of Felrosin in Canada",
     "Oakhurst Pharma Inc. announced that the target date for a decision on its New Drug "
     "Submission for Felrosin has been extended by Health Canada following a request for "
     "clarification.", "HEALTH_CANADA", "review_extension"),
    ("Larkspur Bio: revised timing of TGA decision",
     "Larkspur Bio Limited advises that the evaluation timeframe for its application to "
     "register Quorava has been extended by the Therapeutic Goods Administration.",
     "TGA", "review_extension"),
    ("Brisay Pharma: New Drug Submission for Altrexa accepted for Priority Review by Health "
     "Canada",
     "Brisay Pharma Inc. announces that its New Drug Submission for Altrexa (dalvorine), a "
     "twice-daily treatment for chronic pancreatitis pain, has been accepted for review by "
     "Health Canada following screening, and Priority Review status has been granted.",
     "HEALTH_CANADA", "filing_accepted"),
    ("Harwick Bio plc - Resumption of HB-4 study",
     "Harwick Bio plc announces that the suspension of its clinical trial authorisation for "
     "the HB-4 Phase 1 study, imposed in January 2025, has been lifted by the MHRA.",
     "MHRA", "hold_lifted"),
    ("Cheongsan Bio's trial of CS-3 suspended",
     "Cheongsan Bio said its Phase 1 trial of CS-3 in Korea has been ordered suspended by the "
     "Ministry of Food and Drug Safety after a serious adverse event.", "OTHER", "clinical_hold"),
    ("Ramsgill Pharmaceuticals Withdraws sNDA for Adolescent Use of Tovira",
     "Ramsgill Pharmaceuticals, Inc. today announced that it has withdrawn its supplemental "
     "New Drug Application for Tovira in adolescents.", "FDA", "withdrawal"),
    ("Response to Inquiry Regarding Rumours of MFDS Approval",
     "Sohyang Bio announced that the approval of SH-2 by the Ministry of Food and Drug Safety "
     "is undecided. The application remains under review.", "NONE", "none"),
    ("Vaskar Bio: EMA does not grant PRIME eligibility for VB-3",
     "Vaskar Bio A/S announces that the European Medicines Agency has informed the Company that "
     "VB-3 is not eligible for the PRIME scheme at this time.", "EMA", "other"),
    ("Aldwick Medical submits technical documentation for CardioVane",
     "The technical documentation for the CardioVane valve has been submitted by Aldwick "
     "Medical B.V. to its notified body for conformity assessment under the MDR.",
     "NOTIFIED_BODY", "submission"),
    ("Falkner Ortho: notified body declines certification of HipLine",
     "The conformity assessment of the HipLine implant has been concluded by the notified body "
     "without a certificate being issued.", "NOTIFIED_BODY", "refusal"),
    ("Oberau Medical signs MDR certification agreement with a notified body",
     "Oberau Medical GmbH has concluded an agreement with its notified body for MDR conformity "
     "assessment of its infusion pumps; MDR certificates are expected to be issued in 2026.",
     "NONE", "none"),
    ("Tamsworth Pharma plc - Update on NICE appraisal of Quilvane",
     "Tamsworth Pharma plc notes the publication today of draft guidance in which Quilvane is "
     "not recommended by the Institute for treating chronic gout.", "NICE", "negative_opinion"),
    ("Coraline Bio Expands Trial to Australia",
     "Coraline Bio, Inc. said the Therapeutic Goods Administration today acknowledged the "
     "Clinical Trial Notification for its Phase 2 trial of CB-8.", "TGA",
     "trial_authorization"),
]
_ROUND_TWENTY_ONE_IDS = [
    "comments-on-a-competitors-approval", "notes-another-companys-announcement",
    "an-appointees-career", "goal-date-approaches", "goal-date-passed",
    "target-date-extended-by", "evaluation-timeframe-extended",
    "submission-for-x-accepted-with-priority-review", "suspension-of-cta-lifted",
    "trial-ordered-suspended", "snda-withdrawn", "approval-undecided",
    "not-eligible-for-prime", "documentation-submitted-to-notified-body",
    "concluded-without-a-certificate", "certification-agreement",
    "not-recommended-by-the-institute",
    "ctn-acknowledged",
]

_ROUND_TWENTY_TWO_CASES = [
    ("Huaxia Biotech obtains New Drug Certificate for Ovelin capsules",
     "Huaxia Biotech Co., Ltd. announced that the State Food and Drug Administration has "
     "granted a New Drug Certificate for Ovelin capsules for chronic gastritis.",
     "NMPA", "approval"),
    ("Medway Oncology plc: NICE appraisal of Tarvolix",
     "Medway Oncology plc announces that the National Institute for Health and Clinical "
     "Excellence has published a final appraisal determination recommending Tarvolix for "
     "second-line ovarian cancer.", "NICE", "positive_opinion"),
    ("Ostrava Bio: CHMP trend vote on Pelmira",
     "Ostrava Bio a.s. announces that the CHMP indicated through a trend vote that it is not "
     "presently minded to recommend approval of Pelmira; the Company will request an oral "
     "explanation.", "EMA", "regulatory_feedback"),
    ("Lindqvist Pharma: EMA decision on accelerated assessment",
     "Lindqvist Pharma AB announces that the CHMP has not granted its request for accelerated "
     "assessment of its marketing authorisation application for LP-7.",
     "EMA", "other"),
    ("Penhallow Bio plc: trial to restart",
     "Penhallow Bio plc announces that the MHRA has approved an amendment to its Phase 1 "
     "protocol, allowing the study, paused at the agency's request in May, to resume.",
     "MHRA", "hold_lifted"),
    ("Calder Therapeutics plc: MHRA agrees halt may end",
     "Calder Therapeutics plc announces that the MHRA has agreed that the temporary halt of its "
     "CT-2 dose-escalation study, in place since March, may end.", "MHRA", "hold_lifted"),
    ("Jeonbuk Pharm says advisory council backs JP-4",
     "Jeonbuk Pharm said the Central Pharmaceutical Affairs Council recommended approval of "
     "JP-4, its hepatitis B antiviral, to the Ministry of Food and Drug Safety.",
     "OTHER", "positive_opinion"),
    ("Suzhou Lantian Medical's stent enters NMPA green channel",
     "Suzhou Lantian Medical Co., Ltd. announced that its bioresorbable stent has been approved "
     "by the National Medical Products Administration to enter the Special Review Procedure for "
     "Innovative Medical Devices.", "NMPA", "designation"),
    ("PROFIT WARNING",
     "The board of directors of Dongfang Pharmaceutical Holdings Limited wishes to inform "
     "shareholders that the Group expects a decrease of about 30% in net profit for the year, "
     "mainly due to price cuts and the delay in approval by the National Medical Products "
     "Administration of its new antibiotic, which is now expected in the first half of 2025.",
     "NONE", "none"),
    ("Thornby Pharmaceuticals Provides Update on Advisory Committee Meeting for TB-9",
     "Thornby Pharmaceuticals, Inc. said the FDA's Cardiovascular and Renal Drugs Advisory "
     "Committee met yesterday to discuss the New Drug Application for TB-9. Five panelists voted "
     "yes and eight panelists voted no on whether the benefits of TB-9 outweigh its risks.",
     "FDA", "advisory_vote"),
    ("Calloway Bio Provides Regulatory Update on CB-3",
     "Calloway Bio, Inc. said the U.S. Food and Drug Administration has informed the company "
     "that it cannot approve the Biologics License Application for CB-3 (relacitinib) for the "
     "treatment of adults with moderate to severe hidradenitis suppurativa in its present "
     "form.", "FDA", "complete_response"),
    ("Ashcombe Therapeutics plc - Update on UK application for Norivex",
     "Ashcombe Therapeutics plc announces that the Commission on Human Medicines has advised "
     "the MHRA that the application for Norivex in adults with refractory gout is not "
     "approvable at this time.", "MHRA", "negative_opinion"),
    ("Farrowdale Bio Announces $90 Million Private Placement",
     "Farrowdale Bio, Inc. today announced a $90 million private placement with healthcare "
     "investors. Farrowdale also announced that it has today received the final minutes of its "
     "Type B meeting with the U.S. Food and Drug Administration (FDA), which confirm alignment "
     "with the agency on a path to a Biologics License Application (BLA) for FB-2 in "
     "Sanfilippo syndrome under the accelerated approval pathway.", "FDA", "regulatory_feedback"),
    ("Pemberton Bio: Health Canada decision on Orvanta submission",
     "Pemberton Bio Inc. announced that Health Canada has issued a Notice of Non-compliance – "
     "Withdrawal for its New Drug Submission for Orvanta in chronic cough.",
     "HEALTH_CANADA", "refusal"),
    ("Halden Pharma Granted Priority Review for Planned Submission of HP-4",
     "Halden Pharma Inc. today announced that Health Canada has granted its request for "
     "Priority Review of the planned New Drug Submission for HP-4.",
     "HEALTH_CANADA", "designation"),
]
_ROUND_TWENTY_TWO_IDS = [
    "new-drug-certificate", "final-appraisal-determination-recommending",
    "not-presently-minded-to-recommend", "accelerated-assessment-request-not-granted",
    "study-paused-in-an-aside-to-resume", "halt-may-end", "korean-council-recommends",
    "enters-special-review-procedure", "delay-in-approval", "panelists-counted-in-words",
    "cannot-approve-a-long-name-in-its-present-form", "committee-advised-not-approvable",
    "minutes-on-a-route-under-the-accelerated-approval-pathway",
    "non-withdrawal-after-a-spaced-dash", "granted-for-the-planned-submission",
]

_ROUND_TWENTY_THREE_CASES = [
    ("Kestrel Bio Provides Update on Prescribing Information for Urelix",
     "On March 2, 2025, Kestrel Bio, Inc. received a Safety Labeling Change Notification letter "
     "from the U.S. Food and Drug Administration requiring that a Boxed Warning be added to the "
     "prescribing information of Urelix, its approved gout treatment, and of all other approved "
     "xanthine oxidase inhibitors.", "FDA", "other"),
    ("Notice Regarding Milestone from Licensee",
     "Kiso Pharma announces that the approval, obtained today by its licensee from the Ministry "
     "of Health, Labour and Welfare, of a partial change to the approved items of Relvena adds "
     "an indication in paediatric epilepsy.", "PMDA", "approval"),
    ("Norland Royalty Trust to Acquire Royalty on Zeplar",
     "Norland Royalty Trust today agreed to buy a royalty on Zeplar for $40 million, with $50 "
     "million more payable if the U.S. Food and Drug Administration approves Zeplar for gout.",
     "NONE", "none"),
    ("Ardent Capital Buys Velmora Royalty, With Payment Contingent on FDA Approval",
     "Ardent Capital LLC today announced that it has acquired a royalty interest in Velmora "
     "from Fenwick University for $25 million upfront.", "NONE", "none"),
    ("Sorrento Farma acquires European rights to Tavrel",
     "Sorrento Farma S.p.A. today acquired the European rights to Tavrel for EUR 20 million "
     "upfront and up to EUR 90 million in milestones, including payments on European "
     "Commission approval.", "NONE", "none"),
    ("INSIDE INFORMATION - PROFIT WARNING",
     "The Board of Lingyun Pharmaceutical Holdings wishes to inform shareholders that the Group "
     "recorded a decrease in revenue of about 20% for the year, principally attributable to "
     "volume-based procurement price cuts on products approved by the NMPA in prior years.",
     "NONE", "none"),
    ("FDA Authorizes Second Booster of Corvana Vaccine Under Emergency Use",
     "Halden Vaccines Inc. said the U.S. Food and Drug Administration extended the use of its "
     "COVID-19 vaccine to a second booster in adults aged 50 and over.", "FDA", "other"),
    ("PRAC recommends restriction of use of Delvora",
     "Marlow Pharma AG announces that the Pharmacovigilance Risk Assessment Committee of the "
     "European Medicines Agency has recommended that its use be restricted to adults in whom "
     "other treatments have failed.", "EMA", "other"),
    ("Wrenfield Therapeutics, Inc. - Current Report on Form 8-K",
     "On March 2, 2025, Wrenfield Therapeutics, Inc. was notified by the U.S. Food and Drug "
     "Administration that its New Drug Application for Caltrex tablets had been approved.",
     "FDA", "approval"),
    ("Bricklane Bio takes over Nordexa authorisation",
     "Bricklane Bio B.V. announced that the European Commission has adopted a decision "
     "transferring the marketing authorisation for Nordexa from Alva Pharma to Bricklane.",
     "EC", "other"),
]
_ROUND_TWENTY_THREE_IDS = [
    "attributive-approved-is-no-act", "approval-of-a-partial-change-after-an-apposition",
    "hedge-reaches-past-u-s", "payment-contingent-on-approval", "payments-on-approval",
    "approved-in-prior-years", "authorizes-under-emergency-use",
    "recommends-restriction-of-use", "had-been-approved-dated-yesterday",
    "decision-transferring-the-authorisation",
]

_ROUND_TWENTY_FOUR_CASES = [
    ("Lakemoor Pauses Dosing in LKM-2 Study",
     "Lakemoor Bio, Inc. today said it has voluntarily paused dosing in its Phase 1 study of "
     "LKM-2. No health authority has placed the trial on clinical hold.", "NONE", "none"),
    ("Harrowgate Cell Therapy Provides IND Update",
     "Harrowgate Cell Therapy, Inc. today announced that the U.S. Food and Drug Administration "
     "has informed the company that its planned first-in-human trial of HCT-7 in lupus nephritis "
     "may not proceed until additional vector shedding data are submitted.", "FDA",
     "clinical_hold"),
    ("Marlowe Therapeutics plc - Regulatory Update",
     "Marlowe Therapeutics plc announces that the US Food and Drug Administration has informed "
     "the Company that it would not file the Biologics License Application for MRT-9 in "
     "psoriasis, as the stability data were incomplete.", "FDA", "refusal_to_file"),
    ("Fato Relevante - Registro de Dermavil",
     "Cristalina Farma S.A. informs the market that ANVISA today published the indeferimento "
     "(rejection) of the application to register Dermavil (ovatraline) for psoriasis.", "OTHER",
     "refusal"),
    ("Tamarack Pharma Updates Canadian Label for Norvexa",
     "Tamarack Pharma Inc. today announced that, at the request of Health Canada, it has revised "
     "the Product Monograph for Norvexa (dalnotrine) to add a warning about severe skin "
     "reactions.", "HEALTH_CANADA", "other"),
    ("Notice Regarding Revision of Precautions for Hikaru Tablets",
     "Hanaoka Pharma Co., Ltd. announces that the Ministry of Health, Labour and Welfare has "
     "ordered a revision of the Precautions for Use of Hikaru Tablets to add hepatic failure.",
     "PMDA", "other"),
    ("Penwith Pharma plc - EU Regulatory Update",
     "Penwith Pharma plc announces that it has decided not to pursue its marketing authorisation "
     "application for Calvora with the European Medicines Agency and has withdrawn it. The CHMP "
     "had told the company that it was likely to adopt a negative opinion.", "EMA", "withdrawal"),
    ("Quillon Health Receives FDA De Novo Marketing Authorization for SleepWell Rx",
     "Quillon Health, Inc. today announced that the U.S. Food and Drug Administration has "
     "granted De Novo marketing authorization for SleepWell Rx, a prescription app for "
     "insomnia.", "FDA", "clearance"),
    ("VOLUNTARY ANNOUNCEMENT - APPROVAL BY NMPA OF CLINICAL TRIAL APPLICATION FOR QX-31",
     "The board of Qingxi Biotech Holdings Limited is pleased to announce that the "
     "Investigational New Drug application for QX-31, an oral GLP-1 agonist, has been approved "
     "by the National Medical Products Administration for trials in obesity.", "NMPA",
     "trial_authorization"),
    ("Nordvik Pharma Announces EU Paediatric Plan Decision for Lumetra",
     "Nordvik Pharma ASA today announced that the European Medicines Agency has issued a "
     "decision agreeing the Paediatric Investigation Plan for Lumetra (velacitinib), following "
     "a positive opinion from its Paediatric Committee (PDCO).", "EMA", "regulatory_feedback"),
    ("Halvorsen Bio Granted FDA Priority Review for Telzira BLA",
     "Halvorsen Bio, Inc. today announced that the U.S. Food and Drug Administration has "
     "accepted its Biologics License Application for Telzira in myasthenia gravis and granted "
     "it Priority Review.", "FDA", "filing_accepted"),
    ("Halvorsen Bio Granted FDA Priority Review for Telzira",
     "Halvorsen Bio, Inc. today announced that the U.S. Food and Drug Administration has "
     "granted Priority Review to Telzira. The FDA accepted the BLA in March.", "FDA",
     "designation"),
    ("Announcement on QZ-4 Injection being included in the Priority Review Procedure by CDE",
     "Qizhen Bio announces that the marketing application for QZ-4 Injection for gout, which "
     "was accepted by the National Medical Products Administration in January 2025, has been "
     "included in the priority review procedure by the Center for Drug Evaluation.", "NMPA",
     "designation"),
    ("Corvel Bio's CRV-2 Selected for PRIME",
     "Eligibility for the PRIority MEdicines scheme has been granted to CRV-2 by the European "
     "Medicines Agency, Corvel Bio SA said today.", "EMA", "designation"),
    ("Oakvale Therapeutics Announces Settlement of Shareholder Litigation",
     "Oakvale Therapeutics, Inc. today announced that it has reached an agreement to settle the "
     "securities class action over its statements about the FDA's review of Zelvio before the "
     "complete response letter of May 2019.", "NONE", "none"),
    ("Ravensworth Pharma Reports Outcome of FDA Review of Selvora",
     "Ravensworth Pharma, Inc. today reported that the U.S. Food and Drug Administration has "
     "concluded its review of the New Drug Application for Selvora in migraine and determined "
     "that the submitted studies do not demonstrate efficacy at the proposed dose.", "FDA",
     "complete_response"),
    ("FDA Approves Selvora",
     "Ravensworth Pharma, Inc. announced that the FDA has completed its review of the New Drug "
     "Application for Selvora and approved it, requesting a postmarketing study.", "FDA",
     "approval"),
    ("Ravensworth Pharma Statement on Selvora sNDA",
     "Ravensworth Pharma, Inc. announced that the FDA has informed it that its supplemental New "
     "Drug Application for Selvora in cluster headache cannot be approved on the basis of the "
     "available data.", "FDA", "complete_response"),
    ("Notice Concerning HOSHIRA Tablets",
     "Kurobe Pharma Co., Ltd. announces that it has today obtained approval for the manufacture "
     "and sale of HOSHIRA Tablets for chronic cough from the Ministry of Health, Labour and "
     "Welfare.", "PMDA", "approval"),
    ("Brugge Diagnostics Receives CE-IVD Approval Under IVDR for Its Lyme Assay",
     "Brugge Diagnostics NV today announced that its BorreliQuant assay has been certified by "
     "its notified body under the EU In Vitro Diagnostic Regulation as a Class C device.",
     "NOTIFIED_BODY", "clearance"),
]
_ROUND_TWENTY_FOUR_IDS = [
    "no-authority-has-placed-a-hold", "planned-trial-may-not-proceed",
    "agency-says-it-would-not-file", "rejection-in-brackets-after-the-original-word",
    "monograph-revised-to-add-a-warning", "ordered-a-revision-of-precautions",
    "withdrawn-it-after-not-pursuing-and-a-likely-opinion", "de-novo-marketing-authorization",
    "ind-application-approved-with-the-regulator-between", "paediatric-plan-agreed",
    "accepted-and-granted-priority-review-is-the-acceptance",
    "priority-review-alone-with-an-earlier-acceptance",
    "priority-review-for-an-application-accepted-in-a-relative-clause",
    "prime-eligibility-in-the-passive",
    "settlement-agreement-is-no-feedback", "review-concluded-short-of-approval",
    "review-completed-with-approval", "cannot-be-approved-on-the-available-data",
    "approval-for-the-manufacture-and-sale", "notified-bodys-approval-of-an-assay",
]

_ROUND_TWENTY_FIVE_CASES = [
    ("Pellion Provides Regulatory Update on VESTRA",
     "BOSTON -- Pellion Therapeutics, Inc. today provided an update on VESTRA (aloxitamab). "
     "VESTRA received accelerated approval in March 2023 for adults with relapsed myeloma. The "
     "accelerated approval was based on response rates in the VEST-1 study. The FDA has asked "
     "Pellion to voluntarily remove VESTRA from the U.S. market after the confirmatory study "
     "missed its primary endpoint.", "FDA", "other"),
    ("Kestrel Medical Update",
     "SYDNEY -- Kestrel Medical Ltd said the Therapeutic Goods Administration has requested that "
     "the company withdraw its KESTREL-V valve from the Australian market pending further "
     "review.", "TGA", "other"),
    ("Pellion Provides Regulatory Update on VESTRA",
     "BOSTON -- Pellion Therapeutics, Inc. today provided an update on VESTRA (aloxitamab). "
     "VESTRA received accelerated approval in March 2023 for adults with relapsed myeloma. The "
     "accelerated approval was based on response rates in the VEST-1 study. The company plans "
     "to present new data at ASH.", "NONE", "none"),
    ("Pellion Provides Regulatory Update on VESTRA",  # (a guard: the act told is today's)
     "BOSTON -- Pellion Therapeutics, Inc. today announced that the FDA has granted accelerated "
     "approval to VESTRA (aloxitamab) for adults with relapsed myeloma. The accelerated approval "
     "was based on response rates in the VEST-1 study.", "FDA", "accelerated_approval"),
    ("Pellion Therapeutics Provides Business Update",
     "BOSTON -- Pellion Therapeutics, Inc. today provided a business update. The FDA has not yet "
     "made a final decision to withdraw the approval of VESTRA, which remains available to "
     "patients.", "NONE", "none"),
    ("Pellion Therapeutics Provides Business Update",
     "BOSTON -- Pellion Therapeutics, Inc. today provided a business update. No final decision "
     "has been taken to suspend the licence of VESTRA, Health Canada told the company.",
     "NONE", "none"),
    ("Harwick Pharma: European Commission restores Zolvant marketing authorisation",
     "LYON, 3 March 2025 -- Harwick Pharma SA announced that the European Commission has lifted "
     "the suspension of the marketing authorisation for Zolvant (tebrimaline), which had applied "
     "since November.", "EC", "other"),
    ("Corrin Spine: CE certificate reinstated",
     "DUBLIN, 3 March 2025 -- Corrin Spine plc announces that its notified body, TÜV SÜD, has "
     "reinstated the CE certificate for the Corrin L5 cage after a follow-up audit; deliveries "
     "resume this month.", "NOTIFIED_BODY", "other"),
    ("Health Canada Lifts Import Restriction on Products From Nashik Site",
     "MUMBAI, March 3, 2025 -- Varad Pharma Limited informs that Health Canada has lifted the "
     "import restriction on drug products made at its Nashik facility after reviewing the "
     "Company's corrective actions.", "HEALTH_CANADA", "other"),
    ("Quarry Bay Therapeutics Released From Postmarketing Requirement for Ostalin",
     "DURHAM, N.C., March 3, 2025 -- Quarry Bay Therapeutics, Inc. said the FDA has released the "
     "company from the postmarketing requirement to run a renal safety study of Ostalin.",
     "FDA", "other"),
    ("Tolland Biologics plc - TB-4 study halt ended",
     "EXETER, 3 March 2025 -- Tolland Biologics plc announces that the MHRA has approved the "
     "amendment ending the temporary halt of its Phase 1 study of TB-4.", "MHRA", "hold_lifted"),
    ("Skarvik Pharma notes PRAC recommendation",
     "STOCKHOLM, 3 March 2025 -- Skarvik Pharma AB notes that the PRAC has recommended that the "
     "marketing authorisations of medicines containing dorvaline, including the Company's "
     "Dorvex, be suspended in the EU.", "EMA", "other"),
    ("Veldhoven Bio: orphan status of Rapexa not confirmed",
     "EINDHOVEN, 3 March 2025 -- Veldhoven Bio N.V. announces that the EMA's COMP concluded that "
     "Rapexa no longer meets the criteria for orphan designation at the time of authorisation.",
     "EMA", "other"),
    ("Disclosure under Regulation 30 - Licence Suspension",
     "HYDERABAD, March 3, 2025 -- Navya Drugs Limited informs that the Drugs Control "
     "Administration, Government of Telangana, has suspended the manufacturing licence of its "
     "Medak facility pending an inquiry.", "OTHER", "other"),
    ("Update on Pulmavent inhaler batches",
     "SÃO PAULO, March 3, 2025 -- Laboratório Serra Azul S.A. said that Anvisa has ordered the "
     "withdrawal from the market of three batches of its Pulmavent inhaler.", "OTHER", "other"),
    ("Calder Oncology Statement on FDA Notice",
     "BOSTON, March 3, 2025 -- Calder Oncology, Inc. acknowledged the FDA's notice announcing "
     "the withdrawal of approval of the accelerated-approval indication of Tesvira in "
     "second-line gastric cancer.", "FDA", "other"),
    ("Aldmoor Bio Provides Regulatory Update on Velzira",
     "OXFORD, 3 March 2025 -- Aldmoor Bio plc today provided an update on Velzira. The CHMP "
     "adopted its positive opinion on Velzira on 12 December on the basis of the VEL-3 study. "
     "Pricing talks in Germany have started.", "NONE", "none"),
    ("Notice on Discontinuation of KP-31 Development by Licensee",
     "OSAKA, March 3, 2025 -- Kiyomi Pharma Co., Ltd. announces that its licensee has decided "
     "to stop developing KP-31 in Korea. KP-31 remains approved by the U.S. FDA.",
     "NONE", "none"),
    ("Brisa Therapeutics Announces EU Authorisation of Ventrila",  # (a guard: days before)
     "COPENHAGEN, 3 March 2025 -- Brisa Therapeutics A/S announces that the European Commission "
     "granted marketing authorisation for Ventrila (osmarinib) on 28 February.", "EC",
     "approval"),
    ("Marden Medical Provides Business Update",
     "LEEDS, 3 March 2025 -- Marden Medical plc today gave a business update. On January 9, 2023 "
     "the FDA classified the company's recall of its MX pumps as a Class I recall.", "NONE",
     "none"),
]
_ROUND_TWENTY_FIVE_IDS = [
    "regulator-asks-to-remove-from-the-market", "regulator-requests-market-withdrawal",
    "the-act-referred-back-to-is-background", "the-act-referred-back-to-is-todays",
    "no-final-decision-made-to-withdraw", "no-final-decision-taken-to-suspend",
    "commission-lifts-suspension-of-an-authorisation", "notified-body-reinstates-a-certificate",
    "import-restriction-lifted", "released-from-a-postmarketing-requirement",
    "amendment-ending-a-temporary-halt", "prac-recommends-suspending-with-a-long-subject",
    "no-longer-meets-orphan-criteria", "indian-state-regulator-suspends-a-licence",
    "ordered-withdrawal-from-the-market-of-batches", "withdrawal-of-approval-of-an-indication",
    "opinion-dated-by-day-without-year-is-background", "remains-approved-is-a-state",
    "act-dated-days-before-without-year", "opening-date-with-its-year-and-no-comma",
]


_ROUND_TWENTY_SIX_CASES = [
    ("Halvor Bio: European Commission grants marketing authorisation for TRENZIA",
     "AMSTERDAM -- Halvor Bio N.V. today announced that the European Commission has granted "
     "marketing authorisation for TRENZIA (pexomilast) in Gaucher disease type 1 and "
     "confirmed its orphan designation, which brings ten years of market exclusivity in the "
     "EU.", "EC", "approval"),
    ("Orrin Pharma Secures Orphan Exclusivity as FDA Approves KELVARA",
     "BOSTON -- Orrin Pharma, Inc. today announced that the FDA has approved the New Drug "
     "Application for KELVARA (tazorimod) in Wilson disease and granted seven years of "
     "orphan drug exclusivity.", "FDA", "approval"),
    ("Qingshan Medical's Stent Enters NMPA Special Review Procedure",  # (a guard)
     "SHANGHAI -- Qingshan Medical Co., Ltd. today announced that its QS-Flow stent has been "
     "approved by the National Medical Products Administration to enter the Special Review "
     "Procedure for Innovative Medical Devices.", "NMPA", "designation"),
    ("Brenlow Oncology Presents Phase 2 Data at ASCO 2025",
     "CHICAGO -- Brenlow Oncology, Inc. today presented Phase 2 data for BRN-22 in gastric "
     "cancer at the ASCO Annual Meeting. The company also announced today that the FDA has "
     "granted Fast Track designation to BRN-22 for gastric cancer.", "FDA", "designation"),
    ("Ardley Pharma Reports Fourth Quarter Results",  # (a guard)
     "TORONTO -- Ardley Pharma Inc. today reported its fourth quarter results. Separately, "
     "the company announced today that Health Canada has issued a Notice of Compliance for "
     "ARDLEX (pemotinib) in chronic urticaria.", "HEALTH_CANADA", "approval"),
    ("Colbrook Therapeutics Reports Second Quarter Results",
     "SAN DIEGO -- Colbrook Therapeutics, Inc. today reported its second quarter results. "
     "Earlier today, the company received approval from the U.S. Food and Drug "
     "Administration for COLVARA (ritemadine) tablets in narcolepsy.", "FDA", "approval"),
    ("Tennant Bio Reports Full-Year Results",
     'BOSTON -- Tennant Bio, Inc. today reported its full-year results. "Today we also '
     "announce that we have submitted our Biologics License Application to the FDA for TB-7 "
     'in Pompe disease," said the chief executive.', "FDA", "submission"),
    ("Halden Medical Marks One Year of ZERVIC in the Clinic",
     "BOSTON -- Halden Medical, Inc. today marked one year since the U.S. Food and Drug "
     "Administration approved ZERVIC, its implant for glaucoma, with more than 5,000 "
     "patients treated.", "NONE", "none"),
    ("Wexcombe Biosciences plc - Operational update",
     "OXFORD -- Wexcombe Biosciences plc announces the closure of its Leeds site. The Board "
     "also announces that the MHRA has today suspended the Company's Phase 1 study of WX-3 "
     "pending information on a serious adverse event.", "MHRA", "clinical_hold"),
    ("Glenmara Pharma plc - SMC advice on ORVELLA",
     "GLASGOW -- Glenmara Pharma plc announces that the Scottish Medicines Consortium has "
     "today published advice accepting ORVELLA (sitaprant) for restricted use within NHS "
     "Scotland in adults with refractory gout.", "OTHER", "positive_opinion"),
    ("Sava Lyra Announces CHMP Recommendation for VENTRIX",
     "LJUBLJANA -- Sava Lyra d.o.o. today announced that the CHMP has recommended granting a "
     "marketing authorisation for VENTRIX (obrelitide) in pulmonary fibrosis.",
     "EMA", "positive_opinion"),
    ("Sava Lyra Provides Update on VENTRIX in Europe",  # (a guard)
     "LJUBLJANA -- Sava Lyra d.o.o. today announced that the CHMP did not recommend granting "
     "a conditional marketing authorisation for VENTRIX (obrelitide) in pulmonary fibrosis.",
     "EMA", "negative_opinion"),
    ("Corvane Medical Receives FDA Clearance for HEARTLINE Pump",
     "MINNEAPOLIS -- Corvane Medical, Inc. said the FDA approved its premarket approval "
     "(PMA) application for the HEARTLINE ventricular assist pump.", "FDA", "approval"),
    ("Earlow Audio Wins First FDA Approval",
     "MINNEAPOLIS -- Earlow Audio, Inc. today announced that the FDA has granted the "
     "company's de novo petition for its self-fitting hearing aid.", "FDA", "clearance"),
    ("Tarrow Pharmaceuticals Announces Workforce Reduction",
     "BOSTON -- Tarrow Pharmaceuticals, Inc. today announced a 30% workforce reduction after "
     "the FDA's Psychopharmacologic Drugs Advisory Committee voted 7 to 5 yesterday against "
     "the effectiveness of TRW-9 in bipolar depression.", "FDA", "advisory_vote"),
    ("Marlow Bio Announces FDA Approval of ZELTRA for Eczema; Receives Complete Response "
     "Letter for Asthma",
     "BOSTON -- Marlow Bio, Inc. today announced that the FDA has approved ZELTRA "
     "(pirocitinib) for adults with moderate-to-severe atopic dermatitis. Separately, the "
     "FDA issued a Complete Response Letter for the company's application in severe asthma.",
     "FDA", "approval"),
    ("MHRA approves clinical trial authorisation for Selby Bio's first study of SB-4",  # (a guard)
     "LEEDS -- Selby Bio Ltd announced today that the MHRA has approved its Clinical Trial "
     "Authorisation application for a first-in-human study of SB-4 in lupus.",
     "MHRA", "trial_authorization"),
    ("Altona Health Receives Additional Information Request from FDA on 510(k) for PulseView",
     "AUSTIN -- Altona Health, Inc. today announced that the FDA has issued an Additional "
     "Information request in its review of the company's 510(k) submission for PulseView, "
     "its wearable ECG patch.", "FDA", "regulatory_feedback"),
]
_ROUND_TWENTY_SIX_IDS = [
    "approval-with-the-orphan-designation-it-confirms",
    "approval-with-exclusivity-headlined-first", "approved-to-enter-a-designation-procedure",
    "also-announced-today-under-a-congress-headline",
    "separately-announced-today-under-a-results-headline",
    "earlier-today-under-a-results-headline", "we-also-announce-in-a-quote",
    "one-year-since-the-u-s-agency-approved", "regulator-suspends-the-companys-study",
    "smc-advice-accepting-for-restricted-use", "committee-recommended-granting-an-authorisation",
    "committee-did-not-recommend-granting", "pma-application-approved-called-clearance",
    "de-novo-petition-granted-called-approval",
    "vote-counted-yesterday-under-a-restructuring-headline",
    "headline-of-two-acts-the-opening-announces-one", "a-trial-authorisation-approved",
    "information-request-on-a-510k-in-headline-and-opening",
]


_ROUND_TWENTY_SEVEN_CASES = [
    ("Norrvik Medical completes acquisition of Sentalis Devices",
     "Norrvik Medical AB today announced that it has completed its acquisition of Sentalis "
     "Devices, a maker of peripheral stents. Closing was conditional on Sentalis obtaining CE "
     "marking under the MDR for its LX stent, a condition fulfilled on 10 February 2025, when "
     "the notified body, TÜV Rheinland LGA Products GmbH, issued the CE certificate.",
     "NONE", "none"),
    ("Norrvik Medical completes acquisition of Sentalis Devices",
     "Norrvik Medical AB today announced that it has completed its acquisition of Sentalis "
     "Devices, a maker of peripheral stents. Closing was conditional on Sentalis obtaining CE "
     "marking under the MDR for its LX stent, a condition fulfilled today, when the notified "
     "body, TÜV Rheinland LGA Products GmbH, issued the CE certificate.",
     "NOTIFIED_BODY", "clearance"),
    ("Pellworth Therapeutics Announces FDA Approval of NORAVEX",
     "Pellworth Therapeutics, Inc. today announced that the U.S. Food and Drug Administration "
     "has approved NORAVEX (tarilumab) for adults with relapsed follicular lymphoma after two "
     "prior therapies. NORAVEX was approved under the Accelerated Approval Program based on the "
     "objective response rate in the phase 2 TARI-2 trial.", "FDA", "accelerated_approval"),
    ("Odelia Bio Receives EU Approval for VESTRAMYD",
     "Odelia Bio SE today announced that the European Commission has approved VESTRAMYD "
     "(sotiparin) for adults with AL amyloidosis. VESTRAMYD was authorised as a conditional "
     "marketing authorisation, renewable annually, on the basis of the haematologic response "
     "rate in the VESTA-2 study.", "EC", "accelerated_approval"),
    ("Pellworth Therapeutics Announces Full FDA Approval of NORAVEX",
     "Pellworth Therapeutics, Inc. today announced that the U.S. Food and Drug Administration "
     "has granted full approval to NORAVEX (tarilumab) for relapsed follicular lymphoma. "
     "NORAVEX was approved under the Accelerated Approval Program in 2022.", "FDA", "approval"),
    ("Kelvard Bio Prices $60 Million Registered Direct Offering",
     "Kelvard Bio, Inc. today announced the pricing of a registered direct offering of $60 "
     "million. Proceeds will support the launch of TRELVIO (vaborasib), which the U.S. "
     "Food and Drug Administration approved in January for chronic migraine.", "NONE", "none"),
    ("Kelvard Bio Reports Fourth Quarter and Full Year 2024 Financial Results and Provides "
     "Corporate Update",
     "Kelvard Bio, Inc. today reported a net loss of $52.0 million for 2024. In January, the FDA "
     "accepted for filing the New Drug Application for TRELVIO (vaborasib) for chronic migraine "
     "and granted it priority review, with a PDUFA date of July 28, 2025.", "NONE", "none"),
    ("Harlowe Biologics Opens New Manufacturing Facility in Raleigh",
     "Harlowe Biologics, Inc. today opened its new manufacturing facility in Raleigh, "
     "North Carolina. The site will produce VANTRIX (selmotide), which the U.S. Food and "
     "Drug Administration approved on February 10, 2025 for adults with short bowel "
     "syndrome.", "NONE", "none"),
    ("Brantford Oncology Receives Health Canada Approval for KORVANTA",
     "Brantford Oncology Inc. announced today that Health Canada has authorized KORVANTA "
     "(tisolimab) for adults with relapsed multiple myeloma after three or more lines of "
     "therapy under the Notice of Compliance with Conditions (NOC/c) policy.",
     "HEALTH_CANADA", "accelerated_approval"),
    ("Brantford Oncology Receives Health Canada Approval for KORVANTA",
     "Brantford Oncology Inc. announced today that Health Canada has authorized KORVANTA "
     "(tisolimab) for adults with relapsed multiple myeloma. Market authorization with "
     "conditions was granted pending the results of the confirmatory KORV-3 trial.",
     "HEALTH_CANADA", "accelerated_approval"),
    ("Notice Regarding Designation of TK-410 for Priority Review",
     "Tokiwa Seiyaku Co., Ltd. announced that the Ministry of Health, Labour and Welfare "
     "has designated TK-410 (ravosetan), for which an application for marketing approval "
     "was filed in December 2024 for refractory epilepsy in children, as a product subject "
     "to priority review.", "PMDA", "designation"),
    ("Aomori Genetics' AG-12 Designated Under Japan's SAKIGAKE Scheme",
     "Japan's health ministry has designated AG-12, Aomori Genetics' gene therapy for "
     "Fabry disease, for its SAKIGAKE review scheme, the company said today.", "PMDA",
     "designation"),
    ("Delmont Pharmaceuticals Receives Not-Approvable Letter for VIREXA NDA",
     "Delmont Pharmaceuticals, Inc. announced today that it has received a not-approvable "
     "letter for its New Drug Application for VIREXA (pelvadine) in chronic insomnia. In "
     "the letter, the Agency stated that the trials did not show a sufficient effect.", "FDA",
     "complete_response"),
    ("Voluntary Announcement: Business Update",
     "The board of directors of Huaxin Biotech Holdings Limited announces a business update. As "
     "disclosed in the announcement of the Company dated 10 January 2025, the Center for Drug "
     "Evaluation of the NMPA approved the IND application of HX-301 for advanced solid "
     "tumours. The first patient has now been dosed in the Phase I trial.", "NONE", "none"),
    ("Rhydian Bio Reports Phase 3 Results for TELVANO in Psoriasis",
     "Rhydian Bio today reported that TELVANO achieved complete skin clearance in 41% of "
     "patients at week 16 in the phase 3 TELVA-2 trial, which the U.S. Food and Drug "
     "Administration reviewed at an end-of-phase 2 meeting.", "NONE", "none"),
]
_ROUND_TWENTY_SEVEN_IDS = [
    "a-certificate-in-a-when-clause-dated-by-its-main-clause-weeks-back",
    "a-certificate-in-a-when-clause-dated-today",
    "the-lead-states-the-approval-under-the-accelerated-programme",
    "the-lead-states-the-authorisation-as-conditional",
    "full-approval-after-an-accelerated-approval-recalled",
    "an-act-a-month-before-the-offering-dated-by-its-month",
    "an-acceptance-a-month-before-the-results-dated-by-its-month",
    "an-act-dated-weeks-back-under-a-facility-opening-headline",
    "a-conditional-notice-after-lines-of-therapy-in-the-indication",
    "a-market-authorization-with-conditions",
    "a-ministry-designates-a-product-subject-to-priority-review",
    "a-health-ministry-designates-for-its-scheme",
    "a-not-approvable-letter-from-the-agency",
    "an-act-told-as-disclosed-in-a-dated-announcement",
    "skin-clearance-in-trial-results-is-no-device-clearance",
]
_ROUND_TWENTY_EIGHT_CASES = [
    ("FDA Approves Corvanta's TELMIRA in Relapsed Mantle Cell Lymphoma",
     "Corvanta Biosciences, Inc. said the U.S. Food and Drug Administration approved TELMIRA "
     "(telmirastat) for adults with relapsed mantle cell lymphoma. The indication is approved "
     "under accelerated approval based on overall response rate, and continued approval may "
     "be contingent upon a confirmatory trial.", "FDA", "accelerated_approval"),
    ("Hallbeck Genetics Resumes Dosing in HG-7 Study",
     "Hallbeck Genetics, Inc. today resumed dosing in its phase 1 study of HG-7 after a "
     "two-week internal review of a lab finding. The U.S. Food and Drug Administration did not "
     "place the study on clinical hold.", "NONE", "none"),
    ("Hallbeck Genetics Pauses Enrollment in HG-7 Study",
     "Hallbeck Genetics, Inc. today paused enrollment in its phase 1 study of HG-7 while it "
     "reviews a lab finding, a decision the company made on its own; neither the FDA nor "
     "Health Canada has placed the study on hold.", "NONE", "none"),
    ("Daeyang Pharm Receives Korean Approval for DYP-20",
     "Daeyang Pharm Co., Ltd. announced that the Korea Food and Drug Administration (KFDA) has "
     "approved DYP-20 (rostafenil) for the treatment of overactive bladder.", "OTHER",
     "approval"),
    ("Notice Regarding Business Plan for Fiscal 2013",
     "Ichinoseki Pharmaceutical Co., Ltd. announced its business plan for fiscal 2013. The "
     "plan assumes MHLW approval of IP-31 for chronic gout, filed in October 2012.", "NONE",
     "none"),
    ("Wexmoor Bio Files Form 8-K",
     "On March 1, 2025, the board of Wexmoor Bio, Inc. approved a restructuring that stops "
     "work on WB-12. The WB-12 IND remains active, and the restructuring was not the result of "
     "any regulatory action.", "NONE", "none"),
    ("Tarnvik Pharma Raises $25 Million to Fund BLA Resubmission for ORVELA",
     "Tarnvik Pharma, Inc. today closed a $25 million registered direct offering. The proceeds "
     "will pay for the manufacturing work the FDA asked for in its complete response letter of "
     "June 2014, a resubmission of the Biologics License Application and working capital.",
     "NONE", "none"),
    ("Marrow Bio's ZELTRA Approved in the EU",
     "Marrow Bio AG today announced that the European Commission has granted marketing "
     "authorisation for ZELTRA (zeltrabin) for adults with cystinosis. In January the COMP "
     "confirmed that ZELTRA's orphan designation should be maintained, entitling the product to "
     "ten years of orphan market exclusivity in the EU.", "EC", "approval"),
    ("Sakuragawa Pharma Obtains Approval in Japan for SKR-9 in Biliary Tract Cancer",
     "Sakuragawa Pharma Co., Ltd. announced that it has obtained manufacturing and marketing "
     "approval from the Ministry of Health, Labour and Welfare for SKR-9 (soraketinib) for "
     "unresectable biliary tract cancer. The approval was granted under the conditional early "
     "approval system.", "PMDA", "accelerated_approval"),
    ("Coralbay Therapeutics Announces Australian Registration of VELMORA",
     "Coralbay Therapeutics Ltd (ASX: CBT) said VELMORA (velmorasib) is now included on the "
     "Australian Register of Therapeutic Goods under the provisional approval pathway for adults "
     "with relapsed myelofibrosis.", "TGA", "accelerated_approval"),
    ("Pinebrook Generics Receives Tentative FDA Approval for LORASTIN ER",
     "Pinebrook Generics, Inc. announced that the U.S. Food and Drug Administration has acted on "
     "its Abbreviated New Drug Application for LORASTIN ER (lorastatin extended-release "
     "tablets); final approval awaits the expiry of a patent in 2027.", "FDA", "other"),
]
_ROUND_TWENTY_EIGHT_IDS = [
    "the-indication-approved-under-accelerated-approval-without-pathway-word",
    "no-hold-placed-said-with-the-base-verb",
    "neither-regulator-has-placed-a-hold",
    "korea-food-and-drug-administration-is-korea-s-own",
    "an-approval-a-plan-assumes",
    "an-ind-that-remains-active-is-no-act",
    "a-resubmission-money-raised-will-fund",
    "exclusivity-an-act-entitles-the-product-to",
    "japan-s-conditional-early-approval-system",
    "the-tga-s-provisional-approval-pathway",
    "a-tentative-fda-approval-headline",
]

#: the twenty-ninth round's tune misses, in fresh words: a refiled submission, a committee's
#: recommendation against told with the product as subject, leave to resume or continue a
#: stopped trial, a second "that" clause after a dated hold letter, market acts (a device alert,
#: a recall class assigned, a warning to add, a REMS approved, indications restricted, a product
#: descheduled, sales suspended or asked to be), the day between a regulator and its verb, a
#: past perfect that reports news, a new goal date for a resubmission, a device "is CE marked",
#: a headline's act the lead recalls and only plans to answer
_ROUND_TWENTY_NINE_CASES = [
    ("Birchvale Therapeutics Refiles New Drug Submission for OSTAREL",
     "Birchvale Therapeutics Inc. (TSX: BCV) today announced that it has refiled its New Drug "
     "Submission with Health Canada for OSTAREL (ostarelin) in adults with hypoparathyroidism.",
     "HEALTH_CANADA", "submission"),
    ("Wombeyan Pharma Limited - ACM outcome for KOREVA",
     "Wombeyan Pharma Limited (ASX: WBY) advises that the Advisory Committee on Medicines (ACM) "
     "has recommended that KOREVA (korevastat) not be registered for the treatment of adults "
     "with chronic migraine. The final decision rests with the TGA delegate.", "TGA",
     "negative_opinion"),
    ("Notice Regarding Deliberation on the Application for SUZUNE",
     "Hoshikawa Pharma Co., Ltd. announced that the Second Committee on New Drugs of the "
     "Pharmaceutical Affairs Council, at its meeting held on February 28, concluded that the "
     "application for SUZUNE (suzanitide) in gout should not be approved on the data submitted.",
     "PMDA", "negative_opinion"),
    ("Voluntary Announcement - Trial of LX-310 to Restart in China",
     "The board of Lanxi Biologics Inc. is pleased to announce that the Center for Drug "
     "Evaluation of the National Medical Products Administration has agreed that the Company may "
     "resume the Phase I study of LX-310 in solid tumours.", "NMPA", "hold_lifted"),
    ("Aarberg Cell AG: Swissmedic approves continuation of AC-19 trial",
     "Aarberg Cell AG announced today that Swissmedic has approved the continuation of the "
     "Phase 2 trial of AC-19 in myeloma, which it had halted in January after a case of "
     "cytokine release syndrome.", "OTHER", "hold_lifted"),
    ("Fernhill Bio Announces Restart of HX-2 Study",
     "Fernhill Bio, Inc. today announced that the U.S. Food and Drug Administration has informed "
     "the company that it has resolved all issues in the April clinical hold letter and that "
     "dosing in the HX-2 study may restart.", "FDA", "hold_lifted"),
    ("Severn Infusion plc: MHRA issues Medical Device Alert on ClearLine sets",
     "Severn Infusion plc said the Medicines and Healthcare products Regulatory Agency has "
     "issued a Medical Device Alert asking hospitals to remove two lots of ClearLine extension "
     "sets from use.", "MHRA", "other"),
    ("Health Canada Classifies Recall of Muskoka Diagnostics' TruRead Meters as Type II",
     "Muskoka Diagnostics Inc. said Health Canada has assigned a Type II classification to the "
     "company's recall of TruRead blood pressure meters.", "HEALTH_CANADA", "other"),
    ("Vestergaard Pharma A/S: PRAC advice on NORVEL",
     "Vestergaard Pharma A/S announces that the European Medicines Agency's Pharmacovigilance "
     "Risk Assessment Committee (PRAC) has recommended adding interstitial lung disease to the "
     "warnings in the product information of NORVEL (norvelimab).", "EMA", "other"),
    ("FDA Approves REMS for Calderon's OXYBENT",
     "Calderon Pharmaceuticals, Inc. today announced that the FDA has approved a Risk "
     "Evaluation and Mitigation Strategy for OXYBENT (oxybentanol) tablets, which the company "
     "has marketed since 2019.", "FDA", "other"),
    ("Ad hoc: BfArM restricts indications of DOLMERA",
     "Spreewald Pharma AG today received a decision of the Federal Institute for Drugs and "
     "Medical Devices (BfArM) ordering that the indications of DOLMERA (dolmeradine) in Germany "
     "be restricted to patients with refractory pain.", "OTHER", "other"),
    ("Maplecrest Therapeutics Statement on Federal Register Notice",
     "Maplecrest Therapeutics, Inc. announced that the U.S. Drug Enforcement Administration has "
     "published an order removing EPIDRA (epidravol) oral solution from the schedules of the "
     "Controlled Substances Act.", "OTHER", "other"),
    ("Disclosure under Regulation 30: Sale of Glimotide Formulations",
     "Kaveri Laboratories Limited informs that the Drugs Controller General of India has "
     "suspended the manufacture, sale and distribution of all formulations of glimotide with "
     "immediate effect.", "OTHER", "other"),
    ("Ashdown Pharmaceuticals Halts U.S. Marketing of ZERAPRIL",
     "Ashdown Pharmaceuticals, Inc. said the U.S. Food and Drug Administration has asked the "
     "company to suspend sales of ZERAPRIL (zeraprilat) in the United States pending a review "
     "of liver safety data.", "FDA", "other"),
    ("Lisboa Bio Secures EU Nod for VANTERA",
     "Lisboa Bio S.A. said the European Commission on Monday authorised VANTERA (vanterastat) "
     "for adults with Fabry disease.", "EC", "approval"),
    ("Ravenna Pharma Wins European Green Light for ORBIDA",
     "Ravenna Pharma S.p.A. said on Wednesday that the European Commission had approved ORBIDA "
     "(orbidarsen) for the treatment of adults with hereditary angioedema.", "EC", "approval"),
    ("FDA Sets New PDUFA Goal Date for Elmsworth's KELVARA Following Resubmission",
     "Elmsworth Pharma, Inc. today announced a new goal date of August 30, 2025 for its New Drug "
     "Application for KELVARA (kelvaprost).", "FDA", "filing_accepted"),
    ("Stonebridge Medical Announces First Implants of the AxiFlex Disc in Europe",
     "Stonebridge Medical, Inc. today announced the first implants of the AxiFlex cervical disc "
     "in a post-market study in Italy, where the device is CE marked.", "NONE", "none"),
    ("Tolland Bio Completes Enrollment in Study Requested in FDA Complete Response Letter",
     "Tolland Bio, Inc. today announced that it has completed enrollment of 410 patients in "
     "TOL-3, the second trial of tolvaramide in gastroparesis that the FDA requested in its "
     "September 2023 complete response letter. The company plans to respond to the complete "
     "response letter once topline results are in.", "NONE", "none"),
    ("Voluntary Announcement - Resumption of the HQ-118 Trial",
     "The board of Hanqing Biopharma Co., Ltd. announces that on 27 February 2025 the Center for "
     "Drug Evaluation of the National Medical Products Administration approved the Company's "
     "application to resume the Phase II trial of HQ-118, which had been suspended since "
     "October 2024.", "NMPA", "hold_lifted"),
    ("Tarnwell Medical Provides Regulatory Update on Pivotal Study",
     "On February 27, 2025, the U.S. Food and Drug Administration notified Tarnwell Medical that "
     "it has disapproved the company's Investigational Device Exemption application for the "
     "pivotal study of its mitral repair system. In its letter, the FDA asked questions in two "
     "areas. The agency requested more bench testing.", "FDA", "refusal"),
]
_ROUND_TWENTY_NINE_IDS = [
    "a-submission-refiled",
    "a-committee-recommends-the-product-not-be-registered",
    "a-committee-concludes-it-should-not-be-approved",
    "a-regulator-agrees-a-trial-may-resume",
    "a-stopped-trial-s-continuation-approved",
    "a-second-that-clause-after-a-dated-hold-letter",
    "a-medical-device-alert",
    "a-recall-classification-assigned",
    "a-committee-recommends-adding-a-warning",
    "a-rems-approved-as-the-object",
    "indications-ordered-restricted",
    "a-product-removed-from-the-schedules",
    "a-regulator-suspends-sale",
    "a-regulator-asks-to-suspend-sales",
    "the-day-between-regulator-and-verb",
    "a-past-perfect-reported-as-news",
    "a-new-goal-date-after-a-resubmission",
    "ce-marked-as-a-standing-state",
    "a-headline-recap-with-a-hedged-lead-mention",
    "leave-to-resume-with-a-possessive-between",
    "a-trial-application-disapproved-in-so-many-words",
]

#: the thirtieth round's tune misses, in fresh words: a designation (or the request for one)
#: said to be approved, the FDA's letters short of approval in other words (could not be
#: approved, not at this time, a review ended without approval, not in this review cycle, found
#: approvable), a filing not accepted for review or not reviewed further, a hold told as who may
#: not be dosed or what must stop, a trial that may go on ending a hold, a committee's advice to
#: the Commission to refuse, recalls a regulator orders or asks for, an authorisation amended
#: to add a warning, a certificate from a national inspectorate, a referral started under an
#: article of a regulation, an app listed as a DiGA; from the new batch's tune half, a warning
#: letter's close-out headlined as a plant cleared
_ROUND_THIRTY_CASES = [
    ("Ormond Bio Receives FDA Approval of Its Request for Rare Pediatric Disease Designation",
     "Ormond Bio, Inc. (Nasdaq: ORMB) today announced that the U.S. Food and Drug "
     "Administration has approved the company's request for Rare Pediatric Disease designation "
     "for OB-44 in Menkes disease.", "FDA", "designation"),
    ("Merrow Bio Announces Health Canada Approval of Priority Review Request for Telvanib",
     "Merrow Bio Inc. (TSX: MRW) said Health Canada has agreed to review its planned New Drug "
     "Submission for telvanib under the Priority Review policy.", "HEALTH_CANADA",
     "designation"),
    ("European Commission Approves Orphan Designation for Veltrasen in Fibrodysplasia",
     "Zeeland Genetics B.V. today announced that the European Commission has approved orphan "
     "designation for veltrasen, its ALK2-targeted antibody, for the treatment of "
     "fibrodysplasia ossificans progressiva, based on a positive opinion from the EMA's "
     "Committee for Orphan Medicinal Products.", "EC", "designation"),
    ("Harrowgate Pharma Provides Update on NDA for HP-19",
     "Harrowgate Pharma, Inc. today announced that the FDA has informed the company that the "
     "NDA for HP-19 in gout could not be approved in its current form and asked for a further "
     "safety study.", "FDA", "complete_response"),
    ("Disclosure under Regulation 30: Communication from USFDA",
     "Meenakshi Generics Limited informs that the US FDA has written to the Company that its "
     "ANDA for Tolvaprine Tablets cannot be approved at this time because of open inspection "
     "findings at its Nashik plant.", "FDA", "complete_response"),
    ("Ridgecrest Bio Announces FDA Decision on BLA for RB-07",
     "Ridgecrest Bio, Inc. said today that the FDA has completed its review of the Biologics "
     "License Application for RB-07 in lupus nephritis without approving it and has requested "
     "an additional trial.", "FDA", "complete_response"),
    ("Hanbit Pharm says US FDA has not approved HB-22 in first review cycle",
     "Hanbit Pharm Co., Ltd. said on the 3rd that the U.S. Food and Drug Administration has not "
     "approved its New Drug Application for HB-22 in the first review cycle and asked for more "
     "stability data.", "FDA", "complete_response"),
    ("Colliers Pharmaceuticals Announces FDA Action on Extended-Release Ravoxan",
     "Colliers Pharmaceuticals, Inc. today said the FDA has deemed its NDA for extended-release "
     "Ravoxan approvable and has asked for a further pharmacokinetic study.", "FDA",
     "complete_response"),
    ("Pellucid Therapeutics Receives FDA Communication on sBLA",
     "Pellucid Therapeutics, Inc. today announced that the FDA has told the company that it "
     "will not accept the supplemental Biologics License Application for PT-3 in children for "
     "review, citing missing datasets.", "FDA", "refusal_to_file"),
    ("Quarry Hill Bio Provides Update on NDA for QH-8",
     "Quarry Hill Bio, Inc. said the FDA has notified it that, upon initial review, it will not "
     "proceed with review of the New Drug Application for QH-8 in narcolepsy because several "
     "study reports were missing.", "FDA", "refusal_to_file"),
    ("Aldermoor Cell Provides Update on ALD-4 Trial",
     "Aldermoor Cell, Inc. said the FDA has notified the company that dosing in the ALD-4 trial "
     "must stop pending review of a serious cytokine release event.", "FDA", "clinical_hold"),
    ("Form 8-K: Tessaly Biotherapeutics - Item 8.01 Other Events",
     "On February 28, 2025, Tessaly Biotherapeutics received notice from the U.S. Food and Drug "
     "Administration that no new patients may be enrolled under its IND for TB-61 while the "
     "agency reviews two cases of liver injury.", "FDA", "clinical_hold"),
    ("Brambleford Neuro Says FDA Allows BN-5 Trial to Go On",
     "Brambleford Neuro, Inc. today said the FDA has informed it that the Phase 2 trial of BN-5 "
     "may proceed, ending the partial hold the agency placed on it.", "FDA", "hold_lifted"),
    ("Vistula Biologics: CHMP outcome for Ostralix",
     "Vistula Biologics S.A. announces that the Committee for Medicinal Products for Human Use "
     "has recommended that the European Commission not grant a marketing authorisation for "
     "Ostralix, its proposed biosimilar to ustekinumab.", "EMA", "negative_opinion"),
    ("Serra Azul Farmaceutica Announces Regulatory Update on Pravocil",
     "Serra Azul Farmaceutica S.A. announced that ANVISA has directed a recall of two lots of "
     "Pravocil (ceftraxone) 1 g injection after a sterility failure.", "OTHER", "other"),
    ("Rheinau Pharma recalls batches of Tiloxin at BfArM's request",
     "Rheinau Pharma GmbH announces that, at the request of the Federal Institute for Drugs and "
     "Medical Devices (BfArM), it is recalling four batches of Tiloxin tablets because of a "
     "dissolution failure.", "OTHER", "other"),
    ("EU Commission decision adds warning to Cardelta label",
     "Mosel Biopharma AG announced that the European Commission has adopted a decision amending "
     "the marketing authorisation of Cardelta (felsartan) to include new warnings on "
     "angioedema, following a PRAC review.", "EC", "other"),
    ("Vardhman Labs receives EU GMP approval for its Dahej plant",
     "Vardhman Labs Limited informs that its Dahej facility has received an EU GMP certificate "
     "from the National Institute of Pharmacy and Nutrition (OGYEI), Hungary, after an "
     "inspection.", "OTHER", "other"),
    ("FDA Clears Hollins Labs' Bristol Oral Solids Plant",
     "Hollins Labs, Inc. today announced that it has received a close-out letter from the U.S. "
     "Food and Drug Administration for the Warning Letter issued to its Bristol, Tennessee plant "
     "in 2023.", "FDA", "other"),
    ("Statement on EMA review of Corvelta",
     "Harlingen Pharma N.V. notes that the Pharmacovigilance Risk Assessment Committee (PRAC) "
     "today started a review under Article 20 of Regulation (EC) No 726/2004 of Corvelta "
     "(dorafenide) after reports of pancreatitis.", "EMA", "other"),
    ("BfArM adds Atemzug app to DiGA directory",
     "Atemzug Health GmbH announces that the Federal Institute for Drugs and Medical Devices "
     "(BfArM) has added its Atemzug app for adults with asthma to the directory of digital "
     "health applications on a provisional basis.", "OTHER", "other"),
]
_ROUND_THIRTY_IDS = [
    "approval-of-a-request-for-designation",
    "approval-of-a-priority-review-request",
    "an-orphan-designation-approved",
    "could-not-be-approved-in-its-current-form",
    "cannot-be-approved-at-this-time",
    "a-review-completed-without-approval",
    "not-approved-in-the-first-review-cycle",
    "deemed-approvable",
    "not-accepted-for-review",
    "will-not-proceed-with-review",
    "dosing-must-stop",
    "no-new-patients-may-be-enrolled",
    "may-proceed-ending-a-hold",
    "advice-to-the-commission-not-to-grant",
    "a-recall-ordered-by-a-regulator",
    "a-recall-at-a-regulator-s-request",
    "an-authorisation-amended-to-add-warnings",
    "a-gmp-certificate-from-a-national-inspectorate",
    "a-warning-letter-closed-out-headlined-as-a-plant-cleared",
    "a-referral-under-an-article-of-a-regulation",
    "a-digital-health-application-listed",
]

#: round thirty-one (catalogue tune misses: regulators in their own words, today's news vs
#: background, negation and unusual wording): goods dated by when they were made, a bare month
#: two months back, a trial's application approved with conditions, an accelerated approval
#: named by its regulation, an application decided favourably, a regulator's sign-off, a
#: company permitted by name to run a trial, a request agreed to and granted, an act not
#: asked for
_ROUND_THIRTY_ONE_CASES = [
    ("Brackenridge Pharma recalls Ostelan vials at Health Canada's request",
     "Brackenridge Pharma Inc. announces that, at the request of Health Canada, it is recalling "
     "all lots of Ostelan (ramidrolate) injection produced since June 2024 because of particulate "
     "matter found in retained samples.", "HEALTH_CANADA", "other"),
    ("Tallowby Therapeutics Adds Sales Partner for Vexilor Following FDA Acceptance of NDA",
     "Tallowby Therapeutics, Inc. (Nasdaq: TLWB) has entered into a co-promotion agreement with a "
     "contract sales organisation for Vexilor (dotrapine) in narcolepsy. The FDA accepted the "
     "Vexilor NDA for review in January; a decision is expected in the fourth quarter.", "NONE",
     "none"),
    ("FDA Approves Glenmoor Medical's IDE With Conditions for Pivotal Trial",
     "Glenmoor Medical, Inc. today announced that the U.S. Food and Drug Administration has "
     "conditionally approved the company's IDE, so that the 240-patient pivotal trial of its "
     "renal denervation catheter can start enrolling.", "FDA", "trial_authorization"),
    ("Carraway Oncology Announces FDA Approval of Pelmora",
     "Carraway Oncology, Inc. today announced that the FDA has approved Pelmora (vosabrutinib) "
     "for relapsed mantle cell lymphoma under 21 CFR 314 Subpart H, on the basis of overall "
     "response rate.", "FDA", "accelerated_approval"),
    ("Westcombe Pharma Reports FDA Action on sNDA for Dovanel",
     "Westcombe Pharma, Inc. said today that the U.S. Food and Drug Administration took "
     "favorable action on the company's supplemental application for Dovanel (rilatrozole), "
     "adding a pediatric population to its label.", "FDA", "approval"),
    ("FDA signs off on Haverill Labs' migraine nasal spray",
     "Federal regulators signed off on Haverill Labs Inc's nasal spray Cephira (zolmetrapan) "
     "for acute migraine on Thursday, the company said on Friday.", "FDA", "approval"),
    ("CDSCO Permits Ranakpur Vaccines to Conduct Phase 2 Trial of Rotavirus Candidate",
     "The Central Drugs Standard Control Organisation has permitted Ranakpur Vaccines Pvt. Ltd. to "
     "conduct a Phase 2 clinical trial of its oral rotavirus vaccine RV-3 in 600 infants, the "
     "company said.", "OTHER", "trial_authorization"),
    ("FDA Agrees to Thistlebrook Bio's Request for Fast Track Designation",
     "Thistlebrook Bio Ltd today announced that the U.S. Food and Drug Administration has agreed "
     "to the company's request and granted Fast Track designation to TB-201 in Duchenne "
     "muscular dystrophy.", "FDA", "designation"),
    ("Ardwell Neuro Pauses Enrolment in AN-4 Study",
     "Ardwell Neuro, Inc. today announced a voluntary pause of enrolment in its Phase 1 study of "
     "AN-4 to review liver enzyme findings. The FDA has been notified and has not asked that the "
     "trial be suspended.", "NONE", "none"),
    ("Penwortham Bio Provides Update on BLA for PB-12",
     "Penwortham Bio, Inc. said today that it has received a letter from the FDA asking for "
     "further safety data before the Biologics License Application for PB-12 in IgA "
     "nephropathy can be approved.", "FDA", "complete_response"),
    ("Yellow River Biopharma Announces Progress for YR-7",
     "Yellow River Biopharma Co., Ltd. (HKEX: 2891) announced that the National Medical Products "
     "Administration has approved the company's application for the breakthrough therapy "
     "programme for YR-7 in biliary tract cancer.", "NMPA", "designation"),
    ("Orrington Bio Announces FDA Filing of BLA for OB-31",
     "Orrington Bio, Inc. (Nasdaq: ORRB) today announced that the U.S. Food and Drug "
     "Administration has found no reason to refuse to file its Biologics License Application for "
     "OB-31 in myasthenia gravis.", "FDA", "filing_accepted"),
]

_ROUND_THIRTY_ONE_IDS = [
    "goods-dated-by-when-they-were-made",
    "a-bare-month-two-months-back",
    "a-trial-s-application-approved-with-conditions",
    "accelerated-approval-named-by-its-regulation",
    "an-application-decided-favourably",
    "a-regulator-s-sign-off",
    "a-company-permitted-by-name-to-run-a-trial",
    "a-request-agreed-to-and-granted",
    "an-act-not-asked-for",
    "a-letter-asking-for-more-before-approval",
    "an-application-to-a-designation-programme-approved",
    "no-reason-found-to-refuse-to-file",
]


#: round thirty-two (catalogue tune misses: applications at every stage in approval words,
#: "other" acts told as approvals, acts told indirectly): today's act marked "yesterday" after
#: its regulator's name, "late Friday," opening its clause, a notice received "yesterday", a
#: disclosure "over the weekend"; a complete response told as declining to approve, as what
#: must be done first, or as not approved "in this review cycle"; compassionate use and special
#: access; the Commission's decision in the Community code's words; a regulator's nod under the
#: 510(k) process; a device's technical documentation and a request for registration filed; an
#: idiom's "clears the way"; a relative clause dated long ago under an opening date; a plan's
#: object in a headline; a vote's count before the vote; a recommendation for approval
#: negated; a site's GMP clearance; a Japanese supplemental application
_ROUND_THIRTY_TWO_CASES = [
    ("Fennimore Bio Schedules Launch Meetings for Quorvel",
     "Fennimore Bio AG (SIX: FNMB), whose Quorvel (tepalisib) received a marketing "
     "authorisation from the European Commission yesterday for relapsed follicular lymphoma, will "
     "hold launch meetings with German payers next month.", "EC", "approval"),
    ("Novaxon Completes $40 Million Private Placement",
     "Novaxon Ltd. (TASE: NVXN) today announced the closing of a $40 million private placement. "
     "The company said that, in a teleconference late Friday, the U.S. Food and Drug "
     "Administration placed its Phase 1 study of NVX-12 on clinical hold, as its 6-K "
     "discloses.", "FDA", "clinical_hold"),
    ("Immediate Report: Update on the NVX-14 Study",
     "Novaxon Ltd. (TASE: NVXN) reports that the U.S. Food and Drug Administration has asked the "
     "Company to pause dosing in its Phase 1 study of NVX-14 until a revised protocol is "
     "submitted.", "FDA", "clinical_hold"),
    # (a guard: "Yesterday," opens the sentence, but the act is told in a clause of its own)
    ("Norcastle Bio Presents Phase 2 Data at ASCO",
     "Yesterday, Norcastle Bio, Inc. presented data from the Phase 2 trial of Velarin, which "
     "received approval from the FDA in 2019 for a different use.", "NONE", "none"),
    ("Ashdown Therapeutics Reaffirms Launch Readiness for Talvira",
     "Ashdown Therapeutics, Inc. (Nasdaq: ASHD), which yesterday was informed by the FDA that the "
     "agency has extended the review of its NDA for Talvira (dorzapride) by three months, said "
     "it remains ready to launch.", "FDA", "review_extension"),
    ("Qinghe Biotech Shares Jump on Regulatory News",
     "Shares of Qinghe Biotech Co., Ltd. (SSE: 688411) climbed 7% after the company disclosed "
     "over the weekend that the National Medical Products Administration had approved Qinglatinib "
     "for advanced gastric cancer.", "NMPA", "approval"),
    ("Marlowe Pharmaceuticals Provides Regulatory Update on Sedrana",
     "Marlowe Pharmaceuticals, Inc. said today that the FDA has issued a letter declining to "
     "approve the NDA for Sedrana (lutelorant) in its present form and asking for a further "
     "exposure-response analysis.", "FDA", "complete_response"),
    ("Tollerton Medical Announces FDA Decision on Cardiac Patch PMA",
     "Tollerton Medical, Inc. announced that the FDA has informed the company that its PMA for "
     "the CardiaSeal patch cannot be approved until the company provides two-year follow-up data "
     "from its pivotal study.", "FDA", "complete_response"),
    ("Pemberley Biologics Comments on sBLA for Artavel",
     "Pemberley Biologics, Inc. said the FDA has issued an action letter for the sBLA for Artavel "
     "(tovelimab) and the sBLA was not approved in this review cycle.", "FDA",
     "complete_response"),
    ("ANSM Authorises Compassionate Use of Velmora in France",
     "Orvault Therapeutics SAS announced that the French medicines agency (ANSM) has authorised "
     "the compassionate use of Velmora (ditrosertib), which is not yet registered anywhere, for "
     "patients with refractory mastocytosis.", "OTHER", "other"),
    ("Lyonnaise Biotherapies: Dorvanta to Reach Patients Across the European Union",
     "Lyonnaise Biotherapies SA announced that the European Commission has adopted a decision "
     "authorising the placing on the market of Dorvanta (sefalimab) in the European Union for "
     "adults with myasthenia gravis.", "EC", "approval"),
    ("FDA Gives Nod to Kessock Spine's Cervical Cage",
     "The Food and Drug Administration has given Kessock Spine the nod to market its C-Lock "
     "cervical interbody cage under the 510(k) premarket notification process, the company said "
     "today.", "FDA", "clearance"),
    ("Arnholm Medical files for CE marking of WoundSense under MDR",
     "Arnholm Medical AB (publ) today announced that it has filed the technical documentation "
     "for its WoundSense patch with its notified body, TÜV SÜD, seeking certification under the "
     "EU Medical Device Regulation.", "NOTIFIED_BODY", "submission"),
    ("Farmacêutica Serra Azul Files Dossier for Lunexa",
     "Farmacêutica Serra Azul S.A. informs the market that it has filed with ANVISA a request for "
     "registration of Lunexa (temoravir) for adults with chikungunya.", "OTHER", "submission"),
    ("FDA Clears Way for Brimstead's Ostavia in Children",
     "Brimstead Pharmaceuticals, Inc. said today the U.S. Food and Drug Administration has "
     "approved its supplemental NDA extending the use of Ostavia (renzoclax) to children aged 6 "
     "to 11.", "FDA", "approval"),
    ("Form 8-K - Corriedale Biosciences, Inc. - Item 8.01 Other Events",
     "Item 8.01 Other Events. On February 28, 2025, Corriedale Biosciences, Inc. completed "
     "enrolment of the confirmatory trial of Vesprana (tilmotinib), which received accelerated "
     "approval from the U.S. Food and Drug Administration in October 2023 for relapsed mantle "
     "cell lymphoma.", "NONE", "none"),
    ("Harlowe Therapeutics Reports Phase 2 Data for HT-18, Plans End-of-Phase 2 Meeting",
     "Harlowe Therapeutics, Inc. today reported that its Phase 2 study of HT-18 met its primary "
     "endpoint. The company intends to request the meeting with the FDA in the second "
     "quarter.", "NONE", "none"),
    ("Stannard Biotherapeutics Begins Hiring Sales Force for Noxeril",
     "Stannard Biotherapeutics, Inc., whose Noxeril (parvoxetine) won a 14-2 vote yesterday from "
     "the FDA's Psychopharmacologic Drugs Advisory Committee in favor of approval, has begun "
     "hiring its specialty sales force.", "FDA", "advisory_vote"),
    ("Aubrac Biologics to Seek Re-examination for Veltrix",
     "Aubrac Biologics SA, whose marketing authorisation application for Veltrix (desolimab) the "
     "CHMP yesterday did not recommend for approval, will ask for a re-examination of the "
     "opinion.", "EMA", "negative_opinion"),
    ("TGA GMP Clearance Granted for Kestrel Pharma's Contract Manufacturer",
     "Kestrel Pharma Limited (ASX: KPL) advises that the Therapeutic Goods Administration has "
     "granted GMP clearance to its contract manufacturer in Malaysia, which makes the tablets "
     "for Kestrel's pending ARTG application.", "TGA", "other"),
    ("Notice Regarding Submission of Application for Additional Indication of SORAVIN",
     "Hinode Pharmaceutical Co., Ltd. hereby announces that today it submitted an application to "
     "the Ministry of Health, Labour and Welfare for partial change in approved items of "
     "manufacturing and marketing approval for SORAVIN tablets, for an additional indication in "
     "Crohn's disease.", "PMDA", "submission"),
]
_ROUND_THIRTY_TWO_IDS = [
    "yesterday-after-the-regulator-s-name",
    "late-friday-opening-its-clause",
    "a-regulator-asking-to-pause-dosing",
    "yesterday-before-a-clause-of-its-own",
    "a-notice-received-yesterday",
    "a-disclosure-over-the-weekend",
    "a-letter-declining-to-approve",
    "cannot-be-approved-until-the-company-provides",
    "not-approved-in-this-review-cycle",
    "compassionate-use-authorised",
    "the-placing-on-the-market-authorised",
    "a-regulator-s-nod-under-the-510k-process",
    "technical-documentation-submitted",
    "a-request-for-registration-filed",
    "clears-the-way-idiom",
    "a-relative-clause-dated-long-ago-under-an-opening-date",
    "a-plan-s-object-in-a-headline",
    "a-vote-s-count-before-the-vote",
    "a-recommendation-for-approval-negated",
    "a-site-s-gmp-clearance",
    "a-japanese-supplemental-application",
]

_ROUND_THIRTY_THREE_CASES = [
    ("Marrowby Pharma: European Commission approves transfer of Delvaxa marketing authorisation",
     "Marrowby Pharma plc (AIM: MRBY) announces that the European Commission has approved the "
     "transfer of the marketing authorisation for Delvaxa (rovacitan) from Kessler Biotech GmbH "
     "to Marrowby's Irish subsidiary.", "EC", "other"),
    ("Ashcombe Health: MHRA approves change of ownership for Tolvira licences",
     "Ashcombe Health plc (AIM: ASHH) announces that the Medicines and Healthcare products "
     "Regulatory Agency has approved the change of ownership of the UK marketing authorisations "
     "for Tolvira (tolvidone) from Pelham Generics Ltd.", "MHRA", "other"),
    ("Sakuragi Pharmaceutical Receives Approval of Additional Indication for Hanabira",
     "Sakuragi Pharmaceutical Co., Ltd. announced today that it has received approval for an "
     "additional indication of adolescent patients with atopic dermatitis for Hanabira "
     "(dupilimab) 200 mg Pen from Ministry of Health, Labour and Welfare (MHLW).",
     "PMDA", "approval"),
    ("EMA Grants PRIME Eligibility to Torrance Bio's TB-17",
     "Torrance Bio Ltd today announced that the European Medicines Agency has granted "
     "eligibility for its PRIority MEdicines (PRIME) scheme to TB-17, a gene therapy for "
     "choroideremia.", "EMA", "designation"),
    ("Notice Regarding KM-44",
     "Kamome Seiyaku Co., Ltd. hereby announces that KM-44, an iPS cell-derived corneal "
     "endothelial cell product, has been selected by the Ministry of Health, Labour and Welfare "
     "for the SAKIGAKE pilot programme.", "PMDA", "designation"),
    ("Wexcombe Announces Acceptance of Invented Name Lurivo",
     "Wexcombe Pharmaceuticals plc today announced that the Name Review Group of the European "
     "Medicines Agency has accepted Lurivo as the invented name for lurapitant, ahead of its "
     "planned marketing authorisation application.", "EMA", "other"),
    ("Bramhall Chemicals Receives DEA Registration to Import Schedule II Raw Material",
     "Bramhall Chemicals, LLC today announced that the U.S. Drug Enforcement Administration has "
     "granted the company's application for registration as an importer of oripavine for its "
     "plant in Ohio.", "OTHER", "other"),
    ("Narmada Healthcare says government ban on fixed-dose combination to hit sales",
     "Narmada Healthcare Limited (NSE: NARMADA) informed the exchanges that the Ministry of "
     "Health and Family Welfare has issued a notification prohibiting the manufacture and sale "
     "of the fixed-dose combination of cetirizine, phenylephrine and paracetamol.",
     "OTHER", "other"),
    ("VOLUNTARY ANNOUNCEMENT - SUSPENSION OF ENROLLMENT IN PHASE I TRIAL OF LX-12",
     "The board of Lanxi Biotech Holdings Limited (HKEX: 2299) announces that the Center for "
     "Drug Evaluation of the National Medical Products Administration has required the Company "
     "to suspend the enrollment of new subjects in the Phase I trial of LX-12.",
     "NMPA", "clinical_hold"),
    ("Thornvale Biologics, Inc. - Form 8-K - Item 8.01 Other Events",
     "On March 2, 2025, Thornvale Biologics, Inc. received written notice from the U.S. Food "
     "and Drug Administration that clinical investigations under the Company's Investigational "
     "New Drug application for TV-118, an oncolytic virus in Phase 2 development for sarcoma, "
     "may not continue until the Company provides additional information.",
     "FDA", "clinical_hold"),
    ("Pellworth Pharmaceuticals Announces FDA Regulatory Action for Nasolin",
     "Pellworth Pharmaceuticals, Inc. today announced that the U.S. Food and Drug Administration "
     "has informed the company that the New Drug Application for Nasolin (naloxetine nasal "
     "spray) will not be approved in the current review cycle.", "FDA", "complete_response"),
    ("Gorsley Biosciences Receives FDA Action Letter for Ferrantin",
     "Gorsley Biosciences, Inc. today announced that the FDA stated in its action letter that "
     "the New Drug Application for Ferrantin cannot be approved until additional long-term "
     "data on iron accumulation are provided.", "FDA", "complete_response"),
    ("Harnfield Dermatology Announces FDA Decision on Scalvex NDA",
     "Harnfield Dermatology, Inc. today announced that the U.S. Food and Drug Administration has "
     "issued a letter declining approval of the New Drug Application for Scalvex (torabinide "
     "gel) in palmoplantar psoriasis.", "FDA", "complete_response"),
    ("Coldharbour Neuro Receives FDA Feedback Following Filing Review of CN-9 NDA",
     "Coldharbour Neuro, Inc. today announced that the U.S. Food and Drug Administration, "
     "following its preliminary review, has determined not to file the New Drug Application for "
     "CN-9 in essential tremor.", "FDA", "refusal_to_file"),
    ("Veldhoven Therapeutics announces outcome of re-examination for Cardivex",
     "Veldhoven Therapeutics N.V. today announced that the EMA's Committee for Medicinal "
     "Products for Human Use has reversed its earlier recommendation and now recommends granting "
     "a marketing authorisation for Cardivex (omecarbil) in heart failure.",
     "EMA", "positive_opinion"),
    ("Stanwick Pharmaceuticals Reports Outcome of End-of-Review Meeting with FDA",
     "Stanwick Pharmaceuticals, Inc. today announced that, at an end-of-review meeting held "
     "after the agency's October decision not to approve Lumbrel foam, the FDA agreed that a "
     "single vehicle-controlled study would be sufficient.", "FDA", "regulatory_feedback"),
    ("Orrin Bio Announces Phase 2 Study of OB-7 May Proceed",
     "Orrin Bio, Inc. announced today that the FDA has completed its review of the company's "
     "response and notified Orrin that the Phase 2 study of OB-7 in IgA nephropathy may "
     "proceed.", "FDA", "hold_lifted"),
    ("Kurrowa Biotherapeutics Regulatory Update",
     "Kurrowa Biotherapeutics Limited (ASX: KRW) advises that the US Food and Drug "
     "Administration has placed the Company's Investigational New Drug application for KB-201 "
     "on full clinical hold.", "FDA", "clinical_hold"),
    ("Vanterra Neurosciences Provides Update on NOCTERA Labeling",
     "Vanterra Neurosciences, Inc. today announced that the U.S. Food and Drug Administration "
     "is requiring a Boxed Warning on the prescribing information of all dual orexin receptor "
     "antagonists (DORAs) approved for insomnia, including the Company's NOCTERA tablets.",
     "FDA", "other"),
    ("Northgate Pharma Files New Drug Submission with Health Canada for ZELVORA",
     "Northgate Pharma Inc. (TSX: NGP) said the application covers adults with generalized "
     "myasthenia gravis and is supported by the Phase 3 ZEAL study.",
     "HEALTH_CANADA", "submission"),
    ("Bellmont Therapeutics Receives MHRA Authorisation to Expand Phase 2 Trial of BT-12 to the UK",
     "Bellmont Therapeutics plc today announced that the Medicines and Healthcare products "
     "Regulatory Agency has granted authorisation to expand its Phase 2 trial of BT-12 in "
     "primary sclerosing cholangitis to four UK sites.", "MHRA", "trial_authorization"),
    # guards: a suit against another's application is no submission; a product approved under
    # its brand name is the approval, not a name accepted
    ("Belmont Pharmaceuticals Files Patent Infringement Lawsuit Against ANDA Filer",
     "Belmont Pharmaceuticals, Inc. today announced that it has filed a patent infringement "
     "lawsuit in the U.S. District Court for the District of Delaware against Torvik Generics.",
     "NONE", "none"),
    ("Hexley Pharma Receives FDA Approval for Tamsavir",
     "Hexley Pharma, Inc. today announced that the U.S. Food and Drug Administration approved "
     "tamsavir for marketing under the brand name Tamsavir XR for chronic hepatitis D.",
     "FDA", "approval"),
]

_ROUND_THIRTY_THREE_IDS = [
    "a-marketing-authorisation-transfer-approved",
    "a-change-of-ownership-approved",
    "approval-for-the-product-from-the-ministry",
    "prime-eligibility-granted-for-its-scheme",
    "selected-for-designation",
    "an-invented-name-accepted",
    "a-registration-as-an-importer",
    "a-notification-prohibiting-the-sale",
    "a-regulator-requiring-a-suspension-of-enrollment",
    "investigations-that-may-not-continue-until",
    "will-not-be-approved-in-the-current-review-cycle",
    "cannot-be-approved-until-data-are-provided",
    "a-letter-declining-approval",
    "determined-not-to-file",
    "an-earlier-recommendation-reversed-and-now",
    "a-meeting-with-the-fda-in-a-reports-headline",
    "a-response-reviewed-and-the-study-may-proceed",
    "an-ind-application-for-the-product-on-full-clinical-hold",
    "products-approved-for-an-indication-a-state",
    "a-headline-filing-a-new-drug-submission",
    "authorisation-to-expand-a-trial",
    "a-suit-against-an-anda-filer",
    "approved-under-the-brand-name",
]


_ROUND_THIRTY_FOUR_CASES = [
    ("Ferncliff Pharma Announces FDA Action on Solvexa NDA",
     "Ferncliff Pharma, Inc. today announced that the U.S. Food and Drug Administration did not "
     "approve, by the February 28 action date, its New Drug Application for Solvexa (solvemide) "
     "in chronic cough, and asked for a further twelve-week efficacy study.", "FDA",
     "complete_response"),
    ("Outcome of FDA Review of Ravelline",
     "Ravelline Therapeutics, Inc. said the U.S. Food and Drug Administration has completed its "
     "review of the Biologics License Application for RVL-3 and has not approved it at this "
     "time, requesting additional manufacturing information.", "FDA", "complete_response"),
    ("Galil Therapeutics Announces Ministry of Health Decision on GT-3 Study",
     "Galil Therapeutics Ltd. (TASE: GLTH) announced that the Israeli Ministry of Health has not "
     "approved the application to conduct the Phase 1 study of GT-3 in adults with ALS at two "
     "Israeli hospitals.", "OTHER", "refusal"),
    ("Solheim Cell says IND for SC-9 not approved by MFDS",
     "Solheim Cell (KOSDAQ: 288410) said the Ministry of Food and Drug Safety found the "
     "potency assay for SC-9 insufficient and will ask the company to reapply.", "OTHER",
     "refusal"),
    ("Lahnstein Bio AG: assessment of clinical trial application for LB-2",
     "Lahnstein Bio AG announced that the Paul-Ehrlich-Institut, as reporting Member State, has "
     "concluded that the conduct of the proposed Phase 1 trial of LB-2 in haemophilia A is not "
     "acceptable.", "OTHER", "refusal"),
    ("Corvanne Provides Update on Phase 2 Study of CV-31",
     "Corvanne Therapeutics, Inc. said the U.S. Food and Drug Administration has notified it "
     "that patients older than 75 may not be enrolled in its Phase 2 study of CV-31 until "
     "cardiac safety data from the current cohort are reviewed.", "FDA", "clinical_hold"),
    ("Form 8-K: Wetherby Gene Therapies - Item 8.01",
     "On February 27, the U.S. Food and Drug Administration notified Wetherby Gene Therapies, "
     "Inc. that it may not initiate dosing in its planned Phase 1 trial of WGT-4 pending "
     "answers on the vector's shedding data.", "FDA", "clinical_hold"),
    ("Ostrava Bio Provides Update on PULSE-2 Study",
     "Ostrava Bio, Inc. today announced that the U.S. Food and Drug Administration notified "
     "the company that its ongoing PULSE-2 study of OB-12 may not continue enrolling new "
     "participants while a renal safety signal is reviewed.", "FDA", "clinical_hold"),
    ("Pennant Surgical Files 510(k) for Its TriLoop Suture Anchor",
     "Pennant Surgical, Inc. today said it has filed a 510(k) premarket notification with the "
     "U.S. Food and Drug Administration for the TriLoop all-suture anchor, seeking clearance "
     "for rotator cuff repair.", "FDA", "submission"),
    ("FDA Clears Filing of Ostlund Bio's NDA for Pruvixa",
     "Ostlund Bio, Inc. today announced that the U.S. Food and Drug Administration has cleared "
     "the filing of its New Drug Application for Pruvixa (pruvatinib) and has set a PDUFA "
     "target action date of November 14.", "FDA", "filing_accepted"),
    ("Dasol Bio Announces MFDS Decision on DS-12",
     "Dasol Bio (KOSDAQ: 412930) said the Ministry of Food and Drug Safety has approved DS-12, "
     "its candidate for biliary tract cancer, for designation under the Global Innovative "
     "products on Fast Track (GIFT) programme.", "OTHER", "designation"),
    ("FDA Approves Calverley's Limerick Plant for KORVANE Production",
     "Calverley Biologics, Inc. today announced that the U.S. Food and Drug Administration has "
     "approved its Prior Approval Supplement adding the Limerick facility as a drug substance "
     "manufacturing site for KORVANE (korvanimab).", "FDA", "other"),
    ("Halston Pharma Announces FDA Approval of Safety Labeling Changes for Dremora",
     "Halston Pharma, Inc. said the U.S. Food and Drug Administration has approved safety "
     "labeling changes for Dremora (dremaxetine) adding a warning on serotonin syndrome.",
     "FDA", "other"),
    ("Health Canada Authorizes Importation of Lorimont's Nalvex Injection During Shortage",
     "Lorimont Pharma Inc. announced today that Health Canada will allow the company to import "
     "U.S.-labelled Nalvex injection while the Canadian supply is short.", "HEALTH_CANADA",
     "other"),
    ("Cairnbrook Receives Health Canada Establishment Licence for Its Halifax Site",
     "Cairnbrook Pharma Inc. announced today that Health Canada has issued a Drug Establishment "
     "Licence allowing its Halifax site to package and distribute its marketed products.",
     "HEALTH_CANADA", "other"),
    ("ASX Announcement: TGA Approves Transfer of Sponsorship for Merrovan",
     "Bellarine Health Ltd (ASX: BLH) advises that the Therapeutic Goods Administration has "
     "approved the transfer of sponsorship of the ARTG entry for Merrovan (merotidine) tablets "
     "to the company.", "TGA", "other"),
    ("Lindqvist Bio Reports Fourth Quarter 2024 Results and Regulatory Update on Arvessa",
     "Lindqvist Bio, Inc. today reported financial results for the fourth quarter of 2024 and "
     "announced that on February 27 it received a letter from the U.S. Food and Drug "
     "Administration stating that the New Drug Application for Arvessa cannot be approved in "
     "its present form.", "FDA", "complete_response"),
    ("Tensley Therapeutics Announces FDA Agreement on Comparability Plan for Commercial "
     "Manufacturing of TT-8",
     "Tensley Therapeutics, Inc. today reported the outcome of a Type C meeting on the scale-up "
     "of TT-8, its antibody for lupus nephritis. The FDA agreed that analytical comparability "
     "data alone can support the move to a 2,000-litre process.", "FDA", "regulatory_feedback"),
    ("Harwick Specialty Completes Training of 300 Clinics Under Its Velanza Programme",
     "Harwick Specialty, Inc. announced today that 300 clinics have completed training under the "
     "Velanza Risk Evaluation and Mitigation Strategy programme. The REMS was approved by the "
     "FDA together with Velanza in September 2019.", "NONE", "none"),
]

_ROUND_THIRTY_FOUR_IDS = [
    "did-not-approve-by-the-action-date",
    "has-not-approved-it-at-this-time",
    "an-application-to-conduct-a-study-not-approved",
    "an-ind-not-approved-in-the-headline",
    "a-trial-s-conduct-not-acceptable",
    "patients-who-may-not-be-enrolled",
    "may-not-initiate-dosing",
    "may-not-continue-enrolling",
    "files-a-510k",
    "cleared-the-filing",
    "approved-for-designation",
    "a-plant-approved-as-a-manufacturing-site",
    "safety-labeling-changes-approved",
    "an-importation-authorized",
    "a-drug-establishment-licence",
    "a-transfer-of-sponsorship",
    "a-results-release-that-also-announced-a-letter",
    "a-regulator-s-alignment-in-the-headline",
    "approved-together-with-the-product-years-ago",
]


def test_an_act_dated_to_these_days_under_a_neutral_front_is_the_news() -> None:
    # the headline and lead announce only "an update"; the act comes in the body, after the
    # sections recalling the earlier hold, dated the day before the release
    text = (
        "Kelderwick Therapeutics Announces Update on Phase 1 Study of KT-31\n\n"
        "OSLO, Norway, 14 May 2025 -- Kelderwick Therapeutics ASA today announced an update on"
        " its U.S. Phase 1 study of KT-31, its bispecific antibody, in patients with relapsed or"
        " refractory multiple myeloma.\n\n"
        "Background\n\n"
        "As reported in January 2025, the FDA placed the study on partial clinical hold on 9"
        " January 2025 after a case of Grade 3 neurotoxicity in a patient treated at the highest"
        " dose level. Patients already on treatment at lower doses were allowed to continue, and"
        " the patient recovered fully within ten days.\n\n"
        "The hold letter called for a revised dose-escalation scheme and for neurological"
        " monitoring during the first cycle. Over the following weeks Kelderwick reviewed every"
        " patient treated so far with its investigators and an independent safety committee, and"
        " designed a step-up schedule in which patients receive two smaller priming doses before"
        " the target dose. The company submitted its response, with an amended protocol and"
        " safety data from 24 patients, in April 2025.\n\n"
        "\"We took the time to understand this event in full, and the amended protocol reflects"
        " everything we learned from the patients treated so far,\" said Ingrid Solberg, Chief"
        " Medical Officer of Kelderwick. \"We are grateful to the investigators and patients"
        " who stayed with the study.\"\n\n"
        "About the study\n\n"
        "KT-31-101 is an open-label, multicentre Phase 1 study at nine sites in the United"
        " States. Its dose-escalation part evaluates the safety and tolerability of KT-31 given"
        " once weekly by subcutaneous injection; an expansion part at the recommended dose will"
        " follow. The study has enrolled 31 patients with a median of five prior lines of"
        " therapy.\n\n"
        "Latest development\n\n"
        "On 13 May 2025, the FDA informed Kelderwick that the partial clinical hold on the KT-31"
        " study has been lifted. Dose escalation may resume under the amended protocol.\n")
    summary = summarize_with_rules(load(text, published=dt.date(2025, 5, 14)))
    assert _codes(summary) == ("FDA", "hold_lifted")
    # the same act dated months back under the same front is no news
    recalled = text.replace("On 13 May 2025", "In February 2025")
    assert _codes(summarize_with_rules(load(recalled, published=dt.date(2025, 5, 14)))) == (
        "NONE", "none")


@pytest.mark.parametrize(("headline", "lead", "agency", "decision"), [
    pytest.param(*case, id=f"{round_}-{ident}")
    for round_, cases, ids in (("fifteen", _ROUND_FIFTEEN_CASES, _ROUND_FIFTEEN_IDS),
                               ("sixteen", _ROUND_SIXTEEN_CASES, _ROUND_SIXTEEN_IDS),
                               ("seventeen", _ROUND_SEVENTEEN_CASES, _ROUND_SEVENTEEN_IDS),
                               ("eighteen", _ROUND_EIGHTEEN_CASES, _ROUND_EIGHTEEN_IDS),
                               ("nineteen", _ROUND_NINETEEN_CASES, _ROUND_NINETEEN_IDS),
                               ("twenty", _ROUND_TWENTY_CASES, _ROUND_TWENTY_IDS),
                               ("twenty-one", _ROUND_TWENTY_ONE_CASES,
                                _ROUND_TWENTY_ONE_IDS),
                               ("twenty-two", _ROUND_TWENTY_TWO_CASES,
                                _ROUND_TWENTY_TWO_IDS),
                               ("twenty-three", _ROUND_TWENTY_THREE_CASES,
                                _ROUND_TWENTY_THREE_IDS),
                               ("twenty-four", _ROUND_TWENTY_FOUR_CASES,
                                _ROUND_TWENTY_FOUR_IDS),
                               ("twenty-five", _ROUND_TWENTY_FIVE_CASES,
                                _ROUND_TWENTY_FIVE_IDS),
                               ("twenty-six", _ROUND_TWENTY_SIX_CASES,
                                _ROUND_TWENTY_SIX_IDS),
                               ("twenty-seven", _ROUND_TWENTY_SEVEN_CASES,
                                _ROUND_TWENTY_SEVEN_IDS),
                               ("twenty-eight", _ROUND_TWENTY_EIGHT_CASES,
                                _ROUND_TWENTY_EIGHT_IDS),
                               ("twenty-nine", _ROUND_TWENTY_NINE_CASES,
                                _ROUND_TWENTY_NINE_IDS),
                               ("thirty", _ROUND_THIRTY_CASES, _ROUND_THIRTY_IDS),
                               ("thirty-one", _ROUND_THIRTY_ONE_CASES,
                                _ROUND_THIRTY_ONE_IDS),
                               ("thirty-two", _ROUND_THIRTY_TWO_CASES,
                                _ROUND_THIRTY_TWO_IDS),
                               ("thirty-three", _ROUND_THIRTY_THREE_CASES,
                                _ROUND_THIRTY_THREE_IDS),
                               ("thirty-four", _ROUND_THIRTY_FOUR_CASES,
                                _ROUND_THIRTY_FOUR_IDS))
    for case, ident in zip(cases, ids, strict=True)
])
def test_later_rounds_wordings(headline: str, lead: str, agency: str, decision: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert _codes(summary) == (agency, decision)


@pytest.mark.parametrize(("headline", "lead"), [
    pytest.param(
        "Corbel Generics Announces FDA Action on Its Nashik Plant",
        "Corbel Generics Limited (BSE: 532911) today announced that the U.S. Food and Drug "
        "Administration has removed the company's sterile injectables site at Sinnar, Nashik "
        "(\"Plant-2\") from Import Alert 66-40 after a re-inspection in January.",
        id="a-site-taken-off-an-import-alert"),
    # the close-out is the act, the letter it closes its object: favourable, not the letter's
    pytest.param(
        "Sanbridge Pharma Announces FDA Close-Out of Warning Letter",
        "Sanbridge Pharma, Inc. today announced that the U.S. Food and Drug Administration has "
        "completed its evaluation of the Company's corrective actions and closed out the Warning "
        "Letter following a reinspection of its Sanford facility.",
        id="a-warning-letter-closed-out"),
])
def test_an_act_undoing_a_sanction_is_a_favourable_other_act(headline: str, lead: str) -> None:
    summary = _release(headline, lead, "2025-03-03")
    assert _codes(summary) == ("FDA", "other")
    assert summary.outcome is not None and summary.outcome.direction == "favorable"


@pytest.mark.parametrize(("said", "direction"), [
    ("The committee voted 3 yes, 10 no on whether the benefits of TSR-41 outweigh its risks.",
     "unfavorable"),
    ("The committee cast 11 votes in favour and 2 against on the benefit-risk of TSR-41.",
     "favorable"),
    ("Four members voted yes and nine members voted no on whether the benefits of TSR-41 "
     "outweigh its risks.", "unfavorable"),
    ("Ten voting members voted yes and three voted no on whether the benefits of TSR-41 "
     "outweigh its risks.", "favorable"),
], ids=["yes-no-labelled", "in-favour-against-labelled", "members-counted-in-words",
        "voting-members-in-words-then-a-bare-count"])
def test_a_vote_told_with_its_sides_gives_the_direction(said: str, direction: str) -> None:
    summary = _release("Tessarine Announces Outcome of FDA Advisory Committee Meeting",
                       "Tessarine Oncology, Inc. said the FDA advisory committee met today. "
                       + said, "2025-03-03")
    assert summary.outcome is not None and summary.outcome.decision == "advisory_vote"
    assert summary.outcome.direction == direction


def test_a_safety_review_started_is_unfavourable() -> None:
    summary = _release("Quillon AG: PRAC review", "Quillon AG said the EMA's PRAC has started "
                       "an assessment of a signal of pancreatitis with QLX-3.", "2025-03-03")
    assert summary.outcome is not None and summary.outcome.direction == "unfavorable"


@pytest.mark.parametrize(("said", "direction"), [
    ("the FDA agreed with the proposed design of the Phase 3 trial, including its primary "
     "endpoint.", "favorable"),
    ("the FDA did not agree with the proposed primary endpoint.", "neutral"),
], ids=["agreed", "did-not-agree"])
def test_feedback_agreeing_with_the_plan_is_favourable(said: str, direction: str) -> None:
    summary = _release("Zoral Therapeutics Provides Regulatory Update", "Zoral Therapeutics, "
                       "Inc. today said that, in the official minutes of its End-of-Phase 2 "
                       "meeting, " + said, "2025-03-03")
    assert summary.outcome is not None and summary.outcome.decision == "regulatory_feedback"
    assert summary.outcome.direction == direction
