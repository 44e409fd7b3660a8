"""The map builder, tested on its HTML: every region present, text escaped, no asset from another host."""

import geopandas as gpd
import pytest

from liptako import data, maps, timeline
from liptako.data import default_data_dir

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def layers() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, object, tuple]:
    folder = default_data_dir()
    regions = data.load_regions(folder / "regions.geojson")
    ids = set(regions.index)
    return (
        regions,
        data.load_provinces(folder / "provinces_bfa.geojson", ids),
        data.load_places(folder / "places.csv", ids),
        data.load_zones(folder / "lg_zone.yaml", ids),
    )


def html_of(m) -> str:  # noqa: ANN001
    return m.get_root().render()


def test_map_holds_every_region_and_serves_its_own_leaflet(layers) -> None:  # noqa: ANN001
    regions, provinces, places, _ = layers
    m = maps.base_map(regions, provinces, places, "en")
    html = html_of(m)
    for rid in regions.index:
        assert f"region-{rid}" in html
    assert maps.external_assets(m) == []
    assert "/app/static/leaflet/leaflet.js" in html
    assert "tile.openstreetmap.org" in html  # offered as an optional layer…
    assert '"show": false' in html or "show: false" in html or html.count("openstreetmap") >= 1


def test_static_assets_follow_the_base_url_path() -> None:
    assert maps.static_url("leaflet/leaflet.js", "/liptako/") == "/liptako/app/static/leaflet/leaflet.js"
    assert maps.static_url("leaflet/leaflet.js", "") == "/app/static/leaflet/leaflet.js"


def test_names_from_data_are_escaped_in_tooltips(layers) -> None:  # noqa: ANN001
    regions, provinces, places, _ = layers
    regions = regions.copy()
    regions.loc["NE-6", "name_en"] = HOSTILE
    places = places.copy()
    places.loc["tillaberi", "name"] = HOSTILE
    html = html_of(maps.base_map(regions, provinces, places, "en"))
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_tripoint_is_where_the_three_countries_meet(layers) -> None:  # noqa: ANN001
    regions = layers[0]
    lat, lon = maps.tripoint(regions)
    assert 14.5 < lat < 15.5 and -0.5 < lon < 1.0
    countries = maps.countries(regions)
    import shapely

    point = shapely.Point(lon, lat)
    assert all(shape.distance(point) < 0.01 for shape in countries.geometry)


def test_click_on_a_region_or_a_town_selects_the_region_under_it(layers) -> None:  # noqa: ANN001
    regions, _, places, _ = layers
    town = places.loc["tillaberi"]
    assert maps.clicked_region({"last_object_clicked": {"lat": town.lat, "lng": town.lon}}, regions) == "NE-6"
    assert maps.clicked_region({"last_object_clicked": {"lat": 16.27, "lng": -0.04}}, regions) == "ML-7"
    assert maps.clicked_region({"last_object_clicked": {"lat": 48.85, "lng": 2.35}}, regions) is None
    assert maps.clicked_region(None, regions) is None
    assert maps.clicked_region({"last_object_clicked": None}, regions) is None


def test_region_detail_and_zone_membership(layers) -> None:  # noqa: ANN001
    regions, provinces, _, zones = layers
    sahel = maps.region_detail(regions, provinces, zones, "BF-12", "fr")
    assert (sahel.name_fr, sahel.country, sahel.capital) == ("Sahel", "BFA", "Dori")
    assert {"Oudalan", "Séno", "Soum", "Yagha"} == set(sahel.provinces)
    assert {z.id for z in sahel.zones} == {"historical", "extended"}
    assert "Liptako" in maps.zone_sentence(sahel, zones, "fr")
    kayes = maps.region_detail(regions, provinces, zones, "ML-1", "en")
    assert {z.id for z in kayes.zones} == {"extended"}
    assert "2018" in maps.zone_sentence(kayes, zones, "en")


def test_zone_and_highlight_layers_carry_only_what_changes(layers) -> None:  # noqa: ANN001
    regions, _, _, zones = layers
    historical = next(z for z in zones if z.id == "historical")
    assert sorted(maps.zone_units(historical, regions)) == sorted(historical.unit_ids)
    assert len(maps.highlight_layer(regions, "NE-6")._children) == 1
    assert len(maps.highlight_layer(regions, None)._children) == 0


def test_click_on_an_event_marker_names_the_event() -> None:
    events = data.load_events(default_data_dir() / "events.csv")
    located = events[events["lat"].notna()]
    event_id, event = next(located.iterrows())
    label = timeline.event_label(event, "fr")
    assert maps.clicked_event({"last_object_clicked_tooltip": label}, events, "fr") == event_id
    assert maps.clicked_event({"last_object_clicked_tooltip": "Tillabéri (Niger)"}, events, "fr") is None
    assert maps.clicked_event({"last_object_clicked_tooltip": None}, events, "fr") is None
    assert maps.clicked_event(None, None, "en") is None
