"""Guards the one workaround of streamlit-folium's behaviour (`liptako.map_component`): the shared base map is
drawn with per-run layers and left exactly as it was. If an upgrade of streamlit-folium or folium changes what
`st_folium` does to the map it is given, these tests fail before readers see a broken or growing map."""

from __future__ import annotations

import pytest
import streamlit_folium

from liptako import map_component, maps, store
from liptako.data import DATASETS, default_data_dir


def load(kind: str) -> object:
    spec = DATASETS[kind]
    return spec.load(default_data_dir() / spec.file, *([None] * len(spec.checks)))


@pytest.fixture(scope="module")
def base() -> maps.FrozenMap:
    m = maps.base_map(load("regions"), load("places"), "en", "", load("events"), load("context"))
    m.get_root().render()
    return m


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """What st_folium hands to its frontend, call by call (no Streamlit session needed)."""
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def tree(m: maps.FrozenMap) -> list[tuple[str, str]]:
    """The map's elements and figure scripts by name and id: what a later call would render from."""

    def walk(element) -> list[tuple[str, str]]:  # noqa: ANN001
        return [(element.get_name(), element._id)] + [x for c in element._children.values() for x in walk(c)]

    return walk(m) + [(name, "") for name in m.get_root().script._children]


def draw(m: maps.FrozenMap, layers: list) -> None:
    map_component.draw(m, layers, key="region_map", height=600, returned_objects=["last_object_clicked"])


def test_the_base_map_is_left_as_it_was_and_sends_the_same_script(base, sent) -> None:  # noqa: ANN001
    regions = load("regions")
    before = tree(base)
    draw(base, [maps.highlight_layer(regions, "NE-6")])
    draw(base, [maps.highlight_layer(regions, "ML-7"), maps.choropleth_layer(regions, regions["area_km2"] * 0)])
    assert tree(base) == before, "st_folium's changes to the shared map were not all undone"
    first, second = sent
    assert first["script"] == second["script"], "the browser would rebuild its map (and lose the view) on a click"
    assert first["id"] == second["id"]
    assert first["feature_group"] != second["feature_group"]
    assert "feature_group_1" in second["feature_group"] and "feature_group_1" not in first["feature_group"]
    draw(base, [])
    assert "feature_group_0" not in sent[2]["feature_group"], "a previous run's layer came back"
    assert sent[2]["script"] == first["script"]


def test_the_frozen_path_sends_what_st_folium_sends_for_a_fresh_map(base, sent) -> None:  # noqa: ANN001
    """The shortcut (render once, bounds once, shared) must not change what the browser gets: the same as the
    plain use of st_folium on a new map built from the same data."""
    regions = load("regions")
    fresh = maps.base_map(regions, load("places"), "en", "", load("events"), load("context"))
    streamlit_folium.st_folium(
        fresh,
        key="region_map",
        height=600,
        use_container_width=True,
        returned_objects=["last_object_clicked"],
        feature_group_to_add=[maps.highlight_layer(regions, "NE-6")],
    )
    draw(base, [maps.highlight_layer(regions, "NE-6")])
    plain, frozen = sent
    for field in ("script", "html", "header", "feature_group", "js_links", "css_links", "default"):
        assert frozen[field] == plain[field], field


def test_store_shares_one_base_map_per_language() -> None:
    assert store.base_map("en", "") is store.base_map("en", "")
    assert store.base_map("en", "") is not store.base_map("fr", "")
