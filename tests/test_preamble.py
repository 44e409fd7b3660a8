"""The host preamble (`liptako.preamble`): what the views' pages are served with, and the guard on what it relies on
in Streamlit — these fail if an upgrade changes the page it is added to or the name the frontend reads."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import streamlit

from liptako import preamble
from liptako.preamble import INDEX, MARKER, HostPreamble, page_with_preamble, view_paths
from liptako.views import VIEWS

BUNDLE = INDEX.parent / "static" / "js"


def test_streamlit_still_reads_the_backend_address_from_the_window_preamble() -> None:
    """Streamlit's page has one module script to go before, and its bundle still captures `window.__streamlit` at
    load and reads `BACKEND_BASE_URL` from it to choose where to look for its server."""
    assert INDEX.read_text(encoding="utf-8").count(MARKER) == 1
    readers = [p for p in BUNDLE.glob("index.*.js") if "window.__streamlit" in p.read_text(encoding="utf-8")]
    assert readers, "Streamlit's bundle no longer reads window.__streamlit"
    assert all("BACKEND_BASE_URL" in p.read_text(encoding="utf-8") for p in readers)


def test_the_preamble_goes_before_the_bundle_and_names_the_origin_under_the_base_path() -> None:
    page = page_with_preamble(INDEX.read_text(encoding="utf-8"), "")
    script = re.search(r"<script>window\.__streamlit = .*?</script>", page)
    assert script and script.start() < page.index(MARKER)
    assert 'window.location.origin + "/"' in script.group()
    assert 'window.location.origin + "/dash/"' in page_with_preamble(f"<head>{MARKER}></script>", "/dash/")
    # A setting cannot close the script element early.
    assert "</script><" not in preamble.preamble("a</script><script>alert(1)")


def test_a_page_without_the_expected_script_is_an_error_naming_the_file() -> None:
    with pytest.raises(RuntimeError, match="index.html"):
        page_with_preamble("<html><head></head></html>", "")


def test_the_views_addresses_with_and_without_a_base_path() -> None:
    urls = [view.url_path for view in VIEWS]
    assert view_paths(urls, "") == {"/", "/map", "/timeline", "/charter", "/sources"}
    assert view_paths(urls, "dash") == {
        "/dash",
        "/dash/",
        "/dash/map",
        "/dash/timeline",
        "/dash/charter",
        "/dash/sources",
    }


def call(middleware: HostPreamble, method: str, path: str, headers: dict[bytes, bytes] | None = None) -> list[dict]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": method, "path": path, "headers": list((headers or {}).items())}
    # In a thread of its own: the browser tests' Playwright leaves an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, middleware(scope, receive, send)).result()
    return sent


@pytest.fixture
def middleware() -> HostPreamble:
    async def streamlit_app(scope, receive, send) -> None:  # noqa: ANN001
        await send({"type": "http.response.start", "status": 200, "headers": [(b"x-from", b"streamlit")]})
        await send({"type": "http.response.body", "body": b"streamlit"})

    return HostPreamble(streamlit_app, [view.url_path for view in VIEWS])


def test_a_view_gets_streamlits_page_with_the_preamble_and_the_rest_goes_to_streamlit(middleware, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(streamlit, "get_option", lambda name: "" if name == "server.baseUrlPath" else None)
    start, body = call(middleware, "GET", "/map")
    headers = dict(start["headers"])
    assert start["status"] == 200 and headers[b"cache-control"] == b"no-cache"
    assert headers[b"content-type"].startswith(b"text/html")
    assert b"window.__streamlit" in body["body"] and b'<div id="root">' in body["body"]
    # Reloaded: the browser's copy is still good.
    assert call(middleware, "GET", "/map", {b"if-none-match": headers[b"etag"]})[0]["status"] == 304
    assert call(middleware, "HEAD", "/")[1]["body"] == b""
    for method, path in [("GET", "/_stcore/health"), ("GET", "/static/js/x.js"), ("GET", "/nowhere"), ("POST", "/")]:
        assert dict(call(middleware, method, path)[0]["headers"]) == {b"x-from": b"streamlit"}, (method, path)
