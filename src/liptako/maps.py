"""Build the folium map of the tri-border region (what it draws; `geo` holds what it knows).

The base map (regions, countries, towns, events, context, legend) is the same on every rerun for a given language, so
streamlit-folium keeps its iframe; what changes with the reader's choices (selected region, zone layer) is returned
as separate feature groups for `st_folium(feature_group_to_add=...)`. Every text put into the map's HTML is
escaped here: Leaflet tooltips are HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.map import CustomPane
from jinja2 import Template

from liptako.geo import countries, event_spots, region_label, tripoint, zone_units
from liptako.i18n import Lang, pick, t
from liptako.schema import Zone
from liptako.text import escape_html
from liptako.timeline import TYPE_COLOURS, event_label

COUNTRY_COLOURS = {"MLI": "#b5651d", "BFA": "#2e7d6b", "NER": "#5b5ea6"}
ZONE_COLOUR = "#d1495b"
HIGHLIGHT_COLOUR = "#111111"
NEIGHBOUR_COLOUR = "#e4e1da"
WATER_COLOUR = "#4a90c2"
WATER_PANE, POINTS_PANE = "water", "points"
MAX_TOOLTIP_EVENTS = 6


def static_url(relative: str, base_url_path: str = "") -> str:
    """Where Streamlit serves `static/<relative>`; the base path matters when the app runs behind a prefix."""
    prefix = f"/{base_url_path.strip('/')}" if base_url_path.strip("/") else ""
    return f"{prefix}/app/static/{relative}"


DISPLAY_DECIMALS = 3
"""Coordinates as drawn (≈ 110 m, under 2 px at the closest zoom): the map script, sent again on every click, is a
quarter lighter. Clicks are read against the full-precision shapes."""


def _geojson(frame: gpd.GeoDataFrame, labels: Mapping[str, str]) -> dict:
    """Features with only what the browser needs: the id (read back on click) and an escaped label; shared borders
    round to the same points, so neighbours still meet exactly."""
    features = [
        {
            "type": "Feature",
            "properties": {"id": rid, "label": escape_html(labels[rid])},
            "geometry": shapely.geometry.mapping(shapely.transform(geometry, lambda c: np.round(c, DISPLAY_DECIMALS))),
        }
        for rid, geometry in frame.geometry.items()
    ]
    return {"type": "FeatureCollection", "features": features}


def _region_style(feature: dict, colours: Mapping[str, str]) -> dict:
    rid = feature["properties"]["id"]
    return {
        "fillColor": colours[rid],
        "color": "#ffffff",
        "weight": 1,
        "fillOpacity": 0.45,
        "className": f"region region-{rid}",
    }


def _swatch(style: str, label: str) -> str:
    return f'<li><span class="swatch" style="{style}"></span>{escape_html(label)}</li>'


def _legend(lang: Lang, event_types: Iterable[str], notes: Iterable[str] = ()) -> Element:
    """Every symbol drawn on the map, in a list that folds away (folded at first on a narrow screen); `notes` are
    locale keys of lines about what the map draws (today's map: Mali's units are the reference map's)."""
    rows = [_swatch(f"background:{colour}", t("country." + code, lang)) for code, colour in COUNTRY_COLOURS.items()]
    rows += [
        _swatch(f"background:{NEIGHBOUR_COLOUR}", t("map.legend.neighbours", lang)),
        _swatch(f"border:2px dashed {ZONE_COLOUR}", t("map.legend.zone", lang)),
        _swatch(f"border:3px solid {HIGHLIGHT_COLOUR}", t("map.legend.selected", lang)),
        _swatch(f"height:0;border-top:2px solid {WATER_COLOUR}", t("map.legend.river", lang)),
        _swatch(
            "border-radius:50%;width:8px;height:8px;background:#fff;border:1px solid #222",
            t("map.legend.capitals", lang),
        ),
        _swatch("border-radius:50%;width:6px;height:6px;background:#222", t("map.legend.others", lang)),
        _swatch(
            f"border-radius:50%;width:8px;height:8px;background:#fff;border:3px solid {ZONE_COLOUR}",
            t("map.legend.tripoint", lang),
        ),
    ]
    rows += [
        _swatch(f"border-radius:50%;width:10px;height:10px;background:{TYPE_COLOURS[kind]}", t(f"type.{kind}", lang))
        for kind in TYPE_COLOURS
        if kind in set(event_types)
    ]
    title = escape_html(t("map.legend.title", lang))
    note = "<br>".join(escape_html(t(key, lang)) for key in ["map.legend.events", *notes])
    return Element(
        f"""<details class="liptako-legend" open><summary>{title}</summary><ul>{"".join(rows)}</ul>
<p>{note}</p></details>
<style>
.liptako-legend {{position:absolute; z-index:1000; bottom:24px; right:10px; max-width:190px; max-height:70%;
  overflow:auto; background:rgba(255,255,255,.94); padding:4px 8px; border-radius:4px;
  font:11px/1.4 sans-serif; box-shadow:0 1px 4px rgba(0,0,0,.3)}}
.liptako-legend summary {{font-weight:bold; cursor:pointer}}
.liptako-legend ul {{list-style:none; margin:2px 0; padding:0}}
.liptako-legend p {{margin:2px 0; color:#333}}
.liptako-legend .swatch {{display:inline-block; box-sizing:border-box; width:14px; height:10px; margin-right:6px;
  vertical-align:middle}}
.liptako-label {{background:none; border:none; pointer-events:none}}
.liptako-label span {{position:absolute; transform:translate(-50%, -50%); white-space:nowrap;
  font:bold 13px/1 sans-serif; letter-spacing:.08em; color:#222; text-shadow:0 0 3px #fff, 0 0 3px #fff}}
.liptako-label.capital span {{transform:translate(6px, -50%); font:11px/1 sans-serif; letter-spacing:0}}
.liptako-far .liptako-label.capital {{display:none}}
.liptako-reset {{background:#fff; border:2px solid rgba(0,0,0,.2); border-radius:4px; padding:3px 6px;
  font:12px sans-serif; cursor:pointer}}
.liptako-reset:focus-visible, .leaflet-bar a:focus-visible {{outline:3px solid #1a73e8}}
</style>"""
    )


class ViewControls(MacroElement):
    """A button that brings the three countries back into view, whatever the reader zoomed or panned to; the
    towns' names hidden while the map is zoomed out far (`liptako-far` on the map's container); the legend folded
    on a narrow map; the map named, in the page's language, as one keyboard stop. (Scripts in the map's HTML
    part do not run under streamlit-folium; this one does.)"""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var bounds = {{ this.bounds|tojson }};
  var control = L.control({position: 'topleft'});
  control.onAdd = function () {
    var button = L.DomUtil.create('button', 'liptako-reset');
    button.type = 'button';
    button.textContent = {{ this.label|tojson }};
    button.title = {{ this.hint|tojson }};
    L.DomEvent.disableClickPropagation(button);
    L.DomEvent.on(button, 'click', function () { map.fitBounds(bounds); });
    return button;
  };
  control.addTo(map);
  function far() { map.getContainer().classList.toggle('liptako-far', map.getZoom() < {{ this.near_zoom }}); }
  map.on('zoomend', far);
  far();
  var legend = document.querySelector('.liptako-legend');
  if (legend && map.getSize().x < {{ this.fold_below }}) legend.open = false;
  // Keyboard and screen readers: the map is one named stop (arrow keys pan it, +/- zoom); its shapes and dots
  // are not tab stops, the region list above it is the keyboard path to a region.
  var container = map.getContainer();
  container.setAttribute('aria-label', {{ this.texts.label|tojson }});
  document.documentElement.lang = {{ this.texts.lang|tojson }};
  if (window.frameElement) window.frameElement.title = {{ this.texts.title|tojson }};
  [['.leaflet-control-zoom-in', {{ this.texts.zoom_in|tojson }}],
   ['.leaflet-control-zoom-out', {{ this.texts.zoom_out|tojson }}],
   ['.leaflet-control-layers-toggle', {{ this.texts.layers|tojson }}]].forEach(function (pair) {
    var element = container.querySelector(pair[0]);
    if (element) { element.title = pair[1]; element.setAttribute('aria-label', pair[1]); }
  });
  function untab() {
    container.querySelectorAll('.leaflet-interactive:not([tabindex="-1"])').forEach(function (shape) {
      shape.setAttribute('tabindex', '-1');
    });
  }
  new MutationObserver(untab).observe(container, {childList: true, subtree: true});
  untab();
})();
{% endmacro %}
"""
    )

    def __init__(self, bounds: list[list[float]], lang: Lang, near_zoom: int = 6) -> None:
        super().__init__()
        self._name = "ViewControls"
        self.bounds, self.near_zoom, self.fold_below = bounds, near_zoom, 720
        self.label, self.hint = t("map.reset", lang), t("map.reset_hint", lang)
        self.texts = {
            "lang": lang,
            "label": t("map.aria", lang),
            "title": t("map.title", lang),
            "zoom_in": t("map.zoom_in", lang),
            "zoom_out": t("map.zoom_out", lang),
            "layers": t("map.layers", lang),
        }


def labels_layer(regions: gpd.GeoDataFrame, places: pd.DataFrame, lang: Lang) -> folium.FeatureGroup:
    """Country names, always; regional capitals' names once the reader zooms in. Text only, not clickable and not
    a tab stop (the names are in the tooltips and the region list too)."""
    group = folium.FeatureGroup(name=escape_html(t("map.layer.labels", lang)), show=True)
    for code, shape in countries(regions).geometry.items():
        point = shape.representative_point()
        _label(group, point.y, point.x, t(f"country.{code}", lang).upper(), "")
    for place in places[places["kind"].isin(["capital", "regional_capital"])].itertuples():
        name = place.name_en if lang == "en" and place.name_en else place.name
        _label(group, place.lat, place.lon, name, "capital")
    return group


def _label(group: folium.FeatureGroup, lat: float, lon: float, text: str, kind: str) -> None:
    folium.Marker(
        [lat, lon],
        icon=folium.DivIcon(
            html=f"<span>{escape_html(text)}</span>",
            class_name=f"liptako-label {kind}".strip(),
            icon_size=(0, 0),
        ),
        interactive=False,
        keyboard=False,
    ).add_to(group)


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
        marker=folium.CircleMarker(fill=True, pane=POINTS_PANE),
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


class FrozenMap(folium.Map):
    """A map complete once built: rendering it again or walking its shapes for bounds would give the same result,
    so both happen once. Add nothing to it after its first render (per-run layers go through `map_component.draw`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rendered = False
        self._bounds: list | None = None

    def render(self, **kwargs: Any) -> None:
        if not self._rendered:
            super().render(**kwargs)
            self._rendered = True

    def get_bounds(self) -> list:
        if self._bounds is None:
            self._bounds = super().get_bounds()
        return self._bounds


def base_map(
    regions: gpd.GeoDataFrame,
    places: pd.DataFrame,
    lang: Lang,
    base_url_path: str = "",
    events: pd.DataFrame | None = None,
    context: gpd.GeoDataFrame | None = None,
    notes: Iterable[str] = (),
) -> FrozenMap:
    """The map every view starts from, the same whatever the selection (so it is built once per data version,
    language and boundaries: `regions` is the reference map's units or today's): works with no tile server; tiles
    are an optional layer, off by default. `notes`: locale keys of lines added to the legend."""
    west, south, east, north = regions.total_bounds
    bounds = [[south, west], [north, east]]
    m = FrozenMap(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=5,
        zoom_snap=0.25,
        zoom_delta=0.5,
        tiles=None,
        control_scale=True,
    )
    # folium hands min/max zoom to its tile layer only; with no tiles the map itself needs them. Zoom 3 lets a
    # phone-wide map show the three countries whole.
    m.options.update({"minZoom": 3, "maxZoom": 11})
    m.default_js = [("leaflet", static_url("leaflet/leaflet.js", base_url_path))]
    m.default_css = [("leaflet_css", static_url("leaflet/leaflet.css", base_url_path))]
    m.fit_bounds(bounds)

    folium.TileLayer(
        "OpenStreetMap", name=escape_html(t("map.layer.tiles", lang)), overlay=True, show=False, control=True
    ).add_to(m)
    # Above the regions (and the choropleth the page may lay over them): rivers, then the dots one clicks.
    CustomPane(WATER_PANE, z_index=420, pointer_events=False).add_to(m)
    CustomPane(POINTS_PANE, z_index=450, pointer_events=True).add_to(m)
    if context is not None:
        neighbours_layer(context, lang).add_to(m)

    colours = {rid: COUNTRY_COLOURS[c] for rid, c in regions["country"].items()}
    labels = {rid: region_label(row, lang) for rid, row in regions.iterrows()}
    folium.GeoJson(
        _geojson(regions, labels),
        name=escape_html(t("map.layer.regions", lang)),
        style_function=lambda f: _region_style(f, colours),
        highlight_function=lambda f: {"weight": 3, "color": HIGHLIGHT_COLOUR, "fillOpacity": 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        # Drawn exactly (no simplification at the current zoom), so the region under the pointer, whose tooltip
        # shows, is the one whose polygon holds the clicked point.
        smooth_factor=0,
        control=False,
    ).add_to(m)

    folium.GeoJson(
        _geojson(countries(regions), {c: t("country." + c, lang) for c in COUNTRY_COLOURS}),
        name=escape_html(t("map.layer.countries", lang)),
        style_function=lambda f: {"fill": False, "color": "#333333", "weight": 2.5, "interactive": False},
        interactive=False,
        control=False,
    ).add_to(m)
    if context is not None:
        water_layer(context, lang).add_to(m)

    towns_layer(places, lang).add_to(m)
    if events is not None:
        event_layer(events, lang).add_to(m)
    tripoint_layer(regions, lang).add_to(m)
    labels_layer(regions, places, lang).add_to(m)

    # The component's page must not scroll: otherwise the first click, which focuses the map, scrolls it a few
    # pixels and Leaflet reads the click as a drag (the reader's first click on a region was lost).
    m.get_root().header.add_child(Element("<style>html, body {margin: 0; overflow: hidden}</style>"))
    located_types = events.loc[events["lat"].notna(), "type"].map(str) if events is not None else []
    m.get_root().html.add_child(_legend(lang, located_types, notes))
    ViewControls(bounds, lang).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def neighbours_layer(context: gpd.GeoDataFrame, lang: Lang) -> folium.GeoJson:
    """The countries around the three, muted and under everything else, with no tooltip or click: they place the
    three on the continent, the map is about the three."""
    shapes = context[context["kind"].map(str) == "country"]
    return folium.GeoJson(
        _geojson(shapes, {cid: pick(row, "name", lang) for cid, row in shapes.iterrows()}),
        name=escape_html(t("map.layer.neighbours", lang)),
        style_function=lambda f: {
            "fillColor": NEIGHBOUR_COLOUR,
            "fillOpacity": 1,
            "color": "#b9b4aa",
            "weight": 1,
            "interactive": False,
        },
        interactive=False,
        control=False,
    )


def water_layer(context: gpd.GeoDataFrame, lang: Lang) -> folium.GeoJson:
    """Rivers and lakes over the regions' colours, letting clicks through to the regions."""
    water = context[context["kind"].map(str).isin(["river", "lake"])]
    return folium.GeoJson(
        _geojson(water, {wid: pick(row, "name", lang) for wid, row in water.iterrows()}),
        name=escape_html(t("map.layer.water", lang)),
        style_function=lambda f: {
            "color": WATER_COLOUR,
            "weight": 1.6,
            "fillColor": WATER_COLOUR,
            "fillOpacity": 0.7,
            "interactive": False,
        },
        interactive=False,
        pane=WATER_PANE,
    )


_OUTLINES: dict[tuple[str, tuple[str, ...], int], dict] = {}


def zone_outline(zone: Zone, regions: gpd.GeoDataFrame) -> dict:
    """The zone's outline as GeoJSON, computed once per zone and set of units (a union costs a click ~50 ms)."""
    units = tuple(zone_units(zone, regions))
    key = (zone.id, units, id(regions))  # the cached regions table is one object per data version
    if key not in _OUTLINES:
        _OUTLINES[key] = shapely.geometry.mapping(shapely.union_all(list(regions.loc[list(units)].geometry)))
    return _OUTLINES[key]


def zone_layer(zone: Zone, regions: gpd.GeoDataFrame, lang: Lang) -> folium.FeatureGroup:
    """The Liptako-Gourma zone drawn over the regions, without catching clicks meant for them."""
    group = folium.FeatureGroup(name=t("map.layer.zone", lang))
    folium.GeoJson(
        zone_outline(zone, regions),
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


CHOROPLETH_ZERO = "#f4f4f4"
CHOROPLETH_COLOURS = ("#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603")  # ColorBrewer Oranges, colour-blind safe


def count_classes(largest: int) -> list[tuple[int, int]]:
    """Classes of event counts a reader can compare at a glance: none, then doubling ranges (1, 2–3, 4–7, …) up to
    the largest count, at most five of them."""
    classes = [(0, 0)]
    low = 1
    while low <= largest and len(classes) < len(CHOROPLETH_COLOURS):
        high = min(low * 2 - 1, largest)
        classes.append((low, high))
        low = high + 1
    if low <= largest:  # the last class takes the rest
        classes[-1] = (classes[-1][0], largest)
    return classes


def class_colour(count: int, classes: list[tuple[int, int]]) -> str:
    for index, (low, high) in enumerate(classes):
        if low <= count <= high:
            return CHOROPLETH_ZERO if index == 0 else CHOROPLETH_COLOURS[index - 1]
    return CHOROPLETH_COLOURS[-1]


def choropleth_layer(regions: gpd.GeoDataFrame, counts: pd.Series) -> folium.FeatureGroup:
    """The regions coloured by their count, drawn over the base map without catching its clicks or tooltips."""
    classes = count_classes(int(counts.max()) if len(counts) else 0)
    colours = {rid: class_colour(int(counts.get(rid, 0)), classes) for rid in regions.index}
    group = folium.FeatureGroup(name="choropleth")
    folium.GeoJson(
        _geojson(regions, {rid: "" for rid in regions.index}),
        style_function=lambda f: {
            "fillColor": colours[f["properties"]["id"]],
            "fillOpacity": 0.9,
            "color": "#ffffff",
            "weight": 1,
            "interactive": False,
            "className": "choropleth",
        },
        interactive=False,
    ).add_to(group)
    return group


def choropleth_legend(counts: pd.Series, what: str) -> str:
    """The key of the choropleth, as HTML: what is counted, then one swatch per class."""
    classes = count_classes(int(counts.max()) if len(counts) else 0)
    items = "".join(
        f'<span style="display:inline-block;margin-right:10px"><span style="display:inline-block;width:14px;'
        f'height:10px;border:1px solid #999;background:{class_colour(low, classes)}"></span> '
        f"{low if low == high else f'{low}–{high}'}</span>"
        for low, high in classes
    )
    return f'<div class="choropleth-key" style="font-size:0.85rem">{escape_html(what)}<br>{items}</div>'


def provinces_layer(provinces: gpd.GeoDataFrame, lang: Lang) -> folium.FeatureGroup:
    """Burkina Faso's provinces as dashed outlines, sent only when the reader asks for them (they would weigh
    a fifth of the map on every click)."""
    labels = {pid: f"{row[f'name_{lang}']} ({t('map.province', lang)})" for pid, row in provinces.iterrows()}
    group = folium.FeatureGroup(name="provinces")
    folium.GeoJson(
        _geojson(provinces, labels),
        style_function=lambda f: {"fill": False, "color": "#444444", "weight": 0.8, "dashArray": "3 3"},
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
