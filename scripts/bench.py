"""Print the dashboard's performance figures, measured in a real browser, beside a bare reference.

Usage: `make bench` (or `python scripts/bench.py [--clicks N] [--reload-only | --proxy-only]`). The reference is
`scripts/reference_app.py`: the same admin-1 map through st_folium and the clicked region's name, nothing else. Each
figure that has a budget (DESIGN.md, issue 7) is marked OK or OVER; the script measures and exits 0 — the tests
assert behaviour."""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

# The browser helpers are test support (tests/support/), shared with the browser tests: import them from the
# repository root, whatever the working directory.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from liptako import data  # noqa: E402
from liptako.i18n import tn  # noqa: E402
from tests.support import facts  # noqa: E402
from tests.support.browser import (  # noqa: E402
    CHROMIUM_ARGS,
    COUNT_RUNS,
    MAP_FRAME,
    ROOT,
    Server,
    chromium_path,
    clear_point,
    click_map_at,
    first_clear,
    free_port,
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
assert not data.check_all(data.default_data_dir())
print(imported - started, time.perf_counter() - imported)
"""
# When a map's regions are drawn, as the page itself sees it: the top window checks the map's iframe at every
# animation frame and notes, on the epoch clock, the first frame in which every region's path is in it. Waiting
# from the harness alone added Playwright's own retry back-off (up to half a second) about half the time, whenever
# Streamlit replaced the component's iframe while it loaded — to both apps, so ratios swung from 1.2 to 2.4.
DRAWN_CLOCK = """([frame, need]) => {
  if (window !== window.top) return;
  const check = () => {
    const doc = document.querySelector(frame)?.contentDocument;
    if (doc && doc.querySelectorAll('path.region').length >= need) {
      window.__regionsDrawnAt = performance.timeOrigin + performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}"""


def regions_drawn(page: Page) -> None:
    page.frame_locator(MAP_FRAME).locator("path.region").nth(len(facts.regions()) - 1).wait_for()
    page.wait_for_function("() => window.__regionsDrawnAt")


PAGES: dict[str, Callable[[Page], None]] = {  # path → what "content drawn" means there
    "/": lambda page: page.get_by_role("link", name="Open the map").wait_for(),
    "/map": regions_drawn,
    "/timeline": lambda page: page.locator(".js-plotly-plot .scatterlayer path.point").first.wait_for(),
    "/charter": lambda page: page.locator(".st-key-provision_list [data-testid='stExpander']").first.wait_for(),
    "/sources": lambda page: page.locator(".st-key-downloads button").first.wait_for(),
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def row(name: str, value: str, budget: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("OK" if ok else "OVER")
    print(f"{name:<52} {value:>16}  {budget:<22} {verdict}")


class Traffic:
    """Bytes a page received: HTTP response bodies and websocket frames."""

    def __init__(self, page: Page) -> None:
        self.frames: list[int] = []
        self.requests: list = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: self.frames.append(len(payload))))
        page.on("requestfinished", lambda request: self.requests.append(request))  # sizes read afterwards

    def totals(self) -> tuple[int, int]:
        return sum(r.sizes()["responseBodySize"] for r in list(self.requests)), sum(self.frames)


def launch(playwright: Playwright) -> Browser:
    """The Chromium the browser tests drive (`chromium_path`), with their options."""
    path = chromium_path(playwright.chromium.executable_path)
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def until_drawn(page: Page, go: Callable[[], object], drawn: Callable[[Page], None]) -> float:
    """Seconds from `go` (a navigation) to the content drawn: the page's own clock for a map, else the harness's."""
    started = time.time()
    go()
    drawn(page)
    finished = time.time()
    at = page.evaluate("() => window.__regionsDrawnAt || 0") / 1000
    return (at or finished) - started


def open_page(browser: Browser, url: str, drawn: Callable[[Page], None]) -> tuple[Page, float, Traffic]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.add_init_script(script=f"({DRAWN_CLOCK})({json.dumps([MAP_FRAME, len(facts.regions())])})")
    page = context.new_page()
    traffic = Traffic(page)
    elapsed = until_drawn(page, lambda: page.goto(url), drawn)
    wait_idle(page)
    return page, elapsed, traffic


def reload_timings(pages: list[Page], drawn: Callable[[Page], None], times: int = 9) -> list[list[float]]:
    """Reload → content drawn again (the browser's caches warm, as for a reader who comes back), for each page in
    turn, `times` rounds: ours and the reference alternate, so a busier moment of the machine weighs on both alike
    (measured one after the other, a run of the reference could fall in a quiet minute and ours in a busy one)."""
    timings: list[list[float]] = [[] for _ in pages]
    for _ in range(times):
        for page, found in zip(pages, timings, strict=True):
            found.append(until_drawn(page, page.reload, drawn))
            wait_idle(page)
    return timings


def reload_rows(ours: list[float], reference: list[float]) -> None:
    mine, ref = statistics.median(ours), statistics.median(reference)
    name = f"map: page reload → drawn, median of {len(ours)}"
    row(name, f"{mine * 1000:.0f} ms", "≤ 1.5 × reference", mine <= 1.5 * ref)
    row("  reference: page reload → drawn (alternating)", f"{ref * 1000:.0f} ms")
    row("  ratio (ours / reference)", f"{mine / ref:.2f}")
    row("  ours, fastest / slowest", f"{min(ours) * 1000:.0f} / {max(ours) * 1000:.0f} ms")
    row("  reference, fastest / slowest", f"{min(reference) * 1000:.0f} / {max(reference) * 1000:.0f} ms")


def click_timings(page: Page, regions, clicks: int) -> list[float]:  # noqa: ANN001
    """Click → the panel names the region, over alternating regions; the first click (cold caches) is dropped."""
    targets = [(rid, clear_point(page, regions.loc[rid].geometry, rid)) for rid in TARGETS]
    timings = []
    for n in range(clicks + 1):
        region, (lat, lon) = targets[n % len(targets)]
        started = time.perf_counter()
        click_map_at(page, lat, lon)
        page.locator(PANEL).get_by_role("heading", name=str(regions.loc[region, "name_en"]), exact=True).wait_for()
        timings.append(time.perf_counter() - started)
    return timings[1:]


def reruns_on_pan_and_zoom(page: Page, regions, last: str) -> int:  # noqa: ANN001
    page.evaluate(COUNT_RUNS)
    pan_and_zoom(page)
    region, lat, lon = first_clear(page, regions, regions.index, exclude=last)
    click_map_at(page, lat, lon)
    page.locator(PANEL).get_by_role("heading", name=str(regions.loc[region, "name_en"]), exact=True).wait_for()
    return page.evaluate("window.__runs") - 1  # the click's own run


def reference_server() -> Server:
    """The reference app beside the project's own static files and data, in a scratch folder."""
    folder = ROOT / "build" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "reference_app.py", folder / "reference_app.py")
    for name in ("static", "data"):
        (folder / name).symlink_to(ROOT / name)
    return Server(script=folder / "reference_app.py").start()


def rss_mib(server: Server) -> float:
    return psutil.Process(server.process.pid).memory_info().rss / 2**20


class CountingRelay:
    """A TCP relay on a free loopback port that counts the bytes coming back to the browser: what crosses the wire
    for a visit, HTTP and websocket alike, compressed or not."""

    def __init__(self, target: int) -> None:
        self.target, self.received, self.lock = target, 0, threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(("127.0.0.1", self.target))
                threading.Thread(target=self.pump, args=(client, upstream, False), daemon=True).start()
                threading.Thread(target=self.pump, args=(upstream, client, True), daemon=True).start()

    def pump(self, source: socket.socket, sink: socket.socket, count: bool) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
                if count:
                    with self.lock:
                        self.received += len(data)
        for end in (source, sink):
            end.close()

    def close(self) -> int:
        self.listener.close()
        return self.received


@contextlib.contextmanager
def deploy_local(timeout: float = 120) -> Iterator[int]:
    """`make deploy-local` (deploy/local.py: two replicas behind Caddy) on a free port, stopped afterwards."""
    port = free_port()
    launcher = subprocess.Popen(
        [sys.executable, str(ROOT / "deploy" / "local.py"), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(OSError), urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                if r.read() == b"ok":
                    break
            if launcher.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("deploy/local.py did not start (is caddy installed? `make caddy`)")
            time.sleep(0.1)  # polling interval of the readiness check
        yield port
    finally:
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(30)


def first_visit_bytes(browser: Browser, direct: Server) -> tuple[int, int]:
    """Bytes a first visit to /map receives through Caddy (deploy-local) and straight from a server."""
    with deploy_local() as proxy_port:
        sizes = []
        for port in (proxy_port, direct.port):
            relay = CountingRelay(port)
            page, _, _ = open_page(browser, f"http://127.0.0.1:{relay.port}/map?lang=en", PAGES["/map"])
            page.context.close()
            sizes.append(relay.close())
    return sizes[0], sizes[1]


def proxy_row(proxied: int, direct: int) -> None:
    row(
        "map, first visit: bytes via Caddy / direct",
        f"{proxied / 1024:.0f} / {direct / 1024:.0f} KiB",
        f"≤ 40 %: {proxied / direct:.0%}",
        proxied <= 0.4 * direct,
    )


CONFLICT_IMPORT = """
import resource, sys, time
started = time.perf_counter()
from liptako import cli
code = cli.main(["import", sys.argv[1]])
print(code, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def conflict_bench(ucdp_rows: int = 400_000, acled_rows: int = 50_000) -> None:
    """Issue 15's budgets: a generated full-size UCDP GED file (and an ACLED export) imported in ≤ 10 s with peak
    memory ≤ 1 GiB, each import a fresh process (as `liptako import`), the counts checked against the generator's;
    then the views' query (events per region over a date filter, from the region × month aggregate) in ≤ 100 ms."""
    import datetime as dt
    import os
    import tempfile

    from liptako import conflict

    with tempfile.TemporaryDirectory(prefix="liptako-bench-") as temp:
        folder, store = Path(temp), Path(temp) / "store"
        gen = [sys.executable, str(ROOT / "scripts" / "gen_conflict.py"), str(folder)]
        subprocess.run([*gen, "--ucdp-rows", str(ucdp_rows), "--acled-rows", str(acled_rows)], check=True)
        env = {**os.environ, "LIPTAKO_STORE": str(store)}
        for name in ("ucdp_ged.csv", "acled.csv"):
            run = subprocess.run(
                [sys.executable, "-c", CONFLICT_IMPORT, str(folder / name)], env=env, text=True, capture_output=True
            )
            code, seconds, peak_kib = run.stdout.splitlines()[-1].split()
            mib = int(peak_kib) / 1024
            size = (folder / name).stat().st_size / 2**20
            row(f"conflict import: {name} ({size:.0f} MiB)", f"{float(seconds):.2f} s", "≤ 10 s", float(seconds) <= 10)
            row("  peak memory of the import", f"{mib:.0f} MiB", "≤ 1 GiB", mib <= 1024)
        summary = "".join(run.stdout.splitlines(keepends=True)[:-1])
        matches = summary == (folder / "expected.csv").read_text()
        row("  summary = the generator's counts", "yes" if matches else "NO", "exact", matches)
        builds = []
        for _ in range(5):  # the first includes the process's one-time start of Arrow's readers
            started = time.perf_counter()
            months = conflict.monthly(store)
            builds.append(time.perf_counter() - started)
        row("conflict: region × month aggregate, first call", f"{builds[0] * 1000:.0f} ms")
        aggregate = statistics.median(builds)
        row("conflict: region × month aggregate, median", f"{aggregate * 1000:.0f} ms", "≤ 100 ms", aggregate <= 0.1)
        regions = data.load_regions(data.default_data_dir() / "regions.geojson")
        times = []
        for year in range(2013, 2024):
            started = time.perf_counter()
            conflict.per_region(months, regions.index, dt.date(year, 3, 1), dt.date(year + 2, 6, 30))
            times.append(time.perf_counter() - started)
        query = statistics.median(times)
        row("conflict: per region over a date filter, median", f"{query * 1000:.1f} ms", "≤ 100 ms", query <= 0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=10, help="clicks measured for click → panel")
    parser.add_argument("--proxy-only", action="store_true", help="only the bytes of a visit via Caddy / direct")
    parser.add_argument("--reload-only", action="store_true", help="only the map page's reload, beside the reference")
    args = parser.parse_args()
    if args.reload_only:
        ours, reference = Server().start(), reference_server()
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                # With a region selected (its card drawn too), as in the full run, which reloads after its clicks.
                urls = (f"{ours.url}/map?lang=en&region={TARGETS[args.clicks % len(TARGETS)]}", reference.url)
                pages = [open_page(browser, url, PAGES["/map"])[0] for url in urls]
                reload_rows(*reload_timings(pages, PAGES["/map"]))
                browser.close()
        finally:
            ours.stop()
            reference.stop()
        return
    if args.proxy_only:
        ours = Server().start()
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                proxy_row(*first_visit_bytes(browser, ours))
                browser.close()
        finally:
            ours.stop()
        return
    imports, load = map(float, subprocess.check_output([sys.executable, "-c", LOAD_ALL], cwd=ROOT, text=True).split())
    regions = data.load_regions(data.default_data_dir() / "regions.geojson")
    geojson_bytes = (data.default_data_dir() / "regions.geojson").stat().st_size

    ours, reference = Server().start(), reference_server()
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            ref_page, ref_drawn, ref_traffic = open_page(browser, reference.url, PAGES["/map"])
            ref_bytes = ref_traffic.totals()
            ref_clicks = click_timings(ref_page, regions, args.clicks)

            pages = {}
            for path, drawn in PAGES.items():
                page, elapsed, traffic = open_page(browser, f"{ours.url}{path}?lang=en", drawn)
                pages[path] = (page, elapsed, traffic.totals())
                if len(pages) == 1:
                    memory_one = rss_mib(ours)

            map_page = pages["/map"][0]
            clicks = click_timings(map_page, regions, args.clicks)
            reruns = reruns_on_pan_and_zoom(map_page, regions, TARGETS[args.clicks % len(TARGETS)])
            map_reloads, ref_reloads = reload_timings([map_page, ref_page], PAGES["/map"])

            timeline = pages["/timeline"][0]
            search = timeline.get_by_role("textbox", name="Search titles and summaries (French or English)")
            started = time.perf_counter()
            search.fill("Solhan")
            search.press("Enter")
            matching, total = facts.events_matching("Solhan"), len(facts.events())
            timeline.get_by_text(tn("timeline.count", matching, "en", total=total)).wait_for()
            timeline.locator(".js-plotly-plot .scatterlayer path.point").first.wait_for()
            filter_redraw = time.perf_counter() - started

            charter = pages["/charter"][0]
            search = charter.get_by_role("textbox", name="Search the provisions (French or English)")
            started = time.perf_counter()
            search.fill("rebellion")
            search.press("Enter")
            shown, total = len(facts.default_document_provisions("rebellion")), len(facts.default_document_provisions())
            charter.get_by_text(tn("charter.count", shown, "en", total=total)).wait_for()
            search_results = time.perf_counter() - started

            for _ in range(10 - len(PAGES)):  # ten sessions in all
                open_page(browser, f"{ours.url}/map?lang=en", PAGES["/map"])
            memory_ten = rss_mib(ours)
            proxied, direct = first_visit_bytes(browser, ours)
            browser.close()
    finally:
        ours.stop()
        reference.stop()

    median, ref_median = statistics.median(clicks), statistics.median(ref_clicks)
    print(f"Liptako benchmark — {time.strftime('%Y-%m-%d %H:%M')}, {args.clicks} clicks per map\n")
    row("figure", "value", "budget")
    row("server ready (spawn → /_stcore/health)", f"{ours.ready_seconds:.2f} s")
    row("  reference server ready", f"{reference.ready_seconds:.2f} s")
    row("cold data load + validation, all files", f"{load:.3f} s", "≤ 0.5 s", load <= 0.5)
    row("  (imports of the data layer before it)", f"{imports:.2f} s")
    row("admin-1 GeoJSON", f"{geojson_bytes / 1024:.1f} KiB", "≤ 150 KB", geojson_bytes <= 150_000)
    for path, (_, elapsed, (http, ws)) in pages.items():
        row(f"page {path}: navigation → content drawn", f"{elapsed:.2f} s")
        row(
            f"page {path}: HTTP / websocket",
            f"{http / 1024:.0f} / {ws / 1024:.0f} KiB",
            "map websocket ≤ 1 MB" if path == "/map" else "",
            ws <= 1_000_000 if path == "/map" else None,
        )
    row("  reference: navigation → regions drawn", f"{ref_drawn:.2f} s")
    row("  reference: HTTP / websocket", f"{ref_bytes[0] / 1024:.0f} / {ref_bytes[1] / 1024:.0f} KiB")
    map_elapsed, (map_http, map_ws) = pages["/map"][1], pages["/map"][2]
    row("  map ÷ reference: navigation → drawn", f"{map_elapsed / ref_drawn:.2f}")
    row("  map ÷ reference: HTTP / websocket", f"{map_http / ref_bytes[0]:.2f} / {map_ws / ref_bytes[1]:.2f}")
    row("  map ÷ reference: server ready", f"{ours.ready_seconds / reference.ready_seconds:.2f}")
    row("map: click → panel, median", f"{median * 1000:.0f} ms", "≤ 1.3 × reference", median <= 1.3 * ref_median)
    row("map: click → panel, p90", f"{percentile(clicks, 0.9) * 1000:.0f} ms")
    row(
        "  reference: click → name, median / p90",
        f"{ref_median * 1000:.0f} / {percentile(ref_clicks, 0.9) * 1000:.0f} ms",
    )
    row("  ratio of medians (ours / reference)", f"{median / ref_median:.2f}")
    reload_rows(map_reloads, ref_reloads)
    row("map: reruns caused by a pan and two zooms", f"{reruns}", "0", reruns == 0)
    row("timeline: filter → redraw", f"{filter_redraw * 1000:.0f} ms")
    row("charter: search → results", f"{search_results * 1000:.0f} ms")
    row("server memory after 1 session", f"{memory_one:.0f} MiB")
    row("server memory after 10 sessions (5 pages, then maps)", f"{memory_ten:.0f} MiB")
    row("  per additional session", f"{(memory_ten - memory_one) / 9:.1f} MiB")
    conflict_bench()
    proxy_row(proxied, direct)


if __name__ == "__main__":
    main()
