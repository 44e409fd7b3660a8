"""Today's first-level units (issue 17): rebuilt byte for byte, within budget, valid, and for each country a
coverage of the same ground as the reference map; every unit is sourced, and the approximate ones say why."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
import yaml

from liptako import data, geo, reforms

from .conftest import run_page
from .test_broken_data import MUTATIONS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
GEOJSON = DATA / "admin_today.geojson"
META = DATA / "admin_today.yaml"


@pytest.fixture(scope="module")
def today() -> gpd.GeoDataFrame:
    return gpd.read_file(GEOJSON).set_index("id", drop=False)


@pytest.fixture(scope="module")
def reference() -> gpd.GeoDataFrame:
    return gpd.read_file(DATA / "regions.geojson").set_index("id", drop=False)


@pytest.fixture(scope="module")
def entries() -> dict[str, dict]:
    return {e["id"]: e for e in yaml.safe_load(META.read_text(encoding="utf-8"))}


def test_within_budget() -> None:
    assert GEOJSON.stat().st_size <= 150_000


def test_every_unit_valid(today: gpd.GeoDataFrame) -> None:
    assert today.geometry.is_valid.all()
    assert not today.geometry.is_empty.any()


@pytest.mark.parametrize("country", ["BFA", "NER"])
def test_units_of_a_country_tile_it(today: gpd.GeoDataFrame, reference: gpd.GeoDataFrame, country: str) -> None:
    """No overlap, no gap, no sliver: the units form a coverage whose union is the country as the reference map
    draws it."""
    mine = today[today["country"] == country].geometry.to_numpy()
    assert len(mine) > 1
    assert shapely.coverage_is_valid(mine), f"{country}: units overlap or leave unmatched edges"
    for i, a in enumerate(mine):
        for b in mine[i + 1 :]:
            assert shapely.intersection(a, b).area == pytest.approx(0, abs=1e-12)
    ref = shapely.union_all(reference[reference["country"] == country].geometry.to_numpy())
    assert shapely.symmetric_difference(shapely.union_all(mine), ref).area == pytest.approx(0, abs=1e-9)


def test_burkina_has_the_seventeen_regions_of_2025(entries: dict[str, dict]) -> None:
    names = {e["name_fr"] for e in entries.values() if e["country"] == "BFA"}
    assert names == {
        "Bankui", "Djôrô", "Goulmou", "Guiriko", "Kadiogo", "Kuilsé", "Liptako", "Nando", "Nakambé", "Nazinon",
        "Oubri", "Sirba", "Soum", "Sourou", "Tannounyan", "Tapoa", "Yaadga",
    }  # fmt: skip


def test_each_province_in_exactly_one_region(entries: dict[str, dict]) -> None:
    provinces = {f["properties"]["id"] for f in json.loads((DATA / "provinces_bfa.geojson").read_text())["features"]}
    used = [pid for e in entries.values() if e["country"] == "BFA" for pid in e["made_of"]]
    assert sorted(used) == sorted(provinces)


def test_split_provinces_are_marked_approximate_with_a_reason(entries: dict[str, dict]) -> None:
    """Tapoa and Soum regions are drawn as whole former provinces (the decree re-cut them): flagged, with why."""
    flagged = {uid for uid, e in entries.items() if e["approximate"]}
    assert flagged == {"BF25-TAPOA", "BF25-SOUM"}
    for uid in flagged:
        assert "Tambaga" in entries[uid]["approximate_en"] or "Tongomayel" in entries[uid]["approximate_en"]
        assert entries[uid]["approximate_fr"]


def test_liptako_is_the_sahel_region_less_soum(entries: dict[str, dict], today, reference) -> None:
    liptako, soum = entries["BF25-LIPTAKO"], entries["BF25-SOUM"]
    assert liptako["reference_region_ids"] == soum["reference_region_ids"] == ["BF-12"]
    whole = shapely.union(today.loc["BF25-LIPTAKO"].geometry, today.loc["BF25-SOUM"].geometry)
    assert shapely.symmetric_difference(whole, reference.loc["BF-12"].geometry).area == pytest.approx(0, abs=1e-9)


def test_niger_unchanged(today: gpd.GeoDataFrame, reference: gpd.GeoDataFrame) -> None:
    for rid in [f"NE-{i}" for i in range(1, 9)]:
        assert today.loc[rid].geometry.equals(reference.loc[rid].geometry)


def test_loader_checks_both_files() -> None:
    units = data.load_today_units(META)
    frame = data.load_admin_today(GEOJSON, {u.id for u in units})
    assert set(frame.index) == {u.id for u in units}
    assert all(u.sources for u in units)


def test_loader_names_a_unit_without_entry(tmp_path: Path) -> None:
    units = {u.id for u in data.load_today_units(META)} - {"BF25-SIRBA"}
    with pytest.raises(data.DataError) as caught:
        data.load_admin_today(GEOJSON, units)
    assert caught.value.field == "id" and caught.value.row is not None and "BF25-SIRBA" in caught.value.why


def test_loader_refuses_approximate_without_reason(tmp_path: Path) -> None:
    broken = tmp_path / "admin_today.yaml"
    broken.write_text(META.read_text(encoding="utf-8").replace("approximate: false", "approximate: true", 1))
    with pytest.raises(data.DataError) as caught:
        data.load_today_units(broken)
    assert caught.value.row is not None and caught.value.field == "approximate_fr"


# ---------------------------------------------------------------- on the map: units, events, panel, switch


@pytest.fixture(scope="module")
def loaded() -> dict[str, object]:
    regions = data.load_regions(DATA / "regions.geojson")
    units = data.load_today_units(META)
    events = data.load_events(DATA / "events.csv")
    return {"regions": regions, "today": units, "frame": data.load_admin_today(GEOJSON), "events": events}


def test_todays_map_covers_the_three_countries_keeping_malis_reference_units(loaded) -> None:  # noqa: ANN001
    units = geo.map_units(loaded["regions"], loaded["frame"])
    assert set(units.loc[units["reference"], "country"]) == {"MLI"}
    assert set(units.loc[units["country"] == "MLI"].index) == set(
        loaded["regions"].index[loaded["regions"]["country"] == "MLI"]
    )
    assert shapely.coverage_is_valid(units.geometry.to_numpy())


def test_events_follow_their_region_or_their_coordinates_on_todays_map(loaded) -> None:  # noqa: ANN001
    """An event of a renamed region passes to its new name; one of a split region goes where its coordinates lie,
    and one there without coordinates is left out rather than guessed."""
    regions, events = loaded["regions"], loaded["events"]
    units = geo.map_units(regions, loaded["frame"])
    later = geo.successors(loaded["today"])
    moved = geo.today_region_ids(events, units, later)
    for eid, old in events["region_ids"].items():
        for rid in old:
            parts = later.get(rid, (rid,))
            new = [p for p in moved[eid] if p in parts]
            if len(parts) == 1:
                assert new == list(parts), eid
            elif pd.isna(events.loc[eid, "lat"]):
                assert new == [], eid
            elif new:
                point = shapely.Point(events.loc[eid, "lon"], events.loc[eid, "lat"])
                assert units.loc[new[0]].geometry.covers(point), eid
    in_sahel = events[events["region_ids"].map(lambda r: "BF-12" in r) & events["lat"].notna()]
    assert len(in_sahel), "the data has located events in the former Sahel region"
    assert moved[in_sahel.index].map(lambda r: bool({"BF25-LIPTAKO", "BF25-SOUM"} & set(r))).any()


def test_selection_carries_across_the_switch_when_it_is_one_unit(loaded) -> None:  # noqa: ANN001
    regions, today = loaded["regions"], loaded["today"]
    units = geo.map_units(regions, loaded["frame"])
    assert geo.carry_region("BF-03", units, today) == "BF25-KADIOGO"  # renamed
    assert geo.carry_region("BF-12", units, today) is None  # split: Liptako and Soum
    assert geo.carry_region("NE-6", units, today) == "NE-6"
    assert geo.carry_region("BF25-SOUM", regions, today) == "BF-12"


def test_panel_names_the_unit_on_both_maps(loaded) -> None:  # noqa: ANN001
    regions, today = loaded["regions"], loaded["today"]
    now = reforms.lineage_markdown("BF25-LIPTAKO", "today", regions, today, "en")
    assert "Sahel (until 2025) → today Liptako" in now and "2 July 2025" in now
    before = reforms.lineage_markdown("BF-12", "reference", regions, today, "fr")
    assert "Sahel (jusqu'en 2025) → aujourd'hui Liptako" in before and "Soum" in before
    assert "Tongomayel" in reforms.lineage_markdown("BF25-SOUM", "today", regions, today, "en")
    assert "not drawn yet" in reforms.lineage_markdown("ML-5", "today", regions, today, "en")


def test_todays_unit_is_in_the_zone_of_the_region_it_was_cut_from(loaded) -> None:  # noqa: ANN001
    regions, today = loaded["regions"], {u.id: u for u in loaded["today"]}
    zones = data.load_zones(DATA / "lg_zone.yaml")
    units = geo.map_units(regions, loaded["frame"])
    provinces = data.load_provinces(DATA / "provinces_bfa.geojson")
    for uid in ("BF25-LIPTAKO", "BF25-TAPOA", "BF25-GUIRIKO"):
        detail = geo.region_detail(units, provinces, zones, uid, "en", today[uid])
        source = geo.region_detail(regions, provinces, zones, today[uid].reference_region_ids[0], "en")
        assert [z.id for z in detail.zones] == [z.id for z in source.zones]
        assert detail.provinces == tuple(today[uid].provinces_today) and not detail.iso


def _panel_text(at) -> str:  # noqa: ANN001
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def test_switch_held_in_the_url_shows_todays_unit_in_the_panel() -> None:
    at = run_page("map", "en", {"bounds": "today", "region": "BF25-LIPTAKO"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Liptako"]
    assert at.radio(key="bounds_choice").value == "today"
    assert "Sahel (until 2025) → today Liptako" in _panel_text(at)
    assert at.selectbox(key="region_picker").value == "BF25-LIPTAKO"
    assert "Sourou (Burkina Faso)" in at.selectbox(key="region_picker").options  # today's units are listed


def test_switching_back_keeps_the_region_it_came_from_in_the_url() -> None:
    at = run_page("map", "fr", {"bounds": "today", "region": "BF25-KADIOGO"})
    at.radio(key="bounds_choice").set_value("reference").run()
    assert not at.exception
    assert "bounds" not in at.query_params
    assert at.query_params["region"] in ("BF-03", ["BF-03"])
    assert [s.value for s in at.subheader] == ["Centre"]
    assert "Centre (jusqu'en 2025) → aujourd'hui Kadiogo" in _panel_text(at)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_map_pages_list_of_reforms_is_built_when_its_section_is_opened(lang: str) -> None:
    """Some twenty Markdown blocks the browser laid out on every load of the map, before the map's frame, whether
    the section was open or not: they now come when it is opened."""
    changes = data.load_admin_changes(data.default_data_dir() / "admin_changes.yaml")
    expected = [reforms.change_markdown(change, lang) for change in changes]
    at = run_page("map", lang)
    assert not at.exception
    assert not set(expected) & {m.value for m in at.markdown}
    at.session_state["reforms_open"] = True
    at.run()
    assert not at.exception
    assert set(expected) <= {m.value for m in at.markdown}


def test_unknown_boundaries_in_a_link_give_a_notice() -> None:
    at = run_page("map", "en", {"bounds": "<b>1990</b>"})
    assert not at.exception
    assert at.radio(key="bounds_choice").value == "reference"
    assert at.warning


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        (name, kind)
        for name, kinds in {
            "admin_today.yaml": ["truncated", "missing field", "duplicate id", "wrong encoding"],
            "admin_today.geojson": ["truncated", "missing field", "duplicate id", "invalid geometry", "wrong encoding"],
        }.items()
        for kind in kinds
    ],
)
def test_defect_names_file_row_and_field(data_copy: Path, file: str, kind: str) -> None:
    MUTATIONS[kind](data_copy / file)
    defects = [d for d in data.check_all(data_copy) if d.file == f"data/{file}"]
    assert defects, f"{kind} in {file} went unnoticed"
    assert defects[0].row is not None and defects[0].field, f"{kind} in {file}: {defects[0]}"


def test_a_broken_file_of_todays_units_leaves_the_reference_map_with_a_message(data_copy: Path, monkeypatch) -> None:  # noqa: ANN001
    MUTATIONS["duplicate id"](data_copy / "admin_today.yaml")
    monkeypatch.setenv("LIPTAKO_DATA_DIR", str(data_copy))
    at = run_page("map", "en", {"bounds": "today", "region": "NE-6"})
    assert not at.exception
    assert any("admin_today.yaml:" in w.value.replace("\\", "") for w in at.warning)
    assert [s.value for s in at.subheader] == ["Tillabéri"]


def test_events_colour_todays_units() -> None:
    at = run_page("map", "en", {"bounds": "today", "colour": "events"})
    assert not at.exception
    assert any("split in 2025" in c.value for c in at.caption)
