"""The timeline and the charter in a real browser: searching, filtering and opening cards."""

import re

import pytest
from playwright.sync_api import Page, expect

from liptako import timeline
from liptako.state import Filters
from tests.support import facts

from .conftest import ARTIFACTS, Server, Tab, open_app

CHART = '[data-testid="stPlotlyChart"]'
POINTS = f"{CHART} .scatterlayer path.point"
PLOTTED_IDS = """() => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  return gd.data.filter(t => t.type === 'scatter').flatMap(t => t.customdata.map(c => c[0]));
}"""


def set_text(page: Page, label: str, text: str) -> None:
    box = page.get_by_role("textbox", name=label)
    box.fill(text)
    box.press("Enter")


@pytest.mark.browser
def test_search_solhan_plots_one_event_and_opens_its_card(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/timeline?lang=en")
    set_text(page, "Search titles and summaries (French or English)", "Solhan")
    shown = facts.events_matching("Solhan")  # the 2021 massacre: one event today, however many the data grows to
    expect(page.get_by_text(f"{shown} of {len(facts.events())} events shown.")).to_be_visible()
    expect(page.locator(POINTS)).to_have_count(shown)
    page.locator(POINTS).first.click(force=True)
    card = page.locator(".st-key-event_card")
    expect(card.get_by_role("heading")).to_contain_text("Solhan")
    expect(card.get_by_text("Sources", exact=True)).to_be_visible()
    assert "event=" in page.url
    assert tab.outside == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "timeline-solhan.png", full_page=True)


@pytest.mark.browser
def test_filter_to_niger_plots_only_events_involving_niger(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/timeline?lang=en")
    page.get_by_role("combobox", name="Countries").click()
    page.get_by_role("option", name="Niger").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]countries=NER(&|$)"))
    events = facts.events()
    niger = timeline.filter_events(events, Filters(countries=("NER",)))
    expect(page.get_by_text(f"{len(niger)} of {len(events)} events shown.")).to_be_visible()
    page.wait_for_function(f"() => new Set(({PLOTTED_IDS})()).size === {len(niger)}")
    plotted = set(page.evaluate(PLOTTED_IDS))
    assert all("NER" in {str(c) for c in events.loc[eid, "countries"]} for eid in plotted)


@pytest.mark.browser
def test_charter_search_rebellion_shows_article_5(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/charter?lang=fr")
    set_text(page, "Rechercher dans les dispositions (français ou anglais)", "rébellion")
    listing = page.locator(".st-key-provision_list")
    expect(listing.get_by_role("heading", name="Art. 5 —")).to_be_visible()
    expect(listing.locator('[data-testid="stExpander"]')).to_have_count(1)
    page.screenshot(path=ARTIFACTS / "charter-rebellion.png", full_page=True)
