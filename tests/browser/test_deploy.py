"""`make deploy-local` for real: two replicas behind Caddy, and everything through the proxy only. Compression of
the largest JavaScript asset; a session on the map by deep link, and a click (the websocket passes through); then
the replica that session is not on is killed, and a new session still gets a working map while the first one keeps
working without a single failed request. The launcher, run the way `make deploy-local` runs it, is stopped at the
end (SIGTERM), and every process it started must be gone."""

from __future__ import annotations

import gzip
import hashlib
import hmac
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
import streamlit
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support import facts
from tests.support.browser import ARTIFACTS, IDLE, MAP_FRAME, ROOT, click_map_at, free_port, settle_map, wait_idle

PANEL = ".st-key-region_panel"
COOKIE = "liptako_replica"  # deploy/Caddyfile: `lb_policy cookie liptako_replica`, no secret
TILLABERI, GAO = (14.2, 1.45), (16.3, 0.3)  # spots tests/browser/test_map_clicks.py clicks too
READY_SECONDS = 120


def largest_javascript() -> Path:
    """The biggest file of Streamlit's frontend bundle (the plotly chunk in Streamlit 1.67, 4.5 MiB)."""
    folder = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return max(folder.glob("*.js"), key=lambda path: path.stat().st_size)


def fetch(url: str, encodings: str) -> tuple[str, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    with urllib.request.urlopen(request, timeout=30) as response:  # urllib never decodes: these are wire bytes
        return response.headers.get("Content-Encoding", ""), response.read()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read() == b"ok"
    except OSError:
        return False


def is_replica(process: psutil.Process) -> bool:
    return "liptako.serve" in process.cmdline()


def replica_of(context: BrowserContext, replicas: dict[int, psutil.Process]) -> int:
    """The port of the replica serving this browser, read back from Caddy's sticky cookie (an HMAC of its address)."""
    (value,) = [c["value"] for c in context.cookies() if c["name"] == COOKIE]
    names = {hmac.new(b"", f"127.0.0.1:{port}".encode(), hashlib.sha256).hexdigest(): port for port in replicas}
    return names[value]


def open_map(browser: Browser, url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    expect(page.frame_locator(MAP_FRAME).locator("path.region")).to_have_count(len(facts.regions()))
    settle_map(page)
    return context, page


def click_and_see(page: Page, spot: tuple[float, float], name: str) -> None:
    click_map_at(page, *spot)
    expect(page.locator(PANEL).get_by_role("heading", name=name, exact=True)).to_be_visible()


@pytest.mark.browser
def test_two_replicas_behind_caddy_compress_stick_and_survive_one_replica_dying(browser: Browser) -> None:
    port = free_port()
    proxy = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / f"deploy-local-{port}.log").open("w")
    launcher = subprocess.Popen(
        [sys.executable, str(ROOT / "deploy" / "local.py"), "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the clean-up below can reach every process it started
    )
    started: list[psutil.Process] = []
    contexts: list[BrowserContext] = []
    try:
        deadline = time.monotonic() + READY_SECONDS
        while not healthy(proxy):
            assert launcher.poll() is None, f"deploy-local exited early; see {log.name}"
            assert time.monotonic() < deadline, f"deploy-local not serving after {READY_SECONDS} s; see {log.name}"
            time.sleep(0.1)  # polling interval of the readiness check
        started = psutil.Process(launcher.pid).children(recursive=True)
        replicas = {int(p.cmdline()[p.cmdline().index("--server.port") + 1]): p for p in started if is_replica(p)}
        assert len(replicas) == 2 and any("caddy" in p.name() for p in started)

        # Compression, through the proxy: zstd or gzip, at most 35 % of the file; gzip decodes to the file itself.
        asset = largest_javascript()
        original = asset.read_bytes()
        encoding, body = fetch(f"{proxy}/static/js/{asset.name}", "gzip, zstd")
        assert encoding in {"zstd", "gzip"}
        assert len(body) <= 0.35 * len(original), f"{asset.name}: {len(body)} of {len(original)} bytes"
        encoding, body = fetch(f"{proxy}/static/js/{asset.name}", "gzip")
        assert encoding == "gzip" and gzip.decompress(body) == original

        # A first reader: deep link to Tillabéri, then a click on the map (a rerun over the proxied websocket).
        first_context, first = open_map(browser, f"{proxy}/map?lang=en&region=NE-6")
        contexts.append(first_context)
        failures: list[str] = []
        first.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
        first.on("response", lambda r: r.status >= 500 and failures.append(f"{r.url}: HTTP {r.status}"))
        expect(first.locator(PANEL).get_by_role("heading", name="Tillabéri", exact=True)).to_be_visible()
        click_and_see(first, GAO, "Gao")

        # The other replica dies.
        survivor = replica_of(first_context, replicas)
        (victim,) = [p for port_, p in replicas.items() if port_ != survivor]
        victim.kill()
        victim.wait(10)

        # A new reader still gets a working map, from the survivor.
        second_context, second = open_map(browser, f"{proxy}/map?lang=en")
        contexts.append(second_context)
        click_and_see(second, TILLABERI, "Tillabéri")
        assert replica_of(second_context, replicas) == survivor

        # The first reader noticed nothing: still connected, no error, no failed request, and a click still works.
        click_and_see(first, TILLABERI, "Tillabéri")
        expect(first.locator(IDLE)).to_be_attached()
        expect(first.locator('[data-testid="stException"]')).to_have_count(0)
        assert failures == []
    finally:
        for context in contexts:
            context.close()
        if launcher.poll() is None:
            launcher.send_signal(signal.SIGTERM)  # what Ctrl-C or a service manager sends
        try:
            launcher.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()
        log.close()
    _, alive = psutil.wait_procs(started, timeout=5)
    assert launcher.returncode == 0, f"deploy-local exited with {launcher.returncode}; see {log.name}"
    assert not alive, f"left running after SIGTERM: {alive}"
