"""End to end: ``summarizer summarize`` with the rules backend over the invented release sequences
(tests/data/timeline), then ``summarizer timeline`` (HTML, iCalendar parsed back, Markdown, JSON);
``report --timeline``; the command's exit codes for bad input.

The assertions are what a correct reading of the releases gives; where the rules backend reads a
release otherwise (a trial name taken for a product, a reference product listed, the grounds for
re-examination not read as an event), nothing here depends on it.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import icalendar
import pytest
from selectolax.lexbor import LexborHTMLParser

from summarizer.cli import main
from summarizer.reports import load_records
from summarizer.tasks.regulatory.timeline import Timeline, build, load_release_dates

D = dt.date
DATA = Path(__file__).parent / "data" / "timeline"
RELEASES = DATA / "releases"
META = DATA / "meta.jsonl"
TODAY = "2026-12-04"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@cache
def summarized(tmp: Path) -> list[Path]:
    """Each release summarized on its own with its release date (``--published``), as records."""
    outputs = []
    for line in META.read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        out = tmp / f"{meta['id']}.jsonl"
        assert main(["summarize", str(DATA / meta["file"]), "--backend", "rules", "--no-cache",
                     "--published", meta["published"], "--format", "jsonl", "-o", str(out)]) == 0
        outputs.append(out)
    return outputs


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return summarized(tmp_path_factory.mktemp("records"))


def built(paths: list[Path]) -> Timeline:
    return build([r for p in paths for r in load_records(p)], today=TODAY)


def test_summarize_then_timeline_html(records: list[Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "t.html"
    code, out, err = _run(capsys, "timeline", *map(str, records), "-o", str(page),
                          "--today", TODAY)
    assert (code, out, err) == (0, "", "")
    doc = LexborHTMLParser(page.read_text(encoding="utf-8"))
    lanes = {(n.attributes["data-product"], n.attributes["data-region"]): n
             for n in doc.css(".lane")}
    t = built(records)
    velmora, orzenta = t.find_product("tarnivastat"), t.find_product("pelatorin")
    aurivia, mgt = t.find_product("SLB-021"), t.find_product("MGT-110")
    assert velmora and orzenta and aurivia and mgt
    assert orzenta.name == "Orzenta" and aurivia.name == "Aurivia"
    # aliases: the code (desig-1), code + generic (desig-2), brand + generic (desig-3)
    assert {"Aurivia", "denpafotide", "SLB-021"} <= set(aurivia.aliases)
    for product, region, label in [
        (velmora, "EU", "approved (accelerated / conditional)"),
        (orzenta, "US", "approved"),
        (aurivia, "US", "approved"),
        (mgt, "US", "clinical hold lifted"),
    ]:
        lane = lanes[(product.id, region)]
        assert lane.css_first(".lane-status").text().startswith(label)
    assert "Breakthrough Therapy" in lanes[(aurivia.id, "US")].css_first(".lane-status").text()
    assert (aurivia.id, "EU") in lanes  # the planned MAA: a lane with a date only
    # negative opinion -> re-examination -> positive opinion -> Commission decision
    status = t.status(velmora.id, "EU")
    assert status is not None
    assert [s for _, s, _ in status.history] == [
        "negative_opinion", "reexamination_requested", "positive_opinion", "accelerated_approval"]
    # CRL -> resubmission -> acceptance (the corrected release is the same event) -> approval
    status = t.status(orzenta.id, "US")
    assert status is not None
    assert [s for _, s, _ in status.history] == [
        "complete_response", "resubmission", "filing_accepted", "approval"]
    events = {e.decision: e for e in t.events if e.product_id == orzenta.id}
    assert [Path(d).name for d in events["approval"].duplicates] == [
        "us-4b-fda-approval-wire-copy.txt"]
    assert [Path(d).name for d in events["filing_accepted"].duplicates] == [
        "us-3b-correction-goal-date.txt"]
    # the biosimilars' reference product is never merged across companies
    stelara = [p for p in t.products if "Stelara" in p.aliases]
    assert len({p.company for p in stelara}) == len(stelara)
    # clicking needs the cards: every marker has one, with the quote
    for marker in doc.css("a.mark.ev"):
        card = doc.css_first(f'article[id="{marker.attributes["data-card"]}"]')
        assert card is not None and card.css_first("blockquote.quote") is not None


def test_summarize_then_timeline_calendar(records: list[Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cal = tmp_path / "cal.ics"
    assert _run(capsys, "timeline", *map(str, records), "-o", str(cal), "--today", TODAY)[0] == 0
    calendar = icalendar.Calendar.from_ical(cal.read_bytes())
    events = list(calendar.walk("VEVENT"))
    dates = {(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events}
    # the dates to come, ahead of today
    assert ("Aurivia (EU): submission", D(2027, 1, 1), D(2027, 7, 1)) in dates
    assert ("Velmora (EU): due by submission", D(2027, 12, 31), D(2028, 1, 1)) in dates
    # one step, two dates: resuming dosing in Q4 2026, initial data in the second half of 2027
    resume = [(start, end) for title, start, end in dates
              if title.startswith("MGT-110 (US): Meridian expects to resume dosing")]
    assert sorted(resume) == [(D(2026, 10, 1), D(2027, 1, 1)), (D(2027, 7, 1), D(2028, 1, 1))]
    # the corrected PDUFA goal date, met by the approval; the first one left out
    assert ("[met] Orzenta (US): regulator's decision", D(2026, 5, 21), D(2026, 5, 22)) in dates
    assert not any(start == D(2026, 5, 20) for _, start, _ in dates)
    # the re-examination expected in Q1 2026, met by the positive opinion of January 30
    assert ("[met] Velmora (EU): committee opinion", D(2026, 1, 1), D(2026, 4, 1)) in dates
    # the hold's complete response expected in Q2 2026, met by the lift
    assert ("[met] MGT-110 (US): clinical hold lifted", D(2026, 4, 1), D(2026, 7, 1)) in dates
    upcoming = [e for e in events if not str(e["SUMMARY"]).startswith("[")]
    assert upcoming and all(e.decoded("DTEND") > D(2026, 12, 4) for e in upcoming)


def test_the_directory_run_and_its_release_dates(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """``summarize seq/ -o out.jsonl && timeline out.jsonl -o t.html``: one run over the folder
    has no release dates (``--published`` is one date for every input), so ``--meta`` gives them."""
    out = tmp_path / "out.jsonl"
    assert main(["summarize", str(RELEASES), "--backend", "rules", "--no-cache",
                 "-o", str(out)]) == 0
    page = tmp_path / "t.html"
    assert _run(capsys, "timeline", str(out), "-o", str(page), "--today", TODAY)[0] == 0
    doc = LexborHTMLParser(page.read_text(encoding="utf-8"))
    assert doc.css(".lane") and doc.css(".ev-chip")  # undated events beside their lanes
    undated = build(load_records(out), today=TODAY)
    assert all(e.date is None or e.date_basis == "decision" for e in undated.events)
    # a period with its own year is a date even without the release date
    assert any(i.start == D(2027, 1, 1) for i in undated.upcoming)

    cal = tmp_path / "cal.ics"
    assert _run(capsys, "timeline", str(out), "--meta", str(META), "-o", str(cal),
                "--today", TODAY)[0] == 0
    dated = build(load_records(out), today=TODAY, release_dates=load_release_dates(META))
    assert all(e.date is not None for e in dated.events)
    velmora = dated.find_product("Velmora")
    assert velmora is not None
    status = dated.status(velmora.id, "EU")
    assert status is not None and status.state == "conditionally_approved"
    starts = {e.decoded("DTSTART") for e in icalendar.Calendar.from_ical(
        cal.read_bytes()).walk("VEVENT")}
    assert {D(2027, 1, 1), D(2027, 12, 31), D(2026, 5, 21)} <= starts


def test_records_with_the_text_join_the_names_the_release_pairs(tmp_path: Path) -> None:
    """With ``--include-text`` the release's own "Orzenta (pelatorin, formerly HLB-317)" joins
    the code that no summary field names."""
    out = tmp_path / "out.jsonl"
    for name, day in [("us-1-complete-response-letter.txt", "2025-07-11"),
                      ("us-4-fda-approval.txt", "2026-05-19")]:
        assert main(["summarize", str(RELEASES / name), "--backend", "rules", "--no-cache",
                     "--published", day, "--include-text", "--format", "jsonl", "--resume",
                     "-o", str(out)]) == 0
    t = build(load_records(out), today=TODAY)
    orzenta = t.find_product("HLB-317")
    assert orzenta is not None and orzenta.name == "Orzenta" and len(t.products) == 1
    event = t.events[-1]
    text = load_records(out)[1].text
    assert text is not None and event.quote_start is not None
    assert text[event.quote_start:event.quote_end] == event.quote


def test_text_formats_go_to_stdout(records: list[Path], capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(capsys, "timeline", str(records[0]), "--today", TODAY)
    assert code == 0 and out.startswith("# Regulatory timeline\n")
    code, out, _ = _run(capsys, "timeline", str(records[0]), "--format", "json")
    assert code == 0 and json.loads(out)["format"] == "regulatory-timeline"
    code, out, _ = _run(capsys, "timeline", str(records[0]), "--format", "csv")
    assert code == 0 and out.startswith("id,state,start,end")
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO(records[0].read_text(encoding="utf-8")))
    code, out, _ = _run(capsys, "timeline", "-", "--format", "ics")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")


def test_format_from_the_suffix_and_override(records: list[Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name, start in [("t.md", "# Regulatory"), ("t.json", "{"), ("t.csv", "id,"),
                        ("t.ics", "BEGIN:VCALENDAR"), ("t.htm", "<!DOCTYPE html>")]:
        assert _run(capsys, "timeline", str(records[0]), "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    assert _run(capsys, "timeline", str(records[0]), "-o", str(tmp_path / "t.txt"),
                "--format", "markdown")[0] == 0


@pytest.mark.parametrize(("args", "message"), [
    (["missing.jsonl"], "no such file: 'missing.jsonl'"),
    (["BAD"], "BAD:2: invalid JSON"),
    (["NOTREC"], "not a summary record"),
    (["GOOD", "-o", "t.pdf"], "cannot tell the format from 't.pdf'"),
    (["GOOD", "--today", "next week"], "--today must be YYYY-MM-DD, got 'next week'"),
    (["GOOD", "--meta", "missing-meta.jsonl"], "no such file: 'missing-meta.jsonl'"),
    (["GOOD", "-o", "no/such/dir/t.html"], "cannot write 'no/such/dir/t.html'"),
])
def test_bad_input_is_one_line_and_exit_2(records: list[Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, args: list[str],
                                          message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "BAD").write_text('{"summary": null}\nnot json\n', encoding="utf-8")
    (tmp_path / "NOTREC").write_text('{"summary": {"headline": 3}}\n', encoding="utf-8")
    args = [str(records[0]) if a == "GOOD" else a for a in args]
    code, out, err = _run(capsys, "timeline", *args)
    assert (code, out) == (2, "")
    assert err.startswith("summarizer: error: ") and message in err
    assert err.count("\n") == 1


def test_error_records_are_skipped_with_a_note(records: list[Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed.jsonl"
    error = {"source": "broken.pdf", "error": {"type": "InputError", "code": "input",
                                                "message": "binary input"}}
    mixed.write_text(records[0].read_text(encoding="utf-8") + json.dumps(error) + "\n",
                     encoding="utf-8")
    code, out, err = _run(capsys, "timeline", str(mixed), "--today", TODAY)
    assert code == 0 and "Skipped 1 records: broken.pdf" in out
    assert err == "summarizer: note: broken.pdf: skipped (InputError: binary input)\n"


def test_report_writes_the_timeline_beside_it_linked_both_ways(
        records: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    merged = tmp_path / "all.jsonl"
    merged.write_text("".join(p.read_text(encoding="utf-8") for p in records), encoding="utf-8")
    report, page = tmp_path / "out" / "report.html", tmp_path / "out" / "pages" / "timeline.html"
    page.parent.mkdir(parents=True)
    code, _, _ = _run(capsys, "report", str(merged), "-o", str(report), "--timeline", str(page))
    assert code == 0
    doc = LexborHTMLParser(report.read_text(encoding="utf-8"))
    assert doc.css_first("#timeline-link").attributes["href"] == "pages/timeline.html"
    timeline_doc = LexborHTMLParser(page.read_text(encoding="utf-8"))
    assert timeline_doc.css_first("#report-link").attributes["href"] == "../report.html"
    # an event's link opens its own document in the report
    t = build(load_records(merged))
    event = t.events[0]
    link = timeline_doc.css_first(f'article[id="{event.id}"] a.report-link')
    assert link.attributes["href"] == f"../report.html#d{event.record + 1}"
    anchor = doc.css_first(f"#d{event.record + 1} .doc-source")
    assert event.source in anchor.text()
    # an unwritable timeline page is one line and exit 2
    code, _, err = _run(capsys, "report", str(merged), "-o", str(report), "--timeline",
                        str(tmp_path / "no" / "dir" / "t.html"))
    assert code == 2 and err.splitlines()[-1].startswith("summarizer: error: cannot write")
    # Markdown reports get the timeline page too, without links
    code, _, _ = _run(capsys, "report", str(merged), "-o", str(tmp_path / "r.md"), "--timeline",
                      str(tmp_path / "t2.html"))
    assert code == 0 and (tmp_path / "t2.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")
