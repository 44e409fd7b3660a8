"""The facts' new bars: every event placed with its precision, tolls with a source per figure, actors from a
controlled list, no encyclopaedia page of a town or a country as a source — and the views that show them."""

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from liptako import cards, data, timeline
from liptako.data import default_data_dir, place_page
from liptako.state import Filters, Known, parse

from .conftest import run_page

FOLDER = default_data_dir()
EVENTS = data.load_events(FOLDER / "events.csv")
ACTORS = {a.id: a for a in data.load_actors(FOLDER / "actors.yaml")}
PLACE_IDS = set(data.load_places(FOLDER / "places.csv").index)


@pytest.mark.parametrize(
    ("url", "bare"),
    [
        ("https://en.wikipedia.org/wiki/Bamako", True),
        ("https://fr.wikipedia.org/wiki/Ouagadougou", True),
        ("https://fr.wikipedia.org/wiki/Tillab%C3%A9ri", True),
        ("https://en.wikipedia.org/wiki/Niger", True),
        ("https://en.wikipedia.org/wiki/Burkina_Faso", True),
        ("http://theinfolist.com/html/ALL/s/N/Niamey.html", True),
        ("https://en.wikipedia.org/wiki/2023_Nigerien_coup_d%27%C3%A9tat", False),
        ("https://www.rfi.fr/fr/afrique/20230726-niger-bamako", False),
        ("https://fr.wikipedia.org/wiki/Massacre_de_Solhan", False),
    ],
)
def test_encyclopaedia_pages_of_towns_and_countries_are_recognised(url: str, bare: bool) -> None:
    assert place_page(url, PLACE_IDS) is bare


def rewrite(folder: Path, event_id: str, **changes: str) -> None:
    path = folder / "events.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for row in rows:
        if row["id"] == event_id:
            row.update(changes)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


FIRST = str(EVENTS.index[0])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sources": "https://en.wikipedia.org/wiki/Bamako"}, "sources"),
        ({"lat": "12.65", "lon": "-8.0", "place_precision": ""}, "place_precision"),
        (
            {"fatalities_low": "10", "fatalities_low_source": "", "fatalities_high": "", "fatalities_high_source": ""},
            "fatalities_low_source",
        ),
        (
            {
                "fatalities_low": "10",
                "fatalities_low_source": "https://example.org/a",
                "fatalities_high": "5",
                "fatalities_high_source": "https://example.org/b",
            },
            "fatalities_high",
        ),
        ({"actors": "no-such-group"}, "actors"),
    ],
)
def test_bad_facts_are_named_by_file_row_and_field(data_copy: Path, changes: dict, field: str) -> None:
    rewrite(data_copy, FIRST, **changes)
    defects = [d for d in data.check_all(data_copy) if d.file == "data/events.csv"]
    assert defects and defects[0].field == field and defects[0].row == 2, defects


def test_every_event_is_placed_or_says_why_not_and_most_are_on_the_map() -> None:
    located = EVENTS["lat"].notna()
    assert located.mean() >= 0.9
    assert EVENTS.loc[located, "place_precision"].notna().all()


def test_the_actor_filter_keeps_events_naming_any_of_the_actors() -> None:
    named = EVENTS["actors"].explode().dropna().value_counts()
    first, second = named.index[0], named.index[1]
    shown = timeline.filter_events(EVENTS, Filters(actors=(first, second)))
    assert 0 < len(shown) < len(EVENTS)
    assert all({first, second} & set(ids) for ids in shown["actors"])
    state, notices = parse({"actors": f"{first},nobody"}, Known(actors=list(ACTORS)))
    assert state.filters.actors == (first,) and [n.param for n in notices] == ["actors"]


def test_a_toll_shows_each_figure_with_its_source() -> None:
    event = EVENTS[EVENTS["fatalities_high"].notna() & (EVENTS["fatalities_high"] > EVENTS["fatalities_low"])].iloc[0]
    text = cards.toll_text(event, "en")
    assert f"{int(event['fatalities_low'])}–" in text.replace(",", "")
    floor = event.copy()
    floor["fatalities_high"] = pd.NA
    assert cards.toll_text(floor, "fr").startswith("au moins")


def test_card_and_region_panel_show_tolls_and_actors() -> None:
    tolled = EVENTS[EVENTS["fatalities_low"].notna() & EVENTS["actors"].map(bool) & EVENTS["region_ids"].map(bool)]
    event_id = str(tolled.index[-1])
    at = run_page("timeline", "en", {"event": event_id})
    card = " ".join(m.value for m in at.markdown)
    assert "**Deaths**" in card and "**Actors**" in card
    region = tolled.iloc[-1]["region_ids"][0]
    panel = run_page("map", "en", {"region": region})
    text = " ".join(m.value for m in panel.markdown)
    assert "Deaths in these events" in text and "Actors named" in text


def test_the_actor_filter_is_in_the_link() -> None:
    actor = EVENTS["actors"].explode().dropna().value_counts().index[0]
    at = run_page("timeline", "en", {"actors": actor})
    assert not at.exception
    expected = len(timeline.filter_events(EVENTS, Filters(actors=(actor,))))
    assert any(m.value.startswith(f"{expected} of {len(EVENTS)} events shown") for m in at.markdown)
