"""Timeline: filter the events, click one to read its card. The URL holds every filter and the open event."""

import datetime as dt
from dataclasses import replace

import streamlit as st

from liptako import cards, conflict_view, exports, plotly_touch, store, timeline, ui
from liptako.i18n import format_date, pick, t, tn
from liptako.state import COUNTRIES, LANES, TYPES, Known, State, clamp_dates, parse
from liptako.text import escape_md

CHARTER_ID = "lg_charter_2023"
lang = st.session_state.language
events = ui.require("events", lang)
periods = ui.require("rule_periods", lang)
regions = ui.require("regions", lang)
provisions = cards.provisions_by_id(store.optional("provisions") or ())
actors = {a.id: a for a in store.optional("actors") or ()}
# The "since the Charter" preset starts on the day the Liptako-Gourma Charter was signed, as documents.yaml dates it.
charter_date = next((d.date for d in store.optional("documents") or () if d.id == CHARTER_ID), None)

st.html(f"<style>{timeline.PAGE_CSS}</style>")
st.html(plotly_touch.TAP_SCRIPT, unsafe_allow_javascript=True)  # one tap opens a card on a phone
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
shown_from, shown_to = link.filters.date_from or first, link.filters.date_to or last
st.session_state.tl_preset = timeline.matching_preset(link.filters, first, last, charter_date)
st.session_state.tl_years = (shown_from.year, shown_to.year)
st.session_state.tl_from, st.session_state.tl_to = shown_from, shown_to
st.session_state.tl_text = link.filters.text
st.session_state.tl_lanes = link.lanes


def _from_widgets() -> State:
    """The link with this page's filters as the widgets hold them; the other pages' parts are kept as they are."""
    changed = link.with_filters(
        countries=tuple(st.session_state.tl_countries),
        types=tuple(st.session_state.tl_types),
        actors=tuple(st.session_state.tl_actors),
        text=st.session_state.tl_text.strip(),
    )
    return replace(changed, lanes=st.session_state.tl_lanes)


def _on_filter() -> None:
    ui.write_state(_from_widgets(), lang)


def _write_dates(start: dt.date | None, end: dt.date | None) -> None:
    """New dates, put inside the data's span and in order; a date on a bound is no filter (short links)."""
    start, end = sorted((start or first, end or last))
    dated = link.with_filters(date_from=start, date_to=end)
    ui.write_state(clamp_dates(dated, first, last)[0], lang)


def _on_preset() -> None:
    _write_dates(*timeline.preset_dates(st.session_state.tl_preset or "all", first, last, charter_date))


def _on_years() -> None:
    low, high = st.session_state.tl_years
    _write_dates(max(dt.date(low, 1, 1), first), min(dt.date(high, 12, 31), last))


def _on_dates() -> None:
    _write_dates(st.session_state.tl_from, st.session_state.tl_to)


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
    st.pills(  # pills wrap on a phone where a segmented control would be cut off
        t("timeline.preset", lang),
        [p for p in timeline.PRESETS if p != "since_charter" or charter_date],
        key="tl_preset",
        on_change=_on_preset,
        format_func=lambda p: t(f"timeline.preset.{p}", lang, date=timeline.short_date(charter_date, lang)),
    )
    row = st.columns([3, 2])
    row[0].slider(
        t("timeline.years", lang),
        min_value=first.year,
        max_value=last.year,
        key="tl_years",
        on_change=_on_years,
        step=1,
        help=t("timeline.years_help", lang),
    )
    dates = row[1].columns(2)
    for column, key, label in ((dates[0], "tl_from", "timeline.from"), (dates[1], "tl_to", "timeline.to")):
        column.date_input(
            t(label, lang),
            min_value=first,
            max_value=last,
            key=key,
            on_change=_on_dates,
            format="YYYY/MM/DD",
            help=t("timeline.dates_help", lang),
        )
    row = st.columns([3, 1])
    row[0].text_input(
        t("timeline.search", lang),
        key="tl_text",
        on_change=_on_filter,
        max_chars=200,
        help=t("timeline.search_help", lang),
    )
    row[1].radio(
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
    window = (link.filters.date_from or start, link.filters.date_to or end)
    figure = timeline.build_figure(
        shown, periods, lang, link.lanes, window, selected=link.selection.event, countries=link.filters.countries
    )
    st.plotly_chart(
        figure,
        key="tl_chart",
        on_select=_on_chart,
        selection_mode="points",
        # No toolbar: on a phone it covers the top lane; the presets, the years and the dates do its zooming.
        config={"displayModeBar": False, "scrollZoom": True, "responsive": True},
        alt=tn(
            "timeline.alt",
            len(shown),
            lang,
            start=format_date(start, lang),
            end=format_date(end, lang),
            lanes=t(f"timeline.lanes.{link.lanes}", lang),
        ),
    )
    st.html(timeline.legend_html(shown, periods, lang, link.filters.countries, timeline.density_unit(window)))
    st.html(f"<style>{timeline.narrow_css(figure, '.st-key-tl_chart')}</style>")
    # The analyst's ACLED / UCDP data (issue 15), month by month on the chart's own date axis.
    conflict_view.timeline_band(conflict_view.current(lang), figure.layout, window, link.filters, region, regions, lang)

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
