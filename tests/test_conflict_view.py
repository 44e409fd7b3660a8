"""The pages that show the analyst's conflict data (AppTest, headless) with a store of generated files: the
timeline's monthly band follows its filters and shows one source at a time, with its terms; the map's region
panel draws the region's months. Every expected count is read back from the store."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from liptako import conflict, conflict_figures, timeline
from liptako.i18n import t
from liptako.state import Filters

from .conftest import run_page
from .support import facts
from .support.conflict_store import make_store

ACLED_TERMS = "used under its terms, not redistributed"
UCDP_CITATION = "Sundberg"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("conflict-view"))


@pytest.fixture
def with_store(store, monkeypatch) -> Path:
    monkeypatch.setenv("LIPTAKO_STORE", str(store))
    return store


def chart(at, key: str) -> dict | None:
    """The plotly figure of the chart whose widget key is `key` (None if not shown)."""
    found = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return json.loads(found[0].proto.spec) if found else None


def captions(at) -> str:
    return " ".join(c.value for c in at.caption).replace("\\", "")  # Markdown escapes


def values(data: list | dict) -> list[float]:
    """A trace's numbers as plotly serialised them: a list, or a typed array in base64 (plotly ≥ 6)."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)


def bars(figure: dict) -> list[float]:
    return [y for trace in figure["data"] if trace["type"] == "bar" for y in values(trace["y"])]


def expected(store: Path, regions, source: str, measure: str, **filters) -> list[int]:
    counts = conflict.months_filtered(
        conflict.monthly(store),
        regions,
        filters.get("countries", ()),
        filters.get("region"),
        filters.get("date_from"),
        filters.get("date_to"),
        source,
    )
    return counts[measure].tolist()


def test_the_band_follows_the_timeline_filters_one_source_at_a_time(with_store, regions) -> None:
    start, end = dt.date(2015, 1, 1), dt.date(2019, 12, 31)
    at = run_page("timeline", "en", {"countries": "NER", "from": start.isoformat(), "to": end.isoformat()})
    assert not at.exception
    lanes, band = chart(at, "tl_chart"), chart(at, "conflict_band_chart")
    assert band is not None
    assert band["layout"]["xaxis"]["range"] == lanes["layout"]["xaxis"]["range"]
    window = {"countries": ("NER",), "date_from": start, "date_to": end}
    assert at.radio(key="conflict_source").value == "acled"
    assert bars(band) == expected(with_store, regions, "acled", "events", **window)
    assert sum(bars(band)) > 0
    text = captions(at)
    assert ACLED_TERMS in text and "acled.csv" in text and UCDP_CITATION not in text

    at.radio(key="conflict_source").set_value("ucdp").run()
    band = chart(at, "conflict_band_chart")
    assert bars(band) == expected(with_store, regions, "ucdp", "events", **window)
    text = captions(at)
    assert UCDP_CITATION in text and "ged.csv" in text and ACLED_TERMS not in text

    at.radio(key="conflict_band_measure").set_value("fatalities").run()
    assert bars(chart(at, "conflict_band_chart")) == expected(with_store, regions, "ucdp", "fatalities", **window)


def test_the_band_follows_the_region_of_the_timeline(with_store, regions) -> None:
    at = run_page("timeline", "fr", {"region": "NE-6", "from": "2013-01-01", "to": "2024-12-31"})
    assert not at.exception
    band = chart(at, "conflict_band_chart")
    window = {"region": "NE-6", "date_from": dt.date(2013, 1, 1), "date_to": dt.date(2024, 12, 31)}
    assert bars(band) == expected(with_store, regions, "acled", "events", **window)
    everywhere = expected(with_store, regions, "acled", "events", date_from=window["date_from"])
    assert sum(bars(band)) < sum(everywhere)
    assert "utilisées selon ses conditions, non redistribuées" in captions(at)
    assert any(m.value.startswith("**Les conflits mois par mois") for m in at.markdown)


def test_without_a_file_the_timeline_says_so(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LIPTAKO_STORE", str(tmp_path / "empty"))
    at = run_page("timeline", "fr")
    assert not at.exception
    assert chart(at, "tl_chart") is not None and chart(at, "conflict_band_chart") is None
    assert any(c.value.startswith("Aucune donnée de conflit chargée") for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_without_a_file_the_map_page_says_so_once(tmp_path, monkeypatch, lang: str) -> None:
    """Under the map, and not a second time in the selected region's panel."""
    monkeypatch.setenv("LIPTAKO_STORE", str(tmp_path / "empty"))
    at = run_page("map", lang, {"region": "NE-6"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Tillabéri"]
    assert [c.value for c in at.caption].count(t("conflict.none", lang)) == 1


def test_a_session_upload_feeds_the_band(store, tmp_path, monkeypatch, regions) -> None:
    loaded, _ = conflict.load_upload("mine.csv", (store.parent / "acled.csv").read_bytes(), regions, "")
    monkeypatch.setenv("LIPTAKO_STORE", str(tmp_path / "empty"))
    at = run_page("timeline", "en")
    at.session_state["conflict_upload"] = loaded
    at.run()
    assert not at.exception
    assert sum(bars(chart(at, "conflict_band_chart"))) == loaded.months["events"].sum()
    assert "File mine.csv" in captions(at) and "read for this session only, not stored" in captions(at)


def test_the_region_panel_draws_the_regions_months(with_store) -> None:
    """Drawn for a region with curated coups or agreements tied to it, so that the marks are drawn too."""
    events = facts.events()
    tied = {
        rid: timeline.filter_events(events, Filters(types=conflict_figures.MARKED_TYPES), rid)
        for rid in facts.regions().index
    }
    region = max(tied, key=lambda rid: len(tied[rid]))
    at = run_page("map", "en", {"region": region, "colour": "conflict"})
    assert not at.exception
    spark = chart(at, "conflict_sparkline")
    months = conflict.region_months(conflict.monthly(with_store), region)
    lines = {trace["name"]: values(trace["y"]) for trace in spark["data"] if trace["mode"] == "lines"}
    assert lines == {conflict.SOURCE_NAMES[s]: months[s].tolist() for s in months.columns}
    marks = [trace for trace in spark["data"] if trace["mode"] == "markers"]
    assert len(marks) == 1 and len(marks[0]["x"]) == len(tied[region]) > 0
    assert marks[0]["name"] == "Coups and agreements (timeline)"
    text = captions(at)
    assert ACLED_TERMS in text and UCDP_CITATION in text


def test_the_file_uploader_is_built_when_its_section_is_opened() -> None:
    """Built with the page, the uploader's code loaded with the map and held it back: it comes when asked for."""
    at = run_page("map")
    assert not at.get("file_uploader")
    at.session_state["upload_open"] = True
    at.run()
    assert not at.exception
    assert at.get("file_uploader")
