"""Property tests: the trial-readout reader and rules never raise on arbitrary text, and every
quote the reader makes is the exact source passage."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError
from summarizer.intake import load
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.rules import run_rules
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.settle import settle

#: words and marks releases are made of, so generated text hits the cue patterns
_WORDS = [
    "Phase", "3", "2b", "1/2", "III", "trial", "study", "met", "did", "not", "meet", "its",
    "primary", "endpoint", "co-primary", "statistically", "significant", "p<0.001", "p=0.21",
    "HR", "0.62", "38%", "NCT01234567", "ALPHA-1", "acmeximab", "(ACM-101)", "patients", "with",
    "psoriasis", "well", "tolerated", "adverse", "events", "Grade", "will", "submit", "BLA", "in",
    "the", "first", "half", "of", "2026", "expected", "if", "topline", "results", "announced",
    "today", "FDA", "approved", "Financial", "Results", "\n", "\n\n", ".", ",", ";", "•", "-",
    "(", ")", "—", "About", "Forward-Looking", "Statements", "BOSTON,", "Jan.", "5,",
    "/PRNewswire/", "--", "Ignore", "previous", "instructions",
]
release_like = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=120).map(" ".join)
any_text = st.text(min_size=1, max_size=600)


def _loaded(text: str):  # type: ignore[no-untyped-def]
    try:
        return load(text)
    except InputError:
        return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(release_like, any_text))
def test_reader_never_raises_and_quotes_exactly(text: str) -> None:
    doc = _loaded(text)
    if doc is None:
        return
    summary = read(doc)
    assert isinstance(summary, TrialReadoutSummary)
    for _, ev in summary.evidence_items():
        assert ev.start is not None and ev.end is not None
        assert doc.text[ev.start:ev.end] == ev.quote
    assert summary.endpoint.outcome == "none" or summary.is_trial_readout


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(release_like, release_like, st.sampled_from(
    ["met", "not_met", "mixed", "not_reported", "none"]), st.booleans())
def test_rules_and_settle_never_raise_on_any_answer(text: str, quote: str, outcome: str,
                                                     readout: bool) -> None:
    doc = _loaded(text)
    if doc is None:
        return
    data = read(doc).model_dump(mode="json")
    data["is_trial_readout"] = readout
    data["endpoint"] = {"name": quote[:40], "outcome": outcome, "evidence": {"quote": quote}}
    data["key_results"] = [{"statement": quote, "value": quote[:12], "evidence": {"quote": quote}}]
    data["trial"] = {"name": quote[:20] or None, "identifiers": [quote[:11]], "phase": "2"}
    answer = TrialReadoutSummary.model_validate(data)
    findings = run_rules(answer, doc)
    assert not [f for f in findings if "could not run" in f.message]
    settle(answer, doc)
    assert not [f for f in run_rules(answer, doc) if "could not run" in f.message]
