"""The timeline and the charter in a real browser: searching, filtering and opening cards."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from liptako import timeline
from liptako.i18n import t, tn
from liptako.state import Filters
from tests.support import facts

from .conftest import ARTIFACTS, Server, Tab, open_app, wait_idle

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


# ---------------------------------------------------------------- reading the timeline (issue 13)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_presets_change_the_link_and_the_count(server: Server, tab: Tab, lang: str) -> None:
    page = tab.page
    open_app(page, f"{server.url}/timeline?lang={lang}")
    events = facts.events()
    first, last = timeline.date_bounds(events)
    total = tn("timeline.count", len(events), lang, total=len(events))
    expect(page.get_by_text(total)).to_be_visible()
    presets = page.locator(".st-key-tl_preset")
    for preset in ("since_2020", "last_12_months", "all"):
        date_from, date_to = timeline.preset_dates(preset, first, last)
        presets.get_by_role("radio", name=t(f"timeline.preset.{preset}", lang), exact=True).click()
        if date_from is None:
            expect(page).to_have_url(re.compile(r"^[^?]*\?lang=\w\w$"))
        else:
            expect(page).to_have_url(re.compile(rf"[?&]from={date_from.isoformat()}(&|$)"))
        kept = timeline.filter_events(events, Filters(date_from=date_from, date_to=date_to))
        expect(page.get_by_text(tn("timeline.count", len(kept), lang, total=len(events)))).to_be_visible()
        expect(page.locator(".st-key-tl_from input")).to_have_value((date_from or first).isoformat())


@pytest.mark.browser
def test_dates_can_be_typed_and_the_years_stepped_by_keyboard(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/timeline?lang=en")
    year = page.locator(".st-key-tl_from").get_by_role("spinbutton").first  # year, then month and day
    year.click()
    page.keyboard.type("20230916")
    page.get_by_role("heading", name=t("timeline.title", "en")).click()  # leaving the field commits the date
    expect(page).to_have_url(re.compile(r"[?&]from=2023-09-16(&|$)"))
    expect(
        page.get_by_text(
            tn(
                "timeline.count",
                len(timeline.filter_events(facts.events(), Filters(date_from=dt.date(2023, 9, 16)))),
                "en",
                total=len(facts.events()),
            )
        )
    ).to_be_visible()
    thumb = page.locator(".st-key-tl_years").get_by_role("slider").first
    thumb.focus()
    thumb.press("ArrowLeft")  # one key, one year
    expect(page).to_have_url(re.compile(r"[?&]from=2022-01-01(&|$)"))
    wait_idle(page)
    thumb.press("ArrowLeft")
    drawn = thumb.locator("xpath=../..")  # the thumb a reader sees (the range input itself is visually hidden)
    expect(drawn).to_have_css("outline-style", "solid")  # where the keyboard is, shown


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_on_a_phone_the_chart_has_no_toolbar_a_whole_legend_and_one_tap_opens_a_card(
    server: Server,
    browser,
    lang: str,  # noqa: ANN001
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_app(page, f"{server.url}/timeline?lang={lang}&from=2020-01-01")
        chart = page.locator(CHART)
        expect(chart.locator(".scatterlayer path.point").first).to_be_visible()
        plot = chart.locator(".nsewdrag").first.bounding_box()
        for bar in chart.locator(".modebar").all():  # no toolbar; were one drawn, it must stay off the data
            if bar.is_visible():
                box = bar.bounding_box()
                assert box["y"] + box["height"] <= plot["y"] or box["x"] >= plot["x"] + plot["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no horizontal scrolling"
        keys = page.locator(".tl-legend .tl-key")
        assert keys.count() >= 3
        for key in keys.all():
            key.scroll_into_view_if_needed()
            box = key.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, key.inner_text()
            assert key.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), key.inner_text()
        point = chart.locator(".scatterlayer path.point").first
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        expect(page.locator(".st-key-event_card").get_by_role("heading").first).to_be_visible()
        expect(page).to_have_url(re.compile(r"[?&]event="))
    finally:
        context.close()


OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"] g.annotation')]
    .filter(g => getComputedStyle(g).display !== 'none')
    .map(g => g.getBoundingClientRect());
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  let found = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => { if (hit(a, b)) found += 1; }));
  return [boxes.length, found];
}"""


def shoot_timeline(page: Page, name: str) -> None:
    """The filters, the chart and its key, as the README shows them (`make screenshots` copies them to docs/)."""
    top = page.locator(".st-key-timeline_filters").bounding_box()
    bottom = page.locator(".tl-legend").bounding_box()
    main = page.locator('[data-testid="stMain"]').bounding_box()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(
        path=ARTIFACTS / name,
        clip={
            "x": main["x"],
            "y": top["y"] - 8,
            "width": main["width"],
            "height": bottom["y"] + bottom["height"] - top["y"] + 16,
        },
    )


@pytest.mark.browser
@pytest.mark.parametrize(("width", "lang"), [(1440, "en"), (390, "fr")])
def test_key_events_are_labelled_without_overlap_at_desktop_and_phone_width(
    server: Server,
    browser,
    width: int,
    lang: str,  # noqa: ANN001
) -> None:
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 2600 if phone else 1300}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    try:
        open_app(page, f"{server.url}/timeline?lang={lang}")
        page.locator(".st-key-tl_preset").get_by_role("radio", name=t("timeline.preset.since_2020", lang)).click()
        expect(page).to_have_url(re.compile(r"[?&]from=2020-01-01(&|$)"))
        chart = page.locator(CHART)
        expect(chart.locator(".scatterlayer path.point").first).to_be_visible()
        wait_idle(page)
        shown, overlapping = page.evaluate(OVERLAPS)
        assert shown >= (3 if phone else 8), "key events carry labels"
        assert overlapping == 0, "no label covers another"
        shoot_timeline(page, f"timeline-{width}.png")
    finally:
        context.close()
