"""The pages' one door to the data: each file loaded and validated once per change, cached by path and
modification time (and by the ids it is checked against, so an edit to a referenced file is picked up too).

A defect in one file stops only the views that need that file: the cross-references to a file that is itself
broken are skipped here (that file reports its own error where it is needed).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from liptako.data import DATASETS, DataError, default_data_dir, ids_of


def _stamp(kind: str) -> tuple[str, float]:
    path = default_data_dir() / DATASETS[kind].file
    return str(path), path.stat().st_mtime if path.exists() else -1.0


@st.cache_data(max_entries=32, show_spinner=False)
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
