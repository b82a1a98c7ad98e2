"""The sentence splitter: exact offsets, abbreviations, hard wraps, lists and headline lines."""

from __future__ import annotations

import itertools

import pytest
from conftest import corpus_text
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.sentences import normalize_space, split_sentences


def texts(source: str) -> list[str]:
    return [s.text for s in split_sentences(source)]


def test_offsets_index_the_source() -> None:
    source = "  FDA approves X.  The company is pleased.\n\nAbout X\nX is a drug.  "
    for s in split_sentences(source):
        assert source[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    source = ("The U.S. Food and Drug Administration approved it, said Donald B. Kohn, M.D. "
              "of Acme Inc. and Dr. Smith. Response was 12.4 percent vs. 3.1 percent. Done.")
    assert texts(source) == [
        "The U.S. Food and Drug Administration approved it, said Donald B. Kohn, M.D. "
        "of Acme Inc. and Dr. Smith.",
        "Response was 12.4 percent vs. 3.1 percent.",
        "Done.",
    ]


def test_hard_wrapped_lines_join_and_blank_lines_split() -> None:
    source = (
        "EpiCept Corporation today announced that the European Committee for Medicinal\n"
        "Products (CHMP) has issued a negative opinion regarding the application for\n"
        "Ceplene. The company will appeal.\n"
        "\n"
        "About EpiCept\n"
        "\n"
        "EpiCept is a company."
    )
    got = texts(source)
    assert len(got) == 4
    assert normalize_space(got[0]).endswith("regarding the application for Ceplene.")
    assert got[1:] == ["The company will appeal.", "About EpiCept", "EpiCept is a company."]


def test_headline_lines_stay_separate() -> None:
    source = "Acme Receives FDA Approval for Zentrix\nFirst Oral Therapy for Disease Y\nBody text."
    assert texts(source) == [
        "Acme Receives FDA Approval for Zentrix", "First Oral Therapy for Disease Y", "Body text."
    ]


def test_footnote_digits_and_quotes_end_sentences() -> None:
    source = 'It is approved for adults.1 ICOTYDE is oral. "We are proud," he said. Next one.'
    assert texts(source) == [
        "It is approved for adults.1", "ICOTYDE is oral.", '"We are proud," he said.', "Next one."
    ]


def test_unpunctuated_bullet_list_stays_with_its_lead_in() -> None:
    source = ("Your application has unresolved deficiencies concerning:\n"
              "\uf0b7 Significant variability of the delivered dose\n"
              "\uf0b7 Inadequate stability data\n"
              "Below, we discuss these deficiencies.")
    got = texts(source)
    assert len(got) == 2
    assert "stability data" in got[0]


@pytest.mark.parametrize(("source", "expected"), [
    # bullet signs under a heading
    ("HIGHLIGHTS\n"
     "\u2022 ZORSCAN listed on the Singapore Medical Device Register\n"
     "\u2022 Registration leverages existing CE marking (2022)\n"
     "\u2022 First sales expected in Q1 2025",
     ["HIGHLIGHTS", "\u2022 ZORSCAN listed on the Singapore Medical Device Register",
      "\u2022 Registration leverages existing CE marking (2022)",
      "\u2022 First sales expected in Q1 2025"]),
    # dashes and asterisks, after a full stop
    ("- In May 2025, the FDA approved ZEFTARO. The approval was based on SKYBRIDGE.\n"
     "- ZEFTARO became available in June 2025.\n"
     "* Two-year data are expected in 2026.\n"
     "\u2013 Cash runway into 2028.",
     ["- In May 2025, the FDA approved ZEFTARO.", "The approval was based on SKYBRIDGE.",
      "- ZEFTARO became available in June 2025.", "* Two-year data are expected in 2026.",
      "\u2013 Cash runway into 2028."]),
], ids=["bullets-under-a-heading", "dash-bullets-after-a-full-stop"])
def test_each_list_item_is_a_statement_of_its_own(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_a_hyphen_wrapping_a_word_or_a_dash_list_after_its_lead_in_is_no_break() -> None:
    wrapped = "The committee reviewed the anti-\n-inflammatory data at length and voted."
    assert len(texts(wrapped)) == 1
    listed = ("The letter raised two deficiencies:\n- dose variability\n- stability data\n"
              "We will respond.")
    got = texts(listed)
    assert len(got) == 2 and "stability data" in got[0]


def test_corpus_documents_split_into_exact_substrings() -> None:
    for doc_id in ("d01", "d17", "d21"):
        text = corpus_text(doc_id)
        sentences = split_sentences(text)
        assert len(sentences) > 20
        assert all(text[s.start:s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_range_arguments() -> None:
    text = "One. Two. Three."
    assert [s.text for s in split_sentences(text, 5, 9)] == ["Two."]
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\t\"”A1(R)\uf0b7")), max_size=200))
def test_arbitrary_text_gives_ordered_exact_sentences(text: str) -> None:
    sentences = split_sentences(text)
    last = 0
    for s in sentences:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start >= last
        last = s.end


_DECIMAL = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 999).map(str))
_WORD = st.sampled_from(["ratio", "of", "the", "HR", "was", "CI", "(95%", "vs", "months",
                         "Median", "The", "=", "and", "to", "[HR]", "Overall"])
_OPENING = st.sampled_from(["The", "Median", "Overall", "Hazard"])
_CLOSING = st.sampled_from(["months", "overall", "placebo", "0.05)", "weeks"])


@given(st.lists(st.tuples(_OPENING, st.lists(st.one_of(_WORD, _DECIMAL), max_size=12),
                          _CLOSING), min_size=1, max_size=6),
       st.sampled_from([" ", "  ", "\n"]))
@settings(max_examples=300)
def test_decimal_numbers_never_end_a_sentence(
    sentences: list[tuple[str, list[str], str]], gap: str
) -> None:
    """A decimal number ("0.62", "12.4") is never cut at its point, whatever follows it (a
    bracket, a capital, a digit), in running text or across a hard-wrapped line: the release
    splits into exactly the sentences it was written as."""
    written = [" ".join([first, *words, last]) + "." for first, words, last in sentences]
    assert texts(gap.join(written)) == written


def test_a_decimal_before_a_bracket_is_not_a_sentence_end() -> None:
    source = ("The hazard ratio was 0.62 (95% CI, 0.50-0.77; p<0.001). Median survival was 18.1 "
              "months. Safety was consistent.")
    assert texts(source) == [
        "The hazard ratio was 0.62 (95% CI, 0.50-0.77; p<0.001).",
        "Median survival was 18.1 months.", "Safety was consistent."]
