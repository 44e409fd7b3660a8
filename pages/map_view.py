"""Map: click a region (or pick it) to see what it is; the selection is kept in the URL (`?region=NE-6`).

The map, its controls and the panel form one fragment: a click reruns them alone, not the whole page, and the
base map comes from the cache (only the selection, the zone and the colouring travel as small layers)."""

import streamlit as st
from streamlit_folium import st_folium

from liptako import cards, geo, maps, reforms, store, timeline, ui
from liptako.i18n import pick, t
from liptako.state import COLOURINGS, Known, parse
from liptako.text import escape_md

lang = st.session_state.language
regions = ui.require("regions", lang)
provinces = ui.require("provinces", lang)
places = ui.require("places", lang)
zones = ui.require("zones", lang)
changes = ui.require("admin_changes", lang)
events = store.optional("events")
provisions = cards.provisions_by_id(store.optional("provisions") or ())
actors = {a.id: a for a in store.optional("actors") or ()}
zone_by_id = {z.id: z for z in zones}
order = regions.sort_values(["country", f"name_{lang}"]).index

st.title(t("map.title", lang))
st.caption(t("map.intro", lang))


@st.fragment
def explore() -> None:
    link, notices = parse(
        st.query_params.to_dict(),
        Known(regions=set(regions.index), events=set(events.index) if events is not None else None),
    )
    ui.show_notices(notices, lang, link)
    # The URL holds the selection and the colouring: push them into the widgets on every run; a click or a pick
    # writes the URL. The zone shown is a view preference of this session, not part of a shared link.
    selected = link.selection.region
    st.session_state.region_picker = selected or ""
    st.session_state.colour_choice = link.colour
    st.session_state.setdefault("zone_id", zones[0].id)
    st.session_state.zone_choice = st.session_state.zone_id

    def select(region_id: str | None, event_id: str | None = None) -> None:
        ui.write_state(link.with_selection(region=region_id, event=event_id), lang)

    def on_map_click() -> None:
        """A click anywhere in a region selects it; a click on an event dot also opens its newest event (by id)."""
        returned = st.session_state.get("region_map")
        region_id = geo.clicked_region(returned, regions)
        if region_id:
            select(region_id, geo.clicked_event(returned, events))

    def on_zone() -> None:
        st.session_state.zone_id = st.session_state.zone_choice

    controls = st.columns([2, 2, 2])
    controls[0].selectbox(
        t("map.picker", lang),
        ["", *order],
        key="region_picker",
        on_change=lambda: select(st.session_state.region_picker or None),
        format_func=lambda rid: geo.region_label(regions.loc[rid], lang) if rid else t("map.picker.none", lang),
    )
    zone_id = controls[1].radio(
        t("map.zone_choice", lang),
        list(zone_by_id),
        key="zone_choice",
        on_change=on_zone,
        format_func=lambda zid: escape_md(pick(zone_by_id[zid], "label", lang)),
        help=t("map.zone_hint", lang),
    )
    colour = controls[2].radio(
        t("map.colour_by", lang),
        COLOURINGS if events is not None else COLOURINGS[:1],
        key="colour_choice",
        on_change=lambda: ui.write_state(link.with_colour(st.session_state.colour_choice), lang),
        format_func=lambda c: t(f"map.colour.{c}", lang),
    )

    layers = [maps.zone_layer(zone_by_id[zone_id], regions, lang), maps.highlight_layer(regions, selected)]
    if colour == "events" and events is not None:
        counted = timeline.filter_events(events, link.filters)
        counts = geo.events_per_region(counted, regions.index)
        layers.insert(0, maps.choropleth_layer(regions, counts))

    map_column, panel_column = st.columns([3, 2])
    with map_column:
        st_folium(
            store.base_map(lang, st.get_option("server.baseUrlPath")),
            key="region_map",
            height=600,
            use_container_width=True,
            returned_objects=["last_object_clicked", "last_active_drawing"],
            feature_group_to_add=layers,
            on_change=on_map_click,
        )
        if colour == "events" and events is not None:
            filters = timeline.describe_filters(link.filters, lang)  # escaped for HTML by choropleth_legend
            what = t("map.choropleth.what", lang, filters=filters, total=len(counted))
            st.html(maps.choropleth_legend(counts, what))
            st.caption(t("map.choropleth.unplaced", lang))

    with panel_column, st.container(key="region_panel", border=True):
        if not selected:
            st.info(t("panel.empty", lang))
            return
        if events is not None and link.selection.event:
            event_panel(link.selection.event)
        detail = geo.region_detail(regions, provinces, zones, selected, lang)
        ui.render_card(cards.region_card(detail, zones, changes, events, provisions, lang, actors))


def event_panel(event_id: str) -> None:
    """The event opened from the map: its title, summary, card link, and the other events drawn in the same dot."""
    with st.container(key="map_event", border=True):
        st.markdown(f"**{escape_md(timeline.event_label(events.loc[event_id], lang))}**")
        st.markdown(escape_md(pick(events.loc[event_id], "summary", lang)))
        ui.page_link(
            cards.TIMELINE_PAGE, t("panel.open_card", lang), ":material/event:", {"lang": lang, "event": event_id}
        )
        others = geo.same_spot(events, event_id)
        if others:
            st.markdown(f"**{t('map.same_spot', lang)}**")
            for other in others:
                label = escape_md(timeline.event_label(events.loc[other], lang))
                ui.page_link(cards.TIMELINE_PAGE, label, ":material/event:", {"lang": lang, "event": other})


explore()
with st.expander(t("map.boundaries_note", lang), icon=":material/history:"):
    st.markdown(t("map.reforms_intro", lang))
    for change in changes:
        st.markdown(reforms.change_markdown(change, lang))
