"""Filtering the events and building the timeline figure, on the real data set."""

import datetime as dt
import html
import json

import pandas as pd

from liptako import data, exports, timeline
from liptako.state import Filters


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
    bars = [tr for tr in fig.data if tr.type == "bar" and tr.legendgroup == "rule"]
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


# ---------------------------------------------------------------- reading the timeline (issue 13)


def plotted(fig) -> list[tuple[str, str]]:  # noqa: ANN001
    """(event id, lane) of every event marker, the selection ring left out."""
    return [
        (cd[0], html.unescape(y))
        for tr in fig.data
        if tr.type == "scatter" and tr.name != "selected"
        for cd, y in zip(tr.customdata, tr.y, strict=True)
    ]


def test_only_the_lanes_of_the_countries_asked_for_are_drawn(events, periods) -> None:  # noqa: ANN001
    niger = timeline.filter_events(events, Filters(countries=("NER",)))
    fig = timeline.build_figure(niger, periods, "en", "country", countries=("NER",))
    assert list(fig.layout.yaxis.categoryarray) == ["Niger"]
    assert {lane for _, lane in plotted(fig)} == {"Niger"}
    assert {eid for eid, _ in plotted(fig)} == set(niger.index)  # a joint event is on Niger's lane only
    rule = [tr for tr in fig.data if tr.type == "bar" and tr.legendgroup == "rule"]
    assert {html.unescape(y) for tr in rule for y in tr.y} == {"Niger"}


def test_type_lanes_are_only_the_types_shown(events, periods) -> None:  # noqa: ANN001
    coups = timeline.filter_events(events, Filters(types=("coup", "treaty")))
    fig = timeline.build_figure(coups, periods, "en", "type")
    lanes = [html.unescape(v) for v in fig.layout.yaxis.categoryarray]
    assert "Coup" in " ".join(lanes) and "Treaty" in lanes
    assert not any(label in lanes for label in ("Withdrawal", "Sanction", "Diplomatic"))


def test_presets_are_dates_and_are_recognised(events) -> None:  # noqa: ANN001
    first, last = timeline.date_bounds(events)
    charter = dt.date(2023, 9, 16)
    assert timeline.preset_dates("all", first, last, charter) == (None, None)
    assert timeline.preset_dates("since_2020", first, last, charter) == (dt.date(2020, 1, 1), None)
    assert timeline.preset_dates("since_charter", first, last, charter) == (charter, None)
    start, end = timeline.preset_dates("last_12_months", first, last, charter)
    assert end is None and start == dt.date(last.year - 1, last.month, last.day) + dt.timedelta(days=1)
    for preset in timeline.PRESETS:
        date_from, date_to = timeline.preset_dates(preset, first, last, charter)
        filters = Filters(date_from=date_from, date_to=date_to)
        assert timeline.matching_preset(filters, first, last, charter) == preset
    assert timeline.matching_preset(Filters(date_from=dt.date(2021, 3, 4)), first, last, charter) is None
    since = timeline.filter_events(events, Filters(date_from=timeline.preset_dates("since_2020", first, last)[0]))
    assert 0 < len(since) < len(events)


def test_short_titles_fit_a_label(events) -> None:  # noqa: ANN001
    for lang in ("fr", "en"):
        for _, event in events.iterrows():
            label = timeline.short_title(event, lang)
            assert 0 < len(label) <= timeline.LABEL_CHARS
    assert timeline.short_title(events.loc["ner-2023-07-26-coup"], "en") == "Niger coup"


def _spans(fig, plot_px: float) -> dict[tuple[str, int], list[tuple[float, float]]]:  # noqa: ANN001
    """Where each label lies on a plot `plot_px` wide, by lane and row (above or below the dots)."""
    low, high = (dt.date.fromisoformat(v[:10]) for v in fig.layout.xaxis.range)
    rows: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for note in fig.layout.annotations:
        at = (dt.date.fromisoformat(note.x) - low).days / (high - low).days * plot_px
        width = len(html.unescape(note.text.replace("<b>", "").replace("</b>", ""))) * timeline.CHAR_PX
        left = {"left": at, "right": at - width}.get(note.xanchor, at - width / 2)
        assert left >= 0 and left + width <= plot_px, note.text  # inside the plot, not cut off at its edge
        rows.setdefault((note.y, note.yshift), []).append((left, left + width))
    return rows


def test_key_events_are_labelled_without_collisions(events, periods) -> None:  # noqa: ANN001
    first, last = timeline.date_bounds(events)
    since = timeline.filter_events(events, Filters(date_from=dt.date(2020, 1, 1)))
    fig = timeline.build_figure(since, periods, "fr", window=(dt.date(2020, 1, 1), last))
    texts = [html.unescape(a.text) for a in fig.layout.annotations]
    assert len(texts) >= 6
    key = since[since["type"].map(str).isin(timeline.KEY_TYPES)]
    assert set(texts) <= {timeline.short_title(e, "fr") for _, e in key.iterrows()}
    for row in _spans(fig, timeline.PLOT_PX).values():
        row.sort()
        assert all(a[1] <= b[0] for a, b in zip(row, row[1:], strict=False)), row
    phone = fig.layout.meta["phone_labels"]
    assert 0 < phone <= len(texts)
    css = timeline.narrow_css(fig, ".chart")
    assert f'data-index="{phone}"' in css if phone < len(texts) else css == ""
    assert 'data-index="0"]' not in css


def test_selected_event_is_ringed_and_labelled_first(events, periods) -> None:  # noqa: ANN001
    fig = timeline.build_figure(events, periods, "en", selected="bfa-2021-06-05-solhan")
    ring = next(tr for tr in fig.data if tr.name == "selected")
    assert ring.marker.size > 20 and list(ring.customdata) == [["bfa-2021-06-05-solhan"]]
    first = fig.layout.annotations[0]
    assert first.text == "<b>Solhan massacre</b>" and first.x == "2021-06-05"


def test_density_band_counts_every_event_in_the_window(events, periods) -> None:  # noqa: ANN001
    unit, band = timeline.density(events, timeline.date_bounds(events))
    assert unit == "year" and band["count"].sum() == len(events)
    unit, band = timeline.density(events, (dt.date(2023, 1, 1), dt.date(2024, 12, 31)))
    in_window = events[(events["date"] >= "2023-01-01") & (events["date"] <= "2024-12-31")]
    assert unit == "month" and len(band) == 24 and band["count"].sum() == len(in_window)
    fig = timeline.build_figure(events, periods, "fr")
    bars = next(tr for tr in fig.data if tr.name == "density")
    assert bars.yaxis == "y2" and "événements en 2024" in " ".join(bars.hovertext)


def test_legend_lists_what_is_shown_escaped(events, periods) -> None:  # noqa: ANN001
    coups = timeline.filter_events(events, Filters(types=("coup",)))
    legend = timeline.legend_html(coups, periods, "fr", ("NER",))
    assert "Coup d&#x27;État" in legend or "Coup d'État" in legend
    assert "Traité" not in legend
    assert "militaire" in legend.lower()  # Niger's periods of military rule are behind its lane
    assert "Événements par an" in timeline.legend_html(coups, periods, "fr", unit="year")  # the density band's bars
    assert timeline.density_unit((dt.date(2023, 1, 1), dt.date(2024, 12, 31))) == "month"
