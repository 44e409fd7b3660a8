"""Attack strings in every text field of the data, shown on every page of a real browser: no script runs, no
dialog opens, no injected element appears, and the text is shown literally."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from liptako import data
from tests.support.browser import MAP_FRAME, Server, clear_point

from .. import hostile
from ..conftest import DATA
from .conftest import Tab, open_app

PAGES = [
    "/?lang=en",
    "/map?lang=en&region=NE-6",
    "/timeline?lang=en&event=aes-2023-09-16-charter",
    "/charter?lang=fr&doc=lg_charter_2023&article=6",
    "/sources?lang=en",
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = hostile.make(DATA, Path(tmp_path_factory.mktemp("hostile")) / "data")
    srv = Server(data_dir=folder).start()
    yield srv
    srv.stop()


def hover(page, lat: float, lon: float) -> None:  # noqa: ANN001
    """Move the pointer over a coordinate of the map."""
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    point = frame.evaluate("([a, b]) => window.map.latLngToContainerPoint([a, b])", [lat, lon])
    box = page.frame_locator(MAP_FRAME).locator(".leaflet-container").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_is_inert_and_literal(hostile_server: Server, tab: Tab, path: str) -> None:
    page = tab.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, f"{hostile_server.url}{path}")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    if path != "/?lang=en":  # the overview shows no text from the data, only counts
        for literal in (hostile.IMG, hostile.TEMPLATE, hostile.MD_IMAGE):
            expect(page.get_by_text(literal).filter(visible=True).first).to_be_visible()
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("img[src^='javascript:']").count() == 0
    if path.startswith("/map"):
        frame = page.frame_locator(MAP_FRAME)
        regions = data.load_regions(hostile_server.data_dir / "regions.geojson")
        expect(frame.locator("path.region")).to_have_count(len(regions))  # a broken map script draws none
        expect(frame.locator("path.event").first).to_be_attached()
        hover(page, *clear_point(page, regions.loc["NE-6"].geometry, "NE-6"))
        tooltip = frame.locator(".leaflet-tooltip").first
        expect(tooltip).to_contain_text(hostile.IMG)
        expect(tooltip).to_contain_text(hostile.TEMPLATE)
        places = data.load_places(hostile_server.data_dir / "places.csv")
        town = places.loc["tillaberi"]
        hover(page, float(town.lat), float(town.lon))
        expect(tooltip).to_contain_text(f"Tillabéri {hostile.PAYLOAD}")
        assert frame.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert tab.outside == []
