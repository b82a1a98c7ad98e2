"""The regex prefilter of the cue lexicon: it only ever skips patterns that cannot match, so the
rules read every release exactly as they did without it."""

from __future__ import annotations

import re

from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.literals import Prefilter, fold, required_literals
from summarizer.tasks.regulatory.lexicon import (
    AGENCY_PATTERNS,
    DECISION_CUES,
    find_agencies,
    find_decision_cues,
)
from summarizer.testing import synthetic_release

PATTERNS = [cue.pattern for cue in DECISION_CUES] + list(AGENCY_PATTERNS.values())
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "docs").glob("*.txt"))] + [
    synthetic_release(i) for i in range(6)
]


def test_every_real_match_contains_one_of_its_required_literals() -> None:
    checked = 0
    for pattern in PATTERNS:
        literals = required_literals(pattern)
        if literals is None:
            continue
        for text in TEXTS:
            for match in pattern.finditer(text):
                assert any(lit in fold(match.group()) for lit in literals), (
                    pattern.pattern[:60], match.group())
                checked += 1
    assert checked > 200


def test_filtered_and_unfiltered_scans_agree_on_the_corpus() -> None:
    for text in TEXTS:
        spans = [(0, len(text))] + [(i, min(len(text), i + 900)) for i in range(0, len(text), 1500)]
        for start, end in spans:
            resolved = find_decision_cues(text, start, end)
            assert [(h.decision, h.start, h.end) for h in resolved] == [
                (h.decision, h.start, h.end) for h in _resolve_unfiltered(text, start, end)]
            assert [(a.code, a.start, a.end) for a in find_agencies(text, start, end)] == (
                _agencies_unfiltered(text, start, end))


def _resolve_unfiltered(text: str, start: int, end: int) -> list[object]:
    from summarizer.tasks.regulatory.lexicon import CueHit, _resolve_overlaps

    # a regulator's own wording that needs it named is left out where the text never names it
    hits = [CueHit(cue.decision, m.start(), m.end(), m.group(), cue.specificity,
                   cue.needs_agency)
            for cue in DECISION_CUES for m in cue.pattern.finditer(text, start, end)
            if m.end() > m.start() and not (
                cue.agency is not None and cue.needs_agency
                and AGENCY_PATTERNS[cue.agency].search(text, start, end) is None)]
    return _resolve_overlaps(hits, lambda h: (-h.specificity, -(h.end - h.start), h.start))


def _agencies_unfiltered(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    from summarizer.tasks.regulatory.lexicon import AgencyMention, _resolve_overlaps

    order = {code: i for i, code in enumerate(AGENCY_PATTERNS)}
    found = [AgencyMention(code, m.start(), m.end(), m.group())
             for code, pattern in AGENCY_PATTERNS.items()
             for m in pattern.finditer(text, start, end)]
    return [(a.code, a.start, a.end)
            for a in _resolve_overlaps(found, lambda a: (order[a.code], a.start))]


# words the patterns look for, in odd cases and with the characters IGNORECASE folds to ASCII
_WORDS = ["FDA", "fda", "approved", "APPROVAL", "complete response letter", "CRL", "İND",
          "ınd", "Kelvin", "claſſ", "CE mark", "CE-Marking", "TÜV", "TUV", "510(k)", "EMA",
          "CHMP", "positive opinion", "recommended", "clinical hold", "lifted", "IND",
          "cleared", "orphan drug designation", "PDUFA date", "extended", "withdrawn",
          "refuse to file", "refusal", "advisory committee voted 10 to 2", "Type B meeting",
          "deficiencies", "Health Canada", "NICE", "notified body", "the EC", "(EMEA)",
          "\u212aelvin", "ſubmitted", "ſubmiſſion", "\u0130ND", "accepted for filing"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, " ", ". ", "the ", "has ", "\n", "of the "]),
                max_size=40))
def test_filtered_and_unfiltered_scans_agree_on_arbitrary_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert [(h.decision, h.start, h.end) for h in find_decision_cues(text)] == [
        (h.decision, h.start, h.end) for h in _resolve_unfiltered(text, 0, len(text))]  # type: ignore[attr-defined]
    assert [(a.code, a.start, a.end) for a in find_agencies(text)] == _agencies_unfiltered(
        text, 0, len(text))


def test_required_literals_of_simple_and_opaque_patterns() -> None:
    assert required_literals(re.compile(r"\bclinical hold\b", re.I)) == {"clinical hold"}
    assert required_literals(re.compile(r"T[ÜU]V")) == {"tüv", "tuv"}
    folded_anyway = required_literals(re.compile(r"(?i)T[ÜU]V"))  # Ü: not trusted under (?i)
    assert folded_anyway is not None and "tüv" not in folded_anyway
    assert required_literals(re.compile(r"a|\w+")) is None  # one branch needs nothing
    assert required_literals(re.compile(r".*")) is None
    assert required_literals(re.compile(r"(?:ab)?cd")) == {"cd"}
    assert Prefilter(re.compile(r"\w+")).may_match("anything")
    assert not Prefilter(re.compile(r"approv", re.I)).may_match(fold("Cleared"))
    assert Prefilter(re.compile(r"k", re.I)).may_match(fold("\u212a"))  # Kelvin sign
