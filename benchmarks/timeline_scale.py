"""How the timeline scales with the number of records: build, HTML and iCalendar times.

The invented release sequences of tests/data/timeline are summarized once by the rules backend
(with their release dates), then copied under N/18 different company names, so every copy is a
product history of its own, as in a large corpus. Prints one line per size and, last,
``timeline_records=... build_s=... html_s=... ics_s=...`` for the largest:

    python benchmarks/timeline_scale.py [SIZES...]   (default: 180 1800 9000)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from summarizer import Summarizer
from summarizer.tasks.regulatory.timeline import build, render_html, to_ics
from summarizer.types import SummaryResult

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "timeline"


def sequences() -> list[SummaryResult]:
    summarizer = Summarizer("rules")
    results = []
    for line in (DATA / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        results.append(summarizer.summarize(DATA / meta["file"], published=meta["published"],
                                            source=meta["id"]))
    return results


def copies(base: list[SummaryResult], size: int) -> list[dict[str, object]]:
    records = []
    for n in range(max(1, size // len(base))):
        for result in base:
            record = result.to_record()
            summary = record["summary"]
            summary["company"] = f"{summary['company']} {n}"
            record["source"] = f"{result.source}-{n}"
            records.append(record)
    return records


def main(sizes: list[int]) -> None:
    base = sequences()
    line = ""
    for size in sizes:
        records = copies(base, size)
        start = time.perf_counter()
        timeline = build(records, today="2026-12-04")
        built = time.perf_counter()
        render_html(timeline)
        html = time.perf_counter()
        to_ics(timeline)
        ics = time.perf_counter()
        line = (f"timeline_records={len(records)} build_s={built - start:.2f} "
                f"html_s={html - built:.2f} ics_s={ics - html:.2f} "
                f"events={len(timeline.events)} dates={len(timeline.upcoming)}")
        print(line, flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [180, 1800, 9000])
