"""Build the folium map of the tri-border region, and read a click back into a region id.

The base map (regions, countries, provinces, towns, legend) is the same on every rerun for a given language, so
streamlit-folium keeps its iframe; what changes with the reader's choices (selected region, zone layer) is returned
as separate feature groups for `st_folium(feature_group_to_add=...)`. Every text put into the map's HTML is
escaped here: Leaflet tooltips are HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
import shapely
from babel.numbers import format_decimal
from branca.element import Element

from liptako.i18n import Lang, format_date, t
from liptako.schema import Zone
from liptako.text import escape_html, escape_md
from liptako.timeline import TYPE_COLOURS, event_label

COUNTRY_COLOURS = {"MLI": "#b5651d", "BFA": "#2e7d6b", "NER": "#5b5ea6"}
ZONE_COLOUR = "#d1495b"
HIGHLIGHT_COLOUR = "#111111"
MAX_TOOLTIP_EVENTS = 6


def static_url(relative: str, base_url_path: str = "") -> str:
    """Where Streamlit serves `static/<relative>`; the base path matters when the app runs behind a prefix."""
    prefix = f"/{base_url_path.strip('/')}" if base_url_path.strip("/") else ""
    return f"{prefix}/app/static/{relative}"


def countries(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Country shapes as the union of their admin-1 units (the units form an exact coverage)."""
    merged = regions.dissolve(by="country", as_index=False)[["country", "geometry"]]
    return merged.set_index("country", drop=False)


def tripoint(regions: gpd.GeoDataFrame) -> tuple[float, float]:
    """The point where Mali, Burkina Faso and Niger meet, found from the boundaries themselves (lat, lon)."""
    shapes = countries(regions).geometry
    meeting = shapely.intersection_all([shape.boundary for shape in shapes])
    if meeting.is_empty:
        meeting = shapely.intersection_all([shape.buffer(1e-6).boundary for shape in shapes])
    centre = meeting.centroid
    return round(centre.y, 4), round(centre.x, 4)


def zone_units(zone: Zone, regions: gpd.GeoDataFrame) -> list[str]:
    """The admin-1 ids a zone covers: its listed units, or every unit of its countries."""
    if zone.unit_ids:
        return [rid for rid in zone.unit_ids if rid in regions.index]
    return [rid for rid, country in regions["country"].items() if country in zone.countries]


def _geojson(frame: gpd.GeoDataFrame, labels: Mapping[str, str]) -> dict:
    """Features with only what the browser needs: the id (read back on click) and an escaped label."""
    features = [
        {
            "type": "Feature",
            "properties": {"id": rid, "label": escape_html(labels[rid])},
            "geometry": shapely.geometry.mapping(geometry),
        }
        for rid, geometry in frame.geometry.items()
    ]
    return {"type": "FeatureCollection", "features": features}


def region_label(row: pd.Series, lang: Lang) -> str:
    name = row[f"name_{lang}"]
    return f"{name} ({t('country.' + row['country'], lang)})"


def _region_style(feature: dict, colours: Mapping[str, str]) -> dict:
    rid = feature["properties"]["id"]
    return {
        "fillColor": colours[rid],
        "color": "#ffffff",
        "weight": 1,
        "fillOpacity": 0.45,
        "className": f"region region-{rid}",
    }


def _legend(lang: Lang) -> Element:
    rows = "".join(
        f'<div><span style="background:{colour}"></span>{escape_html(t("country." + code, lang))}</div>'
        for code, colour in COUNTRY_COLOURS.items()
    )
    rows += (
        f'<div><span style="background:transparent;border:2px dashed {ZONE_COLOUR}"></span>'
        f"{escape_html(t('map.legend.zone', lang))}</div>"
        f'<div><span class="dot"></span>{escape_html(t("map.legend.towns", lang))}</div>'
        f'<div><span class="ring"></span>{escape_html(t("map.legend.tripoint", lang))}</div>'
        f'<div><span class="event"></span>{escape_html(t("map.legend.events", lang))}</div>'
    )
    return Element(
        f"""<div class="liptako-legend" role="region" aria-label="{escape_html(t("map.legend.title", lang))}">
<strong>{escape_html(t("map.legend.title", lang))}</strong>{rows}</div>
<style>
.liptako-legend {{position:absolute; z-index:1000; bottom:24px; right:10px; max-width:175px;
  background:rgba(255,255,255,.92);
  padding:4px 6px; border-radius:4px; font:11px/1.4 sans-serif; box-shadow:0 1px 4px rgba(0,0,0,.3)}}
.liptako-legend span {{display:inline-block; width:14px; height:10px; margin-right:6px; vertical-align:middle}}
.liptako-legend span.dot {{width:8px; height:8px; border-radius:50%; background:#222; margin:0 9px 0 3px}}
.liptako-legend span.event {{width:10px; height:10px; border-radius:50%; border:1px solid #fff;
  background:{TYPE_COLOURS["coup"]}; box-shadow:0 0 0 1px {TYPE_COLOURS["security_incident"]}; margin:0 7px 0 2px}}
.liptako-legend span.ring {{width:8px; height:8px; border-radius:50%; border:3px solid {ZONE_COLOUR};
  background:#fff; margin:0 6px 0 0}}
</style>"""
    )


def _point_features(rows: Iterable[tuple[str, float, float, dict]]) -> dict:
    """Point features from (id, lat, lon, properties); the properties are what tooltips and clicks read back, the
    id lets folium key its styles by feature rather than by some unique-looking property."""
    features = [
        {"type": "Feature", "id": fid, "properties": props, "geometry": {"type": "Point", "coordinates": [lon, lat]}}
        for fid, lat, lon, props in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def _point_layer(collection: dict, name: str, style: Callable[[dict], dict], show: bool = True) -> folium.GeoJson:
    """One GeoJSON layer of dots: one script object for all of them, the tooltip read from each feature's escaped
    `label` property (never written into the page's script), and clicks reported with the feature's properties."""
    return folium.GeoJson(
        collection,
        name=name,
        marker=folium.CircleMarker(fill=True),
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        show=show,
    )


def towns_layer(places: pd.DataFrame, lang: Lang) -> folium.GeoJson:
    """Towns as one point layer: capitals and regional capitals as white dots, other towns as small black ones."""
    rows = []
    for place in places.itertuples():
        name = place.name_en if lang == "en" and place.name_en else place.name
        major = place.kind in ("capital", "regional_capital")
        rows.append(
            (
                place.Index,
                place.lat,
                place.lon,
                {"layer": "town", "id": place.Index, "major": major, "label": escape_html(name)},
            )
        )

    def style(feature: dict) -> dict:
        major = feature["properties"]["major"]
        return {
            "radius": 4 if major else 2.5,
            "color": "#222222",
            "weight": 1,
            "fillColor": "#ffffff" if major else "#222222",
            "fillOpacity": 1,
            "className": "place",
        }

    return _point_layer(_point_features(rows), escape_html(t("map.layer.towns", lang)), style)


def event_spots(events: pd.DataFrame) -> list[list[str]]:
    """The ids of the events that have coordinates, grouped by spot (same coordinates), newest first in each group:
    events at one place (a capital's coups) are one dot that lists them all, so none hides another."""
    located = events[events["lat"].notna()].sort_values("date", ascending=False)
    groups = located.groupby([located["lat"].round(4), located["lon"].round(4)], sort=False)
    return [list(map(str, frame.index)) for _, frame in groups]


def same_spot(events: pd.DataFrame, event_id: str) -> list[str]:
    """The other events drawn in the same dot as `event_id` (newest first): the panel lists them after a click."""
    for ids in event_spots(events):
        if event_id in ids:
            return [i for i in ids if i != event_id]
    return []


def event_layer(events: pd.DataFrame, lang: Lang) -> folium.GeoJson:
    """Events that have coordinates, one dot per spot coloured by the newest event's type and sized by how many
    events it holds; the tooltip names them all, a click opens the newest one (found by id)."""
    rows = []
    for ids in event_spots(events):
        newest = events.loc[ids[0]]
        lines = [escape_html(event_label(events.loc[i], lang)) for i in ids[:MAX_TOOLTIP_EVENTS]]
        if len(ids) > MAX_TOOLTIP_EVENTS:
            lines.append(escape_html(t("map.more_events", lang, count=len(ids) - MAX_TOOLTIP_EVENTS)))
        props = {"layer": "event", "ids": ids, "type": str(newest["type"]), "label": "<br>".join(lines)}
        rows.append((f"spot-{ids[0]}", float(newest["lat"]), float(newest["lon"]), props))

    def style(feature: dict) -> dict:
        count = len(feature["properties"]["ids"])
        return {
            "radius": min(6 + 2 * (count - 1), 14),
            "color": "#ffffff",
            "weight": 1.5,
            "fillColor": TYPE_COLOURS[feature["properties"]["type"]],
            "fillOpacity": 0.95,
            "className": "event",
        }

    return _point_layer(_point_features(rows), escape_html(t("map.layer.events", lang)), style)


def tripoint_layer(regions: gpd.GeoDataFrame, lang: Lang) -> folium.GeoJson:
    """The point where the three countries meet, as a ringed dot above the event dots."""
    lat, lon = tripoint(regions)
    label = escape_html(t("map.tripoint", lang, lat=f"{lat:.3f}", lon=f"{lon:.3f}"))
    layer = _point_layer(
        _point_features([("tripoint", lat, lon, {"layer": "tripoint", "label": label})]),
        escape_html(t("map.legend.tripoint", lang)),
        lambda f: {
            "radius": 7,
            "color": ZONE_COLOUR,
            "weight": 3,
            "fillColor": "#ffffff",
            "fillOpacity": 1,
            "className": "tripoint",
        },
    )
    layer.control = False
    return layer


def base_map(
    regions: gpd.GeoDataFrame,
    provinces: gpd.GeoDataFrame,
    places: pd.DataFrame,
    lang: Lang,
    base_url_path: str = "",
    events: pd.DataFrame | None = None,
) -> folium.Map:
    """The map every view starts from: works with no tile server; tiles are an optional layer, off by default."""
    west, south, east, north = regions.total_bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=5,
        zoom_snap=0.25,
        zoom_delta=0.5,
        tiles=None,
        control_scale=True,
    )
    # folium hands min/max zoom to its tile layer only; with no tiles the map itself needs them.
    m.options.update({"minZoom": 4, "maxZoom": 11})
    m.default_js = [("leaflet", static_url("leaflet/leaflet.js", base_url_path))]
    m.default_css = [("leaflet_css", static_url("leaflet/leaflet.css", base_url_path))]
    m.fit_bounds([[south, west], [north, east]])

    folium.TileLayer(
        "OpenStreetMap", name=escape_html(t("map.layer.tiles", lang)), overlay=True, show=False, control=True
    ).add_to(m)

    colours = {rid: COUNTRY_COLOURS[c] for rid, c in regions["country"].items()}
    labels = {rid: region_label(row, lang) for rid, row in regions.iterrows()}
    folium.GeoJson(
        _geojson(regions, labels),
        name=escape_html(t("map.layer.regions", lang)),
        style_function=lambda f: _region_style(f, colours),
        highlight_function=lambda f: {"weight": 3, "color": HIGHLIGHT_COLOUR, "fillOpacity": 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        control=False,
    ).add_to(m)

    folium.GeoJson(
        _geojson(countries(regions), {c: t("country." + c, lang) for c in COUNTRY_COLOURS}),
        name=escape_html(t("map.layer.countries", lang)),
        style_function=lambda f: {"fill": False, "color": "#333333", "weight": 2.5, "interactive": False},
        interactive=False,
        control=False,
    ).add_to(m)

    province_labels = {pid: f"{row[f'name_{lang}']} ({t('map.province', lang)})" for pid, row in provinces.iterrows()}
    folium.GeoJson(
        _geojson(provinces, province_labels),
        name=escape_html(t("map.layer.provinces", lang)),
        style_function=lambda f: {"fill": False, "color": "#444444", "weight": 0.8, "dashArray": "3 3"},
        interactive=False,
        show=False,
    ).add_to(m)

    towns_layer(places, lang).add_to(m)
    if events is not None:
        event_layer(events, lang).add_to(m)
    tripoint_layer(regions, lang).add_to(m)

    # The component's page must not scroll: otherwise the first click, which focuses the map, scrolls it a few
    # pixels and Leaflet reads the click as a drag (the reader's first click on a region was lost).
    m.get_root().header.add_child(Element("<style>html, body {margin: 0; overflow: hidden}</style>"))
    m.get_root().html.add_child(_legend(lang))
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def clicked_event(returned: Mapping | None, events: pd.DataFrame | None) -> str | None:
    """The event opened by the last click: the newest event of the clicked dot, read from the dot's own feature
    (its ids), never from its label; None when the click was on anything else (a region, a town)."""
    feature = (returned or {}).get("last_active_drawing") or {}
    props = feature.get("properties") or {}
    if events is None or props.get("layer") != "event":
        return None
    ids = [str(i) for i in props.get("ids") or [] if str(i) in events.index]
    return ids[0] if ids else None


def zone_layer(zone: Zone, regions: gpd.GeoDataFrame, lang: Lang) -> folium.FeatureGroup:
    """The Liptako-Gourma zone drawn over the regions, without catching clicks meant for them."""
    units = regions.loc[zone_units(zone, regions)]
    group = folium.FeatureGroup(name=t("map.layer.zone", lang))
    outline = shapely.union_all(list(units.geometry))
    folium.GeoJson(
        shapely.geometry.mapping(outline),
        style_function=lambda f: {
            "color": ZONE_COLOUR,
            "weight": 3,
            "dashArray": "8 6",
            "fillColor": ZONE_COLOUR,
            "fillOpacity": 0.12,
            "interactive": False,
            "className": "lg-zone",
        },
        interactive=False,
    ).add_to(group)
    return group


def highlight_layer(regions: gpd.GeoDataFrame, region_id: str | None) -> folium.FeatureGroup:
    """The selected region's outline; an empty group when nothing is selected."""
    group = folium.FeatureGroup(name="selection")
    if region_id in regions.index:
        folium.GeoJson(
            shapely.geometry.mapping(regions.loc[region_id].geometry),
            style_function=lambda f: {
                "color": HIGHLIGHT_COLOUR,
                "weight": 4,
                "fillOpacity": 0,
                "interactive": False,
                "className": "selected-region",
            },
            interactive=False,
        ).add_to(group)
    return group


def clicked_region(returned: Mapping | None, regions: gpd.GeoDataFrame) -> str | None:
    """The region under the last click on the map, whatever was clicked (a region, a town dot, the zone).

    streamlit-folium reports the clicked point for every object; the region is found by point-in-polygon, so a
    click on a town inside Tillabéri selects Tillabéri. Tolerates st_folium's None and partial dicts.
    """
    point = (returned or {}).get("last_object_clicked") or {}
    if "lat" not in point or "lng" not in point:
        return None
    hits = regions.index[regions.geometry.covers(shapely.Point(point["lng"], point["lat"]))]
    return str(hits[0]) if len(hits) else None


@dataclass(frozen=True)
class RegionDetail:
    """What the panel beside the map says about one region."""

    id: str
    name_fr: str
    name_en: str
    country: str
    type: str
    capital: str
    area_km2: float
    zones: tuple[Zone, ...]
    provinces: tuple[str, ...]


def region_detail(
    regions: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame, zones: Iterable[Zone], region_id: str, lang: Lang
) -> RegionDetail:
    row = regions.loc[region_id]
    inside = tuple(z for z in zones if region_id in zone_units(z, regions))
    names = tuple(sorted(provinces.loc[provinces["region_id"] == region_id, f"name_{lang}"]))
    return RegionDetail(
        id=region_id,
        name_fr=row["name_fr"],
        name_en=row["name_en"],
        country=row["country"],
        type=row[f"type_{lang}"],
        capital=row["capital"],
        area_km2=float(row["area_km2"]),
        zones=inside,
        provinces=names,
    )


def external_assets(m: folium.Map) -> list[str]:
    """JS/CSS the map would fetch from another host; must stay empty (the app serves its own Leaflet)."""
    links: list[str] = []
    stack: list[object] = [m]
    while stack:
        element = stack.pop()
        for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]:
            if url.startswith(("http:", "https:", "//")):
                links.append(url)
        stack.extend(getattr(element, "_children", {}).values())
    return links


def format_area(area_km2: float, lang: Lang) -> str:
    return format_decimal(round(area_km2), locale=lang)


def zone_sentence(detail: RegionDetail, zones: Iterable[Zone], lang: Lang) -> str:
    """Whether a region is in the Authority's first-listed zone, its extended zone, or neither (zone ids per
    `data/README.md`: `historical`, `extended`)."""
    inside = {z.id for z in detail.zones}
    by_id = {z.id: z for z in zones}
    if "historical" in inside:
        labels = [escape_md(z.label_fr if lang == "fr" else z.label_en) for z in detail.zones]
        return t("panel.zone_in", lang, zones=" ; ".join(labels) if lang == "fr" else "; ".join(labels))
    extended = by_id.get("extended")
    if "extended" in inside and extended is not None and extended.since is not None:
        return t("panel.zone_out", lang, since=format_date(extended.since, lang))
    return t("panel.zone_none", lang)
