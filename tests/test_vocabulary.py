"""The regulatory vocabulary (the task's vocabulary.toml): defined once, read by everything, and
every regulator read in the words of each decision kind it takes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.errors import ConfigurationError
from summarizer.intake import load
from summarizer.task import get_task
from summarizer.tasks.regulatory.lexicon import AGENCY_PATTERNS, DECISION_CUES, DECISION_DIRECTION
from summarizer.tasks.regulatory.reader import summarize_with_rules
from summarizer.tasks.regulatory.schema import AGENCY_CODES, DECISION_CODES, RegulatorySummary
from summarizer.tasks.regulatory.task import code_lists
from summarizer.tasks.regulatory.vocabulary import VOCABULARY, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent

#: how a release names each regulator (one way; the lexicon knows more)
NAMES = {
    "FDA": "the U.S. Food and Drug Administration (FDA)",
    "EMA": "the European Medicines Agency (EMA)",
    "EC": "the European Commission",
    "MHRA": "the Medicines and Healthcare products Regulatory Agency (MHRA)",
    "PMDA": "Japan's Ministry of Health, Labour and Welfare (MHLW)",
    "HEALTH_CANADA": "Health Canada",
    "NMPA": "China's National Medical Products Administration (NMPA)",
    "TGA": "the Therapeutic Goods Administration (TGA)",
    "NICE": "the National Institute for Health and Care Excellence (NICE)",
    "NOTIFIED_BODY": "its notified body, TÜV SÜD,",
    "OTHER": "Swissmedic",
}
#: generic phrasings of each decision kind, {A} the regulator (its own words come on top)
PHRASINGS = {
    "approval": ["{A} has approved ZORVEX (zorvetinib) for adults with gout",
                 "ZORVEX (zorvetinib) has been approved by {A} for adults with gout"],
    "accelerated_approval": ["{A} has granted conditional approval to ZORVEX for adults with gout"],
    "clearance": ["{A} has cleared the ZoraScan device for use in hospitals"],
    "positive_opinion": ["{A} recommended approval of ZORVEX (zorvetinib) for adults with gout"],
    "negative_opinion": ["{A} adopted a negative opinion on ZORVEX (zorvetinib)"],
    "advisory_vote": ["an advisory committee of {A} voted 9 to 4 in favour of ZORVEX"],
    "complete_response": ["{A} issued a complete response letter for the ZORVEX application"],
    "refusal_to_file": ["{A} refused to file the application for ZORVEX (zorvetinib)"],
    "refusal": ["{A} has refused the application for ZORVEX (zorvetinib)",
                "{A} rejected the marketing application for ZORVEX (zorvetinib)"],
    "clinical_hold": ["{A} has suspended the Phase 2 trial of ZRX-5",
                      "{A} placed the Phase 2 trial of ZRX-5 on clinical hold"],
    "hold_lifted": ["{A} has lifted the clinical hold on the Phase 2 trial of ZRX-5",
                    "{A} allowed the Phase 2 trial of ZRX-5 to resume"],
    "trial_authorization": ["{A} has authorised the clinical trial application for ZRX-5",
                            "{A} approved the company's application to start a Phase 1 trial"],
    "designation": ["{A} has granted orphan drug designation to ZRX-5 for gout"],
    "filing_accepted": ["{A} has accepted the marketing application for ZORVEX for review",
                        "the marketing application for ZORVEX (zorvetinib) was validated by {A}"],
    "submission": ["the company has submitted a marketing application for ZORVEX to {A}"],
    "review_extension": ["{A} has extended the review of the application for ZORVEX by three "
                         "months"],
    "withdrawal": ["the company has withdrawn its marketing application for ZORVEX from {A}"],
    "regulatory_feedback": ["{A} provided written feedback on the Phase 3 design for ZRX-5",
                            "{A} agreed with the company's proposed Phase 3 design for ZRX-5"],
    "other": ["{A} has started a safety review of ZORVEX (zorvetinib)"],
}


def test_the_schema_prompt_and_lexicon_take_their_codes_from_the_vocabulary() -> None:
    assert VOCABULARY.agency_codes == AGENCY_CODES and VOCABULARY.decision_codes == DECISION_CODES
    schema = RegulatorySummary.model_json_schema()
    outcome = schema["$defs"]["Outcome"]["properties"]
    assert tuple(outcome["agency"]["enum"]) == VOCABULARY.agency_codes
    assert tuple(outcome["decision"]["enum"]) == VOCABULARY.decision_codes
    assert outcome["agency"]["description"] == VOCABULARY.agency_field
    prompt, lists = get_task("regulatory").prompt.system, code_lists()
    for agency in VOCABULARY.agencies:
        assert agency.code in lists["agency_codes"] and agency.code in prompt
    for decision in VOCABULARY.event_decisions:
        assert decision.code in lists["decision_codes"]
        assert not decision.prompt or decision.prompt in " ".join(prompt.split())
    assert set(AGENCY_PATTERNS) == {a.code for a in VOCABULARY.agencies}
    assert VOCABULARY.cues == DECISION_CUES
    assert {d.code: d.direction for d in VOCABULARY.decisions} == DECISION_DIRECTION


def test_every_regulator_has_cues_for_the_decision_kinds_it_takes() -> None:
    for agency in VOCABULARY.agencies:
        readable = {c.decision for c in VOCABULARY.cues_of(agency.code)}
        taken = {d.code for d in VOCABULARY.event_decisions if agency.takes(d.code)}
        assert taken, agency.code
        assert taken <= readable, (agency.code, sorted(taken - readable))


def _release(sentence: str) -> str:
    return ("Zoral Therapeutics Announces Regulatory Update\n\nBOSTON, March 3, 2025 -- Zoral "
            f"Therapeutics Inc. today announced that {sentence}. The company will provide more "
            "details in the second quarter of 2025.\n\nAbout Zoral\nZoral develops medicines.\n")


@pytest.mark.parametrize("agency", sorted(NAMES))
def test_every_regulator_is_read_in_each_decision_kind_it_takes(agency: str) -> None:
    spec = VOCABULARY.agency(agency)
    assert spec is not None
    misread = []
    for decision, phrasings in PHRASINGS.items():
        if not spec.takes(decision) or (decision == "other" and agency == "NOTIFIED_BODY"):
            continue
        for phrasing in phrasings:
            sentence = phrasing.format(A=NAMES[agency])
            summary = summarize_with_rules(load(_release(sentence), published=dt.date(2025, 3, 3)))
            got = (summary.outcome.agency, summary.outcome.decision) if (
                summary.outcome and summary.is_regulatory_event) else ("NONE", "none")
            if got != (agency, decision):
                misread.append((sentence, got))
    assert not misread, misread


@pytest.mark.parametrize(("sentence", "agency", "decision"), [
    ("it has received a Notice of Compliance (NOC) for ARBORA in ulcerative colitis",
     "HEALTH_CANADA", "approval"),
    ("it has received a Notice of Compliance with conditions (NOC/c) for PINORA",
     "HEALTH_CANADA", "accelerated_approval"),
    ("its test has been included in the Australian Register of Therapeutic Goods (ARTG)",
     "TGA", "clearance"),
    ("ZRX-5 has been awarded an Innovation Passport under the Innovative Licensing and Access "
     "Pathway", "MHRA", "designation"),
    ("it has obtained manufacturing and marketing approval for ZORVEX in Japan", "PMDA",
     "approval"),
    ("the company has received CE mark certification for the ZoraScan device", "NOTIFIED_BODY",
     "clearance"),
    ("Swissmedic has issued a warning letter concerning the company's Basel site", "OTHER",
     "other"),
    ("the U.S. FDA has classified the recall of the ZoraPump as a Class I recall", "FDA",
     "other"),
    # a regulator named by its country and kind (the vocabulary's {REGULATOR} fragment)
    ("the U.S. drug regulator has approved ZORVEX for adults with lupus", "FDA", "approval"),
    ("Japan's health ministry has approved ZORVEX for adults with lupus", "PMDA", "approval"),
    ("Australia's medicines regulator has approved ZORVEX for adults with lupus", "TGA",
     "approval"),
])
def test_a_regulators_own_words_name_it(sentence: str, agency: str, decision: str) -> None:
    summary = summarize_with_rules(load(_release(sentence), published=dt.date(2025, 3, 3)))
    assert summary.outcome is not None
    assert (summary.outcome.agency, summary.outcome.decision) == (agency, decision)


#: a file that quotes this many codes of one list restates it (the vocabulary defines it once;
#: a few decision words stay in the tone lexicon, where they are words, not codes)
_RESTATED = {"decision": 5, "agency": 4}


def test_nothing_restates_the_code_lists() -> None:
    decisions = [d.code for d in VOCABULARY.event_decisions if d.code != "other"]
    agencies = [a.code for a in VOCABULARY.agencies if a.code != "OTHER"]
    # the engine and the regulatory task's own modules; the timeline and the other tasks key
    # their own tables (state transitions, another task's codes) by these codes and are not
    # the taxonomy
    regulatory = ROOT / "summarizer" / "tasks" / "regulatory"
    files = [p for p in (ROOT / "summarizer").glob("*.py")]
    files += [p for p in regulatory.glob("*.py") if p.name != "vocabulary.py"]
    files += [*(ROOT / "summarizer" / "integrations").glob("*.py")]
    files += [*(regulatory / "prompts").glob("*.j2")]
    restated = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        for kind, codes in (("decision", decisions), ("agency", agencies)):
            quoted = {c for c in codes if re.search(rf"[\"']{re.escape(c)}[\"']", text)}
            if len(quoted) >= _RESTATED[kind]:
                restated[f"{path.relative_to(ROOT)} ({kind})"] = sorted(quoted)
    assert not restated, restated


@pytest.mark.parametrize(("change", "message"), [
    ("[[decision]]\ncode = \"none\"\ndirection = \"upward\"\n", "direction"),
    ("[[decision]]\ncode = \"none\"\n[[decision.cue]]\nany = ['{NOPE} x']\n", "fragment"),
    ("[[decision]]\ncode = \"none\"\n[[agency]]\ncode = \"X\"\nabbreviations = [\"X\"]\n"
     "decisions = [\"approve\"]\n", "unknown"),
    ("[[decision]]\ncode = \"none\"\n[[decision.cue]]\nany = ['(unclosed']\n", "bad pattern"),
    ("[[decision]]\ncode = \"none\"\n[[agency]]\ncode = \"X\"\npatterns = ['{NOPE} x']\n"
     "decisions = [\"*\"]\n", "fragment"),
    ("[fragments]\nA = '{B}'\nB = 'x{A}'\n[[decision]]\ncode = \"none\"\n[[decision.cue]]\n"
     "any = ['{A}']\n", "uses itself"),
    ("[[decision]]\ncode = \"yes\"\n", "no_decision"),
    ("[[decision]]\ncode = \"none\"\n[[decision.cue]]\ndirection = \"bad\"\nany = ['x']\n",
     "cue's direction"),
    ("[[decision]]\ncode = \"none\"\ndirection = \"neutral\"\n[[decision.cue]]\n"
     "direction = \"favorable\"\nany = ['x']\n", "kinds without one"),
    ("[[decision]]\ncode = \"none\"\n[[decision.leaning]]\nany = ['x']\n",
     "leaning needs a direction"),
    ("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"a\"\nyields_to = [\"none\"]\n",
     "not compatible"),
    ("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"a\"\npart_of = [\"b\"]\n",
     "names unknown"),
    ("other_agency = \"ELSE\"\n[[decision]]\ncode = \"none\"\n[[agency]]\ncode = \"X\"\n"
     "abbreviations = [\"X\"]\ndecisions = [\"*\"]\n", "other_agency"),
    ("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"a\"\n[[decision.cue]]\n"
     "also = [\"none\"]\nany = ['x']\n", "also read as"),
    ("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"a\"\n[[decision.cue]]\n"
     "also = [\"b\"]\nany = ['x']\n", "also read as"),
    ("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"a\"\n[[decision.cue]]\n"
     "reports = [\"a\"]\nany = ['x']\n", "a cue of a reports"),
])
def test_a_broken_vocabulary_file_is_a_configuration_error(
    tmp_path: Path, change: str, message: str
) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(change, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_vocabulary(path)


def test_a_fragment_may_use_another(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text("[fragments]\nSTOP = '[.;]'\nUNTIL = '[^.;]*?(?={STOP})'\n[[decision]]\n"
                    "code = \"none\"\n[[decision]]\ncode = \"approval\"\n[[decision.cue]]\n"
                    "any = ['approved{UNTIL}']\n", encoding="utf-8")
    cue = load_vocabulary(path).cues[0]
    assert cue.pattern.search("It was approved today; later") is not None
    assert cue.pattern.search("approved today; later").group() == "approved today"  # type: ignore[union-attr]


def test_leanings_are_read_in_order_and_not_when_negated(tmp_path: Path) -> None:
    from summarizer.tasks.regulatory._fields import _leaning
    from summarizer.tasks.regulatory.vocabulary import VOCABULARY

    feedback = VOCABULARY.decision("regulatory_feedback")
    assert feedback is not None and [d for d, _ in feedback.leanings] == [
        "unfavorable", "favorable"]
    assert _leaning("regulatory_feedback", "The FDA agreed with the design but asked for "
                    "additional data on dosing.") == "unfavorable"  # the first leaning first
    assert _leaning("regulatory_feedback", "The agency agreed that no additional trial is "
                    "needed, without requiring a second study.") == "favorable"
    assert _leaning("regulatory_feedback", "The FDA did not agree with the design.") is None
    assert _leaning("advisory_vote", "Members were not in favour of the benefit-risk.") is None
    assert _leaning("approval", "asked for additional data") is None  # a kind without leanings
    path = tmp_path / "vocabulary.toml"
    path.write_text("[[decision]]\ncode = \"none\"\n[[decision]]\ncode = \"feedback\"\n"
                    "[[decision.leaning]]\ndirection = \"unfavorable\"\nany = ['\\bdeficienc']\n",
                    encoding="utf-8")
    spec = load_vocabulary(path).decision("feedback")
    assert spec is not None and spec.leanings[0][0] == "unfavorable"
    assert spec.leanings[0][1].search("two Deficiencies") is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abAB .-()", min_size=1, max_size=6), min_size=1, max_size=8),
       st.text(alphabet="abAB .-()", min_size=1, max_size=6))
def test_a_trie_of_words_matches_exactly_those_words(words: list[str], other: str) -> None:
    from summarizer.tasks.regulatory.vocabulary import _trie

    pattern = re.compile(_trie(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert (pattern.fullmatch(other) is not None) == (other in words)


def test_the_shipped_vocabulary_loads_from_a_path_too() -> None:
    again = load_vocabulary(ROOT / "summarizer" / "tasks" / "regulatory" / "vocabulary.toml")
    assert again.agency_codes == VOCABULARY.agency_codes
    assert len(again.cues) == len(VOCABULARY.cues)


def test_misfit_says_why_a_regulator_never_takes_a_decision_and_how_sure() -> None:
    from summarizer.tasks.regulatory.vocabulary import VOCABULARY

    advice, severity = VOCABULARY.misfit("FDA", "positive_opinion") or ("", "")
    assert severity == "error" and "does not issue opinions" in advice
    assert VOCABULARY.misfit("EMA", "complete_response") == (
        VOCABULARY.decision("complete_response").misfit, "warning")  # type: ignore[union-attr]
    assert VOCABULARY.misfit("FDA", "approval") is None
    assert VOCABULARY.misfit("OTHER", "positive_opinion") is None  # OTHER takes every kind
    assert VOCABULARY.misfit("FDA", VOCABULARY.no_decision) is None
    assert VOCABULARY.misfit("NOT_A_CODE", "approval") is None


def test_only_decisions_whose_wording_decides_carry_a_direction_on_their_cues() -> None:
    """A cue's own direction is for kinds without one ("other"): on a kind that fixes its
    direction it could only contradict it."""
    worded = [c for c in VOCABULARY.cues if c.direction is not None]
    assert worded
    assert all(VOCABULARY.direction(c.decision) is None for c in worded)


def test_only_other_is_the_catch_all_kind() -> None:
    assert [d.code for d in VOCABULARY.decisions if VOCABULARY.catch_all(d.code)] == ["other"]
    assert not VOCABULARY.catch_all("no-such-kind")
