"""The analyst's conflict data in a real browser, with a store of generated files: the map's choropleth key says
what it counts and from which source, the region panel draws the sparkline and names the terms, and the timeline's
monthly band sits on the same dates as its lanes (the year labels line up). Counts are read back from the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from liptako import conflict, conflict_figures, timeline
from liptako.i18n import number, t
from liptako.state import Filters
from tests.support import facts
from tests.support.conflict_store import generator, make_store

from .conftest import ARTIFACTS, MAP_FRAME, Server, Tab, open_app

ACLED_TERMS = "Data from ACLED (Armed Conflict Location & Event Data, acleddata.com), used under its terms"
UCDP_CITATION = "Sundberg, Ralph and Erik Melander (2013)"
CHART = '[data-testid="stPlotlyChart"]'
# Where each x tick label of a chart is drawn on the screen: its text and the middle of its box.
TICKS = """(chart) => [...chart.querySelectorAll('g.xtick text')].map(t => {
  const box = t.getBoundingClientRect();
  return [t.textContent, box.left + box.width / 2];
})"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("conflict-browser"))


@pytest.fixture(scope="module")
def conflict_server(store: Path) -> Iterator[Server]:
    """A server reading the generated store (the server takes the environment as it is when it starts)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIPTAKO_STORE", str(store))
        srv = Server().start()
    yield srv
    srv.stop()


@pytest.mark.browser
def test_map_choropleth_and_region_sparkline(conflict_server: Server, store: Path, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{conflict_server.url}/map?lang=en&colour=conflict&region=NE-6")
    expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(len(facts.regions()))
    months = conflict.monthly(store)
    totals = conflict.per_region(months, facts.regions().index, sources=["acled"])
    total = number(int(totals["events"].sum()), "en")
    key = page.locator(".choropleth-key")
    expect(key).to_contain_text(f"Conflict events in each region (whole period; ACLED): {total} in all.")

    panel = page.locator(".st-key-conflict_panel")
    expect(panel.get_by_text("Conflict events per month")).to_be_visible()
    sparkline = panel.locator(CHART)
    expect(sparkline.locator(".main-svg").first).to_be_visible()
    # One line per source in the store, plus a trace of the curated coups and agreements if the region has any.
    tied = timeline.filter_events(facts.events(), Filters(types=conflict_figures.MARKED_TYPES), "NE-6")
    traces = len(set(months["source"])) + (not tied.empty)
    expect(sparkline.locator("g.scatterlayer g.trace")).to_have_count(traces)
    expect(panel).to_contain_text(ACLED_TERMS)
    expect(panel).to_contain_text(UCDP_CITATION)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "map-conflict.png", full_page=True)
    assert tab.outside == []


@pytest.mark.browser
@pytest.mark.parametrize("lanes", ["country", "type"])  # lane labels of different widths on the left
def test_timeline_band_lines_up_with_the_lanes(conflict_server: Server, tab: Tab, lanes: str) -> None:
    page = tab.page
    open_app(page, f"{conflict_server.url}/timeline?lang=en&countries=NER&from=2012-01-01&to=2025-12-31&lanes={lanes}")
    band = page.locator(".st-key-conflict_band")
    expect(band.locator(CHART).locator("g.barlayer path").first).to_be_attached()
    expect(band).to_contain_text(ACLED_TERMS)
    expect(band).not_to_contain_text(UCDP_CITATION)  # one source at a time
    chart = page.locator(CHART).first
    expect(chart.locator("g.xtick text").first).to_be_visible()
    lane_ticks = chart.evaluate(TICKS)
    band_ticks = band.locator(CHART).evaluate(TICKS)
    assert lane_ticks and [text for text, _ in band_ticks] == [text for text, _ in lane_ticks]
    assert all(abs(a - b) <= 1.5 for (_, a), (_, b) in zip(band_ticks, lane_ticks, strict=True))
    picker = band.locator('[data-testid="stRadio"]').filter(has_text="Conflict data shown")
    picker.get_by_text("UCDP GED", exact=True).click()
    expect(band).to_contain_text(UCDP_CITATION)
    expect(band).not_to_contain_text(ACLED_TERMS)
    page.screenshot(path=ARTIFACTS / f"timeline-conflict-band-{lanes}.png", full_page=True)
    assert tab.outside == []


@pytest.mark.browser
def test_upload_a_file_for_the_session(server: Server, tab: Tab, tmp_path: Path) -> None:
    """The uploader is built when its section is opened (so its code does not hold the map back); a file read there
    is announced with its count of events, and stays removable after the section is closed."""
    page = tab.page
    open_app(page, f"{server.url}/map?lang=en")
    uploader = page.locator('[data-testid="stFileUploader"]')
    expect(uploader).to_have_count(0)
    section = page.locator("summary", has_text=t("conflict.upload", "en"))
    section.click()
    expect(uploader).to_be_visible()

    regions = facts.regions()
    file = tmp_path / "acled.csv"
    generator().generate("acled", 200, file, regions, seed=9)
    _, report = conflict.load_upload(file.name, file.read_bytes(), regions, "")
    uploader.locator('input[type="file"]').set_input_files(file)
    done = t("conflict.upload_done", "en", events=number(report.kept, "en"), file=file.name)
    expect(page.get_by_text(done)).to_be_visible()

    section.click()  # closed, the file stays listed (and removable) in its uploader
    expect(uploader.get_by_text("acled.csv")).to_be_attached()
