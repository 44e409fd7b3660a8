"""Downloads of the data a reader is looking at: the shared filters decide what goes in, the files keep the
project's own formats so that an export can be read back by the same loaders.

CSV cells that a spreadsheet would run as a formula (text starting with `=`, `+`, `-`, `@`, a tab or a carriage
return) are prefixed with a single quote, as OWASP recommends for CSV injection; numbers are left as they are."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

import geopandas as gpd
import pandas as pd
import shapely

from liptako import charter, geo, timeline
from liptako.schema import Provision, Zone
from liptako.state import State

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: object) -> object:
    """A text cell that cannot start a spreadsheet formula, its line breaks as `\n` (Python's CSV writer leaves a
    bare carriage return unquoted, which splits the row); other values unchanged."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with `\n` line ends and every text cell defused."""
    buffer = io.StringIO()
    frame.map(defuse).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def event_rows_csv(events: pd.DataFrame) -> bytes:
    """These events, in the same columns and formats as `data/events.csv`, so an export can be re-read."""
    out = events.copy()
    for column in out.columns:
        if any(isinstance(v, list) for v in out[column]):
            out[column] = out[column].map(lambda v: ";".join(str(x) for x in v) if isinstance(v, list) else v)
    for column in ("date", "end_date"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    for column in ("date_precision", "type"):
        out[column] = out[column].map(str)
    return csv_bytes(out)


def events_csv(events: pd.DataFrame, state: State) -> tuple[bytes, int]:
    """The events the timeline would show for this state (filters and selected region), and how many."""
    shown = timeline.filter_events(events, state.filters, state.selection.region)
    return event_rows_csv(shown), len(shown)


def regions_geojson(regions: gpd.GeoDataFrame, zones: Iterable[Zone]) -> bytes:
    """The admin-1 regions with their properties and, per zone, whether the region belongs to it."""
    zones = list(zones)
    features = []
    for rid, row in regions.iterrows():
        props = {k: (v.item() if hasattr(v, "item") else v) for k, v in row.drop("geometry").items()}
        props |= {f"zone_{z.id}": rid in geo.zone_units(z, regions) for z in zones}
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
    return csv_bytes(pd.DataFrame(rows, columns=list(Provision.model_fields))), len(shown)
