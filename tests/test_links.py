"""Links as readers share them: any date, and any mix of the pages' own parts, opens a working view."""

import datetime as dt

import pytest

from liptako import data, timeline
from liptako.data import default_data_dir
from liptako.state import Filters, State, clamp_dates

from .conftest import run_page

EVENTS = data.load_events(default_data_dir() / "events.csv")
FIRST, LAST = timeline.date_bounds(EVENTS)


def test_dates_outside_the_data_are_clamped_with_a_notice() -> None:
    before, after = FIRST - dt.timedelta(days=3650), LAST + dt.timedelta(days=400)
    state, notices = clamp_dates(State(filters=Filters(date_from=before, date_to=after)), FIRST, LAST)
    assert (state.filters.date_from, state.filters.date_to) == (None, None)  # the whole span: no filter
    assert [(n.param, n.fixed) for n in notices] == [("from", FIRST.isoformat()), ("to", LAST.isoformat())]
    late, notices = clamp_dates(State(filters=Filters(date_from=after)), FIRST, LAST)
    assert late.filters.date_from == LAST and [n.param for n in notices] == ["from"]
    inside, notices = clamp_dates(State(filters=Filters(date_from=FIRST + dt.timedelta(days=1))), FIRST, LAST)
    assert inside.filters.date_from == FIRST + dt.timedelta(days=1) and notices == []


LINKS = [
    {"from": "1900-01-01"},
    {"to": (LAST + dt.timedelta(days=30)).isoformat()},
    {"from": (LAST + dt.timedelta(days=1000)).isoformat()},
    {"from": "1900-01-01", "to": "2999-12-31"},
    {"to": "1800-05-05"},
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("params", LINKS)
def test_timeline_link_with_dates_outside_the_data_shows_the_view_and_a_notice(lang: str, params: dict) -> None:
    at = run_page("timeline", lang, params)
    assert not at.exception, at.exception
    assert at.warning, "the reader is told the dates were moved"
    start, end = at.date_input(key="tl_from").value, at.date_input(key="tl_to").value
    assert FIRST <= start <= end <= LAST
    low, high = at.slider(key="tl_years").value
    assert FIRST.year <= low <= high <= LAST.year
    for param in params:  # the cleaned link holds only dates that exist
        if param in at.query_params:
            value = dt.date.fromisoformat(query(at)[param])
            assert FIRST <= value <= LAST


def query(at) -> dict[str, str]:  # noqa: ANN001
    return {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}


def test_a_timeline_filter_keeps_the_charter_filters() -> None:
    at = run_page("timeline", "en", {"themes": "defence", "cq": "defense"})
    at.multiselect(key="tl_countries").set_value(["NER"]).run()
    assert not at.exception
    assert {k: query(at)[k] for k in ("countries", "themes", "cq")} == {
        "countries": "NER",
        "themes": "defence",
        "cq": "defense",
    }


def test_a_charter_search_keeps_the_timeline_filters() -> None:
    at = run_page("charter", "en", {"countries": "MLI", "q": "coup", "lanes": "type"})
    at.text_input(key="ch_text").set_value("defence").run()
    assert not at.exception
    assert {k: query(at)[k] for k in ("countries", "q", "lanes", "cq")} == {
        "countries": "MLI",
        "q": "coup",
        "lanes": "type",
        "cq": "defence",
    }


def test_a_map_pick_keeps_the_other_pages_filters() -> None:
    at = run_page("map", "en", {"countries": "BFA", "themes": "security", "cq": "armée"})
    at.selectbox(key="region_picker").set_value("NE-6").run()
    assert not at.exception
    assert {k: query(at)[k] for k in ("region", "countries", "themes", "cq")} == {
        "region": "NE-6",
        "countries": "BFA",
        "themes": "security",
        "cq": "armée",
    }
