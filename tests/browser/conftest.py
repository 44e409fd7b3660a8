"""Real-browser fixtures: a Streamlit server on a free loopback port and Playwright driving Debian's Chromium.

Waits are on real signals (the health endpoint, the app's idle state, expected text), never on fixed sleeps.
Every request to a host other than the loopback is blocked and recorded, so a test can assert the app works offline.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def chromium_path(bundled: str) -> str:
    """Debian's Chromium (what CI installs), one named by LIPTAKO_CHROMIUM, or Playwright's own build."""
    for candidate in (os.environ.get("LIPTAKO_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), bundled):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("No Chromium found: install Debian's `chromium` package (make test does) or set LIPTAKO_CHROMIUM.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """One `streamlit run app.py` process, started from the project root so `.streamlit/config.toml` applies."""

    data_dir: Path | None = None
    port: int = field(default_factory=_free_port)
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
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "liptako.serve",
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
                raise RuntimeError(f"streamlit exited early; see {log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.read() == b"ok":
                        self.ready_seconds = time.perf_counter() - started
                        return self
            except OSError:
                time.sleep(0.05)  # polling interval of the readiness check, not a wait for the app
        raise TimeoutError("streamlit did not become healthy")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    srv = Server().start()
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server() -> Iterator[Server]:
    """A server no session has touched yet (deep-link and first-click behaviour differ on a fresh server)."""
    srv = Server().start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(playwright.chromium.executable_path),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page plus what it tried to fetch from outside the machine."""

    page: Page
    outside: list[str]


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    outside: list[str] = []

    def guard(route, request) -> None:  # noqa: ANN001
        host = urlparse(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield Tab(page, outside)
    context.close()


def wait_idle(page: Page) -> None:
    """The app is connected, its script has finished, and nothing is still loading (use after navigation)."""
    page.wait_for_selector(IDLE)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached")


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
