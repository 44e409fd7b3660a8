"""Downloads of the data a reader is looking at: the shared filters decide what goes in, the files keep the
project's own formats so that an export can be read back by the same loaders."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

import geopandas as gpd
import pandas as pd
import shapely

from liptako import charter, maps, timeline
from liptako.schema import Provision, Zone
from liptako.state import State


def events_csv(events: pd.DataFrame, state: State) -> tuple[bytes, int]:
    """The events the timeline would show for this state (filters and selected region), and how many."""
    shown = timeline.filter_events(events, state.filters, state.selection.region)
    return timeline.export_csv(shown), len(shown)


def regions_geojson(regions: gpd.GeoDataFrame, zones: Iterable[Zone]) -> bytes:
    """The admin-1 regions with their properties and, per zone, whether the region belongs to it."""
    zones = list(zones)
    features = []
    for rid, row in regions.iterrows():
        props = {k: (v.item() if hasattr(v, "item") else v) for k, v in row.drop("geometry").items()}
        props |= {f"zone_{z.id}": rid in maps.zone_units(z, regions) for z in zones}
        features.append({"type": "Feature", "properties": props, "geometry": shapely.geometry.mapping(row.geometry)})
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return text.encode("utf-8")


def provisions_csv(provisions: Iterable[Provision], state: State) -> tuple[bytes, int]:
    """The provisions the charter page would list for this state (document, themes, search)."""
    shown = charter.select(provisions, state.selection.doc, state.filters.themes, state.filters.charter_text)
    rows = [
        {**p.model_dump(mode="json"), "themes": ";".join(str(t) for t in p.themes), "sources": ";".join(p.sources)}
        for p in shown
    ]
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=list(Provision.model_fields)).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8"), len(shown)
