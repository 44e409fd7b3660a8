"""The one place the map meets streamlit-folium: the cached base map drawn with this run's layers.

Why not simply `st_folium(copy_of_base_map, feature_group_to_add=layers)`: st_folium renders the map it is given,
walks it for its bounds, renames its elements and adds the layers to it as children, on every call. For a map of
this size that was ≈ 350 ms of server time per click (a deep copy to protect the cached map, then folium
recompiling a template per element), against ≈ 40 ms here. So the base map is a `maps.FrozenMap`, rendered and
measured once, shared by every session, and what st_folium changes in it (element ids, added layers) is put back
after the call, under a lock (sessions run in threads). This leans on how st_folium 0.27 treats the map it is
given; `tests/test_map_component.py` fails if an upgrade changes it (README, "Running it, and hosting it").
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import folium
from branca.element import Element
from streamlit_folium import st_folium

from liptako.maps import FrozenMap

_LOCK = threading.Lock()


def draw(
    base: FrozenMap,
    layers: Sequence[folium.FeatureGroup],
    key: str,
    height: int,
    returned_objects: list[str],
    on_change: Callable[[], None] | None = None,
) -> Any:
    """`st_folium` on the shared base map with `layers` on top; the base map is left exactly as it was (same
    children, so the next call produces the same map script and the browser keeps its map and view)."""
    with _LOCK:
        children = dict(base._children)
        scripts = dict(base.get_root().script._children)
        ids = {element: element._id for element in _elements(base)}
        try:
            return st_folium(
                base,
                key=key,
                height=height,
                use_container_width=True,
                returned_objects=returned_objects,
                feature_group_to_add=list(layers),
                on_change=on_change,
                render=False,  # FrozenMap renders once
            )
        finally:
            base._children.clear()
            base._children.update(children)
            figure_script = base.get_root().script._children
            figure_script.clear()
            figure_script.update(scripts)
            for element, original in ids.items():
                element._id = original


def _elements(root: Element) -> Iterator[Element]:
    yield root
    for child in root._children.values():
        yield from _elements(child)
