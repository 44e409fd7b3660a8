"""Every registered page opens in a real browser, by deep link on a fresh server, with the app's own shell."""

import pytest
from playwright.sync_api import expect

from .conftest import Server, Tab, open_app

PAGES = {
    "/": "Liptako — the Liptako-Gourma tri-border region",
    "/map": "Map of the tri-border region",
    "/timeline": "Timeline of coups and agreements",
    "/charter": "What was agreed",
    "/sources": "Sources and licences",
}


@pytest.mark.browser
@pytest.mark.parametrize("path", list(PAGES))
def test_deep_link_on_a_fresh_server_shows_the_page_in_the_app_shell(fresh_server: Server, tab: Tab, path: str) -> None:
    page = tab.page
    open_app(page, f"{fresh_server.url}{path}?lang=en")
    expect(page.get_by_role("heading", name=PAGES[path]).first).to_be_visible()
    nav = page.locator('[data-testid="stSidebarNavLink"]')
    expect(nav).to_have_count(len(PAGES))
    expect(page.get_by_text("Langue / Language")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
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
    for path in sorted(default_data_dir().iterdir()):
        if path.is_file() and path.name not in UNSOURCED:
            expect(page.get_by_text(f"data/{path.name}")).to_be_visible()
