"""Make docs/report-ceplene.png, the picture of the HTML report in docs/reports.md.

The Ceplene release (examples/ceplene_8k_ex99_1.txt) is summarized by replaying the recorded
answer of the local 1.5B model (cassettes/corpus_local_1_5b/d01.yaml, no server needed), the
report is rendered, opened in headless Chromium, and the outcome claim is clicked so that its
quote is highlighted in the release. Needs the ``dev`` extra and the Debian ``chromium`` package:

    python docs/make_report_screenshot.py [OUT.png]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import openai
import vcr
from playwright.sync_api import sync_playwright

from summarizer import Summarizer
from summarizer.reports import render_html

ROOT = Path(__file__).resolve().parent.parent
RELEASE = "examples/ceplene_8k_ex99_1.txt"
CASSETTE = ROOT / "cassettes" / "corpus_local_1_5b" / "d01.yaml"


def summarize_ceplene() -> str:
    """The report HTML for the recorded local-model answer on the Ceplene release."""
    client = openai.OpenAI(base_url="http://127.0.0.1:8765/v1", api_key="not-needed",
                           max_retries=0)
    summarizer = Summarizer(client=client, model="local", mode="json", max_attempts=1)
    # replay only: the answers in recorded order, whatever the prompt wording is now
    recorder = vcr.VCR(record_mode="none", match_on=["method", "scheme", "host", "port", "path"])
    with recorder.use_cassette(str(CASSETTE)):
        result = summarizer.summarize((ROOT / RELEASE).read_text(encoding="utf-8"),
                                      published="2008-03-20", source=RELEASE)
    return render_html([result])


def screenshot(html: str, out: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("needs the chromium package (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(page_file.as_uri())
        page.click('[id="d1-outcome"] .decision')
        page.evaluate("() => window.scrollTo(0, 0)")
        page.mouse.move(0, 0)
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "report-ceplene.png"
    screenshot(summarize_ceplene(), target)
    print(target)
