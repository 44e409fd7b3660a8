"""Today's boundaries in a real browser (issue 17): the switch draws today's units, a click on one opens its panel
with what it was before (and why its outline is approximate, if it is), and switching back selects the reference
map's unit it came from."""

from pathlib import Path

import geopandas as gpd
import pytest
from playwright.sync_api import expect

from tests.support.browser import clear_point, click_map_at

from .conftest import ARTIFACTS, MAP_FRAME, Server, Tab, open_app

PANEL = ".st-key-region_panel"
TODAY = gpd.read_file(Path(__file__).resolve().parents[2] / "data" / "admin_today.geojson").set_index("id")


@pytest.mark.browser
def test_click_on_todays_map_opens_the_units_panel_and_the_switch_goes_back(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/map?lang=en")
    page.locator(".st-key-bounds_choice").get_by_text("Today", exact=True).click()
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.region-BF25-LIPTAKO")).to_have_count(1)
    expect(page).to_have_url(f"{server.url}/map?lang=en&bounds=today")

    click_map_at(page, *clear_point(page, TODAY.loc["BF25-LIPTAKO"].geometry, "BF25-LIPTAKO"))
    panel = page.locator(PANEL)
    expect(panel.get_by_role("heading", name="Liptako", exact=True)).to_be_visible()
    expect(panel).to_contain_text("Sahel (until 2025) → today Liptako")
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=BF25-LIPTAKO&bounds=today")
    expect(frame.locator("path.selected-region")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "map-today-liptako.png", full_page=True)

    click_map_at(page, *clear_point(page, TODAY.loc["BF25-TAPOA"].geometry, "BF25-TAPOA"))
    expect(panel.get_by_role("heading", name="Tapoa", exact=True)).to_be_visible()
    expect(panel).to_contain_text("Approximate outline")

    page.locator(".st-key-bounds_choice").get_by_text("As in the reference map", exact=True).click()
    expect(panel.get_by_role("heading", name="Est", exact=True)).to_be_visible()
    expect(panel).to_contain_text("Est (until 2025) → today Goulmou (Fada N'Gourma), Sirba (Bogandé), Tapoa (Diapaga)")
    expect(frame.locator("path.region-BF-08")).to_have_count(1)
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=BF-08")
    assert tab.outside == []
