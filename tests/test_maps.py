"""The map builder, tested on its HTML: every region present, text escaped, no asset from another host."""

import json
import re

import geopandas as gpd
import pytest

from liptako import data, geo, maps, timeline
from liptako.data import default_data_dir
from liptako.state import Filters
from liptako.text import escape_html

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
    m = maps.base_map(regions, places, "en")
    html = html_of(m)
    for rid in regions.index:
        assert f"region-{rid}" in html
    assert maps.external_assets(m) == []
    assert "/app/static/leaflet/leaflet.js" in html


def test_tiles_are_offered_in_the_layer_control_but_off_by_default(layers) -> None:  # noqa: ANN001
    """Leaflet ticks an overlay in the layer control only if it is on the map: the tile layer must be listed
    there but never added to the map by the page's own script (it would be with folium's default show=True)."""
    regions, provinces, places, _ = layers
    html = html_of(maps.base_map(regions, places, "en"))
    map_var = re.search(r"var (map_\w+) = L\.map\(", html).group(1)
    tiles = re.findall(r"var (tile_layer_\w+) = L\.tileLayer\(\s*\"https://tile\.openstreetmap\.org/", html)
    assert len(tiles) == 1, "one OpenStreetMap tile layer, offered as an option"
    overlays = re.search(r"overlays\s*:\s*\{(.*?)\}", html, re.S).group(1)
    assert re.search(rf":\s*{tiles[0]}\s*,", overlays), "the tile layer is listed in the layer control"
    assert f"{tiles[0]}.addTo(" not in html and f"addLayer({tiles[0]})" not in html
    assert f".addTo({map_var});" in html  # how folium adds what is shown at start (regions, control…)


def test_static_assets_follow_the_base_url_path() -> None:
    assert maps.static_url("leaflet/leaflet.js", "/liptako/") == "/liptako/app/static/leaflet/leaflet.js"
    assert maps.static_url("leaflet/leaflet.js", "") == "/app/static/leaflet/leaflet.js"


def test_tripoint_is_where_the_three_countries_meet(layers) -> None:  # noqa: ANN001
    regions = layers[0]
    lat, lon = geo.tripoint(regions)
    assert 14.5 < lat < 15.5 and -0.5 < lon < 1.0
    countries = geo.countries(regions)
    import shapely

    point = shapely.Point(lon, lat)
    assert all(shape.distance(point) < 0.01 for shape in countries.geometry)


def test_click_on_a_region_or_a_town_selects_the_region_under_it(layers) -> None:  # noqa: ANN001
    regions, _, places, _ = layers
    town = places.loc["tillaberi"]
    assert geo.clicked_region({"last_object_clicked": {"lat": town.lat, "lng": town.lon}}, regions) == "NE-6"
    assert geo.clicked_region({"last_object_clicked": {"lat": 16.27, "lng": -0.04}}, regions) == "ML-7"
    assert geo.clicked_region({"last_object_clicked": {"lat": 48.85, "lng": 2.35}}, regions) is None
    assert geo.clicked_region(None, regions) is None
    assert geo.clicked_region({"last_object_clicked": None}, regions) is None


def test_region_detail_and_zone_membership(layers) -> None:  # noqa: ANN001
    regions, provinces, _, zones = layers
    sahel = geo.region_detail(regions, provinces, zones, "BF-12", "fr")
    assert (sahel.name_fr, sahel.country, sahel.capital) == ("Sahel", "BFA", "Dori")
    assert {"Oudalan", "Séno", "Soum", "Yagha"} == set(sahel.provinces)
    assert {z.id for z in sahel.zones} == {"historical", "extended"}
    assert "Liptako" in geo.zone_sentence(sahel, zones, "fr")
    kayes = geo.region_detail(regions, provinces, zones, "ML-1", "en")
    assert {z.id for z in kayes.zones} == {"extended"}
    assert "2018" in geo.zone_sentence(kayes, zones, "en")


def test_zone_and_highlight_layers_carry_only_what_changes(layers) -> None:  # noqa: ANN001
    regions, _, _, zones = layers
    historical = next(z for z in zones if z.id == "historical")
    assert sorted(geo.zone_units(historical, regions)) == sorted(historical.unit_ids)
    assert len(maps.highlight_layer(regions, "NE-6")._children) == 1
    assert len(maps.highlight_layer(regions, None)._children) == 0


def rendered_features(html: str) -> list[dict]:
    """Every GeoJSON feature exactly as the page's script holds them."""
    features = []
    for call in re.finditer(r"geo_json_\w+_add\(", html):
        collection, _ = json.JSONDecoder().raw_decode(html, call.end())
        features += collection["features"]
    return features


def rendered_points(html: str, layer: str) -> list[dict]:
    """The point features of one kind ("event", "town", "tripoint") exactly as the page's script holds them."""
    return [f for f in rendered_features(html) if (f.get("properties") or {}).get("layer") == layer]


def test_click_on_an_event_dot_opens_the_event_by_its_id(layers) -> None:  # noqa: ANN001
    """Every located event can be opened from the map, periods (with an end date) included: the click is read from
    the feature the browser reports, as st_folium returns it for the dot actually rendered."""
    regions, provinces, places, _ = layers
    events = data.load_events(default_data_dir() / "events.csv")
    dots = rendered_points(html_of(maps.base_map(regions, places, "fr", events=events)), "event")
    opened = set()
    for dot in dots:
        clicked = geo.clicked_event({"last_active_drawing": dot, "last_object_clicked": {"lat": 0, "lng": 0}}, events)
        assert clicked == dot["properties"]["ids"][0]
        opened |= {clicked, *geo.same_spot(events, clicked)}
    located = set(events.index[events["lat"].notna()])
    assert opened == located
    periods = set(events.index[events["end_date"].notna()]) & located
    assert periods and periods <= opened


def test_clicks_on_other_things_open_no_event(layers) -> None:  # noqa: ANN001
    regions, provinces, places, _ = layers
    events = data.load_events(default_data_dir() / "events.csv")
    html = html_of(maps.base_map(regions, places, "en", events=events))
    town = rendered_points(html, "town")[0]
    assert geo.clicked_event({"last_active_drawing": town}, events) is None
    region = {"type": "Feature", "properties": {"id": "NE-6", "label": "Tillabéri (Niger)"}}
    assert geo.clicked_event({"last_active_drawing": region}, events) is None
    assert geo.clicked_event({"last_active_drawing": None}, events) is None
    stale = {"properties": {"layer": "event", "ids": ["no-such-event"]}}
    assert geo.clicked_event({"last_active_drawing": stale}, events) is None
    assert geo.clicked_event(None, None) is None


TEMPLATE_ATTACKS = [HOSTILE, "`", "${alert(document.domain)}", "\\", "</script><script>alert(1)</script>"]


@pytest.mark.parametrize("attack", TEMPLATE_ATTACKS)
def test_data_text_is_escaped_and_never_reaches_a_script_template_literal(layers, attack: str) -> None:  # noqa: ANN001
    """folium writes `Tooltip` and `Popup` text into JavaScript template literals; data text must never go there
    raw. Town, region and event names carrying a backtick, `${...}`, a backslash or a closing script tag appear
    in the page only as JSON data or HTML character references."""
    regions, provinces, places, _ = layers
    events = data.load_events(default_data_dir() / "events.csv").copy()
    regions = regions.copy()
    regions.loc["NE-6", "name_en"] = f"Tillabéri zq{attack}zq"
    places = places.copy()
    places.loc["tillaberi", "name"] = f"Tillabéri zq{attack}zq"
    located = events.index[events["lat"].notna()]
    events.loc[located, "title_en"] = events.loc[located, "title_en"] + f" zq{attack}zq"
    html = html_of(maps.base_map(regions, places, "en", events=events))
    assert f"zq{attack}zq" not in html
    assert "L.tooltip(" not in html and "L.popup(" not in html, "text from data goes through feature properties"
    for kind in ("town", "event"):
        labels = [f["properties"]["label"] for f in rendered_points(html, kind)]
        assert labels and all("`" not in label and "${" not in label and "\\" not in label for label in labels)
    town = next(f for f in rendered_points(html, "town") if f["properties"]["id"] == "tillaberi")
    assert town["properties"]["label"] == escape_html(f"Tillabéri zq{attack}zq")


def test_a_click_near_a_border_selects_the_region_that_holds_the_point(layers) -> None:  # noqa: ANN001
    """Points 0.05° inside each side of every shared border: the region selected is the one whose polygon holds
    the point, never its neighbour."""
    regions = layers[0]
    checked = 0
    for rid, shape in regions.geometry.items():
        for other, neighbour in regions.geometry.items():
            if other <= rid or not shape.touches(neighbour):
                continue
            border = shape.boundary.intersection(neighbour.boundary)
            if border.length == 0:
                continue
            middle = border.interpolate(0.5, normalized=True)
            for region_id, polygon in ((rid, shape), (other, neighbour)):
                inner = polygon.buffer(-0.05).boundary
                point = inner.interpolate(inner.project(middle))
                if not polygon.contains(point) or point.distance(middle) > 0.2:
                    continue
                returned = {"last_object_clicked": {"lat": point.y, "lng": point.x}}
                assert geo.clicked_region(returned, regions) == region_id
                checked += 1
    assert checked > len(regions)


def test_count_classes_cover_every_count_in_doubling_ranges() -> None:
    assert maps.count_classes(0) == [(0, 0)]
    assert maps.count_classes(1) == [(0, 0), (1, 1)]
    assert maps.count_classes(11) == [(0, 0), (1, 1), (2, 3), (4, 7), (8, 11)]
    classes = maps.count_classes(200)
    assert len(classes) <= len(maps.CHOROPLETH_COLOURS) + 1 and classes[-1][1] == 200
    for count in range(201):  # every count falls in exactly one class, and more never looks lighter
        assert sum(low <= count <= high for low, high in classes) == 1
    assert maps.class_colour(0, classes) == maps.CHOROPLETH_ZERO


def test_choropleth_counts_the_filtered_events_of_each_region(layers) -> None:  # noqa: ANN001
    regions = layers[0]
    events = data.load_events(default_data_dir() / "events.csv")
    niger = timeline.filter_events(events, Filters(countries=("NER",)))
    counts = geo.events_per_region(niger, regions.index)
    assert list(counts.index) == list(regions.index)
    assert counts["NE-6"] == len(timeline.filter_events(niger, Filters(), "NE-6")) > 0
    assert counts["ML-1"] == len(timeline.filter_events(niger, Filters(), "ML-1"))
    shapes = next(iter(maps.choropleth_layer(regions, counts)._children.values()))
    fills = {f["properties"]["id"]: shapes.style_function(f)["fillColor"] for f in shapes.data["features"]}
    classes = maps.count_classes(int(counts.max()))
    assert fills == {rid: maps.class_colour(int(counts[rid]), classes) for rid in regions.index}
    assert fills["ML-1"] == maps.CHOROPLETH_ZERO or counts["ML-1"] > 0
    key = maps.choropleth_legend(counts, "Niger <b>only</b>")
    assert "Niger &lt;b&gt;only&lt;/b&gt;" in key and "<b>only" not in key


def test_map_has_its_context_labels_and_controls(layers) -> None:  # noqa: ANN001
    regions, provinces, places, _ = layers
    context = data.load_context(default_data_dir() / "context.geojson")
    html = html_of(maps.base_map(regions, places, "fr", context=context))
    assert "liptako-reset" in html and json.dumps("⤢ Toute la région") in html
    assert "MALI" in html and "BURKINA FASO" in html and "Niamey" in html
    water = [f for f in rendered_features(html) if f["properties"].get("id") == "river-niger"]
    assert water and water[0]["properties"]["label"] == "fleuve Niger"
    assert re.search(r'createPane\(\s*"points"', html)


def test_a_click_on_a_region_shape_selects_the_shape_the_browser_hit(layers) -> None:  # noqa: ANN001
    """Where the drawn shape and the data's polygon disagree by a rounding (a point on the border), the region is
    the one whose shape was clicked, the one whose tooltip shows there; a click on a dot is placed by its point."""
    regions = layers[0]
    shape = {"type": "Feature", "properties": {"id": "BF-12"}, "geometry": {"type": "Polygon", "coordinates": []}}
    niger_point = {"lat": 14.2, "lng": 1.45}  # inside Tillabéri
    assert geo.clicked_region({"last_active_drawing": shape, "last_object_clicked": niger_point}, regions) == "BF-12"
    dot = {"type": "Feature", "properties": {"layer": "event", "ids": ["x"]}, "geometry": {"type": "Point"}}
    assert geo.clicked_region({"last_active_drawing": dot, "last_object_clicked": niger_point}, regions) == "NE-6"
    town = {"type": "Feature", "properties": {"id": "dori", "layer": "town"}, "geometry": {"type": "Point"}}
    assert geo.clicked_region({"last_active_drawing": town, "last_object_clicked": niger_point}, regions) == "NE-6"
