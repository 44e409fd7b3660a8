"""Filter the events and build the timeline figure: events as points on lanes, military rule as bars.

Pure functions over the DataFrames that `data.load_events` and `data.load_rule_periods` return; the page only
lays out widgets around them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date as babel_format_date

from liptako.i18n import Lang, format_date, pick, t
from liptako.state import COUNTRIES, TYPES, Filters
from liptako.text import escape_html, fold

# Okabe–Ito palette first (safe for colour-blind readers), then two distinguishable extras.
TYPE_COLOURS = {
    "coup": "#D55E00",
    "attempted_coup": "#E69F00",
    "transition": "#CC79A7",
    "agreement": "#009E73",
    "treaty": "#0072B2",
    "withdrawal": "#56B4E9",
    "sanction": "#000000",
    "diplomatic": "#999999",
    "military_operation": "#6A3D9A",
    "security_incident": "#B2182B",
}
RULE_COLOURS = {"military": "rgba(213,94,0,0.16)", "transitional": "rgba(204,121,167,0.16)"}
MIN_WINDOW = dt.timedelta(days=730)
_SEARCHED = ("title_fr", "title_en", "summary_fr", "summary_en", "place", "people", "note_fr", "note_en")


def _end(events: pd.DataFrame) -> pd.Series:
    return events["end_date"].fillna(events["date"])


def search_text(events: pd.DataFrame) -> pd.Series:
    """Each event's searchable text in both languages, folded once (lower case, no accents)."""
    parts = [events[c].map(lambda v: " ".join(v) if isinstance(v, list) else str(v or "")) for c in _SEARCHED]
    return pd.concat(parts, axis=1).agg(" ".join, axis=1).map(fold)


def filter_events(events: pd.DataFrame, filters: Filters, region: str | None = None) -> pd.DataFrame:
    """The events a reader asked for: any of the countries, any of the types, overlapping the dates, mentioning
    every word of the text (French or English, accents ignored), and tied to the region if one is given."""
    keep = pd.Series(True, index=events.index)
    if filters.countries:
        wanted = set(filters.countries)
        keep &= events["countries"].map(lambda cs: bool(wanted & {str(c) for c in cs}))
    if filters.types:
        keep &= events["type"].map(str).isin(filters.types)
    if filters.actors:
        named = set(filters.actors)
        keep &= events["actors"].map(lambda ids: bool(named & set(ids)))
    if filters.date_from:
        keep &= _end(events) >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        keep &= events["date"] <= pd.Timestamp(filters.date_to)
    if region:
        keep &= events["region_ids"].map(lambda rs: region in rs)
    words = fold(filters.text).split()
    if words:
        text = search_text(events)
        for word in words:
            keep &= text.str.contains(word, regex=False)
    return events[keep]


def describe_dates(filters: Filters, lang: Lang) -> str:
    """The date filter in words: "1 January 2020 – …"; an empty string when the dates are not filtered."""
    if not (filters.date_from or filters.date_to):
        return ""
    start = format_date(filters.date_from, lang) if filters.date_from else "…"
    end = format_date(filters.date_to, lang) if filters.date_to else "…"
    return f"{start} – {end}"


def describe_filters(filters: Filters, lang: Lang) -> str:
    """The timeline's filters in words ("Niger · Coup · 1 January 2020 – …"), for what a count or a colour means."""
    parts = []
    if filters.countries:
        parts.append(", ".join(t(f"country.{c}", lang) for c in filters.countries))
    if filters.types:
        parts.append(", ".join(t(f"type.{k}", lang) for k in filters.types))
    if filters.date_from or filters.date_to:
        parts.append(describe_dates(filters, lang))
    if filters.text:
        parts.append(f"« {filters.text} »" if lang == "fr" else f"“{filters.text}”")
    return " · ".join(parts) or t("map.choropleth.all", lang)


def lane_labels(lanes: str, lang: Lang) -> dict[str, str]:
    keys = COUNTRIES if lanes == "country" else TYPES
    prefix = "country." if lanes == "country" else "type."
    return {key: t(prefix + key, lang) for key in keys}


def when(event: pd.Series, lang: Lang) -> str:
    """The event's date as precisely as the sources allow, with its end for a period."""
    text = format_date(event["date"].date(), lang, str(event["date_precision"]))
    if pd.notna(event.get("end_date")):
        text += " – " + format_date(event["end_date"].date(), lang)
    return text


def event_label(event: pd.Series, lang: Lang) -> str:
    """One line naming an event (plain text): lists, pickers, map tooltips — and how a marker click is traced back."""
    return f"{when(event, lang)} — {pick(event, 'title', lang)}"


def _hover(event: pd.Series, lang: Lang) -> str:
    claim = f" <i>({escape_html(t('timeline.claim', lang))})</i>" if event["claim"] else ""
    return f"<b>{escape_html(when(event, lang))}</b><br>{escape_html(pick(event, 'title', lang))}{claim}"


TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)  # months between two ticks: months, then years
MAX_TICKS = 10


def date_ticks(first: dt.date, last: dt.date, lang: Lang, most: int = MAX_TICKS) -> tuple[list[str], list[str]]:
    """Ticks for a date axis from `first` to `last`, as (ISO dates, labels): the first of the month every 1, 2, 3
    or 6 months on a short range ('avr. 2021' / 'Apr 2021'), else 1 January every 1, 2, 5, 10… years ('2021'); at
    most about `most` of them. Babel writes the labels in `lang`: plotly's own month names are English only, and
    Streamlit does not ship plotly's locale bundles."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in TICK_STEPS if months / s <= most), TICK_STEPS[-1])
    index = first.year * 12 + first.month - 1 + (first.day > 1)  # months since year 0 of the first whole month
    index = -(-index // step) * step  # a round month or year: January, April… or 2000, 2010…
    pattern = "y" if step >= 12 else "MMM y"
    values, labels = [], []
    while index <= last.year * 12 + last.month - 1:
        tick = dt.date(index // 12, index % 12 + 1, 1)
        values.append(tick.isoformat())
        labels.append(escape_html(babel_format_date(tick, format=pattern, locale=lang)))
        index += step
    return values, labels


def build_figure(
    events: pd.DataFrame,
    periods: pd.DataFrame,
    lang: Lang,
    lanes: str = "country",
    window: tuple[dt.date, dt.date] | None = None,
    selected: str | None = None,
    today: dt.date | None = None,
) -> go.Figure:
    """Events as markers (one trace per type, so the legend filters by type), the event id in `customdata` for
    selection; periods of military or transitional rule as bars behind them. The x axis shows `window` (the
    filtered dates; by default the events' own span), padded a little. Every label is HTML-escaped because
    plotly renders hover text and axis labels as HTML."""
    today = today or dt.date.today()
    start, end = window or date_bounds(events)
    if end - start < MIN_WINDOW:  # a lone event still gets a readable stretch of time around it
        middle = start + (end - start) / 2
        start, end = middle - MIN_WINDOW / 2, middle + MIN_WINDOW / 2
    pad = (end - start) * 0.03
    labels = lane_labels(lanes, lang)
    fig = go.Figure()

    rule_lanes: dict[str, str] = {}
    for country in COUNTRIES:
        rule_lanes[country] = (
            labels[country]
            if lanes == "country"
            else t("timeline.rule_lane", lang, country=t(f"country.{country}", lang))
        )
    for kind, colour in RULE_COLOURS.items():
        rows = periods[periods["kind"].map(str) == kind]
        if rows.empty:
            continue
        ends = rows["end"].fillna(pd.Timestamp(today))
        fig.add_trace(
            go.Bar(
                name=escape_html(t(f"rule.{kind}", lang)),
                orientation="h",
                base=rows["start"].dt.strftime("%Y-%m-%d"),
                x=(ends - rows["start"]).dt.total_seconds() * 1000,
                y=[escape_html(rule_lanes[str(c)]) for c in rows["country"]],
                marker={"color": colour, "line": {"width": 0}},
                width=0.7,
                hovertext=[escape_html(pick(r, "label", lang)) for _, r in rows.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[[f"period:{pid}"] for pid in rows.index],
                legendgroup="rule",
            )
        )

    for kind in TYPES:
        rows = events[events["type"].map(str) == kind]
        if rows.empty:
            continue
        xs, ys, ids, hovers, symbols = [], [], [], [], []
        for event_id, event in rows.iterrows():
            keys = [str(c) for c in event["countries"]] if lanes == "country" else [kind]
            for key in keys:
                xs.append(event["date"].strftime("%Y-%m-%d"))
                ys.append(escape_html(labels[key]))
                ids.append([event_id])
                hovers.append(_hover(event, lang))
                symbols.append("circle-open" if event["claim"] else "circle")
        fig.add_trace(
            go.Scatter(
                name=escape_html(t(f"type.{kind}", lang)),
                x=xs,
                y=ys,
                mode="markers",
                marker={
                    "color": TYPE_COLOURS[kind],
                    "size": 11,
                    "symbol": symbols,
                    "line": {"width": 1.5, "color": TYPE_COLOURS[kind]},
                },
                customdata=ids,
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )

    if selected in events.index:
        event = events.loc[selected]
        keys = [str(c) for c in event["countries"]] if lanes == "country" else [str(event["type"])]
        fig.add_trace(
            go.Scatter(
                x=[event["date"].strftime("%Y-%m-%d")] * len(keys),
                y=[escape_html(labels[k]) for k in keys],
                mode="markers",
                marker={"size": 22, "symbol": "circle-open", "color": "#111111", "line": {"width": 2.5}},
                customdata=[[selected]] * len(keys),
                hoverinfo="skip",
                showlegend=False,
                name="selected",
            )
        )

    order = [escape_html(labels[k]) for k in (COUNTRIES if lanes == "country" else TYPES)]
    if lanes == "type":
        order += [escape_html(rule_lanes[c]) for c in COUNTRIES]
    fig.update_layout(
        barmode="overlay",
        height=260 + 34 * len(order) if lanes == "type" else 380,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
        hovermode="closest",
        clickmode="event+select",
        dragmode="pan",
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(order)), type="category")
    tickvals, ticktext = date_ticks(start - pad, end + pad, lang)
    fig.update_xaxes(
        type="date",
        rangeslider={"visible": False},
        showgrid=True,
        range=[(start - pad).isoformat(), (end + pad).isoformat()],
        tickmode="array",
        tickvals=tickvals,
        ticktext=ticktext,
    )
    return fig


def selected_event(selection: Mapping | None, known: Iterable[str]) -> str | None:
    """The event id of the last clicked point in `st.plotly_chart(on_select=...)`'s state; bars and unknown ids
    (a period, a stale selection) give None."""
    points = ((selection or {}).get("selection") or {}).get("points") or []
    known = set(known)
    for point in reversed(points):
        data = point.get("customdata") or []
        if data and data[0] in known:
            return str(data[0])
    return None


def date_bounds(events: pd.DataFrame) -> tuple[dt.date, dt.date]:
    return events["date"].min().date(), max(_end(events).max().date(), events["date"].max().date())
