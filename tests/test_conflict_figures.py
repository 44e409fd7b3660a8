"""The conflict figures (`conflict_figures`) and the monthly counts behind the timeline's band
(`conflict.months_filtered`), on small frames made here: what the band shows must follow the timeline's filters,
show one source at a time, and carry no text plotly would read as HTML."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from liptako import conflict, conflict_figures, timeline

HOSTILE = '<script>alert(1)</script> <img src=x onerror="x"> [a](javascript:x) `${x}`'


def month(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


@pytest.fixture(scope="module")
def months(regions) -> pd.DataFrame:
    """Both sources in one region of each country, with a gap month: ACLED 2019-01 … 2019-06, UCDP 2018-07 …
    2019-03, each with counts that tell them apart (UCDP's are a hundred times ACLED's)."""
    one = {c: str(regions.index[regions["country"] == c][0]) for c in ("MLI", "BFA", "NER")}
    rows = []
    for number, m in enumerate(["2019-01-01", "2019-02-01", "2019-04-01", "2019-06-01"], start=1):
        for rid in one.values():
            rows.append(("acled", rid, month(m), number, 2 * number))
    for number, m in enumerate(["2018-07-01", "2019-01-01", "2019-03-01"], start=1):
        rows.append(("ucdp", one["NER"], month(m), 100 * number, 300 * number))
    frame = pd.DataFrame(rows, columns=["source", "region", "month", "events", "fatalities"])
    return frame.astype({"events": "int64", "fatalities": "int64"})


def test_months_cover_the_source_span_with_zeros_and_stop_at_its_ends(months, regions) -> None:
    counts = conflict.months_filtered(months, regions, (), None, None, None, "acled")
    assert list(counts.index) == list(pd.date_range("2019-01-01", "2019-06-01", freq="MS"))
    assert counts.loc[month("2019-03-01"), "events"] == 0  # a quiet month inside the span is a zero…
    assert counts["events"].sum() == months.loc[months["source"] == "acled", "events"].sum()
    # …but the months before the file's first event are not claimed as quiet: they are not listed.
    wide = conflict.months_filtered(months, regions, (), None, dt.date(2010, 1, 1), dt.date(2030, 1, 1), "acled")
    assert wide.index.min() == month("2019-01-01") and wide.index.max() == month("2019-06-01")


def test_months_follow_the_countries_region_and_dates(months, regions) -> None:
    acled = months[months["source"] == "acled"]
    niger = conflict.months_filtered(months, regions, ("NER",), None, None, None, "acled")
    in_niger = acled[acled["region"].map(regions["country"]) == "NER"]
    assert niger["events"].sum() == in_niger["events"].sum() > 0
    rid = str(in_niger["region"].iloc[0])
    assert conflict.months_filtered(months, regions, (), rid, None, None, "acled").equals(niger)
    # A region outside the countries chosen: nothing of it is counted, every month is a zero.
    mali_only = conflict.months_filtered(months, regions, ("MLI",), rid, None, None, "acled")
    assert mali_only["events"].sum() == 0 and len(mali_only) == len(niger)
    # Months overlapping the dates count whole: 15 February – 10 April keeps February, March and April.
    some = conflict.months_filtered(months, regions, (), None, dt.date(2019, 2, 15), dt.date(2019, 4, 10), "acled")
    assert list(some.index) == [month("2019-02-01"), month("2019-03-01"), month("2019-04-01")]
    assert some["fatalities"].sum() == acled[acled["month"].between("2019-02-01", "2019-04-01")]["fatalities"].sum()
    outside = conflict.months_filtered(months, regions, (), None, dt.date(2024, 1, 1), None, "acled")
    assert outside.empty


def test_sources_are_never_added_up(months, regions) -> None:
    for source in ("acled", "ucdp"):
        counts = conflict.months_filtered(months, regions, (), None, None, None, source)
        assert counts["events"].sum() == months.loc[months["source"] == source, "events"].sum()
    assert conflict.months_filtered(months, regions, (), None, None, None, "other").empty


def _chart(events, periods, window: tuple[dt.date, dt.date], lanes: str = "country"):
    return timeline.build_figure(events, periods, "en", lanes, window).layout


def test_band_x_axis_follows_the_timeline_filter(months, regions, events, periods) -> None:
    counts = conflict.months_filtered(months, regions, (), None, None, None, "acled")["events"]
    ranges = []
    for window in [(dt.date(2015, 1, 1), dt.date(2022, 12, 31)), (dt.date(2019, 1, 1), dt.date(2019, 6, 30))]:
        chart = _chart(events, periods, window)
        figure = conflict_figures.band(counts, chart, "ACLED", "Conflict events", "en")
        assert tuple(figure.layout.xaxis.range) == tuple(chart.xaxis.range)
        assert tuple(figure.layout.xaxis.tickvals) == tuple(chart.xaxis.tickvals)
        assert figure.layout.xaxis.fixedrange and figure.layout.yaxis.fixedrange
        ranges.append(tuple(figure.layout.xaxis.range))
    assert ranges[0] != ranges[1]  # another filter, another range: the band moves with the timeline
    assert ranges[0][0] < "2015-01-01" < "2022-12-31" < ranges[0][1]


def test_band_reserves_the_lanes_room(months, regions, events, periods) -> None:
    counts = conflict.months_filtered(months, regions, (), None, None, None, "acled")["events"]
    for lanes in ("country", "type"):
        chart = _chart(events, periods, (dt.date(2015, 1, 1), dt.date(2022, 12, 31)), lanes)
        figure = conflict_figures.band(counts, chart, "ACLED", "Conflict events", "en")
        assert list(figure.layout.yaxis2.categoryarray) == list(chart.yaxis.categoryarray)
        assert list(figure.layout.yaxis2.tickvals) == list(chart.yaxis.categoryarray)  # each one, even if crowded
        assert figure.layout.yaxis2.tickfont.color == "rgba(0,0,0,0)"
        reserve = [trace for trace in figure.data if trace.yaxis == "y2"]
        assert len(reserve) == 1 and all(x is None for x in reserve[0].x) and reserve[0].hoverinfo == "skip"


def test_band_shows_one_source_as_given(months, regions, events, periods) -> None:
    chart = _chart(events, periods, (dt.date(2018, 1, 1), dt.date(2019, 12, 31)))
    for source, name in conflict.SOURCE_NAMES.items():
        counts = conflict.months_filtered(months, regions, (), None, None, None, source)["fatalities"]
        figure = conflict_figures.band(counts, chart, name, "Deaths", "en")
        bars = [trace for trace in figure.data if trace.type == "bar"]
        assert len(bars) == 1
        assert sum(bars[0].y) == months.loc[months["source"] == source, "fatalities"].sum()
        assert list(bars[0].x) == [m.strftime("%Y-%m-%d") for m in counts.index]
        assert all(f"Deaths ({name}): " in text for text in bars[0].hovertext)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_band_hover_is_escaped_and_translated(months, regions, events, periods, lang) -> None:
    counts = conflict.months_filtered(months, regions, (), None, None, None, "ucdp")["events"]
    chart = _chart(events, periods, (dt.date(2018, 1, 1), dt.date(2019, 12, 31)))
    figure = conflict_figures.band(counts, chart, HOSTILE, HOSTILE, lang)
    bar = figure.data[0]
    for text in [*bar.hovertext, bar.name]:
        assert "<script" not in text and "<img" not in text and "`" not in text and "${" not in text
        assert "&lt;script&gt;" in text
    first = bar.hovertext[0]
    assert first.startswith("<b>" + ("July 2018" if lang == "en" else "juillet 2018") + "</b><br>")
    assert first.endswith(": 100")


def test_sparkline_marks_the_curated_events_and_escapes_them() -> None:
    series = pd.DataFrame({"acled": [1, 4, 0]}, index=pd.date_range("2020-01-01", periods=3, freq="MS"))
    marks = pd.DataFrame({"date": [pd.Timestamp("2020-02-10")], "label": ["coup <b>"]})
    figure = conflict_figures.sparkline(series, marks, {"acled": "ACLED", "marks": HOSTILE})
    assert [trace.name for trace in figure.data][0] == "ACLED"
    assert list(figure.data[1].text) == ["coup &lt;b&gt;"]
    assert "<script" not in figure.data[1].name and "&lt;script&gt;" in figure.data[1].name
    assert conflict_figures.sparkline(series, None, {}).data[0].name == "acled"
