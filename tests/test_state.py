"""The URL is the state: every view can be bookmarked, and no link can crash a page."""

import datetime as dt
import random
import string

from liptako.state import Filters, Known, Selection, State, parse, to_query


def test_round_trip_keeps_every_part_of_the_state() -> None:
    state = State(
        lang="en",
        filters=Filters(
            countries=("MLI", "NER"),
            types=("coup",),
            date_from=dt.date(2020, 1, 1),
            date_to=dt.date(2024, 7, 6),
            text="Solhan é",
            themes=("defence", "terrorism"),
            charter_text="défense collective",
        ),
        selection=Selection(region="NE-6", event="ner-2023-07-26-coup", doc="lg_charter_2023", article="6"),
        lanes="type",
    )
    parsed, notices = parse(to_query(state))
    assert parsed == state
    assert notices == []


def test_default_state_makes_an_empty_query() -> None:
    assert to_query(State()) == {}


def test_unknown_ids_fall_back_to_defaults_with_a_notice() -> None:
    known = Known(regions={"NE-6"}, events={"e1"}, docs={"lg_charter_2023"}, provisions={"lg_charter_2023-6"})
    state, notices = parse({"region": "XX-9", "event": "nope", "doc": "lg_charter_2023", "article": "99"}, known)
    assert state.selection == Selection(doc="lg_charter_2023")
    assert {(n.param, n.reason) for n in notices} == {
        ("region", "notice.unknown_id"),
        ("event", "notice.unknown_id"),
        ("article", "notice.unknown_id"),
    }


def test_malformed_values_are_ignored_and_reported() -> None:
    state, notices = parse(
        {"lang": "de", "countries": "MLI,FRA", "types": "coup,party", "from": "2023-13-01", "to": "yesterday"}
    )
    assert state.lang is None
    assert state.filters.countries == ("MLI",)
    assert state.filters.types == ("coup",)
    assert state.filters.date_from is None and state.filters.date_to is None
    assert {n.param for n in notices} == {"lang", "countries", "types", "from", "to"}


def test_reversed_dates_are_swapped() -> None:
    state, notices = parse({"from": "2024-01-01", "to": "2020-01-01"})
    assert (state.filters.date_from, state.filters.date_to) == (dt.date(2020, 1, 1), dt.date(2024, 1, 1))
    assert [n.reason for n in notices] == ["notice.dates_reversed"]


def test_garbage_never_raises() -> None:
    rng = random.Random(7)
    keys = ["lang", "region", "event", "doc", "article", "countries", "types", "from", "to", "q", "zzz"]
    alphabet = string.printable + "éà€😀\x00"
    for _ in range(500):
        params = {
            rng.choice(keys): "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            for _ in range(rng.randint(0, 6))
        }
        state, _ = parse(params, Known(regions={"NE-6"}))
        assert isinstance(state, State)
        assert len(state.filters.text) <= 200
