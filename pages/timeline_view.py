"""Timeline: filter the events, click one to read its card. The URL holds every filter and the open event."""

import datetime as dt
from dataclasses import replace

import streamlit as st

from liptako import cards, exports, store, timeline, ui
from liptako.i18n import format_date, pick, t, tn
from liptako.state import COUNTRIES, LANES, TYPES, Known, State, clamp_dates, parse
from liptako.text import escape_md

lang = st.session_state.language
events = ui.require("events", lang)
periods = ui.require("rule_periods", lang)
regions = ui.require("regions", lang)
provisions = cards.provisions_by_id(store.optional("provisions") or ())
actors = {a.id: a for a in store.optional("actors") or ()}

st.title(t("timeline.title", lang))
st.caption(t("timeline.intro", lang))

first, last = timeline.date_bounds(events)
link, notices = parse(
    st.query_params.to_dict(),
    Known(regions=set(regions.index), events=set(events.index), actors=list(actors) if actors else None),
)
link, outside = clamp_dates(link, first, last)
ui.show_notices(notices + outside, lang, link)

# The URL is the state: push it into the widgets on every run; every widget writes back to the URL.
st.session_state.tl_countries = list(link.filters.countries)
st.session_state.tl_types = list(link.filters.types)
st.session_state.tl_actors = list(link.filters.actors)
st.session_state.tl_dates = (link.filters.date_from or first, link.filters.date_to or last)
st.session_state.tl_text = link.filters.text
st.session_state.tl_lanes = link.lanes


def _from_widgets() -> State:
    """The link with this page's filters as the widgets hold them; the other pages' parts are kept as they are."""
    start, end = st.session_state.tl_dates
    changed = link.with_filters(
        countries=tuple(st.session_state.tl_countries),
        types=tuple(st.session_state.tl_types),
        actors=tuple(st.session_state.tl_actors),
        date_from=start if start != first else None,
        date_to=end if end != last else None,
        text=st.session_state.tl_text.strip(),
    )
    return replace(changed, lanes=st.session_state.tl_lanes)


def _on_filter() -> None:
    ui.write_state(_from_widgets(), lang)


def _on_chart() -> None:
    event_id = timeline.selected_event(st.session_state.get("tl_chart"), events.index)
    if event_id:
        ui.write_state(link.with_selection(event=event_id), lang)


def _on_pick() -> None:
    ui.write_state(link.with_selection(event=st.session_state.tl_event_picker or None), lang)


def _clear_region() -> None:
    ui.write_state(link.with_selection(region=None), lang)


with st.container(key="timeline_filters"):
    row = st.columns([2, 3, 3])
    row[0].multiselect(
        t("timeline.countries", lang),
        COUNTRIES,
        key="tl_countries",
        placeholder=t("filter.all", lang),
        on_change=_on_filter,
        format_func=lambda c: t(f"country.{c}", lang),
    )
    row[1].multiselect(
        t("timeline.types", lang),
        TYPES,
        key="tl_types",
        placeholder=t("filter.all", lang),
        on_change=_on_filter,
        format_func=lambda k: t(f"type.{k}", lang),
    )
    row[2].multiselect(
        t("timeline.actors", lang),
        list(actors),
        key="tl_actors",
        placeholder=t("filter.all", lang),
        on_change=_on_filter,
        format_func=lambda a: pick(actors[a], "name", lang),
        help=t("timeline.actors_help", lang),
    )
    row = st.columns([3, 2, 1])
    row[0].slider(
        t("timeline.dates", lang),
        min_value=first,
        max_value=last,
        key="tl_dates",
        on_change=_on_filter,
        format="YYYY-MM-DD",
        step=dt.timedelta(days=1),
    )
    row[1].text_input(
        t("timeline.search", lang),
        key="tl_text",
        on_change=_on_filter,
        max_chars=200,
        help=t("timeline.search_help", lang),
    )
    row[2].radio(
        t("timeline.lanes", lang),
        LANES,
        key="tl_lanes",
        on_change=_on_filter,
        format_func=lambda v: t(f"timeline.lanes.{v}", lang),
    )

region = link.selection.region
if region:
    with st.container(horizontal=True):
        st.info(
            t("timeline.region_filter", lang, region=escape_md(pick(regions.loc[region], "name", lang))),
            icon=":material/location_on:",
        )
        st.button(t("timeline.clear_region", lang), on_click=_clear_region, icon=":material/close:")

shown = timeline.filter_events(events, link.filters, region)
st.markdown(tn("timeline.count", len(shown), lang, total=len(events)), help=None)

if shown.empty:
    st.info(t("timeline.empty", lang), icon=":material/filter_alt_off:")
else:
    start, end = timeline.date_bounds(shown)
    st.plotly_chart(
        timeline.build_figure(
            shown,
            periods,
            lang,
            link.lanes,
            (link.filters.date_from or start, link.filters.date_to or end),
            selected=link.selection.event,
        ),
        key="tl_chart",
        on_select=_on_chart,
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True},
        alt=tn(
            "timeline.alt",
            len(shown),
            lang,
            start=format_date(start, lang),
            end=format_date(end, lang),
            lanes=t(f"timeline.lanes.{link.lanes}", lang),
        ),
    )

    options = ["", *reversed(shown.index.tolist())]
    selected = link.selection.event if link.selection.event in events.index else None
    st.session_state.tl_event_picker = selected if selected in shown.index else ""
    st.selectbox(
        t("timeline.picker", lang),
        options,
        key="tl_event_picker",
        on_change=_on_pick,
        format_func=lambda eid: timeline.event_label(events.loc[eid], lang) if eid else t("timeline.picker.none", lang),
        help=t("timeline.pick_hint", lang),
    )

if link.selection.event:
    with st.container(key="event_card", border=True):
        ui.render_card(cards.event_card(events.loc[link.selection.event], regions, lang, provisions, actors))

if not shown.empty:
    with st.expander(t("timeline.table", lang), icon=":material/table:"):
        st.dataframe(cards.event_table(shown, lang), hide_index=True, width="stretch")
    st.download_button(
        t("timeline.download", lang),
        exports.event_rows_csv(shown),
        file_name="liptako-events.csv",
        mime="text/csv",
        icon=":material/download:",
    )
