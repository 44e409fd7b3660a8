"""Downloads hold exactly what the reader is looking at, in formats the project's loaders read back."""

import csv
import io
import json

from liptako import data, exports
from liptako.data import default_data_dir
from liptako.state import Filters, Selection, State


def test_events_export_follows_filters_and_region(tmp_path) -> None:  # noqa: ANN001
    events = data.load_events(default_data_dir() / "events.csv")
    state = State(filters=Filters(countries=("NER",)), selection=Selection(region="NE-6"))
    payload, count = exports.events_csv(events, state)
    (tmp_path / "events.csv").write_bytes(payload)
    again = data.load_events(tmp_path / "events.csv")
    assert len(again) == count > 0
    assert all("NE-6" in rs for rs in again["region_ids"])


def test_regions_export_is_geojson_with_zone_flags() -> None:
    folder = default_data_dir()
    regions = data.load_regions(folder / "regions.geojson")
    zones = data.load_zones(folder / "lg_zone.yaml")
    collection = json.loads(exports.regions_geojson(regions, zones))
    assert [f["properties"]["id"] for f in collection["features"]] == list(regions.index)
    tillaberi = next(f for f in collection["features"] if f["properties"]["id"] == "NE-6")
    assert tillaberi["properties"]["zone_historical"] is True
    assert tillaberi["properties"]["name_fr"] == "Tillabéri"


def test_provisions_export_follows_the_charter_filters() -> None:
    folder = default_data_dir()
    provisions = data.load_provisions(folder / "provisions.yaml")
    state = State(filters=Filters(charter_text="rébellion"), selection=Selection(doc="lg_charter_2023"))
    payload, count = exports.provisions_csv(provisions, state)
    lines = payload.decode("utf-8").splitlines()
    assert count == 1 and len(lines) == 2
    assert lines[0].startswith("id,document,number") and lines[1].startswith("lg_charter_2023-5,")


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path) -> None:  # noqa: ANN001
    """Text starting with =, +, -, @, a tab or a carriage return is prefixed with a quote; numbers are not touched
    (negative longitudes stay numbers) and the file still loads."""
    events = data.load_events(default_data_dir() / "events.csv")
    attacks = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    hostile = events.head(len(attacks)).copy()
    hostile["title_en"] = attacks
    hostile["lat"], hostile["lon"] = 14.5, -1.5
    payload = exports.event_rows_csv(hostile)
    (tmp_path / "events.csv").write_bytes(payload)
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"), newline="")))
    assert [r["title_en"] for r in rows] == ["'" + a.replace("\r", "\n") for a in attacks]
    assert {r["lon"] for r in rows} == {"-1.5"}
    reloaded = data.load_events(tmp_path / "events.csv")["title_en"]
    assert list(reloaded)[:4] == ["'" + a for a in attacks[:4]]


def test_provision_export_defuses_formulas() -> None:
    provisions = data.load_provisions(default_data_dir() / "provisions.yaml")
    first = provisions[0].model_copy(update={"title_en": "=1+1"})
    payload, _ = exports.provisions_csv([first], State())
    row = next(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    assert row["title_en"] == "'=1+1"
