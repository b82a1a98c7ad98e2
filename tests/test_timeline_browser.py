"""The timeline page in a real browser: headless Chromium (Debian ``chromium``) via Playwright.

The lanes must render on the time axis, clicking an event must show its card with the quote
(and the keyboard must do the same), the today line must stand between the past and the dates
to come, the calendar must filter, and a script inside a record must not run while the page's
own script does (no console errors). Skipped, with the reason, when Chromium or Playwright is
missing, like the report's browser test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_report_browser
from test_timeline_build import TODAY, eu_sequence, us_sequence
from test_timeline_views import XSS
from timeline_records import rec, step

from summarizer.tasks.regulatory.timeline import Timeline, build, render_html

#: the report test's fixture (one headless Chromium per module); it skips this module too when
#: Chromium or Playwright is missing
browser = test_report_browser.browser


def timeline() -> Timeline:
    injected = rec("injected.txt", "2026-02-01", "designation", "FDA", [(f"Evil{XSS}", None)],
                   f"Evil {XSS} Corp", quote=f"Designated {XSS}",
                   steps=[step(f"Plans {XSS} in the second half of 2027", "in H2 2027")])
    return build([*us_sequence(), *eu_sequence(), injected], today=TODAY)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "timeline.html"
    path.write_text(render_html(timeline(), report_href="report.html"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, page_file: Path) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(page_file.as_uri())
    yield page
    assert not problems, f"the page logged errors: {problems}"
    page.close()


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box  # type: ignore[no-any-return]


def test_lanes_render_on_the_time_axis(page: Any, tmp_path: Path) -> None:
    t = timeline()
    lanes = page.locator(".lane")
    assert lanes.count() == len(t.lanes()) == 3
    for i in range(lanes.count()):
        assert lanes.nth(i).is_visible()
    # the markers of a lane sit in date order, left to right, inside its track
    orzenta = t.lanes()[1]
    assert orzenta.product.name == "Orzenta"
    xs = [_box(page, f'a.mark.ev[data-card="{e.id}"]')["x"] for e in orzenta.events]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    track = _box(page, "#lane-2 .track")
    assert all(track["x"] <= x <= track["x"] + track["width"] for x in xs)
    page.screenshot(path=str(tmp_path / "timeline.png"))


def test_clicking_an_event_shows_its_quote(page: Any, tmp_path: Path) -> None:
    t = timeline()
    event = next(e for e in t.events if e.decision == "negative_opinion")
    card = page.locator(f'article.detail[id="{event.id}"]')
    assert card.is_hidden()
    page.click(f'a.mark.ev[data-card="{event.id}"]')
    assert card.is_visible()
    assert card.locator("blockquote.quote").inner_text() == event.quote
    assert "active" in (page.get_attribute(f'a.mark.ev[data-card="{event.id}"]', "class") or "")
    assert page.evaluate("() => location.hash") == f"#{event.id}"
    # one card at a time
    assert page.locator("article.detail:visible").count() == 1
    other = next(e for e in t.events if e.decision == "approval")
    page.click(f'a.mark.ev[data-card="{other.id}"]')
    assert card.is_hidden() and page.locator(f'article[id="{other.id}"]').is_visible()
    page.screenshot(path=str(tmp_path / "timeline-clicked.png"))


def test_the_keyboard_opens_a_card_too(page: Any) -> None:
    event = timeline().events[0]
    page.focus(f'a.mark.ev[data-card="{event.id}"]')
    page.keyboard.press("Enter")
    assert page.locator(f'article[id="{event.id}"]').is_visible()


def test_the_today_line_divides_the_past_from_the_dates_to_come(page: Any) -> None:
    t = timeline()
    line = page.locator("#today-line")
    assert line.is_visible()
    today_x = _box(page, "#today-line")["x"]
    lanes, box = _box(page, "#lanes"), _box(page, "#today-line")
    assert box["y"] <= lanes["y"] and box["y"] + box["height"] >= lanes["y"] + lanes["height"]
    upcoming = [i for i in t.upcoming if i.state == "upcoming" and i.start is not None]
    assert upcoming
    for item in upcoming:
        assert _box(page, f'a.mark[data-card="{item.id}"]')["x"] > today_x, item.action
    for event in t.events:
        box = _box(page, f'a.mark.ev[data-card="{event.id}"]')
        assert box["x"] + box["width"] < today_x
    # clicking a date to come shows what is expected and from which release
    item = upcoming[0]
    page.click(f'a.mark[data-card="{item.id}"]')
    card = page.locator(f'article[id="{item.id}"]')
    assert card.is_visible() and item.source in card.inner_text()


def test_the_calendar_filters_to_open_dates(page: Any) -> None:
    t = timeline()
    rows = page.locator("#calendar-table tbody tr:not([hidden])")
    assert rows.count() == len(t.upcoming)
    page.select_option("#calendar-filter", "open")
    open_states = {"upcoming", "past_due", "undated"}
    assert rows.count() == sum(1 for i in t.upcoming if i.state in open_states)
    assert page.inner_text("#calendar-count") == f"{rows.count()} of {len(t.upcoming)} shown"
    page.click("#calendar-table tbody tr:not([hidden]) a")
    assert page.locator("article.detail:visible").count() == 1


def test_a_script_in_a_record_does_not_run(page: Any) -> None:
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img").count() == 0
    assert XSS in page.inner_text("#status-table")
    # while the page's own script runs (admitted by its CSP hash)
    assert page.evaluate("() => document.documentElement.classList.contains('js')")
