"""How the pages show the analyst's conflict data (ACLED / UCDP) with Streamlit: which data is in view, the source
picker, the terms line, the map's region panel and the timeline's monthly band. The counting lives in `conflict`,
the figures in `conflict_figures`; this module only lays them out, so the map and the timeline say the same
things the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from liptako import conflict, conflict_figures, store, timeline
from liptako.data import DataError
from liptako.i18n import Lang, format_date, number, t
from liptako.state import Filters
from liptako.text import escape_md

MEASURES = ("events", "fatalities")


def current(lang: Lang) -> conflict.Loaded | None:
    """The conflict data in view: a file uploaded in this session (its aggregate, in memory) or else the store's
    (`liptako import`); None when there is neither. A damaged store is reported, not raised."""
    try:
        imported = store.conflict_data()
    except DataError as exc:
        imported = None
        st.warning(escape_md(str(exc)), icon=":material/error:")
    return st.session_state.get("conflict_upload") or imported


def source_picker(data: conflict.Loaded, container, lang: Lang) -> str:  # noqa: ANN001 - a Streamlit container
    """Which source is shown: the only one, or the reader's pick (ACLED and UCDP count the same violence
    differently, so they are never added up)."""
    sources = [s.source for s in data.sources]
    if len(sources) == 1:
        return sources[0]
    return container.radio(
        t("conflict.source_choice", lang),
        sources,
        key="conflict_source",
        format_func=lambda s: conflict.SOURCE_NAMES[s],
        horizontal=True,
    )


def terms(data: conflict.Loaded, sources: Iterable[str], lang: Lang) -> None:
    """Each source shown, named with its file, span and terms (ACLED's: not redistributed; UCDP's citation)."""
    shown = set(sources)
    for info in data.sources:
        if info.source in shown:
            span = {
                "first": format_date(info.first, lang) if info.first else "–",
                "last": format_date(info.last, lang) if info.last else "–",
            }
            imported = t("conflict.imported", lang, date=info.imported[:10]) if info.imported else ""
            imported = imported or t("conflict.session_only", lang)
            st.caption(t(f"conflict.terms.{info.source}", lang, file=escape_md(info.file), imported=imported, **span))


def region_panel(data: conflict.Loaded | None, region_id: str, events: pd.DataFrame | None, lang: Lang) -> None:
    """The region's conflict events per month (a sparkline per source) with the timeline's coups and agreements
    tied to the region marked on it; nothing when no file is loaded (the line under the map says so already)."""
    if data is None:
        return
    with st.container(key="conflict_panel"):
        st.markdown(f"**{t('panel.conflict', lang)}**")
        series = conflict.region_months(data.months, region_id)
        marks = None
        if events is not None:
            tied = timeline.filter_events(events, Filters(types=conflict_figures.MARKED_TYPES), region_id)
            marks = tied.assign(label=[timeline.event_label(row, lang) for _, row in tied.iterrows()])
        labels = dict(conflict.SOURCE_NAMES)
        labels["marks"] = t("panel.conflict_marks", lang)
        st.plotly_chart(
            conflict_figures.sparkline(series, marks, labels),
            key="conflict_sparkline",
            config={"displayModeBar": False},
            alt=t("panel.conflict", lang),
        )
        mine = data.months[data.months["region"] == region_id]
        for source, frame in mine.groupby("source"):
            st.caption(
                t(
                    "panel.conflict_total",
                    lang,
                    events=number(int(frame["events"].sum()), lang),
                    deaths=number(int(frame["fatalities"].sum()), lang),
                    source=conflict.SOURCE_NAMES[source],
                )
            )
        terms(data, [s.source for s in data.sources], lang)


def timeline_band(
    data: conflict.Loaded | None,
    chart: go.Layout,
    window: tuple[dt.date, dt.date],
    filters: Filters,
    region: str | None,
    regions: gpd.GeoDataFrame,
    lang: Lang,
) -> None:
    """Under the timeline's chart: one source's conflict events (or deaths, the reader's pick) per month, for the
    timeline's countries, region and dates (`window`, the dates its chart shows), drawn on the chart's own date
    axis (`chart`, its layout), with the source and its terms named; or a plain line saying that no file is
    loaded. The band comes first, closest to the lanes, and its pickers below it."""
    with st.container(key="conflict_band"):
        if data is None:
            st.caption(t("conflict.none", lang))
            return
        st.markdown(f"**{t('conflict.band.title', lang)}**")
        slot = st.container()
        controls = st.columns(2)
        source = source_picker(data, controls[0], lang)
        measure = controls[1].radio(
            t("conflict.band.measure", lang),
            MEASURES,
            key="conflict_band_measure",
            format_func=lambda m: t(f"conflict.band.{m}", lang),
            horizontal=True,
        )
        counts = conflict.months_filtered(data.months, regions, filters.countries, region, *window, source)[measure]
        name, what = conflict.SOURCE_NAMES[source], t(f"conflict.band.{measure}", lang)
        if counts.empty:
            slot.caption(t("conflict.band.empty", lang, source=name))
        else:
            slot.plotly_chart(
                conflict_figures.band(counts, chart, name, what, lang),
                key="conflict_band_chart",
                config={"displayModeBar": False},
                alt=t(
                    "conflict.band.alt",
                    lang,
                    measure=what,
                    source=name,
                    first=format_date(counts.index[0].date(), lang, "month"),
                    last=format_date(counts.index[-1].date(), lang, "month"),
                    total=number(int(counts.sum()), lang),
                ),
            )
        st.caption(t("conflict.band.note", lang))
        terms(data, [source], lang)
