"""Readable reports (summarizer.reports): structure, escaping, overlapping highlights, error
records, Markdown content, and the CLI paths (``summarize --format``, ``report``), exit codes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ceplene_answer, corpus_text
from selectolax.lexbor import LexborHTMLParser, LexborNode

from summarizer import Summarizer
from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.grounding import ground
from summarizer.reports import (
    Span,
    load_records,
    parse_records,
    render_html,
    render_markdown,
    split_segments,
)
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.types import ErrorInfo, Finding, Meta, SummaryResult

D01 = str(CORPUS / "docs" / "d01.txt")
XSS = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"


@cache
def dev_results() -> tuple[SummaryResult, ...]:
    """The dev split summarized by the rules backend, with the text (as --include-text writes)."""
    summarizer = Summarizer("rules")
    metas = [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text().splitlines()]
    return tuple(
        summarizer.summarize(corpus_text(m["id"]), published=m["published"], source=m["id"])
        for m in metas
    )


def ceplene_result(text: str | None = None, **changes: Any) -> SummaryResult:
    """The correct Ceplene answer, grounded in ``text`` (d01 by default), with findings."""
    text = corpus_text("d01") if text is None else text
    answer = ceplene_answer()
    answer.update(changes)
    summary = ground(RegulatorySummary.model_validate(answer), text)
    step = summary.next_steps[0].evidence
    assert step is not None and step.start is not None
    findings = [
        Finding(rule="summary_length", severity="warning", path="summary",
                message="summary has 4 sentences"),
        Finding(rule="relative_timing", severity="info", path="next_steps[0].timing",
                message="resolves to 2008-05-19", start=step.start, end=step.end),
        Finding(rule="agency_in_source", severity="error", path="outcome.agency",
                message="outcome.agency is 'EMA' <b>bold</b>"),
    ]
    return SummaryResult(source="d01", summary=summary, findings=findings, text=text,
                         meta=Meta(backend="openai", model="local", prompt_version="p",
                                   schema_version="1", published="2008-03-20"))


def error_record() -> dict[str, Any]:
    return SummaryResult(source="broken.pdf", error=ErrorInfo(
        type="InputError", code="input", message="binary input <PDF> is not a release",
    )).to_record()


def tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def marks_of(doc: LexborNode, span_id: str) -> list[LexborNode]:
    return [m for m in doc.css("mark.hl") if span_id in m.attributes["data-spans"].split()]


# -- highlighting --------------------------------------------------------------------------------


def test_overlapping_and_nested_spans_are_split_into_segments() -> None:
    text = "abcdefghijkl"
    outer = Span("o", "outcome", 0, 6)
    inner = Span("r", "rationale", 2, 4)
    crossing = Span("n", "next_steps", 5, 9)
    bad = [Span("x", "sentiment", 4, 4), Span("y", "sentiment", 8, 99),
           Span("z", "sentiment", -1, 3)]
    segments = split_segments(text, [crossing, inner, outer, *bad])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, [sp.id for sp in s.spans]) for s in segments] == [
        ("ab", ["o"]), ("cd", ["o", "r"]), ("e", ["o"]), ("f", ["o", "n"]),
        ("ghi", ["n"]), ("jkl", []),
    ]
    assert [s.field for s in segments] == [
        "outcome", "rationale", "outcome", "next_steps", "next_steps", ""]
    # one stripe per claim, innermost at the bottom: the outer claim stays visible
    assert segments[1].stripes == ("inset 0 -2px 0 var(--c-rationale), "
                                   "inset 0 -4px 0 var(--c-outcome)")


def test_identical_spans_keep_the_outcome_colour_and_findings_only_underline() -> None:
    text = "the decision sentence. more"
    spans = [Span("s", "sentiment", 0, 22), Span("o", "outcome", 0, 22),
             Span("f", "finding", 4, 12)]
    first, found, rest, tail = split_segments(text, spans)
    assert first.field == "outcome" and first.ids == "s o"
    assert found.field == "outcome" and found.has_finding and found.ids == "s o f"
    assert rest.field == "outcome" and not rest.has_finding
    assert tail.spans == () and tail.stripes == ""


# -- HTML structure ------------------------------------------------------------------------------


def test_dev_split_report_structure() -> None:
    results = dev_results()
    html = render_html(results)
    page = tree(html)
    docs = page.css("article.doc")
    assert len(docs) == len(results) == 23
    rows = page.css("#index-table tbody tr")
    assert len(rows) == 23
    assert [r.css_first("a").attributes["href"] for r in rows] == [f"#d{i}" for i in
                                                                     range(1, 24)]
    headers = [th.text(strip=True) for th in page.css("#index-table thead th")]
    assert headers == ["#", "Document", "Company", "Agency", "Decision", "Direction",
                       "Sentiment", "Findings"]
    assert page.css_first("#index-filter") is not None
    located = 0
    for doc, result in zip(docs, results, strict=True):
        assert doc.attributes["id"] == f"d{results.index(result) + 1}"
        pane = doc.css_first(".source")
        assert pane is not None
        # the pane is the document itself: nothing added, nothing lost, escaping undone
        assert pane.text(deep=True) == result.text
        assert result.summary is not None
        for path, evidence in result.summary.evidence_items():
            claim_id = f"{doc.attributes['id']}-" + (
                path.removesuffix(".evidence").replace("[", "-").rstrip("]"))
            claim = doc.css_first(f'[id="{claim_id}"]')
            assert claim is not None and claim.attributes["data-span"] == claim_id
            if evidence.start is None:
                continue
            located += 1
            quoted = "".join(m.text(deep=True) for m in marks_of(doc, claim_id))
            assert quoted == result.text[evidence.start:evidence.end], claim_id
        if result.summary.outcome is None:
            assert doc.css_first(".outcome.none") is not None
        else:
            assert doc.css_first(".outcome .decision").text(strip=True) == (
                result.summary.outcome.decision.replace("_", " "))
    assert located > 80


def test_page_is_self_contained_and_admits_only_its_own_script() -> None:
    html = render_html(dev_results()[:2])
    page = tree(html)
    for node in page.css("[src], [href]"):
        for attr in ("src", "href"):
            value = node.attributes.get(attr)
            assert value is None or value.startswith("#"), (node.tag, value)
    assert page.css("link") == [] and page.css("iframe") == []
    assert not re.search(r"https?://", html)
    scripts = page.css("script")
    assert len(scripts) == 1
    csp = page.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    digest = base64.b64encode(hashlib.sha256(scripts[0].text().encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_document_text_and_claims_are_escaped() -> None:
    text = corpus_text("d01").replace("Regulatory News:", f"Regulatory News: {XSS}", 1)
    answer_rationale = [{"statement": f"Bad data {XSS}", "source": "regulator",
                         "evidence": {"quote": f"Regulatory News: {XSS}"}}]
    result = ceplene_result(text, headline=f"Opinion {XSS}", rationale=answer_rationale,
                            company="A & B <Pharma>")
    result.source = "<script>alert(1)</script>.txt"
    html = render_html([result, error_record()])
    assert html.count("<script") == 1  # the report's own
    assert "<img" not in html and "<b>" not in html and "<PDF>" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    page = tree(html)
    assert len(page.css("script")) == 1 and page.css("img") == []
    doc = page.css_first("article#d1")
    assert doc.css_first("h2").text() == f"Opinion {XSS}"
    assert doc.css_first(".source").text(deep=True) == text
    claim = doc.css_first('[id="d1-rationale-0"]')
    assert claim.css_first(".claim-text").text() == f"Bad data {XSS}"
    assert claim.attributes["data-label"] == f"Reason 1: Bad data {XSS}"
    assert "".join(m.text() for m in marks_of(doc, "d1-rationale-0")) == (
        f"Regulatory News: {XSS}")
    assert page.css_first(".doc-source").text() == "1 · <script>alert(1)</script>.txt"
    md = render_markdown([result])
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md and "A & B &lt;Pharma&gt;" in md
    bad_rule = Finding(rule="<b>x</b>", severity="info", path="`a`", message="m")
    md = render_markdown([result.model_copy(update={"findings": [bad_rule]})])
    assert "- **info** &lt;b&gt;x&lt;/b&gt; at \\`a\\`: m" in md


def test_claims_carry_their_findings_and_findings_are_highlighted() -> None:
    page = tree(render_html([ceplene_result()]))
    doc = page.css_first("article#d1")
    step = doc.css_first('[id="d1-next_steps-0"]')
    assert [b.text() for b in step.css(".badge")] == ["relative_timing"]
    outcome = doc.css_first('[id="d1-outcome"]')
    assert [b.text() for b in outcome.css(".badge")] == ["agency_in_source"]
    assert "timing: within 60 days" in [c.text() for c in step.css(".chip")]
    # the findings list: errors first, located findings linked to their passage
    findings = doc.css(".findings li")
    assert [f.css_first(".rule").text() for f in findings] == [
        "agency_in_source", "summary_length", "relative_timing"]
    finding_id = findings[2].attributes["data-span"]
    marks = marks_of(doc, finding_id)
    assert marks and all("has-finding" in m.attributes["class"] for m in marks)
    # same passage: the claim is the innermost span, so clicking the highlight selects it
    assert {m.attributes["data-spans"] for m in marks} == {f"{finding_id} d1-next_steps-0"}
    assert "data-span" not in findings[0].attributes  # no offsets: nothing to link


def test_error_records_render_as_error_cards() -> None:
    results = [ceplene_result(), error_record(), {**error_record(), "source": None,
                                                  "id": "d99", "backend": "rules"}]
    page = tree(render_html(results))
    cards = page.css(".error-card")
    assert len(cards) == 2
    assert "binary input <PDF> is not a release" in cards[0].text()
    assert page.css_first("article#d2 .source") is None
    assert page.css_first("article#d3 .doc-source").text() == "3 · d99"
    assert page.css("#index-table tbody tr")[1].css_first(".badge").text() == "failed"


def test_records_without_text_list_quotes_and_say_why() -> None:
    record = ceplene_result().to_record()  # no include_text
    assert "text" not in record
    page = tree(render_html([record]))
    assert page.css_first(".source") is None
    notice = page.css_first(".notice").text()
    assert "Source text missing" in notice and "--include-text" in notice
    quotes = [q.text() for q in page.css('[id="d1-rationale-0"] blockquote.quote')]
    assert quotes == [ceplene_answer()["rationale"][0]["evidence"]["quote"]]
    assert page.css("mark.hl[data-spans]") == []


def test_stale_offsets_outside_the_text_are_not_highlighted() -> None:
    result = ceplene_result()
    assert result.summary is not None and result.summary.outcome is not None
    evidence = result.summary.outcome.evidence
    assert evidence is not None
    evidence.start, evidence.end = 50_000, 50_100
    page = tree(render_html([result]))
    outcome = page.css_first('[id="d1-outcome"]')
    assert "quote not located in the source" in outcome.text()
    assert marks_of(page.css_first("article#d1"), "d1-outcome") == []


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_report_content() -> None:
    result = ceplene_result()
    md = render_markdown([result, error_record()])
    assert md.startswith("# Regulatory summary report\n")
    assert "| 1 | d01 | EpiCept Corporation | EMA | negative opinion | unfavorable |" in md
    assert "| 2 | broken.pdf |" in md and "| error |" in md
    section = md.split("## 1. ")[1].split("## 2. ")[0]
    assert section.startswith("CHMP issues a negative opinion on Ceplene; EpiCept requests "
                              "re-examination.\n\nd01 · EpiCept Corporation · openai backend")
    assert ("**Outcome:** EMA (CHMP) · negative opinion · unfavorable — Ceplene (histamine "
            "dihydrochloride); Acute Myeloid Leukemia; MAA") in section
    assert ("- The pivotal trial data were not adequately statistically compelling. "
            "(regulator's reason)") in section
    assert ("- **company:** Submit the detailed grounds for re-examination — "
            "*within 60 days*") in section
    assert "**Sentiment:** negative (-0.60) — A negative CHMP opinion." in section
    assert "**Findings** (1 error, 1 warning, 1 info)" in section
    assert "- **error** `agency_in_source` at `outcome.agency`: outcome.agency is 'EMA' " \
           "&lt;b&gt;bold&lt;/b&gt;" in section
    assert "**Error:** InputError (input): binary input &lt;PDF&gt; is not a release" in md


def test_markdown_escapes_markdown_syntax() -> None:
    result = ceplene_result(headline="Big *news* [link](http://x) | `code` #1",
                            company="Pipe|Co")
    md = render_markdown([result])
    assert "## 1. Big \\*news\\* \\[link\\](http://x) \\| \\`code\\` \\#1" in md
    assert "Pipe\\|Co" in md


# -- reading records -----------------------------------------------------------------------------


def test_load_records_reads_jsonl_json_and_eval_records(tmp_path: Path) -> None:
    record = ceplene_result().to_record(include_text=True)
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text(json.dumps(record) + "\n\n" + json.dumps({**record, "id": "x",
                                                                "backend": "rules"}) + "\n")
    results = load_records(jsonl)
    assert [r.source for r in results] == ["d01", "d01"] and results[0].text == record["text"]
    indented = tmp_path / "one.json"
    indented.write_text(json.dumps(record, indent=2))
    assert load_records(indented)[0].summary == results[0].summary


@pytest.mark.parametrize(("content", "message"), [
    ('{"source": "a"}\n{not json\n', "p.jsonl:2: invalid JSON"),
    ("", "holds no records"),
    ("[1, 2]", "p.jsonl:1: item 1: expected a summary record"),
    ('{"summary": {"headline": 3}}', "not a summary record: summary."),
])
def test_bad_records_raise_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(content)
    with pytest.raises(InputError, match=re.escape(message)):
        load_records(path)


def test_missing_records_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_records(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="<stdin>:1: invalid JSON"):
        parse_records("nope", name="<stdin>")


# -- CLI -----------------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summarize_format_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "summarize", D01, "--backend", "rules", "--published",
                        "2008-03-20", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Regulatory summary report")
    assert "**Outcome:** EMA (CHMP) · negative opinion · unfavorable" in out
    assert "*within 60 days" in out


def test_summarize_format_html_includes_the_source(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(corpus_text("d01"))
    (tmp_path / "docs" / "b.txt").write_text("  ")
    out_file = tmp_path / "report.html"
    code, _, _ = _run(capsys, "summarize", str(tmp_path / "docs"), "--backend", "rules",
                      "--format", "html", "-o", str(out_file))
    assert code == 1  # one input failed; the report is still written
    page = tree(out_file.read_text())
    assert len(page.css("article.doc")) == 2 and len(page.css(".error-card")) == 1
    assert page.css_first("article#d1 .source").text(deep=True) == corpus_text("d01")


def test_report_command_writes_html_and_markdown(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "predictions.jsonl"
    code, _, _ = _run(capsys, "summarize", D01, str(CORPUS / "docs" / "d20.txt"), "--backend",
                      "rules", "--include-text", "-o", str(records))
    assert code == 0
    code, out, err = _run(capsys, "report", str(records), "-o", str(tmp_path / "r.html"))
    assert (code, out, err) == (0, "", "")
    page = tree((tmp_path / "r.html").read_text())
    assert len(page.css("#index-table tbody tr")) == 2 and len(page.css(".source")) == 2
    code, _, _ = _run(capsys, "report", str(records), "-o", str(tmp_path / "r.md"))
    assert code == 0 and (tmp_path / "r.md").read_text().startswith("# Regulatory summary")
    code, out, _ = _run(capsys, "report", str(records), "--format", "markdown",
                        "--title", "Week 12")
    assert code == 0 and out.startswith("# Week 12\n")


def test_report_without_text_renders_with_a_note(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "p.jsonl"
    records.write_text(json.dumps(ceplene_result().to_record()) + "\n")
    code, out, err = _run(capsys, "report", str(records))
    assert code == 0 and "lack the document text" in err and "--include-text" in err
    assert "Source text missing" in out


def test_report_reads_stdin(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    record = ceplene_result().to_record(include_text=True)
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(record) + "\n"))
    code, out, _ = _run(capsys, "report", "-", "--format", "html")
    assert code == 0 and tree(out).css_first("article#d1 .source") is not None


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ("{broken\n", "invalid JSON"),
    ('{"summary": "nope"}\n', "not a summary record"),
    ("\n\n", "holds no records"),
])
def test_report_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  content: str | None, message: str) -> None:
    path = tmp_path / "p.jsonl"
    if content is not None:
        path.write_text(content)
    code, out, err = _run(capsys, "report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("summarizer: error:") and message in err
    assert not (tmp_path / "r.html").exists()


def test_report_unwritable_output_exits_2(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "p.jsonl"
    records.write_text(json.dumps(error_record()) + "\n")
    code, _, err = _run(capsys, "report", str(records), "-o", str(tmp_path / "no" / "r.html"))
    assert code == 2 and "cannot write" in err
