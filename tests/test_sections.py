"""Sections: segmentation of real releases, the prompt view, token estimates and chunking."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import ConfigurationError
from summarizer.sections import (
    _SENTENCE_END,
    _WORD_END,
    BOILERPLATE_KINDS,
    PromptView,
    Section,
    _cut_after,
    _split_to_fit,
    chunk_view,
    estimate_tokens,
    is_company_profile,
    prompt_view,
    segment,
)
from summarizer.tasks.regulatory.lexicon import ABOUT_REGULATORY

CORPUS = Path(__file__).parent / "data" / "corpus"
DOC_IDS = [f"d{i:02d}" for i in range(1, 24)]
LABEL = re.compile(r"^\[(?:HEADLINE|DATELINE|BODY|QUOTE|ABOUT)\]$", re.M)


def corpus(doc_id: str) -> str:
    return (CORPUS / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")


def gold() -> dict[str, dict[str, object]]:
    rows = (json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines())
    return {row["id"]: row for row in rows}


def spans(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text) if s.kind == kind]


def titles(text: str, kind: str) -> list[str | None]:
    return [s.title for s in segment(text) if s.kind == kind]


def assert_covers(text: str, sections: tuple[Section, ...]) -> None:
    if not text:
        assert sections == ()
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for s in sections:
        assert s.start < s.end
    for a, b in itertools.pairwise(sections):
        assert a.end == b.start


# --------------------------------------------------------------------------------------------
# segmentation on the corpus


def test_d01_epicept_exhibit() -> None:
    text = corpus("d01")
    sections = segment(text)
    assert_covers(text, sections)
    assert sections[0].kind == "headline"
    assert sections[0].title == (
        "EpiCept Announces Opinion by European Regulatory Authority on Ceplene(R)"
    )
    assert spans(text, "dateline") == ["TARRYTOWN, N.Y., Mar 20, 2008 (BUSINESS WIRE) -- "]
    (fls,) = spans(text, "forward_looking")
    assert fls.startswith("Forward-Looking Statements")
    assert "This news release and any oral statements" in fls
    assert "uncertainties or other risk factors." in fls
    assert 0.30 < len(fls) / len(text) < 0.45
    assert titles(text, "about") == [
        "Acute Myeloid Leukemia (AML)",
        "Ceplene",
        "EpiCept Corporation",
    ]
    (quote,) = spans(text, "quote")
    assert (
        "remarked\nJack Talley" in quote and "patients in Europe." in quote
    )  # across the page break
    assert any("rcook@epicept.com" in c and "bvoss@lhai.com" in c for c in spans(text, "contacts"))
    assert any("Copyright Business Wire 2008" in t for t in spans(text, "trailer"))
    body = "".join(spans(text, "body"))
    for needle in (
        "negative opinion",
        "statistically compelling",
        "within 60 days",
        "third quarter of this",
    ):
        assert needle in body


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_corpus_document_is_segmented(doc_id: str) -> None:
    text = corpus(doc_id)
    sections = segment(text)
    assert_covers(text, sections)
    kinds = [s.kind for s in sections]
    assert "body" in kinds
    if doc_id != "d02":  # d02 opens with its dateline, it has no headline
        assert kinds[0] == "headline"
    boilerplate = sum(s.end - s.start for s in sections if s.kind in BOILERPLATE_KINDS)
    assert boilerplate < 0.8 * len(text)


def test_wire_datelines() -> None:
    assert spans(corpus("d04"), "dateline") == ["CRANBURY, N.J.--(BUSINESS WIRE)--"]
    assert spans(corpus("d09"), "dateline") == [
        "BAGSVÆRD, Denmark and PLAINSBORO, N.J., Sept. 29, 2025 /PRNewswire/ -- "
    ]
    assert spans(corpus("d14"), "dateline") == ["BEERSE, BELGIUM (6 January 2026) – "]
    assert spans(corpus("d08"), "dateline")[0].startswith("MOUNT LAUREL, N.J.")
    assert spans(corpus("d22"), "dateline") == ["For Immediate Release:\nJanuary 12, 2026\n"]
    assert spans(corpus("d23"), "dateline") == []  # "On February 10, 2026, the FDA ..." is body


@pytest.mark.parametrize(("preamble", "title"), [
    # ASX, HKEX, TSE and SIX announcements open with a label, a date line, the company's name
    # or the exchange's office before the title
    ("ASX ANNOUNCEMENT\n22 October 2024\n\n",
     "ZORSCAN registered by Singapore's Health Sciences Authority"),
    ("22 October 2024\n\nZoral Medical Co., Ltd.\n\n",
     "Zoral Medical Obtains Marketing Approval in Japan for ZORSCAN Tablets"),
    ("22 October 2024\nASX Market Announcements Office\n\n",
     "ZORAL MEDICAL RECEIVES TGA REGISTRATION FOR ZORSCAN"),
    # no date line: a label of six words or more and the company's name are no title either
    ("Ad hoc announcement pursuant to Art. 53 LR\n\nZoral Medical Ltd (ASX: ZRL)\n\n",
     "Zoral Medical receives HSA registration for ZORSCAN in Singapore"),
])
def test_a_title_after_a_preamble_is_the_headline(preamble: str, title: str) -> None:
    text = (preamble + title + "\n\nHIGHLIGHTS\n\u2022 Listed on the Singapore Medical "
            "Device Register\n\nSYDNEY, Australia, 22 October 2024 \u2013 Zoral Medical "
            "Limited is pleased to advise that the Health Sciences Authority has registered "
            "ZORSCAN.\n")
    sections = segment(text)
    assert_covers(text, sections)
    head = sections[0]
    assert (head.kind, head.title) == ("headline", title)
    assert spans(text, "dateline") == ["SYDNEY, Australia, 22 October 2024 \u2013 "]


@pytest.mark.parametrize("date_line", ["2024.04.25", "2024/04/25", "2024-04-25"])
def test_a_numeric_date_line_after_the_title_ends_a_label_preamble(date_line: str) -> None:
    # a Korean release: a label, its title and bullets, then the date line, then the body
    title = "Zoral Pharm signs exclusive Korean distribution agreement for ZORVEX"
    text = (f"[Press Release]\n\n{title}\n\n- Zoral obtains exclusive rights in Korea\n\n"
            f"{date_line}\n\nZoral Pharm Co., Ltd. announced on the 25th that it has signed an "
            "exclusive distribution agreement.\n")
    sections = segment(text)
    assert_covers(text, sections)
    assert (sections[0].kind, sections[0].title) == ("headline", title)
    assert spans(text, "dateline") == [date_line + "\n\n"]


def test_a_filings_cover_letter_comes_before_the_release_and_its_title() -> None:
    # an Indian Regulation 30 filing: the company's letter to the exchanges, then the release
    title = "Zoral wins U.S. District Court ruling in patent litigation on generic ZORVEX XR"
    text = ("Zoral Generics Limited\nRegd. Office: Zoral House, Andheri (East), Mumbai 400 093\n"
            "CIN: L24230MH1994PLC081277\n\nTo,\nBSE Limited (Scrip Code: 532918)\n\nSub: "
            "Disclosure under Regulation 30 - Outcome of patent litigation\n\nDear Sir/Madam,"
            "\n\nPlease find enclosed the press release being issued by the Company.\n\n"
            f"PRESS RELEASE\n\n{title}\n\nMumbai, October 20, 2026: Zoral Generics Limited "
            "today announced that the court ruled in its favour.\n")
    sections = segment(text)
    assert_covers(text, sections)
    assert (sections[0].kind, sections[0].title) == ("headline", title)
    assert spans(text, "dateline") == ["Mumbai, October 20, 2026: "]


def test_a_companys_name_and_numbers_above_the_date_are_a_preamble() -> None:
    text = ("Zoral Therapeutics Limited\nACN 609 511 374\n\nASX: ZRL\n\n30 January 2025\n\n"
            "QUARTERLY ACTIVITIES REPORT AND APPENDIX 4C\n\nBrisbane, Queensland, 30 January "
            "2025: Zoral Therapeutics Limited provides its quarterly activities report.\n")
    sections = segment(text)
    assert_covers(text, sections)
    assert (sections[0].kind, sections[0].title) == (
        "headline", "QUARTERLY ACTIVITIES REPORT AND APPENDIX 4C")


@pytest.mark.parametrize(("opening", "dateline"), [
    ("Mumbai, October 20, 2026: Zoral announced", "Mumbai, October 20, 2026: "),
    ("Oslo, 1 December 2022 \u2013 Zoral ASA announces", "Oslo, 1 December 2022 \u2013 "),
    # one place name in mixed case needs a dash or a colon after its date
    ("Tuesday, March 4, 2025 the company said", None),
    ("Boston, in a statement, the company said", None),
])
def test_a_one_word_place_in_mixed_case_opens_a_dateline_only_with_date_and_dash(
    opening: str, dateline: str | None,
) -> None:
    from summarizer.sections import _dateline_end

    end = _dateline_end(opening)
    assert (opening[:end] if end is not None else None) == dateline


def test_a_place_led_by_its_article_opens_a_dateline() -> None:
    # "Leiden, the Netherlands, ...": the country's article is no sentence's lower-case start;
    # the release's label line above the title is then no headline either
    title = "Zoral secures EU marketing authorisation for ZORSCAN in Fabry disease"
    text = ("PRESS RELEASE - REGULATED INFORMATION\n\n" + title + "\n\nLeiden, the "
            "Netherlands, 23 June 2026 - Zoral N.V. today announces that the European "
            "Commission has granted marketing authorisation for ZORSCAN.\n")
    sections = segment(text)
    assert_covers(text, sections)
    assert (sections[0].kind, sections[0].title) == ("headline", title)
    assert spans(text, "dateline") == ["Leiden, the Netherlands, 23 June 2026 - "]


def test_inline_about_and_safe_harbor_paragraphs() -> None:
    d08 = corpus("d08")
    assert titles(d08, "about") == ["United Health Products"]
    (fls,) = spans(d08, "forward_looking")
    assert fls.startswith("Safe Harbor Statement under the Private Securities")
    d05 = corpus("d05")
    assert titles(d05, "about") == ["bioLytical Laboratories Inc."]
    assert spans(d05, "trailer")[0].startswith("Sources:")
    assert titles(corpus("d11"), "about") == ["MB-105", "March Biosciences"]


def test_contacts_references_and_end_matter() -> None:
    d02 = corpus("d02")
    assert titles(d02, "contacts") == ["CONTACTS:"]
    assert spans(d02, "contacts")[0].rstrip().endswith("(714) 246-3843")
    d03 = corpus("d03")
    references = [t for t in spans(d03, "trailer") if t.startswith("1 ICOTYDE U.S. Prescribing")]
    assert references and "Accessed May 2025." in references[0]
    assert titles(d03, "contacts") == ["Media contact:"]
    d09 = corpus("d09")
    assert "References" in titles(d09, "trailer")
    assert titles(d09, "about") == ["Awiqli®", "Novo Nordisk"]
    d14 = corpus("d14")
    assert "Key Search Terms" in titles(d14, "trailer")
    assert "30 American Cancer Society" in spans(d14, "trailer")[-1]
    d18 = corpus("d18")
    assert {"Endnotes and References", "Trademarks and Trade Names"} <= set(titles(d18, "trailer"))
    d19 = corpus("d19")  # financial tables after the contacts are body again
    assert spans(d19, "body")[-1].startswith("Condensed Consolidated Balance Sheet Data")


def test_bare_mark_paragraphs_start_no_section_but_a_trailer_mark_still_does() -> None:
    # paragraphs of bare marks ("-", "*", "•") start no section: they stay in the body or the
    # contacts they stand in, while "###" still opens the trailer
    marks = "\n\n".join(["-", "*", "•", "- -"] * 3)
    text = (
        "Acme Receives FDA Approval for Zorvex\n\n"
        "BOSTON, March 3, 2025 -- Acme Inc. today announced that the FDA approved Zorvex for "
        "gout in adults.\n\n" + marks + "\n\n"
        "The approval was based on the ZEN-3 trial in 400 patients.\n\n"
        "About Acme\nAcme develops medicines for joint diseases.\n\n"
        "Media contact:\nJane Roe\n+1 617 555 0100\n\n" + marks + "\n\n"
        "###\n"
    )
    body = "".join(spans(text, "body"))
    assert marks in body and "ZEN-3 trial" in body
    contacts = spans(text, "contacts")
    assert len(contacts) == 1 and contacts[0].startswith("Media contact:") and marks in contacts[0]
    assert spans(text, "trailer") == ["###\n"]


def test_quotes_are_attributed_paragraphs() -> None:
    d22 = corpus("d22")
    quotes = spans(d22, "quote")
    assert len(quotes) == 2 and "said Christine Nguyen" in quotes[0]
    d17 = corpus("d17")
    assert any(
        q.startswith("Adam Steensberg, President and Chief Executive Officer")
        for q in spans(d17, "quote")
    )
    d08 = corpus("d08")
    assert all("commented" in q for q in spans(d08, "quote"))


def test_fda_letter_is_body_with_headings() -> None:
    d20 = corpus("d20")
    sections = segment(d20)
    body = "".join(d20[s.start : s.end] for s in sections if s.kind == "body")
    assert "we cannot approve this application" in " ".join(body.split())
    assert "FACILITY INSPECTIONS" in [s.title for s in sections]


def test_company_profiles_are_told_from_product_sections() -> None:
    text = corpus("d14")
    about = {s.title: is_company_profile(text, s) for s in segment(text) if s.kind == "about"}
    assert about["Johnson & Johnson"] is True
    assert about["Teclistamab"] is False and about["Multiple Myeloma"] is False
    d15 = corpus("d15")
    assert all(is_company_profile(d15, s) for s in segment(d15) if s.kind == "about")


def test_synthetic_release_generalises() -> None:
    text = (
        "EXHIBIT 99.1\n\nZeta Bio Gets CE Mark for Gadget\n\n"
        "BOSTON, MA, June 3, 2021 (GLOBE NEWSWIRE) -- Zeta Bio Inc. (NASDAQ: ZETA) today "
        "announced that its Gadget received CE marking under the MDR.\n\n"
        '"This is a milestone," said Jane Roe, CEO of Zeta Bio. "We plan a US filing in 2022."\n\n'
        "About 40% of patients respond to current therapy, which leaves a large unmet need.\n\n"
        "About Zeta Bio\n\nZeta Bio is a medical device company headquartered in Boston.\n\n"
        "This press release contains forward-looking statements within the meaning of the "
        "Private Securities Litigation Reform Act of 1995. Actual results may differ.\n\n"
        "Media Contact:\nJohn Doe\n+1 617 555 0100\njohn@zeta.example\n\n# # #\n"
    )
    kinds = [(s.kind, s.title) for s in segment(text)]
    assert kinds == [
        ("headline", "Zeta Bio Gets CE Mark for Gadget"),
        ("dateline", None),
        ("body", None),
        ("quote", None),
        ("body", None),
        ("about", "Zeta Bio"),
        ("forward_looking", None),
        ("contacts", "Media Contact:"),
        ("trailer", "# # #"),
    ]


# --------------------------------------------------------------------------------------------
# prompt view


def test_d01_prompt_view() -> None:
    text = corpus("d01")
    view = prompt_view(text, segment(text))
    assert isinstance(view, PromptView)
    assert view.text.startswith("[HEADLINE]\nEpiCept Announces Opinion")
    assert LABEL.findall(view.text) == ["[HEADLINE]", "[DATELINE]", "[BODY]", "[QUOTE]"]
    assert "forward_looking" in view.omitted and "about: EpiCept Corporation" in view.omitted
    assert "Private Securities Litigation Reform Act" not in view.text
    assert "rcook@epicept.com" not in view.text and "<PAGE>" not in view.text
    assert view.text.splitlines()[-1].startswith("[Omitted boilerplate: ")
    for needle in (
        "negative opinion",
        "statistically compelling",
        "within 60 days",
        "appeal proceeding to take place in the third quarter",
        "remarked",
    ):
        assert needle in " ".join(view.text.split())
    assert view.raw_tokens == estimate_tokens(text)
    assert view.tokens == estimate_tokens(view.text)
    assert view.tokens < 0.6 * view.raw_tokens
    assert all(s.kind not in BOILERPLATE_KINDS for s in view.sections)


def test_corpus_views_are_smaller_and_keep_the_decision_words() -> None:
    raw = kept = 0
    labels = gold()
    for doc_id in DOC_IDS:
        text = corpus(doc_id)
        view = prompt_view(text, segment(text))
        raw += view.raw_tokens
        kept += view.tokens
        low = view.text.lower()
        row = labels[doc_id]
        for field in ("product", "indication"):
            aliases = row[field]
            assert isinstance(aliases, list)
            assert not aliases or any(a.lower() in low for a in aliases), (doc_id, field)
        for field in ("rationale", "next_steps"):
            groups = row[field]
            assert isinstance(groups, list)
            for group in groups:
                present = [a for a in group if a.lower() in text.lower()]
                assert not present or any(a.lower() in low for a in present), (doc_id, group)
    assert kept <= 0.65 * raw, f"view {kept} vs raw {raw} tokens"


def test_product_about_keeps_only_the_sentences_the_task_asks_for() -> None:
    text = corpus("d09")
    view = prompt_view(text, segment(text), about=ABOUT_REGULATORY)
    assert (
        "[ABOUT]\nAwiqli® (excerpt): This resubmission is in response to the FDA's action"
        in view.text
    )
    assert "further regulatory decisions expected in 2025" in view.text
    assert "single subcutaneous injection" not in view.text  # the rest of the section is out
    assert "Novo Nordisk is a leading global healthcare company" not in view.text
    small = prompt_view(text, segment(text), max_tokens=300, about=ABOUT_REGULATORY)
    assert "[ABOUT]" not in small.text and small.tokens < view.tokens
    assert "about: Awiqli®" in small.omitted
    plain = prompt_view(text, segment(text))  # no task pattern: the section is left out whole
    assert "[ABOUT]" not in plain.text and "about: Awiqli®" in plain.omitted


def test_view_normalises_whitespace_and_page_furniture() -> None:
    text = (
        "Acme   Wins   Approval\n\n"
        "NEW YORK, Jan. 5, 2024 (BUSINESS WIRE) -- Acme said the regu-\n"
        "latory   review\t\tended.\n\n"
        "                                       2\n<PAGE>\n\n"
        "-----------------------------\n\n"
        "More body text follows here with the decision details.\n"
    )
    view = prompt_view(text, segment(text))
    assert "Acme Wins Approval" in view.text
    assert "regu-\nlatory review ended." in view.text  # hyphenated breaks stay as they are
    assert "<PAGE>" not in view.text and "---" not in view.text
    assert not re.search(r"^\s*2\s*$", view.text, re.M)
    assert "  " not in view.text


def test_running_headers_of_paged_letters_are_dropped() -> None:
    text = corpus("d21")
    view = prompt_view(text, segment(text))
    assert "Reference ID: 5166015" not in view.text
    assert "Silver Spring, MD 20993" not in view.text
    assert "we cannot approve this application" in " ".join(view.text.split())


# --------------------------------------------------------------------------------------------
# tokens and chunks


def test_estimate_tokens_is_a_sane_estimate() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("Hello world") == 2
    sentence = "The agency approved the application after a priority review of the data. "
    assert 10 <= estimate_tokens(sentence) <= 18
    assert estimate_tokens(sentence * 100) == pytest.approx(
        100 * estimate_tokens(sentence.strip()), 0.03
    )
    assert estimate_tokens("pneumonoultramicroscopicsilicovolcanoconiosis") >= 4
    assert estimate_tokens("ΑΒΓΔ 日本語テキスト") >= 8  # non-Latin text costs more
    text = corpus("d03")
    assert 0.7 * len(text) / 4 <= estimate_tokens(text) <= 1.3 * len(text) / 4


def test_chunk_view_splits_on_borders_and_drops_nothing() -> None:
    text = corpus("d03")
    view = prompt_view(text, segment(text))
    pieces = chunk_view(view, 400)
    assert len(pieces) > 1
    assert all(estimate_tokens(p) <= 400 for p in pieces)
    assert all(LABEL.match(p.splitlines()[0]) for p in pieces[:-1])
    assert _squash(pieces) == _squash([view.text])
    assert chunk_view(view, view.tokens + 10) == [view.text]


def test_oversize_paragraph_is_split_on_sentences() -> None:
    paragraph = " ".join(
        f"Sentence number {i} describes the regulatory decision." for i in range(60)
    )
    view = prompt_view(paragraph, segment(paragraph))
    pieces = chunk_view(view, 60)
    assert len(pieces) > 5
    assert all(estimate_tokens(p) <= 60 for p in pieces)
    assert all(p.rstrip().endswith(".") for p in pieces)
    with pytest.raises(ConfigurationError):
        chunk_view(view, 5)


def _squash(pieces: list[str]) -> str:
    """All text of the pieces with labels and whitespace removed, for comparing content."""
    return "".join(re.sub(r"\s+", "", LABEL.sub("", p)) for p in pieces)


# --------------------------------------------------------------------------------------------
# properties

_LINES = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "About Acme Inc.",
        "About Widgetol",
        "Contacts:",
        "Media:",
        "SOURCE Acme",
        "# # #",
        "<PAGE>",
        "3",
        "Page 2 of 9",
        "Forward-Looking Statements",
        "References",
        "NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme said the FDA approved it.",
        "CAMBRIDGE, Mass.--(BUSINESS WIRE)--",
        "January 5, 2024",
        "For Immediate Release:",
        '"It works," said the CEO.',
        "“Quoted",
        "said Jane Doe.",
        "1 Smith J, et al. Lancet 2020.",
        "2 Roe R, et al. Accessed May 2025.",
        "Jane Roe",
        "jane@acme.example",
        "+1 617 555 0100",
        "This press release contains forward-looking statements.",
        "Conference Call Details",
        "The FDA approved Widgetol for adults with disease X based on two Phase 3 trials.",
    ]
)
_DOCS = st.one_of(
    st.text(max_size=600),
    st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=40).map("\n".join),
    st.lists(_LINES, max_size=60).flatmap(
        lambda lines: st.sampled_from(["\n", "\r\n", "\n\n", "\r"]).map(lambda sep: sep.join(lines))
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_segment_covers_any_text(text: str) -> None:
    assert_covers(text, segment(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS, st.integers(min_value=50, max_value=400))
def test_chunks_fit_and_keep_every_word(text: str, max_tokens: int) -> None:
    view = prompt_view(text, segment(text))
    pieces = chunk_view(view, max_tokens)
    assert all(estimate_tokens(p) <= max_tokens for p in pieces)
    assert _squash(pieces) == _squash([view.text])
    joined = "\n".join(pieces)
    for word in view.text.split():
        if estimate_tokens(word) < max_tokens // 2:
            assert word in joined


def _greedy_split(text: str, budget: int) -> list[str]:
    """``_split_to_fit`` as first written: add one part at a time and estimate the whole piece
    again (quadratic in the parts per piece); the fast version must cut at the same places."""
    if estimate_tokens(text) <= budget:
        return [text]
    for cutter in (re.compile(r"\n+"), _SENTENCE_END, _WORD_END):
        parts = _cut_after(text, cutter)
        if len(parts) > 1:
            out: list[str] = []
            current = ""
            for part in parts:
                candidate = current + part
                if current and estimate_tokens(candidate.strip()) > budget:
                    out.append(current.strip())
                    current = part
                else:
                    current = candidate
                if estimate_tokens(current.strip()) > budget:
                    out.extend(_greedy_split(current.strip(), budget))
                    current = ""
            if current.strip():
                out.append(current.strip())
            return [piece for piece in out if piece]
    return _split_to_fit(text, budget)  # character cuts: unchanged


_WORDS = st.sampled_from(["FDA", "approved", "the", "1,234", "2008-03-20", "(R)", "“Quote”",
                          "Dr.", "—", "a", "x" * 30, "élan", "_id", "'s"])
_SEPARATORS = st.sampled_from([" ", " ", "  ", "\n", "\n\n", ". ", ".\n", "\t", ", "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=300),
       st.sampled_from([16, 20, 40, 100]))
def test_pieces_are_cut_where_adding_one_part_at_a_time_cuts(
    words: list[tuple[str, str]], budget: int
) -> None:
    text = "".join(w + s for w, s in words).strip() or "x"
    assert _split_to_fit(text, budget) == _greedy_split(text, budget)


def test_a_megabyte_of_short_lines_is_chunked_without_losing_text() -> None:
    text = "- item\n" * 150_000  # one estimate per added line made this minutes long
    pieces = _split_to_fit(text, 4000)
    assert all(estimate_tokens(p) <= 4000 for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")
