"""Filter the events and build the timeline figure: events as points on lanes, military rule as bars.

Pure functions over the DataFrames that `data.load_events` and `data.load_rule_periods` return; the page only
lays out widgets around them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date as babel_format_date
from plotly.subplots import make_subplots

from liptako.i18n import Lang, format_date, pick, t, tn
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
DENSITY_COLOUR = "#6b7280"
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


PRESETS = ("all", "since_2020", "since_charter", "last_12_months")
"""The date presets beside the slider; each is a pair of dates, so a link keeps the dates its sender saw."""
KEY_TYPES = ("coup", "treaty", "withdrawal")
"""The events labelled on the chart (coups, treaties, withdrawals), most important first when labels compete."""
LABEL_CHARS = 30
CHAR_PX = 6.2  # the average width of a character of the 11 px labels
PLOT_PX = 1100  # the plot area's width the labels are spaced for (a wide screen; see `key_labels`)
PHONE_PLOT_PX = 300  # the same on a phone 390 px wide (less the lane names)
PHONE_MAX_PX = 640  # Streamlit stacks columns below this width: the layout of a phone
LANE_PX = 76
BAND_PX = 70


def preset_dates(
    preset: str, first: dt.date, last: dt.date, charter: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The (from, to) filter a preset stands for, with None for "the data's own bound" (so links stay short):
    all the data; since 1 January 2020; since the Charter's signing (`charter`, the document's date); the last
    twelve months of data (up to the newest event, not to today)."""
    if preset == "since_2020":
        start = dt.date(2020, 1, 1)
    elif preset == "since_charter" and charter is not None:
        start = charter
    elif preset == "last_12_months":
        start = (pd.Timestamp(last) - pd.DateOffset(years=1)).date() + dt.timedelta(days=1)
    else:
        return None, None
    return (start if start > first else None), None


def matching_preset(filters: Filters, first: dt.date, last: dt.date, charter: dt.date | None = None) -> str | None:
    """The preset whose dates the filters hold, if any (the preset control shows it as chosen)."""
    for preset in PRESETS:
        if preset == "since_charter" and charter is None:
            continue
        if preset_dates(preset, first, last, charter) == (filters.date_from, filters.date_to):
            return preset
    return None


def short_date(value: dt.date | None, lang: Lang) -> str:
    """'16 Sept 2023' / '16 sept. 2023': a date short enough for a button."""
    return babel_format_date(value, format="medium", locale=lang) if value else ""


def short_title(event: pd.Series, lang: Lang, most: int = LABEL_CHARS) -> str:
    """A label short enough for the chart (plain text): the title's head before a colon ("Niger coup") when it says
    enough, else the title cut at a word boundary with an ellipsis."""
    title = pick(event, "title", lang).strip()
    head = title.split(":")[0].strip()
    if head != title and len(head.split()) > 1 and len(head) <= most:  # a one-word head ("Mali") says too little
        return head
    if len(title) <= most:
        return title
    cut = title[: most - 1].rsplit(" ", 1)[0].rstrip(" ,;—–-")
    return cut + "…"


@dataclass(frozen=True)
class Label:
    """One label on the chart: which event, on which lane (the escaped category), above (+1) or below (-1)."""

    event: str
    lane: str
    side: int
    text: str
    anchor: str = "center"
    """Where the text sits against its date: centred, or ending ("right") or starting ("left") there near an edge."""


def key_labels(
    events: pd.DataFrame,
    lane_keys: Sequence[str],
    lane_names: Mapping[str, str],
    lanes: str,
    window: tuple[dt.date, dt.date],
    lang: Lang,
    selected: str | None = None,
    plot_px: float = PLOT_PX,
    placed: Sequence[Label] = (),
) -> list[Label]:
    """Labels for the key events that fit without touching: the selected event first, then coups, treaties and
    withdrawals (newest first within a type). Each lane has two rows of labels, above and below its dots; a label
    takes the first row of the first of its lanes where its span (its text's width, centred on its date, on a plot
    `plot_px` wide) overlaps no label already placed, and is left out otherwise (its dot and tooltip remain).
    Labels in `placed` (laid out for a narrower plot, so they fit this one too) are kept first, as they are."""
    start, end = window
    days = max((end - start).days, 1)
    taken: dict[tuple[str, int], list[tuple[float, float]]] = {}

    def span(date: dt.date, text: str) -> tuple[str, float, float]:
        """The label's anchor and extent in pixels: centred on its date, or kept inside the plot near an edge."""
        at = (date - start).days / days * plot_px
        width = len(text) * CHAR_PX + 12
        if at + width / 2 > plot_px:
            return "right", at - width, at
        if at - width / 2 < 0:
            return "left", at, at + width
        return "center", at - width / 2, at + width / 2

    kept = list(placed)
    for label in kept:
        event = events.loc[label.event]
        key = next(k for k in lane_keys if escape_html(lane_names[k]) == label.lane)
        taken.setdefault((key, label.side), []).append(span(event["date"].date(), short_title(event, lang))[1:])
    candidates = [eid for eid in ([selected] if selected in events.index else [])]
    for kind in KEY_TYPES:
        rows = events[events["type"].map(str) == kind].sort_values("date", ascending=False)
        candidates += [eid for eid in rows.index if eid != selected]
    done = {label.event for label in kept}
    for eid in candidates:
        if eid in done:
            continue
        event = events.loc[eid]
        date = event["date"].date()
        if not start <= date <= end:
            continue
        text = short_title(event, lang)
        anchor, low, high = span(date, text)
        keys = [str(c) for c in event["countries"]] if lanes == "country" else [str(event["type"])]
        spots = [(k, side) for k in lane_keys if k in keys for side in (1, -1)]
        for key, side in spots:
            row = taken.setdefault((key, side), [])
            if all(high < a or low > b for a, b in row):
                row.append((low, high))
                kept.append(Label(str(eid), escape_html(lane_names[key]), side, escape_html(text), anchor))
                break
    return kept


def density_unit(window: tuple[dt.date, dt.date]) -> str:
    """The density band counts per month on four years or less, else per year."""
    return "month" if (window[1] - window[0]).days <= 4 * 366 else "year"


def density(events: pd.DataFrame, window: tuple[dt.date, dt.date]) -> tuple[str, pd.DataFrame]:
    """How many events fall in each year of the window (or each month, on a window of four years or less): the
    band under the lanes that shows where the events crowd. Returns the unit ("year" or "month") and one row per
    period: its first day (`start`), the first day of the next (`end`) and the events in it (`count`)."""
    unit = density_unit(window)
    code = "M" if unit == "month" else "Y"
    dates = events["date"][(events["date"] >= pd.Timestamp(window[0])) & (events["date"] <= pd.Timestamp(window[1]))]
    counts = dates.dt.to_period(code).value_counts()
    periods = pd.period_range(pd.Timestamp(window[0]).to_period(code), pd.Timestamp(window[1]).to_period(code))
    return unit, pd.DataFrame(
        {
            "start": periods.start_time,
            "end": (periods + 1).start_time,
            "count": [int(counts.get(p, 0)) for p in periods],
        }
    )


def shown_lanes(events: pd.DataFrame, lanes: str, countries: Sequence[str] = ()) -> list[str]:
    """The lanes worth drawing: the countries asked for (else those the events involve), or the types present."""
    if lanes == "type":
        present = {str(k) for k in events["type"]}
        return [k for k in TYPES if k in present]
    involved = {str(c) for cs in events["countries"] for c in cs}
    return [c for c in COUNTRIES if (c in countries if countries else c in involved)]


def legend_html(
    events: pd.DataFrame, periods: pd.DataFrame, lang: Lang, countries: Sequence[str] = (), unit: str | None = None
) -> str:
    """The chart's key as HTML laid out by the page (it wraps on a phone instead of scrolling in the plot): a dot
    per type shown, an open dot for a claim, a band per kind of rule shown, and the density band's bars (`unit`,
    "year" or "month", from `density_unit`). Text from the catalogs, escaped."""
    shown_types = {str(x) for x in events["type"]}
    items = [(f'tl-dot" style="background:{TYPE_COLOURS[k]}', t(f"type.{k}", lang)) for k in TYPES if k in shown_types]
    if events["claim"].any():
        items.append(("tl-dot tl-open", t("timeline.claim", lang)))
    kinds = {
        str(k) for k, c in zip(periods["kind"], periods["country"], strict=True) if not countries or str(c) in countries
    }
    items += [
        (f'tl-band" style="background:{colour}', t(f"rule.{kind}", lang))
        for kind, colour in RULE_COLOURS.items()
        if kind in kinds
    ]
    if unit:
        items.append((f'tl-band" style="background:{DENSITY_COLOUR}', t(f"timeline.density.{unit}", lang)))
    keys = "".join(
        f'<span class="tl-key" role="listitem"><span class="{mark}"></span>{escape_html(text)}</span>'
        for mark, text in items
    )
    return f'<div class="tl-legend" role="list">{keys}</div>'


def narrow_css(figure: go.Figure, scope: str) -> str:
    """CSS that hides, on a phone, the labels laid out for a wide screen only (plotly numbers its annotations in
    `data-index`, in the order `build_figure` placed them: the phone's first). `scope` is the chart's selector."""
    shown = (figure.layout.meta or {}).get("phone_labels", 0)
    hidden = [f'{scope} g.annotation[data-index="{i}"]' for i in range(shown, len(figure.layout.annotations))]
    if not hidden:
        return ""
    return f"@media (max-width: {PHONE_MAX_PX}px) {{ {', '.join(hidden)} {{ display: none; }} }}"


PAGE_CSS = """
.tl-legend {display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.875rem; margin: -0.5rem 0 0.5rem}
.tl-key {display: inline-flex; align-items: center; gap: 0.35rem}
.tl-dot {width: 0.75rem; height: 0.75rem; border-radius: 50%; display: inline-block; flex: none}
.tl-open {background: #fff; border: 2px solid #444}
.tl-band {width: 1.25rem; height: 0.75rem; display: inline-block; border: 1px solid #ccc; flex: none}
.st-key-timeline_filters :focus-visible, .st-key-tl_chart :focus-visible, .st-key-event_card :focus-visible,
.st-key-provision_list :focus-visible, .st-key-tl_event_picker :focus-visible,
.st-key-timeline_filters [data-rac][data-focus-visible] {
  outline: 3px solid #1a73e8 !important; outline-offset: 2px}
.st-key-tl_preset [role="radio"][aria-checked="true"] p {color: #9b1c2a}
"""
"""The timeline page's own styles: the chart's key, a visible focus on every control (Streamlit's own is a faint
border change on some widgets), and a chosen preset's text dark enough on its tint (Streamlit's reaches 4.47:1,
under WCAG's 4.5:1)."""


def build_figure(
    events: pd.DataFrame,
    periods: pd.DataFrame,
    lang: Lang,
    lanes: str = "country",
    window: tuple[dt.date, dt.date] | None = None,
    selected: str | None = None,
    today: dt.date | None = None,
    countries: Sequence[str] = (),
) -> go.Figure:
    """Events as markers on lanes (one trace per type, the event id in `customdata` for selection), periods of
    military or transitional rule as bars behind them, the key events labelled, the selected one ringed and
    labelled; under the lanes, a band counting the events per year or month. Only the lanes of the countries
    asked for (`countries`, else those involved) or of the types present are drawn. The x axis shows `window`
    (by default the events' own span), padded a little. Every label is HTML-escaped because plotly renders
    hover text and axis labels as HTML. The legend is the page's (`legend_html`), not plotly's."""
    today = today or dt.date.today()
    start, end = window or date_bounds(events)
    if end - start < MIN_WINDOW:  # a lone event still gets a readable stretch of time around it
        middle = start + (end - start) / 2
        start, end = middle - MIN_WINDOW / 2, middle + MIN_WINDOW / 2
    pad = (end - start) * 0.03
    labels = lane_labels(lanes, lang)
    lane_keys = shown_lanes(events, lanes, countries)
    rule_countries = [c for c in COUNTRIES if (c in countries if countries else True)]
    if lanes == "country":
        rule_countries = [c for c in rule_countries if c in lane_keys]
    rule_lanes = {
        c: labels[c] if lanes == "country" else t("timeline.rule_lane", lang, country=t(f"country.{c}", lang))
        for c in rule_countries
    }
    order = [escape_html(labels[k]) for k in lane_keys] + (
        [escape_html(rule_lanes[c]) for c in rule_countries] if lanes == "type" else []
    )
    lanes_px = LANE_PX * max(len(order), 1) + 40
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[lanes_px, BAND_PX])

    for kind, colour in RULE_COLOURS.items():
        rows = periods[(periods["kind"].map(str) == kind) & periods["country"].map(str).isin(rule_countries)]
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
            ),
            row=1,
            col=1,
        )

    for kind in TYPES:
        rows = events[events["type"].map(str) == kind]
        if rows.empty:
            continue
        xs, ys, ids, hovers, symbols = [], [], [], [], []
        for event_id, event in rows.iterrows():
            keys = [str(c) for c in event["countries"]] if lanes == "country" else [kind]
            for key in keys:
                if key not in lane_keys:
                    continue
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
            ),
            row=1,
            col=1,
        )

    # Labels a phone has room for first, then those a wide screen adds: `narrow_css` hides the latter on a phone.
    phone = key_labels(events, lane_keys, labels, lanes, (start, end), lang, selected, PHONE_PLOT_PX)
    placed = key_labels(events, lane_keys, labels, lanes, (start, end), lang, selected, placed=phone)
    for label in placed:
        event = events.loc[label.event]
        chosen = label.event == selected
        fig.add_annotation(
            x=event["date"].strftime("%Y-%m-%d"),
            y=label.lane,
            xref="x",
            yref="y",
            text=f"<b>{label.text}</b>" if chosen else label.text,
            showarrow=False,
            xanchor=label.anchor,
            yshift=17 * label.side,
            font={"size": 12 if chosen else 11, "color": "#111111" if chosen else "#333333"},
            bgcolor="rgba(255,255,255,0.85)" if chosen else None,
            bordercolor="#111111" if chosen else None,
            borderpad=2 if chosen else 0,
        )

    if selected in events.index:
        event = events.loc[selected]
        keys = [str(c) for c in event["countries"]] if lanes == "country" else [str(event["type"])]
        keys = [k for k in keys if k in lane_keys]
        fig.add_trace(
            go.Scatter(
                x=[event["date"].strftime("%Y-%m-%d")] * len(keys),
                y=[escape_html(labels[k]) for k in keys],
                mode="markers",
                marker={"size": 24, "symbol": "circle-open", "color": "#111111", "line": {"width": 3}},
                customdata=[[selected]] * len(keys),
                hoverinfo="skip",
                showlegend=False,
                name="selected",
            ),
            row=1,
            col=1,
        )

    unit, band = density(events, (start - pad, end + pad))
    pattern = "MMMM y" if unit == "month" else "y"
    fig.add_trace(
        go.Bar(
            name="density",
            x=band["start"] + (band["end"] - band["start"]) / 2,
            y=band["count"],
            width=(band["end"] - band["start"]).dt.total_seconds() * 1000 * 0.85,
            marker={"color": DENSITY_COLOUR, "line": {"width": 0}},
            hovertext=[
                escape_html(tn("timeline.density", n, lang, period=babel_format_date(d, format=pattern, locale=lang)))
                for d, n in zip(band["start"].dt.date, band["count"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        ),
        row=2,
        col=1,
    )

    fig.update_layout(
        barmode="overlay",
        height=lanes_px + BAND_PX + 60,
        margin={"l": 10, "r": 10, "t": 24, "b": 10},
        showlegend=False,
        hovermode="closest",
        clickmode="event+select",
        dragmode="pan",
        meta={"phone_labels": len(phone)},
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(order)), type="category", row=1, col=1)
    # No axis title: it would widen the left margin past the lane names and shift the dates (the key names it).
    fig.update_yaxes(row=2, col=1, fixedrange=True, nticks=3, tickfont={"size": 10})
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
    # The dates are written once, under the lanes (where the conflict band below the chart reads them too); the
    # density band sits right under them, on the same axis.
    fig.update_xaxes(showticklabels=True, row=1, col=1)
    fig.update_xaxes(showticklabels=False, row=2, col=1)
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
