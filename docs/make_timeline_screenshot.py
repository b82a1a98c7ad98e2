"""Make docs/timeline.png, the picture of the timeline page in docs/reports.md.

The invented release sequences of tests/data/timeline (CHMP negative opinion to Commission
decision, complete response to approval, clinical hold to lift, designation to approval; the
biosimilar pair is left out to keep the picture small) are summarized by the rules backend with
their release dates (meta.jsonl), the timeline is built as of 2026-12-04, rendered, opened in
headless Chromium, and the negative CHMP opinion is clicked so that its card shows the quote.
Needs the ``dev`` extra and the Debian ``chromium`` package:

    python docs/make_timeline_screenshot.py [OUT.png]
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from summarizer import Summarizer
from summarizer.tasks.regulatory.timeline import build, render_html

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "timeline"
TODAY = "2026-12-04"


def timeline_page() -> tuple[str, str]:
    """The page's HTML, and the id of the event to click (the negative CHMP opinion)."""
    summarizer = Summarizer("rules")
    results = []
    for line in (DATA / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        if meta["id"].startswith("biosim"):
            continue
        path = DATA / meta["file"]
        results.append(summarizer.summarize(path, published=meta["published"],
                                            source=path.name))
    timeline = build(results, today=TODAY)
    event = next(e for e in timeline.events if e.decision == "negative_opinion")
    return render_html(timeline, title="Regulatory timeline: invented test sequences"), event.id


def screenshot(html: str, event_id: str, out: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("needs the chromium package (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        page_file = Path(tmp) / "timeline.html"
        page_file.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(page_file.as_uri())
        page.click(f'a.mark.ev[data-card="{event_id}"]')
        page.evaluate("() => window.scrollTo(0, 0)")
        page.mouse.move(0, 0)
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "timeline.png"
    screenshot(*timeline_page(), target)
    print(target)
