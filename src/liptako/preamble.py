"""Streamlit's page, with the host preamble that tells its frontend where the server is.

Opened at `/map` (any view but the home page), Streamlit's frontend cannot tell whether `/map` is a page or the
folder the whole app is served from: it asks `/map/_stcore/health` first, waits 100 ms after the 404, and only then
asks `/_stcore/health`. That is ≈ 130 ms of every visit and reload of those views. Platforms that host Streamlit
tell the frontend where its server is with `window.__streamlit.BACKEND_BASE_URL`, set before Streamlit's script
runs (the "window preamble" of Streamlit's host integration: `frontend/AGENTS.md` in streamlit/streamlit, covered by
its own end-to-end tests). This middleware serves Streamlit's own `index.html` for the app's views with that one
script added; every other request goes to Streamlit untouched. `tests/test_preamble.py` fails if an upgrade changes
the page or the name the frontend reads (README, "Running it, and hosting it").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import streamlit
from starlette.types import ASGIApp, Receive, Scope, Send

INDEX = Path(streamlit.__file__).parent / "static" / "index.html"
# Streamlit's page runs its bundle from a module script; a classic script before it runs first.
MARKER = '<script type="module"'


def _prefix(base_url_path: str) -> str:
    """`server.baseUrlPath` as a path prefix: "" or "/dash"."""
    base = base_url_path.strip("/")
    return f"/{base}" if base else ""


def preamble(base_url_path: str) -> str:
    """The script: the server is this page's origin, under `server.baseUrlPath` (a setting, JSON-encoded and kept
    from closing the script element)."""
    where = json.dumps(_prefix(base_url_path) + "/").replace("<", "\\u003c")
    return (
        "<script>window.__streamlit = Object.assign({}, window.__streamlit, "
        f"{{BACKEND_BASE_URL: window.location.origin + {where}}});</script>\n    "
    )


def page_with_preamble(html: str, base_url_path: str) -> str:
    """Streamlit's `index.html` with the preamble before its bundle; an error if the page no longer has one."""
    if html.count(MARKER) != 1:
        raise RuntimeError(f"{INDEX}: no single {MARKER!r} to put the host preamble before (Streamlit upgraded?)")
    return html.replace(MARKER, preamble(base_url_path) + MARKER)


def view_paths(url_paths: Iterable[str], base_url_path: str) -> frozenset[str]:
    """The addresses of the views: `/`, `/map`…, under `server.baseUrlPath` if set."""
    base = _prefix(base_url_path)
    paths = {f"{base}/{p}" for p in url_paths}
    if "" in url_paths and base:
        paths.add(base)
    return frozenset(paths)


class HostPreamble:
    """ASGI middleware: GET or HEAD on a view's address gets Streamlit's page with the preamble (`no-cache` and an
    ETag, as Streamlit serves it); anything else passes through."""

    def __init__(self, app: ASGIApp, url_paths: Iterable[str]) -> None:
        self.app = app
        self.url_paths = tuple(url_paths)
        self._served: tuple[frozenset[str], bytes, bytes] | None = None

    def _page(self) -> tuple[frozenset[str], bytes, bytes]:
        """Built on the first request, once the server's settings are loaded."""
        if self._served is None:
            base = streamlit.get_option("server.baseUrlPath") or ""
            body = page_with_preamble(INDEX.read_text(encoding="utf-8"), base).encode()
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'.encode()
            self._served = (view_paths(self.url_paths, base), body, etag)
        return self._served

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        paths, body, etag = self._page()
        if scope["path"] not in paths:
            await self.app(scope, receive, send)
            return
        headers = [(b"cache-control", b"no-cache"), (b"etag", etag)]
        if dict(scope["headers"]).get(b"if-none-match") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})
