"""Load: 20 concurrent browser sessions against one server for a bounded 60 s, clicking regions and filtering the
timeline. Every response must be the right one; memory per session is reported (artifacts/load.json).

Marked `load`: left out of a plain `pytest` run (pyproject's addopts) and run on its own by `make test-load`, which
`.ci/run` calls after `make test`, so a slow load run neither hides nor is hidden by another failure."""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time

import psutil
import pytest
from playwright.async_api import Page, async_playwright
from playwright.sync_api import Browser

from tests.support import facts
from tests.support.browser import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    IDLE,
    MAP_FRAME,
    MAP_SETTLED,
    Server,
    chromium_path,
    clear_point,
)

SESSIONS = int(os.environ.get("LIPTAKO_LOAD_SESSIONS", 20))
SECONDS = int(os.environ.get("LIPTAKO_LOAD_SECONDS", 60))
ACTION_TIMEOUT = 120_000  # 20 browsers share 2 cores with the server: an action may take tens of seconds
VIEWPORT = {"width": 1400, "height": 1000}
REGIONS = ("NE-6", "ML-7", "BF-12", "ML-5")
SEARCH_BOX = "Search titles and summaries (French or English)"
SEARCHES = ("Solhan", "Tillabéri", "Kidal")


def click_spots(server: Server, browser: Browser) -> dict[str, tuple[float, float]]:
    """Where to click each region, in page pixels: every session has the same layout, so measure once."""
    regions = facts.regions()
    spots = {}
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{server.url}/map?lang=en")
    page.wait_for_selector(IDLE)
    page.frame_locator(MAP_FRAME).locator("path.region").nth(len(regions) - 1).wait_for()
    box = page.frame_locator(MAP_FRAME).locator(".leaflet-container").bounding_box()
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    for rid in REGIONS:
        lat, lon = clear_point(page, regions.loc[rid].geometry, rid)
        point = frame.evaluate("([a, b]) => window.map.latLngToContainerPoint([a, b])", [lat, lon])
        spots[str(regions.loc[rid, "name_en"])] = (box["x"] + point["x"], box["y"] + point["y"])
    page.close()
    return spots


async def open_map(page: Page, url: str, region_count: int) -> None:
    await page.goto(f"{url}/map?lang=en", timeout=ACTION_TIMEOUT)
    await page.frame_locator(MAP_FRAME).locator("path.region").nth(region_count - 1).wait_for(timeout=ACTION_TIMEOUT)
    await page.wait_for_selector(IDLE, timeout=ACTION_TIMEOUT)
    frame = await (await page.locator(MAP_FRAME).element_handle()).content_frame()
    await frame.wait_for_function(MAP_SETTLED, timeout=ACTION_TIMEOUT)


async def open_timeline(page: Page, url: str) -> None:
    await page.goto(f"{url}/timeline?lang=en", timeout=ACTION_TIMEOUT)
    await page.get_by_role("textbox", name=SEARCH_BOX).wait_for(timeout=ACTION_TIMEOUT)
    await page.wait_for_selector(IDLE, timeout=ACTION_TIMEOUT)


async def click_regions(page: Page, spots: dict, deadline: float, log: list[str]) -> int:
    done, names = 0, list(spots)
    while time.monotonic() < deadline:
        name = names[done % len(names)]
        await page.mouse.click(*spots[name])
        try:
            panel = page.locator(".st-key-region_panel")
            await panel.get_by_role("heading", name=name, exact=True).wait_for(timeout=ACTION_TIMEOUT)
        except Exception as error:  # noqa: BLE001 - every failure is recorded, none hides the others
            log.append(f"map click {name}: {error}")
            await page.screenshot(path=ARTIFACTS / f"load-failure-{id(page)}.png")
            return done
        done += 1
    return done


async def filter_timeline(page: Page, expected: dict, total: int, deadline: float, log: list[str]) -> int:
    box = page.get_by_role("textbox", name=SEARCH_BOX)
    done, words = 0, list(expected)
    while time.monotonic() < deadline:
        word = words[done % len(words)]
        await box.fill(word)
        await box.press("Enter")
        try:
            await page.get_by_text(f"{expected[word]} of {total} events shown.").wait_for(timeout=ACTION_TIMEOUT)
        except Exception as error:  # noqa: BLE001
            log.append(f"timeline search {word}: {error}")
            return done
        done += 1
    return done


@pytest.mark.browser
@pytest.mark.load
def test_twenty_sessions_for_a_minute(server: Server, browser: Browser) -> None:
    executable = chromium_path()
    assert executable, "Chromium is needed"
    spots = click_spots(server, browser)
    total, region_count = len(facts.events()), len(facts.regions())
    expected = {w: facts.events_matching(w) for w in SEARCHES}
    process = psutil.Process(server.process.pid)
    before = process.memory_info().rss
    log: list[str] = []

    async def run() -> list[int]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            pages = [await (await browser.new_context(viewport=VIEWPORT)).new_page() for _ in range(SESSIONS)]
            for page in pages:  # every action, not only the waits written out, may take tens of seconds here
                page.set_default_timeout(ACTION_TIMEOUT)
            # Every session opens its page first; the minute of clicking and filtering starts when all are in.
            await asyncio.gather(
                *(
                    open_map(p, server.url, region_count) if n % 2 == 0 else open_timeline(p, server.url)
                    for n, p in enumerate(pages)
                )
            )
            deadline = time.monotonic() + SECONDS
            counts = await asyncio.gather(
                *(
                    click_regions(p, spots, deadline, log)
                    if n % 2 == 0
                    else filter_timeline(p, expected, total, deadline, log)
                    for n, p in enumerate(pages)
                )
            )
            for p in pages:
                errors = await p.locator('[data-testid="stException"]').count()
                if errors:
                    log.append(f"a session shows {errors} exception(s)")
            await browser.close()
            return counts

    # The sessions run on Playwright's async API, in a thread of their own: this one already runs the sync API.
    outcome: list[list[int]] = []
    worker = threading.Thread(target=lambda: outcome.append(asyncio.run(run())))
    worker.start()
    worker.join()
    assert outcome, "the load run did not finish (see the errors above)"
    counts = outcome[0]
    after = process.memory_info().rss
    report = {
        "sessions": SESSIONS,
        "seconds": SECONDS,
        "actions": sum(counts),
        "per_session": counts,
        "server_rss_mib_before": before / 2**20,
        "server_rss_mib_after": after / 2**20,
        "rss_mib_per_session": (after - before) / 2**20 / SESSIONS,
        "errors": log,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(report, indent=2))
    print(
        f"\nload: {sum(counts)} correct actions in {SECONDS} s over {SESSIONS} sessions; "
        f"server memory {before / 2**20:.0f} → {after / 2**20:.0f} MiB "
        f"({report['rss_mib_per_session']:.1f} MiB a session)"
    )
    assert log == []
    assert all(c > 0 for c in counts)
