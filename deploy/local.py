"""`make deploy-local`: the production recipe on one machine. Two replicas of the app on free loopback ports, and
Caddy in front of them (deploy/Caddyfile: compression, sticky sessions, health checks) on one public port, in the
foreground until Ctrl-C or SIGTERM, which stop everything this started.

Usage: `python deploy/local.py [--port 8080] [--replicas-address 127.0.0.1]`, with the project's virtual
environment's Python (`make deploy-local PORT=8080` does that). The replicas are started as every documented route
starts the app, `python -m liptako.serve`, from the project's folder (so `.streamlit/config.toml` applies); they read
their data from `LIPTAKO_DATA_DIR` if set, as the app always does. A replica that dies is not restarted (Caddy routes
around it; compose and Kubernetes restart theirs): the launcher says so and keeps serving with the other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
REPLICAS = 2  # deploy/Caddyfile names two upstreams
READY_TIMEOUT = 120.0  # seconds; a cold start imports geopandas, folium and plotly on a busy 2-core machine
POLL = 0.1  # interval between two looks at the health endpoints, not a wait for anything


class Stop(Exception):
    """Raised by the SIGTERM/SIGINT handler so that the `finally` clause stops every process."""


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read() == b"ok"
    except OSError:
        return False


def start_replica(port: int, host: str) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "liptako.serve",
        "--server.port", str(port),
        "--server.address", host,
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def start_caddy(port: int, upstreams: list[str], home: Path) -> subprocess.Popen:
    caddy = shutil.which("caddy")
    if caddy is None:
        raise SystemExit("deploy-local: no `caddy` on PATH (Debian: `apt-get install caddy`, which make does as root)")
    env = {
        **os.environ,
        "LIPTAKO_HTTP_PORT": str(port),
        **{f"LIPTAKO_REPLICA_{n}": upstream for n, upstream in enumerate(upstreams, start=1)},
        # Caddy's own state (autosaved configuration, certificates) goes to a scratch folder, not the user's home.
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    return subprocess.Popen([caddy, "run", "--adapter", "caddyfile", "--config", str(CADDYFILE)], env=env)


def wait_until(ready, processes: list[subprocess.Popen], what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + READY_TIMEOUT
    while not ready():
        for process in processes:
            if process.poll() is not None:
                raise SystemExit(f"deploy-local: {what} exited early (status {process.returncode})")
        if time.monotonic() > deadline:
            raise SystemExit(f"deploy-local: {what} not healthy after {READY_TIMEOUT:.0f} s")
        time.sleep(POLL)


def stop(processes: list[subprocess.Popen]) -> None:
    """SIGTERM to each, then SIGKILL to whatever is still running 10 s later."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8080)), help="Caddy's port (8080)")
    parser.add_argument(
        "--replicas-address", default="127.0.0.1", help="where the replicas listen (loopback: only Caddy reaches them)"
    )
    args = parser.parse_args()

    def on_signal(signum: int, _frame) -> None:  # noqa: ANN001
        raise Stop(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    processes: list[subprocess.Popen] = []
    home = Path(tempfile.mkdtemp(prefix="liptako-caddy-"))
    try:
        ports = [free_port(args.replicas_address) for _ in range(REPLICAS)]
        upstreams = [f"{args.replicas_address}:{port}" for port in ports]
        replicas = [start_replica(port, args.replicas_address) for port in ports]
        processes += replicas
        for n, (replica, upstream) in enumerate(zip(replicas, upstreams, strict=True), start=1):
            print(f"deploy-local: replica {n}: pid {replica.pid}, http://{upstream}", flush=True)
        wait_until(lambda: all(healthy(f"http://{u}") for u in upstreams), replicas, "a replica")
        caddy = start_caddy(args.port, upstreams, home)
        processes.append(caddy)
        wait_until(lambda: healthy(f"http://127.0.0.1:{args.port}"), [caddy], "caddy")
        print(f"deploy-local: serving on http://localhost:{args.port} (Ctrl-C stops everything)", flush=True)
        alive = set(range(REPLICAS))
        while caddy.poll() is None:
            for n in sorted(alive):
                if replicas[n].poll() is not None:
                    alive.discard(n)
                    print(
                        f"deploy-local: replica {n + 1} exited (status {replicas[n].returncode}); "
                        f"Caddy sends its readers to the other",
                        flush=True,
                    )
            if not alive:
                raise SystemExit("deploy-local: every replica has exited")
            time.sleep(1)  # how often the launcher looks for a replica that died
        raise SystemExit(f"deploy-local: caddy exited (status {caddy.returncode})")
    except Stop as signal_name:
        print(f"deploy-local: {signal_name}: stopping", flush=True)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
