"""Map: click a region (or pick it) to see what it is; the selection is kept in the URL (`?region=NE-6`).

The map, its controls and the panel form one fragment: a click reruns them alone, not the whole page, and the
base map comes from the cache (only the selection, the zone and the colouring travel as small layers)."""

from dataclasses import replace

import streamlit as st

from liptako import cards, conflict, conflict_view, geo, map_component, maps, reforms, store, timeline, ui
from liptako.data import DataError
from liptako.i18n import number, pick, t
from liptako.state import BOUNDS, COLOURINGS, Known, parse
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
CONFLICT_COLOURS = ("conflict", "fatalities")
# A country export fits (ACLED's three countries since 1997: tens of MB); the global UCDP file goes through
# `liptako import`.
UPLOAD_MB = 100
conflict_data = conflict_view.current(lang)  # the analyst's ACLED / UCDP data, or None

st.title(t("map.title", lang))
st.caption(t("map.intro", lang))


@st.fragment
def explore() -> None:
    today_units = store.optional("today_units") or ()
    link, notices = parse(
        st.query_params.to_dict(),
        Known(
            regions=set(regions.index) | {u.id for u in today_units},
            events=set(events.index) if events is not None else None,
        ),
    )
    ui.show_notices(notices, lang, link)
    # Which boundaries the map draws (`?bounds=today`): each is its own cached base map; the units, and the events'
    # regions, follow. A defective file of today's units leaves the reference map, with a message.
    try:
        units, shown_events = store.map_units(link.bounds), store.map_events(link.bounds)
    except DataError as exc:
        st.warning(t("map.today.unavailable", lang, error=escape_md(str(exc))), icon=":material/error:")
        link, units, shown_events = replace(link, bounds="reference"), regions, events
    # A unit of the other map becomes the one unit it became or came from (none if it was split).
    selected = geo.carry_region(link.selection.region, units, today_units)
    if selected != link.selection.region:
        link = link.with_selection(region=selected)
        ui.write_state(link, lang)
    map_key = "region_map" if link.bounds == "reference" else "region_map_today"
    # The URL holds the selection and the colouring: push them into the widgets on every run; a click or a pick
    # writes the URL. The zone shown is a view preference of this session, not part of a shared link.
    st.session_state.region_picker = selected or ""
    st.session_state.bounds_choice = link.bounds
    colourings = [
        c
        for c in COLOURINGS
        if (c != "events" or events is not None)
        and (c not in CONFLICT_COLOURS or (conflict_data is not None and link.bounds == "reference"))
    ]
    if link.colour not in colourings and link.colour in CONFLICT_COLOURS:
        message = "map.today.no_conflict" if conflict_data is not None else "conflict.not_loaded"
        st.info(t(message, lang), icon=":material/info:")
    st.session_state.colour_choice = link.colour if link.colour in colourings else "country"
    st.session_state.setdefault("zone_id", zones[0].id)
    st.session_state.zone_choice = st.session_state.zone_id

    def select(region_id: str | None, event_id: str | None = None) -> None:
        ui.write_state(link.with_selection(region=region_id, event=event_id), lang)

    def on_map_click() -> None:
        """A click anywhere in a region selects it; a click on an event dot also opens its newest event (by id)."""
        returned = st.session_state.get(map_key)
        region_id = geo.clicked_region(returned, units)
        if region_id:
            select(region_id, geo.clicked_event(returned, events))

    def on_zone() -> None:
        st.session_state.zone_id = st.session_state.zone_choice

    controls = st.columns([2, 2, 2])
    controls[0].selectbox(
        t("map.picker", lang),
        ["", *units.sort_values(["country", f"name_{lang}"]).index],
        key="region_picker",
        on_change=lambda: select(st.session_state.region_picker or None),
        format_func=lambda rid: geo.region_label(units.loc[rid], lang) if rid else t("map.picker.none", lang),
    )
    controls[0].radio(
        t("map.bounds", lang),
        BOUNDS,
        key="bounds_choice",
        on_change=lambda: ui.write_state(replace(link, bounds=st.session_state.bounds_choice), lang),
        format_func=lambda b: t(f"map.bounds.{b}", lang),
        help=t("map.bounds_hint", lang),
        horizontal=True,
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
        colourings,
        key="colour_choice",
        on_change=lambda: ui.write_state(link.with_colour(st.session_state.colour_choice), lang),
        format_func=lambda c: t(f"map.colour.{c}", lang),
    )

    # The zone is drawn from the reference map's units, which its data lists (its outline is the same on both maps).
    layers = [maps.zone_layer(zone_by_id[zone_id], regions, lang), maps.highlight_layer(units, selected)]
    if st.session_state.get("show_provinces"):
        layers.insert(0, maps.provinces_layer(provinces, lang))
    if colour == "events" and shown_events is not None:
        counted = timeline.filter_events(shown_events, link.filters)
        counts = geo.events_per_region(counted, units.index)
        layers.insert(0, maps.choropleth_layer(units, counts))
    if colour in CONFLICT_COLOURS and conflict_data is not None:
        source = conflict_view.source_picker(conflict_data, controls[2], lang)
        totals = conflict.per_region_filtered(
            conflict_data.months, regions, link.filters.countries, link.filters.date_from, link.filters.date_to, source
        )[colour if colour == "fatalities" else "events"]
        layers.insert(0, maps.choropleth_layer(regions, totals))

    map_column, panel_column = st.columns([3, 2])
    with map_column:
        map_component.draw(
            store.base_map(lang, st.get_option("server.baseUrlPath"), link.bounds),
            layers,
            key=map_key,
            height=600,
            returned_objects=["last_object_clicked", "last_active_drawing"],
            on_change=on_map_click,
        )
        st.checkbox(
            t("map.show_provinces", lang, count=len(provinces)),
            key="show_provinces",
            help=t("map.provinces_hint", lang),
        )
        if colour == "events" and shown_events is not None:
            filters = timeline.describe_filters(link.filters, lang)  # escaped for HTML by choropleth_legend
            what = t("map.choropleth.what", lang, filters=filters, total=len(counted))
            st.html(maps.choropleth_legend(counts, what))
            st.caption(
                t("map.choropleth.unplaced" if link.bounds == "reference" else "map.choropleth.unplaced_today", lang)
            )
        if colour in CONFLICT_COLOURS and conflict_data is not None:
            period = timeline.describe_dates(link.filters, lang) or t("conflict.period_all", lang)
            label = conflict.SOURCE_NAMES[source]
            what = t(
                f"conflict.what.{colour}", lang, period=period, source=label, total=number(int(totals.sum()), lang)
            )
            st.html(maps.choropleth_legend(totals, what))
            st.caption(t("conflict.filters_note", lang))
            conflict_view.terms(conflict_data, [source], lang)
        elif conflict_data is None:
            st.caption(t("conflict.none", lang))

    with panel_column, st.container(key="region_panel", border=True):
        if not selected:
            st.info(t("panel.empty", lang))
            return
        if events is not None and link.selection.event:
            event_panel(link.selection.event)
        today = next((u for u in today_units if u.id == selected), None) if link.bounds == "today" else None
        detail = geo.region_detail(units, provinces, zones, selected, lang, today)
        lineage = reforms.lineage_markdown(selected, link.bounds, regions, today_units, lang)
        ui.render_card(cards.region_card(detail, zones, changes, shown_events, provisions, lang, actors, lineage))
        if selected in regions.index:  # the imported conflict data is counted by the reference map's regions
            conflict_view.region_panel(conflict_data, selected, events, lang)


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


def on_upload() -> None:
    """Read the uploaded file with the import's own parser, in memory; keep only its aggregate, for this session."""
    st.session_state.pop("conflict_upload_message", None)
    uploaded = st.session_state.get("conflict_file")
    if uploaded is None:
        st.session_state.pop("conflict_upload", None)
        return
    try:
        loaded, report = conflict.load_upload(uploaded.name, uploaded.getvalue(), regions, "")
    except conflict.ConflictImportError as exc:
        st.session_state.conflict_upload_message = (
            "error",
            t("conflict.upload_error", lang, error=escape_md(str(exc))),
        )
        return
    st.session_state.conflict_upload = loaded
    done = t("conflict.upload_done", lang, events=number(report.kept, lang), file=escape_md(uploaded.name))
    st.session_state.conflict_upload_message = ("success", done)


explore()
# Built once opened: the file uploader's code (with its archive libraries) is otherwise loaded by the browser with
# the map and holds the map back. Once a file is in, the uploader stays (closed or not), so the reader can remove it.
with st.expander(t("conflict.upload", lang), icon=":material/upload_file:", key="upload_open", on_change="rerun"):
    if st.session_state.get("upload_open") or st.session_state.get("conflict_file") is not None:
        st.caption(t("conflict.upload_help", lang))
        st.file_uploader(
            t("conflict.upload_label", lang, mb=UPLOAD_MB),
            type=["csv"],
            key="conflict_file",
            on_change=on_upload,
            max_upload_size=UPLOAD_MB,
        )
    if "conflict_upload_message" in st.session_state:
        kind, message = st.session_state.conflict_upload_message
        (st.error if kind == "error" else st.success)(message)
# Built once opened too: some twenty Markdown blocks the browser otherwise laid out on every load, before the map.
with st.expander(t("map.boundaries_note", lang), icon=":material/history:", key="reforms_open", on_change="rerun"):
    if st.session_state.get("reforms_open"):
        st.markdown(t("map.reforms_intro", lang))
        for change in changes:
            st.markdown(reforms.change_markdown(change, lang))
