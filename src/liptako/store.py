"""The pages' one door to the data: each file loaded and validated once per change, cached by path and
modification time (and by the ids it is checked against, so an edit to a referenced file is picked up too), and
the base map built once per data version and language.

Cached objects are shared by every session (no copy per run, which cost more than the page itself): the library
never changes a loaded table in place. A defect in one file stops only the views that need that file: the
cross-references to a file that is itself broken are skipped here (that file reports its own error).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from liptako import conflict, maps
from liptako.data import DATASETS, DataError, default_data_dir, ids_of
from liptako.i18n import Lang

MAP_DATA = ("regions", "places", "events", "context")


def _stamp(kind: str) -> tuple[str, float]:
    path = default_data_dir() / DATASETS[kind].file
    return str(path), path.stat().st_mtime if path.exists() else -1.0


@st.cache_resource(max_entries=32, show_spinner=False)
def _load(kind: str, stamp: tuple[str, float], refs: tuple[frozenset[str] | None, ...]) -> object:
    return DATASETS[kind].load(Path(stamp[0]), *[set(r) if r is not None else None for r in refs])


def get(kind: str) -> object:
    """The loaded data set `kind` (a key of `data.DATASETS`); raises `DataError` if its file is defective."""
    refs = []
    for other in DATASETS[kind].checks:
        loaded = optional(other)
        refs.append(frozenset(ids_of(loaded)) if loaded is not None else None)
    return _load(kind, _stamp(kind), tuple(refs))


def optional(kind: str) -> object | None:
    """Data a view can do without (e.g. provision titles on an event card): None if its file is defective; the
    view that needs it reports the defect."""
    try:
        return get(kind)
    except DataError:
        return None


@st.cache_resource(max_entries=8, show_spinner=False)
def _base_map(lang: Lang, base_url_path: str, version: tuple[tuple[str, float], ...]) -> maps.FrozenMap:
    m = maps.base_map(get("regions"), get("places"), lang, base_url_path, optional("events"), optional("context"))
    m.get_root().render()
    return m


def base_map(lang: Lang, base_url_path: str) -> maps.FrozenMap:
    """The base map of this data version and language, rendered, shared by every session: draw it only through
    `map_component.draw`, which leaves it as it found it."""
    return _base_map(lang, base_url_path, tuple(_stamp(kind) for kind in MAP_DATA))


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
