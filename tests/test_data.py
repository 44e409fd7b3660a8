"""Every loader reads the real files, and every kind of defect is reported with its file, row and field."""

from pathlib import Path

import pytest

from liptako import data
from liptako.data import DataError

from .conftest import DATA


def regions():  # noqa: ANN201
    return data.load_regions(DATA / "regions.geojson")


def test_regions_load_with_their_iso_codes() -> None:
    frame = regions()
    assert len(frame) == 30
    assert frame.crs.to_epsg() == 4326
    assert frame.loc["NE-6", "name_fr"] == "Tillabéri"
    assert frame.groupby("country").size().to_dict() == {"BFA": 13, "MLI": 9, "NER": 8}


def test_provinces_and_places_refer_to_known_regions() -> None:
    ids = set(regions().index)
    provinces = data.load_provinces(DATA / "provinces_bfa.geojson", ids)
    assert len(provinces) == 45
    places = data.load_places(DATA / "places.csv", ids)
    assert len(places) >= 40
    assert {"bamako", "ouagadougou", "niamey"} <= set(places.index)


def test_zones_cover_the_historical_units_and_the_whole_territories() -> None:
    zones = {z.id: z for z in data.load_zones(DATA / "lg_zone.yaml", set(regions().index))}
    assert {"historical", "extended"} <= set(zones)
    assert "NE-6" in zones["historical"].unit_ids
    assert set(zones["extended"].countries) == {"MLI", "BFA", "NER"}


def test_sources_cover_every_data_file() -> None:
    entries = data.load_sources(DATA / "SOURCES.yaml")
    facts = {p.name for p in DATA.iterdir() if p.is_file()} - data.UNSOURCED
    assert facts <= set(entries)


# ---------------------------------------------------------------- defects


def _rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _error(call) -> DataError:  # noqa: ANN001
    with pytest.raises(DataError) as info:
        call()
    return info.value


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "places.csv").unlink()
    error = _error(lambda: data.load_places(data_copy / "places.csv"))
    assert (error.file, error.row, error.why) == ("data/places.csv", None, "file not found")


def test_missing_column(data_copy: Path) -> None:
    _rewrite(data_copy / "places.csv", ",lat,", ",latitude,")
    error = _error(lambda: data.load_places(data_copy / "places.csv"))
    assert (error.file, error.row) == ("data/places.csv", 1)
    assert error.field in {"lat", "latitude"}


def test_bad_value_names_row_and_field(data_copy: Path) -> None:
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[3].split(",")
    fields[5] = "north"  # lat
    lines[3] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _error(lambda: data.load_places(path))
    assert (error.file, error.row, error.field) == ("data/places.csv", 4, "lat")
    assert "north" in error.why
    assert str(error).startswith("data/places.csv:4: lat: ")


def test_duplicate_id(data_copy: Path) -> None:
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    error = _error(lambda: data.load_places(path))
    assert (error.row, error.field) == (len(lines) + 1, "id")
    assert "first used at row 2" in error.why


def test_dangling_reference(data_copy: Path) -> None:
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[4] = "NE-9"
    lines[1] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _error(lambda: data.load_places(path, set(regions().index)))
    assert (error.row, error.field) == (2, "region_id")
    assert "NE-9" in error.why


def test_truncated_file(data_copy: Path) -> None:
    path = data_copy / "places.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n", 200) + 12], encoding="utf-8")
    error = _error(lambda: data.load_places(path))
    assert error.file == "data/places.csv" and error.row is not None


def test_wrong_encoding(data_copy: Path) -> None:
    path = data_copy / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    error = _error(lambda: data.load_places(path))
    assert "UTF-8" in error.why and error.row is not None and error.row > 1


def test_invalid_geometry(data_copy: Path) -> None:
    path = data_copy / "regions.geojson"
    lines = path.read_text(encoding="utf-8").splitlines()
    # Feature 3 becomes a bow-tie polygon, which is not a valid area.
    head, _, _ = lines[3].partition('"geometry":')
    lines[3] = head + '"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _error(lambda: data.load_regions(path))
    assert (error.row, error.field) == (3, "geometry")
    assert "Self-intersection" in error.why


def test_yaml_defect_names_the_entry_line(data_copy: Path) -> None:
    path = data_copy / "lg_zone.yaml"
    _rewrite(path, "since:", "since: not-a-date\n  ignored:")
    error = _error(lambda: data.load_zones(path))
    assert error.file == "data/lg_zone.yaml" and error.row is not None and error.field is not None


def test_unsourced_data_file_is_reported(data_copy: Path) -> None:
    (data_copy / "extra.csv").write_text("id\n", encoding="utf-8")
    error = _error(lambda: data.load_sources(data_copy / "SOURCES.yaml"))
    assert (error.file, error.field) == ("data/SOURCES.yaml", "extra.csv")


# ---------------------------------------------------------------- events, periods, texts


def _all_ids() -> tuple[set[str], set[str]]:
    documents = data.load_documents(DATA / "documents.yaml")
    provisions = data.load_provisions(DATA / "provisions.yaml", {d.id for d in documents})
    return set(regions().index), {p.id for p in provisions}


def test_events_refer_to_existing_regions_and_provisions() -> None:
    region_ids, provision_ids = _all_ids()
    events = data.load_events(DATA / "events.csv", region_ids, provision_ids)
    assert len(events) >= 120
    assert events["date"].min().year == 1960 and events["date"].max().year >= 2025


def test_every_event_is_bilingual_and_sourced() -> None:
    events = data.load_events(DATA / "events.csv")
    for column in ("title_fr", "title_en", "summary_fr", "summary_en"):
        assert events[column].str.strip().str.len().gt(0).all(), column
    assert events["sources"].map(len).gt(0).all()
    translated = (events["title_fr"] != events["title_en"]) | (events["summary_fr"] != events["summary_en"])
    assert translated.all()


def test_every_successful_coup_since_independence_is_there() -> None:
    events = data.load_events(DATA / "events.csv")
    coups = events[events["type"].map(str) == "coup"]
    coups = {(str(c), d.year) for cs, d in zip(coups["countries"], coups["date"], strict=False) for c in cs}
    expected = {
        ("MLI", 1968),
        ("MLI", 1991),
        ("MLI", 2012),
        ("MLI", 2020),
        ("MLI", 2021),
        ("BFA", 1966),
        ("BFA", 1980),
        ("BFA", 1982),
        ("BFA", 1983),
        ("BFA", 1987),
        ("BFA", 2014),
        ("BFA", 2022),
        ("NER", 1974),
        ("NER", 1996),
        ("NER", 1999),
        ("NER", 2010),
        ("NER", 2023),
    }
    assert expected <= coups


def test_junta_claims_are_labelled_as_claims() -> None:
    events = data.load_events(DATA / "events.csv")
    claims = events[events["claim"]]
    assert len(claims) >= 5
    assert set(claims["type"].map(str)) <= {"attempted_coup", "diplomatic", "security_incident"}


def test_rule_periods_cover_the_current_juntas() -> None:
    periods = data.load_rule_periods(DATA / "rule_periods.csv")
    ongoing = periods[periods["end"].isna()]
    assert set(ongoing["country"].map(str)) == {"MLI", "BFA", "NER"}


def test_documents_and_provisions_load_together() -> None:
    documents = {d.id: d for d in data.load_documents(DATA / "documents.yaml")}
    assert {"lg_charter_2023", "aes_treaty_2024", "alg_1970", "alg_2017"} <= set(documents)
    assert str(documents["lg_charter_2023"].date) == "2023-09-16"
    assert str(documents["aes_treaty_2024"].date) == "2024-07-06"


def test_dangling_provision_reference_in_events(data_copy: Path) -> None:
    path = data_copy / "events.csv"
    _rewrite(path, "lg_charter_2023-6", "lg_charter_2023-99")
    region_ids, provision_ids = _all_ids()
    error = _error(lambda: data.load_events(path, region_ids, provision_ids))
    assert (error.file, error.field) == ("data/events.csv", "provision_ids")
    assert "lg_charter_2023-99" in error.why and error.row and error.row > 1


def test_bad_event_date(data_copy: Path) -> None:
    path = data_copy / "events.csv"
    _rewrite(path, "2023-09-16,day", "2023-09-31,day")
    error = _error(lambda: data.load_events(path))
    assert (error.file, error.field) == ("data/events.csv", "date") and "2023-09-31" in error.why
