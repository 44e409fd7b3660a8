"""Run the dashboard on a loopback port and open it in headless Chromium: shared by the browser tests and by
`scripts/bench.py`, so both measure the same thing. Needs the `test` extra (Playwright). Test support, not part of
the `liptako` package: import it as `tests.support.browser` with the repository root on `sys.path`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parents[2]  # tests/support/browser.py → the repository root
ARTIFACTS = ROOT / "artifacts"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
MAP_FRAME = 'iframe[src*="streamlit_folium.st_folium"]'  # its title is the map's own, translated
# Counts script runs from now on: a run starts whenever the app's state leaves "notRunning".
COUNT_RUNS = """() => {
  window.__runs = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
MAP_SETTLED = "() => !window.map._animatingZoom && !(window.map._panAnim && window.map._panAnim._inProgress)"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path(bundled: str = "") -> str | None:
    """Debian's Chromium (what CI installs), one named by LIPTAKO_CHROMIUM, or Playwright's own build."""
    for candidate in (os.environ.get("LIPTAKO_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), bundled):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """One `python -m liptako.serve` process (or `streamlit run <script>`), started from the project root so
    `.streamlit/config.toml` applies."""

    data_dir: Path | None = None
    script: Path | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    ready_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if self.data_dir is not None:
            env["LIPTAKO_DATA_DIR"] = str(self.data_dir)
        ARTIFACTS.mkdir(exist_ok=True)
        log = (ARTIFACTS / f"server-{self.port}.log").open("w")
        started = time.perf_counter()
        launcher = ["liptako.serve"] if self.script is None else ["streamlit", "run", str(self.script)]
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                *launcher,
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited early; see {log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.read() == b"ok":
                        self.ready_seconds = time.perf_counter() - started
                        return self
            except OSError:
                time.sleep(0.05)  # polling interval of the readiness check, not a wait for the app
        raise TimeoutError("the server did not become healthy")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def wait_idle(page) -> None:  # noqa: ANN001 - playwright.sync_api.Page
    """The app is connected, its script has finished, and nothing is still loading (use after navigation)."""
    page.wait_for_selector(IDLE)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached")


def click_map_at(page, lat: float, lon: float) -> None:  # noqa: ANN001
    """Click the map where a coordinate is drawn, with no assumption about the SVG."""
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    point = frame.evaluate("([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon])
    box = page.frame_locator(MAP_FRAME).locator(".leaflet-container").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


HIT_TEST = """([lat, lon]) => {
  const p = window.map.latLngToContainerPoint([lat, lon]);
  const size = window.map.getSize();
  if (p.x < 5 || p.y < 5 || p.x > size.x - 5 || p.y > size.y - 5) return '';
  const e = document.elementFromPoint(p.x, p.y);
  return (e && e.getAttribute('class')) || '';
}"""


def clear_point(page, geometry, region_id: str) -> tuple[float, float]:  # noqa: ANN001
    """A (lat, lon) inside the region where the region itself is on top (no town dot, event cluster or legend
    over it), so a click there is a click on the region."""
    settle_map(page)
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    west, south, east, north = geometry.bounds
    candidates = [geometry.representative_point()]
    steps = 12
    candidates += [
        point
        for i in range(1, steps)
        for j in range(1, steps)
        if geometry.contains(
            point := shapely.Point(west + (east - west) * i / steps, south + (north - south) * j / steps)
        )
    ]
    for point in candidates:
        if f"region-{region_id} " in frame.evaluate(HIT_TEST, [point.y, point.x]) + " ":
            return point.y, point.x
    raise LookupError(f"no clear spot of {region_id} is visible on the map")


def pan_and_zoom(page) -> None:  # noqa: ANN001
    """Drag the map, zoom in, zoom out: what a reader does that must not rerun the app."""
    box = page.frame_locator(MAP_FRAME).locator(".leaflet-container").bounding_box()
    page.mouse.move(box["x"] + 200, box["y"] + 200)
    page.mouse.down()
    page.mouse.move(box["x"] + 320, box["y"] + 260, steps=8)
    page.mouse.up()
    page.frame_locator(MAP_FRAME).locator(".leaflet-control-zoom-in").click()
    page.frame_locator(MAP_FRAME).locator(".leaflet-control-zoom-out").click()
    settle_map(page)


def settle_map(page) -> None:  # noqa: ANN001
    """Wait until Leaflet has finished any zoom or pan animation (positions are final)."""
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    frame.wait_for_function(
        "() => !window.map._animatingZoom && !(window.map._panAnim && window.map._panAnim._inProgress)"
    )


def first_clear(page, regions, candidates, exclude: str | None = None) -> tuple[str, float, float]:  # noqa: ANN001
    """The first candidate region visible on the map right now, with a clear spot to click in it."""
    for region_id in candidates:
        if region_id == exclude:
            continue
        try:
            return (region_id, *clear_point(page, regions.loc[region_id].geometry, region_id))
        except LookupError:
            continue
    raise LookupError(f"none of {list(candidates)} is visible on the map")
