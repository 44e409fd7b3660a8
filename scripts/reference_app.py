"""The bare reference `scripts/bench.py` measures the dashboard against: the same admin-1 map through st_folium
(same vendored Leaflet, no tiles) and the name of the clicked region — nothing else. Not part of the app."""

from pathlib import Path

import folium
import geopandas as gpd
import shapely
import streamlit as st
from streamlit_folium import st_folium

REGIONS = gpd.read_file(Path(__file__).resolve().parent / "data" / "regions.geojson").set_index("id", drop=False)

west, south, east, north = REGIONS.total_bounds
m = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=5, zoom_snap=0.25, tiles=None)
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
m.fit_bounds([[south, west], [north, east]])
folium.GeoJson(
    REGIONS[["id", "name_en", "geometry"]],
    style_function=lambda f: {"className": f"region region-{f['properties']['id']}", "weight": 1},
    tooltip=folium.GeoJsonTooltip(fields=["name_en"], labels=False),
).add_to(m)

clicked = st_folium(m, key="map", height=560, use_container_width=True, returned_objects=["last_object_clicked"])
point = (clicked or {}).get("last_object_clicked")
name = "—"
if point:
    hits = REGIONS[REGIONS.geometry.covers(shapely.Point(point["lng"], point["lat"]))]
    name = hits.iloc[0]["name_en"] if len(hits) else "—"
with st.container(key="region_panel"):
    st.subheader(name)
