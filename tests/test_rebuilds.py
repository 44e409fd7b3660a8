"""Every generated file of `data/` is what its script builds today, byte for byte (`make boundaries`, `make
context`), from the inputs vendored in scripts/vendor/: nobody edits them by hand, and a build change shows here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, ROOT

BUILDS = [
    ("build_boundaries.py", ("regions.geojson", "provinces_bfa.geojson")),
    ("build_context.py", ("context.geojson",)),
    ("build_admin_today.py", ("admin_today.geojson", "admin_today.yaml")),
]


@pytest.mark.parametrize(("script", "files"), BUILDS, ids=[script for script, _ in BUILDS])
def test_build_reproduces_committed_files(script: str, files: tuple[str, ...], tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    for name in files:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs from a fresh build"
