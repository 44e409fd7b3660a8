"""The pages' one door to the data: each file loaded and validated once per change, cached by path and
modification time (and by the ids it is checked against, so an edit to a referenced file is picked up too), and
the base map built once per data version and language.

Cached objects are shared by every session (no copy per run, which cost more than the page itself): the library
never changes a loaded table in place. A defect in one file stops only the views that need that file: the
cross-references to a file that is itself broken are skipped here (that file reports its own error).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from liptako import conflict, geo, maps
from liptako.data import DATASETS, DataError, default_data_dir, ids_of
from liptako.i18n import Lang

MAP_DATA = ("regions", "places", "events", "context")
TODAY_DATA = ("regions", "events", "today_units", "admin_today")


def _stamp(kind: str) -> tuple[str, float]:
    path = default_data_dir() / DATASETS[kind].file
    return str(path), path.stat().st_mtime if path.exists() else -1.0


@st.cache_resource(max_entries=32, show_spinner=False)
def _load(kind: str, version: tuple, _refs: list[object | None]) -> object:
    """Cached by `version` alone: `_refs` (the data sets `kind` is checked against) follow from it, and hashing their
    ids on every call cost ≈ 100 ms a page run (Streamlit does not hash arguments named with a leading `_`)."""
    path = Path(version[0][0])
    return DATASETS[kind].load(path, *[ids_of(r) if r is not None else None for r in _refs])


def _get(kind: str) -> tuple[object, tuple]:
    """The loaded data set and its version: its file's stamp and, for each file it is checked against, that file's
    version (None where that file is defective and its cross-references are skipped)."""
    refs: list[object | None] = []
    versions: list[tuple | None] = []
    for other in DATASETS[kind].checks:
        try:
            loaded, version = _get(other)
        except DataError:
            loaded, version = None, None
        refs.append(loaded)
        versions.append(version)
    version = (_stamp(kind), tuple(versions))
    return _load(kind, version, refs), version


def get(kind: str) -> object:
    """The loaded data set `kind` (a key of `data.DATASETS`); raises `DataError` if its file is defective."""
    return _get(kind)[0]


def optional(kind: str) -> object | None:
    """Data a view can do without (e.g. provision titles on an event card): None if its file is defective; the
    view that needs it reports the defect."""
    try:
        return get(kind)
    except DataError:
        return None


@st.cache_resource(max_entries=16, show_spinner=False)
def _base_map(lang: Lang, base_url_path: str, bounds: str, version: tuple[tuple[str, float], ...]) -> maps.FrozenMap:
    units = map_units(bounds)
    notes = [] if bounds == "reference" or units["reference"].sum() == 0 else ["map.legend.today_mali"]
    m = maps.base_map(units, get("places"), lang, base_url_path, optional("events"), optional("context"), notes)
    m.get_root().render()
    return m


def base_map(lang: Lang, base_url_path: str, bounds: str = "reference") -> maps.FrozenMap:
    """The base map of this data version, language and boundaries (`reference` or `today`), rendered, shared by
    every session: two frozen maps, never layers added per run. Draw it only through `map_component.draw`, which
    leaves it as it found it."""
    kinds = MAP_DATA + (TODAY_DATA if bounds == "today" else ())
    return _base_map(lang, base_url_path, bounds, tuple(_stamp(kind) for kind in kinds))


@st.cache_resource(max_entries=4, show_spinner=False)
def _today(version: tuple[tuple[str, float], ...]) -> tuple[gpd.GeoDataFrame, pd.DataFrame | None]:
    later = geo.successors(get("today_units"))  # a defective admin_today.yaml stops today's map too
    units = geo.map_units(get("regions"), get("admin_today"))
    events = optional("events")
    if events is not None:
        events = events.assign(region_ids=geo.today_region_ids(events, units, later))
    return units, events


def map_units(bounds: str) -> gpd.GeoDataFrame:
    """The units a map draws: the reference map's regions, or today's units (Mali's reference units kept, see
    `geo.map_units`). Raises `DataError` if a file they need is defective."""
    if bounds != "today":
        return get("regions")
    return _today(tuple(_stamp(kind) for kind in TODAY_DATA))[0]


def map_events(bounds: str) -> pd.DataFrame | None:
    """The events with their `region_ids` on the map drawn: as recorded for the reference map, re-assigned to
    today's units for today's map (`geo.today_region_ids`), computed once per data version."""
    if bounds != "today":
        return optional("events")
    return _today(tuple(_stamp(kind) for kind in TODAY_DATA))[1]


# ---------------------------------------------------------------- the analyst's conflict data (issue 15)


def _conflict_stamp() -> tuple[str, tuple[tuple[str, int, int], ...]]:
    folder = conflict.default_store()
    files = conflict.store_files(folder)
    return str(folder), tuple((source, p.stat().st_mtime_ns, p.stat().st_size) for source, p in files.items())


@st.cache_resource(max_entries=4, show_spinner=False)
def _conflict(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> conflict.Loaded | None:
    return conflict.load(Path(folder)) if stamp else None


def conflict_data() -> conflict.Loaded | None:
    """The imported ACLED / UCDP data as the views read it (events and fatalities per source, region and month),
    or None when no file has been imported. Cached by the store files' modification times and sizes: a rerun
    costs a `stat` per file and never reads raw rows; a new import is picked up on the next run. Raises
    `DataError` if a store file cannot be read."""
    folder, stamp = _conflict_stamp()
    try:
        return _conflict(folder, stamp)
    except Exception as exc:  # a damaged Parquet file: pyarrow raises several kinds of errors
        why = f"the conflict store cannot be read ({exc}); import the file again"
        raise DataError(folder, None, None, why) from exc
