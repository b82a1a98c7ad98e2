"""Tone weighing: phrases before words, a word inside a phrase counted once, and a user's own
lexicon read from JSON or CSV."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.errors import ConfigurationError
from summarizer.tone import load_tone_lexicon, weigh

LEXICON = {"approved": 1.0, "not approved": -1.0, "delay": -0.5, "positive": 0.5,
           "positive opinion": 1.0, "complete response letter": -1.0, "letter": 0.2}


def _reference(text: str, lex: dict[str, float]) -> list[tuple[int, int, str, float]]:
    """The plain reading: phrases (longest first, left to right), then each word not inside
    one of them."""
    low = text.lower()
    phrases = sorted((k for k in lex if " " in k), key=len, reverse=True)
    hits = []
    if phrases:
        pattern = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, phrases)) + r")(?![a-z])")
        hits = [(m.start(), m.end(), m.group(), lex[m.group()]) for m in pattern.finditer(low)]
    spans = [(s, e) for s, e, *_ in hits]
    for m in re.finditer(r"[a-z][a-z'\-]*", low):
        if m.group() in lex and not any(s <= m.start() < e for s, e in spans):
            hits.append((m.start(), m.end(), m.group(), lex[m.group()]))
    return sorted(hits)


def test_a_word_inside_a_phrase_counts_once_as_the_phrase() -> None:
    tone = weigh("The drug was not approved; a Complete Response Letter followed.", LEXICON)
    assert [h[2] for h in tone.hits] == ["not approved", "complete response letter"]
    assert tone.negative == 2.0 and tone.positive == 0.0
    assert tone.score == round(-2.0 / 3.0, 4)


def test_words_outside_phrases_still_count() -> None:
    tone = weigh("A positive opinion, then approved; the letter came without delay.", LEXICON)
    assert [h[2] for h in tone.hits] == ["positive opinion", "approved", "letter", "delay"]
    assert tone.positive == pytest.approx(2.2) and tone.negative == pytest.approx(0.5)


_WORDS = st.sampled_from(["approved", "not", "positive", "opinion", "complete", "response",
                          "letter", "delay", "the", "FDA", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from([" ", ", ", ". ", "-", "  "])), max_size=60))
def test_hits_match_the_plain_reading(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    tone = weigh(text, LEXICON)
    assert list(tone.hits) == _reference(text, LEXICON)
    assert -1.0 <= tone.score <= 1.0


def test_a_user_lexicon_from_csv_and_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    csv_path = tmp_path / "tone.csv"
    csv_path.write_text("word,score\nGood,2\nbad,-0.5\n", encoding="utf-8")
    assert load_tone_lexicon(csv_path) == {"good": 1.0, "bad": -0.5}
    json_path = tmp_path / "tone.json"
    json_path.write_text('{"Fine": 0.3}', encoding="utf-8")
    assert load_tone_lexicon(json_path) == {"fine": 0.3}
    with pytest.raises(ConfigurationError):
        load_tone_lexicon(tmp_path / "missing.csv")
