"""Every page runs headless (Streamlit's AppTest) in both languages, and links open the state they describe."""

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from liptako import timeline
from liptako.state import Filters

from .conftest import ROOT, run_page
from .support import facts

PAGES = ["home", "map", "timeline", "charter", "sources"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page: str, lang: str) -> None:
    at = run_page(page, lang)
    assert not at.exception
    assert at.title and at.title[0].value


@pytest.mark.parametrize("script", sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"], ids=lambda p: p.name)
def test_no_stray_text_on_a_page(script: Path) -> None:
    """Streamlit's "magic" writes any bare string of a page script onto the page (a comment written as a string
    once showed readers a developer's note above the map's title): only the module docstring may be one."""
    body = ast.parse(script.read_text()).body
    strays = [
        node.lineno
        for node in body[1:]
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    ]
    assert not strays, f"{script.name}: bare strings on lines {strays} would be shown to readers"


def test_language_comes_from_the_link() -> None:
    assert run_page("sources", "fr").title[0].value == "Sources et licences"
    assert run_page("sources", "en").title[0].value == "Sources and licences"


def test_region_link_shows_its_panel() -> None:
    at = run_page("map", "en", {"region": "NE-6"})
    assert [s.value for s in at.subheader] == ["Tillabéri"]
    assert at.selectbox(key="region_picker").value == "NE-6"
    facts = " ".join(m.value for m in at.markdown)
    assert "Niger" in facts and "91,433 km²" in facts
    assert at.query_params["region"] == ["NE-6"] or at.query_params["region"] == "NE-6"


def test_unknown_region_gives_a_notice_not_an_exception() -> None:
    at = run_page("map", "en", {"region": "<script>alert(1)</script>"})
    assert not at.exception
    assert any("does not exist" in w.value for w in at.warning)
    assert not at.subheader
    assert "region" not in at.query_params


def test_picking_a_region_updates_panel_and_link() -> None:
    at = run_page("map", "fr")
    at.selectbox(key="region_picker").set_value("ML-8").run()
    assert [s.value for s in at.subheader] == ["Kidal"]
    assert "ML-8" in str(at.query_params["region"])


def test_broken_data_file_shows_a_readable_error_and_other_pages_work(data_copy, monkeypatch) -> None:  # noqa: ANN001
    text = (data_copy / "places.csv").read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace(",town,", ",metropolis,").replace(",regional_capital,", ",metropolis,")
    (data_copy / "places.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    monkeypatch.setenv("LIPTAKO_DATA_DIR", str(data_copy))
    at = run_page("map", "en")
    assert not at.exception
    message = at.error[0].value.replace("\\", "")  # Markdown escapes are not what the reader sees
    assert "data/places.csv" in message and "row 3" in message and "field **kind**" in message
    assert "metropolis" in message
    sources = run_page("sources", "en")
    assert not sources.exception and not sources.error


# ---------------------------------------------------------------- timeline


def count_line(at) -> str:  # noqa: ANN001
    return next(m.value for m in at.markdown if "events shown" in m.value or "événement" in m.value)


def test_timeline_filters_change_the_count() -> None:
    at = run_page("timeline", "en")
    total = int(count_line(at).split(" of ")[1].split()[0])
    assert count_line(at).startswith(f"{total} of {total}")
    at.multiselect(key="tl_countries").set_value(["NER"]).run()
    niger = int(count_line(at).split()[0])
    assert 0 < niger < total
    assert at.query_params["countries"] in (["NER"], "NER")
    at.multiselect(key="tl_types").set_value(["coup"]).run()
    assert int(count_line(at).split()[0]) < niger
    at.text_input(key="tl_text").set_value("zzzz-nothing").run()
    assert count_line(at).startswith("0 of")
    assert any("No event matches" in i.value for i in at.info)


def test_timeline_text_search_from_the_link() -> None:
    at = run_page("timeline", "fr", {"q": "Solhan"})
    assert count_line(at).startswith("1 événement")


def test_event_link_opens_its_card() -> None:
    at = run_page("timeline", "en", {"event": "ner-2023-07-26-coup"})
    assert not at.exception
    card = " ".join(m.value for m in at.markdown)
    assert any("Tiani" in s.value or "Niger" in s.value for s in at.subheader)
    assert "Sources" in card


def test_timeline_garbage_parameters_give_notices() -> None:
    at = run_page("timeline", "en", {"countries": "XYZ", "from": "tomorrow", "event": "nope", "lanes": "zig"})
    assert not at.exception
    assert len(at.warning) == 4
    total = len(facts.events())  # every garbage value falls back: nothing is filtered out
    assert count_line(at).startswith(f"{total} of {total} events shown")


def test_region_link_filters_the_timeline() -> None:
    at = run_page("timeline", "en", {"region": "NE-6"})
    events = facts.events()
    tied = timeline.filter_events(events, Filters(), region="NE-6")
    assert 0 < len(tied) < len(events)
    assert count_line(at).startswith(f"{len(tied)} of {len(events)} events shown")
    assert any("Tillabéri" in i.value for i in at.info)


# ---------------------------------------------------------------- charter


def provision_titles(at) -> list[str]:  # noqa: ANN001
    """The provision titles as the reader sees them (labels are Markdown, with data text escaped)."""
    labels = [re.sub(r"\\(.)", r"\1", e.label) for e in at.expander]
    return [label for label in labels if "—" in label or label in ("Préambule", "Preamble")]


def test_charter_search_and_theme_filter() -> None:
    at = run_page("charter", "fr")
    assert len(provision_titles(at)) == len(facts.default_document_provisions())  # the first document's, all
    at.text_input(key="ch_text").set_value("rebellion").run()
    assert [t.split(" — ")[0] for t in provision_titles(at)] == ["Art. 5"]
    at.text_input(key="ch_text").set_value("").run()
    at.multiselect(key="ch_themes").set_value(["terrorism"]).run()
    assert "Art. 4" in [t.split(" — ")[0] for t in provision_titles(at)]
    assert at.query_params["themes"] in (["terrorism"], "terrorism")


def test_charter_deep_link_opens_the_article() -> None:
    at = run_page("charter", "en", {"doc": "lg_charter_2023", "article": "6"})
    assert at.subheader[0].value.startswith("Art\\. 6") or at.subheader[0].value.startswith("Art. 6")


def test_charter_unknown_article_gives_a_notice() -> None:
    at = run_page("charter", "en", {"doc": "lg_charter_2023", "article": "42"})
    assert not at.exception
    assert any("42" in w.value for w in at.warning)


def test_timeline_date_range_narrows_the_count() -> None:
    at = run_page("timeline", "en")
    total = int(count_line(at).split()[0])
    at.date_input(key="tl_from").set_value(dt.date(2023, 1, 1)).run()  # typed dates (issue 13)
    at.date_input(key="tl_to").set_value(dt.date(2023, 12, 31)).run()
    in_2023 = int(count_line(at).split()[0])
    assert 0 < in_2023 < total
    assert at.query_params["from"] in (["2023-01-01"], "2023-01-01")
    at.slider(key="tl_years").set_value((2022, 2023)).run()  # a year at a time
    assert at.query_params["from"] in (["2022-01-01"], "2022-01-01")
    assert int(count_line(at).split()[0]) > in_2023


# ---------------------------------------------------------------- cross-links and shared state


def page_links(at) -> list[tuple[str, str]]:  # noqa: ANN001
    """(target page, query string) of every page link rendered."""
    found = []
    for element in at.get("page_link"):
        proto = element.proto
        found.append((proto.page, getattr(proto, "query_string", "")))
    return found


def test_region_panel_links_to_its_events_its_country_and_the_provisions_they_cite() -> None:
    at = run_page("map", "en", {"region": "ML-7"})
    links = page_links(at)
    assert any("region=ML-7" in q and "event=" not in q for _, q in links)
    assert any("countries=MLI" in q for _, q in links)
    assert any("event=" in q for _, q in links)


def test_event_card_links_to_the_map_and_the_charter() -> None:
    at = run_page("timeline", "en", {"event": "aes-2023-09-16-charter"})
    links = page_links(at)
    assert any(page == "charter" and "doc=lg_charter_2023" in q and "article=6" in q for page, q in links)
    # the Charter was signed in Bamako: its card links the map, opened on each region the event is tied to
    regions = list(facts.events().loc["aes-2023-09-16-charter", "region_ids"])
    assert "ML-BKO" in regions
    for rid in regions:
        assert any(page == "map" and f"region={rid}" in q.split("&") for page, q in links), rid


def test_provision_links_to_its_events() -> None:
    at = run_page("charter", "en", {"doc": "lg_charter_2023", "article": "6"})
    queries = [q for _, q in page_links(at)]
    assert any("event=aes-2023-09-16-charter" in q for q in queries)


@pytest.mark.parametrize("page", PAGES)
def test_state_round_trips_through_the_url(page: str) -> None:
    params = {
        "countries": "NER",
        "types": "coup",
        "region": "NE-6",
        "doc": "lg_charter_2023",
        "article": "6",
        "themes": "defence",
        "from": "2020-01-01",
        "q": "Tiani",
    }
    at = run_page(page, "fr", params)
    assert not at.exception and not at.warning
    kept = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert {k: kept.get(k) for k in params} == params


def test_fuzzed_links_never_raise() -> None:
    import random
    import string

    rng = random.Random(20261128)
    keys = [
        "lang",
        "region",
        "event",
        "doc",
        "article",
        "countries",
        "types",
        "from",
        "to",
        "q",
        "themes",
        "cq",
        "lanes",
        "zzz",
    ]
    samples = [
        "NE-6",
        "ML-",
        "<script>alert(1)</script>",
        "2023-02-30",
        "'; DROP TABLE",
        "%00",
        "é" * 300,
        "lg_charter_2023",
        "1e9",
        "-1",
        "NER,NER,XXX",
        "coup,,",
        "../../etc/passwd",
        "[]",
        "{}",
    ]
    pages = PAGES * 40
    for n in range(200):
        params = {}
        for _ in range(rng.randint(1, 6)):
            key = rng.choice(keys)
            params[key] = (
                rng.choice(samples)
                if rng.random() < 0.5
                else "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 30)))
            )
        at = run_page(pages[n], rng.choice(["fr", "en"]), params)
        assert not at.exception, (pages[n], params)


def test_map_link_with_an_event_shows_it_in_the_panel() -> None:
    at = run_page("map", "en", {"region": "BF-12", "event": "bfa-2021-06-05-solhan"})
    assert not at.exception
    texts = " ".join(m.value for m in at.markdown)
    assert "Solhan" in texts
    assert any("event=bfa-2021-06-05-solhan" in q for _, q in page_links(at))


def test_home_links_carry_the_readers_state() -> None:
    """From the overview, "Open the map" (and the others) keep the reader's filters and selection, as the sidebar
    does: a reader who comes back to the overview does not lose what they were looking at."""
    at = run_page("home", "en", {"region": "NE-6", "countries": "NER"})
    links = {link.proto.page: link.proto.query_string for link in at.get("page_link")}
    assert links, "the overview links to the views"
    for page, query in links.items():
        assert query.startswith("lang=en"), page
        assert "region=NE-6" in query and "countries=NER" in query, page
