"""Back and Forward work like the web's: every state a reader reaches is one browser history entry, and going back
to it shows what was on screen — the search text, the open card or article, the counts — in both languages.

These journeys also guard what the app relies on in Streamlit's frontend (README, "Browser history"): a write to
`st.query_params` that changes the address pushes one entry, a page link pushes one, and Back reruns the page with
the address it returns to. An upgrade that changes any of this fails here, at the step that counts entries."""

import re

import pytest
from playwright.sync_api import Page, expect

from liptako import cards, timeline
from liptako.i18n import pick, t, tn
from liptako.state import Filters
from tests.support import facts

from .conftest import Server, Tab, open_app, wait_idle

SOLHAN = "bfa-2021-06-05-solhan"
CHARTER_SIGNED = "aes-2023-09-16-charter"
POINTS = '[data-testid="stPlotlyChart"] .scatterlayer path.point'
EVENT_CARD = ".st-key-event_card"
PROVISION_CARD = ".st-key-provision_card"


def entries(page: Page) -> int:
    return page.evaluate("history.length")


def search_box(page: Page, lang: str):  # noqa: ANN201 - a playwright Locator
    return page.get_by_role("textbox", name=t("timeline.search", lang))


def event_count(lang: str, **filters: str) -> str:
    events = facts.events()
    return tn("timeline.count", len(timeline.filter_events(events, Filters(**filters))), lang, total=len(events))


def expect_solhan_view(page: Page, lang: str) -> None:
    """The timeline as the reader left it: 'Solhan' searched, its card open, the count of what that search keeps."""
    expect(search_box(page, lang)).to_have_value("Solhan")
    expect(page.locator(EVENT_CARD).get_by_role("heading").first).to_have_text(
        pick(facts.events().loc[SOLHAN], "title", lang)
    )
    expect(page.get_by_text(event_count(lang, text="Solhan"))).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_solhan_card_to_the_map_and_back(server: Server, tab: Tab, lang: str) -> None:
    page = tab.page
    open_app(page, f"{server.url}/timeline?lang={lang}")
    start = entries(page)

    box = search_box(page, lang)
    box.fill("Solhan")
    box.press("Enter")
    expect(page.get_by_text(event_count(lang, text="Solhan"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]q=Solhan(&|$)"))
    wait_idle(page)
    assert entries(page) == start + 1, "a search is one history entry"

    page.locator(POINTS).first.click(force=True)  # one tap on the dot opens its card
    expect(page).to_have_url(re.compile(rf"[?&]event={SOLHAN}(&|$)"))
    expect_solhan_view(page, lang)
    wait_idle(page)
    assert entries(page) == start + 2, "opening a card is one history entry"
    card_url = page.url

    region = facts.regions().loc["BF-12"]
    page.locator(EVENT_CARD).get_by_role("link", name=t("card.on_map", lang, region=pick(region, "name", lang))).click()
    expect(page).to_have_url(f"{server.url}/map?lang={lang}&region=BF-12")
    expect(page.locator(".st-key-region_panel").get_by_role("heading", name=pick(region, "name", lang))).to_be_visible()
    wait_idle(page)
    assert entries(page) == start + 3, "following a link to another view is one history entry"

    page.go_back()
    expect(page).to_have_url(card_url)
    expect_solhan_view(page, lang)

    page.go_forward()
    expect(page).to_have_url(f"{server.url}/map?lang={lang}&region=BF-12")
    expect(page.locator(".st-key-region_panel").get_by_role("heading", name=pick(region, "name", lang))).to_be_visible()

    page.go_back()
    expect(page).to_have_url(card_url)
    expect_solhan_view(page, lang)
    page.go_back()  # before the card was opened: the search alone
    expect(page.locator(EVENT_CARD)).to_have_count(0)
    expect(search_box(page, lang)).to_have_value("Solhan")
    page.go_back()  # before the search
    expect(search_box(page, lang)).to_have_value("")
    expect(page.get_by_text(event_count(lang))).to_be_visible()

    page.go_forward()
    page.go_forward()
    expect(page).to_have_url(card_url)
    expect_solhan_view(page, lang)
    page.reload()
    wait_idle(page)
    expect_solhan_view(page, lang)
    assert tab.outside == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_charter_article_to_an_event_and_back(server: Server, tab: Tab, lang: str) -> None:
    page = tab.page
    open_app(page, f"{server.url}/charter?lang={lang}")
    article = next(p for p in facts.default_document_provisions() if p.number == "6")
    label = cards.provision_label(article, lang)
    header = page.locator(".st-key-provision_list summary", has_text=label)
    expect(page.locator(PROVISION_CARD)).to_have_count(0)
    start = entries(page)

    header.click()  # opening an article by clicking it names it in the address
    expect(page).to_have_url(f"{server.url}/charter?lang={lang}&doc={article.document}&article=6")
    opened = page.locator(PROVISION_CARD)
    expect(opened.get_by_role("heading", name=label)).to_be_visible()
    wait_idle(page)
    assert entries(page) == start + 1
    article_url = page.url

    event = facts.events().loc[CHARTER_SIGNED]
    link = opened.get_by_role("link", name=timeline.event_label(event, lang))
    target = re.compile(rf"/timeline\?lang={lang}&event={CHARTER_SIGNED}$")
    link.click()
    try:
        expect(page).to_have_url(target, timeout=10_000)
    except AssertionError:
        # Known intermittent defect (closing note of session 3): on a loaded machine, Streamlit sometimes ignores
        # the first click on this card's page link (seen twice in full CI runs, never alone). A second click must
        # work; the failure of both still fails the test.
        wait_idle(page)
        link.click()
        expect(page).to_have_url(target)
    expect(page.locator(EVENT_CARD).get_by_role("heading").first).to_have_text(pick(event, "title", lang))

    page.go_back()
    expect(page).to_have_url(article_url)
    expect(page.locator(PROVISION_CARD).get_by_role("heading", name=label)).to_be_visible()
    expect(header.locator("xpath=..")).to_have_attribute("open", "")
    page.reload()
    wait_idle(page)
    expect(page.locator(PROVISION_CARD).get_by_role("heading", name=label)).to_be_visible()

    header.click()  # closing it clears the address; Back opens it again
    expect(page).to_have_url(f"{server.url}/charter?lang={lang}&doc={article.document}")
    expect(page.locator(PROVISION_CARD)).to_have_count(0)
    page.go_back()
    expect(page).to_have_url(article_url)
    expect(page.locator(PROVISION_CARD).get_by_role("heading", name=label)).to_be_visible()


@pytest.mark.browser
def test_sidebar_carries_the_state_in_one_entry_and_back_returns(server: Server, tab: Tab) -> None:
    page = tab.page
    url = f"{server.url}/timeline?lang=en&event={SOLHAN}&q=Solhan"
    open_app(page, url)
    expect_solhan_view(page, "en")
    start = entries(page)
    page.locator('[data-testid="stSidebarNavLink"]', has_text=t("nav.map", "en")).click()
    expect(page).to_have_url(re.compile(r"/map\?lang=en&event=.*q=Solhan"))
    wait_idle(page)
    assert entries(page) == start + 1, "a sidebar link is one history entry"
    page.go_back()
    expect(page).to_have_url(url)
    expect_solhan_view(page, "en")


@pytest.mark.browser
def test_back_across_a_language_switch_brings_the_language_back(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/sources?lang=en")
    expect(page.get_by_role("heading", name=t("sources.title", "en"))).to_be_visible()
    page.get_by_text("Français").click()
    expect(page.get_by_role("heading", name=t("sources.title", "fr"))).to_be_visible()
    page.go_back()
    expect(page).to_have_url(f"{server.url}/sources?lang=en")
    expect(page.get_by_role("heading", name=t("sources.title", "en"))).to_be_visible()


@pytest.mark.browser
def test_back_on_the_map_returns_to_the_region_selected_before(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/map?lang=en&region=NE-6")
    panel = page.locator(".st-key-region_panel")
    expect(panel.get_by_role("heading", name="Tillabéri")).to_be_visible()
    picker = page.get_by_role("combobox", name=t("map.picker", "en"))
    picker.click()
    picker.press_sequentially("Gao")
    page.get_by_role("option", name="Gao (Mali)").click()
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=ML-7")
    expect(panel.get_by_role("heading", name="Gao")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=NE-6")
    expect(panel.get_by_role("heading", name="Tillabéri")).to_be_visible()
    expect(picker).to_have_value("Tillabéri (Niger)")
