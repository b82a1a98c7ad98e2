"""Grounding: exact, normalised and fuzzy alignment with offsets into the original text."""

from __future__ import annotations

import random

from conftest import ceplene_answer, corpus_text
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarizer.grounding import SourceIndex, align, ground, normalize, trim_to_source
from summarizer.tasks.regulatory.schema import RegulatorySummary

SOURCE = (
    "TARRYTOWN, N.Y. -- EpiCept Corporation today announced that the CHMP has issued a\n"
    "negative opinion regarding the MAA for Ceplene(R) (histamine dihydrochloride).\n"
    "“We are disappointed,” said the CEO – who expects an appeal in the third quarter."
)


def test_exact_match_returns_the_passage() -> None:
    quote = "negative opinion regarding the MAA"
    a = align(quote, SOURCE)
    assert a.match == "exact" and a.score == 1.0
    assert a.start is not None and SOURCE[a.start:a.end] == quote


def test_normalised_match_maps_back_to_original_offsets() -> None:
    index = SourceIndex(SOURCE)
    cases = {
        "has issued a negative opinion": "has issued a\nnegative opinion",  # whitespace
        "MAA for Ceplene (histamine dihydrochloride)": "MAA for Ceplene(R) (histamine "
                                                        "dihydrochloride)",  # (R) mark
        '"We are disappointed," said the CEO - who': "“We are disappointed,” said the CEO – who",
        "EPICEPT CORPORATION TODAY ANNOUNCED": "EpiCept Corporation today announced",  # case
    }
    for quote, passage in cases.items():
        a = align(quote, index)
        assert a.match == "normalized", quote
        assert a.start is not None and SOURCE[a.start:a.end] == passage


def test_registered_sign_and_r_in_parentheses_are_equivalent() -> None:
    text = "BOTOX® is approved. Ceplene(R) is not."
    assert align("BOTOX is approved", text).match == "normalized"
    assert align("Ceplene® is not", text).match == "normalized"
    assert normalize("Ceplene(R)\n(histamine)") == normalize("Ceplene® (histamine)")


def test_fuzzy_match_tolerates_small_edits() -> None:
    quote = "the CHMP has issued a negatve opinion regarding the MAA for Ceplene"
    a = align(quote, SOURCE)
    assert a.match == "fuzzy"
    assert a.score is not None and 0.85 <= a.score < 1.0
    assert a.start is not None and a.end is not None
    assert "negative opinion regarding the MAA for Ceplene" in SOURCE[a.start:a.end]


def test_unrelated_and_empty_quotes_do_not_match() -> None:
    for quote in ("The FDA approved a new vaccine for influenza in children.", "", "   "):
        a = align(quote, SOURCE)
        assert (a.match, a.start, a.end, a.score) == ("none", None, None, None)
    assert align("short", SOURCE).match == "none"  # too short for fuzzy, not present


def test_ground_fills_every_evidence_in_place() -> None:
    text = corpus_text("d01")
    summary = RegulatorySummary.model_validate(ceplene_answer())
    summary.rationale[0].evidence.quote = "The CHMP indicated that data from the single pivotal " \
                                          "AML trial was not adequately statistically compelling."
    returned = ground(summary, text)
    assert returned is summary
    items = dict(summary.evidence_items())
    assert items["outcome.evidence"].match == "exact"
    assert items["rationale[0].evidence"].match == "normalized"
    for _, ev in summary.evidence_items():
        assert ev.start is not None and ev.end is not None
        assert 0 <= ev.start <= ev.end <= len(text)


def test_index_is_reusable_and_accepted_by_ground() -> None:
    index = SourceIndex(corpus_text("d01"))
    first = ground(RegulatorySummary.model_validate(ceplene_answer()), index)
    second = ground(RegulatorySummary.model_validate(ceplene_answer()), index)
    assert [e.start for _, e in first.evidence_items()] == [
        e.start for _, e in second.evidence_items()
    ]


def test_long_document_stays_fast() -> None:
    rng = random.Random(7)
    words = ["approval", "agency", "trial", "data", "patients", "phase", "study", "company",
             "release", "opinion", "letter", "market", "product", "therapy", "dose", "review",
             "safety", "efficacy", "results", "clinical"]
    parts: list[str] = []
    size = 0
    while size < 2_000_000:  # a repetitive vocabulary: no word is a rare anchor
        parts.append(" ".join(rng.choice(words) for _ in range(14)) + ".\n")
        size += len(parts[-1])
    text = "".join(parts)
    quotes = []
    for i in range(20):
        pos = rng.randrange(0, len(text) - 200)
        quote = text[pos:pos + 120]
        if i % 4 == 1:
            quote = quote.upper()  # normalised
        elif i % 4 == 2:
            quote = quote[:50] + "x" + quote[51:]  # fuzzy
        elif i % 4 == 3:
            quote = "Zebra quokka narwhal platypus axolotl pangolin okapi tapir."  # absent
        quotes.append(quote)
    index = SourceIndex(text)  # speed: benchmarks/speed.py
    results = [align(q, index) for q in quotes]
    for quote, a in zip(quotes, results, strict=True):
        if a.start is not None:
            assert a.end is not None and 0 <= a.start <= a.end <= len(text)
        if quote in text:
            assert a.match == "exact"
    assert results[3].match == "none"
    assert results[2].match in ("fuzzy", "exact")


# -- properties --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from([*list("abcAB  \n\t.,’'“”\"–-®()R"), "(R)", "™", "İ", "ß", "é"])
_TEXT = st.lists(_ALPHABET, max_size=300).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, quote=_TEXT)
def test_arbitrary_input_never_raises_and_offsets_are_in_range(text: str, quote: str) -> None:
    a = align(quote, text)
    if a.match == "none":
        assert a.start is None and a.end is None
    else:
        assert a.start is not None and a.end is not None
        assert 0 <= a.start <= a.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, data=st.data())
def test_exact_substrings_always_align_exactly(text: str, data: st.DataObject) -> None:
    assume(text.strip())
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    assume(quote.strip())
    a = align(quote, SourceIndex(text))
    assert a.match == "exact"
    assert a.start is not None and text[a.start:a.end] in (quote, quote.strip())


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, data=st.data())
def test_normalised_matches_cover_an_equivalent_passage(text: str, data: st.DataObject) -> None:
    assume(text.strip())
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j].upper().replace("’", "'")
    a = align(quote, text)
    if a.match in ("exact", "normalized"):
        assert a.start is not None and a.end is not None
        assert normalize(text[a.start:a.end]) == normalize(quote) or a.match == "exact"


# -- quotes shortened with an ellipsis ------------------------------------------------------------

ELIDED_SOURCE = (
    "Rocket Pharmaceuticals today said KRESLADI is an autologous hematopoietic stem cell-based "
    "gene therapy indicated for the treatment of pediatric patients with severe LAD-I. "
    "The approval follows a priority review."
)


def test_a_trailing_ellipsis_grounds_the_fragment() -> None:
    quote = "KRESLADI is an autologous hematopoietic stem cell-based gene therapy indicated for..."
    a = align(quote, ELIDED_SOURCE)
    assert a.match == "normalized" and a.start is not None and a.end is not None
    assert ELIDED_SOURCE[a.start:a.end] == quote[:-3].rstrip()


def test_an_internal_ellipsis_spans_both_fragments_and_scores_the_coverage() -> None:
    a = align("Rocket Pharmaceuticals today said [...] with severe LAD-I.", ELIDED_SOURCE)
    assert a.match == "fuzzy" and a.start == 0 and a.end is not None
    assert ELIDED_SOURCE[:a.end].endswith("with severe LAD-I.")
    assert a.score is not None and 0 < a.score < 0.5  # most of the span was left out


def test_elided_fragments_must_come_in_order_and_close_together() -> None:
    assert align("with severe LAD-I. ... Rocket Pharmaceuticals today", ELIDED_SOURCE).match == (
        "none")
    far = "Rocket Pharmaceuticals today said " + "x " * 400 + "The approval follows a review."
    assert align("Rocket Pharmaceuticals today said ... The approval follows a review.",
                 far).match == "none"


# -- trimming a quote to what the source holds -------------------------------------------------

_FABRICATED = "The regulator praised the company for its outstanding dossier and rapid review."


def test_a_stitched_quote_keeps_only_the_sentence_the_source_holds() -> None:
    real = "EpiCept Corporation today announced that the CHMP has issued a negative opinion"
    trim = trim_to_source(f"{real}. {_FABRICATED}", SOURCE)
    assert trim is not None
    assert SOURCE[trim.start:trim.end] == trim.quote
    assert normalize(trim.quote).startswith(normalize(real))
    assert trim.dropped == _FABRICATED


def test_a_near_copy_is_replaced_by_the_verbatim_passage_widened_to_whole_words() -> None:
    # a dropped "(R)" and straight quotes: aligned fuzzily, returned as the source's own text
    trim = trim_to_source("the CHMP has issued a negative opinion regarding the MAA for Ceplene "
                          "(histamine dihydrochloride). " + _FABRICATED, SOURCE)
    assert trim is not None and trim.quote in SOURCE
    assert trim.quote.endswith("dihydrochloride).") and trim.quote[0].isalpha()


def test_neighbouring_sentences_stay_one_passage() -> None:
    quote = ("EpiCept Corporation today announced that the CHMP has issued a negative opinion "
             "regarding the MAA for Ceplene (histamine dihydrochloride). \"We are disappointed,\" "
             "said the CEO - who expects an appeal in the third quarter. " + _FABRICATED)
    trim = trim_to_source(quote, SourceIndex(SOURCE))
    assert trim is not None and trim.quote.startswith("EpiCept")
    assert trim.quote.endswith("third quarter.") and trim.dropped == _FABRICATED


def test_a_sentence_copied_then_paraphrased_keeps_the_words_the_source_holds() -> None:
    # one sentence: a clause copied word for word, then the model's own ending (or beginning)
    trim = trim_to_source("EpiCept Corporation today announced that the CHMP has issued a "
                          "negative opinion and will appeal it next year.", SOURCE)
    assert trim is not None and SOURCE[trim.start:trim.end] == trim.quote
    assert trim.quote == ("EpiCept Corporation today announced that the CHMP has issued a\n"
                          "negative opinion")
    assert trim.dropped == "and will appeal it next year."
    source = ("On the call, Helsinn said the company plans to resubmit the application once the "
              "second site has been inspected by the agency, and not before the third quarter.")
    trim = trim_to_source("In a written statement released late on Friday, the group confirmed "
                          "that the company plans to resubmit the application once the second "
                          "site has been inspected by the agency.", source)
    assert trim is not None and trim.quote == ("the company plans to resubmit the application once "
                                               "the second site has been inspected by the agency")
    assert trim.dropped.startswith("In a written statement") and trim.dropped.endswith("that")


def test_a_copied_part_shorter_than_a_clause_is_no_evidence() -> None:
    assert trim_to_source("EpiCept Corporation today praised the regulator for its speed.",
                          SOURCE) is None


def test_nothing_is_kept_from_an_invented_or_too_short_quote() -> None:
    assert trim_to_source(_FABRICATED, SOURCE) is None
    assert trim_to_source(f"the CEO. {_FABRICATED}", SOURCE) is None  # "the CEO" is no evidence
    assert trim_to_source("", SOURCE) is None


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, quote=_TEXT)
def test_a_trim_is_always_a_verbatim_passage_of_the_source(text: str, quote: str) -> None:
    trim = trim_to_source(quote, text)
    if trim is not None:
        assert 0 <= trim.start < trim.end <= len(text)
        assert text[trim.start:trim.end] == trim.quote
        assert align(trim.quote, text).match == "exact"


def test_contains_sees_through_case_marks_spacing_and_a_hyphen_wrapped_at_a_line_end() -> None:
    index = SourceIndex("the BLA for cosibelimab (CK-\n301) and KEYTRUDA(R)  QLEX.\n")
    assert index.contains("CK-301") and index.contains("cosibelimab (CK-301)")
    assert index.contains("Keytruda Qlex") and index.contains("ck- 301")
    assert not index.contains("CK 301") and not index.contains("CK301")
    assert not index.contains("") and not index.contains("®")
