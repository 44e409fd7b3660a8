"""One story across the views: region → its events → an event's card → the provision it bears on, with the
address bar reproducing each view on reload."""

import pytest
from playwright.sync_api import Page, expect

from liptako import timeline
from liptako.state import Filters
from tests.support import facts
from tests.support.browser import MAP_FRAME, click_map_at

from .conftest import ARTIFACTS, Server, Tab, wait_idle
from .test_map import PANEL, open_map, spot


def shoot(page: Page, name: str) -> None:
    """Screenshots of each step; `make screenshots` puts them in the README."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"journey-{name}.png", full_page=True)


def reload_same(page: Page) -> None:
    """Reload the address as it stands: the view must come back identical."""
    url = page.url
    page.goto(url)
    wait_idle(page)
    assert page.url == url


@pytest.mark.browser
def test_region_to_events_to_provision_and_back_by_url(server: Server, tab: Tab) -> None:
    page = tab.page
    events = facts.events()

    # 1. The map: click Tillabéri, follow the panel's link to its events.
    open_map(page, f"{server.url}/map?lang=en")
    click_map_at(page, *spot(page, "NE-6"))
    panel = page.locator(PANEL)
    expect(panel.get_by_role("heading", name="Tillabéri")).to_be_visible()
    reload_same(page)
    expect(page.locator(PANEL).get_by_role("heading", name="Tillabéri")).to_be_visible()
    expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(len(facts.regions()))
    expect(page.frame_locator(MAP_FRAME).locator("path.selected-region")).to_have_count(1)
    shoot(page, "1-map")
    page.get_by_role("link", name="See them on the timeline").click()

    # 2. The timeline shows only Tillabéri's events, and says so.
    tied = timeline.filter_events(events, Filters(), region="NE-6")
    count = page.get_by_text(f"{len(tied)} of {len(events)} events shown.")
    expect(count).to_be_visible()
    expect(page.get_by_text("Only events tied to Tillabéri.")).to_be_visible()
    reload_same(page)
    expect(count).to_be_visible()
    shoot(page, "2-timeline")

    # 3. Bamako's events include the Charter's signing, whose card links Article 6.
    page.goto(f"{server.url}/timeline?lang=en&region=ML-BKO")
    wait_idle(page)
    picker = page.get_by_role("combobox", name="Event", exact=True)
    picker.click()
    picker.press_sequentially("Charter creates")
    page.get_by_role("option", name="Liptako-Gourma Charter creates").click()
    card = page.locator(".st-key-event_card")
    expect(
        card.get_by_role("heading", name="Liptako-Gourma Charter creates the Alliance of Sahel States")
    ).to_be_visible()
    reload_same(page)
    shoot(page, "3-event")
    card.get_by_role("link", name="Art. 6 —").click()

    # 4. The charter opens on Article 6, which links back to the event.
    opened = page.locator(".st-key-provision_card")
    expect(opened.get_by_role("heading", name="Art. 6 —")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/charter?lang=en&doc=lg_charter_2023&article=6")
    reload_same(page)
    expect(
        page.locator(".st-key-provision_card").get_by_role("link", name="Liptako-Gourma Charter creates")
    ).to_be_visible()
    shoot(page, "4-charter")
    assert tab.outside == []
