"""Accessibility in a real browser: axe-core finds no serious or critical violation on any page, in either language
(the map's iframe included), and the region picker is the keyboard's way to a region.

axe-core is the copy bundled in the `axe-playwright-python` wheel (injected with `page.evaluate`): nothing is
fetched at run time, and the `tab` fixture would block it anyway.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, Page, expect

from tests.support import facts

from .conftest import MAP_FRAME, Server, Tab, open_app

BLOCKING = {"serious", "critical"}
PANEL = ".st-key-region_panel"
EVENT = "aes-2023-09-16-charter"
REGION = "NE-6"


def _regions_drawn(page: Page) -> None:
    expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(len(facts.regions()))


PAGES = {  # the link, and what "fully rendered" means there (as in test_pages.py, plus the selection shown)
    "home": ("/", lambda page: expect(page.locator('[data-testid="stPageLink"]')).to_have_count(4)),
    "map": (
        f"/map?region={REGION}",
        lambda page: (_regions_drawn(page), expect(page.locator(PANEL).get_by_role("heading").first).to_be_visible()),
    ),
    "timeline": (
        f"/timeline?event={EVENT}",
        lambda page: (
            expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_visible(),
            expect(page.locator(".st-key-event_card").get_by_role("heading").first).to_be_visible(),
        ),
    ),
    "charter": (
        "/charter?doc=lg_charter_2023&article=6",
        lambda page: expect(page.locator(".st-key-provision_list [data-testid='stExpander']")).to_have_count(
            len(facts.default_document_provisions())
        ),
    ),
    "sources": ("/sources", lambda page: expect(page.locator(".st-key-downloads button")).to_have_count(3)),
}

# Where an exclusion would go: only an element Streamlit's own frontend draws and the app cannot change, by its
# narrowest selector, with a comment naming it and why. None is needed today (axe-core 4.12.1, Streamlit 1.67).
EXCLUDE: list[list[str]] = []

AXE = Axe()


def violations(target: Page | Frame, exclude: list[list[str]] | None = None) -> list[dict]:
    """axe-core's serious and critical violations in a page or a frame (its own document only: frames apart)."""
    context = {"include": [["html"]], "exclude": exclude} if exclude else None
    results = AXE.run(target, context=context, options={"resultTypes": ["violations"], "iframes": False})
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def report(where: str, found: list[dict]) -> str:
    lines = [f"{where}: {len(found)} serious or critical axe-core violation(s)"]
    for v in found:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} node(s)] {v['helpUrl']}")
        for node in v["nodes"][:4]:
            target = " >> ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_axe_violation(server: Server, tab: Tab, name: str, lang: str) -> None:
    page = tab.page
    path, rendered = PAGES[name]
    sep = "&" if "?" in path else "?"
    open_app(page, f"{server.url}{path}{sep}lang={lang}")
    rendered(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)  # the screen reader's voice follows it
    found = {f"{name} ({lang})": violations(page, EXCLUDE)}
    if name == "map":
        frame = page.locator(MAP_FRAME).element_handle().content_frame()
        found[f"{name} ({lang}) map iframe"] = violations(frame)
    problems = {where: v for where, v in found.items() if v}
    if problems:
        text = "\n".join(report(where, v) for where, v in problems.items())
        print(text)
        pytest.fail(text, pytrace=False)
    assert tab.outside == []


FOCUSED = """() => {
  const e = document.activeElement;
  if (!e) return '';
  const name = e.getAttribute('aria-label') || e.getAttribute('title') || (e.textContent || '').trim().slice(0, 30);
  const role = e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : '';
  const cls = (e.getAttribute('class') || '').split(' ')[0];
  return `${e.tagName.toLowerCase()}${cls ? '.' + cls : ''}${role} "${name}"`;
}"""
IN_MAP = f"() => document.activeElement === document.querySelector('{MAP_FRAME}')"


@pytest.mark.browser
def test_region_picker_is_the_keyboard_path_to_a_region(server: Server, tab: Tab) -> None:
    page = tab.page
    open_app(page, f"{server.url}/map?lang=en")
    _regions_drawn(page)
    picker = page.get_by_role("combobox", name="Region")
    # From the top of the document, Tab alone reaches the picker.
    presses = 0
    while not picker.evaluate("e => e === document.activeElement"):
        if presses == 40:
            pytest.fail("40 Tab presses did not reach the region picker")
        page.keyboard.press("Tab")
        presses += 1
    print(f"\nTab presses from the top of the page to the region picker: {presses}")
    # Picking a region with the keyboard alone: type its name, Enter; the picker then reads the region's name.
    page.keyboard.type("Tillab")
    page.keyboard.press("Enter")
    expect(page.locator(PANEL).get_by_role("heading", name="Tillabéri")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/map?lang=en&region=NE-6")
    expect(picker).to_have_value("Tillabéri (Niger)")
    # From the picker, through the map, to the first control after it: the map is one named stop plus its few
    # named controls (zoom, whole region, layers, attribution, legend) — no shape or dot is a tab stop.
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    picker.focus()
    before: list[str] = []  # stops between the picker and the map
    inside: list[str] = []  # stops in the map's frame
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate(IN_MAP):
            inside.append(frame.evaluate(FOCUSED))
        elif inside:
            after = page.evaluate(FOCUSED)
            break
        else:
            before.append(page.evaluate(FOCUSED))
    else:
        pytest.fail("400 Tab presses did not get past the map")
    total = len(before) + len(inside) + 1
    print(f"Tab presses from the region picker past the map to the next control: {total}")
    print(f"  {len(before)} before the map: {before}")
    print(f"  {len(inside)} in the map's frame: " + ", ".join(f"{n} × {k}" for k, n in _runs(inside)))
    print(f"  then: {after}")
    assert not [stop for stop in inside if stop.startswith("path")], "shapes or dots are tab stops"
    assert all(not stop.endswith('""') for stop in inside), f"unnamed tab stops in the map: {inside}"


def _runs(stops: list[str]) -> list[tuple[str, int]]:
    """Consecutive stops of the same kind (tag.class) grouped, in order, for a readable summary."""
    runs: list[tuple[str, int]] = []
    for stop in stops:
        kind = stop.split(' "')[0]
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + 1)
        else:
            runs.append((kind, 1))
    return runs
