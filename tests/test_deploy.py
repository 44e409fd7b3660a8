"""The deployment recipe's files, checked where they cannot run here: Docker is not available on this machine, so
the Dockerfile, compose file and Kubernetes example are parsed and their essentials asserted; the Caddyfile is
compiled by Caddy itself (`caddy adapt`). tests/browser/test_deploy.py runs `make deploy-local` for real."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess

import pytest
import yaml

from .conftest import ROOT

DEPLOY = ROOT / "deploy"
HEALTH = "/_stcore/health"
PORT = 8501
START = ["python", "-m", "liptako.serve"]  # the only documented start command (README, liptako/serve.py)


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def exec_form(arguments: str) -> list[str]:
    value = json.loads(arguments)
    assert isinstance(value, list), f"not the exec (JSON) form: {arguments}"
    return value


def test_the_dockerfile_builds_a_slim_non_root_image_started_by_the_launcher() -> None:
    instructions = dockerfile()
    keywords = [keyword for keyword, _ in instructions]
    assert instructions[0] == ("FROM", "python:3.11-slim")
    runs = [arguments for keyword, arguments in instructions if keyword == "RUN"]
    locked = next(i for i, run in enumerate(runs) if "pip install -r requirements-lock.txt" in run)
    package = next(i for i, run in enumerate(runs) if re.search(r"pip install --no-deps \.$", run))
    assert locked < package, "the locked requirements come first, then the package without its own resolution"
    copied = {arguments.split()[0] for keyword, arguments in instructions if keyword == "COPY"}
    assert {"requirements-lock.txt", "app.py", "pages", "static", "data", ".streamlit", "src"} <= copied
    user = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert user and user[-1] not in ("root", "0"), "the app must not run as root"
    assert keywords.index("USER") < keywords.index("CMD")
    assert ("EXPOSE", str(PORT)) in instructions
    healthcheck = next(arguments for keyword, arguments in instructions if keyword == "HEALTHCHECK")
    probe = exec_form(healthcheck[healthcheck.index("CMD") + 3 :].strip())
    assert probe[:2] == ["python", "-c"] and "urllib.request" in probe[2]
    assert f"http://127.0.0.1:{PORT}{HEALTH}" in probe[2]
    compile(probe[2], "HEALTHCHECK", "exec")  # the probe is valid Python
    cmd = exec_form(dict(instructions)["CMD"])
    assert cmd[:3] == START
    assert cmd[cmd.index("--server.port") + 1] == str(PORT)
    assert cmd[cmd.index("--server.address") + 1] == "0.0.0.0"


def test_the_docker_context_leaves_out_local_state_but_not_what_the_image_copies() -> None:
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".venv", ".git", "artifacts"} <= ignored
    copied = {arguments.split()[0] for keyword, arguments in dockerfile() if keyword == "COPY"}
    assert not copied & ignored


def test_compose_runs_two_replicas_of_the_image_behind_caddy_with_the_caddyfile() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    replicas = {name: s for name, s in services.items() if s.get("image", "").split(":")[0] == "liptako"}
    assert sorted(replicas) == ["app1", "app2"]  # the names deploy/Caddyfile's defaults point at
    for service in replicas.values():
        assert service["build"]["context"] == ".." and service["build"]["dockerfile"] == "Dockerfile"
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve().is_file()
        assert str(PORT) in [str(port) for port in service["expose"]]
        assert service["restart"] == "unless-stopped"
    caddy = services["caddy"]
    assert caddy["image"].startswith("caddy:2")
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert (DEPLOY / "Caddyfile").is_file()
    assert {name: dep["condition"] for name, dep in caddy["depends_on"].items()} == {
        "app1": "service_healthy",
        "app2": "service_healthy",
    }
    assert caddy["ports"] == ["8080:80"]


def test_the_kubernetes_example_probes_the_health_endpoint_and_keeps_sessions_sticky() -> None:
    documents = {d["kind"]: d for d in yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text())}
    assert set(documents) == {"Deployment", "Service", "Ingress"}
    deployment = documents["Deployment"]
    assert deployment["spec"]["replicas"] >= 2
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["image"].split(":")[0].rsplit("/", 1)[-1] == "liptako"
    assert [port["containerPort"] for port in container["ports"]] == [PORT]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": HEALTH, "port": PORT}, probe
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True

    service = documents["Service"]
    assert service["spec"]["selector"].items() <= labels.items()
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] == PORT

    ingress = documents["Ingress"]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert ingress["spec"]["ingressClassName"] == "nginx"
    (rule,) = ingress["spec"]["rules"]
    (path,) = rule["http"]["paths"]
    assert path["backend"]["service"]["name"] == service["metadata"]["name"]
    assert path["backend"]["service"]["port"]["name"] == service_port["name"]


def adapted(env: dict[str, str]) -> dict:
    """deploy/Caddyfile as Caddy itself compiles it (its JSON configuration), with these environment variables."""
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("no caddy on PATH (make test installs Debian's as root)")
    command = [caddy, "adapt", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env}, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("env", "listen", "upstreams"),
    [
        ({}, ":80", ["app1:8501", "app2:8501"]),  # compose: the defaults
        (
            {"LIPTAKO_HTTP_PORT": "9090", "LIPTAKO_REPLICA_1": "127.0.0.1:4001", "LIPTAKO_REPLICA_2": "127.0.0.1:4002"},
            ":9090",
            ["127.0.0.1:4001", "127.0.0.1:4002"],
        ),  # make deploy-local
    ],
)
def test_caddy_compresses_and_balances_with_sticky_sessions_and_health_checks(env, listen, upstreams) -> None:  # noqa: ANN001
    config = adapted(env)
    (server,) = config["apps"]["http"]["servers"].values()
    assert server["listen"] == [listen]
    handlers = {h["handler"]: h for route in server["routes"] for h in route["handle"]}
    assert handlers["encode"]["prefer"] == ["zstd", "gzip"]
    proxy = handlers["reverse_proxy"]
    assert [u["dial"] for u in proxy["upstreams"]] == upstreams
    assert proxy["load_balancing"]["selection_policy"]["policy"] == "cookie"
    assert proxy["load_balancing"]["try_duration"] > 0  # a request to a replica that died is retried elsewhere
    assert proxy["health_checks"]["active"]["uri"] == HEALTH
    assert proxy["health_checks"]["active"]["interval"] <= 5 * 10**9  # nanoseconds
    assert proxy["health_checks"]["passive"]["fail_duration"] > 0


def test_make_deploy_local_starts_the_launcher_and_ci_installs_caddy() -> None:
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^deploy-local:.*\n\t(.+)$", makefile, re.MULTILINE)
    assert recipe and shlex.split(recipe.group(1))[1:] == ["deploy/local.py", "--port", "$(DEPLOY_PORT)"]
    assert re.search(r"^test:.*\bcaddy\b", makefile, re.MULTILINE), "make test installs caddy for the browser test"
    install = next(line for line in (ROOT / ".ci/run").read_text().splitlines() if "apt-get install" in line)
    assert "caddy" in install.split()


def test_the_launcher_starts_replicas_the_documented_way() -> None:
    source = (DEPLOY / "local.py").read_text()
    assert 'sys.executable, "-m", "liptako.serve"' in source
    assert "cwd=ROOT" in source  # from the project's folder, so .streamlit/config.toml applies
