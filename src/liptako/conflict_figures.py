"""The figures drawn from the analyst's conflict data (ACLED / UCDP): the region panel's monthly sparkline and the
timeline's monthly band. Pure builders: counts in, a plotly figure out, tested without a browser.

Plotly renders names and hover text as HTML, so every text is escaped here, where it enters the figure; callers
pass plain text. Each figure shows one source's counts only: ACLED and UCDP count the same violence differently.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from babel.dates import get_month_names

from liptako.i18n import Lang, number, t
from liptako.text import escape_html

MARKED_TYPES = ("coup", "attempted_coup", "agreement", "treaty")
"""The curated events marked on a region's sparkline."""
BAND_COLOUR = "#8C2D04"
BAND_HEIGHT = 150


def sparkline(series: pd.DataFrame, marks: pd.DataFrame | None, labels: dict[str, str]) -> go.Figure:
    """A region's conflict events per month (one line per source column of `series`), small, with the curated
    coups and agreements tied to the region (`marks`: date, label) as ticks along the bottom, their titles on
    hover. `labels` names each source and, under "marks", the ticks (plain text)."""
    figure = go.Figure()
    for source in series.columns:
        figure.add_trace(
            go.Scatter(
                x=series.index,
                y=series[source],
                mode="lines",
                name=escape_html(labels.get(source, source)),
                line={"width": 1.5},
            )
        )
    if marks is not None and not marks.empty:
        figure.add_trace(
            go.Scatter(
                x=marks["date"],
                y=[0] * len(marks),
                mode="markers",
                marker={"symbol": "triangle-up", "size": 9, "color": "#b2182b"},
                name=escape_html(labels.get("marks", "")),
                text=[escape_html(label) for label in marks["label"]],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    figure.update_layout(
        height=170,
        margin={"l": 30, "r": 10, "t": 10, "b": 25},
        showlegend=True,
        legend={"orientation": "h", "y": -0.3, "font": {"size": 10}},
        xaxis={"showgrid": False},
        yaxis={"rangemode": "tozero", "nticks": 3},
    )
    return figure


def band(counts: pd.Series, chart: go.Layout, source: str, measure: str, lang: Lang) -> go.Figure:
    """One source's monthly counts (`counts`, indexed by the first day of each month) as columns in a short band
    under the timeline, on the timeline's own date axis: `chart` is the timeline figure's layout, whose x range
    and ticks are copied, so the band follows every change of the timeline's dates. Its lane labels are also set
    on a second, transparent y axis: they take the same room on the left as on the timeline, so both plot areas
    start at the same pixel and a month sits under the same month of the lanes. `source` and `measure` name
    what is counted (plain text). The band neither zooms nor pans on its own (it would leave the lanes behind)."""
    names = get_month_names("wide", locale=lang)  # once, not a Babel call per month
    hover = [
        f"<b>{escape_html(f'{names[month.month]} {month.year}')}</b><br>"
        + escape_html(t("conflict.band.hover", lang, measure=measure, source=source, count=number(int(value), lang)))
        for month, value in counts.items()
    ]
    lanes = list(chart.yaxis.categoryarray or ())  # already escaped by the timeline's builder
    columns = go.Bar(
        x=[month.strftime("%Y-%m-%d") for month in counts.index],
        y=counts.to_numpy(),
        xperiod="M1",
        xperiodalignment="middle",
        marker={"color": BAND_COLOUR, "line": {"width": 0}},
        name=escape_html(f"{measure} ({source})"),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )
    reserve = go.Scatter(x=[None] * len(lanes), y=lanes, yaxis="y2", mode="markers", hoverinfo="skip", name="lanes")
    layout = {
        "height": BAND_HEIGHT,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "showlegend": False,
        "bargap": 0.1,
        "dragmode": False,
        "hovermode": "closest",
        "xaxis": {
            "type": "date",
            "range": list(chart.xaxis.range),
            "tickmode": "array",
            "tickvals": chart.xaxis.tickvals,
            "ticktext": chart.xaxis.ticktext,
            "showgrid": True,
            "fixedrange": True,
        },
        "yaxis": {"rangemode": "tozero", "nticks": 3, "fixedrange": True},
        "yaxis2": {
            "overlaying": "y",
            "side": "left",
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lanes,
            "tickmode": "array",  # every label, even where the short band has no room for them all
            "tickvals": lanes,
            "tickfont": {"color": "rgba(0,0,0,0)"},
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    }
    return go.Figure([columns, reserve] if lanes else [columns], layout)
