"""Clicking the map in a real browser: the panel follows, pan and zoom cost no rerun, nothing leaves the machine."""

import pytest
from playwright.sync_api import Page, expect

from tests.support import facts
from tests.support.browser import COUNT_RUNS, clear_point, click_map_at, first_clear, pan_and_zoom

from .conftest import ARTIFACTS, MAP_FRAME, Server, Tab, open_app

PANEL = ".st-key-region_panel"


def spot(page: Page, region_id: str) -> tuple[float, float]:
    """A point inside the region where nothing (town dot, event cluster, legend) covers it."""
    return clear_point(page, facts.regions().loc[region_id].geometry, region_id)


def open_map(page: Page, url: str) -> None:
    open_app(page, url)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.region")).to_have_count(len(facts.regions()))


@pytest.mark.browser
def test_click_selects_region_and_panel_follows(server: Server, tab: Tab) -> None:
    page = tab.page
    open_map(page, f"{server.url}/map?lang=en")
    click_map_at(page, *spot(page, "NE-6"))
    # waits on the panel's state, up to conftest's WAIT_MS (speed is bench.py's business, not a test's)
    expect(page.locator(PANEL).get_by_role("heading", name="Tillabéri")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=NE-6")
    expect(page.frame_locator(MAP_FRAME).locator("path.selected-region")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "map-tillaberi.png", full_page=True)

    click_map_at(page, *spot(page, "ML-7"))
    expect(page.locator(PANEL).get_by_role("heading", name="Gao")).to_be_visible()
    expect(page.get_by_role("combobox", name="Region")).to_have_value("Gao (Mali)")
    assert tab.outside == []


@pytest.mark.browser
def test_pan_and_zoom_do_not_rerun_the_app(server: Server, tab: Tab) -> None:
    page = tab.page
    open_map(page, f"{server.url}/map?lang=en")
    page.evaluate(COUNT_RUNS)
    pan_and_zoom(page)
    # A click is the positive signal to wait on: exactly one run must follow it, and none before it.
    regions = facts.regions()
    region_id, lat, lon = first_clear(page, regions, ["BF-12", "NE-6", "ML-7", "ML-5", "BF-10"])
    click_map_at(page, lat, lon)
    name = str(regions.loc[region_id, "name_en"])
    expect(page.locator(PANEL).get_by_role("heading", name=name, exact=True)).to_be_visible()
    assert page.evaluate("window.__runs") == 1


@pytest.mark.browser
def test_link_opens_with_the_region_selected(server: Server, tab: Tab) -> None:
    page = tab.page
    open_map(page, f"{server.url}/map?lang=fr&region=ML-8")
    expect(page.locator(PANEL).get_by_role("heading", name="Kidal")).to_be_visible()
    expect(page.frame_locator(MAP_FRAME).locator("path.selected-region")).to_have_count(1)


@pytest.mark.browser
def test_picker_drives_the_same_selection(server: Server, tab: Tab) -> None:
    page = tab.page
    open_map(page, f"{server.url}/map?lang=en")
    picker = page.get_by_role("combobox", name="Region")
    picker.click()
    picker.press_sequentially("Niamey")
    page.get_by_role("option", name="Niamey (Niger)").click()
    expect(page.locator(PANEL).get_by_role("heading", name="Niamey")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=NE-8")
