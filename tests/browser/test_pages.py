"""Every registered page opens in a real browser, by deep link on a fresh server, with the app's own shell and
all its content — while every request to a host other than 127.0.0.1 is blocked (the app works offline)."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.support import facts
from tests.support.browser import MAP_FRAME

from .conftest import Server, Tab, open_app

PAGES = {
    "/": "Liptako — the Liptako-Gourma tri-border region",
    "/map": "Map of the tri-border region",
    "/timeline": "Timeline of coups and agreements",
    "/charter": "What was agreed",
    "/sources": "Sources and licences",
}
CONTENT = {  # what "fully rendered" means on each page
    "/": lambda page: expect(page.get_by_role("link", name="Open the map")).to_be_visible(),
    "/map": lambda page: expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(
        len(facts.regions())
    ),
    "/timeline": lambda page: expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_visible(),
    "/charter": lambda page: expect(page.locator(".st-key-provision_list [data-testid='stExpander']")).to_have_count(
        len(facts.default_document_provisions())
    ),
    "/sources": lambda page: expect(page.locator(".st-key-downloads button")).to_have_count(3),
}


def fully_rendered(page: Page, path: str) -> None:
    CONTENT[path](page)


@pytest.mark.browser
@pytest.mark.parametrize("path", list(PAGES))
def test_deep_link_on_a_fresh_server_shows_the_page_in_the_app_shell(fresh_server: Server, tab: Tab, path: str) -> None:
    page = tab.page
    probes: list[str] = []
    page.on("request", lambda r: probes.append(urlparse(r.url).path) if "/_stcore/h" in r.url else None)
    open_app(page, f"{fresh_server.url}{path}?lang=en")
    expect(page.get_by_role("heading", name=PAGES[path]).first).to_be_visible()
    # The host preamble (`liptako.preamble`): the frontend asks the root for its server at once, never the page's
    # own path first (a 404 and a 100 ms wait before the page could connect).
    assert probes and set(probes) <= {"/_stcore/health", "/_stcore/host-config"}, probes
    nav = page.locator('[data-testid="stSidebarNavLink"]')
    expect(nav).to_have_count(len(PAGES))
    expect(page.get_by_text("Langue / Language")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    fully_rendered(page, path)
    assert tab.outside == []


@pytest.mark.browser
def test_language_switch_translates_the_page_and_the_link(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/sources?lang=en")
    expect(page.get_by_role("heading", name="Sources and licences")).to_be_visible()
    page.get_by_text("Français").click()
    expect(page.get_by_role("heading", name="Sources et licences")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/sources?lang=fr")


@pytest.mark.browser
def test_sources_page_lists_every_data_file(server: Server, tab: Tab) -> None:
    from liptako.data import UNSOURCED, default_data_dir

    page = tab.page
    open_app(page, f"{server.url}/sources?lang=en")
    for path in sorted(p for p in default_data_dir().iterdir() if p.is_file()):
        if path.name not in UNSOURCED:
            expect(page.get_by_text(f"File: data/{path.name}")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_dates_outside_the_data_on_a_fresh_server_give_the_timeline_and_a_notice(
    fresh_server: Server, tab: Tab, lang: str
) -> None:
    page = tab.page
    open_app(page, f"{fresh_server.url}/timeline?lang={lang}&from=1900-01-01&to=2999-12-31")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentWarning"]').first).to_contain_text("1900-01-01")
    expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_visible()
    expect(page.locator('[data-testid="stSidebarNavLink"]')).to_have_count(len(PAGES))
    expect(page.get_by_text("Page not found")).to_have_count(0)
