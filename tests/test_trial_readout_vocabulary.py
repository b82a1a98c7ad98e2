"""The trial-readout vocabulary: one table of codes and wording, consistent with itself."""

from __future__ import annotations

import re

import pytest

from summarizer.tasks.trial_readout import vocabulary as v


def test_every_code_has_a_meaning_and_every_cue_a_known_direction() -> None:
    assert set(v.ENDPOINT_MEANINGS) == set(v.ENDPOINT_CODES)
    directions = {cue.direction for cue in v.ENDPOINT_CUES}
    assert directions == {"met", "not_met", "mixed"} <= set(v.ENDPOINT_CODES)
    for direction in directions:  # each direction can be stated in so many words
        assert any(c.strong for c in v.ENDPOINT_CUES if c.direction == direction)


def test_news_kinds_cover_the_non_readouts_of_the_label_spec() -> None:
    kinds = {cue.kind for cue in v.NEWS_CUES}
    assert kinds == {"readout", "regulatory", "trial_start", "earnings", "deal", "financing"}


@pytest.mark.parametrize(("first", "second", "code"), [
    ("1", None, "1"), ("III", None, "3"), ("i", "ii", "1/2"), ("2", "3", "2/3"),
    ("1", "3", "1"), ("5", None, None),
])
def test_phase_codes(first: str, second: str | None, code: str | None) -> None:
    assert v.phase_code(first, second) == code


@pytest.mark.parametrize(("registry", "example"), [
    ("ClinicalTrials.gov", "NCT05518842"), ("EudraCT", "2019-001234-56"),
    ("EU CT", "2023-501234-12-00"), ("ISRCTN", "ISRCTN12345678"),
    ("ANZCTR", "ACTRN12620000123456"), ("jRCT", "jRCT2031210123"),
    ("ChiCTR", "ChiCTR-IPR-17012345"), ("CTRI", "CTRI/2021/03/031234"),
    ("DRKS", "DRKS00012345"), ("UMIN", "UMIN000012345"), ("CRIS", "KCT0001234"),
])
def test_registry_patterns(registry: str, example: str) -> None:
    assert v.REGISTRY_IDS[registry].fullmatch(example)
    others = [name for name, p in v.REGISTRY_IDS.items() if p.fullmatch(example)]
    assert others == [registry]


def test_inn_stems_and_their_exceptions() -> None:
    assert all(re.fullmatch(r"[a-z]+", stem) for stem in v.INN_STEMS)
    assert all(any(word.endswith(stem) for stem in v.INN_STEMS) for word in v.NOT_INN)


def test_tone_weights_are_in_range() -> None:
    assert all(-1.0 <= w <= 1.0 for w in v.TRIAL_TONE.values())
    assert v.TRIAL_TONE["did not meet"] < 0 < v.TRIAL_TONE["encouraging"]
