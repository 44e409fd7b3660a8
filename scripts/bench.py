"""Print the dashboard's performance figures, measured in a real browser. Usage: `make bench`.

Figures: server ready time; cold data load + validation; admin-1 GeoJSON bytes; map page payload (HTTP and
websocket); navigation → regions drawn; click → panel (median and p90 over N clicks); reruns caused by pan and zoom.
Budgets (DESIGN.md) are printed beside each figure as OK / OVER; the script exits 0 either way: it measures, the
tests assert behaviour.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

from liptako import data
from liptako.browser import (
    CHROMIUM_ARGS,
    COUNT_RUNS,
    MAP_FRAME,
    ROOT,
    Server,
    chromium_path,
    clear_point,
    click_map_at,
    first_clear,
    pan_and_zoom,
    wait_idle,
)

PANEL = ".st-key-region_panel"
TARGETS = ("NE-6", "ML-7", "BF-12", "ML-5", "NE-5", "BF-08")  # alternated: a repeated click changes nothing
LOAD_ALL = """
import time
started = time.perf_counter()
from liptako import data
imported = time.perf_counter()
folder = data.default_data_dir()
regions = data.load_regions(folder / "regions.geojson")
ids = set(regions.index)
data.load_provinces(folder / "provinces_bfa.geojson", ids)
data.load_places(folder / "places.csv", ids)
data.load_zones(folder / "lg_zone.yaml", ids)
data.load_admin_changes(folder / "admin_changes.yaml", ids)
documents = data.load_documents(folder / "documents.yaml")
provisions = data.load_provisions(folder / "provisions.yaml", {d.id for d in documents})
data.load_events(folder / "events.csv", ids, {p.id for p in provisions})
data.load_rule_periods(folder / "rule_periods.csv")
data.load_sources(folder / "SOURCES.yaml")
print(imported - started, time.perf_counter() - imported)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def row(name: str, value: str, budget: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("OK" if ok else "OVER")
    print(f"{name:<44} {value:>14}  {budget:<18} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=10, help="clicks measured for click → panel")
    args = parser.parse_args()

    imports, load = map(float, subprocess.check_output([sys.executable, "-c", LOAD_ALL], cwd=ROOT, text=True).split())
    regions = data.load_regions(data.default_data_dir() / "regions.geojson")
    geojson_bytes = (data.default_data_dir() / "regions.geojson").stat().st_size

    server = Server().start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(playwright.chromium.executable_path), args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            frames: list[int] = []
            finished = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
            page.on("requestfinished", lambda request: finished.append(request))  # sizes read afterwards

            started = time.perf_counter()
            page.goto(f"{server.url}/map?lang=en")
            page.frame_locator(MAP_FRAME).locator("path.region").nth(len(regions) - 1).wait_for()
            drawn = time.perf_counter() - started
            wait_idle(page)
            payload = {"ws": sum(frames), "http": sum(r.sizes()["responseBodySize"] for r in list(finished))}
            started = time.perf_counter()
            page.goto(f"{server.url}/map?lang=en")
            page.frame_locator(MAP_FRAME).locator("path.region").nth(len(regions) - 1).wait_for()
            drawn_again = time.perf_counter() - started
            wait_idle(page)

            targets = [(rid, clear_point(page, regions.loc[rid].geometry, rid)) for rid in TARGETS]
            timings = []
            for n in range(args.clicks + 1):
                region, (lat, lon) = targets[n % len(targets)]
                name = str(regions.loc[region, "name_en"])
                clicked = time.perf_counter()
                click_map_at(page, lat, lon)
                page.locator(PANEL).get_by_role("heading", name=name, exact=True).wait_for()
                timings.append(time.perf_counter() - clicked)
            page.evaluate(COUNT_RUNS)  # then pan and zoom, and one last click to wait on
            pan_and_zoom(page)
            last = targets[args.clicks % len(targets)][0]
            region, lat, lon = first_clear(page, regions, regions.index, exclude=last)
            click_map_at(page, lat, lon)
            page.locator(PANEL).get_by_role("heading", name=str(regions.loc[region, "name_en"]), exact=True).wait_for()
            reruns = page.evaluate("window.__runs") - 1
            browser.close()
    finally:
        server.stop()

    timings = timings[1:]  # the first click also pays for warming the page's caches
    print(f"Liptako benchmark — {time.strftime('%Y-%m-%d %H:%M')}, {args.clicks} clicks\n")
    row("figure", "value", "budget")
    row("server ready (spawn → /_stcore/health)", f"{server.ready_seconds:.2f} s")
    row("imports of the data layer (cold process)", f"{imports:.2f} s")
    row("cold data load + validation, all files", f"{load:.3f} s", "≤ 0.5 s", load <= 0.5)
    row("admin-1 GeoJSON", f"{geojson_bytes / 1024:.1f} KiB", "≤ 150 KB", geojson_bytes <= 150_000)
    row("map page payload, HTTP (incl. Streamlit)", f"{payload['http'] / 1024:.0f} KiB")
    row(
        "map page payload, websocket (the map)", f"{payload['ws'] / 1024:.0f} KiB", "≤ 1 MB", payload["ws"] <= 1_000_000
    )
    row("navigation → all regions drawn, first visit", f"{drawn:.2f} s")
    row("navigation → all regions drawn, second visit", f"{drawn_again:.2f} s")
    row("click → panel, median", f"{statistics.median(timings) * 1000:.0f} ms")
    row("click → panel, p90", f"{percentile(timings, 0.9) * 1000:.0f} ms")
    row("reruns caused by a pan and 2 zooms", f"{reruns}", "0", reruns == 0)


if __name__ == "__main__":
    main()
