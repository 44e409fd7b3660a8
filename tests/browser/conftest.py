"""Real-browser fixtures: a Streamlit server on a free loopback port and Playwright driving Debian's Chromium.

Waits are on real signals (the health endpoint, the app's idle state, expected text), never on fixed sleeps, with a
generous ceiling (WAIT_MS): on a busy 2-core machine a click may take seconds to show, and a wait ends as soon as
the awaited state is there, so only a real failure costs the full ceiling.
Every request to a host other than the loopback is blocked and recorded, so a test can assert the app works offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.support.browser import ARTIFACTS, CHROMIUM_ARGS, MAP_FRAME, Server, chromium_path, wait_idle

__all__ = ["ARTIFACTS", "MAP_FRAME", "WAIT_MS", "Server", "Tab", "open_app", "wait_idle"]

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
WAIT_MS = 30_000  # ceiling of every wait: page actions and `expect` assertions alike (Playwright's default is 5 s)
expect.set_options(timeout=WAIT_MS)


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
        path = chromium_path(playwright.chromium.executable_path)
        if path is None:
            pytest.fail("No Chromium: install Debian's `chromium` package (make test does) or set LIPTAKO_CHROMIUM.")
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
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
    page.set_default_timeout(WAIT_MS)
    yield Tab(page, outside)
    context.close()


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
