"""Shared fixtures: the real data folder, a writable copy of it, and AppTest runs of the app."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from liptako import data

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# The tests never see the conflict data imported on this machine: an empty store unless a test names its own
# (AppTests and the browser tests' servers inherit this).
os.environ["LIPTAKO_STORE"] = tempfile.mkdtemp(prefix="liptako-store-")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throw-away copy of `data/` that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("_drafts"))
    return target


@pytest.fixture(scope="session")
def regions() -> gpd.GeoDataFrame:
    """The reference map's admin-1 units, as the app loads them (read-only: tests never change them)."""
    return data.load_regions(DATA / "regions.geojson")


@pytest.fixture(scope="session")
def events() -> pd.DataFrame:
    return data.load_events(DATA / "events.csv")


@pytest.fixture(scope="session")
def periods() -> pd.DataFrame:
    return data.load_rule_periods(DATA / "rule_periods.csv")


def run_page(page: str, lang: str = "en", params: dict[str, str] | None = None) -> AppTest:
    """Run app.py (language switch, navigation) and then one page, the way a browser opening a link would."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "home":
        at.switch_page(str(ROOT / "pages" / f"{page}_view.py")).run()
    return at
