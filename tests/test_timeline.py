"""Filtering the events and building the timeline figure, on the real data set."""

import datetime as dt
import html
import json

import pandas as pd
import pytest

from liptako import data, exports, timeline
from liptako.data import default_data_dir
from liptako.state import Filters


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return data.load_events(default_data_dir() / "events.csv")


@pytest.fixture(scope="module")
def periods() -> pd.DataFrame:
    return data.load_rule_periods(default_data_dir() / "rule_periods.csv")


def involves(frame: pd.DataFrame, country: str) -> bool:
    return all(country in {str(c) for c in cs} for cs in frame["countries"])


def test_country_filter_keeps_only_events_involving_those_countries(events) -> None:  # noqa: ANN001
    niger = timeline.filter_events(events, Filters(countries=("NER",)))
    assert 0 < len(niger) < len(events)
    assert involves(niger, "NER")
    both = timeline.filter_events(events, Filters(countries=("NER", "MLI")))
    assert len(both) > len(niger)


def test_type_filter(events) -> None:  # noqa: ANN001
    coups = timeline.filter_events(events, Filters(types=("coup",)))
    assert set(coups["type"].map(str)) == {"coup"}
    assert len(coups) >= 14  # every successful coup since independence


def test_date_filter_keeps_events_overlapping_the_range(events) -> None:  # noqa: ANN001
    shown = timeline.filter_events(events, Filters(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)))
    assert len(shown) > 5
    assert (shown["date"] <= pd.Timestamp("2023-12-31")).all()
    assert (shown["end_date"].fillna(shown["date"]) >= pd.Timestamp("2023-01-01")).all()


def test_text_search_is_accent_and_language_insensitive(events) -> None:  # noqa: ANN001
    solhan = timeline.filter_events(events, Filters(text="Solhan"))
    assert len(solhan) == 1 and "Solhan" in solhan.iloc[0]["title_en"]
    french = timeline.filter_events(events, Filters(text="charte liptako"))
    english = timeline.filter_events(events, Filters(text="CHARTER Liptako"))
    assert "aes-2023-09-16-charter" in french.index and "aes-2023-09-16-charter" in english.index
    assert len(timeline.filter_events(events, Filters(text="Tillaberi"))) == len(
        timeline.filter_events(events, Filters(text="Tillabéri"))
    )


def test_combined_and_empty(events) -> None:  # noqa: ANN001
    combined = timeline.filter_events(
        events, Filters(countries=("BFA",), types=("coup",), date_from=dt.date(2022, 1, 1))
    )
    assert list(combined.index) == ["bfa-2022-01-24-coup", "bfa-2022-09-30-coup"]
    assert timeline.filter_events(events, Filters(text="zzzz-no-such-word")).empty


def test_region_filter(events) -> None:  # noqa: ANN001
    tillaberi = timeline.filter_events(events, Filters(), region="NE-6")
    assert len(tillaberi) >= 5
    assert all("NE-6" in rs for rs in tillaberi["region_ids"])


def test_figure_has_one_point_per_event_and_country_and_ids_for_selection(events, periods) -> None:  # noqa: ANN001
    shown = timeline.filter_events(events, Filters(countries=("NER",)))
    fig = timeline.build_figure(shown, periods, "en", "country")
    points = [
        (tr.name, cd[0], y)
        for tr in fig.data
        if tr.type == "scatter"
        for cd, y in zip(tr.customdata, tr.y, strict=False)
    ]
    assert {eid for _, eid, _ in points} == set(shown.index)
    expected = sum(len(cs) for cs in shown["countries"])
    assert len(points) == expected
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert bars and sum(len(b.y) for b in bars) == len(periods)


def test_figure_by_type_puts_each_event_once_on_its_type_lane(events, periods) -> None:  # noqa: ANN001
    fig = timeline.build_figure(events, periods, "fr", "type")
    scatter = [tr for tr in fig.data if tr.type == "scatter"]
    assert sum(len(tr.x) for tr in scatter) == len(events)
    assert {html.unescape(tr.name) for tr in scatter} >= {"Coup d'État", "Traité"}


def test_figure_escapes_text_from_data(events, periods) -> None:  # noqa: ANN001
    hostile = events.head(3).copy()
    hostile["title_en"] = "<img src=x onerror=alert(1)>"
    spec = json.dumps(timeline.build_figure(hostile, periods, "en").to_plotly_json(), default=str)
    assert "<img" not in spec and "&lt;img" in spec


def test_selected_event_reads_the_clicked_point(events) -> None:  # noqa: ANN001
    state = {"selection": {"points": [{"customdata": ["period:x"]}, {"customdata": ["ner-2023-07-26-coup"]}]}}
    assert timeline.selected_event(state, events.index) == "ner-2023-07-26-coup"
    assert timeline.selected_event({"selection": {"points": [{"customdata": ["period:x"]}]}}, events.index) is None
    assert timeline.selected_event(None, events.index) is None


def test_export_is_exactly_the_rows_shown_and_reloads(events, tmp_path) -> None:  # noqa: ANN001
    shown = timeline.filter_events(events, Filters(countries=("MLI",), types=("coup", "attempted_coup")))
    path = tmp_path / "events.csv"
    path.write_bytes(exports.event_rows_csv(shown))
    again = data.load_events(path)
    assert list(again.index) == list(shown.index)
    assert again.loc[shown.index[0], "summary_fr"] == shown.iloc[0]["summary_fr"]


def test_selected_event_is_ringed_on_each_of_its_lanes(events, periods) -> None:  # noqa: ANN001
    fig = timeline.build_figure(events, periods, "en", "country", selected="aes-2023-09-16-charter")
    ring = [tr for tr in fig.data if tr.name == "selected"]
    assert len(ring) == 1 and len(ring[0].y) == 3


def test_export_of_no_rows_is_a_header(events) -> None:  # noqa: ANN001
    empty = timeline.filter_events(events, Filters(text="zzzz-no-such-word"))
    assert exports.event_rows_csv(empty).decode().strip() == ",".join(events.columns)


ENGLISH_MONTHS = {
    *(dt.date(2021, m, 1).strftime("%B") for m in range(1, 13)),  # the C locale's names are English
    *(dt.date(2021, m, 1).strftime("%b") for m in range(1, 13)),
    "Sept",
}


def _tick_words(fig) -> list[str]:  # noqa: ANN001
    return [word.strip(".,") for label in fig.layout.xaxis.ticktext for word in html.unescape(label).split()]


def test_french_date_axis_has_french_month_names(events, periods) -> None:  # noqa: ANN001
    """plotly's own month names are English only: the axis must carry its own ticks, written by Babel."""
    window = (dt.date(2020, 8, 1), dt.date(2022, 6, 30))  # short enough for month ticks
    shown = timeline.filter_events(events, Filters(date_from=window[0], date_to=window[1]))
    fig = timeline.build_figure(shown, periods, "fr", window=window)
    axis = fig.layout.xaxis
    assert axis.tickmode == "array" and len(axis.tickvals) == len(axis.ticktext) >= 4
    words = _tick_words(fig)
    assert not ENGLISH_MONTHS & set(words), words
    assert {"janv", "avr", "juil", "oct"} & set(words), words
    english = _tick_words(timeline.build_figure(shown, periods, "en", window=window))
    assert {"Jan", "Apr", "Jul", "Oct"} & set(english), english


def test_date_axis_ticks_are_years_on_a_long_range(events, periods) -> None:  # noqa: ANN001
    fig = timeline.build_figure(events, periods, "fr")
    labels = list(fig.layout.xaxis.ticktext)
    assert 4 <= len(labels) <= 11 and all(label.isdigit() for label in labels), labels
    first, last = (dt.date.fromisoformat(v) for v in (fig.layout.xaxis.tickvals[0], fig.layout.xaxis.tickvals[-1]))
    low, high = (dt.date.fromisoformat(v[:10]) for v in fig.layout.xaxis.range)
    assert low <= first and last <= high


def test_date_ticks_fall_on_round_months_inside_the_range() -> None:
    first, last = dt.date(2021, 3, 15), dt.date(2021, 6, 2)
    values, labels = timeline.date_ticks(first, last, "fr")
    assert values == ["2021-04-01", "2021-05-01", "2021-06-01"]
    assert labels == ["avr. 2021", "mai 2021", "juin 2021"]
    assert timeline.date_ticks(first, last, "en")[1] == ["Apr 2021", "May 2021", "Jun 2021"]
