"""Map: click a region (or pick it) to see what it is; the selection is kept in the URL (`?region=NE-6`)."""

import streamlit as st
from streamlit_folium import st_folium

from liptako import cards, maps, reforms, store, timeline, ui
from liptako.i18n import pick, t
from liptako.state import Known, parse
from liptako.text import escape_md

lang = st.session_state.language
regions = ui.require("regions", lang)
provinces = ui.require("provinces", lang)
places = ui.require("places", lang)
zones = ui.require("zones", lang)
changes = ui.require("admin_changes", lang)
events = store.optional("events")
provisions = cards.provisions_by_id(store.optional("provisions") or ())

st.title(t("map.title", lang))
st.caption(t("map.intro", lang))

link, notices = parse(
    st.query_params.to_dict(),
    Known(regions=set(regions.index), events=set(events.index) if events is not None else None),
)
ui.show_notices(notices, lang, link)
# The URL holds the selection: push it into the picker on every run; a click or a pick writes the URL.
selected = link.selection.region
st.session_state.region_picker = selected or ""
# The zone shown is a view preference of this session, not part of a shared link.
if "zone_id" not in st.session_state:
    st.session_state.zone_id = zones[0].id
st.session_state.zone_choice = st.session_state.zone_id


def _select(region_id: str | None, event_id: str | None = None) -> None:
    ui.write_state(link.with_selection(region=region_id, event=event_id), lang)


def _on_map_click() -> None:
    """A click anywhere in a region selects it; a click on an event dot also opens its newest event (by id)."""
    returned = st.session_state.get("region_map")
    rid = maps.clicked_region(returned, regions)
    if rid:
        _select(rid, maps.clicked_event(returned, events))


def _on_pick() -> None:
    _select(st.session_state.region_picker or None)


def _on_zone() -> None:
    st.session_state.zone_id = st.session_state.zone_choice


order = regions.sort_values(["country", f"name_{lang}"]).index
controls = st.columns([2, 3])
controls[0].selectbox(
    t("map.picker", lang),
    ["", *order],
    key="region_picker",
    on_change=_on_pick,
    format_func=lambda rid: maps.region_label(regions.loc[rid], lang) if rid else t("map.picker.none", lang),
)
zone_by_id = {z.id: z for z in zones}
zone_id = controls[1].radio(
    t("map.zone_choice", lang),
    list(zone_by_id),
    key="zone_choice",
    horizontal=True,
    on_change=_on_zone,
    format_func=lambda zid: escape_md(pick(zone_by_id[zid], "label", lang)),
    help=t("map.zone_hint", lang),
)

map_column, panel_column = st.columns([3, 2])
with map_column:
    st_folium(
        maps.base_map(regions, provinces, places, lang, st.get_option("server.baseUrlPath"), events),
        key="region_map",
        height=560,
        use_container_width=True,
        returned_objects=["last_object_clicked", "last_active_drawing"],
        feature_group_to_add=[
            maps.zone_layer(zone_by_id[zone_id], regions, lang),
            maps.highlight_layer(regions, selected),
        ],
        on_change=_on_map_click,
    )
    with st.expander(t("map.boundaries_note", lang), icon=":material/history:"):
        st.markdown(t("map.reforms_intro", lang))
        for change in changes:
            st.markdown(reforms.change_markdown(change, lang))

with panel_column, st.container(key="region_panel", border=True):
    if not selected:
        st.info(t("panel.empty", lang))
    else:
        if events is not None and link.selection.event:
            event = events.loc[link.selection.event]
            with st.container(key="map_event", border=True):
                st.markdown(f"**{escape_md(timeline.event_label(event, lang))}**")
                st.markdown(escape_md(pick(event, "summary", lang)))
                ui.page_link(
                    cards.TIMELINE_PAGE,
                    t("panel.open_card", lang),
                    ":material/event:",
                    {"lang": lang, "event": link.selection.event},
                )
                others = maps.same_spot(events, link.selection.event)
                if others:
                    st.markdown(f"**{t('map.same_spot', lang)}**")
                    for other in others:
                        ui.page_link(
                            cards.TIMELINE_PAGE,
                            escape_md(timeline.event_label(events.loc[other], lang)),
                            ":material/event:",
                            {"lang": lang, "event": other},
                        )
        detail = maps.region_detail(regions, provinces, zones, selected, lang)
        ui.render_card(cards.region_card(detail, zones, changes, events, provisions, lang))
