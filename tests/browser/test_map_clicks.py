"""Clicks on the rendered map, by latitude and longitude, in one session and without zooming in between: each
selects the region whose polygon holds the point, whatever lies there (a town, an event dot), and the view stays
where the reader left it."""

import pytest
import shapely
from playwright.sync_api import expect

from liptako import geo
from tests.support import facts
from tests.support.browser import MAP_FRAME, click_map_at, settle_map

from .conftest import Server, Tab, open_app

PANEL = ".st-key-region_panel"
CLICKS = [(14.2, 1.45), (16.3, 0.3), (14.5, -3.9), (14.0, -0.3)]  # Tillabéri, Gao, Mopti, Burkina's Sahel


def view(page) -> tuple[float, float, float]:  # noqa: ANN001
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    centre = frame.evaluate("() => window.map.getCenter()")
    return round(centre["lat"], 6), round(centre["lng"], 6), frame.evaluate("() => window.map.getZoom()")


def region_at(regions, lat: float, lon: float) -> str:  # noqa: ANN001
    return str(regions.index[regions.geometry.covers(shapely.Point(lon, lat))][0])


def busiest_lone_dot(events) -> list[str]:  # noqa: ANN001
    """The event dot holding the most events among those no other dot overlaps at the first view (0.5° apart)."""
    spots = geo.event_spots(events)
    where = {ids[0]: shapely.Point(events.loc[ids[0], "lon"], events.loc[ids[0], "lat"]) for ids in spots}
    alone = [ids for ids in spots if all(where[ids[0]].distance(p) > 0.5 for k, p in where.items() if k != ids[0])]
    return max(alone, key=len)


@pytest.mark.browser
def test_clicks_anywhere_in_a_region_select_it_and_keep_the_view(server: Server, tab: Tab) -> None:
    page = tab.page
    regions, events = facts.regions(), facts.events()
    open_app(page, f"{server.url}/map?lang=en")
    expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(len(regions))
    settle_map(page)
    before = view(page)
    busiest = busiest_lone_dot(events)
    spot = events.loc[busiest[0]]
    for lat, lon in [*CLICKS, (float(spot["lat"]), float(spot["lon"]))]:
        click_map_at(page, lat, lon)
        name = str(regions.loc[region_at(regions, lat, lon), "name_en"])
        expect(page.locator(PANEL).get_by_role("heading", name=name, exact=True)).to_be_visible()
        settle_map(page)
        assert view(page) == before, f"the click at {lat}, {lon} moved the map"
    newest = str(events.loc[busiest[0], "title_en"])
    expect(page.locator(".st-key-map_event")).to_contain_text(newest)


@pytest.mark.browser
def test_whole_region_button_brings_the_three_countries_back(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/map?lang=en")
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.region").first).to_be_attached()
    settle_map(page)
    before = view(page)
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    settle_map(page)
    assert view(page)[2] > before[2]
    frame.get_by_role("button", name="⤢ Whole region").click()
    settle_map(page)
    assert view(page)[2] == before[2]


@pytest.mark.browser
def test_a_phone_sees_the_three_countries_whole_with_the_legend_folded(server: Server, browser) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US", is_mobile=True)
    page = context.new_page()
    try:
        open_app(page, f"{server.url}/map?lang=en")
        frame = page.locator(MAP_FRAME).element_handle().content_frame()
        page.frame_locator(MAP_FRAME).locator("path.region").first.wait_for(state="attached")
        settle_map(page)
        west, south, east, north = facts.regions().total_bounds
        inside = frame.evaluate(
            "([s, w, n, e]) => window.map.getBounds().contains(L.latLngBounds([[s, w], [n, e]]))",
            [south, west, north, east],
        )
        assert inside, "part of the three countries is off screen at the first view"
        assert frame.evaluate("() => document.querySelector('.liptako-legend').open") is False
        page.locator(MAP_FRAME).screenshot(path="artifacts/map-phone.png")
    finally:
        context.close()
