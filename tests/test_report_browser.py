"""The HTML report in a real browser: headless Chromium (Debian ``chromium``) driven by Playwright.

Clicking a claim must highlight its quote and scroll it into view; hovering a highlight must show
the claim and clicking it must select the claim; the index must sort and filter; a script
injected through a document must not run, while the report's own script must run under the
page's Content-Security-Policy (no console errors). Screenshots go to the test's tmp dir.

Skipped, with the reason, when Chromium or Playwright is missing; ``.ci/run`` installs Chromium
and the ``dev`` extra installs Playwright (which drives the system browser: nothing downloaded).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_reports import XSS, ceplene_result, dev_results, error_record

from summarizer.reports import render_html

CHROMIUM = (os.environ.get("SUMMARIZER_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs "
                "it), so the report cannot be checked in a browser", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")

#: the highlight colours of report.css (--hot-*) as the browser computes them
HOT = {"outcome": "rgb(147, 197, 253)", "rationale": "rgb(252, 211, 77)",
       "next_steps": "rgb(110, 231, 183)", "sentiment": "rgb(196, 181, 253)"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """d01 (rules backend), a release carrying a script, a failed document, three more."""
    dev = dev_results()
    text = dev[0].text
    assert text is not None
    injected = ceplene_result(text.replace("Regulatory News:", f"Regulatory News: {XSS}", 1),
                              headline=f"Injected {XSS}")
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html([dev[0], injected, error_record(), *dev[19:22]]),
                    encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, report_file: Path) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(report_file.as_uri())
    yield page
    assert not problems, f"the page logged errors: {problems}"
    page.close()


def _deepest_claim(page: Any, doc: str) -> str:
    """The located claim of ``doc`` whose quote is furthest down the release."""
    ids: list[str] = page.eval_on_selector_all(
        f"#{doc} .source mark.hl", "marks => marks.map(m => m.dataset.spans.split(' ').pop())")
    claims = [i for i in ids if "-finding-" not in i]
    assert claims, "no highlighted claim"
    return claims[-1]


_GEOMETRY = """id => {
  const marks = Array.from(document.querySelectorAll(`mark.hl[data-spans~="${id}"]`));
  const pane = marks[0].closest('.source').getBoundingClientRect();
  const box = marks[0].getBoundingClientRect();
  return {
    active: marks.map(m => m.classList.contains('active')),
    colours: marks.map(m => getComputedStyle(m).backgroundColor),
    claimActive: document.getElementById(id).classList.contains('active'),
    visible: box.top >= pane.top && box.bottom <= pane.bottom && box.top >= 0
             && box.bottom <= window.innerHeight,
    text: marks.map(m => m.textContent).join(''),
  };
}"""


def test_clicking_a_claim_highlights_its_quote_and_scrolls_it_into_view(
    page: Any, tmp_path: Path
) -> None:
    claim = _deepest_claim(page, "d1")
    field = page.get_attribute(f'[id="{claim}"]', "data-field")
    before = page.evaluate(_GEOMETRY, claim)
    assert not before["visible"] and not any(before["active"]), "quote must start out of view"

    page.click(f'[id="{claim}"] .claim-text')

    after = page.evaluate(_GEOMETRY, claim)
    assert after["visible"], "the quote was not scrolled into view"
    assert all(after["active"]) and after["claimActive"]
    assert set(after["colours"]) == {HOT[field]}
    start, end = _evidence_bounds(claim)
    assert after["text"] == dev_results()[0].text[start:end]  # type: ignore[index]
    # exactly one claim's quote is active at a time
    assert page.eval_on_selector_all("mark.hl.active", "ms => ms.length") == len(after["active"])
    shot = tmp_path / "report-claim-clicked.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


def _evidence_bounds(claim_id: str) -> tuple[int, int]:
    summary = dev_results()[0].summary
    assert summary is not None
    key = claim_id.removeprefix("d1-")
    for path, evidence in summary.evidence_items():
        if path.removesuffix(".evidence").replace("[", "-").rstrip("]") == key:
            assert evidence.start is not None and evidence.end is not None
            return evidence.start, evidence.end
    raise AssertionError(f"no evidence for {claim_id}")


def test_hovering_a_highlight_shows_the_claim_and_clicking_selects_it(
    page: Any, tmp_path: Path
) -> None:
    mark = page.locator("#d1 .source mark.hl").first
    spans = (mark.get_attribute("data-spans") or "").split()
    assert page.is_hidden("#tip")
    mark.hover()
    assert page.is_visible("#tip")
    tip = page.inner_text("#tip")
    for span in spans:
        assert page.get_attribute(f'[id="{span}"]', "data-label") in tip
    page.screenshot(path=str(tmp_path / "report-hover.png"))
    mark.click()
    innermost = spans[-1]
    assert "active" in (page.get_attribute(f'[id="{innermost}"]', "class") or "")
    assert page.evaluate("() => document.activeElement.id") == innermost


def test_a_script_in_the_document_does_not_run(page: Any) -> None:
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img").count() == 0
    assert "<script>window.pwned = 1</script>" in page.inner_text("#d2 .source")
    assert page.inner_text("#d2 h2") == f"Injected {XSS}"
    # while the report's own script runs (admitted by its CSP hash): clicking works
    page.click('[id="d2-rationale-0"] .claim-text')
    assert page.locator('mark.hl.active[data-spans~="d2-rationale-0"]').count() > 0


def test_index_sorts_and_filters(page: Any) -> None:
    def column(i: int) -> list[str]:
        return [t.strip() for t in page.eval_on_selector_all(
            "#index-table tbody tr:not([hidden])",
            f"rows => rows.map(r => r.cells[{i}].textContent)")]

    assert column(0) == ["1", "2", "3", "4", "5", "6"]
    page.click("#index-table th:nth-child(5) button")  # decision, ascending
    decisions = column(4)
    assert decisions == sorted(decisions)
    assert page.get_attribute("#index-table th:nth-child(5)", "aria-sort") == "ascending"
    page.click("#index-table th:nth-child(5) button")
    assert column(4) == sorted(decisions, reverse=True)
    page.click("#index-table th:nth-child(8) button")  # findings, numeric (failed = -1)
    assert column(7)[0] == "failed"

    page.fill("#index-filter", "complete response")
    assert set(column(4)) == {"complete response"} and len(column(4)) == 2
    assert page.inner_text("#index-count") == "2 of 6 shown"
    page.fill("#index-filter", "")
    page.select_option("#index-direction", "unfavorable")
    assert set(column(5)) == {"unfavorable"} and len(column(5)) == 4
    page.click("#index-table tbody tr:not([hidden]) a")
    assert page.evaluate("() => location.hash").startswith("#d")
