"""The geography behind the map, without drawing it: the countries as unions of their regions, the tri-border
point, which units a zone covers, what the panel says of a region, where events sit, and how a click on the map is
read back into a region id and an event id (always ids, never labels)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from babel.numbers import format_decimal

from liptako.i18n import Lang, format_date, t
from liptako.schema import TodayUnit, Zone
from liptako.text import escape_md


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


def region_label(row: pd.Series, lang: Lang) -> str:
    name = row[f"name_{lang}"]
    return f"{name} ({t('country.' + row['country'], lang)})"


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


def clicked_event(returned: Mapping | None, events: pd.DataFrame | None) -> str | None:
    """The event opened by the last click: the newest event of the clicked dot, read from the dot's own feature
    (its ids), never from its label; None when the click was on anything else (a region, a town)."""
    feature = (returned or {}).get("last_active_drawing") or {}
    props = feature.get("properties") or {}
    if events is None or props.get("layer") != "event":
        return None
    ids = [str(i) for i in props.get("ids") or [] if str(i) in events.index]
    return ids[0] if ids else None


def events_per_region(events: pd.DataFrame, region_ids: Iterable[str]) -> pd.Series:
    """How many of these events are tied to each region (every region listed, zero included)."""
    tied = events["region_ids"].explode().dropna().value_counts()
    return pd.Series({rid: int(tied.get(rid, 0)) for rid in region_ids}, dtype=int)


def clicked_region(returned: Mapping | None, regions: gpd.GeoDataFrame) -> str | None:
    """The region under the last click on the map, whatever was clicked (a region, a town dot, an event dot).

    A click on a region's shape names it by its feature's id, as the browser hit it (the region whose tooltip
    shows there); a click on a dot is placed by point-in-polygon, so a town inside Tillabéri selects Tillabéri.
    Tolerates st_folium's None and partial dicts.
    """
    drawing = (returned or {}).get("last_active_drawing") or {}
    shape_id = (drawing.get("properties") or {}).get("id")
    if shape_id in regions.index and (drawing.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon"):
        return str(shape_id)
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
    iso: bool = True
    """Whether `id` is an ISO 3166-2 code (the reference map's units) or an id of today's units."""


def _in_zone(zone: Zone, country: str, reference_ids: Iterable[str]) -> bool:
    if zone.unit_ids:
        return any(rid in zone.unit_ids for rid in reference_ids)
    return country in zone.countries


def region_detail(
    regions: gpd.GeoDataFrame,
    provinces: gpd.GeoDataFrame,
    zones: Iterable[Zone],
    region_id: str,
    lang: Lang,
    today: TodayUnit | None = None,
) -> RegionDetail:
    """The panel's facts about a unit of the map drawn (`regions`); for one of today's units (`today`), its zones
    are those of the reference map's unit it was cut from, and its provinces are today's."""
    row = regions.loc[region_id]
    reference_ids = today.reference_region_ids if today else [region_id]
    inside = tuple(z for z in zones if _in_zone(z, row["country"], reference_ids))
    if today is not None:
        names = tuple(today.provinces_today)
    else:
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
        iso=today is None or today.id == today.reference_region_ids[0],
    )


# ---------------------------------------------------------------- today's boundaries (issue 17)


def map_units(regions: gpd.GeoDataFrame, today: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The units today's map draws: today's units, and for a country that has none drawn (Mali) the reference
    map's, so that the three countries stay covered. Column `reference` tells which rows are the latter."""
    kept = regions[~regions["country"].isin(set(today["country"]))]
    parts = [today.assign(hasc="", reference=False), kept.assign(reference=True)]
    units = gpd.GeoDataFrame(pd.concat(parts), geometry="geometry", crs=regions.crs)
    return units[[*regions.columns.drop("geometry"), "reference", "geometry"]]


def successors(units: Iterable[TodayUnit]) -> dict[str, tuple[str, ...]]:
    """For each reference map's unit, the ids of today's units cut (wholly or partly) from it."""
    found: dict[str, list[str]] = {}
    for unit in units:
        for rid in unit.reference_region_ids:
            found.setdefault(rid, []).append(unit.id)
    return {rid: tuple(ids) for rid, ids in found.items()}


def today_region_ids(events: pd.DataFrame, units: gpd.GeoDataFrame, later: Mapping[str, tuple[str, ...]]) -> pd.Series:
    """Each event's units on today's map. A reference unit that became one unit of today (renamed, unchanged, or
    not redrawn) passes its events on; one that was split passes an event to the part holding its coordinates,
    and an event without coordinates there stays unassigned (no guess)."""

    def assign(row: pd.Series) -> list[str]:
        point = shapely.Point(row["lon"], row["lat"]) if pd.notna(row["lat"]) and pd.notna(row["lon"]) else None
        out: list[str] = []
        for rid in row["region_ids"]:
            parts = later.get(rid, (rid,))
            hits = [p for p in parts if p in units.index]
            if len(hits) > 1:
                hits = [p for p in hits if point is not None and units.loc[p].geometry.covers(point)][:1]
            out += [h for h in hits if h not in out]
        return out

    return events.apply(assign, axis=1) if len(events) else pd.Series([], dtype=object)


def carry_region(region_id: str | None, units: gpd.GeoDataFrame, today: Iterable[TodayUnit]) -> str | None:
    """The selection kept across a switch of boundaries: the same unit if the other map draws it, else the one
    unit it became (or came from); None when that is not a single unit (a region split in two)."""
    if region_id is None or region_id in units.index:
        return region_id
    by_id = {u.id: u for u in today}
    candidates = list(successors(by_id.values()).get(region_id, ()))
    if region_id in by_id:
        candidates = list(by_id[region_id].reference_region_ids)
    return candidates[0] if len(candidates) == 1 and candidates[0] in units.index else None


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
